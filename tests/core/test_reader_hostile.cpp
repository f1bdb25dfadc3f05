// Input a careless export or a hostile person might produce (issue 11): units misread, numbers
// decided with all the evidence, encodings, names and columns picked silently.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

int count_code(const ParsedFile& f, const std::string& code) {
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("Excel's thousands format of a municipality number is never a county", "[reader][units]") {
  for (const char* cell : {"3.101", "3 101", "3,101", "3\xC2\xA0" "101", "3.101 Halden"}) {
    INFO(cell);
    ParsedFile f = read(std::string("kommune;år;a\n") + cell + ";2024;1\n3101;2024;2\n");
    INFO(all_codes(f));
    REQUIRE(f.arsverk.size() == 2);
    CHECK(f.arsverk[0].unit == "3101");
    const Diagnostic* d = find_code(f, "unit.thousands_separator");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == 2);
    CHECK(d->en.find("Line 2") == 0);
  }
  // Once per file; a district number in the same format too.
  ParsedFile f = read("kommune;år;a\n3.101;2024;1\n30.101;2024;2\n1.506;2024;3\n");
  INFO(all_codes(f));
  CHECK(count_code(f, "unit.thousands_separator") == 1);
  REQUIRE(f.arsverk.size() == 3);
  CHECK(f.arsverk[1].unit == "030101");
  CHECK(f.arsverk[2].unit == "1506");
  // Not a grouping: a county with a name, a year-like decimal.
  ParsedFile g = read("kommune;år;a\n03 Oslo;2024;1\n3101.0;2024;2\n");
  INFO(all_codes(g));
  REQUIRE(g.arsverk.size() == 2);
  CHECK(g.arsverk[0].unit == "03");
  CHECK(g.arsverk[1].unit == "3101");
  CHECK_FALSE(has_code(g, "unit.thousands_separator"));
}

TEST_CASE("Number and name of different units: reported, the number used", "[reader][units]") {
  ParsedFile f = read("kommune;år;a\n3101 Moss;2024;1\n3101 Halden;2024;2\n3001 Halden;2023;3\n"
                      "3101 Halden kommune;2024;4\n030101 Frogner;2024;5\n3101 Ukjentby;2024;6\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 6);
  CHECK(f.arsverk[0].unit == "3101");
  CHECK(count_code(f, "unit.name_mismatch") == 2);
  const Diagnostic* d = find_code(f, "unit.name_mismatch");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->en.find("3103 Moss") != std::string::npos);
  CHECK(d->en.find("«3101» was used") != std::string::npos);
  CHECK(f.diagnostics.back().line == 6);  // 030101 Frogner: Gamle Oslo's number, Frogner's name
}
