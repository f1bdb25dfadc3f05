#include "arsverk/diagnostic.hpp"

#include <algorithm>

namespace arsverk {

std::string column_letters(int column) {
  std::string letters;
  while (column > 0) {
    int rem = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return letters;
}

namespace {

// A sheet's name as Excel writes it in a reference: quoted when it has spaces or punctuation.
std::string sheet_reference(std::string_view sheet) {
  bool plain = true;
  for (char c : sheet) {
    const bool ascii = static_cast<unsigned char>(c) < 0x80;
    if (ascii && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'))
      plain = false;
  }
  if (plain) return std::string(sheet);
  std::string name = "'";
  for (char c : sheet) name += c == '\'' ? std::string("''") : std::string(1, c);
  return name + "'";
}

void capitalise(std::string& s) {
  if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s.front() = static_cast<char>(s.front() - 'a' + 'A');
}

}  // namespace

std::string place_in_file(std::string_view sheet, int64_t line, int column, Lang lang) {
  if (!sheet.empty()) {
    const std::string name = sheet_reference(sheet);
    if (line > 0 && column > 0) return name + "!" + column_letters(column) + std::to_string(line);
    if (line > 0) return name + (lang == Lang::Nb ? ", rad " : ", row ") + std::to_string(line);
    return (lang == Lang::Nb ? "Arket " : "Sheet ") + name;
  }
  if (line <= 0) return {};
  std::string place = (lang == Lang::Nb ? "linje " : "line ") + std::to_string(line);
  if (column > 0) place += (lang == Lang::Nb ? ", kolonne " : ", column ") + std::to_string(column);
  return place;
}

std::string place_of_line(std::string_view file, std::string_view sheet, int64_t line, Lang lang, bool form) {
  if (form) return lang == Lang::Nb ? "skjemaet" : "the form";
  std::string place = sheet.empty() ? (lang == Lang::Nb ? "linje " : "line ") + std::to_string(line)
                                    : place_in_file(sheet, line, 0, lang);
  if (!file.empty()) place += (lang == Lang::Nb ? " i " : " of ") + std::string(file);
  return place;
}

std::string place_text(const Diagnostic& d, Lang lang) {
  switch (d.place_in_text) {
    case PlaceInText::None: return {};
    case PlaceInText::Cell: {
      std::string place = place_in_file(d.sheet, d.line, d.column, lang);
      if (d.sheet.empty()) capitalise(place);
      return place;
    }
    case PlaceInText::CellOfFile: {
      if (d.line <= 0) return {};
      std::string place = place_in_file(d.sheet, d.line, d.column, lang);
      if (!d.file.empty()) place += (lang == Lang::Nb ? " i " : " of ") + d.file;
      capitalise(place);  // a sheet's name too, as the computation's messages always did
      return place;
    }
  }
  return {};
}

std::string Diagnostic::text(Lang lang) const {
  const std::string& body = lang == Lang::Nb ? nb : en;
  std::string place = place_text(*this, lang);
  return place.empty() ? body : place + ": " + body;
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "info";
}

int Diagnostics::count_of(const std::string& file, std::string_view code) const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [&](const Diagnostic& d) {
    return d.file == file && d.code == code;
  }));
}

bool Diagnostics::admit(const std::string& file, std::string_view code, Severity severity, int64_t line) {
  if (count_of(file, code) < kMaxPerCode) return true;
  for (auto& held_back : suppressed_) {
    if (held_back.file == file && held_back.code == code) { ++held_back.count; return false; }
  }
  suppressed_.push_back({file, std::string(code), severity, line, 1});
  return false;
}

void Diagnostics::add(Diagnostic d) {
  if (admit(d.file, d.code, d.severity, d.line)) items_.push_back(std::move(d));
}

void Diagnostics::add(Severity severity, std::string code, std::string file, int64_t line, int column,
                      std::string nb, std::string en) {
  add(Diagnostic{severity, std::move(code), std::move(file), line, column, std::move(nb), std::move(en)});
}

void Diagnostics::close_file(const std::string& file) {
  for (auto it = suppressed_.begin(); it != suppressed_.end();) {
    if (it->file != file) { ++it; continue; }
    const std::string more = std::to_string(it->count);
    items_.push_back({it->severity, it->code, file, it->first_line, 0,
                      "… og " + more + " flere meldinger av samme slag (" + it->code +
                          ") fra linje " + std::to_string(it->first_line) + " og utover.",
                      "… and " + more + " more messages of the same kind (" + it->code +
                          ") from line " + std::to_string(it->first_line) + " on."});
    it = suppressed_.erase(it);
  }
}

void Diagnostics::append_since(const Diagnostics& later, const Diagnostics& base) {
  items_.insert(items_.end(), later.items_.begin() + static_cast<std::ptrdiff_t>(base.items_.size()), later.items_.end());
  auto find = [](auto& in, const Suppressed& s) {
    return std::find_if(in.begin(), in.end(), [&](const Suppressed& x) { return x.file == s.file && x.code == s.code; });
  };
  for (const Suppressed& s : later.suppressed_) {
    const auto was = find(base.suppressed_, s);
    const int64_t more = s.count - (was == base.suppressed_.end() ? 0 : was->count);
    if (more == 0) continue;
    if (auto here = find(suppressed_, s); here != suppressed_.end()) {
      here->count += more;
    } else {
      suppressed_.push_back(s);
      suppressed_.back().count = more;
    }
  }
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace arsverk
