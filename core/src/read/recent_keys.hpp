#pragma once
// The last one or two keys looked up and what they gave, compared before a slower lookup (a hash
// table, a decoding): labels repeat or alternate from row to row. A new key replaces the oldest.
#include <cstddef>
#include <string>
#include <string_view>

namespace arsverk::detail {

template <typename Value, std::size_t N>
class RecentKeys {
 public:
  Value* find(std::string_view key) {
    for (Entry& e : entries_)
      if (e.used && e.key == key) return &e.value;
    return nullptr;
  }
  // The oldest entry, now for `key`: its value is left as it was (its memory reused) for the
  // caller to set.
  Value& replace(std::string_view key) {
    Entry& e = entries_[next_];
    next_ = (next_ + 1) % N;
    e.used = true;
    e.key.assign(key.data(), key.size());
    return e.value;
  }
  void clear() {
    for (Entry& e : entries_) e.used = false;
  }

 private:
  struct Entry {
    std::string key;
    Value value{};
    bool used = false;
  };
  Entry entries_[N];
  std::size_t next_ = 0;
};

}  // namespace arsverk::detail
