// Messages that say what the cell holds: invisible characters are shown
// escaped and ignored where they only surround a number; a row's shape is told truly.
#include <catch2/catch.hpp>

#include <string>

#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {
const std::string kHead = "kommunenummer;år;målgruppe;a;b;c;d;e\n";
}

TEST_CASE("Zero-width spaces, byte order marks and NUL around a unit number or figure are ignored", "[invisible]") {
  for (const char* around : {"\xe2\x80\x8b", "\xef\xbb\xbf", "\xe2\x81\xa0", "\xe2\x80\x8d"}) {
    const std::string a = around;
    const ParsedFile f = read(kHead + a + "3101" + a + ";2024;voksne;10" + a + ";5;3;2;" + a + "1\n");
    CHECK(count_severity(f, Severity::Error) == 0);
    REQUIRE(f.arsverk.size() == 5);
    CHECK(f.arsverk[0].unit == "3101");
  }
}

TEST_CASE("An invisible character inside a cell is quoted escaped, never as a clean number", "[invisible]") {
  const ParsedFile f = read(kHead + "31\xe2\x80\x8b" "01;2024;voksne;1;1;1;1;1\n3101;2024;voksne;1\xe2\x80\x8b" "2;1;1;1;1\n");
  const Diagnostic* unit = find_code(f, "unit.unknown_name");
  REQUIRE(unit);
  CHECK(unit->nb.find("«31\\u200B01»") != std::string::npos);
  CHECK(unit->en.find("31\\u200B01") != std::string::npos);
  const Diagnostic* number = find_code(f, "number.not_a_number");
  REQUIRE(number);
  CHECK(number->nb.find("«1\\u200B2»") != std::string::npos);
}

TEST_CASE("A row of the wrong shape is told truly: its filled fields against the header's columns", "[shape]") {
  const ParsedFile f = read(kHead + "3101;2024;voksne;1;1;1;1;1\n3101;;;;;;;\n3101;2024;voksne;1;1\n3101;2024;barn og unge;1;1;1;1;1\n");
  int seen = 0;
  for (const Diagnostic& d : f.diagnostics) {
    if (d.code != "csv.wrong_shape") continue;
    ++seen;
    if (d.line == 3) CHECK(d.nb.find("bare én utfylt celle, men overskriften har 8 kolonner") != std::string::npos);
    if (d.line == 4) CHECK(d.nb.find("Raden har 5 felt, men overskriften har 8 kolonner") != std::string::npos);
    CHECK(d.nb.find("har 8 felt, men overskriften har 8") == std::string::npos);
  }
  CHECK(seen == 2);
}
