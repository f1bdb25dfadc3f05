#pragma once
// What the user can choose: below the engine, the report and the session alike.
#include <optional>
#include <string_view>

#include "arsverk/fixed.hpp"

namespace arsverk {

enum class PopulationYear { Same, Next };  // 1 January of the data year, or of the year after

struct Settings {
  std::optional<int> year;                 // only this data year in results (all when empty)
  PopulationYear population_year = PopulationYear::Same;
  bool carry_forward = true;
  bool suppression = true;
  Lang lang = Lang::Nb;
};

// Reads {"year":2024|null,"population_year":"same"|"next","carry_forward":bool,
// "suppression":bool,"lang":"nb"|"en"}; unknown or missing keys keep their defaults.
// Throws std::invalid_argument with a readable message on a wrong value.
Settings settings_from_json(std::string_view json);

}  // namespace arsverk
