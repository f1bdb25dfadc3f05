#include "headers.hpp"

#include <initializer_list>

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

namespace {

// A header, normalised (normalise_name: "Kommune-nr." → "kommunenr"), and the role it gives its
// column. A new synonym is one more word in its line. Of several unit-like columns the one with
// the highest unit priority is the unit, the others are names.
struct HeaderWords {
  Role role;
  int unit_priority;
  std::initializer_list<const char*> words;
};

const HeaderWords kHeaderWords[] = {
    {Role::Year, 0, {"aar", "year", "aargang", "tid", "aarstall", "statistikkaar", "rapporteringsaar",
                     "dataaar", "time"}},
    {Role::Unit, 5, {"kommunenummer", "kommunenr", "knr", "bydelsnummer", "bydelsnr", "kommunekode",
                     "municipalitynumber", "municipalitycode", "knrbydelsnr", "kommunebydelsnummer"}},
    {Role::Unit, 4, {"regionkode", "kode", "code", "enhetskode", "regionnummer", "nummer", "nr",
                     "unitcode", "regioncode", "enhetsnummer"}},
    {Role::Unit, 3, {"region", "enhet", "unit", "geo", "omraade", "area", "rapporteringsenhet"}},
    {Role::Unit, 2, {"kommune", "municipality", "bydel", "district", "citydistrict", "kommunebydel"}},
    {Role::Unit, 1, {"fylkesnummer", "fylkesnr", "countynumber", "countycode", "fylkeskode"}},
    {Role::Unit, 0, {"fylke", "county"}},
    {Role::UnitName, 0, {"kommunenavn", "navn", "name", "bydelsnavn", "fylkesnavn", "regionnavn",
                         "enhetsnavn", "municipalityname", "unitname", "countyname", "districtname",
                         "regionname"}},
    {Role::Group, 0, {"maalgruppe", "malgruppe", "targetgroup", "gruppe", "group", "brukergruppe"}},
    {Role::Service, 0, {"tjeneste", "tjenestekategori", "tjenesteomraade", "service", "tjenester",
                        "servicecategory", "tjenestetype", "servicetype", "tjenesteomrade"}},
    {Role::Category, 0, {"kategori", "utdanning", "utdanningskategori", "category", "education",
                         "maaltall", "maltall", "educationcategory", "utdanningsnivaa",
                         "educationlevel", "utdanningsgruppe", "measure"}},
    {Role::ArsverkValue, 0, {"aarsverk", "arsverk", "fte", "ftes", "antallaarsverk",
                             "fulltimeequivalents", "aarsverkialt"}},
    {Role::Value, 0, {"verdi", "value", "values"}},
    {Role::Population, 0, {"folkemengde", "befolkning", "population", "innbyggere", "personer",
                           "persons", "antall", "folketall", "antallpersoner", "innbyggertall",
                           "folkemengde1januar", "antallinnbyggere"}},
    {Role::Age, 0, {"alder", "age", "aldersgruppe", "agegroup"}},
    {Role::Sex, 0, {"kjonn", "sex", "kjoenn", "gender"}},
    {Role::Contents, 0, {"contents", "statistikkvariabel", "statisticalvariable", "innhold"}},
};

// A population column per year ("Persons 2023", "Folkemengde 1. januar 2023 Menn"): the words
// around the year, and the sex it may name, the whole population's first.
constexpr std::initializer_list<const char*> kPopulationYearWords = {
    "folkemengde", "personer", "persons", "population", "befolkning", "innbyggere", "folketall",
    "per1januar", "1januar", "januar", "1jan"};
constexpr std::initializer_list<const char*> kBothSexesWords = {"beggekjonn", "bothsexes", "ialt",
                                                                "total", "alle"};
constexpr std::initializer_list<const char*> kOneSexWords = {"females", "kvinner", "kvinne", "female",
                                                             "males", "menn", "mann", "male"};

constexpr std::initializer_list<const char*> kRateParts = {"per1000", "pr1000", "per1k", "promille",
                                                           "perthousand"};
constexpr std::initializer_list<const char*> kRateWords = {"rate", "rater", "rates", "ratio"};

}  // namespace

bool has_rate_marker(std::string_view header) {
  const std::string n = normalise_name(header);
  return contains_any(n, kRateParts) || is_one_of(n, kRateWords);
}

ColumnInfo classify_header(std::string_view header) {
  ColumnInfo c;
  c.header = std::string(trim(header));
  std::string n = normalise_name(c.header);
  if (n.empty()) return c;
  for (const HeaderWords& h : kHeaderWords) {
    if (is_one_of(n, h.words)) {
      c.role = h.role;
      c.unit_priority = h.unit_priority;
      return c;
    }
  }
  if (auto cat = match_category(c.header)) {
    c.role = Role::CategoryColumn;
    c.category = *cat;
    return c;
  }
  // "Persons 2023", "Personer 2023 Menn", "Folkemengde 1. januar 2023", "2023".
  if (auto y = find_year(c.header)) {
    std::string rest = remove_once(n, std::to_string(*y));
    for (const char* w : kPopulationYearWords) rest = remove_once(rest, w);
    int sex = -1;
    std::string sex_key;
    for (const char* w : kBothSexesWords) {
      if (contains(rest, w)) { rest = remove_once(rest, w); sex = 0; sex_key = w; break; }
    }
    if (sex < 0) {
      for (const char* w : kOneSexWords) {
        if (contains(rest, w)) { rest = remove_once(rest, w); sex = 1; sex_key = w; break; }
      }
    }
    if (rest.empty()) {
      c.role = Role::YearColumn;
      c.year = *y;
      c.sex = sex;
      c.sex_key = sex_key;
      return c;
    }
  }
  return c;
}

}  // namespace arsverk::detail
