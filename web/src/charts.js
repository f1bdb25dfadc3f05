// Charts with Chart.js (only the components used are registered). Every value drawn comes from the
// core's JSON, the education shares too (tenths of a percent, the decimal placed for the bars).
// Readable without colour: each series has its own fill pattern and line style (a published figure
// its unit's, pale), and values are written next to the bars and points.
// Chart.js is not part of the first load: it is imported with the first chart to draw, so the
// figures (titles, text alternatives, download buttons) are there at once and each canvas is
// drawn as soon as the chunk has come (the service worker keeps it for offline use).
import { setText } from './dom.js';
import { download } from './export.js';
import { percentText, schemaOf, shownRate, tenthsText, unitName } from './format.js';
import { fmtFtes, getLang, listText, serviceName, t, yardstick, yardText } from './i18n.js';
import { resultKey } from './view-model.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

let Chart = null;
let chartLoading = null;
function loadChart() {
  chartLoading ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.LineController, m.LineElement,
      m.PointElement, m.Legend, m.Tooltip);
    m.Chart.defaults.font.family = FONT;
    m.Chart.defaults.font.size = 13;
    m.Chart.defaults.color = INK;
    m.Chart.defaults.animation = false;
    Chart = m.Chart;
    return Chart;
  }, (err) => {
    chartLoading = null;
    throw err;
  });
  return chartLoading;
}

const INK = '#1e2327';
const GRID = '#d8dadc';
// Dark enough for 3:1 against white (WCAG 1.4.11), distinct for common colour-vision deficiencies.
const COLORS = ['#0062ba', '#b44d00', '#1b7a4a', '#6a3d9a', '#56595d', '#a3134b'];
const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'];
// A unit's part in the charts has one colour and pattern wherever it is drawn, whichever others
// are there: orange is always Norway, grey the KOSTRA group. The other municipalities of a ranking
// are a light neutral.
const ROLES = {
  unit: { color: COLORS[0], kind: 'solid' },
  land: { color: COLORS[1], kind: 'diagonal' },
  fylke: { color: COLORS[2], kind: 'dots' },
  oslo: { color: COLORS[3], kind: 'cross' },
  kostra: { color: COLORS[4], kind: 'horizontal' },
  median: { color: COLORS[5], kind: 'vertical' },
};
const OTHERS = '#c4c9ce';
// The education categories are parts of one whole, not units: shades of one hue no unit has (teal),
// dark to light, each with its own pattern; the lightest still 3:1 against white.
const EDUCATION = ['#003f44', '#00656b', '#2b7f84', '#5c9a9f'];


const patternCache = new Map();
// pale: a published figure's fill, the unit's pattern in its colour on a light ground of it.
function pattern(color, kind, pale = false) {
  const key = color + kind + pale;
  if (patternCache.has(key)) return patternCache.get(key);
  const tileCanvas = document.createElement('canvas');
  tileCanvas.width = tileCanvas.height = 10;
  const pen = tileCanvas.getContext('2d');
  pen.fillStyle = color;
  pen.globalAlpha = pale ? 0.25 : 1;
  pen.fillRect(0, 0, 10, 10);
  pen.globalAlpha = 1;
  pen.strokeStyle = pen.fillStyle = pale ? color : 'rgba(255,255,255,0.75)';
  pen.lineWidth = 2;
  pen.beginPath();
  if (kind === 'diagonal') { pen.moveTo(0, 10); pen.lineTo(10, 0); pen.moveTo(-5, 5); pen.lineTo(5, -5); pen.moveTo(5, 15); pen.lineTo(15, 5); }
  if (kind === 'cross') { pen.moveTo(0, 0); pen.lineTo(10, 10); pen.moveTo(0, 10); pen.lineTo(10, 0); }
  if (kind === 'horizontal') { pen.moveTo(0, 5); pen.lineTo(10, 5); }
  if (kind === 'vertical') { pen.moveTo(5, 0); pen.lineTo(5, 10); }
  pen.stroke();
  if (kind === 'dots') { pen.beginPath(); pen.arc(5, 5, 2, 0, Math.PI * 2); pen.fill(); }
  const fillPattern = pen.createPattern(tileCanvas, 'repeat');
  patternCache.set(key, fillPattern);
  return fillPattern;
}
const seriesFill = (i) => pattern(COLORS[i % COLORS.length], PATTERNS[i % PATTERNS.length]);
const roleFill = (role, pale = false) => pattern(ROLES[role].color, ROLES[role].kind, pale);

// White background so a downloaded PNG is readable anywhere (the map uses it too).
export function fillWhite(chart) {
  const { ctx, width, height } = chart;
  ctx.save();
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}
const background = { id: 'background', beforeDraw: fillWhite };

// Where a marker's vertical line stands: between two categories (the 2023/2024 break) or at a value
// (a median); NaN where it cannot be placed.
function markerX(chart, m) {
  const scale = chart.scales.x;
  if (m.betweenIndex == null) return scale.getPixelForValue(m.value);
  return (scale.getPixelForValue(m.betweenIndex - 1) + scale.getPixelForValue(m.betweenIndex)) / 2;
}
const markerLines = (chart) => chart.options.plugins.markers?.lines || [];

// A stacked bar's shares are written on their segments, each on a white ground.
const LABEL_GROUND = '#fff';
const GROUND_PAD = 3;     // the ground's room either side of a share's text
const SEGMENT_MARGIN = 2; // between the ground and its segment's edges

// Values written at the end of each bar / above each point. dataset.valueLabels holds the texts
// (the core's display strings where there are any). A label that would overlap one already
// written (narrow bars on a phone, two lines close together) moves below its point (or beside
// it, on a line), or is left out: the figure is still in the tooltip and the text alternative. A marker's line (the median)
// is drawn before the labels and stops at a label it runs through («2,5» stays readable).
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const stacked = Boolean(chart.options.scales?.x?.stacked);
    const placed = [];
    const lineXs = markerLines(chart).map((m) => markerX(chart, m)).filter(Number.isFinite);
    const free = (r) => !placed.some((p) => r.x < p.x + p.w && p.x < r.x + r.w && r.y < p.y + p.h && p.y < r.y + r.h);
    // On a line chart the points themselves must stay readable too.
    if (chart.config.type === 'line') {
      chart.data.datasets.forEach((ds, di) => chart.getDatasetMeta(di).data.forEach((el, i) => {
        if (ds.data[i] != null) placed.push({ x: el.x - 6, y: el.y - 6, w: 12, h: 12 });
      }));
    }
    ctx.save();
    ctx.font = `600 12px ${FONT}`;
    chart.data.datasets.forEach((ds, di) => {
      if (!ds.valueLabels || !chart.isDatasetVisible(di)) return;
      chart.getDatasetMeta(di).data.forEach((el, i) => {
        const text = ds.valueLabels[i];
        if (!text || ds.data[i] == null) return;
        const w = ctx.measureText(text).width;
        if (stacked) {
          const { x, base, y } = el.getProps(['x', 'base', 'y'], true);
          // A share on its segment stands on a white ground of its own, dark on white (15:1): the
          // segments are hatched, and neither white nor dark text reads on every stripe. Ground and
          // text stay inside the segment (clear of its white border), a size smaller if need be (a
          // phone's «26,7 %»); a segment too short for either keeps no label: its figure is in the
          // tooltip and the text alternative.
          const room = Math.abs(x - base) - 2 * (GROUND_PAD + SEGMENT_MARGIN);
          const size = [12, 10].find((px) => {
            ctx.font = `600 ${px}px ${FONT}`;
            return ctx.measureText(text).width <= room;
          });
          if (size) {
            const tw = ctx.measureText(text).width;
            const cx = (x + base) / 2;
            const gh = size + 6;
            ctx.fillStyle = LABEL_GROUND;
            ctx.fillRect(cx - tw / 2 - GROUND_PAD, y - gh / 2, tw + 2 * GROUND_PAD, gh);
            ctx.fillStyle = INK;
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.fillText(text, cx, y);
          }
          ctx.font = `600 12px ${FONT}`;
          return;
        }
        const h = horizontal ? 11 : 14; // lying bars are close together
        // A point of a line also takes its label beside it, right or left, before the next
        // dataset's: the unit's own figure is never the one left out for a published one near it.
        const beside = chart.config.type === 'line'
          ? [{ x: el.x + 8, y: el.y - h / 2, w, h }, { x: el.x - 8 - w, y: el.y - h / 2, w, h }] : [];
        const spots = horizontal
          ? [{ x: el.x + 4, y: el.y - h / 2, w, h }]
          : [{ x: el.x - w / 2, y: el.y - 4 - h, w, h }, { x: el.x - w / 2, y: el.y + 6, w, h }, ...beside];
        // Inside the canvas: a label at the first or last point may not run off the edge.
        for (const r of spots) r.x = Math.min(Math.max(r.x, chart.chartArea.left + 2), chart.width - w - 2);
        const spot = spots.find(free);
        if (!spot) return;
        placed.push(spot);
        // Beside a point, its own line runs under the label: a white ground keeps it readable.
        if (beside.includes(spot) || lineXs.some((x) => x > spot.x - 4 && x < spot.x + w + 4)) {
          ctx.fillStyle = '#fff';
          ctx.fillRect(spot.x - 3, spot.y - 1, w + 6, h + 2);
        }
        ctx.fillStyle = INK;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(text, spot.x, spot.y + h / 2);
      });
    });
    ctx.restore();
  },
};

// A vertical dashed line between two categories, with a label: the 2023/2024 break, or a median.
// Over the bars, under the value labels (PLUGINS' order).
const markers = {
  id: 'markers',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    for (const m of markerLines(chart)) {
      const x = markerX(chart, m);
      if (!Number.isFinite(x)) continue;
      ctx.save();
      ctx.strokeStyle = INK;
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `600 12px ${FONT}`;
      ctx.fillStyle = INK;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(m.label, x, chartArea.top - 4);
      ctx.restore();
    }
  },
};

const PLUGINS = [background, markers, valueLabels];

function baseOptions(extra = {}) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: getLang() === 'nb' ? 'nb-NO' : 'en-GB',  // axis ticks: "0,5" and "1 000" in Norwegian
    animation: false,
    layout: { padding: { top: 26, right: 48 } },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 28, boxHeight: 16, color: INK } },
      // The figure as written at the bar or point (the core's, as shown), not Chart.js's own
      // rounding of the unrounded rate it draws («2,835»).
      tooltip: {
        enabled: true,
        callbacks: {
          // A label wrapped into lines (a long service's name) is one line again, not joined by commas.
          title: (items) => items.map((item) => [item.chart.data.labels[item.dataIndex]].flat().join(' ')),
          label: (item) => `${item.dataset.label}: ${item.dataset.valueLabels?.[item.dataIndex] ?? '–'}`,
        },
      },
      markers: { lines: [] },
    },
    ...extra,
  };
}

const axisTitle = (text) => ({ display: true, text, color: INK });

// --- the charts ------------------------------------------------------------------------------

// Drawn charts by key; the figures planned by the current renderCharts call; the figures whose
// canvas is still to be drawn (drawCharts), marked aria-busy and dimmed until then.
const charts = new Map();
let planned = [];
const pending = new Set();

// Plans a figure; renderCharts builds or updates it once every figure is planned.
// note: a line under the chart, or none.
function makeFigure(container, key, title, description, height, png, wide = false, note = null) {
  const figure = { key, title, description, height, png, wide, note, config: null };
  planned.push(figure);
  return figure;
}

function draw(key, figure, config) {
  figure.config = config;
}

function buildFigure(plan) {
  const fig = document.createElement('figure');
  fig.className = plan.wide ? 'chart wide' : 'chart';
  fig.dataset.chart = plan.key;
  const cap = document.createElement('figcaption');
  const heading = document.createElement('h4');
  heading.className = 'ds-heading';
  heading.dataset.size = 'xs';
  cap.append(heading);
  const box = document.createElement('div');
  box.className = 'chart-box';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  box.append(canvas);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ds-button';
  button.dataset.variant = 'tertiary';
  button.dataset.size = 'sm';
  // The figure's texts change with each update: the click takes the ones shown then (and draws
  // the canvas first if it is still waiting).
  button.addEventListener('click', async () => {
    await drawCharts();
    downloadPng(fig.plan.key, fig.plan.title, fig.plan.png(fig.plan.key), fig.plan.wide);
  });
  const note = document.createElement('p');
  note.className = 'ds-paragraph note chart-note';
  note.dataset.size = 'sm';
  fig.append(cap, box, note, button);
  fillFigure(fig, plan);
  return fig;
}

// The figure's texts at once (they are what a screen reader reads); its canvas waits for drawCharts.
function fillFigure(fig, plan) {
  fig.plan = plan;
  setText(fig.querySelector('h4'), plan.title);
  const box = fig.querySelector('.chart-box');
  const height = `${plan.height}px`;
  if (box.style.height !== height) box.style.height = height;
  const canvas = box.querySelector('canvas');
  canvas.setAttribute('aria-label', `${plan.title}. ${plan.description}`);
  setText(canvas, plan.description);
  const note = fig.querySelector('.chart-note');
  note.hidden = !plan.note;
  setText(note, plan.note ?? '');
  delete fig.dataset.stale;
  const button = fig.querySelector('button');
  button.disabled = false;
  setText(button, t('downloadPng'));
  button.setAttribute('aria-label', `${t('downloadPng')}: ${plan.title}`);
  fig.setAttribute('aria-busy', 'true');
  pending.add(fig);
}

// The same figures as shown, each of the same kind: updated in place (drawCharts then updates
// their charts instead of making new canvases). Otherwise every figure is built anew.
function showPlanned(container, plans) {
  const figures = [...container.children];
  const kind = (plan) => `${plan.key} ${plan.config.type} ${plan.config.options.indexAxis ?? 'x'}`;
  if (figures.length === plans.length && plans.every((plan, i) => figures[i].plan && kind(figures[i].plan) === kind(plan))) {
    plans.forEach((plan, i) => fillFigure(figures[i], plan));
    return;
  }
  destroyCharts();
  container.replaceChildren(...plans.map(buildFigure));
}

// Draws the canvases of the figures planned last: a new chart, or the shown one updated in place.
// Those in view (or near it) are drawn at once; the rest one per task after, so that a change's
// frame carries only what can be seen and the page answers input in between. The answer is null
// when all are drawn, else a promise settled when they are (shared by every call until then; a
// figure planned anew meanwhile is drawn by the same round). `all`: every one at once (printing).
// Before the first chart of a visit Chart.js is still to come: then the promise is settled when it
// has come and the canvases are drawn (or each figure says it could not be).
export function drawCharts(all = false) {
  if (!Chart) return loadChart().then(() => drawCharts(all), chartsFailed);
  // Which are in view is asked of every figure before any is drawn: a chart drawn changes the
  // layout, and asking after it would lay the page out again.
  const now = [...pending].filter((fig) => all || !fig.isConnected || nearView(fig));
  for (const fig of now) drawFigure(fig);
  if (!pending.size) return null;
  rest ??= new Promise((resolve) => {
    const next = () => {
      const [fig] = pending;
      if (fig) drawFigure(fig);
      if (pending.size) setTimeout(next);
      else {
        rest = null;
        resolve();
      }
    };
    setTimeout(next);
  });
  return rest;
}
let rest = null; // the round drawing the figures out of view, while there is one

// Within half a screen of the view. Asked after the change's frame was painted, so the layout is
// fresh and this costs no extra one.
function nearView(fig) {
  const box = fig.getBoundingClientRect();
  const margin = window.innerHeight / 2;
  return box.bottom > -margin && box.top < window.innerHeight + margin && box.width > 0;
}

function drawFigure(fig) {
  pending.delete(fig);
  if (!fig.isConnected) return;
  const { key, config } = fig.plan;
  const chart = charts.get(key);
  if (chart) {
    chart.options = config.options;
    chart.data = config.data;
    chart.update('none');
  } else {
    const canvas = fig.querySelector('canvas');
    const drawn = new Chart(canvas, { ...config, plugins: PLUGINS });
    charts.set(key, drawn);
    canvas.arsverkChart = drawn;  // for tests and tools: what was drawn
  }
  if (forPrint) fitForPrint(charts.get(key));
  fig.removeAttribute('aria-busy');
}

function chartsFailed(err) {
  for (const fig of pending) {
    const note = document.createElement('p');
    note.className = 'ds-paragraph note';
    note.textContent = t('chartFailed', { message: err.message });
    fig.querySelector('.chart-box')?.replaceWith(note);
    fig.removeAttribute('aria-busy');
  }
  pending.clear();
}

// The downloaded image stands alone, like the map's: title, unit, year and measure above the
// chart, the source and the date below, and a file name that says what it is. The chart is drawn
// again at a fixed size, so the picture is the same from a phone as from a desktop.
export const PNG_WIDTH = 600;  // CSS pixels; the image is PNG_SCALE times as many
const PNG_WIDTH_WIDE = 1000; // a wide figure (M1–M4 side by side for several units): room for every value label
export const PNG_SCALE = 2;

function downloadPng(key, title, png, wide) {
  const shown = charts.get(key);
  if (!shown) return;
  const canvas = renderForPng(shown, shown.canvas.parentElement.clientHeight || shown.height, wide ? PNG_WIDTH_WIDE : PNG_WIDTH);
  downloadComposed(canvas, title, png);
}

// A picture drawn at PNG_SCALE (`canvas`) with the title and subtitle above it and the source
// below, downloaded as png.fileName. The map's PNG is made the same way.
export function downloadComposed(canvas, title, png) {
  const scale = PNG_SCALE;
  const pad = 16 * scale;
  const out = document.createElement('canvas');
  const pen = out.getContext('2d');
  const font = (size, weight = 400) => `${weight} ${size * scale}px ${FONT}`;
  const width = canvas.width;
  // A warning (synthetic example data) is a band of its own above the title.
  const warning = png.warning ? { lines: wrapToWidth(pen, png.warning, font(14, 700), width - 4 * pad), font: font(14, 700), size: 19 * scale } : null;
  const band = warning ? warning.lines.length * warning.size + pad : 0;
  const blocks = [
    { lines: wrapToWidth(pen, title, font(16, 600), width - 2 * pad), font: font(16, 600), size: 21 * scale },
    { lines: wrapToWidth(pen, png.subtitle, font(13), width - 2 * pad), font: font(13), size: 18 * scale },
  ];
  const source = { lines: wrapToWidth(pen, png.source, font(11), width - 2 * pad), font: font(11), size: 15 * scale };
  const head = blocks.reduce((sum, b) => sum + b.lines.length * b.size, pad + band);
  out.width = width;
  out.height = Math.ceil(head + pad / 2 + canvas.height + pad / 2 + source.lines.length * source.size + pad);
  pen.fillStyle = '#fff';
  pen.fillRect(0, 0, out.width, out.height);
  pen.textBaseline = 'top';
  let lineTop = pad;
  if (warning) {
    pen.fillStyle = '#fde7c5';
    pen.fillRect(pad, pad / 2, width - 2 * pad, band);
    pen.fillStyle = '#7a3e00';
    pen.font = warning.font;
    lineTop = pad;
    for (const line of warning.lines) { pen.fillText(line, 2 * pad, lineTop); lineTop += warning.size; }
    lineTop = pad + band;
  }
  pen.fillStyle = INK;
  for (const b of blocks) {
    pen.font = b.font;
    for (const line of b.lines) { pen.fillText(line, pad, lineTop); lineTop += b.size; }
  }
  pen.drawImage(canvas, 0, head + pad / 2);
  lineTop = head + pad + canvas.height;
  pen.font = source.font;
  for (const line of source.lines) { pen.fillText(line, pad, lineTop); lineTop += source.size; }
  out.toBlob((blob) => { if (blob) download(png.fileName, blob); }, 'image/png');
}

// The chart on screen drawn once more, `width` CSS pixels wide at PNG_SCALE, on a canvas of its own.
function renderForPng(shown, height, width) {
  const box = document.createElement('div');
  box.style.cssText = `position:fixed;left:-${width * 2}px;top:0;width:${width}px;height:${height}px;visibility:hidden`;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  box.append(canvas);
  document.body.append(box);
  const { type, data, options } = shown.config;
  const copy = new Chart(canvas, {
    type,
    data: { labels: data.labels, datasets: data.datasets.map((d) => ({ ...d })) },
    options: { ...options, responsive: false, devicePixelRatio: PNG_SCALE, animation: false, layout: { padding: { ...options.layout?.padding, left: 12 } } },
    plugins: PLUGINS,
  });
  copy.draw();
  const image = document.createElement('canvas');
  image.width = canvas.width;
  image.height = canvas.height;
  image.getContext('2d').drawImage(canvas, 0, 0);
  copy.destroy();
  box.remove();
  return image;
}

function wrapToWidth(g, text, font, width) {
  g.font = font;
  const lines = [];
  let line = '';
  for (const word of String(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) { lines.push(line); line = word; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

// Printing lays the page out anew at the paper's width, without the resize that follows a change of
// width on screen: a chart drawn for a desktop window would be cut off. So before printing every
// chart is drawn for its place on the printed page (print.css: A4 less 12 mm margins, two charts
// a row at 10.5 pt, a wide one across), and after printing for the screen again. (print.css also
// scales a canvas down to its box, should the page be printed at another paper size.)
const PRINT_WIDTH = (186 / 25.4) * 96; // CSS pixels
const PRINT_GAP = 0.75 * 14;           // .charts gap
const PRINT_CHROME = 2 * (0.5 * 14 + 1); // .chart padding and border

// While printing, a chart drawn late (its unit's breakdowns came after 'beforeprint') is fitted
// to the paper too: at the screen's width it would be cut off.
let forPrint = false;
function fitForPrint(chart) {
  const wide = chart.canvas.closest('.chart')?.classList.contains('wide');
  const width = Math.floor((wide ? PRINT_WIDTH : (PRINT_WIDTH - PRINT_GAP) / 2) - PRINT_CHROME);
  // The box too: Chart.js follows its box's size (a ResizeObserver), and a box still as wide as on
  // screen would undo the fit as soon as its height changes with the printed plan.
  chart.canvas.parentElement.style.width = `${width}px`;
  chart.resize(width, chart.canvas.parentElement.clientHeight);
}

export function fitChartsForPrint() {
  forPrint = true;
  for (const chart of charts.values()) fitForPrint(chart);
}

export function fitChartsToScreen() {
  forPrint = false;
  for (const chart of charts.values()) {
    chart.canvas.parentElement.style.width = '';
    chart.resize();
  }
}

export function destroyCharts() {
  for (const c of charts.values()) c.destroy();
  charts.clear();
  pending.clear();
}

// The container's width, kept by a ResizeObserver so that a render need not force a layout to
// learn it. Until the container has been laid out (it is hidden before the first results), its
// section stands for it: the charts fill the section's content box, and the page watches the
// section from the start (watchWidth). Read directly only when neither is known.
const NARROW_BELOW = 560; // CSS pixels of the container
const widths = new WeakMap();
const watched = new WeakSet();
let shownPlan = null; // {container, narrow} of the charts shown, planned for the screen
let replan = null;    // set by the page: plans the charts anew
const widthWatch = new ResizeObserver((entries) => {
  for (const e of entries) widths.set(e.target, e.contentRect.width); // laid out already: no forced layout
  // Laid out at another width than planned for (a phone turned, a window resized, a scroll bar
  // come): the bars lie down or stand up.
  const width = shownPlan && widths.get(shownPlan.container);
  if (width && (width < NARROW_BELOW) !== shownPlan.narrow) replan?.();
});

// `section`: the element whose content box the charts' container fills; `plan`: renders the charts.
export function watchWidth(section, plan) {
  watched.add(section);
  widthWatch.observe(section);
  replan = plan;
}

function widthOf(container) {
  if (!watched.has(container)) {
    watched.add(container);
    widthWatch.observe(container);
  }
  return widths.get(container) || widths.get(container.closest('section')) || container.clientWidth;
}

const MEASURES = ['M1', 'M2', 'M3', 'M4'];
// An aggregate that rests on too few of its municipalities would only repeat the unit: left out of
// every chart (the coverage line under the comparison table says why).
const comparable = (r) => (r?.aggregate_coverage?.meaningful === false ? null : r);
const rate = (r, m) => (r && r.per_1000 ? r.per_1000[m] : null);
const shown = (r, m) => shownRate(r, m);
// The yardstick: the year's published figures, else the latest earlier year's (labelled with it).
const yardFigure = (r, m) => {
  const published = yardstick(r);
  return published?.per_1000?.[m] != null ? { rate: published.per_1000[m], shown: shownRate(published, m) } : null;
};
// A result's published figures in the shape of a result, for the time series.
const asPublished = (r) => (r?.published ? { schema: r.schema, per_1000: r.published.per_1000, tenths: r.published.tenths } : null);

// What a downloaded image says besides its title: unit, year(s), measure; source; file name.
function pngInfo(ctx, key) {
  const { unit, measure, year } = ctx;
  const perMeasure = !['sammenligning', 'utdanning', 'tjenester'].includes(key);
  const years = ctx.series.map((s) => s.year);
  const when = key === 'tidsserie' && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(year);
  const what = perMeasure ? `${measure} ${ctx.measureLabel(measure)}` : key === 'sammenligning' ? 'M1–M4' : null;
  const per = key === 'utdanning' || key === 'tjenester' ? null : t('perThousand');
  return {
    subtitle: [unitName(unit), when, what, per].filter(Boolean).join(', '),
    source: ctx.source,
    warning: ctx.warning ?? '',
    fileName: `${t('pngName.prefix')}_${t(`pngName.${key}`)}_${String(unit.code).toLowerCase()}_${perMeasure ? `${measure.toLowerCase()}_` : ''}${when.replace('–', '-')}.png`,
  };
}

// The year in view comes before the whole report (docs/web.md, "The year first"), without the
// years and breakdowns the charts draw: the figures there stay, dimmed as busy, without their
// download and left out of print (data-stale: their image would be of the report before), until
// renderCharts plans them from the whole report.
export function chartsAwaitReport(container) {
  for (const fig of container.querySelectorAll(':scope > figure')) {
    fig.setAttribute('aria-busy', 'true');
    fig.dataset.stale = '';
    fig.querySelector('button').disabled = true;
  }
}

// The whole report did not come (the status says why): the charts shown, of the report before,
// go, and a line says why there are none.
export function chartsWithoutReport(container, message) {
  destroyCharts();
  const note = document.createElement('p');
  note.className = 'ds-paragraph note';
  note.textContent = t('chartsWithoutReport', { message });
  container.replaceChildren(note);
}

// ctx: {unit, year, measure, scope, peers: {fylke, land, kostra, oslo}, series: [{year, result, versus}],
//       seriesPeer (what `versus` is: 'oslo', 'land' or null),
//       breakdowns: Map of resultKey -> {by_group, by_service} (the unit's and Norway's in view),
//       ranking: [results], rankingReference: [report.reference entries], rankingTitle,
//       measureLabel(m), source (for the PNGs), print (planned for A4)}
export function renderCharts(container, ctx) {
  planned = [];
  const { unit, measure } = ctx;
  const describe = (rows) => rows.filter(Boolean).join('; ');
  const png = (key) => pngInfo(ctx, key);
  // A phone has no room for four groups of five bars side by side: the bars lie down. Nor has half
  // an A4 page (ctx.print: planned for the printed page, with room for the legends).
  const narrow = ctx.print || widthOf(container) < NARROW_BELOW;
  const lying = narrow && !ctx.print; // the wide figure has a printed page's whole width
  shownPlan = ctx.print ? null : { container, narrow };

  // 1. The unit against its county, Norway and KOSTRA group, M1–M4.
  {
    // [name, role, text, value, published]
    const rows = [[unitName(unit), 'unit', (m) => shown(unit, m), (m) => rate(unit, m)]];
    const { oslo } = ctx.peers;
    const [fylke, land, kostra] = [comparable(ctx.peers.fylke), comparable(ctx.peers.land), comparable(ctx.peers.kostra)];
    if (oslo) rows.push([unitName(oslo), 'oslo', (m) => shown(oslo, m), (m) => rate(oslo, m)]);
    if (fylke) rows.push([unitName(fylke), 'fylke', (m) => shown(fylke, m), (m) => rate(fylke, m)]);
    if (land && land !== unit) rows.push([unitName(land), 'land', (m) => shown(land, m), (m) => rate(land, m)]);
    // The published figures beside the user's own (the yardstick), never mixed into them: the
    // unit's colour, pale.
    for (const [r, role] of [[unit, 'unit'], [ctx.peers.fylke, 'fylke'], [ctx.peers.land !== unit ? ctx.peers.land : null, 'land']]) {
      const published = yardstick(r);
      if (published) rows.push([yardText(published, unitName(r)), role, (m) => yardFigure(r, m)?.shown ?? null, (m) => yardFigure(r, m)?.rate ?? null, true]);
    }
    if (kostra) {
      rows.push([unitName(kostra), 'kostra', (m) => shown(kostra, m), (m) => rate(kostra, m)]);
      if (kostra.distribution && ctx.medianMeaningful) {
        // A measure too few members have has no median to show (median_tenths null), nor a bar.
        const med = (m) => (kostra.distribution[m]?.median_tenths != null ? kostra.distribution[m].median : null);
        const coverage = kostra.distribution_coverage;
        const label = `${t('median')} ${unitName(kostra)}`;
        rows.push([coverage?.from_reference && coverage.reference_year !== kostra.year ? t('yard.medianRefYear', { label, year: coverage.reference_year }) : label, 'median', (m) => tenthsText(kostra.distribution[m]?.median_tenths ?? null) ?? '–', med]);
      }
    }
    const labels = MEASURES;
    // A row with nothing to draw (a unit with no figure of its own) is left out, legend too.
    const datasets = rows.map(([name, role, text, value, published]) => ({
      label: name,
      data: MEASURES.map(value),
      valueLabels: MEASURES.map(text),
      backgroundColor: roleFill(role, published),
      borderColor: ROLES[role].color,
      borderWidth: 1,
    })).filter((d) => d.data.some((v) => v != null));
    // The title names what the unit is compared with here (a county has no county, Norway no peer).
    const roles = [oslo && 'oslo', fylke && 'fylke', land && land !== unit && 'land', kostra && 'kostra'].filter(Boolean);
    const title = roles.length ? t('chartCompare', { name: unitName(unit), list: listText(roles.map((r) => t(`chartCompareRoles.${r}`))) })
      : t('chartCompareAlone', { name: unitName(unit) });
    const canvas = makeFigure(container, 'sammenligning', title,
      describe(rows.map(([name, , text]) => `${name}: ${MEASURES.map((m) => `${m} ${text(m) ?? '–'}`).join(', ')}`)),
      lying ? 140 + rows.length * 4 * 17 : 340, png, true);
    const valueAxis = { beginAtZero: true, title: axisTitle(t('perThousandShort')), grid: { color: GRID } };
    draw('sammenligning', canvas, {
      type: 'bar',
      data: { labels, datasets },
      options: baseOptions(lying
        ? { indexAxis: 'y', scales: { x: valueAxis, y: { grid: { display: false } } } }
        : { scales: { y: valueAxis, x: { grid: { display: false } } } }),
    });
  }

  // 2. Education composition: the core's shares of M1, in tenths of a percent, in the schema's order.
  // Not of a municipality rule 2 leaves out of the display: its cards say «ikke beregnet».
  {
    const rows = [unit, ctx.peers.oslo, ctx.peers.fylke, ctx.peers.land !== unit ? ctx.peers.land : null, ctx.peers.kostra]
      .map((r) => (r === unit ? (r.suppressed ? null : r) : comparable(r)))
      .filter((r) => r?.education);
    if (rows.length) {
      const names = t(`education.${unit.schema}`);
      const shares = rows.map((r) => r.education.share_tenths);
      const label = (tenths) => `${percentText(tenths, 1)}\u00a0%`;
      const datasets = names.map((name, k) => ({
        label: name,
        data: shares.map((s) => s[k] / 10),
        valueLabels: shares.map((s) => label(s[k])),
        backgroundColor: pattern(EDUCATION[k % EDUCATION.length], PATTERNS[k % PATTERNS.length]),
        borderColor: '#fff',
        borderWidth: 1,
      }));
      const canvas = makeFigure(container, 'utdanning', t('chartEducation'),
        describe(rows.map((r, i) => `${unitName(r)}: ${names.map((n, k) => `${n} ${label(shares[i][k])}`).join(', ')}`)),
        // Room for the legend's four long entries, on up to four lines.
        (narrow ? 220 : 170) + rows.length * 48, png);
      draw('utdanning', canvas, {
        type: 'bar',
        data: { labels: rows.map((r) => wrap(unitName(r), narrow ? 14 : 60)), datasets },
        options: baseOptions({
          indexAxis: 'y',
          scales: {
            x: { stacked: true, min: 0, max: 100, title: axisTitle(t('shareAxis')), grid: { color: GRID } },
            y: { stacked: true, grid: { display: false } },
          },
          // The shares are written inside their bars, so on a phone the room kept at the right for
          // a value label goes to the legend's long names instead, with smaller boxes.
          ...(lying ? {
            layout: { padding: { top: 26, right: 12 } },
            plugins: { ...baseOptions().plugins, legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 12, color: INK } } },
          } : {}),
        }),
      });
    }
  }

  // 3. Over time, with the 2023/2024 break as a break: one series per schema, and a marker. Not
  // drawn when no year has a figure to draw (bare axes said nothing).
  if (ctx.series.length) drawSeries();
  function drawSeries() {
    const years = ctx.series.map((s) => s.year);
    const labels = years.map(String);
    const breakIndex = years.findIndex((y) => schemaOf(y) === '2024');
    const hasBreak = breakIndex > 0;
    // The published figures in their unit's colour, dotted, as hollow diamonds (pale, as in the bars;
    // a figure of the unit's own under one still shows through). A series is a dataset per schema,
    // so that its line breaks at 2023/2024; they share one legend entry (`series`).
    const line = (name, pick, role, dash, pointStyle, hollow = false) => {
      const out = [];
      for (const schema of ['2015', '2024']) {
        const data = ctx.series.map((s) => {
          const r = pick(s);
          return r && r.schema === schema ? rate(r, measure) : null;
        });
        if (data.every((v) => v == null)) continue;
        out.push({
          label: name,
          series: name,
          data,
          valueLabels: ctx.series.map((s) => { const r = pick(s); return r && r.schema === schema ? shown(r, measure) : null; }),
          borderColor: ROLES[role].color,
          backgroundColor: hollow ? 'rgba(255,255,255,0)' : ROLES[role].color,
          borderDash: dash,
          pointStyle,
          pointRadius: hollow ? 7 : 5,
          pointBorderWidth: hollow ? 2 : 1,
          spanGaps: false,
          tension: 0,
        });
      }
      return out;
    };
    const datasets = [...line(unitName(unit), (s) => s.result, 'unit', [], 'circle')];
    // Compared with Norway, or a district with Oslo (as in the comparison chart and table).
    const role = ctx.seriesPeer;
    const versus = (s) => comparable(s.versus);
    const compared = role && ctx.series.some(versus);
    // Named as in the year in view, as the unit is («Oslo - Oslove» from 2024, «Oslo» before).
    const named = (pick) => unitName(pick(ctx.series.find((s) => s.year === ctx.year && pick(s)) ?? ctx.series.find(pick)));
    if (compared) datasets.push(...line(named(versus), versus, role, [6, 4], 'triangle'));
    if (ctx.series.some((s) => s.result?.published)) datasets.push(...line(t('yard.published', { value: unitName(unit) }), (s) => asPublished(s.result), 'unit', [2, 3], 'rectRot', true));
    else if (role && ctx.series.some((s) => s.versus?.published)) {
      datasets.push(...line(t('yard.published', { value: named((s) => s.versus) }), (s) => asPublished(s.versus), role, [2, 3], 'rectRot', true));
    }
    if (!datasets.length) return;
    const title = compared ? t('chartSeriesVersus', { role: t(`chartCompareRoles.${role}`) }) : t('chartSeries');
    const canvas = makeFigure(container, 'tidsserie', `${title} (${measure})`,
      describe([...ctx.series.map((s) => `${s.year}: ${shown(s.result, measure) ?? '–'}`), hasBreak ? t('breakLabel') : '']), 320, png);
    draw('tidsserie', canvas, {
      type: 'line',
      data: { labels, datasets },
      options: baseOptions({
        // One year alone stands in the middle, not on the value axis with its label over it.
        scales: { y: { beginAtZero: true, title: axisTitle(`${measure}, ${t('perThousandShort')}`), grid: { color: GRID } }, x: { offset: labels.length === 1, grid: { display: false } } },
        plugins: {
          ...baseOptions().plugins,
          legend: {
            position: 'bottom',
            labels: { usePointStyle: true, color: INK, filter: (item, data) => firstOfSeries(data.datasets, item.datasetIndex) },
            onClick: (event, item, legend) => toggleSeries(legend.chart, item.datasetIndex),
          },
          markers: { lines: hasBreak ? [{ betweenIndex: breakIndex, label: t('breakLabel') }] : [] },
        },
      }),
    });
  }

  // 4. Every municipality of the group (or county), sorted, the chosen one highlighted; those
  // without figures of their own that a reference file gives a published rate for as lighter,
  // striped bars labelled as published (they count in the group's median, never in sums).
  {
    const chosen = (bar) => !bar.reference && bar.r.level === unit.level && bar.r.code === unit.code;
    const own = ctx.ranking.filter((r) => rate(r, measure) != null)
      .map((r) => ({ r, value: rate(r, measure), text: shown(r, measure), reference: false }));
    const published = (ctx.rankingReference ?? []).filter((e) => e.per_1000?.[measure] != null)
      .map((e) => ({ r: e, value: e.per_1000[measure], text: t('yard.publishedShort', { value: shownRate(e, measure) }), reference: true }));
    const list = [...own, ...published].sort((a, b) => b.value - a.value || a.r.code.localeCompare(b.r.code));
    if (list.length > 1) {
      const name = (bar) => (bar.reference ? t('yard.refBar', { name: unitName(bar.r), year: bar.r.year }) : chosen(bar) ? `► ${unitName(bar.r)}` : unitName(bar.r));
      // On a phone long names take two lines rather than being cut at the edge.
      const labels = list.map((bar) => wrap(name(bar), narrow ? 14 : 60));
      const years = [...new Set(published.map((bar) => bar.r.year))].join(', ');
      const series = (label, pick, fill, border, width) => ({
        label,
        data: list.map((bar) => (pick(bar) ? bar.value : null)),
        valueLabels: list.map((bar) => (pick(bar) ? bar.text : null)),
        backgroundColor: fill,
        borderColor: border,
        borderWidth: width,
        grouped: false,  // one bar per row: the series only tell own, chosen and published apart
      });
      const datasets = [
        series(t('yard.ownBars'), (bar) => !bar.reference && !chosen(bar), OTHERS, ROLES.kostra.color, 1),
        series(`► ${unitName(unit)}`, chosen, roleFill('unit'), INK, 2),
        series(t('yard.refBars', { year: years }), (bar) => bar.reference, pattern(ROLES.kostra.color, 'diagonal', true), ROLES.kostra.color, 1),
      ];
      const median = ctx.rankingMedian;
      const canvas = makeFigure(container, 'rangering', `${ctx.rankingTitle} (${measure})`,
        // In order, unnumbered: equal figures share a place (the core's rank_shown, on the cards).
        describe(list.map((bar) => `${name(bar)} ${bar.text}`)), 80 + list.length * (narrow ? 30 : 22) + (published.length ? 30 : 0), png);
      draw('rangering', canvas, {
        type: 'bar',
        data: { labels, datasets },
        options: baseOptions({
          indexAxis: 'y',
          scales: {
            x: { beginAtZero: true, title: axisTitle(t('perThousand')), grid: { color: GRID } },
            y: {
              grid: { display: false },
              ticks: { autoSkip: false, font: (c) => ({ weight: list[c.index] && chosen(list[c.index]) ? 'bold' : 'normal' }) },
            },
          },
          plugins: {
            ...baseOptions().plugins,
            // The legend only where published bars stand beside the own ones.
            legend: {
              display: published.length > 0,
              position: 'bottom',
              labels: { boxWidth: 28, boxHeight: 16, color: INK, filter: (item, data) => data.datasets[item.datasetIndex].data.some((v) => v != null) },
            },
            markers: { lines: median != null ? [{ value: median.median, label: `${t('median')} ${tenthsText(median.median_tenths)}` }] : [] },
          },
        }),
      });
    }
  }

  // The breakdowns by target group and service of the unit and Norway, as the core gave them apart.
  const byGroup = (r) => ctx.breakdowns.get(resultKey(r))?.by_group;
  // 5. By target group (rates), when the input has target groups.
  {
    const own = byGroup(unit) ?? {};
    const groups = Object.keys(own).filter((g) => own[g].per_1000);
    if (groups.length) {
      const rows = [unit, ctx.peers.land !== unit ? comparable(ctx.peers.land) : null].filter((r) => r && byGroup(r));
      const datasets = rows.map((r) => ({
        label: unitName(r),
        data: groups.map((g) => byGroup(r)[g]?.per_1000?.[measure] ?? null),
        valueLabels: groups.map((g) => tenthsText(byGroup(r)[g]?.tenths?.[measure] ?? null) ?? '–'),
        backgroundColor: roleFill(r === unit ? 'unit' : 'land'),
        borderColor: ROLES[r === unit ? 'unit' : 'land'].color,
        borderWidth: 1,
      }));
      const canvas = makeFigure(container, 'malgruppe', `${t('chartGroups')} (${measure})`,
        describe(rows.map((r) => `${unitName(r)}: ${groups.map((g) => `${t(`groups.${g}`)} ${tenthsText(byGroup(r)[g]?.tenths?.[measure] ?? null) ?? '–'}`).join(', ')}`)), 300, png,
        false, t('chartGroupsNote', { measure }));
      draw('malgruppe', canvas, {
        type: 'bar',
        data: { labels: groups.map((g) => t(`groups.${g}`)), datasets },
        options: baseOptions({
          scales: { y: { beginAtZero: true, title: axisTitle(t('perThousandShort')), grid: { color: GRID } }, x: { grid: { display: false } } },
        }),
      });
    }
  }

  // 6. By service category (årsverk, M1), when the input has service categories.
  {
    const services = (ctx.breakdowns.get(resultKey(unit))?.by_service ?? []).filter((s) => s.arsverk.M1 > 0)
      .sort((a, b) => b.arsverk.M1 - a.arsverk.M1);
    if (services.length) {
      const name = (s) => serviceName(s.service);
      // The figure is half the page wide on a desktop: a 40-character label on one line is cut on
      // the left there («…treach services and follow-up at home»).
      const labels = services.map((s) => wrap(name(s), narrow ? 18 : 26));
      // Each bar as tall as the longest label needs, so wrapped names never run into each other.
      const lines = Math.max(...labels.map((l) => l.length));
      const canvas = makeFigure(container, 'tjenester', t('chartServices'),
        describe(services.map((s) => `${name(s)}: ${fmtFtes(s.arsverk.M1)}`)), 90 + services.length * Math.max(30, 16 * lines + 14), png);
      draw('tjenester', canvas, {
        type: 'bar',
        data: {
          labels,
          datasets: [{
            label: t('arsverkAxis'),
            data: services.map((s) => s.arsverk.M1),
            valueLabels: services.map((s) => fmtFtes(s.arsverk.M1)),
            backgroundColor: seriesFill(0),
            borderColor: COLORS[0],
            borderWidth: 1,
          }],
        },
        options: baseOptions({
          indexAxis: 'y',
          scales: {
            x: { beginAtZero: true, title: axisTitle(t('arsverkAxis')), grid: { color: GRID } },
            y: { grid: { display: false }, ticks: { autoSkip: false } },
          },
          plugins: {
            ...baseOptions().plugins,
            legend: { display: false },
          },
        }),
      });
    }
  }
  showPlanned(container, planned);
  container.dataset.lang = getLang();
}

// The time series' legend: an entry for the first dataset of each series, which shows or hides all of them.
const firstOfSeries = (datasets, index) => datasets.findIndex((d) => d.series === datasets[index].series) === index;
function toggleSeries(chart, index) {
  const { series } = chart.data.datasets[index];
  const show = !chart.isDatasetVisible(index);
  chart.data.datasets.forEach((d, i) => { if (d.series === series) chart.setDatasetVisibility(i, show); });
  chart.update();
}

// Splits a long label into lines of at most `width` characters. A word longer than a line
// ("Behandling/oppfølging/rehabilitering/koordinering") is broken after its slashes, so that no
// part of it is cut off.
function wrap(text, width) {
  const parts = []; // [piece, glue before it]
  for (const w of String(text).split(' ')) {
    const pieces = w.length > width ? w.split(/(?<=\/)/) : [w];
    pieces.forEach((p, i) => parts.push([p, i === 0 ? ' ' : '']));
  }
  const lines = [];
  let line = '';
  for (const [p, glue] of parts) {
    if (line && (line + glue + p).length > width) { lines.push(line); line = p; } else line = line ? `${line}${glue}${p}` : p;
  }
  // A short last word ("KOSTRA-gruppe 9") stays with the line before it rather than alone.
  if (line && line.length <= 2 && lines.length) lines[lines.length - 1] += ` ${line}`;
  else if (line) lines.push(line);
  return lines;
}
