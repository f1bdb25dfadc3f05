// The page's layout as a first-time user meets it, on a 390 px phone and a 1 280 px desktop, in
// Norwegian and English: nothing scrolls sideways, the result comes into view below the status
// bar, the comparison table shows every column without scrolling on a desktop. Screenshots of each
// state go to test-artifacts/web/ (layout-*.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { figureHeights, openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const BAD = 'tests/data/web/arsverk_feil_linje4.csv';

let calculator;
let page;
let foreign = [];
let consoleErrors = [];

const rendered = (action) => whenRendered(page, action);

// Elements sticking out to the right of the viewport (outside the scrollable table regions).
function overflow() {
  return page.evaluate(() => {
    const sticking = [...document.querySelectorAll('body *')]
      .filter((e) => !e.closest('.table-scroll') && e.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`);
    return { extra: document.documentElement.scrollWidth - innerWidth, sticking };
  });
}

async function expectNoOverflow(label) {
  const { extra, sticking } = await overflow();
  assert.equal(extra, 0, `${label}: the page is ${extra} px wider than the screen (${sticking.join(', ')})`);
}

// The texts of the map's choices the screen cuts short: a select's option wider than the select
// shows it («Forskjell fra medianen i K…»), a label or legend running out of its box or the screen.
function cutMapChoices() {
  return page.evaluate(() => {
    const pen = document.createElement('canvas').getContext('2d');
    const cut = [];
    for (const select of document.querySelectorAll('.map-controls select')) {
      const style = getComputedStyle(select);
      pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const option of select.options) if (pen.measureText(option.text).width > room) cut.push(option.text);
    }
    for (const label of document.querySelectorAll('.map-controls label, .map-controls legend')) {
      if (label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().right > innerWidth) cut.push(label.textContent);
    }
    return cut;
  });
}

// A table cut at its right edge fades there, but not its caption: the caption's pixels are those it
// has with no fade at all, those of the rows below it are not. (Clipped from the screen as it
// stands: an element's own screenshot could scroll the table sideways to show it.)
async function expectOnlyRowsFade(box) {
  await page.$eval(box, (e) => e.scrollIntoView({ block: 'start' }));
  const clips = await page.$eval(box, (e) => {
    const b = e.getBoundingClientRect();
    const c = e.querySelector('caption').getBoundingClientRect();
    const right = Math.min(b.right, innerWidth);
    return {
      caption: { x: c.left, y: c.top, width: right - c.left, height: c.height },
      rows: { x: b.left, y: c.bottom, width: right - b.left, height: Math.min(b.bottom, innerHeight) - c.bottom },
    };
  });
  const pixels = async () => ({ caption: await page.screenshot({ clip: clips.caption }), rows: await page.screenshot({ clip: clips.rows }) });
  const faded = await pixels();
  await page.$eval(box, (e) => { e.style.maskImage = 'none'; });
  const unfaded = await pixels();
  await page.$eval(box, (e) => { e.style.removeProperty('mask-image'); });
  assert.ok(faded.caption.equals(unfaded.caption), `${box}: the caption is not faded`);
  assert.ok(!faded.rows.equals(unfaded.rows), `${box}: the cut rows are`);
}

async function expectResultInView() {
  const { top, bar } = await page.evaluate(() => ({
    top: document.getElementById('result-heading').getBoundingClientRect().top,
    bar: document.querySelector('.status-bar').getBoundingClientRect().bottom,
  }));
  assert.ok(top >= bar && top < 200, `result heading at ${top} px, status bar ends at ${bar} px`);
}

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
}

// Opens the page in `lang` at `size` and loads the example data.
async function start(size, lang) {
  await page.setViewportSize(size);
  await calculator.open('/', { lang });
  await rendered(() => page.click('#example-button'));
}

const shot = (name) => page.screenshot({ path: join(ARTIFACTS, `layout-${name}.png`), fullPage: true });

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root, { open: false });
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('layout', () => {
  for (const lang of ['nb', 'en']) {
    test(`phone (390 px), ${lang}: no sideways scrolling; the result comes into view`, async () => {
      await start(PHONE, lang);
      await page.waitForFunction(() => scrollY > 0);
      await expectResultInView();
      await page.screenshot({ path: join(ARTIFACTS, `layout-phone-${lang}-after-example.png`) });
      await expectNoOverflow('after the example data');
      // The first view's comparison table (Norway's, drawn again when the report of every year
      // comes) is cut on the phone: its rows fade at the right edge, its caption does not.
      await page.waitForSelector('#key-figures .table-scroll[data-cut]');
      await expectOnlyRowsFade('#key-figures .table-scroll');

      await chooseUnit('Halden');
      await page.click('#explain summary');
      await page.click('#general-messages details summary');
      await expectNoOverflow('a municipality, explanation and notes open');
      await shot(`phone-${lang}-halden`);
      // Røst is far above its group: the card's «▲ Uvanlig høyt i gruppen» wraps inside the card.
      await chooseUnit('Røst');
      await page.waitForSelector('#key-figures .card .fence');
      await expectNoOverflow('a unit far above its group');
      await chooseUnit('Halden');
      // The comparison table is wider than the phone: its right edge fades and a line says it
      // scrolls, while the measures stay in view; scrolled to its end, neither.
      const note = '#key-figures .scroll-note';
      await page.waitForSelector('#key-figures .table-scroll[data-cut]');
      assert.equal(await page.textContent(note), lang === 'nb' ? 'Tabellen har flere kolonner: dra eller rull den sideveis.' : 'The table has more columns: swipe or scroll it sideways.');
      assert.ok(await page.isVisible(note));
      await page.$eval('#key-figures .table-scroll', (box) => { box.scrollLeft = box.scrollWidth; });
      await page.waitForSelector('#key-figures .table-scroll:not([data-cut])');
      assert.equal(await page.isVisible(note), false);
      const measure = await page.$eval('#compare-table tbody th', (th) => th.getBoundingClientRect().left - th.closest('.table-scroll').getBoundingClientRect().left);
      assert.ok(Math.abs(measure) < 2, `the measure column stays at the left edge (${measure} px)`);
      // So is the results table, and its caption is not faded either.
      await page.$eval('#results-table-wrap', (e) => e.scrollIntoView());
      await page.waitForSelector('#results-table-wrap[data-cut] #results-table caption');
      await expectOnlyRowsFade('#results-table-wrap');
      await page.locator('#results-table-wrap').screenshot({ path: join(ARTIFACTS, `layout-phone-${lang}-results-table.png`) });
      // The legend under it, on the table's last page, where «holdt utenfor» says its long reasons.
      await page.click('#results-pager button[data-page="all"]');
      await page.waitForSelector('#flag-legend dt');
      await expectNoOverflow('the legend of the notes, every row shown');
      await page.click('#results-pager button[data-page="pages"]');

      await chooseUnit('030102');
      await page.click('#map-details > summary');
      await page.waitForFunction(() => Number(document.getElementById('map-root').dataset.rendered || 0) > 0, null, { timeout: 60000 });
      await expectNoOverflow('an Oslo district with the map open');
      assert.deepEqual(await cutMapChoices(), [], 'the map\'s choices are shown in full');
      // The map's title wraps instead of being squeezed sideways into the canvas (as fillText does
      // with a maxWidth), the difference map's long subtitle too.
      await page.evaluate(() => {
        window.squeezedInMap = [];
        const fillText = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
          if (maxWidth != null && this.canvas.closest('#map-root') && this.measureText(text).width > maxWidth + 0.5) window.squeezedInMap.push(text);
          return fillText.call(this, text, x, y, maxWidth);
        };
      });
      const drawn = await page.$eval('#map-root', (e) => Number(e.dataset.rendered));
      await page.check('#map-mode-diff');
      await page.waitForFunction((n) => Number(document.getElementById('map-root').dataset.rendered) > n, drawn, { timeout: 60000 });
      assert.deepEqual(await page.evaluate(() => window.squeezedInMap), [], 'no text squeezed in the map');
      await expectNoOverflow('the difference map');
      // The map's box follows the country's shape at this width (3:4, the legend below, 18 px a
      // line and its heading), instead of a desktop's fixed 44rem that left a quarter empty.
      const box = await page.$eval('.map-box-main', (e) => ({ w: e.clientWidth, h: e.clientHeight }));
      const legend = 18 * ((await page.$$('#map-legend li')).length + 1) + 8;
      assert.ok(box.h - legend < box.w * 1.6, `map box ${box.w} × ${box.h}, of which ${legend} px legend`);
      await shot(`phone-${lang}-bydel-map`);
      await page.click('#map-details > summary');
    });

    // Two lines are room enough for every heading (each has a space near its middle: «Forskjell fra
    // median», «KOSTRA-gruppe 10»); a third, word by word, is a band of empty space above the
    // one-line headings the phone shows first («Mål», «Halden»). The table is wider than the phone
    // and scrolls sideways in its region (above), which must itself stay within the screen.
    test(`phone (390 px), ${lang}: the comparison table's headings take two lines at most, in full, within the screen`, async () => {
      await start(PHONE, lang);
      const full = lang === 'nb' ? ['KOSTRA-gruppe 10', 'Median i gruppen', 'Plass (1\u00a0=\u00a0høyest)', 'Forskjell fra median', 'Endring fra 2024']
        : ['KOSTRA group 10', 'Group median', 'Rank (1\u00a0=\u00a0highest)', 'Difference from median', 'Change from 2024'];
      for (const unit of [null, 'Halden', '3303', '030102']) {
        if (unit) await rendered(() => chooseUnit(unit));
        const head = await page.$eval('#compare-table thead tr', (row) => ({
          height: row.getBoundingClientRect().height,
          cells: [...row.children].map((th) => {
            const s = getComputedStyle(th);
            const range = document.createRange();
            range.selectNodeContents(th);
            return {
              text: th.textContent,
              lines: new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size,
              twoLines: 2 * parseFloat(s.lineHeight) + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom)
                + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth),
            };
          }),
        }));
        const where = `${unit ?? 'Norway'}: ${head.cells.map((c) => `${c.text} [${c.lines}]`).join(' | ')}`;
        const bound = Math.max(...head.cells.map((c) => c.twoLines));
        assert.ok(Number.isFinite(bound), where);
        assert.ok(head.cells.every((c) => c.lines <= 2), `every heading in two lines at most: ${where}`);
        assert.ok(head.height <= bound + 1, `the header row is ${head.height} px, two lines are ${bound} px: ${where}`);
        if (unit === 'Halden') assert.deepEqual(head.cells.slice(4).map((c) => c.text), full, 'each heading in full');
        const region = await page.$eval('#key-figures .table-scroll', (e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right };
        });
        assert.ok(region.left >= 0 && region.right <= PHONE.width, `${unit ?? 'Norway'}: the table's region ${JSON.stringify(region)} is within the screen`);
        await expectNoOverflow(`the comparison table of ${unit ?? 'Norway'}`);
      }
      await page.$eval('#compare-table', (e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(ARTIFACTS, `layout-phone-${lang}-compare-head.png`) });
    });

    test(`desktop (1 280 px), ${lang}: a municipality's own file shows M1–M4 of every row in the results table, and a cut table says it goes on`, async () => {
      await page.setViewportSize(DESKTOP);
      await calculator.open('/', { lang });
      await rendered(() => page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_halden_2025.csv')));
      await page.$eval('#results-table-wrap', (w) => w.scrollIntoView({ block: 'center' }));
      await page.waitForFunction(() => document.querySelector('#results-table tbody tr')?.getBoundingClientRect().width > 0);
      // The hint follows the table's size by a ResizeObserver (web/src/scroll-hint.js), after the
      // layout that brought the table into view: it must agree within a moment.
      await page.waitForFunction(() => {
        const box = document.getElementById('results-table-wrap');
        return (box.scrollWidth > box.clientWidth + 1) === ('cut' in box.dataset);
      }, null, { timeout: 3000 }).catch(() => {});
      const seen = await page.$eval('#results-table-wrap', (box) => {
        const right = box.getBoundingClientRect().right;
        const cut = box.scrollWidth > box.clientWidth + 1;
        const measures = [...box.querySelectorAll('tbody tr')].flatMap((tr) => ['M1', 'M2', 'M3', 'M4']
          .map((m) => ({ key: tr.dataset.key, m, right: tr.querySelector(`[data-col="${m}"]`).getBoundingClientRect().right })));
        const note = getComputedStyle(box.nextElementSibling);
        return { cut, right, measures, note: note.display === 'none' ? 'hidden' : note.visibility };
      });
      for (const { key, m, right } of seen.measures) assert.ok(right <= seen.right, `${key} ${m} ends at ${right} px, the box at ${seen.right} px`);
      assert.equal(seen.note, seen.cut ? 'visible' : 'hidden', 'a cut table says it goes on sideways, an uncut one does not');
      await page.locator('#results-table-wrap').screenshot({ path: join(ARTIFACTS, `layout-desktop-${lang}-own-file-table.png`) });
    });

    test(`desktop (1 280 px), ${lang}: every column of the comparison table is visible`, async () => {
      await start(DESKTOP, lang);
      await expectResultInView();
      await page.screenshot({ path: join(ARTIFACTS, `layout-desktop-${lang}-after-example.png`) });
      await chooseUnit('Kongsberg');
      const table = await page.$eval('#compare-table', (t) => ({
        cols: t.querySelectorAll('thead th').length,
        fits: t.parentElement.scrollWidth <= t.parentElement.clientWidth,
      }));
      assert.equal(table.cols, 9, 'measure, unit, county, Norway, group, median, rank, difference, change');
      assert.ok(table.fits, 'the comparison table fits without scrolling');
      assert.equal(await page.isVisible('#key-figures .scroll-note'), false, 'no line about scrolling where nothing scrolls');
      await expectNoOverflow('desktop');
      await page.locator('#key-figures').screenshot({ path: join(ARTIFACTS, `layout-desktop-${lang}-key-figures.png`) });
      await page.locator('#charts').screenshot({ path: join(ARTIFACTS, `layout-desktop-${lang}-charts.png`) });
    });
  }

  test('the four figures stand at one height, however long the measures\' names (en, 2023; desktop and phone)', async () => {
    for (const size of [DESKTOP, PHONE]) {
      await start(size, 'en');
      await rendered(() => page.selectOption('#year-select', '2023'));
      const cards = await figureHeights(page, '#key-figures .card', '.card-label');
      assert.equal(cards.length, 4);
      const rows = [...new Set(cards.map((c) => c.row))].map((top) => cards.filter((c) => c.row === top));
      assert.equal(rows.length, size === DESKTOP ? 1 : 2, JSON.stringify(cards));
      for (const row of rows) {
        assert.ok(new Set(row.map((c) => c.name)).size > 1 || size === PHONE, `labels of different heights: ${JSON.stringify(row)}`);
        assert.equal(new Set(row.map((c) => c.top)).size, 1, `one height for the figures: ${JSON.stringify(row)}`);
      }
    }
  });

  test('phone, nb: a long file name breaks at the edge, and a wide change breaks in its card', async () => {
    await page.setViewportSize(PHONE);
    await calculator.open('/', { lang: 'nb' });
    // A file name with no space in it, in the file's card, its remove button and a message under the unit.
    await rendered(() => page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_fire_en_holdt_utenfor_2024.csv')));
    await chooseUnit('3107');
    await page.waitForSelector('#unit-checks li[data-code="suppression.part_missing"]');
    await expectNoOverflow('a long file name');
    await shot('phone-nb-long-name');
    // Halden from 2024 to 2025 with a slip: a change of several hundred per cent in a half-width card.
    await rendered(() => page.click('#clear-button'));
    await rendered(() => page.setInputFiles('#file-input', ['arsverk_halden_2024.csv', 'arsverk_halden_2025_a_tidobbel.csv']
      .map((f) => join(root, 'tests/data/web', f))));
    await page.selectOption('#year-select', '2025');
    await expectNoOverflow('Halden 2024 and 2025');
    const wide = await page.$$eval('#key-figures .card', (cards) => cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.dataset.measure));
    assert.deepEqual(wide, [], 'no card\'s text runs outside it');
    await shot('phone-nb-wide-change');
  });

  test('phone, en: a file with an error brings its message into view, below the status', async () => {
    await page.setViewportSize(PHONE);
    await calculator.open('/', { lang: 'en' });
    await rendered(() => page.setInputFiles('#file-input', join(root, BAD)));
    assert.match(await page.textContent('#status'), /^Done, but with errors: arsverk_feil_linje4\.csv: 1 error, the first on line 4\.$/);
    await page.waitForFunction(() => scrollY > 0);
    const { card, bar } = await page.evaluate(() => ({
      card: document.querySelector('#file-panel li.file').getBoundingClientRect().top,
      bar: document.querySelector('.status-bar').getBoundingClientRect().bottom,
    }));
    assert.ok(card >= bar, `the file's card (${card} px) is below the status bar (${bar} px)`);
    assert.ok(await page.isVisible('#see-result'));
    await expectNoOverflow('a file with an error');
    await page.screenshot({ path: join(ARTIFACTS, 'layout-phone-en-file-error.png') });
  });

  // The build rewrites Designsystemet's «table without a thead» (scripts/purge-css.mjs): the corner
  // cells of a bordered table are still rounded as Designsystemet means, with and without one.
  test('a bordered table rounds its corner cells, with and without a thead or tfoot', async () => {
    await calculator.open('/');
    const corners = await page.evaluate(() => {
      const radii = (html) => {
        const table = document.createElement('table');
        table.className = 'ds-table';
        table.dataset.border = '';
        table.innerHTML = html;
        document.body.append(table);
        const rows = table.querySelectorAll('tr');
        const style = (cell) => getComputedStyle(cell);
        const out = {
          topLeft: [...rows].map((r) => style(r.firstElementChild).borderTopLeftRadius !== '0px'),
          bottomRight: [...rows].map((r) => style(r.lastElementChild).borderBottomRightRadius !== '0px'),
        };
        table.remove();
        return out;
      };
      return {
        head: radii('<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody>'),
        bare: radii('<tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></tbody>'),
        foot: radii('<tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td><td>4</td></tr></tfoot>'),
      };
    });
    assert.deepEqual(corners.head, { topLeft: [true, false, false], bottomRight: [false, false, true] });
    assert.deepEqual(corners.bare, { topLeft: [true, false], bottomRight: [false, true] });
    assert.deepEqual(corners.foot, { topLeft: [true, false], bottomRight: [false, true] });
  });

  test('nothing from elsewhere, no errors', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
