#pragma once
// Helpers for the reader tests.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "arsverk/reader.hpp"
#include "../support/parsed_file_dump.hpp"

namespace reader_test {

inline std::string source_path(const std::string& rel) { return std::string(ARSVERK_SOURCE_DIR) + "/" + rel; }

inline std::string slurp(const std::string& rel) {
  std::ifstream in(source_path(rel), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline arsverk::ParsedFile read_chunked(std::string_view bytes, std::size_t chunk,
                                        const std::string& name = "test.csv",
                                        arsverk::ReaderLimits limits = {}) {
  arsverk::FileReader r(name, arsverk::Registers::embedded(), limits);
  for (std::size_t i = 0; i < bytes.size(); i += chunk) r.feed(bytes.substr(i, chunk));
  return r.finish();
}

inline arsverk::ParsedFile read(std::string_view bytes, const std::string& name = "test.csv") {
  return arsverk::read_file(name, bytes);
}


inline arsverk::Fixed fx(int64_t micro) { return arsverk::Fixed::from_micro(micro); }

// The value of one unit, year, category, target group and service, or nullptr.
inline const arsverk::ArsverkValue* value_of(const arsverk::ParsedFile& f, const std::string& unit, int year,
                                             arsverk::Category c,
                                             arsverk::TargetGroup g = arsverk::TargetGroup::Unspecified,
                                             const std::string& service = "") {
  for (const auto& v : f.arsverk)
    if (v.unit == unit && v.year == year && v.category == c && v.group == g && v.service == service) return &v;
  return nullptr;
}

inline bool has_code(const arsverk::ParsedFile& f, const std::string& code) {
  for (const auto& d : f.diagnostics)
    if (d.code == code) return true;
  return false;
}

inline const arsverk::Diagnostic* find_code(const arsverk::ParsedFile& f, const std::string& code) {
  for (const auto& d : f.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

inline int count_severity(const arsverk::ParsedFile& f, arsverk::Severity s) {
  int n = 0;
  for (const auto& d : f.diagnostics) n += d.severity == s;
  return n;
}

inline std::string all_codes(const arsverk::ParsedFile& f) {
  std::string s;
  for (const auto& d : f.diagnostics) s += d.code + "@" + std::to_string(d.line) + " ";
  return s;
}

}  // namespace reader_test
