// Coverage denominators come from the year's register: every municipality of the year counts,
// also one whose own population is not among SSB's figures on 2024 borders (1507 Ålesund
// 2020–2022, split into 1508 Ålesund and 1580 Haram in 2024).
#include "engine_fixture.hpp"

using namespace fixture;

namespace {

const Result* aggregate(const Report& r, Level level, const std::string& code, int year) {
  for (const auto& x : r.results)
    if (x.level == level && x.code == code && x.year == year) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("coverage 2020: 1507 Ålesund is in Møre og Romsdal's and Norway's denominator") {
  // 1506 Molde alone, 2020: on SSB's figures Møre og Romsdal had 265 236 inhabitants on
  // 1 January 2020, Molde 31 967 of them, Norway 5 367 580.
  Input in;
  in.row15("1506", 2020, TargetGroup::Unspecified, "", "30", "20", "10", "5");
  const Report r = in.run();
  const Result* molde = find(r, "1506", 2020);
  REQUIRE(molde);
  const Result* county = aggregate(r, Level::Fylke, "15", 2020);
  const Result* land = aggregate(r, Level::Land, "0", 2020);
  REQUIRE(county);
  REQUIRE(land);
  CHECK(county->members_total == 26);
  CHECK(molde->population == 31967);
  CHECK(county->coverage == Approx(31967.0 / 265236.0).epsilon(1e-9));
  // Norway's denominator is the sum of its municipalities (5 367 578; SSB's national figure is
  // 5 367 580).
  CHECK(land->coverage == Approx(31967.0 / 5367580.0).epsilon(1e-5));
}

TEST_CASE("coverage 2022: Ålesund given in a file is its whole share of the county") {
  Input in;
  in.row15("1507", 2022, TargetGroup::Unspecified, "", "30", "20", "10", "5");
  in.population("1507", 2022, 67114);
  const Report r = in.run();
  const Result* county = aggregate(r, Level::Fylke, "15", 2022);
  REQUIRE(county);
  // Møre og Romsdal on 1 January 2022: 265 848 (SSB).
  CHECK(county->coverage == Approx(67114.0 / 265848.0).epsilon(1e-9));
}
