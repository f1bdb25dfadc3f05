// What the charts write on themselves, read from the canvas calls that draw it: the education
// chart's shares on their hatched segments. Screenshots go to test-artifacts/web/charts-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { openCalculator, whenRendered } from './browser.mjs';
import { root } from '../wasm/lib.mjs';

const ARTIFACTS = join(root, 'test-artifacts', 'web');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let calculator;
let page;
let foreign = [];
let consoleErrors = [];

const rendered = (action) => whenRendered(page, action);

async function chooseUnit(query) {
  await page.fill('#unit-input', query);
  await page.press('#unit-input', 'Enter');
}

// WCAG 2 relative luminance and contrast ratio of two opaque colours ('#rrggbb' or 'rgba(r, g, b, a)',
// as a canvas gives its fillStyle back).
function rgba(colour) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [...hex.slice(1).map((h) => parseInt(h, 16)), 1];
  const fn = /^rgba?\(([^)]*)\)$/.exec(colour);
  assert.ok(fn, `a colour: ${colour}`);
  const [r, g, b, a = 1] = fn[1].split(',').map(Number);
  return [r, g, b, a];
}
function luminance(colour) {
  const [r, g, b] = rgba(colour).slice(0, 3).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The education chart drawn once more with its 2D context's fillRect, fillText and strokeText
// recorded, and each segment: its value label, place, tooltip line and the text alternative.
function drawEducation() {
  return page.$eval('#charts figure[data-chart="utdanning"] canvas', (canvas) => {
    const chart = canvas.arsverkChart;
    const ctx = canvas.getContext('2d');
    const calls = [];
    for (const name of ['fillRect', 'fillText', 'strokeText']) {
      const own = ctx[name];
      ctx[name] = function (...args) {
        calls.push({
          name, args: args.slice(0, 4), fill: String(this.fillStyle), stroke: String(this.strokeStyle), lineWidth: this.lineWidth,
          align: this.textAlign, baseline: this.textBaseline, font: this.font,
          width: name === 'fillRect' ? null : this.measureText(args[0]).width,
        });
        return own.apply(this, args);
      };
    }
    chart.update('none');
    for (const name of ['fillRect', 'fillText', 'strokeText']) delete ctx[name];
    const tooltip = chart.options.plugins.tooltip.callbacks.label;
    const segments = chart.data.datasets.flatMap((d, di) => chart.getDatasetMeta(di).data.map((el, i) => {
      const { x, base, y, height } = el.getProps(['x', 'base', 'y', 'height'], true);
      return {
        text: d.valueLabels[i], name: d.label, unit: [chart.data.labels[i]].flat().join(' '),
        left: Math.min(x, base), right: Math.max(x, base), top: y - height / 2, bottom: y + height / 2,
        tooltip: tooltip({ dataset: d, datasetIndex: di, dataIndex: i }),
      };
    }));
    return { calls, segments, canvasWidth: chart.width, alt: canvas.getAttribute('aria-label') };
  });
}

// The box a text call covers: its measured width placed by its alignment, its font's size high
// (centred on a 'middle' baseline, which is how the labels are written), a stroke's halo around it.
function textBox(call) {
  const [, x, y] = call.args;
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(call.font)[1]);
  const left = call.align === 'center' ? x - call.width / 2 : call.align === 'right' || call.align === 'end' ? x - call.width : x;
  const halo = call.name === 'strokeText' ? call.lineWidth / 2 : 0;
  assert.equal(call.baseline, 'middle', `«${call.args[0]}» is written on a middle baseline`);
  return { left: left - halo, right: left + call.width + halo, top: y - size / 2 - halo, bottom: y + size / 2 + halo };
}
const inside = (inner, outer) => inner.left >= outer.left - 0.01 && inner.right <= outer.right + 0.01
  && inner.top >= outer.top - 0.01 && inner.bottom <= outer.bottom + 0.01;

// Every share written on a segment fits inside the segment, with its text and ground, and stands on
// an opaque ground of its own (a hatched segment has no one colour to read against) with 4.5:1
// contrast; every share not written is in the tooltip and the text alternative. Gives how many
// were written and left out.
function checkEducation({ calls, segments, canvasWidth, alt }, where) {
  let written = 0;
  let left = 0;
  for (const seg of segments) {
    const what = `${where}, ${seg.unit}, ${seg.name} «${seg.text}»`;
    const texts = calls.map((c, at) => ({ ...c, at })).filter((c) => c.name !== 'fillRect' && c.args[0] === seg.text)
      .filter((c) => c.args[2] >= seg.top && c.args[2] <= seg.bottom && c.args[1] >= seg.left - 40 && c.args[1] <= seg.right + 40);
    const fills = texts.filter((c) => c.name === 'fillText');
    if (!fills.length) {
      left++;
      assert.ok(alt.includes(`${seg.name} ${seg.text}`), `${what}: left out of the bar, so in the text alternative`);
      assert.equal(seg.tooltip, `${seg.name}: ${seg.text}`, `${what}: left out of the bar, so in the tooltip`);
      continue;
    }
    written++;
    assert.equal(fills.length, 1, `${what}: written once`);
    const [text] = fills;
    const box = textBox(text);
    const halos = texts.filter((c) => c.name === 'strokeText').map(textBox);
    // Its ground: the last rectangle filled before it that covers the text (not the canvas' white
    // background, which the bars are drawn over).
    const ground = calls.slice(0, text.at).reverse()
      .filter((c) => c.name === 'fillRect' && c.args[2] < canvasWidth)
      .map((c) => ({ fill: c.fill, left: c.args[0], top: c.args[1], right: c.args[0] + c.args[2], bottom: c.args[1] + c.args[3] }))
      .find((r) => inside(box, r));
    assert.ok(ground, `${what}: written on a ground of its own, not straight on the hatched segment`);
    assert.equal(rgba(ground.fill)[3], 1, `${what}: its ground is opaque (${ground.fill})`);
    for (const part of [box, ...halos, ground]) {
      assert.ok(inside(part, seg), `${what}: drawn within its segment (${JSON.stringify(part)} in ${JSON.stringify(seg)})`);
    }
    const ratio = contrast(text.fill, ground.fill);
    assert.ok(ratio >= 4.5, `${what}: ${text.fill} on ${ground.fill} is ${ratio.toFixed(2)}:1`);
  }
  return { written, left };
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  calculator = await openCalculator(root, { open: false });
  ({ page, foreign, consoleErrors } = calculator);
});

after(() => calculator?.close());

describe('charts', () => {
  for (const lang of ['nb', 'en']) {
    test(`${lang}: the education chart's shares fit their segments and read, on a phone and a desktop`, async () => {
      for (const [size, sizeName] of [[PHONE, 'phone'], [DESKTOP, 'desktop']]) {
        await page.setViewportSize(size);
        await calculator.open('/', { lang });
        await rendered(() => page.click('#example-button'));
        const counts = { written: 0, left: 0 };
        // Norway alone, then units with county, Norway and KOSTRA group beside them.
        for (const unit of [null, 'Halden', '3303']) {
          if (unit) await rendered(() => chooseUnit(unit));
          const selector = '#charts figure[data-chart="utdanning"]';
          await page.locator(selector).scrollIntoViewIfNeeded();
          await page.waitForFunction((s) => document.querySelector(`${s}:not([aria-busy]) canvas`)?.arsverkChart, selector);
          const { written, left } = checkEducation(await drawEducation(), `${lang}, ${sizeName}, ${unit ?? 'Norway'}`);
          counts.written += written;
          counts.left += left;
          await page.locator(selector).screenshot({ path: join(ARTIFACTS, `charts-education-${lang}-${sizeName}-${unit ?? 'norway'}.png`) });
        }
        assert.ok(counts.written >= 4, `${sizeName}: shares are written (${counts.written})`);
        // A phone's narrow segments leave some out: checked above to be in tooltip and text alternative.
        if (size === PHONE) assert.ok(counts.left > 0, 'some shares too long for their segments on a phone');
      }
    });
  }

  test('nothing from elsewhere, no errors', () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
