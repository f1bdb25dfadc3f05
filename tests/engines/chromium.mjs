// Debian's Chromium through playwright-core (the same engine tests/web drives), here so that the three
// engines are compared by the same code.
import { chromium } from 'playwright-core';

export const name = 'chromium';

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    name,
    version: browser.version(),
    goto: (url) => page.goto(url),
    click: (selector) => page.click(selector),
    fill: (selector, text) => page.fill(selector, text),
    press: (selector, key) => page.press(selector, key),
    upload: (selector, paths) => page.setInputFiles(selector, paths),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    requests: () => requests,
    errors: () => errors,
    emulatePrint: (on) => page.emulateMedia({ media: on ? 'print' : null }),
    printToPdf: async () => page.pdf({ format: 'A4' }),
    close: () => browser.close(),
  };
}
