#pragma once
// The embedded register files are plain comma-separated UTF-8 with a header and no quoting.
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail {

inline std::vector<std::vector<std::string>> simple_csv_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) { header = false; continue; }
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t comma = line.find(',', start);
      fields.emplace_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                             : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace arsverk::detail
