// Every engine message tied to a line says file and line in its text, in both languages; English
// texts say FTEs, never årsverk.
#include <fstream>
#include <iterator>

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
    CAPTURE(d.code, d.text(Lang::En));
    CHECK(d.text(Lang::En).find("årsverk") == std::string::npos);
    if (d.line == 0) continue;
    ++with_line;
    const std::string l = std::to_string(d.line);
    CHECK(d.text(Lang::Nb).find("Linje " + l + " i " + d.file) != std::string::npos);
    CHECK(d.text(Lang::En).find("Line " + l + " of " + d.file) != std::string::npos);
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
  CHECK(d->text(Lang::En).find("Line 12 of andre.csv") != std::string::npos);
  CHECK(d->text(Lang::En).find("line 2 of arsverk.csv") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("linje 2 i arsverk.csv") != std::string::npos);
}

namespace {

// The unit and year a message is about, as data: "kommune 3101 2024".
std::string about(const Diagnostic& d) {
  std::string out;
  for (const auto& arg : d.args) {
    if (arg.key != "level" && arg.key != "code" && arg.key != "year") continue;
    out += (out.empty() ? "" : " ") + (std::holds_alternative<std::string>(arg.value) ? std::get<std::string>(arg.value)
                                                                                      : std::to_string(std::get<int64_t>(arg.value)));
  }
  return out;
}

}  // namespace

TEST_CASE("a duplicate says each of its unit, year, target group, service and category, and is about the unit-year") {
  Input in;
  in.row24("3101", 2024, TargetGroup::Adults, "Lavterskeltilbud", "1", "1", "1", "1", "1");
  in.row24("3101", 2024, TargetGroup::Adults, "Lavterskeltilbud", "2", "2", "2", "2", "2");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "value.duplicate");
  REQUIRE(d);
  CHECK(d->nb.find("(3101, 2024, voksne, «Lavterskeltilbud», a)") != std::string::npos);
  CHECK(d->en.find("(3101, 2024, adults, “Lavterskeltilbud”, a)") != std::string::npos);
  CHECK(about(*d) == "kommune 3101 2024");  // the unit's checks list it beside its figures
}

TEST_CASE("a copied line is one duplicate naming its categories, not one per category") {
  Input in;
  const auto line = [&](int64_t n, std::size_t values) {  // the last `values` values are line n
    for (std::size_t i = in.files[0].arsverk.size() - values; i < in.files[0].arsverk.size(); ++i) in.files[0].arsverk[i].line = n;
  };
  in.row24("3101", 2024, TargetGroup::Adults, "", "1", "1", "1", "1", "1");
  line(2, 5);
  in.row24("3101", 2024, TargetGroup::Adults, "", "1", "1", "1", "1", "1");
  line(3, 5);
  in.add("3101", 2024, TargetGroup::Children, "", Category::A, "1");
  line(4, 1);
  in.add("3101", 2024, TargetGroup::Children, "", Category::C, "2");
  line(5, 1);
  in.add("3101", 2024, TargetGroup::Children, "", Category::A, "3").add("3101", 2024, TargetGroup::Children, "", Category::C, "3");
  line(6, 2);
  const Report r = in.run();
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == "value.duplicate") found.push_back(&d);
  REQUIRE(found.size() == 3);
  CHECK(found[0]->line == 3);
  CHECK(found[0]->nb.find("(3101, 2024, voksne) står to ganger for kategoriene a, b, c, d og e: her og på linje 2") != std::string::npos);
  CHECK(found[0]->en.find("appears twice for categories a, b, c, d and e: here and on line 2") != std::string::npos);
  // Line 6 repeats a of line 4 and c of line 5: one message for each earlier line.
  CHECK(found[1]->line == 6);
  CHECK(found[1]->nb.find("(3101, 2024, barn og unge, a) står to ganger: 3,00 her og 1,00 på linje 4") != std::string::npos);
  CHECK(found[2]->line == 6);
  CHECK(found[2]->nb.find("(3101, 2024, barn og unge, c) står to ganger: 3,00 her og 2,00 på linje 5") != std::string::npos);
}

TEST_CASE("one unit and year from two files: added together, and said so once, naming both files") {
  Input in;
  in.row24("3101", 2024, NoGroup, "Kommunale lavterskeltilbud", "10", "1", "1", "1", "1");
  in.row24("3101", 2024, NoGroup, "Kommunale psykisk helse- og rustjenester", "20", "2", "2", "2", "2");
  CHECK_FALSE(diagnostic(in.run(), "value.several_files"));  // two services of one file are one form
  in.files.push_back(ParsedFile{});
  in.files[1].name = "andre.csv";
  in.files[1].kind = FileKind::Arsverk;
  for (int i = 0; i < 5; ++i) {  // the first row again, as another service, on lines 7 to 11
    ArsverkValue v = in.files[0].arsverk[i];
    v.service = "Tjenester i ettervern";
    v.line = 7 + i;
    in.files[1].arsverk.push_back(v);
  }
  const Report r = in.run();
  REQUIRE(count_diagnostics(r, "value.several_files") == 1);
  const Diagnostic* d = diagnostic(r, "value.several_files");
  CHECK(d->severity == Severity::Warning);
  CHECK(d->file == "andre.csv");
  CHECK(d->line == 7);
  CHECK(d->nb.find("(3101, 2024)") != std::string::npos);
  CHECK(d->nb.find("linje 2 i arsverk.csv") != std::string::npos);
  CHECK(d->en.find("line 2 of arsverk.csv") != std::string::npos);
  CHECK(find(r, "3101", 2024)->arsverk[0] == fx("56"));  // 14 + 28 here, 14 from andre.csv
  CHECK(about(*d) == "kommune 3101 2024");
}

TEST_CASE("a second place in the form typed on the page is «skjemaet», not a line of the text the page made of it") {
  Input in;
  in.files[0].name = "Skjema IS-24/8 for 3101 Halden 2024";
  in.files[0].form = true;
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "1", "1", "1", "1");
  in.files.push_back(ParsedFile{});
  in.files[1].name = "andre.csv";
  in.files[1].kind = FileKind::Arsverk;
  ArsverkValue again = in.files[0].arsverk[0];  // a, as the form has it, and one more service
  again.line = 2;
  in.files[1].arsverk.push_back(again);
  again.service = "Tjenester i ettervern";
  in.files[1].arsverk.push_back(again);
  const Report r = in.run();
  const Diagnostic* duplicate = diagnostic(r, "value.duplicate");
  REQUIRE(duplicate);
  CHECK(duplicate->file == "andre.csv");
  CHECK(duplicate->nb.find("med samme tall, 10,00: her og på skjemaet. Det er talt med én gang. Har du skrevet inn tallene fra filen, "
                           "fjern skjemaets tall eller filen.") != std::string::npos);
  CHECK(duplicate->en.find("with the same figure, 10.00: here and on the form. It is counted once. If you typed in the figures of the "
                           "file, remove the form’s figures or the file.") != std::string::npos);
  const Diagnostic* several = diagnostic(r, "value.several_files");
  REQUIRE(several);
  CHECK(several->nb.find("står både her og fra skjemaet.") != std::string::npos);
  CHECK(several->nb.find("fjern skjemaets tall eller filen.") != std::string::npos);
  CHECK(several->en.find("are given both here and from the form.") != std::string::npos);
  CHECK(several->nb.find("Skjema IS-24/8") == std::string::npos);
}

TEST_CASE("a duplicate names both figures when they differ, and its advice fits: copied, two parts, or another file") {
  Input in;
  const auto on_line = [&](int64_t n) { in.files[0].arsverk.back().line = n; };
  in.add("3101", 2025, TargetGroup::Adults, "", Category::A, "20,00");
  on_line(2);
  in.add("3101", 2025, TargetGroup::Adults, "", Category::A, "202,50");  // the decimal comma one place off
  on_line(3);
  in.add("3101", 2025, TargetGroup::Children, "", Category::A, "3,70");
  on_line(4);
  in.add("3101", 2025, TargetGroup::Children, "", Category::A, "3,70");  // copied
  on_line(5);
  const Report r = in.run();
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == "value.duplicate") found.push_back(&d);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->nb.find("står to ganger: 202,50 her og 20,00 på linje 2 i arsverk.csv. Bare 20,00 er talt med. "
                          "Rett tallet som er feil; er begge deler av tallet, slå radene sammen.") != std::string::npos);
  CHECK(found[0]->en.find("appears twice: 202.50 here and 20.00 on line 2 of arsverk.csv. Only 20.00 is counted. "
                          "Correct the wrong figure; if both are parts of the figure, combine the rows.") != std::string::npos);
  CHECK(found[1]->nb.find("står to ganger med samme tall, 3,70: her og på linje 4 i arsverk.csv. Det er talt med én gang. "
                          "Er raden kopiert, fjern den ene") != std::string::npos);

  Input typed;  // a figure given to three decimals is said as given; no service, so none is named
  typed.add("3101", 2025, NoGroup, "", Category::B, "6,00");
  typed.add("3101", 2025, NoGroup, "", Category::B, "6.125");
  typed.files[0].arsverk.back().line = 3;
  const Report typed_report = typed.run();
  const Diagnostic* three = diagnostic(typed_report, "value.duplicate");
  REQUIRE(three);
  CHECK(three->nb.find("Samme enhet, år og kategori (3101, 2025, b) står to ganger: 6,125 her og 6,00 på linje 2") != std::string::npos);
  CHECK(three->en.find("The same unit, year and category (3101, 2025, b) appears twice: 6.125 here and 6.00 on line 2") !=
        std::string::npos);

  Input rows;  // a whole row twice, two of its figures changed: both named, and «the figures» in the advice
  rows.row24("3101", 2025, TargetGroup::Adults, "", "20", "40", "10", "15", "5");
  rows.row24("3101", 2025, TargetGroup::Adults, "", "20", "4", "10", "1,5", "5");
  for (std::size_t i = 0; i < 10; ++i) rows.files[0].arsverk[i].line = i < 5 ? 2 : 3;
  const Report rows_report = rows.run();
  const Diagnostic* row = diagnostic(rows_report, "value.duplicate");
  REQUIRE(row);
  CHECK(row->nb.find("står to ganger for kategoriene a, b, c, d og e: her og på linje 2 i arsverk.csv, med ulike tall for "
                     "b (4,00 her, 40,00 der) og d (1,50 her, 15,00 der). Bare tallene på linje 2 i arsverk.csv er talt med. "
                     "Rett tallene som er feil; er begge deler av tallene, slå radene sammen.") != std::string::npos);
  CHECK(row->en.find("with different figures for b (4.00 here, 40.00 there) and d (1.50 here, 15.00 there). Only the figures on "
                     "line 2 of arsverk.csv are counted. Correct the wrong figures; if both are parts of the figures, combine the rows.") !=
        std::string::npos);

  Input two;  // the same field in another file, with another figure, beside a field of its own
  two.add("3101", 2025, TargetGroup::Adults, "", Category::A, "20,00");
  two.files.push_back(ParsedFile{});
  two.files[1].name = "andre.csv";
  two.files[1].kind = FileKind::Arsverk;
  ArsverkValue again = two.files[0].arsverk[0];
  again.value = fx("22,50");
  again.line = 2;
  two.files[1].arsverk.push_back(again);
  again.category = Category::B;
  again.value = fx("5");
  two.files[1].arsverk.push_back(again);
  const Report r2 = two.run();
  const Diagnostic* dup = diagnostic(r2, "value.duplicate");
  REQUIRE(dup);
  CHECK(dup->nb.find("22,50 her og 20,00 på linje 2 i arsverk.csv. Bare 20,00 er talt med. Er den ene filen en annen "
                     "utgave av den andre, fjern den som er feil; ellers rett tallet som er feil.") != std::string::npos);
  const Diagnostic* several = diagnostic(r2, "value.several_files");
  REQUIRE(several);  // no longer «the files' figures are added together», beside a field counted once
  CHECK(several->nb.find("Tallene fra filene er lagt sammen, men et felt som står i begge, er talt med én gang") != std::string::npos);
  CHECK(several->en.find("added together, but a field given in both is counted once") != std::string::npos);
}

TEST_CASE("one unit and year on two sheets of one workbook is one file: no word of several files") {
  Input in;
  in.files[0].name = "arsverk.xlsx";
  in.files[0].sheets = {"Voksne", "Barn og unge"};
  in.row24("3101", 2024, TargetGroup::Adults, "", "10", "1", "1", "1", "1");
  in.row24("3101", 2024, TargetGroup::Children, "", "5", "1", "1", "1", "1");
  for (int i = 5; i < 10; ++i) in.files[0].arsverk[i].sheet = 1;
  const Report r = in.run();
  CHECK_FALSE(diagnostic(r, "value.several_files"));
  CHECK(find(r, "3101", 2024)->arsverk[0] == fx("23"));
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

TEST_CASE("in a workbook of several sheets, engine messages name the sheet and its row") {
  Input in;
  in.files[0].name = "arsverk.xlsx";
  in.files[0].sheets = {"Ark1", "Ark 2"};
  in.add("3101", 2024, NoGroup, "", Category::A, "1");  // row 2 of Ark1
  in.add("3101", 2024, NoGroup, "", Category::A, "2");  // row 3 of 'Ark 2': the same cell again
  in.files[0].arsverk[1].sheet = 1;
  in.add("9999", 2024, NoGroup, "", Category::A, "1");  // row 4 of 'Ark 2': unknown municipality
  in.files[0].arsverk[2].sheet = 1;
  const Report r = in.run();
  const Diagnostic* dup = diagnostic(r, "value.duplicate");
  REQUIRE(dup);
  CHECK(dup->sheet == "Ark 2");
  CHECK(dup->line == 3);
  CHECK(dup->text(Lang::Nb).rfind("'Ark 2', rad 3 i arsverk.xlsx: ", 0) == 0);
  CHECK(dup->text(Lang::Nb).find("2,00 her og 1,00 på Ark1, rad 2 i arsverk.xlsx") != std::string::npos);
  CHECK(dup->text(Lang::En).rfind("'Ark 2', row 3 of arsverk.xlsx: ", 0) == 0);
  CHECK(dup->text(Lang::En).find("2.00 here and 1.00 on Ark1, row 2 of arsverk.xlsx") != std::string::npos);
  const Diagnostic* unknown = diagnostic(r, "unit.unknown_municipality");
  REQUIRE(unknown);
  CHECK(unknown->file == "arsverk.xlsx");
  CHECK(unknown->text(Lang::En).rfind("'Ark 2', row 4 of arsverk.xlsx: ", 0) == 0);
}

TEST_CASE("a workbook of one sheet: engine messages name its sheet and row, as Excel shows them") {
  Input in;
  in.files[0].name = "arsverk.xlsx";
  in.files[0].sheets = {"Ark1"};
  in.add("9999", 2024, NoGroup, "", Category::A, "1");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "unit.unknown_municipality");
  REQUIRE(d);
  CHECK(d->file == "arsverk.xlsx");
  CHECK(d->sheet == "Ark1");
  CHECK(d->line == 2);
  CHECK(d->text(Lang::Nb).rfind("Ark1, rad 2 i arsverk.xlsx: ", 0) == 0);
  CHECK(d->text(Lang::En).rfind("Ark1, row 2 of arsverk.xlsx: ", 0) == 0);
}

TEST_CASE("a plain value column is refused with both readings and what to rename it to") {
  const ParsedFile f = read_file("kommuner.csv", "Kommune;År;Verdi\n3101;2024;2,8\n");
  CHECK(f.kind == FileKind::Unknown);
  CHECK(f.arsverk.empty());
  CHECK(f.reference.empty());
  REQUIRE(f.diagnostics.size() == 1);
  const Diagnostic& d = f.diagnostics[0];
  CHECK(d.code == "header.value_unclear");
  CHECK(d.severity == Severity::Error);
  CHECK(d.line == 1);
  CHECK(d.text(Lang::Nb).rfind("Linje 1, kolonne 3: Kolonnen «Verdi» i kommuner.csv kan være publiserte tall per 1 000 innbyggere eller årsverk", 0) == 0);
  CHECK(d.text(Lang::Nb).find("«Per 1000 innbyggere»") != std::string::npos);
  CHECK(d.text(Lang::Nb).find("«Totalt»") != std::string::npos);
  CHECK(d.text(Lang::En).rfind("Line 1, column 3: The column “Verdi” of kommuner.csv may hold published rates per 1,000 inhabitants or FTEs", 0) == 0);
  CHECK(d.text(Lang::En).find("“Per 1000 inhabitants”") != std::string::npos);
  CHECK(d.text(Lang::En).find("årsverk") == std::string::npos);
  // Renamed as the message says, each reading is taken.
  CHECK(read_file("r.csv", "Kommune;År;Per 1000 innbyggere\n3101;2024;2,8\n").kind == FileKind::Reference);
  CHECK(read_file("a.csv", "Kommune;År;Totalt\n3101;2023;28\n").kind == FileKind::Arsverk);
}

TEST_CASE("a real workbook of two sheets: the engine's message names sheet and row") {
  std::ifstream in(std::string(ARSVERK_SOURCE_DIR) + "/tests/data/xlsx/features.xlsx", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(!bytes.empty());
  std::vector<ParsedFile> files{read_file("features.xlsx", bytes)};
  REQUIRE(files[0].sheets == std::vector<std::string>{"Ark1", "Ark 2"});
  const Report r = compute(files, Settings{});
  // Halden's row for children has an error: the rule's message (the checks wait for the correction).
  CHECK_FALSE(diagnostic(r, "check.far_below_published"));
  const Diagnostic* d = diagnostic(r, "suppression.part_skipped");
  REQUIRE(d);
  CHECK(d->sheet == "Ark1");
  CHECK(d->line == 3);
  CHECK(d->text(Lang::Nb).rfind("Ark1, rad 3 i features.xlsx: 3101 Halden 2024", 0) == 0);
  CHECK(d->text(Lang::En).rfind("Ark1, row 3 of features.xlsx: 3101 Halden 2024", 0) == 0);
}

TEST_CASE("a sum row in a workbook of one sheet: its place and its parts as the sheet's rows, said once in the table") {
  std::ifstream in(std::string(ARSVERK_SOURCE_DIR) + "/tests/data/bad/sum_row_workbook.xlsx", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(!bytes.empty());
  std::vector<ParsedFile> files{read_file("sum_row_workbook.xlsx", bytes)};
  REQUIRE(files[0].sheets == std::vector<std::string>{"Ark1"});
  const Report r = compute(files, Settings{});
  const Diagnostic* d = diagnostic(r, "sum.row");
  REQUIRE(d);
  CHECK(d->sheet == "Ark1");
  CHECK(d->text(Lang::Nb).rfind("Ark1, rad 4 i sum_row_workbook.xlsx: ", 0) == 0);
  CHECK(d->text(Lang::Nb).find("summen av radene 2 og 3") != std::string::npos);
  CHECK(d->text(Lang::En).find("the sum of rows 2 and 3") != std::string::npos);
  const std::string table = report_to_table(r, Settings{});
  CHECK(table.find("warning: " + d->text(Lang::Nb) + "\n") != std::string::npos);
}

TEST_CASE("the table says a message's file and line once") {
  const Report r = many_messages().run();
  const std::string table = report_to_table(r, Settings{});
  int with_line = 0;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.line == 0) continue;
    ++with_line;
    CAPTURE(d.code, d.text(Lang::Nb));
    // The text opens with "Linje 2 i arsverk.csv: …": nothing in front of it repeats that.
    CHECK(table.find(std::string(to_string(d.severity)) + ": " + d.text(Lang::Nb) + "\n") != std::string::npos);
    CHECK(table.find(d.file + ":" + std::to_string(d.line)) == std::string::npos);
  }
  CHECK(with_line >= 9);
}

TEST_CASE("a row's year outside the indicator is said once, not once per category") {
  std::vector<ParsedFile> files{read_file("aar.csv",
      "kommunenummer;år;målgruppe;M1;M2;M3;M4\n3001;2010;voksne;10;8;6;4\n3001;2023;voksne;10;8;6;4\n")};
  const Report r = compute(files, Settings{});
  int said = 0;
  for (const Diagnostic& d : r.diagnostics)
    if (d.code == "year.out_of_range") {
      ++said;
      CHECK(d.line == 2);
    }
  CHECK(said == 1);
}
