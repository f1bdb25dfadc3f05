#pragma once
// CSV text compiled into the library by cmake/EmbedData.cmake (names follow data/ paths).
#include <string_view>

namespace arsverk::embedded {
extern const std::string_view registers_kommuner_2024_csv;
extern const std::string_view registers_kommuner_2020_2023_csv;
extern const std::string_view registers_fylker_2024_csv;
extern const std::string_view registers_fylker_2020_2023_csv;
extern const std::string_view registers_kommuneendringer_2023_2024_csv;
extern const std::string_view registers_bydeler_oslo_csv;
extern const std::string_view registers_kostragrupper_2020_kommunenummer_2020_csv;
extern const std::string_view registers_kostragrupper_2020_kommunenummer_2024_csv;
extern const std::string_view population_folkemengde_2024grenser_2020_2026_csv;
extern const std::string_view population_folkemengde_2020grenser_2023_csv;
extern const std::string_view published_nasjonale_tall_csv;
}  // namespace arsverk::embedded
