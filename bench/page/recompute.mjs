// Benchmark (prints figures, passes or fails nothing): what the page's user waits for, in headless
// Chromium over dist/ (npm run build:web first) — dropping the national example årsverk file until
// its figures are shown, and each change of a setting, the language or the year until the page has
// shown the answer (page -> worker -> page, parsing and rendering included). Median of --passes.
//
//   node bench/page/recompute.mjs [--passes N] [--json FILE]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import { openGuardedBrowser } from '../../tests/web/browser.mjs';
import { root } from '../../tests/wasm/lib.mjs';

const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const passes = Number(arg('--passes')) || 7;
const NATIONAL = 'eksempel_arsverk_2024_2025.csv';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// In the page: runs `act` and waits until the page has rendered again (body[data-renders] changes),
// or, for a change the page answers synchronously, until `act` returns.
const measureInPage = (page, act) => page.evaluate(async (source) => {
  const before = document.body.dataset.renders;
  const rendered = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (document.body.dataset.renders !== before && document.body.dataset.busy === 'false') { seen.disconnect(); resolve(); }
    });
    seen.observe(document.body, { attributes: true, attributeFilter: ['data-renders', 'data-busy'] });
  });
  const t = performance.now();
  const sync = await (0, eval)(source)();
  if (!sync) await rendered;
  const total = performance.now() - t;
  const asked = performance.getEntriesByName('arsverk:report').filter((e) => e.startTime >= t);
  return [total, asked.length ? asked[asked.length - 1].duration : null];
}, act);

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
  return true;
}`;

const { server, url } = await startServer({ root: join(root, 'dist'), port: 0 });
const origin = url.replace(/\/$/, '');
const { context, page } = await openGuardedBrowser(origin);
// Per change: until rendered, and of that the report (page -> worker -> page, parsed).
const figures = { drop_national: [], setting: [], setting_back: [], language: [], year: [] };
try {
  for (let pass = 0; pass < passes; pass++) {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    figures.drop_national.push(await measureInPage(page, dropNational));
    figures.setting.push(await measureInPage(page, click('pop-next')));
    figures.setting_back.push(await measureInPage(page, click('pop-same')));
    await page.waitForTimeout(600); // the other language is asked for in the background meanwhile
    figures.language.push(await measureInPage(page, click('lang-button')));
    figures.year.push(await measureInPage(page, nextYear));
  }
} finally {
  await context.close();
  server.close();
}
const fmt = (x) => (x == null ? '—' : x.toFixed(1)).padStart(8);
const summary = { passes };
console.log('the page, headless Chromium, median of %d passes (ms):', passes);
console.log('  %s%s%s', 'change'.padEnd(48), 'report'.padStart(8), 'shown'.padStart(8));
const labels = {
  drop_national: `drop ${NATIONAL}`,
  setting: 'a setting (population year)',
  setting_back: 'the setting back',
  language: 'the language (other language asked for ahead)',
  year: 'the year (no report needed)',
};
for (const [k, v] of Object.entries(figures)) {
  const reportMs = v.map((x) => x[1]).filter((x) => x != null);
  summary[k] = { report_ms: reportMs.length ? median(reportMs) : null, shown_ms: median(v.map((x) => x[0])) };
  console.log('  %s%s%s', labels[k].padEnd(48), fmt(summary[k].report_ms), fmt(summary[k].shown_ms));
}
console.log('  report: page -> worker -> page, parsed; shown: until the page has rendered it');
if (arg('--json')) writeFileSync(arg('--json'), `${JSON.stringify({ summary, figures }, null, 2)}\n`);
