#include "row_labels.hpp"

#include <initializer_list>
#include <string>
#include <vector>

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

namespace {

struct Word {
  std::size_t begin, end;
  std::string norm;
};

// The cell's words (runs of letters and digits; bytes of UTF-8 letters count as letters).
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  auto letter = [&](std::size_t k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  while (i < text.size() && words.size() < 12) {
    while (i < text.size() && !letter(i)) ++i;
    const std::size_t b = i;
    while (i < text.size() && letter(i)) ++i;
    if (i > b) words.push_back({b, i, normalise_name(text.substr(b, i - b))});
  }
  return words;
}

// Target groups, and the whole population's ages and sexes (normalised labels, SSB's codes too):
// a new synonym is one more word in its list.
constexpr std::initializer_list<const char*> kAdultsWords = {
    "voksne", "voksen", "adults", "adult", "voksne18", "voksneover18", "voksne18aar", "voksneover18aar",
    "over18", "voksne18aarogeldre"};
constexpr std::initializer_list<const char*> kChildrenWords = {
    "barnogunge", "barnogunge018", "barnogunge017", "barnogunge018aar", "barnogunge017aar",
    "barnogungdom", "barn", "children", "childrenandyoungpeople", "childrenandyouth",
    "childrenandadolescents", "barnogungeunder18", "barnogungeunder18aar"};
constexpr std::initializer_list<const char*> kAllAgesWords = {
    "allealdre", "alleraldre", "allages", "total", "totalt", "ialt", "alle", "0105", "0120", "999",
    "999d", "alderialt", "allaldrar", "totalages"};
constexpr std::initializer_list<const char*> kBothSexesWords = {
    "beggekjonn", "bothsexes", "total", "totalt", "ialt", "alle", "0", "begge", "both", "all"};

bool strong_sum_word(const std::string& w) {
  return is_one_of(w, {"sum", "summen", "totalt", "total", "totals", "samlet", "samla", "totalsum",
                       "grandtotal", "ialt"});
}

bool weak_sum_word(const std::string& w) { return is_one_of(w, {"alle", "begge", "all", "both"}); }

bool sum_object_word(const std::string& w) {
  return is_one_of(w, {"tjenester", "tjenestene", "tenester", "maalgrupper", "maalgruppene", "grupper",
                       "gruppene", "services", "groups", "aldre", "aldersgrupper", "ages"});
}

// Words [from, to) of `w` form a label: a strong word, «i alt», or a weak word alone or before
// what it sums.
std::size_t label_words_at_end(const std::vector<Word>& w) {
  const std::size_t n = w.size();
  if (n >= 2 && w[n - 2].norm == "i" && w[n - 1].norm == "alt") return 2;
  if (n >= 1 && strong_sum_word(w[n - 1].norm)) return 1;
  return 0;
}

}  // namespace

bool is_sum_label(std::string_view text) {
  const std::vector<Word> w = words_of(text);
  if (w.empty()) return false;
  if (strong_sum_word(w[0].norm) || label_words_at_end(w) > 0) return true;
  if (weak_sum_word(w[0].norm)) return w.size() == 1 || (w.size() == 2 && sum_object_word(w[1].norm));
  return false;
}

bool split_sum_label(std::string_view cell, std::string_view& unit) {
  const std::vector<Word> w = words_of(cell);
  if (w.empty()) return false;
  if (std::size_t k = label_words_at_end(w)) {
    unit = trim(cell.substr(0, w[w.size() - k].begin));
  } else if (strong_sum_word(w[0].norm) || (w.size() == 1 && weak_sum_word(w[0].norm))) {
    unit = w.size() > 1 ? trim(cell.substr(w[1].begin)) : std::string_view();
  } else {
    return false;
  }
  while (!unit.empty() && (unit.back() == ':' || unit.back() == '-' || unit.back() == ',' || unit.back() == '('))
    unit = trim(unit.substr(0, unit.size() - 1));
  return true;
}

GroupMatch match_group(std::string_view text) {
  std::string n = normalise_name(text);
  if (n.empty()) return GroupMatch::Empty;
  if (is_one_of(n, kAdultsWords)) return GroupMatch::Adults;
  if (is_one_of(n, kChildrenWords)) return GroupMatch::Children;
  return GroupMatch::Unknown;
}

bool is_total_age(std::string_view label) {
  std::string n = normalise_name(label);
  if (n.empty()) return true;
  if (is_one_of(n, kAllAgesWords)) return true;
  // "0-105+", "0-105 år eller eldre", "0-119 years".
  std::string_view t = trim(label);
  if (starts_with(t, "0-") || starts_with(t, "0 - ")) {
    std::size_t p = t.find('-');
    std::string_view rest = trim(t.substr(p + 1));
    std::size_t k = 0;
    while (k < rest.size() && is_digit(rest[k])) ++k;
    if (k > 0 && std::stoi(std::string(rest.substr(0, k))) >= 100) return true;
  }
  return false;
}

bool is_total_sex(std::string_view label) {
  std::string n = normalise_name(label);
  return n.empty() || is_one_of(n, kBothSexesWords);
}

}  // namespace arsverk::detail
