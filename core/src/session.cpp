#include "arsverk/session.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "arsverk/report.hpp"
#include "indicator/engine.hpp"

namespace arsverk {

// Files being read keep their reader; finished files live in `done`, in the order they were
// begun, so a report reads them in place without copying.
struct Session::Impl {
  std::map<int, std::unique_ptr<FileReader>> reading;
  std::vector<int> order;              // ids in the order begun
  std::vector<int> done_ids;           // parallel to done
  std::vector<ParsedFile> done;
  int next_id = 1;
  std::set<int> forms;  // the ids of the typed form's texts (begin_file's `form`)
  // What the finished files alone give, made at the first report after they changed.
  std::shared_ptr<const detail::FileStages> prepared;
  // The reports last computed and their settings, oldest first (they point into `done`): dropped
  // with `prepared`. A few, so that a setting computed ahead (compute_ahead) or set back is only
  // written out: the one in use and one step from it in each setting the page has.
  struct KeptReport {
    Settings settings;
    Report report;
  };
  static constexpr std::size_t kReportsKept = 6;
  std::vector<KeptReport> kept;

  const detail::FileStages& stages() {
    if (!prepared) prepared = arsverk::prepare(done, Registers::embedded());
    return *prepared;
  }
  // The report for `settings`, computed unless kept, and now the newest kept.
  const Report& compute(const Settings& settings) {
    const detail::FileStages& files_alone = stages();
    auto it = std::find_if(kept.begin(), kept.end(), [&](const KeptReport& k) { return k.settings == settings; });
    if (it != kept.end()) {
      std::rotate(it, it + 1, kept.end());
      return kept.back().report;
    }
    if (kept.size() == kReportsKept) kept.erase(kept.begin());  // its memory free before the next is made
    kept.push_back(KeptReport{settings, arsverk::compute(done, files_alone, settings, Registers::embedded())});
    return kept.back().report;
  }
  void files_changed() {
    prepared.reset();
    kept.clear();
  }

  FileReader& reader(int id) {
    auto it = reading.find(id);
    if (it == reading.end()) throw std::out_of_range("no file being read with id " + std::to_string(id));
    return *it->second;
  }
  // Finished files sorted back into the order they were begun, the typed form after every file:
  // where a file gives the same field, the file's figure is the one counted (validate.cpp) however
  // the form and the files came — the page adds the form anew after each edit and each change of
  // language, and the figures must not follow that.
  void insert_done(int id, ParsedFile parsed) {
    const auto rank = [&](int x) {
      return std::make_pair(forms.count(x) > 0, std::find(order.begin(), order.end(), x) - order.begin());
    };
    std::size_t at = 0;
    while (at < done_ids.size() && rank(done_ids[at]) < rank(id)) ++at;
    done_ids.insert(done_ids.begin() + static_cast<std::ptrdiff_t>(at), id);
    done.insert(done.begin() + static_cast<std::ptrdiff_t>(at), std::move(parsed));
  }
};

Session::Session() : impl_(std::make_unique<Impl>()) {}
Session::~Session() = default;

int Session::begin_file(std::string name, bool form) {
  impl_->kept.clear();  // their memory is the new file's while it is read; a report after it is new anyway
  const int id = impl_->next_id++;
  if (form) impl_->forms.insert(id);
  impl_->reading[id] = std::make_unique<FileReader>(std::move(name));
  impl_->order.push_back(id);
  return id;
}

void Session::feed(int file_id, std::string_view bytes) { impl_->reader(file_id).feed(bytes); }

void Session::end_file(int file_id) {
  auto it = impl_->reading.find(file_id);
  if (it == impl_->reading.end()) {
    const auto& done = impl_->done_ids;
    if (std::find(done.begin(), done.end(), file_id) != done.end()) return;  // ended already
    throw std::out_of_range("no file with id " + std::to_string(file_id));
  }
  ParsedFile parsed = it->second->finish();
  parsed.form = impl_->forms.count(file_id) > 0;
  impl_->reading.erase(it);
  impl_->insert_done(file_id, std::move(parsed));
  impl_->files_changed();
}

FileKind Session::file_kind(int file_id) const {
  const auto& ids = impl_->done_ids;
  const auto at = std::find(ids.begin(), ids.end(), file_id);
  if (at == ids.end()) throw std::out_of_range("no finished file with id " + std::to_string(file_id));
  return impl_->done[static_cast<std::size_t>(at - ids.begin())].kind;
}

void Session::remove_file(int file_id) {
  impl_->reading.erase(file_id);
  auto& ids = impl_->done_ids;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] != file_id) continue;
    ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(i));
    impl_->done.erase(impl_->done.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  auto& order = impl_->order;
  order.erase(std::remove(order.begin(), order.end(), file_id), order.end());
  impl_->forms.erase(file_id);
  impl_->files_changed();
}

void Session::clear() {
  impl_->reading.clear();
  impl_->order.clear();
  impl_->done_ids.clear();
  impl_->done.clear();
  impl_->forms.clear();
  impl_->files_changed();
}

int Session::add_file(std::string name, std::string_view bytes) {
  const int id = begin_file(std::move(name));
  feed(id, bytes);
  end_file(id);
  return id;
}

void Session::compute_ahead(const Settings& settings) const { impl_->compute(settings); }

std::string Session::report_json(const Settings& settings) const {
  return report_to_json(impl_->compute(settings), settings);
}

std::string Session::report_json_of_year(const Settings& settings, std::optional<int> year) const {
  const Report& report = impl_->compute(settings);
  const auto& years = report.years;
  if (!year || std::find(years.begin(), years.end(), *year) == years.end())
    year = years.empty() ? std::nullopt : std::optional<int>(years.back());
  return report_to_json(report, settings, {year, false});
}

std::string Session::report_json_without_breakdowns(const Settings& settings) const {
  return report_to_json(impl_->compute(settings), settings, {std::nullopt, false});
}

std::string Session::breakdowns_json(const Settings& settings, const std::vector<std::string>& keys) const {
  return breakdowns_to_json(impl_->compute(settings), keys);
}

std::string Session::report_csv(const Settings& settings, Lang lang) const {
  return report_to_csv(impl_->compute(settings), settings, lang);
}

std::string Session::form_sums_json(const std::string& code, int year) const {
  return form_sums_to_json(form_sums(impl_->done, impl_->stages(), code, year));
}

std::string Session::report_table(const Settings& settings) const {
  return report_to_table(impl_->compute(settings), settings);
}

bool Session::has_errors(const Settings& settings) const {
  const Report& r = impl_->compute(settings);
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace arsverk
