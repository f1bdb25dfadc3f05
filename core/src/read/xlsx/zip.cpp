#include "zip.hpp"

#include <algorithm>
#include <array>

#include "../text.hpp"
#include "messages/messages.hpp"
#include "inflate.hpp"

namespace arsverk::detail::xlsx {
namespace {

constexpr uint32_t kEndOfCentralDir = 0x06054b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndRecordSize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kRatioFloor = 1u << 20;
// DEFLATE cannot unpack more than 1 032 bytes per packed byte (258 bytes per 2-bit code); a
// part that says it unpacks to more is damaged, whatever else it may be.
constexpr uint64_t kMaxDeflateRatio = 1032;

uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<uint16_t>(static_cast<uint8_t>(b[at]) | static_cast<uint8_t>(b[at + 1]) << 8);
}
uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<uint32_t>(u16(b, at)) | static_cast<uint32_t>(u16(b, at + 2)) << 16;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool corrupt(ZipProblem& p, const std::string& what_nb, const std::string& what_en) {
  p = msg::XlsxCorrupt{what_nb, what_en};
  return false;
}

bool zip64(ZipProblem& p) {
  p = msg::XlsxZip64{};
  return false;
}

// `bomb`: the part unpacks to far more than its packed size, as a "zip bomb" does; only then is
// that said.
bool too_large(ZipProblem& p, const std::string& name, std::size_t mb, const std::string& why_nb,
               const std::string& why_en, bool bomb) {
  p = msg::XlsxPartTooLarge{name, mb, why_nb, why_en, bomb};
  return false;
}

// A size for a message: bytes below 1 MB, else whole MB.
std::string size_nb(uint64_t bytes) {
  return bytes < (1u << 20) ? std::to_string(bytes) + " byte" : std::to_string(bytes >> 20) + " MB";
}
std::string size_en(uint64_t bytes) {
  return bytes < (1u << 20) ? std::to_string(bytes) + " bytes" : std::to_string(bytes >> 20) + " MB";
}

// Four tables for slicing-by-4: four bytes per step instead of one.
using CrcTables = std::array<std::array<uint32_t, 256>, 4>;
const CrcTables& crc_tables() {
  static const CrcTables tables = [] {
    CrcTables t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; ++n)
      for (int k = 1; k < 4; ++k) t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
    return t;
  }();
  return tables;
}

}  // namespace

bool encrypted(ZipProblem& problem) {
  problem = msg::XlsxEncrypted{};
  return false;
}

uint32_t crc32(std::string_view bytes) {
  const auto& t = crc_tables();
  uint32_t c = 0xFFFFFFFFu;
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  std::size_t n = bytes.size();
  for (; n >= 4; n -= 4, p += 4) {
    c ^= static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
    c = t[3][c & 0xFF] ^ t[2][(c >> 8) & 0xFF] ^ t[1][(c >> 16) & 0xFF] ^ t[0][c >> 24];
  }
  for (; n > 0; --n, ++p) c = t[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

bool ZipArchive::open(ZipProblem& problem) {
  const std::size_t size = bytes_.size();
  if (size < kEndRecordSize) return corrupt(problem, "for kort", "too short");
  std::size_t lowest = size - kEndRecordSize > 0xFFFF ? size - kEndRecordSize - 0xFFFF : 0;
  std::size_t end = std::string_view::npos;
  for (std::size_t at = size - kEndRecordSize + 1; at-- > lowest;) {
    if (u32(bytes_, at) == kEndOfCentralDir && at + kEndRecordSize + u16(bytes_, at + 20) <= size) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos)
    return corrupt(problem, "fant ikke innholdsfortegnelsen på slutten", "no central directory at the end");
  if (end >= 20 && u32(bytes_, end - 20) == kZip64Locator) return zip64(problem);
  uint16_t count = u16(bytes_, end + 10);
  uint32_t dir_size = u32(bytes_, end + 12), dir_offset = u32(bytes_, end + 16);
  if (count == 0xFFFF || dir_size == 0xFFFFFFFF || dir_offset == 0xFFFFFFFF) return zip64(problem);
  if (u16(bytes_, end + 4) != 0 || u16(bytes_, end + 6) != 0)
    return corrupt(problem, "delt over flere filer", "split over several files");
  if (static_cast<uint64_t>(dir_offset) + dir_size > end)
    return corrupt(problem, "innholdsfortegnelsen peker utenfor filen", "the central directory points outside the file");
  if (count > limits_.max_entries)
    return corrupt(problem, std::to_string(count) + " deler", std::to_string(count) + " parts");
  std::size_t at = dir_offset;
  for (uint16_t i = 0; i < count; ++i)
    if (!read_entry_header(at, problem)) return false;
  return true;
}

bool ZipArchive::read_entry_header(std::size_t& at, ZipProblem& problem) {
  if (at + kCentralHeaderSize > bytes_.size() || u32(bytes_, at) != kCentralHeader)
    return corrupt(problem, "innholdsfortegnelsen er brutt", "the central directory is broken");
  ZipEntry e;
  e.flags = u16(bytes_, at + 8);
  e.method = u16(bytes_, at + 10);
  e.crc = u32(bytes_, at + 16);
  e.compressed = u32(bytes_, at + 20);
  e.size = u32(bytes_, at + 24);
  std::size_t name_len = u16(bytes_, at + 28), extra_len = u16(bytes_, at + 30),
              comment_len = u16(bytes_, at + 32);
  e.local_offset = u32(bytes_, at + 42);
  std::size_t next = at + kCentralHeaderSize + name_len + extra_len + comment_len;
  if (next > bytes_.size())
    return corrupt(problem, "innholdsfortegnelsen er brutt", "the central directory is broken");
  e.name = std::string(bytes_.substr(at + kCentralHeaderSize, name_len));
  if (!valid_utf8(e.name)) e.name = cp1252_to_utf8(e.name);  // names appear in messages
  if (e.compressed == 0xFFFFFFFF || e.size == 0xFFFFFFFF || e.local_offset == 0xFFFFFFFF)
    return zip64(problem);
  if (e.flags & 1) return encrypted(problem);
  entries_.push_back(std::move(e));
  at = next;
  return true;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const auto& e : entries_)
    if (same_name(e.name, name)) return &e;
  return nullptr;
}

bool ZipArchive::extract(const ZipEntry& e, std::string& out, ZipProblem& problem) {
  out.clear();
  std::size_t at = e.local_offset;
  if (at + kLocalHeaderSize > bytes_.size() || u32(bytes_, at) != kLocalHeader)
    return corrupt(problem, "delen «" + e.name + "» mangler", "the part “" + e.name + "” is missing");
  std::size_t data = at + kLocalHeaderSize + u16(bytes_, at + 26) + u16(bytes_, at + 28);
  if (data > bytes_.size() || bytes_.size() - data < e.compressed)
    return corrupt(problem, "delen «" + e.name + "» er avkortet", "the part “" + e.name + "” is cut off");
  std::string_view packed = bytes_.substr(data, e.compressed);
  if (e.method == 8 && e.size > (uint64_t{e.compressed} + 64) * kMaxDeflateRatio)
    return corrupt(problem, "delen «" + e.name + "» sier at den pakker ut til " + size_nb(e.size) +
                                ", mer enn " + size_nb(e.compressed) + " pakket kan gi",
                   "the part “" + e.name + "” says it unpacks to " + size_en(e.size) + ", more than " +
                       size_en(e.compressed) + " packed can hold");
  const bool bomb = e.size > kRatioFloor && e.size / std::max<std::size_t>(e.compressed, 1) > limits_.max_ratio;
  std::size_t room = limits_.max_total_bytes - inflated_total_;
  if (e.size > room) return too_large(problem, e.name, (e.size >> 20) + 1, "", "", bomb);
  if (bomb)
    return too_large(problem, e.name, e.size >> 20, "over " + std::to_string(limits_.max_ratio) + " ganger sin pakkede størrelse, ",
                     "over " + std::to_string(limits_.max_ratio) + " times its packed size, ", true);
  out.reserve(e.size);
  if (e.method == 0) {
    if (e.compressed != e.size)
      return corrupt(problem, "delen «" + e.name + "» har feil lengde", "the part “" + e.name + "” has the wrong length");
    out.assign(packed.data(), packed.size());
  } else if (e.method == 8) {
    // The declared size bounds the output: a stream that inflates beyond it is refused.
    InflateStatus s = inflate(packed, out, static_cast<std::size_t>(e.size));
    // More than the part says it holds: its sizes are damaged (the cap kept the output small).
    if (s == InflateStatus::TooLarge)
      return corrupt(problem, "delen «" + e.name + "» pakker ut til mer enn de oppgitte " + size_nb(e.size),
                     "the part “" + e.name + "” unpacks to more than its declared " + size_en(e.size));
    if (s != InflateStatus::Ok)
      return corrupt(problem, "delen «" + e.name + "» kan ikke pakkes ut", "the part “" + e.name + "” cannot be unpacked");
  } else {
    return corrupt(problem, "delen «" + e.name + "» er pakket med metode " + std::to_string(e.method),
                   "the part “" + e.name + "” is packed with method " + std::to_string(e.method));
  }
  if (out.size() != e.size || crc32(out) != e.crc)
    return corrupt(problem, "kontrollsummen for «" + e.name + "» stemmer ikke",
                   "the checksum of “" + e.name + "” does not match");
  inflated_total_ += out.size();
  return true;
}

}  // namespace arsverk::detail::xlsx
