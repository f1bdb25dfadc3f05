// A header repeated mid-file (two sheets pasted one under the other): it re-maps the
// columns for the rows below it, with a note on its line; a header that cannot be mapped stops
// its block with one error, not one per row.
#include <catch2/catch.hpp>

#include <string>

#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

Fixed sum_of(const ParsedFile& f, const std::string& unit, TargetGroup g) {
  Fixed total;
  for (const ArsverkValue& v : f.arsverk)
    if (v.unit == unit && v.group == g) total = total + v.value;
  return total;
}

}  // namespace

TEST_CASE("A repeated header in another column order re-maps the rows below it", "[repeated_header]") {
  const std::string text =
      "kommunenummer;år;målgruppe;a;b;c;d;e\n"
      "3101;2024;voksne;10;5;3;2;1\n"
      "\n"
      "målgruppe;e;d;c;b;a;år;kommunenummer\n"
      "barn og unge;0;1;1;2;4;2024;3101\n";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, text.size()}) {
    const ParsedFile f = read_chunked(text, chunk);
    CHECK_FALSE(has_code(f, "year.invalid"));
    const Diagnostic* d = find_code(f, "header.repeated");
    REQUIRE(d);
    CHECK(d->severity == Severity::Info);
    CHECK(d->line == 4);
    REQUIRE(f.arsverk.size() == 10);
    CHECK(sum_of(f, "3101", TargetGroup::Children).to_string() == "8");
    for (const ArsverkValue& v : f.arsverk)
      if (v.group == TargetGroup::Children && v.category == Category::A) CHECK(v.value.to_string() == "4");
    CHECK(count_severity(f, Severity::Error) == 0);
  }
}

TEST_CASE("A repeated header that cannot be mapped skips its block with one error", "[repeated_header]") {
  const std::string text =
      "kommunenummer;år;målgruppe;a;b;c;d;e\n"
      "3101;2024;voksne;10;5;3;2;1\n"
      "målgruppe;foo;bar;år\n"
      "barn og unge;0;1;2024\n"
      "voksne;0;1;2024\n"
      "barn og unge;0;1;2024\n"
      "kommune;år;målgruppe;e;d;c;b;a\n"
      "3103;2024;voksne;1;2;3;4;5\n";
  const ParsedFile f = read(text);
  const Diagnostic* d = find_code(f, "header.repeated_unmapped");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->line == 3);
  CHECK(count_severity(f, Severity::Error) == 1);
  const Diagnostic* next = find_code(f, "header.repeated");
  REQUIRE(next);
  CHECK(next->line == 7);
  CHECK(sum_of(f, "3101", TargetGroup::Adults).to_string() == "21");
  CHECK(sum_of(f, "3103", TargetGroup::Adults).to_string() == "15");
  for (const ArsverkValue& v : f.arsverk)
    if (v.unit == "3103" && v.category == Category::E) CHECK(v.value.to_string() == "1");
  CHECK(f.kind == FileKind::Arsverk);
}
