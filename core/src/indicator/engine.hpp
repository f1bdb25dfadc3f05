#pragma once
// The computation for a Session: what the files alone give is prepared once per set of files, and
// each report (a change of settings) starts from it. compute(files, settings) in report.hpp does
// both in one.
#include <memory>
#include <vector>

#include "arsverk/model.hpp"
#include "arsverk/registers.hpp"
#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"

namespace arsverk {

namespace detail {
struct FileStages;
}

// Refers into `files`: valid while they are neither changed nor moved elsewhere.
std::shared_ptr<const detail::FileStages> prepare(const std::vector<ParsedFile>& files, const Registers& registers);

Report compute(const std::vector<ParsedFile>& files, const detail::FileStages& prepared, const Settings& settings,
               const Registers& registers);

// The form's sums of one unit-year (report.hpp, FormSums) from what the files alone give; `files`
// are those `prepared` was made of (the names of those that give the unit-year).
FormSums form_sums(const std::vector<ParsedFile>& files, const detail::FileStages& prepared, const std::string& code,
                   int year);

}  // namespace arsverk
