// The page's two dictionaries (web/src/i18n.js) in Node: Norwegian and English have the same keys,
// the same kinds of value, and each text the same placeholders, so no text is missing or
// half-filled in either language; both list their keys in the same order, so the file stays laid
// out by area of the page, one area under one heading in each language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { root } from '../wasm/lib.mjs';

const { dictionaries } = await import(`${root}/web/src/i18n.js`);

function leaves(value, path = [], out = new Map()) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else {
    out.set(path.join('.'), value);
  }
  return out;
}

const kind = (v) => (Array.isArray(v) ? `array of ${v.length}` : typeof v);
const placeholders = (v) => [...String(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Norwegian and English have the same keys, kinds of value and placeholders', () => {
  const nb = leaves(dictionaries.nb);
  const en = leaves(dictionaries.en);
  assert.deepEqual([...nb.keys()].filter((k) => !en.has(k)), [], 'keys only in Norwegian');
  assert.deepEqual([...en.keys()].filter((k) => !nb.has(k)), [], 'keys only in English');
  const differ = [];
  for (const [key, value] of nb) {
    const other = en.get(key);
    if (kind(value) !== kind(other)) differ.push(`${key}: ${kind(value)} / ${kind(other)}`);
    else if (typeof value === 'string' && placeholders(value).join() !== placeholders(other).join()) {
      differ.push(`${key}: {${placeholders(value)}} / {${placeholders(other)}}`);
    }
  }
  assert.deepEqual(differ, []);
});

test('Norwegian and English list their keys in the same order', () => {
  const nb = [...leaves(dictionaries.nb).keys()];
  const en = [...leaves(dictionaries.en).keys()];
  const firstDiffering = nb.findIndex((key, i) => key !== en[i]);
  assert.equal(firstDiffering, -1, `from ${nb[firstDiffering]} (nb) / ${en[firstDiffering]} (en) on`);
});

test('the comments in i18n.js say what a thing is, not the history of how it came', () => {
  const source = readFileSync(`${root}/web/src/i18n.js`, 'utf8');
  const comments = [...source.matchAll(/(?:^|\s)(\/\/.*|\/\*[\s\S]*?\*\/)/g)].map((m) => m[1]);
  assert.ok(comments.length > 0, 'no comments found: the pattern is wrong');
  assert.deepEqual(comments.filter((c) => /\b(issue|branch)\b/i.test(c)), []);
});

test('each language names the KOSTRA group one way: «KOSTRA-gruppe(n)», «KOSTRA group», its median too', () => {
  const odd = { nb: /KOSTRA(?!-grupp)|[Kk]ostra-?median/, en: /KOSTRA(?! groups?\b)/ };
  for (const lang of ['nb', 'en']) {
    const found = [...leaves(dictionaries[lang])].filter(([, v]) => odd[lang].test(String(v))).map(([k, v]) => `${k}: ${v}`);
    assert.deepEqual(found, [], lang);
  }
});

test('English writes its apostrophes typographically: «Oslo’s», not «Oslo\'s»', () => {
  const straight = [...leaves(dictionaries.en)].flatMap(([k, v]) => [v].flat(Infinity))
    .filter((v) => String(v).includes("'")).map(String);
  assert.deepEqual(straight, []);
});
