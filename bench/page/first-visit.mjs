// Benchmark (prints figures, passes or fails nothing): a first visit over a mobile network, in
// headless Chromium over dist/ (npm run build:web first). Each pass is a new browser profile (no
// HTTP cache, no service worker, no compiled code kept) on a network of 9 Mbit/s down, 1.5 Mbit/s
// up and 60 ms round trip (Network.emulateNetworkConditions); it times, from the navigation:
// ready (the page takes files, body[data-ready]), warm (the worker's warm-up done, with the
// module's second part and its data) and the example (its button pressed at once, until its figures
// and charts are drawn). What the page downloads until ready is in bench/page/recompute.mjs
// (first load, KB gzip); this says what those bytes cost a person on a phone. Medians of --passes
// (default 3), the builds in turns.
//
//   node bench/page/first-visit.mjs [--passes N] [--down MBIT] [--rtt MS] [DIST...]
//
// DIST: builds of the page to compare (default dist/), e.g. one from before a change.
import { resolve } from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { openGuardedBrowser } from '../../tests/web/browser.mjs';
import { root } from '../../tests/wasm/lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return value;
};
const passes = option('--passes', 3);
const downMbit = option('--down', 9);
const rttMs = option('--rtt', 60);
const UP_MBIT = 1.5;
const dists = (args.length ? args : ['dist']).map((d) => resolve(root, d));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function visit(dist) {
  const { server, url } = await startServer({ root: dist, port: 0 });
  const origin = url.replace(/\/$/, '');
  const { context, page, foreign } = await openGuardedBrowser(origin);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: rttMs, downloadThroughput: (downMbit * 1e6) / 8, uploadThroughput: (UP_MBIT * 1e6) / 8,
    });
    const start = Date.now();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 120000 });
    const ready = Date.now() - start;
    await page.click('#example-button');
    await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.busy === 'false',
      null, { timeout: 120000 });
    const example = Date.now() - start;
    const warm = await page.evaluate(() => {
      const mark = performance.getEntriesByName('arsverk:warm')[0];
      return mark ? mark.startTime : null;
    });
    if (foreign.length) throw new Error(`asked of another origin: ${foreign.join(', ')}`);
    return { ready, warm, example };
  } finally {
    await context.close();
    server.close();
  }
}

const figures = new Map(dists.map((d) => [d, []]));
for (let pass = 0; pass < passes; pass++) {
  for (const dist of dists) figures.get(dist).push(await visit(dist));
}

console.log(`a first visit at ${downMbit} Mbit/s down, ${UP_MBIT} up, ${rttMs} ms round trip; headless Chromium, median of ${passes} (ms from the navigation):`);
console.log('  build                                   ready     warm   example drawn');
for (const [dist, runs] of figures) {
  const m = (k) => {
    const values = runs.map((r) => r[k]).filter((v) => v != null);
    return values.length ? String(Math.round(median(values))).padStart(8) : '       —';
  };
  console.log(`  ${dist.replace(`${root}/`, '').slice(-36).padEnd(36)} ${m('ready')} ${m('warm')} ${m('example')}`);
}
console.log('  ready: body[data-ready]; warm: the worker\'s warm-up mark (performance.now()); example: its figures and charts drawn after pressing «Prøv med eksempeldata» at ready');
