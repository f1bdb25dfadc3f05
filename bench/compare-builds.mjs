// Benchmark (prints figures, passes or fails nothing): how fast the Node build of the module reads
// a population file fed as the page's worker feeds it (each 1 MiB slice copied once into a staging
// buffer in the module's heap, then feedHeap). With several module directories the builds are
// timed in turns, pass by pass, so that a size cut can be weighed against reading speed on a
// shared machine in the same minutes. Median of --passes (default 7) per build.
//
//   node bench/compare-builds.mjs FILE [--passes N] [--mb N] DIR...   (DIR holds arsverk-node.{js,wasm})
//   A DIR that also holds arsverk-node.deferred.wasm is a build split as the browser's is
//   (wasm/CMakeLists.txt; its loader linked with -sSPLIT_MODULE): the second part is instantiated
//   from there, as web/src/worker.js does.
//   FILE: e.g. the population file arsverk_bench writes ($TMPDIR/arsverk-bench/befolkning_stor.csv);
//   --mb N reads only its first N MB (to the end of a line; default 20).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const SLICE_BYTES = 1 << 20;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [v] = args.splice(i, 2).slice(1);
  return Number(v);
};
const passes = option('--passes', 7);
const mb = option('--mb', 20);
const [file, ...dirs] = args;
if (!file || dirs.length === 0) {
  console.error('usage: node bench/compare-builds.mjs FILE [--passes N] [--mb N] DIR...');
  process.exit(2);
}

let bytes = readFileSync(file);
if (bytes.length > mb * 1e6) bytes = bytes.subarray(0, bytes.indexOf(10, mb * 1e6) + 1);

async function load(dir) {
  const cjs = join(mkdtempSync(join(tmpdir(), 'arsverk-read-')), 'arsverk-node.cjs');
  copyFileSync(join(dir, 'arsverk-node.js'), cjs);
  const create = createRequire(import.meta.url)(cjs);
  const deferredPath = join(dir, 'arsverk-node.deferred.wasm');
  const deferred = existsSync(deferredPath) ? new WebAssembly.Module(readFileSync(deferredPath)) : null;
  const module = await create({
    wasmBinary: readFileSync(join(dir, 'arsverk-node.wasm')),
    loadSplitModule: (file, imports) => [new WebAssembly.Instance(deferred, imports), deferred],
    print: () => {},
    printErr: () => {},
  });
  return { module, calculator: new module.Calculator(), staging: module._malloc(SLICE_BYTES) };
}

function read({ module, calculator, staging }) {
  calculator.clear();
  const t = performance.now();
  const id = calculator.beginFile('befolkning.csv');
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const slice = bytes.subarray(at, Math.min(at + SLICE_BYTES, bytes.length));
    module.HEAPU8.set(slice, staging);
    const error = calculator.feedHeap(id, staging, slice.length);
    if (error) throw new Error(error);
  }
  const error = calculator.endFile(id);
  if (error) throw new Error(error);
  const ms = performance.now() - t;
  const report = calculator.report(JSON.stringify({ year: null, population_year: 'same', carry_forward: 'auto', suppression: 'auto', lang: 'nb' }));
  return { ms, report: createHash('sha256').update(report).digest('hex').slice(0, 12) };
}

const builds = [];
for (const dir of dirs) builds.push({ dir: resolve(dir), ...await load(resolve(dir)), times: [] });
read(builds[0]); // warm-up of the file cache and the JIT of the feeding loop
for (let p = 0; p < passes; p++) {
  for (const b of (p % 2 ? [...builds].reverse() : builds)) {
    const { ms, report } = read(b);
    b.times.push(ms);
    b.report = report;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const MB = bytes.length / 1e6;
const base = median(builds[0].times);
console.log(`${MB.toFixed(1)} MB, ${passes} passes, 1 MiB slices through feedHeap`);
for (const b of builds) {
  const m = median(b.times);
  console.log(`${b.dir}: median ${m.toFixed(0)} ms, ${(MB / (m / 1000)).toFixed(1)} MB/s, ×${(m / base).toFixed(3)} ` +
    `of the first; fastest ${Math.min(...b.times).toFixed(0)} ms (all: ${b.times.map((t) => t.toFixed(0)).join(' ')}; report sha256 ${b.report})`);
}
