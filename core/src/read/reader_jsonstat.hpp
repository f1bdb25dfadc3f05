#pragma once
// JSON-stat 2.0 population datasets (SSB PxWebApi v0/v2). The text is held whole and read in
// two SAX passes: the structure (values only counted, so the key order does not matter), then
// the values, streamed into the population sums. `size` is checked against the categories and
// the value count before anything is sized by it.
#include <string>

#include "read_context.hpp"

namespace arsverk::detail {

void read_jsonstat(ReadContext& ctx, std::string text, bool bom);

}  // namespace arsverk::detail
