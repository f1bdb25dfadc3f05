// A report's unit-years (indicator/context.hpp): the prepared ones shared, those the rules add or
// change in front — found, and walked in key order, as one map would give them.
#include <catch2/catch.hpp>

#include "indicator/context.hpp"

using arsverk::detail::UnitKey;
using arsverk::detail::UnitYear;
using arsverk::detail::UnitYears;

namespace {

UnitYear at_line(int64_t line) {
  UnitYear uy;
  uy.line = line;
  return uy;
}

}  // namespace

TEST_CASE("unit-years: a changed one stands in front of the one read, an added one in its place") {
  const std::map<UnitKey, UnitYear> read{{{"0301", 2024}, at_line(1)}, {{"3101", 2024}, at_line(2)}, {{"3101", 2025}, at_line(3)}};
  UnitYears units(read);
  units.set({"0301", 2024}, at_line(10));  // Oslo as a whole
  units.set({"3101", 2023}, at_line(11));  // a year added between keys read
  units.set({"4601", 2025}, at_line(12));  // after every key read

  REQUIRE(units.find({"0301", 2024})->line == 10);
  REQUIRE(units.find({"3101", 2025})->line == 3);
  REQUIRE(units.find({"9999", 2025}) == nullptr);
  REQUIRE_THROWS_AS(units.at({"9999", 2025}), std::out_of_range);
  REQUIRE(read.at({"0301", 2024}).line == 1);  // the prepared ones are never changed

  std::vector<std::pair<UnitKey, int64_t>> walked;
  units.for_each([&](const UnitKey& key, const UnitYear& uy) { walked.emplace_back(key, uy.line); });
  const std::vector<std::pair<UnitKey, int64_t>> expected{
      {{"0301", 2024}, 10}, {{"3101", 2023}, 11}, {{"3101", 2024}, 2}, {{"3101", 2025}, 3}, {{"4601", 2025}, 12}};
  REQUIRE(walked == expected);
}
