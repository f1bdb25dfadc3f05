// Key figures for the chosen unit: its four measures (the core's rounded figures) beside its
// county, Norway and KOSTRA group, its rank and distance from the group median, the fence marker,
// the change from the previous year, and the reason when something is missing or adjusted.
import { writeHtml } from './dom.js';
import { beforeYear, changeShown, educationPartsOf, inLang, percentText, schemaOf, shownRate, signedTenthsText, structureOf, tenthsText, unitName } from './format.js';
import { checkText, coreText, fmtFtes, fmtInt, listText, measureLabel, rankText, sourceName, t, tn, uncheckedTexts, yardstick, yardText } from './i18n.js';

const MEASURES = ['M1', 'M2', 'M3', 'M4'];
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const shown = (r, m) => shownRate(r, m);

function reasons(ctx) {
  const { unit, info, year, rules } = ctx;
  const out = [];
  if (!unit) {
    // A county or municipality of the other structure (Viken in 2025) is not missing from the files:
    // it does not exist that year (the core's structure of each year).
    const years = ctx.yearsWithFigures ?? [];
    const structure = structureOf(year);
    const elsewhere = (info.level === 'fylke' || info.level === 'kommune') && structure && years.length
      && years.every((y) => structureOf(y) && structureOf(y) !== structure);
    out.push(elsewhere ? t('reasons.otherStructure', { name: info.name, year, years: listText(years.map(String)) })
      : t('reasons.missing', { name: info.name, year }));
    if (elsewhere) return out;
    if (rules && !rules.carry_forward) out.push(t('yard.missingCarry'));
    return out;
  }
  if (unit.carried_from != null) out.push(t('reasons.carried', { year, from: unit.carried_from }));
  if (unit.partly_carried) out.push(t('reasons.partlyCarried'));
  if (unit.suppressed && unit.suppression_reason) out.push(t(`reasons.suppressed.${unit.suppression_reason}`));
  if (unit.direct) out.push(t('reasons.direct'));
  const thin = unit.aggregate_coverage;
  if (thin?.meaningful === false) out.push(t(unit.level === 'land' ? 'yard.thinAggregateLand' : 'yard.thinAggregate', { members: thin.members, municipalities: tn('nMunicipalities', thin.members_total), name: unitName(unit) }));
  if (unit.members_total != null && unit.coverage < 1) {
    const hidden = (ctx.members ?? []).filter((r) => r.suppressed).length;
    out.push(t('reasons.coverage', { pct: percentText(unit.coverage_percent_tenths, 1), members: unit.members, municipalities: tn('nMunicipalities', unit.members_total),
      hidden: hidden ? t('reasons.coverageHidden', { n: hidden }) : '' }));
  }
  out.push(...absentMeasures(unit));
  if (unit.renumbering?.note) out.push(inLang(unit.renumbering.note));
  else if (ctx.renumbered) out.push(t('yard.renumbered', ctx.renumbered));
  return out;
}

// «M2, M3 og M4 kan ikke regnes ut: …», or null when every measure is computed.
function absentText(unit) {
  const absent = MEASURES.filter((m) => unit.arsverk[m] == null);
  return absent.length ? t('yard.absent', { list: listText(absent), what: t(absent.length === 1 ? 'yard.absentOne' : 'yard.absentMany') }) : null;
}

// Which measures the unit has: "M2, M3 og M4 kan ikke regnes ut", and for an aggregate how many
// of its municipalities each measure rests on when that is not all of them.
function absentMeasures(unit) {
  if (!unit.arsverk) return [];
  const out = [];
  const absent = absentText(unit);
  if (absent) out.push(absent);
  const per = unit.members_per_measure;
  if (per) {
    for (const m of MEASURES) {
      if (per[m] && per[m] < unit.members) out.push(t('yard.perMeasure', { m, n: per[m], members: unit.members }));
    }
  }
  return out;
}

// Rule 2 as the core applied it: on a file without target groups it could not be, and the line
// must not say municipalities were left out when none could be.
function suppressionText(rules) {
  if (!rules.suppression) return t('yard.suppressionOff');
  return rules.suppression_unapplied ? tn('yard.suppressionUnapplied', rules.suppression_unapplied) : t('yard.suppressionOn');
}

// "Regler for 2023: tall føres ikke videre (reglene for dataåret); …" from the core's `rules`.
function rulesText(rules) {
  if (!rules) return '';
  const basis = (rule) => t(rules.basis?.[rule] === 'setting' ? 'yard.basisSetting' : 'yard.basisAuto');
  // Both by the same basis: said once, after the year («Regler for 2025 (reglene for dataåret): …»).
  const same = basis('carry_forward') === basis('suppression');
  return t('yard.rules', {
    year: same ? `${rules.year}${basis('carry_forward')}` : rules.year,
    carry: t(rules.carry_forward ? 'yard.carryOn' : 'yard.carryOff') + (same ? '' : basis('carry_forward')),
    suppression: suppressionText(rules) + (same ? '' : basis('suppression')),
  });
}

// A comparison's footing: an aggregate's own sums, "Østfold: 4 av 13 kommuner har tall i filene
// (31 % av innbyggerne)."; a KOSTRA group's comparison (`compared`), "KOSTRA-gruppe 10: 3 av 13
// kommuner er med i sammenligningen …" — a municipality left out by rule 2 has figures, but is
// not compared, and the two counts must not read as one.
export function coverageText(name, c, { compared = false } = {}) {
  if (!c) return '';
  // To a tenth, as the aggregate's own coverage (coverage_percent_tenths): one share, one rounding
  // (it read «20 %» in one line and «19,7 %» in another); and 99,6 % never reads «100 %».
  const pct = percentText(c.population_percent_tenths, 1);
  if (c.from_reference) {
    return t(compared ? 'yard.comparedRef' : 'yard.coverageRef', { name, members: c.members, municipalities: tn('nMunicipalities', c.members_total), own: c.members - c.from_reference,
      ref: c.from_reference, year: c.reference_year, files: listText(c.reference_files ?? []), pct });
  }
  return t(compared ? 'yard.compared' : 'yard.coverage', { name, members: c.members, municipalities: tn('nMunicipalities', c.members_total), pct });
}

// Whether the unit's rank, median and fences mean something (the core's judgement).
export const comparisonMeaningful = (unit) => Boolean(unit?.comparison?.coverage?.meaningful);

// Municipalities of an aggregate left out of the display (suppressed; still in its sums).
function leftOutOf(results, group) {
  const belongs = { land: () => true, fylke: (r) => r.fylke === group.code, kostragruppe: (r) => r.kostragruppe === group.code }[group.level];
  return belongs ? (results ?? []).filter((r) => r.level === 'kommune' && r.year === group.year && r.suppressed && belongs(r)).length : 0;
}

// An aggregate's own coverage counts its left-out municipalities (they are in its sums); a KOSTRA
// comparison's does not (they are not compared): each line says which.
const leftOutText = (n, counted) => (n ? ` ${counted ? t('yard.leftOutCounted', { n }) : tn('yard.leftOutBeside', n)}` : '');

// The coverage line of each comparison shown, [text, meaningful], for the screen and the print.
export function coverageLines(unit, peers, results) {
  const lines = [];
  // Too few for a figure of its own: its column in the comparison is «–», and its line says why.
  // A KOSTRA comparison resting on published figures too counts more members than the sums do.
  const thin = (peer, coverage = null) => (peer?.aggregate_coverage?.meaningful === false
    ? ` ${t(peer.level === 'land' ? 'yard.thinLineLand' : coverage?.from_reference ? 'yard.thinLineReference' : 'yard.thinLine', { name: unitName(peer) })}` : '');
  for (const peer of [peers.fylke, peers.land]) {
    const coverage = peer?.aggregate_coverage;
    if (coverage) lines.push([coverageText(unitName(peer), coverage) + leftOutText(leftOutOf(results, peer), true) + thin(peer), coverage.meaningful]);
  }
  const groupCoverage = unit?.comparison?.coverage ?? peers.kostra?.distribution_coverage;
  if (groupCoverage && peers.kostra) {
    lines.push([coverageText(unitName(peers.kostra), groupCoverage, { compared: true }) + leftOutText(leftOutOf(results, peers.kostra), false) + thin(peers.kostra, groupCoverage),
      groupCoverage.meaningful]);
  }
  return lines;
}

// Coverage of each comparison shown, and what is missing when the group comparison is not meaningful.
function footing(unit, peers, results) {
  const lines = coverageLines(unit, peers, results);
  const groupCoverage = unit?.comparison?.coverage ?? peers.kostra?.distribution_coverage;
  if (!lines.length) return '';
  let html = `<ul class="coverage-list" id="coverage">${lines.map(([text, ok]) => `<li data-meaningful="${ok}">${escape(text)}</li>`).join('')}</ul>`;
  if (groupCoverage && peers.kostra && !groupCoverage.meaningful) {
    const text = groupCoverage.reason === 'alone'
      ? t('yard.notMeaningfulAlone', { group: unitName(peers.kostra) })
      : t('yard.notMeaningful', { reason: t(`yard.${groupCoverage.reason ?? 'few_members'}`) });
    html += `<div class="ds-alert" data-color="${groupCoverage.reason === 'alone' ? 'info' : 'warning'}" id="not-meaningful"><p class="ds-paragraph">${escape(text)}</p></div>`;
  }
  return html;
}

// The messages about this unit and year, with the core's numbers and advice: the checks before
// submission, and what to add when rule 2 left the municipality out (docs/output.md, "args").
export const checksAbout = (unit, year, diagnostics) => (unit
  ? diagnostics.filter((d) => d.args.level === unit.level && d.args.code === unit.code && d.args.year === year) : []);

// A flag of the result that no message says (a fence in a group of the files' own figures, which
// the cards tag): a note of its own, so that the panel never says «none triggered» beside it.
// Carried and suppressed figures are said among the reasons above the cards.
export function unsaidFlags(unit, hits) {
  const said = new Set(hits.map((d) => d.args.flag).filter(Boolean));
  return (unit?.flags ?? []).filter((f) => f !== 'suppressed' && f !== 'carried_forward' && !said.has(f));
}

function checksPanel(unit, info, year, diagnostics) {
  const hits = checksAbout(unit, year, diagnostics);
  const tag = (severity) => `<span class="ds-tag" data-color="${severity === 'warning' ? 'warning' : 'info'}">${escape(t(`severity.${severity}`))}</span>`;
  const items = [
    ...hits.map((d) => `<li class="message" data-severity="${d.severity}" data-code="${escape(d.code)}">${tag(d.severity)} ${escape(coreText(d.message))}</li>`),
    ...unsaidFlags(unit, hits).map((f) => `<li class="message" data-severity="info" data-flag="${escape(f)}">${tag('info')} ${escape(checkText(f))}</li>`),
  ];
  const unchecked = uncheckedTexts(unit);
  const none = t(unchecked.length ? 'yard.noChecksRan' : 'yard.noChecks', { name: beforeYear(info.name), year });
  return `<section class="checks" id="unit-checks" aria-labelledby="checks-heading"><h4 class="ds-heading" data-size="xs" id="checks-heading">${escape(t('yard.checksHeading'))}</h4>` +
    (items.length ? `<ul class="messages">${items.join('')}</ul>` : `<p class="ds-paragraph" data-size="sm">${escape(none)}</p>`) +
    (unchecked.length ? `<ul class="unchecked">${unchecked.map((text) => `<li>${escape(text)}</li>`).join('')}</ul>` : '') +
    '</section>';
}

const publishedShown = (r, m) => shownRate(yardstick(r), m);

// An aggregate's figure only when enough of it has figures in the files: a county or Norway
// computed from one municipality would just repeat that municipality (the coverage line says so).
export const aggregateShown = (r, m) => (r?.aggregate_coverage?.meaningful === false ? null : shown(r, m));

// A county's or Norway's figure from the files, with the published one beside it: "3,1 (publ. 2,8)".
// A year without published figures gets the latest earlier year's, said with its year. The
// published figure goes on a line of its own under the own (the columns stay narrow).
function withPublished(r, m) {
  const published = publishedShown(r, m);
  const own = aggregateShown(r, m);
  const text = published != null ? yardText(yardstick(r), published, true) : null;
  if (own == null && text) return text;
  return text ? { own: own ?? '–', beside: `(${text})` } : own ?? '–';
}

const cellHtml = (v) => (typeof v === 'string' ? escape(v) : `${escape(v.own)} <span class="published-inline">${escape(v.beside)}</span>`);

// The KOSTRA median's label, with the year of the published figures it rests on when that is not
// the data year (a reference file of 2024 beside a 2025 file).
function medianLabel(coverage, year) {
  const label = t('colKostraMedian');
  const from = coverage?.from_reference ? coverage.reference_year : null;
  return from != null && from !== year ? t('yard.medianRefYear', { label, year: from }) : label;
}

// Where the published figures in the table come from (built in, or a reference file).
function publishedNote(unit, peers) {
  const sources = [...new Set([unit, peers.fylke, peers.land].map((r) => yardstick(r)?.source).filter(Boolean))].map(sourceName);
  return sources.length ? `<p class="ds-paragraph note" data-size="sm" id="published-source">${escape(t('yard.publishedSource', { source: listText(sources) }))}</p>` : '';
}

// For an aggregate: its highest and lowest municipality in the chart measure, with a link to all
// of them ranked in the results table.
// The count says what it counts: municipalities with figures shown; those left out of the display
// (suppressed, still in the sums) are named apart, so it agrees with the coverage line.
function extremes({ members, measure }) {
  const ranked = members.filter((r) => !r.suppressed && r.per_1000?.[measure] != null && r.tenths?.[measure] != null)
    .sort((a, b) => b.per_1000[measure] - a.per_1000[measure]);
  if (ranked.length < 2) return '';
  const name = (r) => `${unitName(r)} (${shown(r, measure)})`;
  const hidden = members.filter((r) => r.suppressed).length;
  const text = t('extremes', { measure, high: name(ranked[0]), low: name(ranked[ranked.length - 1]), n: ranked.length }) +
    (hidden ? ` ${tn('extremesHidden', hidden)}` : '');
  return `<p class="ds-paragraph extremes" id="extremes">${escape(text)} ` +
    `<a class="ds-link" href="#table-heading">${escape(t('extremesLink'))}</a></p>`;
}

// A line under a card's figure; the change's figure and percentage as one block, which keeps them
// on one line where they fit and breaks between them only where they do not (a narrow card).
const subLine = (line) => (Array.isArray(line) ? `${escape(line[0])}<span class="change-value">${escape(line[1])}</span>` : escape(line));

function changeText(unit, m) {
  const change = unit && unit.aggregate_coverage?.meaningful !== false && unit.change;
  return change ? changeShown(change, m) : null;
}

// `short`: in the comparison table, whose median column says which group (the full text as its title).
function fenceTag(unit, m, short = false) {
  const fence = comparisonMeaningful(unit) ? unit.comparison.outside_fences?.[m] : null;
  if (!fence) return '';
  const key = fence === 'high' ? 'fenceHigh' : 'fenceLow';
  const title = short ? ` title="${escape(t(key))}"` : '';
  return `<span class="ds-tag fence" data-color="warning" data-fence="${fence}"${title}>${fence === 'high' ? '▲ ' : '▼ '}${escape(t(short ? `${key}Short` : key))}</span>`;
}

// A column heading of the comparison table as two lines at most on a phone, where styles.css keeps
// each line whole: split at the space that makes the longer line shortest («Forskjell fra» /
// «median», «KOSTRA-gruppe» / «10»). Word by word, the long headings took three lines, and the
// row a band of empty space above the one-line headings a phone shows first. Elsewhere they wrap
// as the text would; the text itself, and what a screen reader reads, is unchanged.
function headingLines(text) {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (!spaces.length) return escape(text);
  const longer = (i) => Math.max(i, text.length - i - 1);
  const at = spaces.reduce((best, i) => (longer(i) < longer(best) ? i : best));
  return `<span class="head-line">${escape(text.slice(0, at))}</span> <span class="head-line">${escape(text.slice(at + 1))}</span>`;
}

export function renderKeyFigures(el, ctx) {
  const { unit, info, year, peers } = ctx;
  const schema = unit ? unit.schema : schemaOf(year);
  // A comparison that rests on too little shows no median, rank or difference (its coverage says why).
  const cmp = comparisonMeaningful(unit) ? unit.comparison : null;
  const levelText = t(`levels.${info.level}`);
  const context = [levelText, unitName(peers.fylke), unitName(peers.kostra)].filter(Boolean).join(' · ');
  let html = `<h3 class="ds-heading" data-size="md" id="key-heading" tabindex="-1">${escape(t('keyFor', { name: beforeYear(info.name), year }))}</h3>`;
  const code = info.level === 'land' ? '' : `${info.code} · `;
  html += `<p class="ds-paragraph unit-context">${escape(`${code}${context}`)}</p>`;
  if (unit && unit.population) {
    const source = unit.population_source === 'file' ? t('sourceFile', { file: unit.population_file }) : t('sourceEmbedded');
    // A county or Norway resting on too few municipalities: the population is theirs, not the whole's.
    const pop = unit.aggregate_coverage?.meaningful === false ? t('yard.thinPopulation', { pop: fmtInt(unit.population) }) : fmtInt(unit.population);
    html += `<p class="ds-paragraph population" data-size="sm">${escape(t('populationInfo', { pop, year: unit.population_year, source }))}</p>`;
  }
  html += extremes(ctx);
  const why = reasons(ctx);
  const rules = rulesText(ctx.rules);
  // The year's rules are a note under the cards of a unit with figures (above them, in the box of
  // what to know about them, they pushed the first figure a screen down on a phone); without
  // figures, they are part of why.
  const rulesBelow = Boolean(unit && rules);
  if (rules && !rulesBelow) why.push(rules);
  if (why.length) {
    html += `<div class="ds-alert reasons" data-color="info" id="unit-reasons">${why.map((w) => `<p class="ds-paragraph">${escape(w)}</p>`).join('')}</div>`;
  }

  // Four cards: the big number, with the group median, rank and change beneath.
  html += '<ul class="cards" aria-label="' + escape(t('perThousand')) + '">';
  for (const m of MEASURES) {
    const value = aggregateShown(unit, m);
    const lines = [];
    if (publishedShown(unit, m) != null) lines.push(yardText(yardstick(unit), publishedShown(unit, m)));
    if (cmp && cmp.median_tenths[m] != null) lines.push(`${medianLabel(cmp.coverage, year)}: ${tenthsText(cmp.median_tenths[m])}`);
    if (rankText(cmp, m)) lines.push(`${t('colRank')}: ${rankText(cmp, m)}`);
    const change = changeText(unit, m);
    if (change) lines.push([`${t('colChange', { year: unit.change.from_year })}: `, change]);
    html += `<li class="card" data-measure="${m}">` +
      `<p class="card-label"><strong>${m}</strong> ${escape(measureLabel(schema, m))}</p>` +
      `<p class="card-value"><span class="value" data-measure="${m}">${escape(value ?? '–')}</span>` +
      `<span class="unit-text">${value ? escape(t('perThousand')) : escape(t('noValue'))}</span></p>` +
      (lines.length ? `<p class="card-sub">${lines.map(subLine).join('<br>')}</p>` : '') +
      fenceTag(unit, m) + '</li>';
  }
  html += '</ul>';
  if (rulesBelow) html += `<p class="ds-paragraph note" data-size="sm" id="unit-rules">${escape(rules)}</p>`;
  // The checks before submission are about a municipality's or district's own figures.
  if (info.level === 'kommune' || info.level === 'bydel') html += checksPanel(unit, info, year, ctx.diagnostics ?? []);
  // Right under the figures: what they mean and how they are computed.
  html += explanation(unit, info, year, schema, el.querySelector('#explain')?.open);

  // The comparison table: the same figures beside the unit's county, Norway and KOSTRA group.
  const cols = [];
  cols.push([info.name, (m) => aggregateShown(unit, m) ?? '–', 'unit']);
  const yard = yardstick(unit);
  if (yard) cols.push([yard.latest ? t('yard.publishedColYear', { year: yard.year }) : t('yard.publishedCol'), (m) => publishedShown(unit, m) ?? '–', 'published']);
  if (peers.oslo) cols.push([unitName(peers.oslo), (m) => shown(peers.oslo, m) ?? '–', 'oslo']);
  if (peers.fylke) cols.push([unitName(peers.fylke), (m) => withPublished(peers.fylke, m), 'fylke']);
  if (peers.land && info.level !== 'land') cols.push([unitName(peers.land), (m) => withPublished(peers.land, m), 'land']);
  if (peers.kostra) {
    cols.push([unitName(peers.kostra), (m) => aggregateShown(peers.kostra, m) ?? '–', 'kostra']);
    const dist = peers.kostra.distribution;
    // The unit's own comparison gives no median for a measure too few peers have (reference rates of
    // M1 and M2 only): the column says «–» there, as the cards do, not the unit's own figure.
    const median = (m) => (cmp ? cmp.median_tenths[m] : dist[m]?.median_tenths) ?? null;
    if (dist && (cmp || peers.kostra.distribution_coverage?.meaningful)) cols.push([medianLabel(cmp?.coverage ?? peers.kostra.distribution_coverage, year), (m) => tenthsText(median(m)) ?? '–', 'median']);
  }
  if (cmp) {
    cols.push([t('colRankShort'), (m) => rankText(cmp, m, { short: true }) ?? '–', 'rank']);
    cols.push([t('colDiff'), (m) => signedTenthsText(cmp.diff_tenths[m]) ?? '–', 'diff']);
  }
  const change = unit && unit.change && unit.aggregate_coverage?.meaningful !== false;
  if (change) cols.push([t('colChange', { year: unit.change.from_year }), (m) => changeText(unit, m) ?? '–', 'change']);
  html += `<div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-caption"><table class="ds-table compare-table" data-border data-size="sm" id="compare-table">` +
    `<caption id="compare-caption">${escape(`${beforeYear(info.name)} ${year}: ${t('perThousand')}`)}</caption>` +
    `<thead><tr><th scope="col">${escape(t('colMeasure'))}</th>${cols.map(([h]) => `<th scope="col" class="num">${headingLines(h)}</th>`).join('')}</tr></thead><tbody>`;
  for (const m of MEASURES) {
    html += `<tr data-measure="${m}"><th scope="row">${m} ${escape(measureLabel(schema, m))}</th>` +
      cols.map(([, f, k]) => `<td class="num" data-col="${k}">${cellHtml(f(m))}${k === 'unit' ? fenceTag(unit, m, true) : ''}</td>`).join('') + '</tr>';
  }
  html += '</tbody></table></div>';
  html += `<p class="ds-paragraph scroll-note" data-size="sm" aria-hidden="true">${escape(t('scrollNote'))}</p>`;
  html += publishedNote(unit, peers);
  html += footing(unit, peers, ctx.results);
  const rounding = cmp && change ? 'diffChangeNote' : cmp ? 'diffNote' : change ? 'changeNote' : null;
  if (rounding) html += `<p class="ds-paragraph note" data-size="sm">${escape(t(rounding))}</p>`;
  html += `<p class="ds-paragraph note" data-size="sm">${escape(t('schemaNote'))}</p>`;
  writeHtml(el, html);
}

// The plain words, with the measures of the year's schema after what counts: a reader of 2023's
// figures is not first told 2024's letters.
function plainParagraphs(s2024) {
  const [fte, counted, leftOut, ...rest] = t('explain.plain');
  return [fte, counted, leftOut, t(s2024 ? 'explain.plainMeasures2024' : 'explain.plainMeasures2015'), ...rest];
}

// "Hva betyr M1–M4?" and "Slik er tallet regnet ut" for the unit in view: the core's numerator,
// population (with source and date) and result, put into the formula. Open if it was.
function explanation(unit, info, year, schema, open) {
  const s2024 = schema !== '2015';
  let html = `<details class="ds-details explain" id="explain"${open ? ' open' : ''}><summary>${escape(t('explain.summary'))}</summary><div class="explain-body">`;
  // Plain words first, for anyone new to the indicator (a teacher can read them aloud).
  html += `<section class="explain-plain" id="explain-plain" aria-labelledby="explain-plain-heading"><h4 class="ds-heading" data-size="xs" id="explain-plain-heading">${escape(t('explain.plainHeading'))}</h4>` +
    plainParagraphs(s2024).map((p) => `<p class="ds-paragraph">${escape(p)}</p>`).join('') + '</section>';
  html += `<h4 class="ds-heading" data-size="xs">${escape(t('explain.measuresHeading', { schema: t(s2024 ? 'explain.schema2024' : 'explain.schema2015') }))}</h4>`;
  if (s2024) {
    html += `<p class="ds-paragraph">${escape(t('explain.categoriesIntro'))}</p><ul class="explain-list">` +
      ['a', 'b', 'c', 'd', 'e'].map((c) => `<li><strong>${c}</strong> ${escape(t(`explain.categories.${c}`))}</li>`).join('') + '</ul>';
  }
  html += '<ul class="explain-list">' + MEASURES.map((m) => `<li><strong>${m}</strong> ${escape(measureLabel(schema, m))}: ` +
    `${escape(t(`explain.measures${s2024 ? 2024 : 2015}.${m}`))}</li>`).join('') + '</ul>';
  html += `<p class="ds-paragraph">${escape(t('explain.perThousand'))}</p>`;
  html += `<h4 class="ds-heading" data-size="xs" id="explain-how">${escape(t('explain.howHeading', { name: beforeYear(info.name), year }))}</h4>`;
  html += computation(unit, info, year);
  html += `<h4 class="ds-heading" data-size="xs" id="explain-around">${escape(t('explain.aroundHeading'))}</h4><ul class="explain-list" id="explain-around-list">` +
    t('explain.around').map(([term, meaning]) => `<li><strong>${escape(term)}:</strong> ${escape(meaning)}</li>`).join('') + '</ul>';
  return `${html}</div></details>`;
}

// Each measure's FTEs as the sum of its parts by education (the core's rule for the year, and the
// result's parts): «M2 = a + b = 12,5 + 20,25 = 32,75 årsverk». None when the result has no parts
// (docs/output.md, "education": a measure absent, the measures not nested, an aggregate's members).
function composition(unit, year) {
  const rule = educationPartsOf(year);
  if (!unit.education || !rule) return '';
  const label = (part, alone) => {
    const names = rule.categories[part].map((c) => t(`explain.partNames.${c}`));
    return names.length > 1 && !alone ? `(${names.join(' + ')})` : names.join(' + ');
  };
  const items = MEASURES.map((m) => {
    const parts = rule.measures[m];
    const names = parts.map((p) => label(p, parts.length === 1)).join(' + ');
    const values = parts.length > 1 ? `${parts.map((p) => fmtFtes(unit.education.parts[p])).join(' + ')} = ` : '';
    return `<li data-parts="${m}">${escape(t('explain.composition', { m, names, values, arsverk: fmtFtes(unit.arsverk[m]) }))}</li>`;
  });
  const together = rule.categories.flatMap((categories, part) => (categories.length > 1
    ? [`<p class="ds-paragraph note" data-size="sm">${escape(t('explain.compositionTogether', { names: label(part, true) }))}</p>`] : []));
  return `<p class="ds-paragraph">${escape(t('explain.compositionIntro'))}</p><ul class="explain-list explain-composition">${items.join('')}</ul>${together.join('')}`;
}

function computation(unit, info, year) {
  if (!unit || !unit.arsverk || !unit.population || !unit.tenths) {
    // Left out of the display, its figures are in the sums: not «no figures».
    const why = unit?.suppressed ? 'explain.suppressed' : 'explain.none';
    return `<p class="ds-paragraph">${escape(t(why, { name: beforeYear(info.name), year }))}</p>`;
  }
  const source = unit.population_source === 'file' ? t('explain.sourceFile', { file: unit.population_file }) : t('explain.sourceEmbedded');
  const pop = fmtInt(unit.population);
  const lines = [t('explain.population', { pop, year: unit.population_year, source })];
  if (unit.members_total != null) lines.push(t('explain.numeratorAggregate', { members: unit.members, municipalities: tn('nMunicipalities', unit.members_total) }));
  let html = `<ul class="explain-list">${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`;
  html += composition(unit, year);
  html += '<p class="ds-paragraph explain-formula">' + MEASURES.filter((m) => unit.arsverk[m] != null && unit.tenths[m] != null)
    .map((m) => `<code data-measure="${m}">${escape(t('explain.formula', { m, arsverk: fmtFtes(unit.arsverk[m]), pop, result: shown(unit, m) }))}</code>`)
    .join('') + '</p>';
  // The measures without a formula say why here too: a teacher reading how the figures are made
  // would otherwise see M1 alone, with no word on the rest.
  const absent = absentText(unit);
  if (absent) html += `<p class="ds-paragraph" id="explain-absent">${escape(absent)}</p>`;
  return `${html}<p class="ds-paragraph note" data-size="sm">${escape(t('explain.rounding'))}</p>`;
}
