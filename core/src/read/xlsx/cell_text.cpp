#include "cell_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace arsverk::detail::xlsx {
namespace {

constexpr double kMaxSerial = 2958466;  // 1 January 10000

bool to_double(std::string_view stored, double& v) {
  std::string s(stored);
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(v);
}

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

// Civil date from days since 1970-01-01 (proleptic Gregorian; era arithmetic).
void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

std::string day_text(int64_t days, bool date1904) {
  if (!date1904 && days == 0) return "00.01.1900";
  if (!date1904 && days == 60) return "29.02.1900";  // Excel's (Lotus') day that never was
  // Days from 1970-01-01 to the epoch day 0: 1899-12-31 (1900 system, before the false leap
  // day), 1899-12-30 after it, 1904-01-01 in the 1904 system.
  int64_t epoch = date1904 ? -24107 : (days < 60 ? -25568 : -25569);
  int y, m, d;
  civil_from_days(epoch + days, y, m, d);
  return two(d) + "." + two(m) + "." + std::to_string(y);
}

std::string time_text(int64_t seconds) {
  std::string t = two(static_cast<int>(seconds / 3600)) + ":" + two(static_cast<int>(seconds / 60 % 60));
  if (seconds % 60) t += ":" + two(static_cast<int>(seconds % 60));
  return t;
}

bool elapsed_bracket(std::string_view inside) {
  if (inside.empty()) return false;
  for (char c : inside)
    if (c != 'h' && c != 'H' && c != 'm' && c != 'M' && c != 's' && c != 'S') return false;
  return true;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, int64_t& row, int& column) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  int col = 0, letters = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    if (++letters > 3) return false;
    col = col * 26 + ((ref[i] | 0x20) - 'a' + 1);
    ++i;
  }
  if (i < ref.size() && ref[i] == '$') ++i;
  int64_t r = 0;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    if (++digits > 7) return false;
    r = r * 10 + (ref[i] - '0');
    ++i;
  }
  if (i != ref.size() || letters == 0 || digits == 0 || col > kMaxColumn || r < 1 || r > kMaxRow) return false;
  row = r;
  column = col;
  return true;
}

namespace {

// A plain decimal (what Excel writes in <v>: up to 17 significant digits) rounded to 15 digits
// on its text. That equals rounding the stored double, since the text is within half a unit of
// its last digit of the double, except when the digits cut off are exactly 5000…: then false,
// and the double decides. Also false for exponent notation.
bool decimal_text(std::string_view stored, std::string& out) {
  bool negative = !stored.empty() && stored[0] == '-';
  if (negative) stored.remove_prefix(1);
  std::size_t dot = stored.find('.');
  std::string_view whole = stored.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : stored.substr(dot + 1);
  if ((whole.empty() && frac.empty()) || whole.size() > 40 || frac.size() > 40) return false;
  std::string digits;
  for (std::string_view part : {whole, frac})
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      digits += c;
    }
  long point = static_cast<long>(whole.size());  // digits before the decimal point
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    out = "0";
    return true;
  }
  digits.erase(0, first);
  point -= static_cast<long>(first);
  if (digits.size() > 15) {
    std::string_view tail = std::string_view(digits).substr(15);
    if (tail[0] == '5' && tail.find_first_not_of('0', 1) == std::string_view::npos) return false;
    bool up = tail[0] >= '5';
    digits.resize(15);
    for (std::size_t i = digits.size(); up && i-- > 0;) {
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        ++digits[i];
        up = false;
      }
    }
    if (up) {
      digits.insert(digits.begin(), '1');
      digits.pop_back();
      ++point;
    }
  }
  std::string int_part, frac_part;
  if (point <= 0) {
    int_part = "0";
    frac_part = std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    int_part = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    int_part = digits.substr(0, static_cast<std::size_t>(point));
    frac_part = digits.substr(static_cast<std::size_t>(point));
  }
  while (!frac_part.empty() && frac_part.back() == '0') frac_part.pop_back();
  out = int_part;
  if (!frac_part.empty()) out += "," + frac_part;
  if (negative && out != "0") out = "-" + out;
  return true;
}

}  // namespace

std::string number_text(std::string_view stored) {
  std::string direct;
  if (decimal_text(stored, direct)) return direct;
  double v;
  if (!to_double(stored, v)) return {};
  if (v == 0) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.14e", v);  // d.dddddddddddddde±XX: 15 significant digits
  std::string s(buf);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  std::size_t e = s.find('e');
  int exponent = std::atoi(s.c_str() + e + 1);
  std::string digits = s.substr(0, 1) + s.substr(2, e - 2);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (exponent >= 0) {
    std::size_t whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) {
      out = digits + std::string(whole - digits.size(), '0');
    } else {
      out = digits.substr(0, whole) + "," + digits.substr(whole);
    }
  } else {
    out = "0," + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  return negative ? "-" + out : out;
}

DateKind date_kind(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
    return DateKind::Date;
  if (id == 22) return DateKind::DateTime;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return DateKind::Time;
  if (id < 164) return DateKind::None;  // other built-in formats: numbers, text
  bool date = false, time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      if (elapsed_bracket(code.substr(i + 1, close - i - 1))) time = true;
      i = close;
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      date = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      time = true;
    } else if (c == 'm' || c == 'M') {
      date = date || !time;  // "mm" after "h" is minutes
    }
  }
  if (date && time) return DateKind::DateTime;
  if (date) return DateKind::Date;
  return time ? DateKind::Time : DateKind::None;
}

std::string date_text(std::string_view stored, DateKind kind, bool date1904) {
  double v;
  if (!to_double(stored, v) || v < 0 || v >= kMaxSerial) return "#####";
  int64_t days = static_cast<int64_t>(std::floor(v));
  int64_t seconds = std::llround((v - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  switch (kind) {
    case DateKind::Time: return time_text(seconds);
    case DateKind::DateTime: return day_text(days, date1904) + " " + time_text(seconds);
    default: return day_text(days, date1904);
  }
}

}  // namespace arsverk::detail::xlsx
