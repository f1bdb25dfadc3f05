// The arithmetic of sum rows in the engine: a row equal to the sum of others is left
// out, and where label and figures disagree the message says which was used and what to change.
#include <catch2/catch.hpp>

#include "engine_fixture.hpp"

using namespace fixture;

namespace {

// Marks a row24 of the fixture (its five values, one line each) as a labelled sum row.
void label(Input& in, int64_t first_line, const std::string& text) {
  for (ArsverkValue& v : in.files[0].arsverk)
    if (v.line >= first_line && v.line < first_line + 5) {
      v.sum_label = true;
      in.files[0].sum_labels.push_back(SumLabel{v.line, 0, SumLabelColumn::Unit, text});
    }
}

}  // namespace

TEST_CASE("Engine: a real row that happens to equal the sum of others is left out, and the message says so", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");        // lines 2–6
  in.row24("3101", 2024, TargetGroup::Children, "", "4", "2", "1", "1", "0");       // lines 7–11
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "14", "7", "4", "3", "1");   // lines 12–16
  const Report r = in.run();
  const Result* x = find(r, "3101", 2024);
  REQUIRE(x);
  CHECK(x->arsverk[0]->to_string() == "29");
  const Diagnostic* d = diagnostic(r, "sum.row_by_arithmetic");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->nb.find("ikke merket som sum, men er regnet som en sumrad ut fra tallene") != std::string::npos);
  CHECK(d->nb.find("Er den egne årsverk som skal telle med") != std::string::npos);
  CHECK(d->en.find("not labelled a sum, but was taken as a sum row from its figures") != std::string::npos);
}

TEST_CASE("Engine: an unlabelled row that is not the sum is data", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("3101", 2024, TargetGroup::Children, "", "4", "2", "1", "1", "0");
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "1", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->arsverk[0]->to_string() == "30");
  CHECK(count_diagnostics(r, "sum.row_by_arithmetic") == 0);
  CHECK(count_diagnostics(r, "sum.row") == 0);
}

TEST_CASE("Engine: all-zero rows are never taken as sums by arithmetic alone", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "0", "0", "0", "0", "0");
  in.row24("3101", 2024, TargetGroup::Children, "", "0", "0", "0", "0", "0");
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "0", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK(count_diagnostics(r, "sum.row_by_arithmetic") == 0);
}

TEST_CASE("Engine: a labelled row that is not the sum is left out by its label, and the message says so", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("3101", 2024, TargetGroup::Children, "", "4", "2", "1", "1", "0");
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "15", "7", "4", "3", "1");
  label(in, 12, "3101 Totalt");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->arsverk[0]->to_string() == "29");
  const Diagnostic* d = diagnostic(r, "sum.label_not_sum");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->nb.find("holdt utenfor fordi den er merket som sum") != std::string::npos);
  CHECK(d->nb.find("ta bort «3101 Totalt» fra cellen") != std::string::npos);
  CHECK(d->nb.find("M1 30,00 her, 29,00 i de andre radene") != std::string::npos);
}

TEST_CASE("Engine: a labelled row with nothing to be the sum of is the unit's figures", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "14", "7", "4", "3", "1");
  label(in, 2, "3101 Totalt");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->arsverk[0]->to_string() == "29");
  const Diagnostic* d = diagnostic(r, "sum.label_without_parts");
  REQUIRE(d);
  CHECK(d->severity == Severity::Info);
}

TEST_CASE("Engine: Oslo's own rows beside its districts are not sums — a 0301 row equal to the districts is", "[sum_rows][engine]") {
  Input in;
  in.row24("030101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  in.row24("030102", 2024, TargetGroup::Adults, "", "4", "2", "1", "1", "0");
  in.row24("0301", 2024, TargetGroup::Adults, "", "1", "1", "1", "1", "1");
  const Report own = in.run();
  CHECK(count_diagnostics(own, "sum.row_by_arithmetic") == 0);
  CHECK(find(own, "0301", 2024)->arsverk[0]->to_string() == "34");

  Input sum;
  sum.row24("030101", 2024, TargetGroup::Adults, "", "10", "5", "3", "2", "1");
  sum.row24("030102", 2024, TargetGroup::Adults, "", "4", "2", "1", "1", "0");
  sum.row24("0301", 2024, TargetGroup::Adults, "", "14", "7", "4", "3", "1");
  const Report r = sum.run();
  const Diagnostic* d = diagnostic(r, "sum.row_by_arithmetic");
  REQUIRE(d);
  CHECK(d->nb.find("Oslos bydeler") != std::string::npos);
  CHECK(find(r, "0301", 2024)->arsverk[0]->to_string() == "29");
}

TEST_CASE("Engine: subtotals per group and a grand total over services are all left out", "[sum_rows][engine]") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "Psykisk helse", "1", "1", "1", "1", "1");
  in.row24("3101", 2024, TargetGroup::Adults, "Rus", "2", "2", "2", "2", "2");
  in.row24("3101", 2024, TargetGroup::Children, "Psykisk helse", "3", "3", "3", "3", "3");
  in.row24("3101", 2024, TargetGroup::Adults, "", "3", "3", "3", "3", "3");
  in.row24("3101", 2024, TargetGroup::Unspecified, "", "6", "6", "6", "6", "6");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->arsverk[0]->to_string() == "30");
  CHECK(count_diagnostics(r, "sum.row_by_arithmetic") == 2);
}
