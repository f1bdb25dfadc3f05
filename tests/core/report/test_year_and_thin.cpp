// A chosen year without data is an error naming the years there are; an aggregate resting on too
// few municipalities shows no rate in the table or the CSV export either.
#include <catch2/catch.hpp>

#include <sstream>

#include "../indicator/engine_fixture.hpp"

using namespace fixture;

namespace {

Input halden_2024() {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("3101", 2024, TargetGroup::Children, "", "4", "2", "1", "1", "0");
  return in;
}

std::vector<std::string> split(const std::string& line, char d) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == d) out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

}  // namespace

TEST_CASE("A chosen year without data (the CLI's year option): an error naming the years the files have", "[year][engine]") {
  Settings s;
  s.year = 2023;
  const Report r = halden_2024().run(s);
  CHECK(r.results.empty());
  const Diagnostic* d = diagnostic(r, "settings.year_without_data");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->nb.find("ingen årsverk for 2023; de har årsverk for 2024") != std::string::npos);
  CHECK(d->en.find("no FTEs for 2023; they have FTEs for 2024") != std::string::npos);
  s.year = 2024;
  CHECK(count_diagnostics(halden_2024().run(s), "settings.year_without_data") == 0);
}

TEST_CASE("A thin aggregate shows no rate in the table and the CSV, and says why", "[thin][engine]") {
  Settings s;
  const Report r = halden_2024().run(s);
  const Result* land = find(r, "0", 2024);
  REQUIRE(land);
  REQUIRE(thin_aggregate(*land));
  CHECK_FALSE(thin_aggregate(*find(r, "3101", 2024)));

  const std::string table = report_to_table(r, s);
  std::istringstream lines(table);
  std::string line, land_line, halden_line;
  while (std::getline(lines, line)) {
    if (line.find("Hele landet") != std::string::npos) land_line = line;
    if (line.find("Halden") != std::string::npos) halden_line = line;
  }
  REQUIRE_FALSE(land_line.empty());
  CHECK(land_line.find("1,") == std::string::npos);
  CHECK(land_line.find("bare 1 av") != std::string::npos);
  CHECK(halden_line.find("0,9") != std::string::npos);

  for (Lang lang : {Lang::Nb, Lang::En}) {
    const std::string csv = report_to_csv(r, s, lang);
    std::istringstream rows(csv);
    std::string head;
    std::getline(rows, head);
    const auto columns = split(head, lang == Lang::Nb ? ';' : ',');
    auto column = [&](const std::string& name) {
      const auto it = std::find(columns.begin(), columns.end(), name);
      REQUIRE(it != columns.end());
      return static_cast<std::size_t>(it - columns.begin());
    };
    const std::size_t rate = column(lang == Lang::Nb ? "per 1000 M1" : "per 1000 M1");
    const std::size_t shown = column(lang == Lang::Nb ? "vist M1" : "shown M1");
    const std::size_t why = column(lang == Lang::Nb ? "for tynt grunnlag" : "too thin");
    const std::size_t members = column(lang == Lang::Nb ? "kommuner med tall" : "municipalities with figures");
    bool saw_land = false;
    while (std::getline(rows, line)) {
      const auto f = split(line, lang == Lang::Nb ? ';' : ',');
      if (f[1] == "0") {
        saw_land = true;
        CHECK(f[rate].empty());
        CHECK(f[shown].empty());
        CHECK(f[why] == "few_members");
        CHECK(f[members] == "1");
      } else if (f[1] == "3101") {
        CHECK_FALSE(f[rate].empty());
        CHECK(f[why].empty());
      }
    }
    CHECK(saw_land);
  }
}
