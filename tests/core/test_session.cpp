// Whole pipeline: bytes in through the session, report out. The example data's calibration,
// real SSB samples as population, JSON/CSV output, and the CLI's contract.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

#include "arsverk/example_data.hpp"
#include "arsverk/session.hpp"

using namespace arsverk;
using nlohmann::json;

namespace {

std::string slurp(const std::string& relative) {
  std::ifstream in(std::string(ARSVERK_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

json report(const Session& s, Settings settings = {}) { return json::parse(s.report_json(settings)); }

const json* result(const json& doc, const std::string& code, int year) {
  for (const auto& r : doc["results"])
    if (r["code"] == code && r["year"] == year) return &r;
  return nullptr;
}

void add_example(Session& s) {
  s.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  s.add_file("eksempel_arsverk_2024_2025.csv", embedded::example_eksempel_arsverk_2024_2025_csv);
}

}  // namespace

TEST_CASE("example data reproduces its calibration targets with the embedded population") {
  Session s;
  add_example(s);
  const json doc = report(s);
  for (const auto& f : doc["files"]) {
    CHECK(f["kind"] == "arsverk");
    CHECK(f["has_target_group"] == true);
    CHECK(f["has_service"] == true);
  }
  for (const auto& d : doc["diagnostics"]) CHECK(d["severity"] != "error");

  const json* land24 = result(doc, "0", 2024);
  REQUIRE(land24);
  CHECK((*land24)["tenths"]["M1"] == 28);
  CHECK((*land24)["tenths"]["M2"] == 24);
  CHECK((*result(doc, "03", 2024))["tenths"]["M1"] == 21);
  CHECK((*result(doc, "42", 2024))["tenths"]["M1"] == 39);
  CHECK((*result(doc, "0301", 2024))["tenths"]["M1"] == 21);

  const json* land23 = result(doc, "0", 2023);
  REQUIRE(land23);
  CHECK((*land23)["arsverk"]["M1"].get<double>() == 17436.0);
  CHECK((*land23)["by_group"]["voksne"]["arsverk"]["M1"].get<double>() == 13445.0);
  CHECK((*land23)["by_group"]["barn_og_unge"]["arsverk"]["M1"].get<double>() == 3991.0);
  CHECK((*land23)["schema"] == "2015");
  CHECK((*land23)["population"] == 5488984);
}

TEST_CASE("example data: the special cases it was built with are recognised") {
  Session s;
  add_example(s);
  const json doc = report(s);
  // Non-responding in 2025: carried forward from 2024.
  for (const char* code : {"1135", "3440", "4617", "5524", "030110"}) {
    const json* r = result(doc, code, 2025);
    REQUIRE(r);
    CHECK((*r)["carried_from"] == 2024);
  }
  // Non-responding in 2024 after reporting in 2023: nothing carried across the break.
  CHECK_FALSE(result(doc, "1812", 2024));
  CHECK_FALSE(result(doc, "3412", 2024));
  // Without own årsverk for one target group: suppressed, still counted.
  const json* vevelstad = result(doc, "1816", 2024);
  REQUIRE(vevelstad);
  CHECK((*vevelstad)["suppressed"] == true);
  CHECK((*vevelstad)["per_1000"].is_null());
  // Out-of-scope services left out and reported.
  CHECK(doc["excluded"].size() >= 3);
  // Røst is implausibly high; the check says so.
  bool rost = false;
  for (const auto& d : doc["diagnostics"]) rost = rost || (d["code"] == "check.rate_high" && d["args"]["code"] == "1856");
  CHECK(rost);
}

TEST_CASE("real SSB export as population file overrides the embedded figures, with the same numbers") {
  Session with_file, embedded_only;
  add_example(with_file);
  add_example(embedded_only);
  with_file.add_file("ssb_07459.csv", slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv"));
  Settings s;
  s.year = 2023;
  const json a = report(with_file, s), b = report(embedded_only, s);
  const json* halden_file = result(a, "3001", 2023);
  const json* halden_embedded = result(b, "3001", 2023);
  REQUIRE(halden_file);
  REQUIRE(halden_embedded);
  CHECK((*halden_file)["population_source"] == "file");
  CHECK((*halden_file)["population_file"] == "ssb_07459.csv");
  CHECK((*halden_embedded)["population_source"] == "embedded");
  CHECK((*halden_file)["population"] == (*halden_embedded)["population"]);
  CHECK((*halden_file)["per_1000"] == (*halden_embedded)["per_1000"]);
  CHECK(a["files"][2]["kind"] == "befolkning");
  CHECK(a["files"][2]["encoding"] == "windows-1252");
}

TEST_CASE("settings recompute without reading again — the JSON report is the same in either language") {
  Session s;
  add_example(s);
  Settings nb;
  nb.year = 2024;
  Settings en = nb;
  en.lang = Lang::En;
  const json a = report(s, nb), b = report(s, en);
  CHECK(a == b);
  CHECK((*result(a, "0", 2024))["name"]["nb"] == "Hele landet");
  CHECK((*result(a, "0", 2024))["name"]["en"] == "Norway");
  Settings next = nb;
  next.population_year = PopulationYear::Next;
  const json c = report(s, next);
  CHECK((*result(c, "0", 2024))["population_year"] == 2025);
  CHECK(c["population"][0]["population_year"] == 2025);
}

// What the files alone give is prepared once and kept between reports: a report after others, with
// other settings, is the same as one from a session that has made no report before.
TEST_CASE("a change of settings gives the report a fresh session gives") {
  // Messages of the stages kept (unknown municipalities, more than a file's cap) and of the
  // population checks made anew each time (a municipality number not in use in its year, also
  // more than the cap; two population files that disagree).
  std::string arsverk = "kommunenummer;år;M1;M2;M3;M4\n3001;2023;10;8;5;2\n3001;2022;11;8;5;2\n"
                        "0301;2023;200;150;90;20\n";
  for (int i = 0; i < 60; ++i) arsverk += std::to_string(9100 + i) + ";2023;1;1;1;1\n";
  std::string population = "kommunenummer;år;befolkning\n3001;2023;31444\n3001;2024;31500\n";
  for (int i = 0; i < 60; ++i) population += "01" + std::to_string(10 + i) + ";2023;1000\n";
  const std::string other = "kommunenummer;år;befolkning\n3001;2023;31000\n";
  const auto add_files = [&](Session& s) {
    add_example(s);
    s.add_file("arsverk.csv", arsverk);
    s.add_file("befolkning.csv", population);
    s.add_file("befolkning2.csv", other);
  };
  std::vector<Settings> changes(5);
  changes[1].population_year = PopulationYear::Next;
  changes[2].year = 2022;
  changes[3].carry_forward = Rule::Off;
  changes[3].suppression = Rule::On;
  changes[4].lang = Lang::En;
  Session kept;
  add_files(kept);
  for (const Settings& settings : changes) {
    Session fresh;
    add_files(fresh);
    const std::string expected = fresh.report_json(settings);
    CHECK(kept.report_json(settings) == expected);
    CHECK(kept.report_csv(settings, Lang::Nb) == fresh.report_csv(settings, Lang::Nb));
  }
  const json doc = report(kept);
  std::vector<std::string> codes;
  for (const auto& d : doc["diagnostics"]) codes.push_back(d["code"]);
  const auto first = [&](const std::string& code) { return std::find(codes.begin(), codes.end(), code) - codes.begin(); };
  // Where they came in one go: the population checks between the sum rows and validate.
  REQUIRE(first("population.unit_not_in_year") < static_cast<long>(codes.size()));
  REQUIRE(first("unit.unknown_municipality") < static_cast<long>(codes.size()));
  CHECK(first("population.unit_not_in_year") < first("unit.unknown_municipality"));
  // Each capped with its own count, once, at the file's end.
  int capped = 0;
  for (const auto& d : doc["diagnostics"])
    if (std::string(d["text"]["nb"]).find("flere meldinger av samme slag") != std::string::npos) ++capped;
  CHECK(capped == 2);

  kept.remove_file(3);  // arsverk.csv removed: prepared anew
  Session fewer;
  add_example(fewer);
  fewer.add_file("befolkning.csv", population);
  fewer.add_file("befolkning2.csv", other);
  CHECK(kept.report_json({}) == fewer.report_json({}));
}

TEST_CASE("reports computed ahead: the report a fresh session gives, kept only until the files change") {
  std::vector<Settings> around(7);  // more than are kept: the first ones are computed again
  around[1].population_year = PopulationYear::Next;
  around[2].carry_forward = Rule::Off;
  around[3].carry_forward = Rule::On;
  around[4].suppression = Rule::Off;
  around[5].suppression = Rule::On;
  around[6].carry_forward = Rule::Off;
  around[6].suppression = Rule::Off;
  Session ahead;
  add_example(ahead);
  for (const Settings& s : around) ahead.compute_ahead(s);
  Session fresh;
  add_example(fresh);
  for (std::size_t i = 0; i < around.size(); ++i) {
    INFO("settings " << i);
    CHECK(ahead.report_json(around[i]) == fresh.report_json(around[i]));
  }
  // A file added after: no report of the files before is used.
  const std::string halden = "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2025;voksne;40;30;20;10;5\n"
                             "3101;2025;barn og unge;4;3;2;1;0\n";
  for (const Settings& s : around) ahead.compute_ahead(s);
  ahead.add_file("halden.csv", halden);
  fresh.add_file("halden.csv", halden);
  for (auto s = around.rbegin(); s != around.rend(); ++s) CHECK(ahead.report_json(*s) == fresh.report_json(*s));
}

TEST_CASE("the report of one year is the whole report with that year's results, from the report kept") {
  Session s;
  add_example(s);
  Settings next;
  next.population_year = PopulationYear::Next;
  const json whole = report(s);
  const json of_2024 = json::parse(s.report_json_of_year({}, 2024));
  // Asked for another setting in between, then for the first again: each as a fresh session gives.
  const json whole_next = report(s, next);
  CHECK(whole_next != whole);
  CHECK(json::parse(s.report_json_of_year(next, 2024)) != of_2024);
  CHECK(report(s) == whole);

  json expected = whole;
  json results = json::array();
  for (json r : whole["results"]) {
    if (r["year"] != 2024) continue;
    r.erase("by_group");  // the breakdowns come with the whole report
    r.erase("by_service");
    results.push_back(r);
  }
  REQUIRE(results.size() > 300);
  REQUIRE(results.size() < whole["results"].size());
  expected["results"] = results;
  expected["results_year"] = 2024;
  expected["breakdowns"] = false;
  // The map's classes are the year's only: the whole report's of 2024, in their order.
  json classes = json::array();
  for (const json& c : whole["map_classes"])
    if (c["year"] == 2024) classes.push_back(c);
  REQUIRE(classes.size() == 4);  // two levels × two modes
  expected["map_classes"] = classes;
  CHECK(of_2024 == expected);
  CHECK(whole.find("results_year") == whole.end());
  // Everything else is the whole report's: all years, rules, messages.
  CHECK(of_2024["years"] == json({2023, 2024, 2025}));

  // No year, or one without results: the latest year with results.
  CHECK(json::parse(s.report_json_of_year({}, std::nullopt))["results_year"] == 2025);
  CHECK(json::parse(s.report_json_of_year({}, 2019))["results_year"] == 2025);
  Session empty;
  CHECK(empty.report_json_of_year({}, 2024) == empty.report_json({}));  // no results: nothing to leave out

  // A file added after: reported anew, not from the report kept.
  s.add_file("arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2024;10;8;5;2\n");
  Session fresh;
  add_example(fresh);
  fresh.add_file("arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2024;10;8;5;2\n");
  CHECK(s.report_json_of_year({}, 2024) == fresh.report_json_of_year({}, 2024));
  CHECK(s.report_json({}) == fresh.report_json({}));
}

TEST_CASE("the page's whole report is the report without its breakdowns, which are given per result") {
  Session s;
  add_example(s);
  Settings next;
  next.population_year = PopulationYear::Next;
  for (const Settings& settings : {Settings{}, next}) {
    const json whole = report(s, settings);
    const json without = json::parse(s.report_json_without_breakdowns(settings));
    json expected = whole;
    for (json& r : expected["results"]) {
      r.erase("by_group");
      r.erase("by_service");
    }
    expected["breakdowns"] = false;
    CHECK(without == expected);

    // Asked for by "level:code:year": each as the whole report has it; an unknown key is left out.
    const json given = json::parse(s.breakdowns_json(settings, {"kommune:3101:2024", "land:0:2025", "kommune:9999:2024"}));
    REQUIRE(given["breakdowns"].size() == 2);
    for (const json& b : given["breakdowns"]) {
      const auto r = std::find_if(whole["results"].begin(), whole["results"].end(), [&](const json& x) {
        return x["level"] == b["level"] && x["code"] == b["code"] && x["year"] == b["year"];
      });
      REQUIRE(r != whole["results"].end());
      CHECK(b == json({{"level", b["level"]}, {"code", b["code"]}, {"year", b["year"]},
                       {"by_group", (*r)["by_group"]}, {"by_service", (*r)["by_service"]}}));
      CHECK_FALSE((*r)["by_service"].empty());
    }
  }
  // Another setting's breakdowns are its own: the population year changes the rates.
  CHECK(s.breakdowns_json({}, {"kommune:3101:2024"}) != s.breakdowns_json(next, {"kommune:3101:2024"}));
  CHECK(json::parse(s.breakdowns_json({}, {}))["breakdowns"].empty());
}

TEST_CASE("chunked input gives the same report as one buffer") {
  const std::string bytes(embedded::example_eksempel_arsverk_2024_2025_csv);
  Session whole, chunked;
  whole.add_file("a.csv", bytes);
  const int id = chunked.begin_file("a.csv");
  for (std::size_t pos = 0, step = 1; pos < bytes.size(); pos += step, step = step * 3 % 4099 + 1)
    chunked.feed(id, std::string_view(bytes).substr(pos, step));
  chunked.end_file(id);
  CHECK(whole.report_json({}) == chunked.report_json({}));
}

TEST_CASE("CSV export: Norwegian Excel style and English style") {
  Session s;
  add_example(s);
  Settings st;
  st.year = 2024;
  const std::string nb = s.report_csv(st, Lang::Nb);
  CHECK(nb.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(nb.find("nivå;kode;navn;år") != std::string::npos);
  CHECK(nb.find(";0;Hele landet;2024;2024;") != std::string::npos);
  CHECK(nb.find(";2,8;2,4;") != std::string::npos);
  const std::string en = s.report_csv(st, Lang::En);
  CHECK(en.rfind("level,code,name,year", 0) == 0);
  CHECK(en.find(",2.8,2.4,") != std::string::npos);
}

// --- The CLI ---------------------------------------------------------------------------

namespace {

struct Run {
  int status;
  std::string out;
};

Run cli(const std::string& args) {
  const std::string cmd = std::string(ARSVERK_CLI) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST_CASE("CLI: exit codes and formats") {
  const std::string src = ARSVERK_SOURCE_DIR;
  CHECK(cli("--help").status == 0);
  CHECK(cli("").status == 2);
  CHECK(cli("--format xml --demo").status == 2);
  CHECK(cli("--year twenty --demo").status == 2);
  CHECK(cli("--carry-forward yes --demo").status == 2);
  CHECK(cli("--demo --carry-forward on --suppression auto --format json").status == 0);
  CHECK(cli(src + "/does-not-exist.csv").status == 1);

  const Run demo = cli("--demo --year 2024 --format json");
  CHECK(demo.status == 0);
  const json doc = json::parse(demo.out);
  CHECK((*result(doc, "0", 2024))["tenths"]["M1"] == 28);

  const Run table = cli("--demo --year 2024 --lang en");
  CHECK(table.status == 0);
  CHECK(table.out.find("Norway") != std::string::npos);
  CHECK(table.out.find("synthetic") != std::string::npos);

  // The same files through the CLI and through the session give the same JSON.
  const Run files = cli(src + "/data/example/eksempel_arsverk_2023.csv " + src +
                        "/data/example/eksempel_arsverk_2024_2025.csv --format json");
  Session s;
  add_example(s);
  CHECK(files.out == s.report_json({}) + "\n");

  // Standard input.
  const Run stdin_run = cli("- --format csv --lang en < " + src + "/data/example/eksempel_arsverk_2024_2025.csv");
  CHECK(stdin_run.status == 0);
  CHECK(stdin_run.out.find("country,0,Norway,2024") != std::string::npos);
}

TEST_CASE("a finished file's kind is known without a report, as the report gives it") {
  Session s;
  const int arsverk = s.add_file("eksempel_arsverk_2023.csv", embedded::example_eksempel_arsverk_2023_csv);
  const int population = s.add_file("ssb_07459.csv", slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv"));
  const int unknown = s.add_file("notater.txt", "Husk å sende inn skjemaet før fristen.\n");
  CHECK(s.file_kind(arsverk) == FileKind::Arsverk);
  CHECK(s.file_kind(population) == FileKind::Population);
  CHECK(s.file_kind(unknown) == FileKind::Unknown);
  const json doc = report(s);
  REQUIRE(doc["files"].size() == 3);
  CHECK(doc["files"][0]["kind"] == to_string(s.file_kind(arsverk)));
  CHECK(doc["files"][1]["kind"] == to_string(s.file_kind(population)));
  CHECK(doc["files"][2]["kind"] == to_string(s.file_kind(unknown)));
  s.remove_file(unknown);
  CHECK_THROWS_AS(s.file_kind(unknown), std::out_of_range);
  const int unfinished = s.begin_file("halv.csv");
  CHECK_THROWS_AS(s.file_kind(unfinished), std::out_of_range);
}
