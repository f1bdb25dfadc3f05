// Benchmark (prints figures, passes or fails nothing): what a change of a setting or the language
// costs in the worker — the core's report for all years on the example data, and JSON.parse of it
// as the page does — over the Node build of the module. Median of --passes (default 15).
//
//   node bench/recompute.mjs [--passes N] [--fresh N]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { loadModule, root } from '../tests/wasm/lib.mjs';

const passes = Number(process.argv[process.argv.indexOf('--passes') + 1]) || 15;
const EXAMPLES = ['eksempel_arsverk_2023.csv', 'eksempel_arsverk_2024_2025.csv'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeIt(f) {
  const times = [];
  let value;
  for (let i = 0; i < passes; i++) {
    const t = performance.now();
    value = f(i);
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

// A fresh module's first report, without and with the warm-up the worker runs at start
// (wasm/bindings.cpp): each in a process of its own (V8 shares compiled code between modules of
// the same bytes in one process), median over --fresh processes (default 3).
const fresh = Number(process.argv[process.argv.indexOf('--fresh') + 1]) || 3;
if (process.argv.includes('--first-report')) {
  const m = await loadModule();
  if (process.argv.includes('--warm')) m.warmUp();
  const c = new m.Calculator();
  for (const name of EXAMPLES) {
    const id = c.beginFile(name);
    c.feed(id, readFileSync(join(root, 'data', 'example', name)));
    c.endFile(id);
  }
  const t = performance.now();
  c.report(JSON.stringify({ year: null, population_year: 'same', lang: 'nb' }));
  console.log(performance.now() - t);
  process.exit(0);
}
const firstReportMs = (warm) => median(Array.from({ length: fresh }, () => Number(execFileSync(process.execPath,
  [fileURLToPath(import.meta.url), '--first-report', ...(warm ? ['--warm'] : [])], { encoding: 'utf8' }))));
const firstCold = firstReportMs(false);
const firstWarm = firstReportMs(true);

const module = await loadModule();
const calc = new module.Calculator();
const readMs = timeIt(() => {
  calc.clear();
  for (const name of EXAMPLES) {
    const id = calc.beginFile(name);
    calc.feed(id, readFileSync(join(root, 'data', 'example', name)));
    const error = calc.endFile(id);
    if (error) throw new Error(`${name}: ${error}`);
  }
}).ms;

// The page's settings as it changes them: each pass a different one, so nothing can be reused.
const variants = [
  { population_year: 'same', carry_forward: false, suppression: false, lang: 'nb' },
  { population_year: 'next', carry_forward: false, suppression: false, lang: 'nb' },
  { population_year: 'same', carry_forward: true, suppression: false, lang: 'en' },
  { population_year: 'same', carry_forward: false, suppression: true, lang: 'nb' },
];
const settings = (i, year = null) => JSON.stringify({ year, ...variants[i % variants.length] });

const all = timeIt((i) => calc.report(settings(i)));
const parse = timeIt(() => JSON.parse(all.value));
const oneYear = timeIt((i) => calc.report(settings(i, 2024)));

const figures = {
  passes,
  read_example_ms: readMs,
  report_all_years_ms: all.ms,
  report_all_years_bytes: Buffer.byteLength(all.value),
  parse_all_years_ms: parse.ms,
  change_all_years_ms: all.ms + parse.ms,
  report_one_year_ms: oneYear.ms,
  first_report_cold_ms: firstCold,
  first_report_after_warm_up_ms: firstWarm,
};
console.log('recompute on the example data (wasm under Node, median of %d):', passes);
console.log('  read both example files          %s ms', readMs.toFixed(1));
console.log('  report, all years (%s MB JSON)   %s ms', (figures.report_all_years_bytes / 1e6).toFixed(2), all.ms.toFixed(1));
console.log('  JSON.parse of it                 %s ms', parse.ms.toFixed(1));
console.log('  = a change in the worker + page  %s ms', figures.change_all_years_ms.toFixed(1));
console.log('  report, one year                 %s ms', oneYear.ms.toFixed(1));
console.log('  a fresh module\'s first report   %s ms (after warmUp: %s ms; median of %d processes)', firstCold.toFixed(1), firstWarm.toFixed(1), fresh);
console.log(JSON.stringify(figures));
