// Shared by the wasm and web tests: where the native CLI and the Node wasm build are, how to run
// the CLI on files with settings, and how to feed a file to the wasm module in chunks.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function firstExisting(candidates, what, hint) {
  for (const c of candidates.filter(Boolean)) {
    const p = resolve(root, c);
    if (existsSync(p)) return p;
  }
  throw new Error(`${what} not found (looked in ${candidates.filter(Boolean).join(', ')}). ${hint}`);
}

// The native CLI: $ARSVERK_CLI, else build/bin/arsverk, else build-web-native/bin/arsverk.
export function cliPath() {
  return firstExisting([process.env.ARSVERK_CLI, 'build/bin/arsverk', 'build-web-native/bin/arsverk'],
    'The native CLI', 'Build it: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2');
}

// The Node build of the module: $ARSVERK_WASM_DIR, else build-wasm/bin.
export function nodeWasmPaths() {
  const dir = firstExisting([process.env.ARSVERK_WASM_DIR, 'build-wasm/bin'].map((d) => d && join(d, 'arsverk-node.js')),
    'arsverk-node.js', 'Build it: NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-wasm && cmake --build build-wasm -j2');
  return { js: dir, wasm: dir.replace(/\.js$/, '.wasm') };
}

// Loads the module. The package is "type": "module", so the CommonJS loader is copied to a .cjs
// file first; the wasm bytes are passed in (Emscripten 3.1.6 tries fetch() on a path under Node 20).
export async function loadModule(wasm = nodeWasmPaths().wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'arsverk-wasm-'));
  const cjs = join(dir, 'arsverk-node.cjs');
  copyFileSync(nodeWasmPaths().js, cjs);
  const createArsverk = createRequire(import.meta.url)(cjs);
  return createArsverk({ wasmBinary: readFileSync(wasm), print: () => {}, printErr: () => {} });
}

// The browser's module, whole (before wasm-split), and its arsverk.data: the same code as the Node
// build but with its registers and population apart (wasm/CMakeLists.txt); the Node loader runs it.
export function browserModulePaths() {
  const dir = dirname(nodeWasmPaths().wasm);
  return { wasm: join(dir, 'arsverk.wasm.orig'), data: join(dir, 'arsverk.data') };
}

// A rule setting as the CLI takes it: "auto" | "on" | "off"; true / false as "on" / "off".
const ruleArg = (v) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : v);

export const DEFAULT_SETTINGS = { year: null, population_year: 'same', carry_forward: 'auto', suppression: 'auto', lang: 'nb' };

export function cliArgs(settings = {}) {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const args = [];
  if (s.year != null) args.push('--year', String(s.year));
  args.push('--population-year', s.population_year, '--carry-forward', ruleArg(s.carry_forward),
    '--suppression', ruleArg(s.suppression), '--lang', s.lang);
  return args;
}

// Runs the CLI; exit status 1 (the data had errors) still prints the report.
export function runCli(files, settings = {}, format = 'json') {
  const r = spawnSync(cliPath(), [...files.map((f) => resolve(root, f)), ...cliArgs(settings), '--format', format],
    { maxBuffer: 256 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`arsverk exited ${r.status}: ${r.stderr}`);
  return r.stdout; // a Buffer
}

// A deterministic sequence of chunk sizes (mulberry32).
export function randomChunker(seed, max) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return 1 + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

// Feeds a whole file to the calculator in chunks whose sizes come from next(); returns its id.
export function feedFile(calc, path, next) {
  const bytes = readFileSync(resolve(root, path));
  const id = calc.beginFile(basename(path));
  for (let at = 0; at < bytes.length;) {
    const n = Math.max(1, next());
    const err = calc.feed(id, bytes.subarray(at, Math.min(bytes.length, at + n)));
    if (err) throw new Error(`feed ${path}: ${err}`);
    at += n;
  }
  const err = calc.endFile(id);
  if (err) throw new Error(`endFile ${path}: ${err}`);
  return id;
}

export const fixed = (n) => () => n;
