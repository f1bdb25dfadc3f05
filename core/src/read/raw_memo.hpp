#pragma once
// A small direct-mapped memo from a cell's raw bytes (and how they were to be decoded) to what
// they resolved to. Labels repeat, so most rows find theirs without decoding, trimming or hashing
// a string; a slot taken by another label is simply overwritten (the caller resolves it again).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail {

template <typename T>
class RawMemo {
 public:
  const T* find(std::string_view raw, uint8_t mode) const {
    if (entries_.empty()) return nullptr;
    const Entry& e = entries_[slot(raw)];
    return e.used && e.mode == mode && e.raw == raw ? &e.value : nullptr;
  }
  const T& put(std::string_view raw, uint8_t mode, T value) {
    if (entries_.empty()) entries_.resize(kSlots);
    Entry& e = entries_[slot(raw)];
    e.used = true;
    e.mode = mode;
    e.raw.assign(raw.data(), raw.size());
    e.value = std::move(value);
    return e.value;
  }

 private:
  static constexpr std::size_t kSlots = 256;
  static std::size_t slot(std::string_view raw) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (unsigned char c : raw) h = (h ^ c) * 16777619u;
    return (h ^ (h >> 15)) % kSlots;
  }
  struct Entry {
    std::string raw;
    T value{};
    uint8_t mode = 0;
    bool used = false;
  };
  std::vector<Entry> entries_;
};

}  // namespace arsverk::detail
