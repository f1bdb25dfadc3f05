#include "arsverk/session.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "arsverk/report.hpp"

namespace arsverk {

Settings settings_from_json(std::string_view text) {
  Settings s;
  if (text.empty()) return s;
  const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument("settings must be a JSON object");
  if (auto it = j.find("year"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer()) throw std::invalid_argument("settings.year must be a whole number or null");
    s.year = it->get<int>();
  }
  if (auto it = j.find("population_year"); it != j.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : "";
    if (v != "same" && v != "next") throw std::invalid_argument("settings.population_year must be \"same\" or \"next\"");
    s.population_year = v == "next" ? PopulationYear::Next : PopulationYear::Same;
  }
  for (auto [key, target] : {std::pair<const char*, bool*>{"carry_forward", &s.carry_forward},
                             std::pair<const char*, bool*>{"suppression", &s.suppression}}) {
    if (auto it = j.find(key); it != j.end()) {
      if (!it->is_boolean()) throw std::invalid_argument(std::string("settings.") + key + " must be true or false");
      *target = it->get<bool>();
    }
  }
  if (auto it = j.find("lang"); it != j.end()) {
    const std::string v = it->is_string() ? it->get<std::string>() : "";
    if (v != "nb" && v != "en") throw std::invalid_argument("settings.lang must be \"nb\" or \"en\"");
    s.lang = v == "en" ? Lang::En : Lang::Nb;
  }
  return s;
}

struct Session::Impl {
  struct Entry {
    int id;
    std::unique_ptr<FileReader> reader;  // while being read
    ParsedFile parsed;
  };
  std::vector<Entry> entries;
  int next_id = 1;

  Entry& entry(int id) {
    for (auto& e : entries)
      if (e.id == id) return e;
    throw std::out_of_range("no file with id " + std::to_string(id));
  }
  std::vector<ParsedFile> finished() const {
    std::vector<ParsedFile> out;
    for (const auto& e : entries)
      if (!e.reader) out.push_back(e.parsed);
    return out;
  }
};

Session::Session() : impl_(std::make_unique<Impl>()) {}
Session::~Session() = default;

int Session::begin_file(std::string name) {
  const int id = impl_->next_id++;
  const int index = static_cast<int>(impl_->entries.size());
  impl_->entries.push_back({id, std::make_unique<FileReader>(std::move(name), index), {}});
  return id;
}

void Session::feed(int file_id, std::string_view bytes) {
  auto& e = impl_->entry(file_id);
  if (!e.reader) throw std::logic_error("file already ended");
  e.reader->feed(bytes);
}

void Session::end_file(int file_id) {
  auto& e = impl_->entry(file_id);
  if (!e.reader) return;
  e.parsed = e.reader->finish();
  e.reader.reset();
}

void Session::remove_file(int file_id) {
  auto& v = impl_->entries;
  v.erase(std::remove_if(v.begin(), v.end(), [&](const Impl::Entry& e) { return e.id == file_id; }), v.end());
}

void Session::clear() { impl_->entries.clear(); }

int Session::add_file(std::string name, std::string_view bytes) {
  const int id = begin_file(std::move(name));
  feed(id, bytes);
  end_file(id);
  return id;
}

std::string Session::report_json(const Settings& settings) const {
  const auto files = impl_->finished();
  return report_to_json(compute(files, settings), settings);
}

std::string Session::report_csv(const Settings& settings, CsvStyle style) const {
  const auto files = impl_->finished();
  return report_to_csv(compute(files, settings), settings, style == CsvStyle::Norwegian);
}

std::string Session::report_table(const Settings& settings) const {
  const auto files = impl_->finished();
  return report_to_table(compute(files, settings), settings);
}

bool Session::has_errors(const Settings& settings) const {
  const auto files = impl_->finished();
  const Report r = compute(files, settings);
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace arsverk
