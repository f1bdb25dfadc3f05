// Headless Debian Chromium for the page tests, with the privacy guard: every request the page and
// its worker make is recorded, and anything for another origin is recorded and refused.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export async function openGuardedBrowser(origin) {
  const requests = [];
  const foreign = [];
  const consoleErrors = [];
  const profile = mkdtempSync(join(tmpdir(), 'arsverk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'nb-NO',
    // A details element opens with a 0,4 s slide (Designsystemet's .ds-details) that moves what lies
    // in and below it. Under load Playwright can find a button "stable" midway and press it there:
    // the release then lands on what slid into its place, and the click is lost (CI, the paste
    // button). The page tests ask for reduced motion, a setting users have, under which nothing
    // slides; walks.test.mjs opens one with motion, and the engine tests run with the default.
    reducedMotion: 'reduce',
  });
  const own = (url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:');
  const pageRequests = []; // without the service worker's own (its install fetches every file for offline use)
  context.on('request', (r) => {
    requests.push(r.url());
    if (!r.serviceWorker()) pageRequests.push(r.url());
    if (!own(r.url())) foreign.push(r.url());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (own(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { context, page, profile, requests, pageRequests, foreign, consoleErrors };
}

// Runs `action` and waits until the page has rendered what it caused: body[data-renders] moved on
// and the page is no longer busy (web/src/main.js sets both).
export async function whenRendered(page, action, { timeout = 60000, polling } = {}) {
  const before = Number(await page.evaluate(() => document.body.dataset.renders || 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.renders || 0) > n && document.body.dataset.busy === 'false',
    before, polling ? { timeout, polling } : { timeout });
}

// The built page (dist/ under `root`) served on a free port and opened in a guarded browser, ready
// for files (unless `open: false`). open(path, {lang}) loads the page afresh — a new worker, no
// files, the stored language choice forgotten or set to `lang` — at `path` (e.g. '/#enhet=…') and
// waits until it is ready; it returns the navigation's response. close() ends browser and server.
export async function openCalculator(root, { open = true } = {}) {
  const { server, url } = await startServer({ root: join(root, 'dist'), port: 0 });
  const origin = url.replace(/\/$/, '');
  const browser = await openGuardedBrowser(origin);
  const { page } = browser;
  const calculator = {
    ...browser,
    origin,
    open: async (path = '/', { lang } = {}) => {
      if (lang && !page.url().startsWith(origin)) await page.goto(`${origin}/`);
      if (page.url().startsWith(origin)) {
        await page.evaluate((l) => {
          localStorage.clear();
          if (l) localStorage.setItem('arsverk.lang', l);
        }, lang);
      }
      if (path.includes('#')) await page.goto('about:blank'); // a new load, not a change of hash
      const response = await page.goto(`${origin}${path}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      return response;
    },
    close: async () => { await browser.context.close(); server.close(); },
  };
  if (open) await calculator.open();
  return calculator;
}

// Clicks a PNG download button and gives the file's name and its width and height (from the PNG header).
export async function downloadPng(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// Per item of `items`: the height of its `name` text (not of the row it stands in), the top of its
// figure (.value) and its own top: whether the figures of a row stand at one height (the key
// figures' cards, the form's measures).
export const figureHeights = (page, items, name) => page.$$eval(items, (els, nameSelector) => els.map((el) => {
  const range = document.createRange();
  range.selectNodeContents(el.querySelector(nameSelector));
  return {
    name: Math.round(range.getBoundingClientRect().height),
    top: Math.round(el.querySelector('.value').getBoundingClientRect().top),
    row: Math.round(el.getBoundingClientRect().top),
  };
}), name);
