#pragma once
// One worksheet (sheetN.xml) → rows for the table reader, in order, as Excel would save them to
// CSV: numbers with 15 significant digits, dates as dates, merged label cells filled across the
// merge. Hidden rows are left out and reported.
#include <string>
#include <string_view>

#include "../reader_common.hpp"
#include "../reader_table.hpp"
#include "book.hpp"

namespace arsverk::detail::xlsx {

// Reports through ctx (whose `sheet` names the sheet). False when the XML broke off; the rows
// before that were read.
bool read_sheet(ReadContext& ctx, const Workbook& book, std::string_view xml, const std::string& part,
                TableReader& table);

}  // namespace arsverk::detail::xlsx
