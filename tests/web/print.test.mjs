// The printed report: printed with the whole table chosen (beforeprint, then print media by
// page.emulateMedia) every row of the results table is laid out in full, no control is shown, and the report has the unit, date, settings and checks; page.pdf()
// gives an A4 PDF (saved with screenshots of the print layout under test-artifacts/web/).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { EXAMPLE, shownCli as cli } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');

let browser;
let page;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await openCalculator(root, { open: false });
  page = browser.page;
});

after(() => browser?.close());

// The page opened afresh on Kongsberg 2025 with the example data, its results table filled in.
async function openKongsberg() {
  await browser.open('/#enhet=kommune:3303&ar=2025&data=eksempel');
  await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length > 0 && document.body.dataset.busy === 'false', null, { timeout: 60000 });
}

// Controls still laid out (with a box) under the current media.
// (The results table's sort buttons and unit names print as plain text: its headers and names.)
const visibleControls = () => page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, progress, summary')]
  .filter((e) => !(matchMedia('print').matches && e.matches('.results-table button.sort, .results-table button.row-select')))
  .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
  .map((e) => `${e.tagName.toLowerCase()}#${e.id}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`));

describe('the printed report', () => {
  test('every table row, no controls, the unit, date, settings and checks (Kongsberg, example data)', async () => {
    await openKongsberg();
    const expected = cli(EXAMPLE);
    // The example data opens with its municipalities ranked in the table, from a link too.
    const rows2025 = expected.results.filter((r) => r.year === 2025 && r.level === 'kommune').length;

    assert.ok((await visibleControls()).length > 10, 'the screen has its controls');
    assert.equal(await page.isVisible('#print-summary'), false, 'the report head is for print only');
    assert.ok(await page.isVisible('#print-button'));

    // The screen shows a page of the table; the printout the whole of it, when chosen.
    await page.check('#print-table-all');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    try {
      assert.deepEqual(await visibleControls(), [], 'no control in print');
      assert.equal(await page.isVisible('#results-table thead button.sort'), true, 'the table prints its header row');
      assert.ok((await page.textContent('#results-table tbody tr th[data-col="name"]')).trim().length > 0, 'every row prints its unit name');
      const table = await page.evaluate(() => {
        const wrap = document.getElementById('results-table-wrap');
        const rows = [...document.querySelectorAll('#results-table tbody tr')];
        const last = rows.at(-1).getBoundingClientRect();
        const box = wrap.getBoundingClientRect();
        return { rows: rows.length, clipped: wrap.scrollHeight - wrap.clientHeight, lastInside: last.bottom <= box.bottom + 1, overflow: getComputedStyle(wrap).overflowY };
      });
      assert.equal(await page.inputValue('#filter-level'), 'kommune');
      assert.equal(table.rows, rows2025, 'every municipality of the year is a row');
      assert.ok(table.clipped <= 1 && table.lastInside && table.overflow === 'visible', `the table is cut: ${JSON.stringify(table)}`);

      const summary = await page.textContent('#print-summary');
      assert.match(summary, /Årsverk i psykisk helse- og rusarbeid: Kongsberg 2025/);
      assert.match(summary, /Skrevet ut \d+\. \w+ 2\d{3}/);
      assert.match(summary, /Syntetiske eksempeldata/);
      assert.equal(await page.isVisible('#synthetic-warning'), false, 'the summary says it: not twice');
      assert.match(summary, /Før videre tall for enheter som ikke har svart\s*på/);
      assert.match(summary, /1\. januar i dataåret/);
      assert.match(summary, /M2 Minst helse- og sosialfaglig videregående utdanning \(a\+b\)/);
      assert.match(summary, /Kontroller før innsending/);
      const fylke = expected.results.find((r) => r.level === 'fylke' && r.code === '33' && r.year === 2025);
      assert.match(summary, new RegExp(`${fylke.name}: \\d+ av \\d+ kommuner har tall i filene`));
      // The checks and the coverage are said once, in the summary, not again under the cards.
      assert.equal(await page.locator('#unit-checks').count(), 1, 'Kongsberg has its checks on screen');
      assert.equal(await page.isVisible('#unit-checks'), false);
      assert.equal(await page.isVisible('#coverage'), false);
      // Kongsberg's message (a change of 42 %) is printed in the summary, not again under «Filer»;
      // the other units' messages are printed there, and no sort arrow beside a header.
      assert.match(summary, /3303 Kongsberg 2025: årsverk per\s1\s000 innbyggere har endret seg 42\s%/);
      const filed = await page.$$eval('#file-panel li.message', (lis) => lis.filter((li) => li.getClientRects().length).map((li) => li.textContent));
      assert.ok(filed.length > 0, 'the other messages are printed under «Filer»');
      assert.deepEqual(filed.filter((text) => /3303 Kongsberg/.test(text)), [], 'Kongsberg\'s message printed twice');
      // The notes on the computation are printed too, unfolded as the files' are.
      assert.ok(await page.$$eval('#general-messages details.more-messages', (ds) => ds.length > 0 && ds.every((d) => d.open)));
      assert.ok(await page.isVisible('#general-messages li.message'));
      assert.deepEqual(await page.$$eval('#results-table thead button.sort', (bs) => [...new Set(bs.map((b) => getComputedStyle(b, '::after').display))]), ['none']);
      // The key figures, the comparison table, the charts with their titles and the files stay.
      for (const id of ['key-figures', 'compare-table', 'charts', 'file-panel', 'results-table']) assert.ok(await page.isVisible(`#${id}`), `#${id} is printed`);
      assert.ok((await page.$$eval('#charts figure h4', (hs) => hs.filter((h) => h.getClientRects().length).length)) >= 4, 'chart titles are printed');
      // Every chart drawn for its place on A4 (half the width, or the whole for a wide one), also
      // those whose printed plan is taller than on screen.
      const printed = await page.$$eval('#charts figure', (fs) => fs.map((f) => [f.classList.contains('wide'), f.querySelector('canvas').getBoundingClientRect().width]));
      assert.ok(printed.length >= 4);
      for (const [wide, width] of printed) assert.ok(wide ? width > 600 && width <= 703 : width > 250 && width <= 340, JSON.stringify(printed));
      const k = expected.results.find((r) => r.level === 'kommune' && r.code === '3303' && r.year === 2025);
      const cards = await page.$$eval('#key-figures .cards .value', (els) => els.map((e) => e.textContent));
      assert.deepEqual(cards, ['M1', 'M2', 'M3', 'M4'].map((m) => k.display[m]));

      // No table wider than an A4 page between its margins (186 mm at 96 dpi).
      await page.setViewportSize({ width: 703, height: 1123 });
      const wide = await page.$$eval('table', (ts) => ts.filter((tb) => tb.getClientRects().length
        && tb.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((tb) => `${tb.id}: ${Math.round(tb.getBoundingClientRect().width)} px`));
      assert.deepEqual(wide, [], 'tables cut at the right margin');
      // And no county name broken inside a word to make it fit («Vestla|nd»): a cell is never
      // narrower than its longest word.
      const broken = await page.$$eval('#results-table td[data-col="fylke"]', (tds) => tds.filter((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size > td.textContent.trim().split(/\s+/).length;
      }).map((td) => td.textContent));
      assert.deepEqual(broken, [], 'county names broken inside a word');
      await page.screenshot({ path: join(ARTIFACTS, 'print-01-layout.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(ARTIFACTS, 'print-report.pdf'), pdf);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 5, `the whole table takes several A4 pages (${pages})`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
  });

  test('a file whose only message is about the unit printed: said in the summary, no empty box under «Filer»', async () => {
    await browser.open('/');
    await page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_dobbel_rad.csv'));
    await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelector('#file-panel .file-facts'), null, { timeout: 60000 });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    try {
      assert.match(await page.textContent('#print-summary'), /Halden 2024/);
      assert.match(await page.textContent('#print-summary'), /Meldingen om Halden 2024 står her, ikke igjen under «Filer»\./);
      assert.equal(await page.locator('#file-panel li.message[data-code="value.duplicate"]').count(), 1);
      assert.equal(await page.isVisible('#file-panel li.message[data-code="value.duplicate"]'), false);
      assert.equal(await page.isVisible('#file-panel details.more-messages'), false, 'its folded list, left empty, is not printed');
      assert.ok(await page.isVisible('#file-panel li.file h4'), 'the file itself is');
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
  });

  test('«Skriv ut / lagre som PDF» opens the browser\'s print with the report filled in', async () => {
    await openKongsberg();
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.dispatchEvent(new Event('beforeprint')); window.__printed += 1; window.dispatchEvent(new Event('afterprint')); };
    });
    await page.click('#print-button');
    assert.equal(await page.evaluate(() => window.__printed), 1);
    assert.match(await page.textContent('#print-summary'), /Kongsberg 2025/);
    assert.deepEqual(browser.foreign, [], 'no request to another origin');
    assert.deepEqual(browser.consoleErrors, []);
  });
});
