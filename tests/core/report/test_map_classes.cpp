// The map's colour classes (map_classes.cpp, docs/output.md "Map classes"): the breaks between
// the classes from the figures the map colours, as shown, in tenths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "arsverk/example_data.hpp"
#include "arsverk/session.hpp"

using namespace arsverk;
using nlohmann::json;

namespace {

json report(const Session& session, int year = 0) {
  Settings settings;
  if (year) settings.year = year;
  return json::parse(session.report_json(settings));
}

const json& classes(const json& doc, int year, const std::string& level, const std::string& mode) {
  for (const json& c : doc.at("map_classes"))
    if (c.at("year") == year && c.at("level") == level && c.at("mode") == mode) return c.at("breaks_tenths");
  static const json none;
  FAIL("no map classes for " << year << " " << level << " " << mode);
  return none;
}

// The page's former rule, in doubles: the quantile at p of sorted values, rounded to a tenth.
double quantile(const std::vector<double>& sorted, double p) {
  const double h = (sorted.size() - 1) * p;
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  return sorted[lo] + (h - lo) * (sorted[std::min(lo + 1, sorted.size() - 1)] - sorted[lo]);
}
long round_tenths(double x) { return std::lround(x * 10); }

}  // namespace

TEST_CASE("map classes: quintiles of the rates as shown, a break too close to the one before dropped", "[report][map]") {
  // Four of Vestfold's six municipalities, 1 000 inhabitants each: M1 = 1,0, 1,1, 1,2 and 4,0.
  Session session;
  session.add_file("arsverk.csv", "kommune;år;a;b;c;d;e\n3901;2024;1;0;0;0;0\n3903;2024;1,1;0;0;0;0\n"
                                  "3905;2024;1,2;0;0;0;0\n3907;2024;4;0;0;0;0\n");
  session.add_file("befolkning.csv", "kommune;år;befolkning\n3901;2024;1000\n3903;2024;1000\n3905;2024;1000\n3907;2024;1000\n");
  const json doc = report(session, 2024);
  // Quintiles 10,6 → 11, 11,2 → 11 (dropped: not 2 tenths above 11), 11,8 → 12 (dropped), 23,2 → 23.
  CHECK(classes(doc, 2024, "kommune", "rate")["M1"] == json::parse("[11, 23]"));
  // M2 (a + b) has the same figures; M3 (b) is 0 everywhere: no break above the lowest figure.
  CHECK(classes(doc, 2024, "kommune", "rate")["M2"] == json::parse("[11, 23]"));
  CHECK(classes(doc, 2024, "kommune", "rate")["M3"] == json::array());
  // Vestfold rests on four of six municipalities: not on the map, so the county map has no classes.
  CHECK(classes(doc, 2024, "fylke", "rate")["M1"] == json::array());
  // No group comparison is meaningful here: no differences to classify.
  CHECK(classes(doc, 2024, "kommune", "diff")["M1"] == json::array());
  CHECK(doc["map_classes"].size() == 4);  // one year × two levels × two modes
}

TEST_CASE("map classes: differences from the median as shown, ±d and ±d/3 — the page's former rule", "[report][map]") {
  Session session;
  session.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  session.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const json doc = report(session);
  int checked = 0;
  for (int year : doc["years"]) {
    for (const char* m : {"M1", "M2", "M3", "M4"}) {
      std::vector<double> diffs;
      for (const json& r : doc["results"]) {
        if (r["year"] != year || (r["level"] != "kommune" && r["level"] != "bydel")) continue;
        if (r["suppressed"] || !r["comparison"].is_object() || !r["comparison"]["coverage"]["meaningful"]) continue;
        if (r["comparison"]["diff_tenths"][m].is_null()) continue;
        diffs.push_back(std::abs(r["comparison"]["diff_tenths"][m].get<double>()) / 10);
      }
      INFO(year << " " << m << ": " << diffs.size() << " differences");
      REQUIRE(diffs.size() > 100);
      std::sort(diffs.begin(), diffs.end());
      const long d = std::max(3L, round_tenths(quantile(diffs, 0.8)));
      const long e = std::max(1L, std::lround(d / 3.0));
      CHECK(classes(doc, year, "kommune", "diff")[m] == json({-d, -e, e, d}));
      ++checked;
    }
  }
  CHECK(checked == 12);
}
