#include "population_regions.hpp"

#include "text.hpp"

namespace arsverk::detail {

void IgnoredRegions::add(const std::string& label, int64_t line) {
  if (rows == 0) first_line = line;
  ++rows;
  if (labels.size() < 10000) labels.insert(label);
}

std::optional<std::string> PopulationRegions::resolve(ReadContext& ctx, std::string_view label,
                                                      std::optional<int> year, int64_t line,
                                                      int column) {
  std::optional<Structure> st = year ? structure_for_year(*year) : std::nullopt;
  if (const LastUnit* last = last_unit_.find(label); last && last->structure == st) {
    last_every_year_ = true;
    return last->code;
  }
  last_unit_.clear();
  std::string l(trim(label));
  std::string key = l + '\x1f' + (st ? to_string(*st) : "-");
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    if (cache_.size() > 100000) cache_.clear();
    it = cache_.emplace(std::move(key), parse_unit(label, year, *ctx.registers)).first;
  }
  const UnitResult& r = it->second;
  bool remember = true;
  switch (r.status) {
    case UnitStatus::Ok:
      break;
    case UnitStatus::Historical:
      // SSB's "K-3001 Halden (2020-2023)": the population of 3001 in 2020–2023.
      if (r.code.empty() || !year || !r.period->holds(*year)) {
        historical_.add(l, line);
        return std::nullopt;
      }
      historical_used_.add(l, line);
      remember = false;  // the next row with this label may be of a year outside the period
      break;
    case UnitStatus::Rest: rest_.add(l, line); return std::nullopt;
    case UnitStatus::NotMunicipality: not_municipality_.add(l, line); return std::nullopt;
    case UnitStatus::Empty:
      ctx.report(line, column, msg::UnitMissingRegion{});
      return std::nullopt;
    default:
      report_bad_unit(ctx, r, label, line, column, "Raden er hoppet over.", "The row was skipped.");
      return std::nullopt;
  }
  if (r.restored_zero) report_restored_zero(ctx, restored_zero_reported_, label, r.code, line, column);
  if (r.thousands_grouped)
    report_thousands_grouped(ctx, thousands_reported_, Severity::Info, label, r.code, line, column);
  switch (district_kind(r.code)) {
    case DistrictKind::CityTotal: city_total_.add(l, line); return std::nullopt;
    case DistrictKind::UnknownDistrict: unknown_district_.add(l, line); return std::nullopt;
    case DistrictKind::OtherCity: other_city_.add(l, line); return std::nullopt;
    case DistrictKind::Unit: break;
  }
  last_every_year_ = remember;
  if (!remember) return r.code;
  last_unit_.replace(label) = LastUnit{st, r.code};
  return r.code;
}

namespace {

// One info for the region labels of one kind a population file left out, with three examples.
template <class Message>
void report_ignored(ReadContext& ctx, const IgnoredRegions& ig) {
  if (ig.rows == 0) return;
  std::vector<std::string> examples;
  for (const auto& l : ig.labels) {
    if (examples.size() == 3) break;
    examples.push_back(l);
  }
  ctx.report(ig.first_line, 0, Message{{ig.labels.size(), ig.rows, examples}});
}

}  // namespace

void PopulationRegions::finish(ReadContext& ctx) {
  report_ignored<msg::PopulationHistoricalIgnored>(ctx, historical_);
  report_ignored<msg::PopulationHistoricalUsed>(ctx, historical_used_);
  report_ignored<msg::PopulationRestIgnored>(ctx, rest_);
  report_ignored<msg::PopulationNotMunicipalityIgnored>(ctx, not_municipality_);
  report_ignored<msg::PopulationCityTotalIgnored>(ctx, city_total_);
  report_ignored<msg::PopulationUnknownDistrictIgnored>(ctx, unknown_district_);
  report_ignored<msg::PopulationOtherCityIgnored>(ctx, other_city_);
}

}  // namespace arsverk::detail
