// The .xlsx path. The first byte picks what the rest is:
//   0 — a raw DEFLATE stream for the decoder: it must stop at its output cap and never read or
//       write out of bounds, whatever the bits;
//   1 — a whole file through FileReader (ZIP directory, entries, workbook), whole and chunked;
//   2 — the XML of sheet 1, wrapped in a valid stored workbook with shared strings and styles,
//       so the mutations reach the XML parser and the cell reader rather than the ZIP checks.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "read/xlsx/inflate.hpp"
#include "read/xlsx/zip.hpp"

namespace {

void put(std::string& s, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint32_t crc = arsverk::detail::xlsx::crc32(data), size = static_cast<uint32_t>(data.size());
    put(out, 0x04034b50, 4); put(out, 20, 2); put(out, 0, 2); put(out, 0, 2); put(out, 0, 4);
    put(out, crc, 4); put(out, size, 4); put(out, size, 4); put(out, static_cast<uint32_t>(name.size()), 2);
    put(out, 0, 2); out += name; out += data;
    put(dir, 0x02014b50, 4); put(dir, 20, 2); put(dir, 20, 2); put(dir, 0, 2); put(dir, 0, 2);
    put(dir, 0, 4); put(dir, crc, 4); put(dir, size, 4); put(dir, size, 4);
    put(dir, static_cast<uint32_t>(name.size()), 2); put(dir, 0, 2); put(dir, 0, 2); put(dir, 0, 2);
    put(dir, 0, 2); put(dir, 0, 4); put(dir, offset, 4); dir += name;
  }
  uint32_t dir_offset = static_cast<uint32_t>(out.size());
  out += dir;
  put(out, 0x06054b50, 4); put(out, 0, 4);
  put(out, static_cast<uint32_t>(entries.size()), 2); put(out, static_cast<uint32_t>(entries.size()), 2);
  put(out, static_cast<uint32_t>(dir.size()), 4); put(out, dir_offset, 4); put(out, 0, 2);
  return out;
}

std::string workbook_around(std::string sheet_xml) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return stored_zip({
      {"xl/workbook.xml", "<workbook><workbookPr date1904=\"0\"/><sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "sharedStrings\" Target=\"sharedStrings.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/sharedStrings.xml", "<sst><si><t>kommunenummer</t></si><si><t>år</t></si><si><r><t>a</t></r><rPh><t>x</t></rPh></si><si><t>voksne</t></si></sst>"},
      {"xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
      {"xl/worksheets/sheet1.xml", std::move(sheet_xml)},
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      constexpr std::size_t kCap = 1 << 20;
      std::string out;
      arsverk::detail::xlsx::inflate(rest, out, kCap);
      if (out.size() > kCap) fuzz::fail("inflate wrote past its cap");
      break;
    }
    case 1:
      fuzz::read_differential(rest, "fuzz.xlsx");
      break;
    default:
      fuzz::read_differential(workbook_around(std::string(rest)), "fuzz.xlsx");
      break;
  }
  return 0;
}
