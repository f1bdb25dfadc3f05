// The service worker: after the first visit the page works without a network. It keeps the app
// shell, the WebAssembly module, the example data and the map boundaries in one cache named after
// the build's content hash; scripts/build-web.mjs fills in VERSION and FILES. A new build has a new
// hash, so the browser installs the new worker, which replaces the old cache when it takes over.
// Only this origin's own files are answered; nothing the user reads is ever stored here.
/* eslint-env serviceworker */

const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `arsverk-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('arsverk-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks the worker that waits to take over at once (after an update).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first for the files of this version (the URL without its query or hash); everything else
// goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  let path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  if (path === '') path = 'index.html';
  if (path == null || !FILES.includes(path)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(path);
    return hit ?? fetch(request);
  })());
});
