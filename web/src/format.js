// The report's figures and words in the page's language (docs/output.md, version 3). The core
// gives every figure the page shows rounded, as integers — the indicator's rounding as tenths, a
// change as units of 10^-decimals — and every word in both languages; here the decimal is only
// placed and the language picked, with Intl. Nothing here rounds, computes or parses a figure.
import { getLang, t } from './i18n.js';

const LOCALES = { nb: 'nb-NO', en: 'en-GB' };
const formatters = new Map();
function formatter(lang, decimals, signed) {
  const key = `${lang}:${decimals}:${signed}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.NumberFormat(LOCALES[lang] ?? LOCALES.nb, {
      minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto',
    }));
  }
  return formatters.get(key);
}

// units × 10^-decimals as text: (28, 1) → "2,8" / "2.8". Integer units up to 2^53 divided by a
// power of ten give the double nearest the decimal, which Intl prints with those decimals exactly.
function unitsText(units, decimals, { signed = false, lang = getLang() } = {}) {
  if (units == null) return null;
  return formatter(lang, decimals, signed).format(units / 10 ** decimals);
}

// A rate as the indicator shows it, from the core's tenths: 28 → "2,8"; null stays null.
export const tenthsText = (tenths, lang = getLang()) => unitsText(tenths, 1, { lang });
// A difference in tenths with its sign: 3 → "+0,3", 0 → "0,0".
export const signedTenthsText = (tenths, lang = getLang()) => unitsText(tenths, 1, { signed: true, lang });

// A percent the core rounded, as units of 10^-decimals, without the sign: (438, 1) → "43,8".
export const percentText = (units, decimals, lang = getLang()) => unitsText(units, decimals, { lang });

// A result's (or published or reference entry's) measure as shown: "2,8", or null.
export const shownRate = (r, m) => tenthsText(r?.tenths?.[m] ?? null);

// A change as the core rounded it ({units, decimals}), signed: "+0,9", "+0,03"; one the core could
// not show within three decimals (units 0 of a change that is not 0) reads "under 0.001".
function changeText(rounded, exact) {
  if (!rounded) return null;
  if (rounded.units === 0 && exact !== 0) return t(exact > 0 ? 'riseUnder' : 'fallUnder', { value: unitsText(1, 3) });
  return unitsText(rounded.units, rounded.decimals, { signed: true });
}

// A change between years as "+0,1 (+6,3 %)", kept on one line; null without one. It is the
// core's change between the figures as shown, so that «1,6 → 1,7» reads «+0,1».
export function changeShown(change, m) {
  const diff = signedTenthsText(change?.shown?.tenths?.[m] ?? null);
  if (diff == null) return null;
  const pct = changeText(change.shown.percent?.[m], change.shown.tenths[m]);
  // A narrow card breaks the line before the percentage only when the two do not fit on one
  // (web/src/keyfigures.js sets the change in an inline block).
  return pct == null ? diff : `${diff} (${pct}\u00a0%)`;
}

// A name that ends in a number is set off from the year after it by a comma: «KOSTRA-gruppe 7,
// 2025», not «KOSTRA-gruppe 7 2025»; «Kongsberg 2025» stays as it is.
export const beforeYear = (name) => (/\d$/.test(name) ? `${name},` : name);

// A text the report gives in both languages ({nb, en}), in the page's.
export const inLang = (texts) => (texts == null ? null : texts[getLang()] ?? texts.nb);
// A unit's name: a result's or reference entry's ({nb, en}: "Hele landet" / "Norway"), or the
// page's index of units' (already in the page's language).
export const unitName = (r) => (typeof r?.name === 'string' ? r.name : inLang(r?.name));

// A diagnostic of the report as the page lists it, in the page's language: where it is (file,
// line, column and the core's wording of the place), its text, and the whole message.
export function diagnosticIn(d) {
  return {
    code: d.code, severity: d.severity, args: d.args,
    file: d.place.file, sheet: d.place.sheet, line: d.place.line, column: d.place.column,
    place: inLang(d.place_text), text: inLang(d.text), message: inLang(d.message),
  };
}

// Which schema, municipality structure and education parts a year has, as the core says (its
// table, given when the worker is ready; the report's rules[] carry schema and structure too).
let years = {};
export function setYearRules(table) { years = table ?? {}; }
export const schemaOf = (year) => years[year]?.schema ?? null;
export const structureOf = (year) => years[year]?.structure ?? null;
// M1's four parts by education, as a result's `education.parts` orders them: the categories of
// each, and the parts each measure adds up, in reading order ({categories, measures}).
export const educationPartsOf = (year) => (years[year]
  ? { categories: years[year].education_parts, measures: years[year].measure_parts } : null);
