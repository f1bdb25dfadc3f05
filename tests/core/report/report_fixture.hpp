#pragma once
// Small sessions with figures chosen so that every rate is known: Halden (3101) in 2024 with
// 12 500 inhabitants from a file and a = 10, b = 25, c = 5, d = 2,5, e = 0 årsverk, so that
// M1 = 3,4, M2 = 2,8, M3 = 2,0 and M4 = 0,2 per 1 000.
#include <string>

#include "arsverk/session.hpp"

namespace report_test {

inline const char* const kPopulation = "kommune;år;befolkning\n3101;2024;12500\n";
inline const char* const kArsverk = "kommune;år;a;b;c;d;e\n3101;2024;10;25;5;2,5;0\n";
// d left blank: M1 (a–e) and M4 (d) are not given.
inline const char* const kArsverkWithoutD = "kommune;år;a;b;c;d;e\n3101;2024;10;25;5;;0\n";
// Adults only: in 2024 the municipality is left out of the display (no årsverk for children).
inline const char* const kAdultsOnly = "kommune;år;målgruppe;a;b;c;d;e\n3101;2024;voksne;10;25;5;2,5;0\n";

struct Halden {
  arsverk::Session session;
  explicit Halden(const char* arsverk_csv = kArsverk) {
    session.add_file("arsverk.csv", arsverk_csv);
    session.add_file("befolkning.csv", kPopulation);
  }
};

inline arsverk::Settings year_2024(arsverk::Lang lang = arsverk::Lang::Nb) {
  arsverk::Settings settings;
  settings.year = 2024;
  settings.lang = lang;
  return settings;
}

}  // namespace report_test
