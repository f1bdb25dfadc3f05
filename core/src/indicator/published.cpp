#include "published.hpp"

#include <cstdlib>

#include "arsverk/embedded_data.hpp"
#include "simple_csv.hpp"

namespace arsverk::detail {

namespace {

// maaltall as published → measure index.
std::optional<int> measure_of(const std::string& name) {
  if (name == "totalt") return 0;
  if (name == "helse_sosial_min_vgs") return 1;
  if (name == "helse_sosial_hoyere") return 2;
  if (name == "annen_hoyere") return 3;
  return std::nullopt;
}

}  // namespace

PublishedRates::PublishedRates() {
  embedded::require_present();
  // kilde,aar,nivaa,region,maaltall,verdi,enhet
  for (const auto& row : simple_csv_rows(embedded::published_nasjonale_tall_csv)) {
    if (row.size() >= 7 && row[6] == "arsverk" && row[2] == "land") {
      const auto value = parse_decimal(row[5], false);
      if (value.status != NumberStatus::Ok) continue;
      auto& [children, all] = national_arsverk_[std::atoi(row[1].c_str())];
      if (row[4] == "arsverk_barn_unge") children = value.value.to_double();
      if (row[4] == "arsverk_totalt") all = value.value.to_double();
      continue;
    }
    if (row.size() < 7 || row[6] != "arsverk_per_1000" || (row[2] != "land" && row[2] != "fylke")) continue;
    const auto measure = measure_of(row[4]);
    const auto value = parse_decimal(row[5], false);
    if (!measure || value.status != NumberStatus::Ok) continue;
    Published& p = rates_[{row[3], std::atoi(row[1].c_str())}];
    p.per_1000[*measure] = value.value.to_double();
    p.source = row[0];
    p.year = std::atoi(row[1].c_str());
  }
}

const PublishedRates& PublishedRates::instance() {
  static const PublishedRates rates;
  return rates;
}

const Published* PublishedRates::find(const std::string& code, int year) const {
  auto it = rates_.find({code, year});
  return it == rates_.end() ? nullptr : &it->second;
}

const Published* PublishedRates::year_before(const std::string& code, int year) const {
  return schema_for_year(year - 1) == schema_for_year(year) ? find(code, year - 1) : nullptr;
}

std::optional<std::pair<int, double>> PublishedRates::national(int m, int year) const {
  std::optional<std::pair<int, double>> best;
  auto distance = [&](int y) { return y <= year ? 2 * (year - y) : 2 * (y - year) + 1; };  // earlier first
  for (const auto& [key, p] : rates_) {
    const auto& [code, y] = key;
    if (code != "0" || !p.per_1000[m] || schema_for_year(y) != schema_for_year(year)) continue;
    if (!best || distance(y) < distance(best->first)) best = std::make_pair(y, *p.per_1000[m]);
  }
  return best;
}

std::optional<std::pair<int, double>> PublishedRates::national_children_share() const {
  for (auto it = national_arsverk_.rbegin(); it != national_arsverk_.rend(); ++it) {
    const auto& [children, all] = it->second;
    if (children > 0 && all > children) return std::make_pair(it->first, children / all);
  }
  return std::nullopt;
}

}  // namespace arsverk::detail
