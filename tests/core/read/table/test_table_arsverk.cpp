// The table reader on årsverk sheets with known answers: wide and long, schema 2024 and 2015.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

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

TEST_CASE("Schema 2015 nested measures — 'totalt' is M1 next to M-columns", "[reader][arsverk]") {
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
