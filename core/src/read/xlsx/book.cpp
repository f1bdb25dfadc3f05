#include "book.hpp"

#include "../text.hpp"
#include "xml.hpp"

namespace arsverk::detail::xlsx {
namespace {

constexpr std::size_t kMaxSharedStrings = 4u << 20;  // 4 M distinct texts (empty ones cost 32 bytes each)

struct Relationship {
  std::string id, type, target;
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// A relationship target relative to `base` ("worksheets/sheet1.xml", "../x.xml", "/xl/x.xml").
std::string resolve(const std::string& base, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool extract_part(ZipArchive& zip, const std::string& path, std::string& out, ZipProblem& problem) {
  const ZipEntry* e = zip.find(path);
  if (!e) {
    problem = msg::XlsxMissingPart{path};
    return false;
  }
  if (!zip.extract(*e, out, problem)) return false;
  xml_as_utf8(out);
  return true;
}

bool read_relationships(ZipArchive& zip, const std::string& path, std::vector<Relationship>& rels,
                        ZipProblem& problem) {
  std::string xml;
  if (!extract_part(zip, path, xml, problem)) return false;
  XmlReader x(xml);
  for (;;) {
    auto ev = x.next();
    if (ev == XmlReader::Event::Eof) return true;
    if (ev == XmlReader::Event::Error) return xml_problem(problem, path, x.error(), x.offset());
    if (ev == XmlReader::Event::Start && x.name() == "Relationship")
      rels.push_back({xml_decode(x.attr("Id")), xml_decode(x.attr("Type")), xml_decode(x.attr("Target"))});
  }
}

const Relationship* by_type(const std::vector<Relationship>& rels, std::string_view type_tail) {
  for (const auto& r : rels)
    if (ends_with(r.type, type_tail)) return &r;
  return nullptr;
}

bool read_sheet_list(const std::string& xml, const std::string& path, Workbook& book, ZipProblem& problem) {
  XmlReader x(xml);
  std::vector<std::string> ids;
  for (;;) {
    auto ev = x.next();
    if (ev == XmlReader::Event::Eof) return true;
    if (ev == XmlReader::Event::Error) return xml_problem(problem, path, x.error(), x.offset());
    if (ev != XmlReader::Event::Start) continue;
    if (x.name() == "workbookPr") {
      std::string_view v = x.attr("date1904");
      book.date1904 = v == "1" || v == "true";
    } else if (x.name() == "sheet") {
      SheetRef s;
      s.name = xml_decode(x.attr("name"));
      std::string_view state = x.attr("state");
      s.hidden = state == "hidden" || state == "veryHidden";
      s.path = xml_decode(x.attr("id"));  // the relationship id until resolved
      book.sheets.push_back(std::move(s));
    }
  }
}

bool read_shared_strings(const std::string& xml, const std::string& path, Workbook& book, ZipProblem& problem);
bool read_styles(const std::string& xml, const std::string& path, Workbook& book, ZipProblem& problem);

}  // namespace

void xml_as_utf8(std::string& xml) {
  bool bom = false;
  const std::optional<bool> big = utf16_big_endian(xml, bom);
  if (!big) return;
  Utf16Decoder decoder(*big);
  std::string text;
  decoder.decode(std::string_view(xml).substr(bom ? 2 : 0), text);
  decoder.finish(text);
  xml.swap(text);
}

bool xml_problem(ZipProblem& problem, const std::string& part, const std::string& what, std::size_t offset) {
  problem = msg::XlsxBadXml{part, what, offset};
  return false;
}

BookKind book_kind(const ZipArchive& zip, std::string& workbook_path) {
  workbook_path = "xl/workbook.xml";
  if (zip.find(workbook_path)) return BookKind::Xlsx;
  if (zip.find("xl/workbook.bin")) return BookKind::Xlsb;
  if (zip.find("content.xml") && zip.find("mimetype")) return BookKind::Ods;
  return BookKind::OtherZip;
}

bool load_workbook(ZipArchive& zip, const std::string& path, Workbook& book, ZipProblem& problem) {
  std::string xml;
  if (!extract_part(zip, path, xml, problem) || !read_sheet_list(xml, path, book, problem)) return false;
  std::string dir = directory_of(path);
  std::vector<Relationship> rels;
  std::string rels_path = dir + "_rels/" + path.substr(dir.size()) + ".rels";
  if (!book.sheets.empty() && !read_relationships(zip, rels_path, rels, problem)) return false;
  for (auto& s : book.sheets) {
    const Relationship* r = nullptr;
    for (const auto& rel : rels)
      if (rel.id == s.path) r = &rel;
    if (!r) {
      problem = msg::XlsxSheetWithoutPath{s.name};
      return false;
    }
    s.path = resolve(dir, r->target);
    s.worksheet = ends_with(r->type, "/worksheet");
  }
  if (const Relationship* r = by_type(rels, "/sharedStrings")) {
    std::string p = resolve(dir, r->target);
    if (!extract_part(zip, p, xml, problem) || !read_shared_strings(xml, p, book, problem)) return false;
  }
  if (const Relationship* r = by_type(rels, "/styles")) {
    std::string p = resolve(dir, r->target);
    if (!extract_part(zip, p, xml, problem) || !read_styles(xml, p, book, problem)) return false;
  }
  return true;
}

// Text of a string item (<si>, <is>): its <t> runs, without phonetic runs (<rPh>).
bool collect_string(XmlReader& x, std::string& out) {
  int depth = x.depth();
  bool in_t = false;
  for (;;) {
    auto ev = x.next();
    if (ev == XmlReader::Event::Error || ev == XmlReader::Event::Eof) return false;
    if (ev == XmlReader::Event::End) {
      if (x.depth() < depth) return true;
      if (x.name() == "t") in_t = false;
    } else if (ev == XmlReader::Event::Start) {
      if (x.name() == "rPh" && !x.skip_element()) return false;
      if (x.name() == "t") in_t = true;
    } else if (in_t && out.size() <= kMaxCellBytes) {
      out += x.text();
    }
  }
}

namespace {

bool read_shared_strings(const std::string& xml, const std::string& path, Workbook& book, ZipProblem& problem) {
  XmlReader x(xml);
  for (;;) {
    auto ev = x.next();
    if (ev == XmlReader::Event::Eof) return true;
    if (ev == XmlReader::Event::Start && x.name() == "si") {
      if (book.shared_strings.size() >= kMaxSharedStrings) {
        problem = msg::XlsxTooManyTexts{kMaxSharedStrings >> 20};
        return false;
      }
      book.shared_strings.emplace_back();
      if (collect_string(x, book.shared_strings.back())) continue;
      ev = XmlReader::Event::Error;
    }
    if (ev == XmlReader::Event::Error) return xml_problem(problem, path, x.error(), x.offset());
  }
}

int to_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 6) return -1;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool read_styles(const std::string& xml, const std::string& path, Workbook& book, ZipProblem& problem) {
  XmlReader x(xml);
  std::vector<std::pair<int, std::string>> custom;  // numFmtId → formatCode
  bool in_cell_xfs = false;
  std::vector<int> xf_formats;
  for (;;) {
    auto ev = x.next();
    if (ev == XmlReader::Event::Eof) break;
    if (ev == XmlReader::Event::Error) return xml_problem(problem, path, x.error(), x.offset());
    if (ev == XmlReader::Event::End && x.name() == "cellXfs") in_cell_xfs = false;
    if (ev != XmlReader::Event::Start) continue;
    if (x.name() == "numFmt") custom.emplace_back(to_int(x.attr("numFmtId")), xml_decode(x.attr("formatCode")));
    else if (x.name() == "cellXfs") in_cell_xfs = true;
    else if (x.name() == "xf" && in_cell_xfs) xf_formats.push_back(to_int(x.attr("numFmtId")));
  }
  for (int id : xf_formats) {
    std::string_view code;
    for (const auto& [cid, c] : custom)
      if (cid == id) code = c;
    book.style_dates.push_back(id < 0 ? DateKind::None : date_kind(id, code));
    book.style_percent.push_back(id >= 0 && percent_format(id, code));
  }
  return true;
}

}  // namespace

}  // namespace arsverk::detail::xlsx
