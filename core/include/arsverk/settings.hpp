#pragma once
// What the user can choose: below the engine, the report and the session alike.
#include <optional>
#include <string_view>

#include "arsverk/fixed.hpp"

namespace arsverk {

enum class PopulationYear { Same, Next };  // 1 January of the data year, or of the year after

// Auto = the rules of the indicator description in force for the data year (docs/indicator.md,
// rules 1 and 2): from 2024 on, carry-forward and suppression apply; for 2015–2023 neither does.
enum class Rule { Auto, On, Off };

// Whether a rule applies to a data year under a setting.
constexpr bool rule_applies(Rule rule, int year) { return rule == Rule::Auto ? year >= 2024 : rule == Rule::On; }
const char* to_string(Rule rule);  // "auto", "on", "off"

struct Settings {
  std::optional<int> year;                 // only this data year in results (all when empty)
  PopulationYear population_year = PopulationYear::Same;
  Rule carry_forward = Rule::Auto;
  Rule suppression = Rule::Auto;
  Lang lang = Lang::Nb;
};
// Every field: a report kept for some settings serves only the same ones (Session).
inline bool operator==(const Settings& a, const Settings& b) {
  return a.year == b.year && a.population_year == b.population_year && a.carry_forward == b.carry_forward &&
         a.suppression == b.suppression && a.lang == b.lang;
}

// The language of a code "nb" or "en"; nothing for any other text.
std::optional<Lang> lang_from_code(std::string_view code);

// Reads {"year":2024|null,"population_year":"same"|"next","carry_forward":"auto"|"on"|"off",
// "suppression":"auto"|"on"|"off","lang":"nb"|"en"} (true/false are read as "on"/"off");
// unknown or missing keys keep their defaults.
// Throws std::invalid_argument with a readable message on a wrong value.
Settings settings_from_json(std::string_view json);

}  // namespace arsverk
