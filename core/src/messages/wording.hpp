#pragma once
// Pieces the catalogue's texts share: a quoted cell, a list, a fixed-point value, the sentence on
// what the calculator reads.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "arsverk/fixed.hpp"
#include "arsverk/model.hpp"

namespace arsverk::detail {

// The quotation marks of each language around a text as it is: «text» in Norwegian, "text" in
// English, as the rest of the English texts quote.
std::string in_quotes(std::string_view text, Lang lang);
// A cell quoted for messages: its invisible characters escaped, shortened when long, in_quotes.
std::string quoted_text(std::string_view text, Lang lang, std::size_t max_bytes = 60);
// Each text quoted and joined by commas: «a», «b» / “a”, “b”.
std::string quoted_list(const std::vector<std::string>& texts, Lang lang);
std::string join(const std::vector<std::string>& items, const char* sep = ", ");
// A target group in words: «voksne» / "adults", «barn og unge» / "children and young people"; empty
// when not given.
std::string group_words(TargetGroup group, Lang lang);
// Exact text of a fixed-point value: "12,5" in Norwegian, "12.5" in English.
std::string fixed_text(Fixed value, Lang lang);

// The message every "this is not a table we read" case ends with.
extern const char* const kAcceptedNb;
extern const char* const kAcceptedEn;

}  // namespace arsverk::detail
