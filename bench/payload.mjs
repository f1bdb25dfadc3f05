// Benchmark (prints figures, passes or fails nothing): what a first visit downloads. Serves dist/
// with scripts/serve.mjs, opens the page in headless Chromium, clicks «Prøv med eksempeldata» and
// waits until the key figures and charts are shown, recording every response the page and its
// worker receive. Prints each file's bytes and gzip -9 size: the first load (HTML, CSS, scripts,
// wasm; what the payload goal counts), the example data, and apart from those what was fetched
// lazily (opening the map) and what the service worker fetched for offline use. The first load ends
// when the page is ready for files (body[data-ready]; a request counts by when it started); what the
// worker asks for after that (the module's second part, web/src/worker.js) is counted apart, and what
// the example's result needs (the data, Chart.js) under the example.
//
//   node bench/payload.mjs [--dist DIR] [--json]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { startServer } from '../scripts/serve.mjs';
import { root } from '../tests/wasm/lib.mjs';

const args = process.argv.slice(2);
const dist = resolve(root, args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist');

const { server, url } = await startServer({ root: dist, port: 0 });
const origin = url.replace(/\/$/, '');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arsverk-payload-')), {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  viewport: { width: 1280, height: 900 },
  locale: 'nb-NO',
});

// path -> phase of its first request ('first', 'ready', 'example', 'lazy', 'offline')
const seen = new Map();
const started = new Map(); // path -> when its request started (ms since the epoch)
let phase = 'first';
context.on('response', (r) => {
  if (!r.url().startsWith(`${origin}/`) || r.status() !== 200) return;
  const path = new URL(r.url()).pathname.slice(1) || 'index.html';
  const p = r.request().serviceWorker() && path !== 'sw.js' ? 'offline' : phase;
  if (!seen.has(path) || (seen.get(path) === 'offline' && p !== 'offline')) {
    seen.set(path, p);
    started.set(path, r.request().timing().startTime);
  }
});
// The moment the page said it was ready for files.
await context.addInitScript(() => {
  new MutationObserver((_, seen) => {
    if (document.body?.dataset.ready !== 'true') return;
    window.arsverkReadyAt = performance.timeOrigin + performance.now();
    seen.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
});

const page = context.pages()[0] ?? await context.newPage();
await page.goto(`${origin}/`);
await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
const readyAt = await page.evaluate(() => window.arsverkReadyAt);
phase = 'example';
const clickAt = Date.now();
await page.click('#example-button');
// Drawn: every figure has its canvas and none waits for Chart.js (aria-busy) any more.
await page.waitForFunction(() => document.querySelector('#key-figures .cards .value') && document.body.dataset.busy === 'false' &&
  document.querySelectorAll('#charts figure canvas').length > 0 && !document.querySelector('#charts figure[aria-busy]'), null, { timeout: 60000 });
phase = 'lazy';
await page.click('#map-details > summary');
await page.waitForFunction(() => Number(document.getElementById('map-root').dataset.rendered || 0) > 0, null, { timeout: 60000 });
await page.waitForTimeout(500);
await context.close();
server.close();

const rows = [...seen].map(([path, p]) => {
  const bytes = readFileSync(join(dist, path));
  const at = started.get(path);
  const phaseOf = (p === 'first' || p === 'example') && at > readyAt && at < clickAt ? 'ready' : p;
  return { path, phase: phaseOf, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const phases = {
  first: 'first load (page, CSS, scripts, wasm) until ready for files',
  ready: 'asked for by the worker once ready, before any file (the module\'s second part)',
  example: 'example data (after the click)',
  lazy: 'lazy (opening the map)',
  offline: 'service worker only (offline copy, not waited for)',
};
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const totals = {};
for (const [p, title] of Object.entries(phases)) {
  const list = rows.filter((r) => r.phase === p).sort((a, b) => b.gzip - a.gzip);
  const sum = list.reduce((s, r) => ({ bytes: s.bytes + r.bytes, gzip: s.gzip + r.gzip }), { bytes: 0, gzip: 0 });
  totals[p] = sum;
  if (args.includes('--json')) continue;
  console.log(`\n${title}: ${list.length} files   ${kb(sum.bytes)} KB   ${kb(sum.gzip)} KB gzip`);
  for (const r of list) console.log(`  ${r.path.padEnd(44)} ${kb(r.bytes)} KB ${kb(r.gzip)} KB gzip`);
}
if (args.includes('--json')) console.log(JSON.stringify({ files: rows, totals }, null, 2));
