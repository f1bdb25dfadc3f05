// The build's purge of Designsystemet's stylesheet (scripts/purge-css.mjs): a rule goes only when
// none of its selectors can match, judged by the ds- classes the page's sources use. Node only.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { purgeCss } from '../../scripts/purge-css.mjs';

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
