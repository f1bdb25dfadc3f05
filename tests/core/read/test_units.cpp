// Unit cells: numbers, names and the forms Excel leaves them in.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

std::string unit_of(const std::string& cell, const std::string& year = "2023") {
  ParsedFile f = read("kommune;år;a\n" + cell + ";" + year + ";1\n");
  return f.arsverk.size() == 1 ? f.arsverk[0].unit : "?" + all_codes(f);
}

}  // namespace

TEST_CASE("Unit values in all accepted forms", "[reader][units]") {
  CHECK(unit_of("3101") == "3101");
  CHECK(unit_of("3101 Halden") == "3101");
  CHECK(unit_of("K-3101 Halden") == "3101");
  CHECK(unit_of("Halden", "2024") == "3101");
  CHECK(unit_of("Halden", "2023") == "3001");
  CHECK(unit_of("halden kommune", "2023") == "3001");
  CHECK(unit_of("030101") == "030101");
  CHECK(unit_of("030101 Gamle Oslo") == "030101");
  CHECK(unit_of("030101a Gamle Oslo") == "030101");
  CHECK(unit_of("Gamle Oslo") == "030101");
  CHECK(unit_of("Bydel Gamle Oslo") == "030101");
  CHECK(unit_of("03") == "03");
  CHECK(unit_of("F-03 Oslo") == "03");
  CHECK(unit_of("Fylke 03") == "03");
  CHECK(unit_of("0") == "0");
  CHECK(unit_of("Hele landet") == "0");
  CHECK(unit_of("Norge") == "0");
  CHECK(unit_of("The whole country") == "0");
  CHECK(unit_of("Norway") == "0");
  CHECK(unit_of("Oslo") == "0301");
  CHECK(unit_of("9999") == "9999");  // existence is the engine's check
  CHECK(unit_of("Kárášjohka", "2024") == "5610");
}

TEST_CASE("Leading zeros lost by Excel are restored with one message", "[reader][units]") {
  ParsedFile f = read("kommune;år;a\n301;2024;1\n30101;2024;2\n301;2024;3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 3);
  CHECK(f.arsverk[0].unit == "0301");
  CHECK(f.arsverk[1].unit == "030101");
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == "unit.leading_zero_restored";
  CHECK(n == 1);
  CHECK(find_code(f, "unit.leading_zero_restored")->severity == Severity::Info);
  CHECK(find_code(f, "unit.leading_zero_restored")->line == 2);
}

TEST_CASE("Ambiguous and unknown unit names", "[reader][units]") {
  ParsedFile f = read("kommune;år;a\nHerøy;2023;1\nAtlantis;2023;2\n3101;2024;3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 1);
  const Diagnostic* a = find_code(f, "unit.ambiguous_name");
  REQUIRE(a);
  CHECK(a->severity == Severity::Error);
  CHECK(a->line == 2);
  CHECK(a->column == 1);
  CHECK(a->text(Lang::Nb).find("1515") != std::string::npos);
  CHECK(a->text(Lang::Nb).find("1818") != std::string::npos);
  const Diagnostic* u = find_code(f, "unit.unknown_name");
  REQUIRE(u);
  CHECK(u->line == 3);
  CHECK(u->text(Lang::Nb).find("«Atlantis»") != std::string::npos);
  CHECK(u->text(Lang::En).find("Atlantis") != std::string::npos);
}
