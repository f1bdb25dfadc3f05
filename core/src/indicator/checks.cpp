// Checks before submission: rates and changes a municipality should look at again — also against
// the published yardstick, so that one file alone is enough — a run with no årsverk at all, and the
// årsverk left out as outside the indicator's scope.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "arsverk/thresholds.hpp"
#include "context.hpp"
#include "published.hpp"

namespace arsverk::detail {

namespace {

using namespace thresholds;

// Who and where a check is about.
struct Subject {
  std::string who;  // "3101 Halden 2024"
  int file = -1;
  int64_t line = 0;
};

void check_rate(Context& ctx, Result& r, const Subject& subject) {
  if (r.per_1000[0] && *r.per_1000[0] > kRateHigh) {
    ctx.flag(r, "rate_high", subject.file, subject.line, msg::CheckRateHigh{subject.who, *r.per_1000[0]});
  } else if (r.arsverk[0] && *r.arsverk[0] == Fixed()) {
    ctx.flag(r, "rate_zero", subject.file, subject.line, msg::CheckRateZero{subject.who});
  }
}

// Far above or below the published national rate of the same schema (the data year's, else the
// nearest year's, named in the message).
void check_published(Context& ctx, Result& r, const Subject& subject) {
  if (!r.per_1000[0] || *r.per_1000[0] > kRateHigh || *r.per_1000[0] == 0.0) return;
  const auto national = PublishedRates::instance().national_m1(r.year);
  if (!national || national->second <= 0) return;
  const auto [year, rate] = *national;
  const double own = *r.per_1000[0], factor = own / rate;
  const bool above = factor > kFarAbovePublished;
  if (!above && factor >= kFarBelowPublished) return;
  const msg::PublishedNational against_published{subject.who, own, factor, year, rate, year == r.year};
  if (above)
    ctx.flag(r, "far_above_published", subject.file, subject.line, msg::CheckFarAbovePublished{against_published});
  else
    ctx.flag(r, "far_below_published", subject.file, subject.line, msg::CheckFarBelowPublished{against_published});
}

// Outside the fences of a KOSTRA group that includes published reference rates.
void check_group_fences(Context& ctx, Result& r, const Subject& subject) {
  if (!r.comparison || !r.per_1000[0]) return;
  const GroupComparison& comparison = *r.comparison;
  const Coverage& coverage = comparison.coverage;
  if (coverage.from_reference == 0 || !coverage.meaningful || !comparison.fence[0] ||
      *comparison.fence[0] == Fence::Inside)
    return;
  const std::size_t first = ctx.diagnostics.items().size();
  ctx.message(subject.file, subject.line,
              msg::CheckOutsideGroupFences{subject.who, *r.per_1000[0], comparison.group,
                                           comparison.median[0].value_or(0), coverage.members,
                                           coverage.members_total, coverage.reference_year},
              r.year);
  ctx.said_by_flag(first, *comparison.fence[0] == Fence::High ? "outside_fences_high" : "outside_fences_low");
}

// Which single category holds every FTE, if one does (2024 a–e, the 2015 levels; for the nested
// 2015 measures: M4 = M1, everyone with further education).
std::optional<std::string> only_category(const UnitYear& uy, Schema schema) {
  const auto& c = uy.categories;
  auto given = [&](Category k) { return c[static_cast<int>(k)].value_or(Fixed()); };
  if (schema == Schema::S2015 && c[static_cast<int>(Category::M1)]) {
    if (c[static_cast<int>(Category::M4)] && given(Category::M4) == given(Category::M1)) return std::string("M4");
    return std::nullopt;
  }
  const std::vector<Category> levels =
      schema == Schema::S2024
          ? std::vector<Category>{Category::A, Category::B, Category::C, Category::D, Category::E}
          : std::vector<Category>{Category::Ingen, Category::AnnenVgs, Category::VgsHelse, Category::HoyUten, Category::HoyMed};
  std::optional<std::string> only;
  for (Category k : levels) {
    if (given(k) == Fixed()) continue;
    if (only) return std::nullopt;
    only = to_string(k);
  }
  return only;
}

void check_one_category(Context& ctx, Result& r, const Subject& subject) {
  const UnitYear* uy = ctx.units.find({r.code, r.year});
  if (!uy || !uy->categories_ok || !r.arsverk[0] || *r.arsverk[0] < Fixed::from_int(kOneCategoryMinimumFtes)) return;
  const auto only = only_category(*uy, r.schema);
  if (!only) return;
  ctx.flag(r, "one_category", subject.file, subject.line, msg::CheckOneCategory{subject.who, *r.arsverk[0], *only});
}

void check_change(Context& ctx, Result& r, const Subject& subject) {
  if (!r.change || !r.change->percent[0] || std::fabs(*r.change->percent[0]) <= kChangeLargePercent || r.carried_from) return;
  const double now = *r.per_1000[0], before = now - *r.change->per_1000[0];
  ctx.flag(r, "change_large", subject.file, subject.line,
           msg::CheckChangeLarge{subject.who, *r.change->percent[0], r.change->from_year, before, now});
}

// Whether a unit-year gives any education category beyond the total (M1, in schema 2015).
bool gives_categories(const UnitYear& uy) {
  for (int k = 0; k < kCategoryCount; ++k) {
    const auto c = static_cast<Category>(k);
    if (c != Category::Total && c != Category::M1 && uy.categories[k]) return true;
  }
  return false;
}

// Schema 2024: whether some target group lacks one of a–e in every row (its total alone, say), so
// that its composition could not be checked.
bool some_group_incomplete(const std::map<CellKey, Cell>& cells) {
  constexpr std::array<Category, 5> levels{Category::A, Category::B, Category::C, Category::D, Category::E};
  std::map<TargetGroup, unsigned> given;
  for (const auto& [key, cell] : cells) {
    unsigned& mask = given[key.group];
    for (std::size_t k = 0; k < levels.size(); ++k)
      if (cell.amounts[static_cast<int>(levels[k])]) mask |= 1u << k;
  }
  return std::any_of(given.begin(), given.end(), [](const auto& g) { return g.second != 0x1f; });
}

// The results of municipalities and districts by code and year: the year before's, for the change.
using UnitResults = std::map<std::pair<std::string, int>, const Result*>;

// Why the checks by education category could not run, if they could not.
std::optional<std::string> categories_unchecked(const Context& ctx, const Result& r, const UnitYear& uy) {
  if (!gives_categories(uy)) return "total_only";
  if (r.schema != Schema::S2024) return std::nullopt;
  const auto cells = ctx.input.cells.find({r.code, r.year});
  if (cells == ctx.input.cells.end()) return "from_districts";  // Oslo: its districts' rows, each checked
  if (some_group_incomplete(cells->second)) return "incomplete";
  return std::nullopt;
}

// Why the change from the year before could not be checked, if it could not.
std::optional<std::string> change_unchecked(const Result& r, const UnitResults& results) {
  if (r.change && r.change->percent[0]) return std::nullopt;
  if (r.change) return "no_m1";  // M1 absent or 0 in one of the two years
  const int before = r.year - 1;
  if (!structure_for_year(before)) return "previous_year_outside";
  if (schema_for_year(before) != r.schema) return "schema_break";
  const auto it = results.find({r.code, before});
  if (it == results.end()) return "previous_year_not_loaded";
  if (it->second->suppressed) return "previous_year_suppressed";
  return std::nullopt;
}

// What the checks above could not look at, so that «no check was triggered» is never read as
// «everything was checked». Suppressed figures say why they are not shown instead; carried figures
// were checked by category in their own year, and their change from it is none by construction.
void note_unchecked(const Context& ctx, Result& r, const UnitYear* uy, const UnitResults& results) {
  if (r.suppressed) return;
  if (r.carried_from) {
    r.unchecked.push_back({"categories", "carried", *r.carried_from});
    return;
  }
  if (uy)
    if (const auto reason = categories_unchecked(ctx, r, *uy)) r.unchecked.push_back({"categories", *reason, 0});
  if (const auto reason = change_unchecked(r, results)) r.unchecked.push_back({"change", *reason, r.year - 1});
}

// A unit-year with a row left out for an error is not checked: its figures lack that row until the
// error (said, with its place) is corrected, and a check on them would point elsewhere.
void check_result(Context& ctx, Result& r, const UnitResults& results) {
  if (ctx.input.skipped(r.code, r.year)) {
    r.unchecked.push_back({"all", "rows_skipped", 0});
    return;
  }
  Subject subject{r.code + " " + r.name + " " + std::to_string(r.year)};
  const UnitYear* uy = ctx.units.find({r.code, r.year});
  if (uy) {
    subject.file = uy->file;
    subject.line = uy->line;
  }
  const std::size_t first = ctx.diagnostics.items().size();
  check_rate(ctx, r, subject);
  check_published(ctx, r, subject);
  check_group_fences(ctx, r, subject);
  check_one_category(ctx, r, subject);
  check_change(ctx, r, subject);
  check_plausibility(ctx, r, subject.who);
  ctx.about_unit(first, r);
  note_unchecked(ctx, r, uy, results);
}

void check_any_arsverk(Context& ctx) {
  const auto& files = ctx.files;
  const bool any_arsverk = std::any_of(files.begin(), files.end(), [](const ParsedFile& f) {
    return f.kind == FileKind::Arsverk;
  });
  for (std::size_t file_index = 0; file_index < files.size() && !any_arsverk; ++file_index) {
    if (files[file_index].kind != FileKind::Population) continue;
        ctx.message(static_cast<int>(file_index), 0, msg::InputNoArsverk{});
  }
}

void report_excluded(Context& ctx) {
  for (const auto& [key, excluded] : ctx.input.excluded) {
    ctx.message(-1, 0, msg::ScopeExcluded{excluded.year, excluded.arsverk, excluded.service, excluded.rows},
                excluded.year);
  }
}

}  // namespace

void run_checks(Context& ctx) {
  const auto is_unit = [](const Result& r) { return r.level == Level::Kommune || r.level == Level::Bydel; };
  UnitResults results;
  for (const Result& r : ctx.results)
    if (is_unit(r)) results.emplace(std::make_pair(r.code, r.year), &r);
  for (Result& r : ctx.results)
    if (is_unit(r)) check_result(ctx, r, results);
  check_any_arsverk(ctx);
  report_excluded(ctx);
}

}  // namespace arsverk::detail
