// parse_decimal: exact decimal text → Fixed (millionths), tolerant of Norwegian and English
// number formatting, strict about anything that is not a plain decimal.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "number_parse.hpp"

namespace arsverk {
namespace {

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of a "space-like" thousands separator at position i (ASCII space, U+00A0, U+202F,
// U+2009 thin space), 0 if none.
std::size_t space_sep_len(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0)
    return 2;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xAF || static_cast<unsigned char>(s[i + 2]) == 0x89))
    return 3;
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty()) {
    if (is_space_byte(s.front())) { s.remove_prefix(1); continue; }
    std::size_t n = space_sep_len(s, 0);
    if (n) { s.remove_prefix(n); continue; }
    break;
  }
  while (!s.empty()) {
    if (is_space_byte(s.back())) { s.remove_suffix(1); continue; }
    if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
        static_cast<unsigned char>(s.back()) == 0xA0) { s.remove_suffix(2); continue; }
    if (s.size() >= 3 && static_cast<unsigned char>(s[s.size() - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
        (static_cast<unsigned char>(s.back()) == 0xAF || static_cast<unsigned char>(s.back()) == 0x89)) {
      s.remove_suffix(3);
      continue;
    }
    break;
  }
  return s;
}

// Digit groups separated by `sep` must be 1–3 digits, then exactly 3 each.
bool valid_grouping(const std::vector<std::string>& groups) {
  if (groups.empty()) return false;
  if (groups[0].empty() || groups[0].size() > 3) return false;
  for (std::size_t i = 1; i < groups.size(); ++i)
    if (groups[i].size() != 3) return false;
  return true;
}

// The common cell, read without building strings: digits, and at most one '.' or ',' followed
// by one, two or four to six digits («12», «12,5», «0.25»), at most twelve integer digits.
// Whatever else (spaces, signs, groups, three decimals, more than six) takes the whole way below,
// which gives the same for these.
bool read_plain(std::string_view s, ParsedNumber& out) {
  int64_t whole = 0;
  std::size_t i = 0;
  // Stops at the thirteenth digit, so `whole` cannot overflow; that many is the whole way's.
  for (; i < s.size() && i <= 12 && s[i] >= '0' && s[i] <= '9'; ++i) whole = whole * 10 + (s[i] - '0');
  if (i == 0 || i > 12) return false;
  char mark = 0;
  int64_t micro = whole * Fixed::kScale;
  if (i < s.size()) {
    mark = s[i];
    if (mark != '.' && mark != ',') return false;
    const std::size_t decimals = s.size() - i - 1;
    if (decimals == 0 || decimals == 3 || decimals > static_cast<std::size_t>(Fixed::kDecimals)) return false;
    int64_t place = Fixed::kScale;
    for (++i; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      place /= 10;
      micro += (s[i] - '0') * place;
    }
  }
  out.status = NumberStatus::Ok;
  out.value = Fixed::from_micro(micro);
  out.decimal_mark = mark;
  return true;
}

}  // namespace

ParsedNumber parse_decimal(std::string_view text, bool comma_decimal) {
  ParsedNumber out;
  if (read_plain(text, out)) return out;
  return detail::parse_decimal_in_full(text, comma_decimal);
}

namespace detail {

ParsedNumber parse_decimal_in_full(std::string_view text, bool comma_decimal) {
  ParsedNumber out;
  std::string_view s = trim(text);
  if (s.empty()) return out;  // Empty
  if (s == ".." || s == "." || s == ":" || s == "-" || s == "..." || s == "\xE2\x80\xA6" ||
      s == "\xE2\x80\x93" /* en dash */) {
    out.status = NumberStatus::SsbMissing;
    return out;
  }
  out.status = NumberStatus::NotANumber;

  bool negative = false;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  } else if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
             static_cast<unsigned char>(s[1]) == 0x88 && static_cast<unsigned char>(s[2]) == 0x92) {
    negative = true;  // U+2212 minus sign
    s.remove_prefix(3);
  }
  if (s.empty()) return out;

  // Tokenise into digits and separators: 's' (space-like), '.', ','.
  std::string digits_and_marks;  // digits, or one of " .," as separators
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') { digits_and_marks += c; ++i; continue; }
    if (c == '.' || c == ',') { digits_and_marks += c; ++i; continue; }
    std::size_t n = space_sep_len(s, i);
    if (n) { digits_and_marks += ' '; i += n; continue; }
    return out;  // letters, exponent, NaN, inf, anything else
  }

  bool has_dot = digits_and_marks.find('.') != std::string::npos;
  bool has_comma = digits_and_marks.find(',') != std::string::npos;
  bool has_space = digits_and_marks.find(' ') != std::string::npos;

  // Decide which mark (if any) is the decimal point.
  char decimal = 0;
  char thousands = 0;
  char ambiguous = 0;
  auto count_of = [&](char m) {
    std::size_t n = 0;
    for (char c : digits_and_marks) n += c == m;
    return n;
  };
  auto digits_after_last = [&](char m) {
    std::size_t p = digits_and_marks.rfind(m);
    return digits_and_marks.size() - p - 1;
  };
  if (has_dot && has_comma) {
    std::size_t last_dot = digits_and_marks.rfind('.');
    std::size_t last_comma = digits_and_marks.rfind(',');
    decimal = last_dot > last_comma ? '.' : ',';
    thousands = decimal == '.' ? ',' : '.';
    if (count_of(decimal) != 1) return out;
  } else if (has_dot || has_comma) {
    char m = has_dot ? '.' : ',';
    std::size_t n = count_of(m);
    if (n > 1) {
      thousands = m;  // "1.234.567"
    } else if (digits_after_last(m) != 3 || has_space) {
      // "12,5", "0.25", "1 234,567" (space grouping means the mark is decimal)
      decimal = m;
    } else {
      // Ambiguous "1.234" / "1,234": the file's convention decides.
      std::size_t p = digits_and_marks.find(m);
      bool leading_group_ok = p >= 1 && p <= 3 && digits_and_marks[0] != '0';
      if (!leading_group_ok) {
        decimal = m;  // "1234,567" or ",567": cannot be a thousands mark
      } else {
        ambiguous = m;
        if ((m == ',') == comma_decimal) decimal = m;  // the file's decimal mark
        else thousands = m;
      }
    }
  }
  if (has_space && thousands && thousands != ' ') return out;  // mixed grouping styles
  if (has_space) thousands = ' ';

  // Split into integer part and fraction.
  std::string int_part_raw = digits_and_marks, frac;
  if (decimal) {
    std::size_t p = digits_and_marks.find(decimal);
    int_part_raw = digits_and_marks.substr(0, p);
    frac = digits_and_marks.substr(p + 1);
    for (char c : frac)
      if (c < '0' || c > '9') return out;
  }
  // Integer part: digits with optional grouping by `thousands`.
  std::string int_digits;
  if (thousands && int_part_raw.find(thousands) != std::string::npos) {
    std::vector<std::string> groups(1);
    for (char c : int_part_raw) {
      if (c == thousands) groups.emplace_back();
      else if (c >= '0' && c <= '9') groups.back() += c;
      else return out;
    }
    if (!valid_grouping(groups)) return out;
    for (auto& g : groups) int_digits += g;
  } else {
    for (char c : int_part_raw) {
      if (c < '0' || c > '9') return out;
      int_digits += c;
    }
  }
  if (int_digits.empty() && frac.empty()) return out;

  // Accumulate exactly in millionths.
  constexpr int64_t kMax = INT64_MAX;
  int64_t whole = 0;
  std::size_t first_nonzero = int_digits.find_first_not_of('0');
  if (first_nonzero != std::string::npos && int_digits.size() - first_nonzero > 13) {
    out.status = NumberStatus::OutOfRange;
    return out;
  }
  for (char c : int_digits) whole = whole * 10 + (c - '0');
  if (whole > kMax / Fixed::kScale - 1) {
    out.status = NumberStatus::OutOfRange;
    return out;
  }
  int64_t micro = whole * Fixed::kScale;
  int64_t place = Fixed::kScale / 10;
  for (std::size_t i = 0; i < frac.size() && i < static_cast<std::size_t>(Fixed::kDecimals); ++i) {
    micro += (frac[i] - '0') * place;
    place /= 10;
  }
  bool too_precise = false;
  if (frac.size() > static_cast<std::size_t>(Fixed::kDecimals)) {
    too_precise = frac.find_first_not_of('0', Fixed::kDecimals) != std::string::npos;
    if (frac[Fixed::kDecimals] >= '5') micro += 1;  // half away from zero on the magnitude
  }
  out.value = Fixed::from_micro(negative ? -micro : micro);
  out.status = too_precise ? NumberStatus::TooPrecise : NumberStatus::Ok;
  out.ambiguous_mark = ambiguous;
  if (!ambiguous) {
    out.decimal_mark = decimal;
    out.thousands_mark = thousands == ' ' ? 0 : thousands;
  }
  return out;
}

}  // namespace detail
}  // namespace arsverk
