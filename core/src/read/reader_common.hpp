#pragma once
// Internal pieces shared by the readers (text tables and JSON-stat): the per-file context with
// its messages, unit/region parsing, header and value vocabularies, population accumulation.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "arsverk/diagnostic.hpp"
#include "arsverk/model.hpp"
#include "arsverk/reader.hpp"
#include "arsverk/registers.hpp"
#include "messages/messages.hpp"

namespace arsverk::detail {

// ---------------------------------------------------------------------------------------------
// Per-file context.
struct ReadContext {
  std::string name;
  int file_index = 0;
  const Registers* registers = nullptr;
  ReaderLimits limits;
  Diagnostics diagnostics;
  ParsedFile out;
  std::string sheet;  // the worksheet being read (.xlsx): line is its row, column its column
  // Figures kept from the workbook's earlier sheets: ReaderLimits::max_values holds per file.
  std::size_t values_before = 0;

  // Adds a message of the catalogue (messages/messages.hpp) at line and column (0: none) of
  // this file, or of its sheet; its texts are made only when it is kept.
  template <class Message>
  void report(int64_t line, int column, const Message& m) {
    report(m.severity, line, column, m);
  }
  template <class Message>
  void report(Severity severity, int64_t line, int column, const Message& m) {
    if (diagnostics.admit(name, m.code, severity, line)) add_admitted(severity, m.code, line, column, m.texts());
  }
  // Not yet in the catalogue (the .xlsx reader, JSON-stat's structural failures, binary files):
  // texts made by the caller, then the cap asked.
  void report(Severity severity, const char* code, int64_t line, int column, const std::string& nb,
              const std::string& en);

 private:
  void add_admitted(Severity severity, const char* code, int64_t line, int column, msg::Texts texts);
};

// Quotes a cell for messages: «text» in both languages (shortened when long).
std::string q(std::string_view text, std::size_t max_bytes = 60);
std::string join(const std::vector<std::string>& items, const char* sep = ", ");
// Exact text of a fixed-point value: "12,5" (comma) or "12.5".
std::string fixed_text(Fixed value, bool comma);

// The message every "this is not a table we read" case ends with.
extern const char* const kAcceptedNb;
extern const char* const kAcceptedEn;

// ---------------------------------------------------------------------------------------------
// Units.
enum class UnitStatus {
  Ok,
  Empty,
  Historical,       // "(1988-2003)": not today's unit (population: a unit in the years of its period)
  Rest,             // "K-Rest …"
  NotMunicipality,  // "K-21-22 Svalbard", "K-23 Continental shelf"
  Unresolved,
  Ambiguous,
  NeedsYear,        // a name, but the row has no usable year to pick the structure
};

// A historical unit's period, as SSB writes it after the name: "K-3001 Halden (2020-2023)".
// 0 is an open end ("(-2019)", "(2020-)").
struct UnitPeriod {
  int from = 0, to = 0;
  bool holds(int year) const { return (from == 0 || year >= from) && (to == 0 || year <= to); }
};

struct UnitResult {
  UnitStatus status = UnitStatus::Empty;
  std::string code;                    // normalised code when Ok (also for Historical)
  bool restored_zero = false;          // "301" → "0301"
  bool thousands_grouped = false;      // "3.101" / "3 101" → "3101" (Excel's thousands format)
  std::string name_conflict;           // "3101 Moss" in 2024: "3103 Moss", the unit the name is
  std::vector<std::string> candidates; // for Ambiguous: "1515 Herøy (Møre og Romsdal)", ...
  std::optional<UnitPeriod> period;    // for Historical
};

UnitResult parse_unit(std::string_view text, std::optional<int> year, const Registers& registers);

// For population files: district codes that are not units of the indicator.
enum class DistrictKind { Unit, CityTotal, UnknownDistrict, OtherCity };
DistrictKind district_kind(std::string_view six_digit_code);

// ---------------------------------------------------------------------------------------------
// Vocabulary.
struct CategoryMatch {
  Category category = Category::Total;
  bool provisional_total = false;  // "totalt"/"sum": M1 or Total, decided by the rest of the file
};
std::optional<CategoryMatch> match_category(std::string_view text);

// The category and measure headers we know, as written in messages (nb and en).
const std::vector<std::string>& known_category_headers();
// True when an unknown header looks like it was meant as a category ("utdanning", "education",
// "årsverk", "FTE", …), so its message suggests the closest known name.
bool looks_like_category(std::string_view header);
std::string closest_category_header(std::string_view header);

// Reference files (published rates): a header that says "per 1 000" (or "rate") marks the file
// as rates, never FTEs; measure names map to 0..3 (M1..M4) in either schema's wording.
bool has_rate_marker(std::string_view header);
std::optional<int> match_reference_measure(std::string_view text);

// «Totalt», «Sum», «I alt», «Total», «Samlet» — and «Begge», «Alle», «Both», «All» alone or before
// «målgrupper»/«tjenester» — as a whole target-group or service cell: the row is a sum of others.
bool is_sum_label(std::string_view text);
// The same label before or after a unit in a unit cell («3101 Totalt», «0301 Oslo i alt», «Sum
// Halden», «Totalt»): true, with `unit` set to what is left of the cell (empty when nothing).
bool split_sum_label(std::string_view cell, std::string_view& unit);

enum class GroupMatch { Adults, Children, Unknown, Empty };
GroupMatch match_group(std::string_view text);

enum class Role {
  None, Year, Unit, UnitName, Group, Service, Category, Value, ArsverkValue, Population,
  Age, Sex, Contents, CategoryColumn, YearColumn,
};

struct ColumnInfo {
  Role role = Role::None;
  int unit_priority = 0;
  CategoryMatch category;      // CategoryColumn
  int year = 0;                // YearColumn
  int sex = -1;                // YearColumn: -1 no sex in header, 0 total, 1 detail
  std::string sex_key;         // YearColumn: normalised sex text
  std::string header;          // as written (UTF-8, trimmed)
};
ColumnInfo classify_header(std::string_view header);

bool is_total_age(std::string_view label);  // "Alle aldre", "All ages", "0-105+", "Total"
bool is_total_sex(std::string_view label);  // "Begge kjønn", "Both sexes", "Total"

// ---------------------------------------------------------------------------------------------
// Small ids for repeated labels: most rows repeat the previous row's label, so that is compared
// first and the hash table is consulted only when the label changes.
class LabelIds {
 public:
  static constexpr uint32_t kFull = UINT32_MAX;  // more than `cap` distinct labels
  explicit LabelIds(std::size_t cap) : cap_(cap) {}
  uint32_t id(std::string_view label);
  const std::string& label(uint32_t id) const { return labels_[id]; }
  std::size_t size() const { return labels_.size(); }

 private:
  std::size_t cap_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::string last_;
  uint32_t last_id_ = kFull;
};

// Population: per (region, year) four buckets [age is total][sex is total]; the first non-empty
// of (total,total), (total,detail), (detail,total), (detail,detail) is the figure, so total rows
// are never added on top of detail rows. Cells live in a flat array indexed by region id and
// year; every sum is overflow-checked.
class PopulationAccumulator {
 public:
  enum class Added { Yes, Duplicate, Overflow };
  static constexpr int kFirstYear = 1900, kLastYear = 2100;
  // The largest population a (region, year) may sum to: a hundred times the world's, and small
  // enough that any later sum over regions stays far from the 64-bit limit.
  static constexpr int64_t kMaxPopulation = 1'000'000'000'000;
  // Duplicate: the same (region, year, age, sex) came before; Overflow: the sum would pass
  // kMaxPopulation. In both cases nothing is kept. `year` within kFirstYear..kLastYear.
  Added add(const std::string& code, int year, bool age_total, bool sex_total,
            std::string_view age_key, std::string_view sex_key, int64_t value, int64_t line);
  // The same with the keys' ids, for a reader that keeps them per label.
  Added add(const std::string& code, int year, bool age_total, bool sex_total, uint32_t age_id,
            uint32_t sex_id, int64_t value, int64_t line);
  // The same with the region's id (region_id(code)) too.
  Added add(uint32_t region, int year, bool age_total, bool sex_total, uint32_t age_id,
            uint32_t sex_id, int64_t value, int64_t line);
  uint32_t region_id(const std::string& code) { return regions_.id(code); }
  // `label`: the age or sex as the file writes it ("20-66 år", "Menn"), for the selection check;
  // the key (normalised, or SSB's code) tells figures apart.
  uint32_t age_id(std::string_view age_key, std::string_view label = {});
  uint32_t sex_id(std::string_view sex_key, std::string_view label = {});
  // Where the ages and sexes are named, for messages: a column header or a JSON-stat dimension.
  void name_dimensions(std::string age, int age_column, std::string sex, int sex_column);
  // Keeps each (region, year)'s figure. A figure summed over ages or sexes that do not make up
  // the whole population (only «Menn», only 20–66 år: the selection in the file's own labels)
  // is refused with an error.
  void finish(ReadContext& ctx);
  bool empty() const { return cells_.empty(); }

 private:
  static constexpr int kYears = kLastYear - kFirstYear + 1;
  struct Cell {
    int64_t sum[2][2] = {{0, 0}, {0, 0}};
    bool has[2][2] = {{false, false}, {false, false}};
    int64_t line = 0;
    uint32_t region = 0;
    int year = 0;
    std::vector<uint64_t> seen;  // bit per (age, sex) combination id: exact duplicate check
  };
  uint32_t combo_id(uint32_t age, uint32_t sex);
  // Whether the detail ages / sexes summed make up the whole population; reports when not.
  bool whole_ages(ReadContext& ctx);
  bool whole_sexes(ReadContext& ctx);
  // Per age / sex id: its label as written, and whether a figure was summed over it.
  struct Detail {
    std::vector<std::string> labels;
    std::vector<bool> summed;
    int64_t first_line = 0;
    bool unlabelled = false;  // more labels than kept: the selection cannot be judged
    std::string dimension;
    int column = 0;
    void note(uint32_t id, int64_t line);
  };
  Detail age_detail_, sex_detail_;

  LabelIds regions_{SIZE_MAX};  // codes from the registers: bounded
  std::vector<int32_t> slot_;  // region id * kYears + year - kFirstYear → index in cells_, or -1
  std::vector<Cell> cells_;
  // (age, sex) label combinations → small ids, so the duplicate check costs a few bits per
  // figure kept rather than memory per row read.
  LabelIds ages_{1u << 16}, sexes_{1u << 16};
  std::unordered_map<uint64_t, uint32_t> combo_ids_;
  // combo_ids_ for the usual few ages and sexes, looked up directly: id + 1, 0 not yet known.
  static constexpr uint32_t kSmallAges = 512, kSmallSexes = 4;
  std::vector<uint32_t> small_combos_;
};

// Counts ignored region labels of one kind, for one info message per kind at the end.
struct IgnoredRegions {
  int64_t first_line = 0;
  std::set<std::string> labels;  // distinct labels (capped)
  int64_t rows = 0;
  void add(const std::string& label, int64_t line);
};

// Population region handling shared by SSB CSV, simple CSV and JSON-stat: returns the code to
// keep or nullopt (ignored or reported).
class PopulationRegions {
 public:
  std::optional<std::string> resolve(ReadContext& ctx, std::string_view label,
                                     std::optional<int> year, int64_t line, int column);
  // False when the last label resolved holds only for some years ("K-3001 Halden (2020-2023)"):
  // a reader must not reuse its code for the label's other rows.
  bool last_holds_for_every_year() const { return last_every_year_; }
  void finish(ReadContext& ctx);

 private:
  IgnoredRegions historical_used_, historical_, rest_, not_municipality_, city_total_, unknown_district_,
      other_city_;
  std::unordered_map<std::string, UnitResult> cache_;  // label + structure → result
  bool restored_zero_reported_ = false;
  bool thousands_reported_ = false;
  // The last label that resolved to a unit: most rows repeat it.
  std::string last_label_;
  std::optional<Structure> last_structure_;
  std::string last_code_;
  bool last_ok_ = false;
  bool last_every_year_ = true;
};

// Reports a population figure that would make the sum pass the largest 64-bit integer.
void report_population_overflow(ReadContext& ctx, const std::string& code, int year,
                                std::string_view value, int64_t line, int column);
// Reports one restored-leading-zero info per file.
void report_restored_zero(ReadContext& ctx, bool& reported, std::string_view text,
                          const std::string& code, int64_t line, int column);
// Reports one thousands-grouped unit number ("3.101") per file: Excel's number format, never a
// county (a warning where FTEs are read, an info for population).
void report_thousands_grouped(ReadContext& ctx, bool& reported, Severity severity,
                              std::string_view text, const std::string& code, int64_t line,
                              int column);
// Reports a unit that could not be read (unknown name, ambiguous, …) as an error.
void report_bad_unit(ReadContext& ctx, const UnitResult& r, std::string_view text, int64_t line,
                     int column, const char* what_nb, const char* what_en);

}  // namespace arsverk::detail
