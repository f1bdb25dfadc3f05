// The form's sums: one unit-year's cells as the files gave them (FileStages::cells, before the
// rules), added up per service the way the IS-24/8 form adds them, so that the page shows sums it
// did not work out itself.
#include <set>

#include "context.hpp"
#include "engine.hpp"

namespace arsverk {

namespace {

// Categories that are parts of a whole: 2024's a–e and 2015's disjoint levels. The nested 2015
// measures contain one another, and a total column is the whole itself.
bool adds_up(Category c) {
  return c != Category::Total && c != Category::M1 && c != Category::M2 && c != Category::M3 && c != Category::M4;
}

// Sums that leave out, for good, one that would overflow.
template <typename Key>
struct Sums {
  std::map<Key, Fixed> sums;
  std::set<Key> lost;
  void add(Key key, Fixed value) {
    if (lost.count(key)) return;
    auto [it, fresh] = sums.try_emplace(key, value);
    if (!fresh && !it->second.add_checked(value)) {
      sums.erase(it);
      lost.insert(key);
    }
  }
};

using Part = std::pair<TargetGroup, const detail::Cell*>;

// The names of the files whose figures `parts` hold (a file and a form for the same unit are summed
// together: the form says so, by name), in the order they were read.
class FileNames {
 public:
  FileNames(const std::vector<ParsedFile>& files, const detail::FileStages& stages) : files_(files), stages_(stages) {}
  std::vector<std::string> of(const std::vector<Part>& parts) const {
    std::set<int> read;
    for (const auto& [group, cell] : parts)
      for (int i = 0; i < kCategoryCount; ++i)
        if (cell->amounts[i]) read.insert(stages_.sources[cell->files[i]].file);
    std::vector<std::string> names;
    for (int file : read) names.push_back(files_[file].name);
    return names;
  }

 private:
  const std::vector<ParsedFile>& files_;
  const detail::FileStages& stages_;
};

FormSheet sheet_of(const std::string& service, const std::vector<Part>& parts, const FileNames& names) {
  Sums<Category> categories;
  Sums<TargetGroup> groups;
  Sums<bool> total;  // one key: the sheet's whole
  for (const auto& [group, cell] : parts) {
    for (int i = 0; i < kCategoryCount; ++i) {
      const auto& amount = cell->amounts[i];
      if (!amount) continue;
      const auto category = static_cast<Category>(i);
      categories.add(category, *amount);
      if (!adds_up(category)) continue;
      if (group != TargetGroup::Unspecified) groups.add(group, *amount);
      total.add(true, *amount);
    }
  }
  const auto whole = total.sums.find(true);
  return FormSheet{service, std::move(categories.sums), std::move(groups.sums),
                   whole == total.sums.end() ? std::nullopt : std::optional<Fixed>(whole->second), names.of(parts)};
}

}  // namespace

FormSums form_sums(const std::vector<ParsedFile>& files, const detail::FileStages& stages, const std::string& code,
                   int year) {
  FormSums sums;
  sums.code = code;
  sums.year = year;
  const auto unit = stages.cells.find({code, year});
  if (unit == stages.cells.end()) return sums;
  const FileNames names(files, stages);
  std::map<std::string, std::vector<Part>> by_service;
  std::vector<Part> all;
  for (const auto& [key, cell] : unit->second) {
    by_service[key.service].emplace_back(key.group, &cell);
    all.emplace_back(key.group, &cell);
  }
  for (const auto& [service, parts] : by_service) sums.sheets.push_back(sheet_of(service, parts, names));
  sums.files = names.of(all);
  if (const auto read = stages.units.find({code, year}); read != stages.units.end())
    for (int i = 0; i < 4; ++i)
      for (int c = 0; c < kCategoryCount; ++c)
        if (read->second.missing[i] & (1u << c)) sums.missing[i].push_back(static_cast<Category>(c));
  return sums;
}

}  // namespace arsverk
