#pragma once
// JSON-stat 2.0 population datasets (SSB PxWebApi v0/v2). The text is parsed whole.
#include <string>

#include "reader_common.hpp"

namespace arsverk::detail {

void read_jsonstat(ReadContext& ctx, std::string text, bool bom);

}  // namespace arsverk::detail
