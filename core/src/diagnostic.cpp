#include "arsverk/diagnostic.hpp"

#include <algorithm>

namespace arsverk {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "info";
}

int Diagnostics::count_of(const std::string& file, const std::string& code) const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.file == file && d.code == code;
  }));
}

void Diagnostics::add(Diagnostic d) {
  if (count_of(d.file, d.code) < kMaxPerCode) {
    items_.push_back(std::move(d));
    return;
  }
  for (auto& s : suppressed_) {
    if (s.file == d.file && s.code == d.code) { ++s.count; return; }
  }
  suppressed_.push_back({d.file, d.code, d.severity, d.line, 1});
}

void Diagnostics::add(Severity s, std::string code, std::string file, int64_t line, int column,
                      std::string nb, std::string en) {
  add(Diagnostic{s, std::move(code), std::move(file), line, column, std::move(nb), std::move(en)});
}

void Diagnostics::close_file(const std::string& file) {
  for (auto it = suppressed_.begin(); it != suppressed_.end();) {
    if (it->file != file) { ++it; continue; }
    std::string n = std::to_string(it->count);
    items_.push_back({it->severity, it->code, file, it->first_line, 0,
                      "… og " + n + " flere meldinger av samme slag (" + it->code +
                          ") fra linje " + std::to_string(it->first_line) + " og utover.",
                      "… and " + n + " more messages of the same kind (" + it->code +
                          ") from line " + std::to_string(it->first_line) + " on."});
    it = suppressed_.erase(it);
  }
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace arsverk
