// The results table: every unit for the chosen year, sortable by any column, filtered by level,
// county and KOSTRA group. Figures are the core's rounded ones; sorting uses its numbers.
import { shownRate, unitName } from './format.js';
import { fmtInt, t, tn, yardstick, yardText } from './i18n.js';

const MEASURES = ['M1', 'M2', 'M3', 'M4'];

const COLUMNS = [
  { key: 'level', label: () => t('colLevel'), value: (r) => LEVEL_ORDER[r.level], text: (r) => t(`levels.${r.level}`) },
  { key: 'code', label: () => t('colCode'), value: (r) => r.code, text: (r) => r.code },
  { key: 'name', label: () => t('colName'), value: (r) => unitName(r), text: (r) => unitName(r) },
  // The county by name ("Østfold"), from the county results of the year.
  { key: 'fylke', label: () => t('filterFylke'), value: (r, names) => names.get(r.fylke) ?? r.fylke ?? '', text: (r, names) => names.get(r.fylke) ?? r.fylke ?? '' },
  { key: 'kostragruppe', label: () => t('filterKostra'), value: (r) => r.kostragruppe ?? '', text: (r) => (r.kostragruppe ?? '').replace(/^EKG0?/, '') },
  { key: 'population', label: () => t('colPopulation'), value: (r) => r.population, text: populationText, numeric: true },
  ...MEASURES.map((m) => ({
    key: m, label: () => m, numeric: true,
    value: (r) => (r.per_1000 && !thin(r) ? r.per_1000[m] : null),
    text: (r) => (thin(r) ? '–' : shownRate(r, m) ?? '–'),
    published: (r) => shownRate(yardstick(r), m),
  })),
  { key: 'flags', label: () => t('colFlags'), value: (r) => shownFlags(r).length, text: null },
];

const WARNING_FLAGS = new Set(['outside_fences_high', 'outside_fences_low', 'rate_high', 'change_large', 'far_above_published', 'far_below_published', 'one_category', 'category_share', 'group_balance', 'category_change']);

// Outside the group's fences means nothing when the group comparison rests on too little.
const shownFlags = (r) => r.flags.filter((f) => !f.startsWith('outside_fences') || r.comparison?.coverage?.meaningful);

const LEVEL_ORDER = { land: 0, fylke: 1, kostragruppe: 2, kommune: 3, bydel: 4 };

// An aggregate resting on too few of its municipalities (the core's aggregate_coverage): no figure
// of its own, a row that says how many municipalities it has, and their population labelled as theirs.
const thin = (r) => r.aggregate_coverage?.meaningful === false;
function populationText(r) {
  return thin(r) ? t('yard.thinPopulation', { pop: fmtInt(r.population) }) : fmtInt(r.population);
}
const thinTag = (r) => (thin(r)
  ? ` <span class="ds-tag members-inline" data-color="warning">${escape(t('yard.thinTag', { members: r.aggregate_coverage.members, total: r.aggregate_coverage.members_total }))}</span>`
  : '');

const state = { sortKey: null, sortDir: 'ascending' };

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// On a phone (narrow) the name and the chosen measure come first, and level and number are left
// out (the name says it), so that a figure is on screen without scrolling sideways.
function columnsFor(narrow, measure) {
  if (!narrow) return COLUMNS;
  const first = ['name', measure];
  return [...first, ...COLUMNS.map((c) => c.key).filter((k) => !first.includes(k) && k !== 'level' && k !== 'code')]
    .map((k) => COLUMNS.find((c) => c.key === k));
}

// only: a test every row must pass besides the filters (the printout's nearest units), or null.
export function renderTable(wrap, results, { year, level, fylke, kostra, selectedKey, narrow = false, measure = 'M1', only = null }) {
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
      const va = col.value(a, names);
      const vb = col.value(b, names);
      if (va == null && vb == null) return ia - ib;
      if (va == null) return 1; // missing values last either way
      if (vb == null) return -1;
      const c = typeof va === 'number' ? va - vb : String(va).localeCompare(String(vb), 'nb');
      return c ? c * dir : ia - ib;
    }).map(([r]) => r);
  }

  const head = columns.map((c) => {
    const sort = c.key === state.sortKey ? state.sortDir : 'none';
    return `<th scope="col" aria-sort="${sort}" class="${c.numeric ? 'num' : ''}">` +
      `<button type="button" class="sort" data-sort="${c.key}">${escape(c.label())}</button></th>`;
  }).join('');
  const body = rows.map((r) => {
    const key = `${r.level}:${r.code}`;
    const cells = columns.map((c) => {
      if (c.key === 'flags') {
        return `<td class="flags">${shownFlags(r).map((f) => `<span class="ds-tag flag flag-${f}" data-color="${WARNING_FLAGS.has(f) ? 'warning' : 'neutral'}">${escape(t(`flags.${f}`))}</span>`).join(' ')}</td>`;
      }
      if (c.key === 'name') {
        // The name is a button: a click or Enter on it (or a click anywhere on the row) shows the unit.
        return `<th scope="row" data-col="name"><button type="button" class="row-select" aria-label="${escape(t('chooseUnit', { name: unitName(r) }))}">${escape(unitName(r))}</button>${thinTag(r)}</th>`;
      }
      // The published figure beside the user's own, labelled, never in its place.
      const pub = c.published?.(r);
      const beside = pub != null ? `<span class="published-inline">${escape(yardText(yardstick(r), pub, true))}</span>` : '';
      return `<td class="${c.numeric ? 'num' : ''}" data-col="${c.key}">${escape(c.text(r, names))}${beside}</td>`;
    }).join('');
    return `<tr data-key="${escape(key)}"${key === selectedKey ? ' class="selected" aria-current="true"' : ''}>${cells}</tr>`;
  }).join('');
  wrap.innerHTML = `<table class="ds-table results-table" data-border data-size="sm" id="results-table">` +
    `<caption>${escape(caption(year, rows.length))} <span class="screen-only">${escape(t('tableClickHint'))}</span></caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function caption(year, count) {
  const col = COLUMNS.find((c) => c.key === state.sortKey);
  const sorted = col ? ` ${t(state.sortDir === 'ascending' ? 'sortedAsc' : 'sortedDesc', { col: col.label() })}` : '';
  return `${t('tableCaption', { year, count: tn('nUnits', count) })}${sorted}`;
}

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

// The unit ("level:code") of the body row a click landed on, or null.
export function rowKey(event) {
  return event.target.closest('#results-table tbody tr[data-key]')?.dataset.key ?? null;
}
