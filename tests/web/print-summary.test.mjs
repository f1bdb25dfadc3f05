// The printed report's head (web/src/print.js) in Node, on the CLI's report for the example data:
// the settings as applied, coverage, checks — and the fields of report version 2 (docs/output.md:
// `rules` per year, `published` per result) when a report has them, so that the page is ready for them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadModule, root } from '../wasm/lib.mjs';
import { EXAMPLE, cli, find } from '../support/cli.mjs';

const { renderPrintSummary } = await import(`${root}/web/src/print.js`);
const { setThresholds } = await import(`${root}/web/src/i18n.js`);
const { diagnosticIn, setYearRules } = await import(`${root}/web/src/format.js`);
const module = await loadModule();
setThresholds(JSON.parse(module.thresholds()));
setYearRules(JSON.parse(module.yearRules()));

const report = cli(EXAMPLE);

function summary(rep, year, settings = { population_year: 'same', carry_forward: true, suppression: true }) {
  const code = year >= 2024 ? '3303' : '3006'; // Kongsberg before and after the 2024 renumbering
  const unit = find(rep, 'kommune', code, year);
  const peers = { fylke: find(rep, 'fylke', unit.fylke, year), land: find(rep, 'land', '0', year),
    kostra: find(rep, 'kostragruppe', unit.kostragruppe, year) };
  const box = { innerHTML: '' };
  // The page's index of units has each name in the page's language.
  const info = { ...unit, name: unit.name.nb };
  renderPrintSummary(box, { report: rep, diagnostics: rep.diagnostics.map(diagnosticIn), info, unit, peers, year, settings, example: true });
  return box.innerHTML.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the printed report\'s head', () => {
  test('unit, settings, formula, coverage and checks from the core\'s report', () => {
    const text = summary(report, 2025);
    assert.match(text, /Årsverk i psykisk helse- og rusarbeid: Kongsberg 2025/);
    assert.match(text, /Før videre tall for enheter som ikke har svart på/);
    assert.match(text, /M1 Alle årsverk \(a\+b\+c\+d\+e\)/);
    assert.match(text, /Buskerud: 18 av 18 kommuner har tall i filene \(100,0 % av innbyggerne\)/);
    // Its check in full, as the screen's panel has it (print.css leaves the panel out), and not
    // again in short.
    assert.ok(find(report, 'kommune', '3303', 2025).flags.includes('change_large'));
    assert.match(text, /3303 Kongsberg 2025: årsverk per 1 000 innbyggere har endret seg 42 % fra 2024/);
    assert.doesNotMatch(text, /Mer enn 30 % endring fra året før/);
    // Said here, it is not printed again under «Filer» (print.css), and the count of the messages
    // printed there leaves it out: of the example's 12 warnings, 11 are about other units.
    assert.match(text, /Meldingen om Kongsberg 2025 står her, ikke igjen under «Filer»\. Under «Filer» står 11 advarsler til, om hver fil og om beregningen\./);
    assert.equal(report.diagnostics.filter((d) => d.severity === 'warning').length, 12);
    assert.doesNotMatch(text, /grid\.checks|report\./, 'no text key shows');
    // The unit's level as the screen writes it, and of the population's sources only those used.
    assert.match(text, /3303 Kongsberg \(kommune\)/);
    assert.match(text, /\(befolkningen 1\. januar 2025: \d+ enheter fra SSBs tall i kalkulatoren\)/);
    assert.doesNotMatch(text, /0 enheter fra filer/);
  });

  test('a unit none of whose checks triggered says so, before the count of the others\' messages', () => {
    const unit = find(report, 'kommune', '4601', 2025); // Bergen
    assert.ok(!report.diagnostics.some((d) => d.args?.code === '4601') && unit.flags.length === 0);
    const peers = { fylke: find(report, 'fylke', unit.fylke, 2025), land: find(report, 'land', '0', 2025), kostra: find(report, 'kostragruppe', unit.kostragruppe, 2025) };
    const box = { innerHTML: '' };
    renderPrintSummary(box, { report, diagnostics: report.diagnostics.map(diagnosticIn), info: { ...unit, name: unit.name.nb }, unit, peers, year: 2025,
      settings: { population_year: 'same', carry_forward: true, suppression: true }, example: true });
    const text = box.innerHTML.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Kontroller før innsending Ingen av kontrollene slo ut for Bergen 2025\. Under «Filer» står 12 advarsler til/);
  });

  test('the rules as applied per year and the published figures', () => {
    const v2 = structuredClone(report);
    v2.rules = [{ year: 2023, schema: '2015', structure: '2020-2023', carry_forward: false, suppression: false, basis: { carry_forward: 'auto', suppression: 'auto' } }];
    const land = find(v2, 'land', '0', 2023);
    land.published = { per_1000: { M1: 2.91, M2: null, M3: null, M4: null }, tenths: { M1: 29, M2: null, M3: null, M4: null }, source: 'Helsedirektoratet kvalitetsindikator' };
    const k = find(v2, 'kommune', '3006', 2023);
    k.flags = [...k.flags, 'far_above_published', 'one_category'];
    const text = summary(v2, 2023);
    assert.match(text, /Før videre tall for enheter som ikke har svart av \(etter reglene for dataåret\)/, 'the rule as applied, not the checkbox');
    assert.match(text, /Publiserte tall Hele landet: M1 2,9 \(Helsedirektoratet kvalitetsindikator\)/);
    assert.match(text, /M1 eller M2 er mer enn 4 ganger det publiserte tallet/, 'the threshold as the core gives it');
    assert.match(text, /Alle årsverkene står i én utdanningskategori/);
    // What could not be checked: the change from 2022, not in the files.
    assert.match(text, /Endringen fra 2022 er ikke kontrollert: tallene for 2022 er ikke lagt inn\./);
  });
});
