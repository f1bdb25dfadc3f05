// The wasm module's thresholds() gives the page the checks' thresholds as the core's header
// (core/include/arsverk/thresholds.hpp) names them, so the help texts need not write them again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { loadModule, root } from './lib.mjs';

function headerConstant(header, name) {
  const found = header.match(new RegExp(`\\b${name} = ([0-9.]+);`));
  assert.ok(found, `${name} in thresholds.hpp`);
  return Number(found[1]);
}

test('thresholds() gives the values of arsverk/thresholds.hpp', async () => {
  const Module = await loadModule();
  const header = readFileSync(`${root}/core/include/arsverk/thresholds.hpp`, 'utf8');
  assert.deepEqual(JSON.parse(Module.thresholds()), {
    rate_high: headerConstant(header, 'kRateHigh'),
    change_large_percent: headerConstant(header, 'kChangeLargePercent'),
    far_above_published: headerConstant(header, 'kFarAbovePublished'),
    far_below_published: headerConstant(header, 'kFarBelowPublished'),
    // As a percent, worked out by the core for the help text (six decimals at most, as it writes them).
    far_below_published_percent: Number((headerConstant(header, 'kFarBelowPublished') * 100).toFixed(6)),
    category_change_factor: headerConstant(header, 'kCategoryChangeFactor'),
    one_category_minimum_ftes: headerConstant(header, 'kOneCategoryMinimumFtes'),
    max_messages_per_code: headerConstant(header, 'kMaxMessagesPerCode'),
  });
});
