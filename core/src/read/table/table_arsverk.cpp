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
      ctx.report(r.line, category_col + 1, msg::ReferenceUnknownMeasure{text});
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
  if (kind(r, col) == CellKind::FormulaWithoutValue && refuse_workbook_figure(r, col)) return;
  ParsedNumber n = parse_decimal(t, comma_decimal || kind(r, col) == CellKind::Number);
  if (n.status == NumberStatus::Empty || n.status == NumberStatus::SsbMissing) {
    note_missing(r, col, t);
    return;
  }
  if (n.status == NumberStatus::NotANumber || n.status == NumberStatus::OutOfRange ||
      n.value.micro() < 0 || n.value > kMaxRate) {
    ctx.report(r.line, col + 1, msg::ReferenceBadRate{t});
    return;
  }
  if (ctx.values_before + ctx.out.reference.size() >= ctx.limits.max_values) {
    values_full = true;
    ctx.report(r.line, 0, msg::ReferenceTooManyRates{ctx.limits.max_values});
    return;
  }
  ctx.out.reference.push_back(
      ReferenceRate{unit, year, measure, n.value, r.line});
}

std::optional<std::string> TableReader::Impl::arsverk_unit(const Row& r, int year) {
  return arsverk_unit(r, year, cell(r, unit_col));
}

std::optional<std::string> TableReader::Impl::arsverk_unit(const Row& r, int year, std::string_view t) {
  if (t.empty()) {
    ctx.report(r.line, unit_col + 1, msg::UnitMissing{});
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
    ctx.report(r.line, unit_col + 1, msg::UnitNameMismatch{t, year, u.name_conflict, u.code});
  }
  return u.code;
}

void TableReader::Impl::note_service(std::string_view text, int64_t line) {
  std::string service(text);
  if (services_seen.count(service) || services_seen.size() >= 10000) return;
  services_seen.insert(service);
  if (service_scope(service) != ServiceScope::ExclusionNegated) return;
  ctx.report(line, service_col + 1, msg::ServiceExclusionNegated{service});
}

bool TableReader::Impl::says_rate(const Row& r) {
  for (std::size_t i = 0; i < columns.size() && i < r.fields.size(); ++i) {
    const int col = static_cast<int>(i);
    if (col == unit_col || column_holds_figures(col) || !says_rate_mark(r.fields[i])) continue;
    ctx.report(r.line, col + 1, msg::ValueRateNotFte{r.fields[i]});
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
    ctx.report(r.line, c + 1, msg::HeaderUnnamedColumn{static_cast<int>(c + 1), t});
    return;
  }
}

bool TableReader::Impl::refuse_workbook_figure(const Row& r, int col) {
  std::string_view t = cell(r, col);
  switch (kind(r, col)) {
    case CellKind::FormulaWithoutValue:
      ctx.report(r.line, col + 1, msg::XlsxFormulaWithoutValue{t});
      return true;
    case CellKind::Percent:
      ctx.report(r.line, col + 1, msg::XlsxPercentFigure{t});
      return true;
    default: return false;
  }
}

bool TableReader::Impl::arsverk_number(const Row& r, int col, std::optional<Fixed>& out, CellAmbiguity& ambiguity) {
  std::string_view t = cell(r, col);
  out.reset();
  ambiguity = {};
  if (refuse_workbook_figure(r, col)) return false;
  // A workbook's number cell is rendered with a decimal comma and no thousands separator: it is
  // read that way and is no evidence about how the user writes numbers.
  const bool rendered = kind(r, col) == CellKind::Number;
  ParsedNumber n = parse_decimal(t, comma_decimal || rendered);
  switch (n.status) {
    case NumberStatus::Empty: return true;
    case NumberStatus::SsbMissing: note_missing(r, col, t); return true;
    case NumberStatus::NotANumber:
      ctx.report(r.line, col + 1, msg::ArsverkNotANumber{t});
      return false;
    case NumberStatus::OutOfRange: report_too_large(r, col, t); return false;
    case NumberStatus::TooPrecise:
      ctx.report(r.line, col + 1, msg::NumberTooPrecise{t, n.value});
      break;
    case NumberStatus::Ok: break;
  }
  if (n.value.micro() < 0) {
    ctx.report(r.line, col + 1, msg::ArsverkNegative{t});
    return false;
  }
  if (n.value > kMaxArsverkCell) {
    report_too_large(r, col, t);
    return false;
  }
  if (rendered) {
    out = n.value;
    return true;
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
  ctx.report(r.line, col + 1, msg::ArsverkTooLarge{t});
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
  ctx.report(a.line, a.column, msg::NumberAmbiguous{a.mark, as_decimal, as_whole, used});
}

const TableReader::Impl::LabelFacts& TableReader::Impl::label_facts(std::string_view text) const {
  if (const LabelFacts* known = label_facts_.find(text, 0)) return *known;
  return label_facts_.put(text, 0, LabelFacts{is_sum_label(text), match_group(text)});
}

bool TableReader::Impl::says_rate_mark(std::string_view text) const {
  if (const bool* known = rate_marks_.find(text, 0)) return *known;
  return rate_marks_.put(text, 0, has_rate_marker(text));
}

std::optional<SumLabel> TableReader::Impl::sum_label(const Row& r, std::string_view& unit_text) const {
  unit_text = cell(r, unit_col);
  std::string_view rest;
  if (!all_digits(unit_text) && split_sum_label(unit_text, rest)) {
    SumLabel label{r.line, 0, SumLabelColumn::Unit, std::string(unit_text)};
    unit_text = rest;
    return label;
  }
  for (auto [col, where] : {std::pair{group_col, SumLabelColumn::Group}, {service_col, SumLabelColumn::Service}}) {
    std::string_view t = cell(r, col);
    if (col < 0 || t.empty()) continue;
    const LabelFacts& facts = label_facts(t);
    if (facts.sum_label && (where == SumLabelColumn::Service || facts.group == GroupMatch::Unknown))
      return SumLabel{r.line, 0, where, std::string(t)};
  }
  return std::nullopt;
}

// A sum row that names no unit or year cannot be checked against the rows it sums, nor used.
bool TableReader::Impl::sum_row_without_place(const Row& r, const SumLabel& label, std::string_view unit_text) {
  std::string_view y = cell(r, year_col);
  if (!unit_text.empty() && !y.empty()) return false;
  const int col = (label.column == SumLabelColumn::Unit ? unit_col
                   : label.column == SumLabelColumn::Group ? group_col : service_col) + 1;
  ctx.report(r.line, col, msg::SumRowWithoutUnit{label.text, unit_text.empty()});
  return true;
}

void TableReader::Impl::arsverk_row(const Row& r) {
  if (values_full) return;
  std::string_view unit_text;
  std::optional<SumLabel> label = sum_label(r, unit_text);
  if (label && sum_row_without_place(r, *label, unit_text)) return;
  auto year = parse_year(r, year_col);
  if (!year) return;
  auto unit = arsverk_unit(r, *year, unit_text);
  if (!unit) return;
  TargetGroup group = TargetGroup::Unspecified;
  if (group_col >= 0 && !(label && label->column == SumLabelColumn::Group)) {
    std::string_view g = cell(r, group_col);
    switch (label_facts(g).group) {
      case GroupMatch::Adults: group = TargetGroup::Adults; break;
      case GroupMatch::Children: group = TargetGroup::Children; break;
      case GroupMatch::Empty: break;
      case GroupMatch::Unknown:
        ctx.report(r.line, group_col + 1, msg::GroupUnknown{g});
        return;
    }
  }
  if (!unnamed_reported) report_figures_without_header(r);
  if (says_rate(r)) return;
  std::string_view service = cell(r, service_col);
  if (label && label->column == SumLabelColumn::Service) service = {};
  if (!service.empty()) note_service(service, r.line);
  std::vector<RowValue>& items = row_values_;
  items.clear();
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
        ctx.report(r.line, category_col + 1, msg::CategoryMissing{});
      else
        ctx.report(r.line, category_col + 1, msg::CategoryUnknown{ct});
      return;
    }
    std::optional<Fixed> v;
    if (!arsverk_number(r, value_col, v, ambiguity)) ok = false;
    else if (v) items.push_back({*cat, *v, ambiguity, value_col + 1});
  }
  if (!ok) {
    note_skipped(*unit, *year, group);
    return;
  }
  if (ctx.values_before + ctx.out.arsverk.size() + items.size() > ctx.limits.max_values) {
    // Memory is bounded by the values kept: far beyond any real årsverk file, stop keeping.
    values_full = true;
    ctx.report(r.line, 0, msg::ArsverkTooManyValues{ctx.limits.max_values});
    return;
  }
  for (const auto& it : items) {
    ArsverkValue av;
    av.unit = *unit;
    av.year = *year;
    av.group = group;
    av.sum_label = label.has_value();
    av.service = service;
    av.category = it.cat.category;
    av.value = it.value;
    av.line = r.line;
    av.column = static_cast<uint16_t>(it.column);  // at most max_columns (2000)
    if (it.ambiguity.mark)
      ambiguous.push_back({ctx.out.arsverk.size(), r.line, it.ambiguity.column, it.ambiguity.mark,
                           it.ambiguity.other});
    if (it.cat.provisional_total) provisional.push_back(ctx.out.arsverk.size());
    else if (layout == Layout::Long) note_category(it.cat);
    ctx.out.arsverk.push_back(std::move(av));
  }
  if (label && !items.empty()) ctx.out.sum_labels.push_back(std::move(*label));
}

// A row left out for an error, once per unit, year and group in a run of them, and at most as many
// as values are kept: a file of errors costs no more memory than one of figures.
void TableReader::Impl::note_skipped(const std::string& unit, int year, TargetGroup group) {
  auto& skipped = ctx.out.skipped_rows;
  if (!skipped.empty() && skipped.back().unit == unit && skipped.back().year == year && skipped.back().group == group) return;
  if (ctx.values_before + ctx.out.arsverk.size() + skipped.size() >= ctx.limits.max_values) return;
  skipped.push_back({unit, year, group});
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
