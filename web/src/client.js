// The page's side of the worker protocol (see worker.js): each request gets an id and a promise.

export function startCalculator({ onProgress } = {}) {
  const worker = new Worker('worker.js');
  const pending = new Map();
  let nextId = 1;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'ready') resolveReady();
    else if (msg.type === 'fatal') rejectReady(new Error(msg.message));
    else if (msg.type === 'progress') onProgress?.(msg);
    else if (msg.type === 'reply') {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    }
  };
  // An uncaught error in the worker: the open requests fail with its message instead of waiting
  // for ever (the worker restarts its module itself after an abort, see worker.js).
  worker.onerror = (event) => {
    const err = new Error(event.message || 'worker error');
    rejectReady(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  function request(type, payload = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, ...payload });
    });
  }

  return {
    ready,
    // files: [{name, blob}] — File or Blob objects; the worker reads them in slices.
    // The page's language goes along so that the worker's own messages (out of memory) match it.
    add: (files) => request('add', { files, lang: document.documentElement.lang || 'nb' }),
    remove: (fileId) => request('remove', { fileId }),
    clear: () => request('clear'),
    report: (settings) => request('report', { settings }),
    csv: (settings, norwegian) => request('csv', { settings, norwegian }),
    // {wasm, peak, files}: the module's memory now and at most (bytes), files kept.
    memory: () => request('memory'),
  };
}
