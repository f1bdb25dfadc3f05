// Plausibility that works on one file: the checks against the published yardstick.
#include "engine_fixture.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "arsverk/example_data.hpp"
#include "arsverk/session.hpp"

using namespace fixture;

TEST_CASE("the 10x typo is flagged with only the own file and the embedded data") {
  Session s;
  s.add_file("halden.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2024;voksne;40;200;46;50;20\n"       // 356 FTEs: 386 in all where 38,6 was meant
             "3101;2024;barn og unge;5;15;5;3;2\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  const nlohmann::json* found = nullptr;
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "check.far_above_published") found = &d;
  REQUIRE(found);
  CHECK((*found)["severity"] == "warning");
  CHECK((*found)["place"]["line"] == 2);
  CHECK((*found)["args"] ==
        nlohmann::json::parse(R"({"level": "kommune", "code": "3101", "year": 2024, "flag": "far_above_published"})"));
  const std::string text = (*found)["message"]["nb"];
  CHECK(text.find("M1 = 12,1") != std::string::npos);   // 386 / 31 935 × 1 000
  CHECK(text.find("2,8 i 2024") != std::string::npos);  // the yardstick and its year
  CHECK(text.find("38,6") != std::string::npos);        // what to check
  for (const auto& r : doc["results"])
    if (r["code"] == "3101") CHECK(r["flags"].dump().find("far_above_published") != std::string::npos);
}

TEST_CASE("a data year without a published figure names the year that was used") {
  Input in;
  in.row15("3001", 2023, NoGroup, "", "450", "300", "200", "100");  // Halden 2023: ~14 per 1 000
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "check.far_above_published");
  REQUIRE(d);
  CHECK(d->text(Lang::Nb).find("3,0 i 2018, det nærmeste året") != std::string::npos);
  CHECK(d->text(Lang::En).find("3.0 in 2018, the nearest year") != std::string::npos);
}

TEST_CASE("a plausible rate is not flagged — a very low one gets an info") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "20", "40", "10", "15", "5");   // 90 FTEs: 2.8 per 1 000
  in.row24("3103", 2024, NoGroup, "", "1", "1", "1", "1", "1");       // 5 FTEs in Moss: 0.1
  const Report r = in.run();
  CHECK(count_diagnostics(r, "check.far_above_published") == 0);
  const Diagnostic* low = diagnostic(r, "check.far_below_published");
  REQUIRE(low);
  CHECK(low->severity == Severity::Info);
  CHECK(low->text(Lang::En).find("3103") != std::string::npos);
}

TEST_CASE("all FTEs in one category is unusual") {
  Input in;
  in.row24("3101", 2024, Adults, "", "0", "30", "0", "0", "0");
  in.row24("3101", 2024, Children, "", "0", "10", "0", "0", "0");
  in.row24("3103", 2024, NoGroup, "", "0", "1", "0", "0", "0");  // 1 FTE: plausible
  const Report r = in.run();
  CHECK(count_diagnostics(r, "check.one_category") == 1);
  const Diagnostic* d = diagnostic(r, "check.one_category");
  REQUIRE(d);
  CHECK(d->text(Lang::En).find("all 40.00 FTEs are in category b") != std::string::npos);
}

TEST_CASE("outside the fences of a KOSTRA group made of published reference rates") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "100", "100", "50", "50", "0");  // ~9.4 per 1 000
  ParsedFile ref;
  ref.name = "publiserte_2024.csv";
  ref.kind = FileKind::Reference;
  int64_t line = 2;
  for (const auto& m : Registers::embedded().municipalities(Structure::K2024)) {
    if (m.kostra_group != 10 || m.code == "3101") continue;
    ReferenceRate rate;
    rate.unit = m.code;
    rate.year = 2024;
    rate.per_1000 = fx(line % 2 ? "2.5" : "3.1");
    rate.line = line++;
    ref.reference.push_back(rate);
  }
  in.files.push_back(ref);
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "check.outside_group_fences");
  REQUIRE(d);
  CHECK(d->text(Lang::En).find("13 of 13 municipalities") != std::string::npos);
  CHECK(d->text(Lang::En).find("published figures from 2024") != std::string::npos);
  // The group by its name, as everywhere else: not its code.
  CHECK(d->text(Lang::Nb).find("utenfor det vanlige i KOSTRA-gruppe 10 (median") != std::string::npos);
  CHECK(d->text(Lang::En).find("the usual range of KOSTRA group 10 (median") != std::string::npos);
  CHECK(d->text(Lang::Nb).find("EKG10") == std::string::npos);
}

// A large change's message, from one year's FTEs (categories a-e) to the next's.
static std::string large_change(const char* const (&from)[5], const char* const (&to)[5], Lang lang) {
  Input in;
  in.row24("3101", 2024, NoGroup, "", from[0], from[1], from[2], from[3], from[4]);
  in.row24("3101", 2025, NoGroup, "", to[0], to[1], to[2], to[3], to[4]);
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "check.change_large");
  REQUIRE(d);
  return d->text(lang);
}

TEST_CASE("a large change says from what to what, and a fall with a minus sign in Norwegian") {
  const char* const low[5] = {"20", "40", "10", "15", "5"};
  const char* const high[5] = {"40", "80", "20", "30", "10"};
  // The rates to two decimals, said to be before rounding: the 99 % is of them, while the card
  // beside it gives the change of the figures shown, 2,8 to 5,6, as +100 %.
  CHECK(large_change(low, high, Lang::En).find("changed by 99 % from 2024 (from 2.82 to 5.62 before rounding, more than 30 %)") != std::string::npos);
  CHECK(large_change(low, high, Lang::Nb).find("(fra 2,82 til 5,62 før avrunding, mer enn 30 %)") != std::string::npos);
  CHECK(large_change(high, low, Lang::Nb).find("endret seg \u221250 %") != std::string::npos);
  CHECK(large_change(high, low, Lang::En).find("changed by -50 %") != std::string::npos);
}

namespace {

// The codes of the check messages that named a flag, each checked against its result's flags.
std::set<std::string> flagged_codes(const Session& s) {
  const auto doc = nlohmann::json::parse(s.report_json({}));
  const auto unit_of = [](const nlohmann::json& x) {
    return x["level"].get<std::string>() + " " + x["code"].get<std::string>() + " " + std::to_string(x["year"].get<int>());
  };
  std::map<std::string, std::set<std::string>> flags_of;  // "kommune 3101 2024" -> its flags
  for (const auto& r : doc["results"])
    for (const auto& f : r["flags"]) flags_of[unit_of(r)].insert(f.get<std::string>());
  std::set<std::string> codes;
  for (const auto& d : doc["diagnostics"]) {
    const auto& args = d["args"];
    if (!args.contains("flag")) continue;
    codes.insert(d["code"].get<std::string>());
    INFO(d["code"] << " about " << unit_of(args));
    CHECK(flags_of[unit_of(args)].count(args["flag"].get<std::string>()) == 1);
  }
  return codes;
}

}  // namespace

TEST_CASE("a check's message names the flag it set, and only a flag its result has") {
  Session example;
  example.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  example.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  CHECK(flagged_codes(example) == std::set<std::string>{"check.rate_high", "check.change_large", "check.far_above_published"});

  Session slipped;  // a tenfold a for adults: a category's share, which the plausibility checks flag
  slipped.add_file("halden.csv",
                   "kommunenummer;år;målgruppe;a;b;c;d;e\n"
                   "3101;2025;voksne;225,00;39,70;3,30;3,60;3,90\n"
                   "3101;2025;barn og unge;3,70;7,30;0,50;0,55;0,50\n");
  CHECK(flagged_codes(slipped) == std::set<std::string>{"check.category_share"});

  Session low;  // a note, not a warning, names its flag too: M1 far below the published rate
  low.add_file("halden.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2023;10;8;4;1\n");
  CHECK(flagged_codes(low) == std::set<std::string>{"check.far_below_published"});
}

TEST_CASE("a message that flags nothing names no flag") {
  Session s;  // a category above the total: said while the unit-years are built, before any result
  s.add_file("halden.csv",
             "kommunenummer;år;målgruppe;M1;M2;M3;M4\n"
             "3001;2023;voksne;10;12;4;1\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  bool seen = false;
  for (const auto& d : doc["diagnostics"]) {
    if (d["code"] != "check.nested_order") continue;
    seen = true;
    CHECK_FALSE(d["args"].contains("flag"));
  }
  CHECK(seen);
}

TEST_CASE("a duplicate gives the columns of its line that were not counted, so that a reader can mark them") {
  Session s;
  s.add_file("fil.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2025;voksne;22,5;10;1;2;0\n");
  s.add_file("skjema.csv",
             "kommunenummer;år;målgruppe;a;b;c;d;e\n"
             "3101;2025;voksne;21,5;;;2;\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  const nlohmann::json* found = nullptr;
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "value.duplicate") found = &d;
  REQUIRE(found);
  CHECK((*found)["place"]["file"] == "skjema.csv");
  CHECK((*found)["args"] == nlohmann::json::parse(R"({"level": "kommune", "code": "3101", "year": 2025, "columns": [4, 7]})"));
}

TEST_CASE("the form typed on the page comes after every file: a file's figure for the same field counts, whatever came first") {
  const std::string file = "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;22,5;10;1;2;0\n";
  const std::string form = "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;21,5;;;2;\n";
  const auto add_form = [&](Session& s) {
    const int id = s.begin_file("Skjema IS-24/8 for 3101 Halden 2025", true);
    s.feed(id, form);
    s.end_file(id);
  };
  // The messages (code, place, both texts) and Halden's figures of a session.
  const auto outcome = [](const Session& s) {
    const auto doc = nlohmann::json::parse(s.report_json({}));
    std::vector<std::string> out;
    for (const auto& d : doc["diagnostics"])
      out.push_back(d["code"].get<std::string>() + " " + d["place"].dump() + " " + d["text"]["nb"].get<std::string>() + " | " +
                    d["text"]["en"].get<std::string>());
    for (const auto& r : doc["results"])
      if (r["code"] == "3101") out.push_back(r["arsverk"].dump());
    return out;
  };
  Session file_first;
  file_first.add_file("fil.csv", file);
  add_form(file_first);
  Session form_first;  // the page adds the form anew after each edit, and after a change of language
  add_form(form_first);
  form_first.add_file("fil.csv", file);
  const auto seen = outcome(file_first);
  CHECK(outcome(form_first) == seen);

  const auto with = [&](const std::string& part) {
    return std::count_if(seen.begin(), seen.end(), [&](const std::string& x) { return x.find(part) != std::string::npos; });
  };
  // The form's line is «here» (the page places it in the form's fields); the file's figure counts.
  CHECK(with("value.duplicate {\"cell\":null,\"column\":null,\"file\":\"Skjema IS-24/8 for 3101 Halden 2025\"") == 1);
  CHECK(with(": her og på linje 2 i fil.csv, med ulike tall for a (21,50 her, 22,50 der). Bare tallene på linje 2 i fil.csv er "
             "talt med. Rett tallet som er feil, i skjemaet eller i filen, eller fjern skjemaets tall eller filen.") == 1);
  CHECK(with("in the form or in the file, or remove the form’s figures or the file.") == 1);
  CHECK(with("annen utgave") == 0);
  CHECK(with("{\"M1\":35.5,") == 1);  // the file's 22,5 + 10 + 2 + (1 + 0): of the form's a and d, neither counts again
}

TEST_CASE("a form typed with one target group only: the advice is the form's column, not rows of a file") {
  Session s;
  const int id = s.begin_file("Skjema IS-24/8 for 3101 Halden 2025", true);
  s.feed(id, "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;22,5;10;1;2;0\n");
  s.end_file(id);
  s.add_file("andre.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\n3103;2025;voksne;22,5;10;1;2;0\n");
  std::map<std::string, std::string> texts;  // file -> its part_missing, both languages
  const auto doc = nlohmann::json::parse(s.report_json({}));
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "suppression.part_missing")
      texts[d["place"]["file"].get<std::string>()] = d["text"]["nb"].get<std::string>() + " | " + d["text"]["en"].get<std::string>();
  REQUIRE(texts.size() == 2);
  const std::string& form = texts["Skjema IS-24/8 for 3101 Halden 2025"];
  CHECK(form.find("3101 Halden 2025: skjemaet har bare tall for voksne, ingen for barn og unge.") != std::string::npos);
  CHECK(form.find("Fyll ut kolonnen «Barn og unge» i skjemaet; har kommunen ingen slike årsverk, skriv 0.") != std::string::npos);
  CHECK(form.find("Fill in the column “Children and young people” in the form;") != std::string::npos);
  CHECK(form.find("rader") == std::string::npos);
  CHECK(form.find("“barn og unge”") == std::string::npos);  // no Norwegian value to type in the English advice
  CHECK(texts["andre.csv"].find("filene har bare delen for voksne, ingen rader for barn og unge.") != std::string::npos);
}

TEST_CASE("two files with the same field: as before, the first counts and the advice is about two versions") {
  Session s;
  s.add_file("fil.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;22,5;10;1;2;0\n");
  s.add_file("skjema.csv", "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;21,5;;;2;\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  int found = 0;
  for (const auto& d : doc["diagnostics"]) {
    if (d["code"] != "value.duplicate") continue;
    ++found;
    CHECK(d["place"]["file"] == "skjema.csv");
    CHECK(d["text"]["nb"].get<std::string>().find("på linje 2 i fil.csv") != std::string::npos);
    CHECK(d["text"]["nb"].get<std::string>().find("Er den ene filen en annen utgave av den andre") != std::string::npos);
  }
  CHECK(found == 1);
}

TEST_CASE("municipalities showing the same rate in a KOSTRA group are tagged alike by the fences") {
  // The example's Hadsel 2025 shows M4 0,1 beside others of its group showing 0,1: the fences are
  // decided on the rate as shown, so either all of them are outside or none.
  Session example;
  example.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  example.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
  const auto doc = nlohmann::json::parse(example.report_json({}));
  std::map<std::string, std::set<std::string>> tags;  // group, year, measure, shown rate -> fences
  int outside = 0;
  for (const auto& r : doc["results"]) {
    if (r["level"] != "kommune" || r["comparison"].is_null()) continue;
    for (const char* m : {"M1", "M2", "M3", "M4"}) {
      const auto& fence = r["comparison"]["outside_fences"][m];
      if (r["tenths"][m].is_null() || r["comparison"]["rank"][m].is_null()) continue;
      const std::string key = r["comparison"]["kostragruppe"].dump() + " " + r["year"].dump() + " " + m + " " +
                              r["tenths"][m].dump();
      tags[key].insert(fence.is_null() ? "inside" : fence.get<std::string>());
      outside += !fence.is_null();
    }
  }
  CHECK(outside > 0);
  for (const auto& [key, fences] : tags) {
    INFO(key);
    CHECK(fences.size() == 1);
  }
}

TEST_CASE("the nested order holds each measure given against the next one given") {
  // Schema 2015 with M1 and M4 alone: M4 above M1 is out of order though M2 and M3 are not given.
  Session s;
  s.add_file("halden.csv",
             "kommunenummer;år;M1;M4\n"
             "3001;2023;10;12\n"
             "3002;2023;10;4\n");
  const auto doc = nlohmann::json::parse(s.report_json({}));
  std::vector<std::string> said;
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == "check.nested_order") said.push_back(d["message"]["en"].get<std::string>());
  REQUIRE(said.size() == 1);
  CHECK(said[0].find("3001") != std::string::npos);
  CHECK(said[0].find("M1 = 10.00 is less than M4 = 12.00") != std::string::npos);
}

namespace {

// A unit's `unchecked` in the report, as "check:reason:year" strings.
std::set<std::string> unchecked_of(const Session& s, const std::string& code, int year, const Settings& settings = {}) {
  const auto doc = nlohmann::json::parse(s.report_json(settings));
  std::set<std::string> out;
  for (const auto& r : doc["results"]) {
    if (r["code"] != code || r["year"] != year) continue;
    for (const auto& u : r["unchecked"])
      out.insert(u["check"].get<std::string>() + ":" + u["reason"].get<std::string>() + ":" +
                 std::to_string(u.value("year", 0)));
  }
  return out;
}

}  // namespace

TEST_CASE("the checks that could not run are said: a total alone, no year before, the schema break") {
  Session total;
  total.add_file("halden.csv", "kommunenummer;kommunenavn;år;Totalt\n3001;Halden;2022;98,5\n");
  CHECK(unchecked_of(total, "3001", 2022) ==
        std::set<std::string>{"categories:total_only:0", "change:previous_year_not_loaded:2021"});

  Session two_years;  // categories in both years: the change from 2024 is checked, 2024's is not
  two_years.add_file("halden.csv",
                     "kommunenummer;år;a;b;c;d;e\n3101;2024;20;40;10;15;5\n3101;2025;20;41;10;15;5\n");
  CHECK(unchecked_of(two_years, "3101", 2025).empty());
  CHECK(unchecked_of(two_years, "3101", 2024) == std::set<std::string>{"change:schema_break:2023"});

  const auto doc = nlohmann::json::parse(two_years.report_json({}));
  for (const auto& r : doc["results"]) {
    INFO(r["level"] << " " << r["code"]);
    CHECK(r.contains("unchecked") == (r["level"] == "kommune" || r["level"] == "bydel"));
  }
}

TEST_CASE("what could not be checked: rows skipped, carried figures, a year before left out or outside, some categories, Oslo") {
  Session skipped;  // adults' b is not a number: their row is skipped, and nothing of the unit-year is checked
  skipped.add_file("halden.csv",
                   "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;20;x;10;15;5\n3101;2025;barn og unge;2;4;1;1;1\n");
  CHECK(unchecked_of(skipped, "3101", 2025) == std::set<std::string>{"all:rows_skipped:0"});

  Session two;  // Moss gives 2024 alone; carried into 2025, its figures are not checked again
  two.add_file("arsverk.csv",
               "kommunenummer;år;a;b;c;d;e\n3101;2024;20;40;10;15;5\n3101;2025;20;41;10;15;5\n3103;2024;10;20;5;7;3\n");
  Settings carried;
  carried.carry_forward = Rule::On;
  CHECK(unchecked_of(two, "3103", 2025, carried) == std::set<std::string>{"categories:carried:2024"});

  Session left_out;  // 2024 without adults is left out by rule 2: no change from it to check
  left_out.add_file("halden.csv",
                    "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2024;barn og unge;2;4;1;1;1\n"
                    "3101;2025;voksne;20;40;10;15;5\n3101;2025;barn og unge;2;4;1;1;1\n");
  CHECK(unchecked_of(left_out, "3101", 2025) == std::set<std::string>{"change:previous_year_suppressed:2024"});
  CHECK(unchecked_of(left_out, "3101", 2024).empty());  // suppressed: its reason is said instead

  Session first;  // 2020 is the first year the calculator has a structure for: 2019 cannot be added
  first.add_file("halden.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2020;90;60;30;10\n");
  CHECK(unchecked_of(first, "3001", 2020) == std::set<std::string>{"change:previous_year_outside:2019"});

  Session part;  // the adults' categories in full, the children's total alone: their composition is not checked
  part.add_file("halden.csv",
                "kommunenummer;år;målgruppe;a;b;c;d;e;Totalt\n3101;2025;voksne;20;40;10;15;5;\n3101;2025;barn og unge;;;;;;8\n");
  CHECK(unchecked_of(part, "3101", 2025).count("categories:incomplete:0") == 1);

  Session oslo;  // Oslo from its districts' rows: the categories are checked per district
  oslo.add_file("oslo.csv", "kommunenummer;år;a;b;c;d;e\n030101;2025;5;10;3;4;2\n030102;2025;6;11;3;4;2\n");
  CHECK(unchecked_of(oslo, "0301", 2025).count("categories:from_districts:0") == 1);
  CHECK(unchecked_of(oslo, "030101", 2025).count("categories:from_districts:0") == 0);
}
