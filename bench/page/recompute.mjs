// Benchmark (prints figures, passes or fails nothing): what the page's user waits for, in headless
// Chromium over dist/ (npm run build:web first) — dropping the national example årsverk file until
// its figures are shown, and each change of a setting, the language or the year until the page has
// shown the answer (page -> worker -> page, parsing and rendering included). Median of --passes.
//
//   node bench/page/recompute.mjs [--passes N] [--json FILE] [--dist DIR]
//
// --dist: another build of the page (default dist/), e.g. one from before a change; a page without
// the warm-up or body[data-figures] is measured all the same (shown is then drawn).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
// each rendering stage's time.
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
  const changed = (attribute) => {
    const before = body.dataset[attribute];
    return new Promise((resolve) => {
      const seen = new MutationObserver(() => {
        if (body.dataset[attribute] !== before && body.dataset.busy === 'false') { seen.disconnect(); resolve(painted()); }
      });
      seen.observe(body, { attributes: true, attributeFilter: [`data-${attribute}`, 'data-busy'] });
    });
  };
  const figures = changed('figures');
  const rendered = changed('renders');
  // A page that never renders again (an error while rendering) stops the benchmark, not hangs it.
  const late = new Promise((resolve, reject) => setTimeout(() => reject(new Error('not rendered within 60 s')), 60000));
  const t = performance.now();
  await (0, eval)(source)();
  const [shownAt, drawnAt] = sync ? await painted().then((at) => [at, at])
    : await Promise.race([Promise.all([Promise.race([figures, rendered]), rendered]), late]);
  const asked = performance.getEntriesByName('arsverk:report').filter((e) => e.startTime >= t);
  const stages = {};
  for (const e of performance.getEntriesByType('measure')) {
    if (e.startTime < t || !e.name.startsWith('arsverk:render:')) continue;
    const name = e.name.slice('arsverk:render:'.length);
    stages[name] = (stages[name] ?? 0) + e.duration;
  }
  return { shown: shownAt - t, drawn: drawnAt - t, report: asked.length ? asked[asked.length - 1].duration : null, stages };
}, [act, syncBefore]);

const dropNational = `async () => {
  const blob = await (await fetch('eksempel/${NATIONAL}')).blob();
  const input = document.getElementById('file-input');
  const files = new DataTransfer();
  files.items.add(new File([blob], '${NATIONAL}'));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}`;
const click = (id) => `() => { document.getElementById('${id}').click(); }`;
const nextYear = `() => {
  const select = document.getElementById('year-select');
  select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
  select.dispatchEvent(new Event('change'));
}`;

const { server, url } = await startServer({ root: resolve(root, arg('--dist') ?? 'dist'), port: 0 });
const origin = url.replace(/\/$/, '');
const { context, page } = await openGuardedBrowser(origin);
// Per change: until rendered, and of that the report (page -> worker -> page, parsed).
const figures = { drop_national: [], setting: [], setting_back: [], language: [], year: [] };
const warmUps = [];
try {
  for (let pass = 0; pass < passes; pass++) {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    // The worker's warm-up report comes first (web/src/worker.js); a user takes longer than it to
    // choose a file, so the drop is measured after it.
    const warmed = await page.waitForFunction(() => performance.getEntriesByName('arsverk:warm').length > 0, null, { timeout: 8000 })
      .then(() => true, () => false); // a page from before the warm-up has none
    if (warmed) warmUps.push(await page.evaluate(() => performance.getEntriesByName('arsverk:warm')[0].detail));
    figures.drop_national.push(await measureInPage(page, dropNational));
    figures.setting.push(await measureInPage(page, click('pop-next')));
    await page.waitForTimeout(600); // as a user: the other language is asked for meanwhile
    figures.setting_back.push(await measureInPage(page, click('pop-same')));
    await page.waitForTimeout(600); // the other language is asked for in the background meanwhile
    figures.language.push(await measureInPage(page, click('lang-button')));
    figures.year.push(await measureInPage(page, nextYear, { syncBefore: true }));
  }
} finally {
  await context.close();
  server.close();
}
const fmt = (x) => (x == null ? '—' : x.toFixed(1)).padStart(8);
const GOAL_CHANGE_MS = 16; // a change of setting, year or language inside one frame
const GOAL_DROP_MS = 150; // the national example file dropped until its figures are shown
const summary = { passes };
console.log('the page, headless Chromium, median of %d passes (ms):', passes);
console.log('  %s%s%s%s  %s', 'change'.padEnd(48), 'report'.padStart(8), 'shown'.padStart(8), 'drawn'.padStart(8), 'goal (shown)');
const labels = {
  drop_national: `drop ${NATIONAL}`,
  setting: 'a setting (population year)',
  setting_back: 'the setting back',
  language: 'the language (other language asked for ahead)',
  year: 'the year (no report needed)',
};
const verdict = (ms, goal) => `${ms < goal ? 'met' : 'NOT met'} (< ${goal})`;
for (const [k, v] of Object.entries(figures)) {
  const reportMs = v.map((x) => x.report).filter((x) => x != null);
  const stageNames = [...new Set(v.flatMap((x) => Object.keys(x.stages)))];
  const stages = Object.fromEntries(stageNames.map((n) => [n, median(v.map((x) => x.stages[n] ?? 0))]));
  summary[k] = {
    report_ms: reportMs.length ? median(reportMs) : null,
    shown_ms: median(v.map((x) => x.shown)),
    drawn_ms: median(v.map((x) => x.drawn)),
    stages_ms: stages,
  };
  const goal = k === 'drop_national' ? GOAL_DROP_MS : GOAL_CHANGE_MS;
  console.log('  %s%s%s%s  %s', labels[k].padEnd(48), fmt(summary[k].report_ms), fmt(summary[k].shown_ms), fmt(summary[k].drawn_ms),
    verdict(summary[k].shown_ms, goal));
  console.log('    rendering: %s', Object.entries(stages).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ') || '—');
}
summary.warm_up_ms = warmUps.length ? median(warmUps) : null;
console.log('  the worker\'s warm-up report at start (before the drop)  %s ms', summary.warm_up_ms?.toFixed(1) ?? '—');
console.log('  report: page -> worker -> page, parsed; shown: the figures painted; drawn: the charts too, painted');
console.log('  goal: shown < %d ms for a change, < %d ms for the drop', GOAL_CHANGE_MS, GOAL_DROP_MS);
if (arg('--json')) writeFileSync(arg('--json'), `${JSON.stringify({ summary, figures }, null, 2)}\n`);
