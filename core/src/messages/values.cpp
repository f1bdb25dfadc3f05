// The texts of the messages about FTE and reference tables (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::fixed_text;
using detail::quoted_text;

Texts ReferenceUnknownMeasure::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et måltall vi kjenner. Skriv M1–M4, «Totalt», «Minimum helse- "
          "og sosialfaglig vgs», «Helse- og sosialfaglig utdanning fra universitet/høyskole» "
          "eller «Annen utdanning fra universitet/høyskole». Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is not a measure we know. Write M1–M4, “Total”, “Min. "
          "health/social upper secondary”, “Health and social education, "
          "university/college” or “Other education, university/college”. The row was "
          "skipped."};
}

Texts ReferenceBadRate::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke en rate per 1 000 innbyggere (et tall fra 0 til 1000, for "
          "eksempel 2,8). Verdien er hoppet over.",
          quoted_text(text, Lang::En) + " is not a rate per 1,000 inhabitants (a number from 0 to 1000, for "
          "example 2.8). The value was skipped."};
}

Texts ReferenceTooManyRates::texts() const {
  return {"Filen har mer enn " + std::to_string(limit) +
              " rater. Resten av filen fra og med denne linjen er ikke lest.",
          "The file has more than " + std::to_string(limit) +
              " rates. The rest of the file from this line on was not read."};
}

Texts ArsverkTooManyValues::texts() const {
  return {"Filen har mer enn " + std::to_string(limit) +
              " årsverkstall, langt flere enn alle kommuner og bydeler har til sammen. "
              "Resten av filen fra og med denne linjen er ikke lest. Sjekk at filen ikke "
              "inneholder de samme radene mange ganger, eller del den opp.",
          "The file has more than " + std::to_string(limit) +
              " FTE figures, far more than all municipalities and districts together. "
              "The rest of the file from this line on was not read. Check that the file "
              "does not repeat the same rows many times, or split it."};
}

Texts UnitMissing::texts() const {
  return {"Enheten (kommune/bydel) mangler. Skriv kommunenummeret. Raden er hoppet over.",
          "The unit (municipality/district) is missing. Write the municipality number. The "
          "row was skipped."};
}

Texts UnitNameMismatch::texts() const {
  return {quoted_text(text, Lang::Nb) + ": nummeret og navnet gjelder ulike enheter i " + std::to_string(year) +
              " (navnet er " + quoted_text(name_unit, Lang::Nb) + "). Nummeret " + quoted_text(number_unit, Lang::Nb) +
              " er brukt. Rett nummeret eller navnet.",
          quoted_text(text, Lang::En) + ": the number and the name are different units in " + std::to_string(year) +
              " (the name is " + quoted_text(name_unit, Lang::En) + "). The number " + quoted_text(number_unit, Lang::En) +
              " was used. Correct the number or the name."};
}

Texts ServiceExclusionNegated::texts() const {
  return {"Tjenesten " + quoted_text(service, Lang::Nb) + " nevner demens, utviklingshemming eller generell "
          "forebygging bare som unntatt, og er regnet med i indikatoren. Sjekk at årsverkene "
          "ikke gjelder slikt arbeid.",
          "The service " + quoted_text(service, Lang::En) + " names dementia, intellectual disability or general "
          "prevention only as left out, and is counted in the indicator. Check that its FTEs "
          "are not for such work."};
}

Texts ValueRateNotFte::texts() const {
  return {quoted_text(header, Lang::Nb) + " sier at tallet på raden er en rate per 1 000 innbyggere, ikke "
          "årsverk. Raden er hoppet over. Publiserte rater leses som referansefil: gi "
          "verdikolonnen en overskrift som «Årsverk per 1 000 innbyggere».",
          quoted_text(header, Lang::En) + " says the figure on this row is a rate per 1,000 inhabitants, "
          "not FTEs. The row was skipped. Published rates are read as a reference file: "
          "head the value column e.g. “FTEs per 1,000 inhabitants”."};
}

Texts HeaderUnnamedColumn::texts() const {
  return {"Kolonne " + std::to_string(column) + " har ingen overskrift, men inneholder " +
              quoted_text(text, Lang::Nb) + ". Den er ikke lest. Gi kolonnen en overskrift (for eksempel en "
              "kategori) hvis tallene skal telle med.",
          "Column " + std::to_string(column) + " has no header but holds " + quoted_text(text, Lang::En) +
              ". It was not read. Give the column a header (a category, for example) if "
              "its figures should count."};
}

Texts ArsverkNotANumber::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et tall. Skriv årsverk som et desimaltall, for eksempel 12,5. Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is not a number. Write FTEs as a decimal number, for example 12.5. The row was skipped."};
}

Texts NumberTooPrecise::texts() const {
  return {quoted_text(text, Lang::Nb) + " har flere enn 6 desimaler og er avrundet til " + fixed_text(rounded, Lang::Nb) + ".",
          quoted_text(text, Lang::En) + " has more than 6 decimals and was rounded to " + fixed_text(rounded, Lang::En) + "."};
}

Texts ArsverkNegative::texts() const {
  return {quoted_text(text, Lang::Nb) + " er negativt. Årsverk kan ikke være negative; rett tallet. Raden er hoppet "
                    "over.",
          quoted_text(text, Lang::En) + " is negative. FTEs cannot be negative; correct the number. The row was "
                    "skipped."};
}

Texts ArsverkTooLarge::texts() const {
  return {quoted_text(text, Lang::Nb) + " er mer enn 1 000 000 årsverk, langt mer enn noen kommune har. Sjekk cellen "
                    "(tusenskille, desimaltegn). Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is more than 1,000,000 FTEs, far more than any municipality has. Check the "
                    "cell (thousands separator, decimal mark). The row was skipped."};
}

Texts NumberAmbiguous::texts() const {
  return {std::string("Tallet med «") + mark + "» og tre sifre etter kan være " +
              fixed_text(as_decimal, Lang::Nb) + " eller " + fixed_text(as_whole, Lang::Nb) +
              ", og resten av filen avgjør ikke hvilket. Lest som " + fixed_text(used, Lang::Nb) +
              ". Skriv desimaltall med komma (12,5) og store tall uten tusenskille (1250).",
          std::string("The number with “") + mark + "” and three digits after it can be " +
              fixed_text(as_decimal, Lang::En) + " or " + fixed_text(as_whole, Lang::En) +
              ", and the rest of the file does not tell which. Read as " +
              fixed_text(used, Lang::En) + ". Write decimals with one mark (12.5) and large "
              "numbers without a thousands separator (1250)."};
}

Texts GroupUnknown::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke en målgruppe vi kjenner. Skriv «voksne» eller «barn og unge». "
                    "Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is not a target group we know. Write “voksne” (adults) or “barn og "
                    "unge” (children and young people). The row was skipped."};
}

Texts CategoryMissing::texts() const {
  return {"Kategorien mangler. Skriv a, b, c, d eller e (fra 2024) eller M1–M4 (til og med "
          "2023). Raden er hoppet over.",
          "The category is missing. Write a, b, c, d or e (from 2024) or M1–M4 (up to "
          "2023). The row was skipped."};
}

Texts CategoryUnknown::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke en utdanningskategori vi kjenner. Skriv a, b, c, d eller e "
                    "(fra 2024) eller M1–M4 (til og med 2023). Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is not an education category we know. Write a, b, c, d or e (from "
                    "2024) or M1–M4 (up to 2023). The row was skipped."};
}

}  // namespace arsverk::msg
