// The texts of the messages about JSON-stat datasets (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"
#include "read/text.hpp"

namespace arsverk::msg {

using detail::kAcceptedEn;
using detail::kAcceptedNb;
using detail::quoted_list;
using detail::quoted_text;

Texts JsonstatTooDeep::texts() const {
  const std::string limit = std::to_string(levels);
  return {"JSON-filen er nøstet dypere enn " + limit +
              " nivåer og er ikke et JSON-stat-datasett vi kan lese. " + kAcceptedNb,
          "The JSON file is nested deeper than " + limit +
              " levels and is not a JSON-stat dataset we can read. " + kAcceptedEn};
}

Texts JsonstatInvalid::texts() const {
  std::string what(parser_message);
  // The parser's message quotes the bytes last read, which can end inside a UTF-8 sequence;
  // messages must be valid UTF-8 (report_json would throw on them).
  if (!detail::valid_utf8(what))
    for (char& c : what)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  const std::string shown = detail::excerpt(what, 160);
  return {"Filen ser ut som JSON, men er ikke gyldig JSON (" + shown +
              "). Last ned svaret fra SSB på nytt, uten å redigere det. " + kAcceptedNb,
          "The file looks like JSON but is not valid JSON (" + shown +
              "). Download the answer from SSB again, without editing it. " + kAcceptedEn};
}

Texts JsonstatKeyTwice::texts() const {
  return {"Nøkkelen " + quoted_text(key, Lang::Nb) + " står to ganger i samme objekt (" + quoted_text(object, Lang::Nb) +
              "). Vi velger ikke en av dem; last ned datasettet fra SSB på nytt, uten å redigere det.",
          "The key " + quoted_text(key, Lang::En) + " appears twice in the same object (" + quoted_text(object, Lang::En) +
              "). We do not pick one of them; download the dataset from SSB again, without editing it."};
}

Texts JsonstatNotDataset::texts() const {
  return {std::string("JSON-filen er ikke et JSON-stat 2.0-datasett (mangler «id», «size», «dimension» "
                      "eller «value»). ") + kAcceptedNb,
          std::string("The JSON file is not a JSON-stat 2.0 dataset (“id”, “size”, “dimension” "
                      "or “value” is missing). ") + kAcceptedEn};
}

Texts JsonstatDimensionUndescribed::texts() const {
  return {"Dimensjonen " + quoted_text(dimension, Lang::Nb) + " står i «id», men er ikke beskrevet under «dimension». "
              "Last ned datasettet fra SSB på nytt.",
          "The dimension " + quoted_text(dimension, Lang::En) + " is listed in “id” but not described under "
              "“dimension”. Download the dataset from SSB again."};
}

Texts JsonstatCategoriesMismatch::texts() const {
  return {"Kategoriene i dimensjonen " + quoted_text(dimension, Lang::Nb) + " stemmer ikke med størrelsen " +
              std::to_string(size) + " i «size». Last ned datasettet fra SSB på nytt.",
          "The categories of the dimension " + quoted_text(dimension, Lang::En) + " do not match its size " +
              std::to_string(size) + " in “size”. Download the dataset from SSB again."};
}

Texts JsonstatDuplicateIndex::texts() const {
  return {"Kategoriene " + quoted_text(first, Lang::Nb) + " og " + quoted_text(second, Lang::Nb) + " i dimensjonen " + quoted_text(dimension, Lang::Nb) +
              " har samme posisjon " + std::to_string(position) + " i «index». Vi velger ikke en "
              "av dem; last ned datasettet fra SSB på nytt.",
          "The categories " + quoted_text(first, Lang::En) + " and " + quoted_text(second, Lang::En) + " of the dimension " + quoted_text(dimension, Lang::En) +
              " have the same position " + std::to_string(position) + " in “index”. We do not "
              "pick one of them; download the dataset from SSB again."};
}

Texts JsonstatNotPopulation::texts() const {
  return {(label.empty() ? "Datasettet" : "Datasettet " + quoted_text(label, Lang::Nb, 200)) +
              " er ikke en tabell over folkemengde (dimensjoner: " + quoted_list(dimensions, Lang::Nb) +
              "). Vi ventet folkemengde etter region og år, for eksempel SSBs tabell 07459 "
              "(kommuner) eller 10826 (bydeler), med statistikkvariabelen «Personer». Hent den "
              "tabellen fra SSB, eller legg inn en årsverkfil.",
          (label.empty() ? "The dataset" : "The dataset " + quoted_text(label, Lang::En, 200)) +
              " is not a population table (dimensions: " + quoted_list(dimensions, Lang::En) +
              "). We expected population by region and year, for example SSB’s table 07459 "
              "(municipalities) or 10826 (districts), with the contents “Persons”. Fetch that "
              "table from SSB, or add an FTE (årsverk) file."};
}

Texts JsonstatUnexpectedDimension::texts() const {
  return {"Datasettet har dimensjonen " + quoted_text(dimension, Lang::Nb) + " med " + std::to_string(categories) +
              " kategorier; vi kan bare summere over alder og kjønn. Velg én kategori for " +
              quoted_text(dimension, Lang::Nb) + " når du henter tabellen fra SSB.",
          "The dataset has the dimension " + quoted_text(dimension, Lang::En) + " with " + std::to_string(categories) +
              " categories; we can only sum over age and sex. Choose one category for " +
              quoted_text(dimension, Lang::En) + " when you fetch the table from SSB."};
}

Texts JsonstatValueCount::texts() const {
  return {"Datasettet har " + std::to_string(values) + " verdier, men dimensjonene gir " +
              std::to_string(expected) + " (produktet av «size»). Filen er trolig avkortet eller "
              "redigert; last den ned fra SSB på nytt.",
          "The dataset has " + std::to_string(values) + " values, but its dimensions give " +
              std::to_string(expected) + " (the product of “size”). The file is probably "
              "truncated or edited; download it from SSB again."};
}

Texts JsonstatYearInvalid::texts() const {
  return {quoted_text(time_code, Lang::Nb) + " i tidsdimensjonen er ikke et årstall. Verdien er hoppet over.",
          quoted_text(time_code, Lang::En) + " in the time dimension is not a year. The value was skipped."};
}

Texts JsonstatNotInteger::texts() const {
  const std::string where = at(), json = value();
  return {"Verdien " + quoted_text(json, Lang::Nb) + " for " + where + " er ikke et helt tall. Verdien er hoppet over.",
          "The value " + quoted_text(json, Lang::En) + " for " + where + " is not a whole number. The value was skipped."};
}

Texts JsonstatNegative::texts() const {
  const std::string where = at();
  return {"Verdien " + std::to_string(value) + " for " + where +
              " er negativ. Folkemengde kan ikke være negativ. Verdien er hoppet over.",
          "The value " + std::to_string(value) + " for " + where +
              " is negative. A population cannot be negative. The value was skipped."};
}

Texts JsonstatPopulationDuplicate::texts() const {
  const std::string where = at();
  return {"Folkemengden for " + quoted_text(unit, Lang::Nb) + " i " + std::to_string(year) +
              " står to ganger (" + where + "). Bare den første er brukt.",
          "The population of " + quoted_text(unit, Lang::En) + " in " + std::to_string(year) +
              " appears twice (" + where + "). Only the first is used."};
}

Texts JsonstatDuplicateKey::texts() const {
  return {std::to_string(values) + " verdi(er) i «value» har en posisjon som står før "
              "(den første: " + std::to_string(first) + ") og er hoppet over; "
              "den første verdien for posisjonen er brukt.",
          std::to_string(values) + " value(s) in “value” have a position that came "
              "before (the first: " + std::to_string(first) + ") and were "
              "skipped; the first value for the position is used."};
}

Texts JsonstatOutsideDataset::texts() const {
  return {std::to_string(values) + " verdi(er) har en posisjon utenfor datasettet (0–" +
              std::to_string(last) + ") og er hoppet over.",
          std::to_string(values) + " value(s) have a position outside the dataset (0–" +
              std::to_string(last) + ") and were skipped."};
}

Texts JsonstatMissingValues::texts() const {
  const std::string f = first();
  return {std::to_string(values) + " verdi(er) mangler (null eller SSB-symbol som «..», «.», «:» "
          "eller «-»; den første: " + f + ") og er regnet som manglende, ikke som 0.",
          std::to_string(values) + " value(s) are missing (null or an SSB symbol such as “..”, "
          "“.”, “:” or “-”; the first: " + f + ") and were treated as missing, "
          "not as 0."};
}

}  // namespace arsverk::msg
