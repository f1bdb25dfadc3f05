#pragma once
// The synthetic example årsverk (scripts/generate-example-data.mjs), embedded for the CLI's --demo.
#include <string_view>

namespace arsverk::embedded {
extern const std::string_view example_eksempel_arsverk_2023_csv;
extern const std::string_view example_eksempel_arsverk_2024_2025_csv;
}  // namespace arsverk::embedded
