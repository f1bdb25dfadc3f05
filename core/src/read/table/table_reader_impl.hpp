#pragma once
// TableReader's insides, shared by the files that read a text table:
//   table_reader.cpp      records in, cells decoded, rows sorted into data and footnotes, the end
//   table_header.cpp      the header row found below any title, the columns' roles, the layout
//   table_arsverk.cpp     årsverk rows (wide and long) and reference rows (published rates)
//   table_population.cpp  population rows, with the fast path for SSB's time and sex in rows
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../headers.hpp"
#include "../population_regions.hpp"
#include "../population_sums.hpp"
#include "../raw_memo.hpp"
#include "../recent_keys.hpp"
#include "../row_labels.hpp"
#include "../text.hpp"
#include "../units.hpp"
#include "table_reader.hpp"

namespace arsverk::detail {

// A record's cells, decoded to UTF-8 and trimmed: views into the tokenizer's record or into the
// reader's decoded-label memo, valid while the record is read.
struct Row {
  std::vector<std::string_view> fields;
  int64_t line = 0;
  std::vector<CellKind> kinds;  // a workbook row: each field's kind; empty when all are Typed
};

// A row kept before the header is decided (the bytes it viewed are gone by then).
struct StoredRow {
  std::vector<std::string> fields;
  int64_t line = 0;
  std::vector<CellKind> kinds;
  explicit StoredRow(const Row& r) : fields(r.fields.begin(), r.fields.end()), line(r.line), kinds(r.kinds) {}
  Row view() const { return Row{{fields.begin(), fields.end()}, line, kinds}; }
};

// Windows-1252 text decoded per column: the last two distinct cells of each column are kept, so
// labels that repeat or alternate (the age and sex of a population file) are converted once.
class DecodedMemo {
 public:
  // Room for `n` columns; called before a record's first decode, so that no view moves.
  void fit(std::size_t n) {
    if (columns_.size() < n) columns_.resize(n);
  }
  std::string_view decode(std::size_t column, std::string_view raw) {
    RecentKeys<std::string, 2>& decoded = columns_[column];
    if (const std::string* text = decoded.find(raw)) return *text;
    std::string& text = decoded.replace(raw);
    text.clear();
    cp1252_append_utf8(raw, text);
    return text;
  }

 private:
  std::vector<RecentKeys<std::string, 2>> columns_;
};

inline bool ascii(std::string_view s) {
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
inline const Fixed kMaxArsverkCell = Fixed::from_micro(int64_t{1'000'000} * Fixed::kScale);

// A published rate per 1 000 inhabitants cannot be more than 1 000.
inline const Fixed kMaxRate = Fixed::from_micro(int64_t{1000} * Fixed::kScale);

struct CellAmbiguity {
  char mark = 0;  // ',' or '.' when the cell's decimal mark is ambiguous
  int column = 0;
  Fixed other;
};


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
  std::vector<std::pair<int64_t, std::size_t>> pending;  // (line, filled width or 0: one cell), capped
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
  void decode(const CsvRecord& rec, Row& r);

  static std::size_t non_empty(const Row& r);
  // Fields up to the last filled one (empty cells at the end of a row say nothing of its shape).
  static std::size_t filled_width(const Row& r);

  // Excel leftovers: a row wider than the limit only because of thousands of empty columns to
  // the right is as wide as its last filled cell (never narrower than the header, so the row's
  // shape is still checked against it).
  void drop_trailing_empty(CsvRecord& rec) const;

  // ---------------------------------------------------------------------------------------
  void on_record(CsvRecord& rec);

  // ---------------------------------------------------------------------------------------
  static int header_score(const Row& r, std::vector<ColumnInfo>* out);

  void decide(bool force);

  void unknown_table(int64_t line, const std::vector<std::string>& found);

  void setup_columns();

  // ---------------------------------------------------------------------------------------
  // Reference files: published rates per 1 000 inhabitants, recognised by a header that says so.
  // A rate column beside FTE columns (a sheet's own computed rate) leaves the file an årsverk
  // file: only a file whose figures are all rates is a reference file.
  bool is_reference() const;

  void setup_reference();

  void reference_row(const Row& r);

  void reference_value(const Row& r, int col, const std::string& unit, int year, int measure);


  // Unit and year but nothing that holds FTEs: an error naming what was found and expected.
  void value_without_meaning();
  void no_category(const std::vector<std::string>& found);

  // Columns named like the 2024 categories in a sheet of the disjoint 2015 levels ("hoy_uten"
  // beside "Ufaglærte"): read as the 2015 levels they mean there.
  void read_disjoint_names();

  bool column_taken(int i) const;

  // Every column of an årsverk file is read or reported: nothing is dropped silently.
  void report_unread_columns();

  static msg::HeaderColumnIgnored::Why unread_reason(Role role);

  void note_category(const CategoryMatch& m);

  // ---------------------------------------------------------------------------------------
  bool shape_ok(const Row& r) const;

  void flush_pending_as_errors();

  // A short row that starts like a data row (a unit number, and a four-digit year where the
  // table has a year column) is a row cut off in a half-saved file, not a footnote.
  bool looks_like_data(const Row& r) const;

  void data(const Row& row);

  // A header again below the data (sheets pasted one under the other): the columns re-mapped
  // for the rows below it (true).
  bool repeated_header(const Row& row);
  void remap(const Row& row, std::vector<ColumnInfo> cols);
  bool skipping_block = false;  // below a repeated header that could not be mapped

  std::string_view cell(const Row& r, int c) const {
    return c >= 0 && c < static_cast<int>(r.fields.size()) ? r.fields[c] : std::string_view();
  }
  static CellKind kind(const Row& r, int c) {
    return c >= 0 && c < static_cast<int>(r.kinds.size()) ? r.kinds[c] : CellKind::Typed;
  }

  // A workbook cell whose text is not a figure Excel shows (a formula without a saved result, a
  // percentage in a column of FTEs): reported on its cell, true. False for any other cell.
  bool refuse_workbook_figure(const Row& r, int col);

  void note_missing(const Row& r, int col, std::string_view text);

  std::optional<int> parse_year(const Row& r, int col);

  std::optional<std::string> arsverk_unit(const Row& r, int year);
  // `text`: the unit cell, or what is left of it after a sum label.
  std::optional<std::string> arsverk_unit(const Row& r, int year, std::string_view text);

  // A label that says the row is a sum («3101 Totalt», target group «Begge», service «Sum»);
  // `unit_text` gets the unit cell without the label.
  std::optional<SumLabel> sum_label(const Row& r, std::string_view& unit_text) const;
  // What a cell's text says, found once per distinct text: rows repeat a few hundred names,
  // target groups and services, and normalising each anew was a third of reading an årsverk file.
  // Two memos, so that the names (every text column is asked for a rate mark) do not push the
  // target groups and services out of the labels' one.
  struct LabelFacts {
    bool sum_label = false;  // «Sum», «I alt»
    GroupMatch group = GroupMatch::Empty;
  };
  const LabelFacts& label_facts(std::string_view text) const;  // a target group or service
  bool says_rate_mark(std::string_view text) const;             // «per 1000», «rate»: not årsverk
  mutable RawMemo<LabelFacts> label_facts_;
  mutable RawMemo<bool> rate_marks_;
  // An årsverk row's figures, kept until the row is taken (one vector for every row).
  struct RowValue { CategoryMatch cat; Fixed value; CellAmbiguity ambiguity; int column; };
  std::vector<RowValue> row_values_;
  // A labelled row without unit or year: reported and left out (true).
  bool sum_row_without_place(const Row& r, const SumLabel& label, std::string_view unit_text);

  // «Psykisk helse ekskl. demens» names dementia work only as left out: counted, and said once
  // per service text on its first line.
  void note_service(std::string_view text, int64_t line);

  // A row whose other cells say its figure is a rate ("enhet: arsverk_per_1000", as in published
  // tables) holds no FTEs: an error, never a rate counted as FTEs.
  bool says_rate(const Row& r);

  bool column_holds_figures(int col) const;

  // A figure under a column without a header is not read: said once, at its first cell.
  void report_figures_without_header(const Row& r);

  // Reads an årsverk number; false = the row must be skipped (already reported). A value whose
  // decimal mark is ambiguous ("1.250") also gives its other reading, settled in finish().
  bool arsverk_number(const Row& r, int col, std::optional<Fixed>& out, CellAmbiguity& ambiguity);

  void report_too_large(const Row& r, int col, std::string_view t);
  void note_skipped(const std::string& unit, int year, TargetGroup group);

  // What the file's unambiguous numbers say about its decimal mark.
  void note_decimal_evidence(const ParsedNumber& n);

  // Settles every ambiguous "1.250"/"1,250" with the evidence of the whole file, the same way
  // for all of them; where the evidence does not decide, each one is reported on its line.
  void settle_ambiguous();

  void report_ambiguous(const Ambiguous& a, Fixed used, bool decimal);

  void arsverk_row(const Row& r);

  // ---------------------------------------------------------------------------------------
  // An age or sex label of a population row: whether it is a total, and its key with the key's
  // id in the accumulator (asked for at the label's first figure).
  struct LabelInfo {
    bool total = true;
    std::string key;
    uint32_t id = kNoId;
    std::string text;  // as written, for the population's selection check
  };
  static constexpr uint32_t kNoId = LabelIds::kFull - 1;
  // The age or the sex labels seen. The last two looked up are compared first: rows repeat or
  // alternate them (0 år Menn, 0 år Kvinner, 1 år Menn, …).
  class Labels {
   public:
    explicit Labels(bool age) : age_(age) {}
    LabelInfo& info(std::string_view text) {
      if (LabelInfo** recent = recent_.find(text)) return **recent;
      std::string key(text);
      auto it = cache_.find(key);
      if (it == cache_.end()) {
        if (cache_.size() > 10000) {
          cache_.clear();
          ++generation_;
          recent_.clear();
        }
        LabelInfo made{age_ ? is_total_age(text) : is_total_sex(text), normalise_name(text), kNoId,
                       std::string(text)};
        it = cache_.emplace(key, std::move(made)).first;
      }
      recent_.replace(key) = &it->second;
      return it->second;
    }

    // Changes when the labels are dropped (pathologically many), so older pointers are not used.
    uint32_t generation() const { return generation_; }

   private:
    bool age_;
    uint32_t generation_ = 0;
    std::unordered_map<std::string, LabelInfo> cache_;
    RecentKeys<LabelInfo*, 2> recent_;
  };
  Labels age_labels{true}, sex_labels{false};

  void population_value(const Row& r, int col, const std::string& code, int year, LabelInfo& age,
                        LabelInfo& sex);

  // `region` is the accumulator's id of `code`, or kNoId.
  void add_population(int64_t line, int col, std::string_view t, const std::string& code,
                      int year, LabelInfo& age, LabelInfo& sex, int64_t v, uint32_t region = kNoId);

  static bool population_contents(std::string_view text);

  void population_row(const Row& r);

  // The sex a year column's header gives ("Menn 2024"), as a label.
  std::vector<LabelInfo> column_sex_;
  LabelInfo& column_sex(int c);
  void name_population_dimensions();  // the age and sex columns, for the selection check

  // ---------------------------------------------------------------------------------------
  // The usual row of a population file with time and sex in rows: as wide as the header, a plain
  // year and a plain figure. Its labels are looked up by their raw bytes, so a label is decoded,
  // trimmed and resolved once, not on every row. The steps, their order and their messages are
  // those of data() → population_row(); a row this path cannot take (returns false before it
  // has done anything) goes there.
  bool fast_population = false;  // set up for PopSimple
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
  RawMemo<bool> contents_memo_;  // the contents label: population or not
  std::string decoded_;  // a label being decoded on its first sight
  int last_year_ = 0;
  std::optional<Structure> last_structure_;

  bool population_row_fast(const CsvRecord& rec);
  bool fast_population_contents(const CsvRecord& rec, bool bad);

  // 1 when field `col` of a record is converted from Windows-1252, 0 when it is read as it is.
  uint8_t decode_mode(int col, bool bad) const { return bad && !ascii_[col] ? 1 : 0; }

  // The field as decode() gives it.
  std::string_view decoded(std::string_view raw, int col, bool bad);

  LabelInfo& fast_label(Labels& labels, RawMemo<LabelMemo>& memo, const CsvRecord& rec, int col,
                        bool bad);

  // ---------------------------------------------------------------------------------------
  void finish();

  void resolve_totals();
};

}  // namespace arsverk::detail
