// The plain-JS baseline: TextDecoder over 8 MiB slices, split into lines and on ';', the persons
// summed per region and year in a Map. Knows the file's shape (title, blank line, header; quoted
// labels without ';' in them); no general CSV parsing.
const SLICE_BYTES = 8 << 20;

onmessage = async ({ data: { file, region, year } }) => {
  const sums = new Map();
  const decoder = new TextDecoder('utf-8');
  let rows = 0;
  let line = 0;
  let carry = '';
  const add = (text) => {
    if (line++ < 3) return; // title, blank line, header
    const f = text.split(';');
    if (f.length < 5) return;
    const key = `${f[0].slice(3, 7)}|${f[3].slice(1, -1)}`; // "K-0301 Oslo - Oslove" -> 0301; "2025" -> 2025
    sums.set(key, (sums.get(key) || 0) + parseInt(f[4], 10));
    rows++;
  };
  for (let start = 0; start < file.size; start += SLICE_BYTES) {
    const buffer = await file.slice(start, start + SLICE_BYTES).arrayBuffer();
    const lines = (carry + decoder.decode(buffer, { stream: start + SLICE_BYTES < file.size })).split('\n');
    carry = lines.pop();
    for (const text of lines) add(text);
  }
  if (carry) add(carry);
  postMessage({ rows, groups: sums.size, check: sums.get(`${region}|${year}`) ?? null });
};
