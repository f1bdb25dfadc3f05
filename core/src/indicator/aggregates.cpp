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

  static void add_present(Amounts& into, const Amounts& m, Present& ok) {
    for (int i = 0; i < 4; ++i) {
      if (!m[i]) continue;
      if (!into[i]) into[i] = Fixed();
      ok[i] = into[i]->add_checked(*m[i]) && ok[i];
    }
  }
  // Returns the measures whose sums stayed in range.
  Present add(const Result& r) {
    Present ok{true, true, true, true};
    for (int i = 0; i < 4; ++i) {
      if (!r.arsverk[i]) continue;
      ok[i] = add_checked(measure_pop[i], r.population);
      ++measure_members[i];
    }
    add_present(num, r.arsverk, ok);
    if (!add_checked(pop, r.population)) ok = {};
    ++members;
    carried = carried || r.carried_from || r.partly_carried;
    for (const auto& [g, m] : r.by_group) add_present(groups[g], m, ok);
    for (const auto& [s, m] : r.by_service) add_present(services[s], m, ok);
    for (int i = 0; i < 4; ++i) broken[i] = broken[i] || !ok[i];
    return ok;
  }
  // The sums as shown: a broken measure is absent, in the total and by group and service.
  Amounts shown(Amounts a) const {
    for (int i = 0; i < 4; ++i)
      if (broken[i]) a[i].reset();
    return a;
  }
};

struct YearAggregates {
  std::map<std::string, Accumulator> fylke, kostra;
  Accumulator land;
};

YearAggregates accumulate(Context& ctx, int year) {
  YearAggregates y;
  for (const Result& r : ctx.results) {
    if (r.year != year || r.level != Level::Kommune) continue;
    const UnitYear& uy = ctx.units.at({r.code, r.year});
    for (Accumulator* a : {&y.fylke[r.county], &y.kostra[r.kostra], &y.land}) {
      const Present ok = a->add(r);
      report_overflow(ctx, uy.file, uy.line, r.code, year, ok);
    }
  }
  return y;
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
      auto p = population.find(m.code, Level::Kommune, structure, pop_year);
      it->second.push_back(p ? std::optional<int64_t>(p->persons) : std::nullopt);
    }
    fill_from_county(*this, structure, pop_year, it->second);
  }
  return it->second;
}

namespace {

void emit(Context& ctx, int year, Structure structure, Level level, const std::string& code,
          const std::string& name, const Accumulator& a, const MemberTest& in) {
  if (a.members == 0 || a.pop <= 0) return;
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
  r.arsverk = a.shown(a.num);
  r.population = a.pop;
  r.population_year = pop_year;
  r.measure_population = a.measure_pop;
  r.measure_members = a.measure_members;
  r.per_1000 = rates_of(a.num, a.measure_pop);
  r.members = a.members;
  for (const auto& [g, m] : a.groups) r.by_group[g] = a.shown(m);
  for (const auto& [sv, m] : a.services) r.by_service[sv] = a.shown(m);
  r.partly_carried = a.carried;
  auto [all_pop, all_n] = municipalities_population(ctx, structure, pop_year, in);
  r.members_total = all_n;
  r.coverage = all_pop > 0 ? std::min(1.0, static_cast<double>(a.pop) / all_pop) : 1.0;
  r.aggregate_coverage.members = a.members;
  r.aggregate_coverage.members_total = all_n;
  r.aggregate_coverage.population_share = r.coverage;
  r.aggregate_coverage.decide();
  if (level == Level::Fylke) r.county = code;
  if (level == Level::KostraGruppe) r.kostra = code;
  ctx.results.push_back(std::move(r));
}

void aggregate_year(Context& ctx, int year, Structure structure) {
  const YearAggregates acc = accumulate(ctx, year);
  for (const auto& c : ctx.registers.counties(structure)) {
    auto it = acc.fylke.find(c.code);
    if (it == acc.fylke.end()) continue;
    emit(ctx, year, structure, Level::Fylke, c.code, c.name, it->second,
         [&](const Municipality& m) { return m.county == c.code; });
  }
  emit(ctx, year, structure, Level::Land, "0", unit_name(Level::Land, "0", "", ctx.settings.lang), acc.land,
       [](const Municipality&) { return true; });
  for (const auto& [group, a] : acc.kostra) {
    auto n = kostra_group_number(group);
    if (!n) continue;
    emit(ctx, year, structure, Level::KostraGruppe, group, unit_name(Level::KostraGruppe, group, "", ctx.settings.lang), a,
         [&](const Municipality& m) { return m.kostra_group == *n; });
  }
}

}  // namespace

void build_aggregates(Context& ctx) {
  for (int year : ctx.years)
    if (auto structure = structure_for_year(year)) aggregate_year(ctx, year, *structure);
}

}  // namespace arsverk::detail
