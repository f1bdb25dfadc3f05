// The printed report («Skriv ut / lagre som PDF»): print.css hides the controls and lets every
// table run its full length; this fills in what the screen shows only as controls — the date, the
// unit, the settings and rules applied, the coverage of the comparisons and the checks — and
// unfolds the folded messages while printing. Every figure is the core's.
import { beforeYear, schemaOf, shownRate, unitName } from './format.js';
import { checkText, coreText, getLang, listText, measureLabel, sourceName, t, tn, uncheckedTexts, yardstick } from './i18n.js';
import { checksAbout, coverageLines, unsaidFlags } from './keyfigures.js';

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const NUMERATORS = {
  2024: { M1: 'a+b+c+d+e', M2: 'a+b', M3: 'b', M4: 'd' },
  2015: null, // the nested measures are reported as they are
};

// The unit's checks as the screen's panel has them (print.css leaves that panel out): each message
// in full, a flag no message says in short, what could not be checked, and the count of the other
// messages, printed under «Filer» (the unit's own are not printed there again: markSaidInSummary).
function checksOf(unit, info, year, diagnostics, form) {
  const lines = [];
  if (unit?.suppressed && unit.suppression_reason) lines.push(t(`reasons.suppressed.${unit.suppression_reason}`));
  const about = checksAbout(unit, year, diagnostics);
  lines.push(...about.map((d) => coreText(d.message)), ...unsaidFlags(unit, about).map(checkText));
  if (about.length) lines.push(tn('report.saidHere', about.length, { name: `${beforeYear(info.name)} ${year}` }));
  const unchecked = uncheckedTexts(unit);
  // A unit none of whose checks triggered says so, as the screen's panel does, before the others' count.
  if (!lines.length) lines.push(t(unchecked.length ? 'yard.noChecksRan' : 'yard.noChecks', { name: beforeYear(info.name), year }));
  const rest = diagnostics.filter((d) => !about.includes(d));
  const errors = rest.filter((d) => d.severity === 'error').length;
  const warnings = rest.filter((d) => d.severity === 'warning').length;
  const what = listText([errors && tn('nErrors', errors), warnings && tn('nWarnings', warnings)].filter(Boolean));
  if (what) lines.push(t(`report.messages.${form ? 'withForm' : 'files'}`, { what }));
  return [...lines, ...unchecked];
}

// «372 enheter fra SSBs tall i kalkulatoren», and from files when any: the parts that are there.
function populationParts(population) {
  const parts = [[population.units_from_embedded, 'report.populationEmbedded'], [population.units_from_files, 'report.populationFiles']];
  return listText(parts.filter(([n]) => n > 0).map(([n, key]) => t(key, { n: tn('nUnits', n) })));
}

// A rule as the core applied it for the year (report.rules, when the report has them), else the setting.
function ruleText(report, year, rule, settings) {
  const applied = report.rules?.find((r) => r.year === year);
  const onOff = (b) => t(b ? 'report.on' : 'report.off');
  if (!applied) return onOff(settings[rule] === true || settings[rule] === 'on');
  const basis = applied.basis?.[rule] === 'auto' ? t('report.ruleAuto') : t('report.ruleSetting');
  return t('report.ruleApplied', { state: onOff(applied[rule]), basis });
}

// The published figures beside the unit and its peers, when the report has them (report.published).
function publishedLines(results) {
  return results.filter((r) => yardstick(r)?.tenths).map((r) => {
    const published = yardstick(r);
    const values = ['M1', 'M2', 'M3', 'M4'].filter((m) => published.tenths[m] != null).map((m) => `${m} ${shownRate(published, m)}`).join(', ');
    const name = published.latest ? `${unitName(r)} ${published.year}` : unitName(r);
    return values ? t('report.published', { name, values, source: sourceName(published.source) ?? '' }) : null;
  }).filter(Boolean);
}

// ctx: {report, diagnostics (as the screen words them), info, unit, peers, year, settings, example,
// form (the typed-in form is among the files)}
export function renderPrintSummary(box, ctx) {
  const { report, diagnostics, info, unit, peers, year, settings, example, form } = ctx;
  const schema = schemaOf(year);
  const date = new Intl.DateTimeFormat(getLang() === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
  const population = report.population.find((p) => p.year === year);
  const rules = [
    [t('report.unit'), `${info.code} ${info.name} (${t(`levels.${info.level}`).toLocaleLowerCase(getLang())})`],
    [t('year'), String(year)],
    [t('populationYear'), `${t(settings.population_year === 'next' ? 'popNext' : 'popSame')}${population ? ` (${t('report.populationSource', {
      year: population.population_year, parts: populationParts(population) })})` : ''}`],
    [t('carryForward'), ruleText(report, year, 'carry_forward', settings)],
    [t('suppression'), ruleText(report, year, 'suppression', settings)],
    [t('report.schema'), t(`report.schemas.${schema}`)],
  ];
  const numerators = NUMERATORS[schema];
  const measures = ['M1', 'M2', 'M3', 'M4'].map((m) => `<li><strong>${m}</strong> ${escape(measureLabel(schema, m))}${numerators ? ` (${numerators[m]})` : ''}</li>`).join('');
  // The same coverage lines as on screen.
  const coverage = coverageLines(unit, peers, report.results).map(([text]) => text);
  const checks = checksOf(unit, info, year, diagnostics, form);
  const published = publishedLines([unit, peers.fylke, peers.land]);
  box.innerHTML = `
    <h2 class="ds-heading" data-size="md">${escape(t('report.title', { name: beforeYear(info.name), year }))}</h2>
    <p class="ds-paragraph">${escape(t('report.printed', { date }))}</p>
    ${example ? `<p class="ds-paragraph"><strong>${escape(t('syntheticBadge'))}:</strong> ${escape(t('syntheticWarning'))}</p>` : ''}
    <h3 class="ds-heading" data-size="xs">${escape(t('report.settingsHeading'))}</h3>
    <dl class="print-facts">${rules.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>
    <p class="ds-paragraph">${escape(t('report.formula'))}</p>
    <ul class="print-measures">${measures}</ul>
    ${coverage.length ? `<h3 class="ds-heading" data-size="xs">${escape(t('report.coverageHeading'))}</h3><ul>${coverage.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>` : ''}
    ${published.length ? `<h3 class="ds-heading" data-size="xs">${escape(t('report.publishedHeading'))}</h3><ul>${published.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>` : ''}
    <h3 class="ds-heading" data-size="xs">${escape(t('grid.checksHeading'))}</h3>
    <ul>${checks.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>`;
}

// While printing, folded messages (the files' and the computation's) are unfolded; afterwards they
// are folded as they were.
export function unfoldForPrint(roots) {
  const closed = roots.flatMap((root) => [...root.querySelectorAll('details.more-messages:not([open]), details.explain:not([open])')]);
  for (const d of closed) d.open = true;
  return () => { for (const d of closed) d.open = false; };
}
