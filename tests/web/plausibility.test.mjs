// Plausibility in the page: a lost decimal comma in one category of Halden's own file (voksne
// a 225,00 for 22,50) is named in «Kontroller før innsending», with its cell, where «Ingen av
// kontrollene slo ut» stood, in both languages. Screenshots: test-artifacts/web/plausibility-halden-a*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';
import { root } from '../wasm/lib.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const HALDEN = 'tests/data/web/arsverk_halden_2025_realistic.csv';
const HALDEN_A_TEN_TIMES = 'tests/data/web/arsverk_halden_2025_a_tidobbel.csv';

let calculator;
let page;

async function load(file) {
  if (await page.isVisible('#clear-button')) await whenRendered(page, () => page.click('#clear-button'));
  await whenRendered(page, () => page.setInputFiles('#file-input', join(root, file)));
}

describe('plausibility per category in the page', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    calculator = await openCalculator(root);
    page = calculator.page;
  });
  after(async () => { await calculator?.close(); });

  test('Halden\'s own file with a 225,00 for 22,50 shows the category warning instead of «Ingen av kontrollene slo ut»', async () => {
    await load(HALDEN);
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    // Nothing triggered, and the change from 2024 could not be checked: 2024 is not in the files.
    assert.deepEqual(await page.$$eval('#unit-checks p, #unit-checks .unchecked li', (els) => els.map((e) => e.textContent)), [
      'Ingen av kontrollene som kunne kjøres, slo ut for Halden 2025.',
      'Endringen fra 2024 er ikke kontrollert: tallene for 2024 er ikke lagt inn.',
    ]);

    await load(HALDEN_A_TEN_TIMES);
    const checks = await page.textContent('#unit-checks');
    assert.doesNotMatch(checks, /Ingen av kontrollene/);
    const warning = await page.textContent('#unit-checks li[data-code="check.category_share"]');
    assert.match(warning, /Linje 2, kolonne 4 i arsverk_halden_2025_a_tidobbel\.csv/);
    assert.match(warning, /kategori a for voksne er 225,00 årsverk, 82 % av årsverkene for voksne/);
    assert.match(warning, /desimalkommaet/);
    const flags = await page.$$eval('#results-table tr[data-key="kommune:3101"] .flag', (els) => els.map((e) => e.textContent));
    assert.ok(flags.includes('uvanlig kategori'), flags.join(', '));
    await page.screenshot({ path: join(ARTIFACTS, 'plausibility-halden-a.png'), fullPage: true });
    // The same in English, wholly.
    await whenRendered(page, () => page.click('#lang-button'));
    const english = await page.textContent('#unit-checks li[data-code="check.category_share"]');
    assert.match(english, /Line 2, column 4 of arsverk_halden_2025_a_tidobbel\.csv/);
    assert.match(english, /category a for adults is 225\.00 FTEs, 82 % of the FTEs for adults/);
    assert.doesNotMatch(english, /kategori|årsverk|voksne/);
    await page.screenshot({ path: join(ARTIFACTS, 'plausibility-halden-a-en.png'), fullPage: true });
    await whenRendered(page, () => page.click('#lang-button'));
    assert.deepEqual(calculator.foreign, []);
    assert.deepEqual(calculator.consoleErrors, []);
  });

  test('the 2025 file added while 2024 is in view: the page shows 2025, with the slip in its checks', async () => {
    await load('tests/data/web/arsverk_halden_2024.csv');
    assert.equal(await page.inputValue('#year-select'), '2024');
    assert.match(await page.textContent('#unit-checks'),
      /Ingen av kontrollene som kunne kjøres, slo ut for Halden 2024\.Endringen fra 2023 til 2024 er ikke kontrollert: målene er definert annerledes i de to årene\./);
    await whenRendered(page, () => page.setInputFiles('#file-input', join(root, HALDEN_A_TEN_TIMES)));
    assert.equal(await page.inputValue('#year-select'), '2025');
    assert.match(await page.inputValue('#unit-input'), /^3101 Halden/);
    assert.ok(await page.isVisible('#unit-checks li[data-code="check.category_share"]'));
    // A file of a year the page has already (Halden's own 2025 once more) leaves the year as it is.
    await page.selectOption('#year-select', '2024');
    await whenRendered(page, () => page.setInputFiles('#file-input', join(root, HALDEN)));
    assert.equal(await page.inputValue('#year-select'), '2024');
    // Files of earlier years (added to see the change) leave a staff member on the year they check.
    await whenRendered(page, () => page.setInputFiles('#file-input', join(root, 'tests/data/web/arsverk_halden_2022_2023.csv')));
    assert.equal(await page.inputValue('#year-select'), '2024');
    assert.ok((await page.$$eval('#year-select option', (os) => os.map((o) => o.value))).includes('2022'));
  });
});
