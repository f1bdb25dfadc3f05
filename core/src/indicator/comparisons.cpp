// Comparisons: the distribution of rates in each KOSTRA group, each municipality's place in its
// group, and every unit's change from the previous year within the same schema.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "context.hpp"

namespace arsverk::detail {

namespace {

using GroupYear = std::pair<std::string, int>;

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

std::map<GroupYear, std::vector<const Result*>> group_members(const std::vector<Result>& results) {
  std::map<GroupYear, std::vector<const Result*>> members;
  for (const Result& r : results)
    if (r.level == Level::Kommune && !r.suppressed) members[{r.kostra, r.year}].push_back(&r);
  return members;
}

void add_distributions(std::vector<Result>& results, std::map<GroupYear, std::vector<const Result*>>& members) {
  for (Result& g : results) {
    if (g.level != Level::KostraGruppe) continue;
    std::array<Distribution, 4> dist;
    for (int i = 0; i < 4; ++i) {
      std::vector<double> v;
      for (const Result* m : members[{g.code, g.year}])
        if (m->per_1000[i]) v.push_back(*m->per_1000[i]);
      dist[i] = distribution_of(std::move(v));
    }
    g.distribution = dist;
  }
}

GroupComparison compare_in_group(const Result& r, const std::array<Distribution, 4>& dist,
                                 const std::vector<const Result*>& peers) {
  GroupComparison c;
  c.group = r.kostra;
  c.n = static_cast<int>(peers.size());
  for (int i = 0; i < 4; ++i) {
    const Distribution& d = dist[i];
    c.peers[i] = d.n;
    if (!r.per_1000[i] || d.n == 0) continue;
    const double rate = *r.per_1000[i];
    int higher = 0;
    for (const Result* p : peers) higher += p->per_1000[i] && *p->per_1000[i] > rate;
    c.rank[i] = higher + 1;
    c.median[i] = d.median;
    c.diff_from_median[i] = rate - d.median;
    const double iqr = d.p75 - d.p25;
    c.fence[i] = rate < d.p25 - 1.5 * iqr ? Fence::Low : rate > d.p75 + 1.5 * iqr ? Fence::High : Fence::Inside;
  }
  return c;
}

void add_group_comparisons(std::vector<Result>& results, std::map<GroupYear, std::vector<const Result*>>& members) {
  std::map<GroupYear, const Result*> groups;
  for (const Result& r : results)
    if (r.level == Level::KostraGruppe) groups[{r.code, r.year}] = &r;
  for (Result& r : results) {
    if (r.level != Level::Kommune || r.suppressed) continue;
    auto g = groups.find({r.kostra, r.year});
    if (g == groups.end() || !g->second->distribution) continue;
    GroupComparison c = compare_in_group(r, *g->second->distribution, members[{r.kostra, r.year}]);
    if (c.fence[0] == Fence::High) r.flags.push_back("outside_fences_high");
    if (c.fence[0] == Fence::Low) r.flags.push_back("outside_fences_low");
    r.comparison = c;
  }
}

void add_changes(std::vector<Result>& results) {
  std::map<std::tuple<Level, std::string, int>, const Result*> by_key;
  for (const Result& r : results) by_key[{r.level, r.code, r.year}] = &r;
  for (Result& r : results) {
    auto prev = by_key.find({r.level, r.code, r.year - 1});
    if (prev == by_key.end() || prev->second->schema != r.schema || prev->second->suppressed || r.suppressed) continue;
    Change ch;
    ch.from_year = r.year - 1;
    for (int i = 0; i < 4; ++i) {
      const auto& before = prev->second->per_1000[i];
      if (!before || !r.per_1000[i]) continue;
      ch.per_1000[i] = *r.per_1000[i] - *before;
      if (*before > 0) ch.percent[i] = (*r.per_1000[i] - *before) / *before * 100.0;
    }
    r.change = ch;
  }
}

}  // namespace

void build_comparisons(Context& ctx) {
  auto members = group_members(ctx.results);
  add_distributions(ctx.results, members);
  add_group_comparisons(ctx.results, members);
  add_changes(ctx.results);
}

}  // namespace arsverk::detail
