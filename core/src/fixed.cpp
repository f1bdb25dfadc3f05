#include "arsverk/fixed.hpp"

#include <cmath>
#include <cstdlib>

namespace arsverk {

namespace {

__extension__ typedef __int128 Wide;

// Rounds n / d half away from zero; d > 0.
Wide divide_rounded(Wide n, Wide d) {
  if (n >= 0) return (2 * n + d) / (2 * d);
  return -((-2 * n + d) / (2 * d));
}

Wide pow10(int exponent) {
  Wide power = 1;
  while (exponent-- > 0) power *= 10;
  return power;
}

std::string group_thousands(std::string digits, Lang lang) {
  const std::string separator = lang == Lang::Nb ? "\u00a0" : ",";
  std::string out;
  const int count = static_cast<int>(digits.size());
  for (int i = 0; i < count; ++i) {
    if (i > 0 && (count - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string Fixed::to_string() const {
  const bool negative = micro_ < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(micro_) : static_cast<uint64_t>(micro_);
  std::string s = std::to_string(magnitude / kScale);
  uint64_t frac = magnitude % kScale;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, kDecimals - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    s += '.' + f;
  }
  return negative ? "-" + s : s;
}

int64_t rounded_rate_units(Fixed numerator, int64_t population, int decimals) {
  if (population <= 0) return 0;
  const Wide scaled = static_cast<Wide>(numerator.micro()) * pow10(decimals);
  const Wide per_1000 = static_cast<Wide>(population) * 1000;  // micro / 1e6 / (pop / 1000)
  return static_cast<int64_t>(divide_rounded(scaled, per_1000));
}

int64_t rounded_percent_units(Fixed part, Fixed whole, int decimals) {
  const Wide scaled = static_cast<Wide>(part.micro()) * 100 * pow10(decimals);
  return static_cast<int64_t>(divide_rounded(scaled, static_cast<Wide>(whole.micro())));
}

double rate_per_1000(Fixed numerator, int64_t population) {
  if (population <= 0) return 0.0;
  return static_cast<double>(numerator.micro()) / (static_cast<double>(population) * 1000.0);
}

std::string format_units(int64_t units, int decimals, Lang lang) {
  bool negative = units < 0;
  uint64_t a = negative ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string s = group_thousands(std::to_string(a / scale), lang);
  if (decimals > 0) {
    std::string f = std::to_string(a % scale);
    f.insert(0, decimals - f.size(), '0');
    s += (lang == Lang::Nb ? ',' : '.') + f;
  }
  return negative ? "-" + s : s;
}

std::string format_fixed(Fixed value, int decimals, Lang lang) {
  Wide units = divide_rounded(static_cast<Wide>(value.micro()) * pow10(decimals),
                              static_cast<Wide>(Fixed::kScale));
  return format_units(static_cast<int64_t>(units), decimals, lang);
}

std::string format_int(int64_t value, Lang lang) { return format_units(value, 0, lang); }

int64_t rounded_units(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  double scaled = value * scale;
  // Half away from zero, with a tolerance for binary noise (0.15 * 10 = 1.4999999...).
  int64_t units = static_cast<int64_t>(std::floor(std::fabs(scaled) + 0.5 + 1e-9));
  return value < 0 ? -units : units;
}

std::string format_double(double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) return "";
  return format_units(rounded_units(value, decimals), decimals, lang);
}

}  // namespace arsverk
