#include "label_ids.hpp"

namespace arsverk::detail {

uint32_t LabelIds::id(std::string_view label) {
  if (last_id_ != kFull && label == last_) return last_id_;
  std::string key(label);
  auto it = ids_.find(key);
  if (it == ids_.end()) {
    if (labels_.size() >= cap_) return kFull;
    it = ids_.emplace(key, static_cast<uint32_t>(labels_.size())).first;
    labels_.push_back(key);
  }
  last_ = std::move(key);
  last_id_ = it->second;
  return last_id_;
}

}  // namespace arsverk::detail
