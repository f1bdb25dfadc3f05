#pragma once
// A small direct-mapped memo from a cell's raw bytes (and how they were to be decoded) to what
// they resolved to. Labels repeat, so most rows find theirs without decoding, trimming or hashing
// a string; a slot taken by another label is simply overwritten (the caller resolves it again).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail {

template <typename T>
class RawMemo {
 public:
  // The two slots found last are tried first: a label repeats or alternates on most rows.
  const T* find(std::string_view raw, uint8_t mode) {
    if (entries_.empty()) return nullptr;
    for (std::size_t i : recent_)
      if (matches(entries_[i], raw, mode)) return &entries_[i].value;
    const std::size_t i = slot(raw);
    if (!matches(entries_[i], raw, mode)) return nullptr;
    remember(i);
    return &entries_[i].value;
  }
  const T& put(std::string_view raw, uint8_t mode, T value) {
    if (entries_.empty()) entries_.resize(kSlots);
    const std::size_t i = slot(raw);
    Entry& e = entries_[i];
    e.used = true;
    e.mode = mode;
    e.raw.assign(raw.data(), raw.size());
    e.value = std::move(value);
    remember(i);
    return e.value;
  }

 private:
  static constexpr std::size_t kSlots = 256;
  struct Entry {
    std::string raw;
    T value{};
    uint8_t mode = 0;
    bool used = false;
  };
  static bool matches(const Entry& e, std::string_view raw, uint8_t mode) {
    return e.used && e.mode == mode && e.raw.size() == raw.size() &&
           same_bytes(e.raw.data(), raw.data(), raw.size());
  }
  // Eight bytes at a time, inline: labels are short, and a call to memcmp (a byte loop in the
  // WebAssembly build) costs more than the comparison.
  static bool same_bytes(const char* a, const char* b, std::size_t n) {
    uint64_t x, y;
    for (; n >= 8; a += 8, b += 8, n -= 8) {
      std::memcpy(&x, a, 8);
      std::memcpy(&y, b, 8);
      if (x != y) return false;
    }
    for (; n > 0; ++a, ++b, --n)
      if (*a != *b) return false;
    return true;
  }
  void remember(std::size_t i) {
    if (recent_[0] == i) return;
    recent_[1] = recent_[0];
    recent_[0] = i;
  }
  // From the length and the first and last bytes: labels differ there (a number, a name).
  static std::size_t slot(std::string_view raw) {
    static_assert(kSlots == 256, "the slot is the hash's top byte");
    uint64_t head = 0, tail = 0;
    if (raw.size() >= 8) {
      std::memcpy(&head, raw.data(), 8);
      std::memcpy(&tail, raw.data() + raw.size() - 8, 8);
    } else {
      for (unsigned char c : raw) head = (head << 8) | c;
    }
    const uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ raw.size();
    return static_cast<std::size_t>(h >> 56);
  }
  std::vector<Entry> entries_;
  std::size_t recent_[2] = {0, 0};
};

}  // namespace arsverk::detail
