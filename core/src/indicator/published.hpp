#pragma once
// The indicator's published rates built into the calculator (data/published/nasjonale_tall.csv):
// Norway and the published counties, per year and measure.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "arsverk/report.hpp"

namespace arsverk::detail {

class PublishedRates {
 public:
  static const PublishedRates& instance();
  // The published rates of a unit ("0", a county of the year's structure) in a year, or nothing.
  const Published* find(const std::string& code, int year) const;
  // The unit's published rates of the year before `year` when it has the same schema, or nothing:
  // an older figure says too little about the year to be its yardstick (2023 beside 2018's).
  const Published* year_before(const std::string& code, int year) const;
  // The latest published national M1 rate of the schema of `year`: that year's when there is one,
  // else the nearest earlier, else the nearest later year of the same schema.
  std::optional<std::pair<int, double>> national_m1(int year) const { return national(0, year); }
  // The same for measure `m` (0..3 for M1..M4).
  std::optional<std::pair<int, double>> national(int m, int year) const;
  // The latest published national årsverk for children and young people as a share of all
  // (SINTEF IS-24/8), with its year, or nothing.
  std::optional<std::pair<int, double>> national_children_share() const;

 private:
  PublishedRates();
  std::map<std::pair<std::string, int>, Published> rates_;
  std::map<int, std::pair<double, double>> national_arsverk_;  // year → children, all
};

}  // namespace arsverk::detail
