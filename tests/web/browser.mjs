// Headless Debian Chromium for the page tests, with the privacy guard: every request the page and
// its worker make is recorded, and anything for another origin is recorded and refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export async function openGuardedBrowser(origin) {
  const requests = [];
  const foreign = [];
  const consoleErrors = [];
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'arsverk-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'nb-NO',
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
  return { context, page, requests, pageRequests, foreign, consoleErrors };
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
// for files; close() ends both.
export async function openCalculator(root) {
  const { server, url } = await startServer({ root: join(root, 'dist'), port: 0 });
  const origin = url.replace(/\/$/, '');
  const browser = await openGuardedBrowser(origin);
  await browser.page.goto(`${origin}/`);
  await browser.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { ...browser, origin, close: async () => { await browser.context.close(); server.close(); } };
}
