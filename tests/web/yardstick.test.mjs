// The yardstick in the page: absent measures, the rules of the data year, one municipality across the
// 2024 renumbering, published figures as the yardstick, coverage, reference files and the checks.
// Every figure checked on screen is the native CLI's for the same files and settings.
// Screenshots (1 280 px and 390 px, Norwegian and English) go to test-artifacts/web/yardstick-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';
import { root } from '../wasm/lib.mjs';
import { shownCli as cli, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const ENGLISH_2015 = 'tests/data/bad/english_2015_headers.csv';
const TOTAL_ONLY = 'tests/data/web/arsverk_bare_total_2022.csv';
const MOLDE_MISSING = 'tests/data/web/arsverk_molde_mangler_2023.csv';
const HALDEN_2015 = 'tests/data/web/arsverk_halden_2022_2023.csv';
const HALDEN_2024 = 'tests/data/web/arsverk_halden_2024.csv';
const HALDEN_TYPO = 'tests/data/web/arsverk_halden_2024_tidobbel.csv';
const SEARCH_2024 = 'tests/data/web/arsverk_bodo_ostre_toten_2024.csv';
const REFERENCE = 'tests/data/web/referanse_kostra10_2024.csv';
const MEASURES = ['M1', 'M2', 'M3', 'M4'];

let calculator;
let page;
let foreign = [];
let consoleErrors = [];

const shown = (r, m) => r?.display?.[m] ?? '–';

async function shot(name, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, `yardstick-${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

const afterRender = (action) => whenRendered(page, action);

// Only these files, in the page opened afresh (default settings and language).
async function load(files) {
  await calculator.open();
  await afterRender(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
}

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
}

const keyFigures = () => page.$$eval('#key-figures .cards .value', (els) => Object.fromEntries(els.map((e) => [e.dataset.measure, e.textContent])));

function expectKeyFigures(actual, result) {
  for (const m of MEASURES) assert.equal(actual[m], shown(result, m), `${result?.code} ${result?.year} ${m}`);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root);
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('the yardstick in the page', () => {
  test('the English 2015 sheet gives the CLI\'s M1–M4, never zeros shown as figures', async () => {
    await load([ENGLISH_2015]);
    const expected = cli([ENGLISH_2015]);
    const halden = find(expected, 'kommune', '3001', 2022);
    assert.ok(halden, 'the CLI has Halden 2022');
    await chooseUnit('3001');
    expectKeyFigures(await keyFigures(), halden);
    for (const m of ['M2', 'M3', 'M4']) {
      assert.ok(halden.display[m] == null || halden.per_1000[m] > 0, `${m} is a figure or absent, never 0`);
    }
  });

  test('a total-only file shows M2–M4 as "–" and says which measures it could compute', async () => {
    await load([TOTAL_ONLY]);
    const expected = find(cli([TOTAL_ONLY]), 'kommune', '3001', 2022);
    assert.ok(expected.display.M1);
    for (const m of ['M2', 'M3', 'M4']) assert.equal(expected.display[m], null);
    await chooseUnit('Halden');
    const figures = await keyFigures();
    expectKeyFigures(figures, expected);
    assert.deepEqual([figures.M2, figures.M3, figures.M4], ['–', '–', '–']);
    assert.match(await page.textContent('#unit-reasons'), /M2, M3 og M4 kan ikke regnes ut/);
    // How the figure is computed: M1's formula, and why the other three have none.
    assert.deepEqual(await page.$$eval('#explain .explain-formula code', (els) => els.map((e) => e.dataset.measure)), ['M1']);
    assert.match(await page.textContent('#explain #explain-absent'), /^M2, M3 og M4 kan ikke regnes ut: årsverkene som trengs for disse målene, er ikke gitt\./);
    // Norway, computed from Halden alone, says the same.
    const row = await page.$eval('#results-table tr[data-key="land:0"] [data-col="M2"]', (td) => td.firstChild?.textContent ?? '');
    assert.equal(row, '–');
    const charted = await page.$$eval('#charts figure[data-chart="sammenligning"] .sr-only, #charts figure[data-chart="sammenligning"] p', (els) => els.map((e) => e.textContent).join(' '));
    assert.doesNotMatch(charted, /M2 0,0/);
    // The checks panel does not say «none triggered» as if all had run: those by category and the
    // change from 2021 could not (the core's `unchecked`).
    assert.equal(await page.textContent('#unit-checks p'), 'Ingen av kontrollene som kunne kjøres, slo ut for Halden 2022.');
    assert.deepEqual(await page.$$eval('#unit-checks .unchecked li', (els) => els.map((e) => e.textContent)), [
      'Tallene per utdanningskategori er ikke kontrollert: bare totalen er gitt.',
      'Endringen fra 2021 er ikke kontrollert: tallene for 2021 er ikke lagt inn.',
    ]);
  });

  test('2015–2023: a municipality that did not answer is absent by default, carried with «På»', async () => {
    await load([MOLDE_MISSING]);
    await page.selectOption('#year-select', '2023');
    await chooseUnit('Molde');
    assert.equal(find(cli([MOLDE_MISSING]), 'kommune', '1506', 2023), undefined);
    expectKeyFigures(await keyFigures(), null);
    const reasons = await page.textContent('#unit-reasons');
    assert.match(reasons, /Molde har ingen tall for 2023/);
    assert.match(reasons, /Regler for 2023 \(reglene for dataåret\): tall føres ikke videre; ingen kommuner holdes utenfor\./);
    assert.match(reasons, /Velg «På» under «Før videre tall»/);
    await shot('rules-auto-2023');

    await afterRender(() => page.selectOption('#carry-forward', 'on'));
    const carried = find(cli([MOLDE_MISSING], { carry_forward: 'on' }), 'kommune', '1506', 2023);
    assert.equal(carried.carried_from, 2022);
    expectKeyFigures(await keyFigures(), carried);
    assert.match(await page.textContent('#unit-reasons'), /ført videre fra 2022/);
    // The year's rules, for a unit with figures, under its cards.
    assert.match(await page.textContent('#unit-rules'), /tall føres videre for enheter som ikke har svart \(valgt i innstillingene\)/);
    assert.match(page.url(), /videreforing=on/);
    await afterRender(() => page.selectOption('#carry-forward', 'auto'));
  });

  test('Halden continues across 2023/2024: one unit under 3001 and 3101, found by either number', async () => {
    const files = [HALDEN_2015, HALDEN_2024];
    await load(files);
    const expected = cli(files);
    // The one municipality of the files is chosen at once (the year stays the one chosen before).
    await page.selectOption('#year-select', '2024');
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3101', 2024));
    // The 2024 file has no target groups: rule 2 is on, but could not be applied to Halden, and the
    // rules line says so instead of saying municipalities were left out.
    assert.equal(expected.rules.find((r) => r.year === 2024).suppression_unapplied, 1);
    const rules2024 = await page.textContent('#unit-rules');
    assert.match(rules2024, /vises ikke med egne tall, men regelen kunne ikke brukes for 1\u00a0kommune, fordi årsverkene mangler målgruppe/);
    assert.doesNotMatch(rules2024, /holdes utenfor/, 'a municipality is counted in the sums: not «left out»');
    // Switching year keeps Halden, with the number valid that year.
    await page.selectOption('#year-select', '2023');
    assert.match(await page.inputValue('#unit-input'), /^3001 Halden/);
    expectKeyFigures(await keyFigures(), find(expected, 'kommune', '3001', 2023));
    assert.match(await page.textContent('#unit-reasons'), /hadde nummer 3001 til og med 2023 og har 3101 fra 2024/);
    // The time series holds both numbers, with the break between them.
    const series = await page.$eval('#charts figure[data-chart="tidsserie"]', (f) => f.textContent);
    for (const [code, year] of [['3001', 2022], ['3001', 2023], ['3101', 2024]]) {
      assert.ok(series.includes(`${year}: ${find(expected, 'kommune', code, year).display.M1}`), `${code} ${year} in the series`);
    }
    await page.selectOption('#year-select', '2024');
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    await chooseUnit('3001');
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    await shot('halden-2024');
  });

  test('search without diacritics: "Bodo" finds Bodø, "Ostre" finds Østre Toten', async () => {
    await load([SEARCH_2024]);
    await chooseUnit('Bodo');
    assert.match(await page.inputValue('#unit-input'), /^1804 Bodø/);
    await chooseUnit('Ostre');
    assert.match(await page.inputValue('#unit-input'), /^3442 Østre Toten/);
    await chooseUnit('ostre toten');
    assert.match(await page.inputValue('#unit-input'), /^3442 Østre Toten/);
  });

  test('own file only: coverage, published figures, no median or rank that means nothing; the 10× typo is flagged', async () => {
    await load([HALDEN_TYPO]);
    const expected = cli([HALDEN_TYPO]);
    const halden = find(expected, 'kommune', '3101', 2024);
    expectKeyFigures(await keyFigures(), halden);
    assert.ok(halden.flags.includes('far_above_published'), 'the core flags it');
    assert.equal(halden.comparison.coverage.meaningful, false);
    // The check with its numbers, where the adviser looks.
    const checks = await page.textContent('#unit-checks');
    const message = expected.diagnostics.find((d) => d.code === 'check.far_above_published');
    assert.ok(message);
    assert.ok(checks.includes(message.message.replace(/per 1 000/g, 'per\u00a01\u00a0000')), checks); // «per 1 000» kept together on the page
    // Coverage of each comparison, and what to load.
    const coverage = await page.textContent('#coverage');
    assert.match(coverage, /KOSTRA-gruppe 10: 1 av 13 kommuner er med i sammenligningen/);
    assert.match(coverage, /Hele landet: 1 av \d+ kommuner har tall i filene/);
    assert.match(await page.textContent('#not-meaningful'), /Last inn en referansefil med publiserte tall for alle kommuner/);
    assert.equal(await page.$$eval('#compare-table td[data-col="median"], #compare-table td[data-col="rank"]', (els) => els.length), 0);
    assert.doesNotMatch(await page.textContent('#key-figures .cards'), /Plass|Median/);
    // Norway from one municipality would only repeat Halden: the column shows the published figure
    // alone, and the chart leaves the aggregates out.
    const land = find(expected, 'land', '0', 2024);
    assert.equal(land.published.display.M1, '2,8');
    assert.equal(land.aggregate_coverage.meaningful, false);
    assert.equal(await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="land"]'), 'publ. 2,8');
    assert.equal(await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="kostra"]'), '–');
    assert.match(await page.textContent('#published-source'), /Helsedirektoratet/);
    const flagged = await page.$$eval('#results-table tr[data-key="kommune:3101"] .flag', (els) => els.map((e) => e.textContent));
    assert.ok(flagged.includes('langt over publisert'), flagged.join(', '));
    // No chart draws the county, Norway or the KOSTRA group from Halden alone: not the comparison,
    // the education shares, the time series or the target groups.
    const thin = ['fylke', 'land', 'kostragruppe'].map((level) => expected.results.find((r) => r.level === level && r.year === 2024 && r.aggregate_coverage?.meaningful === false)?.name).filter(Boolean);
    assert.equal(thin.length, 3, thin.join(', '));
    const drawn = await page.$$eval('#charts figure canvas', (canvases) => canvases.map((c) => ({
      chart: c.closest('figure').dataset.chart,
      names: [...(c.arsverkChart?.data.labels ?? []).map((l) => [l].flat().join(' ')), ...(c.arsverkChart?.data.datasets ?? []).map((d) => d.label)],
    })));
    assert.ok(drawn.length >= 3 && drawn.every((c) => c.names.length), JSON.stringify(drawn));
    for (const { chart, names } of drawn) {
      for (const name of names) assert.ok(!thin.some((a) => name.startsWith(a)), `${chart}: «${name}» drawn from Halden alone`);
    }
    await shot('typo-nb');
    await shot('typo-nb-390', 390);
    await afterRender(() => page.click('#lang-button'));
    assert.match(await page.textContent('#coverage'), /KOSTRA group 10: 1 of 13 municipalities in the comparison/);
    assert.equal(await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="land"]'), 'publ. 2.8');
    await shot('typo-en');
    await shot('typo-en-390', 390);
    await afterRender(() => page.click('#lang-button'));
    // Norway chosen as the unit: no figure of its own from Halden alone, in the cards, the table
    // beside them or as a change; its population is said to be the municipalities' with figures.
    await afterRender(() => chooseUnit('Hele landet'));
    assert.match(await page.textContent('#key-heading'), /^Hele landet 2024/);
    assert.deepEqual(Object.values(await keyFigures()), ['–', '–', '–', '–']);
    assert.match(await page.textContent('#unit-reasons'), /Bare 1 av \d+ kommuner har tall i filene: for få til et tall for hele landet\./);
    assert.equal(await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="unit"]'), '–');
    assert.match(await page.textContent('#key-figures .population'), /: [\d\u00a0 ]+ i kommunene med tall \(/);
    const own = await page.$$eval('#charts figure canvas', (canvases) => canvases.flatMap((c) => (c.arsverkChart?.data.datasets ?? [])
      .filter((d) => d.label.startsWith('Hele landet') && d.data.some((v) => v != null)).map((d) => `${c.closest('figure').dataset.chart}: ${d.label}`)));
    assert.deepEqual(own, [], 'no chart draws Norway from Halden alone');
    await shot('thin-land-nb');
    await afterRender(() => chooseUnit('3101')); // back to Halden for the tests after
  });

  test('a reference file: its card says what it is, and its rates drive rank, median and map', async () => {
    const files = [HALDEN_2024, REFERENCE];
    const expected = cli(files);
    assert.equal(expected.files.find((f) => f.name.startsWith('referanse')).kind, 'referanse');
    await load(files);
    const halden = find(expected, 'kommune', '3101', 2024);
    assert.equal(halden.comparison.coverage.meaningful, true);
    assert.match(await page.textContent('#file-panel li[data-file="referanse_kostra10_2024.csv"]'), /Publiserte tall per\u00a01\u00a0000 innbyggere for 12 enheter \(2024\)/);
    assert.match(await page.textContent('#coverage'), /13 av 13 kommuner er med i sammenligningen — 1 med tall i filene, 12 publiserte \(2024, referanse_kostra10_2024\.csv\)/);
    // The group's own figure («–») rests on the files' figures only: not «for få» beside «13 av 13».
    assert.match(await page.textContent('#coverage'), /Et tall for KOSTRA-gruppe 10 som helhet regnes bare av tallene i filene/);
    const rank = await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="rank"]');
    assert.equal(rank, `${halden.comparison.rank_shown.M1} av ${halden.comparison.n}${halden.comparison.rank_shared.M1 ? ' (delt)' : ''}`);
    const median = await page.textContent('#compare-table tr[data-measure="M1"] td[data-col="median"]');
    assert.equal(median.replace(/\s/g, ''), String(find(expected, 'kostragruppe', 'EKG10', 2024).distribution.M1.median.toFixed(1)).replace('.', ','));
    // The reference file has M1 and M2 only: M3 and M4 have Halden alone, and no median (as on the cards).
    for (const m of ['M3', 'M4']) {
      assert.equal(halden.comparison.median_tenths[m], null);
      assert.equal(await page.textContent(`#compare-table tr[data-measure="${m}"] td[data-col="median"]`), '–', m);
    }
    await shot('reference');
  });

  test('no request left the origin and nothing failed', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
