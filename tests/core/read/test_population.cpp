// Population tables: simple, SSB wide and long, Norwegian and English, and the rows that are left out.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

TEST_CASE("Simple population CSV", "[reader][population]") {
  ParsedFile f = read("region;år;folkemengde\n3101;2024;31 444\n0301;2024;717710\n030101;2024;63 000\n"
                      "0;2024;5 550 203\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "csv-simple");
  CHECK(f.population.at({"3101", 2024}) == 31444);
  CHECK(f.population.at({"0", 2024}) == 5550203);
  CHECK(f.population_line.at({"0301", 2024}) == 3);
  CHECK(f.diagnostics.empty());
}

TEST_CASE("SSB wide: year and sex columns, totals never added on detail", "[reader][population]") {
  std::string csv =
      "\"07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år\"\n\n"
      "\"region\";\"alder\";\"Personer 2023 Menn\";\"Personer 2023 Kvinner\";\"Personer 2024 Menn\";\"Personer 2024 Kvinner\"\n"
      "\"K-3101 Halden\";\"0 år\";10;11;12;13\n"
      "\"K-3101 Halden\";\"1 år eller eldre\";20;21;22;23\n"
      "\"K-3101 Halden\";\"Alle aldre\";1000;1100;1200;1300\n"
      "\"K-3103 Moss\";\"0 år\";1;2;3;4\n"
      "\"K-3103 Moss\";\"1 år eller eldre\";5;6;7;..\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "ssb-csv");
  CHECK(f.population.at({"3101", 2023}) == 2100);  // (total age, detail sex) wins over details
  CHECK(f.population.at({"3101", 2024}) == 2500);
  CHECK(f.population.at({"3103", 2023}) == 14);
  CHECK(f.population.at({"3103", 2024}) == 14);
  CHECK(find_code(f, "number.missing_values")->line == 8);
  CHECK(find_code(f, "number.missing_values")->severity == Severity::Warning);
}

TEST_CASE("Population with sex and age as columns — both-sexes rows", "[reader][population]") {
  std::string csv =
      "region;kjønn;alder;år;personer\n"
      "3101;Begge kjønn;Alle aldre;2024;500\n"
      "3101;Menn;0-105+;2024;260\n"
      "3101;Kvinner;0-105+;2024;240\n"
      "3101;Menn;0 år;2024;3\n"
      "3103;Menn;0 år;2024;3\n"
      "3103;Kvinner;0 år;2024;4\n"
      "3103;Begge kjønn;1 år eller eldre;2024;10\n"
      "3103;Begge kjønn;0 år;2024;7\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.format == "csv-simple");
  CHECK(f.population.at({"3101", 2024}) == 500);
  CHECK(f.population.at({"3103", 2024}) == 17);  // (detail age, total sex) before (detail, detail)
}

TEST_CASE("English SSB headers with Both sexes / All ages", "[reader][population]") {
  std::string csv =
      "\"region\";\"sex\";\"age\";\"Persons 2023\"\n"
      "\"3101 Halden\";\"Both sexes\";\"All ages\";31444\n"
      "\"3101 Halden\";\"Males\";\"0 years\";100\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.format == "ssb-csv");
  CHECK(f.population.at({"3101", 2023}) == 31444);
}

TEST_CASE("Population: duplicates, zero, negative, historical and rest rows", "[reader][population]") {
  std::string csv =
      "region;år;folkemengde\n"
      "3101;2024;100\n"
      "3101;2024;100\n"
      "3103;2024;0\n"
      "3105;2024;-5\n"
      "030101 Bygdøy-Frogner (1988-2003);2024;50\n"
      "K-Rest Divided municalities and unknown;2024;0\n"
      "030100 Oslo total;2024;1000\n"
      "460101 Arna;2024;13000\n"
      "030199a Unknown urban district Oslo;2024;10\n"
      "120101 Arna (-2019);2024;13000\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.population.size() == 1);
  CHECK(f.population.at({"3101", 2024}) == 100);
  CHECK(find_code(f, "population.duplicate")->line == 3);
  CHECK(find_code(f, "population.duplicate")->severity == Severity::Warning);
  const Diagnostic* z = find_code(f, "population.zero");
  REQUIRE(z);
  CHECK(z->severity == Severity::Error);
  CHECK(z->line == 4);
  CHECK(z->text(Lang::Nb).find("3103") != std::string::npos);
  CHECK(find_code(f, "population.negative")->line == 5);
  const Diagnostic* h = find_code(f, "population.historical_ignored");
  REQUIRE(h);
  CHECK(h->line == 6);
  CHECK(h->text(Lang::Nb).find("2 i alt (2 rader)") != std::string::npos);
  CHECK(find_code(f, "population.rest_ignored")->line == 7);
  CHECK(find_code(f, "population.city_total_ignored")->line == 8);
  CHECK(find_code(f, "population.other_city_ignored")->line == 9);
  CHECK(find_code(f, "population.unknown_district_ignored")->line == 10);
}

TEST_CASE("Population rows for other contents are left out", "[reader][population]") {
  ParsedFile f = read("region;statistikkvariabel;år;verdi\n3101;Personer;2024;31444\n3101;Areal (km²);2024;642\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.population.at({"3101", 2024}) == 31444);
  CHECK(find_code(f, "population.other_contents_ignored")->line == 3);
  ParsedFile g = read("\"region\";\"age\";\"Persons 2023 Males\";\"Persons 2023 Females\"\n"
                      "\"3101 Halden\";\"0 years\";5;6\n\"3101 Halden\";\"1 year or older\";7;8\n");
  CHECK(g.population.at({"3101", 2023}) == 26);
  ParsedFile h = read("Kommune;2023;2024\n3101 Halden;31000;31444\n");
  INFO(all_codes(h));
  CHECK(h.format == "ssb-csv");
  CHECK(h.population.at({"3101", 2024}) == 31444);
  CHECK(h.population.at({"3101", 2023}) == 31000);
}
