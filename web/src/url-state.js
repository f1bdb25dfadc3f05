// The view in the URL's hash: unit, year, measure, comparison, the map, settings and language, so
// that a view can be bookmarked or shared. The data never goes into the URL; `data=eksempel` only says
// that the view was made from the page's own synthetic example data, which the page then loads.
//
//   #enhet=kommune:3101&ar=2024&mal=M2&sammenlign=kostra&befolkning=same&videreforing=auto&holdutenfor=auto&sprak=nb&data=eksempel

import { listText, t } from './i18n.js';
import { SETTINGS } from './settings.js';

// Each field's link key and how its text is read: web/src/settings.js.
const FIELDS = SETTINGS.filter((f) => f.url);

// The view a hash describes; fields that are missing or not valid are left out.
export function readView(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const view = {};
  for (const f of FIELDS) {
    const value = params.get(f.url);
    if (value != null && f.valid(value)) view[f.name] = f.parse ? f.parse(value) : value;
  }
  return view;
}

export function viewHash(view) {
  const params = new URLSearchParams();
  for (const f of FIELDS) {
    const value = view[f.name];
    if (value == null || value === '' || (Array.isArray(value) && !value.length)) continue;
    params.set(f.url, f.write ? f.write(value) : String(value));
  }
  const text = params.toString().replace(/%3A/g, ':');
  return text ? `#${text}` : '';
}

// Replaces the hash without a new history entry (each click would otherwise be a step back).
export function writeView(view) {
  const hash = viewHash(view);
  if (hash === window.location.hash || (!hash && !window.location.hash)) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(null, '', url);
}

// What a link to a view of someone's own files says to whoever opens it before adding them: the
// unit and year it shows, and that the figures come with the same files (they are not in the link).
export function linkNote(view) {
  if (!view.unit || view.data === 'eksempel') return null;
  const [level, code] = view.unit.split(':');
  const name = t(`levels.${level}`);
  const lower = /^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name; // "kommune", "KOSTRA-gruppe"
  const named = view.name ? `${lower} ${code} ${view.name}` : `${lower} ${code}`;
  const unit = level === 'land' ? t('share.land') : named;
  const shown = view.year ? `${unit}, ${view.year}` : unit;
  return view.files?.length ? t('share.waitingFiles', { unit: shown, files: listText(view.files) }) : t('share.waiting', { unit: shown });
}
