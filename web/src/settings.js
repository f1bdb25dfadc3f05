// Every setting the core computes with and every part of the view a link keeps, each in one row
// with all of its names:
//
//   name            control (selector)               link key      core key          CLI flag
//   unit            #unit-input                      enhet         –                 –
//   year            #year-select                     ar            year (exports)    --year
//   measure         #measure-select                  mal           –                 –
//   scope           #scope-select                    sammenlign    –                 –
//   mapLevel        #map-details, #map-level         kart          –                 –
//   mapMode         #map-mode                        kartfarge     –                 –
//   populationYear  input[name="population-year"]    befolkning    population_year   --population-year
//   carryForward    #carry-forward                   videreforing  carry_forward     --carry-forward
//   suppression     #suppression                     holdutenfor   suppression       --suppression
//   lang            #lang-button                     sprak         –                 --lang (table, CSV)
//   data, name, files: what the link says of the data (web/src/url-state.js)
//
// kind 'setting': one of the page's settings (state.settings in web/src/main.js), which its
// control shows and a change of which asks the core again. The link's keys are written in the
// table's order; valid and parse read a link's text (links made before the three rule choices
// said 1 / 0 for on / off).

const POPULATION_YEARS = ['same', 'next'];
const RULE_VALUES = ['auto', 'on', 'off'];
const isRule = (v) => [...RULE_VALUES, '0', '1'].includes(v);
const parseRule = (v) => ({ 1: 'on', 0: 'off' })[v] ?? v;

export const SETTINGS = [
  { name: 'unit', control: '#unit-input', url: 'enhet', valid: (v) => /^(kommune|bydel|fylke|land|kostragruppe):[0-9A-Za-z]{1,8}$/.test(v) },
  { name: 'year', control: '#year-select', url: 'ar', core: 'year', cli: '--year', valid: (v) => /^\d{4}$/.test(v), parse: Number },
  { name: 'measure', control: '#measure-select', url: 'mal', default: 'M1', valid: (v) => /^M[1-4]$/.test(v) },
  { name: 'scope', control: '#scope-select', url: 'sammenlign', default: 'kostra', valid: (v) => v === 'kostra' || v === 'fylke' },
  // The map, in a link only while it is open: what it shows (a link with `kart` opens it) and what
  // it is coloured by.
  { name: 'mapLevel', control: '#map-details, #map-level', url: 'kart', default: 'kommune', valid: (v) => v === 'kommune' || v === 'fylke' },
  { name: 'mapMode', control: '#map-mode', url: 'kartfarge', default: 'rate', valid: (v) => v === 'rate' || v === 'diff' },
  { name: 'populationYear', kind: 'setting', control: 'input[name="population-year"]', url: 'befolkning', core: 'population_year',
    cli: '--population-year', default: 'same', values: POPULATION_YEARS, valid: (v) => POPULATION_YEARS.includes(v) },
  { name: 'carryForward', kind: 'setting', control: '#carry-forward', url: 'videreforing', core: 'carry_forward',
    cli: '--carry-forward', default: 'auto', values: RULE_VALUES, valid: isRule, parse: parseRule },
  { name: 'suppression', kind: 'setting', control: '#suppression', url: 'holdutenfor', core: 'suppression',
    cli: '--suppression', default: 'auto', values: RULE_VALUES, valid: isRule, parse: parseRule },
  { name: 'lang', control: '#lang-button', url: 'sprak', cli: '--lang', valid: (v) => v === 'nb' || v === 'en' },
  // Only that the view was made from the page's own synthetic example data, which the page then loads.
  { name: 'data', url: 'data', valid: (v) => v === 'eksempel' },
  // A view of one's own files: the unit's name and the files' names (never their contents), so
  // that whoever opens the link knows what it shows and which files to add.
  { name: 'name', url: 'navn', valid: (v) => v.length <= 100 },
  { name: 'files', url: 'filer', valid: (v) => v.length <= 1000, parse: (v) => v.split('/').filter(Boolean), write: (v) => v.join('/') },
];

export const PAGE_SETTINGS = SETTINGS.filter((s) => s.kind === 'setting');

export const defaultOf = (name) => SETTINGS.find((s) => s.name === name).default;

// The page's settings as they are before the user or a link sets them.
export const defaultSettings = () => Object.fromEntries(PAGE_SETTINGS.map((s) => [s.name, s.default]));

// The core's settings one step from `core` in each of the page's settings (every other value of
// one): those a user is likeliest to ask for next, which the worker computes ahead while nothing
// waits (web/src/worker.js).
export const settingsAround = (core) => PAGE_SETTINGS.flatMap((s) =>
  s.values.filter((v) => v !== core[s.core]).map((v) => ({ ...core, [s.core]: v })));

// The settings as the core takes them: year null for every year (the page's report), a year for
// an export of that year.
export function coreSettingsOf(settings, { year = null } = {}) {
  const values = { ...settings, year };
  return Object.fromEntries(SETTINGS.filter((s) => s.core).map((s) => [s.core, values[s.name]]));
}
