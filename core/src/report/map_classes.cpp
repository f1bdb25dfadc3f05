// The colour classes of the page's map (docs/output.md, "map_classes"): the values the map draws
// for a data year, map level, measure and mode — each as shown, in tenths — and the breaks
// between their classes. The map draws the units of the year's register (the 2020–2023 structure
// for earlier years) and Oslo's districts that report; a unit without a result there may be drawn
// with a reference file's published rate.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "arsverk/report.hpp"

namespace arsverk {

namespace {

constexpr int64_t kMinClassWidthTenths = 2;  // the counties lie close: no class for one shown figure
constexpr int64_t kMinOuterDiffTenths = 3;
constexpr int64_t kMinInnerDiffTenths = 1;

bool on_map(const Registers& registers, Structure structure, Level level, const std::string& code) {
  switch (level) {
    case Level::Kommune: return registers.municipality(structure, code) != nullptr;
    case Level::Fylke: return registers.county(structure, code) != nullptr;
    case Level::Bydel: {
      const District* district = registers.district(code);
      return district && district->reports;
    }
    default: return false;
  }
}

// A result's figure on the map as shown: its rate, or its difference from the group's median
// where the comparison is meaningful; none for a unit left out, thin, or without the measure.
std::optional<int64_t> shown_on_map(const Result& r, int i, bool difference) {
  if (r.suppressed || thin_aggregate(r) || !r.per_1000[i]) return std::nullopt;
  if (!difference) {
    if (!r.arsverk[i] || r.measure_population[i] <= 0) return std::nullopt;
    return rounded_rate_units(*r.arsverk[i], r.measure_population[i]);
  }
  if (!r.comparison || !r.comparison->coverage.meaningful || !r.comparison->diff_from_median[i]) return std::nullopt;
  return shown_difference_tenths(r, i);
}

int64_t rounded_division(int64_t n, int64_t d) { return n >= 0 ? (2 * n + d) / (2 * d) : -((-2 * n + d) / (2 * d)); }

// The quantile at fifths/5 of sorted values (linear interpolation, R type 7), rounded half away
// from zero to a whole tenth, exactly: (n − 1) · fifths / 5 is h, 5 · the quantile an integer.
int64_t quantile_tenths(const std::vector<int64_t>& sorted, int64_t fifths) {
  const int64_t h5 = static_cast<int64_t>(sorted.size() - 1) * fifths;
  const std::size_t lo = static_cast<std::size_t>(h5 / 5);
  const int64_t above = sorted[std::min(lo + 1, sorted.size() - 1)];
  return rounded_division(5 * sorted[lo] + (h5 % 5) * (above - sorted[lo]), 5);
}

// Rates: the quintiles; a break less than 0.2 above the one before (or not above the lowest
// value) is dropped, so no class holds a single shown figure.
std::vector<int64_t> rate_breaks(std::vector<int64_t> values) {
  std::vector<int64_t> breaks;
  if (values.empty()) return breaks;
  std::sort(values.begin(), values.end());
  for (int64_t fifths = 1; fifths <= 4; ++fifths) {
    const int64_t b = quantile_tenths(values, fifths);
    if (b > values.front() && (breaks.empty() || b - breaks.back() >= kMinClassWidthTenths)) breaks.push_back(b);
  }
  return breaks;
}

// Differences from the median: ±d and ±d/3 around 0, d the 80th percentile of the absolute
// differences (at least 0.3), d/3 at least 0.1.
std::vector<int64_t> difference_breaks(std::vector<int64_t> values) {
  if (values.empty()) return {};
  for (int64_t& v : values) v = std::llabs(v);
  std::sort(values.begin(), values.end());
  const int64_t d = std::max(kMinOuterDiffTenths, quantile_tenths(values, 4));
  const int64_t e = std::max(kMinInnerDiffTenths, rounded_division(d, 3));
  return {-d, -e, e, d};
}

// The values on the map for each measure (one pass over the year's results).
std::array<std::vector<int64_t>, 4> values_on_map(const Report& report, const Registers& registers, int year,
                                                  Level map_level, bool difference) {
  const Structure structure = structure_for_year(year).value_or(Structure::K2020);
  const std::vector<Level> levels = map_level == Level::Kommune ? std::vector<Level>{Level::Kommune, Level::Bydel}
                                                                : std::vector<Level>{map_level};
  std::array<std::vector<int64_t>, 4> values;
  std::set<std::pair<Level, std::string>> with_result;
  for (const Result& r : report.results) {
    if (r.year != year || std::find(levels.begin(), levels.end(), r.level) == levels.end()) continue;
    if (!on_map(registers, structure, r.level, r.code)) continue;
    with_result.insert({r.level, r.code});
    for (int i = 0; i < 4; ++i)
      if (const auto shown = shown_on_map(r, i, difference)) values[i].push_back(*shown);
  }
  if (difference) return values;  // a published rate has no difference from the group's median
  // One entry per unit (the page keeps the last for a unit).
  std::map<std::pair<Level, std::string>, const ReferenceEntry*> standing_in;
  for (const ReferenceEntry& e : report.reference) {
    if (std::find(levels.begin(), levels.end(), e.level) == levels.end()) continue;
    if (std::find(e.used_for.begin(), e.used_for.end(), year) == e.used_for.end()) continue;
    if (on_map(registers, structure, e.level, e.code) && !with_result.count({e.level, e.code})) standing_in[{e.level, e.code}] = &e;
  }
  for (const auto& entry : standing_in) {
    for (int i = 0; i < 4; ++i) {
      const auto& rate = entry.second->per_1000[i];
      if (rate && std::isfinite(*rate)) values[i].push_back(rounded_units(*rate, 1));
    }
  }
  return values;
}

}  // namespace

std::vector<MapClasses> map_classes(const Report& report, std::optional<int> only_year, const Registers& registers) {
  std::vector<MapClasses> out;
  for (int year : report.years) {
    if (only_year && year != *only_year) continue;
    for (Level level : {Level::Kommune, Level::Fylke}) {
      for (bool difference : {false, true}) {
        MapClasses classes;
        classes.year = year;
        classes.level = level;
        classes.difference = difference;
        auto values = values_on_map(report, registers, year, level, difference);
        for (int i = 0; i < 4; ++i)
          classes.breaks_tenths[i] = difference ? difference_breaks(std::move(values[i])) : rate_breaks(std::move(values[i]));
        out.push_back(std::move(classes));
      }
    }
  }
  return out;
}

}  // namespace arsverk
