// The file panel: what the core recognised in each file, and its messages (with line numbers, in
// plain language, from the core) — plus the messages about the computation as a whole.
import { coreText, fmtExact, fmtInt, listText, serviceName, t, tn } from './i18n.js';

const MAX_MESSAGES = 50;
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function messageList(diagnostics) {
  if (!diagnostics.length) return '';
  return `<ul class="messages">${messageItems(diagnostics.slice(0, MAX_MESSAGES), diagnostics.length)}</ul>`;
}

// "ark.csv, linje 14, kolonne 3" / "ark.xlsx, Ark1!C14": the file and the place in it, as the core
// words them (its message's text comes without them).
function where(d) {
  return [d.file, d.place].filter(Boolean).join(', ');
}

// The message lists the user opened, by file ('' for the computation's): open again when the panel
// is written anew (a setting, the language).
const opened = new Set();
const watched = new WeakSet();
function watchOpened(container) {
  if (watched.has(container)) return;
  watched.add(container);
  container.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!details.matches?.('details.more-messages')) return;
    const key = details.closest('li.file')?.dataset.file ?? '';
    if (details.open) opened.add(key);
    else opened.delete(key);
  }, true); // toggle does not bubble
}

// Warnings and notes fold away behind a summary that counts them; errors are always shown.
// key: the file the list belongs to ('' for the computation's), for its open state.
function folded(diagnostics, key, extra = '') {
  if (!diagnostics.length && !extra) return '';
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const notes = diagnostics.length - warnings;
  const what = listText([warnings && tn('nWarnings', warnings), notes && tn('nNotes', notes)].filter(Boolean));
  const summary = what ? t('showMessages', { what }) : t('excludedNote');
  return `<details class="ds-details more-messages"${opened.has(key) ? ' open' : ''}><summary>${escape(summary)}</summary>` +
    `${messageList(diagnostics)}${extra}</details>`;
}

function fileMessages(diagnostics, file) {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return messageList(errors) + folded(diagnostics.filter((d) => d.severity !== 'error'), file);
}

function messageItems(shown, total) {
  let html = '';
  for (const d of shown) {
    const color = d.severity === 'error' ? 'danger' : d.severity === 'warning' ? 'warning' : 'info';
    const place = where(d);
    const about = d.args?.code != null && d.args?.year != null ? ` data-about="${escape(`${d.args.level}:${d.args.code}:${d.args.year}`)}"` : '';
    html += `<li class="message" data-severity="${d.severity}" data-code="${escape(d.code)}"${d.line ? ` data-line="${d.line}"` : ''}${about}>` +
      `<span class="ds-tag" data-color="${color}">${escape(t(`severity.${d.severity}`))}</span> ` +
      (place ? `<span class="where">${escape(place)}:</span> ` : '') + `${escape(coreText(d.text))}</li>`;
  }
  if (total > shown.length) html += `<li class="message more">${escape(t('notShown', { n: fmtInt(total - shown.length) }))}</li>`;
  return html;
}

// «CSV, bred tabell «;»»: the format the core recognised, with its separator; «Ukjent» when it
// recognised none (the separator it split the text on then says nothing).
function formatText(info) {
  const name = t(`formats.${info.format}`) || info.format;
  if (!info.format || !info.delimiter) return name;
  return `${name} ${info.delimiter === '\t' ? 'TAB' : t('quoted', { text: info.delimiter })}`;
}

// The figures typed in the form, as typed, for the printout (the form itself is not printed):
// a row per target group (and service) with a figure, an empty field «tomt» as in the form.
// typed: grid.typed().
function typedTable(typed) {
  if (!typed) return '';
  const byService = typed.sheets.some((x) => x.service != null);
  let rows = '';
  for (const { service, values } of typed.sheets) {
    for (const group of typed.groups) {
      const cells = typed.columns.map((c) => (values[group]?.[c] ?? '').trim());
      if (cells.every((x) => x === '')) continue;
      rows += `<tr><th scope="row">${escape(t(`groups.${group}`))}</th>${byService ? `<td>${escape(service)}</td>` : ''}` +
        `${cells.map((x) => (x === '' ? `<td class="num empty">${escape(t('grid.emptyMark'))}</td>` : `<td class="num">${escape(x)}</td>`)).join('')}</tr>`;
    }
  }
  if (!rows) return '';
  const head = `<th scope="col">${escape(t('typedHead.group'))}</th>${byService ? `<th scope="col">${escape(t('typedHead.service'))}</th>` : ''}` +
    typed.columns.map((c) => `<th scope="col" class="num">${escape(c)}</th>`).join('');
  return '<div class="print-only typed-figures"><table class="ds-table" data-size="sm">' +
    `<caption>${escape(t('typedCaption', { unit: typed.unit, year: typed.year }))}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

// entries: [{fileId, name, example, grid (the typed-in form), info (report file) | null, error (text) | null,
// typed (the form's figures as typed: typedTable)}]
export function renderFiles(panel, general, entries, report) {
  watchOpened(panel);
  watchOpened(general);
  if (!entries.length) {
    write(panel, `<p class="ds-paragraph">${escape(t('noFiles'))}</p>`);
    write(general, '');
    return;
  }
  const diags = report ? report.diagnostics : [];
  let html = '<ul class="file-list">';
  entries.forEach((e, index) => {
    const info = e.info;
    const own = diags.filter((d) => d.file === e.name);
    const errors = own.filter((d) => d.severity === 'error').length;
    html += `<li class="file ds-card" data-file="${escape(e.name)}" data-index="${index}"${e.error ? ' data-failed="true"' : ''}>`;
    html += `<div class="file-head"><h4 class="ds-heading" data-size="xs">${escape(e.name)}</h4>`;
    if (e.example) html += ` <span class="ds-tag" data-color="warning">${escape(t('syntheticBadge'))}</span>`;
    if (errors) html += ` <span class="ds-tag" data-color="danger">${escape(t('severity.error'))}: ${errors}</span>`;
    html += '</div>';
    if (info && e.grid) {
      // The form typed in by hand: the CSV text the page made of it is no file of the user's, so
      // no format, encoding or rows; its messages are already placed in the form's cells.
      html += `<p class="ds-paragraph file-what" data-size="sm" data-form="true">${escape(t('formCard'))}</p>` +
        '<dl class="file-facts">' +
        `<div><dt>${escape(t(info.years.length === 1 ? 'year' : 'years'))}</dt><dd data-fact="years">${escape(info.years.join(', ') || '–')}</dd></div>` +
        '</dl>' + typedTable(e.typed);
    } else if (info) {
      const extras = [info.has_target_group && t('hasTargetGroup'), info.has_service && t('hasService')].filter(Boolean).join(', ');
      html += '<dl class="file-facts">' +
        `<div><dt>${escape(t('kind'))}</dt><dd data-fact="kind">${escape(t(`kinds.${info.kind}`))}${extras ? ` (${escape(extras)})` : ''}</dd></div>` +
        `<div><dt>${escape(t('format'))}</dt><dd data-fact="format">${escape(formatText(info))}</dd></div>` +
        `<div><dt>${escape(t('encoding'))}</dt><dd data-fact="encoding">${escape(t(`encodings.${info.encoding}`) || info.encoding)}</dd></div>` +
        `<div><dt>${escape(t('rows'))}</dt><dd data-fact="rows">${fmtInt(info.rows)}</dd></div>` +
        `<div><dt>${escape(t(info.years.length === 1 ? 'year' : 'years'))}</dt><dd data-fact="years">${escape(info.years.join(', ') || '–')}</dd></div>` +
        `<div><dt>${escape(t('units'))}</dt><dd data-fact="units">${fmtInt(info.units)}</dd></div>` +
        '</dl>';
      if (info.kind === 'referanse') {
        html += `<p class="ds-paragraph file-what" data-size="sm">${escape(t('yard.refKind', { units: fmtInt(info.units), years: info.years.join(', ') || '–' }))}</p>`;
      }
    }
    if (e.error) {
      html += `<ul class="messages"><li class="message" data-severity="error"><span class="ds-tag" data-color="danger">${escape(t('severity.error'))}</span> ${escape(t('status.fileError', { name: e.name, message: e.error }))}</li></ul>`;
    }
    html += fileMessages(own, e.name);
    html += `<button type="button" class="ds-button remove-file" data-variant="tertiary" data-size="sm" data-index="${index}">${escape(e.grid ? t('removeForm') : t('removeFile', { name: e.name }))}</button>`;
    html += '</li>';
  });
  write(panel, html + '</ul>');

  const rest = diags.filter((d) => d.file == null || !entries.some((e) => e.name === d.file));
  let generalHtml = '';
  if (report && (rest.length || report.excluded.length)) {
    // By year, each service in the page's language where the questionnaire names it.
    const years = [...new Set(report.excluded.map((x) => x.year))];
    const excluded = report.excluded.length
      ? `<p class="ds-paragraph" data-size="sm">${escape(t('excludedNote'))}: ` +
        years.map((y) => `${y}: ${report.excluded.filter((x) => x.year === y).map((x) => `${escape(serviceName(x.service))} (${fmtExact(x.arsverk)})`).join(', ')}`).join('; ') + '</p>'
      : '';
    const errors = rest.filter((d) => d.severity === 'error');
    generalHtml += `<h4 class="ds-heading" data-size="xs">${escape(t('generalMessages'))}</h4>` +
      messageList(errors) + folded(rest.filter((d) => d.severity !== 'error'), '', excluded);
  }
  write(general, generalHtml);
}

// A panel is written anew only when its text changes: a change of setting that leaves the files'
// messages as they were costs the browser nothing there. The open state of each fold is in the text.
const written = new WeakMap();
function write(container, html) {
  if (written.get(container) === html) return;
  written.set(container, html);
  container.innerHTML = html;
}

// The messages about the unit the printout's summary says in full (web/src/print.js): print.css
// leaves them out of the printed file panels, so that no message is printed twice. key:
// "kommune:3101:2025", or null for none.
export function markSaidInSummary(containers, key) {
  for (const container of containers) {
    for (const li of container.querySelectorAll('li.message[data-about]')) li.classList.toggle('in-summary', li.dataset.about === key);
  }
}
