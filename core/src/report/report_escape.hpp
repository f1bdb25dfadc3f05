#pragma once
// Escaping of text from input on its way out: CSV cells and the terminal table.
#include <string>

namespace arsverk {

// One CSV cell: quoted when it holds the delimiter, a quote or a line break; a cell beginning
// with = + - @ (tab, CR) that is not a plain signed number is prefixed with ' (CSV injection).
std::string csv_field(const std::string& s, char delimiter);
// Control characters, DEL, C1 controls and bidirectional overrides as visible escapes.
std::string terminal_safe(const std::string& s);

}  // namespace arsverk
