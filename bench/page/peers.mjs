#!/usr/bin/env node
// Benchmark (prints figures; fails only when the contestants disagree on the checksum): the
// calculator's real page worker (dist/worker.js) against PapaParse, uDSV, DuckDB-wasm, a plain-JS
// baseline and the read-only floor, each in its own dedicated worker of one bench page in one
// headless-Chromium session, over the same File, interleaved passes. Then the recompute timing
// (bench/page/recompute.mjs, spawned). `node bench/page/peers.mjs --help`.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHECK_REGION, LAST_YEAR, writePopulation } from './make-population.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

const USAGE = `usage: node bench/page/peers.mjs [options]

  --passes N      interleaved passes (default 3; 1 with --small)
  --size-mb N     size of the generated SSB-style population file (default 145)
  --small         a 7 MB file (two years): the smoke run scripts/test.sh does
  --only A,B      only these contestants (names as in the table; "ours" is always run)
  --json PATH     where the figures go (default test-artifacts/bench/peers.json)
  --no-recompute  leave out the recompute timing (bench/page/recompute.mjs)
  --keep          keep the generated file (written to a new folder in the system's temporary directory)
  --help          this text

Takes dist/ as built (node scripts/build-web.mjs after the wasm build) and bench/page's own
packages (npm ci --prefix bench/page). Exit status 1 when a contestant fails, the contestants
disagree on the checksum, the page throws or asks another origin for anything (Oslo's population in ${LAST_YEAR}), 2 for wrong usage or a missing build.`;

const CONTESTANTS = ['ours', 'plain JS', 'uDSV', 'PapaParse', 'DuckDB-wasm', 'read only'];
const FLOOR = 'read only';
const GOALS = { 'DuckDB-wasm': 2, PapaParse: 5 }; // ours ÷ it, at least
const FLOOR_GOAL = 0.7; // ours as a share of the floor, at least
const MEMORY_GOAL = 64 * 2 ** 20; // wasm memory while reading the big file, at most

function parseArgs(argv) {
  const o = { passes: null, sizeMb: 145, json: join(root, 'test-artifacts/bench/peers.json'), recompute: true, keep: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else if (a === '--passes') o.passes = Number(value());
    else if (a === '--size-mb') o.sizeMb = Number(value());
    else if (a === '--small') { o.sizeMb = 7; o.passes ??= 1; }
    else if (a === '--only') o.only = value().split(',').map((s) => s.trim());
    else if (a === '--json') o.json = resolve(value());
    else if (a === '--no-recompute') o.recompute = false;
    else if (a === '--keep') o.keep = true;
    else usage(`unknown option ${a}`);
  }
  o.passes ??= 3;
  if (!Number.isInteger(o.passes) || o.passes < 1) usage('--passes wants a whole number ≥ 1');
  if (!(o.sizeMb > 0)) usage('--size-mb wants a positive number');
  const unknown = (o.only || []).filter((n) => !CONTESTANTS.includes(n));
  if (unknown.length) usage(`unknown contestant ${unknown.join(', ')} (known: ${CONTESTANTS.join(', ')})`);
  return o;
}

function usage(message) {
  console.error(`peers: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function need(path, how) {
  if (existsSync(path)) return;
  console.error(`peers: ${relative(process.cwd(), path) || path} is missing. ${how}`);
  process.exit(2);
}

// Folders in the system's temporary directory, removed also when the run is interrupted.
const temporary = new Set();
const temporaryDir = (prefix) => {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  temporary.add(dir);
  return dir;
};
const removeTemporary = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  temporary.delete(dir);
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// The bench page (bench/page/site) at /, dist/ at /dist/, the peers' files at /vendor/ — only the
// packages the page loads, straight from bench/page/node_modules.
const VENDOR = ['@duckdb/duckdb-wasm/dist/', 'apache-arrow/', 'flatbuffers/mjs/', 'tslib/', 'papaparse/', 'udsv/dist/'];
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.map': 'application/json' };

async function startServer(resolvePath) {
  const mounts = [['/dist/', join(root, 'dist')], ['/vendor/', join(here, 'node_modules')], ['/', join(here, 'site')]];
  const server = createServer(async (req, res) => {
    const url = (req.url || '/').split('?')[0];
    const [prefix, dir] = mounts.find(([p]) => url.startsWith(p));
    const rest = url.slice(prefix.length);
    const allowed = prefix !== '/vendor/' || VENDOR.some((p) => rest.startsWith(p));
    const path = allowed ? resolvePath(dir, `/${rest}`) : null;
    const info = path && await stat(path).catch(() => null);
    if (!info?.isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': MIME[extname(path)] || 'application/octet-stream', 'Content-Length': info.size, 'Cache-Control': 'no-store' });
    createReadStream(path).pipe(res);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// One browser session: the page, the File through the file input, the contestants' workers
// started, then every pass runs each contestant once (the order turned by one each pass).
async function runSession({ chromium, origin, file, names, passes, expected, log }) {
  const profile = temporaryDir('arsverk-bench-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  });
  const foreign = [];
  const errors = []; // uncaught on the page: the run fails
  const consoleErrors = []; // printed only
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.getElementById('state').textContent === 'loaded');
    await page.setInputFiles('#file', file);
    const setup = await page.evaluate((n) => window.bench.setup(n), names);
    log(`Chromium ${context.browser()?.version() ?? ''}${setup.duckdbVersion ? `, DuckDB ${setup.duckdbVersion}` : ''}; ` +
      `start-up: ours ${setup.times.ours.toFixed(0)} ms (module + example årsverk file)` +
      `${setup.times.duckdb == null ? '' : `, DuckDB-wasm ${setup.times.duckdb.toFixed(0)} ms`}`);
    const runs = Object.fromEntries(names.map((n) => [n, []]));
    const check = { region: CHECK_REGION, year: String(LAST_YEAR) };
    for (let pass = 0; pass < passes; pass++) {
      log(`pass ${pass + 1} of ${passes}, load average ${loadAverage()}`);
      const order = names.map((_, i) => names[(i + pass) % names.length]);
      for (const name of order) {
        let r;
        try {
          r = await page.evaluate(([n, c]) => window.bench.run(n, c), [name, check]);
        } catch (err) {
          r = { error: err.message.split('\n')[0] };
        }
        runs[name].push(r);
        log(`  ${name.padEnd(12)} ${r.error ? `failed: ${r.error}` : `${r.ms.toFixed(0).padStart(7)} ms ${mbps(expected.bytes, r.ms).padStart(7)} MB/s  ${agreement(name, r, expected)}`}`);
      }
    }
    return { runs, setup, browser: context.browser()?.version() ?? null, foreign, errors, consoleErrors };
  } finally {
    await context.close();
    removeTemporary(profile);
  }
}

const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);

// What a run says about the file, and whether it is what the generator wrote.
function agreement(name, r, expected) {
  if (name === FLOOR) return r.bytes === expected.bytes ? `read ${r.bytes} bytes` : `WRONG: read ${r.bytes} of ${expected.bytes} bytes`;
  const wrong = [];
  if (r.check !== expected.check) wrong.push(`check ${r.check} (expected ${expected.check})`);
  if (r.rows != null && r.rows !== expected.rows) wrong.push(`rows ${r.rows} (expected ${expected.rows})`);
  if (r.groups != null && r.groups !== expected.groups) wrong.push(`groups ${r.groups} (expected ${expected.groups})`);
  return wrong.length ? `WRONG: ${wrong.join(', ')}` : `check ${r.check}, ${r.rows ?? '–'} rows, ${r.groups ?? '–'} groups`;
}
const agrees = (name, r, expected) => !r.error && !agreement(name, r, expected).startsWith('WRONG');

function summarise(runs, expected) {
  const ours = runs.ours.every((r) => agrees('ours', r, expected)) ? runs.ours.map((r) => r.ms) : null;
  const table = {};
  for (const [name, rs] of Object.entries(runs)) {
    const ms = rs.map((r) => r.ms);
    const ok = rs.every((r) => agrees(name, r, expected));
    const row = { median_ms: ok ? median(ms) : null, mb_per_s: ok ? expected.bytes / 1e6 / (median(ms) / 1000) : null, ms, agrees: ok };
    // Per pass (same minutes, same load), then the median: > 1 means ours is faster.
    if (ok && ours && name === FLOOR) row.ours_share_of_floor = median(ms.map((m, i) => m / ours[i]));
    else if (ok && ours && name !== 'ours') row.ours_speed_ratio = median(ms.map((m, i) => m / ours[i]));
    table[name] = row;
  }
  return table;
}

function printTable(table, log) {
  const cell = (x, digits, suffix = '') => (x == null ? '–' : `${x.toFixed(digits)}${suffix}`);
  log('');
  log(`${'contestant'.padEnd(34)}${'median ms'.padStart(10)}${'MB/s'.padStart(8)}${'ours ÷ it'.padStart(11)}`);
  for (const [name, row] of Object.entries(table)) {
    const label = { ours: 'ours (the page worker)', 'DuckDB-wasm': 'DuckDB-wasm (read_csv+GROUP BY)', [FLOOR]: 'read only (the floor)' }[name] ?? name;
    const ratio = name === FLOOR ? `${cell(row.ours_share_of_floor && row.ours_share_of_floor * 100, 0, ' %')}` : cell(row.ours_speed_ratio, 2, '×');
    log(`${label.padEnd(34)}${cell(row.median_ms, 0).padStart(10)}${cell(row.mb_per_s, 1).padStart(8)}${(name === 'ours' ? '' : ratio).padStart(11)}${row.agrees ? '' : '  (failed or disagreed)'}`);
  }
  log('ours ÷ it: its time over ours per pass, median (> 1: ours faster); for the floor, ours as a share of its speed');
}

function judgeGoals(table, peakWasm, small, log) {
  const goals = [];
  for (const [name, least] of Object.entries(GOALS)) {
    const r = table[name]?.ours_speed_ratio;
    if (table[name]) goals.push({ goal: `≥ ${least}× ${name}`, value: r ?? null, met: r != null && r >= least });
  }
  const share = table[FLOOR]?.ours_share_of_floor;
  if (table[FLOOR]) goals.push({ goal: `≥ ${FLOOR_GOAL * 100} % of the read-only floor`, value: share ?? null, met: share != null && share >= FLOOR_GOAL });
  goals.push({ goal: `wasm memory ≤ ${MEMORY_GOAL / 2 ** 20} MiB while reading the file`, value: peakWasm, met: peakWasm != null && peakWasm <= MEMORY_GOAL });
  log('');
  log(`goals (same file, same session${small ? '; on a file this small they say little' : ''}):`);
  const shown = (g) => (g.value == null ? '–' : g.goal.includes('MiB') ? `${(g.value / 2 ** 20).toFixed(0)} MiB`
    : g.goal.includes('%') ? `${(g.value * 100).toFixed(0)} %` : `${g.value.toFixed(2)}×`);
  for (const g of goals) log(`  ${g.goal.padEnd(48)} ${shown(g).padStart(8)}  ${g.met ? 'met' : 'not met'}`);
  return goals;
}

function runRecompute(passes, log) {
  const json = join(temporaryDir('arsverk-bench-recompute-'), 'recompute.json');
  log('');
  log(`recompute (node bench/page/recompute.mjs --passes ${passes}):`);
  const r = spawnSync(process.execPath, [join(here, 'recompute.mjs'), '--passes', String(passes), '--json', json], { cwd: root, encoding: 'utf8' });
  for (const line of r.stdout.trimEnd().split('\n')) log(`  ${line}`);
  const figures = r.status === 0 ? JSON.parse(readFileSync(json, 'utf8')) : null;
  removeTemporary(dirname(json));
  if (figures) return figures.summary;
  log(`  failed (exit ${r.status}): ${r.stderr.trim()}`);
  return { error: r.stderr.trim() || `exit ${r.status}` };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  need(join(root, 'dist/worker.js'), 'Build the module and the page first:\n  NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-wasm ' +
    '-DCMAKE_BUILD_TYPE=Release && cmake --build build-wasm -j2\n  node scripts/build-web.mjs');
  need(join(here, 'node_modules/playwright-core'), 'Install the benchmark\'s packages: npm ci --prefix bench/page');
  const { chromium } = await import('playwright-core');
  const { resolvePath } = await import('../../scripts/serve.mjs');
  const packages = Object.fromEntries(['@duckdb/duckdb-wasm', 'papaparse', 'udsv', 'playwright-core']
    .map((p) => [p, JSON.parse(readFileSync(join(here, 'node_modules', p, 'package.json'), 'utf8')).version]));
  const lines = [];
  const log = (s) => { lines.push(s); console.log(s); };

  const dir = o.keep ? mkdtempSync(join(os.tmpdir(), 'arsverk-bench-page-')) : temporaryDir('arsverk-bench-page-');
  const file = join(dir, `population-${o.sizeMb}mb.csv`);
  const expected = await writePopulation(file, o.sizeMb * 1e6);
  log(`${file}: ${(expected.bytes / 1e6).toFixed(1)} MB, ${expected.rows} rows, ${expected.groups} region-years ` +
    `(${expected.years.join('–')}); checksum: Oslo (${CHECK_REGION}) ${LAST_YEAR} = ${expected.check}`);
  log(`${os.cpus().length} cores, load average ${loadAverage()}; ${Object.entries(packages).map(([p, v]) => `${p} ${v}`).join(', ')}`);

  const names = CONTESTANTS.filter((n) => n === 'ours' || !o.only || o.only.includes(n));
  const { server, origin } = await startServer(resolvePath);
  const loadBefore = os.loadavg();
  let session;
  try {
    session = await runSession({ chromium, origin, file, names, passes: o.passes, expected, log });
  } finally {
    server.close();
    if (!o.keep) removeTemporary(dir);
  }
  const loadAfter = os.loadavg();
  const table = summarise(session.runs, expected);
  printTable(table, log);
  const ours = session.runs.ours;
  const oursRan = ours.every((r) => !r.error);
  const peakWasm = oursRan ? Math.max(...ours.map((r) => r.peakWasmBytes)) : null;
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  if (oursRan) {
    log(`ours: wasm memory after the last pass ${mib(ours.at(-1).wasmBytes)} (peak ${mib(peakWasm)}), ${ours.at(-1).progressMessages} progress ` +
      `messages a pass; the report with the file (untimed) ${median(ours.map((r) => r.reportMs)).toFixed(0)} ms`);
  }
  const goals = judgeGoals(table, peakWasm, expected.bytes < 100e6, log);
  const recompute = o.recompute ? runRecompute(o.passes, log) : null;
  log(`load average: ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before the session, ${loadAfter.map((x) => x.toFixed(1)).join(' ')} after`);

  const failures = [];
  for (const [name, row] of Object.entries(table)) if (!row.agrees) failures.push(name);
  if (session.foreign.length) failures.push(`requests to other origins: ${session.foreign.join(', ')}`);
  if (recompute?.error) failures.push('recompute');
  if (session.errors.length) failures.push(`errors on the page: ${session.errors.join(' | ')}`);
  if (session.consoleErrors.length) log(`console errors: ${session.consoleErrors.join(' | ')}`);

  mkdirSync(dirname(o.json), { recursive: true });
  writeFileSync(o.json, `${JSON.stringify({
    date: new Date().toISOString(),
    command: `node bench/page/peers.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { cores: os.cpus().length, load_average_before: loadBefore, load_average_after: loadAfter },
    browser: session.browser, duckdb: session.setup.duckdbVersion, packages,
    file: { bytes: expected.bytes, rows: expected.rows, groups: expected.groups, years: expected.years, check_region: CHECK_REGION, check_year: LAST_YEAR, check: expected.check },
    passes: o.passes, order: names, table, runs: session.runs, setup_ms: session.setup.times,
    ours_wasm_bytes: { after: oursRan ? ours.at(-1).wasmBytes : null, peak: peakWasm },
    goals, recompute, failures,
  }, null, 1)}\n`);
  log(`figures written to ${relative(process.cwd(), o.json)}`);
  if (failures.length) {
    console.error(`peers: FAILED: ${failures.join('; ')}`);
    process.exit(1);
  }
}

await main();
