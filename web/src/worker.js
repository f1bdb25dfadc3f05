// The calculator's worker: loads the WebAssembly core, reads files in slices and feeds them to it
// chunk by chunk, and answers report and export requests. Messages are handled one at a time, in
// order, so a report asked for while a file is being read comes after that file.
//
// page -> worker: {id, type: 'add', files: [{name, blob, form?}], lang} (form: the IS-24/8 form the
//                 page made of figures typed in, which the core's messages name «skjemaet»)
//                 {id, type: 'remove', fileId} | {id, type: 'clear'}
//                 {id, type: 'report', settings} | {id, type: 'csv', settings, lang}
//                 {id, type: 'preview', settings, year} (the report with one year's results)
//                 {id, type: 'report', settings, after, breakdowns: false} (the whole report that
//                 follows a preview, without the breakdowns: answered with an error, and not
//                 written, when a newer preview has come since; so is an older preview)
//                 {id, type: 'breakdowns', settings, keys} (those of the results "level:code:year,…")
//                 {id, type: 'ahead', settings: [..], year, after} (settings to compute once nothing
//                 waits, and their preview of `year` to write; none when a newer preview has come)
//                 {id, type: 'preview', settings, year, inHand: true} (the page has that preview,
//                 sent ahead: only the newest preview from now on; answered with null)
//                 {id, type: 'memory'}
// worker -> page: {type: 'ready', thresholds, years} | {type: 'fatal', message} | {type: 'warm', ms}
//                 {type: 'ahead', after, settings, year, text} (a preview written ahead, as JSON text:
//                 the page parses it while idle, so that a change to those settings needs no answer)
//                 {type: 'progress', id, name, index, count, loaded, total, memory}
//                 {type: 'reply', id, result} | {type: 'reply', id, error}
//                 (to 'add': {added: [{fileId, name, kind}], errors: [{name, message}], memory},
//                 kind as the core recognised the file: "arsverk" | "befolkning" | "referanse" | "unknown")
//
// Out of memory: the module's memory has a maximum (1 GiB, wasm/CMakeLists.txt). When the core
// cannot allocate, feed/endFile return "out_of_memory" and the file is dropped with a plain
// message. If the module aborts instead (a WebAssembly.RuntimeError, or Emscripten's onAbort), it
// is not used again: a new module is started and the files kept so far are read into it again
// (the worker keeps their Blobs), so the page's file ids stay valid and the page keeps working.
//
// The module comes in two parts (wasm/CMakeLists.txt, docs/performance.md "First load"): arsverk.wasm
// holds what a first visit runs (the start, the CSV reader, the rules, the report); arsverk.deferred.wasm
// the rest — the Excel and JSON-stat readers, most messages, the CSV export. The worker fetches and
// compiles the second part as soon as it has said 'ready', and every request waits for it (as it waits
// for the warm-up); Emscripten's loader instantiates it, from the compiled module, the first time one
// of its functions is called. The module's registers, population and published figures come apart
// too, in arsverk.data, fetched beside the second part and given to every module started (a restart
// included) before any file.
/* global importScripts, createArsverk */

const SLICE_BYTES = 4 << 20; // per read; the core keeps only what it parsed (size: README, Performance)

const TEXTS = {
  nb: {
    oom: 'Filen er for stor til å leses i nettleseren: minnet beregningen kan bruke (1 GB) tok slutt. Del opp filen, eller bruk kommandolinjeversjonen.',
    aborted: 'Beregningen stoppet under lesing av filen ({detail}), og ble startet på nytt; de andre filene er lest inn igjen.',
    unloaded: 'Resten av kalkulatoren kunne ikke lastes ned ({detail}). Last inn siden på nytt.',
  },
  en: {
    oom: 'The file is too large to read in the browser: the memory the calculator may use (1 GB) ran out. Split the file, or use the command-line version.',
    aborted: 'The calculator stopped while reading the file ({detail}) and was restarted; the other files have been read again.',
    unloaded: 'The rest of the calculator could not be downloaded ({detail}). Reload the page.',
  },
};
let lang = 'nb';
const text = (key, detail = '') => (TEXTS[lang] || TEXTS.nb)[key].replace('{detail}', detail);

importScripts('arsverk.js');

const DEFERRED_WASM = 'arsverk.deferred.wasm';
let deferredWasm = null; // the second part, compiled (a WebAssembly.Module)
const DATA = 'arsverk.data';
let data = null; // its bytes (a Uint8Array)
// Emscripten's loader says on the console when it instantiates the second part: not an error.
const SPLIT_LOG = /^(placeholder function called|instantiated deferred module)/;

let module = null;
let calculator = null;
let staging = 0; // SLICE_BYTES in the module's heap, allocated once per module: each slice goes there
let aborted = false;
let peakMemory = 0;
// fileId (as the page knows it) -> {name, blob, form, coreId}, in the order added.
const kept = new Map();
let nextFileId = 1;

function memoryBytes() {
  const bytes = module && module.HEAPU8 ? module.HEAPU8.length : 0;
  if (bytes > peakMemory) peakMemory = bytes;
  return bytes;
}

async function startModule() {
  aborted = false;
  module = await createArsverk({
    onAbort: () => { aborted = true; },
    // Called synchronously by the first call into the second part; the queue has compiled it by then.
    loadSplitModule: (file, imports) => {
      if (!deferredWasm) throw new Error(`${DEFERRED_WASM} not loaded`);
      return [new WebAssembly.Instance(deferredWasm, imports), deferredWasm];
    },
    printErr: (line) => { if (!SPLIT_LOG.test(line)) console.warn(line); },
  });
  calculator = new module.Calculator();
  staging = module._malloc(SLICE_BYTES);
  if (data) provideData();
  memoryBytes();
}

// The module keeps its own copy: the bytes go through its heap once.
function provideData() {
  const at = module._malloc(data.length);
  try {
    module.HEAPU8.set(data, at);
    const refused = module.provideData(at, data.length);
    if (refused) throw new Error(`${DATA}: ${refused}`);
  } finally {
    module._free(at);
  }
}

const isAbort = (err) => aborted || (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError);
const errorText = (err) => String((err && err.message) || err);

const readSlice = (blob, start) => blob.slice(start, Math.min(blob.size, start + SLICE_BYTES)).arrayBuffer();

// Copies a slice into the staging buffer (one copy; HEAPU8 is looked up anew, as memory may have
// grown) and lets the core read it there.
function feedSlice(coreId, buffer) {
  module.HEAPU8.set(new Uint8Array(buffer), staging);
  return calculator.feedHeap(coreId, staging, buffer.byteLength);
}

// Reads one blob into the current module; returns {coreId, kind} or {error}. Throws only if the module
// aborted (the caller restarts it). The next slice is being read while the core digests this one.
async function readInto(name, blob, onSlice, form = false) {
  const coreId = form ? calculator.beginForm(name) : calculator.beginFile(name);
  let error = '';
  try {
    let loaded = 0;
    onSlice?.(loaded);
    let next = blob.size > 0 ? readSlice(blob, 0) : null;
    while (next && !error) {
      const buffer = await next;
      const end = loaded + buffer.byteLength;
      next = end < blob.size ? readSlice(blob, end) : null;
      error = feedSlice(coreId, buffer);
      if (aborted) throw new Error('aborted');
      loaded = end;
      onSlice?.(loaded);
    }
    next?.catch(() => {}); // stopped early: the read ahead is not needed
    if (!error) error = calculator.endFile(coreId);
  } catch (err) {
    if (isAbort(err)) throw err;
    // Not the module: e.g. the browser could not read the file, or JS ran out of memory.
    error = /out of memory|allocation failed/i.test(errorText(err)) ? 'out_of_memory' : errorText(err);
  }
  if (aborted) throw new Error('aborted');
  if (error) {
    calculator.removeFile(coreId);
    return { error: error === 'out_of_memory' ? text('oom') : error };
  }
  return { coreId, kind: calculator.fileKind(coreId) };
}

// After an abort: a new module, and the files kept so far read into it again. A kept file that
// aborts the new module too is left out, and the rest read once more.
async function restart() {
  previews.clear();
  for (;;) {
    calculator = null;
    module = null;
    await startModule();
    let again = false;
    for (const [fileId, f] of kept) {
      try {
        const r = await readInto(f.name, f.blob, undefined, f.form);
        if (r.error) kept.delete(fileId);
        else f.coreId = r.coreId;
      } catch (err) {
        kept.delete(fileId);
        again = true;
        break;
      }
    }
    if (!again) return;
  }
}

async function addFiles(id, files) {
  const added = [];
  const errors = [];
  for (let index = 0; index < files.length; index++) {
    const { name, blob, form = false } = files[index];
    const progress = (loaded) => self.postMessage({
      type: 'progress', id, name, index, count: files.length, loaded, total: blob.size, memory: memoryBytes(),
    });
    let result;
    try {
      result = await readInto(name, blob, progress, form);
    } catch (err) {
      const detail = aborted ? 'abort' : errorText(err);
      const oom = /out of memory|OOM|Cannot enlarge memory|allocation failed|Array buffer allocation/i.test(errorText(err));
      if (isAbort(err) || !calculator) {
        await restart();
        result = { error: oom ? text('oom') : text('aborted', detail) };
      } else {
        result = { error: oom ? text('oom') : errorText(err) };
      }
    }
    if (result.error) {
      errors.push({ name, message: result.error });
    } else {
      const fileId = nextFileId++;
      kept.set(fileId, { name, blob, form, coreId: result.coreId });
      added.push({ fileId, name, kind: result.kind });
    }
  }
  return { added, errors, memory: memoryBytes() };
}

// Report and export: if the module aborts here, it is restarted with the files and asked again.
async function guardedCall(f) {
  try {
    return f();
  } catch (err) {
    if (!isAbort(err)) throw err;
    await restart();
    return f();
  }
}

const handlers = {
  add: (msg) => {
    if (msg.lang) lang = msg.lang;
    previews.clear();
    return addFiles(msg.id, msg.files);
  },
  remove: (msg) => {
    previews.clear();
    const file = kept.get(msg.fileId);
    kept.delete(msg.fileId);
    if (file) calculator.removeFile(file.coreId);
    return true;
  },
  clear: () => { kept.clear(); previews.clear(); calculator.clear(); return true; },
  report: async (msg) => {
    if (msg.after !== undefined && await outdated(msg.after)) throw new Error('superseded');
    const settings = JSON.stringify(msg.settings);
    return guardedCall(() => (msg.breakdowns === false ? calculator.reportWithoutBreakdowns(settings) : calculator.report(settings)));
  },
  breakdowns: (msg) => guardedCall(() => calculator.breakdowns(JSON.stringify(msg.settings), msg.keys)),
  ahead: (msg) => {
    if (msg.after === latestPreview) queue = queue.then(() => computeAhead(msg.settings, msg.year, msg.after));
    return true;
  },
  preview: async (msg) => {
    if (await outdated(msg.id)) throw new Error('superseded');
    const settings = JSON.stringify(msg.settings);
    const year = msg.year ?? 0;
    if (msg.inHand) {
      previewsAnswered++;
      return null;
    }
    const written = previews.get(previewKey(settings, year));
    if (written) previewsAnswered++;
    return written ?? guardedCall(() => calculator.reportYear(settings, year));
  },
  csv: (msg) => guardedCall(() => calculator.exportCsv(JSON.stringify(msg.settings), msg.lang)),
  formSums: (msg) => guardedCall(() => JSON.parse(calculator.formSums(msg.code, msg.year))),
  memory: () => ({ wasm: memoryBytes(), peak: peakMemory, files: kept.size }),
};

// For tests, benchmarks and the console: the module's memory, the calculator in use, the reports
// left out, the settings computed ahead, when the worker said it was ready (readyAt).
self.arsverkWorker = {
  memory: handlers.memory,
  get leftOut() { return leftOut; },
  get computedAhead() { return computedAhead; },
  get previewsAnswered() { return previewsAnswered; },
  get calculator() { return calculator; },
};

// Any failure on the way to 'ready' (the module, or a verb it answers at the start) is 'fatal':
// the page then says why instead of waiting for ever.
const ready = startModule()
  .then(() => {
    self.arsverkWorker.readyAt = performance.timeOrigin + performance.now(); // ms since the epoch
    self.postMessage({ type: 'ready', thresholds: JSON.parse(module.thresholds()), years: JSON.parse(module.yearRules()) });
  })
  .catch((err) => { self.postMessage({ type: 'fatal', message: errorText(err) }); throw err; });

// The engine's first report is slow until V8 has optimised its functions (wasm/bindings.cpp): it
// is run over made-up files right after 'ready', as the first thing in the queue, so a file
// dropped later is not the first. It goes a step at a time and stops when a request is waiting
// (a file dropped or the example chosen at once): that request does not wait for made-up files,
// and warms the engine itself. Nothing of it is kept.
async function warmUp() {
  const start = performance.now();
  try {
    const warming = new module.WarmUp();
    try {
      while (warming.step()) {
        await letIn();
        if (waiting > 0) break;
      }
    } finally {
      if (!aborted) warming.delete(); // an aborted module is not called again
    }
  } catch (err) {
    if (isAbort(err)) return restart();
  }
  self.postMessage({ type: 'warm', ms: performance.now() - start });
  return undefined;
}

let computedAhead = 0; // settings computed ahead so far (tests read it)
let previewsAnswered = 0; // previews answered from those written ahead, here or by the page (tests read it)
// Settings the page may ask for next are computed while nothing waits, one step at a time (a
// request that comes meanwhile waits for one step at most): the core keeps their reports
// (Session::compute_ahead), and their preview of the year in view is written here and kept, so
// that a change to one of them is answered without the core; each is sent to the page as it is
// written (the page parses it while idle, web/src/client.js). Nothing else is said: a failure here
// is the next request's to meet.
const PREVIEWS_KEPT = 6; // as many as the core keeps reports (kReportsKept)
const previews = new Map(); // previewKey -> the preview's JSON text, newest last; none of files before
const previewKey = (settings, year) => `${year}|${settings}`;
async function computeAhead(settings, year, after) {
  const step = async (f) => {
    await letIn();
    if (waiting > 0 || !calculator) return false;
    try {
      f();
      return true;
    } catch (err) {
      if (isAbort(err)) await restart();
      return false;
    }
  };
  for (const s of settings) {
    const text = JSON.stringify(s);
    const key = previewKey(text, year);
    if (previews.has(key)) continue;
    if (!await step(() => { if (!calculator.computeAhead(text)) computedAhead++; })) return;
    if (!await step(() => keepPreview(key, calculator.reportYear(text, year)))) return;
    const written = previews.get(key);
    if (written) self.postMessage({ type: 'ahead', after, settings: text, year, text: written });
  }
}
function keepPreview(key, text) {
  if (text.startsWith('{"error"')) return;
  previews.set(key, text);
  if (previews.size > PREVIEWS_KEPT) previews.delete(previews.keys().next().value);
}

async function fetchOk(file) {
  const response = await fetch(file, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response;
}

// The second part is compiled while it downloads, and so (as the first part, which Emscripten's
// loader instantiates from its response) the browser may keep its optimised code for the next visit.
// A server that does not say application/wasm gets it compiled from its bytes, as Emscripten's
// loader does for the first part.
async function compileDeferred() {
  try {
    return await WebAssembly.compileStreaming(fetchOk(DEFERRED_WASM));
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    return WebAssembly.compile(await (await fetchOk(DEFERRED_WASM)).arrayBuffer());
  }
}

async function fetchRest() {
  const [compiled, bytes] = await Promise.all([compileDeferred(), fetchOk(DATA).then((r) => r.arrayBuffer())]);
  deferredWasm = compiled;
  data = new Uint8Array(bytes);
  provideData();
}

// Every request waits for the second part and the data; if they cannot be had, each says so (the
// page shows it).
let unloaded = null;
const deferred = ready.then(() => calculator && fetchRest()).catch((err) => { unloaded = err; });

let queue = deferred.then(() => calculator && !unloaded && warmUp());
// The newest preview asked for (when it arrived, not when it is answered): an older preview, and
// the whole report that follows it, are not wanted any more (web/src/client.js, reportInSteps).
// Messages the page has sent meanwhile are let in first: without that, two changes sent at once
// would each be answered before the next one's message is seen.
let latestPreview = null;
let waiting = 0; // messages received and not yet begun
const lettingIn = new MessageChannel();
const letIn = () => new Promise((resolve) => {
  lettingIn.port1.onmessage = () => resolve();
  lettingIn.port2.postMessage(null);
});
let leftOut = 0; // how many were not answered so (tests read it)
const outdated = async (previewId) => {
  await letIn();
  if (previewId === latestPreview) return false;
  leftOut++;
  return true;
};
self.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'preview') latestPreview = msg.id;
  waiting++;
  queue = queue.then(async () => {
    waiting--;
    try {
      if (!calculator) throw new Error('calculator not loaded');
      if (unloaded && msg.type !== 'memory') {
        lang = msg.lang || msg.settings?.lang || lang;
        throw new Error(text('unloaded', errorText(unloaded)));
      }
      const handler = handlers[msg.type];
      if (!handler) throw new Error(`unknown message ${msg.type}`);
      self.postMessage({ type: 'reply', id: msg.id, result: await handler(msg) });
    } catch (err) {
      self.postMessage({ type: 'reply', id: msg.id, error: errorText(err) });
    }
  });
};
