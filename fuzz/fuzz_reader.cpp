// One reader target, built four times with a different FUZZ_MODE (see fuzz/CMakeLists.txt):
//   csv      — any bytes through FileReader (sniffing, CSV family, binary detection)
//   ssb      — first byte picks an SSB StatBank / simple population header; the rest is the body
//   arsverk  — first byte picks an årsverk wide/long header; the rest is the body
//   jsonstat — any bytes through FileReader, seeded with JSON-stat 2.0
// Every input is read whole and in random chunks: the two readings must be identical, and
// each must satisfy fuzz::check_invariants (valid UTF-8 messages naming the file, no negative
// values kept, unknown files keep nothing but say why).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

#define FUZZ_MODE_CSV 1
#define FUZZ_MODE_SSB 2
#define FUZZ_MODE_ARSVERK 3
#define FUZZ_MODE_JSONSTAT 4

#ifndef FUZZ_MODE
#define FUZZ_MODE FUZZ_MODE_CSV
#endif

namespace {

#if FUZZ_MODE == FUZZ_MODE_SSB
// UTF-8 and ISO-8859-1 (\xF8 = ø, \xE5 = å), CRLF and LF, per-year, per-year-and-sex and long.
const char* const kHeads[] = {
    "\"07459: Population, by region, age, contents and year\"\r\n\r\n\"region\";\"age\";\"Persons 2023\"\r\n",
    "\"07459: Befolkning, etter region, alder, statistikkvariabel og \xE5r\"\r\n\r\n\"region\";\"alder\";\"Personer 2023\";\"Personer 2024\"\r\n",
    "\"07459: Folkemengde\"\n\n\"region\";\"alder\";\"Personer 2023 Menn\";\"Personer 2023 Kvinner\"\n",
    "\"10826: Population, by region, age, contents and year\"\r\n\r\n\"region\";\"age\";\"Persons 2023\"\r\n",
    "\"region\";\"kj\xF8nn\";\"alder\";\"statistikkvariabel\";\"\xE5r\";\"07459: Befolkning\"\r\n",
    "region;\xC3\xA5r;folkemengde\n",
    "region,year,population\n",
    "Region\tStatistikkvariabel\t\xC3\x85r\tPersoner\n",
};
#elif FUZZ_MODE == FUZZ_MODE_ARSVERK
const char* const kHeads[] = {
    "kommunenummer;kommunenavn;\xC3\xA5r;m\xC3\xA5lgruppe;tjeneste;a;b;c;d;e\n",
    "kommunenummer;kommunenavn;\xC3\xA5r;m\xC3\xA5lgruppe;tjeneste;M1;M2;M3;M4\n",
    "kommune;\xE5r;m\xE5lgruppe;ingen;annen_vgs;vgs_helse;hoy_uten;hoy_med;totalt\r\n",
    "Kommune\t\xC3\x85r\tM\xC3\xA5lgruppe\tKategori\t\xC3\x85rsverk\n",
    "kommune;\xC3\xA5r;m\xC3\xA5lgruppe;tjeneste;kategori;\xC3\xA5rsverk\n",
    "knr,year,target group,a,b,c,d,e,total\n",
    "\"Rapport om \xC3\xA5rsverk\"\n\nregion;aar;a;b;c;d;e\n",
    "kommunenummer;\xC3\xA5r;M1;M2;M3;M4;sum\n",
};
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
#if FUZZ_MODE == FUZZ_MODE_SSB || FUZZ_MODE == FUZZ_MODE_ARSVERK
  if (size < 1) return 0;
  constexpr std::size_t n = sizeof(kHeads) / sizeof(kHeads[0]);
  std::string bytes = kHeads[data[0] % n];
  bytes.append(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz::read_differential(bytes, "fuzz.csv");
#else
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::read_differential(bytes, FUZZ_MODE == FUZZ_MODE_JSONSTAT ? "fuzz.json" : "fuzz.csv");
#endif
  return 0;
}
