// uDSV (leeoniya/uDSV) in a worker: the same slices, decoding and sums as plain-js.js, with uDSV's
// incremental parser splitting and unquoting the rows.
/* global importScripts, uDSV */
importScripts('/vendor/udsv/dist/uDSV.iife.min.js');
const SLICE_BYTES = 8 << 20;

onmessage = async ({ data: { file, region, year } }) => {
  const sums = new Map();
  const decoder = new TextDecoder('utf-8');
  let rows = 0;
  let parser = null;
  const each = (r) => { // ["K-0301 Oslo - Oslove", "Menn", "0 år", "2025", "863"]
    if (r.length < 5) return true;
    const key = `${r[0].slice(2, 6)}|${r[3]}`;
    sums.set(key, (sums.get(key) || 0) + +r[4]);
    rows++;
    return true;
  };
  for (let start = 0; start < file.size; start += SLICE_BYTES) {
    const buffer = await file.slice(start, start + SLICE_BYTES).arrayBuffer();
    let text = decoder.decode(buffer, { stream: start + SLICE_BYTES < file.size });
    if (!parser) {
      // uDSV wants the header first: drop the title line and the blank line above it.
      for (let i = 0; i < 2; i++) text = text.slice(text.indexOf('\n') + 1);
      parser = uDSV.initParser(uDSV.inferSchema(text, { col: ';', row: '\r\n' }));
    }
    parser.chunk(text, parser.stringArrs, each);
  }
  parser?.end();
  postMessage({ rows, groups: sums.size, check: sums.get(`${region}|${year}`) ?? null });
};
