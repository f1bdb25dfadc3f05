#!/usr/bin/env node
// Writes the profile that decides how the browser module is split (wasm/CMakeLists.txt, wasm-split):
// every function a first visit runs — the start, the thresholds, the warm-up, the CSV reader on the
// example data and on SSB's population CSVs, reports (the year in view first, then whole) under
// each setting and language — stays in arsverk.wasm; the rest (the Excel and JSON-stat readers, most messages, the CSV export) goes to
// arsverk.deferred.wasm, which the worker fetches once it is ready (web/src/worker.js).
// Why not less in the first part: docs/performance.md, "First load".
//
//   node wasm/split-profile.mjs LOADER.js INSTRUMENTED.wasm PROFILE_OUT SOURCE_DIR
//
// LOADER.js is the Node build's loader (the same module as the browser's: only the JS differs);
// INSTRUMENTED.wasm the browser module as -sSPLIT_MODULE (or `wasm-split --instrument`) leaves it;
// its registers and population (arsverk.data, beside it) are given to it as the worker gives them.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const [loader, instrumented, profileOut, sourceDir] = process.argv.slice(2);
if (!sourceDir) {
  console.error('usage: split-profile.mjs LOADER.js INSTRUMENTED.wasm PROFILE_OUT SOURCE_DIR');
  process.exit(2);
}
const SLICE_BYTES = 4 << 20; // as web/src/worker.js
const FIRST_VISIT_FILES = [
  'data/example/eksempel_arsverk_2023.csv',
  'data/example/eksempel_arsverk_2024_2025.csv',
  'tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv',
  'tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv',
];
const SETTINGS = [
  { year: null, population_year: 'same', carry_forward: 'auto', suppression: 'auto', lang: 'nb' },
  { year: null, population_year: 'next', carry_forward: 'auto', suppression: 'auto', lang: 'en' },
  { year: 2024, population_year: 'same', carry_forward: 'on', suppression: 'on', lang: 'nb' },
  { year: null, population_year: 'same', carry_forward: 'off', suppression: 'off', lang: 'en' },
];

// The loader is CommonJS in a "type": "module" package: copied to a .cjs file to be required.
const dir = mkdtempSync(join(tmpdir(), 'arsverk-split-'));
try {
  const cjs = join(dir, 'loader.cjs');
  copyFileSync(loader, cjs);
  const createArsverk = createRequire(import.meta.url)(cjs);
  const module = await createArsverk({ wasmBinary: readFileSync(instrumented), print: () => {}, printErr: () => {} });
  module.thresholds();
  module.yearRules();
  const data = readFileSync(join(dirname(instrumented), 'arsverk.data'));
  const dataAt = module._malloc(data.length);
  module.HEAPU8.set(data, dataAt);
  const refused = module.provideData(dataAt, data.length);
  if (refused) throw new Error(`arsverk.data: ${refused}`);
  module._free(dataAt);
  const calculator = new module.Calculator();
  const staging = module._malloc(SLICE_BYTES);
  const warming = new module.WarmUp(); // as the worker runs it (web/src/worker.js)
  while (warming.step());
  warming.delete();
  for (const path of FIRST_VISIT_FILES) {
    const bytes = readFileSync(join(sourceDir, path));
    const id = calculator.beginFile(basename(path));
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      const slice = bytes.subarray(at, Math.min(bytes.length, at + SLICE_BYTES));
      module.HEAPU8.set(slice, staging);
      const error = calculator.feedHeap(id, staging, slice.length);
      if (error) throw new Error(`${path}: ${error}`);
    }
    const error = calculator.endFile(id);
    if (error) throw new Error(`${path}: ${error}`);
    calculator.fileKind(id);
  }
  // As the page asks: the year in view first, then the whole report without the breakdowns, the
  // breakdowns of the unit and Norway in view, and the settings around (web/src/worker.js).
  for (const settings of SETTINGS) {
    calculator.reportYear(JSON.stringify(settings), 0);
    calculator.reportWithoutBreakdowns(JSON.stringify(settings));
    calculator.breakdowns(JSON.stringify(settings), 'kommune:3101:2025,land:0:2025');
    calculator.computeAhead(JSON.stringify({ ...settings, population_year: settings.population_year === 'next' ? 'same' : 'next' }));
  }

  // The profile: __write_profile(address, size) writes it into the module's memory.
  const writeProfile = module.asm.__write_profile;
  if (!writeProfile) throw new Error(`${instrumented} is not instrumented (no __write_profile)`);
  const size = writeProfile(0, 0);
  const at = module._malloc(size);
  writeProfile(at, size);
  writeFileSync(profileOut, module.HEAPU8.slice(at, at + size));
  calculator.delete();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
