// The Node build of the WebAssembly module on the native tests' fixtures: its JSON and CSV must be
// byte-identical to the CLI's for the same files and settings, however the bytes are chunked.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { csvText } from '../../web/src/export.js';
import { DEFAULT_SETTINGS, feedFile, fixed, loadModule, randomChunker, root, runCli } from './lib.mjs';
import { EX_2023, EX_2024 } from '../support/cli.mjs';

const SSB_07459 = 'tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv';
const SSB_10826 = 'tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv';
const SSB_JSONSTAT = 'tests/data/ssb/ssb_jsonstat2_05300_sample.json';
const WEB = (name) => `tests/data/web/${name}`;
const readerFixtures = readdirSync(`${root}/tests/data/readers`).filter((f) => !f.startsWith('.')).map((f) => `tests/data/readers/${f}`);

let Module;
before(async () => {
  Module = await loadModule();
});

function wasmReport(files, settings, chunker, format = 'json') {
  const calc = new Module.Calculator();
  try {
    for (const f of files) feedFile(calc, f, chunker());
    const s = JSON.stringify({ ...DEFAULT_SETTINGS, ...settings });
    if (format === 'json') return Buffer.from(`${calc.report(s)}\n`);
    // As the page does: the string from embind, with the BOM the decoder drops put back.
    const lang = settings.lang ?? 'nb';
    return Buffer.from(csvText(calc.exportCsv(s, lang), lang));
  } finally {
    calc.delete();
  }
}

function assertSame(actual, expected, label) {
  if (Buffer.compare(actual, expected) === 0) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  assert.fail(`${label}: wasm and CLI differ at byte ${i} (wasm ${actual.length} bytes, CLI ${expected.length})\n` +
    `wasm: …${actual.subarray(Math.max(0, i - 80), i + 80)}…\nCLI:  …${expected.subarray(Math.max(0, i - 80), i + 80)}…`);
}

// Chunkings: tiny (splits every multi-byte character and CRLF), odd primes, one big block, random.
const CHUNKINGS = {
  'random 1–5000 bytes': () => randomChunker(7, 5000),
  '4093 bytes': () => fixed(4093),
  '1 MiB': () => fixed(1 << 20),
  'random 1–200000 bytes': () => randomChunker(99, 200000),
};

const CASES = [
  { name: 'SSB 07459 population alone', files: [SSB_07459] },
  { name: 'SSB 07459 + 10826 + example årsverk 2023', files: [SSB_07459, SSB_10826, EX_2023] },
  { name: 'SSB population, next year', files: [SSB_07459, SSB_10826, EX_2023], settings: { population_year: 'next' } },
  { name: 'SSB JSON-stat sample (another table)', files: [SSB_JSONSTAT] },
  { name: 'SSB JSON-stat sample with årsverk', files: [EX_2023, SSB_JSONSTAT], settings: { lang: 'en' } },
  { name: 'example data, defaults', files: [EX_2023, EX_2024] },
  { name: 'example data, population of the next year', files: [EX_2023, EX_2024], settings: { population_year: 'next' } },
  { name: 'example data, no carry-forward', files: [EX_2023, EX_2024], settings: { carry_forward: false } },
  { name: 'example data, no suppression', files: [EX_2023, EX_2024], settings: { suppression: false } },
  { name: 'example data, English', files: [EX_2023, EX_2024], settings: { lang: 'en' } },
  { name: 'example data, both rules on for every year', files: [EX_2023, EX_2024], settings: { carry_forward: 'on', suppression: 'on' } },
  { name: 'example data, both rules off', files: [EX_2023, EX_2024], settings: { carry_forward: 'off', suppression: 'off' } },
  { name: 'example data, 2025 only, English, no carry-forward', files: [EX_2024, EX_2023], settings: { year: 2025, lang: 'en', carry_forward: false } },
  { name: 'hand-made: bad number on line 4', files: [WEB('arsverk_feil_linje4.csv')] },
  { name: 'hand-made: Excel paste (tab, long, thousands)', files: [WEB('innlimt_excel.tsv'), WEB('befolkning_enkel.csv')] },
  { name: 'hand-made: Windows-1252 årsverk', files: [WEB('arsverk_2023_latin1.csv')], settings: { lang: 'en' } },
  { name: 'hand-made: not a table', files: [WEB('ikke_en_tabell.png')] },
  { name: 'hand-made: all together', files: [WEB('arsverk_feil_linje4.csv'), WEB('innlimt_excel.tsv'), WEB('befolkning_enkel.csv'), WEB('arsverk_2023_latin1.csv'), WEB('ikke_en_tabell.png')] },
  ...readerFixtures.map((f) => ({ name: `reader fixture ${f}`, files: [f, WEB('innlimt_excel.tsv')] })),
  { name: 'Excel: .xlsx årsverk 2024 (= its CSV)', files: ['tests/data/xlsx/arsverk_2024.xlsx'] },
  { name: 'Excel: merged header, hidden row, dates, several sheets', files: ['tests/data/xlsx/features.xlsx'], settings: { lang: 'en' } },
  { name: 'Excel: zip bomb, .ods', files: ['tests/data/xlsx/bomb.xlsx', 'tests/data/xlsx/calc.ods'] },
  { name: 'Excel as it shows cells: formulas without results, percent figures, cells written twice, far empty cells, the decimal mark of text cells',
    files: ['formula_no_value', 'formula_no_value_shared', 'percent_fte', 'duplicate_cell', 'formatted_empty_xfd', 'text_decimal_point', 'number_cell_three_decimals'].map((n) => `tests/data/bad/xlsx_${n}.xlsx`) },
  { name: 'Excel: encrypted, UTF-16 parts, damaged parts, 255 sheets on one part',
    files: ['encrypted_large', 'utf16le_sheet', 'damaged_part_small', 'damaged_part_huge_size', '255_sheets_one_part'].map((n) => `tests/data/bad/xlsx_${n}.xlsx`), settings: { lang: 'en' } },
  { name: 'reference file beside an own file (report.reference)', files: [WEB('arsverk_halden_2024.csv'), WEB('referanse_kostra10_2024.csv')] },
  { name: 'Ålesund split into Ålesund and Haram', files: [WEB('arsverk_alesund_2023.csv'), WEB('arsverk_alesund_haram_2024.csv')], settings: { lang: 'en' } },
  { name: 'a value column alone, refused', files: ['tests/data/bad/value_column_only.csv'] },
];

describe('JSON report: wasm = CLI, byte for byte', () => {
  CASES.forEach((c, i) => {
    test(c.name, () => {
      const expected = runCli(c.files, c.settings);
      // Two chunkings per case, rotating through the list.
      const names = Object.keys(CHUNKINGS);
      for (const name of [names[i % names.length], names[(i + 2) % names.length]]) {
        assertSame(wasmReport(c.files, c.settings ?? {}, CHUNKINGS[name]), expected, `${c.name}, chunks ${name}`);
      }
    });
  });

  test('small files fed one byte at a time', () => {
    const files = [WEB('arsverk_feil_linje4.csv'), WEB('innlimt_excel.tsv'), WEB('arsverk_2023_latin1.csv'), 'tests/data/readers/jsonstat_population_object_index.json'];
    assertSame(wasmReport(files, {}, () => fixed(1)), runCli(files), 'one byte at a time');
  });
});

describe('reference rates in the report', () => {
  test('listed for the units without figures of their own, as the file gave them, never as results', () => {
    const files = [WEB('arsverk_halden_2024.csv'), WEB('referanse_kostra10_2024.csv')];
    const report = JSON.parse(wasmReport(files, {}, CHUNKINGS['4093 bytes']).toString('utf8'));
    const rows = readFileSync(`${root}/${files[1]}`, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(';'));
    const others = rows.filter(([code]) => code !== '3101');  // Halden's own figures win
    assert.deepEqual(report.reference.map((e) => e.code), others.map(([code]) => code).sort());
    for (const e of report.reference) {
      const [, year, m1, m2] = rows.find(([code]) => code === e.code);
      assert.equal(e.level, 'kommune');
      assert.equal(e.kostragruppe, 'EKG10');
      assert.equal(e.year, Number(year));
      const tenths = (text) => Math.round(Number(text.replace(',', '.')) * 10);  // the file's rates have one decimal
      assert.deepEqual(e.tenths, { M1: tenths(m1), M2: tenths(m2), M3: null, M4: null });
      assert.equal(e.source, 'referanse_kostra10_2024.csv');
      assert.deepEqual(e.used_for, [2024]);
      assert.ok(!report.results.some((r) => r.code === e.code), `${e.code} is no result`);
    }
    const group = report.results.find((r) => r.code === 'EKG10');
    assert.equal(group.members, 1);  // never in sums
    assert.equal(group.distribution_coverage.from_reference, report.reference.length);
  });
});

describe('CSV export: wasm = CLI, byte for byte', () => {
  const csvCases = [
    { name: 'example data, Norwegian style, 2024', files: [EX_2023, EX_2024], settings: { year: 2024, lang: 'nb' } },
    { name: 'example data, English style, all years', files: [EX_2023, EX_2024], settings: { lang: 'en' } },
    { name: 'SSB population + 2023, Norwegian style', files: [SSB_07459, SSB_10826, EX_2023], settings: { lang: 'nb' } },
    { name: 'hand-made files, English style', files: [WEB('arsverk_feil_linje4.csv'), WEB('innlimt_excel.tsv')], settings: { lang: 'en' } },
  ];
  for (const c of csvCases) {
    test(c.name, () => {
      assertSame(wasmReport(c.files, c.settings, CHUNKINGS['random 1–5000 bytes'], 'csv'), runCli(c.files, c.settings, 'csv'), c.name);
    });
  }
  test('Norwegian style starts with a BOM and uses CRLF', () => {
    const csv = wasmReport([EX_2024], { year: 2024 }, CHUNKINGS['1 MiB'], 'csv');
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(csv.includes('\r\n'));
  });
});

describe('the session through the bindings', () => {
  test('files fed interleaved give the same report as files fed one after the other', () => {
    const calc = new Module.Calculator();
    const files = [EX_2023, SSB_07459, SSB_10826];
    const data = files.map((f) => ({ f, bytes: readFileSync(`${root}/${f}`), at: 0 }));
    for (const d of data) d.id = calc.beginFile(d.f.split('/').pop());
    const next = randomChunker(3, 30000);
    while (data.some((d) => d.at < d.bytes.length)) {
      for (const d of data) {
        if (d.at >= d.bytes.length) continue;
        const n = next();
        assert.equal(calc.feed(d.id, d.bytes.subarray(d.at, d.at + n)), '');
        d.at += n;
      }
    }
    for (const d of data) assert.equal(calc.endFile(d.id), '');
    assertSame(Buffer.from(`${calc.report('{}')}\n`), runCli(files), 'interleaved');
    calc.delete();
  });

  test('fileKind says what each finished file was read as, as the report does', () => {
    const calc = new Module.Calculator();
    const ids = [feedFile(calc, EX_2023, fixed(65536)), feedFile(calc, WEB('arsverk_feil_linje4.csv'), fixed(65536))];
    const text = calc.beginFile('notater.txt');
    assert.equal(calc.feed(text, Buffer.from('Husk å sende inn skjemaet.\n')), '');
    assert.equal(calc.endFile(text), '');
    ids.push(text);
    const kinds = ids.map((id) => calc.fileKind(id));
    assert.deepEqual(kinds, ['arsverk', 'arsverk', 'unknown']);
    assert.deepEqual(JSON.parse(calc.report('{}')).files.map((f) => f.kind), kinds);
    assert.equal(calc.fileKind(9999), '', 'an id with no finished file');
    calc.removeFile(text);
    assert.equal(calc.fileKind(text), '');
    calc.delete();
  });

  test('removeFile leaves the others as if the removed file had never been given', () => {
    const calc = new Module.Calculator();
    feedFile(calc, EX_2023, fixed(65536));
    const bad = feedFile(calc, WEB('arsverk_feil_linje4.csv'), fixed(65536));
    feedFile(calc, EX_2024, fixed(65536));
    calc.removeFile(bad);
    assertSame(Buffer.from(`${calc.report('{}')}\n`), runCli([EX_2023, EX_2024]), 'after removeFile');
    // A file added after a removal is still reported with its own name and lines.
    feedFile(calc, WEB('arsverk_feil_linje4.csv'), fixed(100));
    assertSame(Buffer.from(`${calc.report('{}')}\n`), runCli([EX_2023, EX_2024, WEB('arsverk_feil_linje4.csv')]), 'added after removeFile');
    calc.delete();
  });

  // What the files alone give is kept between reports (core/src/indicator/engine.hpp): each
  // setting in turn gives what the CLI gives for it in a process of its own, and a file removed or
  // added after a report is seen by the next.
  test('one setting after another gives each setting\'s report, as a fresh session does', () => {
    const calc = new Module.Calculator();
    const files = [EX_2023, EX_2024, WEB('arsverk_feil_linje4.csv'), WEB('innlimt_excel.tsv'), WEB('befolkning_enkel.csv')];
    const ids = files.map((f) => feedFile(calc, f, fixed(65536)));
    const settings = [{}, { population_year: 'next' }, { year: 2024, lang: 'en' }, { carry_forward: 'off', suppression: 'on' }, {}];
    for (const s of settings) assertSame(Buffer.from(`${calc.report(JSON.stringify(s))}\n`), runCli(files, s), JSON.stringify(s));
    calc.removeFile(ids[2]);
    const fewer = files.filter((_, i) => i !== 2);
    assertSame(Buffer.from(`${calc.report('{}')}\n`), runCli(fewer), 'after removeFile');
    feedFile(calc, files[2], fixed(100));
    assertSame(Buffer.from(`${calc.report('{"population_year":"next"}')}\n`), runCli([...fewer, files[2]], { population_year: 'next' }), 'added again');
    calc.delete();
  });

  test('the year in view first: the whole report with that year\'s results only, for each setting in turn', () => {
    const calc = new Module.Calculator();
    const files = [EX_2023, EX_2024, WEB('befolkning_enkel.csv')];
    for (const f of files) feedFile(calc, f, fixed(65536));
    for (const [s, year, shown] of [[{}, 2024, 2024], [{ population_year: 'next' }, 0, 2025], [{ carry_forward: 'off' }, 2019, 2025], [{}, 2023, 2023]]) {
      const first = JSON.parse(calc.reportYear(JSON.stringify(s), year));
      const whole = JSON.parse(runCli(files, s).toString());
      assert.equal(first.results_year, shown, JSON.stringify(s));
      // Without the breakdowns by target group and service, which only the charts draw, and with
      // the map's classes of that year only.
      const ofYear = whole.results.filter((r) => r.year === shown).map(({ by_group, by_service, ...rest }) => rest);
      const classes = whole.map_classes.filter((c) => c.year === shown);
      assert.equal(classes.length, 4, 'two map levels, two modes');
      assert.deepEqual(first, { ...whole, results_year: shown, breakdowns: false, results: ofYear, map_classes: classes }, JSON.stringify(s));
      // Then the whole report as the page asks for it next, from the same computation: without the
      // breakdowns, which it asks for per unit.
      const apart = JSON.parse(calc.reportWithoutBreakdowns(JSON.stringify(s)));
      const without = whole.results.map(({ by_group, by_service, ...rest }) => rest);
      assert.deepEqual(apart, { ...whole, breakdowns: false, results: without }, JSON.stringify(s));
      const keys = ['kommune:3101:2024', `land:0:${shown}`];
      const given = JSON.parse(calc.breakdowns(JSON.stringify(s), keys.join(','))).breakdowns;
      // In the report's order.
      assert.deepEqual(given, whole.results.filter((r) => keys.includes(`${r.level}:${r.code}:${r.year}`))
        .map(({ level, code, year, by_group, by_service }) => ({ level, code, year, by_group, by_service })), JSON.stringify(s));
      // And whole, for exports, as the CLI writes it.
      assertSame(Buffer.from(`${calc.report(JSON.stringify(s))}\n`), runCli(files, s), JSON.stringify(s));
    }
    assert.match(JSON.parse(calc.reportYear('{"carry_forward":"yes"}', 0)).error, /carry_forward/);
    calc.delete();
  });

  // The form's sums (docs/output.md, "The form's sums") agree with the report's figures of the same
  // files: per service, the total is M1, b is M3 and d is M4 (the 2024 schema).
  test('the form\'s sums of a unit-year agree with its result, service by service', () => {
    const calc = new Module.Calculator();
    feedFile(calc, EX_2024, fixed(65536));
    const sums = JSON.parse(calc.formSums('3101', 2024));
    const halden = JSON.parse(calc.report('{}')).results.find((r) => r.code === '3101' && r.year === 2024);
    assert.equal(sums.schema, '2024');
    assert.deepEqual(sums.sheets.map((x) => x.service), halden.by_service.map((x) => x.service));
    for (const [i, sheet] of sums.sheets.entries()) {
      const { M1, M3, M4 } = halden.by_service[i].arsverk;
      assert.deepEqual([sheet.total, sheet.categories.b, sheet.categories.d], [M1, M3, M4], sheet.service);
      for (const group of Object.keys(sheet.groups)) assert.ok(group in halden.by_group, group);
    }
    assert.deepEqual(sums.missing, { M1: [], M2: [], M3: [], M4: [] }, 'every measure there');
    assert.deepEqual(JSON.parse(calc.formSums('3101', 2019)).sheets, [], 'a year the files do not give');
    calc.delete();
  });

  test('clear empties the session', () => {
    const calc = new Module.Calculator();
    feedFile(calc, EX_2023, fixed(65536));
    calc.clear();
    feedFile(calc, WEB('innlimt_excel.tsv'), fixed(7));
    assertSame(Buffer.from(`${calc.report('{}')}\n`), runCli([WEB('innlimt_excel.tsv')]), 'after clear');
    const empty = new Module.Calculator();
    const report = JSON.parse(empty.report('{}'));
    assert.deepEqual(report.files, []);
    assert.deepEqual(report.results, []);
    empty.delete();
    calc.delete();
  });

  test('misuse is reported as text, never as an exception', () => {
    const calc = new Module.Calculator();
    const id = feedFile(calc, WEB('innlimt_excel.tsv'), fixed(1000));
    assert.notEqual(calc.feed(id, new Uint8Array([65])), '', 'feeding an ended file');
    assert.notEqual(calc.feed(9999, new Uint8Array([65])), '', 'feeding an unknown id');
    assert.notEqual(calc.endFile(9999), '', 'ending an unknown id');
    const wrong = JSON.parse(calc.report('{"population_year":"later"}'));
    assert.match(wrong.error, /population_year/);
    assert.match(JSON.parse(calc.report('not json')).error, /JSON object/);
    assert.match(JSON.parse(calc.exportCsv('{"carry_forward":"yes"}', 'nb')).error, /carry_forward/);
    assert.match(JSON.parse(calc.exportCsv('{}', 'no')).error, /"nb" or "en"/);
    // The session still works afterwards.
    assert.equal(JSON.parse(calc.report('{}')).files.length, 1);
    calc.delete();
  });
});
