// The IS-24/8 form typed in by hand: target group (voksne / barn og unge) × education category
// (2024 schema a–e, 2015 schema the nested M1–M4) for one unit and year. The grid computes
// nothing of the indicator: it writes what is typed as a CSV text, which the page gives the core
// as it would a file (one file, replaced on each edit). The sums per row and column, as a help for
// checking against the form, are the core's too (docs/output.md, "The form's sums").
import { diagnosticIn, schemaOf, shownRate, unitName } from './format.js';
import { checkText, coreText, fmtExact, listText, t, tn, uncheckedTexts } from './i18n.js';
import { DRAFT_KEY } from './form-draft.js';
import { searchUnits } from './view-model.js';

const GROUPS = [
  { key: 'voksne', csv: 'voksne' },
  { key: 'barn_og_unge', csv: 'barn og unge' },
];
const SCHEMAS = {
  2024: { columns: ['a', 'b', 'c', 'd', 'e'], groupSums: true },
  2015: { columns: ['M1', 'M2', 'M3', 'M4'], groupSums: false }, // nested measures: a group has no sum
};
const GRID_YEARS = [2025, 2024, 2023, 2022, 2021, 2020];
const REGISTERS = { 2024: 'register/kommuner_2024.csv', 2015: 'register/kommuner_2020_2023.csv' };

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// --- units: the register of the year's structure ----------------------------------------------------

const registerCache = new Map();
async function registerFor(year) {
  const file = REGISTERS[schemaOf(year)];
  if (!registerCache.has(file)) {
    registerCache.set(file, Promise.all([file, 'register/bydeler_oslo.csv'].map(async (f) => {
      const response = await fetch(f);
      if (!response.ok) throw new Error(`${f}: HTTP ${response.status}`);
      return response.text();
    })).then(([kommuner, bydeler]) => [
      ...rows(kommuner).map(([code, name]) => ({ level: 'kommune', code, name })),
      ...rows(bydeler).filter((r) => r[2] === 'ja').map(([code, name]) => ({ level: 'bydel', code, name })),
    ]).catch((err) => { registerCache.delete(file); throw err; }));
  }
  return registerCache.get(file);
}
const rows = (text) => text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));

// "3101", "3101 Halden", "halden", "Gamle Oslo", "heroy" → a unit of the register; a list when
// several fit as well ("Herøy": 1515 and 1818, each named with its county); or null.
const findUnit = (units, query) => searchUnits(query, units, { label: (u) => `${u.code} ${u.name}`, manyFit: 'none' });

// --- the CSV text -------------------------------------------------------------------------------------

const quote = (s) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// sheets: [{service (null when not split by service), values: {groupKey: {column: text}}}] → the
// file; a row whose cells are all empty is left out (no answer for that group and service), an
// empty cell stays empty (not 0). rowOf: CSV line − 1 → {group, service}; columns: CSV column − 1.
function formCsv(unit, year, sheets) {
  const { columns } = SCHEMAS[schemaOf(year)];
  const byService = sheets.some((x) => x.service != null);
  const lead = [unit.level === 'bydel' ? 'bydelsnummer' : 'kommunenummer', 'år', 'målgruppe', ...(byService ? ['tjeneste'] : [])];
  const lines = [[...lead, ...columns].join(';')];
  const rowOf = [null];
  for (const { service, values } of sheets) {
    for (const g of GROUPS) {
      const cells = columns.map((c) => (values[g.key]?.[c] ?? '').trim());
      if (cells.every((x) => x === '')) continue;
      lines.push([unit.code, String(year), g.csv, ...(byService ? [quote(service)] : []), ...cells.map(quote)].join(';'));
      rowOf.push({ group: g.key, service });
    }
  }
  const names = ['unit', 'year', 'group', ...(byService ? ['service'] : []), ...columns];
  return { text: `${lines.join('\r\n')}\r\n`, rowOf, columns: names, empty: rowOf.length === 1 };
}

// --- the grid -----------------------------------------------------------------------------------------

// root: the element to draw in. onForm({name, text, unitKey, year} | null): called (debounced) with
// the file to give the core, or null when the form is empty. onSave(name, text): the CSV download.
// sumsOf(code, year): the core's sums of the unit-year (a promise; docs/output.md, "The form's sums").
export function createGrid(root, { onForm, onSave, sumsOf, delay = 300 }) {
  // values: service name ('' when not split by service) → {groupKey: {column: text}}.
  const state = { year: GRID_YEARS[0], unit: null, units: [], values: {}, byService: false, services: [], service: null, file: null, timer: null,
    savedText: null, keepDraft: false, offered: null, // offered: the query whose units are offered to choose from
    sums: null, sumsStale: false, absent: [], // sums: the core's for the form's file, with what its report says of them; absent: its measures the core left absent
    withdrawn: false }; // its figures taken out of the calculation from its card (withdraw), kept in the form
  const sheet = () => (state.values[state.byService ? state.service ?? '' : ''] ??= {});
  const draft = readDraft();
  if (draft) Object.assign(state, draft, { keepDraft: true });

  function writeDraft() {
    if (!state.keepDraft) return;
    const { year, unit, values, byService, services, service } = state;
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify({ year, unit, values, byService, services, service }));
    } catch { /* storage full or refused: the form itself goes on */ }
  }

  function draw() {
    root.innerHTML = `
      <p class="ds-paragraph help" id="grid-help">${escape(t('grid.help'))}</p>
      <div class="grid-controls">
        <div class="ds-field">
          <label class="ds-label" for="grid-unit">${escape(t('grid.unit'))}</label>
          <p class="ds-paragraph help" data-field="description" id="grid-unit-help">${escape(t('grid.unitHelp'))}</p>
          <input class="ds-input" id="grid-unit" type="search" list="grid-unit-list" autocomplete="off" aria-describedby="grid-unit-help grid-unit-error">
          <datalist id="grid-unit-list"></datalist>
          <p class="ds-validation-message" data-field="validation" id="grid-unit-error" hidden></p>
          <div class="unit-choices" id="grid-unit-choices" role="group" aria-live="polite" hidden></div>
        </div>
        <div class="ds-field">
          <label class="ds-label" for="grid-year">${escape(t('grid.year'))}</label>
          <select class="ds-input" id="grid-year">${GRID_YEARS.map((y) => `<option value="${y}"${y === state.year ? ' selected' : ''}>${y}</option>`).join('')}</select>
        </div>
      </div>
      <div class="ds-field"><input class="ds-input" type="checkbox" id="grid-by-service"${state.byService ? ' checked' : ''} aria-describedby="grid-service-help"><label class="ds-label" data-weight="regular" for="grid-by-service">${escape(t('grid.byService'))}</label></div>
      <p class="ds-paragraph note" id="grid-set-aside" role="status" hidden></p>
      <div class="grid-services" id="grid-services"${state.byService ? '' : ' hidden'}>
        <p class="ds-paragraph help" id="grid-service-help">${escape(t('grid.serviceHelp'))}</p>
        <div class="grid-service-row">
          <div class="ds-field">
            <label class="ds-label" for="grid-service">${escape(t('grid.service'))}</label>
            <select class="ds-input" id="grid-service"></select>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="grid-new-service">${escape(t('grid.newService'))}</label>
            <input class="ds-input" id="grid-new-service" type="text" list="grid-service-suggestions" autocomplete="off">
            <datalist id="grid-service-suggestions">${t('grid.outOfScope').map((x) => `<option value="${escape(x)}"></option>`).join('')}</datalist>
          </div>
          <button type="button" class="ds-button" data-variant="secondary" id="grid-add-service">${escape(t('grid.addService'))}</button>
        </div>
      </div>
      <div class="table-scroll grid-scroll" role="region" aria-labelledby="grid-caption" tabindex="-1">
        <table class="ds-table grid-table" id="grid-table" data-size="sm"></table>
      </div>
      <p class="ds-paragraph note" id="grid-excluded" hidden></p>
      <p class="ds-paragraph" id="grid-sums-others" hidden></p>
      <p class="ds-paragraph note" id="grid-legend">${escape(t('grid.legend'))}</p>
      <div id="grid-messages"></div>
      <div class="ds-alert" data-color="info" id="grid-withdrawn" role="status"${state.withdrawn ? '' : ' hidden'}>
        <p class="ds-paragraph">${escape(t('grid.withdrawn'))}</p>
        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" id="grid-include">${escape(t('grid.includeAgain'))}</button>
      </div>
      <div class="grid-result" id="grid-result" aria-live="polite"></div>
      <div class="grid-actions">
        <button type="button" class="ds-button" data-variant="secondary" id="grid-save">${escape(t('grid.save'))}</button>
        <button type="button" class="ds-button" data-variant="tertiary" id="grid-clear">${escape(t('grid.clear'))}</button>
      </div>
      <p class="ds-paragraph note" id="grid-save-note">${escape(t('grid.saveNote'))}</p>
      <div class="ds-field"><input class="ds-input" type="checkbox" id="grid-keep-draft"${state.keepDraft ? ' checked' : ''} aria-describedby="grid-keep-draft-help"><label class="ds-label" data-weight="regular" for="grid-keep-draft">${escape(t('grid.keepDraft'))}</label></div>
      <p class="ds-paragraph note" id="grid-keep-draft-help">${escape(t('grid.keepDraftHelp'))}</p>`;
    root.querySelector('#grid-unit').value = state.unit ? `${state.unit.code} ${state.unit.name}` : '';
    drawServices();
    drawTable();
    loadUnits();
  }

  // Ticking or unticking «Fordel på tjenestekategorier» switches to the other set of figures: the
  // one left is kept, and this says so (else it looks deleted).
  function showSetAside() {
    const typed = (groups) => Object.values(groups ?? {}).some((cells) => Object.values(cells).some((x) => x.trim() !== ''));
    const left = state.byService ? typed(state.values['']) : state.services.some((service) => typed(state.values[service]));
    const note = root.querySelector('#grid-set-aside');
    note.textContent = left ? t(state.byService ? 'grid.setAsideUnsplit' : 'grid.setAsideSplit') : '';
    note.hidden = !left;
  }

  function drawServices() {
    root.querySelector('#grid-services').hidden = !state.byService;
    root.querySelector('#grid-service').replaceChildren(...state.services.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      option.selected = name === state.service;
      return option;
    }));
    root.querySelector('.grid-scroll').hidden = state.byService && state.service == null;
    showSetAside();
  }

  function addService() {
    const input = root.querySelector('#grid-new-service');
    const name = input.value.trim().replace(/\s+/g, ' ');
    if (!name) return;
    if (!state.services.includes(name)) state.services.push(name);
    state.service = name;
    input.value = '';
    drawServices();
    drawTable();
    root.querySelector('.grid-cell')?.focus();
  }

  // Categories as rows (their names are long), the two target groups as columns: it fits a phone.
  function drawTable() {
    const schema = schemaOf(state.year);
    if (!schema) return; // the core says each year's schema when its worker is ready (redraw then)
    const { columns, groupSums } = SCHEMAS[schema];
    const head = GROUPS.map((g) => `<th scope="col" class="num" id="grid-col-${g.key}">${escape(t(`groups.${g.key}`))}</th>`).join('');
    let body = '';
    for (const c of columns) {
      body += `<tr data-category="${c}"><th scope="row" id="grid-row-${c}"><span class="grid-code">${escape(c)}</span> <span class="grid-catname">${escape(t(`grid.columns.${schema}.${c}`))}</span></th>`;
      for (const g of GROUPS) {
        const value = sheet()[g.key]?.[c] ?? '';
        body += `<td><input class="ds-input grid-cell" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
          data-group="${g.key}" data-col="${c}" value="${escape(value)}" placeholder="${escape(t('grid.emptyMark'))}"
          aria-labelledby="grid-col-${g.key} grid-row-${c}" data-empty="${value.trim() === ''}"></td>`;
      }
      body += `<td class="num grid-sum" data-sum-category="${c}"></td></tr>`;
    }
    const foot = groupSums
      ? `<tfoot><tr><th scope="row">${escape(t('grid.groupSum'))}</th>${GROUPS.map((g) => `<td class="num grid-sum" data-sum-group="${g.key}"></td>`).join('')}<td class="num grid-sum" data-sum-all="true"></td></tr></tfoot>`
      : '';
    const service = state.byService && state.service != null ? ` – ${state.service}` : '';
    root.querySelector('#grid-table').innerHTML = `<caption id="grid-caption">${escape(t(`grid.caption.${schema}`, { year: state.year }) + service)}</caption>
      <thead><tr><th scope="col">${escape(t('grid.categoryHeader'))}</th>${head}<th scope="col" class="num">${escape(t('grid.categorySum'))}</th></tr></thead>
      <tbody>${body}</tbody>${foot}`;
    updateSums();
  }

  // The core's sums of the shown sheet (one service, or the whole form). A sum over a row the core
  // skipped for an error is «?»: it would leave that row out. Until the core has answered an edit,
  // the sums are those of the figures before it, marked as such.
  function updateSums() {
    const sums = state.sums;
    const service = state.byService ? state.service ?? null : null;
    const part = sums?.sheets.find((x) => x.service === service);
    const broken = sums?.broken.get(service) ?? new Set();
    const typed = (g, c) => (state.values[service ?? '']?.[g]?.[c] ?? '').trim() !== '';
    const shown = (value, unsure) => (unsure ? '?' : value == null ? '' : fmtExact(value));
    for (const td of root.querySelectorAll('[data-sum-category]')) {
      const c = td.dataset.sumCategory;
      td.textContent = shown(part?.categories[c], GROUPS.some((g) => broken.has(g.key) && typed(g.key, c)));
    }
    for (const td of root.querySelectorAll('[data-sum-group]')) td.textContent = shown(part?.groups[td.dataset.sumGroup], broken.has(td.dataset.sumGroup));
    for (const td of root.querySelectorAll('[data-sum-all]')) td.textContent = shown(part?.total, broken.size > 0);
    const table = root.querySelector('#grid-table');
    if (table) table.dataset.stale = String(state.sumsStale);
    const excluded = root.querySelector('#grid-excluded');
    const left = service != null && sums?.excluded.has(service);
    excluded.hidden = !left;
    excluded.textContent = left ? t('grid.sumsExcluded') : '';
    // Another file that gives the same unit and year is summed with the form, by the core as any
    // two files are: the sums shown (of this sheet) and the result (of all) say so by name, from the
    // core's lists, not as the form's own.
    const inSheet = othersThan(state.file, part?.files);
    const note = root.querySelector('#grid-sums-others');
    note.hidden = !inSheet.length;
    note.textContent = inSheet.length ? t('grid.sumsWithOthers', { files: listText(inSheet) }) : '';
    const heading = root.querySelector('#grid-result-heading');
    if (heading && state.resultName) heading.innerHTML = resultHeading(state.resultName, state.file.year, othersThan(state.file, sums?.files));
    showOthers(root, state);
  }

  // After the core's report on the form's file: its sums, asked for that file (a newer edit asks again).
  async function askSums(report, diagnostics) {
    const file = state.file;
    if (!file || !report) {
      state.sums = null;
      state.sumsStale = false;
      updateSums();
      return;
    }
    const broken = new Map();
    for (const d of diagnostics)
      if (d.severity === 'error' && d.cell?.group) {
        const service = d.cell.service ?? null;
        if (!broken.has(service)) broken.set(service, new Set());
        broken.get(service).add(d.cell.group);
      }
    const excluded = new Set(report.excluded.filter((x) => x.year === file.year).map((x) => x.service));
    let answer;
    try {
      answer = await sumsOf(file.unitKey.split(':')[1], file.year);
    } catch {
      answer = null; // the sums are a help: without them the form still works, its sums empty
    }
    if (state.file !== file) return;
    state.sums = answer?.sheets ? { sheets: answer.sheets, files: answer.files, broken, excluded } : null;
    state.sumsStale = currentFile()?.text !== file.text; // an edit since, not yet given to the core
    updateSums();
    showAbsent(answer?.missing);
  }

  // «M1 og M4 kan ikke regnes ut ennå: fyll ut d og e …»: the fields each absent measure needs that
  // no row gave (the core's), in the grid's order; without them, the fields in general.
  function showAbsent(missing) {
    const note = root.querySelector('#grid-absent');
    if (!note) return;
    const columns = SCHEMAS[schemaOf(state.year)]?.columns ?? [];
    const needed = new Set(state.absent.flatMap((m) => missing?.[m] ?? []));
    const fields = columns.filter((c) => needed.has(c));
    const list = listText(state.absent);
    note.textContent = fields.length
      ? t('grid.absentFields', { list, fields: listText(fields) })
      : t('grid.absent', { list, what: t(state.absent.length === 1 ? 'grid.absentOne' : 'grid.absentMany') });
    note.hidden = false;
  }

  async function loadUnits() {
    const year = state.year;
    if (!schemaOf(year)) return; // until the core has said the year's schema (redraw then)
    try {
      const units = await registerFor(year);
      if (year !== state.year) return;
      state.units = units;
      root.querySelector('#grid-unit-list').replaceChildren(...units.map((u) => {
        const option = document.createElement('option');
        option.value = `${u.code} ${u.name}`;
        return option;
      }));
    } catch (err) {
      showUnitError(t('grid.registerFailed', { message: err.message }));
    }
  }

  function showUnitError(text) {
    const error = root.querySelector('#grid-unit-error');
    error.textContent = text;
    error.hidden = !text;
    const input = root.querySelector('#grid-unit');
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  function commitUnit() {
    const query = root.querySelector('#grid-unit').value;
    if (!query.trim()) {
      state.unit = null;
      showUnitError('');
      schedule();
      return;
    }
    const choices = root.querySelector('#grid-unit-choices');
    // The change event as the focus leaves for one of the offered units: they stay as they are.
    if (state.offered === query) return;
    const unit = findUnit(state.units, query);
    choices.hidden = true;
    state.offered = null;
    if (Array.isArray(unit)) {
      offerUnits(query, unit);
      return;
    }
    if (!unit) {
      showUnitError(t('grid.unitNotFound', { q: query.trim(), year: state.year }));
      return;
    }
    takeUnit(unit);
  }

  function takeUnit(unit) {
    root.querySelector('#grid-unit-choices').hidden = true;
    state.offered = null;
    showUnitError('');
    state.unit = unit;
    root.querySelector('#grid-unit').value = `${unit.code} ${unit.name}`;
    schedule();
  }

  // "Flere kommuner eller bydeler passer «Herøy». Velg én:" with a button for each.
  function offerUnits(query, list) {
    showUnitError('');
    const box = root.querySelector('#grid-unit-choices');
    box.innerHTML = `<p class="ds-paragraph">${escape(t('grid.unitChoices', { q: query.trim() }))}</p><div class="unit-choice-row">` +
      list.map((u) => `<button type="button" class="ds-button" data-variant="secondary" data-size="sm" data-code="${escape(u.code)}">${escape(`${u.code} ${u.name}`)}</button>`).join('') + '</div>';
    state.offered = query;
    box.hidden = false;
  }

  function currentFile() {
    if (!state.unit) return null;
    const sheets = state.byService
      ? state.services.map((service) => ({ service, values: state.values[service] ?? {} }))
      : [{ service: null, values: state.values[''] ?? {} }];
    const form = formCsv(state.unit, state.year, sheets);
    if (form.empty) return null;
    // The core reads the form as a file under a name that says what it is (its messages then name
    // the form, not a CSV file the user never made); saved, it is a CSV file with a file's name.
    // What was typed, as typed, kept with the file for the printout (typed()).
    return { ...form, name: t('grid.fileName', { unit: `${state.unit.code} ${state.unit.name}`, year: state.year }),
      saveName: `skjema_${state.unit.code}_${state.year}.csv`, unitKey: `${state.unit.level}:${state.unit.code}`, year: state.year,
      typed: { unit: `${state.unit.code} ${state.unit.name}`, year: state.year, groups: GROUPS.map((g) => g.key),
        columns: SCHEMAS[schemaOf(state.year)].columns, sheets: structuredClone(sheets) } };
  }

  function schedule() {
    if (state.withdrawn) {
      state.withdrawn = false; // an edit, or the button: the form's figures are counted again
      root.querySelector('#grid-withdrawn').hidden = true;
    }
    writeDraft();
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      // The form's columns follow the year's schema, which the core says when it is ready (redraw).
      if (!schemaOf(state.year)) { state.waitingForCore = true; return; }
      state.file = currentFile();
      onForm(state.file);
    }, delay);
  }

  // Enter / Shift+Enter: down / up the target group's column, then on to the next / previous one
  // (as in Excel); Tab goes along the row.
  function moveFrom(input, back) {
    const cells = [...root.querySelectorAll('.grid-cell')];
    const byGroup = GROUPS.flatMap((g) => cells.filter((x) => x.dataset.group === g.key));
    const next = byGroup[byGroup.indexOf(input) + (back ? -1 : 1)];
    if (next) {
      next.focus();
      next.select();
    }
  }

  root.addEventListener('input', (e) => {
    const cell = e.target.closest('.grid-cell');
    if (!cell) return;
    (sheet()[cell.dataset.group] ??= {})[cell.dataset.col] = cell.value;
    cell.dataset.empty = String(cell.value.trim() === '');
    cell.removeAttribute('aria-invalid');
    state.sumsStale = true;
    updateSums();
    schedule();
  });
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    if (e.target.id === 'grid-new-service') {
      e.preventDefault();
      addService();
    } else if (e.target.id === 'grid-unit') {
      e.preventDefault();
      commitUnit();
    } else if (e.target.closest('.grid-cell')) {
      e.preventDefault();
      moveFrom(e.target, e.shiftKey);
    }
  });
  root.addEventListener('change', (e) => {
    if (e.target.id === 'grid-keep-draft') {
      state.keepDraft = e.target.checked;
      if (state.keepDraft) writeDraft();
      else localStorage.removeItem(DRAFT_KEY);
    }
    if (e.target.id === 'grid-unit') commitUnit();
    if (e.target.id === 'grid-by-service') {
      state.byService = e.target.checked;
      drawServices();
      drawTable();
      schedule();
    }
    if (e.target.id === 'grid-service') {
      state.service = e.target.value;
      drawTable();
    }
    if (e.target.id === 'grid-year') {
      const before = schemaOf(state.year);
      state.year = Number(e.target.value);
      // The other schema has other columns: what was typed does not carry over.
      if (schemaOf(state.year) !== before) state.values = {};
      drawTable();
      loadUnits().then(() => { if (state.unit) commitUnit(); });
      schedule();
    }
  });
  root.addEventListener('click', (e) => {
    const choice = e.target.closest('#grid-unit-choices button[data-code]');
    if (choice) {
      takeUnit(state.units.find((u) => u.code === choice.dataset.code));
      root.querySelector('#grid-unit').focus();
    } else if (e.target.id === 'grid-add-service') addService();
    else if (e.target.id === 'grid-include') schedule();
    else if (e.target.id === 'grid-save') {
      const file = currentFile();
      if (file) {
        onSave(file.saveName, file.text);
        state.savedText = file.text;
      }
      else showUnitError(state.unit ? t('grid.nothingToSave') : t('grid.chooseUnitFirst'));
    } else if (e.target.id === 'grid-clear') {
      state.values[state.byService ? state.service ?? '' : ''] = {};
      drawTable();
      schedule();
    }
  });

  draw();
  if (draft) schedule(); // the kept draft's figures go to the core as typed ones do

  return {
    // The core's answer for the form's file: its figures, checks and messages, shown beside the grid.
    showReport(report) {
      const diagnostics = showResult(root, state, report, (d) => this.describe(d));
      return askSums(report, diagnostics);
    },
    // The form's card removed (web/src/main.js): its figures leave the calculation, and the form
    // says they are still here, to be counted again. Until then no change of language or report
    // brings them back, and no report's figures are shown as the form's.
    withdraw() {
      clearTimeout(state.timer);
      state.file = null;
      state.withdrawn = true;
      root.querySelector('#grid-withdrawn').hidden = false;
    },
    // The figures of the form's file as typed, for the printout (web/src/files.js): {unit, year,
    // groups, columns, sheets: [{service, values: {group: {column: text}}}]}, or null.
    typed() {
      return state.file?.typed ?? null;
    },
    redraw() {
      draw();
      if (state.file || state.waitingForCore) schedule(); // the form's name is in the page's language
      state.waitingForCore = false;
    },
    // A message about the form, placed in the form («Skjema IS-24/8 – Voksne, c: …») instead of
    // a line and column of the CSV text the page made of it; any other message as it is.
    describe(d) {
      const file = state.file;
      if (!file || d.file !== file.name) return d;
      // A check of the unit's whole result (M1 above 15) points at the unit's first CSV line, which
      // in the form is one target group's column: it is about the form as a whole.
      const wholeUnit = d.code.startsWith('check.') && d.column == null && d.args?.code != null;
      const row = d.line != null && !wholeUnit ? file.rowOf[d.line - 1] : null;
      const column = d.column != null ? file.columns[d.column - 1] : null;
      const cell = [row?.service, row && t(`groups.${row.group}`), column && column.length <= 2 ? column : null].filter(Boolean).join(', ');
      const place = cell ? `${t('grid.formName')} – ${cell}` : t('grid.formName');
      // An error skips the CSV line (the core says «Raden er hoppet over»), which in the grid is a
      // target group's whole column: say so.
      const skipped = d.severity === 'error' && row ? ` ${t('grid.rowSkipped', { column: columnName(row) })}` : '';
      // The fields of a line the core did not count (a figure a file gave first): args.columns.
      const fields = d.args?.columns?.map((c) => file.columns[c - 1]).filter(Boolean) ?? null;
      return { ...d, line: null, column: null, place: cell || null, cell: row ? { group: row.group, service: row.service, column, fields } : null,
        message: `${place}: ${d.text}${skipped}` };
    },
    get file() { return state.file; },
    // Figures typed and neither saved as CSV (as they are now) nor kept as a draft: lost on leaving.
    get unsaved() {
      const typed = Object.values(state.values).some((groups) => Object.values(groups).some((cells) => Object.values(cells).some((x) => x.trim() !== '')));
      if (!typed || state.keepDraft) return false;
      return currentFile()?.text !== state.savedText;
    },
  };
}

// A target group's column of the grid, «Voksne» (by its service when split: «Voksne» (Lavterskeltilbud)).
const columnName = ({ group, service }) => (service == null
  ? t('grid.columnNamed', { group: t(`groups.${group}`) })
  : t('grid.columnOfService', { group: t(`groups.${group}`), service }));

function readDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    return draft && GRID_YEARS.includes(draft.year) && typeof draft.values === 'object' ? draft : null;
  } catch {
    return null;
  }
}

// --- what the core says about the form ------------------------------------------------------------

// Fields left empty where the same column has a figure for the other target group: the core counts
// nothing for them, as for a field not answered, and says nothing (a column empty in both groups
// leaves its measures out, which the form says beside them). «Barn og unge c», by service when split.
function emptyFields(state, year) {
  const { columns } = SCHEMAS[schemaOf(year)];
  const filled = (values, g, c) => (values?.[g]?.[c] ?? '').trim() !== '';
  const sheets = state.byService ? state.services.map((s) => [s, state.values[s]]) : [[null, state.values['']]];
  const out = [];
  for (const [service, values] of sheets) {
    for (const g of GROUPS) {
      if (!columns.some((c) => filled(values, g.key, c))) continue;  // a part not given: the core says so
      for (const c of columns) {
        if (!filled(values, g.key, c) && GROUPS.some((o) => filled(values, o.key, c)))
          out.push(`${service ? `${service}: ` : ''}${t(`groups.${g.key}`)} ${c}`);
      }
    }
  }
  return out;
}

// The files besides the form's own among those the core names.
const othersThan = (file, names) => (names ?? []).filter((name) => name !== file?.name);

// «Halden 2025, regnet ut fra skjemaet», and «… og halden.csv» when the core summed a file with it,
// as HTML.
function resultHeading(name, year, others) {
  const text = others.length ? t('grid.resultHeadingWith', { name, year, files: listText(others) }) : t('grid.resultHeading', { name, year });
  // A file's long name may break after its underscores on a phone, not inside a word.
  return escape(text).replace(/_/g, '_<wbr>');
}

// The sums of the sheet shown (of the service chosen, or without services), from the core.
function shownSheet(state) {
  const service = state.byService ? state.service ?? null : null;
  return state.sums?.sheets.find((x) => x.service === service);
}

// Another årsverk file that has the form's unit and year is computed with the form by the core, as
// any two files are (a field in both counted once, the first read): said by name, from the core's
// list of the files in the form's sums, since the form is meant to stand alone. The rule is said
// under the grid when the sums shown take the file in, and here only when they do not. An empty
// field of the form may be one the file gives: the form's list of them says so.
function showOthers(root, state) {
  const others = state.resultName ? othersThan(state.file, state.sums?.files) : [];
  const box = root.querySelector('#grid-mixed');
  if (box) {
    const rule = !othersThan(state.file, shownSheet(state)?.files).length;
    box.hidden = !others.length;
    box.firstElementChild.textContent = others.length
      ? tn(rule ? 'grid.otherFiles' : 'grid.otherFilesShort', others.length, { files: listText(others), name: state.resultName, year: state.file.year })
      : '';
  }
  const empty = root.querySelector('#grid-empty');
  if (empty && state.empty?.length) {
    empty.textContent = others.length
      ? tn('grid.emptyFieldsWithFiles', state.empty.length, { fields: listText(state.empty), files: listText(others) })
      : tn('grid.emptyFields', state.empty.length, { fields: listText(state.empty) });
  }
}

// The form's figures, checks and messages beside it; returns the messages about the form.
function showResult(root, state, report, describe) {
  const box = root.querySelector('#grid-result');
  const messagesBox = root.querySelector('#grid-messages');
  for (const cell of root.querySelectorAll('.grid-cell[aria-invalid]')) cell.removeAttribute('aria-invalid');
  for (const cell of root.querySelectorAll('.grid-cell[data-warning]')) cell.removeAttribute('data-warning');
  const file = state.file;
  if (!file || !report) {
    box.innerHTML = '';
    messagesBox.innerHTML = '';
    state.absent = [];
    return [];
  }
  const diagnostics = report.diagnostics.filter((d) => d.place.file === file.name).map((d) => describe(diagnosticIn(d)));
  let messages = '';
  for (const d of diagnostics) {
    const at = d.cell;
    const onSheetShown = (state.byService ? state.service : null) === (at?.service ?? null);
    // A figure to look at again (a check before submission: a slip of the decimal mark; a figure a
    // file had first, which was not counted) is marked at its field as an error is, in the
    // warning's colour.
    const columns = at && onSheetShown ? at.fields ?? (at.column ? [at.column] : []) : [];
    for (const column of columns) {
      const cell = root.querySelector(`.grid-cell[data-group="${at.group}"][data-col="${column}"]`);
      if (cell && d.severity === 'error') cell.setAttribute('aria-invalid', 'true');
      else if (cell && d.severity === 'warning') cell.setAttribute('data-warning', 'true');
    }
    const color = d.severity === 'error' ? 'danger' : d.severity === 'warning' ? 'warning' : 'info';
    messages += `<li class="message" data-severity="${d.severity}" data-code="${escape(d.code)}"><span class="ds-tag" data-color="${color}">${escape(t(`severity.${d.severity}`))}</span> ${escape(coreText(d.message))}</li>`;
  }
  messagesBox.innerHTML = messages ? `<ul class="messages">${messages}</ul>` : '';

  const [level, code] = file.unitKey.split(':');
  const result = report.results.find((r) => r.level === level && r.code === code && r.year === file.year);
  if (!result) {
    box.innerHTML = `<p class="ds-paragraph">${escape(t('grid.noResult'))}</p>`;
    state.absent = [];
    return diagnostics;
  }
  state.resultName = unitName(result);
  const schema = result.schema;
  const measures = ['M1', 'M2', 'M3', 'M4'].map((m) => {
    const value = shownRate(result, m) ?? '–';
    return `<li class="grid-measure"><span class="grid-measure-name">${m} ${escape(t(`measures.${schema}.${m}`))}</span> <strong class="value" data-measure="${m}">${escape(value)}</strong></li>`;
  }).join('');
  // A measure the core left absent (a field it needs is empty) says so beside its «–», naming the
  // fields when the core's sums have come (showAbsent).
  state.absent = ['M1', 'M2', 'M3', 'M4'].filter((m) => result.arsverk?.[m] == null);
  // The target groups' columns an error took out (each its CSV line, which the core skipped).
  const skipped = [...new Map(diagnostics.filter((d) => d.severity === 'error' && d.cell)
    .map((d) => [`${d.cell.service}|${d.cell.group}`, columnName(d.cell)])).values()];
  // Fields to fill in, counted without a column the user did fill in: correcting the error comes first.
  const absentNote = state.absent.length && !skipped.length ? '<p class="ds-paragraph note" id="grid-absent" hidden></p>' : '';
  // Left out by rule 2, every measure is «–»: why stands once, beside them (not again among the checks).
  const suppressedNote = result.suppressed && result.suppression_reason
    ? `<p class="ds-paragraph note" id="grid-suppressed">${escape(t('grid.suppressedNote', { reason: t(`reasons.suppressed.${result.suppression_reason}`) }))}</p>`
    : '';
  // A check whose warning stands above (args.flag, about this unit and year) is counted with the
  // warnings, not said twice; a note above (far below the published figure) keeps its line here.
  const saidAbove = new Set(diagnostics.filter((d) => d.severity === 'warning' && d.args?.flag && d.args.level === result.level &&
    d.args.code === result.code && d.args.year === result.year).map((d) => d.args.flag));
  const checks = result.flags.filter((f) => f !== 'suppressed' && !saidAbove.has(f)).map(checkText);
  state.empty = emptyFields(state, file.year); // worded by showOthers, which knows the files summed in
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const errorsLine = skipped.length
    ? tn('grid.errorsAbove', errors, { columns: tn('grid.columnsNamed', skipped.length, { list: listText(skipped) }) })
    : tn('grid.errorsAboveElsewhere', errors);
  // A warning above (only the children's part given, say) is no «Ingen kontroller slo ut».
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings) checks.push(tn('grid.warningsAbove', warnings));
  const mixed = '<div class="ds-alert" data-color="warning" id="grid-mixed" hidden><p class="ds-paragraph"></p></div>';
  const unchecked = uncheckedTexts(result);
  const none = checks.length || errors || state.empty.length ? [] : [t(unchecked.length ? 'grid.noChecksRan' : 'grid.noChecks')];
  box.innerHTML = `${mixed}<h4 class="ds-heading" data-size="xs" id="grid-result-heading">${resultHeading(state.resultName, result.year, othersThan(file, state.sums?.files))}</h4>
    <ul class="grid-measures">${measures}</ul>${suppressedNote}${absentNote}
    <p class="ds-paragraph note">${escape(t('grid.perThousandNote'))} ${escape(t('grid.seeComparison'))} <a class="ds-link" href="#result-heading">${escape(t('seeResult'))}</a></p>
    <h4 class="ds-heading" data-size="xs">${escape(t('grid.checksHeading'))}</h4>
    <ul class="grid-checks">${[...none, ...checks].map((c) => `<li>${escape(c)}</li>`).join('')}${state.empty.length ? '<li id="grid-empty"></li>' : ''}` +
    `${[...(errors ? [errorsLine] : []), ...unchecked].map((c) => `<li>${escape(c)}</li>`).join('')}</ul>`;
  showOthers(root, state);
  return diagnostics;
}
