#include "headers.hpp"

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

bool has_rate_marker(std::string_view header) {
  const std::string n = normalise_name(header);
  return contains_any(n, {"per1000", "pr1000", "per1k", "promille", "perthousand"}) ||
         is_one_of(n, {"rate", "rater", "rates", "ratio"});
}

ColumnInfo classify_header(std::string_view header) {
  ColumnInfo c;
  c.header = std::string(trim(header));
  std::string n = normalise_name(c.header);
  if (n.empty()) return c;
  if (is_one_of(n, {"aar", "year", "aargang", "tid", "aarstall", "statistikkaar", "rapporteringsaar",
             "dataaar", "time"})) { c.role = Role::Year; return c; }
  // Several unit-like columns: the most specific one is the unit, the others are names.
  if (is_one_of(n, {"kommunenummer", "kommunenr", "knr", "bydelsnummer", "bydelsnr", "kommunekode",
             "municipalitynumber", "municipalitycode", "knrbydelsnr", "kommunebydelsnummer"})) {
    c.role = Role::Unit; c.unit_priority = 5; return c;
  }
  if (is_one_of(n, {"regionkode", "kode", "code", "enhetskode", "regionnummer", "nummer", "nr", "unitcode",
             "regioncode", "enhetsnummer"})) { c.role = Role::Unit; c.unit_priority = 4; return c; }
  if (is_one_of(n, {"region", "enhet", "unit", "geo", "omraade", "area", "rapporteringsenhet"})) {
    c.role = Role::Unit; c.unit_priority = 3; return c;
  }
  if (is_one_of(n, {"kommune", "municipality", "bydel", "district", "citydistrict", "kommunebydel"})) {
    c.role = Role::Unit; c.unit_priority = 2; return c;
  }
  if (is_one_of(n, {"fylkesnummer", "fylkesnr", "countynumber", "countycode", "fylkeskode"})) {
    c.role = Role::Unit; c.unit_priority = 1; return c;
  }
  if (is_one_of(n, {"fylke", "county"})) { c.role = Role::Unit; c.unit_priority = 0; return c; }
  if (is_one_of(n, {"kommunenavn", "navn", "name", "bydelsnavn", "fylkesnavn", "regionnavn", "enhetsnavn",
             "municipalityname", "unitname", "countyname", "districtname", "regionname"})) {
    c.role = Role::UnitName; return c;
  }
  if (is_one_of(n, {"maalgruppe", "malgruppe", "targetgroup", "gruppe", "group", "brukergruppe"})) {
    c.role = Role::Group; return c;
  }
  if (is_one_of(n, {"tjeneste", "tjenestekategori", "tjenesteomraade", "service", "tjenester",
             "servicecategory", "tjenestetype", "servicetype", "tjenesteomrade"})) {
    c.role = Role::Service; return c;
  }
  if (is_one_of(n, {"kategori", "utdanning", "utdanningskategori", "category", "education", "maaltall",
             "maltall", "educationcategory", "utdanningsnivaa", "educationlevel", "utdanningsgruppe",
             "measure"})) { c.role = Role::Category; return c; }
  if (is_one_of(n, {"aarsverk", "arsverk", "fte", "ftes", "antallaarsverk", "fulltimeequivalents",
             "aarsverkialt"})) { c.role = Role::ArsverkValue; return c; }
  if (is_one_of(n, {"verdi", "value", "values"})) { c.role = Role::Value; return c; }
  if (is_one_of(n, {"folkemengde", "befolkning", "population", "innbyggere", "personer", "persons",
             "antall", "folketall", "antallpersoner", "innbyggertall", "folkemengde1januar",
             "antallinnbyggere"})) { c.role = Role::Population; return c; }
  if (is_one_of(n, {"alder", "age", "aldersgruppe", "agegroup"})) { c.role = Role::Age; return c; }
  if (is_one_of(n, {"kjonn", "sex", "kjoenn", "gender"})) { c.role = Role::Sex; return c; }
  if (is_one_of(n, {"contents", "statistikkvariabel", "statisticalvariable", "innhold"})) {
    c.role = Role::Contents; return c;
  }
  if (auto cat = match_category(c.header)) {
    c.role = Role::CategoryColumn;
    c.category = *cat;
    return c;
  }
  // "Persons 2023", "Personer 2023 Menn", "Folkemengde 1. januar 2023", "2023".
  if (auto y = find_year(c.header)) {
    std::string rest = remove_once(n, std::to_string(*y));
    for (const char* w : {"folkemengde", "personer", "persons", "population", "befolkning",
                          "innbyggere", "folketall", "per1januar", "1januar", "januar", "1jan"})
      rest = remove_once(rest, w);
    int sex = -1;
    std::string sex_key;
    for (const char* w : {"beggekjonn", "bothsexes", "ialt", "total", "alle"}) {
      if (contains(rest, w)) { rest = remove_once(rest, w); sex = 0; sex_key = w; break; }
    }
    if (sex < 0) {
      for (const char* w : {"females", "kvinner", "kvinne", "female", "males", "menn", "mann", "male"}) {
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
