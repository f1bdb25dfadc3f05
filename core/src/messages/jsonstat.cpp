// The texts of the messages about JSON-stat datasets (messages.hpp).
#include "messages/messages.hpp"
#include "read/reader_common.hpp"

namespace arsverk::msg {

using detail::q;

Texts JsonstatYearInvalid::texts() const {
  return {q(time_code) + " i tidsdimensjonen er ikke et årstall. Verdien er hoppet over.",
          q(time_code) + " in the time dimension is not a year. The value was skipped."};
}

Texts JsonstatNotInteger::texts() const {
  const std::string where(at);
  return {"Verdien " + q(value) + " for " + where + " er ikke et helt tall. Verdien er hoppet over.",
          "The value " + q(value) + " for " + where + " is not a whole number. The value was skipped."};
}

Texts JsonstatNegative::texts() const {
  const std::string where(at);
  return {"Verdien " + std::to_string(value) + " for " + where +
              " er negativ. Folkemengde kan ikke være negativ. Verdien er hoppet over.",
          "The value " + std::to_string(value) + " for " + where +
              " is negative. A population cannot be negative. The value was skipped."};
}

Texts JsonstatPopulationDuplicate::texts() const {
  const std::string where(at);
  return {"Folkemengden for " + q(unit) + " i " + std::to_string(year) +
              " står to ganger (" + where + "). Bare den første er brukt.",
          "The population of " + q(unit) + " in " + std::to_string(year) +
              " appears twice (" + where + "). Only the first is used."};
}

Texts JsonstatDuplicateKey::texts() const {
  return {std::to_string(values) + " verdi(er) i «value» har en posisjon som står før "
              "(den første: " + std::to_string(first) + ") og er hoppet over; "
              "den første verdien for posisjonen er brukt.",
          std::to_string(values) + " value(s) in \"value\" have a position that came "
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
  const std::string f(first);
  return {std::to_string(values) + " verdi(er) mangler (null eller SSB-symbol som «..», «.», «:» "
          "eller «-»; den første: " + f + ") og er regnet som manglende, ikke som 0.",
          std::to_string(values) + " value(s) are missing (null or an SSB symbol such as \"..\", "
          "\".\", \":\" or \"-\"; the first: " + f + ") and were treated as missing, "
          "not as 0."};
}

}  // namespace arsverk::msg
