#pragma once
// What a column header says the column holds: the role of each header word in a table, and the
// rate marker of a reference file.
#include <string>
#include <string_view>

#include "categories.hpp"

namespace arsverk::detail {

enum class Role {
  None, Year, Unit, UnitName, Group, Service, Category, Value, ArsverkValue, Population,
  Age, Sex, Contents, CategoryColumn, YearColumn,
};

struct ColumnInfo {
  Role role = Role::None;
  int unit_priority = 0;
  CategoryMatch category;      // CategoryColumn
  int year = 0;                // YearColumn
  int sex = -1;                // YearColumn: -1 no sex in header, 0 total, 1 detail
  std::string sex_key;         // YearColumn: normalised sex text
  std::string header;          // as written (UTF-8, trimmed)
};
ColumnInfo classify_header(std::string_view header);

// Reference files (published rates): a header that says "per 1 000" (or "rate") marks the file
// as rates, never FTEs.
bool has_rate_marker(std::string_view header);

}  // namespace arsverk::detail
