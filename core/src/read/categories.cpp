#include "categories.hpp"

#include <algorithm>
#include <cstring>

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

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
  // Schema 2015 disjoint levels.
  if (norm == "ingen" || norm == "ingenutdanning" || norm == "ingenformellutdanning")
    return CategoryMatch{Category::Ingen, false};
  if (norm == "annenvgs") return CategoryMatch{Category::AnnenVgs, false};
  if (norm == "vgshelse") return CategoryMatch{Category::VgsHelse, false};
  if (norm == "hoyuten") return CategoryMatch{Category::HoyUten, false};
  if (norm == "hoymed") return CategoryMatch{Category::HoyMed, false};
  // Totals.
  if (is_one_of(norm, {"totalt", "total", "sum", "ialt", "sumae", "totalae", "totaltae", "sumalle",
                "totaltaarsverk", "sumaarsverk", "aarsverktotalt", "aarsverkialt", "alle",
                "allekategorier", "sumkategorier", "totalfte", "totalftes", "ftetotal",
                "ftestotal", "allftes", "totalaarsverk"}))
    return CategoryMatch{Category::Total, true};

  const bool higher = contains_any(norm, {"universitet", "hoyskole", "hogskole", "hoegskole", "university",
                                    "college", "higher"});
  const bool upper_sec = contains_any(norm, {"videregaaende", "vgs", "uppersecondary", "highschool"});
  const bool health_social = (contains(norm, "helse") && contains(norm, "sosial")) ||
                             contains_any(norm, {"healthandsocial", "healthsocial", "helsesosial"});
  // Schema 2024 category names (the questionnaire's, Norwegian and English).
  if (contains_any(norm, {"ufaglaert", "noformaleducation", "unskilled", "utenformellutdanning",
                    "noformalqualification"}))
    return CategoryMatch{Category::E, false};
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
  if (higher && (starts_with(norm, "hoyskole") || starts_with(norm, "hogskole") ||
                 starts_with(norm, "hoegskole") || starts_with(norm, "universitet") ||
                 starts_with(norm, "higher") || starts_with(norm, "university"))) {
    if (contains_any(norm, {"uten", "without"})) return CategoryMatch{Category::HoyUten, false};
    if (contains_any(norm, {"videreutdanning", "medvidere", "furthereducation", "withfurther"}))
      return CategoryMatch{Category::M4, false};
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
  return contains_any(n, {"utdann", "education", "aarsverk", "arsverk", "fte", "kategori", "category",
                    "helse", "health", "sosial", "social", "hoyskole", "hogskole", "universit",
                    "college", "vgs", "videregaaende", "secondary", "faglaert", "skilled",
                    "maaltall", "measure", "videre", "further"});
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
  for (const char* marker : {"per1000innbyggere", "per1000inhabitants", "per1000", "pr1000",
                             "innbyggere", "inhabitants", "antall", "aarsverk", "ftes", "fte",
                             "rate"})
    n = remove_once(n, marker);
  if (n.empty()) return 0;  // "Årsverk per 1 000 innbyggere" alone: the main measure
  if (is_one_of(n, {"hovedmaaltall", "mainmeasure", "totalt", "total", "ialt", "alle"})) return 0;
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
