#pragma once
// Municipalities, counties, Oslo's districts, KOSTRA groups and the 2023→2024 number changes,
// embedded at build time from data/registers/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace arsverk {

// The municipality structure a data year is checked against.
enum class Structure { K2020, K2024 };
// 2020–2023 → K2020, 2024 onward → K2024; before 2020 the calculator has no register.
std::optional<Structure> structure_for_year(int year);
const char* to_string(Structure s);  // "2020-2023" / "2024"

struct Municipality {
  std::string code;     // 4 digits
  std::string name;     // as in the register ("Oslo - Oslove")
  std::string county;   // 2 digits
  int kostra_group = 0; // 1..17
};

struct County {
  std::string code;
  std::string name;
};

struct District {
  std::string code;     // 6 digits, 030101..030117
  std::string name;
  bool reports = true;  // 030116 Sentrum and 030117 Marka have population but do not report
};

std::string kostra_group_code(int group);  // 7 -> "EKG07"
std::optional<int> kostra_group_number(std::string_view code);

class Registers {
 public:
  static const Registers& embedded();

  const std::vector<Municipality>& municipalities(Structure s) const;
  const std::vector<County>& counties(Structure s) const;
  const std::vector<District>& districts() const { return districts_; }

  const Municipality* municipality(Structure s, std::string_view code) const;
  const County* county(Structure s, std::string_view code) const;
  const District* district(std::string_view code) const;

  // Name lookup, case-, accent- and space-insensitive; each part of a Sami double name
  // ("Oslo - Oslove") matches. Several results mean the name is ambiguous in that structure.
  std::vector<const Municipality*> municipalities_named(Structure s, std::string_view name) const;
  const District* district_named(std::string_view name) const;

  // 2023 number -> 2024 number(s) (two for 1507 Ålesund), and the reverse.
  std::vector<std::string> numbers_2024_for(std::string_view code_2023) const;
  std::vector<std::string> numbers_2023_for(std::string_view code_2024) const;

 private:
  Registers();
  struct Table {
    std::vector<Municipality> municipalities;
    std::vector<County> counties;
    std::unordered_map<std::string, std::size_t> municipality_index;
    std::unordered_map<std::string, std::size_t> county_index;
    std::unordered_multimap<std::string, std::size_t> name_index;
  };
  const Table& table(Structure s) const { return s == Structure::K2024 ? k2024_ : k2020_; }
  Table k2020_, k2024_;
  std::vector<District> districts_;
  std::unordered_multimap<std::string, std::string> to_2024_, to_2023_;
};

// Lowercase, æ→ae ø→o å→aa (and their Latin-1 variants), accents dropped, and everything that
// is not a letter or digit removed: "Sør-Varanger" → "sorvaranger", "År" → "aar".
std::string normalise_name(std::string_view text);

}  // namespace arsverk
