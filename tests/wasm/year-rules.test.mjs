// The wasm module's yearRules() gives the page each year's schema, structure and education parts
// as the core decides them; the parts of each measure add up to the measure in a report.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_SETTINGS, feedFile, fixed, loadModule } from './lib.mjs';
import { EX_2023, EX_2024 } from '../support/cli.mjs';

const PARTS_2024 = { education_parts: [['b'], ['a'], ['d'], ['c', 'e']], measure_parts: { M1: [1, 0, 2, 3], M2: [1, 0], M3: [0], M4: [2] } };
const PARTS_2015 = {
  education_parts: [['hoy_med'], ['hoy_uten'], ['vgs_helse'], ['annen_vgs', 'ingen']],
  measure_parts: { M1: [0, 1, 2, 3], M2: [0, 1, 2], M3: [0, 1], M4: [0] },
};

test('yearRules() gives every year from 2015 to 2040 its schema, structure and education parts', async () => {
  const rules = JSON.parse((await loadModule()).yearRules());
  assert.deepEqual(Object.keys(rules), Array.from({ length: 26 }, (_, i) => String(2015 + i)));
  assert.deepEqual(rules[2019], { schema: '2015', structure: null, ...PARTS_2015 });
  assert.deepEqual(rules[2023], { schema: '2015', structure: '2020-2023', ...PARTS_2015 });
  assert.deepEqual(rules[2024], { schema: '2024', structure: '2024', ...PARTS_2024 });
});

test('in a report, each measure is the sum of the education parts yearRules() names for it', async () => {
  const Module = await loadModule();
  const rules = JSON.parse(Module.yearRules());
  const calc = new Module.Calculator();
  for (const f of [EX_2023, EX_2024]) feedFile(calc, f, fixed(65536));
  const report = JSON.parse(calc.report(JSON.stringify(DEFAULT_SETTINGS)));
  let checked = 0;
  for (const r of report.results.filter((x) => x.education)) {
    for (const [m, parts] of Object.entries(rules[r.year].measure_parts)) {
      const sum = parts.reduce((s, p) => s + r.education.parts[p], 0);
      assert.ok(Math.abs(sum - r.arsverk[m]) < 1e-6, `${r.level} ${r.code} ${r.year} ${m}: parts ${sum}, measure ${r.arsverk[m]}`);
    }
    checked++;
  }
  assert.ok(checked > 500, `${checked} results with education parts`);
  calc.delete();
});
