// The catalogue of bad files (tests/data/bad/manifest.json) through the page: the report of the
// page's worker is checked against the manifest by the runner the Node wasm test uses too
// (tests/support/bad-files.mjs), every expected diagnostic is shown in the file panel with its line,
// and the page keeps working after all of them. Then the limits: a module abort and an
// out-of-memory inside the module become a plain message and the page goes on; with
// ARSVERK_BIG_TESTS=1 a 1 GB population file and the catalogue's 1 GB årsverk file are read
// through the file input while memory is measured (figures in test-artifacts/web/memory.json).
import assert from 'node:assert/strict';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';

import { root } from '../wasm/lib.mjs';
import { writeGenerated } from '../data/bad/generate.mjs';
import { BAD_DIR, MANIFEST, catalogueEntries, runCatalogue } from '../support/bad-files.mjs';
import { EX_2023, EX_2024, shownCli as cli } from '../support/cli.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const BIG = process.env.ARSVERK_BIG_TESTS === '1';

let calculator;
let page;
let profile;
let tmp;
let pageErrors = [];
const workers = [];
const figures = {};
const textDiffs = [];

// Known difference (reported): for unit.ambiguous_name the wasm build lists the candidate
// municipalities in another order than the native CLI; compared as a set.
const norm = (m) => m.replace(/kommuner: (.*?)\. Skriv/g, (_, l) => `kommuner: ${l.split(', ').sort().join(', ')}. Skriv`);

const afterRender = (action, timeout = 120000) => whenRendered(page, action, { timeout, polling: 200 });

async function clearFiles() {
  if (await page.isVisible('#clear-button')) await afterRender(() => page.click('#clear-button'));
  assert.equal(await page.$$eval('#file-panel li.file', (els) => els.length), 0);
}

// The page opened afresh: a new worker, no files.
async function openPage() {
  await calculator.open();
  assert.ok(workers.length >= 1, 'a worker');
}

// The worker's own account of the module's memory (bytes of wasm memory now and at most).
async function wasmMemory() {
  const w = workers.at(-1);
  return w.evaluate(() => self.arsverkWorker.memory());
}

// Resident memory of this browser's renderer processes (page and its worker), from /proc:
// now (VmRSS) and the high-water mark (VmHWM), in bytes.
function rendererMemory() {
  let rss = 0;
  let hwm = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      hwm += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch { /* the process ended */ }
  }
  return { rss, hwm };
}

async function pageHeap() {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return Object.fromEntries(metrics.filter((m) => /JSHeap/.test(m.name)).map((m) => [m.name, m.value]));
}

async function examplesStillWork() {
  await clearFiles();
  await afterRender(() => page.click('#example-button'));
  const expected = cli([EX_2023, EX_2024]);
  const year = Number(await page.inputValue('#year-select'));
  const land = expected.results.find((r) => r.level === 'land' && r.year === year);
  await page.selectOption('#filter-level', 'land'); // the example data opens on the municipalities, ranked
  const row = await page.$$eval('#results-table tbody tr[data-key="land:0"] [data-col]', (tds) => Object.fromEntries(tds.map((td) => [td.dataset.col, td.firstChild?.textContent ?? ""])));
  for (const m of ['M1', 'M2', 'M3', 'M4']) assert.equal(row[m], land.display[m], `${year} ${m}`);
}

const mb = (n) => Math.round(n / (1 << 20));

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'arsverk-bad-'));
  calculator = await openCalculator(root, { open: false });
  ({ page, profile, consoleErrors: pageErrors } = calculator);
  page.on('worker', (w) => workers.push(w));
});

after(async () => {
  if (Object.keys(figures).length) writeFileSync(join(ARTIFACTS, 'memory.json'), `${JSON.stringify(figures, null, 2)}\n`);
  await calculator?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('bad files and limits in the page', () => {
  test('every file of the catalogue shows its diagnostics, all in one session', async () => {
    await openPage();
    // The page's worker gives the report; the panel must show each expected diagnostic.
    const readInPage = async (entry, paths) => {
      await afterRender(() => page.setInputFiles('#file-input', paths));
      const li = page.locator(`#file-panel li.file[data-file="${entry.name}"]`);
      assert.equal(await li.count(), 1, `${entry.name} is listed`);
      assert.equal(await li.getAttribute('data-failed'), null, `${entry.name} was read by the core`);
      const report = JSON.parse(await workers.at(-1).evaluate((settings) => self.arsverkWorker.calculator.report(settings),
        JSON.stringify(entry.settings ?? {})));
      const expected = cli(paths);
      for (const want of entry.expect.diagnostics) {
        const sel = `li.message[data-code="${want.code}"]${want.line ? `[data-line="${want.line}"]` : ''}`;
        const texts = await li.locator(sel).allTextContents();
        assert.ok(texts.length, `${entry.name}: ${sel} in the page`);
        // The text is the CLI's unless the wasm build in dist/ is older than build/bin/arsverk:
        // differences are collected in test-artifacts/web/memory.json (catalogue_text_differences).
        const d = expected.diagnostics.find((x) => x.file === entry.name && x.code === want.code && (x.line ?? null) === want.line);
        if (d && !texts.some((x) => norm(x).includes(norm(d.message)))) textDiffs.push({ file: entry.name, cli: d.message, page: texts[0] });
      }
      await clearFiles();
      return report;
    };
    const { entries, generated } = await runCatalogue(readInPage, { big: false });
    assert.equal(entries, catalogueEntries().length);
    assert.ok(entries >= 60, `${entries} entries`);
    assert.ok(generated >= 5, `${generated} generated entries`);
    figures.catalogue = { entries, generated, ...(await wasmMemory()) };
    figures.catalogue_text_differences = textDiffs;
    if (textDiffs.length) console.log(`# ${textDiffs.length} message texts differ from the CLI's (see memory.json)`);
    await examplesStillWork();
    assert.deepEqual(pageErrors, []);
  });

  test('a module that aborts is restarted: a plain message, the other files kept, the page goes on', async () => {
    await openPage();
    // The page shows two files of the user's own; the next file makes the module fail as an abort would.
    await clearFiles();
    await afterRender(() => page.setInputFiles('#file-input', [EX_2023, EX_2024].map((f) => join(root, f))));
    await page.selectOption('#filter-level', '');
    await workers.at(-1).evaluate(() => {
      self.arsverkWorker.calculator.feedHeap = () => { throw new WebAssembly.RuntimeError('Aborted(test)'); };
    });
    await afterRender(() => page.setInputFiles('#file-input', join(BAD_DIR, 'duplicate_row.csv')));
    const li = page.locator('#file-panel li.file[data-file="duplicate_row.csv"]');
    assert.equal(await li.getAttribute('data-failed'), 'true');
    assert.match(await li.textContent(), /Beregningen stoppet under lesing av filen.*startet på nytt/);
    assert.equal((await wasmMemory()).files, 2, 'the example files were read into the new module');
    const expected = cli([EX_2023, EX_2024]);
    const year = Number(await page.inputValue('#year-select'));
    const land = expected.results.find((r) => r.level === 'land' && r.year === year);
    await page.selectOption('#filter-level', 'land'); // Norway's row, whatever page it was on
    assert.equal(await page.$eval('#results-table tbody tr[data-key="land:0"] [data-col="M1"]', (td) => td.firstChild?.textContent ?? ''), land.display.M1);
    assert.equal(await page.$$eval('#file-panel li.file', (els) => els.length), 3);
    // And the same file now reads normally.
    await clearFiles();
    await afterRender(() => page.setInputFiles('#file-input', join(BAD_DIR, 'duplicate_row.csv')));
    assert.equal(await li.getAttribute('data-failed'), null);
    assert.equal(await li.locator('li.message[data-code="value.duplicate"][data-line="4"]').count(), 1);
    await clearFiles();
    assert.deepEqual(pageErrors, []);
  });

  test('1 GB files through the file input: memory stays bounded (ARSVERK_BIG_TESTS=1)', { skip: !BIG && 'set ARSVERK_BIG_TESTS=1' }, async () => {
    await openPage();
    // An SSB-style population export (07459 layout, ISO-8859-1, CRLF), written to disk in blocks.
    const regions = [...new Set(readFileSync(join(root, 'tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv'), 'latin1')
      .split(/\r?\n/).map((l) => /^"(K-\d{4} [^"]+)"/.exec(l)?.[1]).filter(Boolean))];
    const pop = join(tmp, 'befolkning_1gb.csv');
    const out = createWriteStream(pop);
    out.write(Buffer.from('"07459: Befolkning, etter region, alder, kjønn, statistikkvariabel og år"\r\n\r\n"region";"alder";"kjønn";"år";"Personer"\r\n', 'latin1'));
    let written = 0;
    let rows = 0;
    for (let year = 1951; written < 1e9; year++) {
      const lines = [];
      for (const region of regions) {
        for (let age = 0; age <= 105; age++) {
          for (const sex of ['Menn', 'Kvinner']) {
            lines.push(`"${region}";"${age} år${age === 105 ? ' eller eldre' : ''}";"${sex}";"${year}";${(rows * 7919) % 400}\r\n`);
            rows++;
          }
        }
      }
      const block = Buffer.from(lines.join(''), 'latin1');
      written += block.length;
      if (!out.write(block)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const gig = join(tmp, 'gigabyte.csv');
    await writeGenerated(MANIFEST.files.find((e) => e.name === 'gigabyte.csv'), gig);

    for (const [label, files, name] of [['population_1gb', [pop, join(root, EX_2024)], 'befolkning_1gb.csv'], ['arsverk_1gb', [gig], 'gigabyte.csv']]) {
      await clearFiles();
      const before = { wasm: await wasmMemory(), renderer: rendererMemory(), heap: await pageHeap() };
      let peakRss = before.renderer.rss;
      const poll = setInterval(() => { peakRss = Math.max(peakRss, rendererMemory().rss); }, 250);
      const t0 = Date.now();
      try {
        await afterRender(() => page.setInputFiles('#file-input', files), 900000);
      } finally {
        clearInterval(poll);
      }
      const seconds = (Date.now() - t0) / 1000;
      const afterwards = { wasm: await wasmMemory(), renderer: rendererMemory(), heap: await pageHeap() };
      const li = page.locator(`#file-panel li.file[data-file="${name}"]`);
      const failed = await li.getAttribute('data-failed');
      const text = await li.textContent();
      figures[label] = {
        bytes: statSync(files[0]).size, seconds, mb_per_s: Math.round(statSync(files[0]).size / 1e6 / seconds),
        wasm_before_mb: mb(before.wasm.wasm), wasm_after_mb: mb(afterwards.wasm.wasm), wasm_peak_mb: mb(afterwards.wasm.peak),
        renderer_rss_before_mb: mb(before.renderer.rss), renderer_rss_peak_sampled_mb: mb(peakRss), renderer_rss_after_mb: mb(afterwards.renderer.rss),
        renderer_hwm_mb: mb(afterwards.renderer.hwm),
        page_js_heap_used_mb: mb(afterwards.heap.JSHeapUsedSize ?? 0), page_js_heap_total_mb: mb(afterwards.heap.JSHeapTotalSize ?? 0),
        failed: failed === 'true', messages: await li.locator('li.message').evaluateAll((els) => els.map((e) => e.dataset.code || e.textContent)),
      };
      console.log(label, JSON.stringify(figures[label]));
      assert.ok(afterwards.wasm.peak <= 1 << 30, 'within the module maximum');
      assert.ok(afterwards.wasm.peak < 512 << 20, `the module stayed well below the file size: ${mb(afterwards.wasm.peak)} MB`);
      if (name === 'gigabyte.csv') {
        assert.equal(failed, null);
        assert.equal(await li.locator('li.message[data-code="file.too_many_values"][data-line="200002"]').count(), 1);
      } else {
        assert.ok(failed === null || /minne|memory/i.test(text), text.slice(0, 300));
      }
      rmSync(files[0], { force: true });
    }
    await examplesStillWork();
    assert.deepEqual(pageErrors, []);
  });

  test('out of memory inside the module: a plain message (nb and en), and the page goes on', async () => {
    await openPage();
    // JSON-stat just under the 64 MB JSON limit, parsed whole: its tree needs well over 1 GB.
    const path = join(tmp, 'json_under_limit.json');
    const n = Math.floor(((64 << 20) - 64) / 2) - 1;
    await writeGenerated({ generated: { parts: [{ text: '{"value":[' }, { text: '1,', repeat: n }, { text: '1]}' }] } }, path);
    assert.ok(statSync(path).size < 64 << 20);
    await clearFiles();
    await afterRender(() => page.setInputFiles('#file-input', path), 300000);
    const li = page.locator('#file-panel li.file[data-file="json_under_limit.json"]');
    const text = await li.textContent();
    figures.out_of_memory = { bytes: statSync(path).size, ...(await wasmMemory()), failed: await li.getAttribute('data-failed'), text: text.slice(0, 400) };
    console.log('out_of_memory', JSON.stringify(figures.out_of_memory));
    if ((await li.getAttribute('data-failed')) === 'true') {
      assert.match(text, /for stor til å leses i nettleseren: minnet/);
      // In English too.
      await clearFiles();
      await afterRender(() => page.click('#lang-button'));
      await afterRender(() => page.setInputFiles('#file-input', path), 300000);
      assert.match(await li.textContent(), /too large to read in the browser: the memory/);
      await afterRender(() => page.click('#lang-button'));
    } else {
      // The module coped after all: then the core's own message about the file is shown.
      assert.match(text, /JSON/);
    }
    await examplesStillWork();
    assert.deepEqual(pageErrors, []);
  });
  // A server that serves the module without application/wasm (a plain static host): the second part is
  // compiled from its bytes instead of while it downloads, and an Excel file (read by it) still reads.
  test('the second part served as application/octet-stream: an Excel file still reads', async () => {
    const own = await openCalculator(root, { open: false });
    try {
      await own.context.route('**/arsverk.deferred.wasm', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      });
      await own.open('/');
      await whenRendered(own.page, () => own.page.setInputFiles('#file-input', join(root, 'tests/data/xlsx/arsverk_2024.xlsx')));
      const li = own.page.locator('#file-panel li.file[data-file="arsverk_2024.xlsx"]');
      assert.equal(await li.getAttribute('data-failed'), null);
      assert.ok(await own.page.isVisible('#result-body'));
      assert.deepEqual(own.foreign, []);
      assert.deepEqual(own.consoleErrors, []);
    } finally {
      await own.close();
    }
  });

  // The module's second part and its data come after 'ready' (web/src/worker.js): when either cannot
  // be had, the page says so for the files dropped, and shows no figure.
  const unloaded = [
    { file: 'arsverk.deferred.wasm', lang: 'nb', says: 'Resten av kalkulatoren kunne ikke lastes ned ({why}). Last inn siden på nytt.' },
    { file: 'arsverk.data', lang: 'en', says: 'The rest of the calculator could not be downloaded ({why}). Reload the page.' },
  ];
  for (const { file, lang, says } of unloaded) {
    test(`${file} not to be had: the dropped files say so (${lang}), and no figure is shown`, async () => {
      const own = await openCalculator(root, { open: false });
      try {
        await own.context.route(`**/${file}`, (route) => route.fulfill({ status: 404, body: 'not here' }));
        await own.open('/', { lang });
        await own.page.click('#example-button');
        const text = says.replace('{why}', `${file}: HTTP 404`);
        await own.page.waitForFunction((t) => document.querySelector('#status').textContent.includes(t), text);
        assert.equal(await own.page.isVisible('#result-body'), false);
        assert.equal(await own.page.locator('#key-figures *').count(), 0);
        assert.deepEqual(own.foreign, []);
      } finally {
        await own.close();
      }
    });
  }
});
