// Rough edges a first-time user met, each checked where it can fail: a change that did not agree
// with the figures shown, «per 1 000» that broke across lines, a clipped table caption and overlapping chart labels
// on a phone, Norwegian left in English mode, screen-only hints on paper, the map's credits and
// legend, and chart PNGs whose size depended on the screen. Screenshots: test-artifacts/web/firstuse-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { downloadPng, openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { EXAMPLE, shownCli as cli, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let calculator;
let page;
let foreign = [];
let consoleErrors = [];

const report = (settings = {}) => cli(EXAMPLE, settings);
const signed = (digits, locale = 'nb-NO') => new Intl.NumberFormat(locale,
  { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' });

const rendered = (action) => whenRendered(page, action);

// The page opened afresh in `lang` at `size`, with the example data.
async function start(size, lang) {
  await page.setViewportSize(size);
  await calculator.open('/', { lang });
  await rendered(() => page.click('#example-button'));
}

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
  await page.waitForFunction((q) => document.getElementById('key-heading')?.textContent.startsWith(q), query);
}

// The example data in Norwegian at `size`, Kongsberg (3303) chosen.
async function kongsberg(size) {
  await start(size, 'nb');
  await chooseUnit('Kongsberg');
}

// Everything the page writes, the core's messages included.
const pageText = () => page.textContent('body');

const download = (selector) => downloadPng(page, selector);

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root, { open: false });
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('a first-time user on a phone and a desktop', () => {
  test('phone: a change is the difference of the figures as shown, on one line with its percentage', async () => {
    await start(PHONE, 'nb');
    // The first unit is Norway, named once ("0 Hele landet (Landet)" said it twice).
    assert.equal(await page.inputValue('#unit-input'), '0 Hele landet');
    await chooseUnit('Kongsberg');
    assert.equal(await page.inputValue('#unit-input'), '3303 Kongsberg (kommune)');
    const k = find(report(), 'kommune', '3303', 2025);
    const before = find(report(), 'kommune', '3303', 2024);
    // What a reader can check on the page: 2025's figure minus 2024's, both as shown.
    const asShown = (m) => {
      const diff = k.tenths[m] - before.tenths[m];
      return `${signed(1).format(diff / 10)} (${signed(1).format(Math.round(diff / before.tenths[m] * 1000) / 10)}\u00a0%)`;
    };
    const expected = { M1: asShown('M1'), M4: asShown('M4') };
    assert.ok(Object.values(k.change.rounded.per_1000).some((r, i) => r.units !== k.tenths[`M${i + 1}`] - before.tenths[`M${i + 1}`]) ||
      k.change.rounded.per_1000.M4.decimals > 1, 'the fixture has a change whose unrounded figure reads otherwise');
    for (const m of ['M1', 'M4']) {
      assert.ok((await page.textContent(`#key-figures .card[data-measure="${m}"] .card-sub`)).includes(`Endring fra 2024: ${expected[m]}`), m);
      assert.equal(await page.textContent(`#compare-table tr[data-measure="${m}"] td[data-col="change"]`), expected[m]);
    }
    // On the narrow card the figure and its percentage are laid out on one line.
    const lines = await page.$eval('#key-figures .card[data-measure="M4"] .card-sub', (sub, text) => {
      const walker = document.createTreeWalker(sub, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }
      return -1;
    }, expected.M4);
    assert.equal(lines, 1);
    await page.locator('#key-figures .cards').screenshot({ path: join(ARTIFACTS, 'firstuse-phone-cards.png') });
  });

  test('phone: «per 1 000» is written with no-break spaces everywhere the page writes it, the core\'s messages too', async () => {
    await kongsberg(PHONE);
    await page.click('#explain summary');
    const text = await pageText();
    const all = text.match(/per[ \u00a0]1[ \u00a0]000/g) ?? [];
    assert.ok(all.length >= 5, `«per 1 000» ${all.length} times`);
    assert.deepEqual(all.filter((s) => s !== 'per\u00a01\u00a0000'), []);
    assert.doesNotMatch(text, /×[ \u00a0]1 000|1 000 innbyggere/);
    assert.match(text, /årsverk per\u00a01\u00a0000 innbyggere har endret seg/, 'the core\'s check message under the cards');
  });

  test('phone: the comparison table\'s caption stays in view when the table scrolls sideways', async () => {
    await kongsberg(PHONE);
    const scroll = page.locator('.table-scroll:has(#compare-table)');
    assert.ok(await scroll.evaluate((s) => s.scrollWidth > s.clientWidth), 'the table is wider than the phone');
    for (const left of [0, 10000]) {
      await scroll.evaluate((s, x) => { s.scrollLeft = x; }, left);
      const box = await page.$eval('#compare-caption', (c) => {
        const r = c.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      assert.ok(box.left >= 0 && box.right <= PHONE.width, `caption from ${box.left} to ${box.right} px (scrolled to ${left})`);
    }
    await scroll.evaluate((s) => { s.scrollLeft = 0; });
  });

  test('phone: the service chart\'s wrapped labels do not run into each other', async () => {
    await kongsberg(PHONE);
    const k = find(report(), 'kommune', '3303', 2025);
    const services = k.by_service.filter((s) => s.arsverk.M1 > 0).length;
    const figure = page.locator('#charts figure[data-chart="tjenester"]');
    await figure.scrollIntoViewIfNeeded();
    // It draws FTEs, not a rate per 1 000 inhabitants: its title does not name a measure.
    const title = await figure.evaluate((f) => f.querySelector('figcaption, h4, h3')?.textContent ?? '');
    assert.match(title, /Årsverk fordelt på tjenestekategori \(antall/);
    assert.doesNotMatch(title, /M1/);
    // Ink in the labels' column, row by row: each label is one block, apart from the next.
    const blocks = await figure.locator('canvas').evaluate((canvas) => {
      const g = canvas.getContext('2d');
      const width = Math.floor(canvas.width * 0.25);
      const { data } = g.getImageData(0, 0, width, canvas.height);
      const gap = Math.round(9 * (canvas.width / canvas.clientWidth)); // more than between a label's lines
      let count = 0;
      let blank = Infinity;
      for (let y = 0; y < canvas.height; y++) {
        let ink = false;
        for (let x = 0; x < width && !ink; x++) ink = data[(y * width + x) * 4] < 160;
        if (ink && blank >= gap) count++;
        blank = ink ? 0 : blank + 1;
      }
      return count;
    });
    assert.equal(blocks, services);
    await figure.screenshot({ path: join(ARTIFACTS, 'firstuse-phone-services.png') });
  });

  test('phone and desktop: a chart PNG is 1 200 px wide, whatever the screen', async () => {
    await kongsberg(PHONE);
    const phone = await download('#charts figure[data-chart="tjenester"] button');
    assert.equal(phone.name, 'arsverk_tjenester_3303_2025.png');
    await rendered(() => page.click('#lang-button'));
    assert.equal((await download('#charts figure[data-chart="tjenester"] button')).name, 'fte_services_3303_2025.png', 'an English name in English');
    await rendered(() => page.click('#lang-button'));
    assert.equal(phone.width, 1200);
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(300);
    const desktop = await download('#charts figure[data-chart="tidsserie"] button');
    assert.equal(desktop.width, 1200);
    assert.ok(desktop.height > 600, `${desktop.height} px high`);
  });

  test('a chart PNG is dated unambiguously: «7 December 2026» in English, not «07/12/2026»', async () => {
    // The texts drawn into the downloaded picture: its source line ends with the date.
    const drawnText = async (lang) => {
      await start(DESKTOP, lang);
      await page.evaluate(() => {
        window.drawnTexts = [];
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
          window.drawnTexts.push(String(text));
          return fillText.call(this, text, ...rest);
        };
      });
      await download('#charts figure[data-chart="sammenligning"] button');
      return page.evaluate(() => window.drawnTexts.join(' ').replace(/\s+/g, ' '));
    };
    const months = 'January|February|March|April|May|June|July|August|September|October|November|December';
    const en = await drawnText('en');
    assert.match(en, new RegExp(`calculator for the quality indicator .*, \\d{1,2} (${months}) \\d{4}\\.`, 'i'));
    assert.doesNotMatch(en, /\d{1,2}\/\d{1,2}\/\d{4}/);
    // Norwegian's date was never ambiguous: «7.12.2026».
    assert.match(await drawnText('nb'), /Kalkulator for kvalitetsindikatoren .*, \d{1,2}\.\d{1,2}\.\d{4}\./);
  });

  test('the steps in view are numbered 1, 2, 3 without a gap: on a fresh page, with the form open, after the example', async () => {
    // The numbered headings the user sees, as a screen reader reads them too.
    const steps = () => page.$$eval('main .panel > h2', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => h.textContent));
    const numbers = (headings) => headings.map((h) => Number(/^(\d+)\. /.exec(h)?.[1]));
    const consecutive = (headings) => assert.deepEqual(numbers(headings), headings.map((h, i) => i + 1), headings.join(' | '));
    for (const [size, lang] of [[DESKTOP, 'nb'], [PHONE, 'en']]) {
      await page.setViewportSize(size);
      await calculator.open('/', { lang });
      const fresh = await steps();
      assert.equal(fresh.length, 2, fresh.join(' | '));
      consecutive(fresh);
      await page.click('#grid-details summary');
      await page.waitForSelector('#grid-table');
      consecutive(await steps());
      await rendered(() => page.click('#example-button'));
      const shown = await steps();
      assert.equal(shown.length, 3, shown.join(' | '));
      consecutive(shown);
      if (lang === 'nb') await page.screenshot({ path: join(ARTIFACTS, 'firstuse-steps-nb.png') });
    }
    assert.deepEqual(await steps(), ['1. Add files', '2. Choose unit, year and settings', '3. Result']);
  });

  test('print: hints for the screen are not printed', async () => {
    await kongsberg(DESKTOP);
    assert.ok(await page.isVisible('#results-table caption .screen-only'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.$eval('#results-table caption .screen-only', (e) => getComputedStyle(e).display), 'none');
    assert.doesNotMatch(await page.innerText('#results-table caption'), /Velg en rad/);
    await page.emulateMedia({ media: 'screen' });
  });

  test('map: the legend is shown once, and the credits name only what is drawn', async () => {
    await kongsberg(DESKTOP);
    await page.click('#map-details > summary');
    await page.waitForFunction(() => Number(document.getElementById('map-root').dataset.rendered || 0) > 0, null, { timeout: 60000 });
    // The list is the legend for screen readers; on screen it is the one drawn into the map.
    const legend = await page.$eval('#map-legend', (l) => ({ width: l.getBoundingClientRect().width, items: l.children.length }));
    assert.ok(legend.width <= 1 && legend.items >= 5, JSON.stringify(legend));
    assert.match(await page.getAttribute('#map-canvas', 'aria-describedby'), /map-legend-title/);
    assert.match(await page.textContent('.map-attribution'), /© Kartverket \/ Geonorge, CC BY 4\.0; Bydeler i Oslo: © Oslo kommune/);
    const before = Number(await page.getAttribute('#map-root', 'data-rendered'));
    await page.check('#map-level-fylke');
    await page.waitForFunction((n) => Number(document.getElementById('map-root').dataset.rendered) > n, before, { timeout: 60000 });
    assert.equal(await page.textContent('.map-attribution'), '© Kartverket / Geonorge, CC BY 4.0');
    await page.check('#map-level-kommune');
    await page.click('#map-details > summary');
  });

  test('English: the source of the published figures and the page\'s description are English', async () => {
    await start(DESKTOP, 'en');
    await page.selectOption('#year-select', '2024');
    await chooseUnit('Kongsberg');
    await page.waitForFunction(() => document.getElementById('key-heading').textContent === 'Kongsberg 2024');
    const source = await page.textContent('#published-source');
    assert.match(source, /Norwegian Directorate of Health \(Helsedirektoratet\), quality indicator \(2024 figures\)/);
    assert.doesNotMatch(source, /kvalitetsindikator|tall\)/);
    assert.match(await page.getAttribute('meta[name="description"]', 'content'), /^Compute FTEs .* per 1,000 inhabitants/);
    const text = await pageText();
    assert.deepEqual((text.match(/per[ \u00a0]1[ ,\u00a0]000/g) ?? []).filter((s) => s !== 'per\u00a01,000'), []);
    await page.locator('#key-figures').screenshot({ path: join(ARTIFACTS, 'firstuse-desktop-en-2024.png') });
    // The questionnaire's service categories in English; the 2023 names joined by slashes are
    // wrapped after a slash, never cut.
    await page.waitForFunction(() => document.querySelector('#charts figure[data-chart="tjenester"] canvas')?.arsverkChart);
    const services = await page.$eval('#charts figure[data-chart="tjenester"] canvas', (c) => c.arsverkChart.data.labels.map((l) => [l].flat().join(' ')));
    assert.ok(services.includes('Treatment and assessment'), services.join(' | '));
    assert.ok(services.every((l) => !/tjenester|utredning|tilbud/.test(l)), services.join(' | '));
  });

  test('messages say file and place once, before the core\'s text: «fil.xlsx, Ark1!D4», «fil.csv, linje 5»', async () => {
    await page.setViewportSize(DESKTOP);
    await calculator.open('/', { lang: 'nb' });
    await rendered(() => page.setInputFiles('#file-input', [join(root, 'tests/data/xlsx/features.xlsx'), join(root, 'tests/data/web/arsverk_feil_linje4.csv')]));
    await page.waitForFunction(() => document.querySelectorAll('#file-panel li.file').length === 2 && document.body.dataset.busy === 'false');
    const cell = await page.textContent('#file-panel li.file[data-file="features.xlsx"] li.message[data-line="4"]');
    assert.match(cell, /features\.xlsx, Ark1!D4: «01\.03\.2024» er ikke et tall/);
    assert.doesNotMatch(cell, /linje 4/);
    await page.click('#file-panel li.file[data-file="arsverk_feil_linje4.csv"] details.more-messages summary');
    const check = await page.textContent('#file-panel li.file[data-file="arsverk_feil_linje4.csv"] li.message[data-line="5"]');
    assert.match(check, /arsverk_feil_linje4\.csv, linje 5: /);
    assert.equal(check.split('arsverk_feil_linje4.csv').length, 2, check);
  });

  test('a file the core cannot read has an unknown format, with no separator after a dash', async () => {
    await page.setViewportSize(DESKTOP);
    await calculator.open('/', { lang: 'nb' });
    // A web page saved as .csv: the core splits it on «;» but recognises no table in it.
    await rendered(() => page.setInputFiles('#file-input', [join(root, 'tests/data/bad/html_page.csv'), join(root, 'tests/data/web/arsverk_feil_linje4.csv')]));
    await page.waitForFunction(() => document.querySelectorAll('#file-panel li.file').length === 2 && document.body.dataset.busy === 'false');
    const format = (name) => page.textContent(`#file-panel li.file[data-file="${name}"] dd[data-fact="format"]`);
    assert.equal(await page.textContent('#file-panel li.file[data-file="html_page.csv"] dd[data-fact="kind"]'), 'Ikke gjenkjent');
    assert.equal(await format('html_page.csv'), 'Ukjent');
    assert.equal(await format('arsverk_feil_linje4.csv'), 'CSV, bred tabell «;»', 'a format recognised keeps its separator');
    await page.locator('#file-panel li.file[data-file="html_page.csv"]').screenshot({ path: join(ARTIFACTS, 'firstuse-unknown-format-nb.png') });
    await page.click('#lang-button');
    assert.equal(await format('html_page.csv'), 'Unknown');
    assert.equal(await format('arsverk_feil_linje4.csv'), 'CSV, wide table “;”');
  });

  test('a link to a view of one\'s own files, opened fresh, says what it shows and what to add', async () => {
    await page.setViewportSize(DESKTOP);
    await calculator.open('/#enhet=kommune:3303&ar=2025&mal=M1&sprak=nb');
    assert.equal(await page.textContent('#link-note'),
      'Lenken viser kommune 3303, 2025. Tallene er ikke i lenken: legg inn de samme filene som den som laget den, så vises de.');
    await calculator.open('/#enhet=land:0&sprak=en');
    assert.match(await page.textContent('#link-note'), /^The link shows Norway\. The figures are not in the link/);
    // The example data comes with its link: no such note.
    await page.goto('about:blank');
    await page.goto(`${calculator.origin}/#enhet=kommune:3303&ar=2025&data=eksempel`);
    await page.waitForFunction(() => document.getElementById('key-heading')?.textContent.startsWith('Kongsberg'), null, { timeout: 60000 });
    assert.ok(await page.isHidden('#link-note'));
  });

  test('nothing from elsewhere, no errors', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
