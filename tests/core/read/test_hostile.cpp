// Input a careless export or a hostile person might produce: units misread, numbers
// decided with all the evidence, encodings, names and columns picked silently.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

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
    CHECK(d->text(Lang::En).find("Line 2") == 0);
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

TEST_CASE("A population file's unit number in Excel's thousands format is said once", "[reader][units]") {
  ParsedFile f = read("region;år;folkemengde\n3101;2024;100\n3.103;2024;200\n30.101;2024;300\n"
                      "1.506;2024;400\n");
  INFO(all_codes(f));
  CHECK(f.population.at({"3103", 2024}) == 200);
  CHECK(f.population.at({"030101", 2024}) == 300);
  CHECK(f.population.at({"1506", 2024}) == 400);
  CHECK(count_code(f, "unit.thousands_separator") == 1);
  const Diagnostic* d = find_code(f, "unit.thousands_separator");
  REQUIRE(d);
  CHECK(d->severity == Severity::Info);
  CHECK(d->line == 3);
  CHECK(d->text(Lang::En).find("Line 3, column 1: “3.103” was read as municipality number “3103”") == 0);
  ParsedFile plain = read("region;år;folkemengde\n3101;2024;100\n3103;2024;200\n");
  CHECK_FALSE(has_code(plain, "unit.thousands_separator"));
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
  CHECK(d->text(Lang::En).find("3103 Moss") != std::string::npos);
  CHECK(d->text(Lang::En).find("“3101” was used") != std::string::npos);
  CHECK(f.diagnostics.back().line == 6);  // 030101 Frogner: Gamle Oslo's number, Frogner's name
}

namespace {

// UTF-8 text as UTF-16 code units, little- or big-endian, with an optional BOM.
std::string utf16(const std::u16string& text, bool big_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  if (bom) put(0xFEFF);
  for (char16_t u : text) put(u);
  return out;
}

}  // namespace

TEST_CASE("UTF-16 text (Excel's Unicode text) is decoded, in any chunking", "[reader][encoding]") {
  // A service name outside the BMP (a surrogate pair) and æøå, tab-separated as Excel writes it.
  const std::u16string text =
      u"kommunenummer\tår\ttjeneste\ta\tb\r\n3101\t2024\tRus \U0001F600 og psykisk helse\t1,5\t2\r\n"
      u"3103\t2024\tBolig\t0,5\t1\r\n";
  for (bool big : {false, true})
    for (bool bom : {true, false}) {
      const std::string bytes = utf16(text, big, bom);
      INFO("big endian " << big << ", BOM " << bom);
      ParsedFile whole = read(bytes);
      INFO(all_codes(whole));
      CHECK(whole.kind == FileKind::Arsverk);
      CHECK(whole.encoding == (big ? "utf-16be" : "utf-16le"));
      CHECK(whole.diagnostics.empty());
      REQUIRE(whole.arsverk.size() == 4);
      CHECK(whole.arsverk[0].service == "Rus \xF0\x9F\x98\x80 og psykisk helse");
      CHECK(whole.arsverk[0].value == Fixed::from_micro(1'500'000));
      // Chunk boundaries inside a code unit and inside the surrogate pair.
      for (std::size_t n : {1u, 3u, 5u, 7u, 4096u}) CHECK(dump(read_chunked(bytes, n)) == dump(whole));
    }
}

TEST_CASE("Broken UTF-16 gives replacement characters, never a crash", "[reader][encoding]") {
  std::string bytes = utf16(u"kommune;år;a\n3101;2024;1\n", false, true);
  bytes += std::string("\x00\xD8", 2);  // a high surrogate with nothing after it
  bytes += "\x41";                      // an odd byte at the end
  ParsedFile f = read(bytes);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Arsverk);
  CHECK(f.arsverk.size() == 1);
}

namespace {

// An a-column sheet: `top` on line 2, 70 filler rows, `late` on line 73.
std::string sheet_with(const std::string& top, const std::string& late) {
  std::string csv = "kommune;år;a\n3101;2024;" + top + "\n";
  for (int i = 0; i < 70; ++i) csv += "3103;" + std::to_string(2024 + i % 2) + ";2\n";
  return csv + "3105;2024;" + late + "\n";
}

Fixed value_at(const ParsedFile& f, int64_t line) {
  for (const auto& v : f.arsverk)
    if (v.line == line) return v.value;
  return Fixed::from_micro(-1);
}

}  // namespace

TEST_CASE("The decimal mark is decided with every cell of the file, the same for all", "[reader][numbers]") {
  // A decimal point far below the top: "1.250" at the top is 1.25 too.
  ParsedFile point = read(sheet_with("1.250", "12.5"));
  INFO(all_codes(point));
  CHECK(value_at(point, 2) == Fixed::from_micro(1'250'000));
  CHECK_FALSE(has_code(point, "number.ambiguous"));
  // A decimal comma far below: "1.250" is 1 250 (the point groups thousands).
  ParsedFile comma = read(sheet_with("1.250", "12,5"));
  INFO(all_codes(comma));
  CHECK(value_at(comma, 2) == Fixed::from_micro(1'250'000'000));
  CHECK_FALSE(has_code(comma, "number.ambiguous"));
  // "1,250" beside "2.5": the comma groups thousands.
  ParsedFile english = read(sheet_with("1,250", "2.5"));
  CHECK(value_at(english, 2) == Fixed::from_micro(1'250'000'000));
  // A plain "1250" elsewhere: the file writes no thousands separators, so the mark is decimal.
  ParsedFile plain = read(sheet_with("1.250", "1250"));
  CHECK(value_at(plain, 2) == Fixed::from_micro(1'250'000));
  // Chunking never changes the decision.
  const std::string csv = sheet_with("1.250", "12.5");
  for (std::size_t n : {1u, 7u, 100u}) CHECK(dump(read_chunked(csv, n)) == dump(point));
}

TEST_CASE("A value that stays ambiguous is said on its line", "[reader][numbers]") {
  ParsedFile f = read(sheet_with("1.250", "2"));
  INFO(all_codes(f));
  const Diagnostic* d = find_code(f, "number.ambiguous");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->line == 2);
  CHECK(d->column == 3);
  CHECK(d->text(Lang::Nb).find("1,25 eller 1250") != std::string::npos);
  CHECK(d->text(Lang::En).rfind("Line 2, column 3:", 0) == 0);
  // Evidence both ways (a decimal comma and a decimal point): still ambiguous, still said.
  ParsedFile mixed = read("kommune;år;a;b\n3101;2024;1.250;1,5\n3103;2024;2.5;1\n");
  INFO(all_codes(mixed));
  CHECK(has_code(mixed, "number.ambiguous"));
}

TEST_CASE("An årsverk cell above 1 000 000 FTEs is an error", "[reader][numbers]") {
  ParsedFile f = read("kommune;år;a;b\n3101;2024;1000000;1\n3103;2024;1000000,5;1\n3105;2024;9999999999999;1\n");
  INFO(all_codes(f));
  CHECK(value_at(f, 2) == Fixed::from_micro(int64_t{1'000'000} * 1'000'000));
  int n = 0;
  for (const auto& d : f.diagnostics)
    if (d.code == "number.out_of_range") {
      ++n;
      CHECK(d.severity == Severity::Error);
      CHECK(d.text(Lang::En).find("1,000,000 FTEs") != std::string::npos);
    }
  CHECK(n == 2);
  CHECK(f.arsverk.size() == 2);  // only line 2's a and b
}

TEST_CASE("A service that names dementia only as excluded is in scope, and said", "[reader][services]") {
  CHECK(service_scope("Demens") == ServiceScope::OutOfScope);
  CHECK(service_scope("Dagtilbud for personer med demens") == ServiceScope::OutOfScope);
  CHECK(service_scope("Generell forebygging") == ServiceScope::OutOfScope);
  CHECK(service_scope("Tjenester til personer med utviklingshemming") == ServiceScope::OutOfScope);
  CHECK(service_scope("Demens (ikke rus)") == ServiceScope::OutOfScope);
  CHECK(service_scope("Psykisk helse ekskl. demens") == ServiceScope::ExclusionNegated);
  CHECK(service_scope("Hjemmetjenester uten demens") == ServiceScope::ExclusionNegated);
  CHECK(service_scope("Bolig, unntatt demensomsorg") == ServiceScope::ExclusionNegated);
  CHECK(service_scope("Home care excluding dementia") == ServiceScope::ExclusionNegated);
  CHECK(service_scope("Psykisk helse ekskl. generell forebygging") == ServiceScope::ExclusionNegated);
  CHECK(service_scope("Psykisk helsetjeneste") == ServiceScope::InScope);
  CHECK_FALSE(service_out_of_scope("Psykisk helse ekskl. demens"));

  ParsedFile f = read("kommune;år;tjeneste;a\n3101;2024;Psykisk helse ekskl. demens;1\n"
                      "3101;2025;Psykisk helse ekskl. demens;2\n3101;2024;Demens;3\n");
  INFO(all_codes(f));
  CHECK(count_code(f, "service.exclusion_negated") == 1);
  const Diagnostic* d = find_code(f, "service.exclusion_negated");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 3);
  CHECK(f.arsverk.size() == 3);
}

TEST_CASE("A sheet saved with thousands of empty columns and rows is read", "[reader][limits]") {
  const std::string empty_columns(16000, ';');
  std::string csv = "kommune;år;a;b" + empty_columns + "\n";
  for (int i = 0; i < 3; ++i) csv += "3101;" + std::to_string(2024 + i) + ";1;2" + empty_columns + "\n";
  for (int i = 0; i < 2000; ++i) csv += empty_columns.substr(0, 200) + "\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Arsverk);
  CHECK(f.diagnostics.empty());
  CHECK(f.arsverk.size() == 6);
  // A filled cell far to the right is still too wide.
  ParsedFile wide = read("kommune;år;a\n3101;2024;1\n3101;2025;1" + empty_columns + "x\n");
  INFO(all_codes(wide));
  CHECK(has_code(wide, "csv.too_many_columns"));
  CHECK(wide.arsverk.size() == 1);
}
