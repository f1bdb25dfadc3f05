// The native CLI's report as the reference the wasm and page tests compare with, and the lookups
// they share.
import { runCli } from '../wasm/lib.mjs';

export const EX_2023 = 'data/example/eksempel_arsverk_2023.csv';
export const EX_2024 = 'data/example/eksempel_arsverk_2024_2025.csv';
export const EXAMPLE = [EX_2023, EX_2024];

// The CLI's JSON report for files (paths relative to the repository) and settings, parsed.
export const cli = (files, settings) => JSON.parse(runCli(files, settings).toString('utf8'));

// The result for one unit and year, or undefined.
export const find = (report, level, code, year) =>
  report.results.find((r) => r.level === level && r.code === code && r.year === year);

// The CLI's report as the page shows it in `settings.lang` (default nb), for comparing the page's
// text with: names, notes and messages in that language, diagnostics with their place flat
// (file, sheet, line, column; place and message as worded), and each rounded figure given as
// `display` text ("2,8" / "2.8") from the core's tenths — written here without Intl, so that the
// page's formatting (web/src/format.js) is checked against an independent writing.
export const shownCli = (files, settings = {}) => asShown(cli(files, settings), settings.lang ?? 'nb');

export function asShown(report, lang) {
  const mark = lang === 'nb' ? ',' : '.';
  const text = (t) => (t == null ? null : `${t < 0 ? '-' : ''}${Math.trunc(Math.abs(t) / 10)}${mark}${Math.abs(t) % 10}`);
  const display = (tenths) => (tenths == null ? null : Object.fromEntries(Object.entries(tenths).map(([m, t]) => [m, text(t)])));
  const withDisplay = (p) => (p ? { ...p, display: display(p.tenths) } : p);
  return {
    ...report,
    diagnostics: report.diagnostics.map((d) => ({
      code: d.code, severity: d.severity, args: d.args, ...d.place, cell: undefined,
      place: d.place_text?.[lang] ?? null, text: d.text[lang], message: d.message[lang],
    })),
    reference: report.reference.map((e) => ({ ...withDisplay(e), name: e.name[lang] })),
    results: report.results.map((r) => ({
      ...r, name: r.name[lang], display: display(r.tenths),
      published: withDisplay(r.published), published_latest: withDisplay(r.published_latest),
      renumbering: r.renumbering && { ...r.renumbering, note: r.renumbering.note?.[lang] ?? null },
    })),
  };
}
