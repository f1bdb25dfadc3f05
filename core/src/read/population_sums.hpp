#pragma once
// A population file's figures summed per (region, year), so that totals are never added to
// their own details and a selection of ages or sexes is not taken for the whole population.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "label_ids.hpp"
#include "read_context.hpp"

namespace arsverk::detail {

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

// Reports a population figure that would make the sum pass the largest 64-bit integer.
void report_population_overflow(ReadContext& ctx, const std::string& code, int year,
                                std::string_view value, int64_t line, int column);

}  // namespace arsverk::detail
