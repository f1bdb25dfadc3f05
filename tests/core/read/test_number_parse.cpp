#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "arsverk/fixed.hpp"
#include "read/number_parse.hpp"

using arsverk::NumberStatus;
using arsverk::parse_decimal;

namespace {
int64_t micro(const char* s, bool comma = true) {
  auto p = parse_decimal(s, comma);
  REQUIRE((p.status == NumberStatus::Ok || p.status == NumberStatus::TooPrecise));
  return p.value.micro();
}
NumberStatus status(const char* s, bool comma = true) { return parse_decimal(s, comma).status; }
}  // namespace

TEST_CASE("parse_decimal reads Norwegian and English numbers", "[number]") {
  CHECK(micro("12,5") == 12'500'000);
  CHECK(micro("12.5") == 12'500'000);
  CHECK(micro("12.5", false) == 12'500'000);
  CHECK(micro("1 234,5") == 1'234'500'000);
  CHECK(micro("1\xC2\xA0" "234,5") == 1'234'500'000);        // no-break space
  CHECK(micro("1\xE2\x80\xAF" "234,5") == 1'234'500'000);    // narrow no-break space
  CHECK(micro("1.234,5") == 1'234'500'000);
  CHECK(micro("1,234.5") == 1'234'500'000);
  CHECK(micro("-3") == -3'000'000);
  CHECK(micro("  7 ") == 7'000'000);
  CHECK(micro("0,000001") == 1);
  CHECK(micro("1 234 567") == 1'234'567'000'000);
  CHECK(micro("1.234.567") == 1'234'567'000'000);
  CHECK(micro("1,234,567.25") == 1'234'567'250'000);
  CHECK(micro(",5") == 500'000);
  CHECK(micro("\xE2\x88\x92" "2,5") == -2'500'000);  // U+2212 minus
}

TEST_CASE("parse_decimal: the file's convention decides lone ambiguous groups", "[number]") {
  CHECK(micro("1.234", true) == 1'234'000'000);   // thousands in a comma-decimal file
  CHECK(micro("1,234", true) == 1'234'000);       // decimal comma
  CHECK(micro("1.234", false) == 1'234'000);      // decimal point
  CHECK(micro("1,234", false) == 1'234'000'000);  // thousands comma
  CHECK(micro("1234,567", false) == 1'234'567'000);   // cannot be thousands
  CHECK(micro("0,125", false) == 125'000);        // leading zero group: decimal
}

TEST_CASE("parse_decimal rejects what is not a plain decimal", "[number]") {
  CHECK(status("") == NumberStatus::Empty);
  CHECK(status("   ") == NumberStatus::Empty);
  for (const char* s : {"..", ".", ":", "-", "\xE2\x80\xA6"}) CHECK(status(s) == NumberStatus::SsbMissing);
  for (const char* s : {"1e308", "NaN", "nan", "inf", "-inf", "12abc", "abc", "1,2,3,4", "12 5",
                        "1.23.4", "1,5.000,2", "--3", "1 234.567,5", "0x10", "+", "1/2"})
    CHECK(status(s) == NumberStatus::NotANumber);
}

TEST_CASE("parse_decimal: precision and range", "[number]") {
  auto p = parse_decimal("0,1234565", true);
  CHECK(p.status == NumberStatus::TooPrecise);
  CHECK(p.value.micro() == 123'457);  // half away from zero
  p = parse_decimal("-0,1234565", true);
  CHECK(p.status == NumberStatus::TooPrecise);
  CHECK(p.value.micro() == -123'457);
  p = parse_decimal("2,50000000", true);  // trailing zeros are not extra precision
  CHECK(p.status == NumberStatus::Ok);
  CHECK(p.value.micro() == 2'500'000);
  p = parse_decimal("0,1234564", true);
  CHECK(p.value.micro() == 123'456);
  CHECK(status("99999999999999999999") == NumberStatus::OutOfRange);
  CHECK(status("9 223 372 036 854") == NumberStatus::OutOfRange);
  CHECK(micro("9223372036853") == 9'223'372'036'853'000'000);
}

// parse_decimal reads plain cells («12,5») by a fast path: it must give what the whole way gives,
// for those and for everything near them.
TEST_CASE("parse_decimal: the fast path gives what the whole way gives", "[number]") {
  std::mt19937 random(20261206);
  const std::string alphabet = "0000123456789,,.. -\t";
  auto same = [](const std::string& s, bool comma) {
    const auto fast = parse_decimal(s, comma);
    const auto full = arsverk::detail::parse_decimal_in_full(s, comma);
    INFO("«" << s << "» comma " << comma);
    CHECK(fast.status == full.status);
    CHECK(fast.value.micro() == full.value.micro());
    CHECK(fast.ambiguous_mark == full.ambiguous_mark);
    CHECK(fast.decimal_mark == full.decimal_mark);
    CHECK(fast.thousands_mark == full.thousands_mark);
  };
  for (const char* s : {"0", "12", "12,5", "12.5", "0,25", "1,234", "1.2345", "0,1234567", "999999999999",
                        "9999999999999", "0000000000000001", "12,", ",5", "1,5,", "007,50", "123456789012,123456"})
    for (bool comma : {true, false}) same(s, comma);
  for (int i = 0; i < 200000; ++i) {
    std::string s(1 + random() % 16, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    same(s, i % 2 == 0);
  }
}
