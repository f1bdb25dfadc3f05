// Rows that are sums of other rows: found by their label and by their figures, left
// out with a warning on their line that says what they equal.
#include <catch2/catch.hpp>

#include <string>

#include "arsverk/report.hpp"
#include "arsverk/session.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

const std::string kHead = "kommunenummer;år;målgruppe;a;b;c;d;e\n";
const std::string kHalden = "3101;2024;voksne;10;5;3;2;1\n3101;2024;barn og unge;4;2;1;1;0\n";

Report compute_one(const std::string& text, const std::string& name = "arsverk.csv") {
  std::vector<ParsedFile> files{read(text, name)};
  return compute(files, Settings{});
}

const Result* result(const Report& r, const std::string& code, int year = 2024) {
  for (const Result& x : r.results)
    if (x.code == code && x.year == year) return &x;
  return nullptr;
}

const Diagnostic* diagnostic(const Report& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// M1's FTEs for a unit: a–e summed over the rows counted.
std::string m1(const Report& r, const std::string& code) {
  const Result* x = result(r, code);
  REQUIRE(x);
  REQUIRE(x->arsverk[0]);
  return x->arsverk[0]->to_string();
}

}  // namespace

TEST_CASE("A row labelled as a total of the unit's rows is left out, saying what it is the sum of", "[sum_rows]") {
  for (const char* label : {"3101 Totalt", "3101 Sum", "3101 I ALT", "3101 total", "Halden totalt", "Sum 3101",
                            "3101 Halden - samlet"}) {
    CAPTURE(label);
    const Report r = compute_one(kHead + kHalden + label + ";2024;;14;7;4;3;1\n");
    CHECK(m1(r, "3101") == "29");
    const Diagnostic* d = diagnostic(r, "sum.row");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == 4);
    CHECK(d->nb.find("summen av linjene 2 og 3 (voksne + barn og unge)") != std::string::npos);
    CHECK(d->en.find("the sum of lines 2 and 3 (adults + children and young people)") != std::string::npos);
  }
}

TEST_CASE("A sum label in the target group or service column marks the row", "[sum_rows]") {
  for (const char* group : {"Begge", "Totalt", "Alle", "Both", "All groups", "Sum"}) {
    CAPTURE(group);
    const Report r = compute_one(kHead + kHalden + "3101;2024;" + group + ";14;7;4;3;1\n");
    CHECK(m1(r, "3101") == "29");
    REQUIRE(diagnostic(r, "sum.row"));
    CHECK(diagnostic(r, "group.unknown") == nullptr);
  }
  const std::string services = "kommunenummer;år;tjeneste;a;b;c;d;e\n"
                               "3101;2024;Psykisk helse;10;5;3;2;1\n"
                               "3101;2024;Rus;4;2;1;1;0\n";
  for (const char* service : {"Sum tjenester", "Totalt", "Alle tjenester", "Total"}) {
    CAPTURE(service);
    const Report r = compute_one(services + "3101;2024;" + service + ";14;7;4;3;1\n");
    CHECK(m1(r, "3101") == "29");
    const Diagnostic* d = diagnostic(r, "sum.row");
    REQUIRE(d);
    CHECK(d->nb.find("(Psykisk helse + Rus)") != std::string::npos);
  }
}

TEST_CASE("A labelled sum row without a unit or year is left out with a warning, not «Året mangler»", "[sum_rows]") {
  for (const char* row : {"Sum;;14;7;4;3;1", "Totalt;2024;14;7;4;3;1", "I alt;;14;7;4;3;1"}) {
    CAPTURE(row);
    const ParsedFile f = read("kommunenummer;år;a;b;c;d;e\n3101;2024;14;7;4;3;1\n" + std::string(row) + "\n");
    CHECK_FALSE(has_code(f, "year.missing"));
    CHECK_FALSE(has_code(f, "unit.missing"));
    const Diagnostic* d = find_code(f, "sum.row_without_unit");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == 3);
    CHECK(f.arsverk.size() == 5);
  }
}

TEST_CASE("A row with a blank target group equal to the two groups' rows is left out by arithmetic", "[sum_rows]") {
  const Report r = compute_one(kHead + kHalden + "3101;2024;;14;7;4;3;1\n");
  CHECK(m1(r, "3101") == "29");
  const Diagnostic* d = diagnostic(r, "sum.row_by_arithmetic");
  REQUIRE(d);
  CHECK(d->line == 4);
  // The choice is visible: not labelled, taken from the figures, and what to change.
  CHECK(d->nb.find("ikke merket som sum") != std::string::npos);
  CHECK(d->nb.find("legg dem til i radene med målgruppe") != std::string::npos);
  CHECK(d->en.find("not labelled a sum") != std::string::npos);
}

TEST_CASE("Oslo i alt beside the districts' rows is left out — Oslo's own rows still count", "[sum_rows]") {
  std::string text = kHead;
  for (int d = 1; d <= 15; ++d) {
    const std::string code = std::string("0301") + (d < 10 ? "0" : "") + std::to_string(d);
    text += code + ";2024;voksne;10;5;3;2;1\n" + code + ";2024;barn og unge;4;2;1;1;0\n";
  }
  const std::string own = "0301;2024;voksne;3;0;0;0;0\n0301;2024;barn og unge;1;0;0;0;0\n";
  for (const char* total : {"210", "214"}) {  // the districts' sum; Oslo's own rows and the districts'
    CAPTURE(total);
    const Report r = compute_one(text + own + "0301 Oslo i alt;2024;;" + total + ";105;60;45;15\n");
    CHECK(m1(r, "0301") == "439");  // 15 districts × 29 + own 4
    REQUIRE(diagnostic(r, "sum.row"));
  }
  const Report wrong = compute_one(text + own + "0301 Oslo i alt;2024;;300;105;60;45;15\n");
  CHECK(m1(wrong, "0301") == "439");
  REQUIRE(diagnostic(wrong, "sum.label_not_sum"));
  const Report districts_only = compute_one(text + "0301 Oslo i alt;2024;voksne;150;75;45;30;15\n");
  const Diagnostic* d = diagnostic(districts_only, "sum.row");
  REQUIRE(d);
  CHECK(d->nb.find("Oslos bydeler") != std::string::npos);
  CHECK(m1(districts_only, "0301") == "435");
}

TEST_CASE("A county row equal to its municipalities' rows is left out", "[sum_rows]") {
  const std::string text = kHead + "3101;2024;voksne;10;5;3;2;1\n3103;2024;voksne;4;2;1;1;0\n"
                                   "31 Østfold;2024;voksne;14;7;4;3;1\n";
  const Report r = compute_one(text);
  const Diagnostic* d = diagnostic(r, "sum.row_by_arithmetic");
  REQUIRE(d);
  CHECK(d->line == 4);
  CHECK(d->nb.find("kommunene i fylket") != std::string::npos);
  CHECK(diagnostic(r, "aggregate.given_and_computed") == nullptr);
  const Result* county = result(r, "31");
  REQUIRE(county);
  CHECK_FALSE(county->direct);
}

TEST_CASE("Long layout: a unit's labelled rows are compared category by category", "[sum_rows]") {
  std::string text = "kommunenummer;år;målgruppe;kategori;årsverk\n";
  const char* cats = "abcde";
  const char* adults[] = {"10", "5", "3", "2", "1"};
  const char* children[] = {"4", "2", "1", "1", "0"};
  const char* total[] = {"14", "7", "4", "3", "1"};
  for (int i = 0; i < 5; ++i) text += std::string("3101;2024;voksne;") + cats[i] + ";" + adults[i] + "\n";
  for (int i = 0; i < 5; ++i) text += std::string("3101;2024;barn og unge;") + cats[i] + ";" + children[i] + "\n";
  for (int i = 0; i < 5; ++i) text += std::string("3101 Totalt;2024;;") + cats[i] + ";" + total[i] + "\n";
  const Report r = compute_one(text);
  CHECK(m1(r, "3101") == "29");
  REQUIRE(diagnostic(r, "sum.row"));
}
