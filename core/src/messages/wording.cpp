#include "messages/wording.hpp"

#include "read/text.hpp"

namespace arsverk::detail {

const char* const kAcceptedNb =
    "Kalkulatoren leser Excel-arbeidsb\u00f8ker (.xlsx) og tabeller som tekst: CSV/TSV lagret fra Excel "
    "eller LibreOffice (\u00abLagre som\u00bb \u2192 CSV), eksport fra SSBs statistikkbank (CSV), og "
    "JSON-stat 2.0 fra SSBs API.";
const char* const kAcceptedEn =
    "The calculator reads Excel workbooks (.xlsx) and tables as text: CSV/TSV saved from Excel or "
    "LibreOffice (“Save as” \u2192 CSV), exports from SSB’s StatBank (CSV), and JSON-stat 2.0 from "
    "SSB’s API.";
std::string in_quotes(std::string_view text, Lang lang) {
  const char* open = lang == Lang::Nb ? "\u00ab" : "\u201c";
  const char* close = lang == Lang::Nb ? "\u00bb" : "\u201d";
  return open + std::string(text) + close;
}

std::string quoted_text(std::string_view text, Lang lang, std::size_t max_bytes) {
  return in_quotes(excerpt(text, max_bytes), lang);
}

std::string quoted_list(const std::vector<std::string>& texts, Lang lang) {
  std::string out;
  for (const std::string& text : texts) out += (out.empty() ? "" : ", ") + quoted_text(text, lang);
  return out;
}

std::string group_words(TargetGroup group, Lang lang) {
  switch (group) {
    case TargetGroup::Adults: return lang == Lang::Nb ? "voksne" : "adults";
    case TargetGroup::Children: return lang == Lang::Nb ? "barn og unge" : "children and young people";
    case TargetGroup::Unspecified: return "";
  }
  return "";
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string fixed_text(Fixed value, Lang lang) {
  int64_t m = value.micro();
  bool neg = m < 0;
  uint64_t a = neg ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
  std::string out = (neg ? "-" : "") + std::to_string(a / Fixed::kScale);
  uint64_t frac = a % Fixed::kScale;
  if (frac) {
    std::string f = std::to_string(frac);
    f = std::string(Fixed::kDecimals - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += (lang == Lang::Nb ? "," : ".") + f;
  }
  return out;
}

}  // namespace arsverk::detail
