#pragma once
// The education categories and measures as files name them: letter codes, the questionnaire's
// names (2015 and 2024 schemas, nb and en), and the names messages suggest.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arsverk/model.hpp"

namespace arsverk::detail {

struct CategoryMatch {
  Category category = Category::Total;
  bool provisional_total = false;  // "totalt"/"sum": M1 or Total, decided by the rest of the file
};
std::optional<CategoryMatch> match_category(std::string_view text);

// The category and measure headers we know, as written in messages (nb and en).
const std::vector<std::string>& known_category_headers();
// True when an unknown header looks like it was meant as a category ("utdanning", "education",
// "årsverk", "FTE", …), so its message suggests the closest known name.
bool looks_like_category(std::string_view header);
std::string closest_category_header(std::string_view header);

// Reference files (published rates): measure names map to 0..3 (M1..M4) in either schema's
// wording.
std::optional<int> match_reference_measure(std::string_view text);

}  // namespace arsverk::detail
