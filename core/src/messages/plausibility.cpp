// The texts of the plausibility checks per education category and target group (messages.hpp;
// the checks: indicator/plausibility.cpp, their thresholds arsverk/thresholds.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::group_words;

namespace {

std::string ftes_text(double v, Lang lang) { return format_double(v, 2, lang); }
std::string percent(double share, Lang lang) { return format_double(share * 100, 0, lang) + " %"; }

TargetGroup other(TargetGroup g) { return g == TargetGroup::Adults ? TargetGroup::Children : TargetGroup::Adults; }

// "kategori a for voksne" / "kategori a"
std::string category_nb(std::string_view k, TargetGroup g) {
  return "kategori " + std::string(k) + (g == TargetGroup::Unspecified ? "" : " for " + group_words(g, Lang::Nb));
}
std::string category_en(std::string_view k, TargetGroup g) {
  return "category " + std::string(k) + (g == TargetGroup::Unspecified ? "" : " for " + group_words(g, Lang::En));
}
std::string of_group_nb(TargetGroup g) {
  return g == TargetGroup::Unspecified ? "av enhetens årsverk" : "av årsverkene for " + group_words(g, Lang::Nb);
}
std::string of_group_en(TargetGroup g) {
  return g == TargetGroup::Unspecified ? "of the unit’s FTEs" : "of the FTEs for " + group_words(g, Lang::En);
}

const char* kSlipAdviceNb = "Sjekk om desimalkommaet mangler eller står feil, og at årsverkene står i riktig kategori.";
const char* kSlipAdviceEn = "Check whether the decimal comma is missing or misplaced, and that the FTEs are in the right category.";

}  // namespace

Texts CheckCategoryShare::texts() const {
  const std::string w(who), k(category);
  return {w + ": " + category_nb(category, group) + " er " + ftes_text(ftes, Lang::Nb) + " årsverk, " + percent(share, Lang::Nb) +
              " " + of_group_nb(group) + "; i landet er " + k + " om lag " + percent(national_share, Lang::Nb) +
              " (anslått ut fra publiserte tall). " + kSlipAdviceNb,
          w + ": " + category_en(category, group) + " is " + ftes_text(ftes, Lang::En) + " FTEs, " + percent(share, Lang::En) +
              " " + of_group_en(group) + "; nationally " + k + " is about " + percent(national_share, Lang::En) +
              " (estimated from published figures). " + kSlipAdviceEn};
}

Texts CheckCategoryBetweenGroups::texts() const {
  const std::string w(who);
  return {w + ": " + category_nb(category, group) + " er " + ftes_text(ftes, Lang::Nb) + " årsverk, " + percent(share, Lang::Nb) +
              " " + of_group_nb(group) + ", men bare " + percent(other_share, Lang::Nb) + " " + of_group_nb(other(group)) +
              ". " + kSlipAdviceNb,
          w + ": " + category_en(category, group) + " is " + ftes_text(ftes, Lang::En) + " FTEs, " + percent(share, Lang::En) +
              " " + of_group_en(group) + ", but only " + percent(other_share, Lang::En) + " " + of_group_en(other(group)) +
              ". " + kSlipAdviceEn};
}

Texts CheckGroupBalance::texts() const {
  const std::string w(who), k(category), y = std::to_string(national_year);
  return {w + ": " + group_words(group, Lang::Nb) + " har " + percent(share, Lang::Nb) + " av " + (district ? "bydelens" : "kommunens") +
              " årsverk (" + ftes_text(ftes, Lang::Nb) + " av " + ftes_text(total, Lang::Nb) + "); i landet har " + group_words(group, Lang::Nb) +
              " " + percent(national_share, Lang::Nb) + " (SINTEF, " + y + "). Sjekk tallene for " + group_words(group, Lang::Nb) +
              ", først kategori " + k + ". " + kSlipAdviceNb,
          w + ": " + group_words(group, Lang::En) + " have " + percent(share, Lang::En) + " of the " + (district ? "district" : "municipality") +
              "’s FTEs (" + ftes_text(ftes, Lang::En) + " of " + ftes_text(total, Lang::En) + "); nationally " + group_words(group, Lang::En) +
              " have " + percent(national_share, Lang::En) + " (SINTEF, " + y + "). Check the figures for " + group_words(group, Lang::En) +
              ", category " + k + " first. " + kSlipAdviceEn};
}

Texts CheckCategoryChange::texts() const {
  const std::string w(who), y = std::to_string(before_year);
  return {w + ": " + category_nb(category, group) + " er " + ftes_text(now, Lang::Nb) + " årsverk, mot " + ftes_text(before, Lang::Nb) +
              " i " + y + ". Sjekk at endringen er reell. " + kSlipAdviceNb,
          w + ": " + category_en(category, group) + " is " + ftes_text(now, Lang::En) + " FTEs, against " + ftes_text(before, Lang::En) +
              " in " + y + ". Check that the change is real. " + kSlipAdviceEn};
}

Texts CheckMeasureFarAbovePublished::texts() const {
  const std::string w(who), m = "M" + std::to_string(measure + 1), y = std::to_string(national_year);
  return {w + ": " + m + " = " + format_double(rate, 1, Lang::Nb) + " årsverk per 1 000 innbyggere er " + format_double(factor, 1, Lang::Nb) +
              " ganger det publiserte tallet for hele landet (" + format_double(national_rate, 1, Lang::Nb) + " i " + y + "). " + kSlipAdviceNb,
          w + ": " + m + " = " + format_double(rate, 1, Lang::En) + " FTEs per 1,000 inhabitants is " + format_double(factor, 1, Lang::En) +
              " times the published figure for Norway (" + format_double(national_rate, 1, Lang::En) + " in " + y + "). " + kSlipAdviceEn};
}

}  // namespace arsverk::msg
