#pragma once
// How a SpreadsheetML cell reads as text, the way Excel shows it and saves it to CSV: numbers
// with 15 significant digits, dates as dates; and A1-style cell references.
#include <cstdint>
#include <string>
#include <string_view>

#include "arsverk/diagnostic.hpp"

namespace arsverk::detail::xlsx {

constexpr int kMaxColumn = 16384;    // XFD
constexpr int64_t kMaxRow = 1048576;

// "C7" → row 7, column 3; "$C$7" too. False for anything else.
bool parse_cell_ref(std::string_view ref, int64_t& row, int& column);
using ::arsverk::column_letters;  // 3 → "C", 28 → "AB" (with the diagnostics, which name cells)

// A stored number as Excel's General format shows it: rounded to 15 significant digits, plain
// decimal (no exponent), trailing zeros dropped, ',' as the decimal mark: 24.350000000000001 →
// "24,35", 1E-3 → "0,001". Empty when the text is not a number.
std::string number_text(std::string_view stored);

enum class DateKind { None, Date, Time, DateTime };
// What a number format shows: built-in ids 14–22, 27–36, 45–47, 50–58 are dates or times; a
// custom format code is one when it has y, m, d, h or s outside quotes, escapes and [colour] or
// [$-locale] brackets.
DateKind date_kind(int format_id, std::string_view format_code);

// A date serial as Norwegian Excel shows it: "01.03.2024", "12:30", "01.03.2024 12:30".
// `date1904` is the workbook's 1904 date system. "#####" (what Excel shows) when the serial is
// outside Excel's date range.
std::string date_text(std::string_view stored, DateKind kind, bool date1904);

}  // namespace arsverk::detail::xlsx
