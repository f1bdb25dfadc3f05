// The computation of docs/indicator.md: validation of units and categories, the four measures per
// unit and year, carry-forward, suppression, scope exclusion, aggregation, KOSTRA statistics,
// comparisons and the checks a municipality wants before it submits.
#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <tuple>

#include "arsverk/report.hpp"
#include "arsverk/session.hpp"
#include "population.hpp"

namespace arsverk {

namespace {

using CategoryAmounts = std::array<std::optional<Fixed>, kCategoryCount>;

std::optional<Fixed>& at(CategoryAmounts& a, Category c) { return a[static_cast<int>(c)]; }
Fixed value_of(const CategoryAmounts& a, Category c) {
  return a[static_cast<int>(c)].value_or(Fixed());
}

// One row-group of input: a unit, year, target group and service, with its categories.
struct Cell {
  CategoryAmounts amounts;
  std::array<int64_t, kCategoryCount> lines{};  // where each category was given
  int file = 0;
  int64_t line = 0;
};

struct CellKey {
  TargetGroup group;
  std::string service;
  bool operator<(const CellKey& o) const {
    return std::tie(group, service) < std::tie(o.group, o.service);
  }
};

// Everything known about one unit in one data year.
struct UnitYear {
  Measures total{};
  std::map<TargetGroup, Measures> by_group;
  std::map<std::string, Measures> by_service;
  bool group_known = true;  // every value carried a target group
  std::optional<int> carried_from;
  bool partly_carried = false;  // Oslo with some districts carried forward
  int file = 0;
  int64_t line = 0;
};

using UnitKey = std::pair<std::string, int>;  // code, year

std::string fmt_num(Fixed v, Lang lang) { return format_fixed(v, 2, lang); }

Measures& operator+=(Measures& a, const Measures& b) {
  for (int i = 0; i < 4; ++i) a[i] += b[i];
  return a;
}

struct Context {
  const std::vector<ParsedFile>& files;
  const Settings& settings;
  const Registers& registers;
  detail::PopulationLookup population;
  Diagnostics diagnostics;
  std::map<UnitKey, std::map<CellKey, Cell>> cells;
  std::map<UnitKey, UnitYear> units;
  std::map<std::pair<int, std::string>, ExcludedService> excluded;  // by year, service
  std::set<UnitKey> answered;  // every unit and year with an accepted row, in scope or not
  std::set<int> years;

  const std::string& file_name(int index) const {
    static const std::string none;
    return index >= 0 && index < static_cast<int>(files.size()) ? files[index].name : none;
  }
  void message(Severity s, const char* code, int file, int64_t line, std::string nb, std::string en,
               int year = 0) {
    diagnostics.add(Diagnostic{s, code, file < 0 ? std::string() : file_name(file), line, 0,
                               std::move(nb), std::move(en), year});
  }
};

// --- Units -------------------------------------------------------------------------------

struct UnitInfo {
  Level level;
  std::string name_nb, name_en, county;
  int kostra = 0;
};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Checks a code against the structure of its data year; says what to use instead when it can.
std::optional<UnitInfo> resolve_unit(Context& ctx, const std::string& code, int year, int file,
                                     int64_t line) {
  auto level = level_of_code(code);
  const std::string y = std::to_string(year);
  if (!level || *level == Level::KostraGruppe) {
    ctx.message(Severity::Error, "unit.invalid", file, line,
                "«" + code + "» er ikke et kommunenummer, bydelsnummer, fylkesnummer eller 0 for hele landet. Alle radene for enheten dette året er hoppet over.",
                "'" + code + "' is not a municipality, district or county number, nor 0 for the whole country. All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  if (*level == Level::Land) return UnitInfo{Level::Land, "Hele landet", "Norway", "", 0};
  auto structure = structure_for_year(year);
  if (!structure) {
    ctx.message(Severity::Error, "unit.no_register", file, line,
                "Kalkulatoren har kommune- og fylkesinndelingen fra 2020 og framover; for " + y +
                    " kan bare tall for hele landet (0) regnes ut. Enheten " + code + " er hoppet over.",
                "The calculator knows the municipality and county structure from 2020 on; for " + y +
                    " only figures for the whole country (0) can be computed. Unit " + code + " was skipped.");
    return std::nullopt;
  }
  const auto& reg = ctx.registers;
  if (*level == Level::Fylke) {
    if (const County* c = reg.county(*structure, code)) return UnitInfo{Level::Fylke, c->name, c->name, "", 0};
    ctx.message(Severity::Error, "unit.unknown_county", file, line,
                "Fylke " + code + " fantes ikke i " + y + " (fylkesinndelingen " + to_string(*structure) +
                    "). Sjekk fylkesnummeret. Alle radene for enheten dette året er hoppet over.",
                "County " + code + " did not exist in " + y + " (the " + to_string(*structure) +
                    " structure). Check the county number. All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  if (*level == Level::Bydel) {
    const District* d = reg.district(code);
    if (d && d->reports) return UnitInfo{Level::Bydel, d->name, d->name, "03", 0};
    if (d) {
      ctx.message(Severity::Error, "unit.district_not_reporting", file, line,
                  "Bydel " + code + " " + d->name + " rapporterer ikke årsverk selv (den har bare befolkning). Før årsverkene på Oslo kommune (0301) eller en bydel som rapporterer. Alle radene for enheten dette året er hoppet over.",
                  "District " + code + " " + d->name + " does not report årsverk itself (it only has population). Put the årsverk on Oslo (0301) or a reporting district. All rows for the unit that year were skipped.");
    } else {
      ctx.message(Severity::Error, "unit.unknown_district", file, line,
                  "«" + code + "» er ikke en av Oslos bydeler (030101–030115). Bare Oslos bydeler rapporterer egne årsverk. Alle radene for enheten dette året er hoppet over.",
                  "'" + code + "' is not one of Oslo's districts (030101–030115). Only Oslo's districts report årsverk of their own. All rows for the unit that year were skipped.");
    }
    return std::nullopt;
  }
  if (const Municipality* m = reg.municipality(*structure, code)) {
    std::string name = m->name;
    return UnitInfo{Level::Kommune, name, name, m->county, m->kostra_group};
  }
  // The number may belong to the other structure: say which number to use.
  const Structure other = *structure == Structure::K2024 ? Structure::K2020 : Structure::K2024;
  if (const Municipality* m = reg.municipality(other, code)) {
    auto right = *structure == Structure::K2024 ? reg.numbers_2024_for(code) : reg.numbers_2023_for(code);
    std::vector<std::string> named;
    for (const auto& r : right)
      if (const Municipality* n = reg.municipality(*structure, r)) named.push_back(r + " " + n->name);
    std::string list = join(named, " / ");
    ctx.message(Severity::Error, "unit.wrong_structure", file, line,
                "Kommunenummer " + code + " (" + m->name + ") gjelder kommuneinndelingen " + to_string(other) +
                    ", men året er " + y + ". Bruk " + (list.empty() ? "nummeret som gjaldt det året" : list) +
                    ". Alle radene for enheten dette året er hoppet over.",
                "Municipality number " + code + " (" + m->name + ") belongs to the " + to_string(other) +
                    " structure, but the year is " + y + ". Use " + (list.empty() ? "the number valid that year" : list) +
                    ". All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  ctx.message(Severity::Error, "unit.unknown_municipality", file, line,
              "Kommunenummer " + code + " fantes ikke i " + y + ". Sjekk nummeret mot kommuneinndelingen " +
                  to_string(*structure) + ". Alle radene for enheten dette året er hoppet over.",
              "Municipality number " + code + " did not exist in " + y + ". Check it against the " +
                  to_string(*structure) + " structure. All rows for the unit that year were skipped.");
  return std::nullopt;
}

// --- Reading values into cells ---------------------------------------------------------

bool counts_in_total(Category c) {
  return c != Category::M2 && c != Category::M3 && c != Category::M4 && c != Category::Total;
}

void collect_values(Context& ctx) {
  std::set<UnitKey> bad_units;
  for (std::size_t fi = 0; fi < ctx.files.size(); ++fi) {
    const ParsedFile& f = ctx.files[fi];
    for (const ArsverkValue& v : f.arsverk) {
      const int file = static_cast<int>(fi);
      if (v.year < 2015 || v.year > 2100) {
        ctx.message(Severity::Error, "year.out_of_range", file, v.line,
                    "Året " + std::to_string(v.year) + " er utenfor det indikatoren dekker (2015 og senere). Raden er hoppet over.",
                    "The year " + std::to_string(v.year) + " is outside what the indicator covers (2015 on). The row was skipped.");
        continue;
      }
      const Schema schema = schema_for_year(v.year);
      if (auto cs = schema_of(v.category); cs && *cs != schema) {
        const bool new_cats = *cs == Schema::S2024;
        ctx.message(Severity::Error, "category.wrong_schema", file, v.line,
                    std::string("Kategori «") + to_string(v.category) + "» hører til " +
                        (new_cats ? "skjemaet fra 2024 (a–e), men året er " : "skjemaet for 2015–2023 (M1–M4), men året er ") +
                        std::to_string(v.year) + ". Tallene før og etter 2024 kan ikke blandes; bruk " +
                        (new_cats ? "de fire måltallene M1–M4 for år til og med 2023." : "kategoriene a–e fra og med 2024.") +
                        " Verdien er hoppet over.",
                    std::string("Category '") + to_string(v.category) + "' belongs to the " +
                        (new_cats ? "2024 schema (a–e), but the year is " : "2015–2023 schema (M1–M4), but the year is ") +
                        std::to_string(v.year) + ". Figures before and after 2024 cannot be mixed; use " +
                        (new_cats ? "the four measures M1–M4 for years up to 2023." : "categories a–e from 2024 on.") +
                        " The value was skipped.");
        continue;
      }
      if (bad_units.count({v.unit, v.year})) continue;
      if (!ctx.units.count({v.unit, v.year}) && !ctx.cells.count({v.unit, v.year})) {
        if (!resolve_unit(ctx, v.unit, v.year, file, v.line)) {
          bad_units.insert({v.unit, v.year});
          continue;
        }
      }
      ctx.answered.insert({v.unit, v.year});
      if (!v.service.empty() && service_out_of_scope(v.service)) {
        auto& ex = ctx.excluded[{v.year, v.service}];
        ex.year = v.year;
        ex.service = v.service;
        if (counts_in_total(v.category)) ex.arsverk += v.value;
        if (v.value != Fixed()) ++ex.rows;
        continue;
      }
      Cell& cell = ctx.cells[{v.unit, v.year}][{v.group, v.service}];
      if (at(cell.amounts, v.category)) {
        const int64_t first = cell.lines[static_cast<int>(v.category)];
        ctx.message(Severity::Warning, "value.duplicate", file, v.line,
                    "Samme enhet, år, målgruppe, tjeneste og kategori (" + v.unit + ", " + std::to_string(v.year) + ", " +
                        to_string(v.category) + ") står to ganger; første gang på linje " + std::to_string(first) +
                        ". Bare den første er talt med. Slå radene sammen hvis begge er riktige.",
                    "The same unit, year, target group, service and category (" + v.unit + ", " + std::to_string(v.year) +
                        ", " + to_string(v.category) + ") appears twice; first on line " + std::to_string(first) +
                        ". Only the first is counted. Combine the rows if both are right.");
        continue;
      }
      if (cell.line == 0) { cell.file = file; cell.line = v.line; }
      cell.lines[static_cast<int>(v.category)] = v.line;
      at(cell.amounts, v.category) = v.value;
    }
  }
}

// --- Cells to measures -----------------------------------------------------------------

std::optional<Measures> measures_of(Context& ctx, const Cell& cell, Schema schema, const std::string& unit) {
  const auto& a = cell.amounts;
  auto has = [&](Category c) { return a[static_cast<int>(c)].has_value(); };
  auto v = [&](Category c) { return value_of(a, c); };
  Measures m{};
  if (schema == Schema::S2024) {
    m[0] = v(Category::A) + v(Category::B) + v(Category::C) + v(Category::D) + v(Category::E);
    m[1] = v(Category::A) + v(Category::B);
    m[2] = v(Category::B);
    m[3] = v(Category::D);
    if (has(Category::Total)) {
      const Fixed total = v(Category::Total);
      for (Category c : {Category::A, Category::B, Category::C, Category::D, Category::E}) {
        if (v(c) > total) {
          ctx.message(Severity::Warning, "check.category_above_total", cell.file, cell.line,
                      std::string("Kategori ") + to_string(c) + " (" + fmt_num(v(c), Lang::Nb) + ") er større enn totalen (" +
                          fmt_num(total, Lang::Nb) + ") for " + unit + ". Sjekk tallene før innsending.",
                      std::string("Category ") + to_string(c) + " (" + fmt_num(v(c), Lang::En) + ") is larger than the total (" +
                          fmt_num(total, Lang::En) + ") for " + unit + ". Check the figures before submitting.");
        }
      }
      if (m[0] != total) {
        ctx.message(Severity::Warning, "check.total_mismatch", cell.file, cell.line,
                    "Summen av a–e (" + fmt_num(m[0], Lang::Nb) + ") er ikke lik totalen som er oppgitt (" +
                        fmt_num(total, Lang::Nb) + ") for " + unit + ". Kalkulatoren bruker summen av a–e.",
                    "The sum of a–e (" + fmt_num(m[0], Lang::En) + ") differs from the total given (" +
                        fmt_num(total, Lang::En) + ") for " + unit + ". The calculator uses the sum of a–e.");
      }
    }
    return m;
  }
  const bool nested = has(Category::M1) || has(Category::M2) || has(Category::M3) || has(Category::M4);
  const bool disjoint = has(Category::Ingen) || has(Category::AnnenVgs) || has(Category::VgsHelse) ||
                        has(Category::HoyUten) || has(Category::HoyMed);
  if (nested && disjoint) {
    ctx.message(Severity::Error, "category.mixed_forms", cell.file, cell.line,
                "Samme rad har både måltallene M1–M4 og utdanningsnivåene (ingen, annen_vgs, vgs_helse, hoy_uten, hoy_med) for " +
                    unit + ". Bruk den ene formen. Raden er hoppet over.",
                "The same row has both the measures M1–M4 and the education levels (ingen, annen_vgs, vgs_helse, hoy_uten, hoy_med) for " +
                    unit + ". Use one form. The row was skipped.");
    return std::nullopt;
  }
  if (disjoint) {
    m[3] = v(Category::HoyMed);
    m[2] = m[3] + v(Category::HoyUten);
    m[1] = m[2] + v(Category::VgsHelse);
    m[0] = m[1] + v(Category::AnnenVgs) + v(Category::Ingen);
  } else {
    m = {v(Category::M1), v(Category::M2), v(Category::M3), v(Category::M4)};
    if (has(Category::Total) && !has(Category::M1)) m[0] = v(Category::Total);
    for (int i = 0; i + 1 < 4; ++i) {
      if (m[i] < m[i + 1]) {
        const std::string a_ = "M" + std::to_string(i + 1), b_ = "M" + std::to_string(i + 2);
        ctx.message(Severity::Warning, "check.nested_order", cell.file, cell.line,
                    "Måltallene skal være nøstet (M1 ≥ M2 ≥ M3 ≥ M4), men for " + unit + " er " + a_ + " = " +
                        fmt_num(m[i], Lang::Nb) + " mindre enn " + b_ + " = " + fmt_num(m[i + 1], Lang::Nb) +
                        ". M2 skal telle med alle med høyere utdanning, M3 alle med høyere utdanning, M4 bare dem med videreutdanning. Sjekk tallene; de er brukt slik de står.",
                    "The measures must be nested (M1 ≥ M2 ≥ M3 ≥ M4), but for " + unit + " " + a_ + " = " +
                        fmt_num(m[i], Lang::En) + " is less than " + b_ + " = " + fmt_num(m[i + 1], Lang::En) +
                        ". M2 includes everyone with higher education, M3 all with higher education, M4 only those with further education. Check the figures; they are used as given.");
        break;
      }
    }
  }
  if (has(Category::Total) && (disjoint || has(Category::M1)) && m[0] != v(Category::Total)) {
    ctx.message(Severity::Warning, "check.total_mismatch", cell.file, cell.line,
                "M1 (" + fmt_num(m[0], Lang::Nb) + ") er ikke lik totalen som er oppgitt (" + fmt_num(v(Category::Total), Lang::Nb) +
                    ") for " + unit + ". Kalkulatoren bruker M1" + (disjoint ? ", summen av utdanningsnivåene." : "."),
                "M1 (" + fmt_num(m[0], Lang::En) + ") differs from the total given (" + fmt_num(v(Category::Total), Lang::En) +
                    ") for " + unit + ". The calculator uses M1" + (disjoint ? ", the sum of the education levels." : "."));
  }
  return m;
}

void build_unit_years(Context& ctx) {
  for (auto& [key, cells] : ctx.cells) {
    const auto& [code, year] = key;
    UnitYear uy;
    bool any = false;
    for (auto& [ck, cell] : cells) {
      auto m = measures_of(ctx, cell, schema_for_year(year), code);
      if (!m) continue;
      if (!any) { uy.file = cell.file; uy.line = cell.line; }
      any = true;
      uy.total += *m;
      if (ck.group == TargetGroup::Unspecified) uy.group_known = false;
      else uy.by_group[ck.group] += *m;
      if (!ck.service.empty()) uy.by_service[ck.service] += *m;
    }
    if (any) {
      ctx.units[key] = std::move(uy);
      ctx.years.insert(year);
    }
  }
}

// Whether a unit answered in a year. Oslo answers either as a whole (0301's own rows) or through
// its districts: its own rows count as answered when any district answered, and a district counts
// as answered when Oslo answered only as a whole — so one form is never carried on top of the other.
bool answered_in(const Context& ctx, const std::string& code, int year) {
  if (ctx.answered.count({code, year})) return true;
  const bool is_district = level_of_code(code) == Level::Bydel;
  if (code != "0301" && !is_district) return false;
  bool any_district = false;
  for (const auto& d : ctx.registers.districts()) any_district = any_district || ctx.answered.count({d.code, year});
  return is_district ? ctx.answered.count({"0301", year}) && !any_district : any_district;
}

// Rule 1: a kommune or bydel without an answer (no rows at all, in scope or not) gets the figures
// of the latest earlier year in which it answered, within the same schema and structure.
void carry_forward(Context& ctx) {
  std::set<std::string> codes;
  for (const auto& [key, uy] : ctx.units) {
    auto level = level_of_code(key.first);
    if (level == Level::Kommune || level == Level::Bydel) codes.insert(key.first);
  }
  for (const std::string& code : codes) {
    for (int year : ctx.years) {
      if (answered_in(ctx, code, year)) continue;
      int from = 0;
      for (int y : ctx.years)
        if (y < year && schema_for_year(y) == schema_for_year(year) && answered_in(ctx, code, y)) from = y;
      if (from == 0 || structure_for_year(from) != structure_for_year(year)) continue;
      auto it = ctx.units.find({code, from});
      if (it == ctx.units.end()) continue;  // e.g. a district when Oslo answered as a whole
      UnitYear carried = it->second;
      carried.carried_from = from;
      ctx.units[{code, year}] = std::move(carried);
    }
  }
}

// --- Results ----------------------------------------------------------------------------

Rates rates_of(const Measures& m, int64_t population) {
  Rates r{};
  for (int i = 0; i < 4; ++i) r[i] = rate_per_1000(m[i], population);
  return r;
}

int population_year_for(const Settings& s, int year) {
  return s.population_year == PopulationYear::Next ? year + 1 : year;
}

struct PopulationTally {
  std::map<int, PopulationUse> by_year;
  void count(int data_year, int pop_year, PopulationSource s) {
    auto& u = by_year[data_year];
    u.data_year = data_year;
    u.population_year = pop_year;
    (s == PopulationSource::File ? u.from_files : u.from_embedded)++;
  }
};

bool assign_population(Context& ctx, Result& r, PopulationTally& tally, int file, int64_t line) {
  const int pop_year = population_year_for(ctx.settings, r.year);
  auto found = ctx.population.find(r.code, r.level, structure_for_year(r.year), pop_year);
  if (!found || found->persons <= 0) {
    const std::string what = r.code + " " + r.name;
    ctx.message(Severity::Error, "population.missing", file, line,
                "Mangler befolkning for " + what + " 1. januar " + std::to_string(pop_year) +
                    ", så årsverk per 1 000 innbyggere kan ikke regnes ut for " + std::to_string(r.year) +
                    ". Legg til en befolkningsfil (for eksempel SSBs tabell 07459) som har med enheten, eller velg et annet befolkningsår.",
                "No population for " + what + " on 1 January " + std::to_string(pop_year) +
                    ", so årsverk per 1 000 inhabitants cannot be computed for " + std::to_string(r.year) +
                    ". Add a population file (for example SSB table 07459) that includes the unit, or choose the other population year.", r.year);
    return false;
  }
  r.population = found->persons;
  r.population_year = pop_year;
  r.population_source = found->source;
  r.population_file = found->file;
  tally.count(r.year, pop_year, found->source);
  return true;
}

Result base_result(Level level, const std::string& code, const UnitInfo& info, int year, Lang lang) {
  Result r;
  r.level = level;
  r.code = code;
  r.name = lang == Lang::Nb ? info.name_nb : info.name_en;
  r.year = year;
  r.schema = schema_for_year(year);
  r.county = info.county;
  if (info.kostra) r.kostra = kostra_group_code(info.kostra);
  return r;
}

void apply_unit_year(Result& r, const UnitYear& uy) {
  r.arsverk = uy.total;
  r.by_group = uy.by_group;
  r.by_service = uy.by_service;
  r.carried_from = uy.carried_from;
  if (uy.carried_from) r.flags.push_back("carried_forward");
}

// Oslo kommune = its own rows + the sum of its districts, rated on 0301's population.
void merge_oslo(Context& ctx) {
  std::set<int> years;
  for (const auto& [key, uy] : ctx.units)
    if (level_of_code(key.first) == Level::Bydel) years.insert(key.second);
  for (int year : years) {
    UnitYear oslo;
    int parts = 0, carried_parts = 0, latest_carried = 0;
    auto count_part = [&](const UnitYear& part) {
      ++parts;
      if (part.carried_from) {
        ++carried_parts;
        latest_carried = std::max(latest_carried, *part.carried_from);
      }
    };
    if (auto own = ctx.units.find({"0301", year}); own != ctx.units.end()) {
      oslo = own->second;
      count_part(oslo);
    }
    for (const auto& d : ctx.registers.districts()) {
      auto it = ctx.units.find({d.code, year});
      if (it == ctx.units.end()) continue;
      const UnitYear& part = it->second;
      if (parts == 0) { oslo.file = part.file; oslo.line = part.line; }
      oslo.total += part.total;
      for (const auto& [g, m] : part.by_group) oslo.by_group[g] += m;
      for (const auto& [s, m] : part.by_service) oslo.by_service[s] += m;
      oslo.group_known = oslo.group_known && part.group_known;
      count_part(part);
    }
    oslo.carried_from = carried_parts == parts ? std::optional<int>(latest_carried) : std::nullopt;
    oslo.partly_carried = carried_parts > 0 && carried_parts < parts;
    ctx.units[{"0301", year}] = std::move(oslo);
  }
}

Distribution distribution_of(std::vector<double> v) {
  Distribution d;
  d.n = static_cast<int>(v.size());
  if (v.empty()) return d;
  std::sort(v.begin(), v.end());
  // Linear interpolation between closest ranks (Excel PERCENTILE.INC, R type 7).
  auto q = [&](double p) {
    double h = (v.size() - 1) * p;
    std::size_t lo = static_cast<std::size_t>(std::floor(h));
    std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  };
  d.min = v.front();
  d.max = v.back();
  d.p25 = q(0.25);
  d.median = q(0.5);
  d.p75 = q(0.75);
  double sum = 0;
  for (double x : v) sum += x;
  d.mean = sum / v.size();
  return d;
}

}  // namespace

Report compute(const std::vector<ParsedFile>& files, const Settings& settings, const Registers& registers) {
  Context ctx{files, settings, registers, detail::PopulationLookup(files, registers), {}, {}, {}, {}, {}, {}};
  collect_values(ctx);
  build_unit_years(ctx);
  if (settings.carry_forward) carry_forward(ctx);
  merge_oslo(ctx);

  Report report;
  PopulationTally tally;
  const Lang lang = settings.lang;
  std::vector<Result> results;

  // Units as reported (kommune, bydel) and aggregates given directly (fylke, land).
  std::map<UnitKey, std::size_t> index;
  std::set<int> suppression_unknown_years;
  for (const auto& [key, uy] : ctx.units) {
    const auto& [code, year] = key;
    auto info = resolve_unit(ctx, code, year, uy.file, uy.line);
    if (!info) continue;
    Result r = base_result(info->level, code, *info, year, lang);
    apply_unit_year(r, uy);
    r.partly_carried = uy.partly_carried;
    r.direct = info->level == Level::Fylke || info->level == Level::Land;
    if (!assign_population(ctx, r, tally, uy.file, uy.line)) continue;
    r.per_1000 = rates_of(r.arsverk, r.population);
    if (r.level == Level::Kommune && settings.suppression) {
      if (!uy.group_known) {
        suppression_unknown_years.insert(year);
      } else {
        const bool adults = uy.by_group.count(TargetGroup::Adults) && uy.by_group.at(TargetGroup::Adults)[0] > Fixed();
        const bool children = uy.by_group.count(TargetGroup::Children) && uy.by_group.at(TargetGroup::Children)[0] > Fixed();
        if (!adults || !children) {
          r.suppressed = true;
          r.suppression_reason = !adults && !children ? "no_adults_no_children" : !adults ? "no_adults" : "no_children";
          r.flags.push_back("suppressed");
        }
      }
    }
    index[key] = results.size();
    results.push_back(std::move(r));
  }
  for (int year : suppression_unknown_years) {
    ctx.message(Severity::Info, "suppression.not_applied", -1, 0,
                "Regelen om å holde utenfor kommuner uten egne årsverk for voksne eller for barn og unge kunne ikke brukes for " +
                    std::to_string(year) + " fordi årsverkene mangler målgruppe (voksne / barn og unge). Legg til en kolonne «målgruppe» for å bruke den.",
                "The rule that leaves out municipalities without own årsverk for adults or for children and young people could not be applied for " +
                    std::to_string(year) + " because the årsverk have no target group (adults / children and young people). Add a 'målgruppe' column to apply it.", year);
  }

  // Aggregates: fylke, land, KOSTRA group, from the municipalities with data.
  for (int year : ctx.years) {
    auto structure = structure_for_year(year);
    if (!structure) continue;
    struct Acc { Measures num{}; int64_t pop = 0; int members = 0; bool carried = false; std::map<TargetGroup, Measures> groups; std::map<std::string, Measures> services; };
    std::map<std::string, Acc> fylke, kostra;
    Acc land;
    for (const Result& r : results) {
      if (r.year != year || r.level != Level::Kommune) continue;
      for (Acc* a : {&fylke[r.county], &kostra[r.kostra], &land}) {
        a->num += r.arsverk;
        a->pop += r.population;
        ++a->members;
        a->carried = a->carried || r.carried_from || r.partly_carried;
        for (const auto& [g, m] : r.by_group) a->groups[g] += m;
        for (const auto& [s, m] : r.by_service) a->services[s] += m;
      }
    }
    const int pop_year = population_year_for(settings, year);
    auto total_population = [&](const std::function<bool(const Municipality&)>& in) {
      int64_t sum = 0;
      int n = 0;
      for (const auto& m : registers.municipalities(*structure)) {
        if (!in(m)) continue;
        ++n;
        if (auto p = ctx.population.find(m.code, Level::Kommune, structure, pop_year)) sum += p->persons;
      }
      return std::make_pair(sum, n);
    };
    auto emit = [&](Level level, const std::string& code, const std::string& name, const Acc& a,
                    const std::function<bool(const Municipality&)>& in) {
      if (a.members == 0 || a.pop <= 0) return;
      if (index.count({code, year})) {
        ctx.message(Severity::Warning, "aggregate.given_and_computed", -1, 0,
                    "Tall for " + name + " " + std::to_string(year) + " er oppgitt direkte og kan også regnes ut fra kommunene. Kalkulatoren bruker tallene som er oppgitt direkte.",
                    "Figures for " + name + " " + std::to_string(year) + " are given directly and can also be computed from the municipalities. The calculator uses the figures given directly.", year);
        return;
      }
      Result r;
      r.level = level;
      r.code = code;
      r.name = name;
      r.year = year;
      r.schema = schema_for_year(year);
      r.arsverk = a.num;
      r.population = a.pop;
      r.population_year = pop_year;
      r.per_1000 = rates_of(a.num, a.pop);
      r.members = a.members;
      r.by_group = a.groups;
      r.by_service = a.services;
      r.partly_carried = a.carried;
      auto [all_pop, all_n] = total_population(in);
      r.members_total = all_n;
      r.coverage = all_pop > 0 ? std::min(1.0, static_cast<double>(a.pop) / static_cast<double>(all_pop)) : 1.0;
      if (level == Level::Fylke) r.county = code;
      if (level == Level::KostraGruppe) r.kostra = code;
      results.push_back(std::move(r));
    };
    for (const auto& c : registers.counties(*structure)) {
      auto it = fylke.find(c.code);
      if (it != fylke.end())
        emit(Level::Fylke, c.code, c.name, it->second, [&](const Municipality& m) { return m.county == c.code; });
    }
    emit(Level::Land, "0", lang == Lang::Nb ? "Hele landet" : "Norway", land, [](const Municipality&) { return true; });
    for (const auto& [group, acc] : kostra) {
      auto n = kostra_group_number(group);
      if (!n) continue;
      const std::string name = (lang == Lang::Nb ? "KOSTRA-gruppe " : "KOSTRA group ") + std::to_string(*n);
      emit(Level::KostraGruppe, group, name, acc, [&](const Municipality& m) { return m.kostra_group == *n; });
    }
  }

  // KOSTRA distributions and each municipality's place in its group.
  std::map<std::pair<std::string, int>, std::vector<const Result*>> members;
  for (const Result& r : results)
    if (r.level == Level::Kommune && !r.suppressed) members[{r.kostra, r.year}].push_back(&r);
  for (Result& g : results) {
    if (g.level != Level::KostraGruppe) continue;
    std::array<Distribution, 4> dist;
    for (int i = 0; i < 4; ++i) {
      std::vector<double> v;
      for (const Result* m : members[{g.code, g.year}]) v.push_back(m->per_1000[i]);
      dist[i] = distribution_of(std::move(v));
    }
    g.distribution = dist;
  }
  std::map<std::pair<std::string, int>, const Result*> groups;
  for (const Result& r : results)
    if (r.level == Level::KostraGruppe) groups[{r.code, r.year}] = &r;
  for (Result& r : results) {
    if (r.level != Level::Kommune || r.suppressed) continue;
    auto g = groups.find({r.kostra, r.year});
    if (g == groups.end() || !g->second->distribution) continue;
    GroupComparison c;
    c.group = r.kostra;
    const auto& peers = members[{r.kostra, r.year}];
    c.n = static_cast<int>(peers.size());
    for (int i = 0; i < 4; ++i) {
      const Distribution& d = (*g->second->distribution)[i];
      int higher = 0;
      for (const Result* p : peers) higher += p->per_1000[i] > r.per_1000[i];
      c.rank[i] = higher + 1;
      c.median[i] = d.median;
      c.diff_from_median[i] = r.per_1000[i] - d.median;
      const double iqr = d.p75 - d.p25;
      c.fence[i] = r.per_1000[i] < d.p25 - 1.5 * iqr ? Fence::Low
                   : r.per_1000[i] > d.p75 + 1.5 * iqr ? Fence::High
                                                       : Fence::Inside;
    }
    if (c.fence[0] == Fence::High) r.flags.push_back("outside_fences_high");
    if (c.fence[0] == Fence::Low) r.flags.push_back("outside_fences_low");
    r.comparison = c;
  }

  // Change from the previous year within the same schema, and the plausibility checks.
  std::map<std::tuple<Level, std::string, int>, const Result*> by_key;
  for (const Result& r : results) by_key[{r.level, r.code, r.year}] = &r;
  for (Result& r : results) {
    auto prev = by_key.find({r.level, r.code, r.year - 1});
    if (prev != by_key.end() && prev->second->schema == r.schema && !prev->second->suppressed && !r.suppressed) {
      Change ch;
      ch.from_year = r.year - 1;
      for (int i = 0; i < 4; ++i) {
        const double before = prev->second->per_1000[i];
        ch.per_1000[i] = r.per_1000[i] - before;
        if (before > 0) ch.percent[i] = (r.per_1000[i] - before) / before * 100.0;
      }
      r.change = ch;
    }
    if (r.level != Level::Kommune && r.level != Level::Bydel) continue;
    const std::string who = r.code + " " + r.name + " " + std::to_string(r.year);
    const int64_t line = ctx.units.count({r.code, r.year}) ? ctx.units[{r.code, r.year}].line : 0;
    const int file = ctx.units.count({r.code, r.year}) ? ctx.units[{r.code, r.year}].file : -1;
    if (r.per_1000[0] > 15.0) {
      r.flags.push_back("rate_high");
      ctx.message(Severity::Warning, "check.rate_high", file, line,
                  who + ": " + format_double(r.per_1000[0], 1, Lang::Nb) + " årsverk per 1 000 innbyggere er uvanlig høyt (over 15). Sjekk at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
                  who + ": " + format_double(r.per_1000[0], 1, Lang::En) + " årsverk per 1,000 inhabitants is implausibly high (above 15). Check that årsverk are not given as hours or persons, and that the population is for the whole unit.", r.year);
    } else if (r.arsverk[0] == Fixed()) {
      r.flags.push_back("rate_zero");
      ctx.message(Severity::Warning, "check.rate_zero", file, line,
                  who + ": ingen årsverk i psykisk helse- og rusarbeid. Sjekk at dette stemmer før innsending.",
                  who + ": no årsverk in mental health and substance abuse work. Check that this is right before submitting.", r.year);
    }
    if (r.change && r.change->percent[0] && std::fabs(*r.change->percent[0]) > 30.0 && !r.carried_from) {
      r.flags.push_back("change_large");
      const std::string pct_nb = format_double(*r.change->percent[0], 0, Lang::Nb);
      const std::string pct_en = format_double(*r.change->percent[0], 0, Lang::En);
      ctx.message(Severity::Warning, "check.change_large", file, line,
                  who + ": årsverk per 1 000 innbyggere har endret seg " + pct_nb + " % fra " + std::to_string(r.change->from_year) +
                      " (mer enn 30 %). Sjekk at endringen er reell.",
                  who + ": årsverk per 1,000 inhabitants changed by " + pct_en + " % from " + std::to_string(r.change->from_year) +
                      " (more than 30 %). Check that the change is real.", r.year);
    }
  }

  const bool any_arsverk = std::any_of(files.begin(), files.end(), [](const ParsedFile& f) {
    return f.kind == FileKind::Arsverk;
  });
  for (std::size_t fi = 0; fi < files.size() && !any_arsverk; ++fi) {
    if (files[fi].kind != FileKind::Population) continue;
    ctx.message(Severity::Error, "input.no_arsverk", static_cast<int>(fi), 0,
                "Dette er en befolkningsfil, og ingen av filene inneholder årsverk, så det er ingenting å regne ut. Legg til en fil med årsverk (kommune, år og årsverk per utdanningskategori).",
                "This is a population file, and none of the files holds årsverk, so there is nothing to compute. Add a file with årsverk (unit, year and årsverk per education category).");
  }

  for (const auto& [key, ex] : ctx.excluded) {
    const std::string& name = ex.service;
    const std::string y = std::to_string(ex.year);
    if (!settings.year || *settings.year == ex.year) report.excluded.push_back(ex);
    ctx.message(Severity::Info, "scope.excluded", -1, 0,
                y + ": " + fmt_num(ex.arsverk, Lang::Nb) + " årsverk for «" + name +
                    "» er holdt utenfor, fordi generelt forebyggende arbeid, demens og psykisk utviklingshemming ikke hører med i indikatoren (" +
                    std::to_string(ex.rows) + " verdier).",
                y + ": " + fmt_num(ex.arsverk, Lang::En) + " årsverk for '" + name +
                    "' were left out, because general prevention, dementia and intellectual disability are not part of the indicator (" +
                    std::to_string(ex.rows) + " values).",
                ex.year);
  }

  const int level_order[] = {3, 4, 1, 0, 2};  // land, fylke, kostragruppe, kommune, bydel
  std::stable_sort(results.begin(), results.end(), [&](const Result& a, const Result& b) {
    return std::make_tuple(a.year, level_order[static_cast<int>(a.level)], a.code) <
           std::make_tuple(b.year, level_order[static_cast<int>(b.level)], b.code);
  });
  if (settings.year) {
    results.erase(std::remove_if(results.begin(), results.end(), [&](const Result& r) { return r.year != *settings.year; }),
                  results.end());
  }
  std::set<int> years;
  for (const Result& r : results) years.insert(r.year);
  report.years.assign(years.begin(), years.end());
  for (const auto& [y, use] : tally.by_year)
    if (!settings.year || y == *settings.year) report.population_use.push_back(use);

  for (const ParsedFile& f : files) {
    report.files.push_back(&f);
    report.diagnostics.insert(report.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
  ctx.diagnostics.close_file("");
  for (const ParsedFile& f : files) ctx.diagnostics.close_file(f.name);
  for (const Diagnostic& d : ctx.diagnostics.items())
    if (!settings.year || d.year == 0 || d.year == *settings.year) report.diagnostics.push_back(d);
  report.results = std::move(results);
  return report;
}

}  // namespace arsverk
