// Offline and from a folder: after one visit the page works without a network (web/sw.js, its
// cache named after the build's content hash), and opened from disk (file://) it says what to do
// instead of waiting for ever. Screenshots go to test-artifacts/web/.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { openCalculator, openGuardedBrowser } from './browser.mjs';

import { root } from '../wasm/lib.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const DIST = join(root, 'dist');

let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await openCalculator(root, { open: false });
});

after(() => browser?.close());

// The page visited once, with its service worker ready to serve it offline.
async function visit(page) {
  await browser.open();
  await page.waitForSelector('#offline-note:not([hidden])', { timeout: 30000 });
}

const exampleLoaded = (page) => page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length > 0
  && document.body.dataset.busy === 'false', null, { timeout: 60000 });

describe('offline', () => {
  test('the service worker keeps this build: its version is the content hash, every file listed', async () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const version = sw.match(/const VERSION = "([0-9a-f]{16})";/)?.[1];
    assert.ok(version, 'a 16-digit content hash');
    const files = JSON.parse(sw.match(/const FILES = (\[.*?\]);/s)[1]);
    for (const f of ['index.html', 'app.js', 'worker.js', 'arsverk.js', 'arsverk.wasm', 'arsverk.deferred.wasm', 'arsverk.data', 'styles.css', 'print.css',
      'eksempel/eksempel_arsverk_2024_2025.csv', 'geo/kommuner_2024.topojson', 'register/kommuner_2024.csv']) {
      assert.ok(files.includes(f), `${f} is kept offline`);
    }
    assert.ok(files.some((f) => /^chunks\/map-.*\.js$/.test(f)), 'the map chunk is kept offline');
    assert.ok(!files.some((f) => f.endsWith('.map') || f === 'sw.js'));
  });

  test('after one visit the page works without a network, and says so', async () => {
    const { page, context, foreign, consoleErrors } = browser;
    await visit(page);
    assert.match(await page.textContent('#offline-note'), /virker nå også uten nett/);
    await page.screenshot({ path: join(ARTIFACTS, 'offline-01-first-visit.png') });

    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is served by the worker');
      await page.click('#example-button');
      await exampleLoaded(page);
      assert.ok(await page.isVisible('#key-figures .cards'));
      // The map's code and boundaries come from the cache too.
      await page.click('#map-details summary');
      await page.waitForSelector('#map-root canvas', { timeout: 30000 });
      await page.waitForFunction(() => document.getElementById('map-status').textContent === '', null, { timeout: 30000 });
      await page.screenshot({ path: join(ARTIFACTS, 'offline-02-offline-reload.png') });
    } finally {
      await context.setOffline(false);
    }
    assert.deepEqual(foreign, [], 'no request to another origin');
    assert.deepEqual(consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  });

  // The first visit reloaded while its service worker still copies the files: the note comes
  // once it is active (its 'updatefound' passed before the reloaded page listened).
  test('reloaded while the offline copy is still being made, the page still says when it works offline', async () => {
    const fresh = await openCalculator(root, { open: false });
    try {
      const { page, context } = fresh;
      let held = 0;
      await context.route('**/geo/**', async (route) => {
        held++;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await fresh.open();
      await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.installing)), null, { timeout: 30000, polling: 50 });
      await page.reload();
      assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.installing && !r.active))), 'still installing');
      await page.waitForSelector('#offline-note:not([hidden])', { timeout: 30000 });
      assert.match(await page.textContent('#offline-note'), /virker nå også uten nett/);
      assert.ok(held > 0, 'the copy was held back');
    } finally {
      await fresh.close();
    }
  });

  test('a new build replaces the cache: the old version is deleted once the new one takes over', async () => {
    const { page } = browser;
    await visit(page);
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.length, 1, `one cache: ${names.join(', ')}`);
    const version = readFileSync(join(DIST, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]{16})";/)[1];
    assert.equal(names[0], `arsverk-${version}`);
  });
});

describe('an update', () => {
  test('a new build (new content hash) is installed, offered, and replaces the old cache', async () => {
    // A copy of dist/ on its own origin, so that it can be changed under the page.
    const copyRoot = mkdtempSync(join(tmpdir(), 'arsverk-dist-'));
    const dir = join(copyRoot, 'dist');
    cpSync(DIST, dir, { recursive: true });
    const disk = await openCalculator(copyRoot);
    const { page } = disk;
    try {
      await page.waitForSelector('#offline-note[data-i18n="offline.ready"]', { timeout: 30000 });
      const [before] = await page.evaluate(() => caches.keys());

      // "Rebuild": a changed page gives a new hash in sw.js.
      writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('</footer>', '</footer><p id="new-build">ny</p>'));
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      writeFileSync(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]{16})";/, 'const VERSION = "0123456789abcdef";'));

      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.equal(await page.$('#new-build'), null, 'the cached page is served until the update is taken');
      await page.waitForSelector('#update-button:not([hidden])', { timeout: 30000 });
      assert.match(await page.textContent('#offline-note'), /ny versjon/);
      await page.screenshot({ path: join(ARTIFACTS, 'offline-04-update.png') });
      await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#update-button')]);
      await page.waitForSelector('#new-build', { state: 'attached', timeout: 30000 });
      await page.waitForFunction(() => caches.keys().then((k) => k.length === 1), null, { timeout: 30000 });
      const after = await page.evaluate(() => caches.keys());
      assert.deepEqual(after, ['arsverk-0123456789abcdef']);
      assert.notEqual(before, after[0]);
      assert.deepEqual(disk.foreign, []);
    } finally {
      await disk.close();
    }
  });
});

describe('from a folder (file://)', () => {
  test('says in one sentence what to do instead of «Starter kalkulatoren …»', async () => {
    // Its own browser, guarded for file:// (the page must not reach out from disk either).
    const disk = await openGuardedBrowser('file://');
    const { page, foreign } = disk;
    try {
      await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
      await page.waitForSelector('body[data-ready="file"]', { timeout: 10000 });
      const text = await page.textContent('#status');
      assert.match(text, /^Kalkulatoren kan ikke kjøre fra en fil på disken/);
      assert.match(text, /\.\/scripts\/start\.sh/);
      assert.equal((text.match(/\. /g) ?? []).length, 0, 'one sentence');
      await page.screenshot({ path: join(ARTIFACTS, 'offline-03-file-url.png') });
      await page.goto(`${pathToFileURL(join(DIST, 'index.html')).href}#sprak=en`);
      await page.reload();
      await page.waitForSelector('body[data-ready="file"]', { timeout: 10000 });
      assert.match(await page.textContent('#status'), /^The calculator cannot run from a file on disk/);
      assert.deepEqual(foreign, [], 'no request beyond the folder');
    } finally {
      await disk.context.close();
    }
  });
});
