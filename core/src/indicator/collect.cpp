// Collect: every årsverk value of every file, with the file it came from, in reading order.
#include "context.hpp"

namespace arsverk::detail {

void collect(Context& ctx) {
  for (std::size_t fi = 0; fi < ctx.files.size(); ++fi)
    for (const ArsverkValue& v : ctx.files[fi].arsverk) ctx.values.push_back({&v, static_cast<int>(fi)});
}

}  // namespace arsverk::detail
