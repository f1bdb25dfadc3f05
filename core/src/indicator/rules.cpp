// Rules from the source texts: carry-forward (rule 1), Oslo as its own rows plus its districts,
// and suppression (rule 2).
#include <algorithm>
#include <set>

#include "context.hpp"

namespace arsverk::detail {

namespace {

// Whether a unit answered in a year. Oslo answers either as a whole (0301's own rows) or through
// its districts: its own rows count as answered when any district answered, and a district counts
// as answered when Oslo answered only as a whole — so one form is never carried on top of the other.
bool answered_in(const Context& ctx, const std::string& code, int year) {
  if (ctx.input.answered.count({code, year})) return true;
  const bool is_district = level_of_code(code) == Level::Bydel;
  if (code != "0301" && !is_district) return false;
  bool any_district = false;
  for (const auto& d : ctx.registers.districts()) any_district = any_district || ctx.input.answered.count({d.code, year});
  return is_district ? ctx.input.answered.count({"0301", year}) && !any_district : any_district;
}

// Rule 1 (in the years it applies to): a kommune or bydel without an answer (no rows at all, in scope or not) gets the figures
// of the latest earlier year in which it answered, within the same schema and structure.
void carry_forward(Context& ctx) {
  std::set<std::string> codes;
  ctx.units.for_each([&](const UnitKey& key, const UnitYear&) {
    auto level = level_of_code(key.first);
    if (level == Level::Kommune || level == Level::Bydel) codes.insert(key.first);
  });
  for (const std::string& code : codes) {
    for (int year : ctx.years) {
      if (!rule_applies(ctx.settings.carry_forward, year) || answered_in(ctx, code, year)) continue;
      int from = 0;
      for (int y : ctx.years)
        if (y < year && schema_for_year(y) == schema_for_year(year) && answered_in(ctx, code, y)) from = y;
      if (from == 0 || structure_for_year(from) != structure_for_year(year)) continue;
      const UnitYear* answered = ctx.units.find({code, from});
      if (!answered) continue;  // e.g. a district when Oslo answered as a whole
      UnitYear carried = *answered;
      carried.carried_from = from;
      ctx.units.set({code, year}, std::move(carried));
    }
  }
}

// Oslo kommune = its own rows + the sum of its districts, rated on 0301's population.
void merge_oslo(Context& ctx) {
  std::set<int> years;
  ctx.units.for_each([&](const UnitKey& key, const UnitYear&) {
    if (level_of_code(key.first) == Level::Bydel) years.insert(key.second);
  });
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
    if (const UnitYear* own = ctx.units.find({"0301", year})) {
      oslo = *own;
      count_part(oslo);
    }
    for (const auto& d : ctx.registers.districts()) {
      const UnitYear* found = ctx.units.find({d.code, year});
      if (!found) continue;
      const UnitYear& part = *found;
      if (parts == 0) { oslo.file = part.file; oslo.line = part.line; }
      oslo.categories_ok = add_categories(oslo.categories, part.categories) && oslo.categories_ok && part.categories_ok;
      Present fits = add_measures(oslo.total, part.total);
      auto also = [&](Measures& into, const Measures& from) {
        const Present part_fits = add_measures(into, from);
        for (int i = 0; i < 4; ++i) fits[i] = fits[i] && part_fits[i];
      };
      for (const auto& [group, measures] : part.by_group) also(oslo.by_group[group], measures);
      for (const auto& [service, measures] : part.by_service) also(oslo.by_service[service], measures);
      for (int i = 0; i < 4; ++i) oslo.present[i] = (parts == 0 || oslo.present[i]) && part.present[i] && fits[i];
      report_overflow(ctx, part.file, part.line, "0301", year, fits);
      oslo.group_known = oslo.group_known && part.group_known;
      count_part(part);
    }
    oslo.carried_from = carried_parts == parts ? std::optional<int>(latest_carried) : std::nullopt;
    oslo.partly_carried = carried_parts > 0 && carried_parts < parts;
    ctx.units.set({"0301", year}, std::move(oslo));
  }
}

}  // namespace

namespace {

// The form has one part per target group: a municipality left out for lack of one group's FTEs
// either has no rows for that group at all (the part was not given: add it) or rows that say 0.
void report_one_part(Context& ctx, const Result& r, const UnitYear& uy, TargetGroup missing) {
  const bool adults = missing == TargetGroup::Adults;
  const std::string unit = r.code + " " + r.name + " " + std::to_string(r.year);
  const std::size_t first = ctx.diagnostics.items().size();
  if (!uy.by_group.count(missing) && ctx.input.skipped(r.code, r.year, missing))
    ctx.message(uy.file, uy.line, msg::SuppressionPartSkipped{unit, adults}, r.year);
  else if (!uy.by_group.count(missing))
    ctx.message(uy.file, uy.line, msg::SuppressionPartMissing{unit, adults, ctx.is_form(uy.file)}, r.year);
  else
    ctx.message(uy.file, uy.line, msg::SuppressionPartZero{unit, adults}, r.year);
  ctx.about_unit(first, r);
}

}  // namespace

void apply_rules(Context& ctx) {
  carry_forward(ctx);
  merge_oslo(ctx);
}

// Rule 2 (in the years it applies to): a kommune without own FTEs for adults or for children and young people is left out
// of the display and still counted in the aggregates.
void apply_suppression(Context& ctx) {
  for (Result& r : ctx.results) {
    if (r.level != Level::Kommune || !rule_applies(ctx.settings.suppression, r.year)) continue;
    const UnitYear& uy = ctx.units.at({r.code, r.year});
    if (!uy.group_known) {
      ++ctx.suppression_unapplied[r.year];
      continue;
    }
    const bool adults = uy.by_group.count(TargetGroup::Adults) && uy.by_group.at(TargetGroup::Adults)[0] > Fixed();
    const bool children = uy.by_group.count(TargetGroup::Children) && uy.by_group.at(TargetGroup::Children)[0] > Fixed();
    if (adults && children) continue;
    r.suppressed = true;
    // A group whose rows were all skipped for an error is missing for that error (rule 2 applies
    // until it is corrected), not for lack of FTEs.
    const auto lost = [&](TargetGroup g) { return !uy.by_group.count(g) && ctx.input.skipped(r.code, r.year, g); };
    r.suppression_reason = !adults && !children ? "no_adults_no_children"
                           : !adults            ? (lost(TargetGroup::Adults) ? "adults_skipped" : "no_adults")
                                                : (lost(TargetGroup::Children) ? "children_skipped" : "no_children");
    r.flags.push_back("suppressed");
    // Figures carried forward were said about in the year they came from: their file has no rows
    // for this year to add to.
    if ((adults || children) && !r.carried_from) report_one_part(ctx, r, uy, adults ? TargetGroup::Children : TargetGroup::Adults);
  }
  for (const auto& [year, municipalities] : ctx.suppression_unapplied) {
    ctx.message(-1, 0, msg::SuppressionNotApplied{year}, year);
  }
}

}  // namespace arsverk::detail
