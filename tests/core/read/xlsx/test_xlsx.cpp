// .xlsx in: the DEFLATE decoder, the ZIP container, cell text as Excel shows it, and whole
// workbooks through FileReader and Session (fixtures: scripts/make-xlsx-fixtures.py).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>

#include "../../test_reader_util.hpp"
#include <set>
#include "arsverk/session.hpp"
#include "read/xlsx/cell_text.hpp"
#include "read/xlsx/inflate.hpp"
#include "read/xlsx/zip.hpp"

using namespace arsverk;
using namespace reader_test;
namespace xl = arsverk::detail::xlsx;
using json = nlohmann::json;

namespace {

std::string fixture(const std::string& name) { return slurp("tests/data/xlsx/" + name); }

void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A ZIP of stored (uncompressed) entries, for hand-made hostile workbooks.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size()), crc = xl::crc32(data);
    auto header = [&](std::string& s, bool central) {
      put32(s, central ? 0x02014b50 : 0x04034b50);
      if (central) put16(s, 20);
      put16(s, 20);
      put16(s, 0);
      put16(s, 0);
      put32(s, 0);
      put32(s, crc);
      put32(s, static_cast<uint32_t>(data.size()));
      put32(s, static_cast<uint32_t>(data.size()));
      put16(s, static_cast<uint32_t>(name.size()));
      put16(s, 0);
      if (central) {
        put16(s, 0);
        put16(s, 0);
        put16(s, 0);
        put32(s, 0);
        put32(s, offset);
      }
      s += name;
    };
    header(out, false);
    out += data;
    header(dir, true);
  }
  uint32_t dir_offset = static_cast<uint32_t>(out.size());
  out += dir;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size()));
  put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(dir.size()));
  put32(out, dir_offset);
  put16(out, 0);
  return out;
}

// A one-sheet workbook around the given sheet XML (cells with inline strings and numbers).
std::string workbook(const std::string& sheet_xml, const std::string& shared = "") {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string rels = "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel +
                     "worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", "<workbook><sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/worksheets/sheet1.xml", sheet_xml}};
  if (!shared.empty()) {
    rels += "<Relationship Id=\"rId2\" Type=\"" + rel + "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    parts.push_back({"xl/sharedStrings.xml", shared});
  }
  parts.push_back({"xl/_rels/workbook.xml.rels", rels + "</Relationships>"});
  return stored_zip(parts);
}

std::string row(int r, const std::vector<std::string>& cells) {
  std::string s = "<row r=\"" + std::to_string(r) + "\">";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string ref = xl::column_letters(static_cast<int>(i) + 1) + std::to_string(r);
    const std::string& v = cells[i];
    bool number = !v.empty() && v.find_first_not_of("0123456789.-E") == std::string::npos;
    s += number ? "<c r=\"" + ref + "\"><v>" + v + "</v></c>"
                : "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + v + "</t></is></c>";
  }
  return s + "</row>";
}

const std::string kHeader = row(1, {"kommunenummer", "år", "a", "b", "c", "d", "e"});

std::string sheet(const std::string& rows) {
  return "<worksheet><sheetData>" + rows + "</sheetData></worksheet>";
}

const Diagnostic* find_in(const ParsedFile& f, const std::string& code) { return find_code(f, code); }

}  // namespace

// --- DEFLATE ----------------------------------------------------------------------------------

TEST_CASE("inflate: zlib's stored, fixed and dynamic streams give back the text", "[xlsx][inflate]") {
  const std::string text = fixture("text.txt");
  REQUIRE(text.size() > 20000);
  for (const char* name : {"text.deflate0", "text.deflate1", "text.deflate6", "text.deflate9", "text.fixed"}) {
    INFO(name);
    std::string out;
    CHECK(xl::inflate(fixture(name), out, text.size()) == xl::InflateStatus::Ok);
    CHECK(out == text);
  }
}

TEST_CASE("inflate: caps, truncation, bad blocks and random damage never overrun", "[xlsx][inflate]") {
  const std::string text = fixture("text.txt");
  const std::string packed = fixture("text.deflate6");
  std::string out;
  CHECK(xl::inflate(packed, out, text.size() - 1) == xl::InflateStatus::TooLarge);
  CHECK(out.size() <= text.size() - 1);
  for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{2}, packed.size() / 3, packed.size() - 1}) {
    INFO(cut);
    out.clear();
    CHECK(xl::inflate(packed.substr(0, cut), out, 1 << 20) == xl::InflateStatus::Corrupt);
  }
  out.clear();
  CHECK(xl::inflate(std::string("\x07", 1), out, 100) == xl::InflateStatus::Corrupt);  // block type 3
  out.clear();  // stored block whose NLEN is not the complement of LEN
  CHECK(xl::inflate(std::string("\x01\x05\x00\x05\x00hello", 10), out, 100) == xl::InflateStatus::Corrupt);
  out.clear();
  CHECK(xl::inflate(std::string("\x01\x05\x00\xFA\xFFhello", 10), out, 100) == xl::InflateStatus::Ok);
  CHECK(out == "hello");
  std::mt19937 rng(2026);
  for (int i = 0; i < 300; ++i) {
    std::string damaged = packed;
    for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] ^= static_cast<char>(1 << (rng() % 8));
    out.clear();
    auto status = xl::inflate(damaged, out, text.size() * 2);
    CHECK(out.size() <= text.size() * 2);
    if (status == xl::InflateStatus::Ok) CHECK(out.size() > 0);
  }
}

// --- Cells ------------------------------------------------------------------------------------

TEST_CASE("numbers read as Excel shows them: 15 significant digits, decimal comma", "[xlsx][cell]") {
  CHECK(xl::number_text("24.350000000000001") == "24,35");
  CHECK(xl::number_text("0.30000000000000004") == "0,3");
  CHECK(xl::number_text("33.333333333333336") == "33,3333333333333");
  CHECK(xl::number_text("2024") == "2024");
  CHECK(xl::number_text("1E-3") == "0,001");
  CHECK(xl::number_text("-12.5") == "-12,5");
  CHECK(xl::number_text("123456789012345678") == "123456789012346000");
  CHECK(xl::number_text("0") == "0");
  CHECK(xl::number_text("-0") == "0");
  CHECK(xl::number_text("0.059999999999999998") == "0,06");
  CHECK(xl::number_text("007.50") == "7,5");
  CHECK(xl::number_text(".5") == "0,5");
  CHECK(xl::number_text("0.000123456789012345") == "0,000123456789012345");
  CHECK(xl::number_text("1234567890.123456") == "1234567890,12346");
  CHECK(xl::number_text("-0.0") == "0");
  CHECK(xl::number_text("abc").empty());
  CHECK(xl::number_text("1.2.3").empty());
  CHECK(xl::number_text("9.9999999999999995") == "10");
  CHECK(xl::number_text("0.12345678901234549") == "0,123456789012345");
  // Cut-off digits exactly "5": the stored double (just below the half) decides, as in Excel.
  CHECK(xl::number_text("0.1234567890123455") == "0,123456789012345");
  CHECK(xl::number_text("2.5E+20") == "250000000000000000000");
  CHECK(xl::number_text("1e999").empty());
}

TEST_CASE("date formats are told from number formats — serials become dates", "[xlsx][cell]") {
  CHECK(xl::date_kind(14, "") == xl::DateKind::Date);
  CHECK(xl::date_kind(22, "") == xl::DateKind::DateTime);
  CHECK(xl::date_kind(20, "") == xl::DateKind::Time);
  CHECK(xl::date_kind(2, "") == xl::DateKind::None);
  CHECK(xl::date_kind(164, "0.0##") == xl::DateKind::None);
  CHECK(xl::date_kind(164, "[Red]# ##0.00;[Blue]-0.00") == xl::DateKind::None);
  CHECK(xl::date_kind(164, "\"dag \"0") == xl::DateKind::None);
  CHECK(xl::date_kind(164, "[$-414]d\\.\\ mmmm\\ yyyy") == xl::DateKind::Date);
  CHECK(xl::date_kind(165, "dd/mm/yyyy\\ hh:mm") == xl::DateKind::DateTime);
  CHECK(xl::date_kind(166, "[h]:mm") == xl::DateKind::Time);
  CHECK(xl::date_text("45352", xl::DateKind::Date, false) == "01.03.2024");
  CHECK(xl::date_text("45352.5", xl::DateKind::DateTime, false) == "01.03.2024 12:00");
  CHECK(xl::date_text("0.75", xl::DateKind::Time, false) == "18:00");
  CHECK(xl::date_text("1", xl::DateKind::Date, false) == "01.01.1900");
  CHECK(xl::date_text("60", xl::DateKind::Date, false) == "29.02.1900");
  CHECK(xl::date_text("61", xl::DateKind::Date, false) == "01.03.1900");
  CHECK(xl::date_text("0", xl::DateKind::Date, true) == "01.01.1904");
  CHECK(xl::date_text("-1", xl::DateKind::Date, false) == "#####");
}

TEST_CASE("cell references and message prefixes", "[xlsx][cell]") {
  int64_t r = 0;
  int c = 0;
  CHECK(xl::parse_cell_ref("C7", r, c));
  CHECK((r == 7 && c == 3));
  CHECK(xl::parse_cell_ref("$XFD$1048576", r, c));
  CHECK((r == 1048576 && c == 16384));
  CHECK_FALSE(xl::parse_cell_ref("XFE1", r, c));
  CHECK_FALSE(xl::parse_cell_ref("A0", r, c));
  CHECK_FALSE(xl::parse_cell_ref("7C", r, c));
  CHECK(xl::column_letters(28) == "AB");
  CHECK(place_in_file("Ark1", 7, 3, Lang::Nb) == "Ark1!C7");
  CHECK(place_in_file("Årsverk", 7, 3, Lang::Nb) == "Årsverk!C7");
  CHECK(place_in_file("Ark 2", 7, 3, Lang::En) == "'Ark 2'!C7");
  CHECK(place_in_file("Kari's", 7, 3, Lang::En) == "'Kari''s'!C7");
  CHECK(place_in_file("Ark1", 5, 0, Lang::Nb) == "Ark1, rad 5");
  CHECK(place_in_file("Ark1", 0, 0, Lang::En) == "Sheet Ark1");
}

TEST_CASE("crc32 is the ZIP checksum", "[xlsx][zip]") {
  CHECK(xl::crc32("123456789") == 0xCBF43926u);
  CHECK(xl::crc32("") == 0u);
  CHECK(xl::crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

// --- Workbooks --------------------------------------------------------------------------------

TEST_CASE("an .xlsx and the CSV Excel saves from the same sheet give identical results", "[xlsx]") {
  Session from_xlsx, from_csv;
  from_xlsx.add_file("arsverk.xlsx", fixture("arsverk_2024.xlsx"));
  from_csv.add_file("arsverk.csv", fixture("arsverk_2024.csv"));
  for (Lang lang : {Lang::Nb, Lang::En}) {
    Settings s;
    s.lang = lang;
    json a = json::parse(from_xlsx.report_json(s)), b = json::parse(from_csv.report_json(s));
    for (const char* key : {"results", "years", "population", "excluded", "settings"}) {
      INFO(key);
      CHECK(a[key] == b[key]);
    }
    CHECK(a["files"][0]["format"] == "xlsx");
    CHECK(a["files"][0]["rows"] == b["files"][0]["rows"]);
    CHECK(a["files"][0]["kind"] == b["files"][0]["kind"]);
    // Same messages at the same rows and columns; the .xlsx adds which sheets it read.
    std::vector<json> da, db;
    for (const auto& d : a["diagnostics"])
      if (d["code"] != "xlsx.sheets") da.push_back({d["code"], d["place"]["line"], d["place"]["column"], d["severity"]});
    for (const auto& d : b["diagnostics"]) db.push_back({d["code"], d["place"]["line"], d["place"]["column"], d["severity"]});
    CHECK(da == db);
    CHECK(a["diagnostics"][0]["code"] == "xlsx.sheets");
  }
  CHECK(from_xlsx.report_csv({}, Lang::Nb) == from_csv.report_csv({}, Lang::Nb));
}

TEST_CASE("xlsx: 24.350000000000001 is 24,35 exactly, stored with a data descriptor", "[xlsx]") {
  ParsedFile f = read(fixture("arsverk_2024.xlsx"), "a.xlsx");
  REQUIRE(f.kind == FileKind::Arsverk);
  bool found = false;
  for (const auto& v : f.arsverk)
    if (v.unit == "3101" && v.group == TargetGroup::Adults && v.category == Category::A) {
      CHECK(v.value == Fixed::from_micro(24'350'000));
      CHECK(v.line == 4);
      found = true;
    }
  CHECK(found);
  CHECK(read_chunked(fixture("arsverk_2024.xlsx"), 7, "a.xlsx").arsverk.size() == f.arsverk.size());
}

TEST_CASE("xlsx: messages name sheet and cell — dates are not numbers", "[xlsx]") {
  ParsedFile f = read(fixture("features.xlsx"), "f.xlsx");
  REQUIRE(f.kind == FileKind::Arsverk);
  std::vector<const Diagnostic*> bad;
  for (const auto& d : f.diagnostics)
    if (d.code == "number.not_a_number") bad.push_back(&d);
  REQUIRE(bad.size() == 4);
  CHECK(bad[0]->sheet == "Ark1");
  CHECK((bad[0]->line == 4 && bad[0]->column == 4));
  CHECK(bad[0]->text(Lang::Nb).rfind("Ark1!D4: «01.03.2024»", 0) == 0);
  CHECK(bad[0]->text(Lang::En).rfind("Ark1!D4: ", 0) == 0);
  CHECK(bad[1]->text(Lang::Nb).rfind("Ark1!F6: «tolv»", 0) == 0);
  CHECK(bad[2]->text(Lang::Nb).rfind("Ark1!D7: «01.03.2024 12:00»", 0) == 0);
  CHECK(bad[3]->text(Lang::Nb).rfind("'Ark 2'!F2: «x»", 0) == 0);
  CHECK(bad[3]->sheet == "Ark 2");
  Session s;
  s.add_file("f.xlsx", fixture("features.xlsx"));
  bool sheet_in_json = false;
  const json doc = json::parse(s.report_json({}));
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "number.not_a_number" && d["place"]["sheet"] == "Ark1" && d["place"]["line"] == 4 &&
        d["place"]["column"] == 4 && d["place"]["cell"] == "D4")
      sheet_in_json = true;
  CHECK(sheet_in_json);
}

TEST_CASE("xlsx: merged header cells, hidden rows, several sheets", "[xlsx]") {
  ParsedFile f = read(fixture("features.xlsx"), "f.xlsx");
  REQUIRE(f.kind == FileKind::Arsverk);
  std::set<std::string> units;
  for (const auto& v : f.arsverk) {
    units.insert(v.unit);
    CHECK(v.value != Fixed::from_micro(999'000'000));  // the hidden row
  }
  // 3101 from Ark1 under the merged header (kommunenummer in A1:A2), 3107 from 'Ark 2'.
  CHECK(units == std::set<std::string>{"3101"});
  const Diagnostic* hidden = find_in(f, "xlsx.hidden_rows");
  REQUIRE(hidden);
  CHECK(hidden->severity == Severity::Warning);
  CHECK(hidden->line == 5);
  CHECK(hidden->text(Lang::Nb).rfind("Ark1, rad 5: 1 skjult rad med innhold er ikke lest (rad 5)", 0) == 0);
  CHECK(hidden->text(Lang::En).rfind("Ark1, row 5: 1 hidden row with content was not read (row 5)", 0) == 0);
  const Diagnostic* sheets = find_in(f, "xlsx.sheets");
  REQUIRE(sheets);
  CHECK(sheets->text(Lang::Nb).find("lest arkene «Ark1», «Ark 2»") != std::string::npos);
  CHECK(sheets->text(Lang::Nb).find("«Befolkning» (har folkemengde") != std::string::npos);
  CHECK(sheets->text(Lang::Nb).find("«Oppslag» (skjult ark)") != std::string::npos);
  CHECK(sheets->text(Lang::En).find("“Notater” (no table)") != std::string::npos);
  CHECK(f.diagnostics.front().code == "xlsx.sheets");

  // A merged label across columns fills each of them; a merged number is not copied.
  std::string xml = "<worksheet><sheetData>" + row(1, {"kommunenummer", "år", "målgruppe", "a", "b", "c", "d", "e"}) +
                    row(2, {"3101", "2024", "voksne", "1", "1", "1", "1", "7"}) +
                    "<row r=\"3\"><c r=\"A3\"><v>3103</v></c><c r=\"B3\"><v>2024</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>voksne</t></is></c><c r=\"D3\"><v>4</v></c></row>" +
                    "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"D3:H3\"/><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>";
  ParsedFile m = read(workbook(xml), "m.xlsx");
  int values_3103 = 0;
  for (const auto& v : m.arsverk) values_3103 += v.unit == "3103";
  CHECK(values_3103 == 1);

  // Several hidden rows: counted, listed, plural; an empty hidden row is not counted.
  std::string hidden_rows = kHeader + row(2, {"3101", "2024", "1", "1", "1", "1", "1"});
  for (int r : {3, 4}) {
    std::string visible = row(r, {"3103", "2024", "2", "2", "2", "2", "2"});
    hidden_rows += visible.replace(visible.find('>'), 1, " hidden=\"1\">");
  }
  hidden_rows += "<row r=\"5\" hidden=\"1\"/>";
  ParsedFile h = read(workbook(sheet(hidden_rows)), "h.xlsx");
  const Diagnostic* several = find_in(h, "xlsx.hidden_rows");
  REQUIRE(several);
  CHECK(several->text(Lang::Nb) == "Ark1, rad 3: 2 skjulte rader med innhold er ikke lest (rad 3, 4). Skal de være med, vis "
                       "dem i Excel (merk radene rundt, høyreklikk → Vis) og lagre på nytt.");
  CHECK(several->text(Lang::En).rfind("Ark1, row 3: 2 hidden rows with content were not read (rows 3, 4).", 0) == 0);
  CHECK(h.arsverk.size() == 5);
}

TEST_CASE("xlsx: the same figures however the bytes are chunked", "[xlsx]") {
  const std::string bytes = fixture("features.xlsx");
  ParsedFile whole = read(bytes, "f.xlsx");
  for (std::size_t chunk : {1, 3, 64, 4096}) {
    ParsedFile part = read_chunked(bytes, chunk, "f.xlsx");
    CHECK(::dump(part) == ::dump(whole));
  }
}

TEST_CASE("xlsx: other spreadsheets and archives get a clear message", "[xlsx][errors]") {
  ParsedFile ods = read(fixture("calc.ods"), "c.ods");
  REQUIRE(ods.diagnostics.size() == 1);
  CHECK(ods.diagnostics[0].code == "file.spreadsheet");
  CHECK(ods.diagnostics[0].text(Lang::Nb).find(".ods") != std::string::npos);
  CHECK(ods.diagnostics[0].text(Lang::En).find("CSV") != std::string::npos);
  ParsedFile zip = read(stored_zip({{"data/report.csv", "a;b\n"}}), "x.zip");
  REQUIRE(zip.diagnostics.size() == 1);
  CHECK(zip.diagnostics[0].code == "file.binary");
  ParsedFile xlsb = read(stored_zip({{"xl/workbook.bin", "\x83\x01"}}), "x.xlsb");
  CHECK(xlsb.diagnostics.at(0).code == "file.spreadsheet");
  ParsedFile xls = read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "x.xls");
  CHECK(xls.diagnostics.at(0).code == "file.spreadsheet");
}

TEST_CASE("xlsx: zip bombs, caps, damage, encryption and ZIP64 are refused by name", "[xlsx][errors]") {
  ParsedFile bomb = read(fixture("bomb.xlsx"), "b.xlsx");
  CHECK(bomb.kind == FileKind::Unknown);
  const Diagnostic* big = find_in(bomb, "xlsx.too_large");
  REQUIRE(big);
  CHECK(big->text(Lang::Nb).find("zip-bombe") != std::string::npos);
  CHECK(big->text(Lang::Nb).find("Arket Ark1: ") == 0);

  const std::string good = fixture("arsverk_2024.xlsx");
  ReaderLimits small;
  small.max_xlsx_inflated_bytes = 2000;
  CHECK(has_code(read_chunked(good, 1 << 20, "a.xlsx", small), "xlsx.too_large"));
  small = {};
  small.max_xlsx_bytes = 1000;
  ParsedFile capped = read_chunked(good, 100, "a.xlsx", small);
  REQUIRE(capped.diagnostics.size() == 1);
  CHECK(capped.diagnostics[0].code == "xlsx.too_large");

  for (std::size_t cut : {good.size() / 2, good.size() - 10, good.size() - 30}) {
    ParsedFile f = read(good.substr(0, cut), "a.xlsx");
    INFO(cut << " " << all_codes(f));
    CHECK(f.kind == FileKind::Unknown);
    CHECK(has_code(f, "xlsx.corrupt"));
  }
  // Central directory: the first entry's flags (encryption bit) and the end record's count.
  std::size_t dir = good.find(std::string("PK\x01\x02", 4));
  std::string encrypted = good;
  encrypted[dir + 8] = static_cast<char>(encrypted[dir + 8] | 1);
  CHECK(has_code(read(encrypted, "e.xlsx"), "xlsx.encrypted"));
  std::string zip64 = good;
  std::size_t end = zip64.rfind(std::string("PK\x05\x06", 4));
  zip64[end + 10] = zip64[end + 11] = '\xFF';
  CHECK(has_code(read(zip64, "z.xlsx"), "xlsx.zip64"));
  std::string damaged = good;  // a byte of the sheet's packed data: checksum or inflate fails
  std::size_t part = damaged.find("xl/worksheets/sheet1.xml");
  damaged[part + 80] = static_cast<char>(damaged[part + 80] ^ 0x55);
  ParsedFile d = read(damaged, "d.xlsx");
  CHECK(d.kind == FileKind::Unknown);
  CHECK(has_code(d, "xlsx.corrupt"));
}

TEST_CASE("xlsx: hostile XML is refused with a message, never a crash", "[xlsx][errors]") {
  std::string deep = "<worksheet><sheetData>";
  for (int i = 0; i < 200; ++i) deep += "<x>";
  ParsedFile f = read(workbook(deep), "deep.xlsx");
  CHECK(f.kind == FileKind::Unknown);
  const Diagnostic* corrupt = find_in(f, "xlsx.corrupt");
  REQUIRE(corrupt);
  CHECK(corrupt->text(Lang::En).find("nested too deeply") != std::string::npos);

  f = read(workbook("<!DOCTYPE lol [<!ENTITY a \"aaaa\">]><worksheet/>"), "dtd.xlsx");
  REQUIRE(find_in(f, "xlsx.corrupt"));
  CHECK(find_in(f, "xlsx.corrupt")->en.find("DOCTYPE") != std::string::npos);

  std::string huge(40000 * 4, 'x');
  f = read(workbook(sheet(kHeader + row(2, {"3101", "2024", huge, "1", "1", "1", "1"}))), "long.xlsx");
  const Diagnostic* too_long = find_in(f, "xlsx.cell_too_long");
  REQUIRE(too_long);
  CHECK(too_long->text(Lang::Nb).rfind("Ark1!C2: ", 0) == 0);

  // A cell far out makes the row too wide for the table reader, without building 16 384 cells.
  f = read(workbook(sheet(kHeader + row(2, {"3101", "2024", "1", "1", "1", "1", "1"}) +
                          "<row r=\"3\"><c r=\"A3\"><v>3103</v></c><c r=\"XFD3\"><v>1</v></c></row>")), "wide.xlsx");
  const Diagnostic* wide = find_in(f, "csv.too_many_columns");
  REQUIRE(wide);
  CHECK(wide->text(Lang::Nb).rfind("Ark1, rad 3: ", 0) == 0);
  CHECK(f.arsverk.size() == 5);

  f = read(workbook(sheet(kHeader + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>"), "<sst><si><t>x</t></si></sst>"), "s.xlsx");
  const Diagnostic* bad_index = find_in(f, "xlsx.bad_shared_string");
  REQUIRE(bad_index);
  CHECK(bad_index->text(Lang::Nb).rfind("Ark1!A2: ", 0) == 0);

  f = read(workbook(sheet(kHeader + row(3, {"3101", "2024", "1", "1", "1", "1", "1"}) + row(2, {"3103"}))), "order.xlsx");
  CHECK(has_code(f, "xlsx.corrupt"));
  CHECK(f.arsverk.size() == 5);  // the rows before the break were read

  f = read(workbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a &amp; b &#248; &#x2013; &bogus;</t></is></c></row>")), "e.xlsx");
  CHECK(f.kind == FileKind::Unknown);
  CHECK(has_code(f, "xlsx.no_table"));
}
