// The calculator's worker: loads the WebAssembly core, reads files in slices and feeds them to it
// chunk by chunk, and answers report and export requests. Messages are handled one at a time, in
// order, so a report asked for while a file is being read comes after that file.
//
// page -> worker: {id, type: 'add', files: [{name, blob}]}
//                 {id, type: 'remove', fileId} | {id, type: 'clear'}
//                 {id, type: 'report', settings} | {id, type: 'csv', settings, norwegian}
// worker -> page: {type: 'ready'} | {type: 'fatal', message}
//                 {type: 'progress', id, name, index, count, loaded, total}
//                 {type: 'reply', id, result} | {type: 'reply', id, error}
/* global importScripts, createArsverk */

const SLICE_BYTES = 1 << 20; // 1 MiB per read; the core keeps only what it parsed

importScripts('arsverk.js');

let calculator = null;
const ready = createArsverk().then(
  (Module) => {
    calculator = new Module.Calculator();
    self.postMessage({ type: 'ready' });
  },
  (err) => {
    self.postMessage({ type: 'fatal', message: String((err && err.message) || err) });
  },
);

async function addFiles(id, files) {
  const added = [];
  const errors = [];
  for (let index = 0; index < files.length; index++) {
    const { name, blob } = files[index];
    const fileId = calculator.beginFile(name);
    let error = '';
    try {
      let loaded = 0;
      self.postMessage({ type: 'progress', id, name, index, count: files.length, loaded, total: blob.size });
      while (loaded < blob.size && !error) {
        const end = Math.min(blob.size, loaded + SLICE_BYTES);
        const bytes = new Uint8Array(await blob.slice(loaded, end).arrayBuffer());
        error = calculator.feed(fileId, bytes);
        loaded = end;
        self.postMessage({ type: 'progress', id, name, index, count: files.length, loaded, total: blob.size });
      }
      if (!error) error = calculator.endFile(fileId);
    } catch (err) {
      error = String((err && err.message) || err);
    }
    if (error) {
      calculator.removeFile(fileId);
      errors.push({ name, message: error });
    } else {
      added.push({ fileId, name });
    }
  }
  return { added, errors };
}

const handlers = {
  add: (msg) => addFiles(msg.id, msg.files),
  remove: (msg) => { calculator.removeFile(msg.fileId); return true; },
  clear: () => { calculator.clear(); return true; },
  report: (msg) => calculator.report(JSON.stringify(msg.settings)),
  csv: (msg) => calculator.exportCsv(JSON.stringify(msg.settings), Boolean(msg.norwegian)),
};

let queue = ready;
self.onmessage = (event) => {
  const msg = event.data;
  queue = queue.then(async () => {
    try {
      if (!calculator) throw new Error('calculator not loaded');
      const handler = handlers[msg.type];
      if (!handler) throw new Error(`unknown message ${msg.type}`);
      self.postMessage({ type: 'reply', id: msg.id, result: await handler(msg) });
    } catch (err) {
      self.postMessage({ type: 'reply', id: msg.id, error: String((err && err.message) || err) });
    }
  });
};
