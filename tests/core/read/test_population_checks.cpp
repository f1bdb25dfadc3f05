// A population file that is only part of the population, SSB's rows for old units, and the
// cross-checks of population files against each other, the registers and SSB's embedded figures.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "arsverk/reader.hpp"
#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

// The real 07459 export (English, ISO-8859-1, CRLF): its header and Halden's 106 age rows.
struct Export {
  std::vector<std::string> halden;  // "\"K-3001 Halden\";\"0 years\";236"
  Export() {
    const std::string bytes = slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv");
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      std::size_t end = bytes.find("\r\n", pos);
      if (end == std::string::npos) end = bytes.size();
      std::string line = bytes.substr(pos, end - pos);
      if (line.rfind("\"K-3001 Halden\";", 0) == 0) halden.push_back(line);
      pos = end + 2;
    }
  }
  static std::string age_of(const std::string& row) { return row.substr(row.find(';') + 1, row.rfind(';') - row.find(';') - 1); }
  static int64_t figure_of(const std::string& row) { return std::stoll(row.substr(row.rfind(';') + 1)); }
  static int age_number(const std::string& row) { return std::stoi(age_of(row).substr(1)); }
  int64_t total() const {
    int64_t sum = 0;
    for (const auto& r : halden) sum += figure_of(r);
    return sum;
  }
};

const Export& real_export() {
  static const Export e;
  return e;
}

const std::string kTitle = "\"07459: Population, by region, sex, age, contents and year\"\r\n\r\n";

// Halden's rows with a sex column, one row per sex given.
std::string with_sexes(const std::vector<std::string>& sexes) {
  std::string csv = kTitle + "\"region\";\"sex\";\"age\";\"Persons 2023\"\r\n";
  for (const auto& row : real_export().halden)
    for (const auto& sex : sexes)
      csv += "\"K-3001 Halden\";\"" + sex + "\";" + Export::age_of(row) + ";" + std::to_string(Export::figure_of(row)) + "\r\n";
  return csv;
}

Report run(const std::vector<std::pair<std::string, std::string>>& named, Settings settings = {}) {
  std::vector<ParsedFile> files;
  for (std::size_t i = 0; i < named.size(); ++i)
    files.push_back(read_file(named[i].first, named[i].second));
  return compute(files, settings);
}

std::vector<const Diagnostic*> with_code(const Report& r, const std::string& code) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

const Result* result(const Report& r, const std::string& code, int year) {
  for (const auto& x : r.results)
    if (x.code == code && x.year == year) return &x;
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kArsverk2024 =
    "kommunenummer;år;målgruppe;a;b;c;d;e\n3101;2024;voksne;10;20;1;2;0,5\n3103;2024;voksne;8;12;1;1;0\n";

}  // namespace

TEST_CASE("a 07459 export with both sexes and every age as rows is summed whole", "[reader][population][selection]") {
  ParsedFile f = read(with_sexes({"Males", "Females"}), "07459.csv");
  INFO(all_codes(f));
  CHECK(f.population.at({"3001", 2023}) == 2 * real_export().total());
  CHECK_FALSE(has_code(f, "population.partial_sexes"));
  CHECK_FALSE(has_code(f, "population.partial_ages"));
  // The unchanged export (no sex column) is whole too, and is SSB's figure exactly.
  ParsedFile g = read(slurp("tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv"), "07459.csv");
  CHECK(g.population.at({"3001", 2023}) == 31730);
  CHECK(g.population.size() == 356);
  CHECK_FALSE(has_code(g, "population.partial_ages"));
}

TEST_CASE("only «Males» or only «Menn»: the population is refused, naming the column and what to select", "[reader][population][selection]") {
  ParsedFile f = read(with_sexes({"Males"}), "07459.csv");
  CHECK(f.population.empty());
  const Diagnostic* d = find_code(f, "population.partial_sexes");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(d->line == 4);
  CHECK(d->column == 2);
  CHECK(contains(d->en, "“Males”"));
  CHECK(contains(d->en, "“Both sexes”"));
  CHECK(contains(d->nb, "«Begge kjønn»"));
  // Years as columns with the sex in the header: «Personer 2023 Menn» alone.
  ParsedFile g = read("\"region\";\"alder\";\"Personer 2023 Menn\"\n\"K-3101 Halden\";\"Alle aldre\";15980\n");
  INFO(all_codes(g));
  CHECK(g.population.empty());
  CHECK(has_code(g, "population.partial_sexes"));
}

TEST_CASE("only some ages: 20–66 from the real export, an age group, JSON-stat 0–17", "[reader][population][selection]") {
  std::string csv = "\"07459: Population, by region, age, contents and year\"\r\n\r\n\"region\";\"age\";\"Persons 2023\"\r\n";
  for (const auto& row : real_export().halden)
    if (Export::age_number(row) >= 20 && Export::age_number(row) <= 66) csv += row + "\r\n";
  ParsedFile f = read(csv, "07459.csv");
  CHECK(f.population.empty());
  const Diagnostic* d = find_code(f, "population.partial_ages");
  REQUIRE(d);
  CHECK(d->severity == Severity::Error);
  CHECK(contains(d->en, "only the ages 20\u201366 years"));
  CHECK(contains(d->nb, "bare aldrene 20\u201366 år"));

  ParsedFile groups = read("region;alder;år;folkemengde\n3101;0-19 år;2024;7000\n3101;20-66 år;2024;18000\n"
                           "3101;67 år eller eldre;2024;6935\n");
  INFO(all_codes(groups));
  CHECK(groups.population.at({"3101", 2024}) == 31935);  // the groups make up every age
  ParsedFile under = read("region;alder;år;folkemengde\n3101;Under 1 år;2024;250\n3101;1-66 år;2024;24750\n"
                          "3101;67 år og over;2024;6935\n");
  INFO(all_codes(under));
  CHECK(under.population.at({"3101", 2024}) == 31935);
  ParsedFile gap = read("region;alder;år;folkemengde\n3101;0-17 år;2024;7000\n3101;67 år eller eldre;2024;6935\n");
  const Diagnostic* g = find_code(gap, "population.partial_ages");
  REQUIRE(g);
  CHECK(contains(g->en, "0\u201317 years and 67 years or older"));

  ParsedFile js = read(slurp("tests/data/bad/jsonstat_ages_0_17.json"), "alder.json");
  CHECK(js.population.empty());
  const Diagnostic* j = find_code(js, "population.partial_ages");
  REQUIRE(j);
  CHECK(contains(j->nb, "0\u201317 år"));
  CHECK(contains(j->nb, "«alder»"));
}

TEST_CASE("JSON-stat with both sexes and every age by SSB's codes is whole", "[reader][jsonstat][selection]") {
  std::string ages_index, ages_label, values;
  for (int a = 0; a <= 105; ++a) {
    std::string code = a < 10 ? "00" + std::to_string(a) : a < 100 ? "0" + std::to_string(a) : std::to_string(a);
    if (a == 105) code = "105+";
    ages_index += (a ? "," : "") + std::string("\"") + code + "\":" + std::to_string(a);
    ages_label += (a ? "," : "") + std::string("\"") + code + "\":\"" +
                  (a == 105 ? "105 år eller eldre" : std::to_string(a) + " år") + "\"";
    values += (a ? "," : "") + std::string("100,110");
  }
  const std::string json =
      "{\"class\":\"dataset\",\"version\":\"2.0\",\"id\":[\"Region\",\"Alder\",\"Kjonn\",\"ContentsCode\",\"Tid\"],"
      "\"size\":[1,106,2,1,1],\"dimension\":{"
      "\"Region\":{\"category\":{\"index\":{\"3101\":0},\"label\":{\"3101\":\"Halden\"}}},"
      "\"Alder\":{\"label\":\"alder\",\"category\":{\"index\":{" + ages_index + "},\"label\":{" + ages_label + "}}},"
      "\"Kjonn\":{\"label\":\"kjønn\",\"category\":{\"index\":{\"1\":0,\"2\":1},\"label\":{\"1\":\"Menn\",\"2\":\"Kvinner\"}}},"
      "\"ContentsCode\":{\"category\":{\"index\":{\"Personer1\":0},\"label\":{\"Personer1\":\"Personer\"}}},"
      "\"Tid\":{\"category\":{\"index\":{\"2024\":0}}}},"
      "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"Region\"],\"metric\":[\"ContentsCode\"]},\"value\":[" + values + "]}";
  ParsedFile f = read(json, "07459.json");
  INFO(all_codes(f));
  CHECK(f.population.at({"3101", 2024}) == 106 * 210);
  CHECK_FALSE(has_code(f, "population.partial_ages"));
  CHECK_FALSE(has_code(f, "population.partial_sexes"));
}

TEST_CASE("SSB's rows for units with a period are population in the years of the period", "[reader][population][historical]") {
  ParsedFile f = read("\"region\";\"Personer 2022\";\"Personer 2023\";\"Personer 2024\"\n"
                      "\"K-3001 Halden (2020-2023)\";31444;31730;0\n"
                      "\"K-3101 Halden\";..;..;31935\n");
  INFO(all_codes(f));
  CHECK(f.population.at({"3001", 2022}) == 31444);
  CHECK(f.population.at({"3001", 2023}) == 31730);
  CHECK(f.population.count({"3001", 2024}) == 0);
  CHECK(f.population.at({"3101", 2024}) == 31935);
  CHECK(find_code(f, "population.historical_used")->severity == Severity::Info);
  CHECK(has_code(f, "population.historical_ignored"));  // its 2024 cell, outside the period

  // Long rows: the label is not remembered for years outside its period (same structure).
  ParsedFile g = read("region;år;folkemengde\nK-5001 Trondheim (2020-2021);2021;205000\n"
                      "K-5001 Trondheim (2020-2021);2022;0\n");
  INFO(all_codes(g));
  CHECK(g.population.at({"5001", 2021}) == 205000);
  CHECK(g.population.count({"5001", 2022}) == 0);
  CHECK_FALSE(has_code(g, "population.zero"));
}

TEST_CASE("1507 Ålesund 2022 gets its result from the user's own SSB export", "[engine][population][historical]") {
  const Report r = run({{"arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n1507;2022;10;8;6;4\n"},
                        {"07459.csv", "\"region\";\"Personer 2022\"\n\"K-1507 Ålesund (2020-2023)\";67114\n"}});
  const Result* alesund = result(r, "1507", 2022);
  REQUIRE(alesund);
  CHECK(alesund->population == 67114);
  CHECK(alesund->population_source == PopulationSource::File);
  CHECK(with_code(r, "population.missing").empty());
}

TEST_CASE("two population files that disagree: an error naming both, neither figure used", "[engine][population][files]") {
  const Report r = run({{"arsverk.csv", kArsverk2024},
                        {"a.csv", "region;år;folkemengde\n3101;2024;31935\n3103;2024;52051\n"},
                        {"b.csv", "region;år;folkemengde\n3103;2024;52051\n3101;2024;31000\n"}});
  const auto errors = with_code(r, "population.files_disagree");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]->severity == Severity::Error);
  CHECK(errors[0]->file == "b.csv");
  CHECK(errors[0]->line == 3);
  CHECK(contains(errors[0]->en, "31,000 here, but 31,935 on line 2 of a.csv"));
  const Result* halden = result(r, "3101", 2024);
  REQUIRE(halden);
  CHECK(halden->population_source == PopulationSource::Embedded);
  const Result* moss = result(r, "3103", 2024);  // agreeing duplicates are fine
  REQUIRE(moss);
  CHECK(moss->population_source == PopulationSource::File);
}

TEST_CASE("a figure far from SSB's: a warning with both numbers and the likely cause", "[engine][population][ssb]") {
  const Report r = run({{"arsverk.csv", kArsverk2024},
                        {"pop.csv", "region;år;folkemengde\n3101;2024;15990\n3103;2024;50290\n3105;2024;59780\n"}});
  const auto warnings = with_code(r, "population.differs_from_ssb");
  REQUIRE(warnings.size() == 2);  // 3105: 9 from SSB's 59 771, a revision's size
  CHECK(warnings[0]->line == 2);
  CHECK(contains(warnings[0]->en, "15,990, but SSB’s figure for 1 January 2024 is 31,935"));
  CHECK(contains(warnings[0]->en, "one sex only"));
  CHECK(contains(warnings[0]->nb, "ett kjønn"));
  CHECK(warnings[1]->line == 3);
  CHECK(contains(warnings[1]->en, "SSB’s for 2022: probably another year"));
}

TEST_CASE("a number not valid in the year, and a file without the year needed", "[engine][population][registers]") {
  const Report r = run({{"arsverk.csv", kArsverk2024},
                        {"pop.csv", "region;år;folkemengde\n3001;2024;31935\n1507;2024;67000\n"}});
  const auto wrong = with_code(r, "population.unit_not_in_year");
  REQUIRE(wrong.size() == 2);
  CHECK(contains(wrong[0]->en, "“1507” is not a municipality number in 2024"));
  CHECK(contains(wrong[0]->en, "“1508” and “1580”"));
  CHECK(contains(wrong[1]->nb, "nummeret «3101»"));

  // With --population-year next, 2023's FTEs use 1 January 2024 on 2023's numbers: no message.
  Settings next;
  next.population_year = PopulationYear::Next;
  const Report n = run({{"arsverk.csv", "kommunenummer;år;M1;M2;M3;M4\n3001;2023;10;8;6;4\n"},
                        {"pop.csv", "region;år;folkemengde\n3001;2024;31935\n"}}, next);
  CHECK(with_code(n, "population.unit_not_in_year").empty());
  CHECK(with_code(n, "population.years_missing").empty());

  const Report y = run({{"arsverk.csv", kArsverk2024}, {"pop.csv", "region;år;folkemengde\n3001;2023;31730\n"}});
  const auto missing = with_code(y, "population.years_missing");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->file == "pop.csv");
  CHECK(contains(missing[0]->en, "has population for 2023, but the FTEs need population on 1 January 2024"));
}
