#pragma once
// What a computation yields: one Result per unit and year, with comparisons, plus messages.
// Serialised by report_json / report_csv / report_table.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "arsverk/diagnostic.hpp"
#include "arsverk/model.hpp"
#include "arsverk/registers.hpp"
#include "arsverk/settings.hpp"

namespace arsverk {


// Per measure M1..M4; empty where the measure is absent: the input did not give every category
// it needs (docs/indicator.md, "Absent, never 0"). Never shown as 0.
using Rates = std::array<std::optional<double>, 4>;
using Amounts = std::array<std::optional<Fixed>, 4>;

// Distribution of member municipalities' rates in a KOSTRA group (suppressed left out).
struct Distribution {
  int n = 0;
  double min = 0, p25 = 0, median = 0, p75 = 0, max = 0, mean = 0;
  bool enough = false;  // members enough with this measure to compare with (Coverage::members_needed)
};

enum class Fence { Inside, Low, High };

// What a comparison rests on (docs/indicator.md, "Comparisons"): below the thresholds it is not
// meaningful, and the page presents no median, rank or fences as if it were.
struct Coverage {
  static constexpr int kMinMembers = 5;          // or all members, in a smaller group
  static constexpr double kMinPopulationShare = 0.5;

  int members = 0;                 // municipalities with a figure (own, or published in a reference file)
  int members_total = 0;           // municipalities in the group
  int from_reference = 0;          // of `members`: rates from reference files
  int reference_year = 0;          // the year of those rates (0 when none)
  std::vector<std::string> reference_files;
  double population_share = 0;     // of the group's population, in members with a figure
  bool meaningful = false;
  std::string reason;              // "few_members" | "low_coverage" | "alone" when not meaningful

  void decide();                   // sets meaningful and reason from the counts
  // Members a measure needs before a median, rank or fence of it means anything (all of a smaller
  // group): a measure few have (reference rates give M1 only) would rest on one or two figures.
  int members_needed() const { return std::max(1, std::min(kMinMembers, members_total)); }
  // The same for a comparison within a group, which also needs a group of more than one: a
  // municipality alone in its KOSTRA group (Oslo, group 13) would be compared with itself.
  void decide_comparison();
};

// Published rates for a unit and year: the indicator's own (embedded) or from a reference file.
struct Published {
  std::array<std::optional<double>, 4> per_1000{};
  std::string source;              // "Helsedirektoratet kvalitetsindikator (2024-tall)" or the file name
  int year = 0;                    // the year the rates were published for
};

struct GroupComparison {
  std::string group;                 // "EKG07"
  int n = 0;                         // members with a shown rate
  std::array<int, 4> peers{};        // members with a shown rate, per measure
  std::array<std::optional<int>, 4> rank{};  // 1 = highest rate in the group
  // The same by the rates as shown (one decimal), and how many others show the same rate.
  std::array<std::optional<int>, 4> rank_shown{};
  std::array<std::optional<int>, 4> rank_shared{};
  Rates median{};
  Rates diff_from_median{};
  std::array<std::optional<Fence>, 4> fence{};
  Coverage coverage;                 // of the group's M1 figures
};

struct Change {
  int from_year = 0;
  Rates per_1000{};                  // this year minus previous
  std::array<std::optional<double>, 4> percent{};  // relative change, empty when previous is 0
  // Between the rates as shown (one decimal), so that «1,6 → 1,7» never reads «+0,2»: the
  // difference in tenths, and the relative change of the shown figures (empty when the earlier
  // one shows 0,0).
  std::array<std::optional<int64_t>, 4> shown_tenths{};
  std::array<std::optional<double>, 4> shown_percent{};
};

// A municipality across the 2024 renumbering (registers/kommuneendringer_2023_2024.csv): the
// number(s) it has on the other side of the break, and whether it is the same territory.
struct Renumbering {
  std::vector<std::string> successor;    // for 2020–2023 results: the 2024 number(s)
  std::vector<std::string> predecessor;  // for results from 2024: the 2023 number(s)
  bool continuity = true;                // false for a split or merge: no one series
  std::string note_nb, note_en;          // why not, when continuity is false
};

enum class PopulationSource { Embedded, File };

// A check before submission that could not run on a municipality's or district's figures, and why
// (docs/output.md, `unchecked`): `all` for `rows_skipped`; `categories` (the checks by education
// category) for `total_only`, `incomplete`, `from_districts` or `carried`; `change` (from the year
// before) for `previous_year_not_loaded`, `previous_year_suppressed`, `previous_year_outside`,
// `schema_break` or `no_m1`.
struct Unchecked {
  std::string check;
  std::string reason;
  int year = 0;  // `change`: the year before; `carried`: the year carried from; else 0
};

struct Result {
  Level level = Level::Kommune;
  std::string code;
  std::string name;
  int year = 0;
  Schema schema = Schema::S2024;
  std::string county;                // fylke code for kommune / bydel
  std::string kostra;                // KOSTRA group for kommune
  int64_t population = 0;
  int population_year = 0;
  PopulationSource population_source = PopulationSource::Embedded;
  std::string population_file;       // when from a file
  Amounts arsverk{};
  Rates per_1000{};
  std::array<int64_t, 4> measure_population{};  // denominator per measure (aggregates: members with it)
  std::optional<int> carried_from;
  bool partly_carried = false;       // an aggregate (or Oslo) with carried-forward members
  bool suppressed = false;
  std::string suppression_reason;    // "no_adults", "no_children"
  bool direct = false;               // a fylke / land given directly in the input
  double coverage = 1.0;
  int members = 0;                   // municipalities with data (aggregates)
  int members_total = 0;             // municipalities in the aggregate
  std::array<int, 4> measure_members{};  // aggregates: members with each measure
  std::map<TargetGroup, Amounts> by_group;
  std::map<std::string, Amounts> by_service;
  std::optional<Published> published;                        // published figures for the same unit and year
  std::optional<Published> published_latest;                 // none for the year: the latest earlier of the schema
  Coverage aggregate_coverage;       // aggregates: of their own sums (members with data)
  std::optional<std::array<Distribution, 4>> distribution;  // KOSTRA groups
  Coverage distribution_coverage;    // KOSTRA groups: of the distribution (own and reference rates)
  std::optional<GroupComparison> comparison;                 // kommune within its KOSTRA group
  std::optional<Change> change;
  std::optional<Renumbering> renumbering;                    // kommune, from 2020
  std::vector<std::string> flags;
  std::vector<Unchecked> unchecked;  // kommune and bydel results the checks ran on
};

// A unit's published rates from reference files, as the files gave them (never computed), where
// they stand for the unit in the report: for the map and the ranking chart, never in sums.
struct ReferenceEntry {
  Level level = Level::Kommune;
  std::string code, name;
  std::string county, kostra;        // kommune: its county and KOSTRA group in the year's structure
  int year = 0;                      // the year the rates were published for
  Rates per_1000{};                  // a measure the files did not give is empty
  std::string source;                // the reference file (the first, when measures come from several)
  std::vector<int> used_for;         // data years of the report it stands in for (no own figures there)
};

struct PopulationUse {
  int data_year = 0;
  int population_year = 0;
  int from_embedded = 0;             // units whose population came from the embedded SSB figures
  int from_files = 0;                // units whose population came from a user's file
};

struct ExcludedService {
  int year = 0;
  std::string service;
  Fixed arsverk;                     // M1-equivalent årsverk left out
  int rows = 0;
};

// Which of rules 1 and 2 were applied to a data year, and whether by the year's own rules
// (Rule::Auto) or by the user's setting.
struct YearRules {
  int year = 0;
  bool carry_forward = false;
  bool suppression = false;
  Rule carry_forward_setting = Rule::Auto;
  Rule suppression_setting = Rule::Auto;
  int suppression_unapplied = 0;  // municipalities rule 2 could not be applied to: their FTEs have no target group
};

struct Report {
  std::vector<ParsedFile const*> files;
  std::vector<Diagnostic> diagnostics;   // file messages first, then computation messages
  std::vector<Result> results;           // ordered by year, level, code
  std::vector<PopulationUse> population_use;
  std::vector<ExcludedService> excluded;
  std::vector<int> years;                // data years with results
  std::vector<YearRules> rules;          // one per data year with results
  std::vector<ReferenceEntry> reference; // reference rates standing for units without own figures
};

// The computation of docs/indicator.md over everything read.
Report compute(const std::vector<ParsedFile>& files, const Settings& settings,
               const Registers& registers = Registers::embedded());

// A measure's rate for display: one decimal, rounded half away from zero from the exact quotient;
// empty when the measure is absent.
inline std::optional<std::string> display_rate(const Result& r, int measure, Lang lang) {
  if (!r.arsverk[measure] || r.measure_population[measure] <= 0) return std::nullopt;
  return format_units(rounded_rate_units(*r.arsverk[measure], r.measure_population[measure]), 1, lang);
}

// An aggregate computed from too few of its municipalities (Coverage::decide): every output shows
// no rate for it, only what it rests on (the page, the table, the CSV export).
inline bool thin_aggregate(const Result& r) {
  const bool aggregate = r.level == Level::Fylke || r.level == Level::Land || r.level == Level::KostraGruppe;
  return aggregate && !r.direct && !r.aggregate_coverage.meaningful;
}

// A municipality's rate as shown minus its KOSTRA group's median as shown, in tenths (so «2,6
// against a median of 2,6» never reads «+0,1»); empty when the rate is not shown or has no median.
std::optional<int64_t> shown_difference_tenths(const Result& r, int measure);

// The colour classes of the page's map for one data year, map level and mode (docs/output.md,
// "map_classes"): per measure, the breaks between classes in tenths.
struct MapClasses {
  int year = 0;
  Level level = Level::Kommune;      // Kommune: the municipalities with Oslo's districts; or Fylke
  bool difference = false;           // from the KOSTRA group's median, else the rate
  std::array<std::vector<int64_t>, 4> breaks_tenths{};
};

// Per data year (or for `only_year`), for the municipality and county maps, rates and differences
// from the median.
std::vector<MapClasses> map_classes(const Report& report, std::optional<int> only_year = std::nullopt,
                                    const Registers& registers = Registers::embedded());

// A unit's name in a language: Norway's and a KOSTRA group's are words ("Hele landet" / "Norway",
// "KOSTRA-gruppe 7" / "KOSTRA group 7"); any other unit's is its register name, in both.
std::string unit_name(Level level, const std::string& code, const std::string& register_name, Lang lang);

// The sums the IS-24/8 form shows beside the figures typed into it (docs/output.md, "The form's
// sums"): one unit-year's årsverk as the input gave them, before any rule, each part (a service,
// or the whole when the input has none) summed by category, by target group and in all. A sum
// that would overflow is left out.
struct FormSheet {
  std::string service;                   // empty: the input has no services
  std::map<Category, Fixed> categories;  // each category given, over the target groups
  // Each target group over its categories, and all of them: categories that add up (2024 a–e,
  // the 2015 levels), never the nested 2015 measures or a total column; empty when none is given.
  std::map<TargetGroup, Fixed> groups;
  std::optional<Fixed> total;
  std::vector<std::string> files;  // the files whose figures are in this sheet's sums, in the order read
};
struct FormSums {
  std::string code;
  int year = 0;
  std::vector<FormSheet> sheets;  // in the order of their services; none when the input has no such unit-year
  std::vector<std::string> files;  // the files whose figures are in any sheet, in the order read
  // Per measure, the categories it is made of that no row gave: why the measure is absent.
  std::array<std::vector<Category>, 4> missing;
};
std::string form_sums_to_json(const FormSums& sums);

// Each data year's rules that hold before any file (docs/output.md, "Year rules"): its schema, its
// municipality structure and the schema's education parts (education_parts_of), for the page's
// form, map and explanation: {"2024": {"schema": "2024", "structure": "2024", …}, …}.
std::string year_rules_to_json(int first_year, int last_year);

// Which results a report document holds (docs/output.md): by default every result with its
// breakdowns by target group and service (the CLI, exports). The page's documents leave the
// breakdowns out and ask for them per unit (breakdowns_to_json); its first answer holds only the
// results of the year in view (`results_year`; docs/output.md, "The year first").
struct ReportScope {
  std::optional<int> results_year;
  bool breakdowns = true;
};

// The report as JSON (docs/output.md): language-free, whatever settings.lang says. A document
// narrower than the default says so ("results_year", "breakdowns": false); all else is the same.
std::string report_to_json(const Report& report, const Settings& settings, const ReportScope& scope = {});
// The breakdowns by target group and service of the results named by `keys`, each
// "level:code:year" ("kommune:3101:2024"); a key without a result is left out (docs/output.md,
// "Breakdowns apart").
std::string breakdowns_to_json(const Report& report, const std::vector<std::string>& keys);
std::string report_to_csv(const Report& report, const Settings& settings, Lang lang);
std::string report_to_table(const Report& report, const Settings& settings);

}  // namespace arsverk
