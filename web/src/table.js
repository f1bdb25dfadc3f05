// The results table: the units for the chosen year, sortable by any column, filtered by level,
// county and KOSTRA group, shown a page (PAGE_ROWS rows) at a time: sorting and filtering act on
// every unit, the caption counts them all, and the buttons under the table page through them (or
// show them all). The page with the chosen unit is shown when it is chosen. Figures are the
// core's rounded ones; sorting uses its numbers.
import { shownRate, unitName } from './format.js';
import { checkText, fmtInt, t, tn, yardstick, yardText } from './i18n.js';

const MEASURES = ['M1', 'M2', 'M3', 'M4'];

const COLUMNS = [
  { key: 'level', label: () => t('colLevel'), value: (r) => LEVEL_ORDER[r.level], text: (r) => t(`levels.${r.level}`) },
  { key: 'code', label: () => t('colCode'), value: (r) => r.code, text: (r) => r.code },
  { key: 'name', label: () => t('colName'), value: (r) => unitName(r), text: (r) => unitName(r) },
  // The county by name ("Østfold"), from the county results of the year.
  { key: 'fylke', label: () => t('filterFylke'), value: (r, names) => names.get(r.fylke) ?? r.fylke ?? '', text: (r, names) => names.get(r.fylke) ?? r.fylke ?? '' },
  { key: 'kostragruppe', label: () => t('filterKostra'), value: (r) => r.kostragruppe ?? '', text: (r) => (r.kostragruppe ?? '').replace(/^EKG0?/, '') },
  { key: 'population', label: () => t('colPopulation'), value: (r) => r.population, text: (r) => fmtInt(r.population), numeric: true,
    note: (r) => (thin(r) ? t('yard.thinPopulationNote') : null) },
  ...MEASURES.map((m) => ({
    key: m, label: () => m, numeric: true,
    value: (r) => (r.per_1000 && !thin(r) ? r.per_1000[m] : null),
    text: (r) => (thin(r) ? '–' : shownRate(r, m) ?? '–'),
    published: (r) => shownRate(yardstick(r), m),
  })),
  { key: 'flags', label: () => t('colFlags'), value: (r) => shownFlags(r).length, text: null },
];

const WARNING_FLAGS = new Set(['outside_fences_high', 'outside_fences_low', 'rate_high', 'change_large', 'far_above_published', 'far_below_published', 'one_category', 'category_share', 'group_balance', 'category_change']);

// A flag's short tag, «holdt utenfor» with its reason; what it means, in full, as its title (the
// checks' own words; why rule 2 left it out).
const flagText = (r, f) => (f === 'suppressed' && r.suppression_reason ? t(`flagsSuppressed.${r.suppression_reason}`) : t(`flags.${f}`));
const flagTitle = (r, f) => (f === 'suppressed' ? (r.suppression_reason ? t(`reasons.suppressed.${r.suppression_reason}`) : '') : checkText(f));
// Outside the group's fences means nothing when the group comparison rests on too little.
const shownFlags = (r) => r.flags.filter((f) => !f.startsWith('outside_fences') || r.comparison?.coverage?.meaningful);

const LEVEL_ORDER = { land: 0, fylke: 1, kostragruppe: 2, kommune: 3, bydel: 4 };

// An aggregate resting on too few of its municipalities (the core's aggregate_coverage): no figure
// of its own, a row that says how many municipalities it has, and their population labelled as
// theirs, on a small line of its own (on one line it made the table too wide for M2–M4 at 1 280 px).
const thin = (r) => r.aggregate_coverage?.meaningful === false;
const thinTag = (r) => (thin(r)
  ? ` <span class="ds-tag members-inline" data-color="warning">${escape(t('yard.thinTag', { members: r.aggregate_coverage.members, municipalities: tn('nMunicipalities', r.aggregate_coverage.members_total) }))}</span>`
  : '');

export const PAGE_ROWS = 50;
// page: the page shown (0 = the first), all: every row instead; view and selected: the filters
// and sort, and the unit, of the last render (another filter or sort starts from the first page).
const state = { sortKey: null, sortDir: 'ascending', page: 0, all: false, view: '', selected: null, scroll: null };

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// On a phone (narrow) the name and the chosen measure come first, and level and number are left
// out (the name says it), so that a figure is on screen without scrolling sideways.
function columnsFor(narrow, measure) {
  if (!narrow) return COLUMNS;
  const first = ['name', measure];
  return [...first, ...COLUMNS.map((c) => c.key).filter((k) => !first.includes(k) && k !== 'level' && k !== 'code')]
    .map((k) => COLUMNS.find((c) => c.key === k));
}

// only: a test every row must pass besides the filters (the printout's nearest units), or null;
// all: every row, not a page (the printout). pager: the element for the count and the page buttons.
// Returns how many rows the filters give (total) and how many are on screen (shown).
export function renderTable(wrap, pager, legend, results, { year, level, fylke, kostra, selectedKey, narrow = false, measure = 'M1', only = null, all = false }) {
  const names = new Map(results.filter((r) => r.year === year && r.level === 'fylke').map((r) => [r.code, unitName(r)]));
  const columns = columnsFor(narrow, measure);
  let rows = results.filter((r) => r.year === year);
  if (level) rows = rows.filter((r) => r.level === level);
  if (fylke) rows = rows.filter((r) => (r.level === 'fylke' ? r.code === fylke : r.fylke === fylke));
  if (kostra) rows = rows.filter((r) => (r.level === 'kostragruppe' ? r.code === kostra : r.kostragruppe === kostra));
  if (only) rows = rows.filter(only);
  const col = COLUMNS.find((c) => c.key === state.sortKey);
  if (col) {
    const dir = state.sortDir === 'ascending' ? 1 : -1;
    rows = rows.map((r, i) => [r, i]).sort(([a, ia], [b, ib]) => {
      const valueA = col.value(a, names);
      const valueB = col.value(b, names);
      if (valueA == null && valueB == null) return ia - ib;
      if (valueA == null) return 1; // missing values last either way
      if (valueB == null) return -1;
      const order = typeof valueA === 'number' ? valueA - valueB : String(valueA).localeCompare(String(valueB), 'nb');
      return order ? order * dir : ia - ib;
    }).map(([r]) => r);
  }

  const shown = all || only ? rows : pageOf(rows, `${level}|${fylke}|${kostra}|${state.sortKey}|${state.sortDir}`, selectedKey);

  const head = columns.map((c) => {
    const sort = c.key === state.sortKey ? state.sortDir : 'none';
    return `<th scope="col" aria-sort="${sort}" class="${c.numeric ? 'num' : ''}">` +
      `<button type="button" class="sort" data-sort="${c.key}">${escape(c.label())}</button></th>`;
  }).join('');
  const body = shown.map((r) => {
    const key = `${r.level}:${r.code}`;
    const cells = columns.map((c) => {
      if (c.key === 'flags') {
        return `<td class="flags">${shownFlags(r).map((f) => flagTag(f, flagText(r, f), flagTitle(r, f))).join(' ')}</td>`;
      }
      if (c.key === 'name') {
        // The name is a button: a click or Enter on it (or a click anywhere on the row) shows the unit.
        return `<th scope="row" data-col="name"><button type="button" class="row-select" aria-label="${escape(t('chooseUnit', { name: unitName(r) }))}">${escape(unitName(r))}</button>${thinTag(r)}</th>`;
      }
      // The published figure beside the user's own, labelled, never in its place.
      const pub = c.published?.(r);
      const note = pub != null ? yardText(yardstick(r), pub, true) : c.note?.(r);
      const beside = note != null ? `<span class="published-inline">${escape(note)}</span>` : '';
      return `<td class="${c.numeric ? 'num' : ''}" data-col="${c.key}">${escape(c.text(r, names))}${beside}</td>`;
    }).join('');
    return `<tr data-key="${escape(key)}"${key === selectedKey ? ' class="selected" aria-current="true"' : ''}>${cells}</tr>`;
  }).join('');
  // Filters no unit passes: say so where the rows would be, with the way back to all of them.
  const empty = `<tr><td colspan="${columns.length}" class="table-empty">${escape(t('tableEmpty'))} ` +
    `<button type="button" class="ds-button" data-variant="secondary" data-size="sm" id="clear-filters">${escape(t('tableClearFilters'))}</button></td></tr>`;
  const hint = rows.length ? ` <span class="screen-only">${escape(t('tableClickHint'))}</span>` : '';
  wrap.innerHTML = `<table class="ds-table results-table" data-border data-size="sm" id="results-table">` +
    `<caption>${escape(caption(year, rows.length))}${hint}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.length ? body : empty}</tbody></table>`;
  legend.innerHTML = columns.some((c) => c.key === 'flags') ? legendHtml(shown) : '';
  if (!all && !only) renderPager(pager, rows.length);
  if (!all && !only) scrollBox(wrap);
  return { total: rows.length, shown: shown.length };
}

// What each short tag of the rows shown means, said once under the table: a title is not seen on
// a phone or on paper. In the order of the tags' list; rule 2 once for each reason among the rows.
function legendHtml(rows) {
  const order = Object.keys(t('flags'));
  const meanings = new Map(); // "tag|meaning" -> [flag, tag, meaning]
  for (const r of rows) {
    for (const f of shownFlags(r)) {
      const text = flagText(r, f);
      const meaning = flagTitle(r, f);
      if (meaning && !meanings.has(`${text}|${meaning}`)) meanings.set(`${text}|${meaning}`, [f, text, meaning]);
    }
  }
  if (!meanings.size) return '';
  const items = [...meanings.values()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return `<dl class="flag-legend" aria-label="${escape(t('flagLegend'))}">` + items.map(([f, text, meaning]) =>
    `<div><dt>${flagTag(f, text)}</dt><dd>${escape(meaning)}</dd></div>`).join('') + '</dl>';
}

const flagTag = (f, text, title = '') => `<span class="ds-tag flag flag-${f}" data-color="${WARNING_FLAGS.has(f) ? 'warning' : 'neutral'}"` +
  `${title ? ` title="${escape(title)}"` : ''}>${escape(text)}</span>`;

// The box (only the box, never the page) at the first row of a page just turned to. (Not to a unit
// chosen elsewhere: the box is then out of view, and its rows are not laid out until it comes into
// view, content-visibility: auto.)
function scrollBox(wrap) {
  if (state.scroll === 'top') wrap.scrollTop = 0;
  state.scroll = null;
}

// The rows of the page to show: the chosen unit's page when it was just chosen, the first page
// after another filter or sort, else the page shown before (the last one, if there are fewer now).
function pageOf(rows, view, selectedKey) {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const chosen = selectedKey !== state.selected ? rows.findIndex((r) => `${r.level}:${r.code}` === selectedKey) : -1;
  if (chosen >= 0) state.page = Math.floor(chosen / PAGE_ROWS);
  else if (view !== state.view) state.page = 0;
  // Another sort or filter starts at the top of the table's own scrolling box.
  if (chosen < 0 && view !== state.view) state.scroll = 'top';
  state.page = Math.min(state.page, pages - 1);
  state.view = view;
  state.selected = selectedKey;
  return state.all ? rows : rows.slice(state.page * PAGE_ROWS, (state.page + 1) * PAGE_ROWS);
}

// Under the table (more than one page): which rows of how many, and the buttons to page through
// them or to show them all (and back to pages).
function renderPager(pager, total) {
  pager.hidden = total <= PAGE_ROWS;
  if (pager.hidden) return;
  const first = state.page * PAGE_ROWS;
  const last = Math.min(total, first + PAGE_ROWS);
  const button = (action, text, { disabled = false, variant = 'secondary' } = {}) => `<button type="button" class="ds-button" ` +
    `data-variant="${variant}" data-size="sm" data-page="${action}"${disabled ? ' disabled' : ''}>${escape(text)}</button>`;
  const where = state.all ? t('tablePage.allShown', { total: fmtInt(total) })
    : t('tablePage.rows', { first: fmtInt(first + 1), last: fmtInt(last), total: fmtInt(total) });
  const buttons = state.all ? button('pages', t('tablePage.pages', { n: fmtInt(PAGE_ROWS) }), { variant: 'tertiary' })
    : button('previous', t('tablePage.previous', { n: fmtInt(PAGE_ROWS) }), { disabled: first === 0 }) +
      button('next', t('tablePage.next', { n: fmtInt(last === total ? PAGE_ROWS : Math.min(PAGE_ROWS, total - last)) }), { disabled: last === total }) +
      button('all', t('tablePage.all', { total: fmtInt(total) }), { variant: 'tertiary' });
  // The count stays one element, so that a screen reader hears it change.
  if (!pager.firstElementChild) pager.innerHTML = '<p class="ds-paragraph" id="results-count" aria-live="polite"></p><span class="pager-buttons"></span>';
  const [count, box] = pager.children;
  if (count.textContent !== where) count.textContent = where;
  box.innerHTML = buttons;
}

function caption(year, count) {
  const col = COLUMNS.find((c) => c.key === state.sortKey);
  const sorted = col ? ` ${t(state.sortDir === 'ascending' ? 'sortedAsc' : 'sortedDesc', { col: col.label() })}` : '';
  return `${t('tableCaption', { year, count: tn('nUnits', count) })}${sorted}`;
}

export const tableSort = () => ({ key: state.sortKey, dir: state.sortDir });

export function sortTable(key, dir) {
  state.sortKey = key;
  state.sortDir = dir;
}

// Clicking a header sorts: ascending, then descending. Returns whether the click was a sort.
export function handleSortClick(event, rerender) {
  const button = event.target.closest('button.sort');
  if (!button) return false;
  const key = button.dataset.sort;
  if (state.sortKey === key) state.sortDir = state.sortDir === 'ascending' ? 'descending' : 'ascending';
  else { state.sortKey = key; state.sortDir = COLUMNS.find((c) => c.key === key).numeric ? 'descending' : 'ascending'; }
  rerender();
  document.querySelector(`#results-table button.sort[data-sort="${key}"]`)?.focus();
  return true;
}

// A page button under the table. The keyboard focus stays on the button pressed while it can be
// pressed again, else it goes to the first row shown. Returns whether the click was one.
export function handlePageClick(event, rerender) {
  const button = event.target.closest('button[data-page]');
  if (!button) return false;
  const action = button.dataset.page;
  if (action === 'previous') state.page = Math.max(0, state.page - 1);
  else if (action === 'next') state.page += 1;
  state.all = action === 'all';
  state.scroll = 'top';
  rerender();
  const again = document.querySelector(`#results-pager button[data-page="${action}"]:not(:disabled)`);
  (again ?? document.querySelector('#results-table tbody button.row-select'))?.focus();
  return true;
}

// The unit ("level:code") of the body row a click landed on, or null.
export function rowKey(event) {
  return event.target.closest('#results-table tbody tr[data-key]')?.dataset.key ?? null;
}
