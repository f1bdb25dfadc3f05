// Årsverk rows (wide: categories as columns; long: one category per row) and reference rows
// (published rates per 1 000 inhabitants).
#include <algorithm>

#include "table_reader_impl.hpp"

namespace arsverk::detail {

void TableReader::Impl::reference_row(const Row& r) {
  if (values_full) return;
  auto year = parse_year(r, year_col);
  if (!year) return;
  auto unit = arsverk_unit(r, *year);
  if (!unit) return;
  if (layout == Layout::RefLong) {
    std::string_view text = cell(r, category_col);
    std::optional<int> measure = match_reference_measure(text);
    if (!measure) {
      ctx.report(Severity::Error, "reference.unknown_measure", r.line, category_col + 1,
                 q(text) + " er ikke et måltall vi kjenner. Skriv M1–M4, «Totalt», «Minimum helse- "
                 "og sosialfaglig vgs», «Helse- og sosialfaglig utdanning fra universitet/høyskole» "
                 "eller «Annen utdanning fra universitet/høyskole». Raden er hoppet over.",
                 q(text) + " is not a measure we know. Write M1–M4, \"Total\", \"Min. "
                 "health/social upper secondary\", \"Health and social education, "
                 "university/college\" or \"Other education, university/college\". The row was "
                 "skipped.");
      return;
    }
    reference_value(r, value_col, *unit, *year, *measure);
    return;
  }
  for (std::size_t i = 0; i < ref_cols.size(); ++i)
    reference_value(r, ref_cols[i], *unit, *year, ref_measures[i]);
}

void TableReader::Impl::reference_value(const Row& r, int col, const std::string& unit, int year, int measure) {
  std::string_view t = cell(r, col);
  ParsedNumber n = parse_decimal(t, comma_decimal);
  if (n.status == NumberStatus::Empty || n.status == NumberStatus::SsbMissing) {
    note_missing(r, col, t);
    return;
  }
  if (n.status == NumberStatus::NotANumber || n.status == NumberStatus::OutOfRange ||
      n.value.micro() < 0 || n.value > kMaxRate) {
    ctx.report(Severity::Error, "reference.bad_rate", r.line, col + 1,
               q(t) + " er ikke en rate per 1 000 innbyggere (et tall fra 0 til 1000, for "
               "eksempel 2,8). Verdien er hoppet over.",
               q(t) + " is not a rate per 1,000 inhabitants (a number from 0 to 1000, for "
               "example 2.8). The value was skipped.");
    return;
  }
  if (ctx.out.reference.size() >= ctx.limits.max_values) {
    values_full = true;
    ctx.report(Severity::Error, "file.too_many_values", r.line, 0,
               "Filen har mer enn " + std::to_string(ctx.limits.max_values) +
                   " rater. Resten av filen fra og med denne linjen er ikke lest.",
               "The file has more than " + std::to_string(ctx.limits.max_values) +
                   " rates. The rest of the file from this line on was not read.");
    return;
  }
  ctx.out.reference.push_back(
      ReferenceRate{unit, year, measure, n.value, ctx.file_index, r.line});
}

std::optional<std::string> TableReader::Impl::arsverk_unit(const Row& r, int year) {
  std::string_view t = cell(r, unit_col);
  if (t.empty()) {
    ctx.report(Severity::Error, "unit.missing", r.line, unit_col + 1,
               "Enheten (kommune/bydel) mangler. Skriv kommunenummeret. Raden er hoppet over.",
               "The unit (municipality/district) is missing. Write the municipality number. The "
               "row was skipped.");
    return std::nullopt;
  }
  std::optional<Structure> s = structure_for_year(year);
  std::string key = std::string(t) + '\x1f' + (s ? to_string(*s) : "-");
  auto it = unit_cache.find(key);
  if (it == unit_cache.end()) {
    UnitResult res = parse_unit(t, year, *ctx.registers);
    if (unit_cache.size() > 100000) unit_cache.clear();
    it = unit_cache.emplace(key, std::move(res)).first;
  }
  const UnitResult& u = it->second;
  if (u.status != UnitStatus::Ok) {
    report_bad_unit(ctx, u, t, r.line, unit_col + 1, "Raden er hoppet over.", "The row was skipped.");
    return std::nullopt;
  }
  if (u.restored_zero) report_restored_zero(ctx, restored_zero_reported, t, u.code, r.line, unit_col + 1);
  if (u.thousands_grouped)
    report_thousands_grouped(ctx, thousands_reported, Severity::Warning, t, u.code, r.line, unit_col + 1);
  if (!u.name_conflict.empty()) {
    ctx.report(Severity::Warning, "unit.name_mismatch", r.line, unit_col + 1,
               q(t) + ": nummeret og navnet gjelder ulike enheter i " + std::to_string(year) +
                   " (navnet er " + q(u.name_conflict) + "). Nummeret " + q(u.code) +
                   " er brukt. Rett nummeret eller navnet.",
               q(t) + ": the number and the name are different units in " + std::to_string(year) +
                   " (the name is " + q(u.name_conflict) + "). The number " + q(u.code) +
                   " was used. Correct the number or the name.");
  }
  return u.code;
}

void TableReader::Impl::note_service(std::string_view text, int64_t line) {
  std::string service(text);
  if (services_seen.count(service) || services_seen.size() >= 10000) return;
  services_seen.insert(service);
  if (service_scope(service) != ServiceScope::ExclusionNegated) return;
  ctx.report(Severity::Info, "service.exclusion_negated", line, service_col + 1,
             "Tjenesten " + q(service) + " nevner demens, utviklingshemming eller generell "
             "forebygging bare som unntatt, og er regnet med i indikatoren. Sjekk at årsverkene "
             "ikke gjelder slikt arbeid.",
             "The service " + q(service) + " names dementia, intellectual disability or general "
             "prevention only as left out, and is counted in the indicator. Check that its FTEs "
             "are not for such work.");
}

bool TableReader::Impl::says_rate(const Row& r) {
  for (std::size_t i = 0; i < columns.size() && i < r.fields.size(); ++i) {
    const int col = static_cast<int>(i);
    if (col == unit_col || column_holds_figures(col) || !has_rate_marker(r.fields[i])) continue;
    ctx.report(Severity::Error, "value.rate_not_fte", r.line, col + 1,
               q(r.fields[i]) + " sier at tallet på raden er en rate per 1 000 innbyggere, ikke "
               "årsverk. Raden er hoppet over. Publiserte rater leses som referansefil: gi "
               "verdikolonnen en overskrift som «Årsverk per 1 000 innbyggere».",
               q(r.fields[i]) + " says the figure on this row is a rate per 1,000 inhabitants, "
               "not FTEs. The row was skipped. Published rates are read as a reference file: "
               "head the value column e.g. \"FTEs per 1,000 inhabitants\".");
    return true;
  }
  return false;
}

bool TableReader::Impl::column_holds_figures(int col) const {
  return col == value_col || std::find(cat_cols.begin(), cat_cols.end(), col) != cat_cols.end();
}

void TableReader::Impl::report_figures_without_header(const Row& r) {
  for (int c : unnamed_cols) {
    std::string_view t = cell(r, c);
    if (t.empty()) continue;
    unnamed_reported = true;
    ctx.report(Severity::Warning, "header.unnamed_column", r.line, c + 1,
               "Kolonne " + std::to_string(c + 1) + " har ingen overskrift, men inneholder " +
                   q(t) + ". Den er ikke lest. Gi kolonnen en overskrift (for eksempel en "
                   "kategori) hvis tallene skal telle med.",
               "Column " + std::to_string(c + 1) + " has no header but holds " + q(t) +
                   ". It was not read. Give the column a header (a category, for example) if "
                   "its figures should count.");
    return;
  }
}

bool TableReader::Impl::arsverk_number(const Row& r, int col, std::optional<Fixed>& out, CellAmbiguity& ambiguity) {
  std::string_view t = cell(r, col);
  ParsedNumber n = parse_decimal(t, comma_decimal);
  out.reset();
  ambiguity = {};
  switch (n.status) {
    case NumberStatus::Empty: return true;
    case NumberStatus::SsbMissing: note_missing(r, col, t); return true;
    case NumberStatus::NotANumber:
      ctx.report(Severity::Error, "number.not_a_number", r.line, col + 1,
                 q(t) + " er ikke et tall. " + cell_nb_hint_number() + " Raden er hoppet over.",
                 q(t) + " is not a number. " + cell_en_hint_number() + " The row was skipped.");
      return false;
    case NumberStatus::OutOfRange: report_too_large(r, col, t); return false;
    case NumberStatus::TooPrecise:
      ctx.report(Severity::Warning, "number.too_precise", r.line, col + 1,
                 q(t) + " har flere enn 6 desimaler og er avrundet til " +
                     fixed_text(n.value, true) + ".",
                 q(t) + " has more than 6 decimals and was rounded to " +
                     fixed_text(n.value, false) + ".");
      break;
    case NumberStatus::Ok: break;
  }
  if (n.value.micro() < 0) {
    ctx.report(Severity::Error, "number.negative", r.line, col + 1,
               q(t) + " er negativt. Årsverk kan ikke være negative; rett tallet. Raden er hoppet "
                      "over.",
               q(t) + " is negative. FTEs cannot be negative; correct the number. The row was "
                      "skipped.");
    return false;
  }
  if (n.value > kMaxArsverkCell) {
    report_too_large(r, col, t);
    return false;
  }
  note_decimal_evidence(n);
  if (n.ambiguous_mark) {
    ambiguity.mark = n.ambiguous_mark;
    ambiguity.column = col + 1;
    ambiguity.other = parse_decimal(t, !comma_decimal).value;
  }
  out = n.value;
  return true;
}

void TableReader::Impl::report_too_large(const Row& r, int col, std::string_view t) {
  ctx.report(Severity::Error, "number.out_of_range", r.line, col + 1,
             q(t) + " er mer enn 1 000 000 årsverk, langt mer enn noen kommune har. Sjekk cellen "
                    "(tusenskille, desimaltegn). Raden er hoppet over.",
             q(t) + " is more than 1,000,000 FTEs, far more than any municipality has. Check the "
                    "cell (thousands separator, decimal mark). The row was skipped.");
}

void TableReader::Impl::note_decimal_evidence(const ParsedNumber& n) {
  if (n.decimal_mark) ++decimal_seen[n.decimal_mark == '.'];
  if (n.thousands_mark) ++thousands_seen[n.thousands_mark == '.'];
  if (!n.ambiguous_mark && !n.decimal_mark && !n.thousands_mark &&
      n.value >= Fixed::from_micro(1000 * Fixed::kScale))
    ++plain_thousands;  // "1250": this file writes thousands without a separator
}

void TableReader::Impl::settle_ambiguous() {
  for (char mark : {',', '.'}) {
    const int m = mark == '.', other = 1 - m;
    const int64_t as_decimal = decimal_seen[m] + thousands_seen[other] + plain_thousands;
    const int64_t as_thousands = thousands_seen[m] + decimal_seen[other];
    const bool guessed_decimal = (mark == ',') == comma_decimal;
    const bool decided = (as_decimal > 0) != (as_thousands > 0);
    const bool decimal = decided ? as_decimal > 0 : guessed_decimal;
    for (Ambiguous& a : ambiguous) {
      if (a.mark != mark) continue;
      ArsverkValue& v = ctx.out.arsverk[a.index];
      if (decimal != guessed_decimal) std::swap(v.value, a.other);
      if (!decided) report_ambiguous(a, v.value, decimal);
    }
  }
}

void TableReader::Impl::report_ambiguous(const Ambiguous& a, Fixed used, bool decimal) {
  const Fixed as_decimal = decimal ? used : a.other, as_whole = decimal ? a.other : used;
  ctx.report(Severity::Warning, "number.ambiguous", a.line, a.column,
             std::string("Tallet med «") + a.mark + "» og tre sifre etter kan være " +
                 fixed_text(as_decimal, true) + " eller " + fixed_text(as_whole, true) +
                 ", og resten av filen avgjør ikke hvilket. Lest som " + fixed_text(used, true) +
                 ". Skriv desimaltall med komma (12,5) og store tall uten tusenskille (1250).",
             std::string("The number with \"") + a.mark + "\" and three digits after it can be " +
                 fixed_text(as_decimal, false) + " or " + fixed_text(as_whole, false) +
                 ", and the rest of the file does not tell which. Read as " +
                 fixed_text(used, false) + ". Write decimals with one mark (12.5) and large "
                 "numbers without a thousands separator (1250).");
}

void TableReader::Impl::arsverk_row(const Row& r) {
  if (values_full) return;
  auto year = parse_year(r, year_col);
  if (!year) return;
  auto unit = arsverk_unit(r, *year);
  if (!unit) return;
  TargetGroup group = TargetGroup::Unspecified;
  if (group_col >= 0) {
    std::string_view g = cell(r, group_col);
    switch (match_group(g)) {
      case GroupMatch::Adults: group = TargetGroup::Adults; break;
      case GroupMatch::Children: group = TargetGroup::Children; break;
      case GroupMatch::Empty: break;
      case GroupMatch::Unknown:
        ctx.report(Severity::Warning, "group.unknown", r.line, group_col + 1,
                   q(g) + " er ikke en målgruppe vi kjenner. Skriv «voksne» eller «barn og unge». "
                          "Raden er hoppet over.",
                   q(g) + " is not a target group we know. Write \"voksne\" (adults) or \"barn og "
                          "unge\" (children and young people). The row was skipped.");
        return;
    }
  }
  if (!unnamed_reported) report_figures_without_header(r);
  if (says_rate(r)) return;
  std::string_view service = cell(r, service_col);
  if (!service.empty()) note_service(service, r.line);
  struct Item { CategoryMatch cat; Fixed value; CellAmbiguity ambiguity; int column; };
  std::vector<Item> items;
  bool ok = true;
  CellAmbiguity ambiguity;
  if (layout == Layout::Wide) {
    for (int c : cat_cols) {
      std::optional<Fixed> v;
      if (!arsverk_number(r, c, v, ambiguity)) ok = false;
      else if (v) items.push_back({columns[c].category, *v, ambiguity, c + 1});
    }
  } else {
    std::string_view ct = cell(r, category_col);
    auto cat = match_category(ct);
    if (!cat) {
      if (ct.empty())
        ctx.report(Severity::Error, "category.missing", r.line, category_col + 1,
                   "Kategorien mangler. Skriv a, b, c, d eller e (fra 2024) eller M1–M4 (til og med "
                   "2023). Raden er hoppet over.",
                   "The category is missing. Write a, b, c, d or e (from 2024) or M1–M4 (up to "
                   "2023). The row was skipped.");
      else
        ctx.report(Severity::Error, "category.unknown", r.line, category_col + 1,
                   q(ct) + " er ikke en utdanningskategori vi kjenner. Skriv a, b, c, d eller e "
                           "(fra 2024) eller M1–M4 (til og med 2023). Raden er hoppet over.",
                   q(ct) + " is not an education category we know. Write a, b, c, d or e (from "
                           "2024) or M1–M4 (up to 2023). The row was skipped.");
      return;
    }
    std::optional<Fixed> v;
    if (!arsverk_number(r, value_col, v, ambiguity)) ok = false;
    else if (v) items.push_back({*cat, *v, ambiguity, value_col + 1});
  }
  if (!ok) return;
  if (ctx.out.arsverk.size() + items.size() > ctx.limits.max_values) {
    // Memory is bounded by the values kept: far beyond any real årsverk file, stop keeping.
    values_full = true;
    ctx.report(Severity::Error, "file.too_many_values", r.line, 0,
               "Filen har mer enn " + std::to_string(ctx.limits.max_values) +
                   " årsverkstall, langt flere enn alle kommuner og bydeler har til sammen. "
                   "Resten av filen fra og med denne linjen er ikke lest. Sjekk at filen ikke "
                   "inneholder de samme radene mange ganger, eller del den opp.",
               "The file has more than " + std::to_string(ctx.limits.max_values) +
                   " FTE figures, far more than all municipalities and districts together. "
                   "The rest of the file from this line on was not read. Check that the file "
                   "does not repeat the same rows many times, or split it.");
    return;
  }
  for (const auto& it : items) {
    ArsverkValue av;
    av.unit = *unit;
    av.year = *year;
    av.group = group;
    av.service = service;
    av.category = it.cat.category;
    av.value = it.value;
    av.file = ctx.file_index;
    av.line = r.line;
    av.column = static_cast<uint16_t>(it.column);  // at most max_columns (2000)
    if (it.ambiguity.mark)
      ambiguous.push_back({ctx.out.arsverk.size(), r.line, it.ambiguity.column, it.ambiguity.mark,
                           it.ambiguity.other});
    if (it.cat.provisional_total) provisional.push_back(ctx.out.arsverk.size());
    else if (layout == Layout::Long) note_category(it.cat);
    ctx.out.arsverk.push_back(std::move(av));
  }
}

void TableReader::Impl::resolve_totals() {
  auto& values = ctx.out.arsverk;
  for (std::size_t i : provisional) {
    ArsverkValue& v = values[i];
    bool m1;
    if (seen_m && !seen_ae && !seen_disjoint) m1 = true;
    else if (!seen_m && (seen_ae || seen_disjoint)) m1 = false;
    else if (!seen_m) m1 = v.year <= 2023;  // only a total: M1 for schema 2015
    else m1 = v.year <= 2023;
    v.category = m1 ? Category::M1 : Category::Total;
  }
}

}  // namespace arsverk::detail
