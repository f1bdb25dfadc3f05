// FileReader: recognises what a dropped file is from its first bytes (binary, JSON, text table),
// then streams it through the right reader.
#include "arsverk/reader.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include "csv_tokenizer.hpp"
#include "read_context.hpp"
#include "reader_jsonstat.hpp"
#include "table/table_reader.hpp"
#include "text.hpp"
#include "xlsx/zip.hpp"
#include "xlsx/workbook.hpp"

namespace arsverk {

using namespace detail;

namespace {

constexpr std::size_t kHeadBytes = 64 * 1024;
constexpr int kHeadLines = 60;
constexpr std::size_t kUtf16SniffBytes = 8;

enum class Mode { Head, Text, Json, Zip, Compound, Ignore };

constexpr std::string_view kCompoundSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
// A password-protected .xlsx is a compound file (like an old .xls) holding Excel's encrypted
// package: its directory, wherever it lies in the file, names the stream in UTF-16LE.
constexpr std::string_view kEncryptedPackageName(
    "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);

// What a binary head looks like, for the message; empty when it is text.
// What a file that is not a table is, by its first bytes.
enum class NotATable { None, Pdf, Rtf, Image, OldExcel, Gzip, NulCharacters, NotText, Encrypted };

NotATable detect_binary(std::string_view h) {
  auto starts = [&](const char* sig, std::size_t n) { return h.size() >= n && std::memcmp(h.data(), sig, n) == 0; };
  // A PDF or RTF may come after blank lines (a copy through a text tool, a mail program).
  const std::string_view text = trim(h);
  if (starts_with(text, "%PDF")) return NotATable::Pdf;
  if (starts_with(text, "{\\rtf")) return NotATable::Rtf;
  if (starts("\x89PNG", 4) || starts("\xFF\xD8\xFF", 3) || starts("GIF8", 4) ||
      (starts("BM", 2) && h.size() > 14 && std::memchr(h.data(), 0, std::min<std::size_t>(h.size(), 64))))
    return NotATable::Image;
  if (starts("\xD0\xCF\x11\xE0", 4)) return NotATable::OldExcel;
  if (starts("\x1F\x8B", 2)) return NotATable::Gzip;
  std::size_t control = 0, nul = 0;
  for (char ch : h) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) ++control;
  }
  if (nul > 0) return NotATable::NulCharacters;
  if (control * 20 > h.size()) return NotATable::NotText;
  return NotATable::None;
}

// Delimiter: `;` or tab when they give a consistent column count > 1, else `,`.
char sniff_delimiter(std::string_view head) {
  struct Stat { char d; int modal = 0; int freq = 0; int multi = 0; };
  std::vector<Stat> stats;
  for (char d : {';', '\t', ','}) {
    std::vector<int> counts;
    CsvTokenizer tok(d, head.size() + 1, [&](CsvRecord& r) {
      std::size_t non_empty = 0;
      for (const auto& f : r.fields) non_empty += !trim(f).empty();
      if (non_empty == 0) return;
      counts.push_back(static_cast<int>(r.fields.size()));
    });
    tok.feed(head);
    tok.finish();
    Stat s{d};
    std::map<int, int> freq;
    for (int c : counts)
      if (c > 1) { ++freq[c]; ++s.multi; }
    for (const auto& [c, f] : freq)
      if (f > s.freq || (f == s.freq && c > s.modal)) { s.modal = c; s.freq = f; }
    stats.push_back(s);
  }
  const Stat* best = nullptr;
  for (const auto& s : stats) {
    if (s.d == ',') continue;
    if (s.modal > 1 && s.freq * 10 >= s.multi * 6 && (!best || s.freq > best->freq)) best = &s;
  }
  if (best) return best->d;
  if (stats[2].modal > 1) return ',';
  if (stats[0].modal > 1) return ';';
  if (stats[1].modal > 1) return '\t';
  return ';';
}

}  // namespace

struct FileReader::Impl {
  ReadContext ctx;
  Mode mode = Mode::Head;
  std::string head;
  int head_lines = 0;
  std::uint64_t bytes = 0;
  bool bom = false;
  char delim = ';';
  struct TableSink {
    TableReader* table;
    void operator()(CsvRecord& r) const { table->record(r); }
  };
  std::unique_ptr<CsvTokenizer<TableSink>> tok;
  std::unique_ptr<TableReader> table;
  std::string json;
  bool json_too_big = false;
  std::string zip;  // an .xlsx is held whole: its index is at the end
  bool zip_too_big = false;
  bool finished = false;
  bool encoding_decided = false;
  bool encrypted_package = false;  // a compound file: the encrypted package's name was seen
  std::string compound_tail;       // its last bytes, for a name across two chunks
  std::string lead;  // the first bytes, until UTF-16 is decided
  std::unique_ptr<Utf16Decoder> utf16;
  std::string utf16_name;

  Impl(std::string name, const Registers& reg, ReaderLimits limits) {
    ctx.name = std::move(name);
    ctx.registers = &reg;
    ctx.limits = limits;
    ctx.out.name = ctx.name;
  }

  void binary(NotATable kind) {
    mode = Mode::Ignore;
    ctx.out.kind = FileKind::Unknown;
    ctx.out.encoding.clear();
    switch (kind) {
      case NotATable::Rtf: return ctx.report(0, 0, msg::FileRtf{});
      case NotATable::OldExcel: return ctx.report(0, 0, msg::FileOtherSpreadsheet{msg::OtherSpreadsheet::OldExcel});
      case NotATable::Encrypted: return ctx.report(0, 0, msg::XlsxEncrypted{});
      case NotATable::Pdf: return ctx.report(0, 0, msg::FileBinary{msg::BinaryFile::Pdf});
      case NotATable::Image: return ctx.report(0, 0, msg::FileBinary{msg::BinaryFile::Image});
      case NotATable::Gzip: return ctx.report(0, 0, msg::FileBinary{msg::BinaryFile::Gzip});
      case NotATable::NulCharacters: return ctx.report(0, 0, msg::FileBinary{msg::BinaryFile::NulCharacters});
      case NotATable::NotText: return ctx.report(0, 0, msg::FileBinary{msg::BinaryFile::NotText});
      case NotATable::None: return;
    }
  }

  // The head is complete (or the file ended): decide what the file is.
  void start(bool final) {
    std::string h = std::move(head);
    head.clear();
    if (h.size() >= 3 && h.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      bom = true;
      h.erase(0, 3);
    }
    std::string_view t = trim(h);
    if (final && t.empty()) {
      mode = Mode::Ignore;
      ctx.out.encoding = h.empty() && !bom ? "" : (bom ? "utf-8-bom" : "utf-8");
      ctx.report(0, 0, msg::FileEmpty{});
      return;
    }
    if (xlsx::looks_like_zip(h)) {
      mode = Mode::Zip;
      zip = std::move(h);
      return;
    }
    if (starts_with(h, kCompoundSignature)) {
      mode = Mode::Compound;
      scan_compound(h);
      return;
    }
    const NotATable not_a_table = detect_binary(h);
    if (not_a_table != NotATable::None) {
      binary(not_a_table);
      return;
    }
    if (!t.empty() && (t[0] == '{' || t[0] == '[')) {
      mode = Mode::Json;
      json = std::move(h);
      check_json_size();
      return;
    }
    mode = Mode::Text;
    // Sniff on complete lines only (the file's end counts as one).
    std::string_view sniff = h;
    if (!final) {
      std::size_t last = sniff.rfind('\n');
      if (last != std::string_view::npos) sniff = sniff.substr(0, last + 1);
      // Without any line end in the window, the partial first line is all there is to go on.
    }
    delim = sniff_delimiter(sniff);
    ctx.out.delimiter = std::string(1, delim);
    table = std::make_unique<TableReader>(ctx, delim);
    tok = std::make_unique<CsvTokenizer<TableSink>>(delim, ctx.limits.max_line_bytes,
                                                     TableSink{table.get()});
    tok->feed(h);
    if (!final) table->decide_header();
  }

  void finish_zip() {
    if (zip_too_big || zip.size() > ctx.limits.max_xlsx_bytes) {
      ctx.out.kind = FileKind::Unknown;
      ctx.report(0, 0, msg::XlsxTooLarge{ctx.limits.max_xlsx_bytes >> 20});
      return;
    }
    xlsx::read_zip(ctx, zip);
    std::string().swap(zip);
  }

  // Looks for the encrypted package's name, in bounded memory however long the file.
  void scan_compound(std::string_view chunk) {
    if (encrypted_package) return;
    const std::size_t keep = kEncryptedPackageName.size() - 1;
    compound_tail.append(chunk.substr(0, keep));
    encrypted_package = compound_tail.find(kEncryptedPackageName) != std::string::npos ||
                        chunk.find(kEncryptedPackageName) != std::string_view::npos;
    if (chunk.size() >= keep) compound_tail.assign(chunk.substr(chunk.size() - keep));
    else if (compound_tail.size() > keep) compound_tail.erase(0, compound_tail.size() - keep);
  }

  void finish_compound() {
    binary(encrypted_package ? NotATable::Encrypted : detect_binary(kCompoundSignature));
  }

  void check_json_size() {
    if (!json_too_big && json.size() > ctx.limits.max_json_bytes) {
      json_too_big = true;
      json.clear();
      json.shrink_to_fit();
    }
  }

  // UTF-16 is decided from the first bytes and decoded to UTF-8 before anything else looks at it.
  void feed(std::string_view chunk) {
    bytes += chunk.size();
    if (!encoding_decided) {
      const std::size_t take = std::min(kUtf16SniffBytes - lead.size(), chunk.size());
      lead.append(chunk.data(), take);
      chunk.remove_prefix(take);
      if (lead.size() < kUtf16SniffBytes) return;
      decide_encoding();
    }
    feed_decoded(chunk);
  }

  void decide_encoding() {
    encoding_decided = true;
    bool bom16 = false;
    if (std::optional<bool> big = utf16_big_endian(lead, bom16)) {
      utf16 = std::make_unique<Utf16Decoder>(*big);
      utf16_name = *big ? "utf-16be" : "utf-16le";
    }
    const std::string first = std::move(lead);
    lead.clear();
    feed_decoded(first);
  }

  void feed_decoded(std::string_view chunk) {
    if (!utf16) return feed_text(chunk);
    std::string text;
    utf16->decode(chunk, text);
    feed_text(text);
  }

  void feed_text(std::string_view chunk) {
    while (!chunk.empty()) {
      switch (mode) {
        case Mode::Head: {
          std::size_t take = 0;
          bool done = false;
          while (take < chunk.size()) {
            std::size_t room = kHeadBytes - head.size();
            std::size_t n = std::min(room, chunk.size() - take);
            const char* nl = static_cast<const char*>(std::memchr(chunk.data() + take, '\n', n));
            if (nl) {
              std::size_t upto = static_cast<std::size_t>(nl - chunk.data()) + 1;
              head.append(chunk.data() + take, upto - take);
              take = upto;
              if (++head_lines >= kHeadLines) { done = true; break; }
            } else {
              head.append(chunk.data() + take, n);
              take += n;
            }
            if (head.size() >= kHeadBytes) { done = true; break; }
          }
          chunk.remove_prefix(take);
          if (done) start(false);
          break;
        }
        case Mode::Text:
          tok->feed(chunk);
          chunk = {};
          break;
        case Mode::Json:
          if (!json_too_big) {
            json.append(chunk.data(), chunk.size());
            check_json_size();
          }
          chunk = {};
          break;
        case Mode::Zip:
          if (!zip_too_big && zip.size() + chunk.size() <= ctx.limits.max_xlsx_bytes) {
            zip.append(chunk.data(), chunk.size());
          } else {
            zip_too_big = true;
            std::string().swap(zip);
          }
          chunk = {};
          break;
        case Mode::Compound:
          scan_compound(chunk);
          chunk = {};
          break;
        case Mode::Ignore:
          chunk = {};
          break;
      }
    }
  }

  ParsedFile finish() {
    if (!encoding_decided) decide_encoding();
    if (utf16) {
      std::string rest;
      utf16->finish(rest);
      feed_text(rest);
    }
    if (mode == Mode::Head) start(true);
    if (mode == Mode::Text) {
      tok->finish();
      table->finish();
      ctx.out.encoding = table->any_cp1252() ? "windows-1252" : (bom ? "utf-8-bom" : "utf-8");
    } else if (mode == Mode::Json) {
      if (json_too_big) {
        ctx.out.kind = FileKind::Unknown;
        ctx.out.format = "json-stat2";
        ctx.report(0, 0, msg::JsonstatTooLarge{ctx.limits.max_json_bytes >> 20});
      } else {
        read_jsonstat(ctx, std::move(json), bom);
      }
    } else if (mode == Mode::Zip) {
      finish_zip();
    } else if (mode == Mode::Compound) {
      finish_compound();
    }
    if (utf16 && !ctx.out.encoding.empty()) ctx.out.encoding = utf16_name;
    ctx.diagnostics.close_file(ctx.name);
    ctx.out.diagnostics = std::move(ctx.diagnostics.items());
    if (ctx.out.kind == FileKind::Unknown) {
      ctx.out.arsverk.clear();
      ctx.out.reference.clear();
      ctx.out.population.clear();
      ctx.out.population_line.clear();
    }
    return std::move(ctx.out);
  }
};

FileReader::FileReader(std::string name, const Registers& registers, ReaderLimits limits)
    : impl_(std::make_unique<Impl>(std::move(name), registers, limits)) {}
FileReader::~FileReader() = default;

void FileReader::feed(std::string_view chunk) {
  if (impl_->finished) return;
  impl_->feed(chunk);
}

ParsedFile FileReader::finish() {
  if (impl_->finished) return ParsedFile{};
  impl_->finished = true;
  return impl_->finish();
}

std::uint64_t FileReader::bytes_read() const { return impl_->bytes; }

ParsedFile read_file(std::string name, std::string_view bytes, const Registers& registers) {
  FileReader reader(std::move(name), registers);
  reader.feed(bytes);
  return reader.finish();
}

}  // namespace arsverk
