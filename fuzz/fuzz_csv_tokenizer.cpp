// The chunked CSV splitter on its own: any bytes, any delimiter, a small record limit; the
// records must be the same whatever the chunking, and line numbers must make sense.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read/csv_tokenizer.hpp"
#include "fuzz_common.hpp"

using arsverk::detail::CsvRecord;
using arsverk::detail::CsvTokenizer;

namespace {

std::string tokenize(std::string_view data, char delim, std::size_t max_bytes, fuzz::Rng* rng) {
  std::string out;
  int64_t last_line = 0;
  CsvTokenizer tok(delim, max_bytes, [&](CsvRecord& r) {
    if (r.line < 1 || r.end_line < r.line || r.line < last_line) fuzz::fail("bad record lines");
    last_line = r.end_line;
    std::size_t total = 0;
    for (const auto& f : r.fields) total += f.size();
    if (total > max_bytes) fuzz::fail("record longer than the limit kept");
    if (r.too_long && !r.fields.empty()) fuzz::fail("too long record with fields");
    out += std::to_string(r.line) + "-" + std::to_string(r.end_line) + (r.too_long ? "L" : "") +
           (r.open_quote ? "Q" : "") + (r.unterminated ? "U" : "") + ":";
    for (const auto& f : r.fields) {
      out += std::to_string(f.size()) + "[";
      out += f;
      out += "]";
    }
    out += "\n";
  });
  if (rng) fuzz::feed_chunked(data, *rng, [&](std::string_view c) { tok.feed(c); });
  else tok.feed(data);
  tok.finish();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const char delims[] = {';', ',', '\t', ';'};
  const char delim = delims[data[0] & 3];
  const std::size_t max_bytes = 1 + ((data[0] >> 2) * 7);  // 1..442: the limit path is reached
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string whole = tokenize(bytes, delim, max_bytes, nullptr);
  fuzz::Rng rng(bytes);
  const std::string chunked = tokenize(bytes, delim, max_bytes, &rng);
  if (whole != chunked) fuzz::fail("tokenizer output depends on chunking", whole, chunked);
  // A generous limit too (no skipping).
  const std::string big = tokenize(bytes, delim, 1 << 20, nullptr);
  fuzz::Rng rng2(big);
  const std::string big_chunked = tokenize(bytes, delim, 1 << 20, &rng2);
  if (big != big_chunked) fuzz::fail("tokenizer output depends on chunking (big limit)", big, big_chunked);
  return 0;
}
