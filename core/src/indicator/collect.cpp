// Collect: every årsverk value and every published reference rate of every file, with the file it
// came from, in reading order.
#include "context.hpp"

namespace arsverk::detail {

void collect(Context& ctx) {
  for (std::size_t fi = 0; fi < ctx.files.size(); ++fi) {
    const int file = static_cast<int>(fi);
    for (const ArsverkValue& v : ctx.files[fi].arsverk) ctx.values.push_back({&v, file});
    for (const ReferenceRate& r : ctx.files[fi].reference) ctx.reference_values.push_back({&r, file});
  }
}

}  // namespace arsverk::detail
