// The CSV export (report_text.cpp): Norwegian Excel style and English style, every figure unrounded
// as well as shown, empty cells for what was not given, and the same numbers as the JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_fixture.hpp"

using namespace arsverk;
using namespace report_test;
using nlohmann::json;

namespace {

constexpr std::size_t kColumns = 27;

// Records split at CRLF, fields at the delimiter (the figures here hold no quotes).
std::vector<std::vector<std::string>> records(const std::string& csv, char delimiter) {
  std::vector<std::vector<std::string>> out;
  std::size_t at = 0;
  while (at < csv.size()) {
    const std::size_t end = csv.find("\r\n", at);
    REQUIRE(end != std::string::npos);
    std::vector<std::string> fields;
    const std::string line = csv.substr(at, end - at);
    std::size_t from = 0;
    for (std::size_t cut; (cut = line.find(delimiter, from)) != std::string::npos; from = cut + 1)
      fields.push_back(line.substr(from, cut - from));
    fields.push_back(line.substr(from));
    out.push_back(fields);
    at = end + 2;
  }
  return out;
}

const std::vector<std::string>& record(const std::vector<std::vector<std::string>>& rows, const std::string& code) {
  for (const auto& r : rows)
    if (r.size() > 1 && r[1] == code) return r;
  static const std::vector<std::string> none;
  FAIL("no record for " << code);
  return none;
}

std::vector<std::string> slice(const std::vector<std::string>& r, std::size_t from, std::size_t n) {
  return {r.begin() + static_cast<std::ptrdiff_t>(from), r.begin() + static_cast<std::ptrdiff_t>(from + n)};
}

}  // namespace

TEST_CASE("report CSV: Norwegian style is Excel's: BOM, semicolons, CRLF, decimal commas", "[report][csv]") {
  const std::string csv = Halden().session.report_csv(year_2024(), Lang::Nb);
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  const auto rows = records(csv.substr(3), ';');
  CHECK(rows[0][0] == "nivå");
  CHECK(rows[0].back() == "merknader");
  for (const auto& r : rows) CHECK(r.size() == kColumns);
  const auto& halden_row = record(rows, "3101");
  CHECK(slice(halden_row, 0, 7) == std::vector<std::string>{"kommune", "3101", "Halden", "2024", "2024", "12500", "2024"});
  CHECK(slice(halden_row, 7, 4) == std::vector<std::string>{"42,5", "35", "25", "2,5"});
  CHECK(slice(halden_row, 11, 4) == std::vector<std::string>{"3,4", "2,8", "2", "0,2"});
  CHECK(slice(halden_row, 15, 4) == std::vector<std::string>{"3,4", "2,8", "2,0", "0,2"});
  CHECK(halden_row[22] == "1");
}

TEST_CASE("report CSV: English style has commas, decimal points and no BOM", "[report][csv]") {
  const std::string csv = Halden().session.report_csv(year_2024(Lang::En), Lang::En);
  REQUIRE(csv.rfind("level,code,name,year", 0) == 0);
  const auto rows = records(csv, ',');
  for (const auto& r : rows) CHECK(r.size() == kColumns);
  const auto& halden_row = record(rows, "3101");
  CHECK(slice(halden_row, 0, 3) == std::vector<std::string>{"municipality", "3101", "Halden"});
  CHECK(slice(halden_row, 7, 4) == std::vector<std::string>{"42.5", "35", "25", "2.5"});
  CHECK(slice(halden_row, 15, 4) == std::vector<std::string>{"3.4", "2.8", "2.0", "0.2"});
  CHECK(record(rows, "0")[0] == "country");
  CHECK(record(rows, "31")[0] == "county");
}

TEST_CASE("report CSV: what was not given or left out is an empty cell, never 0", "[report][csv]") {
  const auto absent = record(records(Halden(kArsverkWithoutD).session.report_csv(year_2024(), Lang::Nb).substr(3), ';'), "3101");
  CHECK(slice(absent, 7, 4) == std::vector<std::string>{"", "35", "25", ""});
  CHECK(absent[11].empty());
  CHECK(absent[14].empty());
  CHECK(slice(absent, 15, 4) == std::vector<std::string>{"", "2,8", "2,0", ""});

  const auto left_out = record(records(Halden(kAdultsOnly).session.report_csv(year_2024(), Lang::Nb).substr(3), ';'), "3101");
  CHECK(slice(left_out, 11, 8) == std::vector<std::string>(8, ""));
  CHECK(left_out[20] == "ja");
  CHECK(left_out[21] == "no_children");
  const auto left_out_en = record(records(Halden(kAdultsOnly).session.report_csv(year_2024(Lang::En), Lang::En), ','), "3101");
  CHECK(left_out_en[20] == "yes");
}

TEST_CASE("report CSV: an aggregate resting on too few municipalities gives no rate, only its coverage and why",
          "[report][csv]") {
  const Halden halden;
  const Session& session = halden.session;
  const auto rows = records(session.report_csv(year_2024(Lang::En), Lang::En), ',');
  CHECK(rows[0][23] == "municipalities with figures");
  CHECK(rows[0][25] == "too thin");
  const json doc = json::parse(session.report_json(year_2024(Lang::En)));
  int thin = 0;
  for (const json& r : doc["results"]) {
    const auto& cells = record(rows, r["code"].get<std::string>());
    INFO(r["level"] << " " << r["code"]);
    CHECK(std::stod(cells[22]) == Approx(r["coverage"].get<double>()).epsilon(1e-11));
    const json coverage = r.value("aggregate_coverage", json());
    if (coverage.is_object() && !coverage["meaningful"].get<bool>()) {
      ++thin;
      CHECK(slice(cells, 11, 8) == std::vector<std::string>(8, ""));
      CHECK(cells[23] == std::to_string(coverage["members"].get<int>()));
      CHECK(cells[24] == std::to_string(coverage["members_total"].get<int>()));
      CHECK(cells[25] == coverage["reason"].get<std::string>());
      continue;
    }
    for (int m = 0; m < 4; ++m) {
      const json& rate = r["per_1000"]["M" + std::to_string(m + 1)];
      CHECK(std::stod(cells[11 + m]) == Approx(rate.get<double>()).epsilon(1e-11));
      CHECK(cells[15 + m] == format_units(r["tenths"]["M" + std::to_string(m + 1)].get<int64_t>(), 1, Lang::En));
    }
  }
  CHECK(thin >= 3);  // Norway, Østfold and the KOSTRA group rest on Halden alone
  CHECK(std::stod(record(rows, "31")[22]) < 1.0);
}

TEST_CASE("report CSV: an empty session gives the header line only", "[report][csv]") {
  Session session;
  CHECK(records(session.report_csv({}, Lang::Nb).substr(3), ';').size() == 1);
  CHECK(records(session.report_csv({}, Lang::En), ',').size() == 1);
}
