// Comparisons: the distribution of rates in each KOSTRA group, each municipality's place in its
// group, and every unit's change from the previous year within the same schema.
#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "context.hpp"
#include "published.hpp"

namespace arsverk::detail {

namespace {

Distribution distribution_of(std::vector<double> v) {
  Distribution d;
  d.n = static_cast<int>(v.size());
  if (v.empty()) return d;
  std::sort(v.begin(), v.end());
  // Linear interpolation between closest ranks (Excel PERCENTILE.INC, R type 7).
  auto percentile = [&](double p) {
    double rank = (v.size() - 1) * p;
    std::size_t lo = static_cast<std::size_t>(std::floor(rank));
    std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (rank - lo) * (v[hi] - v[lo]);
  };
  d.min = v.front();
  d.max = v.back();
  d.p25 = percentile(0.25);
  d.median = percentile(0.5);
  d.p75 = percentile(0.75);
  double sum = 0;
  for (double x : v) sum += x;
  d.mean = sum / v.size();
  return d;
}

// One municipality's rates in its KOSTRA group: its own result, or published rates from a
// reference file when it has no result of its own that year (own figures win).
struct Peer {
  Rates per_1000;
  std::array<std::optional<int64_t>, 4> tenths{};  // the rates as shown, for the rank as shown
  int64_t population = 0;
  const ReferenceRow* reference = nullptr;
};

std::array<std::optional<int64_t>, 4> shown_tenths(const Result& r) {
  std::array<std::optional<int64_t>, 4> shown{};
  for (int i = 0; i < 4; ++i)
    if (r.per_1000[i] && r.arsverk[i] && r.measure_population[i] > 0)
      shown[i] = rounded_rate_units(*r.arsverk[i], r.measure_population[i]);
  return shown;
}

std::array<std::optional<int64_t>, 4> shown_tenths(const Rates& published) {
  std::array<std::optional<int64_t>, 4> shown{};
  for (int i = 0; i < 4; ++i)
    if (published[i]) shown[i] = rounded_units(*published[i], 1);
  return shown;
}

struct PeerGroup {
  std::vector<Peer> peers;
  Coverage coverage;
};

// The year whose reference rates stand in for `year`: the same year, else the latest earlier
// year of the same schema with reference rates; 0 when there is none.
int reference_year_for(const Context& ctx, int year) {
  int best = 0;
  for (const auto& [key, row] : ctx.input.references) {
    const int y = key.second;
    if (y <= year && y > best && schema_for_year(y) == schema_for_year(year) &&
        level_of_code(key.first) == Level::Kommune)
      best = y;
  }
  return best;
}

void add_reference_peers(const Context& ctx, int year, int group, PeerGroup& peer_set,
                         const std::set<std::string>& own) {
  const int reference_year = reference_year_for(ctx, year);
  const auto structure = structure_for_year(year);
  if (reference_year == 0 || !structure || structure_for_year(reference_year) != structure) return;
  const int pop_year = population_year_for(ctx.settings, year);
  for (const auto& [key, row] : ctx.input.references) {
    if (key.second != reference_year || own.count(key.first)) continue;
    const Municipality* m = ctx.registers.municipality(*structure, key.first);
    if (!m || m->kostra_group != group) continue;
    auto pop = ctx.population.find(key.first, Level::Kommune, structure, pop_year);
    peer_set.peers.push_back({row.per_1000, shown_tenths(row.per_1000), pop ? pop->persons : 0, &row});
    ++peer_set.coverage.from_reference;
    peer_set.coverage.reference_year = reference_year;
    for (int i = 0; i < 4; ++i) {
      if (!row.per_1000[i]) continue;
      const std::string& name = ctx.file_name(row.files[i]);
      auto& files = peer_set.coverage.reference_files;
      if (std::find(files.begin(), files.end(), name) == files.end()) files.push_back(name);
    }
  }
}

// The municipalities' results of each year and KOSTRA group, as positions in the results.
using GroupMembers = std::map<std::pair<int, std::string>, std::vector<std::size_t>>;

GroupMembers group_members(const std::vector<Result>& results) {
  GroupMembers members;
  for (std::size_t i = 0; i < results.size(); ++i)
    if (results[i].level == Level::Kommune) members[{results[i].year, results[i].kostra}].push_back(i);
  return members;
}

PeerGroup peer_group(const Context& ctx, const Result& group, const std::vector<std::size_t>& members) {
  PeerGroup peer_set;
  std::set<std::string> own;
  for (std::size_t i : members) {
    const Result& r = ctx.results[i];
    own.insert(r.code);
    if (!r.suppressed) peer_set.peers.push_back({r.per_1000, shown_tenths(r), r.population, nullptr});
  }
  const auto number = kostra_group_number(group.code);
  const auto structure = structure_for_year(group.year);
  if (!number || !structure) return peer_set;
  add_reference_peers(ctx, group.year, *number, peer_set, own);
  double with_m1 = 0;
  for (const Peer& p : peer_set.peers) {
    if (!p.per_1000[0]) continue;
    ++peer_set.coverage.members;
    with_m1 += static_cast<double>(p.population);
  }
  auto [all_pop, all_n] = municipalities_population(ctx, *structure, population_year_for(ctx.settings, group.year),
                                                    [&](const Municipality& m) { return m.kostra_group == *number; });
  peer_set.coverage.members_total = all_n;
  peer_set.coverage.population_share = all_pop > 0 ? std::min(1.0, with_m1 / all_pop) : 0.0;
  peer_set.coverage.decide_comparison();
  return peer_set;
}

std::array<Distribution, 4> distributions(const std::vector<Peer>& peers) {
  std::array<Distribution, 4> dist;
  for (int i = 0; i < 4; ++i) {
    std::vector<double> v;
    for (const Peer& p : peers)
      if (p.per_1000[i]) v.push_back(*p.per_1000[i]);
    dist[i] = distribution_of(std::move(v));
  }
  return dist;
}

GroupComparison compare_in_group(const Result& r, const std::array<Distribution, 4>& dist, const PeerGroup& peer_set) {
  GroupComparison comparison;
  comparison.group = r.kostra;
  comparison.n = static_cast<int>(peer_set.peers.size());
  comparison.coverage = peer_set.coverage;
  // A measure few peers have (e.g. reference rates give only M1) gets no rank, median or fences:
  // "1 of 13" would rest on the unit's own figure alone.
  const auto tenths = shown_tenths(r);
  for (int i = 0; i < 4; ++i) {
    const Distribution& spread = dist[i];
    comparison.peers[i] = spread.n;
    if (!r.per_1000[i] || !spread.enough) continue;
    const double rate = *r.per_1000[i];
    int higher = 0;
    for (const Peer& p : peer_set.peers) higher += p.per_1000[i] && *p.per_1000[i] > rate;
    comparison.rank[i] = higher + 1;
    // As shown: by the rates rounded to one decimal, equal ones sharing a place (the unit is a peer).
    const auto own = tenths[i];
    if (own) {
      int shown_higher = 0, same = 0;
      for (const Peer& p : peer_set.peers) {
        shown_higher += p.tenths[i] && *p.tenths[i] > *own;
        same += p.tenths[i] && *p.tenths[i] == *own;
      }
      comparison.rank_shown[i] = shown_higher + 1;
      comparison.rank_shared[i] = std::max(same - 1, 0);
    }
    comparison.median[i] = spread.median;
    comparison.diff_from_median[i] = rate - spread.median;
    // As shown: the rate as shown against the fences rounded as a rate is, so that units showing
    // the same figure are tagged alike and a rate is never outside a fence that shows as the same.
    const double iqr = spread.p75 - spread.p25;
    const int64_t low = rounded_units(spread.p25 - 1.5 * iqr, 1), high = rounded_units(spread.p75 + 1.5 * iqr, 1);
    const int64_t shown = own ? *own : rounded_units(rate, 1);
    comparison.fence[i] = shown < low ? Fence::Low : shown > high ? Fence::High : Fence::Inside;
  }
  return comparison;
}

void compare_group(Context& ctx, Result& group, const std::vector<std::size_t>& members) {
  const PeerGroup peer_set = peer_group(ctx, group, members);
  auto dist = distributions(peer_set.peers);
  for (Distribution& spread : dist) spread.enough = spread.n >= peer_set.coverage.members_needed();
  group.distribution = dist;
  group.distribution_coverage = peer_set.coverage;
  for (std::size_t i : members) {
    Result& r = ctx.results[i];
    if (r.suppressed) continue;
    GroupComparison comparison = compare_in_group(r, dist, peer_set);
    if (comparison.fence[0] == Fence::High) r.flags.push_back("outside_fences_high");
    if (comparison.fence[0] == Fence::Low) r.flags.push_back("outside_fences_low");
    r.comparison = comparison;
  }
}

void add_changes(std::vector<Result>& results) {
  std::map<std::tuple<Level, std::string, int>, const Result*> by_key;
  for (const Result& r : results) by_key[{r.level, r.code, r.year}] = &r;
  for (Result& r : results) {
    auto prev = by_key.find({r.level, r.code, r.year - 1});
    if (prev == by_key.end() || prev->second->schema != r.schema || prev->second->suppressed || r.suppressed) continue;
    Change change;
    change.from_year = r.year - 1;
    for (int i = 0; i < 4; ++i) {
      const auto& before = prev->second->per_1000[i];
      if (!before || !r.per_1000[i]) continue;
      change.per_1000[i] = *r.per_1000[i] - *before;
      if (*before > 0) change.percent[i] = (*r.per_1000[i] - *before) / *before * 100.0;
      const Result& p = *prev->second;
      if (!p.arsverk[i] || !r.arsverk[i] || p.measure_population[i] <= 0 || r.measure_population[i] <= 0) continue;
      const int64_t shown_before = rounded_rate_units(*p.arsverk[i], p.measure_population[i]);
      const int64_t shown_now = rounded_rate_units(*r.arsverk[i], r.measure_population[i]);
      change.shown_tenths[i] = shown_now - shown_before;
      if (shown_before > 0)
        change.shown_percent[i] = static_cast<double>(shown_now - shown_before) / static_cast<double>(shown_before) * 100.0;
    }
    r.change = change;
  }
}

// The data years of `years` for which the reference rates of `code` in `reference_year` stand: a
// municipality's in the years whose comparisons use them (reference_year_for), other units' in
// their own year; never where the unit has figures of its own.
std::vector<int> years_standing_for(const Context& ctx, const std::string& code, Level level, int reference_year,
                                    const std::set<UnitKey>& own, const std::vector<int>& years) {
  std::vector<int> used;
  for (int y : years) {
    if (own.count({code, y})) continue;
    const bool stands = level == Level::Kommune
                            ? reference_year_for(ctx, y) == reference_year &&
                                  structure_for_year(reference_year) == structure_for_year(y)
                            : reference_year == y;
    if (stands) used.push_back(y);
  }
  return used;
}

}  // namespace

std::vector<ReferenceEntry> reference_entries(Context& ctx, const std::vector<Result>& results,
                                              const std::vector<int>& years) {
  std::set<UnitKey> own;
  for (const Result& r : results) own.insert({r.code, r.year});
  std::vector<ReferenceEntry> entries;
  for (const auto& [key, row] : ctx.input.references) {
    const auto& [code, reference_year] = key;
    const auto level = level_of_code(code);
    if (!level) continue;
    std::vector<int> used = years_standing_for(ctx, code, *level, reference_year, own, years);
    if (used.empty()) continue;
    const auto info = resolve_unit(ctx, code, reference_year, -1, 0);  // validated: found without a message
    if (!info) continue;
    ReferenceEntry e;
    e.level = info->level;
    e.code = code;
    e.name = ctx.settings.lang == Lang::Nb ? info->name_nb : info->name_en;
    e.county = info->county;
    if (info->kostra) e.kostra = kostra_group_code(info->kostra);
    e.year = reference_year;
    e.per_1000 = row.per_1000;
    for (int i = 0; i < 4 && e.source.empty(); ++i)
      if (row.per_1000[i]) e.source = ctx.file_name(row.files[i]);
    e.used_for = std::move(used);
    entries.push_back(std::move(e));
  }
  return entries;
}

void build_comparisons(Context& ctx) {
  GroupMembers members = group_members(ctx.results);
  for (Result& group : ctx.results)
    if (group.level == Level::KostraGruppe) compare_group(ctx, group, members[{group.year, group.code}]);
  add_changes(ctx.results);
}

// The published figures for each result's unit and year: the indicator's own where published,
// else a reference file's; with neither, the indicator's year before, of the same schema, as a
// yardstick (a 2025 file beside the published 2024 figures).
void attach_published(Context& ctx) {
  for (Result& r : ctx.results) {
    if (const Published* p = PublishedRates::instance().find(r.code, r.year)) {
      r.published = *p;
      continue;
    }
    auto it = ctx.input.references.find({r.code, r.year});
    if (it == ctx.input.references.end()) {
      if (const Published* p = PublishedRates::instance().year_before(r.code, r.year)) r.published_latest = *p;
      continue;
    }
    Published p;
    p.year = r.year;
    p.per_1000 = it->second.per_1000;
    for (int i = 0; i < 4 && p.source.empty(); ++i)
      if (it->second.per_1000[i]) p.source = ctx.file_name(it->second.files[i]);
    r.published = p;
  }
}

}  // namespace arsverk::detail

namespace arsverk {

void Coverage::decide() {
  meaningful = false;
  if (members == 0 || members < std::min(kMinMembers, members_total)) reason = "few_members";
  else if (population_share < kMinPopulationShare) reason = "low_coverage";
  else { reason.clear(); meaningful = true; }
}

void Coverage::decide_comparison() {
  decide();
  if (members_total != 1) return;
  meaningful = false;
  reason = "alone";
}

}  // namespace arsverk
