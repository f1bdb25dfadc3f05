#pragma once
// The one entry point the CLI, the wasm bindings and the tests use: files go in as chunks,
// settings go in, the report comes out as JSON or CSV. Files are read once, and what they alone
// give (sum rows, validation, unit-years) is prepared once per set of files; a change of settings
// recomputes only the rest.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arsverk/fixed.hpp"
#include "arsverk/model.hpp"
#include "arsverk/reader.hpp"
#include "arsverk/settings.hpp"

namespace arsverk {

class Session {
 public:
  Session();
  ~Session();

  // Returns the file's id. Chunks for one file must come in order; files may interleave. `form`:
  // the text is the IS-24/8 form the page made of figures typed in (ParsedFile::form); it is taken
  // after every file, whenever it was begun, so a file's figure for the same field is the one counted.
  int begin_file(std::string name, bool form = false);
  void feed(int file_id, std::string_view bytes);
  void end_file(int file_id);
  void remove_file(int file_id);
  void clear();
  // What a finished file was recognised as (FileKind::Unknown: nothing the core could read in it),
  // without a report: the page learns at once whether a file dropped over the example is one.
  FileKind file_kind(int file_id) const;

  // Convenience: a whole buffer as one file.
  int add_file(std::string name, std::string_view bytes);

  // The last few reports computed are kept until the files change: asking again, for all years or
  // one, only writes one out.
  std::string report_json(const Settings& settings) const;
  // Computes the report for `settings` and keeps it, so that a later request only writes it out:
  // the page's worker computes the settings one step from those in use while nothing waits.
  void compute_ahead(const Settings& settings) const;
  // The report with one data year's results only — `year`, or the latest with results when that
  // has none or is not given — without their breakdowns by target group and service; all else as
  // report_json gives it. The page shows this first, while the whole report follows (docs/web.md,
  // "The year first").
  std::string report_json_of_year(const Settings& settings, std::optional<int> year) const;
  // Every year's results without their breakdowns, which the page asks for per unit it shows
  // (breakdowns_json; docs/output.md, "Breakdowns apart").
  std::string report_json_without_breakdowns(const Settings& settings) const;
  std::string breakdowns_json(const Settings& settings, const std::vector<std::string>& keys) const;
  std::string report_csv(const Settings& settings, Lang lang) const;  // in the language's spreadsheet style
  // The IS-24/8 form's sums of one unit-year as the files gave it (docs/output.md, "The form's
  // sums"): the same for any settings.
  std::string form_sums_json(const std::string& code, int year) const;
  std::string report_table(const Settings& settings) const;  // plain text for the terminal
  bool has_errors(const Settings& settings) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace arsverk
