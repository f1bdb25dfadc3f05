// A link to a view: unit, year, measure, comparison, settings and language live in the URL's hash;
// opening the link shows that view (with the example data, which the link asks the page to load;
// no figure is ever in the URL). Every figure checked is the CLI's for the same settings.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { EXAMPLE, shownCli as cliOf, find } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
// videreforing=0 / holdutenfor=0: a link made before the three choices still opens as «Av».
const KONGSBERG_LINK = '/#enhet=kommune:3303&ar=2024&mal=M3&sammenlign=fylke&befolkning=next&videreforing=0&holdutenfor=0&sprak=en&data=eksempel';

let browser;

const cli = (settings) => cliOf(EXAMPLE, settings);

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await openCalculator(root, { open: false });
});

after(() => browser?.close());

async function shownView(page) {
  await page.waitForFunction(() => document.querySelectorAll('#key-figures .cards .value').length === 4
    && document.body.dataset.busy === 'false', null, { timeout: 60000 });
  return page.evaluate(() => ({
    heading: document.getElementById('key-heading')?.textContent,
    figures: Object.fromEntries([...document.querySelectorAll('#key-figures .cards .value')].map((e) => [e.dataset.measure, e.textContent])),
    year: document.getElementById('year-select').value,
    measure: document.getElementById('measure-select').value,
    scope: document.getElementById('scope-select').value,
    popNext: document.getElementById('pop-next').checked,
    carry: document.getElementById('carry-forward').value,
    suppression: document.getElementById('suppression').value,
    lang: document.documentElement.lang,
    files: [...document.querySelectorAll('#file-panel li.file')].map((li) => li.dataset.file),
    tableLevel: document.getElementById('filter-level').value,
  }));
}

describe('a link to a view', () => {
  test('a URL opens the view it encodes, with the example data it names', async () => {
    const { page } = browser;
    await browser.open(KONGSBERG_LINK);
    const view = await shownView(page);
    const expected = find(cli({ population_year: 'next', carry_forward: false, suppression: false, lang: 'en' }), 'kommune', '3303', 2024);
    assert.match(view.heading, /Kongsberg 2024/);
    for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(view.figures[m], expected.display[m], m);
    assert.deepEqual({ ...view, heading: undefined, figures: undefined }, {
      heading: undefined, figures: undefined, year: '2024', measure: 'M3', scope: 'fylke', popNext: true, carry: 'off',
      suppression: 'off', lang: 'en', files: ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv'],
      tableLevel: 'kommune', // the table the example data opens with, as its maker saw it
    });
    assert.match(await page.textContent('#charts'), /Kongsberg/);
    assert.equal(await page.$eval('#map-details', (d) => d.open), false, 'a link without the map leaves it closed');
    await page.screenshot({ path: join(ARTIFACTS, 'url-01-opened-link.png') });
  });

  test('choices go into the URL and «Kopier lenke» gives a link that opens the same view', async () => {
    const { page, context } = browser;
    await browser.open(KONGSBERG_LINK);
    await shownView(page);
    await page.fill('#unit-input', 'Halden');
    // Each change drawn (and so written to the URL) before the next, and before the URL is read.
    await whenRendered(page, () => page.press('#unit-input', 'Enter'));
    await whenRendered(page, () => page.selectOption('#year-select', '2025'));
    await whenRendered(page, () => page.selectOption('#measure-select', 'M2'));
    await whenRendered(page, () => page.selectOption('#carry-forward', 'on'));
    const before = await shownView(page);
    assert.match(before.heading, /Halden 2025/);
    const hash = new URL(page.url()).hash;
    assert.match(hash, /enhet=kommune:3101/);
    assert.match(hash, /ar=2025/);
    assert.match(hash, /mal=M2/);
    assert.match(hash, /videreforing=on/);
    assert.doesNotMatch(hash, /[0-9],[0-9]|display|arsverk/, 'no figure in the URL');

    await page.click('#copy-link');
    await page.waitForSelector('#link-output:not([hidden])');
    const link = await page.inputValue('#link-text');
    assert.equal(link, page.url());
    assert.ok((await page.textContent('#link-copied')).length > 0);
    await page.screenshot({ path: join(ARTIFACTS, 'url-02-copy-link.png') });

    const other = await context.newPage();
    try {
      await other.goto(link);
      const after = await shownView(other);
      assert.deepEqual(after, before);
    } finally {
      await other.close();
    }
  });

  test('a link keeps the map: open, what it shows and what colours it', async () => {
    const { page, context } = browser;
    const mapDrawn = async (p, action) => {
      const before = Number(await p.evaluate(() => document.getElementById('map-root').dataset.rendered || 0));
      await action();
      await p.waitForFunction((n) => Number(document.getElementById('map-root').dataset.rendered || 0) > n, before, { timeout: 60000 });
    };
    const mapShown = (p) => p.evaluate(() => ({
      open: document.getElementById('map-details').open,
      level: document.querySelector('input[name="map-level"]:checked').value,
      mode: document.querySelector('input[name="map-mode"]:checked').value,
      summary: document.getElementById('map-summary').textContent,
    }));
    // The link copied opens, in a fresh page, the map as it was.
    const opened = async (expected) => {
      await page.click('#copy-link');
      const link = await page.inputValue('#link-text');
      const other = await context.newPage();
      try {
        await other.goto(link);
        await other.waitForFunction(() => Number(document.getElementById('map-root')?.dataset.rendered || 0) > 0, null, { timeout: 60000 });
        const map = await mapShown(other);
        assert.deepEqual({ ...map, summary: undefined }, { ...expected, summary: undefined });
        assert.equal(map.summary, expected.summary);
        await other.screenshot({ path: join(ARTIFACTS, `url-03-map-${expected.level}-${expected.mode}.png`), fullPage: true });
      } finally {
        await other.close();
      }
    };
    await browser.open('/', { lang: 'nb' });
    await whenRendered(page, () => page.click('#example-button'));
    await mapDrawn(page, () => page.click('#map-details > summary'));
    await mapDrawn(page, () => page.check('#map-mode-diff'));
    assert.match(new URL(page.url()).hash, /&kart=kommune&kartfarge=diff&/);
    const diff = await mapShown(page);
    assert.match(diff.summary, /^Kartet viser forskjellen fra medianen i KOSTRA-gruppen/);
    await opened(diff);

    await mapDrawn(page, () => page.check('#map-level-fylke'));
    assert.match(new URL(page.url()).hash, /&kart=fylke&kartfarge=rate&/);
    const counties = await mapShown(page);
    assert.match(counties.summary, /^Kartet viser M1 for fylkene i 2025/);
    await opened(counties);

    // Closed, the map is left out of the link again (the details' toggle event comes in a task of its own).
    await page.click('#map-details > summary');
    await page.waitForFunction(() => !document.getElementById('map-details').open);
    await page.waitForFunction(() => !window.location.hash.includes('kart'), null, { timeout: 5000 });
    assert.doesNotMatch(new URL(page.url()).hash, /kart/);
  });

  test('without the data it names, the view waits for the files and then shows the unit', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${browser.origin}/#enhet=kommune:3001&ar=2023&mal=M4&sprak=nb`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.equal(await page.isVisible('#result-body'), false);
      await page.click('#example-button');
      const view = await shownView(page);
      const expected = find(cli({}), 'kommune', '3001', 2023);
      assert.match(view.heading, /Halden 2023/);
      assert.equal(view.measure, 'M4');
      for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(view.figures[m], expected.display[m], m);
    } finally {
      await page.close();
    }
  });
});
