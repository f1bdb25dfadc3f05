#pragma once
// Messages for the user, always in both languages, always pointing at file and line.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "arsverk/fixed.hpp"
#include "arsverk/thresholds.hpp"

namespace arsverk {

enum class Severity { Error, Warning, Info };

// How a message's text opens with its place (see place_text): not at all; with the line and column,
// or the cell, of its file (the readers: the file is shown apart); with the line, or the cell, and
// the file (the computation: "Linje 12 i arsverk.csv", "Linje 2, kolonne 4 i arsverk.csv").
enum class PlaceInText { None, Cell, CellOfFile };

struct Diagnostic {
  Severity severity = Severity::Info;
  std::string code;     // stable identifier, e.g. "number.not_a_number"
  std::string file;     // file name as given by the user; empty for computation-wide messages
  int64_t line = 0;     // 1-based physical line; 0 when not tied to a line
  int column = 0;       // 1-based field number; 0 when not tied to a column
  std::string nb;       // Norwegian bokmål text without its place: what was found, expected, to do
  std::string en;       // the same in English
  int year = 0;         // the data year a computed check is about; 0 for messages about input
  std::string sheet{};  // .xlsx: the worksheet; then line is its row and column its column
  PlaceInText place_in_text = PlaceInText::None;
  // The facts a program reading the report matches on, in order (docs/output.md, "args"): the
  // checks' unit ("level", "code") and "year", and the result's "flag" a check's message says in
  // full; empty for the other messages.
  struct Arg {
    std::string key;
    std::variant<std::string, int64_t, std::vector<int64_t>> value;
  };
  std::vector<Arg> args{};

  // The whole message as shown: its place (place_text), then the text.
  std::string text(Lang lang) const;
};

// Where a message points, in words: "Linje 4, kolonne 3", "Ark1!C7", "Ark1, rad 4", "Arket Ark1",
// with the file when the message names it ("Linje 12 i arsverk.csv"); empty when its text does
// not open with a place.
std::string place_text(const Diagnostic& d, Lang lang);
// The place inside a file: "linje 4" / "linje 4, kolonne 3" (lower case), or on a worksheet the
// cell "Ark1!C7", the row "Ark1, rad 4" or the sheet "Arket Ark1". Names with spaces or
// punctuation are quoted as Excel writes them: 'Mitt ark'!C7.
std::string place_in_file(std::string_view sheet, int64_t line, int column, Lang lang);
// A line of a named file, for messages that point at a second place: "linje 12 i arsverk.csv" /
// "line 12 of arsverk.csv", "Ark2, rad 12 i arsverk.xlsx"; without the file when it has no name.
// In the form typed on the page (`form`), whose lines no one sees: "skjemaet" / "the form".
std::string place_of_line(std::string_view file, std::string_view sheet, int64_t line, Lang lang, bool form = false);
std::string column_letters(int column);  // 3 → "C", 28 → "AB"

const char* to_string(Severity s);

// Collects diagnostics; caps the number of repeated messages of one code per file so a
// million bad rows do not produce a million messages (the count of the rest is reported).
class Diagnostics {
 public:
  static constexpr int kMaxPerCode = thresholds::kMaxMessagesPerCode;

  // True when one more message of `code` from `file` is kept; otherwise counts it as suppressed
  // (reported by close_file) — asked before a message's text is made.
  bool admit(const std::string& file, std::string_view code, Severity severity, int64_t line);
  void add(Diagnostic d);
  // Adds a message admit() has let through.
  void add_admitted(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(Severity severity, std::string code, std::string file, int64_t line, int column,
           std::string nb, std::string en);
  // Appends one summary line per code whose messages were capped.
  void close_file(const std::string& file);
  // Appends what `later` holds beyond `base`, of which `later` and this one are both continuations:
  // its further messages, and the further messages of each code it held back. The same as adding
  // them here one by one when they are of other codes than those added here since `base`.
  void append_since(const Diagnostics& later, const Diagnostics& base);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;

 private:
  struct Suppressed { std::string file, code; Severity severity; int64_t first_line; int64_t count; };
  std::vector<Diagnostic> items_;
  std::vector<Suppressed> suppressed_;
  int count_of(const std::string& file, std::string_view code) const;
};

}  // namespace arsverk
