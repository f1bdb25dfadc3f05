// Results: one per unit as reported (kommune, bydel) or given directly (fylke, land), with its
// population and rates.
#include "context.hpp"

namespace arsverk::detail {

Amounts shown(const Measures& measures, const Present& present) {
  Amounts amounts{};
  for (int i = 0; i < 4; ++i)
    if (present[i]) amounts[i] = measures[i];
  return amounts;
}

Rates rates_of(const Amounts& m, const std::array<int64_t, 4>& population) {
  Rates r{};
  for (int i = 0; i < 4; ++i)
    if (m[i] && population[i] > 0) r[i] = rate_per_1000(*m[i], population[i]);
  return r;
}

int population_year_for(const Settings& s, int year) {
  return s.population_year == PopulationYear::Next ? year + 1 : year;
}

void PopulationTally::count(int data_year, int pop_year, PopulationSource s) {
  auto& u = by_year[data_year];
  u.data_year = data_year;
  u.population_year = pop_year;
  (s == PopulationSource::File ? u.from_files : u.from_embedded)++;
}

namespace {

bool assign_population(Context& ctx, Result& r, int file, int64_t line) {
  const int pop_year = population_year_for(ctx.settings, r.year);
  auto found = ctx.population.find(r.code, r.level, structure_for_year(r.year), pop_year);
  if (!found || found->persons <= 0) {
    const std::string what = r.code + " " + r.name;
    ctx.message(file, line, msg::PopulationMissing{what, pop_year, r.year}, r.year);
    return false;
  }
  r.population = found->persons;
  r.population_year = pop_year;
  r.population_source = found->source;
  r.population_file = found->file;
  ctx.tally.count(r.year, pop_year, found->source);
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
  r.arsverk = shown(uy.total, uy.present);
  for (const auto& [g, m] : uy.by_group) r.by_group[g] = shown(m, uy.present);
  for (const auto& [s, m] : uy.by_service) r.by_service[s] = shown(m, uy.present);
  r.carried_from = uy.carried_from;
  if (uy.carried_from) r.flags.push_back("carried_forward");
}

std::string named(const Registers& reg, Structure s, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    const Municipality* m = reg.municipality(s, c);
    out += (out.empty() ? "" : " + ") + c + (m ? " " + m->name : "");
  }
  return out;
}

// The link across the 2024 renumbering; one series only where one territory maps to one.
Renumbering renumbering_of(const Registers& reg, const std::string& code, int year) {
  Renumbering link;
  const bool before = year < 2024;
  if (before) link.successor = reg.numbers_2024_for(code);
  else link.predecessor = reg.numbers_2023_for(code);
  std::vector<std::string> olds = before ? std::vector<std::string>{code} : link.predecessor;
  std::vector<std::string> news = before ? link.successor : std::vector<std::string>{code};
  if (olds.empty() || news.empty()) return link;
  if (olds.size() == 1) news = reg.numbers_2024_for(olds[0]);
  if (news.size() == 1) olds = reg.numbers_2023_for(news[0]);
  link.continuity = olds.size() == 1 && news.size() == 1;
  if (link.continuity) return link;
  const std::string change = named(reg, Structure::K2020, olds) + " → " + named(reg, Structure::K2024, news);
  const std::string self = named(reg, before ? Structure::K2020 : Structure::K2024, {code});
  link.note_nb = "Kommuneendring 2024: " + change + ". Tallene for " + self +
                 " kan ikke følges som én serie over skillet; de gjelder ikke samme område.";
  link.note_en = "Municipal change in 2024: " + change + ". The figures for " + self +
                 " cannot be followed as one series across the break; they are not for the same area.";
  return link;
}

}  // namespace

void build_results(Context& ctx) {
  constexpr std::size_t kAggregatesPerYear = 64;  // counties, KOSTRA groups and the land, with room
  ctx.results.reserve(ctx.units.size_at_most() + kAggregatesPerYear * ctx.years.size());
  ctx.units.for_each([&](const UnitKey& key, const UnitYear& uy) {
    const auto& [code, year] = key;
    auto info = resolve_unit(ctx, code, year, uy.file, uy.line);
    if (!info) return;
    Result r = base_result(info->level, code, *info, year, ctx.settings.lang);
    apply_unit_year(r, uy);
    r.partly_carried = uy.partly_carried;
    r.direct = info->level == Level::Fylke || info->level == Level::Land;
    if (!assign_population(ctx, r, uy.file, uy.line)) return;
    for (int i = 0; i < 4; ++i) r.measure_population[i] = r.arsverk[i] ? r.population : 0;
    if (r.level == Level::Kommune && structure_for_year(year)) r.renumbering = renumbering_of(ctx.registers, code, year);
    r.per_1000 = rates_of(r.arsverk, r.measure_population);
    ctx.index[key] = ctx.results.size();
    ctx.results.push_back(std::move(r));
  });
}

}  // namespace arsverk::detail
