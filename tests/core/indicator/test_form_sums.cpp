// The IS-24/8 form's sums (Session::form_sums_json): the page shows them beside what was typed, so
// they are the core's, from the files as read, and never claim a category that was not given.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "arsverk/session.hpp"
#include "engine_fixture.hpp"
#include "indicator/engine.hpp"

using namespace arsverk;
using nlohmann::json;

namespace {

// As web/src/grid.js writes the form: semicolons, decimal comma, an empty cell not answered.
const char* kForm2025 =
    "kommunenummer;år;målgruppe;a;b;c;d;e\r\n"
    "3101;2025;voksne;12,5;20,25;3;4,75;0\r\n"
    "3101;2025;barn og unge;2,5;6,125;;0;\r\n";

json sums_of(const Session& s, const std::string& code, int year) { return json::parse(s.form_sums_json(code, year)); }

}  // namespace

TEST_CASE("form sums: by category over the groups, by group over a–e, and in all, exactly") {
  Session s;
  s.add_file("skjema.csv", kForm2025);
  const json doc = sums_of(s, "3101", 2025);
  CHECK(doc["code"] == "3101");
  CHECK(doc["year"] == 2025);
  CHECK(doc["schema"] == "2024");
  REQUIRE(doc["sheets"].size() == 1);
  const json& sheet = doc["sheets"][0];
  CHECK(sheet["service"].is_null());
  CHECK(sheet["categories"] == json::parse(R"({"a": 15, "b": 26.375, "c": 3, "d": 4.75, "e": 0})"));
  CHECK(sheet["groups"] == json::parse(R"({"voksne": 40.5, "barn_og_unge": 8.625})"));
  CHECK(sheet["total"] == 49.125);
  CHECK(doc["missing"] == json::parse(R"({"M1": [], "M2": [], "M3": [], "M4": []})"));
}

TEST_CASE("form sums: a category nobody gave is not there, and not 0") {
  Session s;
  s.add_file("skjema.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3101;2025;voksne;10;;;;\r\n");
  const json sheet = sums_of(s, "3101", 2025)["sheets"][0];
  CHECK(sheet["categories"] == json::parse(R"({"a": 10})"));
  CHECK(sheet["groups"] == json::parse(R"({"voksne": 10})"));
  CHECK(sheet["total"] == 10);
}

TEST_CASE("form sums: each absent measure names the categories it needs that no row gave") {
  Session s;
  s.add_file("skjema.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\r\n"
             "3101;2025;voksne;10,5;22;4;;\r\n"
             "3101;2025;barn og unge;3;;;;\r\n");
  CHECK(sums_of(s, "3101", 2025)["missing"] == json::parse(R"({"M1": ["d", "e"], "M2": [], "M3": [], "M4": ["d"]})"));
  const json report = json::parse(s.report_json({}));
  const json result = [&] {
    for (const auto& r : report["results"])
      if (r["code"] == "3101" && r["year"] == 2025) return r;
    return json();
  }();
  CHECK(result["arsverk"]["M1"].is_null());  // the same judgement as the report's
  CHECK(result["arsverk"]["M4"].is_null());
  CHECK(result["arsverk"]["M2"] == 35.5);
}

TEST_CASE("form sums: the missing categories of the 2015 forms and of a 2024 total alone") {
  Session nested;
  nested.add_file("skjema.csv", "kommunenummer;år;målgruppe;M1;M2;M3;M4\r\n3001;2023;voksne;30;;18;\r\n");
  CHECK(sums_of(nested, "3001", 2023)["missing"] == json::parse(R"({"M1": [], "M2": ["M2"], "M3": [], "M4": ["M4"]})"));
  Session total;
  total.add_file("totalt.csv", "kommunenummer;år;totalt\r\n3101;2025;40\r\n");
  CHECK(sums_of(total, "3101", 2025)["missing"] == json::parse(R"({"M1": [], "M2": ["a", "b"], "M3": ["b"], "M4": ["d"]})"));
}

TEST_CASE("form sums: a row with a figure that is not a number is skipped, with the reader's error") {
  Session s;
  s.add_file("skjema.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\r\n"
             "3101;2025;voksne;10;2;3x;1;0\r\n"
             "3101;2025;barn og unge;1;1;1;1;1\r\n");
  const json report = json::parse(s.report_json({}));
  bool error = false;
  for (const auto& d : report["diagnostics"]) error = error || (d["code"] == "number.not_a_number" && d["place"]["line"] == 2);
  CHECK(error);
  const json sheet = sums_of(s, "3101", 2025)["sheets"][0];
  CHECK(sheet["categories"] == json::parse(R"({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1})"));
  CHECK(sheet["groups"] == json::parse(R"({"barn_og_unge": 5})"));
  CHECK(sheet["total"] == 5);
}

TEST_CASE("form sums: one sheet per service, out-of-scope services not among them") {
  Session s;
  s.add_file("skjema.csv",
             "kommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\r\n"
             "3101;2025;voksne;Lavterskeltilbud;10;;;;\r\n"
             "3101;2025;barn og unge;Lavterskeltilbud;;2,5;;;\r\n"
             "3101;2025;voksne;Botilbud;1;1;1;1;1\r\n"
             "3101;2025;voksne;Tjenester til personer med demens;;5;;;\r\n");
  const json doc = sums_of(s, "3101", 2025);
  REQUIRE(doc["sheets"].size() == 2);
  CHECK(doc["sheets"][0]["service"] == "Botilbud");
  CHECK(doc["sheets"][0]["total"] == 5);
  CHECK(doc["sheets"][1]["service"] == "Lavterskeltilbud");
  CHECK(doc["sheets"][1]["categories"] == json::parse(R"({"a": 10, "b": 2.5})"));
  CHECK(doc["sheets"][1]["groups"] == json::parse(R"({"voksne": 10, "barn_og_unge": 2.5})"));
  CHECK(doc["sheets"][1]["total"] == 12.5);
}

TEST_CASE("form sums: the nested 2015 measures are summed over the groups only") {
  Session s;
  s.add_file("skjema.csv",
             "kommunenummer;år;målgruppe;M1;M2;M3;M4\r\n"
             "3001;2023;voksne;30;24,5;18;4\r\n"
             "3001;2023;barn og unge;10;8;6;2\r\n");
  const json doc = sums_of(s, "3001", 2023);
  CHECK(doc["schema"] == "2015");
  const json& sheet = doc["sheets"][0];
  CHECK(sheet["categories"] == json::parse(R"({"M1": 40, "M2": 32.5, "M3": 24, "M4": 6})"));
  CHECK(sheet["groups"].empty());
  CHECK(sheet["total"].is_null());
}

TEST_CASE("form sums: a unit-year the files do not give has no sheets, whatever the rules carry forward") {
  Session s;
  s.add_file("skjema.csv", kForm2025);
  CHECK(sums_of(s, "3103", 2025)["sheets"].empty());
  CHECK(sums_of(s, "3101", 2024)["sheets"].empty());
  s.add_file("other.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3103;2024;voksne;1;1;1;1;1\r\n");
  CHECK(sums_of(s, "3103", 2025)["sheets"].empty());  // carried forward into 2025 by rule 1: not typed
}

TEST_CASE("form sums: a sum that would overflow is left out, never wrapped") {
  // 9e12 FTEs: past what a reader accepts (number.out_of_range), so given as values.
  fixture::Input in;
  in.row24("3101", 2025, TargetGroup::Adults, "", "9000000000000", "0", "0", "0", "0");
  in.row24("3101", 2025, TargetGroup::Children, "", "9000000000000", "1", "0", "0", "0");
  const auto stages = prepare(in.files, Registers::embedded());
  const FormSums sums = form_sums(in.files, *stages, "3101", 2025);
  REQUIRE(sums.sheets.size() == 1);
  const FormSheet& sheet = sums.sheets[0];
  CHECK_FALSE(sheet.categories.count(Category::A));
  CHECK(sheet.categories.at(Category::B) == fixture::fx("1"));
  CHECK(sheet.groups.at(TargetGroup::Adults) == fixture::fx("9000000000000"));
  CHECK(sheet.groups.at(TargetGroup::Children) == fixture::fx("9000000000001"));
  CHECK_FALSE(sheet.total);
}

TEST_CASE("form sums: the files whose figures they hold, by name, in the order read") {
  Session s;
  s.add_file("skjema.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3101;2025;voksne;10;20;3;4;0\r\n");
  CHECK(sums_of(s, "3101", 2025)["files"] == json::array({"skjema.csv"}));
  s.add_file("other.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3103;2025;voksne;1;1;1;1;1\r\n");
  CHECK(sums_of(s, "3101", 2025)["files"] == json::array({"skjema.csv"}));  // another unit's file: not in them
  s.add_file("halden.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3101;2025;barn og unge;1;2;0;1;0\r\n");
  const json sums = sums_of(s, "3101", 2025);
  CHECK(sums["files"] == json::array({"skjema.csv", "halden.csv"}));
  CHECK(sums["sheets"][0]["total"] == 41.0);  // both, added up: what the form shows must say so
  CHECK(sums["sheets"][0]["files"] == json::array({"skjema.csv", "halden.csv"}));
  CHECK(sums_of(s, "3101", 2024)["files"].empty());
}

TEST_CASE("form sums: each sheet names the files in its own sums") {
  Session s;
  s.add_file("skjema.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\r\n3101;2025;voksne;10;20;3;4;0\r\n");
  s.add_file("tjenester.csv", "kommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\r\n"
                              "3101;2025;voksne;Lavterskeltilbud;1;2;0;1;0\r\n");
  const json sums = sums_of(s, "3101", 2025);
  REQUIRE(sums["sheets"].size() == 2);
  CHECK(sums["sheets"][0]["service"].is_null());
  CHECK(sums["sheets"][0]["files"] == json::array({"skjema.csv"}));
  CHECK(sums["sheets"][1]["service"] == "Lavterskeltilbud");
  CHECK(sums["sheets"][1]["files"] == json::array({"tjenester.csv"}));
  CHECK(sums["files"] == json::array({"skjema.csv", "tjenester.csv"}));
}
