// The catalogue of bad files (tests/data/bad/manifest.json) as one suite for every level that is not
// native: each entry's files are read by `readEntry`, and the report it gives must hold what the
// manifest expects. The Node wasm tests and the page tests run the same entries through their own
// readers; tests/core/test_bad_files.cpp is the native twin.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { root } from '../wasm/lib.mjs';
import { writeGenerated } from '../data/bad/generate.mjs';

export const BAD_DIR = join(root, 'tests', 'data', 'bad');
export const MANIFEST = JSON.parse(readFileSync(join(BAD_DIR, 'manifest.json'), 'utf8'));

// The entries a run takes: committed files always; generated ones (written to a temporary folder
// first) when `generated`; the 1 GB ones ("native": false) only when `big`.
export function catalogueEntries({ generated = true, big = false } = {}) {
  return MANIFEST.files.filter((e) => (generated || !e.generated) && (big || e.native !== false));
}

const describeDiagnostic = (d) => `${d.severity} ${d.code} line ${d.line ?? '-'}: ${d.message}`;

// What the manifest says of one entry, checked on a JSON report (the core's, however it was made).
export function checkEntryReport(entry, report) {
  const { name, expect } = entry;
  const file = report.files.find((f) => f.name === name);
  assert.ok(file, `${name} is among the report's files`);
  if (expect.kind) assert.equal(file.kind, expect.kind, `${name}: kind`);
  if (expect.encoding) assert.equal(file.encoding, expect.encoding, `${name}: encoding`);

  const mine = report.diagnostics.filter((d) => d.file === name);
  const listed = mine.map(describeDiagnostic).join('\n  ');
  for (const want of expect.diagnostics) {
    const found = mine.some((d) => d.code === want.code && d.severity === want.severity && (d.line ?? null) === want.line);
    assert.ok(found, `${name}: expected ${want.severity} ${want.code} line ${want.line}; got\n  ${listed}`);
  }
  const expectedCodes = new Set(expect.diagnostics.map((d) => d.code));
  for (const d of mine) {
    assert.ok(typeof d.message === 'string' && d.message.length > 20, `${name}: a message in words: ${describeDiagnostic(d)}`);
    if (d.severity === 'error' || d.severity === 'warning') {
      assert.ok(expectedCodes.has(d.code), `${name}: unexpected ${describeDiagnostic(d)}`);
    }
  }

  if (typeof expect.results === 'number') assert.equal(report.results.length, expect.results, `${name}: results`);
  else if (expect.results) assert.ok(report.results.length >= expect.results.min, `${name}: at least ${expect.results.min} results`);
  for (const unit of expect.units ?? []) assert.ok(report.results.some((r) => r.code === unit), `${name}: a result for ${unit}`);
  for (const [unit, persons] of Object.entries(expect.population_from_file ?? {})) {
    const results = report.results.filter((r) => r.code === unit);
    assert.ok(results.length, `${name}: a result for ${unit}, whose population comes from the file`);
    for (const r of results) {
      assert.equal(r.population, persons, `${name}: ${unit}'s population`);
      assert.equal(r.population_source, 'file');
      assert.equal(r.population_file, name);
    }
  }
}

// Runs every entry: `readEntry(entry, paths)` reads the entry's files ("with" first, the entry
// itself last; with `entry.settings`, if any) and returns the parsed JSON report, which must then
// hold what the manifest expects. Returns how many entries ran and how many were generated.
export async function runCatalogue(readEntry, options) {
  const entries = catalogueEntries(options);
  const tmp = mkdtempSync(join(tmpdir(), 'arsverk-bad-'));
  let generated = 0;
  try {
    for (const entry of entries) {
      let path = join(BAD_DIR, entry.name);
      if (entry.generated) {
        path = join(tmp, entry.name);
        await writeGenerated(entry, path);
        generated++;
      }
      const paths = [...(entry.with ?? []).map((w) => join(BAD_DIR, w)), path];
      checkEntryReport(entry, await readEntry(entry, paths));
      if (entry.generated) rmSync(path, { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { entries: entries.length, generated };
}
