#pragma once
// Exact decimal fixed point for årsverk: sums of reported decimals must not drift.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace arsverk {

enum class Lang { Nb, En };

// A non-negative or negative decimal stored as an integer number of millionths.
class Fixed {
 public:
  static constexpr int64_t kScale = 1'000'000;
  static constexpr int kDecimals = 6;

  constexpr Fixed() = default;
  static constexpr Fixed from_micro(int64_t micro) { return Fixed(micro); }
  static constexpr Fixed from_int(int64_t whole) { return Fixed(whole * kScale); }

  constexpr int64_t micro() const { return micro_; }
  double to_double() const { return static_cast<double>(micro_) / kScale; }

  constexpr Fixed& operator+=(Fixed o) { micro_ += o.micro_; return *this; }
  constexpr Fixed& operator-=(Fixed o) { micro_ -= o.micro_; return *this; }
  friend constexpr Fixed operator+(Fixed a, Fixed b) { return a += b; }
  // Adds `o` unless the sum would leave the range of Fixed: then returns false and keeps the value.
  // Every sum of input figures goes through here (docs/indicator.md, "Numbers").
  [[nodiscard]] bool add_checked(Fixed o) {
    int64_t sum = 0;
    if (__builtin_add_overflow(micro_, o.micro_, &sum)) return false;
    micro_ = sum;
    return true;
  }
  friend constexpr Fixed operator-(Fixed a, Fixed b) { return a -= b; }
  friend constexpr bool operator==(Fixed a, Fixed b) { return a.micro_ == b.micro_; }
  friend constexpr bool operator!=(Fixed a, Fixed b) { return a.micro_ != b.micro_; }
  friend constexpr bool operator<(Fixed a, Fixed b) { return a.micro_ < b.micro_; }
  friend constexpr bool operator>(Fixed a, Fixed b) { return a.micro_ > b.micro_; }
  friend constexpr bool operator<=(Fixed a, Fixed b) { return a.micro_ <= b.micro_; }
  friend constexpr bool operator>=(Fixed a, Fixed b) { return a.micro_ >= b.micro_; }

  // Shortest exact text with '.' as decimal point ("12.35", "3", "-0.5").
  std::string to_string() const;

 private:
  constexpr explicit Fixed(int64_t micro) : micro_(micro) {}
  int64_t micro_ = 0;
};

// Adds `v` to `into` unless the sum would overflow: then returns false and keeps `into`.
[[nodiscard]] inline bool add_checked(int64_t& into, int64_t v) {
  int64_t sum = 0;
  if (__builtin_add_overflow(into, v, &sum)) return false;
  into = sum;
  return true;
}

// Outcome of reading one number cell.
enum class NumberStatus {
  Ok,
  Empty,         // blank cell
  SsbMissing,    // SSB symbols "..", ".", ":", "-", "…": not a number, treat as missing
  NotANumber,    // text, NaN, inf, exponent notation
  TooPrecise,    // more decimals than Fixed holds (value rounded half away from zero)
  OutOfRange,    // would overflow
};

struct ParsedNumber {
  NumberStatus status = NumberStatus::Empty;
  Fixed value;
  // Evidence for the file's decimal mark (readers decide it with every cell of the file):
  char ambiguous_mark = 0;  // ',' or '.' in "1,234" / "1.234": decimal or thousands, undecided
  char decimal_mark = 0;    // the mark this text shows as its decimal mark ("12,5", "1.234,5")
  char thousands_mark = 0;  // the mark this text shows as a thousands separator ("1.234.567")
};

// Reads "12,5", "12.5", "1 234,5", "1.234,5", "1,234.5", "-3", with no-break spaces as
// thousands separators. `comma_decimal` tells how a lone ambiguous "1.234" or "1,234" is read:
// true (Norwegian files) makes ',' the decimal mark and a '.' followed by exactly three digits,
// repeated, a thousands separator.
ParsedNumber parse_decimal(std::string_view text, bool comma_decimal);

// Rate per 1 000 inhabitants rounded half away from zero to `decimals` places, as an integer
// count of 10^-decimals: exact, computed from the fixed-point numerator and integer population.
int64_t rounded_rate_units(Fixed numerator, int64_t population, int decimals = 1);

// part / whole as a percent rounded half away from zero to `decimals` places, as an integer count
// of 10^-decimals (10 of 42,5 with 1 → 235): exact, from the fixed-point values; whole > 0.
int64_t rounded_percent_units(Fixed part, Fixed whole, int decimals);

// Unrounded rate as double (for export and charts).
double rate_per_1000(Fixed numerator, int64_t population);

// "2,8" / "2.8"; "1 234,5" / "1,234.5". `units` is the integer count of 10^-decimals.
std::string format_units(int64_t units, int decimals, Lang lang);
// Fixed value with the given number of decimals, rounded half away from zero.
std::string format_fixed(Fixed value, int decimals, Lang lang);
// Integer with thousands separators ("5 550 203" / "5,550,203").
std::string format_int(int64_t value, Lang lang);
// Double for display, rounded half away from zero to `decimals`.
std::string format_double(double value, int decimals, Lang lang);
// The same rounding as a count of 10^-decimals (2.75, 1 → 28): format_units(rounded_units(v, d), d)
// is format_double(v, d). `value` must be finite.
int64_t rounded_units(double value, int decimals);

}  // namespace arsverk
