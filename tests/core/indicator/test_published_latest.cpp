// The yardstick for a data year with no published figures: the published year before, of the same
// schema, said with its year (published_latest), never in place of the year's own.
#include "engine_fixture.hpp"

#include <nlohmann/json.hpp>

#include "arsverk/session.hpp"

using arsverk::Session;

TEST_CASE("a 2025 file gets Norway's and the county's published 2024 figures as published_latest") {
  Session s;
  s.add_file("halden.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2025;voksne;22,5;40;8;3,6;2\n"
             "3101;2025;barn og unge;2;6;1;1;0\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  bool land = false;
  for (const auto& r : doc["results"]) {
    if (r["level"] == "land") {
      land = true;
      CHECK(r["published"].is_null());
      REQUIRE(r["published_latest"].is_object());
      CHECK(r["published_latest"]["year"] == 2024);
      CHECK(r["published_latest"]["tenths"]["M1"] == 28);
      CHECK(r["published_latest"]["tenths"]["M2"] == 24);
      CHECK(r["published_latest"]["tenths"]["M3"].is_null());
    }
    if (r["level"] == "kommune") CHECK(r["published_latest"].is_null());  // none are built in
  }
  CHECK(land);
}

TEST_CASE("a year with its own published figures has no published_latest — the break is not crossed") {
  Session s;
  s.add_file("halden.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2024;voksne;22,5;40;8;3,6;2\n");
  s.add_file("halden_2023.csv",
             "kommunenummer;år;M1;M2;M3;M4\n"
             "3001;2023;80;60;40;10\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  int seen = 0;
  for (const auto& r : doc["results"]) {
    if (r["level"] != "land") continue;
    ++seen;
    if (r["year"] == 2024) {
      CHECK(r["published_latest"].is_null());
      REQUIRE(r["published"].is_object());
      CHECK(r["published"]["year"] == 2024);
    } else {
      // 2023 has no published rate, nor had 2022: not 2024's across the break, nor 2018's, five
      // years older.
      CHECK(r["published"].is_null());
      CHECK(r["published_latest"].is_null());
    }
  }
  CHECK(seen == 2);
}
