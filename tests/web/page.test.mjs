// The page in Debian's Chromium (playwright-core), served by scripts/serve.mjs from dist/.
// What a user does, each test from a freshly opened page with the files it needs; every figure
// checked on screen is compared with the native CLI's JSON for the same files and settings.
// Screenshots go to test-artifacts/web/.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';

import { root, runCli } from '../wasm/lib.mjs';
import { EX_2023, EX_2024, shownCli as cli, find } from '../support/cli.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(root, 'test-artifacts', 'web');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'; " +
  "img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

const SSB_07459 = 'tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv';
const SSB_10826 = 'tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv';
const SSB_JSONSTAT = 'tests/data/ssb/ssb_jsonstat2_05300_sample.json';
const BAD = 'tests/data/web/arsverk_feil_linje4.csv';
const NOT_TABLE = 'tests/data/web/ikke_en_tabell.png';
const PASTE = 'tests/data/web/innlimt_excel.tsv';
const DUPLICATE = 'tests/data/web/arsverk_dobbel_rad.csv';
// Halden's 2024 FTEs, and a population of 40 000 for it (SSB's: 31 935).
const HALDEN_2024 = 'tests/data/web/arsverk_halden_2024.csv';
const HALDEN_POPULATION = 'tests/data/web/befolkning_halden_2024_endret.csv';
// Words of the page's Norwegian that must not appear in English mode (user data aside).
const NORWEGIAN_WORDS = ['årsverk', 'kommune', 'kommuner', 'kommunene', 'fylke', 'fylker', 'fylket', 'bydel', 'bydeler',
  'innbyggere', 'landet', 'ferdig', 'fil', 'filer', 'rader', 'forskjell', 'endring', 'merknad', 'merknader', 'advarsel',
  'advarsler', 'feil', 'linje', 'kolonne', 'utdanning', 'videregående', 'høyere', 'ført', 'videre', 'holdt', 'utenfor',
  'sortert', 'gruppen', 'eksempeldata', 'syntetiske', 'ikke', 'enhet', 'enheter', 'befolkning', 'innstillinger', 'ingen',
  'last ned', 'vis', 'og', 'av', 'med', 'til', 'fra', 'median i', 'plass', 'høyest', 'diagrammer', 'kilde', 'målgruppe',
  'tjenestekategori', 'voksne', 'barn', 'unge', 'alle', 'enheten', 'tallet', 'regnet', 'slik', 'hva', 'betyr'];

let calculator;
let origin;
let page;
let requests = [];
let foreign = [];
let consoleErrors = [];
const axeFindings = [];
const choosers = [];

const shown = (r, m) => r?.display?.[m] ?? '–';
// A core message as the page shows it (web/src/i18n.js coreText: «per 1 000» with no-break spaces).
const onPage = (message) => message.replace(/per 1 000/g, 'per\u00a01\u00a0000').replace(/per 1,000/g, 'per\u00a01,000');

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Waits until the page has rendered a new report after `action` and is idle again.
const afterRender = (action) => whenRendered(page, action);

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
}

async function keyFigures() {
  return page.$$eval('#key-figures .cards .value', (els) => Object.fromEntries(els.map((e) => [e.dataset.measure, e.textContent])));
}

async function compareColumn(col) {
  return page.$$eval(`#compare-table tbody tr`, (trs, c) => Object.fromEntries(trs.map((tr) => {
    const td = tr.querySelector(`td[data-col="${c}"]`);
    return [tr.dataset.measure, td ? td.firstChild.textContent : null];
  })), col);
}

async function tableRows() {
  return page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => {
    // The figure itself, without the published one beside it.
    const cell = (k) => tr.querySelector(`[data-col="${k}"]`)?.firstChild?.textContent;
    return { key: tr.dataset.key, M1: cell('M1'), M2: cell('M2'), M3: cell('M3'), M4: cell('M4'), flags: tr.querySelectorAll('.flag').length,
      flagTitles: [...tr.querySelectorAll('.flag')].map((f) => f.title), flagTexts: [...tr.querySelectorAll('.flag')].map((f) => f.textContent) };
  }));
}

// What the legend under the results table says each tag means: "tag: meaning".
const flagLegend = () => page.$$eval('#flag-legend dl > div', (items) => items.map((d) => `${d.querySelector('dt').textContent}: ${d.querySelector('dd').textContent}`));

// Every row of the results table as a user gets them: «Vis alle» under it, then back to pages;
// with the legend of all of them (rows.legend).
async function allTableRows() {
  const all = await page.$('#results-pager:not([hidden]) button[data-page="all"]');
  if (all) await all.click();
  const rows = await tableRows();
  rows.legend = await flagLegend();
  rows.legendTags = await page.$$eval('#flag-legend dt', (dts) => dts.map((d) => d.textContent));
  if (all) await page.click('#results-pager button[data-page="pages"]');
  return rows;
}

function expectKeyFigures(actual, result) {
  for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(actual[m], shown(result, m), `${result?.code} ${m}`);
}

// Every row of the results table for `year` (all levels) equals the CLI's display strings; every
// unit is there once. (The order is the sort the user chose; the sort test checks it.)
async function expectTable(report, year) {
  if (await page.inputValue('#filter-level') !== '') await page.selectOption('#filter-level', '');
  const all = await allTableRows();
  const rows = new Map(all.map((row) => [row.key, row]));
  const legend = new Set(all.legend);
  const expected = report.results.filter((r) => r.year === year);
  assert.equal(rows.size, expected.length, 'rows in the table');
  for (const r of expected) {
    const row = rows.get(`${r.level}:${r.code}`);
    assert.ok(row, `${r.level}:${r.code} in the table`);
    // An aggregate resting on too few municipalities shows no figure of its own (the row says why).
    const thin = r.aggregate_coverage?.meaningful === false;
    for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(row[m], thin ? '–' : shown(r, m), `${r.level} ${r.code} ${year} ${m}`);
    assert.equal(row.flags, r.flags.length, `flags of ${r.code}`);
    // Each short tag says what it means in full, as its title: the check's own words.
    // and the legend under the table says it once, for a phone or paper, which show no title.
    for (const [i, title] of row.flagTitles.entries()) {
      assert.ok(title.length > 20 && !/[{}]|^grid\.|^reasons\./.test(title), `${r.code}: «${title}»`);
      assert.ok(legend.has(`${row.flagTexts[i]}: ${title}`), `${r.code}: «${row.flagTexts[i]}» in the legend`);
    }
  }
  // Nothing in the legend that no row has.
  const said = new Set(all.flatMap((row) => row.flagTitles.map((title, i) => `${row.flagTexts[i]}: ${title}`)));
  assert.deepEqual(all.legend.filter((item) => !said.has(item)), [], 'legend entries without a row');
  // Each tag means one thing: «holdt utenfor» says its reason, so that a row on a phone or paper says which.
  assert.equal(new Set(all.legendTags).size, all.legendTags.length, `one meaning per tag: ${all.legendTags.join(' | ')}`);
}

// The top of `selector` is in the viewport and not under the sticky status bar.
async function expectInView(selector) {
  const { top, bar, height } = await page.evaluate((s) => ({
    top: document.querySelector(s).getBoundingClientRect().top,
    bar: document.querySelector('.status-bar').getBoundingClientRect().bottom,
    height: innerHeight,
  }), selector);
  assert.ok(top >= bar && top < height / 2, `${selector} at ${top} px, status bar ends at ${bar} px`);
}

// Width and height of a PNG from its IHDR chunk.
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

// A PNG's pixels in a box (decoded in the page), as RGBA bytes.
function pixels(bytes, x, y, width, height) {
  return page.evaluate(async ({ b64, x, y, width, height }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(x, y, width ?? img.width, height).data];
  }, { b64: bytes.toString('base64'), x, y, width, height });
}

// The colour at (x, y) of a PNG, as [r, g, b].
const pixelAt = async (bytes, x, y) => (await pixels(bytes, x, y, 1, 1)).slice(0, 3);

// Pixels darker than near-white in rows [y0, y1) of a PNG.
async function inkInRows(bytes, y0, y1) {
  const data = await pixels(bytes, 0, y0, null, y1 - y0);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200) ink++;
  return ink;
}

// Every text in English mode is English: the page's visible text and its labels, with the user's
// data taken out first (unit names, file names, service categories) and, for its words, the core's
// messages (checked by the core's own tests; they name Norwegian headers to write). Quotation
// marks are English in the core's messages too.
async function expectNoNorwegian(report) {
  const text = await page.evaluate(() => [document.body.innerText,
    // The language button speaks the other language on purpose (lang="nb").
    ...[...document.querySelectorAll('[aria-label]')].filter((e) => !e.closest('[lang="nb"]')).map((e) => e.getAttribute('aria-label')),
    document.title, document.querySelector('meta[name="description"]').content].join('\n'));
  const without = (from, texts) => [...texts].sort((a, b) => b.length - a.length).reduce((t, s) => t.split(s).join(' '), from);
  const userData = [
    ...report.results.map((r) => r.name), ...report.files.map((f) => f.name),
    ...report.results.flatMap((r) => (r.by_service ?? []).map((s) => s.service)), ...report.excluded.map((x) => x.service),
  ];
  const withMessages = without(text, userData);
  const rest = without(withMessages, report.diagnostics.map((d) => onPage(d.message)));
  const found = NORWEGIAN_WORDS.filter((w) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu').test(rest));
  const context = found.map((w) => rest.match(new RegExp(`.{0,40}(?<!\\p{L})${w}(?!\\p{L}).{0,40}`, 'iu'))[0]);
  assert.deepEqual(context, [], `Norwegian words in English mode: ${found.join(', ')}`);
  assert.equal(withMessages.match(/.{0,40}[«»].{0,40}/u)?.[0] ?? null, null, 'Norwegian quotation marks in English mode');
}

async function runAxe(label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeFindings.push({ label, violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) });
  assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], `axe: ${label}`);
}

async function downloadOf(selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// The page opened afresh: a new worker, no files, default settings and language.
const openPage = () => calculator.open();

// The page opened afresh with these files, read.
async function openWith(files) {
  await openPage();
  await afterRender(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
}

// The page opened afresh with the example data, as «Prøv med eksempeldata» gives it.
async function openExample() {
  await openPage();
  await afterRender(() => page.click('#example-button'));
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root, { open: false });
  ({ origin, page, requests, foreign, consoleErrors } = calculator);
  // Listening from the start makes Playwright intercept file choosers (no native dialog).
  page.on('filechooser', (chooser) => choosers.push(chooser));
});

after(async () => {
  writeFileSync(join(ARTIFACTS, 'axe.json'), JSON.stringify(axeFindings, null, 2));
  writeFileSync(join(ARTIFACTS, 'requests.txt'), `${requests.join('\n')}\n`);
  await calculator?.close();
});

describe('the calculator page', () => {
  test('loads under its Content-Security-Policy and starts the module in a worker', async () => {
    const response = await openPage();
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CSP);
    assert.match(await page.textContent('#status'), /Klar/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    assert.match(await page.textContent('#privacy'), /Ingenting sendes noe sted/);
    // What it stores is its own program files, not the user's: «sine egne filer» read as «your files».
    assert.match(await page.textContent('#privacy'), /sine egne programfiler \(ikke dine\)/);
    const wasm = await page.request.get(`${origin}/arsverk.wasm`);
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
    await shot('01-start');
    await runAxe('start');
  });

  test('keyboard: the drop zone has a button that opens the file picker', async () => {
    await openPage();
    await page.evaluate(() => document.activeElement?.blur());
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'choose-button');
    }
    assert.ok(reached, 'the "Velg filer" button is reached with Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle + getComputedStyle(document.activeElement).boxShadow);
    assert.notEqual(outline, 'nonenone', 'focus is visible');
    const before = choosers.length;
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => true, null, { timeout: 1000 });
    for (let i = 0; i < 50 && choosers.length === before; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(choosers.length, before + 1, 'Enter on the button opens the file picker');
    assert.ok(choosers.at(-1).isMultiple());
  });

  test('"Prøv med eksempeldata" loads the synthetic example data through the worker', async () => {
    await openExample();
    const expected = cli([EX_2023, EX_2024]);
    assert.ok(await page.isVisible('#synthetic-warning'));
    assert.match(await page.textContent('#synthetic-warning'), /Syntetiske eksempeldata/);
    const files = await page.$$eval('#file-panel li.file', (els) => els.map((e) => [e.dataset.file, e.textContent]));
    assert.deepEqual(files.map(([n]) => n), ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv']);
    for (const [, text] of files) assert.match(text, /Syntetiske eksempeldata/);
    // The result comes into view at once, its heading below the sticky status bar.
    await expectInView('#result-heading');
    // The example's planted checks are counted where the status says it is done.
    assert.match(await page.textContent('#status'), /^Ferdig: 2 filer, 1\s208 resultater \(2023–2025\), 12 advarsler\.$/);
    // The notes on the computation are folded away behind a summary that counts them.
    assert.equal(await page.$$eval('#general-messages details:not([open]) li.message', (els) => els.length),
      expected.diagnostics.filter((d) => d.file == null && d.severity !== 'error').length);
    // Files with every municipality: Norway, latest year, and the municipalities ranked by M1.
    assert.equal(await page.inputValue('#year-select'), '2025');
    expectKeyFigures(await keyFigures(), find(expected, 'land', '0', 2025));
    assert.equal(await page.inputValue('#filter-level'), 'kommune');
    assert.equal(await page.getAttribute('#results-table th:has(button[data-sort="M1"])', 'aria-sort'), 'descending');
    assert.match(await page.textContent('#results-table caption'), /Sortert etter M1, synkende/);
    const ranked = (await allTableRows()).map((row) => find(expected, ...row.key.split(':'), 2025));
    assert.ok(ranked.length > 300 && ranked.every((r) => r.level === 'kommune'));
    const rates = ranked.map((r) => r.per_1000?.M1 ?? null).filter((v) => v != null);
    for (let i = 1; i < rates.length; i++) assert.ok(rates[i - 1] >= rates[i], 'highest first');
    assert.equal(await page.textContent('#charts figure[data-chart="rangering"] h4'), 'Alle fylker, sortert (M1)');
    // Norway's figures name the highest and lowest municipality (the core's display strings).
    const kommuner = expected.results.filter((r) => r.year === 2025 && r.level === 'kommune' && !r.suppressed && r.per_1000)
      .sort((a, b) => b.per_1000.M1 - a.per_1000.M1);
    const [high, low] = [kommuner[0], kommuner[kommuner.length - 1]];
    assert.match(await page.textContent('#extremes'),
      new RegExp(`^Høyest av de ${kommuner.length} kommunene med tall som vises \\(M1\\): ${high.name} \\(${high.display.M1}\\)\\. Lavest: ${low.name} \\(${low.display.M1}\\)\\.`));
    await expectTable(expected, 2025);
    // «Gå til resultatet» lands below the status bar too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#see-result');
    await page.waitForFunction(() => scrollY > 0);
    await expectInView('#result-heading');
    assert.ok(requests.some((u) => u.endsWith('/eksempel/eksempel_arsverk_2023.csv')));
    await shot('02-example-data');
    await runAxe('example data');
  });

  test('key figures for a municipality: beside county, Norway and KOSTRA group, rank, median, change', async () => {
    await openExample();
    const expected = cli([EX_2023, EX_2024]);
    await chooseUnit('Kongsberg');
    const k = find(expected, 'kommune', '3303', 2025);
    expectKeyFigures(await keyFigures(), k);
    assert.match(await page.textContent('#key-heading'), /Kongsberg 2025/);
    const peers = { fylke: find(expected, 'fylke', k.fylke, 2025), land: find(expected, 'land', '0', 2025), kostra: find(expected, 'kostragruppe', k.kostragruppe, 2025) };
    for (const [col, r] of Object.entries(peers)) {
      const actual = await compareColumn(col);
      // The county and Norway carry the published yardstick beside their figure: 2025 has none of
      // its own, so the latest earlier year's, with its year (the core's published_latest).
      const latest = col !== 'kostra' ? r.published_latest : null;
      const beside = await page.$$eval(`#compare-table tbody td[data-col="${col}"]`, (tds) => tds.map((td) => td.querySelector('.published-inline')?.textContent ?? null));
      ['M1', 'M2', 'M3', 'M4'].forEach((m, i) => {
        assert.equal(actual[m].trim(), shown(r, m), `${col} ${m}`);
        assert.equal(beside[i], latest?.display[m] ? `(publ. ${latest.year}: ${latest.display[m]})` : null, `${col} ${m} published`);
      });
    }
    const nb1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const rank = await compareColumn('rank');
    const median = await compareColumn('median');
    const diff = await compareColumn('diff');
    const signed = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const tenths = (text) => Math.round(Number(text.replace(/\s/g, '').replace('−', '-').replace(',', '.')) * 10);
    for (const m of ['M1', 'M2', 'M3', 'M4']) {
      // By the figures as shown, equal ones sharing a place (the cards say with how many).
      assert.equal(rank[m], `${k.comparison.rank_shown[m]} av ${k.comparison.n}${k.comparison.rank_shared[m] ? ' (delt)' : ''}`);
      const shared = k.comparison.rank_shared[m];
      const card = await page.textContent(`#key-figures .cards li[data-measure="${m}"]`);
      // The table's short form keeps it within a desktop's width (the change column was cut).
      const [width, room] = await page.$eval('#compare-table', (table) => [table.scrollWidth, table.parentElement.clientWidth]);
      assert.ok(width <= room, `${width} > ${room} at ${page.viewportSize().width} px`);
      assert.ok(card.includes(`${k.comparison.rank_shown[m]} av ${k.comparison.n}${!shared ? '' : shared === 1 ? ' (delt med én annen)' : ` (delt med ${shared} andre)`}`), card);
      assert.equal(median[m], nb1.format(peers.kostra.distribution[m].median));
      // The difference is that of the two figures as shown, so it agrees with them.
      assert.equal(diff[m], signed.format((tenths(shown(k, m)) - tenths(median[m])) / 10), `difference ${m}`);
    }
    assert.match(await page.textContent('#compare-table thead'), /Plass \(1\s=\shøyest\)/);
    assert.match(await page.textContent('#key-figures .cards'), /Plass i gruppen \(1\s=\shøyest\): \d+ av \d+/);
    // The measures and the computation are explained for the unit in view, from the core's figures.
    await page.click('#explain summary');
    const how = await page.textContent('#explain');
    assert.match(how, /a \+ b \+ c \+ d \+ e/);
    assert.match(how, /Slik er tallet regnet ut for Kongsberg 2025/);
    const nbFtes = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 6 }); // FTEs as reported
    const nbInt = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
    assert.equal(await page.textContent('#explain code[data-measure="M1"]'),
      `M1 = ${nbFtes.format(k.arsverk.M1)}\u00a0årsverk ÷ ${nbInt.format(k.population)}\u00a0innbyggere ×\u00a01\u00a0000 ≈ ${k.display.M1}`);
    assert.match(how, new RegExp(`Innbyggere: ${nbInt.format(k.population)} per 1\\. januar ${k.population_year} \\(Statistisk sentralbyrå`));
    // Each measure's FTEs as the sum of the core's education parts (b, a, d, c + e in 2024).
    const parts = k.education.parts.map((p) => nbFtes.format(p));
    assert.equal(await page.textContent('#explain li[data-parts="M2"]'),
      `Årsverk i M2 = a + b = ${parts[1]} + ${parts[0]} = ${nbFtes.format(k.arsverk.M2)}`);
    assert.equal(await page.textContent('#explain li[data-parts="M1"]'),
      `Årsverk i M1 = a + b + d + (c + e) = ${parts[1]} + ${parts[0]} + ${parts[2]} + ${parts[3]} = ${nbFtes.format(k.arsverk.M1)}`);
    assert.equal(await page.textContent('#explain li[data-parts="M3"]'), `Årsverk i M3 = b = ${nbFtes.format(k.arsverk.M3)}`);
    assert.match(how, /Ingen av målene skiller c \+ e, så de står sammen\./);
    // And what stands beside the figures: each label the cards and the table use, in words.
    const around = await page.$$eval('#explain-around-list li strong', (els) => els.map((e) => e.textContent));
    assert.deepEqual(around, ['Publisert:', 'Median i gruppen:', 'Plass i gruppen:', 'Forskjell fra median:',
      'Endring fra året før (for eksempel «Endring fra 2024»):', 'Uvanlig høyt eller lavt i gruppen:']);
    // Kongsberg grew by more than 30 % from 2024: the change is shown and flagged in the table.
    const change = await compareColumn('change');
    assert.ok(change.M1.startsWith(signed.format(k.change.per_1000.M1)), change.M1);
    assert.match(await page.textContent('#compare-table thead'), /Endring fra 2024/);
    assert.ok(k.flags.includes('change_large'));
    assert.match(await page.textContent('#results-table tr[data-key="kommune:3303"]'), /stor endring/);

    // Røst is far above its group: the fence marker is shown.
    await chooseUnit('1856');
    const rost = find(expected, 'kommune', '1856', 2025);
    expectKeyFigures(await keyFigures(), rost);
    const fences = Object.entries(rost.comparison.outside_fences).filter(([, f]) => f);
    assert.ok(fences.length > 0, 'Røst is outside its fences in the CLI');
    for (const [m, f] of fences) {
      assert.equal(await page.getAttribute(`#key-figures li.card[data-measure="${m}"] .fence`, 'data-fence'), f);
    }
    await shot('03-key-figures-rost');
  });

  // A change of year writes only what differs (web/src/dom.js): a panel written anew is restyled
  // whole, and would lose the reader's place (the open explanation, the focus).
  test('a change of year keeps the elements in view and changes their figures', async () => {
    await openExample();
    const expected = cli([EX_2023, EX_2024]);
    await chooseUnit('Kongsberg');
    await page.click('#explain summary');
    await page.evaluate(() => {
      window.kept = [
        document.querySelector('#key-figures li.card[data-measure="M1"] .value'),
        document.querySelector('#compare-table'),
        document.querySelector('#explain'),
        ...document.getElementById('year-select').options,
        ...document.getElementById('filter-level').options,
      ];
    });
    for (const year of [2024, 2025]) {
      await afterRender(() => page.selectOption('#year-select', String(year)));
      expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3303', year));
      assert.match(await page.textContent('#key-heading'), new RegExp(`Kongsberg ${year}`));
      assert.match(await page.textContent('#explain'), new RegExp(`Slik er tallet regnet ut for Kongsberg ${year}`));
      const connected = await page.evaluate(() => window.kept.map((e) => e.isConnected));
      assert.ok(connected.length > 8 && connected.every(Boolean), `${year}: the same elements (${connected})`);
      assert.equal(await page.evaluate(() => document.getElementById('explain').open), true, `${year}: the explanation stays open`);
      assert.equal(await page.inputValue('#year-select'), String(year));
    }
    // A KOSTRA group says its highest and lowest municipality above its figures; a municipality has
    // no such line. Its cards, explanation and table are kept all the same.
    await afterRender(() => chooseUnit('EKG09'));
    assert.equal(await page.locator('#extremes').count(), 1);
    await page.evaluate(() => {
      window.kept = ['#key-figures ul.cards', '#explain', '#compare-table'].map((s) => document.querySelector(s));
    });
    await afterRender(() => chooseUnit('Kongsberg'));
    assert.equal(await page.locator('#extremes').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.kept.map((e) => e.isConnected)), [true, true, true], 'the same cards, explanation and table');
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3303', 2025));
  });

  test('a row of the results table selects its unit, with the mouse and with the keyboard', async () => {
    await openExample();
    const expected = cli([EX_2023, EX_2024]);
    // The table shows a page of the municipalities: the user narrows it to the county first.
    await page.selectOption('#filter-fylke', '33');
    await page.click('#results-table tr[data-key="kommune:3303"] td[data-col="M1"]');
    assert.match(await page.textContent('#key-heading'), /^Kongsberg 2025$/);
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3303', 2025));
    assert.equal(await page.getAttribute('#results-table tr[data-key="kommune:3303"]', 'aria-current'), 'true');
    await expectInView('#key-heading');

    await page.selectOption('#filter-fylke', '18');
    const button = '#results-table tr[data-key="kommune:1856"] button.row-select';
    assert.equal(await page.getAttribute(button, 'aria-label'), 'Vis Røst');
    await page.focus(button);
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#key-heading'), /^Røst 2025$/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'key-heading', 'focus moves to the unit\'s figures');
    assert.ok((await page.inputValue('#unit-input')).startsWith('1856 '));
  });

  test('the service chart writes every FTE figure with the same two decimals, in both languages', async () => {
    await openExample(); // Norway: sums of many municipalities («1 110», «1 640,8» beside «783,06»)
    const norway = find(cli([EX_2023, EX_2024]), 'land', '0', 2025);
    const values = norway.by_service.map((s) => s.arsverk.M1).filter((v) => v > 0).sort((a, b) => b - a);
    assert.ok(values.some((v) => Number.isInteger(v * 10)), 'a figure with fewer than two decimals');
    // Written here without Intl: grouped by threes with a no-break space (nb) or a comma (en).
    const written = (v, group, mark) => {
      const [whole, decimals] = v.toFixed(2).split('.');
      return `${whole.replace(/\B(?=(\d{3})+$)/g, group)}${mark}${decimals}`;
    };
    const labels = () => page.$eval('#charts figure[data-chart="tjenester"] canvas', (c) => c.arsverkChart.data.datasets[0].valueLabels);
    const described = () => page.getAttribute('#charts figure[data-chart="tjenester"] canvas', 'aria-label');
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tjenester"] canvas')?.arsverkChart);
    assert.deepEqual(await labels(), values.map((v) => written(v, '\u00a0', ',')));
    assert.ok((await described()).includes(`: ${written(values[0], '\u00a0', ',')}`));
    await afterRender(() => page.click('#lang-button'));
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tjenester"] canvas')?.arsverkChart);
    assert.deepEqual(await labels(), values.map((v) => written(v, ',', '.')));
  });

  // The whole report leaves them out; the page asks the core for the unit's and Norway's.
  test('each unit chosen gets its own breakdowns by target group and service, beside Norway\'s', async () => {
    await openExample();
    const report = cli([EX_2023, EX_2024]);
    const chart = (key) => page.$eval(`#charts figure[data-chart="${key}"] canvas`, (c) => c.arsverkChart.data.datasets.map((d) => [d.label, d.data]));
    for (const code of ['3303', '1856', '3101']) {
      await afterRender(() => chooseUnit(code));
      const unit = find(report, 'kommune', code, 2025);
      const land = find(report, 'land', '0', 2025);
      const groups = Object.keys(unit.by_group).filter((g) => unit.by_group[g].per_1000);
      assert.deepEqual(await chart('malgruppe'), [unit, land].map((r) => [r.name, groups.map((g) => r.by_group[g].per_1000.M1)]), code);
      const services = unit.by_service.filter((x) => x.arsverk.M1 > 0).map((x) => x.arsverk.M1).sort((a, b) => b - a);
      assert.deepEqual((await chart('tjenester'))[0][1], services, code);
    }
  });

  test('a chart\'s PNG names whose published figures it draws beside the user\'s', async () => {
    await openExample(); // Norway, with Helsedirektoratet's published figures of 2024 beside 2025's
    await page.evaluate(() => {
      window.arsverkWritten = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) { window.arsverkWritten.push(String(text)); return fillText.call(this, text, ...rest); };
    });
    await downloadOf('#charts figure[data-chart="sammenligning"] button');
    const written = (await page.evaluate(() => window.arsverkWritten)).join(' ');
    assert.match(written, /Publiserte tall: Helsedirektoratet, kvalitetsindikator \(2024-tall\)\./);
  });

  test('a municipality left out of the display is explained as such, not as one without figures', async () => {
    await openExample();
    await afterRender(() => chooseUnit('3450')); // Etnedal 2025: left out by rule 2, its FTEs in the sums
    const explained = await page.textContent('#explain');
    assert.match(explained, /Etnedal 2025 vises ikke med egne tall \(grunnen står over\), så her er ingenting å regne ut\. Årsverkene telles likevel med/);
    assert.doesNotMatch(explained, /Ingen tall for Etnedal/);
  });

  test('the time series writes the unit\'s own figure at its point, even beside a published one close to it', async () => {
    await openWith([HALDEN_2024, 'tests/data/web/arsverk_halden_2025.csv']); // Halden 2024: 3,1; Norway published: 2,8
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tidsserie"] canvas')?.arsverkChart);
    const written = await page.$eval('#charts figure[data-chart="tidsserie"] canvas', (canvas) => {
      const texts = [];
      const ctx = canvas.getContext('2d');
      const fillText = ctx.fillText;
      ctx.fillText = function (text, ...rest) { texts.push(String(text)); return fillText.call(this, text, ...rest); };
      canvas.arsverkChart.update('none');
      ctx.fillText = fillText;
      return texts;
    });
    const halden = find(cli([HALDEN_2024]), 'kommune', '3101', 2024);
    assert.equal(halden.display.M1, '3,1');
    assert.ok(written.includes('3,1') && written.includes('2,8'), written.join(' | '));
  });

  test('charts are drawn (no blank canvas) and download as PNG', async () => {
    await openExample();
    await afterRender(() => chooseUnit('3303')); // the canvases are drawn after the figures are painted
    const charts = await page.$$eval('#charts figure.chart', (figs) => figs.map((f) => {
      const canvas = f.querySelector('canvas');
      const g = canvas.getContext('2d');
      const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
      return { key: f.dataset.chart, ink, pixels: data.length / 4, label: canvas.getAttribute('aria-label') };
    }));
    assert.deepEqual(charts.map((c) => c.key), ['sammenligning', 'utdanning', 'tidsserie', 'rangering', 'malgruppe', 'tjenester']);
    // Their tooltips write each figure as at its bar or point (the core's, as shown), never the
    // unrounded rate drawn («2,835»).
    const tooltips = await page.$$eval('#charts figure.chart canvas', (canvases) => canvases.map((c) => {
      const chart = c.arsverkChart;
      const label = chart.options.plugins.tooltip.callbacks.label;
      return chart.data.datasets.flatMap((d, di) => d.data.map((v, i) => (v == null ? null : [label({ dataset: d, datasetIndex: di, dataIndex: i }), d.label, d.valueLabels[i]])).filter(Boolean));
    }));
    for (const [tip, label, shown] of tooltips.flat()) assert.equal(tip, `${label}: ${shown}`);
    // A wrapped label (a long service's name) is its title on one line.
    const titles = await page.$eval('#charts figure[data-chart="tjenester"] canvas', (c) => {
      const chart = c.arsverkChart;
      return chart.data.labels.map((l, i) => [l, chart.options.plugins.tooltip.callbacks.title([{ chart, dataIndex: i }])[0]]);
    });
    const wrapped = titles.filter(([l]) => Array.isArray(l) && l.length > 1);
    assert.ok(wrapped.length, 'a wrapped service name');
    for (const [l, title] of wrapped) assert.equal(title, l.join(' '));
    assert.ok(tooltips.flat().some(([tip]) => /\d,\d$/.test(tip)));
    for (const c of charts) assert.ok(c.ink > 2000, `${c.key} has ${c.ink} drawn pixels`);
    // The ranking's text alternative is in order but unnumbered: equal figures share a place.
    assert.doesNotMatch(charts.find((c) => c.key === 'rangering').label, /(^|; )\d+\. /);
    // The time series marks the 2023/2024 break; the text alternative says so.
    assert.match(charts.find((c) => c.key === 'tidsserie').label, /brudd i statistikken/);
    // The target groups are rounded each on its own: the chart says their sum may differ from M1's.
    assert.equal(await page.textContent('#charts figure[data-chart="malgruppe"] .chart-note'),
      'Hver målgruppe er avrundet for seg, så summen av dem kan avvike med 0,1 fra M1.');
    assert.equal(await page.$$eval('#charts .chart-note:not([hidden])', (ps) => ps.length), 1);
    // The comparison chart's text alternative carries the core's figures.
    const expected = cli([EX_2023, EX_2024]);
    assert.ok(charts[0].label.includes(`M1 ${find(expected, 'kommune', '3303', 2025).display.M1}`));
    // The education chart draws the core's shares of M1 (tenths of a percent) and writes them.
    const shares = find(expected, 'kommune', '3303', 2025).education.share_tenths;
    const education = await page.$eval('#charts figure[data-chart="utdanning"] canvas', (c) => c.arsverkChart.data.datasets.map((d) => ({ first: d.data[0], label: d.valueLabels[0] })));
    assert.deepEqual(education, shares.map((s) => ({ first: s / 10, label: `${Math.trunc(s / 10)},${s % 10}\u00a0%` })));
    const unitLine = charts.find((c) => c.key === 'utdanning').label.split('; ')[0];
    assert.ok(shares.every((s) => unitLine.includes(` ${Math.trunc(s / 10)},${s % 10}\u00a0%`)), unitLine);
    // Each image says what it is: a file name with chart, unit, measure and year, and title, unit,
    // year and measure above the chart, the source below.
    const names = { sammenligning: 'arsverk_sammenligning_3303_2025.png', tidsserie: 'arsverk_tidsserie_3303_m1_2023-2025.png',
      rangering: 'arsverk_rangering_3303_m1_2025.png' };
    for (const [key, name] of Object.entries(names)) {
      const png = await downloadOf(`#charts figure[data-chart="${key}"] button`);
      writeFileSync(join(ARTIFACTS, `04-${png.name}`), png.bytes);
      assert.equal(png.name, name);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // Drawn again at a fixed size (600 px at 2×; the wide comparison 1 000 px, room for every
      // value label), whatever the screen it was downloaded on.
      const box = await page.$eval(`#charts figure[data-chart="${key}"] .chart-box`, (b) => b.clientHeight);
      const size = pngSize(png.bytes);
      assert.equal(size.width, key === 'sammenligning' ? 2000 : 1200);
      assert.ok(size.height > 2 * box + 80, `${key}: room for title and source`);
      assert.ok(await inkInRows(png.bytes, 0, 80) > 300, `${key}: a title is drawn above the chart`);
      assert.ok(await inkInRows(png.bytes, size.height - 90, size.height) > 300, `${key}: a source is drawn below`);
      // The example data: a band across the top says the figures are made up (#fde7c5).
      assert.deepEqual(await pixelAt(png.bytes, 40, 20), [0xfd, 0xe7, 0xc5], `${key}: the synthetic-data band`);
    }
    await (await page.$('#charts')).screenshot({ path: join(ARTIFACTS, '04-charts.png') });
  });

  test('the median line stops at the value labels it runs through', async () => {
    await openExample();
    await afterRender(() => chooseUnit('3303')); // KOSTRA group 9, median 2,7: the line crosses «2,5», «2,4» …
    const selector = '#charts figure[data-chart="rangering"] canvas';
    await page.locator(selector).scrollIntoViewIfNeeded();
    await page.waitForFunction((s) => document.querySelector(s)?.arsverkChart, selector);
    // The canvas column the line is drawn in: dark where it crosses nothing, white in the label's
    // ground just above the figures of each label it runs through.
    const column = await page.$eval(selector, (canvas) => {
      const chart = canvas.arsverkChart;
      const ratio = chart.currentDevicePixelRatio;
      const lineX = chart.scales.x.getPixelForValue(chart.options.plugins.markers.lines[0].value);
      const g = canvas.getContext('2d');
      g.font = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
      const dark = (y) => Math.min(...g.getImageData(Math.floor(lineX * ratio), Math.round(y * ratio), 1, 1).data.slice(0, 3)) < 128;
      const crossed = [];
      chart.data.datasets.forEach((ds, di) => chart.getDatasetMeta(di).data.forEach((el, i) => {
        const text = ds.valueLabels[i];
        if (ds.data[i] == null || !(el.x + 4 < lineX && lineX < el.x + 4 + g.measureText(text).width)) return;
        crossed.push({ text, dark: dark(el.y - 6) });
      }));
      let line = 0;
      for (let y = chart.chartArea.top; y < chart.chartArea.bottom; y++) line += dark(y);
      return { crossed, line };
    });
    assert.ok(column.line > 50, `the median line is drawn (${column.line} dark pixels)`);
    assert.ok(column.crossed.length >= 2, JSON.stringify(column.crossed));
    assert.deepEqual(column.crossed.filter((c) => c.dark), [], 'the line runs through no label');
  });

  test('settings recompute at once: carry-forward, suppression, population year', async () => {
    await openExample();
    const files = [EX_2023, EX_2024];
    // 1135 Sauda did not answer in 2025: carried forward from 2024.
    await chooseUnit('1135');
    const carried = find(cli(files), 'kommune', '1135', 2025);
    assert.equal(carried.carried_from, 2024);
    expectKeyFigures(await keyFigures(), carried);
    assert.match(await page.textContent('#unit-reasons'), /ført videre fra 2024/);

    await afterRender(() => page.selectOption('#carry-forward', 'off'));
    const noCarry = cli(files, { carry_forward: false });
    assert.equal(find(noCarry, 'kommune', '1135', 2025), undefined);
    assert.match(await page.textContent('#unit-reasons'), /Sauda har ingen tall for 2025/);
    expectKeyFigures(await keyFigures(), null);
    await expectTable(noCarry, 2025);
    await shot('05-no-carry-forward');

    // 1816 Vevelstad has no own årsverk for children: suppressed unless the rule is off.
    await chooseUnit('Vevelstad');
    assert.match(await page.textContent('#unit-reasons'), /ikke har egne årsverk for barn og unge/);
    expectKeyFigures(await keyFigures(), null);
    await afterRender(() => page.selectOption('#suppression', 'off'));
    const noSuppression = cli(files, { carry_forward: false, suppression: false });
    expectKeyFigures(await keyFigures(), find(noSuppression, 'kommune', '1816', 2025));
    await expectTable(noSuppression, 2025);

    await afterRender(() => page.check('#pop-next'));
    await afterRender(() => page.selectOption('#carry-forward', 'auto'));
    await afterRender(() => page.selectOption('#suppression', 'auto'));
    const next = cli(files, { population_year: 'next' });
    await page.selectOption('#year-select', '2024');
    await chooseUnit('0 Hele landet');
    expectKeyFigures(await keyFigures(), find(next, 'land', '0', 2024));
    await expectTable(next, 2024);
    assert.match(await page.textContent('#key-figures .population'), /1\. januar 2025/);
    await afterRender(() => page.check('#pop-same'));
    expectKeyFigures(await keyFigures(), find(cli(files), 'land', '0', 2024));
  });

  test('the settings one step away are computed ahead while nothing waits, and give the core\'s figures', async () => {
    const files = [HALDEN_2024];
    await openWith(files);
    const worker = page.workers().at(-1);
    const computedAhead = (n) => worker.evaluate((atLeast) => new Promise((resolve) => {
      const check = () => (self.arsverkWorker.computedAhead >= atLeast ? resolve() : setTimeout(check, 20));
      check();
    }), n);
    const answeredAhead = () => worker.evaluate(() => self.arsverkWorker.previewsAnswered);
    // Population year, and the two other choices of each rule: five.
    await computedAhead(5);
    await afterRender(() => page.selectOption('#carry-forward', 'off'));
    await expectTable(cli(files, { carry_forward: false }), 2024);
    // Its first answer was written ahead.
    assert.equal(await answeredAhead(), 1);
    // After a file is added, nothing written ahead of the files before is shown: «auto» written
    // ahead again (four settings around «off» are new), then Halden's population changed.
    await computedAhead(9);
    await afterRender(() => page.setInputFiles('#file-input', join(root, HALDEN_POPULATION)));
    // The first answer's figures, held on screen while the whole report is kept back.
    const shown = await page.evaluate(() => Number(document.body.dataset.reportsShown));
    await worker.evaluate(() => {
      const calculator = self.arsverkWorker.calculator;
      const report = calculator.reportWithoutBreakdowns.bind(calculator);
      calculator.reportWithoutBreakdowns = (settings) => { const until = Date.now() + 1500; while (Date.now() < until); return report(settings); };
    });
    await page.selectOption('#carry-forward', 'auto');
    await page.waitForFunction((n) => Number(document.body.dataset.reportsShown) > n, shown);
    const changed = cli([...files, HALDEN_POPULATION]);
    expectKeyFigures(await keyFigures(), find(changed, 'kommune', '3101', 2024));
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    await expectTable(changed, 2024);
    assert.deepEqual(consoleErrors, []);
  });

  // The charts wait for the whole report (docs/web.md, "The year first"): when it fails, the charts
  // of the report before must not stay as if they were this one's.
  test('between the year in view and the whole report the charts before are dimmed, and cannot be downloaded', async () => {
    await openExample();
    const worker = page.workers().at(-1);
    // The whole report held back for a moment (the worker's module busy), as on a slow machine.
    await worker.evaluate(() => {
      const calculator = self.arsverkWorker.calculator;
      const report = calculator.reportWithoutBreakdowns.bind(calculator);
      calculator.reportWithoutBreakdowns = (settings) => { const until = Date.now() + 1500; while (Date.now() < until); return report(settings); };
    });
    await page.check('#pop-next');
    await page.waitForFunction(() => Number(document.body.dataset.reportsShown) > 0 && document.body.dataset.busy === 'true'
      && document.querySelector('#charts figure[aria-busy="true"]'), null, { polling: 'raf' });
    const between = await page.$$eval('#charts figure', (figs) => figs.map((f) => [f.getAttribute('aria-busy'), f.querySelector('button').disabled]));
    assert.ok(between.length === 6 && between.every(([busy, disabled]) => busy === 'true' && disabled), JSON.stringify(between));
    // Printed then, the charts of the report before are left out.
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await page.$$eval('#charts figure', (figs) => figs.map((f) => getComputedStyle(f).display)), Array(6).fill('none'));
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    await page.waitForFunction(() => !document.querySelector('#charts figure[aria-busy]'));
    assert.deepEqual(await page.$$eval('#charts figure button', (bs) => bs.map((b) => b.disabled)), Array(6).fill(false));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.$$eval('#charts figure', (figs) => figs.every((f) => getComputedStyle(f).display !== 'none')));
    await page.emulateMedia({ media: 'screen' });
    await worker.evaluate(() => { delete self.arsverkWorker.calculator.reportWithoutBreakdowns; });
  });

  test('the whole report failing after the year in view: the status says why, the charts before go', async () => {
    await openExample();
    assert.equal(await page.locator('#charts canvas').count(), 6);
    const worker = page.workers().at(-1);
    await worker.evaluate(() => {
      self.arsverkWorker.calculator.reportWithoutBreakdowns = () => JSON.stringify({ error: 'Testfeil: minnet tok slutt.' });
    });
    await page.check('#pop-next');
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && /Testfeil/.test(document.getElementById('status').textContent));
    assert.equal(await page.textContent('#status'), 'Testfeil: minnet tok slutt.');
    assert.equal(await page.locator('#charts canvas').count(), 0);
    assert.equal(await page.textContent('#charts'), 'Diagrammene kunne ikke tegnes: Testfeil: minnet tok slutt.');
    // One year is what the page holds: the year select offers that one, in either language.
    assert.deepEqual(await page.$$eval('#year-select option', (os) => os.map((o) => o.value)), ['2025']);
    await page.click('#lang-button');
    assert.deepEqual(await page.$$eval('#year-select option', (os) => os.map((o) => o.value)), ['2025']);
    assert.equal(await page.textContent('#status'), 'Testfeil: minnet tok slutt.', 'not «Computing …»: nothing is');
    await page.click('#lang-button');
    // The year in view is the new setting's, as the core gave it.
    const next = cli([EX_2023, EX_2024], { population_year: 'next' });
    expectKeyFigures(await keyFigures(), find(next, 'land', '0', 2025));

    await worker.evaluate(() => { delete self.arsverkWorker.calculator.reportWithoutBreakdowns; });
    await afterRender(() => page.check('#pop-same'));
    assert.equal(await page.locator('#charts canvas').count(), 6);
    assert.doesNotMatch(await page.textContent('#charts'), /kunne ikke tegnes/);
    assert.deepEqual(await page.$$eval('#year-select option', (os) => os.map((o) => o.value)), ['2023', '2024', '2025']);
  });

  test('a new setting shows the year in view first, then the whole report; a setting in hand in one step', async () => {
    await openExample();
    await page.selectOption('#year-select', '2024');
    await chooseUnit('3303');
    // Each report whose figures went into the page, with how many of its results were of the year in view.
    await page.evaluate(() => {
      window.seenReports = [];
      new MutationObserver(() => {
        const rows = document.querySelectorAll('#results-table tbody tr').length;
        window.seenReports.push({ busy: document.body.dataset.busy, unit: document.getElementById('unit-input').value, rows });
      }).observe(document.body, { attributes: true, attributeFilter: ['data-reports-shown'] });
    });
    await afterRender(() => page.check('#pop-next'));
    const next = cli([EX_2023, EX_2024], { population_year: 'next' });
    const steps = await page.evaluate(() => window.seenReports);
    assert.equal(steps.length, 2, JSON.stringify(steps));
    assert.equal(steps[0].busy, 'true', 'the year in view, while the whole report is still to come');
    for (const step of steps) assert.ok(step.unit.startsWith('3303 '), `the unit in view stays: ${step.unit}`);
    expectKeyFigures(await keyFigures(), find(next, 'kommune', '3303', 2024));
    await expectTable(next, 2024);
    // Every year is there in the end: the year before (Kongsberg was 3006 then), without a new report.
    await afterRender(() => page.selectOption('#year-select', '2023'));
    expectKeyFigures(await keyFigures(), find(next, 'kommune', '3006', 2023));
    assert.equal((await page.evaluate(() => window.seenReports)).length, 2);
    // The setting back is in hand: one step.
    await afterRender(() => page.check('#pop-same'));
    assert.equal((await page.evaluate(() => window.seenReports)).length, 3);
    expectKeyFigures(await keyFigures(), find(cli([EX_2023, EX_2024]), 'kommune', '3006', 2023));
  });

  test('two settings in quick succession: the second\'s figures; the first\'s whole report is left out by the worker', async () => {
    await openExample();
    await chooseUnit('1135');
    const leftOut = () => page.workers().at(-1).evaluate(() => self.arsverkWorker.leftOut);
    const before = await leftOut();
    // Both in one task: the first's whole report is asked for, and left out by the worker.
    await afterRender(() => page.evaluate(() => {
      const select = document.getElementById('carry-forward');
      for (const value of ['off', 'on']) {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }));
    const on = cli([EX_2023, EX_2024], { carry_forward: true });
    expectKeyFigures(await keyFigures(), find(on, 'kommune', '1135', 2025));
    await expectTable(on, 2025);
    assert.match(await page.textContent('#status'), /^Ferdig/);
    // The first's whole report always (its preview is being computed when the second arrives);
    // its preview too when the second arrived before the worker began it.
    const left = await leftOut() - before;
    assert.ok(left >= 1 && left <= 2, `left out: ${left}`);
  });

  test('a year chosen while a new setting is on its way: that year\'s figures, never the year as empty', async () => {
    await openExample();
    await chooseUnit('3303');
    await page.selectOption('#year-select', '2024');
    await page.evaluate(() => {
      window.seenUnits = [];
      new MutationObserver(() => window.seenUnits.push(`${document.getElementById('unit-reasons')?.textContent ?? ''} ${document.getElementById('key-figures')?.textContent ?? ''}`))
        .observe(document.body, { attributes: true, attributeFilter: ['data-reports-shown'] });
    });
    await afterRender(() => page.evaluate(() => {
      document.getElementById('pop-next').click();
      const year = document.getElementById('year-select');
      year.value = '2025';
      year.dispatchEvent(new Event('change'));
    }));
    const next = cli([EX_2023, EX_2024], { population_year: 'next' });
    expectKeyFigures(await keyFigures(), find(next, 'kommune', '3303', 2025));
    await expectTable(next, 2025);
    // Each report shown had the unit's 2025 figures: the first answer (of 2024) was not shown as 2025.
    const seen = await page.evaluate(() => window.seenUnits);
    assert.ok(seen.length >= 1);
    for (const text of seen) assert.doesNotMatch(text, /ingen tall for 2025/);
  });

  test('the first view is chosen from every year\'s units, not from the year shown first', async () => {
    // One municipality in 2023 and another in 2025: two of the files' own, both in KOSTRA group 12,
    // which has no figure of its own from them, so the first of them with a figure in the year in
    // view (Bergen, 2025), with the municipalities ranked in the table — not the one municipality
    // of 2025 alone, as the year shown first would have it (no ranking).
    const dir = mkdtempSync(join(tmpdir(), 'arsverk-first-view-'));
    const files = [join(dir, 'stavanger_2023.csv'), join(dir, 'bergen_2025.csv')];
    writeFileSync(files[0], 'kommunenummer;år;M1;M2;M3;M4\n1103;2023;400;300;200;100\n');
    writeFileSync(files[1], 'kommunenummer;år;a;b;c;d;e\n4601;2025;100;300;200;150;150\n');
    await openPage();
    await afterRender(() => page.setInputFiles('#file-input', files));
    assert.match(await page.inputValue('#unit-input'), /^4601 Bergen/);
    assert.equal(await page.inputValue('#year-select'), '2025');
    assert.equal(await page.inputValue('#filter-level'), 'kommune');
  });

  test('the results table sorts and filters', async () => {
    await openExample();
    await page.selectOption('#filter-level', ''); // every level: the county and the group are rows too
    await page.selectOption('#year-select', '2024');
    await page.click('#results-table button.sort[data-sort="name"]');
    await page.click('#results-table button.sort[data-sort="M1"]');
    assert.equal(await page.getAttribute('#results-table th:has(button[data-sort="M1"])', 'aria-sort'), 'descending');
    const report = cli([EX_2023, EX_2024]);
    const byKey = new Map(report.results.filter((r) => r.year === 2024).map((r) => [`${r.level}:${r.code}`, r]));
    const values = (await allTableRows()).map((row) => byKey.get(row.key).per_1000?.M1 ?? null).filter((v) => v != null);
    for (let i = 1; i < values.length; i++) assert.ok(values[i - 1] >= values[i], 'sorted by M1, highest first');
    await page.selectOption('#filter-fylke', '42');
    const agder = await tableRows();
    assert.ok(agder.length > 5);
    for (const row of agder) assert.ok(row.key === 'fylke:42' || byKey.get(row.key).fylke === '42', row.key);
    await page.selectOption('#filter-fylke', '');
    await page.selectOption('#filter-kostra', 'EKG12');
    const group = await allTableRows();
    for (const row of group) assert.ok(row.key === 'kostragruppe:EKG12' || byKey.get(row.key).kostragruppe === 'EKG12', row.key);
    assert.equal(group.length, report.results.filter((r) => r.year === 2024 && (r.kostragruppe === 'EKG12' || r.code === 'EKG12')).length);
    await page.selectOption('#filter-kostra', '');
    // Filters no unit passes (districts of Agder): the table says so, and the way back to all.
    await page.selectOption('#filter-level', 'bydel');
    await page.selectOption('#filter-fylke', '42');
    assert.equal(await page.$$eval('#results-table tbody tr[data-key]', (trs) => trs.length), 0);
    assert.match(await page.textContent('#results-table tbody'), /^Ingen enheter passer alle filtrene\. Vis alle enheter$/);
    assert.doesNotMatch(await page.textContent('#results-table caption'), /Velg en rad/);
    await page.click('#clear-filters');
    assert.deepEqual([await page.inputValue('#filter-level'), await page.inputValue('#filter-fylke')], ['', '']);
    assert.ok((await tableRows()).length > 0);
    await page.click('#results-table button.sort[data-sort="M1"]');
    await page.click('#results-table button.sort[data-sort="level"]');
  });

  test('the results table a page at a time: counted, paged with mouse and keyboard, the chosen unit\'s page, both languages', async () => {
    await openExample();
    await page.selectOption('#filter-level', '');
    await page.click('#results-table button.sort[data-sort="name"]');
    const report = cli([EX_2023, EX_2024]);
    const total = report.results.filter((r) => r.year === 2025).length;
    assert.ok(total > 100);
    assert.match(await page.textContent('#results-table caption'), new RegExp(`2025\\. ${total} enheter i tabellen\\.`));
    const all = await allTableRows();
    assert.equal(all.length, total, '«Vis alle» shows every unit');
    const keys = async () => (await tableRows()).map((row) => row.key);
    assert.deepEqual(await keys(), all.slice(0, 50).map((row) => row.key), 'the first page: the first 50 rows of the sorted table');
    assert.equal(await page.textContent('#results-count'), `Rad 1–50 av ${total}.`);
    assert.ok(await page.isDisabled('#results-pager button[data-page="previous"]'));
    // Read to the end of the box, then «Neste»: the new page from its first row.
    await page.$eval('#results-table-wrap', (box) => { box.scrollTop = box.scrollHeight; });
    await page.click('#results-pager button[data-page="next"]');
    assert.equal(await page.$eval('#results-table-wrap', (box) => box.scrollTop), 0);
    assert.deepEqual(await keys(), all.slice(50, 100).map((row) => row.key));
    assert.equal(await page.textContent('#results-count'), `Rad 51–100 av ${total}.`);
    // The focus stays on «Neste»: Enter goes on to the next page.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.page), 'next');
    await page.keyboard.press('Enter');
    assert.deepEqual(await keys(), all.slice(100, 150).map((row) => row.key));
    await page.click('#results-pager button[data-page="previous"]');
    assert.deepEqual(await keys(), all.slice(50, 100).map((row) => row.key));
    // Another sort starts from the first page.
    await page.click('#results-table button.sort[data-sort="name"]');
    assert.equal(await page.textContent('#results-count'), `Rad 1–50 av ${total}.`);
    // A unit chosen elsewhere is shown on its page, marked.
    await page.click('#results-table button.sort[data-sort="name"]');
    const at = all.findIndex((row, i) => i >= 100 && row.key.startsWith('kommune:'));
    const far = all[at].key;
    await chooseUnit(far.split(':')[1]);
    const page3 = Math.floor(at / 50) * 50;
    assert.equal(await page.textContent('#results-count'), `Rad ${page3 + 1}–${page3 + 50} av ${total}.`);
    assert.equal(await page.getAttribute(`#results-table tr[data-key="${far}"]`, 'aria-current'), 'true');
    // In English every word of the pager is English.
    await afterRender(() => page.click('#lang-button'));
    assert.equal(await page.textContent('#results-count'), `Rows ${page3 + 1}–${page3 + 50} of ${total}.`);
    assert.deepEqual(await page.$$eval('#results-pager button', (bs) => bs.map((b) => b.textContent)), ['Previous 50', 'Next 50', `Show all ${total}`]);
    await afterRender(() => page.click('#lang-button'));
  });

  test('a KOSTRA group: its highest and lowest municipality, and a link to all of them ranked', async () => {
    await openExample();
    await page.selectOption('#year-select', '2024');
    await chooseUnit('EKG12');
    const expected = cli([EX_2023, EX_2024]);
    const members = expected.results.filter((r) => r.year === 2024 && r.level === 'kommune' && r.kostragruppe === 'EKG12' && !r.suppressed && r.per_1000);
    assert.match(await page.textContent('#extremes'), new RegExp(`^Høyest av de ${members.length} kommunene med tall som vises`));
    await page.click('#extremes a');
    assert.equal(await page.inputValue('#filter-kostra'), 'EKG12');
    assert.equal(await page.inputValue('#filter-level'), 'kommune');
    const rows = (await allTableRows()).map((row) => find(expected, ...row.key.split(':'), 2024));
    assert.ok(rows.every((r) => r.level === 'kommune' && r.kostragruppe === 'EKG12'));
    const rates = rows.map((r) => r.per_1000?.M1 ?? null).filter((v) => v != null);
    for (let i = 1; i < rates.length; i++) assert.ok(rates[i - 1] >= rates[i], 'highest first');
    await expectInView('#table-heading');
    await page.selectOption('#filter-kostra', '');
    await page.selectOption('#filter-level', '');
  });

  test('CSV and JSON export are the CLI\'s, byte for byte', async () => {
    await openExample();
    const files = [EX_2023, EX_2024];
    await page.selectOption('#year-select', '2024');
    const nb = await downloadOf('#export-csv-nb');
    assert.equal(nb.name, 'arsverk_2024.csv');
    assert.ok(nb.bytes.equals(runCli(files, { year: 2024, lang: 'nb' }, 'csv')), 'Norwegian CSV');
    assert.deepEqual([...nb.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM for Norwegian Excel');
    const en = await downloadOf('#export-csv-en');
    assert.ok(en.bytes.equals(runCli(files, { year: 2024, lang: 'en' }, 'csv')), 'English CSV');
    const json = await downloadOf('#export-json');
    assert.ok(json.bytes.equals(runCli(files, { year: 2024 })), 'JSON');
  });

  test('SSB population samples and an årsverk file through the file input', async () => {
    await openPage();
    assert.ok(await page.isHidden('#synthetic-warning'));
    const files = [SSB_07459, SSB_10826, EX_2023];
    await afterRender(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
    const expected = cli(files);
    const facts = await page.$$eval('#file-panel li.file', (els) => els.map((e) => Object.fromEntries(
      [...e.querySelectorAll('dd[data-fact]')].map((d) => [d.dataset.fact, d.textContent]))));
    assert.equal(facts.length, 3);
    expected.files.forEach((f, i) => {
      assert.match(facts[i].kind, f.kind === 'befolkning' ? /Befolkning/ : /Årsverk/);
      assert.equal(facts[i].years, f.years.join(', '));
    });
    assert.match(facts[0].encoding, /Windows-1252/);
    assert.match(facts[0].format, /SSB-eksport/);
    await chooseUnit('Halden');
    const halden = find(expected, 'kommune', '3001', 2023);
    assert.equal(halden.population_source, 'file');
    expectKeyFigures(await keyFigures(), halden);
    assert.match(await page.textContent('#key-figures .population'), /ssb_07459/);
    await expectTable(expected, 2023);
    // An Oslo district: compared with Oslo, using table 10826's population.
    await chooseUnit('030102');
    expectKeyFigures(await keyFigures(), find(expected, 'bydel', '030102', 2023));
    await shot('06-ssb-population');
  });

  test('files dropped on the drop zone (several at once)', async () => {
    await openWith([SSB_07459, SSB_10826, EX_2023]);
    const dropped = [EX_2024, SSB_JSONSTAT];
    const payload = dropped.map((f) => ({ name: f.split('/').pop(), b64: readFileSync(join(root, f)).toString('base64') }));
    await afterRender(() => page.evaluate((items) => {
      const dt = new DataTransfer();
      for (const { name, b64 } of items) {
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], name));
      }
      const zone = document.getElementById('dropzone');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, payload));
    const files = [SSB_07459, SSB_10826, EX_2023, ...dropped];
    const expected = cli(files);
    assert.deepEqual(await page.$$eval('#year-select option', (o) => o.map((x) => x.value)), ['2023', '2024', '2025']);
    assert.equal(await page.$$eval('#file-panel li.file', (els) => els.length), 5);
    const jsonstat = expected.files.find((f) => f.name === 'ssb_jsonstat2_05300_sample.json');
    assert.match(await page.textContent('#file-panel li.file[data-file="ssb_jsonstat2_05300_sample.json"] dd[data-fact="format"]'),
      jsonstat.format === 'json-stat2' ? /JSON-stat/ : /./);
    for (const d of expected.diagnostics.filter((x) => x.file === 'ssb_jsonstat2_05300_sample.json')) {
      assert.ok((await page.textContent('#file-panel li.file[data-file="ssb_jsonstat2_05300_sample.json"]')).includes(onPage(d.message)));
    }
    await page.selectOption('#year-select', '2024');
    await chooseUnit('3101');
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3101', 2024));
    await expectTable(expected, 2024);
    await page.selectOption('#year-select', '2023');
    await expectTable(expected, 2023);
  });

  test('a bad file shows its message with the line number, and the page keeps working', async () => {
    await openWith([SSB_07459, SSB_10826, EX_2023, EX_2024, SSB_JSONSTAT]);
    await afterRender(() => page.setInputFiles('#file-input', [join(root, BAD), join(root, NOT_TABLE)]));
    const files = [SSB_07459, SSB_10826, EX_2023, EX_2024, SSB_JSONSTAT, BAD, NOT_TABLE];
    const expected = cli(files);
    const bad = expected.diagnostics.find((d) => d.file === 'arsverk_feil_linje4.csv' && d.severity === 'error');
    assert.equal(bad.line, 4);
    const message = page.locator('#file-panel li.file[data-file="arsverk_feil_linje4.csv"] li.message[data-line="4"]');
    // The file and the place as the core words them, then the core's text (not cut out of its message).
    assert.ok((await message.textContent()).includes(`arsverk_feil_linje4.csv, ${bad.place}: ${onPage(bad.text)}`));
    assert.match(bad.place, /^linje 4/);
    assert.match(await message.textContent(), /Feil/);
    // The status says there were errors, and where.
    assert.match(await page.textContent('#status'), /^Ferdig, men med feil: .*arsverk_feil_linje4\.csv: 1 feil, første på linje 4/);
    assert.match(await page.textContent('#status'), /ikke_en_tabell\.png: \d+ feil/);
    // Every message names its file, and its line when it has one.
    for (const d of expected.diagnostics.filter((x) => [BAD, NOT_TABLE].some((f) => f.endsWith(`/${x.file}`)))) {
      const texts = await page.$$eval(`#file-panel li.file[data-file="${d.file}"] li.message`, (els) => els.map((e) => e.textContent));
      const text = texts.find((x) => x.includes(onPage(d.text)));
      assert.ok(text, `${d.file}: ${d.text}`);
      assert.ok(text.includes(`${d.file}`), `file named: ${text}`);
      if (d.line) assert.match(text, new RegExp(`[Ll]inje ${d.line}\\b`), text);
    }
    const image = expected.diagnostics.find((d) => d.file === 'ikke_en_tabell.png');
    assert.ok((await page.textContent('#file-panel li.file[data-file="ikke_en_tabell.png"]')).includes(onPage(image.message)));
    await page.locator('#file-panel li.file[data-file="arsverk_feil_linje4.csv"]').scrollIntoViewIfNeeded();
    await shot('07-bad-file');
    await runAxe('bad file');

    // The rest of the file and the other files are still used; the page still recomputes.
    await page.selectOption('#year-select', '2024');
    await chooseUnit('3105');
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3105', 2024));
    // A change of settings recomputes where the user is: no jump back to the file with errors.
    const y = await page.evaluate(() => scrollY);
    await afterRender(() => page.evaluate(() => document.getElementById('pop-next').click()));
    assert.equal(await page.evaluate(() => scrollY), y, 'the page stays where it was');
    expectKeyFigures(await keyFigures(), find(cli(files, { population_year: 'next' }), 'kommune', '3105', 2024));
    await afterRender(() => page.check('#pop-same'));

    // Removing the bad files takes their messages away.
    await afterRender(() => page.click('#file-panel li.file[data-file="ikke_en_tabell.png"] button.remove-file'));
    await afterRender(() => page.click('#file-panel li.file[data-file="arsverk_feil_linje4.csv"] button.remove-file'));
    assert.equal(await page.$$eval('#file-panel li.file', (els) => els.length), 5);
    const without = cli([SSB_07459, SSB_10826, EX_2023, EX_2024, SSB_JSONSTAT]);
    await expectTable(without, 2024);
  });

  test('a duplicate row: the warning names its file and line, and the status gives the count', async () => {
    await openPage();
    await afterRender(() => page.setInputFiles('#file-input', join(root, DUPLICATE)));
    const expected = cli([DUPLICATE]);
    const warnings = expected.diagnostics.filter((d) => d.code === 'value.duplicate');
    // The copied line is one warning naming its categories, not one per category.
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].message, /står to ganger for kategoriene a, b, c, d og e/);
    // One municipality in the file: the page opens on it.
    assert.match(await page.textContent('#key-heading'), /^Halden 2024$/);
    const allWarnings = expected.diagnostics.filter((d) => d.severity === 'warning').length;
    const plural = (n, one, other) => `${n} ${n === 1 ? one : other}`;
    assert.match(await page.textContent('#status'), new RegExp(`^Ferdig: 1 fil, \\d+ resultater \\(2024\\), ${plural(allWarnings, 'advarsel', 'advarsler')}\\.$`));
    const card = '#file-panel li.file[data-file="arsverk_dobbel_rad.csv"]';
    assert.equal(await page.textContent(`${card} details.more-messages summary`), `Vis ${plural(warnings.length, 'advarsel', 'advarsler')}`);
    await page.click(`${card} details.more-messages summary`);
    const texts = await page.$$eval(`${card} li.message[data-code="value.duplicate"]`, (els) => els.map((e) => e.textContent));
    assert.equal(texts.length, warnings.length);
    warnings.forEach((d, i) => {
      // File and line said once, before the core's text.
      assert.ok(texts[i].includes(`arsverk_dobbel_rad.csv, linje ${d.line}: `), texts[i]);
      assert.equal(texts[i].split('arsverk_dobbel_rad.csv').length, d.message.split('arsverk_dobbel_rad.csv').length, texts[i]);
      assert.ok(texts[i].includes(onPage(d.text)), texts[i]);
    });
    await page.locator(card).screenshot({ path: join(ARTIFACTS, '07b-duplicate-row.png') });
    // The unit's own checks list them too, where its figures are: not «no check was triggered».
    const checks = await page.$$eval('#unit-checks li.message[data-code="value.duplicate"]', (els) => els.map((e) => e.textContent));
    assert.equal(checks.length, warnings.length);
    assert.doesNotMatch(await page.textContent('#unit-checks'), /Ingen av kontrollene/);
    // A list the user opened stays open when the panel is written anew in the other language.
    await afterRender(() => page.click('#lang-button'));
    assert.equal(await page.$eval(`${card} details.more-messages`, (d) => d.open), true);
    assert.equal(await page.textContent(`${card} details.more-messages summary`), `Show ${plural(warnings.length, 'warning', 'warnings')}`);
    await afterRender(() => page.click('#lang-button'));
    assert.equal(await page.$eval(`${card} details.more-messages`, (d) => d.open), true);
  });

  test('cells pasted from Excel are read as a file named innlimt.tsv', async () => {
    await openPage();
    await page.click('#paste-details summary');
    await page.fill('#paste-text', readFileSync(join(root, PASTE), 'utf8'));
    await afterRender(() => page.click('#paste-button'));
    const copy = join(mkdtempSync(join(tmpdir(), 'arsverk-paste-')), 'innlimt.tsv');
    copyFileSync(join(root, PASTE), copy);
    const expected = cli([copy]);
    assert.equal(await page.$$eval('#file-panel li.file', (els) => els.map((e) => e.dataset.file).join()), 'innlimt.tsv');
    assert.match(await page.textContent('#file-panel dd[data-fact="format"]'), /lang tabell.*TAB/);
    await chooseUnit('Halden');
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3101', 2024));
    await expectTable(expected, 2024);
  });

  test('a big file is read in slices with progress, and the page stays responsive', async () => {
    await openPage();
    const dir = mkdtempSync(join(tmpdir(), 'arsverk-big-'));
    const big = join(dir, 'stor_befolkning.csv');
    // The real SSB export followed by ~12 MB of blank lines (skipped by the reader).
    writeFileSync(big, Buffer.concat([readFileSync(join(root, SSB_07459)), Buffer.alloc(12 << 20, '\r\n')]));
    await page.evaluate(() => {
      window.__seen = [];
      window.__maxGap = 0;
      let last = performance.now();
      window.__tick = setInterval(() => { const now = performance.now(); window.__maxGap = Math.max(window.__maxGap, now - last); last = now; }, 20);
      new MutationObserver(() => window.__seen.push([document.getElementById('status').textContent, !document.getElementById('progress').hidden]))
        .observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
    });
    await afterRender(() => page.setInputFiles('#file-input', big));
    const { seen, maxGap } = await page.evaluate(() => { clearInterval(window.__tick); return { seen: window.__seen, maxGap: window.__maxGap }; });
    const progress = seen.filter(([text]) => /Leser stor_befolkning\.csv: \d+\u00a0%/.test(text));
    assert.ok(progress.length >= 2, `progress shown: ${JSON.stringify(seen)}`);
    assert.ok(progress.some(([, visible]) => visible), 'progress bar visible');
    assert.ok(maxGap < 1500, `main thread blocked for ${Math.round(maxGap)} ms`);
    const expected = cli([big]);
    assert.equal(await page.textContent('#file-panel li.file dd[data-fact="rows"]'),
      new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(expected.files[0].rows));
  });

  test('English: the language switch re-renders the report in hand, numbers follow the language, the choice is remembered', async () => {
    await openExample();
    // The report speaks no language: a switch asks the worker for nothing (each report the client
    // hands the page leaves an 'arsverk:report' measure, web/src/client.js).
    const reports = () => page.evaluate(() => performance.getEntriesByName('arsverk:report').length);
    const before = await reports();
    assert.ok(before > 0);
    await afterRender(() => page.click('#lang-button'));
    assert.equal(await reports(), before, 'no report asked for on a change of language');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#input-heading'), /Add files/);
    assert.match(await page.textContent('#synthetic-warning'), /Synthetic example data/);
    const en = cli([EX_2023, EX_2024], { lang: 'en' });
    const land = find(en, 'land', '0', 2025);
    assert.equal(land.name, 'Norway');
    assert.match(land.display.M1, /^\d+\.\d$/);
    expectKeyFigures(await keyFigures(), land);
    await expectTable(en, 2025);
    await chooseUnit('Kongsberg');
    expectKeyFigures(await keyFigures(), find(en, 'kommune', '3303', 2025));
    // Messages come in the chosen language too.
    const warning = en.diagnostics.find((d) => d.code === 'check.rate_high');
    assert.ok((await page.textContent('#file-panel')).includes(onPage(warning.text)), warning.text);
    // The services left out of the indicator, by year, named in English where the questionnaire names them.
    // (The core's notes above it quote the file's own labels.)
    const summary = await page.textContent('#general-messages p[data-size="sm"]');
    assert.match(summary, /^Left out of the indicator: 2023: Primary prevention \(17\.08\), Services for people with dementia \(83\.29\)/);
    assert.doesNotMatch(summary, /Primærforebyggende|demens/);
    await shot('08-english');
    await runAxe('english');
    await expectNoNorwegian(en);
    await page.click('#explain summary');
    await page.click('#general-messages details summary');
    await expectNoNorwegian(en);
    const csv = await downloadOf('#export-csv-en');
    assert.ok(csv.bytes.equals(runCli([EX_2023, EX_2024], { year: 2025, lang: 'en' }, 'csv')));

    // Only the language is stored, and it survives a new visit (without the view's link, which
    // has the language too and would load the example data again: tests/web/url.test.mjs).
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['arsverk.lang']);
    assert.equal(await page.evaluate(() => localStorage.getItem('arsverk.lang')), 'en');
    await page.goto(`${origin}/`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#status'), /Ready/);
    assert.equal(await page.textContent('#lang-button'), 'Norsk');
    await afterRender(() => page.click('#lang-button'));
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    assert.deepEqual(await page.evaluate(() => ({ ...localStorage })), { 'arsverk.lang': 'nb' });
  });

  test('no request left the page\'s own origin during all the tests above, and no errors', async () => {
    assert.deepEqual(foreign, []);
    for (const path of ['/worker.js', '/arsverk.js', '/arsverk.wasm', '/arsverk.deferred.wasm', '/arsverk.data', '/app.js', '/css/designsystemet.css']) {
      assert.ok(requests.includes(`${origin}${path}`), `request for ${path} was recorded`);
    }
    assert.deepEqual(consoleErrors, []);
  });
});
