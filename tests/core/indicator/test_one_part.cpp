// The 2025 form has one part for adults and one for children and young people: a municipality
// left out for lack of one group's FTEs says whether that part was not given at all or given
// with 0, and what to add.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "engine_fixture.hpp"

using namespace fixture;

TEST_CASE("Only the adults' part given: a warning that the children's part is missing and what to add", "[one_part][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  const Report r = in.run();
  const Result* x = find(r, "3101", 2024);
  REQUIRE(x);
  CHECK(x->suppressed);
  const Diagnostic* d = diagnostic(r, "suppression.part_missing");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->nb.find("bare delen for voksne, ingen rader for barn og unge") != std::string::npos);
  CHECK(d->nb.find("Legg til radene for barn og unge") != std::string::npos);
  CHECK(d->en.find("only the part for adults, no rows for children and young people") != std::string::npos);
  CHECK(count_diagnostics(r, "suppression.part_zero") == 0);
  // The unit and year as data, so that the page lists it among the municipality's own messages.
  REQUIRE(d->args.size() == 3);
  CHECK(d->args[0].key == "level");
  CHECK(std::get<std::string>(d->args[0].value) == "kommune");
  CHECK(std::get<std::string>(d->args[1].value) == "3101");
  CHECK(std::get<int64_t>(d->args[2].value) == 2024);
}

TEST_CASE("Only the children's part given: the adults' part is named", "[one_part][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Children, "", "10", "5", "3", "2", "1");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "suppression.part_missing");
  REQUIRE(d);
  CHECK(d->nb.find("ingen rader for voksne") != std::string::npos);
}

TEST_CASE("A part given with 0 FTEs is the indicator's rule, said apart from a missing part", "[one_part][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("3101", 2024, TargetGroup::Children, "", "0", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->suppressed);
  CHECK(count_diagnostics(r, "suppression.part_missing") == 0);
  const Diagnostic* d = diagnostic(r, "suppression.part_zero");
  REQUIRE(d);
  CHECK(d->severity == Severity::Info);
  CHECK(d->nb.find("radene for barn og unge har 0 årsverk") != std::string::npos);
  REQUIRE(d->args.size() == 3);
  CHECK(std::get<std::string>(d->args[1].value) == "3101");
}

TEST_CASE("Figures carried forward are left out again, and said about once: in the year they came from", "[one_part][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("3103", 2025, TargetGroup::Adults, "", "1", "1", "1", "1", "1");  // 2025 has figures: 3101 is carried into it
  in.row24("3103", 2025, TargetGroup::Children, "", "1", "1", "1", "1", "1");
  const Report r = in.run();
  const Result* carried = find(r, "3101", 2025);
  REQUIRE(carried);
  CHECK(carried->carried_from == 2024);
  CHECK(carried->suppressed);
  REQUIRE(count_diagnostics(r, "suppression.part_missing") == 1);
  CHECK(diagnostic(r, "suppression.part_missing")->nb.rfind("3101 Halden 2024:", 0) == 0);
}

TEST_CASE("A part whose row was skipped for an error names that row, not a part not given", "[one_part][engine]") {
  const ParsedFile file = read_file("skjema.csv",
                                    "kommunenummer;år;målgruppe;a;b;c;d;e\n"
                                    "3101;2024;voksne;3x;20;1;2;0,5\n"
                                    "3101;2024;barn og unge;3;4;0;1;0\n");
  const Report r = compute({file}, {});
  CHECK(find(r, "3101", 2024)->suppressed);
  CHECK(count_diagnostics(r, "suppression.part_missing") == 0);
  const Diagnostic* d = diagnostic(r, "suppression.part_skipped");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->line == 3);
  CHECK(d->nb.find("3101 Halden 2024: tallene for voksne er hoppet over for en feil (se feilmeldingen), så bare delen "
                   "for barn og unge er regnet med") != std::string::npos);
  CHECK(d->en.find("the figures for adults were skipped for an error (see the error message)") != std::string::npos);
  CHECK(d->args.size() == 3);  // about the unit and year: the page lists it with the unit's checks
  CHECK(find(r, "3101", 2024)->suppression_reason == "adults_skipped");
  // Its figures lack the adults' row: no check before submission is said of them (M1 0,1 would be
  // «far below» Norway's).
  for (const Diagnostic& x : r.diagnostics) CHECK(x.code.rfind("check.", 0) != 0);
}
