#pragma once
// A unit cell → a municipality or city district code: numbers, names, SSB's "K-3101 Moss", with
// the year's structure; and the messages for a unit that cannot be read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arsverk/registers.hpp"
#include "read_context.hpp"

namespace arsverk::detail {

enum class UnitStatus {
  Ok,
  Empty,
  Historical,       // "(1988-2003)": not today's unit (population: a unit in the years of its period)
  Rest,             // "K-Rest …"
  NotMunicipality,  // "K-21-22 Svalbard", "K-23 Continental shelf"
  Unresolved,
  Ambiguous,
  NeedsYear,        // a name, but the row has no usable year to pick the structure
};

// A historical unit's period, as SSB writes it after the name: "K-3001 Halden (2020-2023)".
// 0 is an open end ("(-2019)", "(2020-)").
struct UnitPeriod {
  int from = 0, to = 0;
  bool holds(int year) const { return (from == 0 || year >= from) && (to == 0 || year <= to); }
};

struct UnitResult {
  UnitStatus status = UnitStatus::Empty;
  std::string code;                    // normalised code when Ok (also for Historical)
  bool restored_zero = false;          // "301" → "0301"
  bool thousands_grouped = false;      // "3.101" / "3 101" → "3101" (Excel's thousands format)
  std::string name_conflict;           // "3101 Moss" in 2024: "3103 Moss", the unit the name is
  std::vector<std::string> candidates; // for Ambiguous: "1515 Herøy (Møre og Romsdal)", ...
  std::optional<UnitPeriod> period;    // for Historical
};

UnitResult parse_unit(std::string_view text, std::optional<int> year, const Registers& registers);

// For population files: district codes that are not units of the indicator.
enum class DistrictKind { Unit, CityTotal, UnknownDistrict, OtherCity };
DistrictKind district_kind(std::string_view six_digit_code);

// Reports one restored-leading-zero info per file.
void report_restored_zero(ReadContext& ctx, bool& reported, std::string_view text,
                          const std::string& code, int64_t line, int column);
// Reports one thousands-grouped unit number ("3.101") per file: Excel's number format, never a
// county (a warning where FTEs are read, an info for population).
void report_thousands_grouped(ReadContext& ctx, bool& reported, Severity severity,
                              std::string_view text, const std::string& code, int64_t line,
                              int column);
// Reports a unit that could not be read (unknown name, ambiguous, …) as an error.
void report_bad_unit(ReadContext& ctx, const UnitResult& r, std::string_view text, int64_t line,
                     int column, const char* what_nb, const char* what_en);

}  // namespace arsverk::detail
