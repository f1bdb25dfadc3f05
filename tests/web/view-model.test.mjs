// The page's view model (web/src/view-model.js) under Node, no browser: over reports the wasm
// module makes from the test fixtures, as the page's worker would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import * as vm from '../../web/src/view-model.js';
import { DEFAULT_SETTINGS, feedFile, fixed, loadModule, root } from '../wasm/lib.mjs';
import { EXAMPLE } from '../support/cli.mjs';

const WEB = (name) => `tests/data/web/${name}`;
// Bodø (county 18) and Moss (county 31): two counties, one KOSTRA group (EKG11).
const ONE_GROUP = 'kommunenummer;kommunenavn;år;a;b;c;d;e\r\n1804;Bodø;2024;40;80;25;20;15\r\n3103;Moss;2024;30;50;10;10;10\r\n';

let Module;
before(async () => {
  Module = await loadModule();
});

// files: paths, or {name, text} for a file made here.
function modelOf(files, settings = {}, options = {}) {
  const calc = new Module.Calculator();
  try {
    for (const f of files) {
      if (typeof f === 'string') {
        feedFile(calc, f, fixed(1 << 20));
        continue;
      }
      const id = calc.beginFile(f.name);
      assert.equal(calc.feed(id, Buffer.from(f.text)) || calc.endFile(id), '', f.name);
    }
    return vm.indexReport(JSON.parse(calc.report(JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }))), options);
  } finally {
    calc.delete();
  }
}

const cached = new Map();
const model = (...files) => {
  const key = JSON.stringify(files);
  if (!cached.has(key)) cached.set(key, modelOf(files));
  return cached.get(key);
};
const example = () => model(...EXAMPLE);
const label = (u) => `${u.code} ${u.name}`;
const codes = (units) => units.map((u) => u.code);

test('units are named in the language asked for: Norway and the KOSTRA groups, which the report gives in both', () => {
  const english = (r) => (typeof r.name === 'string' ? r.name : r.name.en);
  const m = modelOf([{ name: 'to.csv', text: ONE_GROUP }], {}, { nameOf: english });
  assert.equal(m.units.get('land:0').name, 'Norway');
  assert.equal(m.units.get('kostragruppe:EKG11').name, 'KOSTRA group 11');
  assert.equal(m.units.get('kommune:1804').name, 'Bodø');
  assert.equal(modelOf([{ name: 'to.csv', text: ONE_GROUP }]).units.get('land:0').name, 'Hele landet');
});

test('a change of language names the units anew and keeps the rest of the index', () => {
  const m = modelOf([{ name: 'to.csv', text: ONE_GROUP }]);
  const { index, renumbered } = m;
  vm.nameUnits(m, (r) => (typeof r.name === 'string' ? r.name : r.name.en));
  assert.equal(m.units.get('land:0').name, 'Norway');
  assert.equal(m.units.get('land:0').otherName, 'Hele landet');
  assert.equal(m.units.get('kostragruppe:EKG11').name, 'KOSTRA group 11');
  assert.equal(m.units.get('kommune:1804').name, 'Bodø');
  assert.equal(m.units.get('kommune:1804').otherName, undefined);
  assert.ok(m.index === index && m.renumbered === renumbered);
  vm.nameUnits(m, (r) => (typeof r.name === 'string' ? r.name : r.name.nb));
  assert.deepEqual(m.units.get('land:0'), modelOf([{ name: 'to.csv', text: ONE_GROUP }]).units.get('land:0'));
});

describe('indexReport', () => {
  test('every result under level:code:year, every unit once with its newest name', () => {
    const m = example();
    assert.equal(m.index.size, m.report.results.length);
    for (const r of m.report.results) assert.equal(m.index.get(`${r.level}:${r.code}:${r.year}`), r);
    assert.equal(m.units.size, new Set(m.report.results.map((r) => `${r.level}:${r.code}`)).size);
    assert.deepEqual(m.units.get('kommune:3101'), { level: 'kommune', code: '3101', name: 'Halden', fylke: '31', kostragruppe: 'EKG10' });
  });

  test('a plain change of number links both keys; a split does not', () => {
    const m = example();
    assert.equal(m.renumbered.get('kommune:3001'), 'kommune:3101');
    assert.equal(m.renumbered.get('kommune:3101'), 'kommune:3001');
    const split = model(WEB('arsverk_alesund_haram_2024.csv'));
    assert.equal(split.renumbered.has('kommune:1508'), false);
    assert.equal(split.renumbered.has('kommune:1580'), false);
  });
});

describe('defaultView: the first unit shown', () => {
  test('one municipality: that municipality', () => {
    assert.deepEqual(vm.defaultView(model(WEB('arsverk_halden_2024.csv'))), { unitKey: 'kommune:3101', rankMunicipalities: false });
  });

  test('one municipality under both its numbers: the newer number', () => {
    const m = model(WEB('arsverk_halden_2022_2023.csv'), WEB('arsverk_halden_2024.csv'));
    assert.ok(m.units.has('kommune:3001') && m.units.has('kommune:3101'));
    assert.deepEqual(vm.defaultView(m), { unitKey: 'kommune:3101', rankMunicipalities: false });
  });

  test('municipalities of one KOSTRA group or county with a figure of its own: the group or county', () => {
    // Six of Troms' municipalities in KOSTRA groups of their own: Troms' figure rests on enough of them.
    const troms = ['5501;Tromsø', '5503;Harstad', '5510;Kvæfjord', '5512;Tjeldsund', '5514;Ibestad', '5516;Gratangen']
      .map((m) => `${m};2024;40;80;25;20;15`).join('\r\n');
    const m = model({ name: 'troms.csv', text: `kommunenummer;kommunenavn;år;a;b;c;d;e\r\n${troms}\r\n` });
    assert.equal(m.index.get('fylke:55:2024').aggregate_coverage.meaningful, true);
    assert.deepEqual(vm.defaultView(m), { unitKey: 'fylke:55', rankMunicipalities: false });
  });

  test('a group, county or Norway resting on too few of its municipalities: the first municipality with a figure, all ranked', () => {
    // Bodø and Moss, both of KOSTRA group 11 (2 of 10): the group has no figure of its own.
    const group = model({ name: 'en_gruppe.csv', text: ONE_GROUP });
    assert.equal(group.index.get('kostragruppe:EKG11:2024').aggregate_coverage.meaningful, false);
    assert.deepEqual(vm.defaultView(group), { unitKey: 'kommune:1804', rankMunicipalities: true });
    // Four of Østfold's twelve (Fredrikstad left out by rule 2): Halden, the first by number.
    const county = model(WEB('arsverk_fire_en_holdt_utenfor_2024.csv'));
    assert.equal(county.index.get('fylke:31:2024').aggregate_coverage.meaningful, false);
    assert.deepEqual(vm.defaultView(county), { unitKey: 'kommune:3101', rankMunicipalities: true });
    // Different counties and groups, and Norway from two: Bodø.
    assert.deepEqual(vm.defaultView(model(WEB('arsverk_bodo_ostre_toten_2024.csv'))), { unitKey: 'kommune:1804', rankMunicipalities: true });
  });

  test('a left-out municipality is not the first view', () => {
    const text = 'kommunenummer;kommunenavn;år;målgruppe;a;b;c;d;e\r\n1804;Bodø;2024;voksne;40;80;25;20;15\r\n'
      + '3103;Moss;2024;voksne;30;50;10;10;10\r\n3103;Moss;2024;barn og unge;3;5;1;1;1\r\n';
    assert.deepEqual(vm.defaultView(model({ name: 'bodo_bare_voksne.csv', text })), { unitKey: 'kommune:3103', rankMunicipalities: true });
  });

  test('municipalities all over the country: Norway, with the municipalities ranked', () => {
    assert.deepEqual(vm.defaultView(example()), { unitKey: 'land:0', rankMunicipalities: true });
  });
});

describe('keyInYear and resultOf: one municipality across the 2024 renumbering', () => {
  test('Halden is 3001 up to 2023 and 3101 from 2024, chosen on either number', () => {
    const m = example();
    for (const key of ['kommune:3001', 'kommune:3101']) {
      assert.equal(vm.keyInYear(m, key, 2023), 'kommune:3001');
      assert.equal(vm.keyInYear(m, key, 2024), 'kommune:3101');
      assert.equal(vm.resultOf(m, key, 2024), m.index.get('kommune:3101:2024'));
    }
    assert.equal(vm.keyInYear(m, 'kommune:1804', 2023), 'kommune:1804');
    assert.equal(vm.resultOf(m, 'kommune:9999', 2024), null);
    assert.equal(vm.result(m, 'fylke', undefined, 2024), null);
  });

  test('a split municipality has no figures under the old number after it', () => {
    const m = model(WEB('arsverk_alesund_haram_2024.csv'));
    assert.equal(vm.keyInYear(m, 'kommune:1507', 2024), 'kommune:1507');
    assert.equal(vm.resultOf(m, 'kommune:1507', 2024), null);
  });
});

describe('peersOf, membersOf, rankingOf', () => {
  test('a municipality is compared with its county, Norway and KOSTRA group; Oslo and its districts with no county', () => {
    const m = example();
    const code = (peers) => Object.fromEntries(Object.entries(peers).map(([k, r]) => [k, r && `${r.level}:${r.code}:${r.year}`]));
    assert.deepEqual(code(vm.peersOf(m, m.units.get('kommune:3101'), 2024)),
      { fylke: 'fylke:31:2024', land: 'land:0:2024', kostra: 'kostragruppe:EKG10:2024', oslo: null });
    assert.deepEqual(code(vm.peersOf(m, m.units.get('kommune:0301'), 2024)),
      { fylke: null, land: 'land:0:2024', kostra: 'kostragruppe:EKG13:2024', oslo: null });
    const bydel = [...m.units.values()].find((u) => u.level === 'bydel');
    assert.equal(code(vm.peersOf(m, bydel, 2024)).oslo, 'kommune:0301:2024');
    assert.deepEqual(code(vm.peersOf(m, m.units.get('land:0'), 2024)), { fylke: null, land: null, kostra: null, oslo: null });
  });

  test('published rates of a reference file make the KOSTRA median meaningful and join the ranking, kept apart', () => {
    const alone = model(WEB('arsverk_halden_2024.csv'));
    const withReference = model(WEB('arsverk_halden_2024.csv'), WEB('referanse_kostra10_2024.csv'));
    const view = (m) => {
      const info = m.units.get('kommune:3101');
      const unit = vm.result(m, 'kommune', '3101', 2024);
      const peers = vm.peersOf(m, info, 2024);
      return { peers, meaningful: vm.medianMeaningful(info, unit, peers), ranking: vm.rankingOf(m, info, unit, 2024, peers, { measure: 'M1', scope: 'kostra' }) };
    };
    assert.equal(view(alone).meaningful, false);
    const { peers, meaningful, ranking } = view(withReference);
    assert.equal(meaningful, true);
    assert.deepEqual(codes(ranking.list), ['3101']);
    assert.ok(ranking.reference.length > 1);
    assert.ok(ranking.reference.every((e) => e.kostragruppe === 'EKG10' && e.level === 'kommune' && e.code !== '3101'));
    assert.deepEqual(ranking.title, ['chartRanking', { group: peers.kostra.name.nb }]);
    assert.equal(ranking.median, peers.kostra.distribution.M1);
    assert.notEqual(ranking.median.median_tenths, null);
    // The reference file gives M1 and M2 only: M3's distribution is Halden's own figure, no median.
    const info = withReference.units.get('kommune:3101');
    const m3 = vm.rankingOf(withReference, info, vm.result(withReference, 'kommune', '3101', 2024), 2024, peers, { measure: 'M3', scope: 'kostra' });
    assert.equal(peers.kostra.distribution.M3.n, 1);
    assert.equal(peers.kostra.distribution.M3.median_tenths, null);
    assert.equal(m3.median, null);
  });

  test('an aggregate\'s members are its municipalities with figures in the year', () => {
    const m = example();
    const kommuner = m.report.results.filter((r) => r.year === 2024 && r.level === 'kommune');
    assert.equal(vm.membersOf(m, m.units.get('land:0'), 2024).length, kommuner.length);
    assert.deepEqual(codes(vm.membersOf(m, m.units.get('fylke:31'), 2024)), codes(kommuner.filter((r) => r.fylke === '31')));
    assert.deepEqual(codes(vm.membersOf(m, m.units.get('kostragruppe:EKG10'), 2024)), codes(kommuner.filter((r) => r.kostragruppe === 'EKG10')));
    assert.deepEqual(vm.membersOf(m, m.units.get('kommune:3101'), 2024), []);
  });

  test('the ranking: a municipality among its group or county, Norway among its counties', () => {
    const m = example();
    const rank = (key, scope = 'kostra') => {
      const info = m.units.get(key);
      const unit = vm.result(m, info.level, info.code, 2024);
      return vm.rankingOf(m, info, unit, 2024, vm.peersOf(m, info, 2024), { measure: 'M2', scope });
    };
    const inGroup = rank('kommune:3101');
    assert.ok(inGroup.list.length > 1 && inGroup.list.every((r) => r.kostragruppe === 'EKG10' && r.year === 2024));
    assert.equal(inGroup.median, m.index.get('kostragruppe:EKG10:2024').distribution.M2);
    const inCounty = rank('kommune:3101', 'fylke');
    assert.ok(inCounty.list.every((r) => r.fylke === '31'));
    assert.deepEqual(inCounty.title, ['chartRanking', { group: m.units.get('fylke:31').name }]);
    assert.equal(inCounty.median, null);
    const land = rank('land:0');
    assert.deepEqual(land.title, ['chartRankingFylker']);
    assert.ok(land.list.length > 1 && land.list.every((r) => r.level === 'fylke'));
    assert.deepEqual(rank([...m.units.keys()].find((k) => k.startsWith('bydel:'))).title, ['chartRankingBydeler']);
  });
});

describe('renumberedText', () => {
  test('the old and new number of a municipality the files hold under both', () => {
    const m = example();
    const text = { name: 'Halden', old: '3001', new: '3101' };
    assert.deepEqual(vm.renumberedText(m, m.units.get('kommune:3101')), text);
    assert.deepEqual(vm.renumberedText(m, m.units.get('kommune:3001')), text);
    const one = model(WEB('arsverk_halden_2024.csv'));
    assert.equal(vm.renumberedText(one, one.units.get('kommune:3101')), null);
  });
});

test('folded: lower case without diacritics, ø and æ as o and ae', () => {
  assert.deepEqual(['Bodø', 'Østre Toten', 'Ålesund', 'Grünerløkka', 'Færder', 'Guovdageaidnu - Kautokeino', 'Unjárga'].map(vm.folded),
    ['bodo', 'ostre toten', 'alesund', 'grunerlokka', 'faerder', 'guovdageaidnu - kautokeino', 'unjarga']);
});

describe('findUnit: the unit chooser\'s search', () => {
  const find = (m, query, year = 2024) => vm.findUnit(m, query, { year, label });

  test('without diacritics, by number, by KOSTRA group', () => {
    const m = example();
    assert.equal(find(m, 'Bodo').code, '1804');
    assert.equal(find(m, 'ostre').code, '3442');
    assert.equal(find(m, 'alesund').code, '1508');
    assert.equal(find(m, '301').code, '0301');
    assert.equal(find(m, 'ekg10').code, 'EKG10');
    assert.equal(find(m, '3103 Moss').code, '3103');
    assert.equal(find(m, '  '), null);
    assert.equal(find(m, 'Atlantis'), null);
  });

  test('Norway and a KOSTRA group by their name in either language, and a group by its short forms', () => {
    const english = modelOf(EXAMPLE, {}, { nameOf: (r) => (typeof r.name === 'string' ? r.name : r.name.en) });
    for (const m of [example(), english]) {
      for (const query of ['Hele landet', 'hele landet', 'Norway', 'norway', 'Norge', 'norge']) assert.equal(find(m, query)?.code, '0', query);
      for (const query of ['KOSTRA-gruppe 10', 'KOSTRA group 10', 'kostra 10', 'kostragruppe 10', 'Kostra-gruppe 10', 'ekg10']) {
        assert.equal(find(m, query)?.code, 'EKG10', query);
      }
      assert.equal(find(m, 'kostra 7')?.code, 'EKG07');
    }
  });

  test('a name in several languages is each of them: «Oslo» offers the municipality beside the county', () => {
    const m = example();
    assert.deepEqual(codes(find(m, 'Oslo')).sort(), ['03', '0301']);
    assert.equal(find(m, 'Oslove').code, '0301');
    const sami = [...m.units.values()].find((u) => u.level === 'kommune' && / - /.test(u.name) && u.code !== '0301');
    assert.equal(find(m, sami.name.split(' - ').at(-1)).code, sami.code, sami.name);
  });

  test('two municipalities of one name are both offered, each with its county', () => {
    const m = example();
    for (const query of ['Herøy', 'heroy', 'HERØY']) assert.deepEqual(codes(find(m, query)), ['1515', '1818'], query);
    assert.equal(find(m, 'Herøy (Nordland)').code, '1818');
  });

  test('one municipality across the renumbering: the number of the year, found by either', () => {
    const m = example();
    assert.equal(find(m, 'Drammen', 2023).code, '3005');
    assert.equal(find(m, 'Drammen', 2024).code, '3301');
    assert.equal(find(m, 'Halden', 2024).code, '3101');
    const one = model(WEB('arsverk_halden_2024.csv'));
    assert.equal(find(one, '3001').code, '3101');
  });
});

describe('searchUnits: the same search in the form, over the register of the year', () => {
  // As web/src/grid.js reads the registers: municipalities, then the districts that report.
  const csvRows = (path) => readFileSync(join(root, path), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
  const register = [
    ...csvRows('data/registers/kommuner_2024.csv').map(([code, name]) => ({ level: 'kommune', code, name })),
    ...csvRows('data/registers/bydeler_oslo.csv').filter((r) => r[2] === 'ja').map(([code, name]) => ({ level: 'bydel', code, name })),
  ];
  const search = (query) => vm.searchUnits(query, register, { label, manyFit: 'none' });

  test('by number, by name without diacritics, a district', () => {
    assert.equal(search('3101').name, 'Halden');
    assert.equal(search('301').name, 'Oslo - Oslove');
    assert.equal(search('3101 Halden').code, '3101');
    assert.equal(search('bodo').code, '1804');
    assert.equal(search('grunerlokka').code, '030102');
    assert.equal(search('Gamle Oslo').code, '030101');
    assert.equal(search('9999'), null);
  });

  test('two alike are both offered; more than a handful is none, in the form, and the first in the chooser', () => {
    assert.deepEqual(codes(search('heroy')), ['1515', '1818']);
    assert.equal(search('1818 Herøy (Nordland)').code, '1818');
    const many = register.filter((u) => vm.folded(u.name).startsWith('s'));
    assert.ok(many.length > 8);
    assert.equal(search('s'), null);
    assert.equal(vm.searchUnits('s', register, { label }), many[0]);
  });
});
