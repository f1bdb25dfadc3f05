#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "recent_keys.hpp"

namespace arsverk::detail {

// Small ids for repeated labels: most rows repeat the previous row's label, so that is compared
// first and the hash table is consulted only when the label changes.
class LabelIds {
 public:
  static constexpr uint32_t kFull = UINT32_MAX;  // more than `cap` distinct labels
  explicit LabelIds(std::size_t cap) : cap_(cap) {}
  uint32_t id(std::string_view label);
  const std::string& label(uint32_t id) const { return labels_[id]; }
  std::size_t size() const { return labels_.size(); }

 private:
  std::size_t cap_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, uint32_t> ids_;
  RecentKeys<uint32_t, 1> last_;
};

}  // namespace arsverk::detail
