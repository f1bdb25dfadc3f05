#include "population.hpp"

#include "arsverk/embedded_data.hpp"
#include "simple_csv.hpp"

namespace arsverk::detail {

EmbeddedPopulation::EmbeddedPopulation() {
  embedded::require_present();
  for (const auto& row : simple_csv_rows(embedded::population_folkemengde_2024grenser_2020_2026_csv))
    b2024_[{row.at(0), std::stoi(row.at(1))}] = std::stoll(row.at(2));
  for (const auto& row : simple_csv_rows(embedded::population_folkemengde_2020grenser_2023_csv))
    b2020_[{row.at(0), std::stoi(row.at(1))}] = std::stoll(row.at(2));
  // kilde,aar,nivaa,region,maaltall,verdi,enhet: national population 2015–2026.
  for (const auto& row : simple_csv_rows(embedded::published_nasjonale_tall_csv)) {
    if (row.size() >= 6 && row[4] == "folkemengde" && row[2] == "land")
      b2024_.emplace(std::make_pair(std::string("0"), std::stoi(row[1])), std::stoll(row[5]));
  }
}

const EmbeddedPopulation& EmbeddedPopulation::instance() {
  static const EmbeddedPopulation population;
  return population;
}

namespace {
std::optional<int64_t> find_in(const std::map<std::pair<std::string, int>, int64_t>& m,
                               const std::string& code, int year) {
  auto it = m.find({code, year});
  if (it == m.end()) return std::nullopt;
  return it->second;
}
}  // namespace

std::optional<int64_t> EmbeddedPopulation::borders_2024(const std::string& code, int year) const {
  return find_in(b2024_, code, year);
}
std::optional<int64_t> EmbeddedPopulation::borders_2020(const std::string& code, int year) const {
  return find_in(b2020_, code, year);
}

std::optional<int64_t> EmbeddedPopulation::for_unit(const std::string& code, int year,
                                                    const Registers& registers) const {
  if (auto figure = borders_2024(code, year)) return figure;
  if (structure_for_year(year) != Structure::K2020 || !registers.municipality(Structure::K2020, code))
    return std::nullopt;
  if (auto figure = borders_2020(code, year)) return figure;
  const std::vector<std::string> successors = registers.numbers_2024_for(code);
  if (successors.size() != 1) return std::nullopt;  // 1507 Ålesund: split in 2024
  return borders_2024(successors[0], year);
}

PopulationLookup::PopulationLookup(const std::vector<ParsedFile>& files, const Registers& registers)
    : registers_(registers), embedded_(EmbeddedPopulation::instance()) {
  for (int file_index = 0; file_index < static_cast<int>(files.size()); ++file_index) {
    const ParsedFile& f = files[file_index];
    for (const auto& [key, persons] : f.population) {
      auto at = f.population_line.find(key);
      const int64_t line = at != f.population_line.end() ? at->second : 0;
      auto [it, added] = user_.try_emplace(key, UserFigure{persons, f.name, file_index, line, false});
      UserFigure& first = it->second;
      if (added || first.persons == persons || first.file_index == file_index) continue;
      // Never the last (or the first) silently: the unit-year gets neither file's figure.
      if (!first.conflict)
        conflicts_.push_back({key.first, key.second, first.file_index, file_index, first.line, line,
                              first.persons, persons});
      first.conflict = true;
    }
  }
}

std::optional<PopulationFound> PopulationLookup::direct(const std::string& code, int year,
                                                        bool old_borders) const {
  if (auto it = user_.find({code, year}); it != user_.end() && !it->second.conflict)
    return PopulationFound{it->second.persons, PopulationSource::File, it->second.file};
  auto embedded = old_borders ? embedded_.borders_2020(code, year) : embedded_.borders_2024(code, year);
  if (embedded) return PopulationFound{*embedded, PopulationSource::Embedded, {}};
  return std::nullopt;
}

std::optional<PopulationFound> PopulationLookup::sum_of(const std::vector<std::string>& codes,
                                                        Level level,
                                                        std::optional<Structure> structure,
                                                        int year) const {
  if (codes.empty()) return std::nullopt;
  PopulationFound total;
  bool any_file = false, any_embedded = false;
  for (const auto& c : codes) {
    auto part = find(c, level, structure, year);
    if (!part) return std::nullopt;
    if (!add_checked(total.persons, part->persons)) return std::nullopt;
    if (part->source == PopulationSource::File) {
      any_file = true;
      total.file = part->file;
    } else {
      any_embedded = true;
    }
  }
  total.source = any_file && !any_embedded ? PopulationSource::File : PopulationSource::Embedded;
  if (total.source == PopulationSource::Embedded) total.file.clear();
  return total;
}

std::optional<PopulationFound> PopulationLookup::find(const std::string& code, Level level,
                                                      std::optional<Structure> structure,
                                                      int year) const {
  const bool old_structure = structure == Structure::K2020;
  if (level == Level::Kommune && old_structure) {
    if (auto found = direct(code, year, true)) return found;
    // Old number, figures only on 2024 borders: its successors cover the same territory.
    return sum_of(registers_.numbers_2024_for(code), Level::Kommune, Structure::K2024, year);
  }
  if (auto found = direct(code, year, false)) return found;
  if (level == Level::Fylke && structure) {
    // A county that does not exist on 2024 borders (30 Viken, 38, 54): the sum of its members.
    std::vector<std::string> members;
    for (const auto& m : registers_.municipalities(*structure))
      if (m.county == code) members.push_back(m.code);
    return sum_of(members, Level::Kommune, structure, year);
  }
  return std::nullopt;
}

}  // namespace arsverk::detail
