#pragma once
// A population file's region labels → the units kept; the regions left out (historical, rest,
// city totals, …) are counted and reported once per kind.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "read_context.hpp"
#include "recent_keys.hpp"
#include "units.hpp"

namespace arsverk::detail {

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
  // The last label that resolved to a unit, in the structure it was resolved in: most rows repeat it.
  struct LastUnit {
    std::optional<Structure> structure;
    std::string code;
  };
  RecentKeys<LastUnit, 1> last_unit_;
  bool last_every_year_ = true;
};

}  // namespace arsverk::detail
