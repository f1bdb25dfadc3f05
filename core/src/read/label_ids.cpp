#include "label_ids.hpp"

namespace arsverk::detail {

uint32_t LabelIds::id(std::string_view label) {
  if (const uint32_t* last = last_.find(label)) return *last;
  std::string key(label);
  auto it = ids_.find(key);
  if (it == ids_.end()) {
    if (labels_.size() >= cap_) return kFull;
    it = ids_.emplace(key, static_cast<uint32_t>(labels_.size())).first;
    labels_.push_back(key);
  }
  last_.replace(key) = it->second;
  return it->second;
}

}  // namespace arsverk::detail
