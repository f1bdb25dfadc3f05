// WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver with MiniBrowser) through selenium-webdriver.
// Needs a display: run under `xvfb-run -a` (with --headless MiniBrowser hangs the session).
// WebDriver classic has no events: page errors come from the page's own collector
// (tests/engines/server.mjs) and requests from the server's log; there is no print command.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, By, Key } from 'selenium-webdriver';

export const name = 'webkit';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const KEYS = { Enter: Key.ENTER, Tab: Key.TAB };
const RETRIED = new Set(['NoSuchElementError', 'ElementNotInteractableError', 'StaleElementReferenceError', 'ElementClickInterceptedError']);

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

async function startDriver() {
  const port = await freePort();
  const process_ = spawn(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  process_.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (process_.exitCode !== null) throw new Error(`WebKitWebDriver exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return { process: process_, url };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  process_.kill();
  throw new Error(`WebKitWebDriver did not start: ${stderr}`);
}

export async function launch() {
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run under xvfb-run -a');
  const driverProcess = await startDriver();
  let driver;
  try {
    driver = await new Builder().usingServer(driverProcess.url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER_PATH || MINIBROWSER, args: ['--automation'] },
    }).build();
  } catch (e) {
    driverProcess.process.kill();
    throw e;
  }
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  // Like Playwright's actionability wait: an element just added or shown is retried for a while.
  const act = async (selector, action) => {
    const end = Date.now() + 10000;
    for (;;) {
      try {
        return await action(await driver.findElement(By.css(selector)));
      } catch (e) {
        if (!RETRIED.has(e.name) || Date.now() > end) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  return {
    name,
    version: (await driver.getCapabilities()).get('browserVersion'),
    goto: (url) => driver.get(url),
    // WebKitWebDriver 2.50's element click sends the pointer events but not the mouse events and
    // the click that follow them (seen on «Prøv med eksempeldata»: pointerdown and pointerup, no
    // click): a user's press and release through the actions API, over the element scrolled into view.
    // Under load it sometimes delivers no click at all (the page stays as it was: «Klar», seen once
    // in a few full runs): the element is watched, and pressed again when it got no click within
    // a moment. A page that gets the click and does nothing still fails.
    click: (selector) => act(selector, async (e) => {
      await driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', e);
      await driver.executeScript(`window.arsverkClicked = false;
        arguments[0].addEventListener('click', () => { window.arsverkClicked = true; }, { once: true, capture: true });`, e);
      for (let attempt = 0; attempt < 3; attempt++) {
        await driver.actions({ async: true }).move({ origin: e }).click().perform();
        const end = Date.now() + 1500;
        while (Date.now() < end) {
          if (await driver.executeScript('return window.arsverkClicked === true;')) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      throw new Error(`webkit: ${selector} got no click from WebKitWebDriver in three tries`);
    }),
    fill: (selector, text) => act(selector, async (e) => {
      await e.clear();
      await e.sendKeys(text);
    }),
    press: (selector, key) => act(selector, (e) => e.sendKeys(KEYS[key])),
    upload: (selector, paths) => act(selector, (e) => e.sendKeys(paths.join('\n'))),
    // WebDriver awaits a returned promise.
    evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg),
    requests: () => null,
    errors: () => [],
    emulatePrint: null,
    printToPdf: null,
    async close() {
      try {
        await driver.quit();
      } finally {
        driverProcess.process.kill();
      }
    },
  };
}
