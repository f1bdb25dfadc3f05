// The bench page: every contestant in its own dedicated worker, started once, then run over the
// same File (the one given to the file input) when peers.mjs asks. Each run is timed here, on the
// page, from the message that starts it to the answer: what the page's user would wait for.
//
// window.bench.setup(names) -> start-up times; window.bench.run(name, check) -> {ms, rows, groups, check, ...}
import * as duckdb from '@duckdb/duckdb-wasm';

const input = document.getElementById('file');
const state = document.getElementById('state');
const file = () => {
  if (!input.files.length) throw new Error('no file given to the file input');
  return input.files[0];
};

// A plain worker answering one message per run.
function simpleWorker(script) {
  const worker = new Worker(script);
  return (message) => new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data));
    worker.onerror = (event) => reject(new Error(event.message || `${script} failed`));
    worker.postMessage(message);
  });
}

// The calculator's own page worker (dist/worker.js, unchanged), spoken to as web/src/client.js
// does: {id, type, ...} out, {type: 'reply', id, result | error} back, progress on the way.
function calculatorWorker() {
  const worker = new Worker('/dist/worker.js');
  const waiting = new Map();
  let nextId = 1;
  let progress = 0;
  const ready = new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') resolve();
      else if (data.type === 'fatal') reject(new Error(data.message));
      else if (data.type === 'progress') progress++;
      else if (data.type === 'reply') {
        const p = waiting.get(data.id);
        waiting.delete(data.id);
        if (data.error) p.reject(new Error(data.error)); else p.resolve(data.result);
      }
    };
  });
  const call = (type, payload = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...payload });
  });
  return { ready, call, progress: () => progress };
}

const ARSVERK_EXAMPLE = 'eksempel_arsverk_2024_2025.csv';
let ours = null;
let runners = null;
let duck = null;

// Ours: the File added as the page adds a dropped file (time to the reply: read, feed and endFile
// in the worker), then, untimed, the report for the checksum, the memory, and the file removed.
// The example årsverk file stays added all along so that the report has results carrying the
// population (Oslo 2025's population is the checksum).
async function runOurs({ region, year }) {
  const f = file();
  const progressBefore = ours.progress();
  const t0 = performance.now();
  const added = await ours.call('add', { files: [{ name: f.name, blob: f }], lang: 'nb' });
  const ms = performance.now() - t0;
  if (added.errors.length) throw new Error(added.errors.map((e) => e.message).join('; '));
  const { fileId } = added.added[0];
  const r0 = performance.now();
  const text = await ours.call('report', { settings: { year: Number(year), lang: 'nb' } });
  const report = JSON.parse(text);
  const reportMs = performance.now() - r0;
  const population = report.files.find((x) => x.name === f.name);
  const oslo = report.results.find((r) => r.level === 'kommune' && r.code === region && r.year === Number(year));
  const fromFile = oslo && oslo.population_source === 'file' && oslo.population_file === f.name;
  const memory = await ours.call('memory');
  await ours.call('remove', { fileId });
  return {
    ms, reportMs, progressMessages: ours.progress() - progressBefore,
    rows: population?.rows ?? null, groups: population ? population.units * population.years.length : null,
    check: fromFile ? oslo.population : null, kind: population?.kind ?? null,
    wasmBytes: memory.wasm, peakWasmBytes: memory.peak,
  };
}

// DuckDB-wasm: its own worker (the eh build); the File registered as a browser file handle and
// read by read_csv, summed by GROUP BY; the handle dropped again.
async function runDuckDB({ region, year }) {
  const f = file();
  const t0 = performance.now();
  await duck.registerFileHandle('population.csv', f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const connection = await duck.connect();
  const table = await connection.query(`SELECT substr(region, 3, 4) AS region, "år" AS year,
      sum("Personer") AS persons, count(*) AS n
    FROM read_csv('population.csv', delim = ';', header = true, skip = 2, quote = '"') GROUP BY ALL`);
  let rows = 0;
  let check = null;
  for (const r of table.toArray()) {
    rows += Number(r.n);
    if (r.region === region && String(r.year) === year) check = Number(r.persons);
  }
  const ms = performance.now() - t0;
  await connection.close();
  await duck.dropFile('population.csv');
  return { ms, rows, groups: table.numRows, check };
}

function timed(run) {
  return async (check) => {
    const t0 = performance.now();
    const result = await run({ file: file(), ...check });
    return { ...result, ms: performance.now() - t0 };
  };
}

// Starts the named contestants' workers (ours always).
async function setup(names) {
  const times = {};
  let t0 = performance.now();
  ours = calculatorWorker();
  await ours.ready;
  const example = await (await fetch(`/dist/eksempel/${ARSVERK_EXAMPLE}`)).blob();
  const added = await ours.call('add', { files: [{ name: ARSVERK_EXAMPLE, blob: example }], lang: 'nb' });
  if (added.errors.length) throw new Error(added.errors.map((e) => e.message).join('; '));
  times.ours = performance.now() - t0;

  if (names.includes('DuckDB-wasm')) {
    t0 = performance.now();
    const dist = '/vendor/@duckdb/duckdb-wasm/dist';
    duck = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(`${dist}/duckdb-browser-eh.worker.js`));
    await duck.instantiate(`${dist}/duckdb-eh.wasm`);
    times.duckdb = performance.now() - t0;
  }
  const workers = { 'plain JS': 'plain-js.js', uDSV: 'udsv.js', PapaParse: 'papaparse.js', 'read only': 'read-only.js' };
  runners = { ours: runOurs, 'DuckDB-wasm': runDuckDB };
  for (const [name, script] of Object.entries(workers)) {
    if (names.includes(name)) runners[name] = timed(simpleWorker(`workers/${script}`));
  }
  const memory = await ours.call('memory');
  return { times, wasmBytes: memory.wasm, duckdbVersion: duck ? await duck.getVersion() : null };
}

window.bench = {
  setup,
  run: (name, check) => runners[name](check),
};
input.addEventListener('change', () => { state.textContent = 'file given'; });
state.textContent = 'loaded';
