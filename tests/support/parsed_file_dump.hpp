#pragma once
// Shared by the reader tests and the fuzz targets.
#include <sstream>
#include <string>

#include "arsverk/model.hpp"

// Everything in a ParsedFile as text, for comparing two readings.
inline std::string dump(const arsverk::ParsedFile& f) {
  std::ostringstream o;
  o << f.name << '|' << arsverk::to_string(f.kind) << '|' << f.format << '|' << f.encoding << '|'
    << f.delimiter << '|' << f.rows << '|' << f.has_target_group << f.has_service << '\n';
  for (const auto& v : f.arsverk)
    o << "A " << v.unit << ' ' << v.year << ' ' << static_cast<int>(v.group) << ' ' << v.service << ' '
      << static_cast<int>(v.category) << ' ' << v.value.micro() << ' ' << v.line << '\n';
  for (const auto& r : f.reference)
    o << "R " << r.unit << ' ' << r.year << ' ' << r.measure << ' ' << r.per_1000.micro() << ' ' << r.line << '\n';
  for (const auto& [k, v] : f.population) o << "P " << k.first << ' ' << k.second << ' ' << v << '\n';
  for (const auto& [k, v] : f.population_line) o << "L " << k.first << ' ' << k.second << ' ' << v << '\n';
  for (const auto& d : f.diagnostics)
    o << "D " << static_cast<int>(d.severity) << ' ' << d.code << ' ' << d.file << ' ' << d.line << ' '
      << d.column << ' ' << d.nb << " // " << d.en << '\n';
  return o.str();
}
