// Workbook cells read as Excel shows them, workbooks whose limits hold per file, and the messages
// about workbooks. Fixtures: scripts/make-xlsx-fixtures.py writes
// tests/data/xlsx/ and the xlsx_*.xlsx entries of the bad-file catalogue (tests/data/bad/).
#include <catch2/catch.hpp>

#include <set>

#include "../test_reader_util.hpp"
#include "read/xlsx/cell_text.hpp"

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

TEST_CASE("xlsx: sheets that point to one part read it once — limits hold per file", "[xlsx][limits]") {
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
  CHECK(find_code(two, "xlsx.sheets")->en.find("“Barn og unge” (the file’s limit of figures or cells had been reached)") !=
        std::string::npos);
}

TEST_CASE("xlsx: a formula without a saved result is not given, never 0, and named", "[xlsx][excel_view]") {
  ParsedFile f = bad("xlsx_formula_no_value.xlsx");
  REQUIRE(f.kind == FileKind::Arsverk);
  CHECK(figure(f, "3101", Category::A) == fte("10"));
  CHECK_FALSE(figure(f, "3103", Category::C));  // the row with the formula: skipped, not 0
  CHECK_FALSE(figure(f, "3103", Category::A));
  const Diagnostic* d = find_code(f, "xlsx.formula_without_value");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->text(Lang::Nb).rfind("Ark1!F3: «=B3+1» er en formel uten lagret resultat", 0) == 0);
  CHECK(d->text(Lang::En).rfind("Ark1!F3: “=B3+1” is a formula without a saved result", 0) == 0);
  CHECK(d->en.find("not counted as 0") != std::string::npos);

  ParsedFile l = bad("xlsx_formula_no_value_long.xlsx");  // no <v> at all, in long form
  CHECK(figure(l, "3101", Category::A) == fte("10"));
  CHECK_FALSE(figure(l, "3101", Category::B));
  REQUIRE(find_code(l, "xlsx.formula_without_value"));
  CHECK(find_code(l, "xlsx.formula_without_value")->text(Lang::Nb).rfind("'Årsverk 2024'!E3: «=E2*0.2»", 0) == 0);

  // A shared formula's other cells name the formula only in its first cell.
  ParsedFile s = bad("xlsx_formula_no_value_shared.xlsx");
  CHECK(s.arsverk.empty());
  CHECK(count_code(s, "xlsx.formula_without_value") == 3);
}

TEST_CASE("xlsx: a percent-formatted figure in an FTE column is refused on its cell", "[xlsx][excel_view]") {
  ParsedFile f = bad("xlsx_percent_fte.xlsx");
  CHECK(figure(f, "3101", Category::A) == fte("10"));
  CHECK_FALSE(figure(f, "3103", Category::A));  // never 0.1 FTE
  const Diagnostic* d = find_code(f, "xlsx.percent_figure");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->text(Lang::Nb).rfind("Ark1!D3: Cellen er formatert som prosent og viser «10 %»", 0) == 0);
  CHECK(d->en.find("Remove the percentage format") != std::string::npos);
  const ParsedFile custom = bad("xlsx_percent_fte_custom.xlsx");
  REQUIRE(find_code(custom, "xlsx.percent_figure"));
  CHECK(find_code(custom, "xlsx.percent_figure")->nb.find("«25,5 %»") != std::string::npos);
  CHECK_FALSE(figure(custom, "3103", Category::E));
  const ParsedFile long_form = bad("xlsx_percent_fte_long.xlsx");
  REQUIRE(find_code(long_form, "xlsx.percent_figure"));
  CHECK(find_code(long_form, "xlsx.percent_figure")->nb.find("«5,25 %»") != std::string::npos);
  CHECK_FALSE(figure(long_form, "3103", Category::A));

  namespace xl = detail::xlsx;
  CHECK(xl::percent_format(9, ""));
  CHECK(xl::percent_format(10, ""));
  CHECK(xl::percent_format(166, "0.0\" \"%"));
  CHECK(xl::percent_format(170, "#,##0.00%;[Red]-#,##0.00%"));
  CHECK_FALSE(xl::percent_format(2, "0.00"));
  CHECK_FALSE(xl::percent_format(167, "0.0\" %\""));  // a % inside quotes is text
  CHECK_FALSE(xl::percent_format(168, "0.0\\%"));     // an escaped % too
  CHECK(xl::percent_text("0.1") == "10 %");
  CHECK(xl::percent_text("0.255") == "25,5 %");
}

TEST_CASE("xlsx: how number cells look is no evidence about the decimal mark of text cells", "[xlsx][excel_view]") {
  // Only number cells besides «1.250» typed as text: nothing the user typed decides.
  ParsedFile f = bad("xlsx_text_decimal_point.xlsx");
  const Diagnostic* d = find_code(f, "number.ambiguous");
  REQUIRE(d);
  CHECK(d->sheet == "Ark1");
  CHECK(d->line == 3);
  CHECK(d->column == 5);
  CHECK(figure(f, "3101", Category::A) == fte("24.35"));  // the number cells as Excel shows them

  // A typed «3.5» says '.' is the decimal mark: «1.250» is 1.25, without a message.
  ParsedFile typed = bad("xlsx_text_decimal_point_typed.xlsx");
  CHECK(figure(typed, "3103", Category::B) == fte("1.25"));
  CHECK(figure(typed, "3101", Category::A) == fte("24.35"));
  CHECK_FALSE(has_code(typed, "number.ambiguous"));

  // A number cell 1.125 (shown «1,125») is 1.125 whatever the text cells say.
  ParsedFile three = bad("xlsx_number_cell_three_decimals.xlsx");
  CHECK(figure(three, "3101", Category::A) == fte("1.125"));
  CHECK(figure(three, "3101", Category::B) == fte("2.5"));
  CHECK_FALSE(has_code(three, "number.ambiguous"));
}

TEST_CASE("xlsx: a cell written twice is an error on that cell — the row is not read", "[xlsx][excel_view]") {
  ParsedFile f = bad("xlsx_duplicate_cell.xlsx");
  CHECK(figure(f, "3101", Category::A) == fte("10"));
  CHECK_FALSE(figure(f, "3103", Category::B));  // neither 1 nor 7
  CHECK_FALSE(figure(f, "3103", Category::A));
  const Diagnostic* d = find_code(f, "xlsx.duplicate_cell");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->text(Lang::Nb).rfind("Ark1!E3: Cellen står to ganger i arket (først «1», så «7»)", 0) == 0);
  CHECK(d->text(Lang::En).rfind("Ark1!E3: The cell is written twice in the sheet (first “1”, then “7”)", 0) == 0);

  ParsedFile implicit = bad("xlsx_duplicate_cell_implicit.xlsx");
  REQUIRE(find_code(implicit, "xlsx.duplicate_cell"));
  CHECK(find_code(implicit, "xlsx.duplicate_cell")->text(Lang::Nb).rfind("Ark1!F3: ", 0) == 0);
  CHECK_FALSE(figure(implicit, "3103", Category::C));

  ParsedFile text = bad("xlsx_duplicate_cell_text.xlsx");
  REQUIRE(find_code(text, "xlsx.duplicate_cell"));
  CHECK(find_code(text, "xlsx.duplicate_cell")->text(Lang::Nb).rfind("'Ark 1'!C3: ", 0) == 0);
  CHECK(count_code(text, "xlsx.duplicate_cell") == 1);
  for (const auto& v : text.arsverk) CHECK(v.unit == "3101");
}

TEST_CASE("xlsx: empty cells, formatted or not, never make a row too wide", "[xlsx][excel_view]") {
  ParsedFile f = bad("xlsx_formatted_empty_xfd.xlsx");
  CHECK_FALSE(has_code(f, "csv.too_many_columns"));
  CHECK(count_severity(f, Severity::Error) == 0);
  CHECK(figure(f, "3101", Category::A) == fte("10"));
  CHECK(figure(f, "3103", Category::A) == fte("4"));
  // Empty far out: ignored; text far out: that row is too wide, the others are read.
  ParsedFile far = bad("xlsx_empty_far_cells.xlsx");
  const Diagnostic* wide = find_code(far, "csv.too_many_columns");
  REQUIRE(wide);
  CHECK(wide->line == 3);
  CHECK(count_code(far, "csv.too_many_columns") == 1);
  CHECK(figure(far, "3101", Category::A) == fte("10"));
  CHECK_FALSE(figure(far, "3103", Category::A));
}

TEST_CASE("xlsx: a password-protected workbook is called that, not an old .xls", "[xlsx][messages]") {
  for (const char* name : {"xlsx_encrypted.xlsx", "xlsx_encrypted_large.xlsx"}) {
    const std::string bytes = slurp(std::string("tests/data/bad/") + name);
    for (std::size_t chunk : {std::size_t{7}, std::size_t{4093}, bytes.size()}) {
      ParsedFile f = read_chunked(bytes, chunk, name);
      INFO(name << " in chunks of " << chunk << ": " << all_codes(f));
      REQUIRE(f.diagnostics.size() == 1);
      CHECK(f.diagnostics[0].code == "xlsx.encrypted");
      CHECK(f.diagnostics[0].nb.find("passordbeskyttet") != std::string::npos);
      CHECK(f.diagnostics[0].nb.find(".xls)") == std::string::npos);
      CHECK(f.kind == FileKind::Unknown);
    }
  }
  // A compound file without the encrypted package stays an old .xls.
  ParsedFile xls = bad("old_excel.xls");
  REQUIRE(xls.diagnostics.size() == 1);
  CHECK(xls.diagnostics[0].code == "file.spreadsheet");
}

TEST_CASE("xlsx: a UTF-16 part is decoded and read, never «the file is empty»", "[xlsx][messages]") {
  for (const char* name : {"xlsx_utf16le_sheet.xlsx", "xlsx_utf16be_sheet.xlsx", "xlsx_utf16_sheet_no_bom.xlsx"}) {
    ParsedFile f = bad(name);
    INFO(name << ": " << all_codes(f));
    CHECK(f.kind == FileKind::Arsverk);
    CHECK_FALSE(has_code(f, "file.empty"));
    CHECK(count_severity(f, Severity::Error) == 0);
    CHECK(figure(f, "3101", Category::D) == fte("0.5"));
    CHECK(figure(f, "3103", Category::A) == fte("4"));
  }
}

TEST_CASE("xlsx: a damaged part is called damaged — only a part that unpacks far beyond its size a zip bomb", "[xlsx][messages]") {
  const std::pair<const char*, const char*> cases[] = {
      {"xlsx_damaged_part_small.xlsx", "pakker ut til mer enn de oppgitte 500 byte"},
      {"xlsx_damaged_part_huge_size.xlsx", "sier at den pakker ut til 300 MB, mer enn 401 byte pakket kan gi"},
      {"xlsx_damaged_part_ratio.xlsx", "sier at den pakker ut til 5 MB"}};
  for (const auto& [name, says] : cases) {
    ParsedFile f = bad(name);
    const Diagnostic* d = find_code(f, "xlsx.corrupt");
    INFO(name << ": " << all_codes(f));
    REQUIRE(d);
    CHECK(d->nb.find(says) != std::string::npos);
    CHECK(d->nb.find("zip") == std::string::npos);
    CHECK(d->en.find("zip") == std::string::npos);
    CHECK_FALSE(has_code(f, "xlsx.too_large"));
    CHECK_FALSE(has_code(f, "file.empty"));  // the sheet broke before its first row
  }
  // Over the file's budget at an ordinary ratio: too large, no zip bomb.
  ReaderLimits small;
  small.max_xlsx_inflated_bytes = 2000;
  ParsedFile capped = read_chunked(slurp("tests/data/xlsx/arsverk_2024.xlsx"), 1 << 20, "a.xlsx", small);
  const Diagnostic* large = find_code(capped, "xlsx.too_large");
  REQUIRE(large);
  CHECK(large->nb.find("zip") == std::string::npos);
  // The real bomb still says so.
  const ParsedFile bomb_file = good("bomb.xlsx");
  const Diagnostic* bomb = find_code(bomb_file, "xlsx.too_large");
  REQUIRE(bomb);
  CHECK(bomb->nb.find("«zip-bombe»") != std::string::npos);
  CHECK(bomb->en.find("“zip bomb”") != std::string::npos);
}

TEST_CASE("xlsx: a sheet without cells is an empty sheet, not an empty file", "[xlsx][messages]") {
  ParsedFile f = bad("xlsx_empty_sheets.xlsx");
  CHECK(f.kind == FileKind::Unknown);
  CHECK_FALSE(has_code(f, "file.empty"));
  const Diagnostic* d = find_code(f, "xlsx.no_table");
  REQUIRE(d);
  CHECK(d->nb.find("(«Ark1» (tomt ark), «Ark2» (tomt ark))") != std::string::npos);
  CHECK(d->en.find("(“Ark1” (empty sheet), “Ark2” (empty sheet))") != std::string::npos);
}
