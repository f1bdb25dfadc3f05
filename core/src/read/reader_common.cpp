#include "reader_common.hpp"

#include <algorithm>
#include <cstring>

#include "text.hpp"
#include "xlsx/cell_text.hpp"

namespace arsverk::detail {

const char* const kAcceptedNb =
    "Kalkulatoren leser Excel-arbeidsb\u00f8ker (.xlsx) og tabeller som tekst: CSV/TSV lagret fra Excel "
    "eller LibreOffice (\u00abLagre som\u00bb \u2192 CSV), eksport fra SSBs statistikkbank (CSV), og "
    "JSON-stat 2.0 fra SSBs API.";
const char* const kAcceptedEn =
    "The calculator reads Excel workbooks (.xlsx) and tables as text: CSV/TSV saved from Excel or "
    "LibreOffice (\"Save as\" \u2192 CSV), exports from SSB's StatBank (CSV), and JSON-stat 2.0 from "
    "SSB's API.";

void ReadContext::report(Severity severity, const char* code, int64_t line, int column,
                         const std::string& nb, const std::string& en) {
  if (diagnostics.admit(name, code, severity, line)) add_admitted(severity, code, line, column, {nb, en});
}

void ReadContext::add_admitted(Severity severity, const char* code, int64_t line, int column, msg::Texts texts) {
  Diagnostic d{severity, code, name, line, column, std::move(texts.nb), std::move(texts.en)};
  d.sheet = sheet;
  d.place_in_text = PlaceInText::Cell;
  diagnostics.add_admitted(std::move(d));
}

std::string q(std::string_view text, std::size_t max_bytes) {
  return "\u00ab" + excerpt(text, max_bytes) + "\u00bb";
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::string fixed_text(Fixed value, bool comma) {
  int64_t m = value.micro();
  bool neg = m < 0;
  uint64_t a = neg ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
  std::string out = (neg ? "-" : "") + std::to_string(a / Fixed::kScale);
  uint64_t frac = a % Fixed::kScale;
  if (frac) {
    std::string f = std::to_string(frac);
    f = std::string(Fixed::kDecimals - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += (comma ? "," : ".") + f;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "(1988-2003)", "(-2019)", "(2005-2017)", "(2020-)": a period in parentheses (hyphen or en
// dash); an open end is 0.
std::optional<UnitPeriod> period_of(std::string_view s) {
  std::size_t pos = 0;
  while ((pos = s.find('(', pos)) != std::string_view::npos) {
    std::size_t close = s.find(')', pos);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view in = trim(s.substr(pos + 1, close - pos - 1));
    std::size_t dash = in.find('-'), width = 1;
    if (dash == std::string_view::npos) {
      dash = in.find("\xE2\x80\x93");  // en dash U+2013
      width = 3;
    }
    if (dash != std::string_view::npos) {
      std::string_view a = trim(in.substr(0, dash)), b = trim(in.substr(dash + width));
      if ((a.empty() || (a.size() == 4 && all_digits(a))) &&
          (b.empty() || (b.size() == 4 && all_digits(b))) && !(a.empty() && b.empty()))
        return UnitPeriod{a.empty() ? 0 : std::stoi(std::string(a)), b.empty() ? 0 : std::stoi(std::string(b))};
    }
    pos = close + 1;
  }
  return std::nullopt;
}

bool is_land_name(const std::string& n) {
  static const char* const names[] = {"helelandet", "heilelandet", "landet", "norge", "noreg",
                                      "norway", "thewholecountry", "wholecountry", "landetialt",
                                      "landettotalt", "helelandetialt", "nasjonalt", "national"};
  for (const char* x : names)
    if (n == x) return true;
  return false;
}

// Length of a thousands separator at rest[i] ('.', ',', space, no-break spaces), 0 if none.
std::size_t group_separator(std::string_view rest, std::size_t i) {
  if (i >= rest.size()) return 0;
  if (rest[i] == '.' || rest[i] == ',' || rest[i] == ' ') return 1;
  if (rest.substr(i, 2) == "\xC2\xA0") return 2;
  if (rest.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// "3.101", "3 101", "46.01": one to three digits, then groups of exactly three after a
// thousands separator, making four to six digits. Returns the end of the number (and the digits
// joined) or 0 when the text is not grouped that way.
std::size_t grouped_digits(std::string_view rest, std::size_t n, std::string& digits) {
  if (n > 3) return 0;
  std::string joined(rest.substr(0, n));
  std::size_t end = n;
  while (std::size_t sep = group_separator(rest, end)) {
    std::size_t k = end + sep;
    std::size_t d = k;
    while (d < rest.size() && is_digit(rest[d])) ++d;
    if (d - k != 3) break;
    joined.append(rest.substr(k, 3));
    end = d;
  }
  if (end == n || joined.size() < 4 || joined.size() > 6) return 0;
  digits = joined;
  return end;
}

// The codes a name belongs to in the year's structure ("Moss" -> 3103), with or without
// "kommune"/"bydel" around it.
std::set<std::string> codes_named(std::string_view name, Structure st, const Registers& reg) {
  std::set<std::string> codes;
  std::string lower = lower_ascii(name);
  std::vector<std::string_view> variants = {name};
  for (const char* suffix : {" kommune", " bydel", " municipality"})
    if (ends_with(lower, suffix)) variants.push_back(trim(name.substr(0, name.size() - std::strlen(suffix))));
  for (const char* pre : {"bydel ", "kommune "})
    if (starts_with(lower, pre)) variants.push_back(trim(name.substr(std::strlen(pre))));
  for (std::string_view v : variants) {
    for (const Municipality* m : reg.municipalities_named(st, v)) codes.insert(m->code);
    if (const District* d = reg.district_named(v)) codes.insert(d->code);
  }
  return codes;
}

// "3101 Moss": the name is another unit's in that year's structure. Returns that unit ("3103
// Moss") or "" when the name fits the number, is unknown, or there is none.
std::string name_conflict(const std::string& code, std::string_view after, int year,
                          const Registers& reg) {
  if (code.size() != 4 && code.size() != 6) return "";
  std::optional<Structure> st = structure_for_year(year);
  if (!st) return "";
  while (!after.empty() && (after[0] == ':' || after[0] == ',' || after[0] == '.' || after[0] == '-'))
    after.remove_prefix(1);
  std::string_view name = trim(after);
  if (name.empty()) return "";
  const std::set<std::string> codes = codes_named(name, *st, reg);
  if (codes.empty() || codes.count(code)) return "";
  return *codes.begin() + " " + std::string(name);
}

}  // namespace

DistrictKind district_kind(std::string_view code) {
  if (code.size() != 6) return DistrictKind::Unit;
  if (code.substr(0, 4) != "0301") return DistrictKind::OtherCity;
  if (code.substr(4) == "00") return DistrictKind::CityTotal;
  if (code.substr(4) == "99") return DistrictKind::UnknownDistrict;
  return DistrictKind::Unit;
}

UnitResult parse_unit(std::string_view text, std::optional<int> year, const Registers& reg) {
  UnitResult r;
  std::string_view t = trim(text);
  if (t.empty()) return r;
  r.period = period_of(t);
  const bool historical = r.period.has_value();

  std::string lower = lower_ascii(t);
  char prefix = 0;  // 'k' kommune, 'f' fylke, 'b' bydel
  std::string_view rest = t;
  if (lower.size() >= 2 && lower[1] == '-' && (lower[0] == 'k' || lower[0] == 'f' || lower[0] == 'b')) {
    std::string after = normalise_name(t.substr(2));
    if (lower[0] == 'k' && starts_with(after, "rest")) {
      r.status = UnitStatus::Rest;
      return r;
    }
    if (t.size() > 2 && is_digit(t[2])) {
      prefix = lower[0];
      rest = t.substr(2);
    }
  } else {
    static const std::pair<const char*, char> words[] = {
        {"fylke ", 'f'}, {"fylkesnummer ", 'f'}, {"county ", 'f'}, {"kommune ", 'k'},
        {"kommunenummer ", 'k'}, {"municipality ", 'k'}, {"bydel ", 'b'}};
    for (const auto& w : words) {
      std::size_t n = std::strlen(w.first);
      if (starts_with(lower, w.first) && t.size() > n) {
        std::string_view after = trim(t.substr(n));
        if (!after.empty() && is_digit(after[0])) {
          prefix = w.second;
          rest = after;
        }
        break;
      }
    }
  }

  if (!rest.empty() && is_digit(rest[0])) {
    std::size_t n = 0;
    while (n < rest.size() && is_digit(rest[n])) ++n;
    std::string digits(rest.substr(0, n));
    // "3.101", "3 101", "3,101": Excel's thousands format of 3101, never county 03.
    if (std::size_t g = grouped_digits(rest, n, digits)) {
      n = g;
      r.thousands_grouped = true;
    }
    std::size_t k = n;
    // SSB marker letters right after the number: "030101a", "030100aa".
    while (k < rest.size() && k - n < 2 && rest[k] >= 'a' && rest[k] <= 'z') ++k;
    bool markers = k > n;
    std::string_view after = rest.substr(k);
    // What follows the number must be the end or a separator before a name.
    if (!after.empty()) {
      if (invisible_char_at(after, 0)) {  // "31\u200B01": a number broken by an invisible character
        r.status = UnitStatus::Unresolved;
        return r;
      }
      char c = after[0];
      bool ok = c == ' ' || c == '\t' || c == ':' || c == ',' || c == '.' ||
                static_cast<unsigned char>(c) >= 0x80 || (c == '-' && !(after.size() > 1 && is_digit(after[1])));
      if (!ok) {
        r.status = (prefix == 'k' && c == '-') ? UnitStatus::NotMunicipality : UnitStatus::Unresolved;
        return r;
      }
    }
    if (markers && digits.size() != 6 && digits.size() != 4) {
      r.status = UnitStatus::Unresolved;
      return r;
    }
    std::string code;
    switch (digits.size()) {
      case 1:
        if (digits == "0" && prefix != 'f') code = "0";
        else { code = "0" + digits; r.restored_zero = true; }
        break;
      case 2: code = digits; break;
      case 3: code = "0" + digits; r.restored_zero = true; break;
      case 4: code = digits; break;
      case 5: code = "0" + digits; r.restored_zero = true; break;
      case 6: code = digits; break;
      default: r.status = UnitStatus::Unresolved; return r;
    }
    if (prefix == 'k' && code.size() != 4) { r.status = UnitStatus::NotMunicipality; r.code = code; return r; }
    if (prefix == 'f' && code.size() != 2) { r.status = UnitStatus::Unresolved; return r; }
    if (prefix == 'b' && code.size() != 6) { r.status = UnitStatus::Unresolved; return r; }
    r.code = code;
    r.status = historical ? UnitStatus::Historical : UnitStatus::Ok;
    if (r.status == UnitStatus::Ok && year) r.name_conflict = name_conflict(code, after, *year, reg);
    return r;
  }
  if (historical) {
    r.status = UnitStatus::Historical;
    return r;
  }

  // A name.
  std::string norm = normalise_name(t);
  if (norm.empty()) {
    r.status = UnitStatus::Unresolved;
    return r;
  }
  if (is_land_name(norm)) {
    r.code = "0";
    r.status = UnitStatus::Ok;
    return r;
  }
  std::optional<Structure> s = year ? structure_for_year(*year) : std::nullopt;
  std::vector<Structure> structures;
  if (s) structures.push_back(*s);
  else { structures.push_back(Structure::K2024); structures.push_back(Structure::K2020); }

  auto try_name = [&](std::string_view name) -> bool {
    // Municipalities: the structure of the row's year, or (without a year) a name that means the
    // same number in both structures.
    std::vector<const Municipality*> found;
    std::set<std::string> codes;
    for (Structure st : structures)
      for (const Municipality* m : reg.municipalities_named(st, name))
        if (codes.insert(m->code).second) found.push_back(m);
    if (found.size() == 1) {
      r.code = found[0]->code;
      r.status = UnitStatus::Ok;
      return true;
    }
    if (found.size() > 1) {
      if (!s) { r.status = UnitStatus::NeedsYear; return true; }
      r.status = UnitStatus::Ambiguous;
      for (const Municipality* m : found) r.candidates.push_back(m->code + " " + m->name);
      return true;
    }
    if (const District* d = reg.district_named(name)) {
      r.code = d->code;
      r.status = UnitStatus::Ok;
      return true;
    }
    std::string key = normalise_name(name);
    for (Structure st : structures)
      for (const County& c : reg.counties(st))
        if (normalise_name(c.name) == key) {
          r.code = c.code;
          r.status = UnitStatus::Ok;
          return true;
        }
    return false;
  };
  if (try_name(t)) return r;
  // "Halden kommune", "Gamle Oslo bydel", "Bydel Gamle Oslo", "Viken fylke".
  for (const char* suffix : {" kommune", " bydel", " fylke", " fylkeskommune", " municipality"}) {
    if (ends_with(lower, suffix) && try_name(trim(t.substr(0, t.size() - std::strlen(suffix))))) return r;
  }
  for (const char* pre : {"bydel ", "kommune "}) {
    if (starts_with(lower, pre) && try_name(trim(t.substr(std::strlen(pre))))) return r;
  }
  r.status = UnitStatus::Unresolved;
  return r;
}

void report_restored_zero(ReadContext& ctx, bool& reported, std::string_view text,
                          const std::string& code, int64_t line, int column) {
  if (reported) return;
  reported = true;
  ctx.report(line, column, msg::UnitLeadingZeroRestored{text, code});
}

void report_thousands_grouped(ReadContext& ctx, bool& reported, Severity severity,
                              std::string_view text, const std::string& code, int64_t line,
                              int column) {
  if (reported) return;
  reported = true;
  ctx.report(severity, line, column, msg::UnitThousandsSeparator{text, code});
}

void report_bad_unit(ReadContext& ctx, const UnitResult& r, std::string_view text, int64_t line,
                     int column, const char* what_nb, const char* what_en) {
  switch (r.status) {
    case UnitStatus::Ambiguous:
      ctx.report(line, column, msg::UnitAmbiguousName{text, r.candidates, what_nb, what_en});
      break;
    case UnitStatus::NeedsYear:
      ctx.report(line, column, msg::UnitNeedsYear{text, what_nb, what_en});
      break;
    case UnitStatus::Historical:
      ctx.report(line, column, msg::UnitHistorical{text, what_nb, what_en});
      break;
    case UnitStatus::Rest:
    case UnitStatus::NotMunicipality:
      ctx.report(line, column, msg::UnitNotAUnit{text, what_nb, what_en});
      break;
    default:
      ctx.report(line, column, msg::UnitUnknownName{text, what_nb, what_en});
  }
}

// ---------------------------------------------------------------------------------------------
namespace {

bool any_of(const std::string& s, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (contains(s, p)) return true;
  return false;
}

bool in(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s == w) return true;
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
  // Schema 2015 disjoint levels.
  if (norm == "ingen" || norm == "ingenutdanning" || norm == "ingenformellutdanning")
    return CategoryMatch{Category::Ingen, false};
  if (norm == "annenvgs") return CategoryMatch{Category::AnnenVgs, false};
  if (norm == "vgshelse") return CategoryMatch{Category::VgsHelse, false};
  if (norm == "hoyuten") return CategoryMatch{Category::HoyUten, false};
  if (norm == "hoymed") return CategoryMatch{Category::HoyMed, false};
  // Totals.
  if (in(norm, {"totalt", "total", "sum", "ialt", "sumae", "totalae", "totaltae", "sumalle",
                "totaltaarsverk", "sumaarsverk", "aarsverktotalt", "aarsverkialt", "alle",
                "allekategorier", "sumkategorier", "totalfte", "totalftes", "ftetotal",
                "ftestotal", "allftes", "totalaarsverk"}))
    return CategoryMatch{Category::Total, true};

  const bool higher = any_of(norm, {"universitet", "hoyskole", "hogskole", "hoegskole", "university",
                                    "college", "higher"});
  const bool upper_sec = any_of(norm, {"videregaaende", "vgs", "uppersecondary", "highschool"});
  const bool health_social = (contains(norm, "helse") && contains(norm, "sosial")) ||
                             any_of(norm, {"healthandsocial", "healthsocial", "helsesosial"});
  // Schema 2024 category names (the questionnaire's, Norwegian and English).
  if (any_of(norm, {"ufaglaert", "noformaleducation", "unskilled", "utenformellutdanning",
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
    if (any_of(norm, {"uten", "without"})) return CategoryMatch{Category::HoyUten, false};
    if (any_of(norm, {"videreutdanning", "medvidere", "furthereducation", "withfurther"}))
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
  return any_of(n, {"utdann", "education", "aarsverk", "arsverk", "fte", "kategori", "category",
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

bool has_rate_marker(std::string_view header) {
  const std::string n = normalise_name(header);
  return any_of(n, {"per1000", "pr1000", "per1k", "promille", "perthousand"}) ||
         in(n, {"rate", "rater", "rates", "ratio"});
}

std::optional<int> match_reference_measure(std::string_view text) {
  std::string n = normalise_name(text);
  for (const char* marker : {"per1000innbyggere", "per1000inhabitants", "per1000", "pr1000",
                             "innbyggere", "inhabitants", "antall", "aarsverk", "ftes", "fte",
                             "rate"})
    n = remove_once(n, marker);
  if (n.empty()) return 0;  // "Årsverk per 1 000 innbyggere" alone: the main measure
  if (in(n, {"hovedmaaltall", "mainmeasure", "totalt", "total", "ialt", "alle"})) return 0;
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

bool strong_sum_word(const std::string& w) {
  return in(w, {"sum", "summen", "totalt", "total", "totals", "samlet", "samla", "totalsum", "grandtotal",
                "ialt"});
}

bool weak_sum_word(const std::string& w) { return in(w, {"alle", "begge", "all", "both"}); }

bool sum_object_word(const std::string& w) {
  return in(w, {"tjenester", "tjenestene", "tenester", "maalgrupper", "maalgruppene", "grupper",
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
  if (in(n, {"voksne", "voksen", "adults", "adult", "voksne18", "voksneover18", "voksne18aar",
             "voksneover18aar", "over18", "voksne18aarogeldre"}))
    return GroupMatch::Adults;
  if (in(n, {"barnogunge", "barnogunge018", "barnogunge017", "barnogunge018aar", "barnogunge017aar",
             "barnogungdom", "barn", "children", "childrenandyoungpeople", "childrenandyouth",
             "childrenandadolescents", "barnogungeunder18", "barnogungeunder18aar"}))
    return GroupMatch::Children;
  return GroupMatch::Unknown;
}

ColumnInfo classify_header(std::string_view header) {
  ColumnInfo c;
  c.header = std::string(trim(header));
  std::string n = normalise_name(c.header);
  if (n.empty()) return c;
  if (in(n, {"aar", "year", "aargang", "tid", "aarstall", "statistikkaar", "rapporteringsaar",
             "dataaar", "time"})) { c.role = Role::Year; return c; }
  // Several unit-like columns: the most specific one is the unit, the others are names.
  if (in(n, {"kommunenummer", "kommunenr", "knr", "bydelsnummer", "bydelsnr", "kommunekode",
             "municipalitynumber", "municipalitycode", "knrbydelsnr", "kommunebydelsnummer"})) {
    c.role = Role::Unit; c.unit_priority = 5; return c;
  }
  if (in(n, {"regionkode", "kode", "code", "enhetskode", "regionnummer", "nummer", "nr", "unitcode",
             "regioncode", "enhetsnummer"})) { c.role = Role::Unit; c.unit_priority = 4; return c; }
  if (in(n, {"region", "enhet", "unit", "geo", "omraade", "area", "rapporteringsenhet"})) {
    c.role = Role::Unit; c.unit_priority = 3; return c;
  }
  if (in(n, {"kommune", "municipality", "bydel", "district", "citydistrict", "kommunebydel"})) {
    c.role = Role::Unit; c.unit_priority = 2; return c;
  }
  if (in(n, {"fylkesnummer", "fylkesnr", "countynumber", "countycode", "fylkeskode"})) {
    c.role = Role::Unit; c.unit_priority = 1; return c;
  }
  if (in(n, {"fylke", "county"})) { c.role = Role::Unit; c.unit_priority = 0; return c; }
  if (in(n, {"kommunenavn", "navn", "name", "bydelsnavn", "fylkesnavn", "regionnavn", "enhetsnavn",
             "municipalityname", "unitname", "countyname", "districtname", "regionname"})) {
    c.role = Role::UnitName; return c;
  }
  if (in(n, {"maalgruppe", "malgruppe", "targetgroup", "gruppe", "group", "brukergruppe"})) {
    c.role = Role::Group; return c;
  }
  if (in(n, {"tjeneste", "tjenestekategori", "tjenesteomraade", "service", "tjenester",
             "servicecategory", "tjenestetype", "servicetype", "tjenesteomrade"})) {
    c.role = Role::Service; return c;
  }
  if (in(n, {"kategori", "utdanning", "utdanningskategori", "category", "education", "maaltall",
             "maltall", "educationcategory", "utdanningsnivaa", "educationlevel", "utdanningsgruppe",
             "measure"})) { c.role = Role::Category; return c; }
  if (in(n, {"aarsverk", "arsverk", "fte", "ftes", "antallaarsverk", "fulltimeequivalents",
             "aarsverkialt"})) { c.role = Role::ArsverkValue; return c; }
  if (in(n, {"verdi", "value", "values"})) { c.role = Role::Value; return c; }
  if (in(n, {"folkemengde", "befolkning", "population", "innbyggere", "personer", "persons",
             "antall", "folketall", "antallpersoner", "innbyggertall", "folkemengde1januar",
             "antallinnbyggere"})) { c.role = Role::Population; return c; }
  if (in(n, {"alder", "age", "aldersgruppe", "agegroup"})) { c.role = Role::Age; return c; }
  if (in(n, {"kjonn", "sex", "kjoenn", "gender"})) { c.role = Role::Sex; return c; }
  if (in(n, {"contents", "statistikkvariabel", "statisticalvariable", "innhold"})) {
    c.role = Role::Contents; return c;
  }
  if (auto cat = match_category(c.header)) {
    c.role = Role::CategoryColumn;
    c.category = *cat;
    return c;
  }
  // "Persons 2023", "Personer 2023 Menn", "Folkemengde 1. januar 2023", "2023".
  if (auto y = find_year(c.header)) {
    std::string rest = remove_once(n, std::to_string(*y));
    for (const char* w : {"folkemengde", "personer", "persons", "population", "befolkning",
                          "innbyggere", "folketall", "per1januar", "1januar", "januar", "1jan"})
      rest = remove_once(rest, w);
    int sex = -1;
    std::string sex_key;
    for (const char* w : {"beggekjonn", "bothsexes", "ialt", "total", "alle"}) {
      if (contains(rest, w)) { rest = remove_once(rest, w); sex = 0; sex_key = w; break; }
    }
    if (sex < 0) {
      for (const char* w : {"females", "kvinner", "kvinne", "female", "males", "menn", "mann", "male"}) {
        if (contains(rest, w)) { rest = remove_once(rest, w); sex = 1; sex_key = w; break; }
      }
    }
    if (rest.empty()) {
      c.role = Role::YearColumn;
      c.year = *y;
      c.sex = sex;
      c.sex_key = sex_key;
      return c;
    }
  }
  return c;
}

bool is_total_age(std::string_view label) {
  std::string n = normalise_name(label);
  if (n.empty()) return true;
  if (in(n, {"allealdre", "alleraldre", "allages", "total", "totalt", "ialt", "alle", "0105",
             "0120", "999", "999d", "alderialt", "allaldrar", "totalages"}))
    return true;
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
  return n.empty() || in(n, {"beggekjonn", "bothsexes", "total", "totalt", "ialt", "alle", "0",
                             "begge", "both", "all"});
}

// ---------------------------------------------------------------------------------------------
uint32_t LabelIds::id(std::string_view label) {
  if (last_id_ != kFull && label == last_) return last_id_;
  std::string key(label);
  auto it = ids_.find(key);
  if (it == ids_.end()) {
    if (labels_.size() >= cap_) return kFull;
    it = ids_.emplace(key, static_cast<uint32_t>(labels_.size())).first;
    labels_.push_back(key);
  }
  last_ = std::move(key);
  last_id_ = it->second;
  return last_id_;
}

uint32_t PopulationAccumulator::combo_id(uint32_t age, uint32_t sex) {
  if (age == LabelIds::kFull || sex == LabelIds::kFull) return LabelIds::kFull;
  const bool small = age < kSmallAges && sex < kSmallSexes;
  if (small) {
    if (small_combos_.empty()) small_combos_.assign(kSmallAges * kSmallSexes, 0);
    if (const uint32_t known = small_combos_[age * kSmallSexes + sex]) return known - 1;
  }
  const uint64_t pair = (uint64_t(age) << 32) | sex;
  auto it = combo_ids_.find(pair);
  if (it == combo_ids_.end()) {
    // Pathologically many distinct labels: stop checking new ones rather than grow without bound.
    if (combo_ids_.size() >= (1u << 16)) return LabelIds::kFull;
    it = combo_ids_.emplace(pair, static_cast<uint32_t>(combo_ids_.size())).first;
  }
  if (small) small_combos_[age * kSmallSexes + sex] = it->second + 1;
  return it->second;
}

namespace {

void keep_label(std::vector<std::string>& labels, uint32_t id, std::string_view key,
                std::string_view label) {
  if (id == LabelIds::kFull || id < labels.size()) return;
  labels.resize(id + 1);
  labels[id] = std::string(label.empty() ? key : label);
}

}  // namespace

uint32_t PopulationAccumulator::age_id(std::string_view age_key, std::string_view label) {
  const uint32_t id = ages_.id(age_key);
  keep_label(age_detail_.labels, id, age_key, label);
  return id;
}

uint32_t PopulationAccumulator::sex_id(std::string_view sex_key, std::string_view label) {
  const uint32_t id = sexes_.id(sex_key);
  keep_label(sex_detail_.labels, id, sex_key, label);
  return id;
}

void PopulationAccumulator::name_dimensions(std::string age, int age_column, std::string sex,
                                            int sex_column) {
  age_detail_.dimension = std::move(age);
  age_detail_.column = age_column;
  sex_detail_.dimension = std::move(sex);
  sex_detail_.column = sex_column;
}

void PopulationAccumulator::Detail::note(uint32_t id, int64_t line) {
  if (id == LabelIds::kFull) {
    unlabelled = true;
    return;
  }
  if (summed.size() <= id) summed.resize(id + 1, false);
  summed[id] = true;
  if (first_line == 0 || (line > 0 && line < first_line)) first_line = line;
}

PopulationAccumulator::Added PopulationAccumulator::add(const std::string& code, int year,
                                                        bool age_total, bool sex_total,
                                                        std::string_view age_key,
                                                        std::string_view sex_key, int64_t value,
                                                        int64_t line) {
  const uint32_t age = age_id(age_key);
  return add(code, year, age_total, sex_total, age, sex_id(sex_key), value, line);
}

PopulationAccumulator::Added PopulationAccumulator::add(const std::string& code, int year,
                                                        bool age_total, bool sex_total,
                                                        uint32_t age_id, uint32_t sex_id,
                                                        int64_t value, int64_t line) {
  return add(regions_.id(code), year, age_total, sex_total, age_id, sex_id, value, line);
}

PopulationAccumulator::Added PopulationAccumulator::add(uint32_t region, int year, bool age_total,
                                                        bool sex_total, uint32_t age_id,
                                                        uint32_t sex_id, int64_t value,
                                                        int64_t line) {
  // The file's selection of ages and sexes, whether or not this figure is kept.
  if (!age_total) age_detail_.note(age_id, line);
  if (!sex_total) sex_detail_.note(sex_id, line);
  const uint32_t combo = combo_id(age_id, sex_id);
  const std::size_t at = std::size_t(region) * kYears + static_cast<std::size_t>(year - kFirstYear);
  if (slot_.size() <= at) slot_.resize((std::size_t(region) + 1) * kYears, -1);
  if (slot_[at] < 0) {
    slot_[at] = static_cast<int32_t>(cells_.size());
    cells_.emplace_back();
    cells_.back().region = region;
    cells_.back().year = year;
  }
  Cell& cell = cells_[slot_[at]];
  uint64_t* seen_word = nullptr;
  uint64_t bit = 0;
  if (combo != LabelIds::kFull) {
    if (cell.seen.size() <= combo / 64) cell.seen.resize(combo / 64 + 1, 0);
    seen_word = &cell.seen[combo / 64];
    bit = uint64_t(1) << (combo % 64);
    if (*seen_word & bit) return Added::Duplicate;
  }
  int64_t sum;
  if (__builtin_add_overflow(cell.sum[age_total][sex_total], value, &sum) || sum > kMaxPopulation)
    return Added::Overflow;
  if (seen_word) *seen_word |= bit;
  if (cell.line == 0 || (line > 0 && line < cell.line)) cell.line = line;
  cell.sum[age_total][sex_total] = sum;
  cell.has[age_total][sex_total] = true;
  return Added::Yes;
}

void PopulationAccumulator::finish(ReadContext& ctx) {
  std::vector<const Cell*> order;
  order.reserve(cells_.size());
  for (const Cell& c : cells_) order.push_back(&c);
  std::sort(order.begin(), order.end(), [&](const Cell* a, const Cell* b) {
    const std::string &ca = regions_.label(a->region), &cb = regions_.label(b->region);
    return ca != cb ? ca < cb : a->year < b->year;
  });
  std::optional<bool> ages_whole, sexes_whole;  // judged once, when first needed
  for (const Cell* c : order) {
    const Cell& cell = *c;
    const std::pair<std::string, int> key{regions_.label(cell.region), cell.year};
    int64_t value = 0;
    bool found = false;
    const int buckets[4][2] = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
    for (const auto& o : buckets) {
      if (cell.has[o[0]][o[1]]) {
        value = cell.sum[o[0]][o[1]];
        found = true;
        // Summed over ages (o[0] == 0) or sexes (o[1] == 0): only if they are all there.
        if (o[0] == 0 && !ages_whole) ages_whole = whole_ages(ctx);
        if (o[1] == 0 && !sexes_whole) sexes_whole = whole_sexes(ctx);
        if ((o[0] == 0 && !*ages_whole) || (o[1] == 0 && !*sexes_whole)) found = false;
        break;
      }
    }
    if (!found) continue;
    if (value <= 0) {
      ctx.report(cell.line, 0, msg::PopulationZero{key.first, key.second});
      continue;
    }
    ctx.out.population[key] = value;
    ctx.out.population_line[key] = cell.line;
  }
}

namespace {

// An age as SSB labels it: "0 år", "1 year", "105 år eller eldre", "105+", "20-66 år",
// "0 - 17 years", "Under 1 år", "000" (a code). Nothing when the label says otherwise.
struct AgeSpan {
  int from = 0, to = 0;
  bool open = false;  // "or older"
};

std::optional<AgeSpan> age_span(std::string_view label) {
  const std::string lower = lower_ascii(label);
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // start, end of each digit run
  for (std::size_t i = 0; i < lower.size();) {
    if (!is_digit(lower[i])) { ++i; continue; }
    std::size_t j = i;
    while (j < lower.size() && is_digit(lower[j])) ++j;
    if (j - i > 3) return std::nullopt;
    runs.emplace_back(i, j);
    i = j;
  }
  if (runs.empty() || runs.size() > 2) return std::nullopt;
  auto number = [&](std::size_t k) { return std::stoi(lower.substr(runs[k].first, runs[k].second - runs[k].first)); };
  AgeSpan span;
  span.from = span.to = number(0);
  for (const char* w : {"+", "eldre", "older", "over", "eller mer", "or more", "og mer", "and more"})
    if (lower.find(w) != std::string::npos) span.open = true;
  if (runs.size() == 1 && lower.find("under") != std::string::npos) {  // "Under 1 år"
    if (span.from == 0) return std::nullopt;
    span.from = 0;
    span.to -= 1;
    span.open = false;
  }
  if (runs.size() == 2) {
    const std::string between = lower.substr(runs[0].second, runs[1].first - runs[0].second);
    const bool dash = between.find('-') != std::string::npos || between.find("\xE2\x80\x93") != std::string::npos;
    if (dash) span.to = number(1);
    else if (number(1) != span.from) return std::nullopt;  // "000 0 år": code and label
  }
  if (span.to < span.from) return std::nullopt;
  return span;
}

enum class SexLabel { Male, Female, Unknown };

SexLabel sex_of(std::string_view label) {
  const std::string n = normalise_name(label);
  if (n.find("kvinne") != std::string::npos || n.find("female") != std::string::npos ||
      n.find("woman") != std::string::npos || n.find("women") != std::string::npos || n == "k" ||
      n == "f" || n == "2")
    return SexLabel::Female;
  if (n.find("menn") != std::string::npos || n.find("mann") != std::string::npos ||
      n.find("male") != std::string::npos || ends_with(n, "men") || n == "m" || n == "1")
    return SexLabel::Male;
  return SexLabel::Unknown;
}

}  // namespace

bool PopulationAccumulator::whole_ages(ReadContext& ctx) {
  if (age_detail_.unlabelled) return true;
  std::vector<AgeSpan> spans;
  for (std::size_t id = 0; id < age_detail_.summed.size(); ++id) {
    if (!age_detail_.summed[id]) continue;
    auto span = age_span(id < age_detail_.labels.size() ? age_detail_.labels[id] : std::string());
    if (!span) return true;  // a label we cannot read as ages: no judgement
    spans.push_back(*span);
  }
  if (spans.empty()) return true;
  std::sort(spans.begin(), spans.end(), [](const AgeSpan& a, const AgeSpan& b) { return a.from < b.from; });
  // The ages present, merged: "20–66 år", "0–17 år".
  std::vector<AgeSpan> merged;
  for (const AgeSpan& s : spans) {
    if (!merged.empty() && !merged.back().open && s.from <= merged.back().to + 1) {
      merged.back().to = std::max(merged.back().to, s.to);
      merged.back().open = merged.back().open || s.open;
    } else if (merged.empty() || !merged.back().open) {
      merged.push_back(s);
    }
  }
  if (merged.size() == 1 && merged[0].from == 0 && merged[0].open) return true;
  std::vector<msg::PopulationPartialAges::Span> present;
  for (const AgeSpan& s : merged) present.push_back({s.from, s.to, s.open});
  ctx.report(age_detail_.first_line, age_detail_.column, msg::PopulationPartialAges{present, age_detail_.dimension});
  return false;
}

bool PopulationAccumulator::whole_sexes(ReadContext& ctx) {
  if (sex_detail_.unlabelled) return true;
  bool male = false, female = false;
  std::vector<std::string> present;
  for (std::size_t id = 0; id < sex_detail_.summed.size(); ++id) {
    if (!sex_detail_.summed[id]) continue;
    const std::string label = id < sex_detail_.labels.size() ? sex_detail_.labels[id] : std::string();
    switch (sex_of(label)) {
      case SexLabel::Male: male = true; break;
      case SexLabel::Female: female = true; break;
      case SexLabel::Unknown: return true;  // a label we cannot read as a sex: no judgement
    }
    present.push_back(q(label));
  }
  if (present.empty() || (male && female)) return true;
  ctx.report(sex_detail_.first_line, sex_detail_.column, msg::PopulationPartialSexes{present, sex_detail_.dimension});
  return false;
}

void IgnoredRegions::add(const std::string& label, int64_t line) {
  if (rows == 0) first_line = line;
  ++rows;
  if (labels.size() < 10000) labels.insert(label);
}

std::optional<std::string> PopulationRegions::resolve(ReadContext& ctx, std::string_view label,
                                                      std::optional<int> year, int64_t line,
                                                      int column) {
  std::optional<Structure> st = year ? structure_for_year(*year) : std::nullopt;
  if (last_ok_ && st == last_structure_ && label == last_label_) {
    last_every_year_ = true;
    return last_code_;
  }
  last_ok_ = false;
  std::string l(trim(label));
  std::string key = l + '\x1f' + (st ? to_string(*st) : "-");
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    if (cache_.size() > 100000) cache_.clear();
    it = cache_.emplace(std::move(key), parse_unit(label, year, *ctx.registers)).first;
  }
  const UnitResult& r = it->second;
  bool remember = true;
  switch (r.status) {
    case UnitStatus::Ok:
      break;
    case UnitStatus::Historical:
      // SSB's "K-3001 Halden (2020-2023)": the population of 3001 in 2020–2023.
      if (r.code.empty() || !year || !r.period->holds(*year)) {
        historical_.add(l, line);
        return std::nullopt;
      }
      historical_used_.add(l, line);
      remember = false;  // the next row with this label may be of a year outside the period
      break;
    case UnitStatus::Rest: rest_.add(l, line); return std::nullopt;
    case UnitStatus::NotMunicipality: not_municipality_.add(l, line); return std::nullopt;
    case UnitStatus::Empty:
      ctx.report(line, column, msg::UnitMissingRegion{});
      return std::nullopt;
    default:
      report_bad_unit(ctx, r, label, line, column, "Raden er hoppet over.", "The row was skipped.");
      return std::nullopt;
  }
  if (r.restored_zero) report_restored_zero(ctx, restored_zero_reported_, label, r.code, line, column);
  if (r.thousands_grouped)
    report_thousands_grouped(ctx, thousands_reported_, Severity::Info, label, r.code, line, column);
  switch (district_kind(r.code)) {
    case DistrictKind::CityTotal: city_total_.add(l, line); return std::nullopt;
    case DistrictKind::UnknownDistrict: unknown_district_.add(l, line); return std::nullopt;
    case DistrictKind::OtherCity: other_city_.add(l, line); return std::nullopt;
    case DistrictKind::Unit: break;
  }
  last_every_year_ = remember;
  if (!remember) return r.code;
  last_label_.assign(label.data(), label.size());
  last_structure_ = st;
  last_code_ = r.code;
  last_ok_ = true;
  return r.code;
}

void report_population_overflow(ReadContext& ctx, const std::string& code, int year,
                                std::string_view value, int64_t line, int column) {
  ctx.report(line, column, msg::PopulationOverflow{value, code, year});
}

namespace {

// One info for the region labels of one kind a population file left out, with three examples.
template <class Message>
void report_ignored(ReadContext& ctx, const IgnoredRegions& ig) {
  if (ig.rows == 0) return;
  std::vector<std::string> examples;
  for (const auto& l : ig.labels) {
    if (examples.size() == 3) break;
    examples.push_back(q(l));
  }
  ctx.report(ig.first_line, 0, Message{{ig.labels.size(), ig.rows, examples}});
}

}  // namespace

void PopulationRegions::finish(ReadContext& ctx) {
  report_ignored<msg::PopulationHistoricalIgnored>(ctx, historical_);
  report_ignored<msg::PopulationHistoricalUsed>(ctx, historical_used_);
  report_ignored<msg::PopulationRestIgnored>(ctx, rest_);
  report_ignored<msg::PopulationNotMunicipalityIgnored>(ctx, not_municipality_);
  report_ignored<msg::PopulationCityTotalIgnored>(ctx, city_total_);
  report_ignored<msg::PopulationUnknownDistrictIgnored>(ctx, unknown_district_);
  report_ignored<msg::PopulationOtherCityIgnored>(ctx, other_city_);
}

}  // namespace arsverk::detail
