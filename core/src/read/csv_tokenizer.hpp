#pragma once
// Chunked, quote-aware CSV record splitter. Bytes go in in pieces of any size; complete
// records come out through the sink, identical whatever the chunking. Memory is bounded by
// `max_record_bytes`: a longer record is reported (too_long) and skipped up to the next line end.
//
// Speed: a record that lies whole in the chunk and has only plain fields (unquoted, or quoted
// with no quote or line end inside) is handed out as views into the chunk itself: nothing is
// copied. Any other record (one that crosses a chunk boundary, "" escapes, line ends in quotes,
// a lone CR, one near the length limit) goes through the general state machine, which finds runs
// of ordinary bytes sixteen at a time (SSE2; eight, SWAR, elsewhere) and stitches them into
// one reused record buffer. The sink is a template parameter (called directly, inlinable).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail {

// What a field holds beyond its text. A text file's fields and a workbook's text cells are what
// the user typed; the other kinds are workbook cells the reader renders itself, so their text
// says nothing about how the user writes numbers.
enum class CellKind : uint8_t {
  Typed,
  Number,               // a stored number (or date) as Excel shows it: "24,35", "01.03.2024"
  Percent,              // a number formatted as a percentage, as Excel shows it: "10 %"
  FormulaWithoutValue,  // a formula with no saved result: its text, "=B3+1"
};

struct CsvRecord {
  std::vector<std::string_view> fields;  // raw bytes (not yet decoded), quotes removed; valid
                                         // only during the sink call
  int64_t line = 0;                      // 1-based physical line where the record starts
  int64_t end_line = 0;                  // physical line where it ends
  bool too_long = false;                 // fields is empty; the record was skipped
  bool open_quote = false;               // too long while inside quotes (probably a missing ")
  bool unterminated = false;             // the file ended inside a quoted field
  const CellKind* kinds = nullptr;       // a workbook row: each field's kind (text files: null,
                                         // every field Typed)
};

#if defined(__SSE2__)
// Index of the first byte in [p, end) equal to a, b or c (end - p when none), sixteen bytes at a
// time with SSE2 through the compilers' vector extensions. Inline: it runs once per field.
inline std::size_t find_any_of3(const char* p, const char* end, char a, char b, char c) {
  typedef char Block __attribute__((vector_size(16)));
  const char* const start = p;
  while (end - p >= 16) {
    Block block;
    std::memcpy(&block, p, 16);
    const Block hits = (block == a) | (block == b) | (block == c);
    if (const int mask = __builtin_ia32_pmovmskb128(hits))
      return static_cast<std::size_t>(p - start) + __builtin_ctz(mask);
    p += 16;
  }
  while (p < end && *p != a && *p != b && *p != c) ++p;
  return static_cast<std::size_t>(p - start);
}
#else
// Eight bytes at a time (SWAR) elsewhere, the WebAssembly build included: there -msimd128 made
// the whole read slower than a 16-byte search gained (see README).
constexpr uint64_t kSwarOnes = 0x0101010101010101ull;
constexpr uint64_t kSwarHighs = 0x8080808080808080ull;

// High bit set in each byte of `word` equal to the byte repeated in `pattern`. Only the lowest
// set bit is exact (a borrow can mark bytes above a match), which is all find_any_of3 uses.
inline uint64_t swar_bytes_equal(uint64_t word, uint64_t pattern) {
  const uint64_t x = word ^ pattern;
  return (x - kSwarOnes) & ~x & kSwarHighs;
}

// Index of the first byte in [p, end) equal to a, b or c (end - p when none), eight bytes at a
// time. Inline: it runs once per field.
inline std::size_t find_any_of3(const char* p, const char* end, char a, char b, char c) {
  const char* const start = p;
  const uint64_t pa = kSwarOnes * static_cast<unsigned char>(a);
  const uint64_t pb = kSwarOnes * static_cast<unsigned char>(b);
  const uint64_t pc = kSwarOnes * static_cast<unsigned char>(c);
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    const uint64_t hit =
        swar_bytes_equal(word, pa) | swar_bytes_equal(word, pb) | swar_bytes_equal(word, pc);
    if (hit) return static_cast<std::size_t>(p - start) + (__builtin_ctzll(hit) >> 3);
    p += 8;
  }
  while (p < end && *p != a && *p != b && *p != c) ++p;
  return static_cast<std::size_t>(p - start);
}
#endif

template <typename Sink>
class CsvTokenizer {
 public:
  CsvTokenizer(char delimiter, std::size_t max_record_bytes, Sink sink)
      : delim_(delimiter), max_bytes_(max_record_bytes), sink_(std::move(sink)) {
    rec_.line = 1;
  }

  void feed(std::string_view bytes);
  void finish();
  int64_t lines_seen() const { return line_; }

 private:
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuote, Skipping };

  std::size_t plain_record(const char* begin, const char* end);
  void end_field() { ends_.push_back(buf_.size()); }
  void end_record();
  void emit(bool unterminated);
  void add(char c);
  void add_run(const char* p, std::size_t n);
  void start_skipping();

  char delim_;
  std::size_t max_bytes_;
  Sink sink_;

  State state_ = State::FieldStart;
  bool pending_cr_ = false;
  bool skip_open_quote_ = false;
  std::string buf_;                // the current record's field bytes, back to back
  std::vector<std::size_t> ends_;  // end offset of each finished field in buf_
  CsvRecord rec_;
  std::size_t rec_bytes_ = 0;
  int64_t line_ = 1;
  bool record_started_ = false;
};

template <typename Sink>
void CsvTokenizer<Sink>::emit(bool unterminated) {
  rec_.fields.clear();
  std::size_t begin = 0;
  for (std::size_t end : ends_) {
    rec_.fields.emplace_back(buf_.data() + begin, end - begin);
    begin = end;
  }
  rec_.end_line = line_;
  rec_.unterminated = unterminated;
  sink_(rec_);
}

template <typename Sink>
void CsvTokenizer<Sink>::end_record() {
  if (state_ == State::Skipping) {
    CsvRecord r;
    r.line = rec_.line;
    r.end_line = line_;
    r.too_long = true;
    r.open_quote = skip_open_quote_;
    sink_(r);
  } else {
    end_field();
    emit(false);
  }
  buf_.clear();  // keeps the capacity
  ends_.clear();
  rec_.too_long = rec_.open_quote = rec_.unterminated = false;
  rec_bytes_ = 0;
  record_started_ = false;
  skip_open_quote_ = false;
  state_ = State::FieldStart;
}

template <typename Sink>
void CsvTokenizer<Sink>::start_skipping() {
  skip_open_quote_ = state_ == State::Quoted || state_ == State::QuoteInQuoted;
  state_ = State::Skipping;
  buf_.clear();
  ends_.clear();
}

template <typename Sink>
void CsvTokenizer<Sink>::add(char c) {
  if (++rec_bytes_ > max_bytes_) {
    start_skipping();
    return;
  }
  buf_ += c;
}

template <typename Sink>
void CsvTokenizer<Sink>::add_run(const char* p, std::size_t n) {
  if (rec_bytes_ + n > max_bytes_) {
    start_skipping();  // as adding byte by byte would, once past the limit
    return;
  }
  rec_bytes_ += n;
  buf_.append(p, n);
}

// Reads one plain record (see the top of the file) at `begin` and hands it to the sink: the
// bytes it took, line end included, or 0 (nothing done) when the general path must read it.
template <typename Sink>
std::size_t CsvTokenizer<Sink>::plain_record(const char* begin, const char* end) {
  rec_.fields.clear();
  const char* p = begin;
  for (;;) {
    if (p == end) return 0;
    if (*p == '"') {
      const char* open = p + 1;
      p = open + find_any_of3(open, end, '"', '\n', '\r');
      if (p == end || *p != '"') return 0;
      rec_.fields.emplace_back(open, static_cast<std::size_t>(p - open));
      if (++p == end) return 0;
    } else {
      const std::size_t n = find_any_of3(p, end, delim_, '\n', '\r');
      rec_.fields.emplace_back(p, n);
      if ((p += n) == end) return 0;
    }
    if (*p == delim_) { ++p; continue; }
    if (*p != '\n' && *p != '\r') return 0;  // text after a closing quote, or a "" escape
    break;
  }
  // Quotes and delimiters count toward the limit as in the general path; the line end does not.
  if (static_cast<std::size_t>(p - begin) > max_bytes_) return 0;
  if (*p == '\r') {
    if (p + 1 == end || p[1] != '\n') return 0;  // a lone CR, or CRLF split by the chunk
    ++p;
  }
  rec_.line = line_;
  rec_.end_line = ++line_;
  rec_.unterminated = false;
  sink_(rec_);
  return static_cast<std::size_t>(p + 1 - begin);
}

template <typename Sink>
void CsvTokenizer<Sink>::feed(std::string_view bytes) {
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (!record_started_ && !pending_cr_ && state_ == State::FieldStart) {
      while (const std::size_t n = plain_record(data + i, data + size)) i += n;
      if (i == size) return;
    }
    // Fast path: a run of ordinary bytes inside a field.
    if (!pending_cr_ && record_started_ && (state_ == State::Unquoted || state_ == State::Quoted)) {
      const char stop = state_ == State::Unquoted ? delim_ : '"';
      const std::size_t n = find_any_of3(data + i, data + size, stop, '\n', '\r');
      if (n > 0) {
        add_run(data + i, n);
        i += n - 1;
        continue;
      }
    } else if (state_ == State::Skipping && !pending_cr_) {
      const char* nl = static_cast<const char*>(std::memchr(data + i, '\n', size - i));
      const char* cr = static_cast<const char*>(std::memchr(data + i, '\r', size - i));
      const char* next = nl && (!cr || nl < cr) ? nl : cr;
      if (!next) return;
      i = static_cast<std::size_t>(next - data);
    }
    const char c = data[i];
    if (!record_started_) {
      record_started_ = true;
      rec_.line = line_;
    }
    if (pending_cr_) {
      pending_cr_ = false;
      if (c == '\n') {  // CRLF: one line end
        ++line_;
        if (state_ == State::Quoted) { add('\n'); continue; }
        end_record();
        continue;
      }
      // A lone CR ended a line (old Mac files).
      ++line_;
      if (state_ == State::Quoted) {
        add('\n');
      } else {
        end_record();
        record_started_ = true;
        rec_.line = line_;
      }
    }
    if (c == '\r') {
      if (state_ == State::QuoteInQuoted) state_ = State::AfterQuote;
      pending_cr_ = true;
      continue;
    }
    switch (state_) {
      case State::Skipping:
        if (c == '\n') { ++line_; end_record(); }
        break;
      case State::FieldStart:
        if (c == '"') { state_ = State::Quoted; ++rec_bytes_; }
        else if (c == delim_) { end_field(); ++rec_bytes_; }
        else if (c == '\n') { ++line_; end_record(); }
        else { state_ = State::Unquoted; add(c); }
        break;
      case State::Unquoted:
        if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else add(c);
        break;
      case State::Quoted:
        if (c == '"') { state_ = State::QuoteInQuoted; ++rec_bytes_; }
        else {
          if (c == '\n') ++line_;
          add(c);
        }
        break;
      case State::QuoteInQuoted:
        if (c == '"') { state_ = State::Quoted; add('"'); }
        else if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else { state_ = State::AfterQuote; add(c); }
        break;
      case State::AfterQuote:  // lenient: text after a closing quote is kept
        if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else add(c);
        break;
    }
  }
}

template <typename Sink>
void CsvTokenizer<Sink>::finish() {
  if (pending_cr_) {
    pending_cr_ = false;
    ++line_;
    if (state_ == State::Quoted) add('\n');
    else { end_record(); return; }
  }
  if (!record_started_) return;
  const bool unterminated = state_ == State::Quoted;
  if (state_ == State::Skipping) { end_record(); return; }
  end_field();
  emit(unterminated);
  buf_.clear();
  ends_.clear();
  rec_ = CsvRecord{};
  record_started_ = false;
}

}  // namespace arsverk::detail
