#include "units.hpp"

#include <cstring>
#include <initializer_list>
#include <set>

#include "text.hpp"

namespace arsverk::detail {

namespace {

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

// The whole country as a unit label («Hele landet», «Norway»): code "0", the national figure.
constexpr std::initializer_list<const char*> kLandNames = {
    "helelandet", "heilelandet", "landet", "norge", "noreg", "norway", "thewholecountry",
    "wholecountry", "landetialt", "landettotalt", "helelandetialt", "nasjonalt", "national"};

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
  if (is_one_of(norm, kLandNames)) {
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

}  // namespace arsverk::detail
