#pragma once
// Reads one user file of any accepted kind and layout (docs/formats.md) through a push interface:
// the caller feeds chunks of any size in order and calls finish(). Memory use is bounded by the
// data kept (values and population figures), never by the size of the file.
#include <memory>
#include <string>
#include <string_view>

#include "arsverk/model.hpp"
#include "arsverk/registers.hpp"

namespace arsverk {

struct ReaderLimits {
  std::size_t max_line_bytes = 1 << 20;          // a longer physical line is reported and skipped
  std::size_t max_columns = 2000;                // a wider table is reported as not a table
  std::size_t max_json_bytes = 64u << 20;        // JSON-stat text is held whole (its values are
                                                 // streamed, not built as a tree: a 56 MB file
                                                 // peaks at ~1.6x its size natively); beyond this:
                                                 // message. SSB's API answers at most 800 000
                                                 // cells, well under 64 MB.
  int max_json_depth = 64;
  std::size_t max_values = 1'000'000;            // årsverk figures kept per file (a real file
                                                 // has < 500 000); beyond: message, rest not read
  std::size_t max_xlsx_bytes = 100u << 20;       // an .xlsx is held whole (its index is at the end)
  std::size_t max_xlsx_inflated_bytes = 256u << 20;  // all its parts unpacked together
};

class FileReader {
 public:
  FileReader(std::string name, const Registers& registers = Registers::embedded(), ReaderLimits limits = {});
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  void feed(std::string_view chunk);
  // Ends the file; the reader must not be fed afterwards.
  ParsedFile finish();

  std::uint64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience for whole buffers (tests, CLI on small files).
ParsedFile read_file(std::string name, std::string_view bytes, const Registers& registers = Registers::embedded());

}  // namespace arsverk
