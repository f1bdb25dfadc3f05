#pragma once
#include <string_view>

#include "arsverk/fixed.hpp"

namespace arsverk::detail {

// parse_decimal without its fast path for plain cells («12,5»): the tests hold the two equal.
ParsedNumber parse_decimal_in_full(std::string_view text, bool comma_decimal);

}  // namespace arsverk::detail
