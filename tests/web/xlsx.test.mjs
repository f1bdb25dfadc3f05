// An Excel workbook through the page: the worker feeds the file's bytes to the same core, so the
// figures on screen must be the CLI's for the CSV Excel saves from the same sheet, and messages
// must name sheet and cell. Screenshots go to test-artifacts/web/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { shownCli as cli } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const XLSX = 'tests/data/xlsx/arsverk_2024.xlsx';
const CSV = 'tests/data/xlsx/arsverk_2024.csv';
const FEATURES = 'tests/data/xlsx/features.xlsx';
const ODS = 'tests/data/xlsx/calc.ods';

let calculator;
let page;
let foreign = [];
let consoleErrors = [];

const shown = (r, m) => (r && r.display ? r.display[m] : '–');

const afterRender = (action) => whenRendered(page, action);

async function tableRows() {
  return page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => {
    const cell = (k) => tr.querySelector(`[data-col="${k}"]`)?.firstChild?.textContent ?? '';
    return { key: tr.dataset.key, M1: cell('M1'), M2: cell('M2'), M3: cell('M3'), M4: cell('M4') };
  }));
}

// Only these files, in the page opened afresh.
async function dropFiles(files) {
  await calculator.open();
  await afterRender(() => page.setInputFiles('#file-input', files.map((f) => join(root, f))));
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root);
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('Excel workbooks in the page', () => {
  test('the file input offers .xlsx', async () => {
    assert.match(await page.getAttribute('#file-input', 'accept'), /\.xlsx/);
  });

  test('an .xlsx gives the figures the CLI gives for the CSV of the same sheet', async () => {
    await dropFiles([XLSX]);
    await page.selectOption('#filter-level', ''); // several municipalities open ranked: show every level
    const expected = cli([CSV]);
    const rows = await tableRows();
    const results = expected.results.filter((r) => r.year === 2024);
    assert.equal(rows.length, results.length, 'rows in the table');
    const byKey = new Map(rows.map((row) => [row.key, row]));
    for (const r of results) {
      const row = byKey.get(`${r.level}:${r.code}`);
      assert.ok(row, `${r.level} ${r.code} in the table`);
      // An aggregate resting on too few municipalities shows no figure of its own (the row says why).
      const thin = r.aggregate_coverage?.meaningful === false;
      for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(row[m], thin ? '–' : shown(r, m), `${r.level} ${r.code} ${m}`);
    }
    const file = await page.textContent('#file-panel li.file');
    assert.match(file, /Excel-arbeidsbok/);
    assert.match(file, /lest arket «Ark1»/);
    assert.match(file, /Ark1!A8/);
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-01-read.png'), fullPage: true });
  });

  test('messages name sheet and cell; hidden rows and skipped sheets are said', async () => {
    await dropFiles([FEATURES]);
    const text = await page.textContent('#file-panel');
    assert.match(text, /Ark1!D4: «01\.03\.2024» er ikke et tall/);
    assert.match(text, /'Ark 2'!F2/);
    assert.match(text, /Ark1, rad 5: 1 skjult rad med innhold er ikke lest/);
    assert.match(text, /«Oppslag» \(skjult ark\)/);
    // The status says where the first error is as Excel shows it: Ark1's first row with one (row 4),
    // not the lowest row number of any sheet ('Ark 2', row 2).
    assert.match(await page.textContent('#status'), /features\.xlsx: 4 feil, første i arket «Ark1», rad 4/);
    await page.screenshot({ path: join(ARTIFACTS, 'xlsx-02-messages.png'), fullPage: true });
  });

  test('an .ods gets a clear message and the page goes on', async () => {
    await dropFiles([ODS]);
    assert.match(await page.textContent('#file-panel'), /OpenDocument-regneark \(\.ods\)/);
    assert.deepEqual(foreign, [], 'no request to another origin');
    assert.deepEqual(consoleErrors, []);
  });
});
