// Collect: every årsverk value and every published reference rate of every file, with where it
// came from (the file, and in a workbook the sheet), in reading order.
#include "context.hpp"

namespace arsverk::detail {

void collect(Context& ctx) {
  FileStages& out = ctx.out();
  const int n = static_cast<int>(ctx.files.size());
  for (int file_index = 0; file_index < n; ++file_index) out.sources.push_back({file_index, ""});
  for (int file_index = 0; file_index < n; ++file_index) {
    const ParsedFile& f = ctx.files[file_index];
    // A workbook: one source per sheet, numbered after the files, so that the computation's
    // messages name the sheet and row Excel shows («Ark1, rad 8»), a workbook of one sheet too.
    const bool workbook = !f.sheets.empty();
    const int first = workbook ? static_cast<int>(out.sources.size()) : file_index;
    for (const std::string& sheet : f.sheets) out.sources.push_back({file_index, sheet});
    auto source = [&](uint16_t sheet) { return workbook ? first + sheet : file_index; };
    for (const ArsverkValue& v : f.arsverk) out.values.push_back({&v, source(v.sheet)});
    for (const ReferenceRate& r : f.reference) out.reference_values.push_back({&r, source(r.sheet)});
    for (const SumLabel& l : f.sum_labels) out.sum_labels.emplace(std::pair{source(l.sheet), l.line}, &l);
    for (const SkippedRow& r : f.skipped_rows) out.skipped_rows.emplace(r.unit, r.year, r.group);
  }
}

}  // namespace arsverk::detail
