// Aggregates: fylke, land and KOSTRA group computed from their member municipalities with data —
// sums of numerators over sums of populations, never an average of rates.
#include <algorithm>
#include <functional>

#include "context.hpp"

namespace arsverk::detail {

namespace {

using MemberTest = std::function<bool(const Municipality&)>;

// Each measure sums only the members that have it (docs/indicator.md, "Aggregation"). A measure
// whose sum would overflow is marked broken and left absent.
struct Accumulator {
  Amounts num{};
  std::array<int64_t, 4> measure_pop{};
  std::array<int, 4> measure_members{};
  Present broken{};
  int64_t pop = 0;
  int members = 0;
  bool carried = false;
  std::map<TargetGroup, Amounts> groups;
  std::map<std::string, Amounts> services;

  static void add_present(Amounts& into, const Amounts& amounts, Present& fits) {
    for (int i = 0; i < 4; ++i) {
      if (!amounts[i]) continue;
      if (!into[i]) into[i] = Fixed();
      fits[i] = into[i]->add_checked(*amounts[i]) && fits[i];
    }
  }
  // Returns the measures whose sums stayed in range.
  Present add(const Result& r) {
    Present fits{true, true, true, true};
    for (int i = 0; i < 4; ++i) {
      if (!r.arsverk[i]) continue;
      fits[i] = add_checked(measure_pop[i], r.population);
      ++measure_members[i];
    }
    add_present(num, r.arsverk, fits);
    if (!add_checked(pop, r.population)) fits = {};
    ++members;
    carried = carried || r.carried_from || r.partly_carried;
    for (const auto& [group, amounts] : r.by_group) add_present(groups[group], amounts, fits);
    for (const auto& [service, amounts] : r.by_service) add_present(services[service], amounts, fits);
    for (int i = 0; i < 4; ++i) broken[i] = broken[i] || !fits[i];
    return fits;
  }
  // The sums as shown: a broken measure is absent, in the total and by group and service.
  Amounts shown(Amounts sums) const {
    for (int i = 0; i < 4; ++i)
      if (broken[i]) sums[i].reset();
    return sums;
  }
};

struct YearAggregates {
  std::map<std::string, Accumulator> fylke, kostra;
  Accumulator land;
};

YearAggregates accumulate(Context& ctx, int year) {
  YearAggregates sums;
  for (const Result& r : ctx.results) {
    if (r.year != year || r.level != Level::Kommune) continue;
    const UnitYear& uy = ctx.units.at({r.code, r.year});
    for (Accumulator* aggregate : {&sums.fylke[r.county], &sums.kostra[r.kostra], &sums.land}) {
      const Present fits = aggregate->add(r);
      report_overflow(ctx, uy.file, uy.line, r.code, year, fits);
    }
  }
  return sums;
}

}  // namespace

std::pair<double, int> municipalities_population(const Context& ctx, Structure structure, int pop_year,
                                                 const MemberTest& in) {
  double sum = 0;  // for the coverage ratio only: exact below 2^53, never undefined
  int n = 0;
  const auto& all = ctx.registers.municipalities(structure);
  const auto& persons = ctx.municipality_populations(structure, pop_year);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!in(all[i])) continue;
    ++n;
    if (persons[i]) sum += static_cast<double>(*persons[i]);
  }
  return {sum, n};
}

namespace {

// A municipality of the year's register without a figure of its own (1507 Ålesund 2020–2022:
// SSB's figures on 2024 borders only have its successors from 2024) is still part of the
// denominator: its county's population less the county's other municipalities, when it is the
// only one of its county without a figure.
void fill_from_county(const Context& ctx, Structure structure, int pop_year,
                      std::vector<std::optional<int64_t>>& persons) {
  const auto& all = ctx.registers.municipalities(structure);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (persons[i]) continue;
    auto county = ctx.population.find(all[i].county, Level::Fylke, structure, pop_year);
    if (!county) continue;
    int64_t rest = county->persons;
    bool alone = true;
    for (std::size_t j = 0; j < all.size() && alone; ++j) {
      if (j == i || all[j].county != all[i].county) continue;
      if (persons[j]) rest -= *persons[j];
      else alone = false;
    }
    if (alone && rest > 0) persons[i] = rest;
  }
}

}  // namespace

const std::vector<std::optional<int64_t>>& Context::municipality_populations(Structure structure, int pop_year) const {
  auto [it, added] = municipality_populations_.try_emplace({structure, pop_year});
  if (added) {
    for (const auto& m : registers.municipalities(structure)) {
      auto found = population.find(m.code, Level::Kommune, structure, pop_year);
      it->second.push_back(found ? std::optional<int64_t>(found->persons) : std::nullopt);
    }
    fill_from_county(*this, structure, pop_year, it->second);
  }
  return it->second;
}

namespace {

void emit(Context& ctx, int year, Structure structure, Level level, const std::string& code,
          const std::string& name, const Accumulator& sums, const MemberTest& in) {
  if (sums.members == 0 || sums.pop <= 0) return;
  if (ctx.index.count({code, year})) {
    ctx.message(-1, 0, msg::AggregateGivenAndComputed{name, year}, year);
    return;
  }
  const int pop_year = population_year_for(ctx.settings, year);
  Result r;
  r.level = level;
  r.code = code;
  r.name = name;
  r.year = year;
  r.schema = schema_for_year(year);
  r.arsverk = sums.shown(sums.num);
  r.population = sums.pop;
  r.population_year = pop_year;
  r.measure_population = sums.measure_pop;
  r.measure_members = sums.measure_members;
  r.per_1000 = rates_of(sums.num, sums.measure_pop);
  r.members = sums.members;
  for (const auto& [group, amounts] : sums.groups) r.by_group[group] = sums.shown(amounts);
  for (const auto& [service, amounts] : sums.services) r.by_service[service] = sums.shown(amounts);
  r.partly_carried = sums.carried;
  auto [all_pop, all_count] = municipalities_population(ctx, structure, pop_year, in);
  r.members_total = all_count;
  r.coverage = all_pop > 0 ? std::min(1.0, static_cast<double>(sums.pop) / all_pop) : 1.0;
  r.aggregate_coverage.members = sums.members;
  r.aggregate_coverage.members_total = all_count;
  r.aggregate_coverage.population_share = r.coverage;
  r.aggregate_coverage.decide();
  if (level == Level::Fylke) r.county = code;
  if (level == Level::KostraGruppe) r.kostra = code;
  ctx.results.push_back(std::move(r));
}

void aggregate_year(Context& ctx, int year, Structure structure) {
  const YearAggregates sums = accumulate(ctx, year);
  const Lang lang = ctx.settings.lang;
  for (const auto& county : ctx.registers.counties(structure)) {
    auto it = sums.fylke.find(county.code);
    if (it == sums.fylke.end()) continue;
    emit(ctx, year, structure, Level::Fylke, county.code, county.name, it->second,
         [&](const Municipality& m) { return m.county == county.code; });
  }
  emit(ctx, year, structure, Level::Land, "0", unit_name(Level::Land, "0", "", lang), sums.land,
       [](const Municipality&) { return true; });
  for (const auto& [group, group_sums] : sums.kostra) {
    auto number = kostra_group_number(group);
    if (!number) continue;
    emit(ctx, year, structure, Level::KostraGruppe, group, unit_name(Level::KostraGruppe, group, "", lang), group_sums,
         [&](const Municipality& m) { return m.kostra_group == *number; });
  }
}

}  // namespace

void build_aggregates(Context& ctx) {
  for (int year : ctx.years)
    if (auto structure = structure_for_year(year)) aggregate_year(ctx, year, *structure);
}

}  // namespace arsverk::detail
