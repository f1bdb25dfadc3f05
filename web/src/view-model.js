// The page's view model: the core's report indexed by unit and year, and what a view of one unit
// takes from it (its comparisons, its ranking, an aggregate's members, the first unit to show, a
// unit found by a search). Pure: no DOM, no texts; every input is an argument. The model is
// {report, index, units, renumbered} as indexReport() makes it (web/src/main.js keeps it in its
// state). Tests: tests/web/view-model.test.mjs (Node, over the wasm module's reports).

export const LEVEL_ORDER = ['land', 'fylke', 'kostragruppe', 'kommune', 'bydel'];

// index: "level:code:year" -> result; units: "level:code" -> {level, code, name, fylke,
// kostragruppe}; renumbered: "kommune:3001" <-> "kommune:3101", one municipality across the 2024
// renumbering. nameOf: a result's name in the page's language (the report gives Norway's and the
// KOSTRA groups' as {nb, en}; web/src/format.js's unitName); Norwegian when not given.
const norwegianName = (r) => (typeof r?.name === 'string' ? r.name : r?.name?.nb);
export function indexReport(report, { nameOf = norwegianName } = {}) {
  const model = { report, nameOf, index: new Map(), units: new Map(), renumbered: new Map() };
  for (const r of report.results) {
    linkRenumbered(model, r);
    model.index.set(resultKey(r), r);
    // Later years come later: the newest name and grouping wins.
    model.units.set(`${r.level}:${r.code}`, { level: r.level, code: r.code, name: '', fylke: r.fylke, kostragruppe: r.kostragruppe });
  }
  return nameUnits(model, nameOf);
}

// The units' names in the language nameOf gives (a change of language: the rest of the index
// stays). The newest name wins; Norway and a KOSTRA group are found by their name in the other
// language too («Hele landet» in English).
export function nameUnits(model, nameOf) {
  model.nameOf = nameOf;
  for (const r of model.report.results) {
    const unit = model.units.get(`${r.level}:${r.code}`);
    unit.name = nameOf(r);
    const otherName = typeof r.name === 'object' && r.name ? Object.values(r.name).find((n) => n !== unit.name) : undefined;
    if (otherName) unit.otherName = otherName;
    else delete unit.otherName;
  }
  return model;
}

// The most useful first view: the one municipality (or district) in the files; else the one
// KOSTRA group or county they all belong to; else Norway, with every municipality ranked in the
// table (rankMunicipalities: the table filtered to municipalities and sorted by the chart measure,
// highest first). An aggregate only when it has a figure of its own in the year in view: one
// resting on too few of its municipalities (a file of four) would open on dashes, so the first of
// the files' municipalities with a figure is shown instead, all of them ranked in the table.
export function defaultView(model) {
  const units = [...model.units.values()];
  const local = units.filter((u) => u.level === 'kommune' || u.level === 'bydel');
  // One municipality under two numbers (3001 and 3101 Halden) counts once.
  const own = local.filter((u) => u.level === 'kommune' && !newerNumberHeld(model, `kommune:${u.code}`));
  if (own.length === 1) return { unitKey: `kommune:${own[0].code}`, rankMunicipalities: false };
  if (local.length === 1) return { unitKey: `${local[0].level}:${local[0].code}`, rankMunicipalities: false };
  const year = model.year ?? model.report.years.at(-1);
  const shows = (key) => key && hasFigure(model.index.get(`${key}:${year}`));
  const shared = (field, level) => {
    const codes = new Set(own.map((u) => u[field]));
    const [code] = codes;
    return codes.size === 1 && code ? `${level}:${code}` : null;
  };
  const group = own.length > 1 ? [shared('kostragruppe', 'kostragruppe'), shared('fylke', 'fylke')].find(shows) : null;
  if (group) return { unitKey: group, rankMunicipalities: false };
  const rank = own.length > 1;
  if (shows('land:0') || !local.length) {
    const unitKey = model.units.has('land:0') ? 'land:0' : model.units.keys().next().value ?? null;
    return { unitKey, rankMunicipalities: rank };
  }
  const first = sortedUnits(model).find((u) => (u.level === 'kommune' || u.level === 'bydel') && hasFigure(model.index.get(`${u.level}:${u.code}:${year}`)))
    ?? local[0];
  return { unitKey: `${first.level}:${first.code}`, rankMunicipalities: rank };
}

// A result with a rate of its own on screen: not suppressed, some measure given, and (an
// aggregate) resting on enough of its municipalities (docs/output.md, aggregate_coverage).
const hasFigure = (r) => Boolean(r && r.aggregate_coverage?.meaningful !== false && r.tenths && Object.values(r.tenths).some((v) => v != null));

// A plain change of number (3001 Halden → 3101 Halden) links the two keys both ways; a split or a
// merge (continuity false) is not one municipality and stays apart, with the core's note.
function linkRenumbered(model, r) {
  const n = r.renumbering;
  if (!n || n.continuity === false) return;
  const other = [].concat(n.successor ?? n.predecessor ?? []);
  if (other.length !== 1 || other[0] === r.code) return; // unchanged numbers need no link
  model.renumbered.set(`kommune:${r.code}`, `kommune:${other[0]}`);
  model.renumbered.set(`kommune:${other[0]}`, `kommune:${r.code}`);
}

// The key under which a unit has figures in a year: its own, or its other number across 2024.
export function keyInYear(model, key, year) {
  if (model.index.has(`${key}:${year}`)) return key;
  const other = model.renumbered.get(key);
  return other && model.index.has(`${other}:${year}`) ? other : key;
}

export const resultOf = (model, key, year) => model.index.get(`${keyInYear(model, key, year)}:${year}`) ?? null;

// A result's key, "kommune:3101:2024": the index's, and the one the core's breakdowns are asked by.
export const resultKey = (r) => `${r.level}:${r.code}:${r.year}`;
export const result = (model, level, code, year) => (code == null ? null : model.index.get(`${level}:${code}:${year}`) ?? null);

// The units in the chooser's order: by level (Norway first), then by code.
export function sortedUnits(model) {
  return [...model.units.values()].sort((a, b) =>
    LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.code.localeCompare(b.code));
}

export function peersOf(model, info, year) {
  const peers = { fylke: null, land: null, kostra: null, oslo: null };
  if (info.level !== 'land') peers.land = result(model, 'land', '0', year);
  // Oslo is both a municipality and a county: the district is compared with Oslo once.
  const oslo = info.level === 'bydel' || (info.level === 'kommune' && info.code === '0301');
  if (info.level === 'kommune' || info.level === 'bydel') {
    peers.fylke = oslo ? null : result(model, 'fylke', info.fylke, year);
    peers.kostra = result(model, 'kostragruppe', info.kostragruppe, year);
  }
  if (info.level === 'bydel') peers.oslo = result(model, 'kommune', '0301', year);
  return peers;
}

// What a unit's time series is compared with, as its peers are: a district with Oslo, Norway with
// nothing, any other unit with Norway.
export const seriesPeer = (info) => (info.level === 'bydel' ? 'oslo' : info.level === 'land' ? null : 'land');

// The ranking chart's units; its title as [text key, values] for the page's dictionary.
export function rankingOf(model, info, unit, year, peers, { measure, scope }) {
  const rows = model.report.results.filter((r) => r.year === year);
  // The municipalities with figures in the files, and those a reference file gives published rates
  // for in their place (report.reference), picked alike.
  const published = (model.report.reference ?? []).filter((e) => e.level === 'kommune' && e.used_for.includes(year));
  const kommuner = (pick) => ({ list: rows.filter((r) => r.level === 'kommune' && pick(r)), reference: published.filter(pick) });
  // {median, median_tenths}; none for a measure too few members have (median_tenths null).
  const median = (group) => (group?.distribution?.[measure]?.median_tenths != null ? group.distribution[measure] : null);
  if (info.level === 'kommune' && scope === 'kostra' && info.kostragruppe) {
    const name = model.nameOf(peers.kostra) ?? info.kostragruppe;
    return { ...kommuner((r) => r.kostragruppe === info.kostragruppe), title: ['chartRanking', { group: name }], median: median(peers.kostra) };
  }
  if (info.level === 'kommune') {
    const name = model.nameOf(peers.fylke) ?? model.nameOf(result(model, 'fylke', info.fylke, year)) ?? info.fylke;
    return { ...kommuner((r) => r.fylke === info.fylke), title: ['chartRanking', { group: name }], median: null };
  }
  if (info.level === 'bydel') return { list: rows.filter((r) => r.level === 'bydel'), title: ['chartRankingBydeler'], median: null };
  if (info.level === 'kostragruppe') {
    return { ...kommuner((r) => r.kostragruppe === info.code), title: ['chartRanking', { group: info.name }], median: median(unit) };
  }
  if (info.level === 'fylke') return { ...kommuner((r) => r.fylke === info.code), title: ['chartRanking', { group: info.name }], median: null };
  // Counties resting on too few municipalities are no figures to rank: then the municipalities.
  const fylker = rows.filter((r) => r.level === 'fylke' && r.aggregate_coverage?.meaningful !== false);
  if (fylker.length >= 2) return { list: fylker, title: ['chartRankingFylker'], median: null };
  return { ...kommuner(() => true), title: ['chartRankingKommuner'], median: null };
}

// The municipalities of an aggregate (Norway, a county, a KOSTRA group), for its highest and lowest.
export function membersOf(model, info, year) {
  const belongs = { land: () => true, fylke: (r) => r.fylke === info.code, kostragruppe: (r) => r.kostragruppe === info.code }[info.level];
  return belongs ? model.report.results.filter((r) => r.year === year && r.level === 'kommune' && belongs(r)) : [];
}

// Whether the KOSTRA group's median stands for the group (the core's coverage judgement).
export function medianMeaningful(info, unit, peers) {
  if (unit?.comparison) return Boolean(unit.comparison.coverage?.meaningful);
  const group = info.level === 'kostragruppe' ? unit : peers.kostra;
  return Boolean(group?.distribution_coverage?.meaningful);
}

// "Halden hadde nummer 3001 til og med 2023 og har 3101 fra 2024" when the files have both.
export function renumberedText(model, info) {
  const other = model.renumbered.get(`${info.level}:${info.code}`);
  if (!other || !model.units.has(other)) return null;
  const [oldKey, newKey] = [`${info.level}:${info.code}`, other].sort((a, b) => firstYear(model, a) - firstYear(model, b));
  return { name: info.name, old: oldKey.split(':')[1], new: newKey.split(':')[1] };
}

function newerNumberHeld(model, key) {
  const other = model.renumbered.get(key);
  return Boolean(other && model.units.has(other) && firstYear(model, other) > firstYear(model, key));
}

const firstYear = (model, key) => model.report.years.find((y) => model.index.has(`${key}:${y}`)) ?? Infinity;

// --- finding a unit ---------------------------------------------------------------------------

// "Bodø" → "bodo", "Østre Toten" → "ostre toten", "Ålesund" → "alesund": search without diacritics.
export const folded = (text) => text.toLowerCase().replace(/ø/g, 'o').replace(/æ/g, 'ae').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// The units whose name fits a search, best fit first: the same name (with or without the county
// that tells two alike apart: "Herøy (Nordland)"), then names that start with it, then names that
// hold it. All of the first kind that has any: two alike are both offered, never one silently.
function unitsNamed(units, query) {
  const q = folded(query.trim());
  if (!q) return [];
  // A name in several languages is each of them too: «Oslo» is «Oslo - Oslove» (0301) as well as the
  // county «Oslo», «Karasjok» is «Kárášjohka - Karasjok».
  const names = (u) => [u.name, u.otherName, ...(u.name.includes(' - ') ? u.name.split(' - ') : [])].filter(Boolean).map(folded);
  const bare = (n) => n.replace(/\s*\(.*\)$/, '');
  for (const fits of [(n) => n === q, (n) => bare(n) === q, (n) => n.startsWith(q), (n) => n.includes(q)].map((f) => (u) => names(u).some(f))) {
    const found = units.filter(fits);
    if (found.length) return found;
  }
  return [];
}

const MAX_CHOICES = 8;

// The one unit search, for the unit chooser and the form: the unit a search names, or a list when
// several fit as well (Herøy 1515 and Herøy 1818), or null. In this order: the unit's label
// exactly; its number (a municipality's without the leading zero, or its other number across
// 2024); its name (unitsNamed), diacritics folded in all. units: in the order to offer them;
// label(u): the text the suggestions show; inYear(u): whether it has figures in the year in view
// (those come first, and a name search keeps only those when any); otherNumber(key): the same
// municipality under its other number, if held; manyFit: what more than MAX_CHOICES names give,
// the first ('first', the chooser) or none ('none', the form).
export function searchUnits(query, units, { label, inYear = () => true, otherNumber = () => undefined, manyFit = 'first' }) {
  const q = folded(query.trim());
  if (!q) return null;
  // Units with figures for the chosen year first (e.g. 3301 Drammen before 3005 Drammen in 2024).
  units = [...units].sort((a, b) => inYear(b) - inYear(a));
  const exact = units.find((u) => folded(label(u)) === q);
  if (exact) return exact;
  // «Norge» is Norway as people say it (the register's name is «Hele landet»).
  if (q === 'norge') return units.find((u) => u.level === 'land') ?? null;
  // «kostra 10», «KOSTRA-gruppe 10», «kostragruppe 10», «KOSTRA group 10»: the group EKG10.
  const group = q.match(/^kostra[\s-]*(?:gruppe|group)?\s*(\d{1,2})$/)?.[1];
  const code = (group ? `ekg${group.padStart(2, '0')}` : q).match(/^(ekg)?\d+/)?.[0];
  if (code) {
    const byCode = units.find((u) => u.code.toLowerCase() === code
      || (u.level === 'kommune' && u.code === code.padStart(4, '0'))
      || (u.level === 'fylke' && u.code === code.padStart(2, '0')));
    if (byCode) return byCode;
    // A number the files do not hold, but the municipality's other number across 2024 (3001 ↔ 3101).
    const other = otherNumber(`kommune:${code.padStart(4, '0')}`);
    if (other) return other;
  }
  // By name: those with figures in the year, and a municipality once across the 2024 renumbering.
  let named = unitsNamed(units, query);
  if (named.some(inYear)) named = named.filter(inYear);
  named = named.filter((u, i) => {
    const j = named.indexOf(otherNumber(`${u.level}:${u.code}`));
    return j < 0 || i < j; // the first of the two: the one with figures in the year, if either
  });
  if (named.length > 1 && named.length <= MAX_CHOICES) return named;
  return manyFit === 'first' || named.length === 1 ? named[0] ?? null : null;
}

// The chooser's search over the report's units, those with figures in the year first.
export function findUnit(model, query, { year, label }) {
  return searchUnits(query, sortedUnits(model), {
    label,
    inYear: (u) => model.index.has(`${u.level}:${u.code}:${year}`),
    otherNumber: (key) => model.units.get(model.renumbered.get(key)),
  });
}
