// The map: a choropleth of the municipalities (or counties) for the chosen measure and year, with
// Oslo's districts in an inset. This module is its own chunk (chartjs-chart-geo, d3-geo,
// topojson-client), imported by main.js only when the map is first opened; the boundaries are
// fetched from the page's own origin at that point (geo/, see web/geo/README.md).
//
// Every value drawn is the core's: per_1000 (rate) or comparison.diff_from_median (difference
// from the KOSTRA group median), with the core's display strings and ranks in the tooltips; a unit
// without figures of its own that a reference file gives a published rate for (report.reference)
// is coloured by that rate, striped and labelled as published, never as the user's. The class
// breaks are the core's too (report.map_classes, in tenths); the only arithmetic here is the order
// of the units. A unit's class is that of its figure as shown (one decimal), so "2,9" never sits
// in a class "under 2,9".
import { Chart, Tooltip } from 'chart.js';
import { ChoroplethController, ColorScale, GeoFeature, ProjectionScale, geoTransverseMercator } from 'chartjs-chart-geo';
import { feature as topoFeature } from 'topojson-client';

import { PNG_SCALE, PNG_WIDTH, downloadComposed, fillWhite } from './charts.js';
import { shownRate, signedTenthsText, structureOf, tenthsText, unitName } from './format.js';
import { getLang, listText, rankText, t, tn } from './i18n.js';

Chart.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale, Tooltip);

// ColorBrewer Blues (sequential) and PuOr (diverging: orange below, purple above the median);
// both are colour-blind safe. Units without a value are grey, never the lightest class colour.
export const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const PUOR = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'];
export const NO_DATA = '#b0b0b0';
const INK = '#1e2327';
const SELECTED = '#000000';


// Which boundaries for which level and data year: the 2024 structure from 2024, the 2020–2023
// structure for data years up to 2023 (earlier years are drawn on the 2020 structure too).
const SOURCES = {
  kommune: (year) => (structureOf(year) === '2024' ? ['kommuner_2024.topojson', 'kommuner', 'kommunenummer'] : ['kommuner_2020_2023.geojson', null, 'kommunenummer']),
  fylke: (year) => (structureOf(year) === '2024' ? ['fylker_2024.topojson', 'fylker', 'fylkesnummer'] : ['fylker_2020_2023.geojson', null, 'fylkesnummer']),
  bydel: () => ['bydeler_oslo_2024.topojson', 'bydeler', 'bydelsnummer'],
};

const geoCache = new Map();
function boundaries(level, year) {
  const [file, object, key] = SOURCES[level](year);
  if (!geoCache.has(file)) {
    const loading = fetch(`geo/${file}`)
      .then((r) => { if (!r.ok) throw new Error(`geo/${file}: HTTP ${r.status}`); return r.json(); })
      .then((data) => {
        const featureCollection = object ? topoFeature(data, data.objects[object]) : data;
        return { file, features: featureCollection.features.map((f) => ({ feature: f, code: String(f.properties[key]), geoName: f.properties.navn })) };
      });
    loading.catch(() => geoCache.delete(file));
    geoCache.set(file, loading);
  }
  return geoCache.get(file);
}

// --- classes ------------------------------------------------------------------------------------

// The core's breaks for the map shown (report.map_classes), in tenths: rates in up to five classes
// (quintiles of the figures on the map as shown), differences from the median in five around 0.
export function classify(breaksTenths, mode) {
  const tenths = breaksTenths ?? [];
  const breaks = tenths.map((b) => b / 10);
  if (mode === 'diff') return { breaks, tenths, colors: tenths.length ? PUOR : [PUOR[2]] };
  const k = breaks.length + 1;
  const colors = k === 1 ? [BLUES[2]] : Array.from({ length: k }, (_, i) => BLUES[Math.round((i * 4) / (k - 1))]);
  return { breaks, tenths, colors };
}
export const classOf = (value, breaks) => breaks.filter((b) => value >= b).length;

// What the rate classes are, for as many as the core's breaks make: five are the quintiles; fewer
// are what is left of them after the core dropped breaks too close together (or not above the
// lowest value), one is all the values. Nothing for a map without values.
function rateMethod(scheme, items, level) {
  if (!items.some((i) => i.value != null)) return '';
  const units = t(`map.methodUnits.${level}`);
  const classes = scheme.breaks.length + 1;
  if (classes === 5) return t('map.methodRate.quintiles', { units });
  if (classes === 1) return t('map.methodRate.one', { units });
  return t('map.methodRate.fewer', { units, count: t(`map.methodRate.count.${classes}`) });
}

// --- fills ----------------------------------------------------------------------------------------

const patternCache = new Map();
function patterned(color, kind) {
  const key = `${color}:${kind}`;
  if (patternCache.has(key)) return patternCache.get(key);
  const tileCanvas = document.createElement('canvas');
  tileCanvas.width = tileCanvas.height = 8;
  const pen = tileCanvas.getContext('2d');
  pen.fillStyle = color;
  pen.fillRect(0, 0, 8, 8);
  pen.strokeStyle = pen.fillStyle = INK;
  if (kind === 'hatch') {
    pen.lineWidth = 1.2;
    pen.beginPath();
    pen.moveTo(0, 8); pen.lineTo(8, 0); pen.moveTo(-4, 4); pen.lineTo(4, -4); pen.moveTo(4, 12); pen.lineTo(12, 4);
    pen.stroke();
  } else if (kind === 'stripes') {
    // Published reference rates: white stripes the other way round, distinct from the hatching.
    pen.strokeStyle = '#ffffff';
    pen.lineWidth = 2;
    pen.beginPath();
    pen.moveTo(0, 0); pen.lineTo(8, 8); pen.moveTo(-4, 4); pen.lineTo(4, 12); pen.moveTo(4, -4); pen.lineTo(12, 4);
    pen.stroke();
  } else {
    pen.beginPath(); pen.arc(4, 4, 1.3, 0, Math.PI * 2); pen.fill();
  }
  const fillPattern = pen.createPattern(tileCanvas, 'repeat');
  patternCache.set(key, fillPattern);
  return fillPattern;
}

// status: 'value' | 'carried' (coloured, dotted) | 'reference' (coloured, striped: a published
// rate from a reference file) | 'suppressed' (grey, hatched) | 'nodata' (grey)
function fillOf(item, scheme) {
  if (item.status === 'nodata') return NO_DATA;
  if (item.status === 'suppressed') return patterned(NO_DATA, 'hatch');
  const color = scheme.colors[item.cls];
  if (item.status === 'reference') return patterned(color, 'stripes');
  return item.status === 'carried' ? patterned(color, 'dots') : color;
}

// A unit without figures of its own: the reference file's published rate that stands for it.
function referenceItem(item, entry, view) {
  const shownText = shownRate(entry, view.measure);
  if (shownText == null) return;
  item.reference = entry;
  item.display = shownText;
  if (view.mode === 'diff') {
    item.reason = t('yard.refNoDiff');
    return;
  }
  item.status = 'reference';
  item.value = entry.per_1000[view.measure];
  item.tenths = entry.tenths[view.measure];
  item.shown = item.tenths / 10; // the figure as shown, for the colour classes
  item.reason = t('yard.refSource', { year: entry.year, source: entry.source });
}

// --- items ----------------------------------------------------------------------------------------

function buildItems(geo, level, view) {
  const { results, year, measure, mode, selectedKey } = view;
  const byCode = new Map(results.filter((r) => r.year === year && r.level === level).map((r) => [r.code, r]));
  const references = new Map((view.reference ?? []).filter((e) => e.level === level && e.used_for.includes(year)).map((e) => [e.code, e]));
  const items = geo.features.map((g) => {
    const r = byCode.get(g.code) ?? null;
    const ref = r ? null : references.get(g.code);
    const item = { level, code: g.code, name: unitName(r) ?? unitName(ref) ?? g.geoName, feature: g.feature, result: r, value: null, status: 'nodata', reason: '' };
    if (!r) {
      item.reason = t('map.reasonMissing', { year });
      if (ref) referenceItem(item, ref, view);
    } else if (r.suppressed || !r.per_1000) {
      item.status = 'suppressed';
      item.reason = r.suppression_reason ? t(`map.reasonSuppressed.${r.suppression_reason}`) : t('map.reasonNotComputed');
    } else if (r.aggregate_coverage?.meaningful === false) {
      // A county resting on too few municipalities: no figure of its own on the map either.
      item.reason = t('yard.thinAggregate', { members: r.aggregate_coverage.members, municipalities: tn('nMunicipalities', r.aggregate_coverage.members_total), name: unitName(r) });
    } else if (r.per_1000[measure] == null) {
      item.reason = t('yard.mapAbsent', { measure });
    } else if (mode === 'diff' && !r.comparison?.coverage?.meaningful) {
      item.reason = r.comparison ? t(r.comparison.coverage?.reason === 'alone' ? 'yard.mapAlone' : 'yard.mapNotMeaningful') : t('map.reasonNoGroup');
    } else if (mode === 'diff' && r.comparison?.diff_from_median?.[measure] == null) {
      item.reason = t('map.reasonNoGroup');
    } else {
      item.value = mode === 'diff' ? r.comparison.diff_from_median[measure] : r.per_1000[measure];
      item.display = shownRate(r, measure);
      // The figure as shown (the rate, or its difference from the median, each as the core rounded
      // them), for the colour classes and the texts.
      item.tenths = (mode === 'diff' ? r.comparison.diff_tenths?.[measure] : r.tenths?.[measure]) ?? null;
      item.shown = item.tenths != null ? item.tenths / 10 : item.value;
      item.status = r.carried_from != null ? 'carried' : 'value';
      if (r.carried_from != null) item.reason = t('map.reasonCarried', { from: r.carried_from });
    }
    item.selected = `${level}:${g.code}` === selectedKey;
    return item;
  });
  // The units with a value, highest first (the summary's highest and lowest). Their positions are
  // not given: a place is the core's (the KOSTRA group's, shared where figures are equal).
  const ranked = items.filter((i) => i.value != null).sort((a, b) => b.value - a.value);
  return { items, ranked };
}

function valueText(item, view) {
  const r = item.result;
  if (item.reference) return t('yard.refValue', { value: item.display });
  if (item.value == null) return t('map.noValue');
  if (view.mode === 'diff') {
    return t('map.diffValue', { diff: signedTenthsText(item.tenths) ?? '–', value: shownRate(r, view.measure) ?? '–', median: tenthsText(r.comparison.median_tenths[view.measure]) ?? '–' });
  }
  return `${shownRate(r, view.measure) ?? '–'} ${t('perThousandShort')}`;
}

function describe(item, view) {
  const lines = [valueText(item, view)];
  const r = item.result;
  if (r?.comparison?.rank_shown?.[view.measure] != null && r.comparison.coverage?.meaningful) {
    const group = view.groupNames.get(r.comparison.kostragruppe) ?? r.comparison.kostragruppe;
    lines.push(rankText(r.comparison, view.measure, { template: 'map.groupRank', vars: { group } }));
  }
  if (item.reason) lines.push(item.reason);
  return lines;
}

function legendEntries(scheme, view, items) {
  const { tenths, colors } = scheme;
  const entries = colors.map((color, i) => {
    const lo = i === 0 ? null : tenths[i - 1];
    const hi = i < tenths.length ? tenths[i] : null;
    const f = view.mode === 'diff' ? signedTenthsText : tenthsText;
    let label;
    if (lo == null && hi == null) label = t('map.allValues');
    else if (lo == null) label = t('map.below', { v: f(hi) });
    else if (hi == null) label = t('map.atLeast', { v: f(lo) });
    else label = `${f(lo)} – ${t('map.under')} ${f(hi)}`;
    return { fill: color, label };
  });
  const has = (s) => items.some((i) => i.status === s);
  // The dots on the scheme's own middle colour (blue on the rate map, the neutral on the difference map).
  if (has('carried')) entries.push({ fill: patterned(colors[Math.floor(colors.length / 2)], 'dots'), label: t('map.legendCarried') });
  if (has('reference')) entries.push({ fill: patterned(colors[Math.floor(colors.length / 2)], 'stripes'), label: t('yard.refLegend') });
  if (has('suppressed')) entries.push({ fill: patterned(NO_DATA, 'hatch'), label: t('map.legendSuppressed') });
  if (has('nodata')) entries.push({ fill: NO_DATA, label: t('map.legendNoData') });
  // The unit chosen: its thick black edge, which on a long coastline reads as a black fill.
  const chosen = items.find((i) => i.selected);
  if (chosen) entries.push({ fill: '#ffffff', outline: SELECTED, label: t('map.legendSelected', { name: chosen.name }) });
  return entries;
}

// --- drawing ------------------------------------------------------------------------------------

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const TITLE_FONT = `600 14px ${FONT}`;
const TITLE_LINE = 18;

// The title's lines broken at spaces to fit `width` (fillText would squeeze a longer line
// sideways); no-break spaces («per 1 000») hold.
const titlePen = document.createElement('canvas').getContext('2d');
function wrapTitle(lines, width) {
  titlePen.font = TITLE_FONT;
  return lines.flatMap((line) => line.split(' ').reduce((out, word) => {
    const joined = out.length ? `${out[out.length - 1]} ${word}` : null;
    if (joined != null && titlePen.measureText(joined).width <= width) out[out.length - 1] = joined;
    else out.push(word);
    return out;
  }, []));
}
// The space above the map for a title of `n` lines.
const titleSpace = (n) => 8 + n * TITLE_LINE;

// A white background, the title, the legend and the attribution drawn into the canvas itself, so
// the downloaded PNG stands on its own.
const decorations = {
  id: 'mapDecorations',
  beforeDraw: fillWhite,
  afterDraw(chart, args, opts) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = INK;
    ctx.textBaseline = 'top';
    ctx.font = TITLE_FONT;
    (opts.title ?? []).forEach((line, i) => ctx.fillText(line, 8, 8 + i * TITLE_LINE, width - 16));
    ctx.font = `11px ${FONT}`;
    ctx.textBaseline = 'bottom';
    ctx.fillText(opts.attribution ?? '', 8, height - 4, width - 16);
    const entries = opts.entries ?? [];
    if (entries.length) {
      ctx.font = `12px ${FONT}`;
      ctx.textBaseline = 'middle';
      const w = Math.max(...entries.map((e) => ctx.measureText(e.label).width)) + 30;
      const x = opts.legendBelow ? 8 : width - w - 8;
      let y = height - 24 - entries.length * 18 - (opts.legendTitle ? 18 : 0);
      if (opts.legendTitle) { ctx.font = `600 12px ${FONT}`; ctx.fillText(opts.legendTitle, x, y + 9, w); y += 18; ctx.font = `12px ${FONT}`; }
      for (const e of entries) {
        ctx.fillStyle = e.fill;
        ctx.fillRect(x, y + 3, 20, 12);
        ctx.strokeStyle = e.outline ?? '#6b6f73';
        ctx.lineWidth = e.outline ? 3 : 1;
        ctx.strokeRect(x + 0.5, y + 3.5, 19, 11);
        ctx.fillStyle = INK;
        ctx.fillText(e.label, x + 26, y + 9);
        y += 18;
      }
    }
    ctx.restore();
  },
};

const selectedEdge = (item, width) => (item.level === 'fylke' ? 3 : width < 600 ? 0.8 : 1.5);

// shown: the chart already on the canvas, updated in place (no new canvas, no animation), or null.
function mapChart(canvas, { items, ranked, scheme, view, onSelect, title, entries, legendTitle, legendBelow, padding, attribution, pixelRatio }, shown = null) {
  // The selected unit last, so its outline is drawn on top.
  const order = [...items].sort((a, b) => a.selected - b.selected);
  const config = {
    type: 'choropleth',
    data: {
      labels: order.map((i) => i.name),
      datasets: [{
        label: title[0],
        data: order.map((item) => ({ feature: item.feature, value: item.value, item })),
        outline: order.map((i) => i.feature),
        backgroundColor: (c) => (c.raw?.item ? fillOf(c.raw.item, scheme) : NO_DATA),
        borderColor: (c) => (c.raw?.item?.selected ? SELECTED : '#5b5f63'),
        // Counties are few and large: a clear border keeps neighbours of one class apart. The chosen
        // municipality's edge is thinner than a county's, and thinner still on a phone's small map:
        // Bodø's islands under a 3 px edge were all edge, its class unseen.
        borderWidth: (c) => (c.raw?.item?.selected ? selectedEdge(c.raw.item, c.chart.width) : c.raw?.item?.level === 'fylke' ? 1.2 : 0.4),
        hoverBorderColor: SELECTED,
        hoverBorderWidth: 2,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}),
      layout: { padding },
      showOutline: false,
      showGraticule: false,
      onClick: (evt, elements) => {
        const hit = elements[0];
        if (hit) onSelect(order[hit.index]);
      },
      onHover: (evt, elements) => { evt.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
      plugins: {
        legend: { display: false },
        tooltip: {
          displayColors: false,
          callbacks: {
            title: (ts) => (ts[0] ? `${order[ts[0].dataIndex].name} (${order[ts[0].dataIndex].code})` : ''),
            label: (ti) => describe(order[ti.dataIndex], view),
          },
        },
        mapDecorations: { title, attribution, entries, legendTitle, legendBelow },
      },
      scales: {
        projection: { axis: 'x', projection: geoTransverseMercator().rotate([-15, 0]) },
        color: { axis: 'x', display: false },
      },
    },
    plugins: [decorations],
  };
  if (shown) {
    shown.setActiveElements([]); // indexes into the old data
    shown.tooltip?.setActiveElements([], { x: 0, y: 0 });
    shown.data = config.data;
    shown.options = config.options;
    shown.update('none');
    return { chart: shown, order };
  }
  return { chart: new Chart(canvas, config), order };
}

// Keyboard: arrows move through the units (alphabetical), Enter or Space selects; the tooltip
// and a live line under the map say name, value and rank.
function keyboard(canvas, get, live, onSelect) {
  let pos = -1;
  const show = () => {
    const m = get();
    if (!m || pos < 0) return;
    const item = m.alpha[pos];
    const index = m.order.indexOf(item);
    const el = m.chart.getDatasetMeta(0).data[index];
    const active = [{ datasetIndex: 0, index }];
    m.chart.setActiveElements(active);
    m.chart.tooltip.setActiveElements(active, { x: el.x, y: el.y });
    m.chart.update('none');
    live.textContent = `${item.name}: ${describe(item, m.view).join('. ')}`;
  };
  canvas.addEventListener('keydown', (e) => {
    const m = get();
    if (!m) return;
    const n = m.alpha.length;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (e.key in moves) pos = Math.min(n - 1, Math.max(0, (pos < 0 ? 0 : pos + moves[e.key])));
    else if (e.key === 'Home') pos = 0;
    else if (e.key === 'End') pos = n - 1;
    else if ((e.key === 'Enter' || e.key === ' ') && pos >= 0) { e.preventDefault(); onSelect(m.alpha[pos]); return; }
    else return;
    e.preventDefault();
    show();
  });
  canvas.addEventListener('focus', () => {
    const m = get();
    if (!m) return;
    const sel = m.alpha.findIndex((i) => i.selected);
    pos = sel >= 0 ? sel : 0;
    show();
  });
  canvas.addEventListener('blur', () => {
    const m = get();
    if (!m) return;
    m.chart.setActiveElements([]);
    m.chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    m.chart.update('none');
  });
  return { reset: () => { pos = -1; } };
}

function element(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
}

// A focusable canvas: keyboard users step through the units with the arrow keys.
function mapCanvas(id) {
  const canvas = element('canvas');
  canvas.id = id;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  return canvas;
}

function pngButton(download) {
  const b = element('button', 'ds-button');
  b.type = 'button';
  b.dataset.variant = 'tertiary';
  b.dataset.size = 'sm';
  b.addEventListener('click', download);
  return b;
}

// The map drawn once more at the chart PNGs' fixed size (PNG_WIDTH × `height` CSS pixels at
// PNG_SCALE), off screen: the same picture from a phone as from a desktop.
function drawForPng(height, args) {
  const box = element('div');
  box.style.cssText = `position:fixed;left:-${PNG_WIDTH * 2}px;top:0;width:${PNG_WIDTH}px;height:${height}px;visibility:hidden`;
  const canvas = element('canvas');
  box.append(canvas);
  document.body.append(box);
  const { chart } = mapChart(canvas, { ...args, pixelRatio: PNG_SCALE, onSelect: () => {} });
  chart.draw();
  const image = element('canvas');
  image.width = canvas.width;
  image.height = canvas.height;
  image.getContext('2d').drawImage(canvas, 0, 0);
  chart.destroy();
  box.remove();
  return image;
}

function swatch(fill, outline) {
  const swatchCanvas = document.createElement('canvas');
  swatchCanvas.width = 24;
  swatchCanvas.height = 14;
  swatchCanvas.setAttribute('aria-hidden', 'true');
  const pen = swatchCanvas.getContext('2d');
  pen.fillStyle = fill;
  pen.fillRect(0, 0, 24, 14);
  pen.strokeStyle = outline ?? '#6b6f73';
  pen.lineWidth = outline ? 3 : 1;
  pen.strokeRect(outline ? 1.5 : 0.5, outline ? 1.5 : 0.5, outline ? 21 : 23, outline ? 11 : 13);
  return swatchCanvas;
}

// createMap(container, {onSelect(level, code)}) -> {update(view)}; view = {results, reference,
// mapClasses (the report's map_classes), year, measure, measureLabel, level ('kommune' | 'fylke'),
// mode ('rate' | 'diff'), selectedKey, source}.
export function createMap(container, { onSelect }) {
  const grid = element('div', 'map-grid');
  const mainFig = element('figure', 'map-figure map-main');
  const mainBox = element('div', 'map-box map-box-main');
  const mainCanvas = mapCanvas('map-canvas');
  mainBox.append(mainCanvas);
  // Like a chart's PNG: a title, what is shown, and the source (the files, «Syntetiske
  // eksempeldata» when they are the example) around the map and its legend and credits.
  const downloadMap = (args, height, title, name) => {
    if (!args) return;
    const { view } = args;
    downloadComposed(drawForPng(height, args), title, {
      subtitle: `${view.measure} ${view.measureLabel}, ${view.year}, ${args.what}`,
      source: view.source ?? '',
      warning: view.warning ?? '',
      fileName: name,
    });
  };
  const mainButton = pngButton(() => downloadMap(state.png?.main, Math.round((PNG_WIDTH * 4) / 3), t('map.pngTitle', { level: t(`map.levelPlural.${state.view.level}`) }),
    `${t('pngName.prefix')}_${t('pngName.map')}_${state.view.level}_${state.view.mode}_${state.view.measure}_${state.view.year}.png`));
  const live = element('p', 'map-focus');
  live.id = 'map-focus';
  live.setAttribute('aria-live', 'polite');
  mainFig.append(mainBox, live, mainButton);

  const side = element('div', 'map-side');
  const osloFig = element('figure', 'map-figure map-oslo');
  const osloCap = element('figcaption', 'map-caption');
  const osloNote = element('p', 'ds-paragraph note map-oslo-note');
  osloNote.id = 'map-oslo-note';
  const osloBox = element('div', 'map-box map-box-oslo');
  const osloCanvas = mapCanvas('map-oslo-canvas');
  osloBox.append(osloCanvas);
  osloCanvas.setAttribute('aria-describedby', osloNote.id);
  const osloButton = pngButton(() => downloadMap(state.png?.oslo, Math.round((PNG_WIDTH * 2) / 3), t('map.osloCaption'),
    `${t('pngName.prefix')}_${t('pngName.map')}_oslo_${state.view.mode}_${state.view.measure}_${state.view.year}.png`));
  osloFig.append(osloCap, osloNote, osloBox, osloButton);
  const legendHeading = element('p', 'map-legend-title');
  legendHeading.id = 'map-legend-title';
  const legend = element('ul', 'map-legend');
  legend.id = 'map-legend';
  legend.setAttribute('aria-labelledby', 'map-legend-title');
  const method = element('p', 'ds-paragraph note map-method');
  method.id = 'map-method';
  side.append(legendHeading, legend, method, osloFig);
  grid.append(mainFig, side);

  const summary = element('p', 'ds-paragraph map-summary');
  summary.id = 'map-summary';
  const attribution = element('p', 'ds-paragraph note map-attribution');
  container.replaceChildren(grid, summary, attribution);
  mainCanvas.setAttribute('aria-describedby', 'map-summary map-legend-title');

  const state = { view: null, main: null, oslo: null, png: null, seq: 0 };
  const select = (item) => onSelect(item.level, item.code);
  const keysMain = keyboard(mainCanvas, () => state.main, live, select);
  const keysOslo = keyboard(osloCanvas, () => state.oslo, live, select);

  async function update(input) {
    const seq = ++state.seq;
    const groupNames = new Map(input.results.filter((r) => r.year === input.year && r.level === 'kostragruppe').map((r) => [r.code, unitName(r)]));
    const view = { ...input, groupNames };
    state.view = view;
    const [geo, geoOslo] = await Promise.all([
      boundaries(view.level, view.year),
      view.level === 'kommune' ? boundaries('bydel', view.year) : Promise.resolve(null),
    ]);
    if (seq !== state.seq) return;

    const main = buildItems(geo, view.level, view);
    const oslo = geoOslo ? buildItems(geoOslo, 'bydel', view) : null;
    // One scale for municipalities and districts, so the inset reads with the same legend.
    const classes = view.mapClasses.find((c) => c.year === view.year && c.level === view.level && c.mode === view.mode);
    const scheme = classify(classes?.breaks_tenths[view.measure], view.mode);
    for (const i of [...main.items, ...(oslo?.items ?? [])]) if (i.value != null) i.cls = classOf(i.shown, scheme.breaks);
    const allItems = [...main.items, ...(oslo?.items ?? [])];
    const entries = legendEntries(scheme, view, allItems);
    const what = view.mode === 'diff' ? t('map.legendDiff') : t('perThousand');
    const title = [`${view.measure} ${view.measureLabel}, ${view.year}`, what];

    // The charts shown are updated in place; the inset goes when the level has no districts.
    const shownMain = state.main?.chart ?? null;
    const shownOslo = state.oslo?.chart ?? null;
    if (!oslo) shownOslo?.destroy();
    state.main = null;
    state.oslo = null;
    keysMain.reset();
    keysOslo.reset();
    const alpha = (items) => [...items].sort((a, b) => a.name.localeCompare(b.name, getLang() === 'nb' ? 'nb' : 'en'));

    // On a narrow screen the legend goes under the map instead of over the sea east of it.
    const legendBelow = mainBox.clientWidth < 520;
    const legendSpace = legendBelow ? 18 * (entries.length + 1) + 8 : 0;
    // A title wrapped to more lines makes a phone's box taller by as much (a wider box gives the map's room).
    const mainTitle = wrapTitle(title, mainBox.clientWidth - 16);
    const titleExtra = titleSpace(mainTitle.length) - titleSpace(title.length);
    mainBox.style.height = legendBelow ? `${Math.round((mainBox.clientWidth * 4) / 3 + legendSpace + titleExtra)}px` : '';
    mainBox.style.aspectRatio = legendBelow ? 'auto' : '';
    const m = mapChart(mainCanvas, { ...main, scheme, view, onSelect: select, title: mainTitle, entries, legendTitle: t('map.legendTitle'), legendBelow, padding: { top: titleSpace(mainTitle.length), bottom: 22 + legendSpace, left: 4, right: 4 }, attribution: t('map.attribution') }, shownMain);
    // The PNGs' maps: the title and what is shown go above the picture, the legend beside the map.
    state.png = {
      main: { ...main, scheme, view, what, title: [], entries, legendTitle: t('map.legendTitle'), legendBelow: false, padding: { top: 8, bottom: 22, left: 4, right: 4 }, attribution: t('map.attribution') },
      oslo: oslo ? { ...oslo, scheme, view, what, title: [], entries: [], padding: { top: 8, bottom: 22, left: 4, right: 4 }, attribution: t('map.attributionOslo') } : null,
    };
    state.main = { ...m, ...main, view, alpha: alpha(main.items) };
    osloFig.hidden = !oslo; // before the inset is drawn: its title is wrapped to its width
    if (oslo) {
      const osloTitle = wrapTitle(['Oslo', `${view.measure}, ${view.year}`], osloBox.clientWidth - 16);
      const o = mapChart(osloCanvas, { ...oslo, scheme, view, onSelect: select, title: osloTitle, entries: [], padding: { top: titleSpace(osloTitle.length), bottom: 22, left: 4, right: 4 }, attribution: t('map.attributionOslo') }, shownOslo);
      state.oslo = { ...o, ...oslo, view, alpha: alpha(oslo.items) };
    }
    // A grey inset on the difference map says why: the districts have no comparison of their own,
    // and Oslo's (the core's) gives the reason it has none either.
    const osloItem = main.items.find((i) => i.level === 'kommune' && i.code === '0301');
    const osloComparison = osloItem?.result?.comparison;
    const districtsGrey = view.mode === 'diff' && oslo && !oslo.ranked.length;
    const osloAlone = districtsGrey && osloComparison?.coverage?.reason === 'alone'; // the note gives Oslo's reason too
    osloNote.textContent = osloAlone
      ? t('map.osloAlone', { group: view.groupNames.get(osloComparison.kostragruppe) ?? osloComparison.kostragruppe })
      : districtsGrey ? t('map.osloNoGroup') : '';
    osloNote.hidden = !osloNote.textContent;

    const levelName = t(`map.levelPlural.${view.level}`);
    mainCanvas.setAttribute('aria-label', t('map.canvasLabel', { what: `${view.measure} ${view.year}`, level: levelName }));
    osloCanvas.setAttribute('aria-label', t('map.osloLabel', { what: `${view.measure} ${view.year}` }));
    osloCap.textContent = t('map.osloCaption');
    mainButton.textContent = t('downloadPng');
    mainButton.setAttribute('aria-label', `${t('downloadPng')}: ${t('map.title')}`);
    osloButton.textContent = t('downloadPng');
    osloButton.setAttribute('aria-label', `${t('downloadPng')}: ${t('map.osloCaption')}`);
    live.textContent = '';
    // Credit what is drawn: Oslo's districts only when the inset shows them.
    attribution.textContent = oslo ? `${t('map.attribution')}; ${t('map.attributionOslo')}` : t('map.attribution');

    legendHeading.textContent = `${t('map.legendTitle')}: ${what}`;
    legend.replaceChildren(...entries.map((e) => {
      const li = element('li');
      li.append(swatch(e.fill, e.outline), element('span', null, e.label));
      return li;
    }));
    method.textContent = view.mode === 'diff' ? t('map.methodDiff') : rateMethod(scheme, allItems, view.level);

    // The text summary: highest, lowest, range and how many units have a value.
    const ranked = main.ranked;
    const figure = (i) => (i.status === 'reference' ? t('yard.publishedShort', { value: i.display }) : i.display);
    const shown = (i) => `${i.name} (${view.mode === 'diff' ? signedTenthsText(i.tenths) : figure(i)})`;
    summary.textContent = ranked.length
      ? t(view.mode === 'diff' ? 'map.summaryDiff' : 'map.summary', {
        level: levelName, year: view.year, measure: view.measure,
        high: shown(ranked[0]), low: shown(ranked[ranked.length - 1]),
        min: view.mode === 'diff' ? signedTenthsText(ranked[ranked.length - 1].tenths) : ranked[ranked.length - 1].display,
        max: view.mode === 'diff' ? signedTenthsText(ranked[0].tenths) : ranked[0].display,
        n: ranked.length, total: main.items.length,
      })
      : t('map.summaryNone', { level: levelName, year: view.year });
    const fromReference = ranked.filter((i) => i.status === 'reference').length;
    if (fromReference) summary.textContent += ` ${t('yard.mapRefCount', { n: fromReference })}`;
    // Figures carried forward are coloured, dotted: how many of those with figures they are.
    const carried = ranked.filter((i) => i.status === 'carried').length;
    if (carried) summary.textContent += ` ${tn('map.summaryCarried', carried)}`;
    // «352 av 357 har tall» and 3 left out: the other 2 are said too, not left to subtraction —
    // those with no figures in the files, with too few for the measure, or (counties) resting on too
    // few municipalities. A published figure alone is said by yard.mapRefCount or at the unit.
    const counted = (test) => main.items.filter((i) => test(i.result)).length;
    const missing = main.items.filter((i) => !i.result && !i.reference).length;
    const shownFigures = (r) => r && !r.suppressed && r.per_1000 && r.aggregate_coverage?.meaningful !== false;
    const absent = counted((r) => shownFigures(r) && r.per_1000[view.measure] == null);
    const thin = counted((r) => r && !r.suppressed && r.aggregate_coverage?.meaningful === false);
    if (missing && ranked.length) summary.textContent += ` ${tn('map.summaryMissing', missing, { year: view.year })}`;
    // A published figure alone has no difference from a median: counted here, said at each too.
    const referenceOnly = view.mode === 'diff' ? main.items.filter((i) => !i.result && i.reference).length : 0;
    if (referenceOnly && ranked.length) summary.textContent += ` ${tn('map.summaryReferenceNoDiff', referenceOnly)}`;
    if (absent) summary.textContent += ` ${tn('map.summaryAbsent', absent, { measure: view.measure })}`;
    if (thin) summary.textContent += ` ${tn('map.summaryThin', thin)}`;
    // Those rule 2 left out are «without figures» on the map but «with figures in the files» in the
    // coverage lines: say which they are, so the two counts agree.
    const leftOut = main.items.filter((i) => i.result?.suppressed).length;
    if (leftOut && ranked.length) summary.textContent += ` ${tn('map.summaryLeftOut', leftOut)}`;
    // Oslo's districts in the inset, counted as the main map's units are (a grey inset on the
    // difference map has its note instead).
    if (oslo && !districtsGrey) {
      const carried = oslo.ranked.filter((i) => i.status === 'carried').length;
      summary.textContent += ` ${t(carried ? 'map.summaryDistrictsCarried' : 'map.summaryDistricts', { n: oslo.ranked.length, total: oslo.items.length, carried })}`;
    }
    // And those with a figure but no difference from a median, whose reason is at each on the map;
    // Oslo's, alone in its group, is in the note on its districts, not at its small shape.
    const noDiffAll = view.mode === 'diff'
      ? main.items.filter((i) => i.result && !i.result.suppressed && i.result.per_1000?.[view.measure] != null && i.value == null) : [];
    const osloApart = osloAlone && noDiffAll.includes(osloItem);
    const noDiff = osloApart ? noDiffAll.filter((i) => i !== osloItem) : noDiffAll;
    const named = noDiff.length <= 5 ? listText(noDiff.map((i) => i.name)) : tn('nMunicipalities', noDiff.length);
    if (noDiff.length && ranked.length) summary.textContent += ` ${tn('map.summaryNoDiff', noDiff.length, { names: named })}`;
    if (osloApart && ranked.length) summary.textContent += ` ${t('map.summaryNoDiffOslo', { name: osloItem.name, caption: t('map.osloCaption') })}`;

    // For tests and tools: what each unit was drawn as.
    container.dataset.structure = geo.file;
    container.dataset.units = String(main.items.length);
    container.dataset.rendered = String(Number(container.dataset.rendered || 0) + 1);
    mainCanvas.arsverkMap = { chart: m.chart, order: m.order, scheme };
    if (state.oslo) osloCanvas.arsverkMap = { chart: state.oslo.chart, order: state.oslo.order, scheme };
  }

  return { update };
}
