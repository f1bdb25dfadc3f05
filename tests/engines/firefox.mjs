// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi: no browser download.
// The engine reports page errors, console errors and every request of the page and its workers.
import puppeteer from 'puppeteer-core';

export const name = 'firefox';

export async function launch() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // After the form, the page asks before leaving while typed figures are unsaved (beforeunload):
  // going on to the next flow, the user answers «Leave».
  page.on('dialog', (d) => d.accept());
  return {
    name,
    version: await browser.version(),
    goto: (url) => page.goto(url),
    click: (selector) => page.click(selector),
    async fill(selector, text) {
      await page.$eval(selector, (e) => { e.value = ''; });
      await page.type(selector, text);
    },
    press: (selector, key) => page.focus(selector).then(() => page.keyboard.press(key)),
    upload: async (selector, paths) => (await page.$(selector)).uploadFile(...paths),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    requests: () => requests,
    errors: () => errors,
    // Firefox has no print media emulation over BiDi, but prints to PDF (browsingContext.print).
    emulatePrint: null,
    printToPdf: async () => Buffer.from(await page.pdf({ format: 'A4' })),
    close: () => browser.close(),
  };
}
