// The map (web/src/map.js) in Debian's Chromium: loaded only when opened, draws every unit of the
// year's structure, colours follow the core's values, units without data are drawn as "no data",
// clicking selects, the 2023 data year uses the 2020–2023 boundaries. Screenshots go to
// test-artifacts/web/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { EXAMPLE, shownCli as cli, find as findIn } from '../support/cli.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(root, 'test-artifacts', 'web');
const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const PUOR = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'];
const NO_DATA = '#b0b0b0';

let calculator;
let page;
let requests = [];
let pageRequests = [];
let foreign = [];
let consoleErrors = [];
let expected;

const find = (level, code, year) => findIn(expected, level, code, year);
// The core's breaks for a map, as the page places the decimal (report.map_classes, tenths).
const coreBreaks = (year, level, mode, measure) =>
  expected.map_classes.find((c) => c.year === year && c.level === level && c.mode === mode).breaks_tenths[measure].map((b) => b / 10);

async function afterMap(action) {
  const before = Number(await page.evaluate(() => document.getElementById('map-root').dataset.rendered || 0));
  await action();
  await page.waitForFunction((n) => Number(document.getElementById('map-root').dataset.rendered || 0) > n, before, { timeout: 60000 });
}

// What each unit of the main map (or the Oslo inset) was drawn as.
function drawn(canvasId = 'map-canvas') {
  return page.evaluate((id) => {
    const { chart, order, scheme } = document.getElementById(id).arsverkMap;
    const els = chart.getDatasetMeta(0).data;
    return {
      scheme: { breaks: scheme.breaks, colors: scheme.colors },
      units: order.map((item, i) => {
        const fill = els[i].options.backgroundColor;
        return {
          code: item.code, level: item.level, value: item.value, shown: item.shown ?? null, status: item.status, cls: item.cls ?? null,
          selected: item.selected, reason: item.reason, fill: typeof fill === 'string' ? fill : 'pattern',
        };
      }),
    };
  }, canvasId);
}

// The page opened afresh with the example data and the map open (2025, municipalities, M1).
async function exampleWithMap() {
  await calculator.open();
  await whenRendered(page, () => page.click('#example-button'));
  await afterMap(() => page.click('#map-details > summary'));
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  expected = cli(EXAMPLE);
  calculator = await openCalculator(root, { open: false });
  ({ page, requests, pageRequests, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('the map', () => {
  test('is not loaded until it is opened', async () => {
    await calculator.open();
    const from = pageRequests.length;
    await page.click('#example-button');
    await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.busy === 'false'
      && !document.getElementById('result-body').hidden, null, { timeout: 60000 });
    assert.equal(await page.inputValue('#year-select'), '2025');
    assert.ok(!pageRequests.slice(from).some((u) => u.includes('/geo/') || u.includes('/chunks/map-')), 'no map code or boundaries before the map is opened');
  });

  test('draws all 357 municipalities of 2025 and Oslo\'s 15 districts; colours follow the values', async () => {
    await exampleWithMap();
    assert.ok(requests.some((u) => u.endsWith('/geo/kommuner_2024.topojson')));
    assert.ok(requests.some((u) => u.includes('/chunks/map-')));
    assert.equal(await page.getAttribute('#map-root', 'data-structure'), 'kommuner_2024.topojson');
    const { scheme, units } = await drawn();
    assert.equal(units.length, 357);
    assert.equal(new Set(units.map((u) => u.code)).size, 357);
    assert.deepEqual(scheme.colors, BLUES);
    assert.equal(scheme.breaks.length, 4);
    assert.deepEqual(scheme.breaks, coreBreaks(2025, 'kommune', 'rate', 'M1'));
    for (let i = 1; i < scheme.breaks.length; i++) assert.ok(scheme.breaks[i] > scheme.breaks[i - 1]);

    // Known municipalities: the value is the core's, the class is the one its value as shown
    // (the core's display string) falls in, and the fill is that class's colour.
    const asShown = (r) => Number(r.display.M1.replace(',', '.'));
    const byCode = new Map(units.map((u) => [u.code, u]));
    const sample = ['0301', '4601', '5001', '1103', '3301', '5501', '1804'];
    for (const code of sample) {
      const r = find('kommune', code, 2025);
      const u = byCode.get(code);
      assert.equal(u.value, r.per_1000.M1, `${code} value`);
      assert.equal(u.shown, asShown(r), `${code} shown`);
      const cls = scheme.breaks.filter((b) => asShown(r) >= b).length;
      assert.equal(u.cls, cls, `${code} class`);
      if (u.status === 'value') assert.equal(u.fill, BLUES[cls], `${code} colour`);
    }
    // Higher value, never a lighter class; no class narrower than 0.2.
    for (let i = 1; i < scheme.breaks.length; i++) assert.ok(scheme.breaks[i] - scheme.breaks[i - 1] >= 0.2 - 1e-9);
    const valued = units.filter((u) => u.value != null).sort((a, b) => a.value - b.value);
    for (let i = 1; i < valued.length; i++) assert.ok(valued[i].cls >= valued[i - 1].cls);
    assert.ok(new Set(valued.map((u) => u.cls)).size === 5, 'all five classes used');

    // Carried forward: coloured by value, dotted, with the reason.
    const carried = byCode.get('1135');
    assert.equal(carried.status, 'carried');
    assert.equal(carried.fill, 'pattern');
    assert.match(carried.reason, /ført videre fra 2024/);
    // Suppressed: hatched grey, with the reason.
    const suppressed = byCode.get('1816');
    assert.equal(suppressed.status, 'suppressed');
    assert.equal(suppressed.fill, 'pattern');
    assert.match(suppressed.reason, /Holdt utenfor/);

    const oslo = await drawn('map-oslo-canvas');
    assert.equal(oslo.units.length, 15);
    assert.ok(oslo.units.every((u) => /^0301(0[1-9]|1[0-5])$/.test(u.code) && u.value === find('bydel', u.code, 2025).per_1000.M1));

    const legend = await page.$$eval('#map-legend li', (lis) => lis.map((li) => li.textContent));
    assert.equal(legend.length, 7); // five classes, carried forward, left out
    assert.match(await page.textContent('#map-method'), /verdiene på kartet \(kommuner og bydeler\)/);
    const summary = await page.textContent('#map-summary');
    assert.match(summary, /Høyest: .+\. Lavest: .+\. Tallene er årsverk per\s1\s000 innbyggere\./);
    assert.doesNotMatch(summary, /Spennet/, 'the highest and lowest are the range: not said twice');
    // «354 av 357 har tall» beside the coverage line's «357 av 357 … har tall i filene»: the map says
    // which of them rule 2 left out, so the counts agree.
    const leftOut = expected.results.filter((r) => r.level === 'kommune' && r.year === 2025 && r.suppressed).length;
    assert.ok(leftOut > 1);
    // Then how many of those shown are carried forward (dotted), and the inset's districts.
    const shown2025 = (level) => expected.results.filter((r) => r.level === level && r.year === 2025 && !r.suppressed && r.per_1000?.M1 != null);
    const carriedCount = shown2025('kommune').filter((r) => r.carried_from != null).length;
    assert.ok(carriedCount >= 1);
    const districts = shown2025('bydel');
    const districtsCarried = districts.filter((r) => r.carried_from != null).length;
    assert.match(summary, new RegExp(`innbyggere\\. ${carriedCount} har tall ført videre fra året før \\(prikket\\)\\. `));
    assert.match(summary, new RegExp(`${leftOut} kommuner er holdt utenfor visningen fordi de mangler egne årsverk for voksne eller for barn og unge, men de er med i summene\\. ` +
      `I det innfelte kartet har ${districts.length} av 15 bydeler i Oslo tall${districtsCarried ? `, ${districtsCarried} av dem ført videre fra året før` : ''}\\.$`));
    const attribution = await page.textContent('.map-attribution');
    assert.match(attribution, /© Kartverket \/ Geonorge, CC BY 4\.0/);
    assert.match(attribution, /© Oslo kommune, CC BY 4\.0/);
    await page.locator('#map-root').screenshot({ path: join(ARTIFACTS, 'map-00-map-2025.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'map-01-2025.png'), fullPage: true });
  });

  test('a unit without data in 2024 is drawn as "no data", not the lowest colour', async () => {
    await exampleWithMap();
    await afterMap(() => page.selectOption('#year-select', '2024'));
    const { units } = await drawn();
    assert.equal(units.length, 357);
    const withResult = new Set(expected.results.filter((r) => r.year === 2024 && r.level === 'kommune').map((r) => r.code));
    const missing = units.filter((u) => !withResult.has(u.code));
    assert.ok(missing.length >= 1, 'the example data leaves out some municipalities in 2024');
    for (const u of missing) {
      assert.equal(u.status, 'nodata');
      assert.equal(u.fill, NO_DATA);
      assert.match(u.reason, /Ingen tall for 2024/);
    }
    assert.ok(!BLUES.includes(NO_DATA));
    assert.match(await page.textContent('#map-legend'), /ingen tall/);
  });

  test('clicking a municipality selects it; choosing a unit elsewhere highlights it', async () => {
    await exampleWithMap();
    await page.$eval('#map-canvas', (c) => c.scrollIntoView({ block: 'center' }));
    const target = await page.evaluate(() => {
      const canvas = document.getElementById('map-canvas');
      const { chart, order } = canvas.arsverkMap;
      const els = chart.getDatasetMeta(0).data;
      // A municipality with figures whose centre lies well inside it: the points 8 px around the
      // centre are its own and no other's, so a click there cannot land on a neighbour.
      const around = [[0, 0], [8, 0], [-8, 0], [0, 8], [0, -8]];
      const ownsAround = (el) => around.every(([dx, dy]) => el.inRange(el.x + dx, el.y + dy)
        && els.every((o) => o === el || !o.inRange(el.x + dx, el.y + dy)));
      const rect = canvas.getBoundingClientRect();
      const mid = { x: rect.width / 2, y: rect.height / 2 };
      const pick = order.map((item, i) => ({ item, el: els[i] }))
        .filter(({ item, el }) => item.value != null && !item.selected && item.name && ownsAround(el))
        .sort((a, b) => Math.hypot(a.el.x - mid.x, a.el.y - mid.y) - Math.hypot(b.el.x - mid.x, b.el.y - mid.y))[0];
      const x = rect.left + pick.el.x;
      const y = rect.top + pick.el.y;
      return { code: pick.item.code, name: pick.item.name, x, y, hit: document.elementFromPoint(x, y)?.id };
    });
    assert.equal(target.hit, 'map-canvas', `the point of ${target.name} is on the map, not under something else`);
    await page.mouse.move(target.x, target.y);
    await afterMap(() => page.mouse.click(target.x, target.y));
    const shows = await page.inputValue('#unit-input');
    assert.ok(shows.startsWith(`${target.code} `), `unit input shows ${target.code} ${target.name}, not «${shows}»`);
    let { units } = await drawn();
    assert.deepEqual(units.filter((u) => u.selected).map((u) => u.code), [target.code]);
    // The legend says what the black edge is.
    const legend = await page.$$eval('#map-legend li', (lis) => lis.map((li) => li.textContent));
    assert.equal(legend.at(-1), `valgt: ${target.name} (svart kant)`);
    assert.ok(await page.$(`#results-table tbody tr[data-key="kommune:${target.code}"]`));

    await afterMap(async () => {
      await page.fill('#unit-input', '4601');
      await page.press('#unit-input', 'Enter');
    });
    ({ units } = await drawn());
    assert.deepEqual(units.filter((u) => u.selected).map((u) => u.code), ['4601']);
  });

  test('keyboard: arrows go through the units and say name, value and rank', async () => {
    await exampleWithMap();
    await page.focus('#map-canvas');
    await page.keyboard.press('ArrowRight');
    const text = await page.textContent('#map-focus');
    assert.match(text, /per\u00a01\u00a0000 innbyggere/);
    // A place is the core's, in the KOSTRA group; none is counted on the map in the page.
    assert.match(text, /nr\. \d+ av \d+ i KOSTRA-gruppe \d+/);
    assert.doesNotMatch(text, /på kartet/);
  });

  test('difference from the KOSTRA group median uses a diverging scale', async () => {
    await exampleWithMap();
    await afterMap(() => page.selectOption('#year-select', '2024'));
    await afterMap(() => page.check('#map-mode-diff'));
    const { scheme, units } = await drawn();
    assert.deepEqual(scheme.colors, PUOR);
    const [b1, b2, b3, b4] = scheme.breaks;
    assert.deepEqual(scheme.breaks, coreBreaks(2024, 'kommune', 'diff', 'M1'));
    assert.ok(b1 < b2 && b2 < 0 && b3 > 0 && b4 > b3 && b1 === -b4 && b2 === -b3);
    const r = find('kommune', '4601', 2024);
    const u = units.find((x) => x.code === '4601');
    assert.equal(u.value, r.comparison.diff_from_median.M1);
    // Tooltips name the KOSTRA group, and the difference agrees with the rounded figures shown.
    const tooltip = await page.evaluate(() => {
      const { chart, order } = document.getElementById('map-canvas').arsverkMap;
      const i = order.findIndex((item) => item.code === '4601');
      return chart.options.plugins.tooltip.callbacks.label({ dataIndex: i });
    });
    const group = find('kostragruppe', r.kostragruppe, 2024);
    // Its place by the figures as shown, with those sharing it.
    const shared = r.comparison.rank_shared.M1;
    const place = `nr. ${r.comparison.rank_shown.M1} av ${r.comparison.n} i ${group.name}${!shared ? '' : shared === 1 ? ' (delt med én annen)' : ` (delt med ${shared} andre)`}`;
    assert.ok(tooltip.includes(place), `${place} in ${tooltip.join(' | ')}`);
    const nb1 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const tenths = (text) => Math.round(Number(text.replace('−', '-').replace(',', '.')) * 10);
    const diff = (tenths(r.display.M1) - tenths(nb1.format(r.comparison.median.M1))) / 10;
    const signed = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    assert.ok(tooltip[0].startsWith(`${signed.format(diff)} fra medianen (${r.display.M1} mot median ${nb1.format(r.comparison.median.M1)})`), tooltip[0]);
    // Oslo has figures, but no one in its KOSTRA group to differ from: the summary counts it apart,
    // and sends the reader to the note on its districts, where the reason is (not to its shape on the map).
    assert.equal(find('kommune', '0301', 2024).comparison.coverage.reason, 'alone');
    assert.match(await page.textContent('#map-summary'), / Oslo - Oslove har tall, men ingen forskjell fra medianen i KOSTRA-gruppen \(grunnen står under «Bydelene i Oslo»\)\.$/);
    assert.equal(await page.textContent('.map-oslo .map-caption'), 'Bydelene i Oslo');
    // Nor have its districts: the grey inset says why, in both languages, and only on this map.
    const osloNote = '#map-oslo-note';
    assert.equal(await page.textContent(osloNote), 'Bydelene er grå: de hører ikke til noen KOSTRA-gruppe, og Oslo er den eneste kommunen '
      + 'i KOSTRA-gruppe 13, så det er ingen median å regne forskjellen fra.');
    assert.ok(await page.isVisible(osloNote));
    await afterMap(() => page.click('#lang-button'));
    assert.equal(await page.textContent(osloNote), 'The districts are grey: they belong to no KOSTRA group, and Oslo is the only municipality '
      + 'in KOSTRA group 13, so there is no median to take the difference from.');
    assert.match(await page.textContent('#map-summary'), / Oslo - Oslove has figures, but no difference from the KOSTRA group median \(the reason is given under “Oslo’s districts”\)\.$/);
    assert.equal(await page.textContent('.map-oslo .map-caption'), 'Oslo’s districts');
    await afterMap(() => page.click('#lang-button'));
    await afterMap(() => page.check('#map-mode-rate'));
    assert.ok(await page.isHidden(osloNote));
    // Every municipality of the map is counted: with figures, without any in the files, left out.
    const results2024 = expected.results.filter((r) => r.level === 'kommune' && r.year === 2024);
    const withFigures = results2024.filter((r) => !r.suppressed).length;
    const without = 357 - results2024.length;
    assert.ok(without > 0);
    assert.match(await page.textContent('#map-summary'), new RegExp(`: ${withFigures} av 357 har tall\\..* ${without} har ingen tall for 2024 i filene\\. ${results2024.length - withFigures} kommuner er holdt utenfor`));
    await afterMap(() => page.check('#map-mode-diff'));
    await page.screenshot({ path: join(ARTIFACTS, 'map-02-2024-diff.png'), fullPage: true });

    // 2025 has carried-forward units (none cross the 2023/2024 break).
    await afterMap(() => page.selectOption('#year-select', '2025'));
    // The carried-forward swatch is dotted on this scale's neutral middle, not on a blue.
    const swatch = await page.evaluate(() => {
      const item = [...document.querySelectorAll('#map-legend li')].find((li) => /ført videre/.test(li.textContent));
      const [r, g, b] = item.querySelector('canvas').getContext('2d').getImageData(2, 2, 1, 1).data;
      return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
    });
    assert.equal(swatch, PUOR[2]);

    // Counties have no KOSTRA median: that colouring is not offered for them (it drew a grey map),
    // choosing counties goes back to the rate and says why, and the municipalities bring the
    // difference back.
    assert.ok(await page.isHidden('#map-mode-note'));
    await afterMap(() => page.check('#map-level-fylke'));
    assert.ok(await page.isChecked('#map-mode-rate'));
    assert.ok(await page.isDisabled('#map-mode-diff'));
    assert.equal(await page.textContent('#map-mode-note'), 'Fylkene hører ikke til noen KOSTRA-gruppe, så de fargelegges etter årsverk.');
    assert.ok(await page.isVisible('#map-mode-note'));
    assert.match(await page.textContent('#map-summary'), /^Kartet viser M1 for fylkene i 2025/);
    await afterMap(() => page.check('#map-level-kommune'));
    assert.ok(await page.isEnabled('#map-mode-diff'));
    assert.ok(await page.isChecked('#map-mode-diff'));
    assert.ok(await page.isHidden('#map-mode-note'));
    assert.match(await page.textContent('#map-summary'), /^Kartet viser forskjellen fra medianen i KOSTRA-gruppen/);
  });

  test('the 2023 data year uses the 2020–2023 boundaries; the county view draws the counties', async () => {
    await exampleWithMap();
    // Another year or level: the chart shown is updated in place, not made anew.
    await page.evaluate(() => { window.mapChartShown = document.getElementById('map-canvas').arsverkMap.chart; });
    const sameChart = () => page.evaluate(() => document.getElementById('map-canvas').arsverkMap.chart === window.mapChartShown);
    await afterMap(() => page.selectOption('#year-select', '2023'));
    assert.equal(await page.getAttribute('#map-root', 'data-structure'), 'kommuner_2020_2023.geojson');
    assert.ok(await sameChart(), 'the map is updated in place');
    const { units } = await drawn();
    assert.equal(units.length, 356);
    assert.ok(units.some((u) => u.code === '3005'), 'Drammen 3005 (2020–2023)');
    assert.ok(!units.some((u) => u.code === '3301'));
    const withData = units.filter((u) => u.value != null);
    assert.ok(withData.length > 340);
    for (const u of withData.slice(0, 20)) assert.equal(u.value, find('kommune', u.code, 2023).per_1000.M1);
    assert.ok(requests.some((u) => u.endsWith('/geo/kommuner_2020_2023.geojson')));
    await page.screenshot({ path: join(ARTIFACTS, 'map-03-2023.png'), fullPage: true });

    await afterMap(() => page.check('#map-level-fylke'));
    assert.equal(await page.getAttribute('#map-root', 'data-structure'), 'fylker_2020_2023.geojson');
    assert.equal((await drawn()).units.length, 11);
    assert.ok(await sameChart(), 'the map is updated in place');
    await afterMap(() => page.selectOption('#year-select', '2025'));
    const fylker = await drawn();
    assert.equal(fylker.units.length, 15);
    for (const u of fylker.units) assert.equal(u.value, find('fylke', u.code, 2025).per_1000.M1, `fylke ${u.code}`);
    assert.deepEqual(fylker.scheme.breaks, coreBreaks(2025, 'fylke', 'rate', 'M1'));
    for (let i = 1; i < fylker.scheme.breaks.length; i++) assert.ok(fylker.scheme.breaks[i] - fylker.scheme.breaks[i - 1] >= 0.2 - 1e-9);
    assert.match(await page.textContent('#map-method'), /verdiene på kartet \(fylker\)/);
    await page.locator('#map-root').screenshot({ path: join(ARTIFACTS, 'map-05-fylker-2025.png') });
    assert.ok(await page.isHidden('.map-oslo'));
    await afterMap(() => page.check('#map-level-kommune'));
  });

  // The core drops a quintile too close to the one before (or not above the lowest value): the
  // counties' M1 of 2025 has four classes, the municipalities' M4 two, the counties' M4 of 2024 one.
  test('the method under the legend calls the classes quintiles only when there are five', async () => {
    await exampleWithMap();
    const cases = [
      { year: '2025', level: 'kommune', measure: 'M1', nb: /^Klassene er kvintiler \(20, 40, 60 og 80\u00a0%\)/, en: /^The classes are quintiles \(20, 40, 60 and 80\u00a0%\)/ },
      { year: '2025', level: 'fylke', measure: 'M1', nb: /^Kartet har bare fire klasser: verdiene er for like til fem\. Grensene er 20-, 40-, 60- og 80-prosentilen av verdiene på kartet \(fylker\)/, en: /^The map has only four classes: the values are too alike for five\. The breaks are the 20th, 40th, 60th and 80th percentiles of the values on the map \(counties\)/ },
      { year: '2025', level: 'kommune', measure: 'M4', nb: /^Kartet har bare to klasser: .* uten dem som ikke ligger over den laveste verdien/, en: /^The map has only two classes: .* leaving out any that is not above the lowest value/ },
      { year: '2024', level: 'fylke', measure: 'M4', nb: /^Én klasse for alle verdiene på kartet \(fylker\)/, en: /^One class for all the values on the map \(counties\)/ },
    ];
    for (const lang of ['nb', 'en']) {
      for (const c of cases) {
        if (await page.inputValue('#year-select') !== c.year) await afterMap(() => page.selectOption('#year-select', c.year));
        if (!await page.isChecked(`#map-level-${c.level}`)) await afterMap(() => page.check(`#map-level-${c.level}`));
        if (await page.inputValue('#measure-select') !== c.measure) await afterMap(() => page.selectOption('#measure-select', c.measure));
        const classes = coreBreaks(Number(c.year), c.level, 'rate', c.measure).length + 1;
        const where = `${lang}, ${c.year}, ${c.level}, ${c.measure}: ${classes} classes`;
        assert.equal((await drawn()).scheme.colors.length, classes, where);
        const method = await page.textContent('#map-method');
        assert.match(method, c[lang], where);
        if (classes < 5) assert.doesNotMatch(method, /kvintil|quintile/i, where);
        await page.locator('#map-root').screenshot({ path: join(ARTIFACTS, `map-06-method-${lang}-${c.level}-${c.measure}-${c.year}.png`) });
      }
      await afterMap(() => page.click('#lang-button'));
    }
    assert.deepEqual(cases.map((c) => coreBreaks(Number(c.year), c.level, 'rate', c.measure).length + 1), [5, 4, 2, 1]);
  });

  test('the summary counts every unit: too few figures for the measure, a county on too few municipalities', async () => {
    await calculator.open();
    // Halden with every category, Moss with the total alone: Moss has M1 but no M2.
    const csv = 'kommunenummer;år;a;b;c;d;e;Totalt\n3101;2024;20;40;10;15;5;\n3103;2024;;;;;;60\n';
    await whenRendered(page, () => page.setInputFiles('#file-input', { name: 'to_kommuner.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }));
    await afterMap(() => page.click('#map-details > summary'));
    await afterMap(() => page.selectOption('#measure-select', 'M2'));
    assert.match(await page.textContent('#map-summary'), /^Kartet viser M2 for kommunene i 2024: 1 av 357 har tall\..* 355 har ingen tall for 2024 i filene\. 1 har tall, men ikke nok til M2\./);
    await afterMap(() => page.check('#map-level-fylke'));
    assert.match(await page.textContent('#map-summary'), /^Ingen av fylkene har tall for 2024\. 1 har for få kommuner med tall til et eget tall\.$/);
    await afterMap(() => page.check('#map-level-kommune'));
  });

  test('the map downloads as a PNG', async () => {
    await exampleWithMap();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.map-main button')]);
    assert.match(download.suggestedFilename(), /^arsverk_kart_kommune_rate_M1_2025\.png$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(bytes.length > 20000);
    // In English its name is English too.
    await afterMap(() => page.click('#lang-button'));
    const [english] = await Promise.all([page.waitForEvent('download'), page.click('.map-main button')]);
    assert.equal(english.suggestedFilename(), 'fte_map_kommune_rate_M1_2025.png');
    await afterMap(() => page.click('#lang-button'));
  });

  test('with the map open: English texts, no serious accessibility findings, nothing from elsewhere', async () => {
    await exampleWithMap();
    await afterMap(() => page.click('#lang-button'));
    assert.match(await page.textContent('#map-summary'), /Highest: .+\. Lowest: /);
    await afterMap(() => page.click('#lang-button'));
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
    await page.screenshot({ path: join(ARTIFACTS, 'map-04-final.png'), fullPage: true });
  });
});
