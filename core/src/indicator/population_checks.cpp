// Population files checked against what is independent of them: each other, the registers of
// the year, SSB's population built into the program, and the years the årsverk need.
#include <algorithm>
#include <cmath>

#include "context.hpp"
#include "messages/messages.hpp"

namespace arsverk::detail {

namespace {

int64_t line_of(const ParsedFile& f, const std::pair<std::string, int>& key) {
  auto it = f.population_line.find(key);
  return it != f.population_line.end() ? it->second : 0;
}

// SSB corrects a published 1 January population very little: the two files built into the
// program (2020 and 2024 borders) agree exactly for all 355 municipalities they share in 2023,
// and Ålesund 2023 derived from its county differs by 4 persons from table 07459's sum. So a
// difference up to 10 persons plus 0.2 % is taken for such corrections; more is a file that
// means something else (one sex, some ages, another year, other borders).
bool beyond_revisions(int64_t file, int64_t ssb) {
  const double diff = std::fabs(static_cast<double>(file) - static_cast<double>(ssb));
  return diff > 10.0 + 0.002 * static_cast<double>(ssb);
}

using Differs = msg::PopulationDiffersFromSsb;

// The likely cause of a figure beyond SSB's revisions, from the figure itself.
void likely_cause(const std::string& code, int year, const Registers& registers, Differs& m) {
  const EmbeddedPopulation& embedded = EmbeddedPopulation::instance();
  for (int other = year - 3; other <= year + 3; ++other) {
    if (other == year) continue;
    auto figure = embedded.for_unit(code, other, registers);
    if (figure && !beyond_revisions(m.persons, *figure)) {
      m.cause = Differs::Cause::OtherYear;
      m.other_year = other;
      return;
    }
  }
  const double ratio = static_cast<double>(m.persons) / static_cast<double>(m.ssb);
  m.percent = static_cast<int>(std::lround(std::min(ratio, 1000.0) * 100));
  m.times = static_cast<int>(std::min(ratio, 1000.0));
  if (ratio >= 0.45 && ratio <= 0.55) m.cause = Differs::Cause::Half;
  else if (ratio < 1) m.cause = Differs::Cause::Share;
  else if (ratio < 2) m.cause = Differs::Cause::More;
  else m.cause = Differs::Cause::ManyTimes;
}

void check_against_ssb(Context& ctx, int file, const ParsedFile& f) {
  const EmbeddedPopulation& embedded = EmbeddedPopulation::instance();
  for (const auto& [key, persons] : f.population) {
    auto ssb = embedded.for_unit(key.first, key.second, ctx.registers);
    if (!ssb || !beyond_revisions(persons, *ssb)) continue;
    Differs m{key.first, key.second, persons, *ssb, Differs::Cause::Share, 0, 0, 0};
    likely_cause(key.first, key.second, ctx.registers, m);
    ctx.message(file, line_of(f, key), m);
  }
}

// A code the registers do not know in the year (3001 Halden, a 2020–2023 number, in 2024) is
// never looked up: say so, with the number of the year where the registers give it.
void check_units_of_year(Context& ctx, int file, const ParsedFile& f) {
  const bool next = ctx.settings.population_year == PopulationYear::Next;
  for (const auto& [key, persons] : f.population) {
    const std::string& code = key.first;
    const int year = key.second;
    const auto level = level_of_code(code);
    if (level != Level::Kommune && level != Level::Fylke) continue;
    auto known = [&](int data_year) {
      auto structure = structure_for_year(data_year);
      if (!structure) return true;  // no register for the year: nothing to say
      return level == Level::Kommune ? ctx.registers.municipality(*structure, code) != nullptr
                                     : ctx.registers.county(*structure, code) != nullptr;
    };
    // The figure serves the data year itself, or the year before with --population-year next.
    if (known(year) || (next && known(year - 1))) continue;
    const std::vector<std::string> valid = structure_for_year(year) == Structure::K2024
                                               ? ctx.registers.numbers_2024_for(code)
                                               : ctx.registers.numbers_2023_for(code);
    ctx.message(file, line_of(f, key), msg::PopulationUnitNotInYear{code, year, level == Level::Kommune, valid});
  }
}

void report_conflicts(Context& ctx) {
  for (const PopulationConflict& c : ctx.population.conflicts())
    ctx.message(c.file_b, c.line_b,
                msg::PopulationFilesDisagree{c.code, c.year, c.persons_b, c.persons_a,
                                             {ctx.file_name(c.file_a), ctx.sheet_name(c.file_a), c.line_a}});
}

// Population files that have no figure for a year the årsverk need.
void check_years_needed(Context& ctx) {
  std::set<int> needed, given;
  std::vector<std::string> names;
  int only = -1;
  for (const InputValue& v : ctx.input.values)
    if (!ctx.settings.year || *ctx.settings.year == v.value->year)
      needed.insert(population_year_for(ctx.settings, v.value->year));
  for (int file_index = 0; file_index < static_cast<int>(ctx.files.size()); ++file_index) {
    const ParsedFile& f = ctx.files[file_index];
    if (f.population.empty()) continue;
    for (const auto& [key, persons] : f.population) given.insert(key.second);
    names.push_back(f.name);
    only = names.size() == 1 ? file_index : -1;
  }
  if (names.empty()) return;
  std::vector<int> missing;
  for (int y : needed)
    if (!given.count(y)) missing.push_back(y);
  if (missing.empty()) return;
  const std::vector<int> has(given.begin(), given.end());
  ctx.message(only, 0, msg::PopulationYearsMissing{names, has, missing});
}

}  // namespace

void check_population(Context& ctx) {
  for (int file_index = 0; file_index < static_cast<int>(ctx.files.size()); ++file_index) {
    const ParsedFile& f = ctx.files[file_index];
    if (f.population.empty()) continue;
    check_units_of_year(ctx, file_index, f);
    check_against_ssb(ctx, file_index, f);
  }
  report_conflicts(ctx);
  check_years_needed(ctx);
}

}  // namespace arsverk::detail
