// The browser's module carries its registers, population and published figures apart, in
// arsverk.data (wasm/CMakeLists.txt, web/src/worker.js): given them, it reports what the Node build
// (data compiled in) reports; without them, or given other bytes, it says so and computes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { DEFAULT_SETTINGS, browserModulePaths, feedFile, fixed, loadModule } from './lib.mjs';
import { EX_2023, EX_2024 } from '../support/cli.mjs';

let node;
let browser;
let data;
before(async () => {
  const paths = browserModulePaths();
  node = await loadModule();
  browser = await loadModule(paths.wasm);
  data = readFileSync(paths.data);
});

// As the worker gives them: copied into the module's heap, then pointer and size.
function provide(module, bytes) {
  const at = module._malloc(bytes.length);
  try {
    module.HEAPU8.set(bytes, at);
    return module.provideData(at, bytes.length);
  } finally {
    module._free(at);
  }
}

function report(module, files, settings = {}) {
  const calc = new module.Calculator();
  try {
    for (const f of files) feedFile(calc, f, fixed(1 << 20));
    return calc.report(JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }));
  } finally {
    calc.delete();
  }
}

test('the Node build has its data compiled in and refuses arsverk.data', () => {
  assert.match(provide(node, data), /compiled in/);
});

test('the browser module: nothing computed before arsverk.data, other bytes refused, then the Node build\'s report', () => {
  const before = JSON.parse(report(browser, []));
  assert.match(before.error, /arsverk\.data/);

  const otherSignature = Buffer.from(data);
  otherSignature[25] ^= 1; // a hex digit of the SHA-256 in the first line
  assert.match(provide(browser, otherSignature), /not this build's arsverk\.data/);
  assert.match(provide(browser, data.subarray(0, data.length - 1)), /not this build's arsverk\.data/);
  assert.match(JSON.parse(report(browser, [])).error, /arsverk\.data/);

  assert.equal(provide(browser, data), '');
  for (const settings of [{}, { population_year: 'next', lang: 'en' }]) {
    assert.equal(report(browser, [EX_2023, EX_2024], settings), report(node, [EX_2023, EX_2024], settings));
  }
  assert.equal(provide(browser, data), '', 'given once more: taken as before');
});
