// Workbook cells read as Excel shows them, and workbooks whose limits hold per file (issue 15,
// item 6 and the workbook messages of item 7). Fixtures: scripts/make-xlsx-fixtures.py writes
// tests/data/xlsx/ and the xlsx_*.xlsx entries of the bad-file catalogue (tests/data/bad/).
#include <catch2/catch.hpp>

#include <set>

#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

ParsedFile bad(const std::string& name) { return read(slurp("tests/data/bad/" + name), name); }
ParsedFile good(const std::string& name) { return read(slurp("tests/data/xlsx/" + name), name); }

Fixed fte(const char* text) { return parse_decimal(text, false).value; }

// The figure of a unit, year and category, or nullopt when the file gave none.
std::optional<Fixed> figure(const ParsedFile& f, const std::string& unit, Category category) {
  std::optional<Fixed> out;
  for (const auto& v : f.arsverk)
    if (v.unit == unit && v.category == category) out = v.value;
  return out;
}

int count_code(const ParsedFile& f, const std::string& code) {
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("xlsx: sheets that point to one part read it once; limits hold per file", "[xlsx][limits]") {
  ParsedFile f = bad("xlsx_255_sheets_one_part.xlsx");
  REQUIRE(f.kind == FileKind::Arsverk);
  std::set<uint16_t> sheets;
  for (const auto& v : f.arsverk) sheets.insert(v.sheet);
  CHECK(sheets == std::set<uint16_t>{0});  // the figures of one sheet, not of 255 copies
  CHECK(f.sheets == std::vector<std::string>{"Ark1"});
  const Diagnostic* overview = find_code(f, "xlsx.sheets");
  REQUIRE(overview);
  CHECK(overview->nb.find("«Ark2» (viser til samme innhold (xl/worksheets/sheet1.xml) som arket «Ark1»)") !=
        std::string::npos);
  CHECK(overview->nb.find("og 244 ark til.") != std::string::npos);
  CHECK(overview->en.find("and 244 more sheets.") != std::string::npos);

  // Two sheets of ten figures each under a limit of fifteen: the second sheet stops at it.
  ReaderLimits limits;
  limits.max_values = 15;
  ParsedFile two = read_chunked(slurp("tests/data/xlsx/two_sheets.xlsx"), 1 << 20, "two.xlsx", limits);
  CHECK(two.arsverk.size() == 15);
  const Diagnostic* full = find_code(two, "file.too_many_values");
  REQUIRE(full);
  CHECK(full->sheet == "Barn og unge");
  limits.max_values = 10;  // reached by the first sheet: the second is not read at all
  two = read_chunked(slurp("tests/data/xlsx/two_sheets.xlsx"), 1 << 20, "two.xlsx", limits);
  CHECK(two.arsverk.size() == 10);
  REQUIRE(find_code(two, "xlsx.sheets"));
  CHECK(find_code(two, "xlsx.sheets")->en.find("\"Barn og unge\" (the file's limit of figures or cells had been reached)") !=
        std::string::npos);
}
