// The plain-text table for the terminal (report_text.cpp): numbers in the language's format, absent
// and left-out figures marked, aggregates that rest on part of their population say how much.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report_fixture.hpp"

using namespace arsverk;
using namespace report_test;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The table's row for a unit: the line that starts with the year and the level and has the code.
std::string row(const std::string& table, const std::string& level, const std::string& code) {
  const std::regex pattern("^2024  " + level + " +" + code + " ");
  for (const std::string& line : lines(table))
    if (std::regex_search(line, pattern)) return line;
  FAIL("no row for " << level << " " << code << " in\n" << table);
  return "";
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

const std::string kNoBreakSpace = "\xC2\xA0";

}  // namespace

TEST_CASE("report table: Norwegian has decimal commas and no-break spaces between thousands", "[report][table]") {
  const std::string table = Halden().session.report_table(year_2024(Lang::Nb));
  CHECK(table.find("År    Nivå") != std::string::npos);
  const std::string halden_row = row(table, "kommune", "3101");
  CHECK(halden_row.find("12" + kNoBreakSpace + "500") != std::string::npos);
  const std::vector<std::string> w = words(halden_row);
  REQUIRE(w.size() >= 9);
  CHECK(std::vector<std::string>(w.end() - 4, w.end()) == std::vector<std::string>{"3,4", "2,8", "2,0", "0,2"});
  CHECK(table.find("Befolkning for 2024: 1. januar 2024 (0 enheter fra innebygde SSB-tall, 1 fra fil)") !=
        std::string::npos);
}

TEST_CASE("report table: English has decimal points and commas between thousands", "[report][table]") {
  const std::string table = Halden().session.report_table(year_2024(Lang::En));
  CHECK(table.find("Year  Level") != std::string::npos);
  const std::string halden_row = row(table, "kommune", "3101");
  CHECK(halden_row.find("12,500") != std::string::npos);
  const std::vector<std::string> w = words(halden_row);
  REQUIRE(w.size() >= 9);
  CHECK(std::vector<std::string>(w.end() - 4, w.end()) == std::vector<std::string>{"3.4", "2.8", "2.0", "0.2"});
  CHECK(row(table, "land", "0").find("Norway") != std::string::npos);
}

TEST_CASE("report table: a measure not given is '–', a municipality left out is '-' with the reason", "[report][table]") {
  const std::vector<std::string> absent = words(row(Halden(kArsverkWithoutD).session.report_table(year_2024()), "kommune", "3101"));
  CHECK(std::vector<std::string>(absent.end() - 4, absent.end()) == std::vector<std::string>{"–", "2,8", "2,0", "–"});

  const std::string nb = row(Halden(kAdultsOnly).session.report_table(year_2024(Lang::Nb)), "kommune", "3101");
  CHECK(std::regex_search(nb, std::regex(" -  +-  +-  +-  holdt utenfor visning$")));
  const std::string en = row(Halden(kAdultsOnly).session.report_table(year_2024(Lang::En)), "kommune", "3101");
  CHECK(std::regex_search(en, std::regex(" -  +-  +-  +-  left out of display$")));
}

TEST_CASE("report table: an aggregate resting on too few municipalities shows «–», how many have figures and its coverage",
          "[report][table]") {
  // Østfold (31) has Halden's figures only: no rate of its own, and the note says why.
  const std::string nb = row(Halden().session.report_table(year_2024(Lang::Nb)), "fylke", "31");
  CHECK(nb.find("3,4") == std::string::npos);
  CHECK(std::regex_search(nb, std::regex("–\\s+–\\s+–\\s+–\\s+bare 1 av \\d+ kommuner har tall: for få til et tall; dekning \\d+,\\d %$")));
  const std::string en = row(Halden().session.report_table(year_2024(Lang::En)), "fylke", "31");
  CHECK(std::regex_search(en, std::regex("figures for only 1 of \\d+ municipalities: too few for a figure; coverage \\d+\\.\\d %$")));
  // Norway adds the published figures beside the note.
  CHECK(std::regex_search(row(Halden().session.report_table(year_2024(Lang::Nb)), "land", "0"),
                          std::regex("dekning \\d+,\\d %; Publisert: M1 \\d+,\\d")));
}

TEST_CASE("report table: an empty session gives the header and nothing else", "[report][table]") {
  Session session;
  const std::vector<std::string> nb = lines(session.report_table({}));
  REQUIRE_FALSE(nb.empty());
  CHECK(words(nb.back()) == std::vector<std::string>{"År", "Nivå", "Kode", "Navn", "Befolkning", "M1", "M2", "M3", "M4", "Merknad"});
  Settings en;
  en.lang = Lang::En;
  CHECK(words(lines(session.report_table(en)).back()) ==
        std::vector<std::string>{"Year", "Level", "Code", "Name", "Population", "M1", "M2", "M3", "M4", "Note"});
}
