#pragma once
// Reads an Excel workbook (.xlsx, .xlsm) held whole in memory: every visible worksheet goes row
// by row through the same table reader as a CSV file, its messages naming sheet and cell. Any
// other ZIP archive (an .ods, .xlsb, or a plain archive) gets a message saying what to do.
#include <string_view>

#include "../read_context.hpp"

namespace arsverk::detail::xlsx {

// True when the bytes start like a ZIP archive.
bool looks_like_zip(std::string_view head);

void read_zip(ReadContext& ctx, std::string_view bytes);

}  // namespace arsverk::detail::xlsx
