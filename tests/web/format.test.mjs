// web/src/format.js under Node: the core's rounded figures (report version 3: tenths, a change's
// {units, decimals}) formatted for a language give exactly the strings the core itself wrote in
// version 2 (`display`, tests/support/example_display_v2.json), for every result, published figure
// and reference rate of the example data, in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { root } from '../wasm/lib.mjs';
import { EXAMPLE, cli } from '../support/cli.mjs';
import { beforeYear, changeShown, percentText, signedTenthsText, tenthsText } from '../../web/src/format.js';
import { setLang } from '../../web/src/i18n.js';

const MEASURES = ['M1', 'M2', 'M3', 'M4'];
// setLang() marks the document's language; under Node there is none.
globalThis.document ??= { documentElement: {}, querySelector: () => null };
const setLangForTests = (lang) => setLang(lang, false);
const v2 = JSON.parse(readFileSync(`${root}/tests/support/example_display_v2.json`, 'utf8')).shown;
// Figures version 2 showed that the core no longer gives, by a rule decided since: Norway 2023 beside
// 2018's published figures (a yardstick is only the year before's, docs/output.md).
const GONE = new Set(['land:0:2023 published_latest']);
const v2Count = (lang) => Object.entries(v2[lang]).reduce((n, [key, x]) => n + Object.keys(x).filter((f) => !GONE.has(`${key} ${f}`)).length, 0);
const report = cli(EXAMPLE);

// Every figure of the v3 report that v2 gave as display strings, under the same keys.
function figures() {
  const out = [];
  for (const r of report.results) {
    const key = `${r.level}:${r.code}:${r.year}`;
    out.push([key, 'display', r.tenths]);
    if (r.published) out.push([key, 'published', r.published.tenths]);
    if (r.published_latest) out.push([key, 'published_latest', r.published_latest.tenths]);
  }
  for (const e of report.reference) out.push([`reference:${e.code}:${e.year}`, 'display', e.tenths]);
  return out;
}

describe('the core\'s tenths formatted as version 2 showed them', () => {
  for (const lang of ['nb', 'en']) {
    test(lang, () => {
      const all = figures();
      assert.equal(all.length, v2Count(lang), 'the same figures');
      for (const gone of GONE) assert.ok(!all.some(([key, field]) => `${key} ${field}` === gone), gone);
      let compared = 0;
      for (const [key, field, tenths] of all) {
        const before = v2[lang][key]?.[field];
        assert.ok(before !== undefined, `${key} ${field} was in version 2`);
        const now = tenths == null ? null : MEASURES.map((m) => tenthsText(tenths[m], lang));
        assert.deepEqual(now, before, `${key} ${field}`);
        compared += before ? before.filter((x) => x != null).length : 0;
      }
      assert.ok(compared > 4000, `${compared} figures compared`);
    });
  }
});

describe('differences and changes', () => {
  test('a difference in tenths with its sign, zero without', () => {
    assert.equal(signedTenthsText(3, 'nb'), '+0,3');
    assert.equal(signedTenthsText(-12, 'en'), '-1.2');
    assert.equal(signedTenthsText(0, 'nb'), '0,0');
    assert.equal(signedTenthsText(null, 'nb'), null);
  });

  test('a change is the one between the figures as shown: tenths, and the percentage the core rounded', () => {
    setLangForTests('nb');
    const change = {
      per_1000: { M1: 0.19, M2: 0.03, M3: -0.0004, M4: 0.5 },
      shown: {
        tenths: { M1: 1, M2: 0, M3: -1, M4: 5 },
        percent: { M1: { units: 63, decimals: 1 }, M2: { units: 0, decimals: 1 }, M3: { units: -1000, decimals: 1 }, M4: null },
      },
    };
    assert.equal(changeShown(change, 'M1'), '+0,1 (+6,3\u00a0%)');
    assert.equal(changeShown(change, 'M2'), '0,0 (0,0\u00a0%)');
    assert.equal(changeShown(change, 'M3'), '\u22120,1 (\u2212100,0\u00a0%)');
    assert.equal(changeShown(change, 'M4'), '+0,5');
    assert.equal(changeShown(null, 'M1'), null);
  });

  test('the core gives every change of the example data as shown', () => {
    setLangForTests('en');
    const changes = report.results.filter((r) => r.change);
    assert.ok(changes.length > 300);
    for (const r of changes) {
      for (const m of MEASURES) {
        if (r.change.per_1000[m] == null) assert.equal(changeShown(r.change, m), null);
        else assert.match(changeShown(r.change, m), /^([+-]\d+\.\d|0\.0)( \(([+-]\d+\.\d|0\.0)\u00a0%\))?$/, `${r.code} ${r.year} ${m}`);
      }
    }
  });
});

describe('words around the figures', () => {
  test('a name that ends in a number is set off from the year by a comma, others are not', () => {
    assert.equal(`${beforeYear('KOSTRA-gruppe 7')} 2025`, 'KOSTRA-gruppe 7, 2025');
    assert.equal(`${beforeYear('Kongsberg')} 2025`, 'Kongsberg 2025');
    assert.equal(`${beforeYear('Herøy (Nordland)')} 2025`, 'Herøy (Nordland) 2025');
  });

  test('a percent the core rounded is only placed: (125, 1) is 12,5 / 12.5, (8, 0) is 8', () => {
    setLangForTests('nb');
    assert.equal(percentText(125, 1), '12,5');
    assert.equal(percentText(8, 0), '8');
    setLangForTests('en');
    assert.equal(percentText(125, 1), '12.5');
    setLangForTests('nb');
  });
});
