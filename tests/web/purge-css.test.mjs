// The build's purge of Designsystemet's stylesheet (scripts/purge-css.mjs): a rule goes only when
// none of its selectors can match, judged by the ds- classes the page's sources use; and the
// rewrite of its tables' :not(:has()). Node only.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import { anchorTableHas, purgeCss, UNANCHORED_NOT_HAS, usedClasses } from '../../scripts/purge-css.mjs';
import { root } from '../wasm/lib.mjs';

const used = new Set(['ds-field', 'ds-input', 'ds-table']);
const kept = (selector) => purgeCss(`${selector}{color:red}`, used) !== '';

test('a selector that requires an unused class goes, one that can match stays', () => {
  assert.equal(kept('.ds-field'), true);
  assert.equal(kept('.ds-tabs'), false);
  assert.equal(kept('.ds-field .ds-tabs'), false);
  assert.equal(kept('.ds-field:not(.ds-tabs)'), true); // :not() requires nothing
  assert.equal(kept('a:nth-child(2 of .ds-tabs)'), true);
  assert.equal(kept('[class*="ds-"]'), true); // an attribute can name any class
});

test(':is(), :where() and :has() require one alternative that can match', () => {
  assert.equal(kept(':is(.ds-tabs, .ds-toggle-group) *'), false);
  assert.equal(kept(':is(.ds-tabs, .ds-field) *'), true);
  assert.equal(kept(':where(.ds-card, .ds-card__block) > * + *'), false);
  assert.equal(kept(':is(:is(.ds-togglegroup, .ds-toggle-group) :is(a:focus-visible, label:has(input:focus-visible))) *'), false);
  assert.equal(kept('.ds-field:has(.ds-input:disabled) > *'), true);
  assert.equal(kept('.ds-field:has(.ds-search)'), false);
  assert.equal(kept('.ds-table:has(> span)'), true);
  assert.equal(kept(':is(.ds-table > :is(thead, :not(:has(thead)) tbody)) > tr'), true);
});

test('a rule keeps the selectors that can match; groups keep the rules that stay', () => {
  assert.equal(purgeCss('.ds-tabs,.ds-field{color:red}', used), '.ds-field{color:red}');
  assert.equal(purgeCss('@media (min-width:1px){.ds-tabs{color:red}.ds-input{color:blue}}', used), '@media (min-width:1px){.ds-input{color:blue}}');
  assert.equal(purgeCss('@media (min-width:1px){.ds-tabs{color:red}}', used), '');
});

test('a table without a thead or tfoot is asked of the table itself, not of any ancestor', () => {
  const rule = ':is(.ds-table[data-border]>:is(thead:first-of-type,:not(:has(thead)) tbody:first-of-type)>tr:first-child>:is(th,td)):first-child{r:1}';
  assert.equal(anchorTableHas(rule),
    ':is(:is(.ds-table[data-border]>thead:first-of-type,.ds-table[data-border]:not(:has(thead))>tbody:first-of-type)>tr:first-child>:is(th,td)):first-child{r:1}');
  const foot = '.ds-table[data-border]>:is(tfoot:last-of-type,:not(:has(tfoot)) tbody:last-of-type)>tr';
  assert.equal(anchorTableHas(foot), ':is(.ds-table[data-border]>tfoot:last-of-type,.ds-table[data-border]:not(:has(tfoot))>tbody:last-of-type)>tr');
  assert.equal(anchorTableHas('.ds-alert:not(:has(>h2)){r:1}'), '.ds-alert:not(:has(>h2)){r:1}');
  // Only a table standing alone: one with a class before it is not this rule.
  const more = '.x.ds-table[data-border]>:is(thead:first-of-type,:not(:has(thead)) tbody:first-of-type)>tr';
  assert.equal(anchorTableHas(more), more);
});

test('the stylesheet the build ships has no :not(:has()) standing alone after a combinator', async () => {
  const css = await readFile(join(root, 'node_modules/@digdir/designsystemet-css/dist/src/index.css'), 'utf8');
  assert.match(css, UNANCHORED_NOT_HAS, 'Designsystemet no longer writes one: the rewrite can go');
  assert.doesNotMatch(anchorTableHas(purgeCss(css, await usedClasses(join(root, 'web')))), UNANCHORED_NOT_HAS);
});
