// dist/ served for the engine tests by scripts/serve.mjs, with three additions a browser engine
// without a DevTools protocol needs:
// - index.html carries an inline collector as its first script (allowed by its hash in both
//   Content-Security-Policies), so that every engine, WebKit included, records its own page errors,
//   unhandled rejections, console errors, files that failed to load and CSP violations (a request
//   to another origin is one) from the first byte on;
// - every request that reaches the server is logged (the page's, its worker's, the service worker's);
// - goOffline() makes the server drop every connection, as a lost network does.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CSP, SECURITY_HEADERS, startServer } from '../../scripts/serve.mjs';

const COLLECTOR = `(() => {
  const errors = [];
  const violations = [];
  window.__engineProbe = { errors, violations };
  const text = (x) => (x && x.message) || String(x);
  addEventListener('error', (e) => {
    if (e.target && e.target !== window) errors.push('failed to load ' + (e.target.src || e.target.href || e.target.tagName));
    else errors.push(text(e.error || e.message) + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + text(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const consoleError = console.error;
  console.error = (...args) => { errors.push(args.map(text).join(' ')); consoleError.apply(console, args); };
})();`;

const HASH = `'sha256-${createHash('sha256').update(COLLECTOR).digest('base64')}'`;
const withCollector = (policy) => policy.replace("script-src 'self'", `script-src 'self' ${HASH}`);

export async function serveForEngines(root) {
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  if (!policy || !html.includes('<head>')) throw new Error('dist/index.html: no <head> or no Content-Security-Policy meta tag');
  const page = html.replace(policy, withCollector(policy)).replace('<head>', `<head>\n  <script>${COLLECTOR}</script>`);

  const { server, url } = await startServer({ root: dist, port: 0 });
  const serveFile = server.listeners('request')[0];
  server.removeAllListeners('request');
  const log = [];
  let offline = false;
  server.on('request', (req, res) => {
    if (offline) return req.socket.destroy();
    res.on('finish', () => log.push({ path: req.url, status: res.statusCode }));
    const path = req.url.split(/[?#]/)[0];
    if (path !== '/' && path !== '/index.html') return serveFile(req, res);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': withCollector(CSP) });
    return res.end(req.method === 'HEAD' ? undefined : page);
  });
  return {
    origin: url.replace(/\/$/, ''),
    log,
    goOffline() {
      offline = true;
      server.closeAllConnections();
    },
    goOnline() { offline = false; },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
