// The page: wires the inputs to the worker and renders the core's report. No figure is computed
// here; everything shown comes from the core's JSON (see docs/output.md).
import { startCalculator } from './client.js';
import { setOptions } from './dom.js';
import { csvText, download } from './export.js';
import { chartsAwaitReport, chartsWithoutReport, drawCharts, fitChartsForPrint, fitChartsToScreen, renderCharts, watchWidth } from './charts.js';
import { diagnosticIn, schemaOf, unitName } from './format.js';
import { markSaidInSummary, renderFiles } from './files.js';
import { hasKeptDraft } from './form-draft.js';
import { getLang, initialLang, listText, measureLabel, setLang, setThresholds, sourceName, t, tn, warmFormats, yardstick } from './i18n.js';
import { renderKeyFigures } from './keyfigures.js';
import { startOffline } from './offline.js';
import { renderPrintSummary, unfoldForPrint } from './print.js';
import { watchScrollHints } from './scroll-hint.js';
import { handlePageClick, handleSortClick, renderTable, rowKey, sortTable, tableSort } from './table.js';
import { PAGE_SETTINGS, coreSettingsOf, defaultOf, defaultSettings } from './settings.js';
import { linkNote, readView, writeView } from './url-state.js';
import * as vm from './view-model.js';
import { LEVEL_ORDER, medianMeaningful } from './view-model.js';

const EXAMPLE_FILES = ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv'];

const $ = (id) => document.getElementById(id);
const el = {};
for (const id of ['status', 'progress', 'dropzone', 'file-input', 'choose-button', 'example-button', 'paste-text',
  'paste-button', 'file-panel', 'general-messages', 'clear-button', 'choose-section', 'unit-input', 'unit-list',
  'unit-error', 'year-select', 'result-empty', 'result-body',
  'synthetic-warning', 'key-figures', 'measure-select', 'scope-select', 'charts', 'filter-level', 'filter-fylke',
  'filter-kostra', 'results-table-wrap', 'export-csv-nb', 'export-csv-en', 'export-json', 'lang-button', 'see-result',
  'unit-choices', 'map-details', 'map-root', 'map-level', 'map-mode', 'map-status', 'copy-link', 'link-output', 'link-text', 'link-copied', 'grid-root', 'print-button', 'print-summary', 'link-note', 'print-table', 'print-table-note', 'paste-offer', 'paste-offer-text', 'paste-offer-button', 'map-mode-note']) {
  el[id] = $(id);
}
el['results-pager'] = $('results-pager');
el['flag-legend'] = $('flag-legend');

const noFilters = () => ({ level: '', fylke: '', kostra: '' }); // the results table's: every unit
const state = {
  entries: [],        // {fileId, name, example, error} in the order the core holds them
  report: null,       // the core's report for all years
  wholeFailed: null,  // why the whole report did not come: the report in hand holds the year in view only
  index: new Map(),   // "level:code:year" -> result
  units: new Map(),   // "level:code" -> {level, code, name, fylke, kostragruppe}
  renumbered: new Map(), // "kommune:3001" <-> "kommune:3101": one municipality across the 2024 renumbering
  settings: defaultSettings(), // what the core computes with: {populationYear, carryForward, suppression} (web/src/settings.js)
  year: null,
  unitKey: null,
  measure: defaultOf('measure'),
  scope: defaultOf('scope'),
  filters: noFilters(),
  map: null,          // the map (web/src/map.js), loaded when the map is first opened
  mapView: { open: false, level: defaultOf('mapLevel'), mode: defaultOf('mapMode'), diffBeforeCounties: false }, // as its controls' listeners or a link set it
  printTable: { mode: 'all', chosen: false }, // the results table in the printout: all | near | none
  offeredQuery: null, // the search whose units are offered to choose from (Herøy 1515 and 1818)
};
let renders = 0;

// --- status -----------------------------------------------------------------------------------

function setStatus(text) {
  el.status.textContent = text;
}
function setBusy(busy) {
  document.body.dataset.busy = String(busy);
  if (!busy) el.progress.hidden = true;
}

let lastAnnounced = '';
function onProgress({ name, index, count, loaded, total }) {
  const percent = Math.floor(total ? (100 * loaded) / total : 100);
  el.progress.hidden = false;
  el.progress.value = Math.floor(((index + (total ? loaded / total : 1)) / count) * 100);
  // The live region is told at the start of each file and each quarter, not on every slice.
  const step = `${name}:${Math.floor(percent / 25)}`;
  if (step !== lastAnnounced) {
    lastAnnounced = step;
    setStatus(t('status.reading', { name, percent }));
  }
}

// --- the calculator ---------------------------------------------------------------------------

const calc = startCalculator({ onProgress });

function coreSettings(year = null) {
  return coreSettingsOf(state.settings, { year });
}

// The settings' controls show state.settings (a link or the page's start set it); a change of a
// control is written there first, and the report follows.
function showSettings() {
  for (const s of PAGE_SETTINGS) {
    for (const control of document.querySelectorAll(s.control)) {
      if (control.type === 'radio') control.checked = control.value === state.settings[s.name];
      else control.value = state.settings[s.name];
    }
  }
}
for (const s of PAGE_SETTINGS) {
  for (const control of document.querySelectorAll(s.control)) {
    control.addEventListener('change', () => {
      state.settings[s.name] = control.value;
      refresh();
    });
  }
}

async function addFiles(files, { example = false, grid = false } = {}) {
  if (!files.length) return;
  setBusy(true);
  try {
    const overExample = !example && !grid && state.entries.some((e) => e.example);
    const yearsBefore = state.report?.years ?? [];
    const { added, errors } = await calc.add(files.map((f) => ({ name: f.name, blob: f.blob, form: grid })));
    for (const a of added) state.entries.push({ fileId: a.fileId, name: a.name, example, grid, error: null });
    for (const e of errors) state.entries.push({ fileId: null, name: e.name, example, grid, error: e.message });
    // Own files are never counted together with the synthetic example data: the example goes once
    // the core has read one of them. Files it cannot read take nothing away (their errors are said).
    const removesExample = overExample && readsAny(added);
    if (removesExample) {
      await removeExample();
      forgetView({ keepMunicipality: true });
    }
    const replaced = example || grid ? [] : await replaceSameNamed(added);
    const notes = [!overExample ? '' : removesExample ? t('status.exampleRemoved') : t('status.exampleKept')];
    if (replaced.length) notes.push(t('status.replaced', { names: listText(replaced) }));
    const note = notes.filter(Boolean).join(' ');
    // The typed-in form stays where the user types (it shows its own result); files and example
    // data bring theirs into view and take the keyboard focus there.
    await refresh({ reveal: !grid, yearsBefore: grid ? null : yearsBefore, note });
  } catch (err) {
    setStatus(t('status.fileError', { name: files.map((f) => f.name).join(', '), message: err.message }));
    setBusy(false);
  }
}

// A file added under the name of one already in (a corrected file saved over the old one and
// dropped again) takes the old one's place, once the core has read it: the old one's figures would
// otherwise count first, and the corrected ones not at all. Returns the names replaced.
async function replaceSameNamed(added) {
  const read = new Set(added.filter((a) => a.kind !== 'unknown').map((a) => a.name));
  const fresh = new Set(added.map((a) => a.fileId));
  const old = state.entries.filter((e) => !e.example && !e.grid && read.has(e.name) && !fresh.has(e.fileId));
  for (const e of old) {
    state.entries.splice(state.entries.indexOf(e), 1);
    if (e.fileId != null) await calc.remove(e.fileId);
  }
  return [...new Set(old.map((e) => e.name))];
}

// Whether the core recognised any of the files just added (their kind, from the core as each was read).
function readsAny(added) {
  return added.some((f) => f.kind !== 'unknown');
}

// The view of files no longer there (the example taken away, or every file): the unit in view and
// the table's filters go, so that the first view of the next files is chosen for them (defaultView:
// their one municipality, group or county; the example opens on Norway). keepMunicipality: a
// municipality chosen stays, if the new files have it.
function forgetView({ keepMunicipality = false } = {}) {
  if (!keepMunicipality || !/^(kommune|bydel):/.test(state.unitKey ?? '')) state.unitKey = null;
  state.filters = noFilters();
}

let refreshSeq = 0;
// reveal: new files were added, so bring what they brought into view, with the keyboard focus (the
// next Tab goes on into the result, not back to the top).
async function removeExample() {
  const examples = state.entries.filter((e) => e.example);
  state.entries = state.entries.filter((e) => !e.example);
  for (const e of examples) if (e.fileId != null) await calc.remove(e.fileId);
}

// note: said after the status of the new figures (what was done to get them). yearsBefore: the data
// years before files were added; a year they bring is shown (below).
async function refresh({ reveal = false, note = '', yearsBefore = null } = {}) {
  const seq = ++refreshSeq;
  state.wholeFailed = null;
  setBusy(true);
  if (!state.entries.some((e) => e.fileId != null)) {
    state.report = null;
    render();
    setStatus(t('status.ready'));
    setBusy(false);
    return;
  }
  setStatus(t('status.computing'));
  // The year in view first, then the whole report (web/src/client.js): what is in view is shown
  // as soon as the core has it, and the rest — other years, charts, suggestions — follows.
  const steps = calc.reportInSteps(coreSettings(), state.year ?? linkedView.year ?? null);
  let report = await answer(seq, steps.first);
  if (!report) return;
  // Files that bring a data year later than the one in view open on the newest of them: Halden's
  // 2025 file added while 2024 is in view shows 2025, with its checks. An earlier year (last year's
  // file, added to see the change) leaves the year in view. (The first files, with no year in view
  // yet, open on the newest or the link's: indexReport.)
  const brought = yearsBefore && state.year != null ? report.years.filter((y) => !yearsBefore.includes(y) && y > state.year) : [];
  if (brought.length) state.year = brought[brought.length - 1];
  // A year chosen while the first answer was on its way: its figures come with the whole report.
  if (isPartial(report) && state.year !== report.results_year && report.years.includes(state.year)) {
    report = await answer(seq, steps.whole());
    if (!report) return;
  }
  const first = !state.report;
  state.report = report;
  let errors = showReport();
  // After new files, the first results are brought into view; when a file has errors, its
  // messages come first. A change of settings or language leaves the page where it is.
  if (reveal && errors) showFirstError();
  else if (reveal && first && report.results.length) showResult();
  if (isPartial(report)) {
    await painted();
    // The first task after the frame with the year's figures (bench/page/recompute.mjs: shown).
    performance.mark('arsverk:shown');
    if (seq !== refreshSeq) return;
    const whole = await answer(seq, steps.whole(), (message) => {
      chartsWithoutReport(el.charts, message);
      state.wholeFailed = message;
      renderChooser();
    });
    if (!whole) return;
    state.report = whole;
    errors = showReport();
  }
  const done = doneStatus(errors);
  setStatus(note ? `${done} ${note}` : done);
  setBusy(false);
}

// The report a request gives, or null when it failed (said in the status, and to `failed`) or a
// newer request is on its way.
async function answer(seq, request, failed = () => {}) {
  let report;
  try {
    report = await request;
  } catch (err) {
    if (seq === refreshSeq) fail(err.message, failed);
    return null;
  }
  if (seq !== refreshSeq) return null;
  if (report.error) {
    fail(report.error, failed);
    return null;
  }
  return report;
}

function fail(message, failed) {
  setStatus(message);
  setBusy(false);
  failed(message);
}

// A report with the results of the year in view only (docs/output.md, "results_year").
const isPartial = (report) => report?.results_year != null;

// After the next frame has been painted; in a tab out of sight, which paints no frames, after a
// moment all the same.
const painted = () => new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve));
  setTimeout(resolve, 200);
});

// The report in hand, indexed and shown in the page's language (names are indexed in it); returns
// the summary of its errors. After a change of language only the units' names are indexed anew.
function showReport({ languageOnly = false } = {}) {
  if (languageOnly) stage('index', () => vm.nameUnits(state, unitName));
  else stage('index', () => indexReport(state.report));
  render();
  // Counts the reports whose figures went into the page, the year in view's first (while the page
  // is still busy with the whole one): bench/page/recompute.mjs measures a change until then.
  document.body.dataset.reportsShown = String(++reportsShown);
  return errorSummary(shownReport());
}
let reportsShown = 0;

function doneStatus(errors) {
  const report = state.report;
  if (errors) return t('status.doneErrors', { list: errors });
  // Results of every year, and the years said (the table shows one year's).
  const years = report.years.length > 1 ? `${report.years[0]}–${report.years.at(-1)}` : String(report.years[0] ?? '');
  const counts = { files: inputsText(report), results: `${tn('nResults', report.results.length)}${years ? ` (${years})` : ''}` };
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  return warnings ? t('status.doneWarnings', { ...counts, warnings: tn('nWarnings', warnings) }) : t('status.done', counts);
}

// What the figures came from: «2 filer», and the form typed in by hand said apart from them — it
// is no file of the user's: «skjemaet», «2 filer og skjemaet».
function inputsText(report) {
  const forms = new Set(state.entries.filter((e) => e.grid).map((e) => e.name));
  const files = report.files.filter((f) => !forms.has(f.name)).length;
  if (files === report.files.length) return tn('nFiles', files);
  return files ? listText([tn('nFiles', files), t('status.form')]) : t('status.form');
}

// The report as the page shows its messages: those about the typed-in form placed in its cells
// (web/src/grid.js), not in the CSV text the page made of it.
function shownReport() {
  const describe = grid ? (d) => grid.describe(d) : (d) => d;
  return state.report && { ...state.report, diagnostics: state.report.diagnostics.map((d) => describe(diagnosticIn(d))) };
}

// The first file with errors at the top, below the sticky status bar; the first file of all under
// its heading «Filer», which would otherwise be left half under the bar.
function showFirstError() {
  if (filesDue) renderFilesPanel();
  syncStatusHeight();
  const file = document.querySelector('#file-panel li.file:has(.message[data-severity="error"])');
  const first = file && !file.previousElementSibling;
  (first ? document.getElementById('files-heading') : file)?.scrollIntoView({ block: 'start' });
}

// "arsverk.csv: 2 feil, første på linje 4" for each file with errors (and files that failed).
function errorSummary(report) {
  const parts = state.entries.filter((e) => e.error).map((e) => t('status.errorsInNoLine', { file: e.name, count: tn('nErrors', 1) }));
  const byFile = new Map();
  for (const d of report.diagnostics.filter((x) => x.severity === 'error')) {
    const key = d.file ?? t('generalMessages');
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(d);
  }
  for (const [file, list] of byFile) {
    // In a workbook the first sheet with errors (the core lists a workbook's sheets in order), then
    // its first row: «første i arket «Ark1», rad 4», not a line of a file Excel never showed.
    const sheet = list.find((d) => d.sheet)?.sheet;
    const line = list.filter((d) => d.line && (d.sheet ?? undefined) === sheet).map((d) => d.line).sort((a, b) => a - b)[0];
    const key = !line ? 'status.errorsInNoLine' : sheet ? 'status.errorsInSheet' : 'status.errorsIn';
    parts.push(t(key, { file, count: tn('nErrors', list.length), sheet, line }));
  }
  return parts.length ? listText(parts) : '';
}

function showResult() {
  syncStatusHeight(); // the status text just changed: its height may have too
  const heading = document.getElementById('result-heading');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

// The view model (web/src/view-model.js) over the page's state, which holds its report, index,
// units and renumbered links.
function indexReport(report) {
  const known = { units: state.units, renumbered: state.renumbered };
  Object.assign(state, vm.indexReport(report, { nameOf: unitName }));
  if (isPartial(report)) keepUnitInView(known);
  const years = report.years;
  takeLinkedView(years);
  if (!years.includes(state.year)) state.year = years.length ? years[years.length - 1] : null;
  // A first view chosen from one year's units is chosen again from all of them (another year may
  // hold the one municipality of the files, or more), unless the user has chosen since.
  if (provisional && !isPartial(report)) {
    if (state.unitKey === provisional.unitKey) {
      state.filters.level = provisional.level;
      sortTable(provisional.sort.key, provisional.sort.dir);
      state.unitKey = null;
    }
    provisional = null;
  }
  if (state.units.has(state.unitKey)) return;
  if (state.units.has(state.renumbered.get(state.unitKey))) {
    state.unitKey = state.renumbered.get(state.unitKey);
    return;
  }
  const before = { level: state.filters.level, sort: tableSort() };
  state.unitKey = defaultUnitKey();
  provisional = isPartial(report) ? { ...before, unitKey: state.unitKey } : null;
}
let provisional = null; // {unitKey, level, sort}: the first view chosen from a report of one year

// A report of one year may lack the unit in view (no figures that year under the new settings, as
// Sauda in 2025 without carry-forward): it stays in view as the report before knew it, its
// renumbering too, and the whole report says what it has.
function keepUnitInView(known) {
  const other = known.renumbered.get(state.unitKey);
  for (const key of [state.unitKey, other]) {
    if (key && !state.units.has(key) && known.units.has(key)) state.units.set(key, known.units.get(key));
  }
  if (other && !state.renumbered.has(state.unitKey)) {
    state.renumbered.set(state.unitKey, other);
    state.renumbered.set(other, state.unitKey);
  }
}

// The first view of the data: its unit, and with many municipalities the table filtered to them
// and ranked by the measure — also when a link chose the unit, so that the link's table is the one
// its maker saw.
function defaultView() {
  const view = vm.defaultView(state);
  if (view.rankMunicipalities) {
    state.filters.level = 'kommune';
    sortTable(state.measure, 'descending');
  }
  return view;
}
const defaultUnitKey = () => defaultView().unitKey;

const keyInYear = (key, year) => vm.keyInYear(state, key, year);
const resultOf = (key, year) => vm.resultOf(state, key, year);
const result = (level, code, year) => vm.result(state, level, code, year);
const sortedUnits = () => vm.sortedUnits(state);
const peersOf = (info, year) => vm.peersOf(state, info, year);
const membersOf = (info, year) => vm.membersOf(state, info, year);
const renumberedText = (info) => vm.renumberedText(state, info);

function rankingOf(info, unit, year, peers) {
  const ranking = vm.rankingOf(state, info, unit, year, peers, { measure: state.measure, scope: state.scope });
  return { ...ranking, title: t(...ranking.title) };
}

const hasResults = () => Boolean(state.report?.results.length);

// --- rendering --------------------------------------------------------------------------------

// Each rendering stage leaves a performance measure (bench/page/recompute.mjs reads them).
function stage(name, f) {
  const start = performance.now();
  const out = f();
  performance.measure(`arsverk:render:${name}`, { start });
  return out;
}

function renderFilesPanel() {
  filesDue = false;
  const entries = state.entries.map((e, i) => ({ ...e, info: null, i, typed: e.grid ? grid?.typed() : null }));
  if (state.report) {
    // The core lists the files it holds in the order they were added.
    const held = entries.filter((e) => e.fileId != null);
    state.report.files.forEach((f, i) => {
      const e = held[i] && held[i].name === f.name ? held[i] : held.find((x) => x.name === f.name && !x.info);
      if (e) e.info = f;
    });
  }
  renderFiles(el['file-panel'], el['general-messages'], entries, shownReport());
}

// The files and their messages in a change's frame when in view (or near it), else after the
// paint (drawAfterPaint), as the results table — but always at once with one year's results only:
// the whole report that renders them after the paint may fail.
const filesInView = new Map();
let filesDue = false;
const filesObserver = new IntersectionObserver((entries) => {
  for (const entry of entries) filesInView.set(entry.target, entry.isIntersecting);
}, { rootMargin: '100% 0px' });
for (const panel of [el['file-panel'], el['general-messages']]) filesObserver.observe(panel);
const filesNearView = () => filesInView.size < 2 || [...filesInView.values()].some(Boolean);
function renderFilesNow() {
  if (printing || isPartial(state.report) || filesNearView()) stage('files', renderFilesPanel);
  else filesDue = true;
}

function render() {
  renderFilesNow();
  el['clear-button'].hidden = !state.entries.length;
  el['synthetic-warning'].hidden = !state.entries.some((e) => e.example && e.fileId != null);

  const has = hasResults();
  el['choose-section'].hidden = !has;
  numberSteps();
  el['result-body'].hidden = !has;
  el['result-empty'].hidden = has;
  el['see-result'].hidden = !has;
  if (has) {
    stage('chooser', renderChooser);
    stage('unit', renderUnit);
    stage('table', renderTableNow);
  }
  updateMap();
  // The form's own result may be of another year than the one in view: shown with the whole report.
  if (grid && !isPartial(state.report)) stage('grid', () => grid.showReport(state.report));
  drawAfterPaint();
}

// The steps in view are numbered 1, 2, 3 without a gap: «Velg enhet, år og innstillinger» is hidden
// until there are results, and «Resultat» is step 2 until then.
function numberSteps() {
  let n = 0;
  for (const number of document.querySelectorAll('.step-number')) number.textContent = number.closest('[hidden]') ? '' : `${++n}. `;
}

// The figures in view are in the page at once. After that has been painted come what is out of
// view or off screen: the unit search's suggestions, the results table when scrolled away, the
// printed summary, the charts' canvases (until then web/src/charts.js marks them busy and dims
// them), and the view written to the URL (history.replaceState can take tens of milliseconds).
// body[data-figures] counts the first, body[data-renders] the second: tests wait for data-renders,
// bench/page/recompute.mjs measures both.
let figuresShown = 0;
let drawing = 0;
let breakdownsDue = false; // the unit's breakdowns asked for, its charts still to plan (renderUnit)
let breakdownsAsked = 0;
let viewShown = false; // a unit's view was rendered since the last draw: the URL follows it
function drawAfterPaint() {
  document.body.dataset.figures = String(++figuresShown);
  // With the year in view only, what follows the paint waits for the whole report (charts across
  // the years, every unit in the suggestions): it comes within a few frames and renders again. So
  // it waits for the breakdowns of the unit in view.
  if (drawing || isPartial(state.report) || breakdownsDue) return;
  drawing = requestAnimationFrame(() => setTimeout(() => {
    drawing = 0;
    // The first task after the frame with the figures (bench/page/recompute.mjs: shown).
    performance.mark('arsverk:shown');
    if (isPartial(state.report) || breakdownsDue) return;
    const drawn = () => {
      if (viewShown) stage('url', () => writeView(currentView()));
      viewShown = false;
      document.body.dataset.renders = String(++renders);
    };
    if (filesDue) stage('files', renderFilesPanel);
    stage('suggestions', fillSuggestions);
    if (tableDue) stage('table', renderTableInUse);
    if (printDue) stage('print', updatePrintSummary);
    // A promise while some are still to draw: out of view (drawn one per task), or Chart.js still to come.
    const waiting = stage('draw', drawCharts);
    if (waiting) waiting.then(drawn); else drawn();
  }));
}

function option(value, text, selected) {
  const optionElement = document.createElement('option');
  optionElement.value = value;
  optionElement.textContent = text;
  if (selected) optionElement.selected = true;
  return optionElement;
}

// «3303 Kongsberg (kommune)»; no level after a name that already says it («0 Hele landet», not
// «0 Hele landet (landet)»; «EKG09 KOSTRA-gruppe 9»); a name with its own brackets takes the level
// inside them: «1818 Herøy (Nordland, kommune)».
function unitLabel(u) {
  const level = t(`levels.${u.level}`);
  if (u.name.toLowerCase().includes(level.toLowerCase())) return `${u.code} ${u.name}`;
  const lower = level.toLowerCase();
  return u.name.endsWith(')') ? `${u.code} ${u.name.slice(0, -1)}, ${lower})` : `${u.code} ${u.name} (${lower})`;
}

// Some hundred suggestions for the unit search: made after the change's frame is painted (with the
// charts in view), and anew only when the units or their labels change.
let unitListShown = '';
let suggestionsDue = false;
function fillSuggestions() {
  if (!suggestionsDue || !hasResults()) return;
  suggestionsDue = false;
  const labels = sortedUnits().map(unitLabel);
  if (labels.join('\n') === unitListShown) return;
  unitListShown = labels.join('\n');
  el['unit-list'].replaceChildren(...labels.map((label) => option(label, '')));
}

function renderChooser() {
  if (!hasResults()) return;
  state.unitKey = keyInYear(state.unitKey, state.year);
  // After a whole report that failed, only the year in view can be shown until the next change.
  const years = state.wholeFailed ? [state.report.results_year] : state.report.years;
  setOptions(el['year-select'], years.map((y) => [String(y), String(y)]), String(state.year));
  suggestionsDue = true;
  const unit = state.units.get(state.unitKey);
  if (unit && document.activeElement !== el['unit-input']) el['unit-input'].value = unitLabel(unit);
  el['unit-error'].hidden = true;
  el['unit-choices'].hidden = true;
  state.offeredQuery = null;
  el['unit-input'].removeAttribute('aria-invalid');

  const schema = schemaOf(state.year);
  setOptions(el['measure-select'], ['M1', 'M2', 'M3', 'M4'].map((m) => [m, `${m} ${measureLabel(schema, m)}`]), state.measure);

  const yearResults = state.report.results.filter((r) => r.year === state.year);
  const fill = (select, items, current, allText) => setOptions(select, [['', allText], ...items], current);
  const levels = LEVEL_ORDER.filter((l) => yearResults.some((r) => r.level === l));
  if (!levels.includes(state.filters.level)) state.filters.level = '';
  fill(el['filter-level'], levels.map((l) => [l, t(`levels.${l}`)]), state.filters.level, t('filterAll'));
  const fylker = yearResults.filter((r) => r.level === 'fylke');
  if (!fylker.some((r) => r.code === state.filters.fylke)) state.filters.fylke = '';
  fill(el['filter-fylke'], fylker.map((r) => [r.code, `${r.code} ${unitName(r)}`]), state.filters.fylke, t('filterAll'));
  const groups = yearResults.filter((r) => r.level === 'kostragruppe');
  if (!groups.some((r) => r.code === state.filters.kostra)) state.filters.kostra = '';
  fill(el['filter-kostra'], groups.map((r) => [r.code, unitName(r)]), state.filters.kostra, t('filterAll'));
}

function renderUnit() {
  if (!hasResults()) return; // e.g. the measure changed after the files were cleared
  const year = state.year;
  // Halden chosen as 3001 shows 3101 in 2024: the same municipality, the number valid that year.
  state.unitKey = keyInYear(state.unitKey, year);
  const info = state.units.get(state.unitKey);
  if (!info) return;
  const unit = result(info.level, info.code, year);
  const peers = peersOf(info, year);
  const settings = coreSettings();
  stage('keyfigures', () => renderKeyFigures(el['key-figures'], {
    unit, info, year, peers, settings, members: membersOf(info, year), measure: state.measure, results: state.report.results,
    rules: state.report.rules?.find((r) => r.year === year) ?? null,
    diagnostics: shownReport().diagnostics,
    renumbered: renumberedText(info),
    yearsWithFigures: state.report.years.filter((y) => resultOf(state.unitKey, y)),
  }));
  watchScrollHints(el['key-figures']);

  el['scope-select'].disabled = info.level !== 'kommune';
  viewShown = true;
  printDue = true; // shown only on paper: made after the paint (drawAfterPaint), and before printing
  renderUnitCharts(info, unit, peers, settings);
}

// The charts of the unit in view (renderUnit), once the whole report and the unit's breakdowns are
// in hand; until then those shown stay, dimmed.
function renderUnitCharts(info, unit, peers, settings) {
  const year = state.year;
  if (isPartial(state.report)) {
    stage('charts', () => chartsAwaitReport(el.charts));
    return;
  }
  // A county or Norway chosen as the unit but resting on too few municipalities has no figure of
  // its own to draw (its published figures still are).
  const thin = (r) => r?.aggregate_coverage?.meaningful === false;
  const drawable = (r) => (thin(r) ? { ...r, per_1000: null, tenths: null, arsverk: null } : r);
  // The breakdowns by target group and service come from the core apart, for the unit and Norway
  // in view: until they are in hand, the charts shown stay, dimmed, as for the year first.
  const keys = [unit, peers.land].filter((r) => r && !thin(r)).map(vm.resultKey);
  const breakdowns = keys.length ? calc.breakdownsInHand(settings, keys) : new Map();
  if (!breakdowns) {
    breakdownsDue = true;
    stage('charts', () => chartsAwaitReport(el.charts));
    const asked = ++breakdownsAsked; // only the latest view's answer renders
    const current = () => asked === breakdownsAsked && breakdownsDue;
    calc.breakdowns(settings, keys).then(() => {
      if (!current()) return;
      breakdownsDue = false;
      renderUnitCharts(info, unit, peers, settings); // the key figures shown stay
      drawAfterPaint();
    }, (err) => {
      if (!current()) return;
      breakdownsDue = false;
      chartsWithoutReport(el.charts, err.message);
    });
    return;
  }
  breakdownsDue = false;
  const versus = vm.seriesPeer(info);
  const series = state.report.years.map((y) => ({ year: y, result: drawable(resultOf(state.unitKey, y)), versus: versus && peersOf(info, y)[versus] }));
  const ranking = rankingOf(info, unit, year, peers);
  stage('charts', () => renderCharts(el.charts, {
    // Nothing to draw for this year, but the time series may still help.
    unit: drawable(unit) ?? { ...info, year, schema: schemaOf(year), per_1000: null, tenths: null, arsverk: null },
    year,
    measure: state.measure,
    peers,
    series,
    seriesPeer: versus,
    breakdowns,
    ranking: ranking.list,
    rankingReference: ranking.reference ?? [],
    rankingTitle: ranking.title,
    rankingMedian: medianMeaningful(info, unit, peers) ? ranking.median : null,
    medianMeaningful: medianMeaningful(info, unit, peers),
    measureLabel: (m) => measureLabel(schemaOf(year), m),
    source: imageSource(unit, [unit, ...Object.values(peers), ...series.flatMap((x) => [x.result, x.versus])].filter(Boolean)),
    warning: imageWarning(),
    print: printing,
  }));
}

// The source line under a downloaded chart: the files, the population, the tool and the date, and
// whose published figures the charts draw beside them (`drawn`: the results whose figures they draw).
function imageSource(unit, drawn = []) {
  const used = state.entries.filter((e) => e.fileId != null);
  let text = t('imageSource', {
    files: listText(used.map((e) => e.name)),
    population: unit?.population_source === 'file' ? unit.population_file : t('populationSsb'),
    date: imageDate(),
  });
  const published = [...new Set(drawn.map((r) => yardstick(r)?.source).filter(Boolean))].map(sourceName);
  if (published.length) text += ` ${t('imageSourcePublished', { sources: listText(published) })}`;
  return used.some((e) => e.example) ? `${t('syntheticBadge')}. ${text}` : text;
}

// The date under a downloaded picture: «7.12.2026» in Norwegian; in English written out, «7 December
// 2026», as «07/12/2026» would be read as 12 July by some.
const imageDate = () => (getLang() === 'nb'
  ? new Date().toLocaleDateString('nb-NO')
  : new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date()));

// A band across the top of a downloaded picture of the example data: a picture cropped from its
// source line must still not pass for real figures.
const imageWarning = () => (state.entries.some((e) => e.example && e.fileId != null) ? t('syntheticPng') : '');

// only: the rows to show instead of the screen's filters (the printout's nearest units); all:
// every row the filters give, not a page (the printout). Returns {total, shown} (web/src/table.js).
function renderResultsTable(only = null, { all = false } = {}) {
  tableDue = false;
  if (!hasResults()) return { total: 0, shown: 0 };
  const filters = only ? noFilters() : state.filters;
  const rows = renderTable(el['results-table-wrap'], el['results-pager'], el['flag-legend'], state.report.results, {
    only,
    all,
    year: state.year,
    level: filters.level,
    fylke: filters.fylke,
    kostra: filters.kostra,
    selectedKey: state.unitKey,
    narrow: phone.matches,
    measure: state.measure,
  });
  watchScrollHints(el['results-table-wrap']);
  if (!only && !state.printTable.chosen) {
    state.printTable.mode = rows.total > PRINT_TABLE_ROWS ? 'near' : 'all';
    el['print-table'].querySelector(`input[value="${state.printTable.mode}"]`).checked = true;
  }
  return rows;
}

// The results table in a change's frame when it is in view (or near it), else after the paint
// (drawAfterPaint): some fifty rows that nobody sees yet need not hold the frame back.
let tableNearView = true; // until the observer has said
let tableDue = false;
new IntersectionObserver((entries) => { tableNearView = entries[entries.length - 1].isIntersecting; }, { rootMargin: '100% 0px' })
  .observe(el['results-table-wrap']);
function renderTableNow() {
  if (printing || tableNearView) renderTableInUse();
  else tableDue = true;
}
// While printing, a render (a unit chosen, its breakdowns answered after «Skriv ut») keeps the
// table the printout asked for, not the screen's.
function renderTableInUse() {
  if (printing) tableForPrint();
  else renderResultsTable();
}

// A phone's table puts the chosen measure beside the name (web/src/table.js). The width also
// changes when a phone prints (the page is laid out for A4): the printed table is kept then.
const phone = window.matchMedia('(max-width: 40rem)');
phone.addEventListener('change', () => renderTableInUse());

function applyTexts() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  document.title = `${t('title')} – ${getLang() === 'nb' ? 'kalkulator' : 'calculator'}`;
  const langButton = el['lang-button'];
  langButton.textContent = t('langButton');
  langButton.setAttribute('aria-label', t('langButtonLabel'));
  langButton.lang = getLang() === 'nb' ? 'en' : 'nb';
  grid?.redraw();
  if (!grid && (gridLoading || gridFailed)) el['grid-root'].textContent = t(gridFailed ? 'grid.failed' : 'grid.loading', { message: gridFailed?.message });
  if (!el['link-note'].hidden) showLinkNote();
}

// --- the map ------------------------------------------------------------------------------------

// The map's code (chartjs-chart-geo, d3-geo, topojson-client) is a separate chunk and its
// boundaries are fetched only when the map is first opened; closed, it is not redrawn.
let mapLoading = null;
async function updateMap() {
  if (!state.mapView.open || !hasResults()) return;
  const container = el['map-root'];
  try {
    if (!state.map) {
      el['map-status'].textContent = t('map.loading');
      mapLoading ??= import('./map.js');
      const { createMap } = await mapLoading;
      state.map ??= createMap(container, {
        onSelect: (level, code) => {
          const unit = state.units.get(`${level}:${code}`);
          if (unit) chooseUnit(unit);
        },
      });
    }
    const year = state.year;
    await state.map.update({
      results: state.report.results,
      reference: state.report.reference ?? [],
      mapClasses: state.report.map_classes,
      year,
      measure: state.measure,
      measureLabel: measureLabel(schemaOf(year), state.measure),
      level: state.mapView.level,
      mode: state.mapView.mode,
      selectedKey: state.unitKey,
      source: imageSource(resultOf(state.unitKey, year)),
      warning: imageWarning(),
    });
    el['map-status'].textContent = '';
  } catch (err) {
    mapLoading = null;
    el['map-status'].textContent = t('map.failed', { message: err.message });
  }
}

// --- finding a unit ---------------------------------------------------------------------------

// The unit a search names, or a list when several fit as well (Herøy 1515 and Herøy 1818).
const findUnit = (query) => vm.findUnit(state, query, { year: state.year, label: unitLabel });

// "Flere enheter passer «Herøy». Velg én:" with a button for each.
function offerUnits(query, list) {
  const box = el['unit-choices'];
  const paragraph = document.createElement('p');
  paragraph.className = 'ds-paragraph';
  paragraph.textContent = t('unitChoices', { q: query.trim() });
  const buttons = list.map((u) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ds-button';
    button.dataset.variant = 'secondary';
    button.dataset.size = 'sm';
    button.dataset.key = `${u.level}:${u.code}`;
    button.textContent = unitLabel(u);
    return button;
  });
  const row = document.createElement('div');
  row.className = 'unit-choice-row';
  row.append(...buttons);
  box.replaceChildren(paragraph, row);
  state.offeredQuery = query;
  box.hidden = false;
  el['unit-error'].hidden = true; // a search before that found nothing: no longer so
  el['unit-input'].removeAttribute('aria-invalid');
}

function chooseUnit(chosen) {
  // 3001 Halden chosen while 2024 is shown is 3101 Halden: the number valid for the year.
  const key = keyInYear(`${chosen.level}:${chosen.code}`, state.year);
  const unit = state.units.get(key) ?? chosen;
  el['unit-input'].value = unitLabel(unit);
  el['unit-error'].hidden = true;
  el['unit-choices'].hidden = true;
  state.offeredQuery = null;
  el['unit-input'].removeAttribute('aria-invalid');
  // The same unit again (the change event after Enter, on blur) must not redraw: a redraw
  // between mousedown and mouseup would swallow the click that caused the blur.
  if (key === state.unitKey) return;
  state.unitKey = key;
  delete linkedView.unit;
  renderUnit();
  renderTableInUse();
  drawAfterPaint();
  updateMap();
}

function onUnitCommit() {
  const value = el['unit-input'].value;
  if (!state.report || !value.trim()) return;
  // The change event as the focus leaves for one of the offered units: they stay as they are.
  if (state.offeredQuery === value) return;
  const unit = findUnit(value);
  if (Array.isArray(unit)) offerUnits(value, unit);
  else if (unit) chooseUnit(unit);
  else {
    el['unit-error'].textContent = t('unitNotFound', { q: value });
    el['unit-error'].hidden = false;
    el['unit-choices'].hidden = true; // the units offered for a search before this one
    state.offeredQuery = null;
    el['unit-input'].setAttribute('aria-invalid', 'true');
  }
}

// --- the view in the URL (web/src/url-state.js) -------------------------------------------------

// A link to a view of someone's own files: at the top of the page, what it shows and which files
// to add, until they are added.
function showLinkNote() {
  const note = linkNote(linkedView);
  el['link-note'].querySelector('p').textContent = note ?? '';
  el['link-note'].hidden = !note;
}

// A view opened from a link waits until a report holds its unit and year; choosing a unit drops it.
let linkedView = readView(window.location.hash);

function takeLinkedView(years) {
  if (linkedView.year != null && years.includes(linkedView.year)) {
    state.year = linkedView.year;
    delete linkedView.year;
  }
  if (linkedView.unit && state.units.has(linkedView.unit)) {
    defaultView();
    state.unitKey = linkedView.unit;
    delete linkedView.unit;
    el['link-note'].hidden = true;
  }
}

function applyLinkedSettings(view) {
  for (const s of PAGE_SETTINGS) if (view[s.name] != null) state.settings[s.name] = view[s.name];
  showSettings();
  if (view.measure) state.measure = view.measure;
  if (view.scope) state.scope = view.scope;
  el['scope-select'].value = state.scope;
  if (view.mapLevel) Object.assign(state.mapView, { open: true, level: view.mapLevel });
  if (view.mapMode) Object.assign(state.mapView, { mode: view.mapMode, diffBeforeCounties: false });
  syncMapControls();
}

function currentView() {
  const onlyExample = state.entries.some((e) => e.fileId != null) && state.entries.every((e) => e.example);
  const own = onlyExample ? [] : state.entries.filter((e) => e.fileId != null && !e.example && !e.grid).map((e) => e.name);
  const unitKey = linkedView.unit ?? state.unitKey;
  return {
    unit: linkedView.unit ?? state.unitKey,
    year: linkedView.year ?? state.year,
    measure: state.measure,
    scope: state.scope,
    mapLevel: state.mapView.open ? state.mapView.level : null,
    mapMode: state.mapView.open ? state.mapView.mode : null,
    ...state.settings,
    lang: getLang(),
    data: onlyExample ? 'eksempel' : null,
    name: linkedView.unit ? linkedView.name : (onlyExample ? null : state.units.get(unitKey)?.name),
    files: linkedView.unit ? linkedView.files : own,
  };
}

async function copyLink() {
  writeView(currentView());
  const url = window.location.href;
  el['link-text'].value = url;
  el['link-output'].hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    el['link-copied'].textContent = t('share.copied');
  } catch {
    // No clipboard (permission, or not a secure context): the link is selected for Ctrl+C.
    el['link-copied'].textContent = t('share.copyYourself');
    el['link-text'].focus();
    el['link-text'].select();
  }
  // On a phone the buttons may be at the bottom of the screen: the confirmation comes into view.
  el['link-output'].scrollIntoView({ block: 'nearest' });
}

window.addEventListener('hashchange', () => {
  linkedView = readView(window.location.hash);
  applyLinkedSettings(linkedView);
  if (linkedView.lang && linkedView.lang !== getLang()) {
    setLang(linkedView.lang, false);
    applyTexts();
  }
  if (linkedView.data === 'eksempel') loadExample();
  else if (state.report) refresh();
});

// --- the form typed in by hand (web/src/grid.js) --------------------------------------------------

// Each edit replaces the form's one file in the core; the edits are applied in order.
let gridQueue = calc.ready.catch(() => {}); // a kept draft comes in before the calculator is ready
function setGridFile(form) {
  gridQueue = gridQueue.then(async () => {
    const old = state.entries.find((e) => e.grid);
    if (old) {
      state.entries.splice(state.entries.indexOf(old), 1);
      if (old.fileId != null) await calc.remove(old.fileId);
    }
    if (!form) {
      await refresh();
      return;
    }
    state.unitKey = form.unitKey;
    state.year = form.year;
    delete linkedView.unit;
    delete linkedView.year;
    showLinkNote(); // the form's unit is the view now: a link's note about files to add no longer holds
    await addFiles([{ name: form.name, blob: new Blob([form.text], { type: 'text/csv;charset=utf-8' }) }], { grid: true });
  }).catch((err) => setStatus(err.message));
}

// The form's code is loaded when it is first unfolded, or at the start when a draft was kept (its
// figures go to the core as typed ones do): a first visit does not download it.
let grid = null;
let gridLoading = null;
let gridFailed = null;
function loadGrid() {
  gridLoading ??= (async () => {
    el['grid-root'].textContent = t('grid.loading');
    try {
      const { createGrid } = await import('./grid.js');
      grid = createGrid(el['grid-root'], {
        onForm: setGridFile,
        sumsOf: (code, year) => calc.formSums(code, year),
        // With a BOM, like the calculator's own CSV, so that Excel shows æ, ø and å.
        onSave: (name, text) => save(name, new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' })),
      });
      gridFailed = null;
      if (calculatorReady) grid.redraw(); // the year's schema is known: its categories
      if (state.report && !isPartial(state.report)) grid.showReport(state.report);
    } catch (err) {
      gridFailed = err;
      gridLoading = null; // unfolded again, it is asked for again (a browser may keep the failure until a reload, which the message asks for)
      el['grid-root'].textContent = t('grid.failed', { message: err.message });
    }
  })();
  return gridLoading;
}
$('grid-details').addEventListener('toggle', (e) => { if (e.target.open) loadGrid(); });

// Leaving the page (reload, closing the tab, another address) would lose a typed form that was
// neither saved as CSV nor kept as a draft: the browser asks first.
window.addEventListener('beforeunload', (e) => {
  if (!grid?.unsaved) return;
  e.preventDefault();
  e.returnValue = '';
});

// --- the printed report (web/src/print.js, web/print.css) --------------------------------------

let printDue = false;
function updatePrintSummary() {
  printDue = false;
  const info = state.units.get(state.unitKey);
  const panels = [el['file-panel'], el['general-messages']];
  if (!state.report || !info) {
    el['print-summary'].replaceChildren();
    markSaidInSummary(panels, null);
    return;
  }
  markSaidInSummary(panels, `${info.level}:${info.code}:${state.year}`);
  renderPrintSummary(el['print-summary'], {
    report: state.report,
    diagnostics: shownReport().diagnostics,
    info,
    unit: result(info.level, info.code, state.year),
    peers: peersOf(info, state.year),
    year: state.year,
    settings: coreSettings(),
    example: state.entries.some((e) => e.example && e.fileId != null),
    form: state.entries.some((e) => e.grid && e.fileId != null),
  });
}

// The table of all units in the printout: all of it (as filtered), only the unit's nearest (its
// county and KOSTRA group), or none — a national file's table alone would be some ten pages. Until
// the user chooses, a table of more than PRINT_TABLE_ROWS rows prints only the nearest. The
// printout says what it leaves out.
const PRINT_TABLE_ROWS = 60;
el['print-table'].addEventListener('change', (e) => { state.printTable = { mode: e.target.value, chosen: true }; });

function nearTest(info) {
  const { level, code, fylke, kostragruppe } = info;
  const near = {
    kommune: (r) => (r.level === 'fylke' && r.code === fylke) || (r.level === 'kostragruppe' && r.code === kostragruppe)
      || (r.level === 'kommune' && (r.fylke === fylke || r.kostragruppe === kostragruppe)),
    bydel: (r) => r.level === 'bydel' || (r.level === 'kommune' && r.code === '0301'),
    fylke: (r) => (r.level === 'fylke' && r.code === code) || (r.level === 'kommune' && r.fylke === code),
    kostragruppe: (r) => (r.level === 'kostragruppe' && r.code === code) || (r.level === 'kommune' && r.kostragruppe === code),
    land: (r) => r.level === 'fylke' || r.level === 'kostragruppe',
  }[level] ?? (() => true);
  return (r) => r.level === 'land' || near(r);
}

function nearText(info) {
  const name = (lvl, c) => state.units.get(`${lvl}:${c}`)?.name ?? c;
  return t(`print.near.${info.level}`, { fylke: name('fylke', info.level === 'fylke' ? info.code : info.fylke),
    kostra: name('kostragruppe', info.level === 'kostragruppe' ? info.code : info.kostragruppe) });
}

function tableForPrint() {
  const info = state.units.get(state.unitKey);
  if (!state.report || !info) return;
  const mode = state.printTable.mode;
  const { total } = renderResultsTable(null, { all: mode === 'all' });
  document.body.classList.toggle('print-no-table', mode === 'none');
  el['print-table-note'].textContent = '';
  if (mode === 'none') el['print-table-note'].textContent = t('print.tableLeftOut', { total });
  if (mode !== 'near') return;
  const { shown } = renderResultsTable(nearTest(info));
  if (shown < total) el['print-table-note'].textContent = t('print.tablePart', { shown, total, what: nearText(info) });
}

let refold = null;
let printing = false; // the charts are planned for A4 (web/src/charts.js)
window.addEventListener('beforeprint', () => {
  if (filesDue) renderFilesPanel();
  if (hasResults()) {
    printing = true;
    renderUnit();
  }
  updatePrintSummary(); // the time of printing
  drawCharts(true); // the charts as planned for the printed page, every one before it is printed
  fitChartsForPrint();
  tableForPrint();
  refold = unfoldForPrint([el['file-panel'], el['general-messages']]);
});
window.addEventListener('afterprint', () => {
  refold?.();
  refold = null;
  fitChartsToScreen();
  if (printing) {
    printing = false;
    renderUnit();
    drawCharts();
  }
  document.body.classList.remove('print-no-table');
  el['print-table-note'].textContent = '';
  renderResultsTable();
});

// --- downloads --------------------------------------------------------------------------------

function save(name, blob) {
  download(name, blob);
  setStatus(t('status.exported', { name }));
}

async function exportCsv(lang) {
  const text = csvText(await calc.csv({ ...coreSettings(state.year), lang }, lang), lang);
  save(`arsverk_${state.year}${lang === 'nb' ? '' : '_en'}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}

async function exportJson() {
  const text = await calc.report(coreSettings(state.year));
  save(`arsverk_${state.year}.json`, new Blob([`${text}\n`], { type: 'application/json' }));
}

// --- events -----------------------------------------------------------------------------------

const asFiles = (list) => [...list].map((f) => ({ name: f.name, blob: f }));

el['choose-button'].addEventListener('click', () => el['file-input'].click());
el['file-input'].addEventListener('change', () => {
  const files = asFiles(el['file-input'].files);
  el['file-input'].value = '';
  addFiles(files);
});

for (const type of ['dragenter', 'dragover']) {
  el.dropzone.addEventListener(type, (e) => { e.preventDefault(); el.dropzone.classList.add('dragging'); });
}
el.dropzone.addEventListener('dragleave', () => el.dropzone.classList.remove('dragging'));
el.dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  el.dropzone.classList.remove('dragging');
  addFiles(asFiles(e.dataTransfer?.files ?? []));
});
// A file dropped beside the zone must not make the browser open it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

async function loadExample() {
  const missing = EXAMPLE_FILES.filter((n) => !state.entries.some((e) => e.example && e.name === n && e.fileId != null));
  if (!missing.length) return;
  setBusy(true);
  try {
    const files = await Promise.all(missing.map(async (name) => {
      const response = await fetch(`eksempel/${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return { name, blob: await response.blob() };
    }));
    await addFiles(files, { example: true });
  } catch (err) {
    setStatus(t('status.fileError', { name: missing.join(', '), message: err.message }));
    setBusy(false);
  }
}
el['example-button'].addEventListener('click', loadExample);

// Cells pasted without their header row, in the form's columns (unit, year, target group, then
// a–e or M1–M4): the core cannot tell what they are, so the page offers to read them with the
// form's header put above them (the core then reads and checks every cell as in any file).
const FORM_HEADERS = {
  8: ['kommunenummer', 'år', 'målgruppe', 'a', 'b', 'c', 'd', 'e'],
  7: ['kommunenummer', 'år', 'målgruppe', 'M1', 'M2', 'M3', 'M4'],
};
let pasteOffer = null; // {entry, text, header}

function offerFormColumns(entry, text) {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/).find((line) => line.trim()) ?? '';
  const header = FORM_HEADERS[first.split('\t').length];
  const unknown = state.report?.files.find((f) => f.name === entry.name)?.kind === 'unknown';
  pasteOffer = header && unknown ? { entry, text, header } : null;
  el['paste-offer'].hidden = !pasteOffer;
  if (!pasteOffer) return;
  el['paste-offer-text'].textContent = t('pasteOffer', { name: entry.name, n: header.length, categories: header.length === 8 ? 'a–e' : 'M1–M4' });
}

el['paste-button'].addEventListener('click', async () => {
  const text = el['paste-text'].value;
  if (!text.trim()) { setStatus(t('pasteEmpty')); el['paste-text'].focus(); return; }
  let name = 'innlimt.tsv';
  for (let n = 2; state.entries.some((e) => e.name === name); n++) name = `innlimt-${n}.tsv`;
  el['paste-text'].value = '';
  await addFiles([{ name, blob: new Blob([text], { type: 'text/plain;charset=utf-8' }) }]);
  const entry = state.entries.find((e) => e.name === name);
  if (entry) offerFormColumns(entry, text);
  // Text the core could not read stays in the box to be corrected (its card says why), unless
  // something new was pasted meanwhile.
  const unread = !entry || entry.error != null || state.report?.files.find((f) => f.name === name)?.kind === 'unknown';
  if (unread && !el['paste-text'].value) el['paste-text'].value = text;
});

el['paste-offer-button'].addEventListener('click', async () => {
  const { entry, text, header } = pasteOffer ?? {};
  pasteOffer = null;
  el['paste-offer'].hidden = true;
  if (!state.entries.includes(entry)) return; // removed meanwhile
  state.entries.splice(state.entries.indexOf(entry), 1);
  if (entry.fileId != null) await calc.remove(entry.fileId);
  if (el['paste-text'].value === text) el['paste-text'].value = '';
  await addFiles([{ name: entry.name, blob: new Blob([`${header.join('\t')}\r\n${text}`], { type: 'text/plain;charset=utf-8' }) }]);
});

el['file-panel'].addEventListener('click', async (e) => {
  const button = e.target.closest('button.remove-file');
  if (!button) return;
  const entry = state.entries[Number(button.dataset.index)];
  if (!entry) return;
  if (entry.grid) {
    // The form's figures leave the calculation; what was typed stays in the form (web/src/grid.js).
    grid?.withdraw();
    setGridFile(null);
    await gridQueue;
    (el['file-panel'].querySelector('button.remove-file') ?? el['choose-button']).focus();
    return;
  }
  state.entries.splice(state.entries.indexOf(entry), 1);
  if (entry.fileId != null) await calc.remove(entry.fileId);
  await refresh();
  (el['file-panel'].querySelector('button.remove-file') ?? el['choose-button']).focus();
});

el['clear-button'].addEventListener('click', async () => {
  if (state.entries.some((e) => e.grid)) grid?.withdraw(); // out of the calculation too, kept in the form
  state.entries = [];
  forgetView();
  await calc.clear();
  await refresh();
  el['choose-button'].focus();
});

el['unit-input'].addEventListener('change', onUnitCommit);
el['unit-choices'].addEventListener('click', (e) => {
  const unit = state.units.get(e.target.closest('button[data-key]')?.dataset.key);
  if (!unit) return;
  chooseUnit(unit);
  el['unit-input'].focus();
});
el['unit-input'].addEventListener('input', () => {
  // Picking from the suggestion list fills in an exact label: take it at once.
  const value = el['unit-input'].value;
  const unit = sortedUnits().find((x) => unitLabel(x) === value);
  if (unit) chooseUnit(unit);
});
el['unit-input'].addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); onUnitCommit(); } });

el['year-select'].addEventListener('change', () => {
  if (!state.report) return; // no figures yet: nothing to show for a year
  state.year = Number(el['year-select'].value);
  // Between the two steps of a report only the year in view has results: another year is shown
  // by the whole report, which is on its way (refresh), not as a year without figures.
  if (isPartial(state.report) && state.year !== state.report.results_year) return;
  stage('chooser', renderChooser);
  stage('unit', renderUnit);
  stage('table', renderTableNow);
  drawAfterPaint();
  updateMap();
});
el['measure-select'].addEventListener('change', () => {
  state.measure = el['measure-select'].value;
  renderUnit();
  if (phone.matches) renderResultsTable();
  drawAfterPaint();
  updateMap();
});
// Counties have no KOSTRA median to differ from: that colouring is not offered for them (it drew a
// grey map), and choosing counties while it is chosen goes back to the rate.
// Counties have no KOSTRA median: they are coloured by the rate, which the controls say; the
// difference chosen before comes back with the municipalities.
function syncMapControls() {
  const counties = state.mapView.level === 'fylke';
  el['map-mode'].querySelector('input[value="diff"]').disabled = counties;
  el['map-mode-note'].hidden = !counties;
  if (counties && state.mapView.mode === 'diff') {
    state.mapView.mode = 'rate';
    state.mapView.diffBeforeCounties = true;
  } else if (!counties && state.mapView.diffBeforeCounties) {
    state.mapView.mode = 'diff';
    state.mapView.diffBeforeCounties = false;
  }
  for (const choice of ['level', 'mode']) {
    for (const radio of el[`map-${choice}`].querySelectorAll('input')) radio.checked = radio.value === state.mapView[choice];
  }
  el['map-details'].open = state.mapView.open;
}
// The map's choices are drawn, and kept in the link (web/src/settings.js).
function mapChanged() {
  updateMap();
  if (hasResults()) writeView(currentView());
}
el['map-level'].addEventListener('change', (e) => { state.mapView.level = e.target.value; syncMapControls(); mapChanged(); });
el['map-mode'].addEventListener('change', (e) => { state.mapView.mode = e.target.value; state.mapView.diffBeforeCounties = false; mapChanged(); });
el['map-details'].addEventListener('toggle', () => {
  if (state.mapView.open === el['map-details'].open) return; // opened from state (a link), not by the user
  state.mapView.open = el['map-details'].open;
  mapChanged();
});
el['scope-select'].addEventListener('change', () => { state.scope = el['scope-select'].value; renderUnit(); drawAfterPaint(); });
el['filter-level'].addEventListener('change', () => { state.filters.level = el['filter-level'].value; renderResultsTable(); });
el['filter-fylke'].addEventListener('change', () => { state.filters.fylke = el['filter-fylke'].value; renderResultsTable(); });
el['filter-kostra'].addEventListener('change', () => { state.filters.kostra = el['filter-kostra'].value; renderResultsTable(); });
el['results-pager'].addEventListener('click', (e) => handlePageClick(e, renderResultsTable));
el['results-table-wrap'].addEventListener('click', (e) => {
  if (handleSortClick(e, renderResultsTable)) return;
  if (e.target.closest('#clear-filters')) {
    state.filters = noFilters();
    renderChooser();
    renderResultsTable();
    el['filter-level'].focus();
    return;
  }
  const unit = state.units.get(rowKey(e));
  if (!unit) return;
  chooseUnit(unit);
  // The unit's figures are at the top of the result: go there, and take the keyboard focus along.
  const heading = document.getElementById('key-heading');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
});
// «Alle kommunene rangert»: the table shows the aggregate's municipalities, highest first.
el['key-figures'].addEventListener('click', (e) => {
  if (!e.target.closest('#extremes a')) return;
  const info = state.units.get(state.unitKey);
  state.filters = { level: 'kommune', fylke: info.level === 'fylke' ? info.code : '', kostra: info.level === 'kostragruppe' ? info.code : '' };
  sortTable(state.measure, 'descending');
  renderChooser();
  renderResultsTable();
});
el['export-csv-nb'].addEventListener('click', () => exportCsv('nb'));
el['export-csv-en'].addEventListener('click', () => exportCsv('en'));
el['export-json'].addEventListener('click', exportJson);
el['copy-link'].addEventListener('click', copyLink);
el['print-button'].addEventListener('click', () => window.print());

el['lang-button'].addEventListener('click', () => {
  setLang(getLang() === 'nb' ? 'en' : 'nb', true, { later: true });
  applyTexts();
  // The report speaks no language: the one in hand is shown again, the core is not asked.
  if (state.report) {
    const errors = showReport({ languageOnly: true });
    // After a whole report that failed, its message stays.
    setStatus(state.wholeFailed ?? (isPartial(state.report) ? t('status.computing') : doneStatus(errors)));
  }
  else {
    render();
    setStatus(t(calculatorReady ? 'status.ready' : 'status.loading')); // not «starting» again once ready
  }
});

// --- start ------------------------------------------------------------------------------------

// Targets of in-page links and of scrolling land below the sticky status bar, whatever its height
// (on a phone it does not stick: nothing to leave room for).
function syncStatusHeight() {
  const bar = document.querySelector('.status-bar');
  const height = getComputedStyle(bar).position === 'sticky' ? Math.ceil(bar.offsetHeight) : 0;
  document.documentElement.style.setProperty('--status-height', `${height}px`);
}
new ResizeObserver(syncStatusHeight).observe(document.querySelector('.status-bar'));
// A field the keyboard moves to (Shift+Tab, or Shift+Enter in the form) that the browser leaves
// under the sticky status bar is brought out below it. Not by the root's scroll-padding, which would
// do this in CSS: with it, WebKit's automation stops scrolling a field into view to type in it. Not
// on a press of the pointer either: moving what is being pressed would lose the click.
let pressing = false;
document.addEventListener('pointerdown', () => { pressing = true; }, true);
for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, () => { pressing = false; }, true);
document.addEventListener('focusin', (e) => {
  if (!(e.target instanceof Element) || e.target.closest('.status-bar') || pressing) return;
  const bar = document.querySelector('.status-bar').getBoundingClientRect();
  const { top } = e.target.getBoundingClientRect();
  if (bar.height && top < bar.bottom && top > -bar.height * 4) window.scrollBy(0, top - bar.bottom - 12);
});
// The charts' width is known before the first results are laid out, and they are planned anew
// when it crosses a phone's (web/src/charts.js, widthOf).
watchWidth(document.getElementById('result-section'), () => { renderUnit(); drawAfterPaint(); });


startOffline({ note: $('offline-note'), update: $('update-button'), text: t });
setLang(linkedView.lang ?? initialLang(), false);
applyLinkedSettings(linkedView);
applyTexts();
if (hasKeptDraft()) loadGrid();
setBusy(true);
let calculatorReady = false;
calc.ready.then((thresholds) => {
  calculatorReady = true;
  setThresholds(thresholds);
  grid?.redraw(); // the form's categories follow the year's schema, which the core now has said
  for (const id of ['choose-button', 'example-button', 'paste-button']) el[id].disabled = false;
  document.body.dataset.ready = 'true';
  showLinkNote();
  setStatus(t('status.ready'));
  setBusy(false);
  if (linkedView.data === 'eksempel') loadExample();
  else if ('requestIdleCallback' in window) requestIdleCallback(() => warmFormats());
  else setTimeout(warmFormats, 200);
}, (err) => {
  setStatus(t('status.failed', { message: err.message }));
  document.body.dataset.ready = 'failed';
  setBusy(false);
});
