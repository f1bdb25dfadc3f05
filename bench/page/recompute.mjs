// Benchmark (prints figures, passes or fails nothing): what the page's user waits for, in headless
// Chromium over dist/ (npm run build:web first) — dropping the national example årsverk file until
// its figures are shown, a municipality's own small file dropped over the example data until its
// figures are shown, and each change of a setting, the language or the year until the page has
// shown the answer (page -> worker -> page, parsing and rendering included). Median of --passes,
// once at full speed and once with the CPU slowed 4× (Emulation.setCPUThrottlingRate), as on a
// municipal laptop. Also prints the first load: what the page downloads until it is ready for
// files, in KB gzip -9, and apart what it asks for after that until the worker is warm (the
// module's second part, web/src/worker.js).
//
//   node bench/page/recompute.mjs [--passes N] [--json FILE] [--dist DIR] [--no-throttle]
//
// --dist: another build of the page (default dist/), e.g. one from before a change; a page without
// the warm-up or body[data-figures] is measured all the same (shown is then drawn).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { startServer } from '../../scripts/serve.mjs';
import { openGuardedBrowser } from '../../tests/web/browser.mjs';
import { root } from '../../tests/wasm/lib.mjs';

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const passes = Number(arg('--passes')) || 7;
const NATIONAL = 'eksempel_arsverk_2024_2025.csv';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// In the page: runs `act`, then waits until the page has put the new figures in (body[data-figures]
// changes while the page is not busy) and until it has drawn everything, charts included
// (body[data-renders] changes), each time until the next frame is painted (style, layout and
// paint included). Returns both times, the report's time (page -> worker -> page, parsed) and
// each rendering stage's time, in all and before the figures were shown.
const measureInPage = (page, act, { syncBefore = false } = {}) => page.evaluate(async ([source, syncBefore]) => {
  const body = document.body;
  // A page from before body[data-figures] rendered some changes (the year) at once, without a new
  // data-renders: those are done when the act returns.
  const sync = syncBefore && body.dataset.figures === undefined;
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const changed = (attribute, { busy = false } = {}) => {
    const before = body.dataset[attribute];
    const name = attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return new Promise((resolve) => {
      const seen = new MutationObserver(() => {
        if (body.dataset[attribute] !== before && (busy || body.dataset.busy === 'false')) { seen.disconnect(); resolve(painted()); }
      });
      seen.observe(body, { attributes: true, attributeFilter: [`data-${name}`, 'data-busy'] });
    });
  };
  // Shown: the figures in the page once it is no longer busy, or a report's figures in the page
  // while the rest is still to come (body[data-reports-shown]: the year in view first).
  const figures = Promise.race([changed('figures'), changed('reportsShown', { busy: true })]);
  const rendered = changed('renders');
  // A page that never renders again (an error while rendering) stops the benchmark, not hangs it.
  const late = new Promise((resolve, reject) => setTimeout(() => reject(new Error('not rendered within 60 s')), 60000));
  const t = performance.now();
  await (0, eval)(source)();
  const [shownAt, drawnAt] = sync ? await painted().then((at) => [at, at])
    : await Promise.race([Promise.all([Promise.race([figures, rendered]), rendered]), late]);
  const asked = performance.getEntriesByName('arsverk:report').filter((e) => e.startTime >= t);
  // A page that shows the year in view first marks the first task after that frame's paint: the
  // task that parses the whole report may come before this script's own, and is not counted.
  const marked = performance.getEntriesByName('arsverk:shown').find((e) => e.startTime >= t);
  const shownFirst = marked ? Math.min(shownAt, marked.startTime) : shownAt;
  // Each stage's time, and apart those that ran before the figures were shown (the first frame's).
  const stages = {};
  const stagesShown = {};
  for (const e of performance.getEntriesByType('measure')) {
    if (e.startTime < t || !e.name.startsWith('arsverk:render:')) continue;
    const name = e.name.slice('arsverk:render:'.length);
    stages[name] = (stages[name] ?? 0) + e.duration;
    if (e.startTime + e.duration <= shownFirst) stagesShown[name] = (stagesShown[name] ?? 0) + e.duration;
  }
  return { shown: shownFirst - t, drawn: drawnAt - t, report: asked.length ? asked[asked.length - 1].duration : null, stages, stagesShown };
}, [act, syncBefore]);

// The file is fetched before the clock starts, as a user's file is on disk before it is dropped.
const fetchNational = `async () => { window.arsverkBenchBlob = await (await fetch('eksempel/${NATIONAL}')).blob(); }`;
const dropNational = `async () => {
  const blob = window.arsverkBenchBlob;
  const input = document.getElementById('file-input');
  const files = new DataTransfer();
  files.items.add(new File([blob], '${NATIONAL}'));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}`;
// A municipality's own small file, dropped while the example data is shown: the example goes once
// the core has read the file (web/src/main.js), and the file's figures are shown.
const dropOwnOverExample = `async () => {
  const input = document.getElementById('file-input');
  const files = new DataTransfer();
  files.items.add(new File(['kommunenummer;kommunenavn;år;a;b;c;d;e\\n3101;Halden;2024;20;45;15;12;8\\n'], 'halden_2024.csv'));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}`;
const click = (id) => `() => { document.getElementById('${id}').click(); }`;
const nextYear = `() => {
  const select = document.getElementById('year-select');
  select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
  select.dispatchEvent(new Event('change'));
}`;

const dist = resolve(root, arg('--dist') ?? 'dist');
const { server, url } = await startServer({ root: dist, port: 0 });
const origin = url.replace(/\/$/, '');
const { context, page } = await openGuardedBrowser(origin);
const cdp = await context.newCDPSession(page);
const rates = process.argv.includes('--no-throttle') ? [1] : [1, 4];
const changes = () => ({ drop_national: [], setting: [], setting_back: [], language: [], year: [], own_over_example: [] });
// Per CPU rate, per change: until rendered, and of that the report (page -> worker -> page, parsed).
const figures = Object.fromEntries(rates.map((rate) => [rate, changes()]));
const warmUps = [];
// The first load: every file the page and its worker ask for before the page is ready for files
// (each request's start against the moment the worker said it was ready, or the page set
// body[data-ready] if that came first: the warm-up that follows the worker's word asks for the
// module's second part, sometimes before the page has heard it); and, apart, what is asked for
// after that until the worker's warm-up is done (the module's second part, web/src/worker.js).
const requested = new Map(); // path -> when its request started (ms since the epoch)
let loading = true;
let readyAt = Infinity;
context.on('response', (r) => {
  if (loading && r.url().startsWith(`${origin}/`) && r.status() === 200 && !r.request().serviceWorker()) {
    const path = new URL(r.url()).pathname.slice(1) || 'index.html';
    if (!requested.has(path)) requested.set(path, r.request().timing().startTime);
  }
});
await context.addInitScript(() => {
  new MutationObserver((_, seen) => {
    if (document.body?.dataset.ready !== 'true') return;
    window.arsverkReadyAt = performance.timeOrigin + performance.now();
    seen.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
});
try {
  for (let pass = 0; pass < passes; pass++) {
    for (const rate of rates) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const into = figures[rate];
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60000 });
      if (loading) {
        const workerReady = await page.workers().at(-1)?.evaluate(() => self.arsverkWorker.readyAt).catch(() => undefined);
        readyAt = Math.min(await page.evaluate(() => window.arsverkReadyAt), workerReady ?? Infinity);
      }
      // The worker's warm-up report comes first (web/src/worker.js); a user takes longer than it to
      // choose a file, so the drop is measured after it.
      const warmed = await page.waitForFunction(() => performance.getEntriesByName('arsverk:warm').length > 0, null, { timeout: 8000 * rate })
        .then(() => true, () => false); // a page from before the warm-up has none
      loading = false;
      if (rate === 1) warmUps.push(warmed ? await page.evaluate(() => performance.getEntriesByName('arsverk:warm')[0].detail) : null);
      await page.evaluate(`(${fetchNational})()`);
      into.drop_national.push(await measureInPage(page, dropNational));
      await page.waitForTimeout(600); // as a user, who looks at the figures before changing a setting
      into.setting.push(await measureInPage(page, click('pop-next')));
      await page.waitForTimeout(600); // as a user
      into.setting_back.push(await measureInPage(page, click('pop-same')));
      await page.waitForTimeout(600);
      into.language.push(await measureInPage(page, click('lang-button')));
      into.year.push(await measureInPage(page, nextYear, { syncBefore: true }));
      await page.evaluate(() => document.getElementById('clear-button').click());
      await page.waitForFunction(() => document.body.dataset.busy === 'false' && document.getElementById('clear-button').hidden, null, { timeout: 60000 });
      await measureInPage(page, click('example-button'));
      await page.waitForTimeout(600); // as a user, who tries the example before dropping their own file
      into.own_over_example.push(await measureInPage(page, dropOwnOverExample));
    }
  }
} finally {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
  await context.close();
  server.close();
}
const fmt = (x) => (x == null ? '—' : x.toFixed(1)).padStart(9);
const GOAL_CHANGE_MS = 16; // a change of setting, year or language inside one frame
const GOAL_DROP_MS = 150; // the national example file dropped until its figures are shown
const GOAL_FIRST_LOAD_KB = 200; // what a first visit downloads until the page is ready for files
const summary = { passes, cpu_rates: rates };
console.log('the page, headless Chromium, median of %d passes (ms):', passes);
const header = rates.map((rate) => (rate === 1 ? ['report', 'shown', 'drawn'] : [`shown ${rate}×`, `drawn ${rate}×`])).flat();
console.log('  %s%s  %s', 'change'.padEnd(48), header.map((h) => h.padStart(9)).join(''), 'goal (shown, full speed)');
const labels = {
  drop_national: `drop ${NATIONAL}`,
  setting: 'a setting (population year)',
  setting_back: 'the setting back',
  language: 'the language (no report needed)',
  year: 'the year (no report needed)',
  own_over_example: 'own file dropped over the example',
};
const verdict = (ms, goal) => `${ms < goal ? 'met' : 'NOT met'} (< ${goal})`;
const summarise = (v) => {
  const reportMs = v.map((x) => x.report).filter((x) => x != null);
  const stagesOf = (part) => {
    const names = [...new Set(v.flatMap((x) => Object.keys(x[part] ?? {})))];
    return Object.fromEntries(names.map((n) => [n, median(v.map((x) => x[part]?.[n] ?? 0))]));
  };
  return {
    report_ms: reportMs.length ? median(reportMs) : null,
    shown_ms: median(v.map((x) => x.shown)),
    drawn_ms: median(v.map((x) => x.drawn)),
    stages_ms: stagesOf('stages'),
    stages_before_shown_ms: stagesOf('stagesShown'),
  };
};
for (const k of Object.keys(labels)) {
  summary[k] = Object.fromEntries(rates.map((rate) => [`cpu_${rate}x`, summarise(figures[rate][k])]));
  const full = summary[k].cpu_1x;
  const cells = rates.map((rate) => {
    const s = summary[k][`cpu_${rate}x`];
    return rate === 1 ? [s.report_ms, s.shown_ms, s.drawn_ms] : [s.shown_ms, s.drawn_ms];
  }).flat();
  const goal = k === 'drop_national' || k === 'own_over_example' ? GOAL_DROP_MS : GOAL_CHANGE_MS;
  console.log('  %s%s  %s', labels[k].padEnd(48), cells.map(fmt).join(''), verdict(full.shown_ms, goal));
  const list = (stages) => Object.entries(stages).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ') || '—';
  console.log('    rendering: %s', list(full.stages_ms));
  console.log('      of it before shown: %s', list(full.stages_before_shown_ms));
}
const warmedUps = warmUps.filter((ms) => ms != null); // a page from before the warm-up has none
summary.warm_up_ms = warmedUps.length ? median(warmedUps) : null;
// The first pass is the only one sure to run as a first visit does: later passes load the page anew
// in the same browser, which may reuse the module's optimised code from an earlier pass (as it does
// for a returning visitor), and then the warm-up and the drop are fast from the start.
summary.first_pass = { drop_shown_ms: figures[1].drop_national[0]?.shown ?? null, warm_up_ms: warmUps[0] ?? null };
const sizes = (paths) => {
  const files = paths.map((path) => {
    const bytes = readFileSync(join(dist, path));
    return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
};
summary.first_load = sizes([...requested].filter(([, at]) => at <= readyAt).map(([path]) => path));
summary.after_ready = sizes([...requested].filter(([, at]) => at > readyAt).map(([path]) => path));
console.log('  the worker\'s warm-up report at start (before the drop)  %s ms; per pass: %s', summary.warm_up_ms?.toFixed(1) ?? '—',
  warmUps.map((ms) => ms?.toFixed(0) ?? '—').join(', ') || '—');
console.log('  a first visit (the first pass only, the module compiled afresh): drop shown %s ms, after a warm-up of %s ms',
  summary.first_pass.drop_shown_ms?.toFixed(1) ?? '—', summary.first_pass.warm_up_ms?.toFixed(1) ?? '—');
console.log('  first load (until ready for files): %d files, %s KB gzip -9 (goal ≤ %d KB: %s)', summary.first_load.files,
  (summary.first_load.gzip / 1000).toFixed(1), GOAL_FIRST_LOAD_KB, summary.first_load.gzip / 1000 <= GOAL_FIRST_LOAD_KB ? 'met' : 'NOT met');
console.log('  then, asked for after ready until the warm-up is done: %d files, %s KB gzip -9', summary.after_ready.files,
  (summary.after_ready.gzip / 1000).toFixed(1));
console.log('  report: page -> worker -> page, parsed (the year in view first, when the page asks for it so); shown: its figures painted; drawn: the whole report\'s, charts too, painted');
console.log('  goal: shown < %d ms for a change, < %d ms for the drop, at full speed', GOAL_CHANGE_MS, GOAL_DROP_MS);
if (arg('--json')) writeFileSync(arg('--json'), `${JSON.stringify({ summary, figures }, null, 2)}\n`);
