#include "workbook.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>

#include "book.hpp"
#include "messages/wording.hpp"
#include "sheet.hpp"

namespace arsverk::detail::xlsx {
namespace {

struct SheetResult {
  std::string name;
  ParsedFile file;
  std::string skipped_nb, skipped_en;  // why the sheet was not used; empty when it was
};

template <class Message>
void refuse(ReadContext& ctx, const Message& m) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(0, 0, m);
}

void refuse(ReadContext& ctx, const ZipProblem& problem) {
  std::visit([&](const auto& m) { refuse(ctx, m); }, problem);
}

void refuse_other(ReadContext& ctx, BookKind kind) {
  if (kind == BookKind::Ods) refuse(ctx, msg::FileOtherSpreadsheet{msg::OtherSpreadsheet::OpenDocument});
  else if (kind == BookKind::Xlsb) refuse(ctx, msg::FileOtherSpreadsheet{msg::OtherSpreadsheet::ExcelBinary});
  else refuse(ctx, msg::FileBinary{msg::BinaryFile::ZipArchive});
}

// What the sheets read so far have used of the file's limits, and which parts they were.
struct BookBudget {
  std::size_t values = 0;     // figures kept (ReaderLimits::max_values holds per file)
  std::size_t cells_fed = 0;  // cells handed to the table reader (kMaxBookCells)
  std::map<std::string, std::string> parts_read;  // part (lower case) → the sheet that read it

  bool spent(const ReaderLimits& limits) const {
    return values >= limits.max_values || cells_fed > kMaxBookCells;
  }
};

std::string lower_name(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

SheetResult read_one(ReadContext& ctx, ZipArchive& zip, const Workbook& book, const SheetRef& ref,
                     BookBudget& budget) {
  SheetResult result;
  result.name = ref.name;
  if (ref.hidden) {
    result.skipped_nb = "skjult ark";
    result.skipped_en = "hidden sheet";
    return result;
  }
  if (!ref.worksheet) {
    result.skipped_nb = "ikke et regneark (diagram eller makro)";
    result.skipped_en = "not a worksheet (chart or macro sheet)";
    return result;
  }
  if (budget.spent(ctx.limits)) {
    result.skipped_nb = "filens grense for antall tall eller celler var nådd";
    result.skipped_en = "the file’s limit of figures or cells had been reached";
    return result;
  }
  // Excel gives every sheet a part of its own; a part named twice is read once.
  auto [first, fresh] = budget.parts_read.emplace(lower_name(ref.path), ref.name);
  if (!fresh) {
    result.skipped_nb = "viser til samme innhold (" + ref.path + ") som arket «" + first->second + "»";
    result.skipped_en = "points to the same content (" + ref.path + ") as the sheet “" + first->second + "”";
    return result;
  }
  ReadContext sc;
  sc.name = ctx.name;
  sc.registers = ctx.registers;
  sc.limits = ctx.limits;
  sc.sheet = ref.name;
  sc.values_before = budget.values;
  sc.out.name = ctx.name;
  std::string xml;
  ZipProblem problem;
  bool empty = false;
  if (!zip.extract(*zip.find(ref.path), xml, problem)) {
    std::visit([&](const auto& m) { sc.report(0, 0, m); }, problem);
  } else {
    xml_as_utf8(xml);
    TableReader table(sc, ';');
    const std::size_t cells_before = budget.cells_fed;
    const bool whole = read_sheet(sc, book, xml, ref.path, table, budget.cells_fed);
    std::string().swap(xml);
    // No cell at all: an empty sheet, or XML that broke before its first row (which has said
    // so). The table reader would call it «the file is empty».
    empty = budget.cells_fed == cells_before;
    if (!empty) table.finish();
    empty = empty && whole;
  }
  sc.diagnostics.close_file(sc.name);
  sc.out.diagnostics = std::move(sc.diagnostics.items());
  result.file = std::move(sc.out);
  budget.values += result.file.arsverk.size() + result.file.reference.size();
  if (result.file.kind == FileKind::Unknown) {
    result.skipped_nb = empty ? "tomt ark" : "ingen tabell";
    result.skipped_en = empty ? "empty sheet" : "no table";
  }
  return result;
}

const char* kind_nb(FileKind k) {
  switch (k) {
    case FileKind::Arsverk: return "årsverk";
    case FileKind::Population: return "folkemengde";
    case FileKind::Reference: return "publiserte tall";
    default: return "ukjent";
  }
}
const char* kind_en(FileKind k) {
  switch (k) {
    case FileKind::Arsverk: return "FTEs";
    case FileKind::Population: return "population";
    case FileKind::Reference: return "published figures";
    default: return "unknown";
  }
}

// Adds a sheet's figures to the file's.
void merge_into(ReadContext& ctx, SheetResult& s) {
  ParsedFile& out = ctx.out;
  ParsedFile& f = s.file;
  out.rows += f.rows;
  out.has_target_group = out.has_target_group || f.has_target_group;
  out.has_service = out.has_service || f.has_service;
  const auto sheet = static_cast<uint16_t>(out.sheets.size());
  out.sheets.push_back(s.name);
  for (ArsverkValue& v : f.arsverk) v.sheet = sheet;
  for (ReferenceRate& r : f.reference) r.sheet = sheet;
  for (SumLabel& l : f.sum_labels) l.sheet = sheet;
  out.skipped_rows.insert(out.skipped_rows.end(), f.skipped_rows.begin(), f.skipped_rows.end());
  out.arsverk.insert(out.arsverk.end(), std::make_move_iterator(f.arsverk.begin()),
                     std::make_move_iterator(f.arsverk.end()));
  out.reference.insert(out.reference.end(), std::make_move_iterator(f.reference.begin()),
                       std::make_move_iterator(f.reference.end()));
  out.sum_labels.insert(out.sum_labels.end(), std::make_move_iterator(f.sum_labels.begin()),
                        std::make_move_iterator(f.sum_labels.end()));
  std::vector<ArsverkValue>().swap(f.arsverk);
  std::vector<ReferenceRate>().swap(f.reference);
  std::vector<SumLabel>().swap(f.sum_labels);
  bool duplicate = false;
  for (const auto& [key, value] : f.population) {
    if (!out.population.emplace(key, value).second) duplicate = true;
    else out.population_line[key] = f.population_line[key];
  }
  for (auto& d : f.diagnostics) ctx.diagnostics.items().push_back(std::move(d));
  if (duplicate) {
    std::string saved = ctx.sheet;
    ctx.sheet = s.name;
    ctx.report(0, 0, msg::XlsxPopulationInTwoSheets{});
    ctx.sheet = saved;
  }
}

}  // namespace

bool looks_like_zip(std::string_view head) {
  return head.size() >= 4 && (std::memcmp(head.data(), "PK\x03\x04", 4) == 0 ||
                              std::memcmp(head.data(), "PK\x05\x06", 4) == 0);
}

void read_zip(ReadContext& ctx, std::string_view bytes) {
  ctx.out.encoding.clear();
  ctx.out.delimiter.clear();
  ZipArchive zip(bytes, ZipLimits{ctx.limits.max_xlsx_inflated_bytes});
  ZipProblem problem;
  if (!zip.open(problem)) {
    // Without its index, the names of the first parts tell what the archive was meant to be.
    std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.find("opendocument.spreadsheet") != std::string_view::npos) return refuse_other(ctx, BookKind::Ods);
    if (head.find("xl/") == std::string_view::npos && head.find("[Content_Types].xml") == std::string_view::npos)
      return refuse_other(ctx, BookKind::OtherZip);
    return refuse(ctx, problem);
  }
  std::string path;
  BookKind kind = book_kind(zip, path);
  if (kind != BookKind::Xlsx) return refuse_other(ctx, kind);
  ctx.out.format = "xlsx";
  Workbook book;
  if (!load_workbook(zip, path, book, problem)) return refuse(ctx, problem);

  std::vector<SheetResult> sheets;
  BookBudget budget;
  for (const auto& ref : book.sheets) {
    if (!ref.hidden && ref.worksheet && !zip.find(ref.path)) {
      return refuse(ctx, msg::XlsxMissingSheet{ref.name, ref.path});
    }
    sheets.push_back(read_one(ctx, zip, book, ref, budget));
  }

  FileKind kind_read = FileKind::Unknown;
  std::vector<std::string> read_nb, read_en, skipped_nb, skipped_en;
  for (auto& s : sheets) {
    if (s.skipped_nb.empty() && kind_read == FileKind::Unknown) kind_read = s.file.kind;
    if (s.skipped_nb.empty() && s.file.kind != kind_read) {
      s.skipped_nb = std::string("har ") + kind_nb(s.file.kind) + "; lagre det som egen fil";
      s.skipped_en = std::string("holds ") + kind_en(s.file.kind) + "; save it as a file of its own";
    }
    if (!s.skipped_nb.empty()) {
      skipped_nb.push_back("«" + s.name + "» (" + s.skipped_nb + ")");
      skipped_en.push_back("“" + s.name + "” (" + s.skipped_en + ")");
      continue;
    }
    read_nb.push_back("«" + s.name + "»");
    read_en.push_back("“" + s.name + "”");
    merge_into(ctx, s);
  }

  if (kind_read == FileKind::Unknown) {
    // No sheet held a table: every sheet's own messages say why.
    for (auto& s : sheets)
      for (auto& d : s.file.diagnostics) ctx.diagnostics.items().push_back(std::move(d));
    return refuse(ctx, msg::XlsxNoTable{!book.sheets.empty(), {skipped_nb, skipped_en}});
  }
  ctx.out.kind = kind_read;
  ctx.report(0, 0, msg::XlsxSheets{{read_nb, read_en}, {skipped_nb, skipped_en}});
  auto& items = ctx.diagnostics.items();
  std::rotate(items.begin(), items.end() - 1, items.end());  // the overview first
}

}  // namespace arsverk::detail::xlsx
