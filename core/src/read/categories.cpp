#include "categories.hpp"

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

namespace {

// Category names that are one whole word (normalised): a new synonym is one more word in its line.
// «Totalt» and its kind are M1 or Total, decided by the rest of the file.
struct CategoryWords {
  Category category;
  bool provisional_total;
  std::initializer_list<const char*> words;
};

const CategoryWords kCategoryWords[] = {
    // Schema 2015's disjoint levels.
    {Category::Ingen, false, {"ingen", "ingenutdanning", "ingenformellutdanning"}},
    {Category::AnnenVgs, false, {"annenvgs"}},
    {Category::VgsHelse, false, {"vgshelse"}},
    {Category::HoyUten, false, {"hoyuten"}},
    {Category::HoyMed, false, {"hoymed"}},
    {Category::Total, true, {"totalt", "total", "sum", "ialt", "sumae", "totalae", "totaltae", "sumalle",
                             "totaltaarsverk", "sumaarsverk", "aarsverktotalt", "aarsverkialt", "alle",
                             "allekategorier", "sumkategorier", "totalfte", "totalftes", "ftetotal",
                             "ftestotal", "allftes", "totalaarsverk"}},
};

// Words a longer category name is made of: its level and its field.
constexpr std::initializer_list<const char*> kHigherEducationParts = {
    "universitet", "hoyskole", "hogskole", "hoegskole", "university", "college", "higher"};
constexpr std::initializer_list<const char*> kUpperSecondaryParts = {"videregaaende", "vgs",
                                                                     "uppersecondary", "highschool"};
constexpr std::initializer_list<const char*> kHealthAndSocialParts = {"healthandsocial", "healthsocial",
                                                                      "helsesosial"};
constexpr std::initializer_list<const char*> kUnskilledParts = {
    "ufaglaert", "noformaleducation", "unskilled", "utenformellutdanning", "noformalqualification"};
// Schema 2015's measure names start with their level: "Høyskole/universitet …", "Higher education …".
constexpr std::initializer_list<const char*> kHigherEducationStarts = {
    "hoyskole", "hogskole", "hoegskole", "universitet", "higher", "university"};
constexpr std::initializer_list<const char*> kWithoutParts = {"uten", "without"};
constexpr std::initializer_list<const char*> kFurtherEducationParts = {"videreutdanning", "medvidere",
                                                                       "furthereducation", "withfurther"};

// Headers an unknown header is near enough to be meant as a category.
constexpr std::initializer_list<const char*> kCategoryLikeParts = {
    "utdann", "education", "aarsverk", "arsverk", "fte", "kategori", "category", "helse", "health",
    "sosial", "social", "hoyskole", "hogskole", "universit", "college", "vgs", "videregaaende",
    "secondary", "faglaert", "skilled", "maaltall", "measure", "videre", "further"};

// Reference files: the words around a measure's name, and the names of the main measure.
constexpr std::initializer_list<const char*> kReferenceMarkers = {
    "per1000innbyggere", "per1000inhabitants", "per1000", "pr1000", "innbyggere", "inhabitants",
    "antall", "aarsverk", "ftes", "fte", "rate"};
constexpr std::initializer_list<const char*> kMainMeasureWords = {"hovedmaaltall", "mainmeasure", "totalt",
                                                                  "total", "ialt", "alle"};

bool starts_with_any(std::string_view s, std::initializer_list<const char*> prefixes) {
  for (const char* p : prefixes)
    if (starts_with(s, p)) return true;
  return false;
}

}  // namespace

std::optional<CategoryMatch> match_category(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty()) return std::nullopt;
  std::string lower = lower_ascii(t);
  std::string norm = normalise_name(t);
  if (norm.empty()) return std::nullopt;

  // Letter codes: "a", "a)", "(a)", "a.", "a:", "a - …", "a) …".
  {
    std::string_view l = lower;
    bool paren = false;
    if (!l.empty() && l[0] == '(') { l.remove_prefix(1); paren = true; }
    if (!l.empty() && l[0] >= 'a' && l[0] <= 'e') {
      char letter = l[0];
      std::string_view after = l.substr(1);
      bool ok = false;
      if (after.empty()) ok = !paren;
      else if (after[0] == ')') ok = true;
      else if (!paren && (after[0] == '.' || after[0] == ':')) ok = true;
      else if (!paren && (starts_with(after, " -") || starts_with(after, " \xE2\x80\x93") ||
                          starts_with(after, " )")))
        ok = true;
      if (ok) return CategoryMatch{static_cast<Category>(letter - 'a'), false};
    }
  }
  for (const char* p : {"kategori", "category", "kat"}) {
    if (starts_with(norm, p) && norm.size() == std::strlen(p) + 1) {
      char c = norm.back();
      if (c >= 'a' && c <= 'e') return CategoryMatch{static_cast<Category>(c - 'a'), false};
    }
  }
  // Schema 2015 measures: "M1", "M2 …", "måltall 3", "measure 4".
  for (const char* p : {"m", "maaltall", "maltall", "measure", "indikator"}) {
    std::size_t n = std::strlen(p);
    if (starts_with(norm, p) && norm.size() > n && norm[n] >= '1' && norm[n] <= '4' &&
        (norm.size() == n + 1 || !is_digit(norm[n + 1])))
      return CategoryMatch{static_cast<Category>(static_cast<int>(Category::M1) + (norm[n] - '1')), false};
  }
  for (const CategoryWords& c : kCategoryWords)
    if (is_one_of(norm, c.words)) return CategoryMatch{c.category, c.provisional_total};

  const bool higher = contains_any(norm, kHigherEducationParts);
  const bool upper_sec = contains_any(norm, kUpperSecondaryParts);
  const bool health_social = (contains(norm, "helse") && contains(norm, "sosial")) ||
                             contains_any(norm, kHealthAndSocialParts);
  // Schema 2024 category names (the questionnaire's, Norwegian and English).
  if (contains_any(norm, kUnskilledParts)) return CategoryMatch{Category::E, false};
  // "Min. helse- og sosialfag vgs", "Minimum helse- og sosialfag fra vgs", "Min. health/social
  // upper secondary": the nested 2015 measure M2.
  if (starts_with(norm, "min") && (contains(norm, "helse") || contains(norm, "health")))
    return CategoryMatch{Category::M2, false};
  // "Annen utdanning enn helse- og sosialfag fra universitet/høyskole" is d, not b.
  if (starts_with(norm, "annen") || starts_with(norm, "other")) {
    if (higher) return CategoryMatch{Category::D, false};
    if (upper_sec) return CategoryMatch{Category::C, false};
  }
  if (health_social) {
    if (higher) return CategoryMatch{Category::B, false};
    if (upper_sec) return CategoryMatch{Category::A, false};
  }
  // Schema 2015 measure names: "Høyskole/universitet", "… med videreutdanning", "Higher
  // education", "Higher education with further education".
  if (higher && starts_with_any(norm, kHigherEducationStarts)) {
    if (contains_any(norm, kWithoutParts)) return CategoryMatch{Category::HoyUten, false};
    if (contains_any(norm, kFurtherEducationParts)) return CategoryMatch{Category::M4, false};
    return CategoryMatch{Category::M3, false};
  }
  return std::nullopt;
}

namespace {

// Similarity of two normalised names: the Dice coefficient of their letter pairs, so a long
// header shares most with the long name it resembles, not with the shortest name.
double similarity(std::string_view a, std::string_view b) {
  if (a.size() < 2 || b.size() < 2) return a == b ? 1.0 : 0.0;
  std::vector<std::string_view> pairs;
  for (std::size_t i = 0; i + 1 < b.size(); ++i) pairs.push_back(b.substr(i, 2));
  std::size_t common = 0;
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {
    auto it = std::find(pairs.begin(), pairs.end(), a.substr(i, 2));
    if (it != pairs.end()) { ++common; pairs.erase(it); }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size() - 2);
}

}  // namespace

const std::vector<std::string>& known_category_headers() {
  static const std::vector<std::string> names = {
      "a) Helse- og sosialfaglig utdanning fra videregående skole",
      "b) Helse- og sosialfaglig utdanning fra universitet/høyskole",
      "c) Annen utdanning fra videregående skole",
      "d) Annen utdanning fra universitet/høyskole",
      "e) Ufaglærte",
      "a) Health and social education, upper secondary",
      "b) Health and social education, university/college",
      "c) Other education, upper secondary",
      "d) Other education, university/college",
      "e) Unskilled",
      "Totalt",
      "Minimum helse- og sosialfag fra vgs",
      "Høyskole/universitet",
      "Høyskole/universitet med videreutdanning",
      "Total",
      "Min. health/social upper secondary",
      "Higher education",
      "Higher education with further education",
      "ingen", "annen_vgs", "vgs_helse", "hoy_uten", "hoy_med",
      "M1", "M2", "M3", "M4", "årsverk", "FTEs"};
  return names;
}

bool looks_like_category(std::string_view header) {
  const std::string n = normalise_name(header);
  return contains_any(n, kCategoryLikeParts);
}

std::string closest_category_header(std::string_view header) {
  constexpr std::size_t kMaxLength = 80;  // keeps the distance table small for hostile headers
  const std::string n = normalise_name(header).substr(0, kMaxLength);
  const std::string* best = nullptr;
  double best_similarity = -1;
  for (const std::string& name : known_category_headers()) {
    // Compare without the "a) " letter so a header with only the name finds its category.
    const std::size_t letter = name.size() > 3 && name[1] == ')' ? 3 : 0;
    const double s = similarity(n, normalise_name(std::string_view(name).substr(letter)));
    if (s > best_similarity) { best = &name; best_similarity = s; }
  }
  return *best;
}

std::optional<int> match_reference_measure(std::string_view text) {
  std::string n = normalise_name(text);
  for (const char* marker : kReferenceMarkers) n = remove_once(n, marker);
  if (n.empty()) return 0;  // "Årsverk per 1 000 innbyggere" alone: the main measure
  if (is_one_of(n, kMainMeasureWords)) return 0;
  if ((starts_with(n, "min") || contains(n, "minvgs") || contains(n, "minimum")) &&
      (contains(n, "helse") || contains(n, "health")))
    return 1;
  const std::optional<CategoryMatch> m = match_category(text);
  if (!m) return std::nullopt;
  switch (m->category) {
    case Category::Total: case Category::M1: return 0;
    case Category::M2: return 1;
    case Category::M3: case Category::B: return 2;  // 2024: M3 is b
    case Category::M4: case Category::D: case Category::HoyMed: return 3;  // 2024: M4 is d
    default: return std::nullopt;
  }
}

}  // namespace arsverk::detail
