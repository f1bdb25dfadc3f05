// What surrounds the table: title lines, quotes, delimiters, encodings and the decimal mark.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

TEST_CASE("Title lines, blank lines, quoted fields, footnotes", "[reader][layout]") {
  std::string csv =
      "\"Årsverk i psykisk helse- og rusarbeid, 2024\"\r\n"
      "\r\n"
      "\"kommune\";\"år\";\"a\";\"b\"\r\n"
      "\"3101 Halden\";\"2024\";\"1,5\";\"2\"\r\n"
      "\r\n"
      "\"3103 \"\"Moss\"\"\";2024;3;4\r\n"
      "\r\n"
      "\"Kilde: kommunens egen rapportering\"\r\n"
      "\"Merknad: tallene er foreløpige\"\r\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.rows == 2);
  REQUIRE(f.arsverk.size() == 4);
  CHECK(f.arsverk[2].unit == "3103");
  CHECK(f.arsverk[2].line == 6);
  const Diagnostic* fn = find_code(f, "csv.footnotes_ignored");
  REQUIRE(fn);
  CHECK(fn->severity == Severity::Info);
  CHECK(fn->line == 8);
  CHECK(count_severity(f, Severity::Error) == 0);
}

TEST_CASE("A row of another shape inside the table is an error", "[reader][layout]") {
  ParsedFile f = read("kommune;år;a;b\n3101;2024;1;2\n3102;2024;1\n3103;2024;1;2\n");
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 4);
  const Diagnostic* d = find_code(f, "csv.wrong_shape");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK_FALSE(has_code(f, "csv.footnotes_ignored"));
}

TEST_CASE("Quoted fields may hold delimiters and line breaks", "[reader][layout]") {
  ParsedFile f = read("kommune,år,tjeneste,a\n3101,2024,\"Rus, psykisk helse\",\"1,5\"\n"
                      "3101,2024,\"Bolig\noppfølging\",2\n3102,2024,X,3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 3);
  CHECK(f.arsverk[0].service == "Rus, psykisk helse");
  CHECK(f.arsverk[0].value == fx(1'500'000));
  CHECK(f.arsverk[1].service == "Bolig\noppfølging");
  CHECK(f.arsverk[1].line == 3);
  CHECK(f.arsverk[2].line == 5);
}

TEST_CASE("Encodings: UTF-8 with BOM, Windows-1252, mixed per line", "[reader][encoding]") {
  ParsedFile f = read("\xEF\xBB\xBFkommune;år;a\nBærum;2024;1\n");
  INFO(all_codes(f));
  CHECK(f.encoding == "utf-8-bom");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].unit == "3201");

  ParsedFile g = read("kommune;\xE5r;a\nB\xE6rum;2024;1\n");
  INFO(all_codes(g));
  CHECK(g.encoding == "windows-1252");
  REQUIRE(g.arsverk.size() == 1);
  CHECK(g.arsverk[0].unit == "3201");

  ParsedFile h = read("kommune;år;a\nBærum;2024;1\nS\xF8rfold;2024;1\nXy\xF8;2024;1\n");
  CHECK(h.encoding == "windows-1252");
  REQUIRE(h.arsverk.size() == 2);
  const Diagnostic* d = find_code(h, "unit.unknown_name");
  REQUIRE(d);
  CHECK(d->text(Lang::Nb).find("«Xyø»") != std::string::npos);
}

TEST_CASE("Decimal sniff: a comma-separated file uses decimal points", "[reader][numbers]") {
  ParsedFile f = read("kommune,år,a\n3101,2024,1.234\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].value == fx(1'234'000));
  ParsedFile g = read("kommune;år;a;b\n3101;2024;1.234;0.5\n");
  REQUIRE(g.arsverk.size() == 2);
  CHECK(g.arsverk[0].value == fx(1'234'000));
  ParsedFile h = read("kommune;år;a;b\n3101;2024;1.234;0,5\n");
  REQUIRE(h.arsverk.size() == 2);
  CHECK(h.arsverk[0].value == fx(1'234'000'000));
}

TEST_CASE("Paste from Excel: tab-separated with decimal commas", "[reader][layout]") {
  ParsedFile f = read("Kommunenr\tÅr\ta\tb\tc\td\te\n3101\t2024\t1,5\t2,5\t0\t0\t1\n", "paste");
  CHECK(f.delimiter == "\t");
  REQUIRE(f.arsverk.size() == 5);
  CHECK(f.arsverk[1].value == fx(2'500'000));
}

TEST_CASE("The most specific unit column is the unit", "[reader][layout]") {
  ParsedFile f = read("Fylkesnummer;Fylke;Kommunenummer;Kommune;År;a\n03;Oslo;0301;Oslo;2024;1\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].unit == "0301");
  ParsedFile g = read("Fylke;Kommune;År;a\nØstfold;Halden;2023;1\n");
  REQUIRE(g.arsverk.size() == 1);
  CHECK(g.arsverk[0].unit == "3001");
  ParsedFile h = read("kommune; \"år\"; a\n3101; \"2024\"; 1,5\n");
  REQUIRE(h.arsverk.size() == 1);
  CHECK(h.arsverk[0].value == Fixed::from_micro(1'500'000));
}
