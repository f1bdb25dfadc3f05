// The page's side of the worker protocol (see worker.js): each request gets an id and a promise.
import { setYearRules } from './format.js';
import { getLang } from './i18n.js';
import { settingsAround } from './settings.js';
import { resultKey } from './view-model.js';

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
    else if (msg.type === 'ahead') keepAhead(msg);
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
    const answer = new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, ...payload });
    });
    answer.id = id;
    return answer;
  }

  // Parsed reports by settings, newest last (as promises, so that a request for settings already
  // on their way waits for that answer): going back to settings seen lately — a box unticked
  // again — costs no trip to the worker. Forgotten when the files change. The page only reads a
  // report, never changes it, so one object can serve again. The report speaks no language
  // (docs/output.md): a change of language re-renders the one in hand and asks nothing here.
  const REPORTS_KEPT = 2;
  const reports = new Map();
  let files = 0; // counts changes of the files: a whole report of the files before is not kept

  function keep(key, report) {
    report.then((r) => { if (r.error) reports.delete(key); }, () => reports.delete(key));
    reports.set(key, report);
    if (reports.size > REPORTS_KEPT) reports.delete(reports.keys().next().value);
    return report;
  }

  // A report in two steps when it is not in hand: first the one with the results of the year in
  // view only (results_year; the latest when `year` is null or has none), then the whole one,
  // which the worker writes from the same computation (docs/web.md, "The year first"). The whole
  // one is parsed only when asked for — after the page has painted the first. In hand, both steps
  // are the whole report. Returns {first, whole}: a promise, and a function giving one.
  function reportInSteps(settings, year) {
    const start = performance.now();
    const key = JSON.stringify(settings);
    const inHand = reports.get(key);
    let first;
    let whole;
    if (inHand) {
      reports.delete(key); // newest last again
      reports.set(key, inHand);
      first = inHand;
      whole = () => inHand;
    } else {
      const ahead = year == null ? undefined : parsedAhead.get(aheadKey(year, key));
      const preview = request('preview', { settings, year, inHand: Boolean(ahead) });
      if (ahead) preview.catch(() => {}); // only so that the worker knows the newest preview
      first = ahead ? Promise.resolve(ahead) : preview.then((text) => JSON.parse(text));
      // The worker leaves it out when a newer change asked for its own first answer meanwhile.
      // Without the breakdowns by target group and service, which are asked for per unit.
      const text = request('report', { settings, after: preview.id, breakdowns: false });
      text.catch(() => {}); // not asked for when a newer change came first: its failure is no one's
      // The settings one step away, which the worker computes ahead once it is idle, with their
      // preview of the year this one showed (the latest, when none was asked for).
      first.then((r) => {
        aheadAsked.set(preview.id, files);
        if (aheadAsked.size > AHEAD_KEPT) aheadAsked.delete(aheadAsked.keys().next().value);
        return request('ahead', { settings: settingsAround(settings), year: r.results_year, after: preview.id });
      }).catch(() => {});
      const asked = files;
      let parsed = null;
      whole = () => {
        parsed ??= text.then((t) => JSON.parse(t));
        return asked === files ? keep(key, parsed) : parsed;
      };
    }
    // What a change costs before the page renders it (bench/page/recompute.mjs reads it; the
    // page's tests count these across a change of language, which makes none).
    first.then(() => performance.measure('arsverk:report', { start }), () => {});
    return { first, whole };
  }

  // The previews the worker wrote ahead (the settings one step away, the year in view), parsed
  // while the page is idle, by year and settings: a change to one of them is shown without a trip
  // to the worker (which is told, so that the whole report follows as usual). Only those of the
  // files in hand: aheadAsked gives the files each request for them was made with.
  const AHEAD_KEPT = 6; // as many as the worker writes ahead and keeps
  const parsedAhead = new Map();
  const aheadAsked = new Map(); // the preview's request id whose settings around were asked for -> files
  const aheadKey = (year, settingsText) => `${year}|${settingsText}`;
  const whenIdle = (f) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 50));
  function keepAhead(msg) {
    const asked = aheadAsked.get(msg.after);
    if (asked !== files) return;
    whenIdle(() => {
      if (asked !== files) return; // files added or removed meanwhile
      const key = aheadKey(msg.year, msg.settings);
      parsedAhead.delete(key);
      parsedAhead.set(key, JSON.parse(msg.text));
      if (parsedAhead.size > AHEAD_KEPT) parsedAhead.delete(parsedAhead.keys().next().value);
    });
  }

  // The breakdowns by target group and service of results (keys "kommune:3101:2024") under
  // settings, as a Map by key; kept by settings and keys until the files change. inHand gives
  // them at once, or null when they are still to be asked for.
  const breakdowns = new Map();
  const breakdownsKey = (settings, keys) => `${JSON.stringify(settings)}|${keys.join(',')}`;
  function askBreakdowns(settings, keys) {
    const key = breakdownsKey(settings, keys);
    if (!breakdowns.has(key)) {
      const asked = request('breakdowns', { settings, keys: keys.join(',') }).then((text) => {
        const answer = JSON.parse(text);
        if (answer.error) throw new Error(answer.error);
        const byKey = new Map(answer.breakdowns.map((b) => [resultKey(b), b]));
        asked.value = byKey;
        return byKey;
      });
      asked.catch(() => breakdowns.delete(key));
      breakdowns.set(key, asked);
    }
    return breakdowns.get(key);
  }

  function changeFiles(type, payload) {
    files++;
    reports.clear();
    breakdowns.clear();
    parsedAhead.clear();
    aheadAsked.clear();
    return request(type, payload);
  }

  return {
    ready,
    // files: [{name, blob, form}] — File or Blob objects; the worker reads them in slices. form: the
    // IS-24/8 form the page made of figures typed in.
    // The page's language goes along so that the worker's own messages (out of memory) match it.
    add: (files) => changeFiles('add', { files, lang: getLang() }),
    remove: (fileId) => changeFiles('remove', { fileId }),
    clear: () => changeFiles('clear'),
    // The report as JSON text (exports), or parsed in two steps (the page; kept for settings seen lately).
    report: (settings) => request('report', { settings }),
    reportInSteps: (settings, year) => reportInSteps(settings, year),
    breakdowns: askBreakdowns,
    breakdownsInHand: (settings, keys) => breakdowns.get(breakdownsKey(settings, keys))?.value ?? null,
    csv: (settings, lang) => request('csv', { settings, lang }),
    // The IS-24/8 form's sums of one unit-year (docs/output.md, "The form's sums").
    formSums: (code, year) => request('formSums', { code, year }),
    // {wasm, peak, files}: the module's memory now and at most (bytes), files kept.
    memory: () => request('memory'),
  };
}
