// The JSON report (report_json.cpp) against docs/output.md: its fields and their types, the order
// of the results, null for what the input did not give, the language, and escaping.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "arsverk/example_data.hpp"
#include "report_fixture.hpp"

using namespace arsverk;
using namespace report_test;
using nlohmann::json;

namespace {

json report(const Session& session, const Settings& settings) { return json::parse(session.report_json(settings)); }

const json& result(const json& doc, const std::string& level, const std::string& code) {
  for (const json& r : doc.at("results"))
    if (r.at("level") == level && r.at("code") == code) return r;
  static const json none;
  FAIL("no result for " << level << " " << code);
  return none;
}

void check_has(const json& object, const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    INFO("field " << key);
    CHECK(object.contains(key));
  }
}

const std::vector<std::string> kResultFields = {
    "level", "code", "name", "year", "schema", "fylke", "kostragruppe", "population", "population_year",
    "population_source", "population_file", "arsverk", "per_1000", "tenths", "carried_from", "partly_carried",
    "suppressed", "suppression_reason", "direct", "coverage", "coverage_percent_tenths", "published", "by_group",
    "by_service", "education",
    "comparison", "change", "renumbering", "flags"};
const std::vector<std::string> kAggregateFields = {"members", "members_total", "aggregate_coverage",
                                                   "members_per_measure"};

int level_rank(const std::string& level) {
  const std::vector<std::string> order = {"land", "fylke", "kostragruppe", "kommune", "bydel"};
  for (std::size_t i = 0; i < order.size(); ++i)
    if (order[i] == level) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("report JSON: the top-level fields of docs/output.md, with their types", "[report][json]") {
  const json doc = report(Halden().session, year_2024());
  CHECK(doc.at("version") == 3);
  CHECK(doc.at("settings") == json::parse(R"({"year": 2024, "population_year": "same", "carry_forward": "auto",
                                               "suppression": "auto"})"));
  for (const char* list : {"files", "diagnostics", "population", "excluded", "years", "rules", "reference", "results"}) {
    INFO(list);
    CHECK(doc.at(list).is_array());
  }
  REQUIRE(doc["files"].size() == 2);
  const json& file = doc["files"][0];
  check_has(file, {"name", "kind", "format", "encoding", "delimiter", "rows", "years", "units", "has_target_group",
                   "has_service"});
  CHECK(file["name"] == "arsverk.csv");
  CHECK(file["kind"] == "arsverk");
  CHECK(file["format"] == "csv-wide");
  CHECK(doc["files"][1]["kind"] == "befolkning");
  CHECK(doc["years"] == json::array({2024}));
  REQUIRE(doc["population"].size() == 1);
  CHECK(doc["population"][0] == json::parse(R"({"year": 2024, "population_year": 2024, "units_from_embedded": 0,
                                                 "units_from_files": 1})"));
  REQUIRE(doc["rules"].size() == 1);
  check_has(doc["rules"][0], {"year", "schema", "structure", "carry_forward", "suppression", "basis"});
  CHECK(doc["rules"][0]["schema"] == "2024");
  CHECK(doc["rules"][0]["structure"] == "2024");
  REQUIRE_FALSE(doc["diagnostics"].empty());
  for (const json& d : doc["diagnostics"]) {
    check_has(d, {"severity", "code", "place", "args", "text", "message", "place_text"});
    check_has(d["place"], {"file", "sheet", "line", "column", "cell"});
    CHECK(d["args"].is_object());
    for (const char* lang : {"nb", "en"}) {
      INFO(lang);
      // The message is its place (when its text opens with one) and its text; the place in the file
      // is given apart, so that a page need not cut the message.
      const std::string message = d["message"][lang], text = d["text"][lang];
      CHECK(message.size() >= text.size());
      CHECK(message.compare(message.size() - text.size(), text.size(), text) == 0);
      CHECK(d["place_text"].is_null() == (d["place"]["line"].is_null() && d["place"]["sheet"].is_null()));
    }
  }
}

TEST_CASE("report JSON: every result has the documented fields — aggregates also their members", "[report][json]") {
  const json doc = report(Halden().session, year_2024());
  const json& kommune = result(doc, "kommune", "3101");
  check_has(kommune, kResultFields);
  for (const std::string& key : kAggregateFields) {
    INFO("a municipality has no " << key);
    CHECK_FALSE(kommune.contains(key));
  }
  const std::vector<std::pair<std::string, std::string>> aggregates = {{"fylke", "31"}, {"land", "0"}, {"kostragruppe", "EKG10"}};
  for (const auto& [level, code] : aggregates) {
    INFO(level);
    check_has(result(doc, level, code), kResultFields);
    check_has(result(doc, level, code), kAggregateFields);
    CHECK_FALSE(result(doc, level, code).contains("unchecked"));  // they submit nothing to check
  }
  check_has(kommune, {"unchecked"});
  check_has(result(doc, "kostragruppe", "EKG10"), {"distribution", "distribution_coverage"});

  CHECK(kommune["year"] == 2024);
  CHECK(kommune["schema"] == "2024");
  CHECK(kommune["fylke"] == "31");
  CHECK(kommune["population"] == 12500);
  CHECK(kommune["population_source"] == "file");
  CHECK(kommune["population_file"] == "befolkning.csv");
  CHECK(kommune["tenths"] == json::parse(R"({"M1": 34, "M2": 28, "M3": 20, "M4": 2})"));
  CHECK(kommune["per_1000"]["M2"].get<double>() == Approx(2.8));
  CHECK(kommune["arsverk"]["M1"] == 42.5);
  CHECK(kommune["flags"].is_array());
}

TEST_CASE("report JSON: a measure the input did not give is null, never 0", "[report][json]") {
  const json doc = report(Halden(kArsverkWithoutD).session, year_2024());
  const std::vector<std::pair<std::string, std::string>> units = {{"kommune", "3101"}, {"fylke", "31"}, {"land", "0"}};
  for (const auto& [level, code] : units) {
    const json& r = result(doc, level, code);
    INFO(level << " " << code);
    for (const char* field : {"arsverk", "per_1000", "tenths"}) {
      INFO(field);
      CHECK(r[field]["M1"].is_null());
      CHECK(r[field]["M4"].is_null());
      CHECK_FALSE(r[field]["M2"].is_null());
    }
  }
}

TEST_CASE("report JSON: the same document whatever the language, its words in both", "[report][json]") {
  const json nb = report(Halden().session, year_2024(Lang::Nb));
  const json en = report(Halden().session, year_2024(Lang::En));
  CHECK(nb == en);
  CHECK(result(nb, "land", "0")["name"] == json::parse(R"({"nb": "Hele landet", "en": "Norway"})"));
  CHECK(result(nb, "kostragruppe", "EKG10")["name"] == json::parse(R"({"nb": "KOSTRA-gruppe 10", "en": "KOSTRA group 10"})"));
  CHECK(result(nb, "kommune", "3101")["name"]["nb"] == result(nb, "kommune", "3101")["name"]["en"]);
}

TEST_CASE("report JSON: the figures the page shows, rounded by the core", "[report][json]") {
  const json doc = report(Halden().session, year_2024());
  // Tenths of the rate rounded half away from zero; a published rate the same way.
  CHECK(result(doc, "kommune", "3101")["tenths"]["M2"] == 28);
  const json& land = result(doc, "land", "0");
  REQUIRE(land["published"].is_object());
  for (const char* m : {"M1", "M2", "M3", "M4"}) {
    INFO(m);
    const json& p = land["published"];
    if (p["per_1000"][m].is_null()) CHECK(p["tenths"][m].is_null());
    else CHECK(p["tenths"][m] == std::llround(p["per_1000"][m].get<double>() * 10));
  }
  // Each target group's rates the same way (the example data has target groups).
  Session example;
  example.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const json example_doc = report(example, year_2024());
  int groups = 0;
  for (const auto& [group, g] : result(example_doc, "kommune", "3101")["by_group"].items()) {
    INFO(group);
    ++groups;
    for (const char* m : {"M1", "M2", "M3", "M4"}) {
      if (g["per_1000"][m].is_null()) CHECK(g["tenths"][m].is_null());
      else CHECK(g["tenths"][m] == std::llround(g["per_1000"][m].get<double>() * 10));
    }
  }
  CHECK(groups == 2);
  // The median as shown, and the unit's difference from it as both are shown.
  const json& cmp = result(doc, "kommune", "3101")["comparison"];
  REQUIRE(cmp.is_object());
  for (const char* m : {"M1", "M2", "M3", "M4"}) {
    INFO(m);
    if (cmp["median"][m].is_null()) continue;
    CHECK(cmp["median_tenths"][m] == std::llround(cmp["median"][m].get<double>() * 10));
    CHECK(cmp["diff_tenths"][m] == result(doc, "kommune", "3101")["tenths"][m].get<int>() - cmp["median_tenths"][m].get<int>());
  }
}

TEST_CASE("report JSON: coverage as the page shows it, a percent rounded half away from zero", "[report][json]") {
  // Vestfold 2024 has six municipalities; Horten alone has figures, with 1 000 of the county's
  // inhabitants: 1 000 of 8 000 is 12,5 % (13 % whole), 1 000 of 80 000 is 1,25 % (1,3 % in tenths).
  const auto county = [](int others) {
    Session session;
    session.add_file("arsverk.csv", "kommune;år;a;b;c;d;e\n3901;2024;10;25;5;2,5;0\n");
    std::string population = "kommune;år;befolkning\n3901;2024;1000\n";
    for (const char* code : {"3903", "3905", "3907", "3909", "3911"})
      population += std::string(code) + ";2024;" + std::to_string(others) + "\n";
    session.add_file("befolkning.csv", population);
    return report(session, year_2024());
  };
  const json eighth = county(1400);
  const json& vestfold = result(eighth, "fylke", "39");
  CHECK(vestfold["members"] == 1);
  CHECK(vestfold["members_total"] == 6);
  CHECK(vestfold["coverage_percent_tenths"] == 125);
  CHECK(vestfold["aggregate_coverage"]["population_percent"] == 13);
  CHECK(result(eighth, "kommune", "3901")["coverage_percent_tenths"] == 1000);

  const json tenth = county(15800);
  const json& thin = result(tenth, "fylke", "39");
  CHECK(thin["coverage_percent_tenths"] == 13);
  CHECK(thin["aggregate_coverage"]["population_percent"] == 1);

  // Every coverage object of a report: the percent of its share, whole.
  const json doc = report(Halden().session, year_2024());
  const std::vector<std::pair<std::string, std::string>> objects = {
      {"fylke", "aggregate_coverage"}, {"land", "aggregate_coverage"}, {"kostragruppe", "distribution_coverage"}};
  for (const auto& [level, field] : objects) {
    INFO(level << " " << field);
    const json& c = result(doc, level, level == "fylke" ? "31" : level == "land" ? "0" : "EKG10")[field];
    CHECK(c["population_percent"] == std::llround(c["population_share"].get<double>() * 100));
    CHECK(c["population_percent_tenths"] == std::llround(c["population_share"].get<double>() * 1000));
  }
  // An aggregate's own coverage and its coverage object: one share, one rounding to a tenth.
  const json& fylke31 = result(doc, "fylke", "31");
  CHECK(fylke31["aggregate_coverage"]["population_percent_tenths"] == fylke31["coverage_percent_tenths"]);
  const json& group = result(doc, "kommune", "3101")["comparison"]["coverage"];
  CHECK(group["population_percent"] == std::llround(group["population_share"].get<double>() * 100));
}

TEST_CASE("report JSON: the education parts of M1 in the schema's order, with their shares", "[report][json]") {
  // 2024 (a = 10, b = 25, c = 5, d = 2,5, e = 0): M3 = 25, M2 − M3 = 10, M4 = 2,5, M1 − M2 − M4 = 5
  // of M1 = 42,5 — 58,8 %, 23,5 %, 5,9 %, 11,8 %.
  const json doc = report(Halden().session, year_2024());
  CHECK(result(doc, "kommune", "3101")["education"] ==
        json::parse(R"({"parts": [25, 10, 2.5, 5], "share_tenths": [588, 235, 59, 118]})"));
  CHECK(result(doc, "fylke", "31")["education"]["share_tenths"] == json::parse("[588, 235, 59, 118]"));

  // 2015 (M1 = 40, M2 = 30, M3 = 20, M4 = 5): M4, M3 − M4, M2 − M3, M1 − M2.
  Session before;
  before.add_file("arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2023;40;30;20;5\n");
  Settings settings;
  settings.year = 2023;
  CHECK(result(report(before, settings), "kommune", "3001")["education"] ==
        json::parse(R"({"parts": [5, 15, 10, 10], "share_tenths": [125, 375, 250, 250]})"));

  // Without M1 (d not given), or with measures not nested (a part below 0), there are no parts.
  CHECK(result(report(Halden(kArsverkWithoutD).session, year_2024()), "kommune", "3101")["education"].is_null());
  Session unnested;
  unnested.add_file("arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2023;40;30;20;25\n");
  CHECK(result(report(unnested, settings), "kommune", "3001")["education"].is_null());
}

TEST_CASE("report JSON: a change as shown: one decimal, or up to three when fewer would show 0", "[report][json]") {
  Session session;
  session.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  session.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const json doc = report(session, {});
  int checked = 0, more_decimals = 0;
  for (const json& r : doc["results"]) {
    if (!r["change"].is_object()) continue;
    for (const char* part : {"per_1000", "percent"}) {
      for (const char* m : {"M1", "M2", "M3", "M4"}) {
        const json& exact = r["change"][part][m];
        const json& shown = r["change"]["rounded"][part][m];
        INFO(r["code"] << " " << r["year"] << " " << part << " " << m);
        CHECK(exact.is_null() == shown.is_null());
        if (exact.is_null()) continue;
        const double x = exact.get<double>();
        const int decimals = shown["decimals"];
        const int64_t units = shown["units"];
        CHECK(units == std::llround(x * std::pow(10, decimals)));
        CHECK((decimals == 1 || std::llround(x * std::pow(10, decimals - 1)) == 0));
        CHECK((units != 0 || x == 0 || decimals == 3));
        ++checked;
        if (decimals > 1) ++more_decimals;
      }
    }
  }
  CHECK(checked > 1000);
  CHECK(more_decimals > 0);
}

TEST_CASE("report JSON: a change as shown is the difference of the two years' tenths", "[report][json]") {
  Session session;
  session.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const json doc = report(session, {});
  std::map<std::tuple<std::string, std::string, int>, const json*> by_key;
  for (const json& r : doc["results"]) by_key[{r["level"], r["code"], r["year"]}] = &r;
  int checked = 0, unlike_exact = 0;
  for (const json& r : doc["results"]) {
    if (!r["change"].is_object()) continue;
    const json& before = *by_key.at({r["level"], r["code"], r["change"]["from_year"].get<int>()});
    for (const char* m : {"M1", "M2", "M3", "M4"}) {
      const json& shown = r["change"]["shown"]["tenths"][m];
      INFO(r["code"] << " " << r["year"] << " " << m);
      CHECK(shown.is_null() == r["change"]["per_1000"][m].is_null());
      if (shown.is_null()) continue;
      const int64_t now = r["tenths"][m], then = before["tenths"][m];
      CHECK(shown.get<int64_t>() == now - then);
      const json& percent = r["change"]["shown"]["percent"][m];
      CHECK(percent.is_null() == (then == 0));
      if (!percent.is_null()) {
        const double x = static_cast<double>(now - then) / static_cast<double>(then) * 100.0;
        CHECK(percent["units"].get<int64_t>() == std::llround(x * std::pow(10, percent["decimals"].get<int>())));
      }
      if (shown.get<int64_t>() != r["change"]["rounded"]["per_1000"][m]["units"].get<int64_t>()) ++unlike_exact;
      ++checked;
    }
  }
  CHECK(checked > 500);
  CHECK(unlike_exact > 0);  // the example has changes that differ once rounded
}

TEST_CASE("report JSON: results by year, then land, fylke, kostragruppe, kommune, bydel, then code", "[report][json]") {
  Session session;
  session.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  session.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const json doc = report(session, {});
  const json& results = doc.at("results");
  REQUIRE(results.size() > 1000);
  std::set<std::string> levels;
  for (std::size_t i = 1; i < results.size(); ++i) {
    const json& a = results[i - 1];
    const json& b = results[i];
    levels.insert(b["level"].get<std::string>());
    const auto key = [](const json& r) {
      return std::tuple(r["year"].get<int>(), level_rank(r["level"].get<std::string>()), r["code"].get<std::string>());
    };
    INFO(a["level"] << " " << a["code"] << " " << a["year"] << " before " << b["level"] << " " << b["code"] << " " << b["year"]);
    CHECK(key(a) < key(b));
  }
  CHECK(levels == std::set<std::string>{"land", "fylke", "kostragruppe", "kommune", "bydel"});
  CHECK(doc["years"] == json::array({2023, 2024, 2025}));
}

TEST_CASE("report JSON: an empty session gives a report with nothing in it", "[report][json]") {
  Session session;
  const json doc = report(session, {});
  CHECK(doc["version"] == 3);
  CHECK(doc["files"].empty());
  CHECK(doc["results"].empty());
  CHECK(doc["years"].empty());
  CHECK(doc["reference"].empty());
}

TEST_CASE("report JSON: quotes, backslashes and control characters in names and cells are escaped", "[report][json]") {
  const std::string name = "a \"quoted\" \\ name\twith\x01 control.csv";
  Session session;
  session.add_file(name, "kommune;år;a\n3101;2024;\"x\\\"\x02\"\n");
  const std::string text = session.report_json({});
  const json doc = json::parse(text);  // throws if anything was left unescaped
  CHECK(doc["files"][0]["name"] == name);
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find('\x02') == std::string::npos);
  bool about_the_file = false;
  for (const json& d : doc["diagnostics"]) about_the_file = about_the_file || d["place"]["file"] == name;
  CHECK(about_the_file);
}
