#pragma once
// Messages for the user, always in both languages, always pointing at file and line.
#include <cstdint>
#include <string>
#include <vector>

#include "arsverk/fixed.hpp"

namespace arsverk {

enum class Severity { Error, Warning, Info };

struct Diagnostic {
  Severity severity = Severity::Info;
  std::string code;     // stable identifier, e.g. "number.not_a_number"
  std::string file;     // file name as given by the user; empty for computation-wide messages
  int64_t line = 0;     // 1-based physical line; 0 when not tied to a line
  int column = 0;       // 1-based field number; 0 when not tied to a column
  std::string nb;       // Norwegian bokmål text: what was found, what was expected, what to do
  std::string en;       // the same in English
  int year = 0;         // the data year a computed check is about; 0 for messages about input
  std::string sheet{};  // .xlsx: the worksheet; then line is its row and column its column

  const std::string& text(Lang lang) const { return lang == Lang::Nb ? nb : en; }
};

const char* to_string(Severity s);

// Collects diagnostics; caps the number of repeated messages of one code per file so a
// million bad rows do not produce a million messages (the count of the rest is reported).
class Diagnostics {
 public:
  static constexpr int kMaxPerCode = 50;

  void add(Diagnostic d);
  void add(Severity s, std::string code, std::string file, int64_t line, int column,
           std::string nb, std::string en);
  // Appends one summary line per code whose messages were capped.
  void close_file(const std::string& file);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;

 private:
  struct Suppressed { std::string file, code; Severity severity; int64_t first_line; int64_t count; };
  std::vector<Diagnostic> items_;
  std::vector<Suppressed> suppressed_;
  int count_of(const std::string& file, const std::string& code) const;
};

}  // namespace arsverk
