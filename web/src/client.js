// The page's side of the worker protocol (see worker.js): each request gets an id and a promise.
import { setYearRules } from './format.js';

export function startCalculator({ onProgress } = {}) {
  const worker = new Worker('worker.js');
  const pending = new Map();
  let nextId = 1;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });

  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'ready') {
      setYearRules(msg.years);
      resolveReady(msg.thresholds);
    }
    else if (msg.type === 'fatal') rejectReady(new Error(msg.message));
    else if (msg.type === 'progress') onProgress?.(msg);
    // The worker has run its warm-up report (bench/page/recompute.mjs waits for this mark).
    else if (msg.type === 'warm') performance.mark('arsverk:warm', { detail: msg.ms });
    else if (msg.type === 'reply') {
      const waiting = pending.get(msg.id);
      pending.delete(msg.id);
      if (!waiting) return;
      if (msg.error !== undefined) waiting.reject(new Error(msg.error));
      else waiting.resolve(msg.result);
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

  // Parsed reports by settings, newest last (as promises, so that a request for settings already
  // on their way waits for that answer): going back to settings seen lately — a box unticked
  // again — costs no trip to the worker. Forgotten when the files change. The page only reads a
  // report, never changes it, so one object can serve again. The report speaks no language
  // (docs/output.md): a change of language re-renders the one in hand and asks nothing here.
  const REPORTS_KEPT = 2;
  const reports = new Map();

  function reportObject(settings) {
    const start = performance.now();
    const key = JSON.stringify(settings);
    let report = reports.get(key);
    if (report) {
      reports.delete(key);
    } else {
      report = request('report', { settings }).then((text) => JSON.parse(text));
      report.then((r) => { if (r.error) reports.delete(key); }, () => reports.delete(key));
    }
    // What a change costs before the page renders it (bench/page/recompute.mjs reads it; the
    // page's tests count these across a change of language, which makes none).
    report.then(() => performance.measure('arsverk:report', { start }), () => {});
    reports.set(key, report);
    if (reports.size > REPORTS_KEPT) reports.delete(reports.keys().next().value);
    return report;
  }

  function changeFiles(type, payload) {
    reports.clear();
    return request(type, payload);
  }

  return {
    ready,
    // files: [{name, blob}] — File or Blob objects; the worker reads them in slices.
    // The page's language goes along so that the worker's own messages (out of memory) match it.
    add: (files) => changeFiles('add', { files, lang: document.documentElement.lang || 'nb' }),
    remove: (fileId) => changeFiles('remove', { fileId }),
    clear: () => changeFiles('clear'),
    // The report as JSON text (exports), or parsed (the page; kept for settings seen lately).
    report: (settings) => request('report', { settings }),
    reportObject: (settings) => reportObject(settings),
    csv: (settings, lang) => request('csv', { settings, lang }),
    // {wasm, peak, files}: the module's memory now and at most (bytes), files kept.
    memory: () => request('memory'),
  };
}
