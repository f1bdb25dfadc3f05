// Every engine message tied to a line says file and line in its text, in both languages; English
// texts say FTEs, never årsverk.
#include "engine_fixture.hpp"

using namespace fixture;

namespace {

Input many_messages() {
  Input in;
  in.row24("9999", 2024, NoGroup, "", "1", "1", "1", "1", "1");           // unknown municipality
  in.row24("3001", 2024, NoGroup, "", "1", "1", "1", "1", "1");           // wrong structure
  in.add("3101", 2023, NoGroup, "", Category::A, "1");                    // wrong schema
  in.add("3101", 2010, NoGroup, "", Category::M1, "1");                   // year out of range
  in.row15("3002", 2023, NoGroup, "", "1", "2", "1", "0");                // nested order
  in.row24("3103", 2024, NoGroup, "", "1", "1", "1", "1", "1");
  in.add("3103", 2024, NoGroup, "", Category::Total, "0.5");                // category above total, mismatch
  in.row24("3105", 2024, NoGroup, "", "900", "1", "1", "1", "1");         // rate high
  in.row24("030116", 2024, NoGroup, "", "1", "1", "1", "1", "1");         // district not reporting
  return in;
}

}  // namespace

TEST_CASE("messages with a line say file and line in both languages") {
  const Report r = many_messages().run();
  int with_line = 0;
  for (const Diagnostic& d : r.diagnostics) {
    CAPTURE(d.code, d.en);
    CHECK(d.en.find("årsverk") == std::string::npos);
    if (d.line == 0) continue;
    ++with_line;
    const std::string l = std::to_string(d.line);
    CHECK(d.nb.find("Linje " + l + " i " + d.file) != std::string::npos);
    CHECK(d.en.find("Line " + l + " of " + d.file) != std::string::npos);
  }
  CHECK(with_line >= 9);
  for (const char* code : {"unit.unknown_municipality", "unit.wrong_structure", "category.wrong_schema",
                           "year.out_of_range", "check.nested_order", "check.category_above_total",
                           "check.rate_high", "unit.district_not_reporting"})
    CHECK(diagnostic(r, code));
}

TEST_CASE("a duplicate names both lines and both files") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "1", "1", "1", "1", "1");
  in.files.push_back(in.files[0]);
  in.files[1].name = "andre.csv";
  for (auto& v : in.files[1].arsverk) v.line += 10;
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "value.duplicate");
  REQUIRE(d);
  CHECK(d->file == "andre.csv");
  CHECK(d->en.find("Line 12 of andre.csv") != std::string::npos);
  CHECK(d->en.find("line 2 of arsverk.csv") != std::string::npos);
  CHECK(d->nb.find("linje 2 i arsverk.csv") != std::string::npos);
}

TEST_CASE("English report: names and units in English") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "300", "1", "1", "1", "1");
  Settings en;
  en.lang = Lang::En;
  const Report r = in.run(en);
  CHECK(find(r, "0", 2024)->name == "Norway");
  const std::string table = report_to_table(r, en);
  CHECK(table.find("årsverk") == std::string::npos);
  CHECK(table.find("Hele landet") == std::string::npos);
  CHECK(table.find("(1 unit from") != std::string::npos);
}

TEST_CASE("the table says a message's file and line once") {
  const Report r = many_messages().run();
  const std::string table = report_to_table(r, Settings{});
  int with_line = 0;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.line == 0) continue;
    ++with_line;
    CAPTURE(d.code, d.nb);
    // The text opens with "Linje 2 i arsverk.csv: …": nothing in front of it repeats that.
    CHECK(table.find(std::string(to_string(d.severity)) + ": " + d.nb + "\n") != std::string::npos);
    CHECK(table.find(d.file + ":" + std::to_string(d.line)) == std::string::npos);
  }
  CHECK(with_line >= 9);
}
