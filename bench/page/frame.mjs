// Benchmark (prints figures, passes or fails nothing): where the page's main thread spends a change
// that needs no report — the year, then the language — on the example data in headless Chromium
// over dist/ (npm run build:web first). A Chromium trace (devtools.timeline) of each of --passes
// changes of each kind; per change, the main thread's time by trace event (script, style, layout,
// paint, the compositor's commit, timers, animation frames), the change's first frame (its first
// task until the end of the first paint after it), and the DOM's node count after. The events nest
// (a timer's time includes the script it runs), so the rows are not to be summed.
//
//   node bench/page/frame.mjs [--passes N] [--dist DIR]
import { join, resolve } from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { openGuardedBrowser } from '../../tests/web/browser.mjs';
import { root } from '../../tests/wasm/lib.mjs';

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const passes = Number(arg('--passes')) || 3;
const dist = resolve(arg('--dist') ?? join(root, 'dist'));
const SHOWN = ['RunTask', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout',
  'PrePaint', 'Paint', 'Commit', 'ParseHTML', 'MinorGC', 'MajorGC'];

const { server, url } = await startServer({ root: dist, port: 0 });
const origin = url.replace(/\/$/, '');
const { context, page } = await openGuardedBrowser(origin);
try {
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.click('#example-button');
  await page.waitForFunction(() => Number(document.body.dataset.renders || 0) > 0 && document.body.dataset.busy === 'false');
  const cdp = await context.newCDPSession(page);

  // Runs `change` `passes` times, each under a trace of its own: the main thread's time per event
  // name, per change, and the change's first frame — from its first task until the end of the first
  // paint after it (the figures on screen; what the page does after that paint is not in it).
  async function traced(change) {
    const sums = {};
    const firstFrames = [];
    for (let i = 0; i < passes; i++) {
      const events = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
      await page.evaluate(change, i);
      await page.waitForFunction(() => document.body.dataset.busy === 'false');
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // the charts' drawing after the paint
      await cdp.send('Tracing.end');
      await complete;
      cdp.removeAllListeners('Tracing.dataCollected');
      const timed = events.filter((e) => e.ph === 'X' && e.dur);
      const byThread = new Map();
      for (const e of timed.filter((x) => x.name === 'FunctionCall')) byThread.set(e.tid, (byThread.get(e.tid) ?? 0) + e.dur);
      const mainThread = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
      const own = timed.filter((x) => x.tid === mainThread).sort((a, b) => a.ts - b.ts);
      for (const e of own) sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000 / passes;
      const first = own.find((e) => e.name === 'RunTask' && e.dur > 1000);
      const paint = first && own.find((e) => e.name === 'Paint' && e.ts > first.ts);
      if (paint) firstFrames.push((paint.ts + paint.dur - first.ts) / 1000);
    }
    sums['first frame'] = firstFrames.sort((a, b) => a - b)[Math.floor(firstFrames.length / 2)];
    return sums;
  }

  const changes = {
    'the year': (i) => {
      const select = document.getElementById('year-select');
      const years = [...select.options].map((o) => o.value);
      select.value = years[i % years.length] === select.value ? years[(i + 1) % years.length] : years[i % years.length];
      select.dispatchEvent(new Event('change'));
    },
    'the language': () => document.getElementById('lang-button').click(),
  };
  console.log(`main thread per change, Chromium trace, mean of ${passes} (ms; events nest, so rows overlap;`);
  console.log('  first frame: the median of the change\'s first task until the end of the first paint after it):');
  console.log(`  ${'event'.padEnd(20)}${Object.keys(changes).map((c) => c.padStart(14)).join('')}`);
  const results = {};
  for (const [name, change] of Object.entries(changes)) results[name] = await traced(change);
  for (const event of [...SHOWN, 'first frame']) {
    console.log(`  ${event.padEnd(20)}${Object.keys(changes).map((c) => (results[c][event] ?? 0).toFixed(1).padStart(14)).join('')}`);
  }
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  console.log(`  elements in the page after: ${nodes}`);
} finally {
  await context.close();
  server.close();
}
