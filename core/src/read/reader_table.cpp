#include "reader_table.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "raw_memo.hpp"
#include "text.hpp"

namespace arsverk::detail {

namespace {

// A record's cells, decoded to UTF-8 and trimmed: views into the tokenizer's record or into the
// reader's decoded-label memo, valid while the record is read.
struct Row {
  std::vector<std::string_view> fields;
  int64_t line = 0;
};

// A row kept before the header is decided (the bytes it viewed are gone by then).
struct StoredRow {
  std::vector<std::string> fields;
  int64_t line = 0;
  explicit StoredRow(const Row& r) : fields(r.fields.begin(), r.fields.end()), line(r.line) {}
  Row view() const { return Row{{fields.begin(), fields.end()}, line}; }
};

// Windows-1252 text decoded per column: the last two distinct cells of each column, so labels
// that repeat or alternate (the age and sex of a population file) are converted once.
class DecodedMemo {
 public:
  // Room for `n` columns; called before a record's first decode, so that no view moves.
  void fit(std::size_t n) {
    if (columns_.size() < n) columns_.resize(n);
  }
  std::string_view decode(std::size_t column, std::string_view raw) {
    Column& c = columns_[column];
    for (Entry& e : c.entries)
      if (e.used && e.raw == raw) return e.text;
    Entry& e = c.entries[c.next];
    c.next ^= 1;
    e.used = true;
    e.raw.assign(raw.data(), raw.size());
    e.text.clear();
    cp1252_append_utf8(raw, e.text);
    return e.text;
  }

 private:
  struct Entry {
    bool used = false;
    std::string raw, text;
  };
  struct Column {
    Entry entries[2];
    int next = 0;
  };
  std::vector<Column> columns_;
};

bool ascii(std::string_view s) {
  std::size_t i = 0;
  uint64_t word, high = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  high &= 0x8080808080808080ull;
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]) & 0x80;
  return high == 0;
}

enum class Stage { PreHeader, Data, Dead };
enum class Layout { None, Wide, Long, PopSsb, PopSimple, RefWide, RefLong };

// The largest årsverk figure one cell may hold: far above any municipality (Oslo has a few
// thousand), and small enough that a file's sums cannot overflow (docs/formats.md).
const Fixed kMaxArsverkCell = Fixed::from_micro(int64_t{1'000'000} * Fixed::kScale);

// A published rate per 1 000 inhabitants cannot be more than 1 000.
const Fixed kMaxRate = Fixed::from_micro(int64_t{1000} * Fixed::kScale);

struct CellAmbiguity {
  char mark = 0;  // ',' or '.' when the cell's decimal mark is ambiguous
  int column = 0;
  Fixed other;
};

std::string cell_nb_hint_number() { return "Skriv årsverk som et desimaltall, for eksempel 12,5."; }
std::string cell_en_hint_number() { return "Write FTEs as a decimal number, for example 12.5."; }

}  // namespace

struct TableReader::Impl {
  ReadContext& ctx;
  char delim;
  bool comma_decimal = true;
  Stage stage = Stage::PreHeader;
  Layout layout = Layout::None;
  bool cp1252 = false;
  bool ssb_title = false;
  int64_t too_long_reported = 0;

  std::vector<StoredRow> pre;  // records before the header decision (bounded by the sniff window)
  int64_t pre_content = 0;
  bool decide_deferred = false;

  std::vector<ColumnInfo> columns;
  std::size_t eff_width = 0;
  int unit_col = -1, year_col = -1, group_col = -1, service_col = -1, category_col = -1,
      value_col = -1, pop_col = -1, age_col = -1, sex_col = -1, contents_col = -1;
  int64_t other_contents = 0, other_contents_line = 0;
  std::string other_contents_text;
  std::vector<int> cat_cols, year_cols;
  std::vector<int> ref_cols, ref_measures;  // reference files, wide: column → measure 0..3
  std::vector<int> unnamed_cols;  // årsverk files: columns without a header, checked for figures
  bool unnamed_reported = false;
  int64_t header_line = 0;

  // Footnote candidates: rows of another shape after data; errors if data follows them.
  std::vector<std::pair<int64_t, std::size_t>> pending;  // (line, field count), capped
  std::vector<bool> pending_data;  // per pending row: starts like a data row (looks_like_data)
  int64_t pending_count = 0, pending_first = 0;
  int64_t data_rows = 0;

  // Missing values (SSB symbols).
  int64_t missing = 0, missing_first_line = 0;
  int missing_first_col = 0;
  std::string missing_first_text;

  bool restored_zero_reported = false;
  bool thousands_reported = false;
  std::unordered_set<std::string> services_seen;  // distinct service texts (capped)
  std::unordered_map<std::string, UnitResult> unit_cache;

  PopulationAccumulator population;
  PopulationRegions regions;

  // Provisional totals ("totalt"/"sum"): M1 or Total, decided at the end.
  std::vector<std::size_t> provisional;
  bool seen_m = false, seen_ae = false, seen_disjoint = false;
  bool values_full = false;

  // The decimal mark, decided with every cell of the file: evidence counted per mark
  // ([0] ',' and [1] '.'), ambiguous values kept with their other reading (at most one per value
  // kept, so bounded by ReaderLimits::max_values).
  int64_t decimal_seen[2] = {0, 0}, thousands_seen[2] = {0, 0}, plain_thousands = 0;
  struct Ambiguous {
    std::size_t index;  // in ctx.out.arsverk
    int64_t line;
    int column;
    char mark;
    Fixed other;        // the value read with the other meaning of the mark
  };
  std::vector<Ambiguous> ambiguous;  // ReaderLimits::max_values reached: no more årsverk rows read

  Impl(ReadContext& c, char d) : ctx(c), delim(d) {}

  Row row_;  // the record being read, reused
  DecodedMemo memo_;
  std::vector<char> ascii_;  // per field of the record being read

  // Validates the record's encoding once (a record that is not UTF-8 is Windows-1252), then
  // trims each field; only non-ASCII fields of a Windows-1252 record are converted.
  void decode(const CsvRecord& rec, Row& r) {
    r.line = rec.line;
    const std::size_t n = rec.fields.size();
    r.fields.resize(n);
    ascii_.resize(n);
    memo_.fit(n);
    bool bad = false;
    for (std::size_t i = 0; i < n; ++i) {
      ascii_[i] = ascii(rec.fields[i]);
      if (!ascii_[i] && !valid_utf8(rec.fields[i])) bad = true;
    }
    if (bad) cp1252 = true;
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view t = rec.fields[i];
      if (bad && !ascii_[i]) t = memo_.decode(i, t);
      t = trim(t);
      if (t.size() >= 2 && t.front() == '"' && t.back() == '"' && t.find('"', 1) == t.size() - 1) {
        t = trim(t.substr(1, t.size() - 2));  // ; "quoted after a space"
      }
      r.fields[i] = t;
    }
  }

  static std::size_t non_empty(const Row& r) {
    std::size_t n = 0;
    for (const auto& f : r.fields) n += !f.empty();
    return n;
  }

  // Excel leftovers: a row wider than the limit only because of thousands of empty columns to
  // the right is as wide as its last filled cell (never narrower than the header, so the row's
  // shape is still checked against it).
  void drop_trailing_empty(CsvRecord& rec) const {
    if (rec.fields.size() <= ctx.limits.max_columns) return;
    std::size_t width = rec.fields.size();
    while (width > columns.size() && rec.fields[width - 1].empty()) --width;
    rec.fields.resize(width);
  }

  // ---------------------------------------------------------------------------------------
  void on_record(CsvRecord& rec) {
    if (fast_population && stage == Stage::Data && population_row_fast(rec)) return;
    if (rec.too_long) {
      ctx.report(Severity::Error, "csv.line_too_long", rec.line, 0,
                 "Linjen er lengre enn " + std::to_string(ctx.limits.max_line_bytes) +
                     " byte og er hoppet over." +
                     (rec.open_quote ? " Trolig mangler et avsluttende anførselstegn (\") i en celle; "
                                       "linjene etter kan også være slått sammen."
                                     : " Sjekk at filen er en tabell med én rad per linje."),
                 "The line is longer than " + std::to_string(ctx.limits.max_line_bytes) +
                     " bytes and was skipped." +
                     (rec.open_quote ? " A closing quote (\") is probably missing in a cell; the "
                                       "following lines may have been merged too."
                                     : " Check that the file is a table with one row per line."));
      return;
    }
    drop_trailing_empty(rec);
    if (rec.fields.size() > ctx.limits.max_columns) {
      if (stage == Stage::Dead) return;
      if (stage == Stage::Data || pre_content > 0) {
        // Below the first lines of a table: one bad row, skipped; the rest is still read.
        ctx.report(Severity::Error, "csv.too_many_columns", rec.line, 0,
                   "Raden har " + std::to_string(rec.fields.size()) + " kolonner (mer enn " +
                       std::to_string(ctx.limits.max_columns) +
                       ") og er hoppet over. Sjekk at raden ikke er slått sammen med andre, og "
                       "skilletegnet.",
                   "The row has " + std::to_string(rec.fields.size()) + " columns (more than " +
                       std::to_string(ctx.limits.max_columns) +
                       ") and was skipped. Check that it is not several rows run together, and "
                       "the delimiter.");
        return;
      }
      ctx.report(Severity::Error, "csv.too_many_columns", rec.line, 0,
                 "Raden har " + std::to_string(rec.fields.size()) + " kolonner (mer enn " +
                     std::to_string(ctx.limits.max_columns) +
                     "). Dette er ikke en tabell vi kan lese. " + kAcceptedNb,
                 "The row has " + std::to_string(rec.fields.size()) + " columns (more than " +
                     std::to_string(ctx.limits.max_columns) +
                     "). This is not a table we can read. " + kAcceptedEn);
      ctx.out.kind = FileKind::Unknown;
      stage = Stage::Dead;
      return;
    }
    if (rec.unterminated) {
      ctx.report(Severity::Warning, "csv.unterminated_quote", rec.line, 0,
                 "Filen slutter inne i en celle med anførselstegn (\"). Sjekk at hver celle som "
                 "begynner med \" også slutter med \".",
                 "The file ends inside a quoted cell (\"). Check that every cell that starts with \" "
                 "also ends with \".");
    }
    if (stage == Stage::Dead) return;
    decode(rec, row_);
    if (stage == Stage::PreHeader) {
      if (non_empty(row_) > 0) ++pre_content;
      pre.emplace_back(row_);
      // The sniff window held no complete line: decide after a few lines (a count of records,
      // so the result does not depend on how the bytes were chunked).
      if (decide_deferred && pre_content >= 5) decide(true);
      return;
    }
    data(row_);
  }

  // ---------------------------------------------------------------------------------------
  static int header_score(const Row& r, std::vector<ColumnInfo>* out) {
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

  void decide(bool force) {
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
    // Decimal mark: evidence from the numeric cells in the window.
    int comma = 0, point = 0;
    std::vector<int> numeric = cat_cols;
    for (int c : year_cols) numeric.push_back(c);
    for (int c : {value_col, pop_col})
      if (c >= 0) numeric.push_back(c);
    for (std::size_t i = best + 1; i < rows.size(); ++i) {
      for (int c : numeric) {
        if (c >= static_cast<int>(rows[i].fields.size())) continue;
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

  void unknown_table(int64_t line, const std::string& found) {
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

  void setup_columns() {
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
    fast_population = layout == Layout::PopSimple && contents_col < 0 &&
                      columns.size() <= ctx.limits.max_columns;
  }

  // ---------------------------------------------------------------------------------------
  // Reference files: published rates per 1 000 inhabitants, recognised by a header that says so.
  // A rate column beside FTE columns (a sheet's own computed rate) leaves the file an årsverk
  // file: only a file whose figures are all rates is a reference file.
  bool is_reference() const {
    bool rate = false, fte = false;
    for (const auto& c : columns) {
      if (c.header.empty()) continue;
      const bool marked = has_rate_marker(c.header);
      rate = rate || marked;
      fte = fte || (!marked && (c.role == Role::CategoryColumn || c.role == Role::ArsverkValue));
    }
    return rate && !fte;
  }

  void setup_reference() {
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

  void reference_row(const Row& r) {
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

  void reference_value(const Row& r, int col, const std::string& unit, int year, int measure) {
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


  // Unit and year but nothing that holds FTEs: an error naming what was found and expected.
  void no_category(const std::string& found) {
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

  // Columns named like the 2024 categories in a sheet of the disjoint 2015 levels ("hoy_uten"
  // beside "Ufaglærte"): read as the 2015 levels they mean there.
  void read_disjoint_names() {
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

  bool column_taken(int i) const {
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

  // Every column of an årsverk file is read or reported: nothing is dropped silently.
  void report_unread_columns() {
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

  static std::string unread_reason_nb(Role role) {
    switch (role) {
      case Role::None: return "overskriften er ikke en vi kjenner.";
      case Role::Category: return "filen har allerede kategorier som kolonner.";
      case Role::CategoryColumn: return "filen har én rad per kategori (kolonnene kategori og årsverk).";
      default: return "filen har allerede en kolonne med samme rolle, eller rollen brukes ikke for årsverk.";
    }
  }
  static std::string unread_reason_en(Role role) {
    switch (role) {
      case Role::None: return "its header is not one we know.";
      case Role::Category: return "the file already has the categories as columns.";
      case Role::CategoryColumn: return "the file has one row per category (columns category and FTEs).";
      default: return "the file already has a column in that role, or the role is not used for FTEs.";
    }
  }

  void note_category(const CategoryMatch& m) {
    if (m.provisional_total) return;
    int c = static_cast<int>(m.category);
    if (c <= static_cast<int>(Category::E)) seen_ae = true;
    else if (c <= static_cast<int>(Category::M4)) seen_m = true;
    else if (m.category != Category::Total) seen_disjoint = true;
  }

  // ---------------------------------------------------------------------------------------
  bool shape_ok(const Row& r) const {
    if (non_empty(r) < 2) return false;
    if (r.fields.size() < eff_width) return false;
    for (std::size_t i = columns.size(); i < r.fields.size(); ++i)
      if (!r.fields[i].empty()) return false;
    return true;
  }

  void flush_pending_as_errors() {
    for (const auto& [line, n] : pending) {
      ctx.report(Severity::Error, "csv.wrong_shape", line, 0,
                 "Raden har " + std::to_string(n) + " felt, men overskriften har " +
                     std::to_string(eff_width) +
                     " kolonner. Raden er hoppet over. Sjekk skilletegnet og at desimaltall med komma "
                     "står i anførselstegn.",
                 "The row has " + std::to_string(n) + " fields but the header has " +
                     std::to_string(eff_width) +
                     " columns. The row was skipped. Check the delimiter, and that decimal numbers "
                     "with a comma are quoted.");
    }
    pending.clear();
    pending_data.clear();
    pending_count = 0;
  }

  // A short row that starts like a data row (a unit number, and a four-digit year where the
  // table has a year column) is a row cut off in a half-saved file, not a footnote.
  bool looks_like_data(const Row& r) const {
    if (non_empty(r) < 2) return false;
    std::string_view u = trim(cell(r, unit_col));
    std::string_view code = u.substr(0, u.find(' '));
    if (starts_with(code, "K-") || starts_with(code, "k-")) code.remove_prefix(2);
    if (code.empty() || code.size() > 6 || !all_digits(code)) return false;
    if (year_col < 0) return true;
    std::string_view y = trim(cell(r, year_col));
    return y.size() == 4 && all_digits(y);
  }

  void data(const Row& row) {
    if (stage != Stage::Data) return;
    if (non_empty(row) == 0) return;  // blank line
    if (!shape_ok(row)) {
      if (pending_count == 0) pending_first = row.line;
      ++pending_count;
      if (pending.size() < 1000) {
        pending.emplace_back(row.line, row.fields.size());
        pending_data.push_back(looks_like_data(row));
      }
      return;
    }
    if (pending_count) flush_pending_as_errors();
    ++data_rows;
    ++ctx.out.rows;
    switch (layout) {
      case Layout::Wide: case Layout::Long: arsverk_row(row); break;
      case Layout::RefWide: case Layout::RefLong: reference_row(row); break;
      case Layout::PopSsb: case Layout::PopSimple: population_row(row); break;
      default: break;
    }
  }

  std::string_view cell(const Row& r, int c) const {
    return c >= 0 && c < static_cast<int>(r.fields.size()) ? r.fields[c] : std::string_view();
  }

  void note_missing(const Row& r, int col, std::string_view text) {
    if (missing++ == 0) {
      missing_first_line = r.line;
      missing_first_col = col + 1;
      missing_first_text = text;
    }
  }

  std::optional<int> parse_year(const Row& r, int col) {
    std::string_view t = cell(r, col);
    std::string_view s = t;
    if (ends_with(s, ".0") || ends_with(s, ",0")) s.remove_suffix(2);
    if (s.size() == 4 && all_digits(s)) {
      const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      if (y >= 1900 && y <= 2100) return y;
    }
    if (t.empty())
      ctx.report(Severity::Error, "year.missing", r.line, col + 1,
                 "Året mangler. Skriv årstallet, for eksempel 2024. Raden er hoppet over.",
                 "The year is missing. Write the year, for example 2024. The row was skipped.");
    else
      ctx.report(Severity::Error, "year.invalid", r.line, col + 1,
                 q(t) + " er ikke et årstall. Skriv året med fire sifre, for eksempel 2024. Raden er "
                        "hoppet over.",
                 q(t) + " is not a year. Write the year with four digits, for example 2024. The row "
                        "was skipped.");
    return std::nullopt;
  }

  std::optional<std::string> arsverk_unit(const Row& r, int year) {
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

  // «Psykisk helse ekskl. demens» names dementia work only as left out: counted, and said once
  // per service text on its first line.
  void note_service(std::string_view text, int64_t line) {
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

  // A row whose other cells say its figure is a rate ("enhet: arsverk_per_1000", as in published
  // tables) holds no FTEs: an error, never a rate counted as FTEs.
  bool says_rate(const Row& r) {
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

  bool column_holds_figures(int col) const {
    return col == value_col || std::find(cat_cols.begin(), cat_cols.end(), col) != cat_cols.end();
  }

  // A figure under a column without a header is not read: said once, at its first cell.
  void report_figures_without_header(const Row& r) {
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

  // Reads an årsverk number; false = the row must be skipped (already reported). A value whose
  // decimal mark is ambiguous ("1.250") also gives its other reading, settled in finish().
  bool arsverk_number(const Row& r, int col, std::optional<Fixed>& out, CellAmbiguity& ambiguity) {
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

  void report_too_large(const Row& r, int col, std::string_view t) {
    ctx.report(Severity::Error, "number.out_of_range", r.line, col + 1,
               q(t) + " er mer enn 1 000 000 årsverk, langt mer enn noen kommune har. Sjekk cellen "
                      "(tusenskille, desimaltegn). Raden er hoppet over.",
               q(t) + " is more than 1,000,000 FTEs, far more than any municipality has. Check the "
                      "cell (thousands separator, decimal mark). The row was skipped.");
  }

  // What the file's unambiguous numbers say about its decimal mark.
  void note_decimal_evidence(const ParsedNumber& n) {
    if (n.decimal_mark) ++decimal_seen[n.decimal_mark == '.'];
    if (n.thousands_mark) ++thousands_seen[n.thousands_mark == '.'];
    if (!n.ambiguous_mark && !n.decimal_mark && !n.thousands_mark &&
        n.value >= Fixed::from_micro(1000 * Fixed::kScale))
      ++plain_thousands;  // "1250": this file writes thousands without a separator
  }

  // Settles every ambiguous "1.250"/"1,250" with the evidence of the whole file, the same way
  // for all of them; where the evidence does not decide, each one is reported on its line.
  void settle_ambiguous() {
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

  void report_ambiguous(const Ambiguous& a, Fixed used, bool decimal) {
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

  void arsverk_row(const Row& r) {
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
    struct Item { CategoryMatch cat; Fixed value; CellAmbiguity ambiguity; };
    std::vector<Item> items;
    bool ok = true;
    CellAmbiguity ambiguity;
    if (layout == Layout::Wide) {
      for (int c : cat_cols) {
        std::optional<Fixed> v;
        if (!arsverk_number(r, c, v, ambiguity)) ok = false;
        else if (v) items.push_back({columns[c].category, *v, ambiguity});
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
      else if (v) items.push_back({*cat, *v, ambiguity});
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
      if (it.ambiguity.mark)
        ambiguous.push_back({ctx.out.arsverk.size(), r.line, it.ambiguity.column, it.ambiguity.mark,
                             it.ambiguity.other});
      if (it.cat.provisional_total) provisional.push_back(ctx.out.arsverk.size());
      else if (layout == Layout::Long) note_category(it.cat);
      ctx.out.arsverk.push_back(std::move(av));
    }
  }

  // ---------------------------------------------------------------------------------------
  // An age or sex label of a population row: whether it is a total, and its key with the key's
  // id in the accumulator (asked for at the label's first figure).
  struct LabelInfo {
    bool total = true;
    std::string key;
    uint32_t id = kNoId;
  };
  static constexpr uint32_t kNoId = LabelIds::kFull - 1;
  // The age or the sex labels seen. The last two looked up are compared first: rows repeat or
  // alternate them (0 år Menn, 0 år Kvinner, 1 år Menn, …).
  class Labels {
   public:
    explicit Labels(bool age) : age_(age) {}
    LabelInfo& info(std::string_view text) {
      for (const Recent& r : recent_)
        if (r.info && r.text == text) return *r.info;
      std::string key(text);
      auto it = cache_.find(key);
      if (it == cache_.end()) {
        if (cache_.size() > 10000) {
          cache_.clear();
          ++generation_;
          for (Recent& r : recent_) r.info = nullptr;
        }
        LabelInfo made{age_ ? is_total_age(text) : is_total_sex(text), normalise_name(text)};
        it = cache_.emplace(key, std::move(made)).first;
      }
      Recent& slot = recent_[next_];
      next_ ^= 1;
      slot.text = std::move(key);
      slot.info = &it->second;
      return it->second;
    }

    // Changes when the labels are dropped (pathologically many), so older pointers are not used.
    uint32_t generation() const { return generation_; }

   private:
    struct Recent {
      std::string text;
      LabelInfo* info = nullptr;
    };
    bool age_;
    uint32_t generation_ = 0;
    std::unordered_map<std::string, LabelInfo> cache_;
    Recent recent_[2];
    int next_ = 0;
  };
  Labels age_labels{true}, sex_labels{false};

  void population_value(const Row& r, int col, const std::string& code, int year, LabelInfo& age,
                        LabelInfo& sex) {
    std::string_view t = cell(r, col);
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
        ctx.report(Severity::Error, "number.not_a_number", r.line, col + 1,
                   q(t) + " er ikke et tall. Skriv folkemengden som et helt tall, for eksempel 31730. "
                          "Raden er hoppet over.",
                   q(t) + " is not a number. Write the population as a whole number, for example "
                          "31730. The row was skipped.");
        return;
      case NumberStatus::OutOfRange:
        ctx.report(Severity::Error, "number.out_of_range", r.line, col + 1,
                   q(t) + " er et altfor stort tall for folkemengde. Raden er hoppet over.",
                   q(t) + " is far too large for a population. The row was skipped.");
        return;
      default: break;
    }
    if (n.value.micro() % Fixed::kScale != 0 || n.status == NumberStatus::TooPrecise) {
      ctx.report(Severity::Error, "population.not_integer", r.line, col + 1,
                 q(t) + " er ikke et helt tall. Folkemengde er et antall personer. Raden er hoppet "
                        "over.",
                 q(t) + " is not a whole number. Population is a count of persons. The row was "
                        "skipped.");
      return;
    }
    if (n.value.micro() < 0) {
      ctx.report(Severity::Error, "population.negative", r.line, col + 1,
                 q(t) + " er negativt. Folkemengde kan ikke være negativ. Raden er hoppet over.",
                 q(t) + " is negative. A population cannot be negative. The row was skipped.");
      return;
    }
    add_population(r.line, col, t, code, year, age, sex, n.value.micro() / Fixed::kScale);
  }

  // `region` is the accumulator's id of `code`, or kNoId.
  void add_population(int64_t line, int col, std::string_view t, const std::string& code,
                      int year, LabelInfo& age, LabelInfo& sex, int64_t v, uint32_t region = kNoId) {
    // Ids in the order the figures come, as the accumulator would give them for the keys.
    if (age.id == kNoId) age.id = population.age_id(age.key);
    if (sex.id == kNoId) sex.id = population.sex_id(sex.key);
    if (region == kNoId) region = population.region_id(code);
    switch (population.add(region, year, age.total, sex.total, age.id, sex.id, v, line)) {
      case PopulationAccumulator::Added::Yes: break;
      case PopulationAccumulator::Added::Duplicate:
        ctx.report(Severity::Warning, "population.duplicate", line, col + 1,
                   "Folkemengden for " + q(code) + " i " + std::to_string(year) +
                       " (samme alder og kjønn) står to ganger. Bare den første er brukt.",
                   "The population of " + q(code) + " in " + std::to_string(year) +
                       " (same age and sex) appears twice. Only the first is used.");
        break;
      case PopulationAccumulator::Added::Overflow:
        report_population_overflow(ctx, code, year, t, line, col + 1);
        break;
    }
  }

  static bool population_contents(std::string_view text) {
    std::string n = normalise_name(text);
    if (n.empty()) return true;
    for (const char* w : {"personer", "folkemengde", "persons", "population", "befolkning",
                          "innbyggere", "folketal"})
      if (contains(n, w)) return true;
    return false;
  }

  void population_row(const Row& r) {
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

  // The sex a year column's header gives ("Menn 2024"), as a label.
  std::vector<LabelInfo> column_sex_;
  LabelInfo& column_sex(int c) {
    if (column_sex_.empty()) {
      column_sex_.resize(columns.size());
      for (std::size_t i = 0; i < columns.size(); ++i)
        column_sex_[i] = LabelInfo{columns[i].sex == 0, columns[i].sex_key};
    }
    return column_sex_[c];
  }

  // ---------------------------------------------------------------------------------------
  // The usual row of a population file with time and sex in rows: as wide as the header, a plain
  // year and a plain figure. Its labels are looked up by their raw bytes, so a label is decoded,
  // trimmed and resolved once, not on every row. The steps, their order and their messages are
  // those of data() → population_row(); a row this path cannot take (returns false before it
  // has done anything) goes there.
  bool fast_population = false;  // set up for PopSimple without a contents column
  struct UnitMemo {
    std::string code;
    uint32_t region = 0;  // the accumulator's id of the code
  };
  struct LabelMemo {
    LabelInfo* info = nullptr;
    uint32_t generation = 0;
  };
  RawMemo<UnitMemo> unit_memo_;
  RawMemo<LabelMemo> age_memo_, sex_memo_;
  std::string decoded_;  // a label being decoded on its first sight
  int last_year_ = 0;
  std::optional<Structure> last_structure_;

  bool population_row_fast(const CsvRecord& rec) {
    const auto& f = rec.fields;
    if (pending_count || rec.too_long || rec.unterminated || f.size() != columns.size()) return false;
    const std::string_view figure = f[pop_col], year_text = f[year_col];
    if (figure.empty() || figure.size() > 12 || !all_digits(figure) || year_text.size() != 4 ||
        !all_digits(year_text))
      return false;
    const int year = (year_text[0] - '0') * 1000 + (year_text[1] - '0') * 100 +
                     (year_text[2] - '0') * 10 + (year_text[3] - '0');
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
      unit = &unit_memo_.put(f[unit_col], unit_mode, UnitMemo{std::move(*code), region});
    }
    int64_t v = 0;
    for (char c : figure) v = v * 10 + (c - '0');
    add_population(rec.line, pop_col, figure, unit->code, year, age, sex, v, unit->region);
    return true;
  }

  // 1 when field `col` of a record is converted from Windows-1252, 0 when it is read as it is.
  uint8_t decode_mode(int col, bool bad) const { return bad && !ascii_[col] ? 1 : 0; }

  // The field as decode() gives it.
  std::string_view decoded(std::string_view raw, int col, bool bad) {
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

  LabelInfo& fast_label(Labels& labels, RawMemo<LabelMemo>& memo, const CsvRecord& rec, int col,
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

  // ---------------------------------------------------------------------------------------
  void finish() {
    if (stage == Stage::PreHeader) decide(true);
    if (stage == Stage::Data) {
      if (pending_count) {
        // Rows below the table that start like data rows were cut off (a half-saved file):
        // errors, not footnotes.
        if (data_rows > 0) {
          std::vector<std::pair<int64_t, std::size_t>> cut, notes;
          for (std::size_t i = 0; i < pending.size(); ++i)
            (pending_data[i] ? cut : notes).push_back(pending[i]);
          if (!cut.empty()) {
            const int64_t note_count = pending_count - static_cast<int64_t>(cut.size());
            const int64_t note_first = notes.empty() ? pending_first : notes.front().first;
            pending.swap(cut);
            flush_pending_as_errors();
            pending_count = note_count;
            pending_first = note_first;
          }
        }
        if (data_rows == 0) {
          pending.clear();
          pending_data.clear();
        } else if (pending_count > 0) {
          ctx.report(Severity::Info, "csv.footnotes_ignored", pending_first, 0,
                     std::to_string(pending_count) +
                         " linje(r) under tabellen har en annen form enn tabellen (fotnoter, kilde "
                         "o.l.) og er ikke lest.",
                     std::to_string(pending_count) +
                         " line(s) below the table have another shape than the table (footnotes, "
                         "source and the like) and were not read.");
        }
      }
      if (data_rows == 0) {
        ctx.report(Severity::Error, "file.header_only", header_line, 0,
                   "Filen har overskrifter, men ingen rader med tall under dem. Sjekk at du lagret "
                   "hele arket.",
                   "The file has headers but no rows of figures below them. Check that you saved "
                   "the whole sheet.");
      }
      if (missing) {
        bool pop = layout == Layout::PopSsb || layout == Layout::PopSimple;
        ctx.report(Severity::Warning, "number.missing_values", missing_first_line, missing_first_col,
                   std::to_string(missing) + " celle(r) har ingen verdi (tom eller SSB-symbol som «..», "
                   "«.», «:» eller «-»; den første: " + q(missing_first_text) + ") og er regnet som "
                   "manglende, ikke som 0." + (pop ? " Sjekk at folkemengden er hentet for riktig år."
                                                   : ""),
                   std::to_string(missing) + " cell(s) have no value (empty or an SSB symbol such as "
                   "\"..\", \".\", \":\" or \"-\"; the first: " + q(missing_first_text) + ") and were "
                   "treated as missing, not as 0." + (pop ? " Check that the population is for the "
                                                            "right year." : ""));
      }
      if (other_contents) {
        ctx.report(Severity::Info, "population.other_contents_ignored", other_contents_line,
                   contents_col + 1,
                   std::to_string(other_contents) + " rad(er) gjelder en annen statistikkvariabel enn "
                   "folkemengde (den første: " + q(other_contents_text) + ") og er ikke lest.",
                   std::to_string(other_contents) + " row(s) are for contents other than population "
                   "(the first: " + q(other_contents_text) + ") and were not read.");
      }
      if (layout == Layout::PopSsb || layout == Layout::PopSimple) {
        regions.finish(ctx);
        population.finish(ctx);
      } else {
        settle_ambiguous();
        resolve_totals();
      }
    }
  }

  void resolve_totals() {
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
};

TableReader::TableReader(ReadContext& ctx, char delimiter) : impl_(new Impl(ctx, delimiter)) {}
TableReader::~TableReader() = default;
void TableReader::record(CsvRecord& rec) { impl_->on_record(rec); }
void TableReader::decide_header() { impl_->decide(false); }
void TableReader::finish() { impl_->finish(); }
bool TableReader::any_cp1252() const { return impl_->cp1252; }

}  // namespace arsverk::detail
