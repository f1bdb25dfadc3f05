// The catalogue of bad files (tests/data/bad/manifest.json) through the Node build of the module,
// fed as the page's worker feeds it: every entry gives its diagnostics and keeps its valid part.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { catalogueEntries, runCatalogue } from '../support/bad-files.mjs';
import { feedFile, fixed, loadModule } from './lib.mjs';

const BIG = process.env.ARSVERK_BIG_TESTS === '1';

let Module;
before(async () => {
  Module = await loadModule();
});

function wasmReport(entry, paths) {
  const calc = new Module.Calculator();
  try {
    for (const path of paths) feedFile(calc, path, fixed(1 << 20));
    return JSON.parse(calc.report(JSON.stringify(entry.settings ?? {})));
  } finally {
    calc.delete();
  }
}

test('every file of the catalogue gives its diagnostics and keeps its valid part', async () => {
  const { entries, generated } = await runCatalogue(wasmReport, { big: BIG });
  assert.equal(entries, catalogueEntries({ big: BIG }).length);
  assert.ok(generated >= 5, `${generated} generated entries`);
});
