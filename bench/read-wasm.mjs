// Benchmark (prints figures, passes or fails nothing): read + aggregate throughput of the wasm
// module under Node on the same generated SSB-style population file as the native benchmark,
// fed as the page's worker feeds it (1 MiB slices copied into one staging buffer in the module's
// heap, then feedHeap), next to the native figure of the same run. Native and wasm passes take
// turns, so both see the same load; the medians and their ratio are printed.
//
//   node bench/read-wasm.mjs [--mb N] [--passes N] [--dir DIR]   (--help)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadModule, root } from '../tests/wasm/lib.mjs';

const USAGE = `node bench/read-wasm.mjs: read + aggregate throughput, wasm under Node and native

  node bench/read-wasm.mjs [--mb N] [--passes N] [--dir DIR]

  --mb N      size of the generated population file in MB (default 100), written by
              build/bin/arsverk_bench (or $ARSVERK_BENCH), which also gives the native figure
  --passes N  native and wasm passes, taken in turns (default 3); medians are printed
  --dir DIR   where the file is written (default: arsverk-bench in the system's temporary
              directory, as arsverk_bench does)
  --help      this text
`;

const SLICE_BYTES = 1 << 20;  // as web/src/worker.js

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const mb = Number(option('--mb', '100'));
const passes = Number(option('--passes', '3'));
const dir = resolve(option('--dir', join(tmpdir(), 'arsverk-bench')));
if (!(mb > 0) || !(passes > 0)) {
  process.stderr.write(`--mb and --passes must be numbers above 0\n\n${USAGE}`);
  process.exit(2);
}

const benchPath = process.env.ARSVERK_BENCH || join(root, 'build', 'bin', 'arsverk_bench');
if (!existsSync(benchPath)) {
  process.stderr.write(`${benchPath} not found. Build it: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2\n`);
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One native run: writes the file (the same bytes every time) and reads it; its MB/s.
function nativePass() {
  const run = spawnSync(benchPath, ['--mb', String(mb), '--dir', dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`arsverk_bench failed: ${run.stderr}`);
  const figure = (what) => {
    const line = run.stdout.split('\n').find((l) => l.includes(what));
    const found = line && line.match(/([\d.]+) ms\s+([\d.]+) MB\/s/);
    if (!found) throw new Error(`no "${what}" figure in arsverk_bench's output:\n${run.stdout}`);
    return Number(found[2]);
  };
  return { mbs: figure('read + aggregate population'), cpuMbs: figure('the same in CPU time') };
}

// One wasm pass: the file read from disk slice by slice and fed through the staging buffer.
function wasmPass(module, path) {
  const calc = new module.Calculator();
  const staging = module._malloc(SLICE_BYTES);
  const slice = Buffer.alloc(SLICE_BYTES);
  const fd = openSync(path, 'r');
  const t = performance.now();
  const cpu = process.cpuUsage();
  const id = calc.beginFile('befolkning_stor.csv');
  for (;;) {
    const n = readSync(fd, slice, 0, SLICE_BYTES, null);
    if (n === 0) break;
    module.HEAPU8.set(n === SLICE_BYTES ? slice : slice.subarray(0, n), staging);
    const error = calc.feedHeap(id, staging, n);
    if (error) throw new Error(error);
  }
  const error = calc.endFile(id);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  closeSync(fd);
  if (error) throw new Error(error);
  module._free(staging);
  calc.delete();
  return { ms, cpuMs, heap: module.HEAPU8.length };
}

const module = await loadModule();
const path = join(dir, 'befolkning_stor.csv');
const native = [], wasm = [];
let bytes = 0, heap = 0;
for (let p = 0; p < passes; p++) {
  native.push(nativePass());
  bytes = statSync(path).size;
  const w = wasmPass(module, path);
  heap = Math.max(heap, w.heap);
  wasm.push({ mbs: bytes / 1e6 / (w.ms / 1000), cpuMbs: bytes / 1e6 / (w.cpuMs / 1000) });
}

const list = (runs, key) => runs.map((r) => r[key].toFixed(1)).join(', ');
const show = (what, runs, key) =>
  console.log(`  ${what.padEnd(44)} ${median(runs.map((r) => r[key])).toFixed(1).padStart(7)} MB/s  (passes: ${list(runs, key)})`);
const ratio = (key) => (100 * median(wasm.map((r) => r[key])) / median(native.map((r) => r[key]))).toFixed(1);
console.log(`population file: ${path}, ${(bytes / 1e6).toFixed(1)} MB; ${passes} pass(es) each, in turns; Node ${process.version}`);
show('native read + aggregate (arsverk_bench)', native, 'mbs');
show('wasm read + aggregate (feedHeap, 1 MiB)', wasm, 'mbs');
show('native, in CPU time', native, 'cpuMbs');
show('wasm, in CPU time (the Node process)', wasm, 'cpuMbs');
console.log(`  wasm / native, wall clock                    ${ratio('mbs')} %`);
console.log(`  wasm / native, CPU time                      ${ratio('cpuMbs')} %`);
console.log(`  wasm memory after the file                   ${(heap / 2 ** 20).toFixed(0)} MiB`);
