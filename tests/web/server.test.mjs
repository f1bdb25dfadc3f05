// scripts/serve.mjs: MIME types, the Content-Security-Policy header, and no way out of dist/.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { join } from 'node:path';

import { CSP, resolvePath, startServer } from '../../scripts/serve.mjs';
import { root } from '../wasm/lib.mjs';

let server;
let base;
before(async () => {
  ({ server, url: base } = await startServer({ root: join(root, 'dist'), port: 0 }));
});
after(() => server.close());

// Raw paths (fetch would normalise "..").
function get(path, method = 'GET') {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the page with its CSP and security headers', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['content-security-policy'], CSP);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(CSP, /connect-src 'self'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(r.body.toString(), /Content-Security-Policy/);
});

test('correct MIME types, including application/wasm', async () => {
  const types = {
    '/arsverk.wasm': 'application/wasm',
    '/arsverk.js': 'text/javascript; charset=utf-8',
    '/worker.js': 'text/javascript; charset=utf-8',
    '/styles.css': 'text/css; charset=utf-8',
    '/css/designsystemet.css': 'text/css; charset=utf-8',
    '/eksempel/eksempel_arsverk_2023.csv': 'text/csv; charset=utf-8',
    '/favicon.svg': 'image/svg+xml',
  };
  for (const [path, type] of Object.entries(types)) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers['content-type'], type, path);
  }
  const head = await get('/arsverk.wasm', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('no directory traversal, no dotfiles, no other methods', async () => {
  for (const path of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/css/../../package.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/.git/config', '/a%00b', '/..\\package.json', '/%ZZ']) {
    const r = await get(path);
    assert.ok(r.status === 400 || r.status === 404, `${path} -> ${r.status}`);
    assert.doesNotMatch(r.body.toString(), /"name"|root:/, path);
  }
  assert.equal((await get('/nothing-here.js')).status, 404);
  assert.equal((await get('/css')).status, 404);
  assert.equal((await get('/', 'POST')).status, 405);
  assert.equal(resolvePath('/srv/dist', '/../x'), null);
  assert.equal(resolvePath('/srv/dist', 'http://evil/x'), null);
  assert.equal(resolvePath('/srv/dist', '/a/b.js'), '/srv/dist/a/b.js');
});
