#pragma once
// The ZIP container of an .xlsx (PKWARE APPNOTE 6.3): the central directory at the end of the
// file is the index (so entries written with data descriptors read like any other); entries
// are stored or DEFLATE-compressed. Encryption and ZIP64 are refused with a message, and every
// entry is inflated under caps so a small hostile file cannot exhaust memory (a "zip bomb").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "messages/messages.hpp"

namespace arsverk::detail::xlsx {

struct ZipEntry {
  std::string name;
  uint16_t flags = 0;
  uint16_t method = 0;
  uint32_t crc = 0;
  uint32_t compressed = 0;
  uint32_t size = 0;
  uint32_t local_offset = 0;
};

struct ZipLimits {
  std::size_t max_total_bytes = 256u << 20;  // all entries inflated together
  std::size_t max_ratio = 200;               // inflated : compressed, for entries above 1 MB
  std::size_t max_entries = 10000;
};

// Why an archive or entry cannot be read: a message of the catalogue, reported by the caller.
using ZipProblem = std::variant<msg::XlsxCorrupt, msg::XlsxZip64, msg::XlsxPartTooLarge, msg::XlsxEncrypted,
                                msg::XlsxMissingPart, msg::XlsxBadXml, msg::XlsxSheetWithoutPath,
                                msg::XlsxTooManyTexts>;

class ZipArchive {
 public:
  ZipArchive(std::string_view bytes, ZipLimits limits) : bytes_(bytes), limits_(limits) {}

  // Reads the central directory; false (and `problem`) when it cannot be used.
  bool open(ZipProblem& problem);
  // The entry with this name (ASCII case-insensitive, as OPC part names are), or nullptr.
  const ZipEntry* find(std::string_view name) const;
  // The entry's bytes, inflated and checked against its CRC-32, counted against the caps.
  bool extract(const ZipEntry& entry, std::string& out, ZipProblem& problem);

 private:
  bool read_entry_header(std::size_t& at, ZipProblem& problem);

  std::string_view bytes_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
  std::size_t inflated_total_ = 0;
};

uint32_t crc32(std::string_view bytes);

// The message for a password-protected workbook (an encrypted ZIP entry, or Excel's encrypted
// package in a compound file); false.
bool encrypted(ZipProblem& problem);

}  // namespace arsverk::detail::xlsx
