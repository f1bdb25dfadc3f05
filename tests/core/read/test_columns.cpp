// Every column of an årsverk file is read or reported (docs/formats.md, "Every column is
// accounted for"): the header vocabulary in both languages, unread columns, no category at all.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "arsverk/reader.hpp"
#include "arsverk/session.hpp"
#include "read/categories.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;
using nlohmann::json;

namespace {

std::string category_of(const std::string& header) {
  auto m = detail::match_category(header);
  return m ? to_string(m->category) : "-";
}

Fixed sum_of(const ParsedFile& f, Category c) {
  Fixed s;
  for (const auto& v : f.arsverk)
    if (v.category == c) s = s + v.value;
  return s;
}

}  // namespace

TEST_CASE("Header vocabulary: 2015 measures and 2024 categories in both languages", "[reader][columns]") {
  // Schema 2015, nested measures.
  CHECK(category_of("Min. health/social upper secondary") == "M2");
  CHECK(category_of("Minimum helse- og sosialfag fra vgs") == "M2");
  CHECK(category_of("Higher education") == "M3");
  CHECK(category_of("Høyskole/universitet") == "M3");
  CHECK(category_of("Higher education with further education") == "M4");
  CHECK(category_of("Høyskole/universitet med videreutdanning psykisk helse/rus") == "M4");
  CHECK(category_of("Høyskole/universitet med videreutdanning…") == "M4");
  CHECK(category_of("Higher education without further education") == "hoy_uten");
  CHECK(category_of("Total") == "totalt");  // provisional: M1 or total, decided by the file
  CHECK(category_of("Totalt") == "totalt");
  CHECK(category_of("Total FTEs") == "totalt");
  // Schema 2024, with and without the questionnaire's letters.
  CHECK(category_of("Helse- og sosialfaglig utdanning fra videregående skole") == "a");
  CHECK(category_of("Helse- og sosialfaglig utdanning fra videregående skole (a)") == "a");
  CHECK(category_of("(b) Helse- og sosialfaglig utdanning fra universitet/høyskole") == "b");
  CHECK(category_of("Annen utdanning fra videregående skole") == "c");
  CHECK(category_of("d) Annen utdanning fra universitet/høyskole") == "d");
  CHECK(category_of("Ufaglærte (e)") == "e");
  CHECK(category_of("Health and social education, upper secondary") == "a");
  CHECK(category_of("Health/social education, university/college") == "b");
  CHECK(category_of("Other education, upper secondary") == "c");
  CHECK(category_of("Other higher education") == "d");
  CHECK(category_of("Unskilled") == "e");
  CHECK(category_of("No formal education") == "e");
  // Not categories.
  CHECK(category_of("Merknad") == "-");
}

TEST_CASE("The English 2015 sheet gives M1–M4, never zeros", "[reader][columns]") {
  const std::string csv =
      "Municipality,Year,Total,Min. health/social upper secondary,Higher education,Higher "
      "education with further education\n"
      "3001,2022,40.5,30.25,20,5\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.diagnostics.empty());
  REQUIRE(f.arsverk.size() == 4);
  CHECK(sum_of(f, Category::M1) == Fixed::from_micro(40'500'000));
  CHECK(sum_of(f, Category::M2) == Fixed::from_micro(30'250'000));
  CHECK(sum_of(f, Category::M3) == Fixed::from_micro(20'000'000));
  CHECK(sum_of(f, Category::M4) == Fixed::from_micro(5'000'000));

  // Through the whole computation: the FTEs of M1–M4 reach the result as given.
  Session session;
  session.add_file("en2015.csv", csv);
  Settings settings;
  settings.year = 2022;
  const json report = json::parse(session.report_json(settings));
  bool found = false;
  for (const json& r : report.at("results"))
    if (r.at("code") == "3001") {
      found = true;
      CHECK(r.at("arsverk").at("M1") == 40.5);
      CHECK(r.at("arsverk").at("M2") == 30.25);
      CHECK(r.at("arsverk").at("M3") == 20.0);
      CHECK(r.at("arsverk").at("M4") == 5.0);
      for (const char* m : {"M1", "M2", "M3", "M4"}) CHECK(r.at("per_1000").at(m).get<double>() > 0);
    }
  CHECK(found);
}

TEST_CASE("Disjoint 2015 levels named like the 2024 categories", "[reader][columns]") {
  ParsedFile f = read("kommune;år;Ufaglærte;Annen utdanning fra videregående skole;"
                      "Helse- og sosialfaglig utdanning fra videregående skole;hoy_uten;"
                      "Høyskole/universitet med videreutdanning\n"
                      "3001;2022;1;2;3;4;5\n");
  INFO(all_codes(f));
  CHECK(f.diagnostics.empty());
  CHECK(sum_of(f, Category::Ingen) == Fixed::from_micro(1'000'000));
  CHECK(sum_of(f, Category::AnnenVgs) == Fixed::from_micro(2'000'000));
  CHECK(sum_of(f, Category::VgsHelse) == Fixed::from_micro(3'000'000));
  CHECK(sum_of(f, Category::HoyUten) == Fixed::from_micro(4'000'000));
  CHECK(sum_of(f, Category::HoyMed) == Fixed::from_micro(5'000'000));
}

TEST_CASE("Columns not read are reported at the header line", "[reader][columns]") {
  ParsedFile f = read("kommune;år;a;b;c;d;e;Folkemengde;Høyere utdanning helse;Merknad;\n"
                      "3101;2024;1;2;3;4;5;100;3;x;\n"
                      "3101;2025;1;2;3;4;5;100;3;x;9\n");
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 10);
  const Diagnostic* pop = find_code(f, "header.population_ignored");
  REQUIRE(pop);
  CHECK(pop->line == 1);
  CHECK(pop->column == 8);
  CHECK(pop->severity == Severity::Warning);
  const Diagnostic* cat = find_code(f, "header.unknown_category");
  REQUIRE(cat);
  CHECK(cat->column == 9);
  CHECK(cat->text(Lang::Nb).find("Nærmeste kjente navn") != std::string::npos);
  CHECK(cat->text(Lang::En).find("Høyere utdanning helse") != std::string::npos);
  const Diagnostic* other = find_code(f, "header.column_ignored");
  REQUIRE(other);
  CHECK(other->column == 10);
  CHECK(other->text(Lang::En).rfind("Line 1, column 10: ", 0) == 0);
  const Diagnostic* unnamed = find_code(f, "header.unnamed_column");
  REQUIRE(unnamed);
  CHECK(unnamed->line == 3);
  CHECK(unnamed->column == 11);
}

TEST_CASE("Long layout: a–e columns beside category/value are reported", "[reader][columns]") {
  ParsedFile f = read("kommune;år;kategori;årsverk;a\n3101;2024;a;1;2\n");
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 1);
  const Diagnostic* d = find_code(f, "header.column_ignored");
  REQUIRE(d);
  CHECK(d->column == 5);
}

TEST_CASE("No category or measure column is an error naming what was found", "[reader][columns]") {
  ParsedFile f = read("kommune;år;Helsefag;Annet\n3101;2024;1;2\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Unknown);
  CHECK(f.arsverk.empty());
  const Diagnostic* d = find_code(f, "header.no_category");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->line == 1);
  CHECK(d->text(Lang::En).find("“Helsefag”") != std::string::npos);
  CHECK(d->text(Lang::En).find("Did you mean") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("Ufaglærte") != std::string::npos);
}

TEST_CASE("A blank category cell is not given — 0 is zero", "[reader][columns]") {
  ParsedFile f = read("kommune;år;a;b;c;d;e\n3101;2024;1;;0;;\n");
  INFO(all_codes(f));
  CHECK(f.diagnostics.empty());
  REQUIRE(f.arsverk.size() == 2);  // a and c; b, d, e were not given
  CHECK(f.arsverk[0].category == Category::A);
  CHECK(f.arsverk[1].category == Category::C);
  CHECK(f.arsverk[1].value == Fixed());
}
