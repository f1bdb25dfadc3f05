// arsverk: the calculator on the command line. Same core, same JSON as the page.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "arsverk/example_data.hpp"
#include "arsverk/session.hpp"

namespace {

constexpr const char* kUsage = R"(Usage: arsverk FILE... [options]
       arsverk --demo [options]

Computes the quality indicator "Årsverk i psykisk helse- og rusarbeid i kommunene"
(FTEs per 1,000 inhabitants: M1 total, M2 min. health/social upper secondary,
M3 health/social higher education (2024) / higher education (2015), M4 other higher
education (2024) / with further education (2015)) from FTE (årsverk) and population files
in any layout the calculator recognises (CSV/TSV/Excel paste, SSB StatBank exports,
JSON-stat 2.0). Without a population file SSB's population 2020–2026 built into the
program is used. Use - to read standard input.

Options:
  --year Y                   only results for data year Y
  --population-year same|next  population on 1 January of the data year (default)
                             or of the following year
  --carry-forward auto|on|off  carry a unit's figures forward when it did not answer;
                             auto (default): by the rules of the data year (from 2024)
  --suppression auto|on|off  leave out municipalities without own FTEs for adults or
                             for children and young people; auto (default): from 2024
  --format table|json|csv    output format (table)
  --lang nb|en               language of the table and the CSV: messages, names and
                             number format (nb); the JSON report has both languages
  --demo                     use the built-in synthetic example data
  --help                     this text

Exit status: 0 all went well, 1 the data had errors (results are still printed
for what was valid), 2 wrong usage.
)";

int usage_error(const std::string& message) {
  std::cerr << "arsverk: " << message << "\nTry 'arsverk --help'.\n";
  return 2;
}

bool read_into(arsverk::Session& session, const std::string& path) {
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return false;
    in = &file;
  }
  const int id = session.begin_file(path == "-" ? "stdin" : path.substr(path.find_last_of('/') + 1));
  std::vector<char> buffer(1 << 16);
  while (*in) {
    in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    session.feed(id, std::string_view(buffer.data(), static_cast<std::size_t>(in->gcount())));
  }
  session.end_file(id);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  arsverk::Settings settings;
  std::string format = "table";
  std::vector<std::string> paths;
  bool demo = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a value");
      return argv[++i];
    };
    auto rule = [&](const char* name) {
      const std::string given = value(name);
      for (auto candidate : {arsverk::Rule::Auto, arsverk::Rule::On, arsverk::Rule::Off})
        if (given == arsverk::to_string(candidate)) return candidate;
      throw std::invalid_argument(std::string(name) + " takes auto, on or off");
    };
    try {
      if (arg == "--help" || arg == "-h") {
        std::cout << kUsage;
        return 0;
      } else if (arg == "--year") {
        const std::string given = value("--year");
        std::size_t used = 0;
        int year = 0;
        try { year = std::stoi(given, &used); } catch (...) { used = 0; }
        if (used != given.size() || given.empty()) throw std::invalid_argument("--year takes a year such as 2024");
        settings.year = year;
      } else if (arg == "--population-year") {
        const std::string given = value("--population-year");
        if (given != "same" && given != "next") throw std::invalid_argument("--population-year takes same or next");
        settings.population_year = given == "next" ? arsverk::PopulationYear::Next : arsverk::PopulationYear::Same;
      } else if (arg == "--carry-forward") {
        settings.carry_forward = rule("--carry-forward");
      } else if (arg == "--suppression") {
        settings.suppression = rule("--suppression");
      } else if (arg == "--format") {
        format = value("--format");
        if (format != "table" && format != "json" && format != "csv")
          throw std::invalid_argument("--format takes table, json or csv");
      } else if (arg == "--lang") {
        const std::optional<arsverk::Lang> lang = arsverk::lang_from_code(value("--lang"));
        if (!lang) throw std::invalid_argument("--lang takes nb or en");
        settings.lang = *lang;
      } else if (arg == "--demo") {
        demo = true;
      } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
        throw std::invalid_argument("unknown option " + arg);
      } else {
        paths.push_back(arg);
      }
    } catch (const std::invalid_argument& e) {
      return usage_error(e.what());
    }
  }
  if (paths.empty() && !demo) return usage_error("no input files (give files, - for standard input, or --demo)");

  arsverk::Session session;
  bool unreadable = false;
  if (demo) {
    session.add_file("eksempel_arsverk_2023.csv", arsverk::embedded::example_eksempel_arsverk_2023_csv);
    session.add_file("eksempel_arsverk_2024_2025.csv", arsverk::embedded::example_eksempel_arsverk_2024_2025_csv);
  }
  for (const auto& path : paths) {
    if (!read_into(session, path)) {
      std::cerr << "arsverk: cannot read " << path << ": " << std::strerror(errno) << "\n";
      unreadable = true;
    }
  }
  if (format == "json") std::cout << session.report_json(settings) << "\n";
  else if (format == "csv") std::cout << session.report_csv(settings, settings.lang);
  else std::cout << session.report_table(settings);
  if (demo && format == "table")
    std::cout << (settings.lang == arsverk::Lang::Nb ? "\nEksempeldata: syntetiske årsverk, ikke virkelige tall.\n"
                                                     : "\nExample data: synthetic FTEs, not real figures.\n");
  return unreadable || session.has_errors(settings) ? 1 : 0;
}
