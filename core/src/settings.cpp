#include "arsverk/settings.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace arsverk {

const char* to_string(Rule rule) {
  switch (rule) {
    case Rule::Auto: return "auto";
    case Rule::On: return "on";
    case Rule::Off: return "off";
  }
  return "auto";
}

std::optional<Lang> lang_from_code(std::string_view code) {
  if (code == "nb") return Lang::Nb;
  if (code == "en") return Lang::En;
  return std::nullopt;
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

// The top-level members of a JSON object, read with the SAX parser the JSON-stat reader also uses
// (a DOM parse would add its own instantiation to the WebAssembly module). Nested values are kept
// as an empty object or array: only their type is looked at. A repeated key: the last one counts,
// as in a parsed document.
class TopLevel {
 public:
  using json = nlohmann::json;
  bool null() { return value(nullptr); }
  bool boolean(bool b) { return value(b); }
  bool number_integer(json::number_integer_t n) { return value(n); }
  bool number_unsigned(json::number_unsigned_t n) { return value(n); }
  bool number_float(json::number_float_t x, const std::string&) { return value(x); }
  bool string(std::string& t) { return value(std::move(t)); }
  bool binary(json::binary_t&) { return value(json::value_t::binary); }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return --depth_, true; }
  bool end_array() { return --depth_, true; }
  bool key(std::string& k) {
    if (depth_ == 1) key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

  bool object = false;  // the document is an object
  std::vector<std::pair<std::string, json>> members;

  const json* find(const char* k) const {
    for (auto it = members.rbegin(); it != members.rend(); ++it)
      if (it->first == k) return &it->second;
    return nullptr;
  }

 private:
  bool open(json::value_t type) {
    if (depth_ == 0) object = type == json::value_t::object;
    else value(type);
    ++depth_;
    return true;
  }
  bool value(json v) {
    if (depth_ == 1) members.emplace_back(std::move(key_), std::move(v));
    return true;
  }
  int depth_ = 0;
  std::string key_;
};

}  // namespace

Settings settings_from_json(std::string_view text) {
  Settings s;
  if (text.empty()) return s;
  TopLevel j;
  if (!nlohmann::json::sax_parse(std::string(text), &j) || !j.object)
    throw std::invalid_argument("settings must be a JSON object");
  if (auto it = j.find("year"); it && !it->is_null()) {
    if (!it->is_number_integer()) throw std::invalid_argument("settings.year must be a whole number or null");
    s.year = it->get<int>();
  }
  if (auto it = j.find("population_year"); it) {
    const std::string given = it->is_string() ? it->get<std::string>() : "";
    if (given != "same" && given != "next")
      throw std::invalid_argument("settings.population_year must be \"same\" or \"next\"");
    s.population_year = given == "next" ? PopulationYear::Next : PopulationYear::Same;
  }
  for (auto [key, target] : {std::pair<const char*, Rule*>{"carry_forward", &s.carry_forward},
                             std::pair<const char*, Rule*>{"suppression", &s.suppression}}) {
    if (auto it = j.find(key); it) *target = rule_from_json(*it, key);
  }
  if (auto it = j.find("lang"); it) {
    const std::optional<Lang> lang = lang_from_code(it->is_string() ? it->get<std::string>() : "");
    if (!lang) throw std::invalid_argument("settings.lang must be \"nb\" or \"en\"");
    s.lang = *lang;
  }
  return s;
}

}  // namespace arsverk
