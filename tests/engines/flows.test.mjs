// The page's core flows in Firefox ESR, WebKitGTK and Chromium, driven by the same code through one
// small adapter per engine (tests/engines/<engine>.mjs). What each engine shows — key figure cards,
// results tables, the form's figures, a linked view — is collected per engine and must be identical
// across the engines; no engine may report a page error, fail to load a file, or send a request to
// another origin. What an engine cannot do under automation is said in the output, not faked.
//
//   xvfb-run -a node --test tests/engines/          (ENGINES=firefox,webkit to choose; default all three,
//   WebKit first: run third, after Chromium and Firefox, its first click on «Prøv med eksempeldata»
//   was at times not delivered, the page ready and idle with no error; cause not found)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

import { serveForEngines } from './server.mjs';
import * as chromium from './chromium.mjs';
import * as firefox from './firefox.mjs';
import * as webkit from './webkit.mjs';

import { root } from '../wasm/lib.mjs';

const ALL = { chromium, firefox, webkit };
const chosen = (process.env.ENGINES ?? 'webkit,firefox,chromium').split(',').map((s) => s.trim()).filter(Boolean);
for (const n of chosen) if (!ALL[n]) throw new Error(`ENGINES: unknown engine «${n}» (known: ${Object.keys(ALL).join(', ')})`);

const XLSX = 'tests/data/xlsx/arsverk_2024.xlsx';
const SSB = ['tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv', 'tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv',
  'data/example/eksempel_arsverk_2023.csv'];
const LINK = '#enhet=kommune:3303&ar=2024&mal=M3&sammenlign=fylke&befolkning=next&sprak=en&data=eksempel';

const ARTIFACTS = join(root, 'test-artifacts', 'engines');

// seen[flow][engine]: what the engine showed, compared at the end.
const seen = {};
const record = (flow, engine, value) => { (seen[flow] ??= {})[engine] = value; };

// --- in-page readers (serialised into the page: no closures) ---------------------------------------

function readView() {
  const cell = (tr, k) => tr.querySelector(`[data-col="${k}"]`)?.firstChild?.textContent ?? null;
  return {
    heading: document.getElementById('key-heading')?.textContent ?? null,
    cards: Object.fromEntries([...document.querySelectorAll('#key-figures .cards .value')].map((e) => [e.dataset.measure, e.textContent])),
    table: [...document.querySelectorAll('#results-table tbody tr')].map((tr) =>
      [tr.dataset.key, cell(tr, 'M1'), cell(tr, 'M2'), cell(tr, 'M3'), cell(tr, 'M4'), tr.querySelectorAll('.flag').length].join('|')),
  };
}

function choose({ selector, value }) {
  const e = document.querySelector(selector);
  e.value = value;
  e.dispatchEvent(new Event('input', { bubbles: true }));
  e.dispatchEvent(new Event('change', { bubbles: true }));
}

// The pages of a PDF and their sizes in points (object streams inflated: Firefox compresses them).
function pdfPages(pdf) {
  const raw = pdf.toString('latin1');
  let text = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      text += inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch { /* not a deflated stream */ }
  }
  return {
    pages: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    sizes: [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(m[1]), Math.round(m[2])]),
  };
}

// --- waiting ------------------------------------------------------------------------------------

async function until(engine, fn, arg, what, timeout = 180000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await engine.evaluate(fn, arg)) return;
    if (Date.now() > end) {
      const page = await engine.evaluate(() => JSON.stringify({ ...document.body.dataset, status: document.getElementById('status')?.textContent,
        serviceWorker: Boolean(navigator.serviceWorker?.controller), collected: window.__engineProbe }));
      throw new Error(`${engine.name}: gave up waiting for ${what}; the page: ${page}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ready = (engine) => until(engine, () => document.body.dataset.ready === 'true', null, 'the calculator to start');

// Runs `action` and waits until the page has rendered what it caused and is idle (web/src/main.js).
async function afterRender(engine, action) {
  const before = await engine.evaluate(() => Number(document.body.dataset.renders || 0));
  await action();
  await until(engine, (n) => Number(document.body.dataset.renders || 0) > n && document.body.dataset.busy === 'false', before, 'the page to render');
}

// The form recomputes 300 ms after the last edit (web/src/grid.js), and an engine slower than the
// typing renders the edits before it too: wait until the page is idle and no render follows for 2 s.
async function settled(engine) {
  const state = () => engine.evaluate(() => `${document.body.dataset.busy}|${document.body.dataset.renders}`);
  let last = await state();
  let since = Date.now();
  const end = Date.now() + 180000;
  while (Date.now() - since < 2000 || !last.startsWith('false|')) {
    if (Date.now() > end) throw new Error(`${engine.name}: the page did not settle`);
    await new Promise((r) => setTimeout(r, 100));
    const now = await state();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

// The view of every level (the table opens on one level for several municipalities), every row
// («Vis alle» under the table, then back to a page at a time).
async function fullView(engine) {
  await engine.evaluate(choose, { selector: '#filter-level', value: '' });
  await engine.evaluate(() => document.querySelector('#results-pager:not([hidden]) button[data-page="all"]')?.click());
  const view = await engine.evaluate(readView);
  await engine.evaluate(() => document.querySelector('#results-pager:not([hidden]) button[data-page="pages"]')?.click());
  return view;
}

// A unit already in view (kept from the files before, as Halden from the workbook of four) makes no
// new render: only another is waited for.
async function chooseUnit(engine, query, heading) {
  const choose = async () => {
    await engine.fill('#unit-input', query);
    await engine.press('#unit-input', 'Enter');
  };
  const inView = await engine.evaluate((h) => Boolean(document.getElementById('key-heading')?.textContent.includes(h)), heading);
  if (inView) await choose();
  else await afterRender(engine, choose);
  await until(engine, (h) => document.getElementById('key-heading')?.textContent.includes(h), heading, `the heading «${heading}»`);
}

async function clearFiles(engine) {
  if (await engine.evaluate(() => !document.getElementById('clear-button').hidden)) await afterRender(engine, () => engine.click('#clear-button'));
}

// What the page's own collector has gathered since it was last asked (a navigation starts it afresh,
// so it is asked before each), added to `into`.
async function harvest(engine, into) {
  const probe = await engine.evaluate(() => {
    const p = window.__engineProbe;
    return p ? { errors: p.errors.splice(0), violations: p.violations.splice(0) } : null;
  });
  if (!probe) return;
  into.errors.push(...probe.errors);
  into.violations.push(...probe.violations);
}

async function navigate(engine, url, collected) {
  await harvest(engine, collected);
  await engine.goto(url);
}

// What the engine and the page's own collector reported: errors, failed loads, CSP violations,
// requests for another origin.
async function problems(engine, origin, collected) {
  await harvest(engine, collected);
  const own = (url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:');
  return {
    errors: [...engine.errors(), ...collected.errors],
    violations: collected.violations,
    foreign: (engine.requests() ?? []).filter((u) => !own(u)),
  };
}

// --- the flows, once per engine -------------------------------------------------------------------

for (const engineName of chosen) {
  describe(`the page in ${engineName}`, () => {
    let server;
    let engine;
    let origin;
    const collected = { errors: [], violations: [] }; // by the page's collector, over every page load

    before(async () => {
      server = await serveForEngines(root);
      origin = server.origin;
      engine = await ALL[engineName].launch();
    });

    after(async () => {
      await engine?.close();
      server?.close();
    });

    test('the example data («Prøv med eksempeldata»): Kongsberg 2024 and every row of the table', async (t) => {
      t.diagnostic(`${engineName}: ${engine.version}`);
      await navigate(engine, `${origin}/`, collected);
      await ready(engine);
      // The note that the page works offline appears once the service worker is active and pushes
      // the buttons down; a click computed before that shift lands beside the button (seen in
      // WebKit, whose worker installs slowly). Wait for the layout to settle first.
      await until(engine, () => !('serviceWorker' in navigator) || !document.getElementById('offline-note').hidden, null,
        'the note that the page works offline');
      const start = Date.now();
      await afterRender(engine, () => engine.click('#example-button'));
      const report = await engine.evaluate(() => performance.getEntriesByName('arsverk:report')[0]?.duration);
      t.diagnostic(`${engineName}: the example data shown ${Date.now() - start} ms after the click (the core's report ${Math.round(report)} ms)`);
      await chooseUnit(engine, 'Kongsberg', 'Kongsberg');
      await afterRender(engine, () => engine.evaluate(choose, { selector: '#year-select', value: '2024' }));
      const view = await fullView(engine);
      assert.match(view.heading, /Kongsberg 2024/);
      assert.equal(Object.keys(view.cards).length, 4, 'four key figures');
      assert.ok(view.table.length > 100, 'the table has every unit');
      record('example, Kongsberg 2024', engineName, view);
    });

    test('a setting (population 1 January the year after), and back', async () => {
      await afterRender(engine, () => engine.click('#pop-next'));
      assert.equal(await engine.evaluate(() => document.getElementById('pop-next').checked), true);
      const view = await fullView(engine);
      record('population the year after, Kongsberg 2024', engineName, view);
      await afterRender(engine, () => engine.click('#pop-same'));
      assert.deepEqual((await fullView(engine)).cards, seen['example, Kongsberg 2024'][engineName].cards, 'set back, the figures are back');
    });

    test('the year', async () => {
      await afterRender(engine, () => engine.evaluate(choose, { selector: '#year-select', value: '2025' }));
      const view = await fullView(engine);
      assert.match(view.heading, /Kongsberg 2025/);
      record('example, Kongsberg 2025', engineName, view);
    });

    test('the language: English, then Norwegian again', async () => {
      await afterRender(engine, () => engine.click('#lang-button'));
      const en = await engine.evaluate(() => ({ lang: document.documentElement.lang, button: document.getElementById('lang-button').textContent }));
      assert.deepEqual(en, { lang: 'en', button: 'Norsk' });
      record('English, Kongsberg 2025', engineName, await fullView(engine));
      await afterRender(engine, () => engine.click('#lang-button'));
      assert.equal(await engine.evaluate(() => document.documentElement.lang), 'nb');
      assert.deepEqual(await fullView(engine), seen['example, Kongsberg 2025'][engineName], 'Norwegian again, the same view');
    });

    test('an .xlsx through the file input', async () => {
      await clearFiles(engine);
      await afterRender(engine, () => engine.upload('#file-input', [join(root, XLSX)]));
      const file = await engine.evaluate(() => document.querySelector('#file-panel li.file')?.textContent ?? '');
      assert.match(file, /lest arket «Ark1»/);
      record('arsverk_2024.xlsx', engineName, await fullView(engine));
    });

    test('SSB population CSVs (Windows-1252) and an årsverk file through the file input', async () => {
      await clearFiles(engine);
      await afterRender(engine, () => engine.upload('#file-input', SSB.map((f) => join(root, f))));
      const facts = await engine.evaluate(() => [...document.querySelectorAll('#file-panel li.file dd[data-fact="format"]')].map((d) => d.textContent));
      assert.equal(facts.length, 3);
      assert.match(facts[0], /SSB-eksport/);
      await chooseUnit(engine, 'Halden', 'Halden');
      record('SSB population, Halden 2023', engineName, await fullView(engine));
    });

    test('the form (IS-24/8): typed figures give figures beside the form and in the key figures', async () => {
      await clearFiles(engine);
      await engine.click('#grid-details summary');
      await until(engine, () => document.getElementById('grid-unit')?.getClientRects().length > 0, null, 'the form');
      await engine.fill('#grid-unit', 'halden');
      await engine.press('#grid-unit', 'Enter');
      assert.equal(await engine.evaluate(() => document.getElementById('grid-unit').value), '3101 Halden');
      const cells = [['voksne', 'a', '12,5'], ['voksne', 'b', '20,25'], ['voksne', 'c', '3'], ['voksne', 'd', '4,75'], ['voksne', 'e', '0'],
        ['barn_og_unge', 'a', '2,5'], ['barn_og_unge', 'b', '6,125'], ['barn_og_unge', 'd', '0']];
      for (const [group, col, value] of cells) await engine.fill(`.grid-cell[data-group="${group}"][data-col="${col}"]`, value);
      await until(engine, () => document.querySelectorAll('#grid-result .value').length === 4
        && document.querySelector('[data-sum-all]')?.textContent === '49,125', null, 'the form\'s figures');
      await settled(engine);
      const form = await engine.evaluate(() => ({
        result: Object.fromEntries([...document.querySelectorAll('#grid-result .value')].map((e) => [e.dataset.measure, e.textContent])),
        sums: [...document.querySelectorAll('[data-sum-group], [data-sum-category], [data-sum-all]')].map((e) => e.textContent),
        cards: Object.fromEntries([...document.querySelectorAll('#key-figures .cards .value')].map((e) => [e.dataset.measure, e.textContent])),
      }));
      assert.deepEqual(form.cards, form.result, 'the key figures are the form\'s');
      record('the form, Halden 2025', engineName, form);
    });

    test('a link opened fresh', async () => {
      await navigate(engine, 'about:blank', collected);
      await engine.goto(`${origin}/${LINK}`);
      await ready(engine);
      await until(engine, () => document.querySelectorAll('#key-figures .cards .value').length === 4 && document.body.dataset.busy === 'false'
        && document.querySelectorAll('#results-table tbody tr').length > 0, null, 'the linked view');
      const view = await engine.evaluate(() => ({
        lang: document.documentElement.lang,
        year: document.getElementById('year-select').value,
        measure: document.getElementById('measure-select').value,
        scope: document.getElementById('scope-select').value,
        popNext: document.getElementById('pop-next').checked,
      }));
      assert.deepEqual(view, { lang: 'en', year: '2024', measure: 'M3', scope: 'fylke', popNext: true });
      const shown = await fullView(engine);
      assert.match(shown.heading, /Kongsberg 2024/);
      record('the link (English, population the year after, Kongsberg 2024)', engineName, shown);
      // Back to Norwegian for what follows (the choice of language is remembered).
      await afterRender(engine, () => engine.click('#lang-button'));
    });

    test('offline after one visit (service worker)', async (t) => {
      const support = await engine.evaluate(() => ('serviceWorker' in navigator) && window.isSecureContext);
      if (!support) {
        t.skip(`${engineName} has no service worker under automation: offline not tested`);
        return;
      }
      await until(engine, () => !document.getElementById('offline-note').hidden, null, 'the note that the page works offline');
      server.goOffline();
      try {
        await navigate(engine, `${origin}/`, collected);
        await ready(engine);
        assert.ok(await engine.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is served by the service worker');
        await afterRender(engine, () => engine.click('#example-button'));
        await chooseUnit(engine, 'Kongsberg', 'Kongsberg');
        await afterRender(engine, () => engine.evaluate(choose, { selector: '#year-select', value: '2024' }));
        const view = await fullView(engine);
        assert.deepEqual(view, seen['example, Kongsberg 2024'][engineName], 'offline, the same figures as online');
      } finally {
        server.goOnline();
      }
    });

    test('print', async (t) => {
      if (engine.emulatePrint) {
        await engine.emulatePrint(true);
        try {
          const controls = await engine.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, progress, summary')]
            .filter((e) => !e.matches('.results-table button.sort, .results-table button.row-select'))
            .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').map((e) => e.id || e.tagName));
          assert.deepEqual(controls, [], 'no control in print');
        } finally {
          await engine.emulatePrint(false);
        }
      } else {
        t.diagnostic(`${engineName}: no print media emulation under automation`);
      }
      if (engine.printToPdf) {
        const pdf = await engine.printToPdf();
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, `print-${engineName}.pdf`), pdf);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const { pages, sizes } = pdfPages(pdf);
        assert.ok(pages >= 2, `the report prints on several pages (${pages})`);
        assert.deepEqual(sizes[0].map((x) => Math.abs(x - 595.5) <= 1 || Math.abs(x - 842) <= 1), [true, true], `A4 (${sizes[0]})`);
        t.diagnostic(`${engineName}: printed to an A4 PDF of ${pages} pages (test-artifacts/engines/print-${engineName}.pdf)`);
      } else {
        t.diagnostic(`${engineName}: no print command under automation`);
      }
      if (!engine.emulatePrint && !engine.printToPdf) t.skip(`${engineName}: neither print emulation nor printing under automation`);
    });

    test('no page error, no file that failed to load, no request to another origin', async (t) => {
      const found = await problems(engine, origin, collected);
      assert.deepEqual(found.errors, [], 'page errors');
      assert.deepEqual(found.violations, [], 'Content-Security-Policy violations (a request to another origin is one)');
      assert.deepEqual(found.foreign, [], 'requests to another origin');
      const failed = server.log.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`);
      assert.deepEqual(failed, [], 'requests the server could not answer');
      assert.ok(server.log.some((r) => r.path === '/arsverk.wasm'), 'the server saw the page\'s requests');
      if (!engine.requests()) t.diagnostic(`${engineName}: requests seen by the server only (no network events under WebDriver classic)`);
    });

    test('the check above can fail: the collector sees an error thrown and a request to another origin refused', async () => {
      await engine.evaluate(() => {
        setTimeout(() => { throw new Error('thrown on purpose'); });
        fetch('http://example.com/on-purpose').catch(() => {});
      });
      await until(engine, () => window.__engineProbe.errors.some((e) => e.includes('thrown on purpose'))
        && window.__engineProbe.violations.some((v) => v.includes('http://example.com/on-purpose')), null, 'the collector to see both');
    });
  });
}

describe('the same figures in every engine', () => {
  test('every flow shows the same in each engine', (t) => {
    if (chosen.length < 2) return t.skip('one engine: nothing to compare');
    for (const [flow, byEngine] of Object.entries(seen)) {
      const [first, ...rest] = chosen;
      assert.ok(byEngine[first], `${flow}: ${first} showed it`);
      for (const other of rest) {
        assert.ok(byEngine[other], `${flow}: ${other} showed it`);
        assert.deepEqual(byEngine[other], byEngine[first], `${flow}: ${other} shows what ${first} shows`);
      }
    }
  });
});
