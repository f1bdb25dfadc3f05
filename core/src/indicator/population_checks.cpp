// Population files checked against what is independent of them: each other, the registers of
// the year, SSB's population built into the program, and the years the årsverk need.
#include <cmath>
#include <cstdlib>

#include "context.hpp"

namespace arsverk::detail {

namespace {

std::string persons_text(int64_t n, Lang lang) { return format_int(n, lang); }

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

int64_t line_of(const ParsedFile& f, const std::pair<std::string, int>& key) {
  auto it = f.population_line.find(key);
  return it != f.population_line.end() ? it->second : 0;
}

std::string quoted(const std::string& s) { return "\u00ab" + s + "\u00bb"; }

// SSB corrects a published 1 January population very little: the two files built into the
// program (2020 and 2024 borders) agree exactly for all 355 municipalities they share in 2023,
// and Ålesund 2023 derived from its county differs by 4 persons from table 07459's sum. So a
// difference up to 10 persons plus 0.2 % is taken for such corrections; more is a file that
// means something else (one sex, some ages, another year, other borders).
bool beyond_revisions(int64_t file, int64_t ssb) {
  const double diff = std::fabs(static_cast<double>(file) - static_cast<double>(ssb));
  return diff > 10.0 + 0.002 * static_cast<double>(ssb);
}

struct Cause {
  std::string nb, en;
};

Cause likely_cause(const std::string& code, int year, int64_t file, int64_t ssb, const Registers& registers) {
  const EmbeddedPopulation& embedded = EmbeddedPopulation::instance();
  for (int other = year - 3; other <= year + 3; ++other) {
    if (other == year) continue;
    auto figure = embedded.for_unit(code, other, registers);
    if (figure && !beyond_revisions(file, *figure))
      return {"tallet er SSBs for " + std::to_string(other) + ": trolig et annet år",
              "the figure is SSB's for " + std::to_string(other) + ": probably another year"};
  }
  const double ratio = static_cast<double>(file) / static_cast<double>(ssb);
  const std::string pct = std::to_string(static_cast<int>(std::lround(ratio * 100)));
  if (ratio >= 0.45 && ratio <= 0.55)
    return {"omtrent halvparten: trolig bare ett kjønn", "about half: probably one sex only"};
  if (ratio < 1)
    return {"omtrent " + pct + " %: trolig bare noen aldre, eller en del av enheten",
            "about " + pct + " %: probably some ages only, or part of the unit"};
  if (ratio >= 2) {
    const std::string times = ratio >= 1000 ? "1000" : std::to_string(static_cast<int>(ratio));
    return {"mer enn " + times + " ganger SSBs tall: trolig tall som er lagt sammen flere ganger, "
            "eller tall for noe annet enn personer",
            "more than " + times + " times SSB's figure: probably figures added more than once, or "
            "figures of something other than persons"};
  }
  return {"omtrent " + pct + " %: trolig andre grenser (en sammenslått enhet, et annet års "
          "kommunestruktur) eller tall som er lagt sammen to ganger",
          "about " + pct + " %: probably other boundaries (a merged unit, another year's "
          "municipality structure) or figures added twice"};
}

void check_against_ssb(Context& ctx, int file, const ParsedFile& f) {
  const EmbeddedPopulation& embedded = EmbeddedPopulation::instance();
  for (const auto& [key, persons] : f.population) {
    auto ssb = embedded.for_unit(key.first, key.second, ctx.registers);
    if (!ssb || !beyond_revisions(persons, *ssb)) continue;
    const Cause cause = likely_cause(key.first, key.second, persons, *ssb, ctx.registers);
    const std::string y = std::to_string(key.second);
    ctx.message(Severity::Warning, "population.differs_from_ssb", file, line_of(f, key),
                "Folkemengden for " + quoted(key.first) + " i " + y + " er " + persons_text(persons, Lang::Nb) +
                    ", men SSBs tall for 1. januar " + y + " er " + persons_text(*ssb, Lang::Nb) + " (" +
                    cause.nb + "). Tallet i filen er brukt. Sjekk at filen gjelder hele befolkningen i "
                    "enheten det året.",
                "The population of " + quoted(key.first) + " in " + y + " is " + persons_text(persons, Lang::En) +
                    ", but SSB's figure for 1 January " + y + " is " + persons_text(*ssb, Lang::En) + " (" +
                    cause.en + "). The file's figure is used. Check that the file is the unit's whole "
                    "population that year.");
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
      auto st = structure_for_year(data_year);
      if (!st) return true;  // no register for the year: nothing to say
      return level == Level::Kommune ? ctx.registers.municipality(*st, code) != nullptr
                                     : ctx.registers.county(*st, code) != nullptr;
    };
    // The figure serves the data year itself, or the year before with --population-year next.
    if (known(year) || (next && known(year - 1))) continue;
    std::vector<std::string> valid = structure_for_year(year) == Structure::K2024
                                         ? ctx.registers.numbers_2024_for(code)
                                         : ctx.registers.numbers_2023_for(code);
    const std::string y = std::to_string(year);
    std::string nb = quoted(code) + " er ikke et " + (level == Level::Kommune ? "kommunenummer" : "fylkesnummer") +
                     " i " + y + ", så folkemengden er ikke brukt.";
    std::string en = quoted(code) + " is not a " + (level == Level::Kommune ? "municipality" : "county") +
                     " number in " + y + ", so the population was not used.";
    if (!valid.empty()) {
      std::vector<std::string> q;
      for (const auto& v : valid) q.push_back(quoted(v));
      if (q.size() == 1) {
        nb += " I " + y + " har enheten nummeret " + q[0] + ".";
        en += " In " + y + " the unit's number is " + q[0] + ".";
      } else {
        nb += " I " + y + " er området delt mellom " + join(q, " og ") + ".";
        en += " In " + y + " its area is split between " + join(q, " and ") + ".";
      }
      nb += " Hent tabellen fra SSB med kommunene for " + y + ".";
      en += " Fetch the table from SSB with the municipalities of " + y + ".";
    } else {
      nb += " Sjekk nummeret og året.";
      en += " Check the number and the year.";
    }
    ctx.message(Severity::Warning, "population.unit_not_in_year", file, line_of(f, key), nb, en);
  }
}

void report_conflicts(Context& ctx) {
  for (const PopulationConflict& c : ctx.population.conflicts()) {
    const std::string y = std::to_string(c.year);
    ctx.message(Severity::Error, "population.files_disagree", c.file_b, c.line_b,
                "Folkemengden for " + quoted(c.code) + " i " + y + " er " + persons_text(c.persons_b, Lang::Nb) +
                    " her, men " + persons_text(c.persons_a, Lang::Nb) + " på " + ctx.where(Lang::Nb, c.file_a, c.line_a) +
                    ". Ingen av dem er brukt (SSBs tall som er bygd inn i programmet, brukes der de "
                    "finnes). Fjern den filen som er feil.",
                "The population of " + quoted(c.code) + " in " + y + " is " + persons_text(c.persons_b, Lang::En) +
                    " here, but " + persons_text(c.persons_a, Lang::En) + " on " + ctx.where(Lang::En, c.file_a, c.line_a) +
                    ". Neither is used (SSB's figures built into the program are used where they "
                    "exist). Remove the file that is wrong.");
  }
}

// Population files that have no figure for a year the årsverk need.
void check_years_needed(Context& ctx) {
  std::set<int> needed, given;
  std::vector<std::string> names;
  int only = -1;
  for (const InputValue& v : ctx.values)
    if (!ctx.settings.year || *ctx.settings.year == v.value->year)
      needed.insert(population_year_for(ctx.settings, v.value->year));
  for (int fi = 0; fi < static_cast<int>(ctx.files.size()); ++fi) {
    const ParsedFile& f = ctx.files[fi];
    if (f.population.empty()) continue;
    for (const auto& [key, persons] : f.population) given.insert(key.second);
    names.push_back(quoted(f.name));
    only = names.size() == 1 ? fi : -1;
  }
  if (names.empty()) return;
  std::vector<std::string> has, missing;
  for (int y : given) has.push_back(std::to_string(y));
  for (int y : needed)
    if (!given.count(y)) missing.push_back(std::to_string(y));
  if (missing.empty()) return;
  ctx.message(Severity::Warning, "population.years_missing", only, 0,
              "Befolkningsfilen" + std::string(names.size() > 1 ? "e " : " ") + join(names) +
                  " har folkemengde for " + join(has) + ", men årsverkene trenger folkemengde 1. januar " +
                  join(missing) + ". For " + join(missing) + " brukes SSBs tall som er bygd inn i "
                  "programmet, der de finnes. Legg til folkemengden for " + join(missing) + " om du vil bruke egne tall.",
              "The population file" + std::string(names.size() > 1 ? "s " : " ") + join(names) +
                  (names.size() > 1 ? " have" : " has") + " population for " + join(has) +
                  ", but the FTEs need population on 1 January " + join(missing) + ". For " + join(missing) +
                  ", SSB's figures built into the program are used where they exist. Add the population for " + join(missing) +
                  " to use your own figures.");
}

}  // namespace

void check_population(Context& ctx) {
  for (int fi = 0; fi < static_cast<int>(ctx.files.size()); ++fi) {
    const ParsedFile& f = ctx.files[fi];
    if (f.population.empty()) continue;
    check_units_of_year(ctx, fi, f);
    check_against_ssb(ctx, fi, f);
  }
  report_conflicts(ctx);
  check_years_needed(ctx);
}

}  // namespace arsverk::detail
