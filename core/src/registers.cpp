#include "arsverk/registers.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "arsverk/embedded_data.hpp"
#include "simple_csv.hpp"

namespace arsverk {

std::optional<Structure> structure_for_year(int year) {
  if (year >= 2024) return Structure::K2024;
  if (year >= 2020) return Structure::K2020;
  return std::nullopt;
}

const char* to_string(Structure s) { return s == Structure::K2024 ? "2024" : "2020-2023"; }

std::string kostra_group_code(int group) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "EKG%02d", group);
  return buf;
}

std::optional<int> kostra_group_number(std::string_view code) {
  if (code.size() != 5 || code.substr(0, 3) != "EKG") return std::nullopt;
  if (code[3] < '0' || code[3] > '9' || code[4] < '0' || code[4] > '9') return std::nullopt;
  int number = (code[3] - '0') * 10 + (code[4] - '0');
  if (number < 1 || number > 17) return std::nullopt;
  return number;
}

std::string normalise_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      continue;
    }
    // Two-byte UTF-8 sequences for Latin-1 letters (U+00C0..U+00FF).
    if ((c == 0xC3) && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[++i]);
      unsigned cp = 0xC0 + (d & 0x3F);
      switch (cp) {
        case 0xC6: case 0xE6: out += "ae"; break;          // Æ æ
        case 0xD8: case 0xF8: out += "o"; break;           // Ø ø
        case 0xC5: case 0xE5: out += "aa"; break;          // Å å
        case 0xC4: case 0xE4: out += "a"; break;           // Ä ä
        case 0xD6: case 0xF6: out += "o"; break;           // Ö ö
        case 0xDC: case 0xFC: out += "u"; break;           // Ü ü
        case 0xC1: case 0xE1: case 0xC0: case 0xE0: case 0xC2: case 0xE2: out += "a"; break;
        case 0xC9: case 0xE9: case 0xC8: case 0xE8: case 0xCA: case 0xEA: out += "e"; break;
        case 0xCD: case 0xED: case 0xCC: case 0xEC: out += "i"; break;
        case 0xD3: case 0xF3: case 0xD2: case 0xF2: case 0xD4: case 0xF4: out += "o"; break;
        case 0xDA: case 0xFA: case 0xD9: case 0xF9: out += "u"; break;
        case 0xD1: case 0xF1: out += "n"; break;
        default: break;
      }
      continue;
    }
    // Sami letters used in official names: č đ ŋ š ŧ ž (U+010D, U+0111, U+014B, U+0161, U+0167, U+017E)
    if ((c == 0xC4 || c == 0xC5) && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[++i]);
      unsigned cp = ((c & 0x1F) << 6) | (d & 0x3F);
      switch (cp | 1u) {  // upper and lower case differ in the lowest bit here
        case 0x010D: out += "c"; break;
        case 0x0111: out += "d"; break;
        case 0x014B: out += "n"; break;
        case 0x0161: out += "s"; break;
        case 0x0167: out += "t"; break;
        case 0x017F: out += "z"; break;  // 0x017E|1
        default: break;
      }
      continue;
    }
    // Anything else non-ASCII (punctuation, spaces like U+00A0) is dropped.
    if (c >= 0xC0) {
      while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) ++i;
    }
  }
  return out;
}

namespace {

void index_names(std::unordered_multimap<std::string, std::size_t>& index, const std::string& name,
                 std::size_t at) {
  index.emplace(normalise_name(name), at);
  // Sami double names "Oslo - Oslove", "Kárášjohka - Karasjok": each part is a name.
  std::size_t pos = 0;
  while (true) {
    std::size_t dash = name.find(" - ", pos);
    std::string part = name.substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
    if (part.size() != name.size()) index.emplace(normalise_name(part), at);
    if (dash == std::string::npos) break;
    pos = dash + 3;
  }
  // "Herøy (Nordland)": the part before the parenthesis is also a (possibly ambiguous) name.
  std::size_t paren = name.find(" (");
  if (paren != std::string::npos) index.emplace(normalise_name(name.substr(0, paren)), at);
}

}  // namespace

Registers::Registers() {
  embedded::require_present();
  auto load = [](Table& t, std::string_view municipalities, std::string_view counties,
                 std::string_view groups) {
    for (const auto& row : detail::simple_csv_rows(counties)) {
      t.county_index[row.at(0)] = t.counties.size();
      t.counties.push_back({row.at(0), row.at(1)});
    }
    for (const auto& row : detail::simple_csv_rows(municipalities)) {
      t.municipality_index[row.at(0)] = t.municipalities.size();
      index_names(t.name_index, row.at(1), t.municipalities.size());
      t.municipalities.push_back({row.at(0), row.at(1), row.at(2), 0});
    }
    for (const auto& row : detail::simple_csv_rows(groups)) {
      auto it = t.municipality_index.find(row.at(0));
      if (it == t.municipality_index.end())
        throw std::logic_error("KOSTRA register names an unknown municipality " + row.at(0));
      t.municipalities[it->second].kostra_group = std::stoi(row.at(1));
    }
  };
  load(k2020_, embedded::registers_kommuner_2020_2023_csv, embedded::registers_fylker_2020_2023_csv,
       embedded::registers_kostragrupper_2020_kommunenummer_2020_csv);
  load(k2024_, embedded::registers_kommuner_2024_csv, embedded::registers_fylker_2024_csv,
       embedded::registers_kostragrupper_2020_kommunenummer_2024_csv);
  for (const auto& row : detail::simple_csv_rows(embedded::registers_bydeler_oslo_csv))
    districts_.push_back({row.at(0), row.at(1), row.at(2) == "ja"});
  for (const auto& row : detail::simple_csv_rows(embedded::registers_kommuneendringer_2023_2024_csv)) {
    to_2024_.emplace(row.at(0), row.at(1));
    to_2023_.emplace(row.at(1), row.at(0));
  }
}

const Registers& Registers::embedded() {
  static const Registers registers;
  return registers;
}

const std::vector<Municipality>& Registers::municipalities(Structure s) const {
  return table(s).municipalities;
}
const std::vector<County>& Registers::counties(Structure s) const { return table(s).counties; }

const Municipality* Registers::municipality(Structure s, std::string_view code) const {
  const Table& t = table(s);
  auto it = t.municipality_index.find(std::string(code));
  return it == t.municipality_index.end() ? nullptr : &t.municipalities[it->second];
}

const County* Registers::county(Structure s, std::string_view code) const {
  const Table& t = table(s);
  auto it = t.county_index.find(std::string(code));
  return it == t.county_index.end() ? nullptr : &t.counties[it->second];
}

const District* Registers::district(std::string_view code) const {
  for (const auto& d : districts_)
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<const Municipality*> Registers::municipalities_named(Structure s,
                                                                 std::string_view name) const {
  const Table& t = table(s);
  std::vector<const Municipality*> found;
  auto range = t.name_index.equal_range(normalise_name(name));
  for (auto it = range.first; it != range.second; ++it) {
    const Municipality* m = &t.municipalities[it->second];
    bool seen = false;
    for (auto* f : found) seen = seen || f == m;
    if (!seen) found.push_back(m);
  }
  return found;
}

const District* Registers::district_named(std::string_view name) const {
  std::string key = normalise_name(name);
  for (const auto& d : districts_)
    if (normalise_name(d.name) == key) return &d;
  return nullptr;
}

namespace {
std::vector<std::string> lookup(const std::unordered_multimap<std::string, std::string>& map,
                                 std::string_view key) {
  std::vector<std::string> out;
  auto range = map.equal_range(std::string(key));
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

std::vector<std::string> Registers::numbers_2024_for(std::string_view code_2023) const {
  return lookup(to_2024_, code_2023);
}
std::vector<std::string> Registers::numbers_2023_for(std::string_view code_2024) const {
  return lookup(to_2023_, code_2024);
}

}  // namespace arsverk
