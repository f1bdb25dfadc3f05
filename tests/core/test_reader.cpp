// The reader on hand-made inputs with known answers: layouts, units, values, encodings.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

Fixed fx(int64_t micro) { return Fixed::from_micro(micro); }

const ArsverkValue* value_of(const ParsedFile& f, const std::string& unit, int year, Category c,
                             TargetGroup g = TargetGroup::Unspecified, const std::string& service = "") {
  for (const auto& v : f.arsverk)
    if (v.unit == unit && v.year == year && v.category == c && v.group == g && v.service == service) return &v;
  return nullptr;
}

std::string unit_of(const std::string& cell, const std::string& year = "2023") {
  ParsedFile f = read("kommune;år;a\n" + cell + ";" + year + ";1\n");
  return f.arsverk.size() == 1 ? f.arsverk[0].unit : "?" + all_codes(f);
}

}  // namespace

TEST_CASE("Wide a–e sheet with target group and service", "[reader][arsverk]") {
  std::string csv =
      "Kommunenummer;Kommunenavn;År;Målgruppe;Tjeneste;a;b;c;d;e;Totalt\r\n"
      "3101;Halden;2024;Voksne;Psykisk helsetjeneste;1,5;2,25;0;3;;6,75\r\n"
      "3101;Halden;2024;Barn og unge (0-18);Helsestasjon;0,5;1;;;;1,5\r\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Arsverk);
  CHECK(f.format == "csv-wide");
  CHECK(f.delimiter == ";");
  CHECK(f.encoding == "utf-8");
  CHECK(f.rows == 2);
  CHECK(f.has_target_group);
  CHECK(f.has_service);
  CHECK(f.diagnostics.empty());
  REQUIRE(f.arsverk.size() == 8);
  const auto* a = value_of(f, "3101", 2024, Category::A, TargetGroup::Adults, "Psykisk helsetjeneste");
  REQUIRE(a);
  CHECK(a->value == fx(1'500'000));
  CHECK(a->line == 2);
  CHECK(a->file == 0);
  CHECK(value_of(f, "3101", 2024, Category::B, TargetGroup::Adults, "Psykisk helsetjeneste")->value == fx(2'250'000));
  CHECK(value_of(f, "3101", 2024, Category::C, TargetGroup::Adults, "Psykisk helsetjeneste")->value == fx(0));
  CHECK(value_of(f, "3101", 2024, Category::E, TargetGroup::Adults, "Psykisk helsetjeneste") == nullptr);
  CHECK(value_of(f, "3101", 2024, Category::Total, TargetGroup::Adults, "Psykisk helsetjeneste")->value == fx(6'750'000));
  CHECK(value_of(f, "3101", 2024, Category::B, TargetGroup::Children, "Helsestasjon")->line == 3);
}

TEST_CASE("Wide sheet with category names as headers", "[reader][arsverk]") {
  std::string csv =
      "kommune,år,Helse- og sosialfaglig utdanning fra videregående skole,Helse- og sosialfaglig "
      "utdanning fra universitet/høyskole,Annen utdanning fra videregående skole,Annen utdanning fra "
      "universitet/høyskole,Ufaglærte\n"
      "3101,2024,1.5,2,3,4,5\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.delimiter == ",");
  REQUIRE(f.arsverk.size() == 5);
  for (int i = 0; i < 5; ++i) CHECK(f.arsverk[i].category == static_cast<Category>(i));
  CHECK(f.arsverk[0].value == fx(1'500'000));
  CHECK_FALSE(f.has_target_group);

  ParsedFile g = read("knr;aar;a) Helse vgs;(b) Helse høyskole;c. Annen vgs;d: Annen høyskole;e - Ufaglærte\n"
                      "3101;2024;1;2;3;4;5\n");
  REQUIRE(g.arsverk.size() == 5);
  for (int i = 0; i < 5; ++i) CHECK(g.arsverk[i].category == static_cast<Category>(i));
}

TEST_CASE("Schema 2015 nested measures; 'totalt' is M1 next to M-columns", "[reader][arsverk]") {
  std::string csv =
      "Kommune;År;Totalt;Minimum helse- og sosialfag fra vgs;Høyskole/universitet;"
      "Høyskole/universitet med videreutdanning\n"
      "0301;2023;1 234,5;1 000;800,25;300\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 4);
  CHECK(value_of(f, "0301", 2023, Category::M1)->value == fx(1'234'500'000));
  CHECK(value_of(f, "0301", 2023, Category::M2)->value == fx(1'000'000'000));
  CHECK(value_of(f, "0301", 2023, Category::M3)->value == fx(800'250'000));
  CHECK(value_of(f, "0301", 2023, Category::M4)->value == fx(300'000'000));

  ParsedFile g = read("knr;år;M1;M2;M3;M4\n3101;2022;10;8;5;1\n");
  REQUIRE(g.arsverk.size() == 4);
  CHECK(g.arsverk[3].category == Category::M4);
  ParsedFile h = read("knr;år;måltall 1;måltall 2;måltall 3;måltall 4\n3101;2022;10;8;5;1\n");
  REQUIRE(h.arsverk.size() == 4);
  CHECK(h.arsverk[0].category == Category::M1);
  CHECK(h.arsverk[1].category == Category::M2);
  ParsedFile k = read("knr;år;totalt;min helse- og sosialfag vgs;høyskole/universitet;høyskole/universitet med videreutdanning\n"
                      "3101;2022;10;8;5;1\n");
  REQUIRE(k.arsverk.size() == 4);
  CHECK(k.arsverk[0].category == Category::M1);
  CHECK(k.arsverk[1].category == Category::M2);
  CHECK(k.arsverk[2].category == Category::M3);
  CHECK(k.arsverk[3].category == Category::M4);
}

TEST_CASE("Schema 2015 disjoint levels with a total column", "[reader][arsverk]") {
  ParsedFile f = read("kommunenummer;år;ingen;annen_vgs;vgs_helse;hoy_uten;hoy_med;sum\n"
                      "3101;2023;1;2;3;4;5;15\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 6);
  CHECK(f.arsverk[0].category == Category::Ingen);
  CHECK(f.arsverk[1].category == Category::AnnenVgs);
  CHECK(f.arsverk[2].category == Category::VgsHelse);
  CHECK(f.arsverk[3].category == Category::HoyUten);
  CHECK(f.arsverk[4].category == Category::HoyMed);
  CHECK(f.arsverk[5].category == Category::Total);
}

TEST_CASE("Only a total column: M1 up to 2023, Total from 2024", "[reader][arsverk]") {
  ParsedFile f = read("kommune;år;årsverk\n3101;2023;12,5\n3101;2024;13\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 2);
  CHECK(f.arsverk[0].category == Category::M1);
  CHECK(f.arsverk[1].category == Category::Total);
}

TEST_CASE("Long layout", "[reader][arsverk]") {
  std::string csv =
      "kommunenummer\tår\tmålgruppe\ttjeneste\tkategori\tårsverk\n"
      "3101\t2024\tvoksne\tRus\ta\t1,25\n"
      "3101\t2024\tvoksne\tRus\tb\t2\n"
      "3101\t2024\tbarn og unge\tRus\tUfaglærte\t0,5\n"
      "0301\t2023\tadults\t\tM1\t100\n"
      "0301\t2023\tchildren and young people\t\ttotalt\t50\n"
      "0301\t2023\tvoksne\t\tMåltall 2\t80\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Arsverk);
  CHECK(f.format == "csv-long");
  CHECK(f.delimiter == "\t");
  CHECK(f.rows == 6);
  REQUIRE(f.arsverk.size() == 6);
  CHECK(value_of(f, "3101", 2024, Category::A, TargetGroup::Adults, "Rus")->value == fx(1'250'000));
  CHECK(value_of(f, "3101", 2024, Category::E, TargetGroup::Children, "Rus")->value == fx(500'000));
  CHECK(value_of(f, "0301", 2023, Category::M1, TargetGroup::Adults)->value == fx(100'000'000));
  // "totalt" in a file with both schemas: M1 for a 2023 row.
  CHECK(value_of(f, "0301", 2023, Category::M1, TargetGroup::Children)->value == fx(50'000'000));
  CHECK(value_of(f, "0301", 2023, Category::M2, TargetGroup::Adults)->line == 7);

  ParsedFile g = read("enhet;year;category;value\n3101;2024;a;1\n3101;2024;Total;1\n");
  INFO(all_codes(g));
  REQUIRE(g.arsverk.size() == 2);
  CHECK(g.arsverk[1].category == Category::Total);
}

TEST_CASE("Unit values in all accepted forms", "[reader][units]") {
  CHECK(unit_of("3101") == "3101");
  CHECK(unit_of("3101 Halden") == "3101");
  CHECK(unit_of("K-3101 Halden") == "3101");
  CHECK(unit_of("Halden", "2024") == "3101");
  CHECK(unit_of("Halden", "2023") == "3001");
  CHECK(unit_of("halden kommune", "2023") == "3001");
  CHECK(unit_of("030101") == "030101");
  CHECK(unit_of("030101 Gamle Oslo") == "030101");
  CHECK(unit_of("030101a Gamle Oslo") == "030101");
  CHECK(unit_of("Gamle Oslo") == "030101");
  CHECK(unit_of("Bydel Gamle Oslo") == "030101");
  CHECK(unit_of("03") == "03");
  CHECK(unit_of("F-03 Oslo") == "03");
  CHECK(unit_of("Fylke 03") == "03");
  CHECK(unit_of("0") == "0");
  CHECK(unit_of("Hele landet") == "0");
  CHECK(unit_of("Norge") == "0");
  CHECK(unit_of("The whole country") == "0");
  CHECK(unit_of("Norway") == "0");
  CHECK(unit_of("Oslo") == "0301");
  CHECK(unit_of("9999") == "9999");  // existence is the engine's check
  CHECK(unit_of("Kárášjohka", "2024") == "5610");
}

TEST_CASE("Leading zeros lost by Excel are restored with one message", "[reader][units]") {
  ParsedFile f = read("kommune;år;a\n301;2024;1\n30101;2024;2\n301;2024;3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 3);
  CHECK(f.arsverk[0].unit == "0301");
  CHECK(f.arsverk[1].unit == "030101");
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == "unit.leading_zero_restored";
  CHECK(n == 1);
  CHECK(find_code(f, "unit.leading_zero_restored")->severity == Severity::Info);
  CHECK(find_code(f, "unit.leading_zero_restored")->line == 2);
}

TEST_CASE("Ambiguous and unknown unit names", "[reader][units]") {
  ParsedFile f = read("kommune;år;a\nHerøy;2023;1\nAtlantis;2023;2\n3101;2024;3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 1);
  const Diagnostic* a = find_code(f, "unit.ambiguous_name");
  REQUIRE(a);
  CHECK(a->severity == Severity::Error);
  CHECK(a->line == 2);
  CHECK(a->column == 1);
  CHECK(a->text(Lang::Nb).find("1515") != std::string::npos);
  CHECK(a->text(Lang::Nb).find("1818") != std::string::npos);
  const Diagnostic* u = find_code(f, "unit.unknown_name");
  REQUIRE(u);
  CHECK(u->line == 3);
  CHECK(u->text(Lang::Nb).find("«Atlantis»") != std::string::npos);
  CHECK(u->text(Lang::En).find("Atlantis") != std::string::npos);
}

TEST_CASE("Bad numbers: codes, lines, columns; the rest of the file is used", "[reader][errors]") {
  std::string csv =
      "kommune;år;a;b\n"
      "3101;2024;12abc;1\n"
      "3102;2024;-3;1\n"
      "3103;2024;1,12345678;1\n"
      "3104;2024;..;2\n"
      "3105;20x4;1;1\n"
      "3106;2024;99999999999999999;1\n"
      "3107;2024;1;2\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  const Diagnostic* nan = find_code(f, "number.not_a_number");
  REQUIRE(nan);
  CHECK(nan->line == 2);
  CHECK(nan->column == 3);
  CHECK(nan->severity == Severity::Error);
  CHECK(nan->text(Lang::Nb) == "Linje 2, kolonne 3: «12abc» er ikke et tall. Skriv årsverk som et desimaltall, for "
                   "eksempel 12,5. Raden er hoppet over.");
  CHECK(find_code(f, "number.negative")->line == 3);
  CHECK(find_code(f, "number.too_precise")->line == 4);
  CHECK(find_code(f, "number.too_precise")->severity == Severity::Warning);
  CHECK(find_code(f, "number.missing_values")->line == 5);
  CHECK(find_code(f, "year.invalid")->line == 6);
  CHECK(find_code(f, "number.out_of_range")->line == 7);
  // Skipped rows contribute nothing.
  CHECK(value_of(f, "3101", 2024, Category::B) == nullptr);
  CHECK(value_of(f, "3102", 2024, Category::B) == nullptr);
  CHECK(value_of(f, "3103", 2024, Category::A)->value == fx(1'123'457));
  CHECK(value_of(f, "3104", 2024, Category::A) == nullptr);
  CHECK(value_of(f, "3104", 2024, Category::B)->value == fx(2'000'000));
  CHECK(value_of(f, "3107", 2024, Category::B)->value == fx(2'000'000));
  CHECK(f.rows == 7);
}

TEST_CASE("Unknown target group is a warning and the row is skipped", "[reader][errors]") {
  ParsedFile f = read("kommune;år;målgruppe;a\n3101;2024;eldre;1\n3101;2024;voksne;2\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(find_code(f, "group.unknown")->severity == Severity::Warning);
  CHECK(find_code(f, "group.unknown")->line == 2);
  ParsedFile g = read("kommune;år;kategori;årsverk\n3101;2024;x;1\n");
  CHECK(find_code(g, "category.unknown")->line == 2);
}

TEST_CASE("Title lines, blank lines, quoted fields, footnotes", "[reader][layout]") {
  std::string csv =
      "\"Årsverk i psykisk helse- og rusarbeid, 2024\"\r\n"
      "\r\n"
      "\"kommune\";\"år\";\"a\";\"b\"\r\n"
      "\"3101 Halden\";\"2024\";\"1,5\";\"2\"\r\n"
      "\r\n"
      "\"3103 \"\"Moss\"\"\";2024;3;4\r\n"
      "\r\n"
      "\"Kilde: kommunens egen rapportering\"\r\n"
      "\"Merknad: tallene er foreløpige\"\r\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.rows == 2);
  REQUIRE(f.arsverk.size() == 4);
  CHECK(f.arsverk[2].unit == "3103");
  CHECK(f.arsverk[2].line == 6);
  const Diagnostic* fn = find_code(f, "csv.footnotes_ignored");
  REQUIRE(fn);
  CHECK(fn->severity == Severity::Info);
  CHECK(fn->line == 8);
  CHECK(count_severity(f, Severity::Error) == 0);
}

TEST_CASE("A row of another shape inside the table is an error", "[reader][layout]") {
  ParsedFile f = read("kommune;år;a;b\n3101;2024;1;2\n3102;2024;1\n3103;2024;1;2\n");
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 4);
  const Diagnostic* d = find_code(f, "csv.wrong_shape");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK_FALSE(has_code(f, "csv.footnotes_ignored"));
}

TEST_CASE("Quoted fields may hold delimiters and line breaks", "[reader][layout]") {
  ParsedFile f = read("kommune,år,tjeneste,a\n3101,2024,\"Rus, psykisk helse\",\"1,5\"\n"
                      "3101,2024,\"Bolig\noppfølging\",2\n3102,2024,X,3\n");
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 3);
  CHECK(f.arsverk[0].service == "Rus, psykisk helse");
  CHECK(f.arsverk[0].value == fx(1'500'000));
  CHECK(f.arsverk[1].service == "Bolig\noppfølging");
  CHECK(f.arsverk[1].line == 3);
  CHECK(f.arsverk[2].line == 5);
}

TEST_CASE("Encodings: UTF-8 with BOM, Windows-1252, mixed per line", "[reader][encoding]") {
  ParsedFile f = read("\xEF\xBB\xBFkommune;år;a\nBærum;2024;1\n");
  INFO(all_codes(f));
  CHECK(f.encoding == "utf-8-bom");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].unit == "3201");

  ParsedFile g = read("kommune;\xE5r;a\nB\xE6rum;2024;1\n");
  INFO(all_codes(g));
  CHECK(g.encoding == "windows-1252");
  REQUIRE(g.arsverk.size() == 1);
  CHECK(g.arsverk[0].unit == "3201");

  ParsedFile h = read("kommune;år;a\nBærum;2024;1\nS\xF8rfold;2024;1\nXy\xF8;2024;1\n");
  CHECK(h.encoding == "windows-1252");
  REQUIRE(h.arsverk.size() == 2);
  const Diagnostic* d = find_code(h, "unit.unknown_name");
  REQUIRE(d);
  CHECK(d->text(Lang::Nb).find("«Xyø»") != std::string::npos);
}

TEST_CASE("Decimal sniff: a comma-separated file uses decimal points", "[reader][numbers]") {
  ParsedFile f = read("kommune,år,a\n3101,2024,1.234\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].value == fx(1'234'000));
  ParsedFile g = read("kommune;år;a;b\n3101;2024;1.234;0.5\n");
  REQUIRE(g.arsverk.size() == 2);
  CHECK(g.arsverk[0].value == fx(1'234'000));
  ParsedFile h = read("kommune;år;a;b\n3101;2024;1.234;0,5\n");
  REQUIRE(h.arsverk.size() == 2);
  CHECK(h.arsverk[0].value == fx(1'234'000'000));
}

TEST_CASE("Paste from Excel: tab-separated with decimal commas", "[reader][layout]") {
  ParsedFile f = read("Kommunenr\tÅr\ta\tb\tc\td\te\n3101\t2024\t1,5\t2,5\t0\t0\t1\n", "paste");
  CHECK(f.delimiter == "\t");
  REQUIRE(f.arsverk.size() == 5);
  CHECK(f.arsverk[1].value == fx(2'500'000));
}

// --- Population --------------------------------------------------------------------------------

TEST_CASE("Simple population CSV", "[reader][population]") {
  ParsedFile f = read("region;år;folkemengde\n3101;2024;31 444\n0301;2024;717710\n030101;2024;63 000\n"
                      "0;2024;5 550 203\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "csv-simple");
  CHECK(f.population.at({"3101", 2024}) == 31444);
  CHECK(f.population.at({"0", 2024}) == 5550203);
  CHECK(f.population_line.at({"0301", 2024}) == 3);
  CHECK(f.diagnostics.empty());
}

TEST_CASE("SSB wide: year and sex columns, totals never added on detail", "[reader][population]") {
  std::string csv =
      "\"07459: Befolkning, etter region, kjønn, alder, statistikkvariabel og år\"\n\n"
      "\"region\";\"alder\";\"Personer 2023 Menn\";\"Personer 2023 Kvinner\";\"Personer 2024 Menn\";\"Personer 2024 Kvinner\"\n"
      "\"K-3101 Halden\";\"0 år\";10;11;12;13\n"
      "\"K-3101 Halden\";\"1 år eller eldre\";20;21;22;23\n"
      "\"K-3101 Halden\";\"Alle aldre\";1000;1100;1200;1300\n"
      "\"K-3103 Moss\";\"0 år\";1;2;3;4\n"
      "\"K-3103 Moss\";\"1 år eller eldre\";5;6;7;..\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.format == "ssb-csv");
  CHECK(f.population.at({"3101", 2023}) == 2100);  // (total age, detail sex) wins over details
  CHECK(f.population.at({"3101", 2024}) == 2500);
  CHECK(f.population.at({"3103", 2023}) == 14);
  CHECK(f.population.at({"3103", 2024}) == 14);
  CHECK(find_code(f, "number.missing_values")->line == 8);
  CHECK(find_code(f, "number.missing_values")->severity == Severity::Warning);
}

TEST_CASE("Population with sex and age as columns; both-sexes rows", "[reader][population]") {
  std::string csv =
      "region;kjønn;alder;år;personer\n"
      "3101;Begge kjønn;Alle aldre;2024;500\n"
      "3101;Menn;0-105+;2024;260\n"
      "3101;Kvinner;0-105+;2024;240\n"
      "3101;Menn;0 år;2024;3\n"
      "3103;Menn;0 år;2024;3\n"
      "3103;Kvinner;0 år;2024;4\n"
      "3103;Begge kjønn;1 år;2024;10\n"
      "3103;Begge kjønn;0 år;2024;7\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.format == "csv-simple");
  CHECK(f.population.at({"3101", 2024}) == 500);
  CHECK(f.population.at({"3103", 2024}) == 17);  // (detail age, total sex) before (detail, detail)
}

TEST_CASE("English SSB headers with Both sexes / All ages", "[reader][population]") {
  std::string csv =
      "\"region\";\"sex\";\"age\";\"Persons 2023\"\n"
      "\"3101 Halden\";\"Both sexes\";\"All ages\";31444\n"
      "\"3101 Halden\";\"Males\";\"0 years\";100\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.format == "ssb-csv");
  CHECK(f.population.at({"3101", 2023}) == 31444);
}

TEST_CASE("Population: duplicates, zero, negative, historical and rest rows", "[reader][population]") {
  std::string csv =
      "region;år;folkemengde\n"
      "3101;2024;100\n"
      "3101;2024;100\n"
      "3103;2024;0\n"
      "3105;2024;-5\n"
      "030101 Bygdøy-Frogner (1988-2003);2024;50\n"
      "K-Rest Divided municalities and unknown;2024;0\n"
      "030100 Oslo total;2024;1000\n"
      "460101 Arna;2024;13000\n"
      "030199a Unknown urban district Oslo;2024;10\n"
      "120101 Arna (-2019);2024;13000\n";
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.population.size() == 1);
  CHECK(f.population.at({"3101", 2024}) == 100);
  CHECK(find_code(f, "population.duplicate")->line == 3);
  CHECK(find_code(f, "population.duplicate")->severity == Severity::Warning);
  const Diagnostic* z = find_code(f, "population.zero");
  REQUIRE(z);
  CHECK(z->severity == Severity::Error);
  CHECK(z->line == 4);
  CHECK(z->text(Lang::Nb).find("3103") != std::string::npos);
  CHECK(find_code(f, "population.negative")->line == 5);
  const Diagnostic* h = find_code(f, "population.historical_ignored");
  REQUIRE(h);
  CHECK(h->line == 6);
  CHECK(h->text(Lang::Nb).find("2 i alt (2 rader)") != std::string::npos);
  CHECK(find_code(f, "population.rest_ignored")->line == 7);
  CHECK(find_code(f, "population.city_total_ignored")->line == 8);
  CHECK(find_code(f, "population.other_city_ignored")->line == 9);
  CHECK(find_code(f, "population.unknown_district_ignored")->line == 10);
}

// --- What is not a table ---------------------------------------------------------------------

TEST_CASE("Files that are not tables get one clear message", "[reader][errors]") {
  struct Case { std::string bytes; const char* code; const char* needle; };
  std::vector<Case> cases = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "file.binary", "PDF"},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "file.binary", "bilde"},
      {std::string("PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml", 33), "xlsx.corrupt", "skadet"},
      {std::string("PK\x03\x04\x14\0\0\0\0\0foo/bar.txt", 21), "file.binary", "ZIP"},
      {std::string("\x1F\x8B\x08\0\0\0\0\0", 8), "file.binary", "gzip"},
      {"\r\n\r\n  %PDF-1.5\n1 0 obj\n", "file.binary", "PDF"},
      {"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}}\nkommune;\\u229?r;a\\par\n}", "file.rtf", "RTF"},
      {std::string("kommune\0;\0", 10), "file.binary", "NUL"},
  };
  for (const auto& c : cases) {
    ParsedFile f = read(c.bytes, "x.bin");
    INFO(c.code << " " << all_codes(f));
    CHECK(f.kind == FileKind::Unknown);
    REQUIRE(f.diagnostics.size() == 1);
    CHECK(f.diagnostics[0].code == c.code);
    CHECK(f.diagnostics[0].severity == Severity::Error);
    CHECK(f.diagnostics[0].text(Lang::Nb).find(c.needle) != std::string::npos);
    CHECK(f.diagnostics[0].file == "x.bin");
    CHECK_FALSE(f.diagnostics[0].text(Lang::En).empty());
  }
  ParsedFile pdf = read(cases[0].bytes);
  CHECK(pdf.diagnostics[0].text(Lang::Nb).find("JSON-stat 2.0") != std::string::npos);
  CHECK(pdf.diagnostics[0].text(Lang::En).find("CSV") != std::string::npos);
}

TEST_CASE("Empty and header-only files", "[reader][errors]") {
  for (const char* s : {"", "\xEF\xBB\xBF", "\r\n\r\n  \n"}) {
    ParsedFile f = read(s);
    CHECK(f.kind == FileKind::Unknown);
    CHECK(find_code(f, "file.empty"));
  }
  ParsedFile h = read("kommune;år;a;b\r\n");
  CHECK(h.kind == FileKind::Arsverk);
  CHECK(find_code(h, "file.header_only")->line == 1);
  ParsedFile p = read("region;år;folkemengde\n\nKilde: SSB\n");
  CHECK(p.kind == FileKind::Population);
  CHECK(find_code(p, "file.header_only"));
}

TEST_CASE("A table with neither årsverk nor population columns", "[reader][errors]") {
  ParsedFile f = read("navn;telefon;epost\nKari;123;k@x.no\n");
  CHECK(f.kind == FileKind::Unknown);
  const Diagnostic* d = find_code(f, "table.unrecognised");
  REQUIRE(d);
  CHECK(d->text(Lang::Nb).find("«telefon»") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("kommune") != std::string::npos);
  CHECK(d->text(Lang::En).find("population") != std::string::npos);
  ParsedFile g = read("hello world\n");
  CHECK(g.kind == FileKind::Unknown);
  CHECK(find_code(g, "table.unrecognised"));
}

TEST_CASE("Missing unit or year column", "[reader][errors]") {
  ParsedFile f = read("år;a;b\n2024;1;2\n");
  CHECK(find_code(f, "header.missing_unit"));
  ParsedFile g = read("kommune;a;b\n3101;1;2\n");
  CHECK(find_code(g, "header.missing_year"));
}

TEST_CASE("Limits: long lines, too many columns", "[reader][limits]") {
  ReaderLimits lim;
  lim.max_line_bytes = 100;
  std::string csv = "kommune;år;a\n3101;2024;1\n3102;2024;" + std::string(500, '9') + "\n3103;2024;3\n";
  ParsedFile f = read_chunked(csv, 3, "x.csv", lim);
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 2);
  CHECK(f.arsverk[1].unit == "3103");
  CHECK(f.arsverk[1].line == 4);
  const Diagnostic* d = find_code(f, "csv.line_too_long");
  REQUIRE(d);
  CHECK(d->line == 3);
  int n = 0;
  for (const auto& x : f.diagnostics) n += x.code == "csv.line_too_long";
  CHECK(n == 1);

  ReaderLimits lim2;
  lim2.max_columns = 10;
  std::string wide = "kommune;år";
  for (int i = 0; i < 20; ++i) wide += ";a";
  ParsedFile g = read_chunked(wide + "\n", 1000, "w.csv", lim2);
  CHECK(g.kind == FileKind::Unknown);
  CHECK(find_code(g, "csv.too_many_columns"));
  CHECK(find_code(g, "csv.too_many_columns")->nb.find("ikke en tabell vi kan lese") != std::string::npos);
}

TEST_CASE("JSON limits and malformed JSON-stat", "[reader][jsonstat][limits]") {
  std::string deep(100000, '[');
  ParsedFile f = read(deep, "deep.json");
  CHECK(f.kind == FileKind::Unknown);
  CHECK(find_code(f, "jsonstat.too_deep"));

  ReaderLimits lim;
  lim.max_json_bytes = 1 << 20;
  std::string big = "{\"a\":\"" + std::string(2 << 20, 'x') + "\"}";
  ParsedFile g = read_chunked(big, 4096, "big.json", lim);
  CHECK(find_code(g, "jsonstat.too_large"));

  ParsedFile h = read("{\"class\":\"dataset\",", "broken.json");
  CHECK(find_code(h, "jsonstat.invalid"));
  ParsedFile i = read("{\"x\":1}", "x.json");
  CHECK(find_code(i, "jsonstat.not_dataset"));

  std::string mismatch =
      R"({"id":["Region","Tid"],"size":[2,1],"dimension":{"Region":{"category":{"index":["3101","3103"]}},)"
      R"("Tid":{"category":{"index":["2024"]}}},"label":"Folkemengde","value":[1,2,3],"role":{"geo":["Region"],"time":["Tid"]}})";
  ParsedFile m = read(mismatch, "m.json");
  CHECK(find_code(m, "jsonstat.size_mismatch"));
  CHECK(m.population.empty());
}

TEST_CASE("Chunk size never changes the result", "[reader][chunks]") {
  std::vector<std::string> inputs = {
      "\"Årsverk 2024\"\r\n\r\nkommune;år;målgruppe;a;b\r\n3101 Halden;2024;voksne;1,5;2\r\n"
      "Halden;2024;barn og unge;0,5;1\r\n301;2024;voksne;12abc;1\r\n\r\nKilde: egen\r\n",
      "\xEF\xBB\xBFkommunenummer\tår\tkategori\tårsverk\n3101\t2024\ta\t1,25\n0301\t2023\ttotalt\t5\n",
      "region;alder;Personer 2023\nK-3101 Halden;0 \xE5r;5\nK-3101 Halden;1 \xE5r;6\n030101 X (1988-2003);0 \xE5r;1\n",
      "kommune,år,tjeneste,a\n3101,2024,\"Rus\r\n og psykisk\",\"1,5\"\r\n3101,2024,\"a\"\"b\",2",
      slurp("tests/data/readers/jsonstat_population_array_sparse.json"),
      "%PDF-1.4\n....",
  };
  for (const auto& in : inputs) {
    std::string whole = dump(read_chunked(in, in.size() + 1));
    INFO(whole);
    for (std::size_t n : {1u, 2u, 3u, 7u, 4096u}) CHECK(dump(read_chunked(in, n)) == whole);
  }
  // A file longer than the sniff window, chunked across the window's end.
  std::string big = "kommune;år;a\n";
  for (int i = 0; i < 3000; ++i) big += "3101;2024;" + std::to_string(i) + ",5\n";
  big += "Kilde: x\n";
  std::string whole = dump(read_chunked(big, big.size()));
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(big, n)) == whole);
  ParsedFile f = read(big);
  CHECK(f.arsverk.size() == 3000);
  CHECK(f.rows == 3000);
}

TEST_CASE("A first line longer than the sniff window defers the header decision", "[reader][chunks]") {
  std::string csv = "\"" + std::string(70000, 'T') + "\"\nkommune;år;a\n3101;2024;1\n3103;2024;2\n";
  std::string whole = dump(read_chunked(csv, csv.size()));
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 2);
  CHECK(f.arsverk[0].line == 3);
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(csv, n)) == whole);
}

TEST_CASE("Population rows for other contents are left out", "[reader][population]") {
  ParsedFile f = read("region;statistikkvariabel;år;verdi\n3101;Personer;2024;31444\n3101;Areal (km²);2024;642\n");
  INFO(all_codes(f));
  CHECK(f.kind == FileKind::Population);
  CHECK(f.population.at({"3101", 2024}) == 31444);
  CHECK(find_code(f, "population.other_contents_ignored")->line == 3);
  ParsedFile g = read("\"region\";\"age\";\"Persons 2023 Males\";\"Persons 2023 Females\"\n"
                      "\"3101 Halden\";\"0 years\";5;6\n\"3101 Halden\";\"1 year or older\";7;8\n");
  CHECK(g.population.at({"3101", 2023}) == 26);
  ParsedFile h = read("Kommune;2023;2024\n3101 Halden;31000;31444\n");
  INFO(all_codes(h));
  CHECK(h.format == "ssb-csv");
  CHECK(h.population.at({"3101", 2024}) == 31444);
  CHECK(h.population.at({"3101", 2023}) == 31000);
}

TEST_CASE("Repeated messages are capped per code", "[reader][errors]") {
  std::string csv = "kommune;år;a\n";
  for (int i = 0; i < 200; ++i) csv += "3101;2024;x\n";
  ParsedFile f = read(csv);
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.code == "number.not_a_number";
  CHECK(n == Diagnostics::kMaxPerCode + 1);  // 50 and one summary
  CHECK(f.rows == 200);
  CHECK(f.arsverk.empty());
}

TEST_CASE("JSON-stat with a BOM, status array and a single total category", "[reader][jsonstat]") {
  std::string js =
      "\xEF\xBB\xBF{\"class\":\"dataset\",\"label\":\"Befolkning\",\"id\":[\"Region\",\"Alder\",\"Tid\"],"
      "\"size\":[2,1,2],\"dimension\":{\"Region\":{\"category\":{\"index\":[\"3101\",\"3103\"]}},"
      "\"Alder\":{\"category\":{\"index\":[\"999D\"],\"label\":{\"999D\":\"Alle aldre\"}}},"
      "\"Tid\":{\"category\":{\"index\":{\"2023\":0,\"2024\":1}}}},"
      "\"value\":[31000,31444,null,51000],\"status\":[null,null,\":\",null],"
      "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"Region\"]}}";
  ParsedFile f = read(js, "x.json");
  INFO(all_codes(f));
  CHECK(f.encoding == "utf-8-bom");
  CHECK(f.kind == FileKind::Population);
  CHECK(f.population.size() == 3);
  CHECK(f.population.at({"3103", 2024}) == 51000);
  CHECK(find_code(f, "number.missing_values"));
  CHECK(f.rows == 4);
}

TEST_CASE("The most specific unit column is the unit", "[reader][layout]") {
  ParsedFile f = read("Fylkesnummer;Fylke;Kommunenummer;Kommune;År;a\n03;Oslo;0301;Oslo;2024;1\n");
  REQUIRE(f.arsverk.size() == 1);
  CHECK(f.arsverk[0].unit == "0301");
  ParsedFile g = read("Fylke;Kommune;År;a\nØstfold;Halden;2023;1\n");
  REQUIRE(g.arsverk.size() == 1);
  CHECK(g.arsverk[0].unit == "3001");
  ParsedFile h = read("kommune; \"år\"; a\n3101; \"2024\"; 1,5\n");
  REQUIRE(h.arsverk.size() == 1);
  CHECK(h.arsverk[0].value == Fixed::from_micro(1'500'000));
}
