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

// The catalogue's figures are toy numbers (1;2;3;4;5) whose composition no municipality has: the
// composition checks would warn on most files (they are tested in tests/core/indicator/test_plausibility.cpp),
// as in the native twin.
const COMPOSITION_CHECKS = new Set(['check.category_share', 'check.category_between_groups', 'check.group_balance']);

const describeDiagnostic = (d) => `${d.severity} ${d.code} line ${d.place.line ?? '-'}: ${d.message.en}`;

// What the manifest says of one entry, checked on a JSON report (the core's, however it was made).
export function checkEntryReport(entry, report) {
  const { name, expect } = entry;
  const file = report.files.find((f) => f.name === name);
  assert.ok(file, `${name} is among the report's files`);
  if (expect.kind) assert.equal(file.kind, expect.kind, `${name}: kind`);
  if (expect.encoding) assert.equal(file.encoding, expect.encoding, `${name}: encoding`);

  const mine = report.diagnostics.filter((d) => d.place.file === name);
  const listed = mine.map(describeDiagnostic).join('\n  ');
  for (const want of expect.diagnostics) {
    const found = mine.some((d) => d.code === want.code && d.severity === want.severity && (d.place.line ?? null) === want.line);
    assert.ok(found, `${name}: expected ${want.severity} ${want.code} line ${want.line}; got\n  ${listed}`);
  }
  // English quotes as English does ("Sum"), not with Norwegian guillemets («Sum»): every message.
  for (const d of report.diagnostics) assert.doesNotMatch(d.message.en, /[«»]/, `${name}: Norwegian quotation marks in English: ${d.message.en}`);
  const expectedCodes = new Set(expect.diagnostics.map((d) => d.code));
  for (const d of mine) {
    for (const lang of ['nb', 'en']) assert.ok(typeof d.message[lang] === 'string' && d.message[lang].length > 20, `${name}: a message in words (${lang}): ${describeDiagnostic(d)}`);
    if ((d.severity === 'error' || d.severity === 'warning') && !COMPOSITION_CHECKS.has(d.code)) {
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

// Reads one entry through `readEntry(entry, paths)`, which gets the paths of the entry's files ("with"
// first, the entry itself last; with `entry.settings`, if any) and returns the parsed JSON report;
// the report must hold what the manifest expects. A generated entry is written to a temporary
// folder first and removed after.
export async function checkCatalogueEntry(entry, readEntry) {
  const tmp = entry.generated ? mkdtempSync(join(tmpdir(), 'arsverk-bad-')) : null;
  try {
    const path = tmp ? join(tmp, entry.name) : join(BAD_DIR, entry.name);
    if (tmp) await writeGenerated(entry, path);
    const paths = [...(entry.with ?? []).map((w) => join(BAD_DIR, w)), path];
    checkEntryReport(entry, await readEntry(entry, paths));
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

// Every entry in turn (see checkCatalogueEntry); returns how many ran and how many were generated.
export async function runCatalogue(readEntry, options) {
  const entries = catalogueEntries(options);
  for (const entry of entries) await checkCatalogueEntry(entry, readEntry);
  return { entries: entries.length, generated: entries.filter((e) => e.generated).length };
}
