// Plausibility by education category and target group. A lost decimal comma (225,0 for 22,50) in
// one category of one target group can leave M1 within the usual range, but it always multiplies
// that category's odds (its årsverk against the rest of its target group) by ten. So, with the
// unit's own file alone, each category is held against the national composition and against the
// other target group, and the target groups against each other; M2–M4 against their published
// national figures; and, when the previous year is loaded, each category against its value then.
// Each warning names the cell to look at. Schema 2024 (a–e) only: in schema 2015 the measures are
// nested, and a slip in M2–M4 breaks their order (check.nested_order).
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <tuple>

#include "arsverk/thresholds.hpp"
#include "context.hpp"
#include "published.hpp"

namespace arsverk::detail {

namespace {

using namespace thresholds;

constexpr int kLevelCount = 5;
constexpr std::array<Category, kLevelCount> kLevels{Category::A, Category::B, Category::C, Category::D, Category::E};

// How the published a+b share splits into a and b, and the rest into c, d and e. Not published:
// the project's estimate (the mix the example data is generated with), so the limits are wide.
constexpr std::array<double, kLevelCount> kSplitOfPart{0.31, 0.69, 0.37, 0.33, 0.30};

// The largest cell of a category: where a slip most likely is.
struct Place {
  int file = -1;
  int64_t line = 0;
  int column = 0;
  double value = -1;
};

// One target group's årsverk by category, summed over its services.
struct GroupMix {
  std::array<double, kLevelCount> amount{};
  std::array<Place, kLevelCount> largest{};
  std::array<bool, kLevelCount> given{};
  double total = 0;
  bool complete() const { return std::all_of(given.begin(), given.end(), [](bool g) { return g; }); }
  double share(int k) const { return amount[k] / total; }
  // The category's årsverk against the rest of the group; nothing when the rest is empty.
  std::optional<double> odds(int k) const {
    const double rest = total - amount[k];
    if (rest <= 0) return std::nullopt;
    return amount[k] / rest;
  }
};

using Mixes = std::map<TargetGroup, GroupMix>;

Mixes mixes_of(const std::map<CellKey, Cell>& cells) {
  Mixes mixes;
  for (const auto& [key, cell] : cells) {
    GroupMix& mix = mixes[key.group];
    for (int k = 0; k < kLevelCount; ++k) {
      const int c = static_cast<int>(kLevels[k]);
      if (!cell.amounts[c]) continue;
      const double v = cell.amounts[c]->to_double();
      mix.given[k] = true;
      mix.amount[k] += v;
      mix.total += v;
      if (v > mix.largest[k].value) mix.largest[k] = {cell.files[c], cell.lines[c], cell.columns[c], v};
    }
  }
  return mixes;
}

// The national composition by category: the a+b share is national M2 / M1 as published for the
// schema (2,4 / 2,8 in 2024), split by kSplitOfPart.
std::optional<std::array<double, kLevelCount>> national_composition(int year) {
  const auto& published = PublishedRates::instance();
  const auto m1 = published.national(0, year), m2 = published.national(1, year);
  if (!m1 || !m2 || m1->first != m2->first || m2->second >= m1->second) return std::nullopt;
  const double share_of_a_and_b = m2->second / m1->second;
  std::array<double, kLevelCount> shares{};
  for (int k = 0; k < kLevelCount; ++k) shares[k] = kSplitOfPart[k] * (k < 2 ? share_of_a_and_b : 1 - share_of_a_and_b);
  return shares;
}

double odds_of(double share) { return share / (1 - share); }

// Flags the result and warns at the cell that stands out most.
template <class Message>
void flag_at(Context& ctx, Result& r, const char* name, const Place& at, const Message& m) {
  ctx.flag_at(r, name, at.file, at.line, at.column, m);
}

std::string_view name_of(int k) { return to_string(kLevels[k]); }

// The category whose odds stand highest over the national odds, and by how much.
std::pair<int, double> most_over(const GroupMix& mix, const std::array<double, kLevelCount>& national) {
  std::pair<int, double> best{-1, 0};
  for (int k = 0; k < kLevelCount; ++k) {
    const auto odds = mix.odds(k);
    if (odds && *odds / odds_of(national[k]) > best.second) best = {k, *odds / odds_of(national[k])};
  }
  return best;
}

// Each category's share of its target group against the national composition. Returns the groups
// it warned about.
std::set<TargetGroup> check_shares(Context& ctx, Result& r, const std::string& who, const Mixes& mixes,
                                   const std::array<double, kLevelCount>& national) {
  std::set<TargetGroup> warned;
  for (const auto& [group, mix] : mixes) {
    if (!mix.complete() || mix.total < kCompositionMinimumFtes) continue;
    const auto [k, over] = most_over(mix, national);
    if (k < 0 || over <= kCategoryOddsLimit) continue;
    warned.insert(group);
    flag_at(ctx, r, "category_share", mix.largest[k],
            msg::CheckCategoryShare{who, name_of(k), group, mix.amount[k], mix.share(k), national[k]});
  }
  return warned;
}

// Each category's share in one target group against the other's, for groups not yet warned about.
// Returns the group it warned about.
std::optional<TargetGroup> check_groups_alike(Context& ctx, Result& r, const std::string& who, const Mixes& mixes,
                                              const std::set<TargetGroup>& warned) {
  const auto adults = mixes.find(TargetGroup::Adults), children = mixes.find(TargetGroup::Children);
  if (adults == mixes.end() || children == mixes.end()) return std::nullopt;
  const GroupMix& adult_mix = adults->second;
  const GroupMix& child_mix = children->second;
  if (!adult_mix.complete() || !child_mix.complete() || adult_mix.total < kCompositionMinimumFtes ||
      child_mix.total < kCompositionMinimumFtes)
    return std::nullopt;
  std::tuple<double, int, TargetGroup> worst{kBetweenGroupsOddsLimit, -1, TargetGroup::Unspecified};
  for (int k = 0; k < kLevelCount; ++k) {
    const auto adult_odds = adult_mix.odds(k), child_odds = child_mix.odds(k);
    if (!adult_odds || !child_odds) continue;
    if (*child_odds > 0 && *adult_odds / *child_odds > std::get<0>(worst))
      worst = {*adult_odds / *child_odds, k, TargetGroup::Adults};
    if (*adult_odds > 0 && *child_odds / *adult_odds > std::get<0>(worst))
      worst = {*child_odds / *adult_odds, k, TargetGroup::Children};
  }
  const auto [ratio, category, group] = worst;
  if (category < 0 || warned.count(group)) return std::nullopt;
  const GroupMix& high = group == TargetGroup::Adults ? adult_mix : child_mix;
  const GroupMix& low = group == TargetGroup::Adults ? child_mix : adult_mix;
  flag_at(ctx, r, "category_share", high.largest[category],
          msg::CheckCategoryBetweenGroups{who, name_of(category), group, high.amount[category], high.share(category),
                                          low.share(category)});
  return group;
}

// The target groups against each other: children and young people's share of the unit's FTEs
// against the national share (SINTEF's latest national årsverk). Not for a group whose category
// was already named: that warning points to the same cell.
void check_balance(Context& ctx, Result& r, const std::string& who, const Mixes& mixes,
                   const std::array<double, kLevelCount>& national, const std::set<TargetGroup>& warned) {
  const auto adults = mixes.find(TargetGroup::Adults), children = mixes.find(TargetGroup::Children);
  const auto reference = PublishedRates::instance().national_children_share();
  if (adults == mixes.end() || children == mixes.end() || !reference) return;
  const GroupMix& a = adults->second;
  const GroupMix& c = children->second;
  if (a.total <= 0 || c.total <= 0 || a.total + c.total < kCompositionMinimumFtes) return;
  const auto [year, children_share] = *reference;
  const double ratio = (c.total / a.total) / odds_of(children_share);
  if (ratio <= kGroupBalanceOddsLimit && ratio >= 1 / kGroupBalanceOddsLimit) return;
  const TargetGroup group = ratio > 1 ? TargetGroup::Children : TargetGroup::Adults;
  if (warned.count(group)) return;
  const GroupMix& high = ratio > 1 ? c : a;
  const int k = std::max(0, most_over(high, national).first);
  const double share = high.total / (a.total + c.total);
  const double national_share = ratio > 1 ? children_share : 1 - children_share;
  flag_at(ctx, r, "group_balance", high.largest[k],
          msg::CheckGroupBalance{who, name_of(k), group, r.level == Level::Bydel, high.total, a.total + c.total, share,
                                 national_share, year});
}

// M2–M4 against their published national rates, when M1 was not already far above its own or
// above 15.
void check_measures_published(Context& ctx, Result& r, const std::string& who, int file, int64_t line) {
  for (const char* said : {"far_above_published", "rate_high"})
    if (std::find(r.flags.begin(), r.flags.end(), said) != r.flags.end()) return;
  for (int m = 1; m < 4; ++m) {
    const auto national = PublishedRates::instance().national(m, r.year);
    if (!r.per_1000[m] || !national || national->second <= 0) continue;
    const double factor = *r.per_1000[m] / national->second;
    if (factor <= kFarAbovePublished) continue;
    ctx.flag(r, "far_above_published", file, line,
             msg::CheckMeasureFarAbovePublished{who, m, *r.per_1000[m], factor, national->second, national->first});
    return;
  }
}

// Each category of each target group against the previous year's, when that year is loaded: the
// largest change per group that is both large (× 3 or ÷ 3) and not small in FTEs.
void check_category_change(Context& ctx, Result& r, const std::string& who, const Mixes& now) {
  const int before_year = r.year - 1;
  auto it = ctx.input.cells.find({r.code, before_year});
  if (it == ctx.input.cells.end() || schema_for_year(before_year) != schema_for_year(r.year)) return;
  const Mixes before = mixes_of(it->second);
  for (const auto& [group, mix] : now) {
    auto was = before.find(group);
    if (was == before.end() || !mix.complete() || !was->second.complete()) continue;
    const GroupMix& then = was->second;
    const double floor = std::max(kCategoryChangeMinimumFtes, kCategoryChangeMinimumShare * std::max(mix.total, then.total));
    int worst = -1;
    for (int k = 0; k < kLevelCount; ++k) {
      const double now = mix.amount[k], earlier = then.amount[k];
      if (std::fabs(now - earlier) < floor ||
          (now <= kCategoryChangeFactor * earlier && earlier <= kCategoryChangeFactor * now))
        continue;
      if (worst < 0 || std::fabs(now - earlier) > std::fabs(mix.amount[worst] - then.amount[worst])) worst = k;
    }
    if (worst < 0) continue;
    flag_at(ctx, r, "category_change", mix.largest[worst],
            msg::CheckCategoryChange{who, name_of(worst), group, mix.amount[worst], then.amount[worst], before_year});
  }
}

}  // namespace

void check_plausibility(Context& ctx, Result& r, const std::string& who) {
  if (r.carried_from || r.schema != Schema::S2024) return;
  const UnitYear* unit = ctx.units.find({r.code, r.year});
  auto cells = ctx.input.cells.find({r.code, r.year});
  if (!unit || cells == ctx.input.cells.end()) return;
  check_measures_published(ctx, r, who, unit->file, unit->line);
  const Mixes mixes = mixes_of(cells->second);
  if (const auto national = national_composition(r.year)) {
    auto warned = check_shares(ctx, r, who, mixes, *national);
    if (const auto group = check_groups_alike(ctx, r, who, mixes, warned)) warned.insert(*group);
    check_balance(ctx, r, who, mixes, *national, warned);
  }
  check_category_change(ctx, r, who, mixes);
}

}  // namespace arsverk::detail
