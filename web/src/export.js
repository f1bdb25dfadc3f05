// Downloads made in the page (CSV, JSON, PNG) as blob: URLs — nothing goes over the network.

// The core's Norwegian CSV starts with a UTF-8 BOM so that Norwegian Excel opens it correctly.
// Embind hands strings to JS through TextDecoder, which drops a leading BOM; put it back so the
// file is byte for byte the CLI's.
export function csvText(text, lang) {
  return lang === 'nb' && text.charCodeAt(0) !== 0xfeff ? `\ufeff${text}` : text;
}

export function download(name, blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
