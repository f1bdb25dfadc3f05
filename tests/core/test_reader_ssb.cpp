// The reader on real SSB exports and JSON-stat samples.
#include <catch2/catch.hpp>

#include <map>

#include "arsverk/reader.hpp"
#include "test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

// region,aar,folkemengde reference CSVs from data/population.
std::map<std::pair<std::string, int>, int64_t> reference(const std::string& rel) {
  std::map<std::pair<std::string, int>, int64_t> out;
  std::istringstream in(slurp(rel));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto c1 = line.find(','), c2 = line.find(',', c1 + 1);
    out[{line.substr(0, c1), std::stoi(line.substr(c1 + 1, c2 - c1 - 1))}] = std::stoll(line.substr(c2 + 1));
  }
  return out;
}

bool valid_utf8_no_mojibake(const std::string& s) {
  if (s.find("\xC3\x83") != std::string::npos || s.find("\xC3\xA2\xE2\x82\xAC") != std::string::npos) return false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80 && c < 0xC2) return false;
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

TEST_CASE("SSB 07459 export: 356 municipalities equal to the reference", "[reader][ssb]") {
  std::string bytes = slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv");
  REQUIRE(bytes.size() > 100000);
  ParsedFile f = read(bytes, "07459.csv");
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "ssb-csv");
  CHECK(f.encoding == "windows-1252");
  CHECK(f.delimiter == ";");
  CHECK(count_severity(f, Severity::Error) == 0);
  INFO(all_codes(f));
  auto ref = reference("data/population/folkemengde_2020grenser_2023.csv");
  std::map<std::pair<std::string, int>, int64_t> expected;
  for (const auto& [k, v] : ref)
    if (k.first.size() == 4) expected[k] = v;
  REQUIRE(expected.size() == 356);
  CHECK(f.population.size() == 356);
  CHECK(f.population == expected);
  CHECK(f.population.at({"3001", 2023}) == 31730);
  CHECK(f.population_line.at({"3001", 2023}) == 4);
  CHECK(has_code(f, "population.rest_ignored"));
  CHECK(has_code(f, "population.not_municipality_ignored"));
  for (const auto& d : f.diagnostics) {
    CHECK(valid_utf8_no_mojibake(d.text(Lang::Nb)));
    CHECK(valid_utf8_no_mojibake(d.text(Lang::En)));
  }
}

TEST_CASE("SSB 10826 export: the 17 Oslo districts, nothing else", "[reader][ssb]") {
  std::string bytes = slurp("tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv");
  ParsedFile f = read(bytes, "10826.csv");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.encoding == "windows-1252");
  CHECK(count_severity(f, Severity::Error) == 0);
  auto ref = reference("data/population/folkemengde_2024grenser_2020_2026.csv");
  std::map<std::pair<std::string, int>, int64_t> expected;
  for (const auto& [k, v] : ref)
    if (k.first.size() == 6 && k.second == 2023) expected[k] = v;
  REQUIRE(expected.size() == 17);
  CHECK(f.population == expected);
  CHECK(f.population.at({"030101", 2023}) == 61756);
  for (const char* code : {"population.historical_ignored", "population.city_total_ignored",
                           "population.other_city_ignored", "population.unknown_district_ignored"})
    CHECK(has_code(f, code));
  for (const auto& d : f.diagnostics) {
    INFO(d.text(Lang::Nb));
    CHECK(valid_utf8_no_mojibake(d.text(Lang::Nb)));
    CHECK(valid_utf8_no_mojibake(d.text(Lang::En)));
  }
  // The historical message quotes a label with ø, correctly converted.
  const Diagnostic* h = find_code(f, "population.historical_ignored");
  REQUIRE(h);
  CHECK(h->severity == Severity::Info);
}

TEST_CASE("SSB exports read identically in any chunk size", "[reader][ssb][chunks]") {
  std::string bytes = slurp("tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv");
  std::string whole = dump(read_chunked(bytes, bytes.size(), "x.csv"));
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(bytes, n, "x.csv")) == whole);
  std::string b2 = slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv");
  std::string w2 = dump(read_chunked(b2, b2.size(), "y.csv"));
  for (std::size_t n : {7u, 4096u, 65537u}) CHECK(dump(read_chunked(b2, n, "y.csv")) == w2);
}

TEST_CASE("JSON-stat 05300 sample is recognised as not a population table", "[reader][jsonstat]") {
  std::string bytes = slurp("tests/data/ssb/ssb_jsonstat2_05300_sample.json");
  ParsedFile f = read(bytes, "05300.json");
  CHECK(f.kind == FileKind::Unknown);
  CHECK(f.format == "json-stat2");
  CHECK(f.population.empty());
  const Diagnostic* d = find_code(f, "jsonstat.not_population");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->text(Lang::Nb).find("05300: Avstand til nærmeste lokale/sted") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("folkemengde") != std::string::npos);
  CHECK(d->text(Lang::En).find("not a population table") != std::string::npos);
}

TEST_CASE("JSON-stat population: object index, status, age and sex totals", "[reader][jsonstat]") {
  std::string bytes = slurp("tests/data/readers/jsonstat_population_object_index.json");
  ParsedFile f = read(bytes, "pop.json");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "json-stat2");
  CHECK(f.encoding == "utf-8");
  std::map<std::pair<std::string, int>, int64_t> expected{
      {{"3101", 2023}, 3000}, {{"3101", 2024}, 3002}, {{"0301", 2023}, 11000},
      {{"0301", 2024}, 11002}, {{"030101", 2023}, 34}, {{"030101", 2024}, 34}};
  CHECK(f.population == expected);
  const Diagnostic* m = find_code(f, "number.missing_values");
  REQUIRE(m);
  CHECK(m->severity == Severity::Warning);
  CHECK(m->text(Lang::Nb).find("4 verdi") != std::string::npos);
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(bytes, n, "pop.json")) == dump(read_chunked(bytes, bytes.size(), "pop.json")));
}

TEST_CASE("JSON-stat population: array index, sparse values, contents choice", "[reader][jsonstat]") {
  std::string bytes = slurp("tests/data/readers/jsonstat_population_array_sparse.json");
  ParsedFile f = read(bytes, "pop2.json");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  std::map<std::pair<std::string, int>, int64_t> expected{
      {{"3101", 2024}, 31444}, {{"1508", 2024}, 67114}, {{"0", 2024}, 5550203}};
  CHECK(f.population == expected);
  CHECK(has_code(f, "population.unknown_district_ignored"));
}
