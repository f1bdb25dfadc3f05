// The header row: found among the first records (below any title), its columns given roles,
// the file's layout decided, and every column that will not be read reported.
#include <algorithm>

#include "table_reader_impl.hpp"

namespace arsverk::detail {

int TableReader::Impl::header_score(const Row& r, std::vector<ColumnInfo>* out) {
  std::vector<ColumnInfo> cols;
  int score = 0;
  bool has_unit = false;
  for (const auto& f : r.fields) {
    cols.push_back(classify_header(f));
    if (cols.back().role == Role::Unit) has_unit = true;
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const auto& c = cols[i];
    if (c.role == Role::None) continue;
    if (c.role == Role::YearColumn && all_digits(c.header) && !has_unit) continue;
    ++score;
  }
  if (out) *out = std::move(cols);
  return score;
}

void TableReader::Impl::decide(bool force) {
  if (stage != Stage::PreHeader) return;
  if (!force && pre_content == 0) {
    decide_deferred = true;
    return;
  }
  std::vector<StoredRow> stored = std::move(pre);
  pre.clear();
  std::vector<Row> rows;
  for (const StoredRow& r : stored) rows.push_back(r.view());
  int best = -1, best_score = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (non_empty(rows[i]) < 2) continue;
    int s = header_score(rows[i], nullptr);
    if (s > best_score) { best_score = s; best = static_cast<int>(i); }
  }
  bool any_content = false;
  for (const auto& r : rows) any_content = any_content || non_empty(r) > 0;
  if (!any_content) {
    stage = Stage::Dead;
    ctx.report(0, 0, msg::FileEmpty{});
    return;
  }
  // SSB title: "07459: Population, by region, age, contents and year".
  for (const auto& r : rows) {
    if (non_empty(r) == 0) continue;
    std::string_view f = r.fields[0];
    ssb_title = f.size() > 6 && all_digits(f.substr(0, 5)) && f[5] == ':';
    break;
  }
  if (best < 0) {
    stage = Stage::Dead;
    const Row* first = nullptr;
    for (const auto& r : rows)
      if (non_empty(r) >= 2) { first = &r; break; }
    if (!first)
      for (const auto& r : rows)
        if (non_empty(r) >= 1) { first = &r; break; }
    std::vector<std::string> found;
    for (const auto& f : first->fields)
      if (!f.empty() && found.size() < 12) found.emplace_back(f);
    unknown_table(first->line, found);
    return;
  }
  header_score(rows[best], &columns);
  header_line = rows[best].line;
  setup_columns();
  if (stage == Stage::Dead) return;
  // Decimal mark: evidence from the numeric cells in the window that the user typed (a workbook's
  // number cells are the reader's own rendering, always with a decimal comma).
  int comma = 0, point = 0;
  std::vector<int> numeric = cat_cols;
  for (int c : year_cols) numeric.push_back(c);
  for (int c : {value_col, pop_col})
    if (c >= 0) numeric.push_back(c);
  for (std::size_t i = best + 1; i < rows.size(); ++i) {
    for (int c : numeric) {
      if (c >= static_cast<int>(rows[i].fields.size()) || kind(rows[i], c) != CellKind::Typed) continue;
      std::string_view f = rows[i].fields[c];
      std::size_t last_comma = f.rfind(','), last_point = f.rfind('.');
      if (last_comma != std::string::npos && last_point == std::string::npos && f.size() - last_comma - 1 != 3)
        ++comma;
      if (last_point != std::string::npos && last_comma == std::string::npos && f.size() - last_point - 1 != 3 &&
          f.size() > 1)
        ++point;
    }
  }
  comma_decimal = delim != ',' && point <= comma;
  if (point == 0 && comma == 0) comma_decimal = delim != ',';
  stage = Stage::Data;
  for (std::size_t i = best + 1; i < rows.size(); ++i) data(rows[i]);
}

void TableReader::Impl::unknown_table(int64_t line, const std::vector<std::string>& found) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(line, 0, msg::TableUnrecognised{found});
}

void TableReader::Impl::setup_columns() {
  // Effective width: up to the last non-empty header.
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (!columns[i].header.empty()) eff_width = i + 1;
  int best_unit_priority = -1;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& c = columns[i];
    int idx = static_cast<int>(i);
    switch (c.role) {
      case Role::Unit:
        if (c.unit_priority > best_unit_priority) { best_unit_priority = c.unit_priority; unit_col = idx; }
        break;
      case Role::Year: if (year_col < 0) year_col = idx; break;
      case Role::Group: if (group_col < 0) group_col = idx; break;
      case Role::Service: if (service_col < 0) service_col = idx; break;
      case Role::Category: if (category_col < 0) category_col = idx; break;
      case Role::Value: case Role::ArsverkValue: if (value_col < 0) value_col = idx; break;
      case Role::Population: if (pop_col < 0) pop_col = idx; break;
      case Role::Age: if (age_col < 0) age_col = idx; break;
      case Role::Sex: if (sex_col < 0) sex_col = idx; break;
      case Role::Contents: if (contents_col < 0) contents_col = idx; break;
      case Role::CategoryColumn: cat_cols.push_back(idx); break;
      case Role::YearColumn: year_cols.push_back(idx); break;
      default: break;
    }
  }
  const bool arsverk_value = value_col >= 0 && columns[value_col].role == Role::ArsverkValue;
  if (is_reference()) {
    setup_reference();
  } else if (!cat_cols.empty() && category_col < 0) {
    layout = Layout::Wide;
    if (value_col >= 0 && arsverk_value) {
      // "årsverk" next to category columns: a total column.
      columns[value_col].role = Role::CategoryColumn;
      columns[value_col].category = CategoryMatch{Category::Total, true};
      cat_cols.push_back(value_col);
      std::sort(cat_cols.begin(), cat_cols.end());
      value_col = -1;
    }
  } else if (category_col >= 0 && value_col >= 0) {
    layout = Layout::Long;
    cat_cols.clear();
  } else if (category_col >= 0 && cat_cols.size() == 1 && columns[cat_cols[0]].category.provisional_total) {
    // "kategori; totalt" hardly happens; treat "totalt" as the value column.
    layout = Layout::Long;
    value_col = cat_cols[0];
    cat_cols.clear();
  } else if (!year_cols.empty() && year_col < 0) {
    layout = Layout::PopSsb;
  } else if (pop_col >= 0 || (value_col >= 0 && !arsverk_value &&
                              (age_col >= 0 || sex_col >= 0 || contents_col >= 0 || ssb_title))) {
    layout = Layout::PopSimple;
    if (pop_col < 0) pop_col = value_col;
  } else if (arsverk_value && category_col < 0) {
    // "kommune; år; årsverk": total årsverk.
    layout = Layout::Wide;
    columns[value_col].role = Role::CategoryColumn;
    columns[value_col].category = CategoryMatch{Category::Total, true};
    cat_cols.push_back(value_col);
    value_col = -1;
  } else if (!year_cols.empty()) {
    layout = Layout::PopSsb;
  }
  std::vector<std::string> found;
  for (const auto& c : columns)
    if (!c.header.empty() && found.size() < 12) found.push_back(c.header);
  if (layout == Layout::None) {
    stage = Stage::Dead;
    if (unit_col >= 0 && year_col >= 0 && category_col < 0 && value_col >= 0 &&
        columns[value_col].role == Role::Value) {
      value_without_meaning();
      return;
    }
    if (unit_col >= 0 && year_col >= 0 && category_col < 0) {
      no_category(found);
      return;
    }
    if (category_col >= 0 && value_col < 0) {
      ctx.out.kind = FileKind::Arsverk;
      ctx.report(header_line, category_col + 1, msg::HeaderMissingValue{found});
      return;
    }
    unknown_table(header_line, found);
    return;
  }
  bool arsverk = layout == Layout::Wide || layout == Layout::Long;
  const bool reference = layout == Layout::RefWide || layout == Layout::RefLong;
  ctx.out.kind = arsverk ? FileKind::Arsverk : reference ? FileKind::Reference : FileKind::Population;
  ctx.out.format = layout == Layout::Wide ? "csv-wide"
                   : layout == Layout::Long ? "csv-long"
                   : reference ? "csv-reference"
                   : (layout == Layout::PopSsb || ssb_title) ? "ssb-csv"
                                                              : "csv-simple";
  if (arsverk) {
    ctx.out.has_target_group = group_col >= 0;
    ctx.out.has_service = service_col >= 0;
    for (int c : cat_cols) note_category(columns[c].category);
  }
  // Demote the other unit columns to names.
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].role == Role::Unit && static_cast<int>(i) != unit_col) columns[i].role = Role::UnitName;
  if (unit_col < 0) {
    stage = Stage::Dead;
    ctx.report(header_line, 0, msg::HeaderMissingUnit{found});
    return;
  }
  if (year_col < 0 && year_cols.empty()) {
    stage = Stage::Dead;
    ctx.report(header_line, 0, msg::HeaderMissingYear{found});
    return;
  }
  if (arsverk) {
    if (layout == Layout::Wide) read_disjoint_names();
    report_unread_columns();
  }
  if (reference) report_unread_columns();
  fast_population = layout == Layout::PopSimple &&
                    columns.size() <= ctx.limits.max_columns;
}

bool TableReader::Impl::is_reference() const {
  bool rate = false, fte = false;
  for (const auto& c : columns) {
    if (c.header.empty()) continue;
    const bool marked = has_rate_marker(c.header);
    rate = rate || marked;
    fte = fte || (!marked && (c.role == Role::CategoryColumn || c.role == Role::ArsverkValue));
  }
  return rate && !fte;
}

void TableReader::Impl::setup_reference() {
  int rate_col = -1;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (rate_col < 0 && has_rate_marker(columns[i].header)) rate_col = static_cast<int>(i);
  cat_cols.clear();
  if (category_col >= 0) {
    // unit; year; measure; value — the value is the rate column, or "verdi"/"value".
    layout = Layout::RefLong;
    if (rate_col >= 0 && rate_col != category_col) value_col = rate_col;
    if (value_col < 0) {
      layout = Layout::None;
      category_col = -1;  // reported as a table without the columns we need
    }
    return;
  }
  layout = Layout::RefWide;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const ColumnInfo& c = columns[i];
    if (c.header.empty() || (c.role != Role::CategoryColumn && c.role != Role::None &&
                             c.role != Role::ArsverkValue && c.role != Role::Value))
      continue;
    if (std::optional<int> m = match_reference_measure(c.header)) {
      ref_cols.push_back(static_cast<int>(i));
      ref_measures.push_back(*m);
    }
  }
  if (ref_cols.empty()) layout = Layout::None;
}

// "Kommune; År; Verdi": a published rate per 1 000 or årsverk? Refused rather than guessed; the
// message gives both readings and the header that says which.
void TableReader::Impl::value_without_meaning() {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(header_line, value_col + 1, msg::HeaderValueUnclear{columns[value_col].header, ctx.name});
}

// Unit and year but nothing that holds FTEs: an error naming what was found and expected.
void TableReader::Impl::no_category(const std::vector<std::string>& found) {
  ctx.out.kind = FileKind::Unknown;
  std::string near;
  std::string_view meant;
  for (const auto& c : columns)
    if (c.role == Role::None && !c.header.empty() && looks_like_category(c.header)) {
      near = closest_category_header(c.header);
      meant = c.header;
      break;
    }
  ctx.report(header_line, 0, msg::HeaderNoCategory{found, near, meant});
}

void TableReader::Impl::read_disjoint_names() {
  bool disjoint = false;
  for (int c : cat_cols) {
    const Category k = columns[c].category.category;
    disjoint = disjoint || k == Category::HoyUten || k == Category::Ingen ||
               k == Category::AnnenVgs || k == Category::VgsHelse || k == Category::HoyMed;
  }
  if (!disjoint) return;
  for (int c : cat_cols) {
    if (normalise_name(columns[c].header).size() <= 2) continue;  // a letter code stays one
    Category& k = columns[c].category.category;
    if (k == Category::A) k = Category::VgsHelse;
    else if (k == Category::C) k = Category::AnnenVgs;
    else if (k == Category::E) k = Category::Ingen;
    else if (k == Category::M4) k = Category::HoyMed;
  }
}

bool TableReader::Impl::column_taken(int i) const {
  const Role role = columns[i].role;
  if (role == Role::UnitName) return true;  // names beside the number: documented as not read
  if (layout == Layout::RefWide && std::find(ref_cols.begin(), ref_cols.end(), i) != ref_cols.end())
    return true;
  if (role == Role::CategoryColumn)
    return std::find(cat_cols.begin(), cat_cols.end(), i) != cat_cols.end();
  for (int used : {unit_col, year_col, group_col, service_col})
    if (used == i) return true;
  return (layout == Layout::Long || layout == Layout::RefLong) && (i == category_col || i == value_col);
}

void TableReader::Impl::report_unread_columns() {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const ColumnInfo& c = columns[i];
    const int col = static_cast<int>(i);
    if (c.header.empty()) {
      unnamed_cols.push_back(col);
      continue;
    }
    if (column_taken(col)) continue;
    if (c.role == Role::Population || (c.role == Role::YearColumn && !all_digits(c.header))) {
      ctx.report(header_line, col + 1, msg::HeaderPopulationIgnored{c.header});
    } else if (ctx.out.kind == FileKind::Arsverk && has_rate_marker(c.header)) {
      ctx.report(header_line, col + 1, msg::HeaderRatesIgnored{c.header});
    } else if (c.role == Role::None && looks_like_category(c.header)) {
      ctx.report(header_line, col + 1, msg::HeaderUnknownCategory{c.header, closest_category_header(c.header)});
    } else {
      ctx.report(header_line, col + 1, msg::HeaderColumnIgnored{c.header, unread_reason(c.role)});
    }
  }
}

msg::HeaderColumnIgnored::Why TableReader::Impl::unread_reason(Role role) {
  using Why = msg::HeaderColumnIgnored::Why;
  switch (role) {
    case Role::None: return Why::UnknownHeader;
    case Role::Category: return Why::CategoriesAsColumns;
    case Role::CategoryColumn: return Why::RowPerCategory;
    default: return Why::RoleTaken;
  }
}

void TableReader::Impl::note_category(const CategoryMatch& m) {
  if (m.provisional_total) return;
  int c = static_cast<int>(m.category);
  if (c <= static_cast<int>(Category::E)) seen_ae = true;
  else if (c <= static_cast<int>(Category::M4)) seen_m = true;
  else if (m.category != Category::Total) seen_disjoint = true;
}

}  // namespace arsverk::detail
