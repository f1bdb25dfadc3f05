// Comparisons in the page that never overstate: reference rates on the map and in the ranking chart
// (labelled as published, never as the user's), a split municipality drawn without continuity,
// thin aggregates in the results table, and counts that say what they count — in both languages.
// Every figure checked is the native CLI's for the same files. Screenshots go to
// test-artifacts/web/comparisons-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';
import { root } from '../wasm/lib.mjs';
import { EX_2023, EX_2024, shownCli as cli, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const HALDEN_2024 = 'tests/data/web/arsverk_halden_2024.csv';
const REFERENCE = 'tests/data/web/referanse_kostra10_2024.csv';
const ALESUND_2015 = 'tests/data/web/arsverk_alesund_2023.csv';
const ALESUND_2024 = 'tests/data/web/arsverk_alesund_haram_2024.csv';
const ONE_LEFT_OUT = 'tests/data/web/arsverk_fire_en_holdt_utenfor_2024.csv';

let calculator;
let page;
let foreign = [];
let consoleErrors = [];


const afterRender = (action) => whenRendered(page, action);

async function afterMap(action) {
  const before = Number(await page.evaluate(() => document.getElementById('map-root').dataset.rendered || 0));
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('map-root').dataset.rendered || 0) > n, before, { timeout: 60000 });
}

async function load(files) {
  await calculator.open();
  await afterRender(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
}

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
}

async function switchLanguage() {
  await afterRender(() => page.click('#lang-button'));
}

// What a chart was drawn with: labels (wrapped lines joined), datasets, legend and text alternative.
function chartOf(key) {
  return page.evaluate((k) => {
    const canvas = document.querySelector(`#charts figure[data-chart="${k}"] canvas`);
    const chart = canvas?.arsverkChart;
    if (!chart) return null;
    return {
      labels: chart.data.labels.map((l) => (Array.isArray(l) ? l.join(' ') : l)),
      datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data, valueLabels: d.valueLabels ?? null })),
      legend: chart.options.plugins.legend.display === false ? [] : (chart.legend?.legendItems ?? []).map((i) => i.text),
      text: canvas.getAttribute('aria-label'),
    };
  }, key);
}

// Each unit of the main map: status, value, reason and the tooltip's lines.
function mapUnits() {
  return page.evaluate(() => {
    const { chart, order } = document.getElementById('map-canvas').arsverkMap;
    const label = chart.options.plugins.tooltip.callbacks.label;
    return order.map((item, i) => ({
      code: item.code, status: item.status, value: item.value, reason: item.reason, tooltip: label({ dataIndex: i }),
    }));
  });
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root);
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('comparisons that never overstate', () => {
  test('reference rates: on the map and in the ranking chart, labelled as published, never in sums', async () => {
    const files = [HALDEN_2024, REFERENCE];
    const expected = cli(files);
    const english = cli(files, { lang: 'en' });
    const halden = find(expected, 'kommune', '3101', 2024);
    assert.equal(expected.reference.length, 12);
    await load(files);
    await page.selectOption('#scope-select', 'kostra');
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="rangering"] canvas')?.arsverkChart);
    // The choice says what it changes, the ranking chart: the comparison chart beside it is not its.
    assert.equal(await page.textContent('label[for="scope-select"]'), 'Rangering innenfor');

    // The ranking chart: Halden's own bar, and the 12 published rates as bars of their own series.
    let chart = await chartOf('rangering');
    assert.equal(chart.labels.length, 13);
    const [own, chosen, published] = chart.datasets;
    assert.equal(chosen.data.filter((v) => v != null).length, 1);
    assert.equal(chosen.data[chart.labels.indexOf('► Halden')], halden.per_1000.M1);
    assert.ok(own.data.every((v) => v == null), 'no other own municipality in the group');
    assert.equal(published.label, 'Publisert (referansefil, 2024)');
    for (const e of expected.reference) {
      const i = chart.labels.indexOf(`${e.name} (publ. 2024)`);
      assert.ok(i >= 0, `${e.name} labelled as published`);
      assert.equal(published.data[i], e.per_1000.M1);
      assert.equal(published.valueLabels[i], `publ. ${e.display.M1}`);
      assert.ok(chart.text.includes(`${e.name} (publ. 2024) publ. ${e.display.M1}`));
    }
    assert.deepEqual(chart.legend, ['► Halden', 'Publisert (referansefil, 2024)']);
    await page.locator('#charts figure[data-chart="rangering"]').screenshot({ path: join(ARTIFACTS, 'comparisons-reference-ranking.png') });

    // The map: the reference units coloured by their published rate, striped, and said so.
    await afterMap(() => page.click('#map-details > summary'));
    let units = new Map((await mapUnits()).map((u) => [u.code, u]));
    assert.equal(units.get('3101').status, 'value');
    assert.equal(units.get('3101').value, halden.per_1000.M1);
    for (const e of expected.reference) {
      const u = units.get(e.code);
      assert.equal(u.status, 'reference', e.code);
      assert.equal(u.value, e.per_1000.M1);
      assert.equal(u.tooltip[0], `Publisert (referansefil): ${e.display.M1} per\u00a01\u00a0000`);
      assert.ok(u.reason.includes('Tall for 2024 fra referanse_kostra10_2024.csv, ikke fra filene dine.'));
    }
    assert.equal([...units.values()].filter((u) => u.status === 'reference').length, 12);
    assert.match(await page.textContent('#map-legend'), /publisert \(referansefil\), ikke dine tall \(stripet\)/);
    assert.match(await page.textContent('#map-summary'), /13 av 357 har tall\..*12 av dem har bare publiserte tall fra en referansefil/);
    await page.locator('#map-root').screenshot({ path: join(ARTIFACTS, 'comparisons-reference-map.png') });
    // Coloured by the difference from the median, a published figure alone has none: the summary
    // counts them, so that «1 av 357» and those with no figures add up.
    await afterMap(() => page.check('#map-mode-diff'));
    assert.match(await page.textContent('#map-summary'), /: 1 av 357 har en forskjell fra medianen\..* 344 har ingen tall for 2024 i filene\. 12 har bare publiserte tall fra en referansefil, og ingen forskjell fra medianen\./);
    await afterMap(() => page.check('#map-mode-rate'));

    // Never in sums, never a row of their own.
    assert.equal(find(expected, 'kostragruppe', 'EKG10', 2024).members, 1);
    await page.selectOption('#filter-level', '');
    for (const e of expected.reference) assert.equal(await page.$(`#results-table tr[data-key="kommune:${e.code}"]`), null);
    await page.screenshot({ path: join(ARTIFACTS, 'comparisons-reference.png'), fullPage: true });

    await afterMap(() => switchLanguage());
    units = new Map((await mapUnits()).map((u) => [u.code, u]));
    const first = english.reference[0];
    assert.equal(units.get(first.code).tooltip[0], `Published (reference file): ${first.display.M1} per\u00a01,000`);
    assert.match(await page.textContent('#map-legend'), /published \(reference file\), not your figures \(striped\)/);
    chart = await chartOf('rangering');
    assert.deepEqual(chart.legend, ['► Halden', 'Published (reference file, 2024)']);
    assert.ok(chart.labels.includes(`${first.name} (publ. 2024)`));
    await switchLanguage();
    await page.click('#map-details > summary');
  });

  test('a split (1507 Ålesund → 1508 Ålesund + 1580 Haram): the core\'s note, and no series joining them', async () => {
    const files = [ALESUND_2015, ALESUND_2024];
    for (const lang of ['nb', 'en']) {
      const expected = cli(files, { lang });
      if (lang === 'en') await switchLanguage();
      else await load(files);
      const cases = [
        { code: '1508', year: 2024, other: [2023] },
        { code: '1580', year: 2024, other: [2023] },
        { code: '1507', year: 2023, other: [2024] },
      ];
      for (const c of cases) {
        const r = find(expected, 'kommune', c.code, c.year);
        assert.equal(r.renumbering.continuity, false, `${c.code}: the core calls it a split`);
        assert.ok(r.renumbering.note);
        await page.selectOption('#year-select', String(c.year));
        await chooseUnit(c.code);
        // The unit's view is in and its charts drawn (they are drawn after the figures are painted).
        await page.waitForFunction((heading) => document.getElementById('key-heading')?.textContent === heading &&
          !document.querySelector('#charts figure[aria-busy="true"]') && document.body.dataset.busy === 'false', `${r.name} ${c.year}`);
        assert.ok((await page.textContent('#unit-reasons')).includes(r.renumbering.note), `${lang} ${c.code}: the note`);
        const series = await chartOf('tidsserie');
        const years = series.labels.map(Number);
        const own = series.datasets.filter((d) => d.label.includes(r.name));
        assert.ok(own.length >= 1, `${c.code}: its own series`);
        for (const d of own) {
          for (const y of c.other) assert.equal(d.data[years.indexOf(y)], null, `${lang} ${c.code}: nothing drawn for ${y} (${d.label})`);
        }
        assert.ok(own.some((d) => d.data[years.indexOf(c.year)] === r.per_1000.M1));
        for (const y of c.other) assert.ok(series.text.includes(`${y}: –`), `${lang} ${c.code}: the text alternative has no figure for ${y}`);
      }
      await page.screenshot({ path: join(ARTIFACTS, `comparisons-split-${lang}.png`), fullPage: true });
    }
    await switchLanguage();
  });

  test('a thin aggregate in the results table, and counts that agree (one municipality left out)', async () => {
    const files = [ONE_LEFT_OUT];
    for (const lang of ['nb', 'en']) {
      const expected = cli(files, { lang });
      const land = find(expected, 'land', '0', 2024);
      const left = expected.results.filter((r) => r.level === 'kommune' && r.suppressed);
      assert.equal(left.length, 1);
      assert.equal(land.aggregate_coverage.meaningful, false);
      assert.equal(land.members, 4);
      if (lang === 'en') await switchLanguage();
      else {
        await load(files);
        // Neither Østfold nor Norway has a figure of its own from four municipalities: the page opens
        // on the first of them, not on a view of dashes, and ranks them all in the table.
        assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
        assert.equal(await page.inputValue('#filter-level'), 'kommune');
        const ranked = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
        assert.deepEqual(ranked.slice(0, 3).sort(), ['kommune:3101', 'kommune:3103', 'kommune:3105']);
      }
      await page.selectOption('#filter-level', '');
      const row = await page.$eval('#results-table tr[data-key="land:0"]', (tr) => Object.fromEntries(
        [...tr.querySelectorAll('[data-col]')].map((c) => [c.dataset.col, c.textContent])));
      const pop = land.population.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB');
      const norsk = lang === 'nb';
      // The core's integer tenths as the page places the decimal mark: 197 → «19,7» / «19.7».
      const tenths = (units) => `${Math.trunc(units / 10)}${norsk ? ',' : '.'}${units % 10}`;
      assert.equal(row.name.replace(/\s+/g, ' ').trim(), norsk ? `${land.name} 4 av 357 kommuner har tall` : `${land.name} figures for 4 of 357 municipalities`);
      // The population, and on a small line of its own whose it is.
      const [popFigure, popNote] = await page.$eval('#results-table tr[data-key="land:0"] [data-col="population"]',
        (td) => [td.firstChild.textContent, td.querySelector('.published-inline')?.textContent]);
      assert.equal(popFigure, pop);
      assert.equal(popNote, norsk ? 'i kommunene med tall' : 'in the municipalities with figures');
      for (const m of ['M1', 'M2', 'M3', 'M4']) assert.ok(row[m].startsWith('–'), `${lang} ${m}: no figure for all of Norway (${row[m]})`);

      await chooseUnit(land.name);
      // The checks before submission are a municipality's: Norway has none to show.
      assert.equal(await page.locator('#unit-checks').count(), 0);
      const extremes = await page.textContent('#extremes');
      const reasons = await page.textContent('#unit-reasons');
      // The core's percents, only placed and worded here.
      const covered = tenths(land.coverage_percent_tenths);
      assert.ok(reasons.includes(norsk ? `de har ${covered}\u00a0% av innbyggerne` : `they hold ${covered}\u00a0% of the inhabitants`), reasons);
      if (norsk) {
        assert.match(extremes, /^Høyest av de 3 kommunene med tall som vises \(M1\): .* 1 kommune til har tall i filene, men vises ikke med egne tall\. Årsverkene telles med i summene\./);
        assert.match(reasons, /Dekning: 4 av 357 kommuner har tall i filene \(1 av dem holdt utenfor visningen, men med i summene\)/);
      } else {
        assert.match(extremes, /^Highest of the 3 municipalities with figures shown \(M1\): .* 1 more municipality has figures in the files but is not shown on its own; its FTEs count in the sums\./);
        assert.match(reasons, /Coverage: figures in the files for 4 of 357 municipalities \(1 of them left out of the display, but counted in the sums\)/);
      }
      // A municipality's comparisons: the county's line counts the left-out one in (it is in the
      // county's sums) and says so; on screen and in the printed report alike.
      const fylke = find(expected, 'fylke', '31', 2024);
      await afterRender(() => chooseUnit('3103')); // the printed summary is written after the paint
      const lines = await page.$$eval('#coverage li', (lis) => lis.map((li) => li.textContent));
      const county = lines.find((l) => l.startsWith(`${fylke.name}:`));
      assert.ok(county, `${lang}: the county's line (${lines.join(' | ')})`);
      assert.ok(county.includes(norsk ? `${fylke.aggregate_coverage.members} av ${fylke.aggregate_coverage.members_total} kommuner har tall i filene`
        : `figures in the files for ${fylke.aggregate_coverage.members} of ${fylke.aggregate_coverage.members_total} municipalities`));
      // The same share to the same tenth as the aggregate's own coverage above.
      assert.equal(fylke.aggregate_coverage.population_percent_tenths, fylke.coverage_percent_tenths);
      assert.ok(county.includes(norsk ? `(${tenths(fylke.aggregate_coverage.population_percent_tenths)}\u00a0% av innbyggerne)`
        : `(${tenths(fylke.aggregate_coverage.population_percent_tenths)}\u00a0% of the inhabitants)`), county);
      assert.ok(county.includes(norsk ? ' 1 av dem er holdt utenfor visningen, men med i summene.' : ' 1 of them left out of the display, but counted in the sums.'), county);
      // Four of twelve are too few for the county as a whole: its column shows «–», and the line says why.
      assert.equal(fylke.aggregate_coverage.meaningful, false);
      assert.ok(county.endsWith(norsk ? ` For få til et tall for ${fylke.name} som helhet.` : ` Too few for a figure for all of ${fylke.name}.`), county);
      assert.match(await page.textContent(`#compare-table tr[data-measure="M1"] td[data-col="fylke"]`), /^–/);
      assert.ok((await page.textContent('#print-summary')).includes(county), `${lang}: the print says the same`);
      await page.screenshot({ path: join(ARTIFACTS, `comparisons-thin-${lang}.png`), fullPage: true });

      // The left-out municipality itself (Fredrikstad, adults only, alone in its KOSTRA group in the
      // file): its group is compared over none, while the group's sums hold it. The two counts say
      // what each counts, and its own messages say what to add instead of «no check was triggered».
      const left1 = left[0];
      const group = find(expected, 'kostragruppe', left1.kostragruppe, 2024);
      await afterRender(() => chooseUnit(left1.code));
      // Its education shares are not drawn either: its cards say «ikke beregnet».
      const education = await chartOf('utdanning');
      assert.ok(!education?.labels.some((l) => l.includes(left1.name)), JSON.stringify(education?.labels));
      const compared = group.distribution_coverage;
      const groupLine = (await page.$$eval('#coverage li', (lis) => lis.map((li) => li.textContent))).find((l) => l.startsWith(`${group.name}:`));
      assert.equal(groupLine, norsk
        ? `${group.name}: ${compared.members} av ${compared.members_total} kommuner er med i sammenligningen (${tenths(compared.population_percent_tenths)}\u00a0% av innbyggerne). 1 kommune til har tall i filene, men vises ikke med egne tall og er ikke med i sammenligningen. Årsverkene telles med i summene. For få til et tall for ${group.name} som helhet.`
        : `${group.name}: ${compared.members} of ${compared.members_total} municipalities in the comparison (${tenths(compared.population_percent_tenths)}\u00a0% of the inhabitants). 1 more municipality has figures in the files but is not shown on its own or in the comparison; its FTEs count in the sums. Too few for a figure for all of ${group.name}.`);
      // The group's own column is «–» for that reason, as the line ends.
      assert.equal(group.aggregate_coverage.meaningful, false);
      const checks = await page.textContent('#unit-checks');
      assert.doesNotMatch(checks, norsk ? /Ingen av kontrollene/ : /None of the checks/);
      const missing = await page.textContent('#unit-checks li[data-code="suppression.part_missing"]');
      assert.ok(missing.includes(norsk ? 'Legg til radene for barn og unge' : 'Add the rows for children and young people'), missing);
      await page.selectOption('#filter-level', '');
      const tag = await page.textContent(`#results-table tr[data-key="kostragruppe:${group.code}"] .members-inline`);
      assert.equal(tag, norsk ? `${group.aggregate_coverage.members} av ${group.aggregate_coverage.members_total} kommuner har tall`
        : `figures for ${group.aggregate_coverage.members} of ${group.aggregate_coverage.members_total} municipalities`);
    }
    await switchLanguage();
  });

  test('Oslo alone in KOSTRA group 13: no median, rank or difference against itself, and the page says why', async () => {
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    await afterRender(() => chooseUnit('0301'));
    const expected = find(cli(['data/example/eksempel_arsverk_2023.csv', 'data/example/eksempel_arsverk_2024_2025.csv']), 'kommune', '0301', 2025);
    assert.equal(expected.comparison.coverage.reason, 'alone');
    assert.match(await page.inputValue('#unit-input'), /^0301 Oslo/);
    assert.doesNotMatch(await page.textContent('#key-figures .cards'), /Plass|1 av 1/);
    assert.equal(await page.textContent('#not-meaningful'),
      'KOSTRA-gruppe 13 har bare én kommune: det er ingen andre å sammenligne med, så median, plass og «uvanlig høyt/lavt» vises ikke.');
    // A count of one reads as one: «1 av 1 kommune», «1 of 1 municipality».
    assert.match(await page.textContent('#coverage'), /KOSTRA-gruppe 13: 1 av 1 kommune er med i sammenligningen \(100,0\u00a0% av innbyggerne\)/);
    await page.locator('#key-figures').screenshot({ path: join(ARTIFACTS, 'comparisons-oslo-alone.png') });
    // The comparison chart's title names what Oslo is compared with (it has no county of its own).
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    const title = () => page.textContent('#charts figure[data-chart="sammenligning"] h4');
    assert.equal(await title(), 'Oslo - Oslove sammenlignet med landet og KOSTRA-gruppen (M1–M4)');
    await switchLanguage();
    assert.equal(await page.textContent('#not-meaningful'),
      'KOSTRA group 13 has one municipality only: there is no other to compare with, so no median, rank or “unusually high/low” is shown.');
    assert.match(await page.textContent('#coverage'), /KOSTRA group 13: 1 of 1 municipality in the comparison \(100\.0\u00a0% of the inhabitants\)/);
    assert.equal(await title(), 'Oslo - Oslove compared with Norway and its KOSTRA group (M1–M4)');
    await switchLanguage();
    await afterRender(() => chooseUnit('Hele landet'));
    assert.equal(await title(), 'Hele landet: M1–M4');
  });

  test('a fence the cards tag is in the checks too: never «none triggered» beside «Uvanlig lavt» (Vestby 2025)', async () => {
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    await afterRender(() => chooseUnit('3216'));
    const expected = find(cli(['data/example/eksempel_arsverk_2023.csv', 'data/example/eksempel_arsverk_2024_2025.csv']), 'kommune', '3216', 2025);
    assert.ok(expected.flags.includes('outside_fences_low'));
    assert.ok(!cli(['data/example/eksempel_arsverk_2023.csv', 'data/example/eksempel_arsverk_2024_2025.csv']).diagnostics
      .some((d) => d.args?.code === '3216' && d.args?.flag === 'outside_fences_low'), 'no message says it: no reference file');
    assert.ok(await page.isVisible('#key-figures .card .fence[data-fence="low"]'));
    assert.equal(await page.textContent('#unit-checks li[data-flag="outside_fences_low"]'), 'Merk M1 er uvanlig lavt i KOSTRA-gruppen.');
    assert.doesNotMatch(await page.textContent('#unit-checks'), /Ingen av kontrollene/);
  });

  test('the comparison chart gives each unit\'s part one colour, whichever others are there', async () => {
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    const drawnColours = (key) => page.evaluate((k) => {
      const chart = document.querySelector(`#charts figure[data-chart="${k}"] canvas`).arsverkChart;
      return {
        series: chart.data.datasets.map((d) => [d.label, d.borderColor]),
        legend: chart.legend.legendItems.map((i) => [i.text, i.strokeStyle]),
      };
    }, key);
    const roles = new Map(); // part -> the colours it was drawn in
    const seen = (part, colour) => roles.set(part, new Set([...(roles.get(part) ?? []), colour]));
    // Kongsberg (county, Norway, published, group, median), Oslo (no county), an Oslo district (Oslo, no group).
    for (const code of ['3303', '0301', '030102']) {
      await afterRender(() => chooseUnit(code));
      await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="sammenligning"]:not([aria-busy]) canvas')?.arsverkChart);
      const { series, legend } = await drawnColours('sammenligning');
      assert.deepEqual(legend, series, `${code}: the legend shows each series' colour`);
      series.forEach(([label, colour], i) => {
        const part = i === 0 ? 'unit' : label === 'Hele landet' ? 'land' : /^Publisert .*Hele landet$/.test(label) ? 'published land'
          : /^KOSTRA-gruppe/.test(label) ? 'kostra' : /^Median/.test(label) ? 'median' : label === 'Oslo - Oslove' ? 'oslo' : 'fylke';
        seen(part, colour);
      });
      await page.locator('#charts figure[data-chart="sammenligning"]').screenshot({ path: join(ARTIFACTS, `comparisons-colours-${code}.png`) });
    }
    // The district's time series is compared with Oslo, in Oslo's colour.
    const district = await drawnColours('tidsserie');
    const osloLines = district.series.filter(([label]) => /^Oslo/.test(label));
    assert.ok(osloLines.length > 0);
    osloLines.forEach(([, colour]) => seen('oslo', colour));
    for (const [part, colours] of roles) assert.equal(colours.size, 1, `${part}: ${[...colours].join(', ')}`);
    assert.deepEqual([...roles.keys()].sort(), ['fylke', 'kostra', 'land', 'median', 'oslo', 'published land', 'unit']);
    // Each part its own colour; Norway's published figures Norway's (pale and hatched).
    const colour = (part) => [...roles.get(part)][0];
    const parts = ['unit', 'land', 'fylke', 'oslo', 'kostra', 'median'];
    assert.equal(new Set(parts.map(colour)).size, parts.length);
    assert.equal(colour('published land'), colour('land'));
  });

  test('the time series across the 2023/2024 break: one legend entry per series, showing or hiding all of it', async () => {
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    await afterRender(() => chooseUnit('3101'));
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tidsserie"]:not([aria-busy]) canvas')?.arsverkChart);
    const series = await chartOf('tidsserie');
    // A dataset per schema, so that the line breaks; the legend names each series once.
    assert.deepEqual(series.datasets.map((d) => d.label), ['Halden', 'Halden', 'Hele landet', 'Hele landet', 'Publisert: Hele landet']);
    assert.deepEqual(series.legend, ['Halden', 'Hele landet', 'Publisert: Hele landet']);
    const visibleAfterClick = () => page.evaluate(() => {
      const chart = document.querySelector('#charts figure[data-chart="tidsserie"] canvas').arsverkChart;
      const item = chart.legend.legendItems[0];
      chart.options.plugins.legend.onClick(null, item, chart.legend);
      return chart.data.datasets.map((d, i) => chart.isDatasetVisible(i));
    });
    assert.deepEqual(await visibleAfterClick(), [false, false, true, true, true]);
    assert.deepEqual(await visibleAfterClick(), [true, true, true, true, true]);
    await switchLanguage();
    assert.deepEqual((await chartOf('tidsserie')).legend, ['Halden', 'Norway', 'Published: Norway']);
    await page.locator('#charts figure[data-chart="tidsserie"]').screenshot({ path: join(ARTIFACTS, 'comparisons-series-legend.png') });
    await switchLanguage();
  });

  test('an Oslo district\'s time series is compared with Oslo, not Norway, and its title says so', async () => {
    const expected = cli([EX_2023, EX_2024]);
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    await afterRender(() => chooseUnit('030101'));
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tidsserie"]:not([aria-busy]) canvas')?.arsverkChart);
    const series = await chartOf('tidsserie');
    const oslo = (y) => find(expected, 'kommune', '0301', y);
    assert.deepEqual(series.legend, ['Gamle Oslo', oslo(2025).name]);
    assert.ok(series.datasets.every((d) => !/Hele landet/.test(d.label)));
    const years = series.labels.map(Number);
    const drawn = years.map((y, i) => series.datasets.filter((d) => d.label === oslo(2025).name).map((d) => d.data[i]).find((v) => v != null));
    assert.deepEqual(drawn, years.map((y) => oslo(y).per_1000.M1));
    assert.equal(await page.textContent('#charts figure[data-chart="tidsserie"] figcaption h4'), 'Utvikling over tid sammenlignet med Oslo kommune (M1)');
    await switchLanguage();
    assert.equal(await page.textContent('#charts figure[data-chart="tidsserie"] figcaption h4'), 'Over time compared with Oslo municipality (M1)');
    await switchLanguage();
    // A municipality's is compared with Norway.
    await afterRender(() => chooseUnit('3101'));
    assert.equal(await page.textContent('#charts figure[data-chart="tidsserie"] figcaption h4'), 'Utvikling over tid sammenlignet med landet (M1)');
  });

  test('a county of the other structure (Viken in 2025) does not exist that year: not «not in the files»', async () => {
    await calculator.open();
    await afterRender(() => page.click('#example-button'));
    await afterRender(() => chooseUnit('Viken'));
    await page.selectOption('#year-select', '2025');
    await page.waitForFunction(() => /2025/.test(document.getElementById('key-heading')?.textContent ?? ''));
    const reasons = await page.textContent('#unit-reasons');
    assert.match(reasons, /^Viken finnes ikke i 2025: inndelingen i fylker og kommuner er en annen det året\. Viken har tall for 2023\./);
    assert.doesNotMatch(reasons, /ikke med i årsverksfilene/);
  });

  test('no request left the origin and nothing failed', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
