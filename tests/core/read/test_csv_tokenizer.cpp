// The tokenizer on its own: exact records for the tricky cases, and the same records whatever
// the chunking (the block scan and the record buffer must not depend on where a chunk ends).
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "read/csv_tokenizer.hpp"

using arsverk::detail::CsvRecord;
using arsverk::detail::CsvTokenizer;
using arsverk::detail::find_any_of3;

namespace {

// One line per record: first line-end line (the line after the record's line end), flags, then
// each field as [bytes].
std::string tokenize(const std::string& data, std::size_t max_bytes, const std::vector<std::size_t>& cuts) {
  std::string out;
  CsvTokenizer tok(';', max_bytes, [&](CsvRecord& r) {
    out += std::to_string(r.line) + "-" + std::to_string(r.end_line) + (r.too_long ? "L" : "") +
           (r.open_quote ? "Q" : "") + (r.unterminated ? "U" : "") + ":";
    for (std::string_view f : r.fields) {
      out += "[";
      out += f;
      out += "]";
    }
    out += "\n";
  });
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    if (cut <= at || cut > data.size()) continue;
    tok.feed(std::string_view(data).substr(at, cut - at));
    at = cut;
  }
  tok.feed(std::string_view(data).substr(at));
  tok.finish();
  return out;
}

}  // namespace

TEST_CASE("tokenizer: quotes, line ends and the record limit", "[tokenizer]") {
  CHECK(tokenize("a;b\r\nc;\"d;\"\"e\"\"\"\n", 100, {}) == "1-2:[a][b]\n2-3:[c][d;\"e\"]\n");
  CHECK(tokenize("\"x\ny\";z\rlast", 100, {}) == "1-3:[x\ny][z]\n3-3:[last]\n");
  CHECK(tokenize("\"open;1\n2", 100, {}) == "1-2U:[open;1\n2]\n");
  // 12 bytes of fields and delimiters over a limit of 10: skipped up to the line end.
  CHECK(tokenize("abcdef;ghijk\nok\n", 10, {}) == "1-2L:\n2-3:[ok]\n");
  CHECK(tokenize("\"abcdefghijk\nmore\nok\n", 10, {}) == "1-2LQ:\n2-3:[more]\n3-4:[ok]\n");
}

TEST_CASE("tokenizer: the block scan finds the first of three bytes", "[tokenizer]") {
  const std::string s = "0123456789abcdef;ghij\nk";
  for (std::size_t from = 0; from < s.size(); ++from) {
    const std::size_t expect = s.find_first_of(";\n\r", from) == std::string::npos
                                   ? s.size() - from
                                   : s.find_first_of(";\n\r", from) - from;
    CHECK(find_any_of3(s.data() + from, s.data() + s.size(), ';', '\n', '\r') == expect);
  }
  const std::string high = "\xe5\xf8\xe6\x80\xff\xfe\xc3\xa5;";  // bytes >= 0x80 are no match
  CHECK(find_any_of3(high.data(), high.data() + high.size(), ';', '\n', '\r') == 8);
  // Whole 16-byte blocks (SSE2) and 8-byte words (SWAR): a match in each position of a block.
  const std::string block = high + high + high + high;  // 36 bytes, ';' at 8, 17, 26, 35
  for (std::size_t from = 0; from < block.size(); ++from) {
    const std::size_t next = block.find(';', from);
    CHECK(find_any_of3(block.data() + from, block.data() + block.size(), ';', '\n', '\r') == next - from);
  }
  const std::string none(40, '\xbb');
  CHECK(find_any_of3(none.data(), none.data() + none.size(), ';', '\n', '\r') == 40);
}

TEST_CASE("tokenizer: the same records whatever the chunking", "[tokenizer]") {
  std::mt19937 rng(20261124);
  const char alphabet[] = {'a', 'b', ';', '"', '\n', '\r', ' ', '\xe5', ','};
  for (int round = 0; round < 300; ++round) {
    std::string data;
    const std::size_t n = rng() % 200;
    for (std::size_t i = 0; i < n; ++i) data += alphabet[rng() % sizeof alphabet];
    const std::size_t limit = 1 + rng() % 40;
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0; at < data.size(); at += 1 + rng() % 9) cuts.push_back(at);
    INFO("round " << round << ", limit " << limit);
    CHECK(tokenize(data, limit, cuts) == tokenize(data, limit, {}));
    CHECK(tokenize(data, 1 << 20, cuts) == tokenize(data, 1 << 20, {}));
  }
}

TEST_CASE("tokenizer: records read in place equal the general path's", "[tokenizer]") {
  // Fed a byte at a time, no record lies whole in a chunk, so every one takes the general path;
  // fed whole, the plain ones are read in place as views into the chunk.
  auto byte_by_byte = [](const std::string& data, std::size_t limit) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 1; at < data.size(); ++at) cuts.push_back(at);
    return tokenize(data, limit, cuts);
  };
  const std::string ssb = "\"K-0301 Oslo\";\"0 \xe5r\";\"Menn\";\"2024\";3817\r\n"
                          "\"K-0301 Oslo\";\"0 \xe5r\";\"Kvinner\";\"2024\";3601\r\n;;\n\n\"\";x\r\n";
  CHECK(tokenize(ssb, 100, {}) == byte_by_byte(ssb, 100));
  CHECK(tokenize(ssb, 100, {}) ==
        "1-2:[K-0301 Oslo][0 \xe5r][Menn][2024][3817]\n2-3:[K-0301 Oslo][0 \xe5r][Kvinner][2024][3601]\n"
        "3-4:[][][]\n4-5:[]\n5-6:[][x]\n");
  // Exactly at the limit (read in place) and one byte over it (the general path skips it).
  CHECK(tokenize("\"ab\";c\nd\n", 6, {}) == "1-2:[ab][c]\n2-3:[d]\n");
  CHECK(tokenize("\"ab\";cd\nd\n", 6, {}) == byte_by_byte("\"ab\";cd\nd\n", 6));
  std::mt19937 rng(9);
  const char* const pieces[] = {"a", "bc", ";", "\"q\"", "\"\"", "\"x\"y", "\r\n", "\n", "\r", " ", "\xe5"};
  for (int round = 0; round < 500; ++round) {
    std::string data;
    const std::size_t n = rng() % 40;
    for (std::size_t i = 0; i < n; ++i) data += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    const std::size_t limit = 1 + rng() % 30;
    INFO("round " << round << ", limit " << limit << ", data " << data);
    CHECK(tokenize(data, limit, {}) == byte_by_byte(data, limit));
  }
}
