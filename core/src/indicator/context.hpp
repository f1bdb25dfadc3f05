#pragma once
// What the stages of the computation share (internal to core/src/indicator). Each stage is one
// function over the Context, in the order engine.cpp runs them:
//   collect → sum rows → validate → unit-years       once per set of files (FileStages)
//   population checks → rules → results → aggregates → comparisons → checks   per report
// (rules: carry-forward and Oslo before the results, suppression on them; comparisons: the
// published yardstick, KOSTRA groups and change).
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"
#include "messages/messages.hpp"
#include "population.hpp"

namespace arsverk::detail {

using CategoryAmounts = std::array<std::optional<Fixed>, kCategoryCount>;
using Present = std::array<bool, 4>;  // which of M1..M4 the input gave
using Missing = std::array<uint16_t, 4>;  // per measure, categories (bits by Category) no row gave

// One value of input with the index of the file it came from.
struct InputValue {
  const ArsverkValue* value;
  int file;
};

// One published rate from a reference file, with its file.
struct InputReference {
  const ReferenceRate* rate;
  int file;
};

// The published rates of one unit and year from reference files.
struct ReferenceRow {
  Rates per_1000{};
  std::array<int64_t, 4> lines{};
  std::array<int, 4> files{};
};

// One row-group of input: a unit, year, target group and service, with its categories.
struct Cell {
  CategoryAmounts amounts;
  std::array<int64_t, kCategoryCount> lines{};  // where each category was given
  std::array<int, kCategoryCount> files{};
  std::array<int, kCategoryCount> columns{};  // the column of each category's value (0: not known)
  int file = 0;
  int64_t line = 0;
};

struct CellKey {
  TargetGroup group;
  std::string service;
  bool operator<(const CellKey& o) const {
    return std::tie(group, service) < std::tie(o.group, o.service);
  }
};

// Everything known about one unit in one data year.
struct UnitYear {
  Measures total{};         // a measure not in `present` holds a partial sum: never shown
  Present present{};
  Missing missing{};  // why a measure is not present: the categories it needs that no row gave
  CategoryAmounts categories{};  // each category summed over the rows, for the checks
  bool categories_ok = true;     // no category sum overflowed
  std::map<TargetGroup, Measures> by_group;
  std::map<std::string, Measures> by_service;
  bool group_known = true;  // every value carried a target group
  std::optional<int> carried_from;
  bool partly_carried = false;  // Oslo with some districts carried forward
  int file = 0;
  int64_t line = 0;
};

using UnitKey = std::pair<std::string, int>;  // code, year

// Where input came from: a file, and in a workbook the sheet, so that messages
// name it. Sources 0..n-1 are the files themselves; collect adds one per sheet of each workbook.
struct Source {
  int file = 0;
  std::string sheet;  // empty: the file as a whole
};

// What the unit registers say about a code in a year.
struct UnitInfo {
  Level level;
  std::string name_nb, name_en, county;
  int kostra = 0;
};

// Which population figures were used, per data year.
struct PopulationTally {
  std::map<int, PopulationUse> by_year;
  void count(int data_year, int pop_year, PopulationSource s);
};

// What the stages before check_population make of the files alone — collect, sum rows, validate,
// unit-years — kept by a Session between reports (engine.hpp): a change of settings starts from
// here. So those four stages never read ctx.settings; they write here through ctx.out(), and every
// later stage reads through ctx.input.
struct FileStages {
  std::vector<Source> sources;                                    // collect: what every `file` index means
  std::vector<InputValue> values;                                 // collect, less sum rows
  std::vector<InputReference> reference_values;                   // collect
  std::map<std::pair<int, int64_t>, const SumLabel*> sum_labels;  // collect: by (source, line)
  std::set<std::tuple<std::string, int, TargetGroup>> skipped_rows;  // collect: by unit, year, group
  // Whether a row of the unit-year (of `group`, or of any) was left out for an error in a figure.
  bool skipped(const std::string& code, int year, TargetGroup group) const {
    return skipped_rows.count({code, year, group}) > 0;
  }
  bool skipped(const std::string& code, int year) const {
    return skipped(code, year, TargetGroup::Unspecified) || skipped(code, year, TargetGroup::Adults) ||
           skipped(code, year, TargetGroup::Children);
  }
  std::map<UnitKey, ReferenceRow> references;                     // validate
  std::map<UnitKey, std::map<CellKey, Cell>> cells;               // validate
  std::map<std::pair<int, std::string>, ExcludedService> excluded;  // validate: by year, service
  std::set<UnitKey> answered;  // validate: every unit and year with an accepted row, in scope or not
  std::map<UnitKey, UnitYear> units;  // unit-years, before the rules
  std::set<int> years;                // unit-years
  Diagnostics read;       // the messages of collect and sum rows
  Diagnostics validated;  // those, then validate's and unit-years'
};

// The unit-years of one report: those the files gave (FileStages::units, prepared once and shared
// by every report, never copied) and, in front of them, those the rules add or change (carry-forward,
// Oslo as a whole). A report used to copy every unit-year with its groups and services (about 7 %
// of a report's computation on the example data; docs/performance.md).
class UnitYears {
 public:
  explicit UnitYears(const std::map<UnitKey, UnitYear>& read) : read_(&read) {}

  const UnitYear* find(const UnitKey& key) const {
    if (auto it = changed_.find(key); it != changed_.end()) return &it->second;
    auto it = read_->find(key);
    return it == read_->end() ? nullptr : &it->second;
  }
  const UnitYear& at(const UnitKey& key) const {
    const UnitYear* uy = find(key);
    if (!uy) throw std::out_of_range("no unit-year " + key.first + " " + std::to_string(key.second));
    return *uy;
  }
  void set(const UnitKey& key, UnitYear uy) { changed_[key] = std::move(uy); }
  std::size_t size_at_most() const { return read_->size() + changed_.size(); }

  // Each unit-year in key order, a changed one instead of the one read: f(key, unit_year).
  template <typename F>
  void for_each(F f) const {
    auto a = read_->begin();
    auto b = changed_.begin();
    while (a != read_->end() || b != changed_.end()) {
      if (b == changed_.end() || (a != read_->end() && a->first < b->first)) {
        f(a->first, a->second);
        ++a;
        continue;
      }
      if (a != read_->end() && !(b->first < a->first)) ++a;  // the same key: the changed one stands
      f(b->first, b->second);
      ++b;
    }
  }

 private:
  const std::map<UnitKey, UnitYear>* read_;
  std::map<UnitKey, UnitYear> changed_;
};

struct Context {
  const std::vector<ParsedFile>& files;
  const Settings& settings;
  const Registers& registers;
  PopulationLookup population;
  Diagnostics diagnostics;

  // What the files alone give (FileStages): filled by the file stages while preparing (out()),
  // read-only in a report.
  const FileStages& input;
  UnitYears units;  // the unit-years as read (input.units), then the rules
  std::set<int> years;
  std::vector<Result> results;                                  // results, aggregates
  std::map<UnitKey, std::size_t> index;                         // units as reported → results
  PopulationTally tally;
  std::map<int, int> suppression_unapplied;  // year -> municipalities rule 2 could not be applied to (no target group)
  mutable std::map<std::pair<Structure, int>, std::vector<std::optional<int64_t>>> municipality_populations_;

  // A report, from what was prepared.
  Context(const std::vector<ParsedFile>& f, const Settings& s, const Registers& r, const FileStages& prepared)
      : files(f), settings(s), registers(r), population(f, r), input(prepared), units(prepared.units) {}
  // Preparing: the file stages fill `into`.
  Context(const std::vector<ParsedFile>& f, const Settings& s, const Registers& r, FileStages& into)
      : files(f), settings(s), registers(r), population(f, r), input(into), units(into.units), preparing_(&into) {}

  // What the file stages write into; only while preparing.
  FileStages& out() {
    if (!preparing_) throw std::logic_error("a file stage run in a report");
    return *preparing_;
  }

  // The population of each municipality of `structure` (in the registers' order) in `pop_year`,
  // looked up once per report: aggregates and KOSTRA groups ask for it again and again. One
  // without a figure of its own is its county less the rest (fill_from_county).
  const std::vector<std::optional<int64_t>>& municipality_populations(Structure structure, int pop_year) const;

  const std::string& file_name(int source) const;
  const std::string& sheet_name(int source) const;  // empty unless the source is a workbook's sheet
  bool is_form(int source) const;                    // the form typed on the page (ParsedFile::form)
  // "linje 12 i arsverk.csv" / "line 12 of arsverk.csv", "Ark2, rad 12 i arsverk.xlsx" /
  // "Ark2, row 12 of arsverk.xlsx", "skjemaet" / "the form": where a message points, in its text.
  std::string where(Lang lang, int file, int64_t line) const;
  // Adds a message of the catalogue (messages/messages.hpp) about `file` (-1: none) at `line`
  // (0: none) and the data `year` (0: none); its texts are made only when it is kept.
  template <class Message>
  void message(int file, int64_t line, const Message& m, int year = 0) {
    message_at(file, line, 0, m, year);
  }
  // The same about one cell: `column` is its 1-based field (0: the line as a whole).
  template <class Message>
  void message_at(int file, int64_t line, int column, const Message& m, int year = 0) {
    if (diagnostics.admit(file_name(file), m.code, m.severity, line))
      add_admitted(m.severity, m.code, file, line, column, m.texts(), year);
  }
  // Gives the messages added since the `first`th the unit and year they are about, as data
  // (docs/output.md, "args"): the page lists a unit's own messages by them.
  void about_unit(std::size_t first, const Result& r);
  void about_unit(std::size_t first, Level level, const std::string& code, int year);
  // Flags the result and says why: the message carries the flag (args.flag), so that a reader
  // listing a unit's flags can leave out those whose message it shows.
  template <class Message>
  void flag(Result& r, const char* name, int file, int64_t line, const Message& m) {
    flag_at(r, name, file, line, 0, m);
  }
  template <class Message>
  void flag_at(Result& r, const char* name, int file, int64_t line, int column, const Message& m) {
    if (std::find(r.flags.begin(), r.flags.end(), name) == r.flags.end()) r.flags.push_back(name);
    const std::size_t first = diagnostics.items().size();
    message_at(file, line, column, m, r.year);
    said_by_flag(first, name);
  }
  // Gives the messages added since the `first`th the flag they say in full (a flag set elsewhere).
  void said_by_flag(std::size_t first, const std::string& flag);

 private:
  void add_admitted(Severity s, const char* code, int file, int64_t line, int column, msg::Texts texts, int year);
  FileStages* preparing_ = nullptr;
};

// The stages.
void collect(Context& ctx);
void find_sum_rows(Context& ctx);  // sum_rows.cpp: leaves subtotal rows out of ctx.values
void check_population(Context& ctx);  // population files against each other, registers and SSB
void validate(Context& ctx);
void build_unit_years(Context& ctx);
void apply_rules(Context& ctx);
void build_results(Context& ctx);
void apply_suppression(Context& ctx);
void build_aggregates(Context& ctx);
void attach_published(Context& ctx);
void build_comparisons(Context& ctx);
void run_checks(Context& ctx);
// The plausibility of one municipality's or district's figures by education category and target
// group (plausibility.cpp); `who` names the unit and year in the messages ("3101 Halden 2025").
void check_plausibility(Context& ctx, Result& r, const std::string& who);

// Shared helpers.
std::optional<UnitInfo> resolve_unit(Context& ctx, const std::string& code, int year, int file,
                                     int64_t line);
int population_year_for(const Settings& s, int year);
// The reference rates that stand for units without figures of their own in `years` (assemble).
std::vector<ReferenceEntry> reference_entries(Context& ctx, const std::vector<Result>& results,
                                              const std::vector<int>& years);
// Population and number of all municipalities of `structure` that `in` selects, with data or not.
std::pair<double, int> municipalities_population(const Context& ctx, Structure structure, int pop_year,
                                                 const std::function<bool(const Municipality&)>& in);
Amounts shown(const Measures& measures, const Present& present);
Rates rates_of(const Amounts& m, const std::array<int64_t, 4>& population);

// Adds each category given in `from` into `into`; false when a sum would overflow (the measures
// report it).
[[nodiscard]] bool add_categories(CategoryAmounts& into, const CategoryAmounts& from);

// Adds `from` into `into` measure by measure, overflow-checked: a measure whose sum would leave the
// range of Fixed keeps its old value and comes back false.
Present add_measures(Measures& into, const Measures& from);
// An error for the measures not in `fits`: their sum overflowed when the figures of `file`:`line`
// were added for `unit` in `year`.
void report_overflow(Context& ctx, int file, int64_t line, const std::string& unit, int year, const Present& fits);

}  // namespace arsverk::detail
