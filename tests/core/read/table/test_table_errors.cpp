// Bad cells, files that are not tables, missing columns: the message, its line, and the rest still used.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

TEST_CASE("Bad numbers: codes, lines, columns — the rest of the file is used", "[reader][errors]") {
  std::string csv =
      "kommune;år;a;b\n"
      "3101;2024;12abc;1\n"
      "3102;2024;-3;1\n"
      "3103;2024;1,12345678;1\n"
      "3104;2024;..;2\n"
      "3105;20x4;1;1\n"
      "3106;2024;99999999999999999;1\n"
      "3107;2024;1;2\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  const Diagnostic* nan = find_code(f, "number.not_a_number");
  REQUIRE(nan);
  CHECK(nan->line == 2);
  CHECK(nan->column == 3);
  CHECK(nan->severity == Severity::Error);
  CHECK(nan->text(Lang::Nb) == "Linje 2, kolonne 3: «12abc» er ikke et tall. Skriv årsverk som et desimaltall, for "
                   "eksempel 12,5. Raden er hoppet over.");
  CHECK(find_code(f, "number.negative")->line == 3);
  CHECK(find_code(f, "number.too_precise")->line == 4);
  CHECK(find_code(f, "number.too_precise")->severity == Severity::Warning);
  CHECK(find_code(f, "number.missing_values")->line == 5);
  CHECK(find_code(f, "year.invalid")->line == 6);
  CHECK(find_code(f, "number.out_of_range")->line == 7);
  // Skipped rows contribute nothing.
  CHECK(value_of(f, "3101", 2024, Category::B) == nullptr);
  CHECK(value_of(f, "3102", 2024, Category::B) == nullptr);
  CHECK(value_of(f, "3103", 2024, Category::A)->value == fx(1'123'457));
  CHECK(value_of(f, "3104", 2024, Category::A) == nullptr);
  CHECK(value_of(f, "3104", 2024, Category::B)->value == fx(2'000'000));
  CHECK(value_of(f, "3107", 2024, Category::B)->value == fx(2'000'000));
  CHECK(f.rows == 7);
}

TEST_CASE("Unknown target group is a warning and the row is skipped", "[reader][errors]") {
  ParsedFile f = read("kommune;år;målgruppe;a\n3101;2024;eldre;1\n3101;2024;voksne;2\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(find_code(f, "group.unknown")->severity == Severity::Warning);
  CHECK(find_code(f, "group.unknown")->line == 2);
  ParsedFile g = read("kommune;år;kategori;årsverk\n3101;2024;x;1\n");
  CHECK(find_code(g, "category.unknown")->line == 2);
}

TEST_CASE("Files that are not tables get one clear message", "[reader][errors]") {
  struct Case { std::string bytes; const char* code; const char* needle; };
  std::vector<Case> cases = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "file.binary", "PDF"},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "file.binary", "bilde"},
      {std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml", 33), "xlsx.corrupt", "skadet"},
      {std::string("PK\x03\x04\x14\0\0\0\0\0foo/bar.txt", 21), "file.binary", "ZIP"},
      {std::string("\x1F\x8B\x08\0\0\0\0\0", 8), "file.binary", "gzip"},
      {"\r\n\r\n  %PDF-1.5\n1 0 obj\n", "file.binary", "PDF"},
      {"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}}\nkommune;\\u229?r;a\\par\n}", "file.rtf", "RTF"},
      {std::string("kommune\0;\0", 10), "file.binary", "NUL"},
  };
  for (const auto& c : cases) {
    ParsedFile f = read(c.bytes, "x.bin");
    INFO(c.code << " " << all_codes(f));
    CHECK(f.kind == FileKind::Unknown);
    REQUIRE(f.diagnostics.size() == 1);
    CHECK(f.diagnostics[0].code == c.code);
    CHECK(f.diagnostics[0].severity == Severity::Error);
    CHECK(f.diagnostics[0].text(Lang::Nb).find(c.needle) != std::string::npos);
    CHECK(f.diagnostics[0].file == "x.bin");
    CHECK_FALSE(f.diagnostics[0].text(Lang::En).empty());
  }
  ParsedFile pdf = read(cases[0].bytes);
  CHECK(pdf.diagnostics[0].text(Lang::Nb).find("JSON-stat 2.0") != std::string::npos);
  CHECK(pdf.diagnostics[0].text(Lang::En).find("CSV") != std::string::npos);
}

TEST_CASE("Empty and header-only files", "[reader][errors]") {
  for (const char* s : {"", "\xEF\xBB\xBF", "\r\n\r\n  \n"}) {
    ParsedFile f = read(s);
    CHECK(f.kind == FileKind::Unknown);
    CHECK(find_code(f, "file.empty"));
  }
  ParsedFile h = read("kommune;år;a;b\r\n");
  CHECK(h.kind == FileKind::Arsverk);
  CHECK(find_code(h, "file.header_only")->line == 1);
  ParsedFile p = read("region;år;folkemengde\n\nKilde: SSB\n");
  CHECK(p.kind == FileKind::Population);
  CHECK(find_code(p, "file.header_only"));
}

TEST_CASE("A table with neither årsverk nor population columns", "[reader][errors]") {
  ParsedFile f = read("navn;telefon;epost\nKari;123;k@x.no\n");
  CHECK(f.kind == FileKind::Unknown);
  const Diagnostic* d = find_code(f, "table.unrecognised");
  REQUIRE(d);
  CHECK(d->text(Lang::Nb).find("«telefon»") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("kommune") != std::string::npos);
  CHECK(d->text(Lang::En).find("population") != std::string::npos);
  ParsedFile g = read("hello world\n");
  CHECK(g.kind == FileKind::Unknown);
  CHECK(find_code(g, "table.unrecognised"));
}

TEST_CASE("Missing unit or year column", "[reader][errors]") {
  ParsedFile f = read("år;a;b\n2024;1;2\n");
  CHECK(find_code(f, "header.missing_unit"));
  ParsedFile g = read("kommune;a;b\n3101;1;2\n");
  CHECK(find_code(g, "header.missing_year"));
}

TEST_CASE("Repeated messages are capped per code", "[reader][errors]") {
  std::string csv = "kommune;år;a\n";
  for (int i = 0; i < 200; ++i) csv += "3101;2024;x\n";
  ParsedFile f = read(csv);
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == "number.not_a_number";
  CHECK(n == Diagnostics::kMaxPerCode + 1);  // 50 and one summary
  CHECK(f.rows == 200);
  CHECK(f.arsverk.empty());
}
