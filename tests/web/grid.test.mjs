// The form typed in by hand (web/src/grid.js): keyboard entry with decimal comma, empty ≠ 0, sums,
// live figures and checks from the core, and «Lagre som CSV» giving a file the CLI reads to the
// same figures as the page shows. Screenshots (desktop and phone, Norwegian and English) go to
// test-artifacts/web/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { figureHeights, openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { shownCli as cli, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
let page;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await openCalculator(root, { open: false });
  page = browser.page;
});

after(() => browser?.close());

// The page opened afresh with the form unfolded, for `unit` in `year` (the latest when not given).
async function openForm(unit, year) {
  await browser.open();
  await page.click('#grid-details summary');
  if (year) await page.selectOption('#grid-year', String(year));
  // The year's register is fetched when the year is chosen: wait for it (Halden is 3001 until 2023).
  await page.waitForFunction((halden) => [...document.querySelectorAll('#grid-unit-list option')].some((o) => o.value === halden),
    (year ?? 2025) >= 2024 ? '3101 Halden' : '3001 Halden', { timeout: 30000 });
  await page.fill('#grid-unit', unit);
  await page.press('#grid-unit', 'Enter');
}

// Halden's 2025 form as the first test types it with the keyboard.
async function typeHalden2025() {
  await openForm('halden');
  for (const [col, v] of [['a', '12,5'], ['b', '20,25'], ['c', '3'], ['d', '4,75'], ['e', '0']]) await typeInto('voksne', col, v);
  for (const [col, v] of [['a', '2,5'], ['b', '6,125'], ['d', '0']]) await typeInto('barn_og_unge', col, v);
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('#grid-result .value').length === 4,
    null, { timeout: 30000 });
}

async function gridFigures() {
  return page.$$eval('#grid-result .value', (els) => Object.fromEntries(els.map((e) => [e.dataset.measure, e.textContent])));
}

// The core's sums of what is typed now (web/src/grid.js marks them stale from an edit until then).
async function sumsSettled() {
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.getElementById('grid-table')?.dataset.stale === 'false',
    null, { timeout: 30000 });
}

async function typeInto(group, col, text) {
  await page.fill(`.grid-cell[data-group="${group}"][data-col="${col}"]`, text);
}

async function savedCsv() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#grid-save')]);
  const path = join(ARTIFACTS, download.suggestedFilename());
  writeFileSync(path, readFileSync(await download.path()));
  return { name: download.suggestedFilename(), path };
}

// The page's figures for the form come from the same file the CLI reads.
async function expectFiguresOfSaved(level, code, year) {
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('#grid-result .value').length === 4);
  const saved = await savedCsv();
  const report = cli([saved.path]);
  const expected = find(report, level, code, year);
  assert.ok(expected, `the CLI has ${level} ${code} ${year} from ${saved.name}`);
  const shown = await gridFigures();
  for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(shown[m], expected.display?.[m] ?? '–', `${m} beside the form`);
  const cards = await page.$$eval('#key-figures .cards .value', (els) => Object.fromEntries(els.map((e) => [e.dataset.measure, e.textContent])));
  for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(cards[m], expected.display?.[m] ?? '–', `${m} in the key figures`);
  return { saved, report, expected };
}

async function waitForFigures(previous) {
  await page.waitForFunction((prev) => {
    const v = [...document.querySelectorAll('#grid-result .value')].map((e) => e.textContent).join('|');
    return document.body.dataset.busy === 'false' && v !== '' && v !== prev;
  }, previous, { timeout: 30000 });
}
const figuresKey = async () => Object.values(await gridFigures()).join('|');

describe('typing the form in by hand', () => {
  test('the form\'s code and registers are fetched when it is first unfolded, not on a first visit', async () => {
    await browser.open();
    await page.click('#example-button');
    await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.busy === 'false', null, { timeout: 30000 });
    const formFiles = () => browser.pageRequests.filter((u) => /\/chunks\/grid-[^/]*\.js$|\/register\/kommuner_/.test(u));
    assert.deepEqual(formFiles(), [], 'nothing of the form before it is unfolded');
    assert.equal(await page.locator('#grid-root *').count(), 0);
    await page.click('#grid-details summary');
    await page.waitForFunction(() => [...document.querySelectorAll('#grid-unit-list option')].some((o) => o.value === '3101 Halden'), null, { timeout: 30000 });
    assert.ok(formFiles().some((u) => /\/chunks\/grid-/.test(u)), 'its code, once unfolded');
    assert.ok(formFiles().some((u) => u.endsWith('/register/kommuner_2024.csv')), 'and the year\'s register');
  });

  test('the form\'s code not to be had: the form says so, in the page\'s language', async () => {
    // A browser of its own: the service worker of the one above keeps the form's code.
    const own = await openCalculator(root, { open: false });
    try {
      await own.context.route('**/chunks/grid-*.js', (route) => route.fulfill({ status: 404, body: 'not here' }));
      await own.open('/', { lang: 'en' });
      await own.page.click('#grid-details summary');
      await own.page.waitForFunction(() => /^The form could not be shown: .+\. Reload the page\.$/.test(document.getElementById('grid-root').textContent));
      await own.page.click('#lang-button');
      assert.match(await own.page.textContent('#grid-root'), /^Skjemaet kunne ikke vises: .+\. Last inn siden på nytt\.$/);
    } finally {
      await own.close();
    }
  });

  test('keyboard entry: unit by name, Tab and Enter, decimal comma; figures as the CLI gives for the saved CSV', async () => {
    await openForm('halden');
    assert.equal(await page.inputValue('#grid-unit'), '3101 Halden');
    assert.equal(await page.inputValue('#grid-year'), '2025');
    const rowHeads = await page.$$eval('#grid-table tbody th', (ths) => ths.map((th) => th.textContent.trim()));
    assert.equal(rowHeads[0], 'a Helse- og sosialfag, videregående');
    assert.equal(rowHeads[4], 'e Ufaglærte');

    // Voksne a..e with Enter down the column, on to the top of barn og unge; Tab goes along the row.
    await page.focus('.grid-cell[data-group="voksne"][data-col="a"]');
    for (const v of ['12,5', '20,25', '3', '4,75', '0']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    const focused = () => page.evaluate(() => document.activeElement.dataset.group + document.activeElement.dataset.col);
    assert.equal(await focused(), 'barn_og_ungea');
    await page.keyboard.type('2,5');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'voksneb');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await focused(), 'voksnea');
    await typeInto('barn_og_unge', 'b', '6,125');
    // c and e for barn og unge stay empty; d is 0.
    await typeInto('barn_og_unge', 'd', '0');

    await page.waitForSelector('#grid-result .value', { timeout: 30000 });
    const { saved, expected } = await expectFiguresOfSaved('kommune', '3101', 2025);
    const text = readFileSync(saved.path, 'utf8');
    assert.equal(saved.name, 'skjema_3101_2025.csv');
    assert.match(text, /^\ufeffkommunenummer;år;målgruppe;a;b;c;d;e\r\n/);
    assert.match(text, /3101;2025;voksne;12,5;20,25;3;4,75;0\r\n/);
    assert.match(text, /3101;2025;barn og unge;2,5;6,125;;0;\r\n/, 'empty stays empty, 0 stays 0');
    assert.equal(expected.arsverk.M1, 49.125);

    await sumsSettled();
    const sums = await page.evaluate(() => ({
      voksne: document.querySelector('[data-sum-group="voksne"]').textContent,
      barn: document.querySelector('[data-sum-group="barn_og_unge"]').textContent,
      a: document.querySelector('[data-sum-category="a"]').textContent,
      c: document.querySelector('[data-sum-category="c"]').textContent,
      e: document.querySelector('[data-sum-category="e"]').textContent,
      all: document.querySelector('[data-sum-all]').textContent,
    }));
    assert.deepEqual(sums, { voksne: '40,5', barn: '8,625', a: '15', c: '3', e: '0', all: '49,125' });
    const empties = await page.$$eval('.grid-cell[data-empty="true"]', (els) => els.map((e) => e.dataset.group + e.dataset.col));
    assert.deepEqual(empties, ['barn_og_ungec', 'barn_og_ungee']);
    assert.equal(await page.getAttribute('.grid-cell[data-group="barn_og_unge"][data-col="c"]', 'placeholder'), 'tomt');
    // The core counts nothing for them, as unanswered, and says nothing: the checks name them.
    assert.match(await page.textContent('#grid-result .grid-checks'),
      /^2 tomme felt der den andre målgruppen har tall: Barn og unge c og Barn og unge e\. Et tomt felt er ikke besvart og telles ikke; skriv 0 der tallet er null\./);
    assert.equal(await page.inputValue('#unit-input'), '3101 Halden (kommune)', 'the result shows the form\'s unit');
    await page.evaluate(AXE_SOURCE);
    const axe = await page.evaluate(() => window.axe.run('#grid-details', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], 'axe on the form');
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-01-typed.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'grid-02-page.png'), fullPage: true });
  });

  test('the field the keyboard moves to is never under the sticky status bar', async () => {
    await openForm('halden');
    await typeInto('voksne', 'a', '1');
    // The page scrolled so that the cell above the focused one is just under the top of the window.
    await page.focus('.grid-cell[data-group="voksne"][data-col="d"]');
    await page.evaluate(() => {
      const c = document.querySelector('.grid-cell[data-group="voksne"][data-col="c"]');
      window.scrollBy(0, c.getBoundingClientRect().top - 4);
    });
    await page.keyboard.press('Shift+Enter');
    const [cellTop, barBottom] = await page.evaluate(() => [document.activeElement.getBoundingClientRect().top,
      document.querySelector('.status-bar').getBoundingClientRect().bottom]);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.col), 'c');
    assert.ok(cellTop >= barBottom, `the cell at ${cellTop}, the bar down to ${barBottom}`);
  });

  test('a measure whose fields are empty is «–» with what to fill in, and the sum row claims no measure', async () => {
    await openForm('halden');
    for (const [col, v] of [['a', '10,5'], ['b', '22'], ['c', '4']]) await typeInto('voksne', col, v);
    await typeInto('barn_og_unge', 'a', '3');
    // The figures of all four cells typed (each edit recomputes: an earlier answer may come first).
    await page.waitForFunction(() => document.body.dataset.busy === 'false'
      && document.querySelector('#grid-result .value[data-measure="M2"]')?.textContent.trim() !== '–'
      && /Halden/.test(document.querySelector('#grid-result h4')?.textContent ?? ''), null, { timeout: 30000 });
    const shown = await gridFigures();
    assert.equal(shown.M1, '–');
    assert.equal(shown.M4, '–');
    assert.notEqual(shown.M2, '–');
    // The fields the core says the absent measures need (a, b and c are typed; d and e are not).
    await sumsSettled();
    assert.equal(await page.textContent('#grid-absent'),
      'M1 og M4 kan ikke regnes ut ennå: fyll ut d og e (skriv 0 der det ikke er årsverk; et tomt felt er ikke besvart).');
    // The typed sum of a–e is no M1 while M1 is not given.
    assert.equal(await page.textContent('#grid-table tfoot th'), 'Sum a–e');
    const before = await figuresKey();
    await typeInto('voksne', 'd', '1');
    await typeInto('voksne', 'e', '0');
    await waitForFigures(before);
    assert.notEqual((await gridFigures()).M1, '–');
    assert.equal(await page.locator('#grid-absent').count(), 0);
  });

  test('each edit recomputes; one file for the form, replaced each time', async () => {
    await typeHalden2025();
    const before = await figuresKey();
    await typeInto('voksne', 'b', '120');
    assert.equal(await page.getAttribute('#grid-table', 'data-stale'), 'true', 'the sums before the edit, marked until the core answers');
    await waitForFigures(before);
    await sumsSettled();
    assert.equal(await page.textContent('[data-sum-group="voksne"]'), '140,25');
    const files = await page.$$eval('#file-panel li.file', (els) => els.map((e) => e.dataset.file));
    assert.deepEqual(files, ['Skjema IS-24/8 for 3101 Halden 2025']);
    const { expected } = await expectFiguresOfSaved('kommune', '3101', 2025);
    assert.equal(expected.arsverk.M1, 148.875);
  });

  test('the form\'s card in the files panel is the form typed in by hand, not a CSV file', async () => {
    await typeHalden2025();
    const card = '#file-panel li.file[data-file="Skjema IS-24/8 for 3101 Halden 2025"]';
    // The CSV text the page made of the form is none of the user's: no format, encoding, lines.
    assert.deepEqual(await page.$$eval(`${card} dd[data-fact]`, (els) => els.map((e) => e.dataset.fact)), ['years']);
    assert.match(await page.textContent(`${card} .file-what`), /^Årsverkene du har skrevet inn for hånd i skjemaet/);
    assert.doesNotMatch(await page.textContent(card), /CSV|UTF-8|Rader|Tegnsett/);
    await page.click('#lang-button');
    // The form is read again under its English name.
    await page.waitForFunction(() => document.body.dataset.busy === 'false'
      && document.querySelector('#file-panel li.file')?.dataset.file === 'Form IS-24/8 for 3101 Halden 2025', null, { timeout: 30000 });
    const en = await page.textContent('#file-panel li.file');
    assert.match(en, /^Form IS-24\/8 for 3101 Halden 2025The FTEs you typed in by hand in the form/);
    assert.doesNotMatch(en, /CSV|UTF-8|Rows|Encoding/);
  });

  test('the status counts the form apart from the files: «Ferdig: skjemaet, …», «2 filer og skjemaet»', async () => {
    await typeHalden2025();
    assert.match(await page.textContent('#status'), /^Ferdig: skjemaet, \d+ resultater \(2025\)/);
    await whenRendered(page, () => page.click('#example-button'));
    assert.match(await page.textContent('#status'), /^Ferdig: 2 filer og skjemaet, [\d\u00a0]+ resultater \(2023–2025\)/);
    await page.click('#lang-button');
    // The form is read again under its English name.
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && /^Done: /.test(document.getElementById('status').textContent)
      && document.querySelector('#file-panel li.file[data-file="Form IS-24/8 for 3101 Halden 2025"]'), null, { timeout: 30000 });
    assert.match(await page.textContent('#status'), /^Done: 2 files and the form, [\d,]+ results \(2023–2025\)/);
    await page.locator('.status-bar').screenshot({ path: join(ARTIFACTS, 'grid-08-status-en.png') });
  });

  test('the form\'s card removes the form\'s figures from the calculation and says so; they stay in the form, to be counted again', async () => {
    await typeHalden2025();
    const remove = '#file-panel li.file[data-file="Skjema IS-24/8 for 3101 Halden 2025"] button.remove-file';
    assert.equal(await page.textContent(remove), 'Fjern skjemaets tall fra beregningen');
    const noCards = () => page.waitForFunction(() => document.body.dataset.busy === 'false' && !document.querySelector('#file-panel li.file'), null, { timeout: 30000 });
    await page.click(remove);
    await noCards();
    assert.equal(await page.inputValue('.grid-cell[data-group="voksne"][data-col="a"]'), '12,5', 'what was typed stays in the form');
    assert.match(await page.textContent('#grid-withdrawn p'), /^Skjemaets tall er tatt ut av beregningen, men står fortsatt i skjemaet\./);
    assert.equal(await page.textContent('#grid-result'), '', 'no result of the form while it is out');
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-09-withdrawn.png') });
    // A change of language draws the form again: it stays out of the calculation (it came back).
    await page.click('#lang-button');
    assert.match(await page.textContent('#grid-withdrawn p'), /^The form’s figures have been taken out of the calculation/);
    await page.waitForTimeout(1000); // more than the form's pause after an edit (300 ms)
    await noCards();
    await page.click('#lang-button');
    // Other files bring no result to the form while it is out: it showed theirs as «regnet ut fra skjemaet».
    await whenRendered(page, () => page.click('#example-button'));
    assert.equal(await page.textContent('#grid-result'), '');
    assert.deepEqual(await page.$$eval('#file-panel li.file', (els) => els.map((e) => e.dataset.file)), ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv']);
    await page.click('#grid-include');
    await page.waitForSelector('#file-panel li.file[data-file="Skjema IS-24/8 for 3101 Halden 2025"]', { timeout: 30000 });
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('#grid-result .value').length === 4, null, { timeout: 30000 });
    assert.ok(await page.isHidden('#grid-withdrawn'));
    // «Fjern alle filer» takes the form's figures out as well, and the form says so.
    await page.click('#clear-button');
    await noCards();
    assert.ok(await page.isVisible('#grid-withdrawn'));
    assert.equal(await page.textContent('#grid-result'), '');
  });

  test('the checks\' help texts say the core\'s thresholds (wasm thresholds(), sent with the worker\'s ready)', async () => {
    await typeHalden2025();
    const before = await figuresKey();
    await typeInto('voksne', 'b', '1200');
    await waitForFigures(before);
    // M1 is the whole municipality's: its message names the form, not the adults' column it was
    // typed in; the summary counts it and does not say it again.
    const message = await page.textContent('#grid-messages li[data-code="check.rate_high"]');
    assert.match(message, /^Advarsel Skjema IS-24\/8: 3101 Halden 2025: .*uvanlig høyt \(over 15\)/);
    const result = await page.textContent('#grid-result');
    assert.match(result, /2 advarsler om skjemaet \(se over\)/); // and b's share of the adults' FTEs
    assert.doesNotMatch(result, /Over 15 årsverk/);
    // The printed summary says the check once, in full as the core words it (with its threshold),
    // not again in short (the short texts' thresholds: tests/web/print-summary.test.mjs).
    await page.waitForFunction(() => /uvanlig høyt \(over 15\)/.test(document.getElementById('print-summary').textContent), null, { timeout: 30000 });
    const summary = await page.textContent('#print-summary');
    assert.match(summary, /Skjema IS-24\/8: 3101 Halden 2025: .*uvanlig høyt \(over 15\)/);
    assert.doesNotMatch(summary, /Over 15 årsverk/);
    assert.doesNotMatch(summary + result, /\{\w+\}/, 'no placeholder left');
    // On paper the form itself is not printed: its card under «Filer» has the figures as typed,
    // an empty field «tomt» as in the form (c and e for children and young people).
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.isVisible('#grid-details'), false);
      const typed = await page.$$eval('#file-panel .typed-figures tr', (trs) => trs.filter((tr) => tr.getClientRects().length)
        .map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.deepEqual(typed, [['Målgruppe', 'a', 'b', 'c', 'd', 'e'], ['Voksne', '12,5', '1200', '3', '4,75', '0'], ['Barn og unge', '2,5', '6,125', 'tomt', '0', 'tomt']]);
      assert.equal(await page.textContent('#file-panel .typed-figures caption'), 'Skrevet inn for 3101 Halden 2025, slik det står i skjemaet');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.equal(await page.isVisible('#file-panel .typed-figures'), false, 'on screen the form shows them');
  });

  test('checks before submission: a figure to look at again (a lost decimal mark) is marked at its field', async () => {
    await typeHalden2025();
    const before = await figuresKey();
    await typeInto('voksne', 'b', '202,5'); // 20,25 with the decimal mark one place off
    await waitForFigures(before);
    await page.waitForSelector('.grid-cell[data-warning="true"]', { timeout: 30000 });
    const marked = await page.$$eval('.grid-cell[data-warning="true"]', (cells) => cells.map((c) => `${c.dataset.group}:${c.dataset.col}`));
    assert.deepEqual(marked, ['voksne:b']);
    assert.match(await page.textContent('#grid-messages li[data-severity="warning"]'), /Skjema IS-24\/8 – Voksne, b: /);
    // Its summary under the result counts it, and does not say the same check again in short.
    const checks = await page.$$eval('#grid-result .grid-checks li', (items) => items.map((li) => li.textContent));
    assert.ok(checks.includes('1 advarsel om skjemaet (se over).'), checks.join(' | '));
    assert.ok(!checks.some((c) => /uvanlig stor/.test(c)), checks.join(' | '));
    // Set right again, the mark goes.
    const slipped = await figuresKey();
    await typeInto('voksne', 'b', '20,25');
    await waitForFigures(slipped);
    await page.waitForFunction(() => !document.querySelector('.grid-cell[data-warning]'), null, { timeout: 30000 });
  });

  test('the form\'s four figures stand at one height, however long the measures\' names', async () => {
    await typeHalden2025();
    const measures = await figureHeights(page, '#grid-result .grid-measure', '.grid-measure-name');
    assert.equal(measures.length, 4);
    assert.ok(new Set(measures.map((m) => m.name)).size > 1, `names of different heights: ${JSON.stringify(measures)}`);
    assert.equal(new Set(measures.map((m) => m.top)).size, 1, JSON.stringify(measures));
  });

  test('checks before submission: a note above (far below the published figure) keeps its line in the summary', async () => {
    await typeHalden2025();
    const before = await figuresKey();
    // a and b a tenth of what typeHalden2025 typed, in both groups: M1 about an eighth of Norway's
    for (const [group, col, v] of [['voksne', 'a', '1,25'], ['voksne', 'b', '2,025'], ['barn_og_unge', 'a', '0,25'], ['barn_og_unge', 'b', '0,6125']]) {
      await typeInto(group, col, v);
    }
    await waitForFigures(before);
    await page.waitForSelector('#grid-messages li[data-code="check.far_below_published"][data-severity="info"]', { timeout: 30000 });
    const checks = await page.$$eval('#grid-result .grid-checks li', (items) => items.map((li) => li.textContent));
    assert.ok(checks.some((c) => /^Under \d+\u00a0% av det publiserte tallet for landet/.test(c)), checks.join(' | '));
    assert.ok(!checks.some((c) => /^Ingen /.test(c)), checks.join(' | '));
    // What could not be checked stands last: the change, with no 2024 in the files.
    assert.equal(checks.at(-1), 'Endringen fra 2024 er ikke kontrollert: tallene for 2024 er ikke lagt inn.');
  });

  test('checks before submission: a bad figure is marked in its cell with the core\'s message', async () => {
    await typeHalden2025();
    await typeInto('voksne', 'c', '3x');
    await page.waitForSelector('.grid-cell[data-group="voksne"][data-col="c"][aria-invalid="true"]', { timeout: 30000 });
    const message = await page.textContent('#grid-messages');
    assert.match(message, /Skjema IS-24\/8 – Voksne, c: .*3x/);
    assert.doesNotMatch(message, /[Ll]inje 2|skjema_3101/, 'the form and its cell, not a line of a file the user never made');
    // In the grid the CSV line the core skipped («Raden er hoppet over») is the target group's
    // column: the message and the line under the form say so, and what to do, in the same words.
    assert.match(message, /Raden er hoppet over\. I skjemaet er raden hele kolonnen «Voksne»: ingen av tallene der er regnet med før du retter feltet\./);
    assert.match(await page.textContent('#grid-result'), /1 feil i skjemaet \(se over\): ingen av tallene i kolonnen «Voksne» er regnet med før du retter feltet\./);
    // Not «fyll ut c og e»: the adults' c is filled in, wrongly, and correcting it comes first.
    assert.equal(await page.locator('#grid-absent').count(), 0);
    // Without the adults' part every measure is «–», and says why.
    // Left out for the error, not for want of adults' FTEs; and no check on figures without the adults'
    // (Halden's children alone would be «far below» Norway's).
    assert.match(await page.textContent('#grid-suppressed'), /^Derfor er alle fire «–»: Kommunen vises ikke med egne tall, fordi tallene for voksne er hoppet over for en feil \(se feilmeldingen\)/);
    assert.doesNotMatch(await page.textContent('#grid-result'), /publiserte tallet|desimaltegnet/);
    // Said once, beside the four «–»: not again among the checks under them.
    assert.equal((await page.textContent('#grid-result')).split('vises ikke med egne tall').length - 1, 1);
    await sumsSettled();
    // The core skipped the row: every sum over it is «?», the other group's own sum is the core's.
    assert.equal(await page.textContent('[data-sum-group="barn_og_unge"]'), '8,625');
    assert.equal(await page.textContent('[data-sum-all]'), '?');
    assert.equal(await page.textContent('[data-sum-group="voksne"]'), '?');
    assert.equal(await page.textContent('[data-sum-category="c"]'), '?');
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-03-bad-figure.png') });
    // Two errors in the column: it is named once.
    await typeInto('voksne', 'd', '4y');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('.grid-cell[aria-invalid]').length === 2, null, { timeout: 30000 });
    assert.match(await page.textContent('#grid-result'), /2 feil i skjemaet \(se over\): ingen av tallene i kolonnen «Voksne» er regnet med før du retter feltene\./);
    await page.click('#lang-button');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && /^Error Form IS-24\/8/.test(document.getElementById('grid-messages').textContent), null, { timeout: 30000 });
    assert.match(await page.textContent('#grid-messages'), /The row was skipped\. In the form, the row is the whole column “Adults”: none of its figures are counted until you correct this field\./);
    assert.match(await page.textContent('#grid-result'), /2 errors in the form \(see above\): none of the figures in the column “Adults” are counted until you correct the fields\./);
    await typeInto('voksne', 'c', '3');
    await typeInto('voksne', 'd', '4,75');
    await page.waitForFunction(() => !document.querySelector('.grid-cell[aria-invalid]') && document.body.dataset.busy === 'false');
    assert.notEqual(await figuresKey(), '');
  });

  test('the 2015 schema: the four nested measures, and their order checked by the core', async () => {
    await openForm('3001', 2023);
    assert.equal(await page.inputValue('#grid-unit'), '3001 Halden');
    const rows = await page.$$eval('#grid-table tbody .grid-code', (els) => els.map((e) => e.textContent));
    assert.deepEqual(rows, ['M1', 'M2', 'M3', 'M4']);
    assert.equal(await page.$$eval('[data-sum-group]', (els) => els.length), 0, 'no sum over nested measures');
    for (const [col, v] of [['M1', '30'], ['M2', '24,5'], ['M3', '18'], ['M4', '40']]) await typeInto('voksne', col, v);
    for (const [col, v] of [['M1', '10'], ['M2', '8'], ['M3', '6'], ['M4', '2']]) await typeInto('barn_og_unge', col, v);
    await page.waitForFunction(() => /M3|M4/.test(document.getElementById('grid-messages').textContent) && document.body.dataset.busy === 'false', null, { timeout: 30000 });
    assert.match(await page.textContent('#grid-messages'), /Voksne/);
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-04-2015-order.png') });
    await typeInto('voksne', 'M4', '4');
    await page.waitForFunction(() => document.getElementById('grid-messages').textContent === '' && document.body.dataset.busy === 'false', null, { timeout: 30000 });
    const { expected } = await expectFiguresOfSaved('kommune', '3001', 2023);
    assert.equal(expected.arsverk.M1, 40);
    await sumsSettled();
    assert.equal(await page.textContent('[data-sum-category="M2"]'), '32,5');
  });

  test('split by service category: one form per service, out-of-scope services left out by the core', async () => {
    await openForm('3101', 2025);
    await page.check('#grid-by-service');
    assert.equal(await page.isVisible('#grid-table'), false, 'no grid before a service is named');
    await page.fill('#grid-new-service', 'Lavterskeltilbud');
    await page.press('#grid-new-service', 'Enter');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.group + document.activeElement.dataset.col), 'voksnea');
    await typeInto('voksne', 'a', '10');
    await typeInto('barn_og_unge', 'b', '2,5');
    await page.fill('#grid-new-service', 'Tjenester til personer med demens');
    await page.click('#grid-add-service');
    assert.equal(await page.inputValue('#grid-service'), 'Tjenester til personer med demens');
    assert.equal(await page.inputValue('.grid-cell[data-group="voksne"][data-col="a"]'), '', 'a new service starts empty');
    await typeInto('voksne', 'b', '5');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && /demens/.test(document.getElementById('general-messages').textContent), null, { timeout: 30000 });
    const { saved, report, expected } = await expectFiguresOfSaved('kommune', '3101', 2025);
    const text = readFileSync(saved.path, 'utf8');
    assert.match(text, /^\ufeffkommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\r\n/);
    assert.match(text, /3101;2025;voksne;Lavterskeltilbud;10;;;;\r\n/);
    assert.match(text, /3101;2025;barn og unge;Lavterskeltilbud;;2,5;;;\r\n/);
    assert.match(text, /3101;2025;voksne;Tjenester til personer med demens;;5;;;\r\n/);
    // c, d and e were left empty, never given: M1 cannot be computed; M2 = a + b shows the exclusion.
    assert.equal(expected.arsverk.M1, null, 'M1 needs every category a–e');
    assert.equal(expected.arsverk.M2, 12.5, 'the dementia service is not counted');
    assert.deepEqual(report.excluded.map((x) => [x.service, x.arsverk]), [['Tjenester til personer med demens', 5]]);
    // The core sums what it counts: not the dementia service, which says so.
    await sumsSettled();
    assert.equal(await page.textContent('[data-sum-all]'), '');
    assert.match(await page.textContent('#grid-excluded'), /holdt utenfor indikatoren/);
    // Back to the first service: its figures are still there, and its sums.
    await page.selectOption('#grid-service', 'Lavterskeltilbud');
    assert.equal(await page.inputValue('.grid-cell[data-group="voksne"][data-col="a"]'), '10');
    const sums = await page.$$eval('.grid-sum', (els) => els.map((e) => e.textContent));
    assert.deepEqual(sums, ['10', '2,5', '', '', '', '10', '2,5', '12,5'], 'a–e over the groups, then each group, then all');
    assert.equal(await page.isVisible('#grid-excluded'), false);
    // Unticked, the figures per service are set aside (not deleted), and the grid says so.
    assert.equal(await page.isVisible('#grid-set-aside'), false);
    await page.uncheck('#grid-by-service');
    assert.match(await page.textContent('#grid-set-aside'), /^Tallene du skrev per tjenestekategori er lagt til side, ikke slettet/);
    await page.check('#grid-by-service');
    assert.equal(await page.isVisible('#grid-set-aside'), false);
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-08-by-service.png') });
  });

  test('an Oslo district, found by name', async () => {
    await openForm('gamle oslo');
    assert.equal(await page.inputValue('#grid-unit'), '030101 Gamle Oslo');
    await typeInto('voksne', 'a', '10');
    await typeInto('barn_og_unge', 'b', '2,5');
    await page.waitForFunction(() => /Gamle Oslo/.test(document.querySelector('#grid-result h4')?.textContent ?? ''), null, { timeout: 30000 });
    const { saved } = await expectFiguresOfSaved('bydel', '030101', 2025);
    assert.equal(saved.name, 'skjema_030101_2025.csv');
    assert.match(readFileSync(saved.path, 'utf8'), /^\ufeffbydelsnummer;år;målgruppe;a;b;c;d;e\r\n030101;2025;voksne;10;;;;\r\n/);
  });

  test('with other årsverk files for the year, the form says the core computes them together, a field in both counted once', async () => {
    await openForm('gamle oslo');
    await typeInto('voksne', 'a', '10');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('#grid-result .value').length === 4,
      null, { timeout: 30000 });
    assert.equal(await page.isVisible('#grid-mixed'), false);
    assert.equal(await page.isVisible('#grid-sums-others'), false);
    assert.equal(await page.textContent('#grid-result-heading'), 'Gamle Oslo 2025, regnet ut fra skjemaet');
    await page.click('#example-button');
    await page.waitForSelector('#grid-mixed', { timeout: 60000 });
    await page.waitForFunction(() => !document.getElementById('grid-mixed')?.hidden, null, { timeout: 30000 });
    assert.match(await page.textContent('#grid-mixed'), /^eksempel_arsverk_2024_2025\.csv har også årsverk for Gamle Oslo 2025, så filen og skjemaet er regnet sammen/);
    // Not «added together»: a field in both counts once (the core's rule for any two files).
    assert.match(await page.textContent('#grid-mixed'), /et felt som står i begge, er bare talt med én gang, med tallet som ble lest først/);
    // The example gives Gamle Oslo 2025 too, by service: the result names it (the core's list); the
    // sums shown, of the form without services, are the form's alone, and say nothing of it.
    await page.waitForFunction(() => /og eksempel_arsverk_2024_2025\.csv$/.test(document.getElementById('grid-result-heading')?.textContent),
      null, { timeout: 30000 });
    assert.equal(await page.textContent('#grid-result-heading'), 'Gamle Oslo 2025, regnet ut fra skjemaet og eksempel_arsverk_2024_2025.csv');
    assert.equal(await page.isVisible('#grid-sums-others'), false);
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-07-with-other-files.png') });
    // That file taken away, the form stands alone again.
    await page.click('#file-panel li[data-file="eksempel_arsverk_2024_2025.csv"] button.remove-file');
    await page.waitForFunction(() => document.getElementById('grid-result-heading')?.textContent === 'Gamle Oslo 2025, regnet ut fra skjemaet',
      null, { timeout: 30000 });
    assert.equal(await page.isVisible('#grid-mixed'), false);
    // A file for the year without Gamle Oslo is not computed with the form: nothing to say of it.
    await page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_halden_2025.csv'));
    await page.waitForSelector('#file-panel li[data-file="arsverk_halden_2025.csv"] .file-facts', { timeout: 30000 });
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    assert.equal(await page.textContent('#grid-result-heading'), 'Gamle Oslo 2025, regnet ut fra skjemaet');
    assert.equal(await page.isVisible('#grid-mixed'), false);
  });

  test('a file for the same unit and year, without services: the sums shown say they are of both, by name', async () => {
    await typeHalden2025();
    const before = await figuresKey();
    await page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_halden_2025.csv'));
    await waitForFigures(before);
    await page.waitForFunction(() => !document.getElementById('grid-sums-others').hidden, null, { timeout: 30000 });
    assert.match(await page.textContent('#grid-sums-others'), /^Summene her tar med tall fra arsverk_halden_2025\.csv også/);
    assert.equal(await page.textContent('#grid-result-heading'), 'Halden 2025, regnet ut fra skjemaet og arsverk_halden_2025.csv');
    // The rule stands under the grid: the note above the result says the rest, not the rule again.
    assert.equal(await page.textContent('#grid-mixed'), 'arsverk_halden_2025.csv har også årsverk for Halden 2025, så filen og ' +
      'skjemaet er regnet sammen, slik summene over viser. Fjern filen under «Filer» for å se bare skjemaet.');
    // The form's empty fields (c and e for children and young people) may be the file's: not
    // «not counted».
    assert.equal(await page.textContent('#grid-empty'), '2 tomme felt i skjemaet der den andre målgruppen har tall: Barn og unge c og Barn og unge e. Der feltet står i ' +
      'arsverk_halden_2025.csv, er tallet derfra talt med; ellers er det ikke besvart og telles ikke. Skriv 0 der tallet er null.');
    // Typed first, the form still comes after the file (the core takes it after every file, so the
    // figures never follow the order of typing or a change of language): the fields the file gives
    // too are marked, as when the file came first, and the form's messages say why, with advice
    // for a form and a file.
    await page.waitForSelector('#grid-messages li[data-code="value.duplicate"]', { timeout: 30000 });
    const marked = await page.$$eval('.grid-cell[data-warning="true"]', (cells) => cells.map((c) => `${c.dataset.group}:${c.dataset.col}`));
    assert.deepEqual(marked.sort(), ['barn_og_unge:a', 'barn_og_unge:b', 'barn_og_unge:d',
      'voksne:a', 'voksne:b', 'voksne:c', 'voksne:d', 'voksne:e']);
    const duplicate = await page.textContent('#grid-messages li[data-code="value.duplicate"]');
    assert.match(duplicate, /på linje 2 i arsverk_halden_2025\.csv.*fjern skjemaets tall eller filen\./);
    assert.doesNotMatch(duplicate, /annen utgave/);
    // The page adds the form anew after a change of language: the figures stay as they were.
    const figures = await gridFigures();
    await page.click('#lang-button');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.busy === 'false');
    await sumsSettled();
    const english = await gridFigures();
    assert.deepEqual(Object.fromEntries(Object.entries(english).map(([m, v]) => [m, v.replace('.', ',')])), figures);
    await page.click('#lang-button');
    await page.waitForFunction(() => document.documentElement.lang === 'nb' && document.body.dataset.busy === 'false');
  });

  test('a file read before the form: the typed figures it had first are not counted, and their fields are marked', async () => {
    await openForm('halden');
    await page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_halden_2025.csv'));
    await page.waitForSelector('#file-panel li[data-file="arsverk_halden_2025.csv"] .file-facts', { timeout: 30000 });
    await typeInto('voksne', 'a', '21,5'); // the file has 22,50
    await typeInto('voksne', 'c', '8');    // the same as the file's
    await page.waitForSelector('#grid-messages li[data-code="value.duplicate"]', { timeout: 30000 });
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    const marked = await page.$$eval('.grid-cell[data-warning="true"]', (cells) => cells.map((c) => `${c.dataset.group}:${c.dataset.col}`));
    assert.deepEqual(marked, ['voksne:a', 'voksne:c']);
    const duplicate = await page.textContent('#grid-messages li[data-code="value.duplicate"]');
    assert.match(duplicate, /Skjema IS-24\/8 – Voksne: .*22,50/);
    assert.match(duplicate, /i skjemaet eller i filen, eller fjern skjemaets tall eller filen\./);
    assert.doesNotMatch(duplicate, /annen utgave/);
  });

  test('English, and a 390 px phone: no sideways scrolling of the page', async () => {
    await openForm('3101');
    await page.check('#grid-by-service');
    await page.fill('#grid-new-service', 'Lavterskeltilbud');
    await page.press('#grid-new-service', 'Enter');
    await typeInto('voksne', 'a', '10');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelectorAll('#grid-result .value').length === 4,
      null, { timeout: 30000 });
    await page.click('#lang-button');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.busy === 'false');
    assert.match(await page.textContent('#grid-details summary'), /Type in the figures yourself/);
    assert.match(await page.textContent('#grid-result'), /Checks before submission/);
    assert.equal(await page.getAttribute('.grid-cell[data-group="voksne"][data-col="c"]', 'placeholder'), 'empty');
    assert.equal(await page.inputValue('.grid-cell[data-group="voksne"][data-col="a"]'), '10', 'typed figures survive the language change');
    assert.equal(await page.inputValue('#grid-service'), 'Lavterskeltilbud');
    // Only the adults' column typed: the core's advice is the form's column, not rows of a file.
    const partMissing = await page.textContent('#grid-messages li[data-code="suppression.part_missing"]');
    assert.match(partMissing, /the form has figures only for adults, none for children and young people\..*Fill in the column “Children and young people” in the form;/);
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-05-english.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // The form fits the phone: no sideways scrolling inside it or beyond the screen.
      const fit = await page.evaluate(() => {
        const box = document.getElementById('grid-details');
        const table = document.getElementById('grid-table');
        return { right: box.getBoundingClientRect().right, boxOver: box.scrollWidth - box.clientWidth,
          tableOver: table.getBoundingClientRect().width - table.parentElement.clientWidth, width: document.documentElement.clientWidth };
      });
      assert.ok(fit.right <= fit.width, `the form ends at ${fit.right} px on a ${fit.width} px screen`);
      assert.ok(fit.boxOver <= 0 && fit.tableOver <= 0, `the form scrolls sideways: ${JSON.stringify(fit)}`);
      await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'grid-06-phone.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    assert.deepEqual(browser.foreign, [], 'no request to another origin');
    assert.deepEqual(browser.consoleErrors, []);
  });
});
