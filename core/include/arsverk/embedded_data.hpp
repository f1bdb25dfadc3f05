#pragma once
// The registers, population and published figures as CSV text, made by cmake/EmbedData.cmake
// (names follow data/ paths): compiled into the library, or — the browser's module — given to it
// at run time from arsverk.data, so that the first download is smaller (docs/performance.md).
#include <string>
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

// A build with its data apart takes the bytes of its arsverk.data here, once: "" when taken (or
// taken before), else why not. A build with its data compiled in refuses.
std::string provide(std::string_view bytes);
// Throws until a build with its data apart has been given it; what reads the views calls it first.
void require_present();
}  // namespace arsverk::embedded
