// What three first-time users (a municipal adviser, a journalist, a teacher)
// still tripped over — charts cut off in print, a map PNG that did not say what it shows, no
// yardstick for the newest year, focus left behind, controls shown while off, a phone table without
// figures, a ten-page print, two Herøys, M1–M4 unexplained, a typed form lost, and smaller things.
// Every figure checked is the native CLI's. Screenshots: test-artifacts/web/walks-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { downloadPng, openCalculator, whenRendered } from './browser.mjs';
import { root } from '../wasm/lib.mjs';
import { shownCli as cli, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const HALDEN_2025 = 'tests/data/web/arsverk_halden_2025.csv';
const REFERENCE = 'tests/data/web/referanse_kostra10_2024.csv';
// The printed page (web/print.css): A4 less 12 mm margins each side, in CSS pixels.
const PRINT_WIDTH = (186 / 25.4) * 96;

let calculator;
let page;

const rendered = (action) => whenRendered(page, action);
const shot = (name, options = {}) => page.screenshot({ path: join(ARTIFACTS, `walks-${name}.png`), ...options });

async function fresh(size = DESKTOP, hash = '') {
  await page.setViewportSize(size);
  await page.goto('about:blank');
  await page.goto(`${calculator.origin}/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
}

async function example(unit = '3101') {
  await rendered(() => page.click('#example-button'));
  await chooseUnit(unit);
}

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await rendered(() => page.press('#unit-input', 'Enter'));
}

async function load(files) {
  await rendered(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
}

// What was written on canvases while `action` ran (the PNGs' texts are drawn, not in the page).
async function drawnTexts(action) {
  await page.evaluate(() => {
    window.drawn = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawn.push(String(text));
      return fill.call(this, text, ...rest);
    };
  });
  const result = await action();
  return { result, texts: await page.evaluate(() => window.drawn) };
}

const download = (selector) => downloadPng(page, selector);

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root);
  page = calculator.page;
});

after(async () => {
  await calculator?.close();
});

describe('print keeps the charts and a national file prints in a few pages', () => {
  test('before printing every chart is drawn for its place on A4, and for the screen again after', async () => {
    await fresh(DESKTOP);
    await example('3101');
    // Every canvas drawn (the first visit loads Chart.js after the figures are shown).
    await page.waitForFunction(() => [...document.querySelectorAll('#charts .chart')].every((f) => !f.hasAttribute('aria-busy') && f.querySelector('canvas').arsverkChart), null, { timeout: 60000 });
    const widths = () => page.evaluate(() => [...document.querySelectorAll('#charts .chart')].map((f) => ({
      key: f.dataset.chart, wide: f.classList.contains('wide'), width: f.querySelector('canvas').arsverkChart.width,
      box: f.querySelector('.chart-box').clientWidth })));
    const screen = await widths();
    assert.ok(screen.some((c) => c.width > PRINT_WIDTH / 2), 'on a desktop the charts are wider than half an A4 page');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    for (const c of await widths()) {
      const room = c.wide ? PRINT_WIDTH : PRINT_WIDTH / 2;
      assert.ok(c.width <= room, `${c.key}: drawn ${c.width} px wide for ${Math.round(room)} px on paper`);
    }
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round(PRINT_WIDTH), height: 1100 });
    await shot('print-charts', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // Back on screen the charts follow their boxes again (Chart.js resizes with them).
    await page.waitForFunction(() => [...document.querySelectorAll('#charts .chart')].every((f) =>
      Math.abs(f.querySelector('canvas').arsverkChart.width - f.querySelector('.chart-box').clientWidth) <= 1), null, { timeout: 10000 }).catch(() => {});
    for (const c of await widths()) assert.ok(Math.abs(c.width - c.box) <= 1, `${c.key}: ${c.width} px for a ${c.box} px box after printing`);
  });

  test('a national file: the printout has only the unit\'s county and KOSTRA group, or no table, and says what it leaves out', async () => {
    const rows = () => page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
    const total = Number((await page.textContent('#results-table caption')).match(/([\d\s]+) enheter i tabellen/)[1].replace(/\s/g, ''));
    assert.ok(total > 300, `${total} units in the table`);
    assert.equal((await rows()).length, 50, 'a page of them on screen');
    assert.ok(await page.isChecked('#print-table-near'), 'a long table prints only the nearest by default');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await rows();
    assert.ok(printed.length < 60 && printed.length > 5, `${printed.length} rows printed`);
    assert.ok(printed.includes('kommune:3101') && printed.includes('fylke:31') && printed.includes('kostragruppe:EKG10') && printed.includes('land:0'));
    const note = await page.textContent('#print-table-note');
    assert.match(note, new RegExp(`bare ${printed.length} av ${total} enheter: landet, Østfold, KOSTRA-gruppe 10 og kommunene i dem`));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('#print-table-note'));
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal((await rows()).length, 50, 'the screen has its page of the table again');
    assert.equal(await page.textContent('#print-table-note'), '');

    await page.check('#print-table-none');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isHidden('#results-table-wrap'));
    assert.ok(await page.isHidden('#flag-legend'), 'no legend of a table not printed');
    assert.match(await page.textContent('#print-table-note'), new RegExp(`alle ${total} enheter er ikke med i utskriften`));
    await page.pdf({ path: join(ARTIFACTS, 'walks-print-national.pdf') });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.ok(await page.isVisible('#results-table-wrap'));
    await page.check('#print-table-all');
  });

  test('printed from a phone: the page laid out for A4 keeps the printed table, not the screen\'s page of it', async () => {
    await fresh(PHONE);
    await example('3101');
    await page.check('#print-table-near');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 }); // wider than the phone's table: its media query changes
    await page.waitForTimeout(200);
    assert.deepEqual(await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key)), printed);
    assert.match(await page.textContent('#print-table-note'), new RegExp(`bare ${printed.length} av`));
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PHONE);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });

  test('a chart drawn while printing (another unit chosen after «Skriv ut») is fitted to the paper too', async () => {
    await fresh(DESKTOP);
    await example('3101');
    await page.waitForFunction(() => [...document.querySelectorAll('#charts .chart')].every((f) => !f.hasAttribute('aria-busy') && f.querySelector('canvas').arsverkChart), null, { timeout: 60000 });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // Moss's breakdowns are not in hand: its charts are planned and drawn after the print began.
    await chooseUnit('3103');
    const drawn = await page.evaluate(() => [...document.querySelectorAll('#charts .chart')].map((f) => ({
      key: f.dataset.chart, wide: f.classList.contains('wide'), width: f.querySelector('canvas').arsverkChart?.width })));
    assert.ok(drawn.length > 0);
    for (const c of drawn) {
      const room = c.wide ? PRINT_WIDTH : PRINT_WIDTH / 2;
      assert.ok(c.width <= room, `${c.key}: drawn ${c.width} px wide for ${Math.round(room)} px on paper`);
    }
    // The table rendered with the new unit is the printout's too: Moss's nearest, counted as such.
    await page.waitForTimeout(500); // what is made after the paint
    const printed = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
    assert.ok(printed.includes('kommune:3103') && printed.length < 60, `${printed.length} rows printed`);
    assert.match(await page.textContent('#results-table caption'), new RegExp(`\\b${printed.length} enheter i tabellen`));
    assert.match(await page.textContent('#print-table-note'), new RegExp(`bare ${printed.length} av \\d+ enheter`));
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });
});

describe('the map PNG says what it shows, at a fixed size', () => {
  test('on a phone and a desktop: 1 200 px wide, with the example-data label, the files and Kartverket', async () => {
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      if (!(await page.evaluate(() => document.getElementById('map-details').open))) await page.click('#map-details > summary');
      await page.waitForFunction(() => Number(document.getElementById('map-root').dataset.rendered || 0) > 0, null, { timeout: 60000 });
      const { result: png, texts } = await drawnTexts(() => download('.map-main button'));
      assert.equal(png.name, 'arsverk_kart_kommune_rate_M1_2025.png');
      assert.equal(png.width, 1200, `${png.width} px wide at ${size.width} px`);
      const all = texts.join('\n');
      assert.match(all, /Syntetiske eksempeldata/);
      assert.match(all, /eksempel_arsverk_2024_2025\.csv/);
      assert.match(all, /© Kartverket/);
      assert.match(all, /Kart over kommunene/);
      assert.match(all, /M1 Alle årsverk, 2025/);
    }
  });
});

describe('a yardstick for the newest year', () => {
  test('an own 2025 file: Norway\'s published 2024 figure, labelled with its year, in the table and the chart', async () => {
    await fresh(DESKTOP);
    await load([HALDEN_2025]);
    const expected = find(cli([HALDEN_2025]), 'land', '0', 2025).published_latest;
    assert.equal(expected.year, 2024);
    const land = await page.$$eval('#compare-table td[data-col="land"]', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(land, ['M1', 'M2', 'M3', 'M4'].map((m) => (expected.display[m] ? `publ. 2024: ${expected.display[m]}` : '–')));
    const labels = await page.evaluate(() => document.querySelector('[data-chart="sammenligning"] canvas').arsverkChart.data.datasets.map((d) => d.label));
    assert.ok(labels.includes('Publisert 2024: Hele landet'), labels.join(' | '));
    await shot('yardstick-2025', { fullPage: false });
    await page.locator('#key-figures').screenshot({ path: join(ARTIFACTS, 'walks-yardstick-2025-keyfigures.png') });
  });

  test('a median resting on a reference file of another year says that year', async () => {
    await rendered(() => page.setInputFiles('#file-input', [join(root, REFERENCE)]));
    const unit = find(cli([HALDEN_2025, REFERENCE]), 'kommune', '3101', 2025);
    assert.equal(unit.comparison.coverage.reference_year, 2024);
    const headers = await page.$$eval('#compare-table thead th', (ths) => ths.map((th) => th.textContent));
    assert.ok(headers.includes('Median i gruppen (med publiserte tall fra 2024)'), headers.join(' | '));
    assert.match(await page.textContent('#key-figures .card[data-measure="M1"] .card-sub'), /Median i gruppen \(med publiserte tall fra 2024\)/);
  });
});

describe('focus follows the result', () => {
  test('Enter on «Prøv med eksempeldata» takes the focus to the result; the next Tab goes on into it', async () => {
    await fresh(DESKTOP);
    await page.focus('#example-button');
    await rendered(() => page.keyboard.press('Enter'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('result-section').contains(document.activeElement)),
      await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)));
  });
});

describe('the form', () => {
  test('the service-category controls are hidden while «Fordel på tjenestekategorier» is off', async () => {
    await fresh(DESKTOP);
    await page.click('#grid-details summary');
    assert.ok(await page.isHidden('#grid-services'));
    await page.check('#grid-by-service');
    assert.ok(await page.isVisible('#grid-services'));
    await page.uncheck('#grid-by-service');
    assert.ok(await page.isHidden('#grid-services'));
  });

  test('«heroy» offers both Herøys with their county, in the form and in the chooser', async () => {
    await page.fill('#grid-unit', 'heroy');
    await page.press('#grid-unit', 'Enter');
    const offered = await page.$$eval('#grid-unit-choices button', (bs) => bs.map((b) => b.textContent));
    assert.deepEqual(offered, ['1515 Herøy (Møre og Romsdal)', '1818 Herøy (Nordland)']);
    assert.ok(await page.isHidden('#grid-unit-error'));
    await page.click('#grid-unit-choices button[data-code="1818"]');
    assert.equal(await page.inputValue('#grid-unit'), '1818 Herøy (Nordland)');
    assert.ok(await page.isHidden('#grid-unit-choices'));
    await page.click('#grid-details summary');

    await example('3101');
    await page.fill('#unit-input', 'xyzzy');
    await page.press('#unit-input', 'Enter');
    assert.match(await page.textContent('#unit-error'), /xyzzy/);
    for (const query of ['Herøy', 'heroy']) {
      await page.fill('#unit-input', query);
      await page.press('#unit-input', 'Enter');
      const choices = await page.$$eval('#unit-choices button', (bs) => bs.map((b) => b.textContent));
      assert.deepEqual(choices, ['1515 Herøy (Møre og Romsdal, kommune)', '1818 Herøy (Nordland, kommune)'], query);
      assert.match(await page.textContent('#key-heading'), /^Halden/, 'nothing is chosen silently');
      assert.ok(await page.isHidden('#unit-error'), 'the search before that found nothing: its message goes');
    }
    await page.fill('#unit-input', 'xyzzy');
    await page.press('#unit-input', 'Enter');
    assert.ok(await page.isHidden('#unit-choices'), 'a search that finds nothing: the units offered before go');
    await page.fill('#unit-input', 'heroy');
    await page.press('#unit-input', 'Enter');
    await page.locator('.choose-grid').screenshot({ path: join(ARTIFACTS, 'walks-heroy.png') });
    await rendered(() => page.click('#unit-choices button[data-key="kommune:1818"]'));
    assert.match(await page.textContent('#key-heading'), /^Herøy \(Nordland\)/);
    assert.ok(await page.isHidden('#unit-choices'));
  });

  test('a typed form: a warning before leaving until it is saved, and a draft only when asked for', async () => {
    await fresh(DESKTOP);
    const leaving = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    const kept = () => page.evaluate(() => localStorage.getItem('arsverk.skjema.utkast'));
    assert.equal(await leaving(), false, 'an empty form is not held');
    await page.click('#grid-details summary');
    await page.fill('#grid-unit', '3101');
    await page.press('#grid-unit', 'Enter');
    await rendered(() => page.fill('.grid-cell[data-group="voksne"][data-col="a"]', '22,5'));
    assert.equal(await leaving(), true, 'typed figures not saved: the browser asks first');
    assert.equal(await kept(), null, 'nothing is stored unless asked');
    await Promise.all([page.waitForEvent('download'), page.click('#grid-save')]);
    assert.equal(await leaving(), false, 'saved as CSV');
    await rendered(() => page.fill('.grid-cell[data-group="voksne"][data-col="b"]', '40'));
    assert.equal(await leaving(), true, 'changed since it was saved');

    await page.check('#grid-keep-draft');
    assert.equal(await leaving(), false, 'kept as a draft');
    assert.match(await kept(), /22,5/);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.waitForFunction(() => document.getElementById('grid-result')?.textContent.includes('Halden'), null, { timeout: 30000 });
    // The reload keeps the view in the address; the draft brings its figures, so no note asks for files.
    assert.ok(await page.isHidden('#link-note'), 'no «add the same files» note over a kept draft');
    await page.click('#grid-details summary');
    assert.equal(await page.inputValue('.grid-cell[data-group="voksne"][data-col="b"]'), '40');
    assert.equal(await page.inputValue('#grid-unit'), '3101 Halden');
    assert.ok(await page.isChecked('#grid-keep-draft'));
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'walks-draft.png') });
    await page.uncheck('#grid-keep-draft');
    assert.equal(await kept(), null, 'unticked: the draft is deleted');
    assert.equal(await leaving(), true);
  });
});

describe('a phone', () => {
  test('the results table shows name and the chosen measure first, the county by name; the link confirmation is in view', async () => {
    await fresh(PHONE);
    await example('3101');
    const headers = await page.$$eval('#results-table thead th', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headers.slice(0, 2), ['Navn', 'M1']);
    const halden = find(cli(['data/example/eksempel_arsverk_2023.csv', 'data/example/eksempel_arsverk_2024_2025.csv']), 'kommune', '3101', 2025);
    assert.equal(await page.textContent('#results-table tr[data-key="kommune:3101"] td[data-col="M1"]'), halden.display.M1);
    assert.equal(await page.textContent('#results-table tr[data-key="kommune:3101"] td[data-col="fylke"]'), 'Østfold');
    const m1 = await page.$eval('#results-table tr[data-key="kommune:3101"] td[data-col="M1"]', (td) => td.getBoundingClientRect().right);
    assert.ok(m1 <= PHONE.width, `M1 ends at ${m1} px`);
    await page.selectOption('#measure-select', 'M3');
    assert.deepEqual((await page.$$eval('#results-table thead th', (ths) => ths.map((th) => th.textContent))).slice(0, 2), ['Navn', 'M3']);
    await page.selectOption('#measure-select', 'M1');
    await page.locator('#results-table-wrap').screenshot({ path: join(ARTIFACTS, 'walks-phone-table.png') });

    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('link-copied').textContent !== '');
    const box = await page.$eval('#link-copied', (p) => p.getBoundingClientRect().toJSON());
    assert.ok(box.top >= 0 && box.bottom <= PHONE.height, `the confirmation is at ${box.top}–${box.bottom} px`);
    await shot('phone-copied');
  });

  test('a link made from own files names the unit and the files, at the top of a phone\'s screen', async () => {
    await fresh(DESKTOP);
    await load([HALDEN_2025]);
    const hash = await page.evaluate(() => window.location.hash);
    assert.match(hash, /navn=Halden/);
    assert.match(hash, /filer=arsverk_halden_2025\.csv/);
    await fresh(PHONE, hash);
    assert.equal(await page.textContent('#link-note'),
      'Lenken viser kommune 3101 Halden, 2025, regnet ut fra arsverk_halden_2025.csv. Tallene er ikke i lenken: legg inn de samme filene, så vises de.');
    const box = await page.$eval('#link-note', (p) => p.getBoundingClientRect().toJSON());
    assert.ok(box.bottom <= PHONE.height, `the note ends at ${box.bottom} px`);
    await shot('phone-link-note');
    await load([HALDEN_2025]);
    assert.ok(await page.isHidden('#link-note'), 'gone once the files are there');
  });
});

describe('M1–M4 explained for students', () => {
  test('what an FTE is, what counts and what not, why M4 is d, what the figure can and cannot tell — in both languages', async () => {
    await fresh(DESKTOP);
    await example('3101');
    await page.click('#explain > summary');
    const nb = await page.textContent('#explain-plain');
    for (const word of [/Et årsverk er én full stilling/, /demens/, /psykisk utviklingshemming/, /forebyggende/, /M4 er ikke en del av M3/, /kan sammenlignes over tid/, /ikke noe tall kommunen skal nå/]) assert.match(nb, word);
    await page.locator('#explain').screenshot({ path: join(ARTIFACTS, 'walks-explain-nb.png') });
    await rendered(() => page.click('#lang-button'));
    const en = await page.textContent('#explain-plain');
    for (const word of [/An FTE .* is one full-time job/, /dementia/, /intellectual disabilities/, /prevention/, /M4 is not a part of M3/, /compared over time/, /no target figure/]) assert.match(en, word);
    assert.doesNotMatch(en, /[æøåÆØÅ]/);
    await rendered(() => page.click('#lang-button'));
    // 2023's figures are explained by 2023's measures, not first by 2024's letters.
    await rendered(() => page.selectOption('#year-select', '2023'));
    if (!(await page.$eval('#explain', (d) => d.open))) await page.click('#explain > summary');
    const nb2023 = await page.textContent('#explain-plain');
    assert.match(nb2023, /M2, M3 og M4 er deler av dem, hver inne i den forrige/);
    assert.match(nb2023, /Slik var målene delt til og med 2023\./);
    assert.doesNotMatch(nb2023, /a \+ b|M4 er ikke en del av M3/);
  });
});

describe('smaller things', () => {
  test('the language switched before any file: the status says ready in the new language, not «starting»', async () => {
    await fresh(DESKTOP);
    const ready = { nb: 'Klar. Legg inn filer eller prøv eksempeldataene.', en: 'Ready. Add files or try the example data.' };
    for (let i = 0; i < 2; i++) {
      const before = await page.evaluate(() => document.documentElement.lang);
      await page.click('#lang-button');
      // The page's lang attribute follows after the paint (web/src/i18n.js, setLang).
      await page.waitForFunction((was) => document.documentElement.lang !== was, before);
      const lang = await page.evaluate(() => document.documentElement.lang);
      assert.equal(await page.textContent('#status'), ready[lang.startsWith('en') ? 'en' : 'nb']);
    }
  });

  test('own files after the example data replace it: Halden is its own file\'s figures, not the two added together', async () => {
    await fresh(DESKTOP);
    await example('3101');
    await load([HALDEN_2025]);
    const files = await page.$$eval('#file-panel li.file', (els) => els.map((e) => e.dataset.file));
    assert.deepEqual(files, ['arsverk_halden_2025.csv']);
    assert.match(await page.textContent('#status'), /Eksempeldataene er tatt bort/);
    const own = find(cli([join(root, HALDEN_2025)]), 'kommune', '3101', 2025);
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    const m1 = await page.textContent('#key-figures .cards .value[data-measure="M1"]');
    assert.equal(m1.trim(), own.display.M1);
  });

  test('an own file after the example data opens on its own municipality, not on the example\'s view of Norway', async () => {
    await fresh(DESKTOP);
    await rendered(() => page.click('#example-button'));
    assert.match(await page.inputValue('#unit-input'), /Hele landet$/, 'the example opens on Norway');
    await load([HALDEN_2025]);
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    assert.match(await page.textContent('#key-figures h3, #key-figures h2'), /Halden/);
    // The table is not left filtered to municipalities as the example's ranking had it.
    assert.equal(await page.inputValue('#filter-level'), '');
    // One year's time series: its point stands in the middle, not on the value axis.
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tidsserie"]:not([aria-busy]) canvas')?.arsverkChart);
    const point = await page.$eval('#charts figure[data-chart="tidsserie"] canvas', (c) => {
      const chart = c.arsverkChart;
      const { left, right } = chart.chartArea;
      return (chart.getDatasetMeta(0).data[0].x - left) / (right - left);
    });
    assert.ok(point > 0.4 && point < 0.6, `the one year at ${Math.round(point * 100)} % of the axis`);
    // Emptied and given a file again, the page opens on that file's municipality too.
    await rendered(() => page.click('#example-button'));
    await rendered(() => page.click('#clear-button'));
    await load([HALDEN_2025]);
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
  });

  test('a corrected file dropped again under the same name takes the old one\'s place', async () => {
    await fresh(DESKTOP);
    // The file with the typing slip (a ×10 in category a), saved under the name of the right one.
    const slip = { name: 'arsverk_halden_2025.csv', mimeType: 'text/csv', buffer: readFileSync(join(root, 'tests/data/web/arsverk_halden_2025_a_tidobbel.csv')) };
    await rendered(() => page.setInputFiles('#file-input', [slip]));
    const wrong = find(cli([join(root, 'tests/data/web/arsverk_halden_2025_a_tidobbel.csv')]), 'kommune', '3101', 2025);
    const right = find(cli([join(root, HALDEN_2025)]), 'kommune', '3101', 2025);
    assert.notEqual(wrong.display.M1, right.display.M1);
    const m1 = () => page.textContent('#key-figures .cards .value[data-measure="M1"]').then((s) => s.trim());
    assert.equal(await m1(), wrong.display.M1);
    await load([HALDEN_2025]);
    const files = await page.$$eval('#file-panel li.file', (els) => els.map((e) => e.dataset.file));
    assert.deepEqual(files, ['arsverk_halden_2025.csv']);
    assert.equal(await m1(), right.display.M1);
    assert.match(await page.textContent('#status'), /arsverk_halden_2025\.csv er byttet ut med filen med samme navn som du la inn nå\./);
  });

  test('a file with errors brought into view: the heading «Filer» is not under the sticky status bar', async () => {
    await fresh(DESKTOP);
    await load(['tests/data/web/arsverk_feil_linje4.csv', HALDEN_2025]);
    const [bar, heading] = await page.evaluate(() => [document.querySelector('.status-bar').getBoundingClientRect().bottom,
      document.getElementById('files-heading').getBoundingClientRect().top]);
    assert.ok(heading >= bar, `«Filer» at ${heading} px, the status bar down to ${bar} px`);
    assert.ok(await page.isVisible('#file-panel li.file[data-file="arsverk_feil_linje4.csv"] li.message[data-severity="error"]'));
    await shot('errors-in-view');
  });

  test('a message about the typed-in form names the form and its cell, not a made-up CSV file', async () => {
    await fresh(DESKTOP);
    await page.click('#grid-details summary');
    // The year's register is fetched when the form opens: the unit is looked up in it.
    await page.waitForFunction(() => [...document.querySelectorAll('#grid-unit-list option')].some((o) => o.value === '3101 Halden'), null, { timeout: 30000 });
    await page.fill('#grid-unit', '3101');
    await page.press('#grid-unit', 'Enter');
    await rendered(() => page.fill('.grid-cell[data-group="voksne"][data-col="c"]', '3x'));
    await page.waitForSelector('.grid-cell[data-group="voksne"][data-col="c"][aria-invalid="true"]', { timeout: 30000 });
    const everywhere = [await page.textContent('#grid-messages'), await page.textContent('#file-panel'), await page.textContent('#status')].join('\n');
    assert.match(await page.textContent('#grid-messages'), /Skjema IS-24\/8 – Voksne, c: /);
    assert.match(await page.textContent('#file-panel'), /Skjema IS-24\/8 for 3101 Halden 2025, Voksne, c: /);
    assert.doesNotMatch(everywhere, /skjema_3101_2025\.csv|[Ll]inje 2/);
    await page.locator('#grid-details').screenshot({ path: join(ARTIFACTS, 'walks-form-message.png') });
    await rendered(() => page.fill('.grid-cell[data-group="voksne"][data-col="c"]', ''));
  });

  test('plurals in the printout: one unit is «1 enhet»', async () => {
    await fresh(DESKTOP);
    await load([HALDEN_2025]);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const summary = await page.textContent('#print-summary');
    assert.match(summary, /1 enhet fra SSBs tall/);
    assert.doesNotMatch(summary, /\b1 enheter|\b1 advarsler|\b1 units/);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  });

  test('cells pasted without a header row, in the form\'s columns, are offered to be read so', async () => {
    await page.click('#paste-details summary');
    await page.fill('#paste-text', '3101\t2025\tvoksne\t22,50\t40\t8\t3,60\t2\n3101\t2025\tbarn og unge\t2\t6\t1\t1\t0\n');
    await page.click('#paste-button');
    await page.waitForSelector('#paste-offer:not([hidden])', { timeout: 60000 })
      .catch(async (err) => { throw new Error(`${err.message}; status: ${await page.textContent('#status')}`); });
    assert.match(await page.textContent('#paste-offer-text'), /ingen overskriftsrad, men 8 kolonner/);
    await page.locator('#paste-details').screenshot({ path: join(ARTIFACTS, 'walks-paste-offer.png') });
    await rendered(() => page.click('#paste-offer-button'));
    assert.ok(await page.isHidden('#paste-offer'));
    assert.equal(await page.textContent('#file-panel li.file[data-file="innlimt.tsv"] dd[data-fact="kind"]'), 'Årsverk (med målgruppe)');
    assert.deepEqual(calculator.foreign, []);
    assert.deepEqual(calculator.consoleErrors, []);
  });

  test('cells that cannot be read, pasted over the example data: the example stays, and the error is said', async () => {
    await fresh(DESKTOP);
    await rendered(() => page.click('#example-button'));
    await page.click('#paste-details summary');
    await page.fill('#paste-text', 'hei på deg\nbare noen ord\n');
    await rendered(() => page.click('#paste-button'));
    assert.deepEqual(await page.$$eval('#file-panel li.file', (lis) => lis.map((li) => li.dataset.file)),
      ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv', 'innlimt.tsv']);
    assert.equal(await page.textContent('#status'),
      'Ferdig, men med feil: innlimt.tsv: 1 feil, første på linje 1. Eksempeldataene er beholdt, siden det du la inn ikke kunne leses.');
    assert.match(await page.textContent('#file-panel li.file[data-file="innlimt.tsv"] .message[data-severity="error"]'), /Vi fant ikke kolonnene vi trenger/);
    assert.ok(await page.isVisible('#result-body'), 'the example\'s figures are still shown');
    assert.ok(await page.isVisible('#synthetic-warning'));
    // The text stays in the box, to be corrected.
    assert.equal(await page.inputValue('#paste-text'), 'hei på deg\nbare noen ord\n');
  });

  test('with motion, as most users have it: the paste box slides open, and its button takes the click once open', async () => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    try {
      await fresh(DESKTOP);
      await rendered(() => page.click('#example-button'));
      const heights = page.evaluate(() => new Promise((resolve) => {
        const details = document.getElementById('paste-details');
        details.addEventListener('toggle', () => requestAnimationFrame(() => {
          const first = details.getBoundingClientRect().height;
          setTimeout(() => resolve([first, details.getBoundingClientRect().height]), 1000);
        }), { once: true });
      }));
      await page.click('#paste-details summary');
      const [opening, open] = await heights;
      assert.ok(opening < open, `the box slides open: ${opening} px in its first frame, ${open} px open`);
      // Open when the button is no longer clipped by the box sliding open (a press midway would
      // scroll the box's content under the pointer).
      await page.waitForFunction(() => document.getElementById('paste-button').getBoundingClientRect().bottom
        <= document.getElementById('paste-details').getBoundingClientRect().bottom);
      await page.fill('#paste-text', 'hei på deg\nbare noen ord\n');
      await rendered(() => page.click('#paste-button'));
      assert.match(await page.textContent('#status'), /Eksempeldataene er beholdt/);
    } finally {
      await page.emulateMedia({ reducedMotion: 'reduce' });
    }
  });

  test('cells pasted over the example data: the example goes once they are read in the form\'s columns', async () => {
    await fresh(DESKTOP);
    await rendered(() => page.click('#example-button'));
    await page.click('#paste-details summary');
    await page.fill('#paste-text', '3101\t2025\tvoksne\t22,50\t40\t8\t3,60\t2\n3101\t2025\tbarn og unge\t2\t6\t1\t1\t0\n');
    await page.click('#paste-button');
    await page.waitForSelector('#paste-offer:not([hidden])', { timeout: 60000 });
    // Not read yet (no header row): the example stays until they are.
    assert.match(await page.textContent('#status'), /Eksempeldataene er beholdt/);
    await page.click('#paste-offer-button');
    // (Not whenRendered: the charts of the paste before may still count a render.)
    await page.waitForFunction(() => document.body.dataset.busy === 'false'
      && [...document.querySelectorAll('#file-panel li.file')].map((li) => li.dataset.file).join() === 'innlimt.tsv', null, { timeout: 60000 });
    assert.match(await page.textContent('#status'), /Eksempeldataene er tatt bort/);
    assert.equal(await page.inputValue('#paste-text'), '', 'read: the box is empty');
  });
});
