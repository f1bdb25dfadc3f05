#!/usr/bin/env node
// A tiny static server for dist/ on 127.0.0.1 (no dependencies). Correct MIME types (including
// application/wasm), the page's Content-Security-Policy on every response, no directory listing,
// no way out of the root.
//
//   node scripts/serve.mjs [--port N] [--host H] [--root DIR]     (PORT=N also works; 0 = any free port)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "worker-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; " +
  "base-uri 'self'; form-action 'none'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

function send(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

// Maps a request path to a file under root, or null when it is not allowed.
export function resolvePath(root, urlPath) {
  if (!urlPath.startsWith('/')) return null;
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const parts = path.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p.startsWith('.'))) return null; // also hides dotfiles
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

export function startServer({ root, port = 8080, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed');
    }
    const file = resolvePath(base, req.url || '/');
    if (!file) return send(res, 400, 'Bad request');
    let info;
    try {
      info = await stat(file);
    } catch {
      return send(res, 404, 'Not found');
    }
    if (!info.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const args = process.argv.slice(2);
  const arg = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', arg('--root') ?? 'dist');
  const port = Number(arg('--port') ?? process.env.PORT ?? 8080);
  const host = arg('--host') ?? process.env.HOST ?? '127.0.0.1';
  try {
    await stat(resolve(root, 'index.html'));
  } catch {
    console.error(`serve: ${root}/index.html is missing. Run "npm run build:web" first.`);
    process.exit(1);
  }
  startServer({ root, port, host }).then(({ url }) => {
    console.log(`Kalkulatoren kjører på ${url}  (the calculator is running at ${url}; Ctrl+C to stop)`);
  }, (err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
