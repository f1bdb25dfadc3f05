#include "csv_tokenizer.hpp"

namespace arsverk::detail {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// High bit set in each byte of `word` equal to the byte repeated in `pattern`. Only the lowest
// set bit is exact (a borrow can mark bytes above a match), which is all find_any_of3 uses.
inline uint64_t bytes_equal(uint64_t word, uint64_t pattern) {
  const uint64_t x = word ^ pattern;
  return (x - kOnes) & ~x & kHighs;
}

}  // namespace

std::size_t find_any_of3(const char* p, const char* end, char a, char b, char c) {
  const char* const start = p;
  const uint64_t pa = kOnes * static_cast<unsigned char>(a);
  const uint64_t pb = kOnes * static_cast<unsigned char>(b);
  const uint64_t pc = kOnes * static_cast<unsigned char>(c);
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    const uint64_t hit = bytes_equal(word, pa) | bytes_equal(word, pb) | bytes_equal(word, pc);
    if (hit) return static_cast<std::size_t>(p - start) + (__builtin_ctzll(hit) >> 3);
    p += 8;
  }
  while (p < end && *p != a && *p != b && *p != c) ++p;
  return static_cast<std::size_t>(p - start);
}

}  // namespace arsverk::detail
