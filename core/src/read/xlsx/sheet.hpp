#pragma once
// One worksheet (sheetN.xml) → rows for the table reader, in order, as Excel would save them to
// CSV: numbers with 15 significant digits, dates as dates, merged label cells filled across the
// merge. Hidden rows are left out and reported.
#include <string>
#include <string_view>

#include "../read_context.hpp"
#include "../table/table_reader.hpp"
#include "book.hpp"

namespace arsverk::detail::xlsx {

// Cells handed on from the whole workbook (rows × width). A row of XML can be a few bytes yet as
// wide as the table allows, so this, not the XML size, bounds the work: 64 M is 2 M rows of 32
// columns.
constexpr std::size_t kMaxBookCells = 64u << 20;

// Reports through ctx (whose `sheet` names the sheet). `cells_fed` counts the cells of the
// workbook's sheets so far. False when the XML broke off (the rows before that were read) or
// the workbook's cells ran out.
bool read_sheet(ReadContext& ctx, const Workbook& book, std::string_view xml, const std::string& part,
                TableReader& table, std::size_t& cells_fed);

}  // namespace arsverk::detail::xlsx
