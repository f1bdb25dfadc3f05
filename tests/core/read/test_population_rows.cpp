// Population rows with time and sex in rows take a fast path (labels looked up by their raw
// bytes); a figure or year with a space around it takes the general path. Both must give the same
// results and the same messages, in the same order, whatever the chunking.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

struct PopRow {
  std::string region, age, sex, year, figure;
};

// SSB style: a title, a blank line, quoted labels, CRLF. `pad` puts a space before each figure
// and year, which the general path trims away and the fast path does not take.
std::string population_file(const std::vector<PopRow>& rows, bool pad) {
  std::string out = "\"07459: Befolkning, etter region, alder, kj\xf8nn og \xe5r\"\r\n\r\n"
                    "\"region\";\"alder\";\"kj\xf8nn\";\"\xe5r\";\"Personer\"\r\n";
  const std::string space = pad ? " " : "";
  for (const PopRow& r : rows)
    out += "\"" + r.region + "\";\"" + r.age + "\";\"" + r.sex + "\";" + space + r.year + ";" + space +
           r.figure + "\r\n";
  return out;
}

std::vector<PopRow> tricky_rows() {
  std::vector<PopRow> rows;
  const char* const regions[] = {
      "K-3101 Halden", "K-0301 Oslo", "301", "3.103", "K-Rest Uoppgitt kommune",
      "Ukjentby", "030101 Gamle Oslo", "K-3101 Halden", "  K-3101 Halden ",
      "K-1804 Bod\xf8", "K-1804 Bod\xc3\xb8", "",
  };
  const char* const ages[] = {"0 \xe5r", "1 \xe5r", "0 \xc3\xa5r", "Alle aldre", "105 \xe5r eller eldre"};
  const char* const sexes[] = {"Menn", "Kvinner", "Begge kj\xf8nn"};
  int n = 0;
  for (const char* year : {"2019", "2023", "2024"})
    for (const char* region : regions)
      for (const char* age : ages)
        for (const char* sex : sexes)
          rows.push_back({region, age, sex, year, std::to_string(++n * 37 % 500)});
  // Repeats (duplicates), a missing figure, a figure the fast path leaves, sums past the maximum.
  rows.push_back({"K-3101 Halden", "0 \xe5r", "Menn", "2024", "7"});
  rows.push_back({"K-3101 Halden", "2 \xe5r", "Menn", "2024", ".."});
  rows.push_back({"K-3101 Halden", "3 \xe5r", "Menn", "2024", "12,0"});
  rows.push_back({"K-3101 Halden", "4 \xe5r", "Menn", "2024", "999999999999"});
  rows.push_back({"K-3101 Halden", "5 \xe5r", "Menn", "2024", "999999999999"});
  rows.push_back({"K-3101 Halden", "6 \xe5r", "Menn", "1899", "5"});
  rows.push_back({"K-3101 Halden", "7 \xe5r", "Menn", "2024", "5"});
  return rows;
}

}  // namespace

TEST_CASE("Population rows: the fast path and the general path agree", "[reader][population]") {
  const std::vector<PopRow> rows = tricky_rows();
  const std::string fast = population_file(rows, false), general = population_file(rows, true);
  const ParsedFile expected = read(general, "befolkning.csv");
  INFO(all_codes(expected));
  REQUIRE(expected.kind == FileKind::Population);
  for (const char* code : {"population.duplicate", "population.overflow", "population.rest_ignored",
                           "unit.leading_zero_restored", "unit.thousands_separator", "unit.unknown_name",
                           "number.missing_values", "year.invalid", "unit.missing"})
    CHECK(has_code(expected, code));
  CHECK(dump(read(fast, "befolkning.csv")) == dump(expected));
  for (std::size_t chunk : {1, 7, 64, 4096})
    CHECK(dump(read_chunked(fast, chunk, "befolkning.csv")) == dump(expected));
}

TEST_CASE("Population rows: UTF-8 and Windows-1252 records of the same labels", "[reader][population]") {
  // The same label bytes decode differently in a record that is UTF-8 and one that is not.
  std::vector<PopRow> rows;
  // Past the reader's first look (60 lines), so that most rows are read on the way.
  for (int i = 0; i < 60; ++i) {
    const std::string year = std::to_string(2020 + i / 12);
    rows.push_back({"K-1804 Bod\xc3\xb8", "0 \xc3\xa5r", i % 2 ? "Menn" : "Kvinner", year, std::to_string(10 + i)});
    rows.push_back({"K-1804 Bod\xc3\xb8", "1 \xe5r", i % 2 ? "Menn" : "Kvinner", year, std::to_string(20 + i)});
  }
  const ParsedFile expected = read(population_file(rows, true), "befolkning.csv");
  CHECK(dump(read(population_file(rows, false), "befolkning.csv")) == dump(expected));
}

TEST_CASE("Population rows with a contents column: the fast path and the general path agree",
          "[reader][population]") {
  // region; contents; age; sex; year; figure — rows of other contents are counted, not read.
  auto file = [](bool pad) {
    const std::string space = pad ? " " : "";
    std::string out = "region;statistikkvariabel;alder;kj\xf8nn;\xe5r;verdi\n";
    int n = 0;
    // More rows than the reader's first look (60 lines) holds: the rows after it are read on
    // the way, not when the header is decided.
    for (const char* year : {"2022", "2023", "2024"})
      for (const char* contents : {"Personer", "Levendef\xf8\x64te", "Personer", "D\xf8\x64\x65"})
        for (const char* region : {"3101 Halden", "0301 Oslo", "Ukjentby"})
          for (const char* age : {"0 \xe5r", "1 \xe5r"})
            for (const char* sex : {"Menn", "Kvinner"})
              out += std::string(region) + ";" + contents + ";" + age + ";" + sex + ";" + space + year +
                     ";" + space + std::to_string(++n) + "\n";
    return out;
  };
  const ParsedFile expected = read(file(true), "befolkning.csv");
  INFO(all_codes(expected));
  CHECK(has_code(expected, "population.other_contents_ignored"));
  CHECK(has_code(expected, "population.duplicate"));
  CHECK(dump(read(file(false), "befolkning.csv")) == dump(expected));
  CHECK(dump(read_chunked(file(false), 5, "befolkning.csv")) == dump(expected));
}
