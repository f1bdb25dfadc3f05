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
