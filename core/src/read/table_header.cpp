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
    ctx.report(Severity::Error, "file.empty", 0, 0,
               "Filen er tom. Velg filen med tabellen (årsverk eller folkemengde).",
               "The file is empty. Choose the file with the table (FTEs or population).");
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
      if (!f.empty() && found.size() < 12) found.push_back(q(f));
    unknown_table(first->line, join(found));
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
      std::size_t pc = f.rfind(','), pp = f.rfind('.');
      if (pc != std::string::npos && pp == std::string::npos && f.size() - pc - 1 != 3) ++comma;
      if (pp != std::string::npos && pc == std::string::npos && f.size() - pp - 1 != 3 &&
          f.size() > 1)
        ++point;
    }
  }
  comma_decimal = delim != ',' && point <= comma;
  if (point == 0 && comma == 0) comma_decimal = delim != ',';
  stage = Stage::Data;
  for (std::size_t i = best + 1; i < rows.size(); ++i) data(rows[i]);
}

void TableReader::Impl::unknown_table(int64_t line, const std::string& found) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(Severity::Error, "table.unrecognised", line, 0,
             "Vi fant ikke kolonnene vi trenger. Kolonner i filen: " + found +
                 ". For årsverk trengs kommune (kommunenummer), år og kategoriene a–e (eller "
                 "M1–M4), eller kolonnene kategori og årsverk. For folkemengde trengs region, år "
                 "og folkemengde, eller SSB-kolonner som «Personer 2023». Gi kolonnene slike "
                 "overskrifter og prøv igjen.",
             "We did not find the columns we need. Columns in the file: " + found +
                 ". FTEs need municipality (number), year and the categories a–e (or "
                 "M1–M4), or the columns category and FTEs. Population needs region, year and "
                 "population, or SSB columns such as \"Persons 2023\". Give the columns such "
                 "headers and try again.");
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
    if (!c.header.empty() && found.size() < 12) found.push_back(q(c.header));
  if (layout == Layout::None) {
    stage = Stage::Dead;
    if (unit_col >= 0 && year_col >= 0 && category_col < 0 && value_col >= 0 &&
        columns[value_col].role == Role::Value) {
      value_without_meaning();
      return;
    }
    if (unit_col >= 0 && year_col >= 0 && category_col < 0) {
      no_category(join(found));
      return;
    }
    if (category_col >= 0 && value_col < 0) {
      ctx.out.kind = FileKind::Arsverk;
      ctx.report(Severity::Error, "header.missing_value", header_line, category_col + 1,
                 "Filen har en kategorikolonne, men ingen kolonne med årsverk. Kolonner i filen: " +
                     join(found) + ". Legg til en kolonne med overskriften «årsverk».",
                 "The file has a category column but no column with FTEs. Columns in "
                 "the file: " + join(found) + ". Add a column headed \"FTEs\".");
      return;
    }
    unknown_table(header_line, join(found));
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
    ctx.report(Severity::Error, "header.missing_unit", header_line, 0,
               std::string("Fant ingen kolonne for enhet (kommune, bydel, fylke eller region). "
                           "Kolonner i filen: ") + join(found) +
                   ". Gi kolonnen med kommunenummer overskriften «kommunenummer» eller «region».",
               "Found no column for the unit (municipality, district, county or region). Columns "
               "in the file: " + join(found) +
                   ". Head the column with the municipality numbers \"kommunenummer\" or \"region\".");
    return;
  }
  if (year_col < 0 && year_cols.empty()) {
    stage = Stage::Dead;
    ctx.report(Severity::Error, "header.missing_year", header_line, 0,
               "Fant ingen kolonne for år. Kolonner i filen: " + join(found) +
                   ". Legg til en kolonne med overskriften «år» og årstallet på hver rad.",
               "Found no column for the year. Columns in the file: " + join(found) +
                   ". Add a column headed \"year\" with the year on every row.");
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
  const std::string col = q(columns[value_col].header);
  const std::string file = ctx.name.empty() ? std::string() : " i " + ctx.name;
  const std::string file_en = ctx.name.empty() ? std::string() : " of " + ctx.name;
  ctx.report(Severity::Error, "header.value_unclear", header_line, value_col + 1,
             "Kolonnen " + col + file + " kan være publiserte tall per 1 000 innbyggere eller årsverk, "
             "og kalkulatoren gjetter ikke. Er det publiserte tall per 1 000 innbyggere (for eksempel "
             "Helsedirektoratets), gi kolonnen overskriften «Per 1000 innbyggere» (eller «M1 per 1000»). "
             "Er det årsverk, gi den navnet på kategorien: «Totalt» for alle årsverk, a–e fra 2024 "
             "(for eksempel «Ufaglærte»), eller legg til en kolonne «kategori» og kall denne «årsverk».",
             "The column " + col + file_en + " may hold published rates per 1,000 inhabitants or FTEs, "
             "and the calculator does not guess. If it holds published rates per 1,000 inhabitants (for "
             "example the Norwegian Directorate of Health's), head the column \"Per 1000 inhabitants\" "
             "(or \"M1 per 1000\"). If it holds FTEs, give it the category's name: \"Total\" for all "
             "FTEs, a–e from 2024 (for example \"Unskilled\"), or add a column \"category\" and head "
             "this one \"FTEs\".");
}

// Unit and year but nothing that holds FTEs: an error naming what was found and expected.
void TableReader::Impl::no_category(const std::string& found) {
  ctx.out.kind = FileKind::Unknown;
  std::string hint_nb, hint_en;
  for (const auto& c : columns)
    if (c.role == Role::None && !c.header.empty() && looks_like_category(c.header)) {
      const std::string near = q(closest_category_header(c.header));
      hint_nb = " Mente du " + near + " for " + q(c.header) + "?";
      hint_en = " Did you mean " + near + " for " + q(c.header) + "?";
      break;
    }
  ctx.report(Severity::Error, "header.no_category", header_line, 0,
             "Filen har kolonner for enhet og år, men ingen kolonne vi kjenner som en "
             "utdanningskategori eller et måltall. Kolonner i filen: " + found +
                 ". Vi forventer kategoriene a–e (fra 2024, for eksempel «Ufaglærte»), måltallene "
                 "M1–M4 eller «Totalt», «Minimum helse- og sosialfag fra vgs», "
                 "«Høyskole/universitet», «Høyskole/universitet med videreutdanning» (til og med "
                 "2023), eller kolonnene «kategori» og «årsverk»." + hint_nb,
             "The file has columns for unit and year, but none we know as an education category "
             "or a measure. Columns in the file: " + found +
                 ". We expect the categories a–e (from 2024, for example \"Unskilled\"), the "
                 "measures M1–M4 or \"Total\", \"Min. health/social upper secondary\", \"Higher "
                 "education\", \"Higher education with further education\" (up to 2023), or the "
                 "columns \"category\" and \"FTEs\"." + hint_en);
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
      ctx.report(Severity::Warning, "header.population_ignored", header_line, col + 1,
                 "Kolonnen " + q(c.header) + " ser ut som folkemengde og er ikke lest: i en "
                 "årsverksfil brukes bare årsverk. Folkemengden tas fra en egen befolkningsfil "
                 "eller fra SSB-tallene som er bygd inn.",
                 "The column " + q(c.header) + " looks like population and was not read: an FTE "
                 "file is read for FTEs only. The population comes from a population file of its "
                 "own or from the built-in SSB figures.");
    } else if (ctx.out.kind == FileKind::Arsverk && has_rate_marker(c.header)) {
      ctx.report(Severity::Warning, "header.column_ignored", header_line, col + 1,
                 "Kolonnen " + q(c.header) + " er ikke lest: den har rater per 1 000 "
                 "innbyggere, og dem regner kalkulatoren ut selv av årsverkene.",
                 "The column " + q(c.header) + " was not read: it holds rates per 1,000 "
                 "inhabitants, which the calculator computes itself from the FTEs.");
    } else if (c.role == Role::None && looks_like_category(c.header)) {
      const std::string near = q(closest_category_header(c.header));
      ctx.report(Severity::Warning, "header.unknown_category", header_line, col + 1,
                 "Kolonnen " + q(c.header) + " er ikke en utdanningskategori eller et måltall vi "
                 "kjenner, og er ikke lest. Nærmeste kjente navn: " + near +
                 ". Gi kolonnen et av navnene i brukerveiledningen hvis den skal telle med.",
                 "The column " + q(c.header) + " is not an education category or measure we "
                 "know, and was not read. Closest known name: " + near +
                 ". Give the column one of the names in the guide if it should count.");
    } else {
      ctx.report(Severity::Warning, "header.column_ignored", header_line, col + 1,
                 "Kolonnen " + q(c.header) + " er ikke lest: " + unread_reason_nb(c.role) +
                     " Sjekk at ingen årsverk står i den.",
                 "The column " + q(c.header) + " was not read: " + unread_reason_en(c.role) +
                     " Check that it holds no FTEs.");
    }
  }
}

std::string TableReader::Impl::unread_reason_nb(Role role) {
  switch (role) {
    case Role::None: return "overskriften er ikke en vi kjenner.";
    case Role::Category: return "filen har allerede kategorier som kolonner.";
    case Role::CategoryColumn: return "filen har én rad per kategori (kolonnene kategori og årsverk).";
    default: return "filen har allerede en kolonne med samme rolle, eller rollen brukes ikke for årsverk.";
  }
}

std::string TableReader::Impl::unread_reason_en(Role role) {
  switch (role) {
    case Role::None: return "its header is not one we know.";
    case Role::Category: return "the file already has the categories as columns.";
    case Role::CategoryColumn: return "the file has one row per category (columns category and FTEs).";
    default: return "the file already has a column in that role, or the role is not used for FTEs.";
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
