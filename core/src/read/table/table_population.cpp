// Population rows: SSB's time and sex in rows (with a fast path keyed by the labels' raw
// bytes), or years as columns, summed by region and year.
#include <algorithm>

#include "table_reader_impl.hpp"

namespace arsverk::detail {

namespace {

// The value of 1 to `max` ASCII digits, or nothing: one pass, inline (it runs twice per row).
inline bool plain_digits(std::string_view s, std::size_t max, int64_t& value) {
  if (s.empty() || s.size() > max) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  value = v;
  return true;
}

}  // namespace

void TableReader::Impl::population_value(const Row& r, int col, const std::string& code, int year, LabelInfo& age,
                                         LabelInfo& sex) {
  std::string_view t = cell(r, col);
  if (kind(r, col) == CellKind::FormulaWithoutValue && refuse_workbook_figure(r, col)) return;
  if (!t.empty() && t.size() <= 12 && all_digits(t)) {  // nearly every figure: read directly
    int64_t v = 0;
    for (char c : t) v = v * 10 + (c - '0');
    add_population(r.line, col, t, code, year, age, sex, v);
    return;
  }
  ParsedNumber n = parse_decimal(t, comma_decimal);
  switch (n.status) {
    case NumberStatus::Empty:
    case NumberStatus::SsbMissing: note_missing(r, col, t); return;
    case NumberStatus::NotANumber:
      ctx.report(r.line, col + 1, msg::PopulationNotANumber{t});
      return;
    case NumberStatus::OutOfRange:
      ctx.report(r.line, col + 1, msg::PopulationOutOfRange{t});
      return;
    default: break;
  }
  if (n.value.micro() % Fixed::kScale != 0 || n.status == NumberStatus::TooPrecise) {
    ctx.report(r.line, col + 1, msg::PopulationNotInteger{t});
    return;
  }
  if (n.value.micro() < 0) {
    ctx.report(r.line, col + 1, msg::PopulationNegative{t});
    return;
  }
  add_population(r.line, col, t, code, year, age, sex, n.value.micro() / Fixed::kScale);
}

void TableReader::Impl::add_population(int64_t line, int col, std::string_view t, const std::string& code,
                                       int year, LabelInfo& age, LabelInfo& sex, int64_t v, uint32_t region) {
  // Ids in the order the figures come, as the accumulator would give them for the keys.
  if (age.id == kNoId) age.id = population.age_id(age.key, age.text);
  if (sex.id == kNoId) sex.id = population.sex_id(sex.key, sex.text);
  if (region == kNoId) region = population.region_id(code);
  switch (population.add(region, year, age.total, sex.total, age.id, sex.id, v, line)) {
    case PopulationAccumulator::Added::Yes: break;
    case PopulationAccumulator::Added::Duplicate:
      ctx.report(line, col + 1, msg::PopulationDuplicate{code, year});
      break;
    case PopulationAccumulator::Added::Overflow:
      report_population_overflow(ctx, code, year, t, line, col + 1);
      break;
  }
}

bool TableReader::Impl::population_contents(std::string_view text) {
  std::string n = normalise_name(text);
  if (n.empty()) return true;
  for (const char* w : {"personer", "folkemengde", "persons", "population", "befolkning",
                        "innbyggere", "folketal"})
    if (contains(n, w)) return true;
  return false;
}

void TableReader::Impl::population_row(const Row& r) {
  if (contents_col >= 0 && !population_contents(cell(r, contents_col))) {
    if (other_contents++ == 0) {
      other_contents_line = r.line;
      other_contents_text = cell(r, contents_col);
    }
    return;
  }
  std::string_view label = cell(r, unit_col);
  LabelInfo& age = age_labels.info(cell(r, age_col));
  LabelInfo& sex = sex_labels.info(cell(r, sex_col));
  if (layout == Layout::PopSimple) {
    auto year = parse_year(r, year_col);
    if (!year) return;
    auto code = regions.resolve(ctx, label, *year, r.line, unit_col + 1);
    if (!code) return;
    population_value(r, pop_col, *code, *year, age, sex);
    return;
  }
  std::optional<std::string> code;
  int code_year = -1;
  for (int c : year_cols) {
    const ColumnInfo& col = columns[c];
    if (!code || code_year != col.year) {
      // Names resolve per year; codes the same for all years.
      code = regions.resolve(ctx, label, col.year, r.line, unit_col + 1);
      code_year = col.year;
      if (!code) return;
    }
    population_value(r, c, *code, col.year, age, col.sex >= 0 ? column_sex(c) : sex);
  }
}

void TableReader::Impl::name_population_dimensions() {
  int sex = sex_col;
  for (int c : year_cols)
    if (sex < 0 && columns[c].sex >= 0) sex = c;
  population.name_dimensions(age_col >= 0 ? columns[age_col].header : std::string(), age_col + 1,
                             sex >= 0 ? columns[sex].header : std::string(), sex + 1);
}

TableReader::Impl::LabelInfo& TableReader::Impl::column_sex(int c) {
  if (column_sex_.empty()) {
    column_sex_.resize(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i)
      column_sex_[i] = LabelInfo{columns[i].sex == 0, columns[i].sex_key, kNoId, columns[i].header};
  }
  return column_sex_[c];
}

bool TableReader::Impl::population_row_fast(const CsvRecord& rec) {
  const auto& f = rec.fields;
  if (pending_count || rec.too_long || rec.unterminated || f.size() != columns.size()) return false;
  const std::string_view figure = f[pop_col];
  int64_t v = 0, year_value = 0;
  if (!plain_digits(figure, 12, v) || f[year_col].size() != 4 || !plain_digits(f[year_col], 4, year_value))
    return false;
  const int year = static_cast<int>(year_value);
  if (year < 1900 || year > 2100) return false;
  // The record's encoding, as decode() decides it: Windows-1252 when any field is not UTF-8.
  bool bad = false;
  ascii_.resize(f.size());
  for (std::size_t i = 0; i < f.size(); ++i) {
    ascii_[i] = ascii(f[i]);
    if (!ascii_[i] && !valid_utf8(f[i])) bad = true;
  }
  if (bad) cp1252 = true;
  ++data_rows;
  ++ctx.out.rows;
  if (contents_col >= 0 && !fast_population_contents(rec, bad)) return true;
  LabelInfo& age = fast_label(age_labels, age_memo_, rec, age_col, bad);
  LabelInfo& sex = fast_label(sex_labels, sex_memo_, rec, sex_col, bad);
  if (year != last_year_) {
    last_year_ = year;
    last_structure_ = structure_for_year(year);
  }
  const std::optional<Structure> structure = last_structure_;
  const uint8_t unit_mode = static_cast<uint8_t>(decode_mode(unit_col, bad) |
                                                 (structure ? 2 + static_cast<int>(*structure) * 2 : 0));
  const UnitMemo* unit = unit_memo_.find(f[unit_col], unit_mode);
  if (!unit) {
    // Resolved as population_row() does; only a unit that was read is remembered (its
    // once-per-file notes are said by then, so later rows would add nothing).
    auto code = regions.resolve(ctx, decoded(f[unit_col], unit_col, bad), year, rec.line, unit_col + 1);
    if (!code) return true;
    const uint32_t region = population.region_id(*code);
    if (!regions.last_holds_for_every_year()) {
      add_population(rec.line, pop_col, figure, *code, year, age, sex, v, region);
      return true;
    }
    unit = &unit_memo_.put(f[unit_col], unit_mode, UnitMemo{std::move(*code), region});
  }
  add_population(rec.line, pop_col, figure, unit->code, year, age, sex, v, unit->region);
  return true;
}

std::string_view TableReader::Impl::decoded(std::string_view raw, int col, bool bad) {
  std::string_view t = raw;
  if (decode_mode(col, bad)) {
    decoded_.clear();
    cp1252_append_utf8(raw, decoded_);
    t = decoded_;
  }
  t = trim(t);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"' && t.find('"', 1) == t.size() - 1)
    t = trim(t.substr(1, t.size() - 2));
  return t;
}

TableReader::Impl::LabelInfo& TableReader::Impl::fast_label(Labels& labels, RawMemo<LabelMemo>& memo, const CsvRecord& rec, int col,
                                                            bool bad) {
  if (col < 0) return labels.info({});
  const std::string_view raw = rec.fields[col];
  const uint8_t mode = decode_mode(col, bad);
  const LabelMemo* known = memo.find(raw, mode);
  if (known && known->generation == labels.generation()) return *known->info;
  LabelInfo& info = labels.info(decoded(raw, col, bad));
  memo.put(raw, mode, LabelMemo{&info, labels.generation()});
  return info;
}

// As population_row(): a row of other contents is counted (the first one remembered), not read.
bool TableReader::Impl::fast_population_contents(const CsvRecord& rec, bool bad) {
  const std::string_view raw = rec.fields[contents_col];
  const uint8_t mode = decode_mode(contents_col, bad);
  const bool* known = contents_memo_.find(raw, mode);
  const bool population = known ? *known : contents_memo_.put(raw, mode, population_contents(decoded(raw, contents_col, bad)));
  if (population) return true;
  if (other_contents++ == 0) {
    other_contents_line = rec.line;
    other_contents_text = decoded(raw, contents_col, bad);
  }
  return false;
}

}  // namespace arsverk::detail
