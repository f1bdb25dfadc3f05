#pragma once
// Chunked, quote-aware CSV record splitter. Bytes go in in pieces of any size; complete
// records come out through a callback, identical whatever the chunking. Memory is bounded by
// `max_record_bytes`: a longer record is reported (too_long) and skipped up to the next line end.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail {

struct CsvRecord {
  std::vector<std::string> fields;  // raw bytes (not yet decoded), quotes removed
  int64_t line = 0;                 // 1-based physical line where the record starts
  int64_t end_line = 0;             // physical line where it ends
  bool too_long = false;            // fields is empty; the record was skipped
  bool open_quote = false;          // too long while inside quotes (probably a missing ")
  bool unterminated = false;        // the file ended inside a quoted field
};

class CsvTokenizer {
 public:
  using Sink = std::function<void(CsvRecord&)>;
  CsvTokenizer(char delimiter, std::size_t max_record_bytes, Sink sink);

  void feed(std::string_view bytes);
  void finish();
  int64_t lines_seen() const { return line_; }

 private:
  void end_field();
  void end_record();
  void newline();
  void add(char c);
  void add_run(const char* p, std::size_t n);

  char delim_;
  std::size_t max_bytes_;
  Sink sink_;

  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuote, Skipping };
  State state_ = State::FieldStart;
  bool pending_cr_ = false;
  bool skip_open_quote_ = false;
  std::string field_;
  CsvRecord rec_;
  std::size_t rec_bytes_ = 0;
  int64_t line_ = 1;
  bool record_started_ = false;
};

}  // namespace arsverk::detail
