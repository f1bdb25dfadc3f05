// Sums of accepted figures that leave the range of Fixed: an error naming the line, the measure
// absent — never a wrapped number. Run under UBSan by scripts/sanitize.sh.
#include "engine_fixture.hpp"

#include "arsverk/session.hpp"

using namespace fixture;

namespace {

constexpr const char* kHuge = "9000000000000";  // 9e12 FTEs: accepted alone, two overflow

bool mentions_line(const Diagnostic& d, int64_t line) {
  const std::string l = std::to_string(line);
  return d.line == line && d.text(Lang::Nb).find("Linje " + l) != std::string::npos && d.text(Lang::En).find("Line " + l) != std::string::npos;
}

}  // namespace

TEST_CASE("overflow: the categories of one row cannot be summed") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", kHuge, kHuge, "0", "0", "0");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "arithmetic.overflow");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(mentions_line(*d, 2));
  CHECK(d->text(Lang::En).find("arsverk.csv") != std::string::npos);
  CHECK_FALSE(find(r, "3101", 2024));  // the row was skipped: nothing else was given
}

TEST_CASE("overflow: two rows of one unit-year") {
  Input in;
  in.row24("3101", 2024, Adults, "", kHuge, "0", "0", "0", "0");
  in.row24("3101", 2024, Children, "", kHuge, "0", "0", "0", "0");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "arithmetic.overflow");
  REQUIRE(d);
  CHECK(d->text(Lang::En).find("M1, M2") != std::string::npos);
  const Result* h = find(r, "3101", 2024);
  REQUIRE(h);
  CHECK_FALSE(h->arsverk[0].has_value());
  CHECK_FALSE(h->arsverk[1].has_value());
  CHECK(h->arsverk[2] == fx("0"));  // M3 = b stayed in range
  for (const Result& x : r.results)
    for (const auto& a : x.arsverk) CHECK((!a || *a >= Fixed()));
}

TEST_CASE("overflow: aggregates over municipalities") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", kHuge, "0", "0", "0", "1");
  in.row24("3103", 2024, NoGroup, "", kHuge, "0", "0", "0", "1");
  const Report r = in.run();
  REQUIRE(find(r, "3101", 2024)->arsverk[0].has_value());
  const Result* fylke = find(r, "31", 2024);
  REQUIRE(fylke);
  CHECK_FALSE(fylke->arsverk[0].has_value());
  CHECK(fylke->arsverk[3] == fx("0"));
  CHECK_FALSE(find(r, "0", 2024)->arsverk[0].has_value());
  CHECK(count_diagnostics(r, "arithmetic.overflow") >= 1);
}

TEST_CASE("overflow: Oslo's own rows and its districts") {
  Input in;
  in.row24("0301", 2024, NoGroup, "", kHuge, "0", "0", "0", "0");
  in.row24("030101", 2024, NoGroup, "", kHuge, "0", "0", "0", "0");
  const Report r = in.run();
  const Result* oslo = find(r, "0301", 2024);
  REQUIRE(oslo);
  CHECK_FALSE(oslo->arsverk[0].has_value());
  CHECK(find(r, "030101", 2024)->arsverk[0] == fx(kHuge));
  CHECK(diagnostic(r, "arithmetic.overflow"));
}

TEST_CASE("overflow: årsverk left out of scope") {
  Input in;
  in.row24("3101", 2024, NoGroup, "Demens", kHuge, "0", "0", "0", "0");
  in.row24("3103", 2024, NoGroup, "Demens", kHuge, "0", "0", "0", "0");
  const Report r = in.run();
  CHECK(diagnostic(r, "arithmetic.overflow"));
  REQUIRE(r.excluded.size() == 1);
  CHECK(r.excluded[0].arsverk == fx(kHuge));
}

TEST_CASE("overflow: the issue's file through the reader gives an error and exit 1, never a negative M3") {
  Session s;
  s.add_file("stor.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2024;voksne;0;9000000000000;0;0;0\n"
             "3101;2024;barn og unge;0;9000000000000;0;0;0\n");
  const std::string json = s.report_json({});
  CHECK(json.find("-9") == std::string::npos);
  CHECK(s.has_errors({}));
}
