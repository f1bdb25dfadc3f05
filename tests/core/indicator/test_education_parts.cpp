// Which categories each measure adds up (education_parts_of), held against the engine's own
// measures and the report's `education.parts`: each category is given a power of two, so a part
// or measure that takes a wrong category cannot add up to the right sum.
#include <nlohmann/json.hpp>

#include <set>

#include "engine_fixture.hpp"

using namespace fixture;
using nlohmann::json;

namespace {

Fixed sum_of(const std::vector<Category>& categories, const std::map<Category, Fixed>& given) {
  Fixed total;
  for (Category c : categories) total += given.at(c);
  return total;
}

// The parts' categories are disjoint and together M1's; each measure is the sum of its parts'
// categories, as the engine computed it; the report's parts are the sums of their categories.
void check_parts(Schema schema, const std::string& code, int year, const std::map<Category, Fixed>& given) {
  Input in;
  for (const auto& [category, value] : given) in.add(code, year, NoGroup, "", category, value.to_string().c_str());
  Settings settings;
  settings.suppression = Rule::Off;
  const Report report = in.run(settings);
  const Result* result = find(report, code, year);
  REQUIRE(result);
  REQUIRE(result->schema == schema);

  const EducationParts& parts = education_parts_of(schema);
  std::set<Category> seen;
  for (const auto& categories : parts.categories)
    for (Category c : categories) REQUIRE(seen.insert(c).second);
  REQUIRE(seen.size() == given.size());

  for (int m = 0; m < 4; ++m) {
    Fixed measure;
    for (int part : parts.of_measure[m]) measure += sum_of(parts.categories[part], given);
    CAPTURE(m);
    CHECK(measure == *result->arsverk[m]);
  }

  const json doc = json::parse(report_to_json(report, settings));
  int found = 0;
  for (const auto& r : doc["results"]) {
    if (r["code"] != code) continue;
    ++found;
    REQUIRE(r["education"].is_object());
    for (int part = 0; part < 4; ++part)
      CHECK(r["education"]["parts"][part].get<double>() == Approx(sum_of(parts.categories[part], given).to_double()));
  }
  REQUIRE(found == 1);
}

}  // namespace

TEST_CASE("education parts: 2024's a–e make M2 = a + b, M3 = b, M4 = d, in the engine and the report") {
  check_parts(Schema::S2024, "3101", 2024,
              {{Category::A, fx("1")}, {Category::B, fx("2")}, {Category::C, fx("4")}, {Category::D, fx("8")}, {Category::E, fx("16")}});
  const EducationParts& parts = education_parts_of(Schema::S2024);
  CHECK(parts.of_measure[1] == std::vector<int>{1, 0});  // read as a + b
}

TEST_CASE("education parts: 2015's disjoint levels make the nested measures, each within the one before") {
  check_parts(Schema::S2015, "3001", 2023,
              {{Category::Ingen, fx("1")}, {Category::AnnenVgs, fx("2")}, {Category::VgsHelse, fx("4")},
               {Category::HoyUten, fx("8")}, {Category::HoyMed, fx("16")}});
}

TEST_CASE("education parts: none for an aggregate whose measures rest on different members") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "1", "2", "4", "8", "16");
  in.add("3103", 2024, NoGroup, "", Category::Total, "100");  // M1 only: its FTEs are no c + e
  in.row24("3201", 2024, NoGroup, "", "1", "2", "4", "8", "16");
  in.row24("3203", 2024, NoGroup, "", "1", "2", "4", "8", "16");
  Settings settings;
  settings.suppression = Rule::Off;
  const Report report = in.run(settings);
  const json doc = json::parse(report_to_json(report, settings));
  auto education = [&](const std::string& level, const std::string& code) {
    for (const auto& r : doc["results"])
      if (r["level"] == level && r["code"] == code) return r["education"];
    FAIL("no result " << level << " " << code);
    return json();
  };
  CHECK(find(report, "31", 2024)->measure_members == std::array<int, 4>{2, 1, 1, 1});
  CHECK(education("fylke", "31").is_null());
  CHECK(education("kommune", "3103").is_null());
  CHECK(education("fylke", "32").is_object());  // Akershus: both members gave a–e
  CHECK(education("kommune", "3101").is_object());
}

TEST_CASE("year rules: schema, structure and the schema's education parts for each year") {
  const json rules = json::parse(year_rules_to_json(2015, 2040));
  REQUIRE(rules.size() == 26);
  CHECK(rules["2019"]["structure"].is_null());
  CHECK(rules["2023"] == json::parse(R"({"schema": "2015", "structure": "2020-2023",
    "education_parts": [["hoy_med"], ["hoy_uten"], ["vgs_helse"], ["annen_vgs", "ingen"]],
    "measure_parts": {"M1": [0, 1, 2, 3], "M2": [0, 1, 2], "M3": [0, 1], "M4": [0]}})"));
  CHECK(rules["2024"] == json::parse(R"({"schema": "2024", "structure": "2024",
    "education_parts": [["b"], ["a"], ["d"], ["c", "e"]],
    "measure_parts": {"M1": [1, 0, 2, 3], "M2": [1, 0], "M3": [0], "M4": [2]}})"));
}
