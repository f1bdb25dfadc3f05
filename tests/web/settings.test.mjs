// The table of settings (web/src/settings.js) and the view in the link (web/src/url-state.js),
// under Node: one row per setting with all its names, and links in the format they always had.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PAGE_SETTINGS, SETTINGS, coreSettingsOf, defaultSettings } from '../../web/src/settings.js';
import { readView, viewHash } from '../../web/src/url-state.js';
import { DEFAULT_SETTINGS, cliArgs } from '../wasm/lib.mjs';

describe('the table of settings', () => {
  test('the defaults are the core\'s and the CLI\'s, with the same keys in the same order', () => {
    assert.deepEqual(defaultSettings(), { populationYear: 'same', carryForward: 'auto', suppression: 'auto' });
    // The report speaks no language (docs/output.md): the page never sends one to the core.
    const { lang, ...reportSettings } = DEFAULT_SETTINGS;
    assert.deepEqual(Object.entries(coreSettingsOf(defaultSettings())), Object.entries(reportSettings));
    assert.deepEqual(coreSettingsOf({ populationYear: 'next', carryForward: 'off', suppression: 'on' }, { year: 2024 }),
      { year: 2024, population_year: 'next', carry_forward: 'off', suppression: 'on' });
  });

  test('every core key has its CLI flag, as the CLI is run in the tests', () => {
    const args = cliArgs({ year: 2024 });
    for (const s of SETTINGS.filter((x) => x.core)) assert.ok(args.includes(s.cli), `${s.name}: ${s.cli}`);
    assert.deepEqual(PAGE_SETTINGS.map((s) => s.name), ['populationYear', 'carryForward', 'suppression']);
  });

  test('names are unique in every column', () => {
    for (const column of ['name', 'control', 'url', 'core', 'cli']) {
      const names = SETTINGS.map((s) => s[column]).filter(Boolean);
      assert.equal(new Set(names).size, names.length, column);
    }
  });
});

describe('the view in the link', () => {
  test('a link opens the view it encodes; one made before the three rule choices says on / off', () => {
    assert.deepEqual(readView('#enhet=kommune:3303&ar=2024&mal=M3&sammenlign=fylke&befolkning=next&videreforing=0&holdutenfor=1&sprak=en&data=eksempel'), {
      unit: 'kommune:3303', year: 2024, measure: 'M3', scope: 'fylke', populationYear: 'next', carryForward: 'off', suppression: 'on', lang: 'en', data: 'eksempel',
    });
    assert.deepEqual(readView('#kart=fylke&kartfarge=diff'), { mapLevel: 'fylke', mapMode: 'diff' });
    assert.deepEqual(readView('#enhet=kommune:3101&navn=Halden&filer=a.csv/b.xlsx'), { unit: 'kommune:3101', name: 'Halden', files: ['a.csv', 'b.xlsx'] });
  });

  test('fields not valid are left out', () => {
    assert.deepEqual(readView('#enhet=by:1&ar=24&mal=M5&sammenlign=alle&kart=bydel&kartfarge=blaa&befolkning=1&videreforing=ja&sprak=de&data=mine&x=1'), {});
    assert.deepEqual(readView(''), {});
  });

  test('a view is written in the same order and format as always, and read back the same', () => {
    const view = { lang: 'nb', unit: 'kommune:3101', suppression: 'auto', year: 2024, measure: 'M2', scope: 'kostra',
      populationYear: 'same', carryForward: 'auto', data: 'eksempel', name: null, files: [] };
    const hash = '#enhet=kommune:3101&ar=2024&mal=M2&sammenlign=kostra&befolkning=same&videreforing=auto&holdutenfor=auto&sprak=nb&data=eksempel';
    assert.equal(viewHash(view), hash);
    const written = Object.fromEntries(Object.entries(view).filter(([, v]) => v != null && !(Array.isArray(v) && !v.length)));
    assert.deepEqual(readView(hash), written);
    assert.equal(viewHash({ unit: 'kommune:3101', name: 'Halden', files: ['a.csv', 'b.xlsx'] }), '#enhet=kommune:3101&navn=Halden&filer=a.csv%2Fb.xlsx');
    assert.equal(viewHash({}), '');
  });
});
