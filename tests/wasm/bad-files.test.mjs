// The catalogue of bad files (tests/data/bad/manifest.json) through the Node build of the module,
// fed as the page's worker feeds it: every entry gives its diagnostics and keeps its valid part.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { catalogueEntries, checkCatalogueEntry } from '../support/bad-files.mjs';
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

describe('every file of the catalogue gives its diagnostics and keeps its valid part', () => {
  const entries = catalogueEntries({ big: BIG });
  test('the catalogue has its committed and generated entries', () => {
    assert.ok(entries.length >= 60, `${entries.length} entries`);
    assert.ok(entries.filter((e) => e.generated).length >= 5);
  });
  for (const entry of entries) test(entry.name, () => checkCatalogueEntry(entry, wasmReport));
});
