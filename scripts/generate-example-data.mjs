#!/usr/bin/env node
// Generates the SYNTHETIC example årsverk data set in data/example/.
//
//   node scripts/generate-example-data.mjs           write the two CSV files
//   node scripts/generate-example-data.mjs --check   regenerate in memory, compare with disk, exit 1 if different
//
// The årsverk are invented. They are calibrated so that the calculator reproduces published
// national/county figures (see data/example/README.md). Deterministic: a fixed-seed PRNG
// (mulberry32), no Date, no Math.random; running it twice gives byte-identical files.
// Node 20, no dependencies.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, '..', 'data');
const OUT_DIR = join(DATA, 'example');
const FILE_2023 = 'eksempel_arsverk_2023.csv';
const FILE_2024 = 'eksempel_arsverk_2024_2025.csv';
const SEED = 'arsverk-eksempel-v1';

// ---------------------------------------------------------------------------------------------
// Calibration targets
// ---------------------------------------------------------------------------------------------
const TARGET_2024 = {
  landM1: 2.80, // published 2,8 (Helsedirektoratet, 2024)
  landM2: 2.40, // published 2,4
  fylke: { '03': 2.10, '42': 3.90 }, // published 2,1 and 3,9
};
// SINTEF IS-24/8, national årsverk 2023, in hundredths (exact)
const TARGET_2023 = { voksne: 1344500, barn: 399100 };

// ---------------------------------------------------------------------------------------------
// Special units (documented in data/example/README.md)
// ---------------------------------------------------------------------------------------------
const SPECIAL = {
  // no rows at all for the year
  nonResponding: {
    2023: [],
    2024: ['1812', '3412'], // reported 2023; no 2024 data (never carried across the break); back in 2025
    2025: ['1135', '4617', '5524', '3440', '030110'], // reported 2024 -> carried forward by the calculator
  },
  // no own årsverk for one target group (calculator suppresses them from the municipality display)
  noGroup: {
    2023: { '1816': 'barn', '5043': 'barn', '1151': 'voksne' },
    2024: { '1816': 'barn', '3450': 'barn', '5626': 'voksne' },
    2025: { '1816': 'barn', '3450': 'barn', '5626': 'voksne' },
  },
  // extra rows for services outside the indicator's scope
  outOfScope: {
    2023: ['1103', '1506', '3407', '3807', '4640', '5035', '3801'],
    2024: ['1103', '1506', '3407', '4204', '4640', '5035', '1860', '5601'],
    2025: ['1103', '1506', '3407', '4204', '4640', '5035', '1860', '5601', '3901'],
  },
  // fixed rates per 1 000 (2024 numbers; 2023 via the change register), not touched by scaling
  outliers: { '1856': 17.4, '4036': 9.6, '3216': 0.95 },
  // 2024 -> 2025 change factor (per unit) outside the usual ±15 %
  bigChange2025: { '3303': 1.38, '1866': 0.66 },
};
const OSLO = '0301';
const OSLO_OWN_SHARE = 0.2; // share of Oslo's årsverk reported on 0301's own rows (central services)

// ---------------------------------------------------------------------------------------------
// Services
// ---------------------------------------------------------------------------------------------
const SERVICES_2015 = [
  'Boliger med fast tilknyttet personell',
  'Hjemme-/ambulante tjenester',
  'Behandling/oppfølging/rehabilitering/koordinering',
  'Aktivitetssenter/dagsenter',
  'Kultur- og fritidstilbud',
  'Kommunalt tilrettelagte arbeidstiltak',
  'Helsestasjon og skolehelsetjeneste',
];
const SERVICES_2024 = [
  'Bolig med fast tilknyttet personell',
  'Ambulante tjenester og oppfølging i hjemmet',
  'Behandling og utredning',
  'Koordinering og faglig ledelse',
  'Aktivitets- og dagtilbud',
  'Arbeid og aktivitet',
  'Helsestasjon og skolehelsetjeneste',
  'Lavterskeltilbud',
];
const OUT_OF_SCOPE = [
  'Primærforebyggende arbeid',
  'Tjenester til personer med demens',
  'Tjenester til personer med psykisk utviklingshemming',
];
// [service index, base weight]; the first entries are the most likely to be chosen
const MIX = {
  2015: {
    voksne: [[0, 0.38], [1, 0.27], [2, 0.2], [3, 0.08], [5, 0.04], [4, 0.03]],
    barn: [[6, 0.5], [2, 0.35], [1, 0.1], [4, 0.05]],
  },
  2024: {
    voksne: [[0, 0.33], [1, 0.27], [2, 0.14], [4, 0.08], [7, 0.07], [3, 0.06], [5, 0.05]],
    barn: [[6, 0.42], [2, 0.3], [7, 0.14], [1, 0.1], [3, 0.04]],
  },
  oslo: { // Oslo kommune sentralt (0301's own rows)
    voksne: [[0, 0.45], [7, 0.2], [5, 0.2], [3, 0.15]],
    barn: [[7, 0.6], [2, 0.4]],
  },
  oslo2015: {
    voksne: [[0, 0.5], [5, 0.25], [3, 0.25]],
    barn: [[2, 0.6], [4, 0.4]],
  },
};
const GROUP_LABEL = { voksne: 'voksne', barn: 'barn og unge' };

// Typical rate per 1 000 (schema 2024, before scaling) and log-sd by KOSTRA group (SSB 2020):
// 12 = the largest cities, 13 = Oslo, 14–17 = the smallest municipalities.
const KOSTRA_RATE = {
  1: [3.7, 0.25], 2: [3.9, 0.25], 3: [4.2, 0.27], 4: [4.3, 0.28], 5: [4.1, 0.28], 6: [4.6, 0.28],
  7: [3.2, 0.2], 8: [3.5, 0.2], 9: [3.0, 0.18], 10: [2.9, 0.15], 11: [2.8, 0.14], 12: [2.5, 0.1],
  13: [2.1, 0], 14: [5.2, 0.27], 15: [5.6, 0.27], 16: [6.0, 0.28], 17: [4.8, 0.25],
};

// ---------------------------------------------------------------------------------------------
// PRNG: one independent mulberry32 stream per tag (unit × purpose), seeded by an FNV-1a hash
// ---------------------------------------------------------------------------------------------
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function rng(tag) {
  const r = mulberry32(fnv1a(SEED + '|' + tag));
  r(); r();
  const f = () => r();
  f.normal = () => {
    const u1 = 1 - r(); // (0,1]
    const u2 = r();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  f.logn = (sd) => Math.exp(sd * f.normal());
  f.uniform = (lo, hi) => lo + (hi - lo) * r();
  return f;
}
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------
function readCsv(rel) {
  const text = readFileSync(join(DATA, rel), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const f = l.split(',');
    const o = {};
    head.forEach((h, i) => (o[h] = f[i]));
    return o;
  });
}
function loadInput() {
  const k24 = readCsv('registers/kommuner_2024.csv');
  const k23 = readCsv('registers/kommuner_2020_2023.csv');
  const bydeler = readCsv('registers/bydeler_oslo.csv').filter((b) => b.rapporterer_selv === 'ja');
  const kostra24 = new Map(readCsv('registers/kostragrupper_2020_kommunenummer_2024.csv').map((r) => [r.kommunenummer, +r.kostragruppe]));
  const changes = readCsv('registers/kommuneendringer_2023_2024.csv');
  const pop = new Map(); // "region|year" -> persons (2024 borders, incl. bydeler)
  for (const r of readCsv('population/folkemengde_2024grenser_2020_2026.csv')) pop.set(r.region + '|' + r.aar, +r.folkemengde);
  const pop23 = new Map(); // 2020–2023 borders, 1 January 2023
  for (const r of readCsv('population/folkemengde_2020grenser_2023.csv')) if (r.aar === '2023') pop23.set(r.region, +r.folkemengde);
  return { k24, k23, bydeler, kostra24, changes, pop, pop23 };
}

// ---------------------------------------------------------------------------------------------
// Helpers: integer hundredths
// ---------------------------------------------------------------------------------------------
// Split integer `total` into integer parts proportional to `weights` (largest remainder, ties by index).
function splitInt(total, weights) {
  const sw = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sw);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) parts[order[j][1]]++;
  return parts;
}
function fmt(h) { // hundredths -> "12,35" / "12,3" / "12" / "0"
  if (!Number.isInteger(h) || h < 0) throw new Error('bad value ' + h);
  const i = Math.floor(h / 100);
  const f = h % 100;
  if (f === 0) return String(i);
  return f % 10 === 0 ? `${i},${f / 10}` : `${i},${String(f).padStart(2, '0')}`;
}
// Choose n services from weighted list (without replacement, weighted by base weight); returns
// [[serviceIndex, weight], ...] in canonical service order.
function chooseServices(r, list, n) {
  const pool = list.map((x) => x.slice());
  const chosen = [];
  while (chosen.length < n && pool.length) {
    const sw = pool.reduce((s, x) => s + x[1], 0);
    let u = r() * sw;
    let k = 0;
    while (k < pool.length - 1 && u >= pool[k][1]) { u -= pool[k][1]; k++; }
    chosen.push(pool.splice(k, 1)[0]);
  }
  return chosen.sort((p, q) => p[0] - q[0]);
}
function serviceCount(r, pop, group, totalH) {
  let lo, hi;
  if (pop < 5000) [lo, hi] = group === 'voksne' ? [2, 4] : [1, 2];
  else if (pop < 20000) [lo, hi] = group === 'voksne' ? [3, 5] : [2, 3];
  else if (pop < 60000) [lo, hi] = group === 'voksne' ? [4, 6] : [2, 4];
  else [lo, hi] = group === 'voksne' ? [5, 7] : [3, 5];
  const n = lo + Math.floor(r() * (hi - lo + 1));
  return Math.max(1, Math.min(n, Math.floor(totalH / 40)));
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------
function buildUnits(inp) {
  const { k24, k23, bydeler, kostra24, changes, pop, pop23 } = inp;
  const need = (m, k, what) => { if (!m.has(k)) throw new Error(`missing ${what} for ${k}`); return m.get(k); };
  // 2024 structure: municipalities (0301 = own rows) + districts
  const u24 = [];
  for (const k of k24) {
    u24.push({
      id: k.kommunenummer, name: k.kommunenavn, fylke: k.fylkesnummer, kind: k.kommunenummer === OSLO ? 'osloOwn' : 'kommune',
      kostra: need(kostra24, k.kommunenummer, 'KOSTRA group'),
      pop24: need(pop, k.kommunenummer + '|2024', 'population'), pop25: need(pop, k.kommunenummer + '|2025', 'population'),
    });
  }
  for (const b of bydeler) {
    u24.push({
      id: b.bydelsnummer, name: b.bydelsnavn, fylke: '03', kind: 'bydel', kostra: 13,
      pop23: need(pop, b.bydelsnummer + '|2023', 'population'),
      pop24: need(pop, b.bydelsnummer + '|2024', 'population'), pop25: need(pop, b.bydelsnummer + '|2025', 'population'),
    });
  }
  u24.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const by24 = new Map(u24.map((u) => [u.id, u]));

  // Latent (unit-specific) rate and target-group split, schema 2024 level
  const HIGH_NEED = new Set(['030101', '030102', '030110', '030111', '030112', '030115']);
  const WEST = new Set(['030105', '030106', '030107']);
  for (const u of u24) {
    const r = rng('latent|' + u.id);
    if (u.kind === 'bydel') {
      const w = HIGH_NEED.has(u.id) ? 1.2 : WEST.has(u.id) ? 0.8 : 1;
      u.rate = 2.1 * (1 - OSLO_OWN_SHARE) * w * r.logn(0.15);
      u.voksne = clamp(0.76 + 0.04 * r.normal(), 0.66, 0.86);
    } else if (u.kind === 'osloOwn') {
      u.rate = 0; // set from the districts
      u.voksne = 0.9;
    } else {
      const [med, sd] = KOSTRA_RATE[u.kostra];
      u.rate = med * clamp(r.logn(sd), 0.5, 2.1); // outliers are set explicitly below
      u.voksne = clamp(0.77 + 0.045 * r.normal(), 0.62, 0.9);
    }
    if (SPECIAL.outliers[u.id] !== undefined) { u.rate = SPECIAL.outliers[u.id]; u.fixed = true; }
    // education mix, schema 2024 (a, b, c, d, e)
    u.edu = [0.26, 0.585, 0.055, 0.05, 0.05].map((x) => x * r.logn(0.2));
    // nested mix, schema 2015: [no/other education, health/social vgs, higher w/o further, higher with further]
    u.nest = [0.15, 0.2, 0.3, 0.35].map((x) => x * r.logn(0.2));
    u.growth = clamp(Math.exp(0.022 + 0.045 * r.normal()), 0.87, 1.16);
    if (SPECIAL.bigChange2025[u.id] !== undefined) u.growth = SPECIAL.bigChange2025[u.id];
  }

  // 2020–2023 structure
  const to24 = new Map();
  for (const c of changes) {
    if (!to24.has(c.kommunenummer_2023)) to24.set(c.kommunenummer_2023, []);
    to24.get(c.kommunenummer_2023).push(c.kommunenummer_2024);
  }
  const u23 = [];
  for (const k of k23) {
    const targets = need(to24, k.kommunenummer, 'change-register entry').map((id) => need(by24, id, '2024 unit'));
    const w = targets.reduce((s, t) => s + t.pop24, 0);
    const avg = (f) => targets.reduce((s, t) => s + f(t) * t.pop24, 0) / w;
    const base = targets[0];
    u23.push({
      id: k.kommunenummer, name: k.kommunenavn, fylke: k.fylkesnummer, kind: k.kommunenummer === OSLO ? 'osloOwn' : 'kommune',
      pop23: need(pop23, k.kommunenummer, 'population 2023'), from24: targets.map((t) => t.id),
      rate: avg((t) => t.rate), voksne: avg((t) => t.voksne), nest: base.nest, fixed: targets.length === 1 && base.fixed === true,
    });
  }
  for (const u of u24) {
    if (u.kind === 'bydel') u23.push({ id: u.id, name: u.name, fylke: '03', kind: 'bydel', pop23: u.pop23, from24: [u.id], rate: u.rate, voksne: u.voksne, nest: u.nest });
  }
  u23.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  for (const u of u23) {
    const r = rng('latent2023|' + u.id);
    if (!u.fixed) u.rate *= r.logn(0.07);
    u.voksne = clamp(u.voksne + 0.02 * r.normal(), 0.6, 0.92);
  }
  // check special ids exist
  const ids23 = new Set(u23.map((u) => u.id));
  const ids24 = new Set(u24.map((u) => u.id));
  for (const y of [2023, 2024, 2025]) {
    const ids = y === 2023 ? ids23 : ids24;
    for (const id of [...SPECIAL.nonResponding[y], ...Object.keys(SPECIAL.noGroup[y]), ...SPECIAL.outOfScope[y]]) {
      if (!ids.has(id)) throw new Error(`special unit ${id} is not a ${y} unit`);
    }
  }
  for (const id of [...Object.keys(SPECIAL.outliers), ...Object.keys(SPECIAL.bigChange2025)]) if (!ids24.has(id)) throw new Error('unknown ' + id);
  return { u24, u23, by24 };
}

// ---------------------------------------------------------------------------------------------
// Scaling: multiply the non-fixed units of a set so that Σ total = target
// ---------------------------------------------------------------------------------------------
function scaleSet(units, target, get, set) {
  let fixed = 0, free = 0;
  for (const u of units) (u.fixed ? (fixed += get(u)) : (free += get(u)));
  const f = (target - fixed) / free;
  if (!(f > 0)) throw new Error('scaling impossible');
  for (const u of units) if (!u.fixed) set(u, get(u) * f);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------
function makeRows(u, group, totalH, schema, r) {
  if (totalH <= 0) return [];
  const list = u.kind === 'osloOwn' ? MIX[schema === 2015 ? 'oslo2015' : 'oslo'][group] : MIX[schema][group];
  const n = u.kind === 'osloOwn' ? list.length : serviceCount(r, u.kind === 'bydel' ? 60000 : u.popRef, group, totalH);
  const chosen = chooseServices(r, list, n);
  const parts = splitInt(totalH, chosen.map(([, w]) => w * r.logn(0.35)));
  const names = schema === 2015 ? SERVICES_2015 : SERVICES_2024;
  return chosen.map(([si], j) => ({ group, service: names[si], total: parts[j], inScope: true })).filter((x) => x.total > 0);
}
function outOfScopeRows(u, year, unitTotalH) {
  const r = rng('oos|' + u.id);
  const ry = rng('oos|' + u.id + '|' + year);
  const rows = [];
  const picks = r() < 0.5 ? [1, 2] : r() < 0.5 ? [1] : [0, 2];
  for (const k of picks) {
    const group = k === 0 && r() < 0.7 ? 'barn' : 'voksne';
    const h = Math.max(25, Math.round(unitTotalH * (k === 1 ? 0.12 : 0.07) * r.logn(0.4) * ry.logn(0.06)));
    rows.push({ group, service: OUT_OF_SCOPE[k], total: h, inScope: false });
  }
  return rows.sort((p, q) => (p.group === q.group ? 0 : p.group === 'voksne' ? -1 : 1)); // stable: voksne first
}

// ---------------------------------------------------------------------------------------------
// Year 2024 / 2025 (schema 2024)
// ---------------------------------------------------------------------------------------------
function generate2024(units, by24) {
  const nonResp = new Set(SPECIAL.nonResponding[2024]);
  const noGroup = SPECIAL.noGroup[2024];
  for (const u of units) {
    u.popRef = u.pop24;
    if (u.kind === 'osloOwn') continue;
    u.t24 = (u.rate * u.pop24) / 1000; // total årsverk, both groups
    u.g24 = { voksne: u.t24 * u.voksne, barn: u.t24 * (1 - u.voksne) };
    if (noGroup[u.id]) u.g24[noGroup[u.id]] = 0;
  }
  const districts = units.filter((u) => u.kind === 'bydel');
  const own = by24.get(OSLO);
  const distSum = districts.reduce((s, u) => s + u.t24, 0);
  own.t24 = (distSum * OSLO_OWN_SHARE) / (1 - OSLO_OWN_SHARE);
  own.g24 = { voksne: own.t24 * own.voksne, barn: own.t24 * (1 - own.voksne) };

  const tot = (u) => u.g24.voksne + u.g24.barn;
  const setTot = (u, x) => { const f = x / tot(u); u.g24.voksne *= f; u.g24.barn *= f; };
  const reporting = (u) => !nonResp.has(u.id);
  const muniPop = (u) => (u.kind === 'bydel' ? 0 : u.pop24); // population counts once per municipality (0301 via osloOwn)

  const oslo = units.filter((u) => u.fylke === '03');
  const agder = units.filter((u) => u.fylke === '42');
  const rest = units.filter((u) => u.fylke !== '03' && u.fylke !== '42');
  for (const s of [oslo, agder]) if (s.some((u) => !reporting(u))) throw new Error('keep non-responders out of the calibrated counties');
  const popRep = units.filter(reporting).reduce((s, u) => s + muniPop(u), 0);
  const popOslo = own.pop24;
  const popAgder = agder.reduce((s, u) => s + u.pop24, 0);
  const fO = scaleSet(oslo, (TARGET_2024.fylke['03'] * popOslo) / 1000, tot, setTot);
  const fA = scaleSet(agder, (TARGET_2024.fylke['42'] * popAgder) / 1000, tot, setTot);
  const osloT = oslo.reduce((s, u) => s + tot(u), 0);
  const agderT = agder.reduce((s, u) => s + tot(u), 0);
  const restRep = rest.filter(reporting);
  const restTarget = (TARGET_2024.landM1 * popRep) / 1000 - osloT - agderT;
  // scale reporting units of the rest to the target; apply the same factor to non-reporting ones
  let fixed = 0, free = 0;
  for (const u of restRep) (u.fixed ? (fixed += tot(u)) : (free += tot(u)));
  const fR = (restTarget - fixed) / free;
  for (const u of rest) if (!u.fixed) setTot(u, tot(u) * fR);

  // target-group totals in hundredths, then rows (in-scope), education split calibrated below
  const rowsByUnit = new Map();
  for (const u of units) {
    const r = rng('rows2024|' + u.id);
    const rows = [];
    for (const g of ['voksne', 'barn']) {
      let h = Math.round(u.g24[g] * 100);
      if (u.g24[g] > 0) h = Math.max(h, 10);
      for (const row of makeRows(u, g, h, 2024, r)) {
        row.shares = u.edu.map((x) => x * r.logn(0.15));
        rows.push(row);
      }
    }
    if (SPECIAL.outOfScope[2024].includes(u.id) || SPECIAL.outOfScope[2025].includes(u.id)) {
      for (const row of outOfScopeRows(u, 2024, rows.reduce((s, x) => s + x.total, 0))) {
        row.shares = u.edu.map((x) => x * r.logn(0.15));
        row.onlyIn = SPECIAL.outOfScope[2024].includes(u.id) ? null : 2025;
        rows.push(row);
      }
    }
    rowsByUnit.set(u.id, rows);
  }
  // M2 calibration: odds-scale the (a+b) share of every row with one global factor k
  const abShare = (sh, k) => { const ab = sh[0] + sh[1], s = sh.reduce((p, x) => p + x, 0); const p = ab / s; return (k * p) / (k * p + 1 - p); };
  const calRows = [];
  for (const u of units) if (reporting(u)) for (const row of rowsByUnit.get(u.id)) if (row.inScope) calRows.push(row);
  const targetAB = (TARGET_2024.landM2 * popRep) / 1000 * 100; // hundredths
  let lo = 0.01, hi = 100;
  for (let it = 0; it < 200; it++) {
    const mid = Math.sqrt(lo * hi);
    const ab = calRows.reduce((s, row) => s + row.total * abShare(row.shares, mid), 0);
    if (ab < targetAB) lo = mid; else hi = mid;
  }
  const k = Math.sqrt(lo * hi);
  for (const rows of rowsByUnit.values()) for (const row of rows) {
    const sh = row.shares, p = abShare(sh, k);
    const ab = sh[0] + sh[1], cde = sh[2] + sh[3] + sh[4];
    row.shares = [sh[0] / ab * p, sh[1] / ab * p, sh[2] / cde * (1 - p), sh[3] / cde * (1 - p), sh[4] / cde * (1 - p)];
    row.cat = splitInt(row.total, row.shares);
  }
  return { rowsByUnit, factors: { oslo: fO, agder: fA, rest: fR, abOdds: k } };
}

function generate2025(units, rows24) {
  const noGroup = SPECIAL.noGroup[2025];
  const rowsByUnit = new Map();
  for (const u of units) {
    const r = rng('rows2025|' + u.id);
    const popGrowth = u.kind === 'osloOwn' ? 1 : u.pop25 / u.pop24;
    const g = u.fixed ? popGrowth * r.logn(0.03) : u.growth;
    const rows = [];
    for (const row of rows24.get(u.id)) {
      if (!row.inScope && row.onlyIn === null && !SPECIAL.outOfScope[2025].includes(u.id)) continue;
      if (row.inScope && noGroup[u.id] === row.group) continue;
      const total = Math.max(1, Math.round(row.total * g * r.logn(0.04)));
      const shares = row.shares.map((x) => x * r.logn(0.05));
      rows.push({ group: row.group, service: row.service, total, inScope: row.inScope, cat: splitInt(total, shares) });
    }
    rowsByUnit.set(u.id, rows);
  }
  return rowsByUnit;
}

// ---------------------------------------------------------------------------------------------
// Year 2023 (schema 2015, nested measures)
// ---------------------------------------------------------------------------------------------
function generate2023(units) {
  const noGroup = SPECIAL.noGroup[2023];
  const nonResp = new Set(SPECIAL.nonResponding[2023]);
  for (const u of units) {
    u.popRef = u.pop23;
    const t = (u.rate * u.pop23) / 1000;
    u.g23 = { voksne: t * u.voksne, barn: t * (1 - u.voksne) };
    if (noGroup[u.id]) u.g23[noGroup[u.id]] = 0;
  }
  const own = units.find((u) => u.id === OSLO);
  const dist = units.filter((u) => u.kind === 'bydel').reduce((s, u) => s + u.g23.voksne + u.g23.barn, 0);
  const ownT = (dist * OSLO_OWN_SHARE) / (1 - OSLO_OWN_SHARE);
  own.g23 = { voksne: ownT * 0.9, barn: ownT * 0.1 };
  const rep = units.filter((u) => !nonResp.has(u.id));
  const factors = {};
  const H = {};
  for (const g of ['voksne', 'barn']) {
    factors[g] = scaleSet(rep, TARGET_2023[g] / 100, (u) => u.g23[g], (u, x) => (u.g23[g] = x));
    for (const u of units) {
      let h = Math.round(u.g23[g] * 100);
      if (u.g23[g] > 0) h = Math.max(h, 10);
      (H[u.id] ||= {})[g] = h;
    }
    // exact national sum: put the residual on the largest unit (Bergen)
    const sum = rep.reduce((s, u) => s + H[u.id][g], 0);
    const residual = TARGET_2023[g] - sum;
    if (Math.abs(residual) > 500) throw new Error('residual too large: ' + residual);
    H['4601'][g] += residual;
    factors[g + 'Residual'] = residual;
  }
  const rowsByUnit = new Map();
  for (const u of units) {
    const r = rng('rows2023|' + u.id);
    const rows = [];
    for (const g of ['voksne', 'barn']) rows.push(...makeRows(u, g, H[u.id][g], 2015, r));
    if (SPECIAL.outOfScope[2023].includes(u.id)) rows.push(...outOfScopeRows(u, 2023, rows.reduce((s, x) => s + x.total, 0)));
    for (const row of rows) {
      const d = u.nest.map((x) => x * r.logn(0.12));
      const s = d.reduce((p, x) => p + x, 0);
      const m2 = (d[1] + d[2] + d[3]) / s, m3 = (d[2] + d[3]) / s, m4 = d[3] / s;
      row.nested = [row.total, Math.round(row.total * m2), Math.round(row.total * m3), Math.round(row.total * m4)];
    }
    rowsByUnit.set(u.id, rows);
  }
  return { rowsByUnit, factors };
}

// ---------------------------------------------------------------------------------------------
// CSV text
// ---------------------------------------------------------------------------------------------
function csv2023(units, rowsByUnit) {
  const out = ['kommunenummer;kommunenavn;år;målgruppe;tjeneste;M1;M2;M3;M4'];
  const nonResp = new Set(SPECIAL.nonResponding[2023]);
  for (const u of units) {
    if (nonResp.has(u.id)) continue;
    for (const row of rowsByUnit.get(u.id)) {
      out.push([u.id, u.name, 2023, GROUP_LABEL[row.group], row.service, ...row.nested.map(fmt)].join(';'));
    }
  }
  return out.join('\n') + '\n';
}
function csv2024(units, rows24, rows25) {
  const out = ['kommunenummer;kommunenavn;år;målgruppe;tjeneste;a;b;c;d;e'];
  for (const [year, rowsByUnit] of [[2024, rows24], [2025, rows25]]) {
    const nonResp = new Set(SPECIAL.nonResponding[year]);
    for (const u of units) {
      if (nonResp.has(u.id)) continue;
      for (const row of rowsByUnit.get(u.id)) {
        if (year === 2024 && row.onlyIn === 2025) continue;
        if (row.total === 0) continue;
        out.push([u.id, u.name, year, GROUP_LABEL[row.group], row.service, ...row.cat.map(fmt)].join(';'));
      }
    }
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Independent verification: parse the CSV text back (strings -> integer hundredths) and compute
// the calculator's figures from scratch.
// ---------------------------------------------------------------------------------------------
function parseH(s) { // "12,35" -> 1235 (exact, no floats)
  const m = /^(\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error('bad number ' + s);
  return Number(m[1]) * 100 + Number((m[2] || '0').padEnd(2, '0'));
}
function round1(h, pop) { // rate = h/100 / pop * 1000, rounded half away from zero to 1 decimal, as string
  const tenths = Math.floor((2 * h * 100 + pop) / (2 * pop)); // rate*10 = h*100/pop (exact integers)
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
}
const rate = (h, pop) => (h * 10) / pop;
const pct = (x) => (x >= 0 ? '+' : '') + (100 * x).toFixed(1) + ' %';

function verify(text23, text24, inp) {
  const problems = [];
  const lines = [];
  const say = (s) => lines.push(s);
  const parse = (text, ncat) => {
    const rows = text.split('\n').filter((l) => l).slice(1).map((l) => l.split(';'));
    for (const f of rows) if (f.length !== 5 + ncat) problems.push('wrong field count: ' + f.join(';'));
    return rows.map((f) => ({ unit: f[0], name: f[1], year: +f[2], group: f[3], service: f[4], v: f.slice(5).map(parseH) }));
  };
  const r23 = parse(text23, 4), r24 = parse(text24, 5);
  const oos = new Set(OUT_OF_SCOPE);
  const muniOf = (id) => (id.length === 6 ? OSLO : id);
  const fylke24 = new Map(inp.k24.map((k) => [k.kommunenummer, k.fylkesnummer]));
  const kostra24 = inp.kostra24;

  // --- 2023
  let s23 = { voksne: 0, 'barn og unge': 0 }, oos23 = 0;
  const muni23 = new Map();
  for (const r of r23) {
    const [m1, m2, m3, m4] = r.v;
    if (!(m1 >= m2 && m2 >= m3 && m3 >= m4 && m4 >= 0)) problems.push('nested order broken: ' + r.unit + ' ' + r.service);
    if (oos.has(r.service)) { oos23 += m1; continue; }
    s23[r.group] += m1;
    const m = muniOf(r.unit);
    if (!muni23.has(m)) muni23.set(m, [0, 0, 0, 0, {}]);
    const a = muni23.get(m);
    r.v.forEach((x, i) => (a[i] += x));
    a[4][r.group] = (a[4][r.group] || 0) + m1;
  }
  const pop23 = [...muni23.keys()].reduce((s, m) => s + inp.pop23.get(m), 0);
  const tot23 = s23.voksne + s23['barn og unge'];
  say(`2023 (schema 2015): ${muni23.size} municipalities with data, population ${pop23}`);
  say(`  M1 national sum ${fmt(tot23)} (voksne ${fmt(s23.voksne)}, barn og unge ${fmt(s23['barn og unge'])}); out of scope excluded ${fmt(oos23)}`);
  if (s23.voksne !== TARGET_2023.voksne || s23['barn og unge'] !== TARGET_2023.barn) problems.push('2023 national sums not exact');
  const n23 = [0, 1, 2, 3].map((i) => [...muni23.values()].reduce((s, a) => s + a[i], 0));
  say(`  land rates M1..M4: ${n23.map((h) => rate(h, pop23).toFixed(4)).join(' / ')}  (displayed ${n23.map((h) => round1(h, pop23)).join(' / ')}); M2/M1 ${(n23[1] / n23[0]).toFixed(3)}, M3/M1 ${(n23[2] / n23[0]).toFixed(3)}, M4/M1 ${(n23[3] / n23[0]).toFixed(3)}; voksne share ${(s23.voksne / tot23).toFixed(3)}`);

  // --- 2024 / 2025
  const agg = new Map(); // year -> muni -> {m:[a..e], g:{}, oos}
  for (const r of r24) {
    if (!agg.has(r.year)) agg.set(r.year, new Map());
    const m = muniOf(r.unit);
    const y = agg.get(r.year);
    if (!y.has(m)) y.set(m, { c: [0, 0, 0, 0, 0], g: {}, oos: 0, units: new Set() });
    const a = y.get(m);
    a.units.add(r.unit);
    const t = r.v.reduce((s, x) => s + x, 0);
    if (oos.has(r.service)) { a.oos += t; continue; }
    r.v.forEach((x, i) => (a.c[i] += x));
    a.g[r.group] = (a.g[r.group] || 0) + t;
  }
  const M = (c) => [c[0] + c[1] + c[2] + c[3] + c[4], c[0] + c[1], c[1], c[3]];
  const aggregate = (year, filter) => {
    const c = [0, 0, 0, 0, 0];
    let pop = 0, oosH = 0, n = 0;
    for (const [m, a] of agg.get(year)) {
      if (!filter(m)) continue;
      a.c.forEach((x, i) => (c[i] += x));
      pop += inp.pop.get(m + '|' + year);
      oosH += a.oos;
      n++;
    }
    return { c, pop, oos: oosH, n };
  };
  for (const year of [2024, 2025]) {
    const L = aggregate(year, () => true);
    const m = M(L.c);
    const cov = L.pop / inp.pop.get('0|' + year);
    say(`${year} (schema 2024): ${L.n} municipalities with data (coverage ${(100 * cov).toFixed(2)} % of population), Σ M1 ${fmt(m[0])} årsverk, out of scope excluded ${fmt(L.oos)}`);
    say(`  land M1..M4: ${m.map((h) => rate(h, L.pop).toFixed(4)).join(' / ')}  (displayed ${m.map((h) => round1(h, L.pop)).join(' / ')})`);
    say(`  education shares a..e: ${L.c.map((x) => (x / m[0]).toFixed(3)).join(' / ')}`);
    const fy = [...new Set(inp.k24.map((k) => k.fylkesnummer))].sort();
    say('  fylke M1: ' + fy.map((f) => { const F = aggregate(year, (mm) => fylke24.get(mm) === f); return `${f} ${rate(M(F.c)[0], F.pop).toFixed(3)}`; }).join(', '));
    if (year === 2024) {
      const chk = (label, x, target) => { say(`  check ${label}: ${x.toFixed(4)} (target ${target.toFixed(2)})`); if (Math.abs(x - target) > 0.01) problems.push(`${label} ${x} off target ${target}`); };
      chk('land M1', rate(m[0], L.pop), TARGET_2024.landM1);
      chk('land M2', rate(m[1], L.pop), TARGET_2024.landM2);
      for (const [f, t] of Object.entries(TARGET_2024.fylke)) { const F = aggregate(year, (mm) => fylke24.get(mm) === f); chk('fylke ' + f + ' M1', rate(M(F.c)[0], F.pop), t); }
    }
  }
  // KOSTRA groups 2024
  const kg = new Map();
  for (const [m, a] of agg.get(2024)) {
    const g = kostra24.get(m);
    if (!kg.has(g)) kg.set(g, []);
    kg.get(g).push(rate(M(a.c)[0], inp.pop.get(m + '|2024')));
  }
  say('  2024 KOSTRA group median M1 [min–max]: ' + [...kg.keys()].sort((p, q) => p - q).map((g) => {
    const v = kg.get(g).sort((p, q) => p - q);
    const med = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return `${g}: ${med.toFixed(2)} [${v[0].toFixed(1)}–${v[v.length - 1].toFixed(1)}]`;
  }).join(', '));

  // special units as seen in the data
  const units23 = new Set(r23.map((r) => r.unit)), units24 = new Set(r24.filter((r) => r.year === 2024).map((r) => r.unit)), units25 = new Set(r24.filter((r) => r.year === 2025).map((r) => r.unit));
  const allUnits24 = [...inp.k24.map((k) => k.kommunenummer), ...inp.bydeler.map((b) => b.bydelsnummer)];
  const allUnits23 = [...inp.k23.map((k) => k.kommunenummer), ...inp.bydeler.map((b) => b.bydelsnummer)];
  const miss = (all, have) => all.filter((u) => !have.has(u));
  const nr = { 2023: miss(allUnits23, units23), 2024: miss(allUnits24, units24), 2025: miss(allUnits24, units25) };
  say(`non-responding: 2023 [${nr[2023].join(', ')}], 2024 [${nr[2024].join(', ')}], 2025 [${nr[2025].join(', ')}]`);
  for (const y of [2023, 2024, 2025]) if ([...nr[y]].sort().join() !== [...SPECIAL.nonResponding[y]].sort().join()) problems.push(`non-responders ${y} differ from plan: ${nr[y]}`);
  const sup = (rows, y) => {
    const g = new Map();
    for (const r of rows) if (r.year === y && !oos.has(r.service) && r.unit.length === 4) { if (!g.has(r.unit)) g.set(r.unit, new Set()); g.get(r.unit).add(r.group); }
    return [...g].filter(([, s]) => s.size < 2).map(([u, s]) => `${u} (only ${[...s][0]})`);
  };
  const s = { 2023: sup(r23, 2023), 2024: sup(r24, 2024), 2025: sup(r24, 2025) };
  say(`without own årsverk for one target group: 2023 [${s[2023].join(', ')}], 2024 [${s[2024].join(', ')}], 2025 [${s[2025].join(', ')}]`);
  for (const y of [2023, 2024, 2025]) if (s[y].length !== Object.keys(SPECIAL.noGroup[y]).length) problems.push('suppressed units ' + y + ' differ from plan');
  const oosUnits = (rows, y) => [...new Set(rows.filter((r) => r.year === y && oos.has(r.service)).map((r) => r.unit))];
  say(`out-of-scope rows in: 2023 [${oosUnits(r23, 2023).join(', ')}], 2024 [${oosUnits(r24, 2024).join(', ')}], 2025 [${oosUnits(r24, 2025).join(', ')}]`);
  // outliers (> 15 or < 1 per 1000) and big changes
  const rates = (y) => new Map([...agg.get(y)].map(([m, a]) => [m, rate(M(a.c)[0], inp.pop.get(m + '|' + y))]));
  const R24 = rates(2024), R25 = rates(2025);
  const R23 = new Map([...muni23].map(([m, a]) => [m, rate(a[0], inp.pop23.get(m))]));
  const ext = (R) => [...R].filter(([, x]) => x > 8 || x < 1.2).map(([m, x]) => `${m} ${x.toFixed(2)}`).join(', ');
  say(`extreme rates (>8 or <1.2): 2023 [${ext(R23)}], 2024 [${ext(R24)}], 2025 [${ext(R25)}]`);
  for (const [y, R] of [[2023, R23], [2024, R24], [2025, R25]]) for (const [m, x] of R) if (x > 15 && m !== '1856') problems.push(`unplanned rate >15 in ${y}: ${m}`);
  if (!(R24.get('1856') > 15 && R25.get('1856') > 15 && R23.get('1856') > 15)) problems.push('1856 should be > 15');
  // change 2024 -> 2025 per unit (kommune + bydel), in årsverk
  const unitTot = (y) => { const t = new Map(); for (const r of r24) if (r.year === y && !oos.has(r.service)) t.set(r.unit, (t.get(r.unit) || 0) + r.v.reduce((p, x) => p + x, 0)); return t; };
  const T24 = unitTot(2024), T25 = unitTot(2025);
  const ch = [...T25].filter(([u]) => T24.has(u)).map(([u, x]) => [u, x / T24.get(u) - 1]);
  const within15 = ch.filter(([, c]) => Math.abs(c) <= 0.15).length;
  const mean = ch.reduce((p, [, c]) => p + c, 0) / ch.length;
  // 2025 as the calculator shows it with carry-forward on (units without 2025 rows take their 2024 rows)
  {
    const carried = [...T24.keys()].filter((u) => !T25.has(u));
    const munis = new Set([...T25.keys(), ...carried].map(muniOf));
    const sumM1 = [...T25.values(), ...carried.map((u) => T24.get(u))].reduce((p, x) => p + x, 0);
    const popL = [...munis].reduce((p, m) => p + inp.pop.get(m + '|2025'), 0);
    const osloH = [...T25].filter(([u]) => muniOf(u) === OSLO).reduce((p, [, x]) => p + x, 0) + carried.filter((u) => muniOf(u) === OSLO).reduce((p, u) => p + T24.get(u), 0);
    say(`2025 with carry-forward of [${carried.join(', ')}]: land M1 ${rate(sumM1, popL).toFixed(4)} (displayed ${round1(sumM1, popL)}), ${munis.size} municipalities; fylke 03 M1 ${rate(osloH, inp.pop.get('0301|2025')).toFixed(4)}`);
  }
  say(`change 2024→2025 in årsverk per unit: ${ch.length} units, mean ${pct(mean)}, ${within15} within ±15 %, beyond ±30 %: ${ch.filter(([, c]) => Math.abs(c) > 0.3).map(([u, c]) => `${u} ${pct(c)}`).join(', ')}`);
  return { lines, problems, sizes: { rows2023: r23.length, rows2024: r24.filter((r) => r.year === 2024).length, rows2025: r24.filter((r) => r.year === 2025).length } };
}

// ---------------------------------------------------------------------------------------------
function main() {
  const check = process.argv.includes('--check');
  const inp = loadInput();
  const { u24, u23, by24 } = buildUnits(inp);
  const g24 = generate2024(u24, by24);
  const rows25 = generate2025(u24, g24.rowsByUnit);
  const g23 = generate2023(u23);
  const text23 = csv2023(u23, g23.rowsByUnit);
  const text24 = csv2024(u24, g24.rowsByUnit, rows25);

  const v = verify(text23, text24, inp);
  console.log('Synthetic example årsverk — calibration summary');
  console.log(`  scaling factors 2024: Oslo ${g24.factors.oslo.toFixed(3)}, Agder ${g24.factors.agder.toFixed(3)}, rest ${g24.factors.rest.toFixed(3)}, (a+b) odds ${g24.factors.abOdds.toFixed(3)}; 2023: voksne ${g23.factors.voksne.toFixed(3)}, barn og unge ${g23.factors.barn.toFixed(3)} (residuals on 4601: ${g23.factors.voksneResidual}, ${g23.factors.barnResidual} hundredths)`);
  for (const l of v.lines) console.log('  ' + l);
  console.log(`  rows: 2023 ${v.sizes.rows2023}, 2024 ${v.sizes.rows2024}, 2025 ${v.sizes.rows2025}; bytes: ${FILE_2023} ${Buffer.byteLength(text23)}, ${FILE_2024} ${Buffer.byteLength(text24)}`);
  if (v.problems.length) {
    console.error('CALIBRATION/CONSISTENCY PROBLEMS:\n  ' + v.problems.join('\n  '));
    process.exit(2);
  }

  const files = [[FILE_2023, text23], [FILE_2024, text24]];
  if (check) {
    let ok = true;
    for (const [name, text] of files) {
      const path = join(OUT_DIR, name);
      const disk = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (disk === text) continue;
      ok = false;
      if (disk === null) { console.error(`--check: data/example/${name} is missing`); continue; }
      const a = disk.split('\n'), b = text.split('\n');
      let i = 0;
      while (i < Math.max(a.length, b.length) && a[i] === b[i]) i++;
      console.error(`--check: data/example/${name} differs from the generator's output (first difference at line ${i + 1}):\n  on disk:   ${a[i] ?? '<end of file>'}\n  generated: ${b[i] ?? '<end of file>'}`);
    }
    if (!ok) {
      console.error('Run `node scripts/generate-example-data.mjs` to regenerate (and check why the data changed).');
      process.exit(1);
    }
    console.log('--check: data/example/ is up to date.');
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(OUT_DIR, name), text);
  console.log(`wrote data/example/${FILE_2023} and data/example/${FILE_2024}`);
}

main();
