#pragma once
// Population lookup: a user's files first, then SSB's figures embedded in the build.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "arsverk/model.hpp"
#include "arsverk/registers.hpp"
#include "arsverk/report.hpp"

namespace arsverk::detail {

// SSB's population on 1 January, as embedded from data/population and data/published.
class EmbeddedPopulation {
 public:
  static const EmbeddedPopulation& instance();
  // 2024 borders, 2020–2026: kommune, bydel, fylke and land "0"; land also 2015–2026.
  std::optional<int64_t> borders_2024(const std::string& code, int year) const;
  // The 356 municipalities of 2020–2023 on 1 January 2023.
  std::optional<int64_t> borders_2020(const std::string& code, int year) const;
  // SSB's figure for the territory `code` means in `year` (a number of 2020–2023 by its 2024
  // successor when that covers the same territory), for checking a file's figure.
  std::optional<int64_t> for_unit(const std::string& code, int year, const Registers& registers) const;

 private:
  EmbeddedPopulation();
  std::map<std::pair<std::string, int>, int64_t> b2024_, b2020_;
};

// Two population files that give one unit and year different figures: neither is used.
struct PopulationConflict {
  std::string code;
  int year = 0;
  int file_a = 0, file_b = 0;
  int64_t line_a = 0, line_b = 0;
  int64_t persons_a = 0, persons_b = 0;
};

struct PopulationFound {
  int64_t persons = 0;
  PopulationSource source = PopulationSource::Embedded;
  std::string file;
};

class PopulationLookup {
 public:
  PopulationLookup(const std::vector<ParsedFile>& files, const Registers& registers);

  // The population of a unit on 1 January of `population_year`, for a data year whose
  // municipality structure is `structure` (old numbers are mapped to their 2024 successors
  // when only 2024-border figures exist; a county of 2020–2023 is the sum of its members).
  std::optional<PopulationFound> find(const std::string& code, Level level,
                                      std::optional<Structure> structure, int population_year) const;
  const std::vector<PopulationConflict>& conflicts() const { return conflicts_; }

 private:
  std::optional<PopulationFound> direct(const std::string& code, int year, bool old_borders) const;
  std::optional<PopulationFound> sum_of(const std::vector<std::string>& codes, Level level,
                                        std::optional<Structure> structure, int year) const;

  struct UserFigure { int64_t persons; std::string file; int file_index; int64_t line; bool conflict; };
  std::map<std::pair<std::string, int>, UserFigure> user_;
  std::vector<PopulationConflict> conflicts_;
  const Registers& registers_;
  const EmbeddedPopulation& embedded_;
};

}  // namespace arsverk::detail
