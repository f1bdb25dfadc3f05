// Plausibility per education category and target group: a lost decimal comma in one category is
// caught with the municipality's own file alone, and the warning names the cell.
#include "engine_fixture.hpp"

#include <algorithm>

#include "arsverk/example_data.hpp"
#include "arsverk/reader.hpp"

using namespace fixture;

namespace {

const char* kHeader = "kommunenummer;år;målgruppe;a;b;c;d;e\n";

// Halden's form totals, shaped on the published national composition (M1 about 2,7 per 1 000).
std::string halden(int year, const char* adults_a = "22,50", const char* adults_d = "3,60") {
  const std::string y = std::to_string(year);
  return "3101;" + y + ";voksne;" + adults_a + ";39,70;3,30;" + adults_d + ";3,90\n" +
         "3101;" + y + ";barn og unge;3,70;7,30;0,50;0,55;0,50\n";
}

Report run_csv(const std::string& csv) {
  std::vector<ParsedFile> files;
  files.push_back(read_file("halden.csv", csv));
  return compute(files, Settings{});
}

std::vector<const Diagnostic*> warnings(const Report& r) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Warning) out.push_back(&d);
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Halden's adults a 225,0 for 22,50 is caught and names its cell") {
  REQUIRE(warnings(run_csv(kHeader + halden(2025))).empty());
  const Report r = run_csv(kHeader + halden(2025, "225,00"));
  const Diagnostic* d = diagnostic(r, "check.category_share");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->file == "halden.csv");
  CHECK(d->line == 2);
  CHECK(d->column == 4);  // a
  CHECK(d->year == 2025);
  CHECK(has(d->nb, "3101 Halden 2025: kategori a for voksne er 225,00 årsverk, 82 % av årsverkene for voksne"));
  CHECK(has(d->nb, "desimalkommaet"));
  CHECK(d->text(Lang::Nb).rfind("Linje 2, kolonne 4 i halden.csv: 3101 Halden 2025: kategori a for voksne", 0) == 0);
  CHECK(d->text(Lang::En).rfind("Line 2, column 4 of halden.csv: 3101 Halden 2025: category a for adults", 0) == 0);
  CHECK(has(d->en, "3101 Halden 2025: category a for adults is 225.00 FTEs, 82 % of the FTEs for adults"));
  CHECK(has(d->en, "decimal comma"));
  const Result* halden = find(r, "3101", 2025);
  REQUIRE(halden);
  CHECK(std::count(halden->flags.begin(), halden->flags.end(), "category_share") == 1);
}

TEST_CASE("Halden's adults d 36,0 for 3,60 is caught although M1 moves little") {
  const Report r = run_csv(kHeader + halden(2025, "22,50", "36,00"));
  const Diagnostic* d = diagnostic(r, "check.category_share");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 7);  // d
  CHECK(has(d->nb, "kategori d for voksne er 36,00 årsverk, 34 % av årsverkene for voksne; i landet er d om lag 5 %"));
  CHECK(has(d->en, "category d for adults is 36.00 FTEs, 34 % of the FTEs for adults; nationally d is about 5 %"));
  CHECK(count_diagnostics(r, "check.far_above_published") == 0);  // what alone caught it before
}

TEST_CASE("the synthetic example data, shaped on published figures, raises no category or group warning") {
  std::vector<ParsedFile> files;
  files.push_back(read_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv));
  files.push_back(read_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv));
  const Report r = compute(files, Settings{});
  REQUIRE(find(r, "3101", 2025));
  for (const char* code : {"check.category_share", "check.category_between_groups", "check.group_balance", "check.category_change"})
    CHECK(count_diagnostics(r, code) == 0);
}

TEST_CASE("a category that trebles from the previous year is a change to check, even when M1 is steady") {
  const Report r = run_csv(kHeader + halden(2024) + halden(2025, "22,50", "12,00"));
  REQUIRE(count_diagnostics(r, "check.change_large") == 0);
  REQUIRE(count_diagnostics(r, "check.category_share") == 0);
  const Diagnostic* d = diagnostic(r, "check.category_change");
  REQUIRE(d);
  CHECK(d->line == 4);
  CHECK(d->column == 7);
  CHECK(has(d->nb, "kategori d for voksne er 12,00 årsverk, mot 3,60 i 2024"));
  CHECK(has(d->en, "category d for adults is 12.00 FTEs, against 3.60 in 2024"));
}

TEST_CASE("a small category's change of a few FTEs is noise, not a warning") {
  // c for children: 0,50 → 2,00 is × 4, but only 1,5 FTEs.
  const std::string later = "3101;2025;voksne;22,50;39,70;3,30;3,60;3,90\n3101;2025;barn og unge;3,70;7,30;2,00;0,55;0,50\n";
  const Report r = run_csv(kHeader + halden(2024) + later);
  CHECK(count_diagnostics(r, "check.category_change") == 0);
}

TEST_CASE("children and young people with most of the FTEs: the target groups are held against each other") {
  // The children's row × 10 throughout: their composition is ordinary, their weight is not.
  const std::string csv = std::string(kHeader) + "3101;2025;voksne;22,50;39,70;3,30;3,60;3,90\n" +
                          "3101;2025;barn og unge;37,00;73,00;5,00;5,50;5,00\n";
  const Report r = run_csv(csv);
  CHECK(count_diagnostics(r, "check.category_share") == 0);
  const Diagnostic* d = diagnostic(r, "check.group_balance");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(has(d->nb, "barn og unge har 63 % av kommunens årsverk (125,50 av 198,50); i landet har barn og unge 23 % (SINTEF, 2023)"));
  CHECK(has(d->en, "children and young people have 63 % of the municipality’s FTEs (125.50 of 198.50); nationally children and young people have 23 % (SINTEF, 2023)"));
}

TEST_CASE("a category far more common in one target group than in the other is named") {
  const std::string csv = std::string(kHeader) + "3101;2025;voksne;22,50;39,70;3,30;8,00;3,90\n" +
                          "3101;2025;barn og unge;3,70;7,30;0,50;0,10;0,50\n";
  const Report r = run_csv(csv);
  CHECK(count_diagnostics(r, "check.category_share") == 0);
  const Diagnostic* d = diagnostic(r, "check.category_between_groups");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->column == 7);
  CHECK(has(d->nb, "kategori d for voksne er 8,00 årsverk, 10 % av årsverkene for voksne, men bare 1 % av årsverkene for barn og unge"));
}

TEST_CASE("M2 far above its published national figure is flagged when M1 is not") {
  // 340 FTEs in Halden: M1 about 10,7 (3,8 × 2,8), M2 = a + b about 10,0 (4,2 × 2,4).
  const Report r = run_csv(std::string(kHeader) + "3101;2024;;100;220;10;5;5\n");
  const Diagnostic* d = diagnostic(r, "check.far_above_published");
  REQUIRE(d);
  CHECK(count_diagnostics(r, "check.far_above_published") == 1);
  CHECK(has(d->nb, "3101 Halden 2024: M2 = 10,0 årsverk per 1 000 innbyggere er 4,2 ganger det publiserte tallet for hele landet (2,4 i 2024)"));
  CHECK(has(d->en, "3101 Halden 2024: M2 = 10.0 FTEs per 1,000 inhabitants is 4.2 times the published figure for Norway (2.4 in 2024)"));
  CHECK(count_diagnostics(r, "check.category_share") == 0);
}
