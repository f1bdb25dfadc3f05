#include "arsverk/settings.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace arsverk {

const char* to_string(Rule rule) {
  switch (rule) {
    case Rule::Auto: return "auto";
    case Rule::On: return "on";
    case Rule::Off: return "off";
  }
  return "auto";
}

namespace {

// "auto" | "on" | "off"; true and false as "on" and "off" (the settings of earlier versions).
Rule rule_from_json(const nlohmann::json& v, const char* key) {
  if (v.is_boolean()) return v.get<bool>() ? Rule::On : Rule::Off;
  const std::string text = v.is_string() ? v.get<std::string>() : "";
  for (Rule r : {Rule::Auto, Rule::On, Rule::Off})
    if (text == to_string(r)) return r;
  throw std::invalid_argument(std::string("settings.") + key + " must be \"auto\", \"on\" or \"off\"");
}

}  // namespace

Settings settings_from_json(std::string_view text) {
  Settings s;
  if (text.empty()) return s;
  const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("settings must be a JSON object");
  if (auto it = j.find("year"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer()) throw std::invalid_argument("settings.year must be a whole number or null");
    s.year = it->get<int>();
  }
  if (auto it = j.find("population_year"); it != j.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : "";
    if (v != "same" && v != "next") throw std::invalid_argument("settings.population_year must be \"same\" or \"next\"");
    s.population_year = v == "next" ? PopulationYear::Next : PopulationYear::Same;
  }
  for (auto [key, target] : {std::pair<const char*, Rule*>{"carry_forward", &s.carry_forward},
                             std::pair<const char*, Rule*>{"suppression", &s.suppression}}) {
    if (auto it = j.find(key); it != j.end()) *target = rule_from_json(*it, key);
  }
  if (auto it = j.find("lang"); it != j.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : "";
    if (v != "nb" && v != "en") throw std::invalid_argument("settings.lang must be \"nb\" or \"en\"");
    s.lang = v == "en" ? Lang::En : Lang::Nb;
  }
  return s;
}

}  // namespace arsverk
