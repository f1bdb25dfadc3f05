// Reference files: published rates per 1 000 inhabitants (docs/formats.md, "Reference files").
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

// "3101 2024 M1=3.1" per rate, in file order.
std::string rates(const ParsedFile& f) {
  std::string s;
  for (const auto& r : f.reference)
    s += r.unit + " " + std::to_string(r.year) + " M" + std::to_string(r.measure + 1) + "=" +
         r.per_1000.to_string() + " @" + std::to_string(r.line) + "; ";
  return s;
}

}  // namespace

TEST_CASE("Reference file, long, with Norwegian headers and measure names", "[reader][reference]") {
  ParsedFile f = read(
      "Kommune;År;Måltall;Årsverk per 1 000 innbyggere\n"
      "3101 Halden;2024;Totalt;3,1\n"
      "3101 Halden;2024;Minimum helse- og sosialfaglig vgs;2,5\n"
      "3101 Halden;2024;Helse- og sosialfaglig utdanning fra universitet/høyskole;1,9\n"
      "3101 Halden;2024;Annen utdanning enn helse- og sosialfag fra universitet/høyskole;0,3\n"
      "3001 Halden;2023;Høyskole/universitet med videreutdanning;0,4\n"
      "3103;2024;Noe rart;1\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Reference);
  CHECK(f.format == "csv-reference");
  CHECK(f.arsverk.empty());  // rates, never FTEs
  CHECK(rates(f) ==
        "3101 2024 M1=3.1 @2; 3101 2024 M2=2.5 @3; 3101 2024 M3=1.9 @4; 3101 2024 M4=0.3 @5; "
        "3001 2023 M4=0.4 @6; ");
  const Diagnostic* d = find_code(f, "reference.unknown_measure");
  REQUIRE(d);
  CHECK(d->line == 7);
  CHECK(d->severity == Severity::Error);
  CHECK(f.years() == std::set<int>{2023, 2024});
}

TEST_CASE("Reference file, wide, English headers and M1–M4", "[reader][reference]") {
  ParsedFile f = read("Municipality,Year,M1 per 1000,M2 per 1000,M3 per 1000,M4 per 1000,Note\n"
                      "3101,2024,3.1,2.5,1.9,,\n"
                      "3103,2024,2.2,x,1001,0.1,ok\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Reference);
  CHECK(rates(f) == "3101 2024 M1=3.1 @2; 3101 2024 M2=2.5 @2; 3101 2024 M3=1.9 @2; "
                    "3103 2024 M1=2.2 @3; 3103 2024 M4=0.1 @3; ");
  int bad = 0;
  for (const auto& d : f.diagnostics) bad += d.code == "reference.bad_rate";
  CHECK(bad == 2);  // "x" and 1001 per 1 000
  const Diagnostic* note = find_code(f, "header.column_ignored");
  REQUIRE(note);
  CHECK(note->column == 7);
}

TEST_CASE("A rate header alone is the main measure — årsverk files stay årsverk", "[reader][reference]") {
  ParsedFile f = read("kommunenummer;år;Årsverk per 1 000 innbyggere\n3101;2024;3,1\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Reference);
  CHECK(rates(f) == "3101 2024 M1=3.1 @2; ");
  ParsedFile a = read("kommunenummer;år;årsverk\n3101;2024;100\n");
  CHECK(a.kind == FileKind::Arsverk);
  CHECK(a.reference.empty());
}

TEST_CASE("A rate column beside FTE columns leaves the file an årsverk file", "[reader][reference]") {
  ParsedFile f = read("kommunenummer;år;a;b;c;d;e;Årsverk per 1 000 innbyggere\n3101;2024;1;2;3;4;5;0,5\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Arsverk);
  CHECK(f.arsverk.size() == 5);
  CHECK(f.reference.empty());
  const Diagnostic* d = find_code(f, "header.column_ignored");
  REQUIRE(d);
  CHECK(d->column == 8);
  CHECK(d->text(Lang::En).find("rates per 1,000") != std::string::npos);
}

TEST_CASE("Published rates in a long table without a rate header are never FTEs", "[reader][reference]") {
  ParsedFile f = read("kilde,aar,nivaa,region,maaltall,verdi,enhet\n"
                      "Helsedirektoratet,2024,land,0,totalt,2.8,arsverk_per_1000\n"
                      "SINTEF,2016,land,0,totalt,13936,arsverk\n");
  INFO(all_codes(f));
  const Diagnostic* d = find_code(f, "value.rate_not_fte");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 7);
  CHECK(d->severity == Severity::Error);
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].line == 3);
}
