// The texts of the messages about units and population (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::join;
using detail::quoted_list;
using detail::quoted_text;

Texts UnitLeadingZeroRestored::texts() const {
  return {quoted_text(text, Lang::Nb) + " er lest som " + quoted_text(unit, Lang::Nb) +
              ": Excel fjerner ofte nuller foran tall, så vi har lagt dem til igjen i hele filen. "
              "Sjekk at numrene stemmer.",
          quoted_text(text, Lang::En) + " was read as " + quoted_text(unit, Lang::En) +
              ": Excel often drops leading zeros, so they were restored throughout the file. "
              "Check that the numbers are right."};
}

Texts UnitThousandsSeparator::texts() const {
  return {quoted_text(text, Lang::Nb) + " er lest som kommunenummer " + quoted_text(unit, Lang::Nb) + ", ikke som et fylke: "
          "skilletegnet er Excels tusenskille. Det gjelder alle slike celler i filen. Formater "
          "kolonnen som tekst eller tall uten tusenskille, og sjekk numrene.",
          quoted_text(text, Lang::En) + " was read as municipality number " + quoted_text(unit, Lang::En) + ", not as a county: the "
          "separator is Excel’s thousands separator. This applies to every such cell in the "
          "file. Format the column as text or as a number without thousands separator, and "
          "check the numbers."};
}

Texts UnitAmbiguousName::texts() const {
  return {quoted_text(text, Lang::Nb) + " passer på flere kommuner: " + join(candidates) +
              ". Skriv kommunenummeret i stedet for navnet. " + std::string(then_nb),
          quoted_text(text, Lang::En) + " matches several municipalities: " + join(candidates) +
              ". Write the municipality number instead of the name. " + std::string(then_en)};
}

Texts UnitNeedsYear::texts() const {
  return {quoted_text(text, Lang::Nb) + " kan ikke slås opp uten et gyldig år (kommunestrukturen avhenger av året). "
              "Skriv kommunenummeret, eller rett året. " + std::string(then_nb),
          quoted_text(text, Lang::En) + " cannot be looked up without a valid year (the municipality structure "
              "depends on the year). Write the municipality number, or fix the year. " + std::string(then_en)};
}

Texts UnitHistorical::texts() const {
  return {quoted_text(text, Lang::Nb) + " er en historisk enhet (med periode i parentes), ikke en av dagens. "
              "Bruk dagens kommune- eller bydelsnummer. " + std::string(then_nb),
          quoted_text(text, Lang::En) + " is a historical unit (with a period in parentheses), not a current one. "
              "Use today’s municipality or district number. " + std::string(then_en)};
}

Texts UnitNotAUnit::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke en kommune, bydel, fylke eller hele landet. " + std::string(then_nb),
          quoted_text(text, Lang::En) + " is not a municipality, district, county or the whole country. " + std::string(then_en)};
}

Texts UnitUnknownName::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et kommunenummer, bydelsnummer, fylkesnummer eller et navn vi "
              "kjenner. Skriv for eksempel 3101, 3101 Halden, 030101 eller 03. " + std::string(then_nb),
          quoted_text(text, Lang::En) + " is not a municipality, district or county number, nor a name we know. "
              "Write for example 3101, 3101 Halden, 030101 or 03. " + std::string(then_en)};
}

Texts UnitMissingRegion::texts() const {
  return {"Regionen mangler. Raden er hoppet over.", "The region is missing. The row was skipped."};
}

Texts PopulationZero::texts() const {
  return {"Folkemengden for " + quoted_text(region, Lang::Nb) + " i " + std::to_string(year) +
              " er 0. Raten per 1 000 innbyggere kan ikke regnes ut; tallet er ikke brukt. "
              "Sjekk at du har tatt med alle aldre for denne enheten.",
          "The population of " + quoted_text(region, Lang::En) + " in " + std::to_string(year) +
              " is 0. The rate per 1,000 inhabitants cannot be computed; the figure is not "
              "used. Check that all ages are included for this unit."};
}

Texts PopulationOverflow::texts() const {
  return {quoted_text(value, Lang::Nb) + " gjør folkemengden for " + quoted_text(unit, Lang::Nb) + " i " + std::to_string(year) +
              " større enn 1 000 milliarder, langt mer enn noen befolkning. Sjekk tallene for "
              "denne enheten. Tallet er hoppet over.",
          quoted_text(value, Lang::En) + " makes the population of " + quoted_text(unit, Lang::En) + " in " + std::to_string(year) +
              " larger than 1,000 billion, far more than any population. Check the figures "
              "for this unit. The figure was skipped."};
}

namespace {

Texts ignored(const PopulationIgnored& m, const char* what_nb, const char* what_en) {
  const std::string n = std::to_string(m.distinct), rows = std::to_string(m.rows);
  return {"Ikke tatt med: " + std::string(what_nb) + ", " + n + " i alt (" + rows + " rader), for eksempel " +
              quoted_list(m.examples, Lang::Nb) + ".",
          "Left out: " + std::string(what_en) + ", " + n + " in all (" + rows + " rows), for example " +
              quoted_list(m.examples, Lang::En) + "."};
}

}  // namespace

Texts PopulationHistoricalIgnored::texts() const {
  return ignored(*this, "historiske enheter med periode i parentes, i år utenfor perioden",
                 "historical units with a period in parentheses, in years outside the period");
}

Texts PopulationHistoricalUsed::texts() const {
  const std::string n = std::to_string(distinct);
  return {n + " enhet(er) med periode i parentes, for eksempel " + quoted_list(examples, Lang::Nb) +
              ", er lest som folkemengden for sitt nummer i årene i perioden.",
          n + " unit(s) with a period in parentheses, for example " + quoted_list(examples, Lang::En) +
              ", were read as the population of their number in the years of the period."};
}

namespace {

std::string age_text(const PopulationPartialAges::Span& s, Lang lang) {
  if (s.open) return std::to_string(s.from) + (lang == Lang::Nb ? " år eller eldre" : " years or older");
  if (s.from == s.to) return std::to_string(s.from) + (lang == Lang::Nb ? " år" : " years");
  return std::to_string(s.from) + "\u2013" + std::to_string(s.to) + (lang == Lang::Nb ? " år" : " years");
}

std::string dimension_text(std::string_view dimension, Lang lang) {
  return dimension.empty() ? std::string() : " (" + quoted_text(dimension, lang) + ")";
}

}  // namespace

Texts PopulationPartialAges::texts() const {
  std::vector<std::string> nb, en;
  for (const Span& s : ages) {
    nb.push_back(age_text(s, Lang::Nb));
    en.push_back(age_text(s, Lang::En));
  }
  return {"Filen har bare aldrene " + join(nb, " og ") + dimension_text(dimension, Lang::Nb) +
              ", ikke hele befolkningen (0 år til 105 år eller eldre). Indikatoren regner per "
              "1 000 innbyggere i alle aldre. Velg alle aldre (eller «Alle aldre») under «Alder» i "
              "SSBs statistikkbank og last ned tabellen på nytt. Folkemengden summert over alder i "
              "denne filen er ikke brukt; SSBs tall som er bygd inn i programmet, brukes der de finnes.",
          "The file has only the ages " + join(en, " and ") + dimension_text(dimension, Lang::En) +
              ", not the whole population (0 years to 105 years or older). The indicator is per "
              "1,000 inhabitants of all ages. Select all ages (or “All ages”) under “Age” in "
              "SSB’s StatBank and download the table again. The population summed over age in this "
              "file was not used; SSB’s figures built into the program are used where they exist."};
}

Texts PopulationPartialSexes::texts() const {
  return {"Filen har bare " + quoted_list(present, Lang::Nb) + " for kjønn" + dimension_text(dimension, Lang::Nb) +
              ", ikke hele befolkningen. Indikatoren regner per 1 000 innbyggere av begge kjønn. "
              "Velg begge kjønn (eller «Begge kjønn») under «Kjønn» i SSBs statistikkbank og last "
              "ned tabellen på nytt. Folkemengden summert over kjønn i denne filen er ikke brukt; "
              "SSBs tall som er bygd inn i programmet, brukes der de finnes.",
          "The file has only " + quoted_list(present, Lang::En) + " for sex" + dimension_text(dimension, Lang::En) +
              ", not the whole population. The indicator is per 1,000 inhabitants of both sexes. "
              "Select both sexes (or “Both sexes”) under “Sex” in SSB’s StatBank and download "
              "the table again. The population summed over sex in this file was not used; SSB’s "
              "figures built into the program are used where they exist."};
}

Texts PopulationRestIgnored::texts() const {
  return ignored(*this, "restposter (K-Rest: delte kommuner og uoppgitt)",
                 "rest rows (K-Rest: divided municipalities and unknown)");
}

Texts PopulationNotMunicipalityIgnored::texts() const {
  return ignored(*this, "regioner som ikke er kommuner (Svalbard, kontinentalsokkelen o.l.)",
                 "regions that are not municipalities (Svalbard, the continental shelf and the like)");
}

Texts PopulationCityTotalIgnored::texts() const {
  return ignored(*this, "bytotaler fra bydelstabellen (kommunens folkemengde hentes fra kommunetallet)",
                 "city totals from the district table (the municipality’s population comes from its own "
                 "figure)");
}

Texts PopulationUnknownDistrictIgnored::texts() const {
  return ignored(*this, "uoppgitte bydeler", "unknown districts");
}

Texts PopulationOtherCityIgnored::texts() const {
  return ignored(*this, "bydeler i andre byer enn Oslo (bare Oslos bydeler er enheter i indikatoren)",
                 "districts of cities other than Oslo (only Oslo’s districts are units of the indicator)");
}

}  // namespace arsverk::msg
