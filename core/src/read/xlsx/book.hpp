#pragma once
// The workbook-level parts of an .xlsx: which sheets there are and where, the shared strings,
// and which cell styles show dates.
#include <string>
#include <vector>

#include "cell_text.hpp"
#include "zip.hpp"

namespace arsverk::detail::xlsx {

struct SheetRef {
  std::string name;
  std::string path;          // the part in the archive, e.g. "xl/worksheets/sheet1.xml"
  bool hidden = false;       // state="hidden" or "veryHidden"
  bool worksheet = true;     // false for chart sheets and macro sheets
};

struct Workbook {
  std::vector<SheetRef> sheets;
  bool date1904 = false;
  std::vector<std::string> shared_strings;
  std::vector<DateKind> style_dates;  // per cell style (cellXfs index)
  std::vector<bool> style_percent;    // per cell style: its number format shows a percentage
};

enum class BookKind { Xlsx, Xlsb, Ods, OtherZip };
// What the archive holds, from its part names.
BookKind book_kind(const ZipArchive& zip, std::string& workbook_path);

// Reads workbook, relationships, shared strings and styles. False with `problem` when a part is
// missing or broken.
bool load_workbook(ZipArchive& zip, const std::string& workbook_path, Workbook& book, ZipProblem& problem);

// An XML part as UTF-8. Open Packaging allows UTF-16 as well (Excel reads it); such a part is
// decoded here, with or without its byte order mark.
void xml_as_utf8(std::string& xml);

// An XML part that cannot be read: the message for the user.
bool xml_problem(ZipProblem& problem, const std::string& part, const std::string& what, std::size_t offset);

class XmlReader;
// The text of the string item just started (<si>, <is>): its <t> runs, phonetic runs left out,
// at most about kMaxCellBytes. False when the XML breaks.
bool collect_string(XmlReader& x, std::string& out);

constexpr std::size_t kMaxCellBytes = 32767 * 4;  // Excel's 32 767 characters, in UTF-8

}  // namespace arsverk::detail::xlsx
