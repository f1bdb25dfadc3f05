// Offline: registers the service worker (web/sw.js) and says when the page works without a network,
// or that a new version is ready. Over file:// there is no service worker; web/boot.js speaks there.

// note: the element for the one-line message; update: the button that switches to a new version.
export function startOffline({ note, update, text }) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // The note's line is kept from the start, its text in place but not shown (tools.css), so that
  // saying it a moment later moves nothing the user may be about to click.
  note.textContent = text('offline.ready');
  note.dataset.i18n = 'offline.ready';
  const say = (key) => {
    note.textContent = text(key);
    note.dataset.i18n = key; // a change of language translates it with the rest
    note.hidden = false;
  };
  navigator.serviceWorker.register('sw.js').then((registration) => {
    const whenActive = (worker) => {
      if (worker.state === 'activated') say('offline.ready');
      else worker.addEventListener('statechange', () => { if (worker.state === 'activated') say('offline.ready'); });
    };
    const offerUpdate = (worker) => {
      say('offline.updated');
      update.hidden = false;
      update.onclick = () => worker.postMessage('skip-waiting');
    };
    const installing = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      });
      if (!navigator.serviceWorker.controller) whenActive(worker);
    };
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    else if (registration.active) whenActive(registration.active);
    else if (registration.waiting) whenActive(registration.waiting);
    // A worker still installing when the page came (the first visit's, reloaded at once): its
    // 'updatefound' has passed.
    if (registration.installing) installing(registration.installing);
    registration.addEventListener('updatefound', () => {
      if (registration.installing) installing(registration.installing);
    });
  }, () => { note.textContent = ''; /* no offline copy (e.g. storage blocked): the page works online as before */ });
  // The new version took over after the user asked for it: load it.
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!update.hidden && !reloading) {
      reloading = true;
      window.location.reload();
    }
  });
}
