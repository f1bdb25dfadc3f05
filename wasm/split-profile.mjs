#!/usr/bin/env node
// Writes the profile that decides how the browser module is split (wasm/CMakeLists.txt, wasm-split):
// the functions the worker runs until it tells the page it is ready for files — the module's start,
// the thresholds for the help texts, a Calculator and its staging buffer — stay in arsverk.wasm;
// everything else (the readers, the rules, the report, the messages) goes to arsverk.deferred.wasm,
// which the worker fetches as soon as it is ready and instantiates before its first file or report
// (web/src/worker.js; docs/performance.md, "First load").
//
//   node wasm/split-profile.mjs LOADER.js INSTRUMENTED.wasm PROFILE_OUT
//
// LOADER.js is the Node build's loader (the same module as the browser's: only the JS differs);
// INSTRUMENTED.wasm the browser module as `wasm-split --instrument` (or -sSPLIT_MODULE) leaves it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [loader, instrumented, profileOut] = process.argv.slice(2);
if (!profileOut) {
  console.error('usage: split-profile.mjs LOADER.js INSTRUMENTED.wasm PROFILE_OUT');
  process.exit(2);
}
const SLICE_BYTES = 4 << 20; // as web/src/worker.js

// The loader is CommonJS in a "type": "module" package: copied to a .cjs file to be required.
const dir = mkdtempSync(join(tmpdir(), 'arsverk-split-'));
try {
  const cjs = join(dir, 'loader.cjs');
  copyFileSync(loader, cjs);
  const createArsverk = createRequire(import.meta.url)(cjs);
  const module = await createArsverk({ wasmBinary: readFileSync(instrumented), print: () => {}, printErr: () => {} });
  // What web/src/worker.js does before it posts 'ready'.
  module.thresholds();
  const calculator = new module.Calculator();
  module._malloc(SLICE_BYTES);
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
