// The texts of the checks before submission (messages.hpp); the thresholds they name are the
// checks' own (arsverk/thresholds.hpp).
#include "arsverk/report.hpp"
#include "arsverk/thresholds.hpp"
#include "messages/messages.hpp"

namespace arsverk::msg {

namespace {

std::string rate_text(double v, Lang lang) { return format_double(v, 1, lang); }
std::string ftes(Fixed v, Lang lang) { return format_fixed(v, 2, lang); }
// Norwegian prose writes a minus sign, as the page does («−34 %»); the CSV export keeps '-'.
std::string whole(double v, Lang lang) {
  std::string text = format_double(v, 0, lang);
  if (lang == Lang::Nb && !text.empty() && text[0] == '-') text.replace(0, 1, "\u2212");
  return text;
}

}  // namespace

Texts CheckRateHigh::texts() const {
  const std::string w(who);
  return {w + ": " + rate_text(rate, Lang::Nb) + " årsverk per 1 000 innbyggere er uvanlig høyt (over " +
              whole(thresholds::kRateHigh, Lang::Nb) + "). Sjekk at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
          w + ": " + rate_text(rate, Lang::En) + " FTEs per 1,000 inhabitants is unusually high (above " +
              whole(thresholds::kRateHigh, Lang::En) + "). Check that FTEs are not given as hours or persons, and that the population is for the whole unit."};
}

Texts CheckRateZero::texts() const {
  const std::string w(who);
  return {w + ": ingen årsverk i psykisk helse- og rusarbeid. Sjekk at dette stemmer før innsending.",
          w + ": no FTEs in mental health and substance abuse work. Check that this is right before submitting."};
}

namespace {

std::string basis(const PublishedNational& m, Lang lang) {
  const std::string y = std::to_string(m.national_year);
  if (lang == Lang::Nb)
    return "det publiserte tallet for hele landet (" + rate_text(m.national_rate, Lang::Nb) + " i " + y +
           (m.same_year ? "" : ", det nærmeste året med publisert tall for samme utgave av skjemaet") + ")";
  return "the published figure for Norway (" + rate_text(m.national_rate, Lang::En) + " in " + y +
         (m.same_year ? "" : ", the nearest year with a published figure for the same version of the form") + ")";
}

}  // namespace

Texts CheckFarAbovePublished::texts() const {
  const std::string w(who);
  return {w + ": M1 = " + rate_text(rate, Lang::Nb) + " årsverk per 1 000 innbyggere er " + format_double(factor, 1, Lang::Nb) +
              " ganger " + basis(*this, Lang::Nb) + ". Sjekk desimaltegnet i årsverkene (for eksempel 38,6 skrevet som 386), at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
          w + ": M1 = " + rate_text(rate, Lang::En) + " FTEs per 1,000 inhabitants is " + format_double(factor, 1, Lang::En) +
              " times " + basis(*this, Lang::En) + ". Check the decimal mark in the FTEs (for example 38.6 written as 386), that FTEs are not given as hours or persons, and that the population is for the whole municipality."};
}

Texts CheckFarBelowPublished::texts() const {
  const std::string w(who);
  return {w + ": M1 = " + rate_text(rate, Lang::Nb) + " årsverk per 1 000 innbyggere er bare " + whole(factor * 100, Lang::Nb) +
              " % av " + basis(*this, Lang::Nb) + ". Sjekk desimaltegnet i årsverkene (for eksempel 38,6 skrevet som 3,86) og at alle tjenester og målgrupper er med.",
          w + ": M1 = " + rate_text(rate, Lang::En) + " FTEs per 1,000 inhabitants is only " + whole(factor * 100, Lang::En) +
              " % of " + basis(*this, Lang::En) + ". Check the decimal mark in the FTEs (for example 38.6 written as 3.86) and that every service and target group is included."};
}

Texts CheckOutsideGroupFences::texts() const {
  const std::string w(who);
  // The group by name, as the page and the table write it («KOSTRA-gruppe 10», not «EKG10»).
  const auto group_in = [&](Lang lang) { return unit_name(Level::KostraGruppe, std::string(group), std::string(group), lang); };
  const std::string n = std::to_string(members), total = std::to_string(members_total);
  const std::string ry = std::to_string(reference_year);
  return {w + ": M1 = " + rate_text(rate, Lang::Nb) + " ligger utenfor det vanlige i " + group_in(Lang::Nb) + " (median " +
              rate_text(median, Lang::Nb) + "; " + n + " av " + total +
              " kommuner har tall, publiserte tall fra " + ry + "). Sjekk tallene før innsending.",
          w + ": M1 = " + rate_text(rate, Lang::En) + " lies outside the usual range of " + group_in(Lang::En) + " (median " +
              rate_text(median, Lang::En) + "; " + n + " of " + total +
              " municipalities have figures, published figures from " + ry + "). Check the figures before submitting."};
}

Texts CheckOneCategory::texts() const {
  const std::string w(who), c(category);
  return {w + ": alle " + ftes(arsverk, Lang::Nb) + " årsverk står i kategori " + c +
              ". Det er uvanlig; sjekk at årsverkene er fordelt på riktig utdanningskategori.",
          w + ": all " + ftes(arsverk, Lang::En) + " FTEs are in category " + c +
              ". That is unusual; check that the FTEs are spread over the right education categories."};
}

// The rates with two decimals: the percentage is of the unrounded rates, which the one-decimal
// figures shown elsewhere (and the change between them) may not give (2,2 → 3,1 is 40,9 %, 2,21 →
// 3,14 is 42 %).
Texts CheckChangeLarge::texts() const {
  const std::string w(who), from = std::to_string(from_year);
  const auto rate = [](double v, Lang lang) { return format_double(v, 2, lang); };
  return {w + ": årsverk per 1 000 innbyggere har endret seg " + whole(percent, Lang::Nb) + " % fra " + from +
              " (fra " + rate(before, Lang::Nb) + " til " + rate(now, Lang::Nb) + " før avrunding, mer enn " +
              whole(thresholds::kChangeLargePercent, Lang::Nb) + " %). Sjekk at endringen er reell.",
          w + ": FTEs per 1,000 inhabitants changed by " + whole(percent, Lang::En) + " % from " + from +
              " (from " + rate(before, Lang::En) + " to " + rate(now, Lang::En) + " before rounding, more than " +
              whole(thresholds::kChangeLargePercent, Lang::En) + " %). Check that the change is real."};
}

Texts InputNoArsverk::texts() const {
  return {"Dette er en befolkningsfil, og ingen av filene inneholder årsverk, så det er ingenting å regne ut. Legg til en fil med årsverk (kommune, år og årsverk per utdanningskategori).",
          "This is a population file, and none of the files holds FTEs, so there is nothing to compute. Add a file with FTEs (unit, year and FTEs per education category)."};
}

Texts ScopeExcluded::texts() const {
  const std::string y = std::to_string(year), name(service);
  return {y + ": " + ftes(arsverk, Lang::Nb) + " årsverk for «" + name +
              "» er holdt utenfor, fordi generelt forebyggende arbeid, demens og psykisk utviklingshemming ikke hører med i indikatoren (" +
              std::to_string(rows) + " verdier).",
          y + ": " + ftes(arsverk, Lang::En) + " FTEs for “" + name +
              "” were left out, because general prevention, dementia and intellectual disability are not part of the indicator (" +
              std::to_string(rows) + " values)."};
}

}  // namespace arsverk::msg
