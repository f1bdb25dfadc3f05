// The texts of the computation's messages (messages.hpp).
#include <algorithm>

#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::group_words;
using detail::in_quotes;
using detail::join;

namespace {

std::string ftes(Fixed v, Lang lang) { return format_fixed(v, 2, lang); }
std::string where(const SecondPlace& p, Lang lang) { return place_of_line(p.file, p.sheet, p.line, lang, p.form); }

}  // namespace

namespace {

// Units' numbers and file names quoted whole (no excerpt: they are short).
std::vector<std::string> quoted_each(const std::vector<std::string>& items, Lang lang) {
  std::vector<std::string> out;
  for (const std::string& item : items) out.push_back(in_quotes(item, lang));
  return out;
}

std::string listed(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? last : ", ") + items[i];
  return out;
}

std::string years_text(const std::vector<int>& years) {
  std::vector<std::string> y;
  for (int year : years) y.push_back(std::to_string(year));
  return listed(y, ", ");
}

}  // namespace

Texts PopulationDiffersFromSsb::texts() const {
  const std::string y = std::to_string(year), p = std::to_string(percent), t = std::to_string(times),
                    other = std::to_string(other_year);
  std::string nb, en;
  switch (cause) {
    case Cause::OtherYear:
      nb = "tallet er SSBs for " + other + ": trolig et annet år";
      en = "the figure is SSB’s for " + other + ": probably another year";
      break;
    case Cause::Half:
      nb = "omtrent halvparten: trolig bare ett kjønn";
      en = "about half: probably one sex only";
      break;
    case Cause::Share:
      nb = "omtrent " + p + " %: trolig bare noen aldre, eller en del av enheten";
      en = "about " + p + " %: probably some ages only, or part of the unit";
      break;
    case Cause::More:
      nb = "omtrent " + p + " %: trolig andre grenser (en sammenslått enhet, et annet års "
           "kommunestruktur) eller tall som er lagt sammen to ganger";
      en = "about " + p + " %: probably other boundaries (a merged unit, another year’s "
           "municipality structure) or figures added twice";
      break;
    case Cause::ManyTimes:
      nb = "mer enn " + t + " ganger SSBs tall: trolig tall som er lagt sammen flere ganger, eller "
           "tall for noe annet enn personer";
      en = "more than " + t + " times SSB’s figure: probably figures added more than once, or "
           "figures of something other than persons";
      break;
  }
  return {"Folkemengden for " + in_quotes(unit, Lang::Nb) + " i " + y + " er " + format_int(persons, Lang::Nb) +
              ", men SSBs tall for 1. januar " + y + " er " + format_int(ssb, Lang::Nb) + " (" + nb +
              "). Tallet i filen er brukt. Sjekk at filen gjelder hele befolkningen i enheten det året.",
          "The population of " + in_quotes(unit, Lang::En) + " in " + y + " is " + format_int(persons, Lang::En) +
              ", but SSB’s figure for 1 January " + y + " is " + format_int(ssb, Lang::En) + " (" + en +
              "). The file’s figure is used. Check that the file is the unit’s whole population that year."};
}

Texts PopulationFilesDisagree::texts() const {
  const std::string y = std::to_string(year);
  return {"Folkemengden for " + in_quotes(unit, Lang::Nb) + " i " + y + " er " + format_int(here, Lang::Nb) + " her, men " +
              format_int(there, Lang::Nb) + " på " + where(other, Lang::Nb) +
              ". Ingen av dem er brukt (SSBs tall som er bygd inn i programmet, brukes der de finnes). "
              "Fjern den filen som er feil.",
          "The population of " + in_quotes(unit, Lang::En) + " in " + y + " is " + format_int(here, Lang::En) + " here, but " +
              format_int(there, Lang::En) + " on " + where(other, Lang::En) +
              ". Neither is used (SSB’s figures built into the program are used where they exist). "
              "Remove the file that is wrong."};
}

Texts PopulationUnitNotInYear::texts() const {
  const std::string y = std::to_string(year);
  std::string nb = in_quotes(unit, Lang::Nb) + " er ikke et " + (municipality ? "kommunenummer" : "fylkesnummer") + " i " + y +
                   ", så folkemengden er ikke brukt.";
  std::string en = in_quotes(unit, Lang::En) + " is not a " + (municipality ? "municipality" : "county") + " number in " + y +
                   ", so the population was not used.";
  const std::vector<std::string> valid_nb = quoted_each(valid, Lang::Nb), valid_en = quoted_each(valid, Lang::En);
  if (valid.size() == 1) {
    nb += " I " + y + " har enheten nummeret " + valid_nb[0] + ".";
    en += " In " + y + " the unit’s number is " + valid_en[0] + ".";
  } else if (valid.size() > 1) {
    nb += " I " + y + " er området delt mellom " + listed(valid_nb, " og ") + ".";
    en += " In " + y + " its area is split between " + listed(valid_en, " and ") + ".";
  }
  if (valid.empty()) {
    nb += " Sjekk nummeret og året.";
    en += " Check the number and the year.";
  } else {
    nb += " Hent tabellen fra SSB med kommunene for " + y + ".";
    en += " Fetch the table from SSB with the municipalities of " + y + ".";
  }
  return {nb, en};
}

Texts PopulationYearsMissing::texts() const {
  const bool several = files.size() > 1;
  const std::string has = years_text(given), missing = years_text(needed);
  return {"Befolkningsfilen" + std::string(several ? "e " : " ") + listed(quoted_each(files, Lang::Nb), ", ") + " har folkemengde for " + has +
              ", men årsverkene trenger folkemengde 1. januar " + missing + ". For " + missing +
              " brukes SSBs tall som er bygd inn i programmet, der de finnes. Legg til folkemengden for " +
              missing + " om du vil bruke egne tall.",
          "The population file" + std::string(several ? "s " : " ") + listed(quoted_each(files, Lang::En), ", ") + (several ? " have" : " has") +
              " population for " + has + ", but the FTEs need population on 1 January " + missing + ". For " +
              missing + ", SSB’s figures built into the program are used where they exist. Add the population for " +
              missing + " to use your own figures."};
}

namespace {

// A figure as it was given, to its last decimal, with at least two: «22,50», «6,125», «1 234,125».
std::string given_figure(Fixed v, Lang lang) {
  const std::string exact = detail::fixed_text(v, lang);
  const auto mark = exact.find(lang == Lang::Nb ? ',' : '.');
  const int decimals = mark == std::string::npos ? 0 : static_cast<int>(exact.size() - mark - 1);
  return format_fixed(v, std::max(2, decimals), lang);
}

// What makes two figures the same field, naming only what the line has: «enhet, år og kategori».
std::string same_field_words(const ValueDuplicate& d, bool with_category, Lang lang) {
  const bool nb = lang == Lang::Nb;
  std::vector<std::string> words{nb ? "enhet" : "unit", nb ? "år" : "year"};
  if (d.group != TargetGroup::Unspecified) words.emplace_back(nb ? "målgruppe" : "target group");
  if (!d.service.empty()) words.emplace_back(nb ? "tjeneste" : "service");
  if (with_category) words.emplace_back(nb ? "kategori" : "category");
  return listed(words, nb ? " og " : " and ");
}

// What to do: a copied row is removed, two parts of one figure are combined, a wrong figure is
// corrected; from another file, most likely another version of it; the form typed on the page and
// a file, most likely the same figures typed in. `differing`: how many categories have two
// different figures.
std::string duplicate_advice(bool other_file, bool with_form, std::size_t differing, Lang lang) {
  const bool nb = lang == Lang::Nb;
  if (other_file && with_form) {
    if (differing == 0)
      return nb ? "Har du skrevet inn tallene fra filen, fjern skjemaets tall eller filen."
                : "If you typed in the figures of the file, remove the form’s figures or the file.";
    return nb ? std::string("Rett ") + (differing == 1 ? "tallet" : "tallene") +
                    " som er feil, i skjemaet eller i filen, eller fjern skjemaets tall eller filen."
              : std::string("Correct the wrong ") + (differing == 1 ? "figure" : "figures") +
                    ", in the form or in the file, or remove the form’s figures or the file.";
  }
  if (differing == 0)
    return other_file ? (nb ? "Er den ene filen en annen utgave av den andre, fjern den ene."
                            : "If one file is another version of the other, remove one of them.")
                      : (nb ? "Er raden kopiert, fjern den ene; er begge deler av tallet, slå radene sammen."
                            : "If the row was copied, remove one; if both are parts of the figure, combine the rows.");
  const bool one = differing == 1;
  if (other_file)
    return nb ? std::string("Er den ene filen en annen utgave av den andre, fjern den som er feil; ellers rett ") +
                    (one ? "tallet" : "tallene") + " som er feil."
              : std::string("If one file is another version of the other, remove the wrong one; otherwise correct the wrong ") +
                    (one ? "figure." : "figures.");
  return nb ? (one ? "Rett tallet som er feil; er begge deler av tallet, slå radene sammen."
                   : "Rett tallene som er feil; er begge deler av tallene, slå radene sammen.")
            : (one ? "Correct the wrong figure; if both are parts of the figure, combine the rows."
                   : "Correct the wrong figures; if both are parts of the figures, combine the rows.");
}

}  // namespace

Texts ValueDuplicate::texts() const {
  // Each of unit, year, target group and service the value has: «3101, 2024, voksne».
  auto what = [&](Lang lang) {
    std::vector<std::string> parts{std::string(unit), std::to_string(year)};
    if (group != TargetGroup::Unspecified) parts.push_back(group_words(group, lang));
    if (!service.empty()) parts.push_back(in_quotes(service, lang));
    return join(parts);
  };
  // The categories whose two figures differ, each with both: «a (202,50 her, 22,50 der)».
  std::vector<std::string> differ_nb, differ_en;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (here[i] == there[i]) continue;
    differ_nb.push_back(categories[i] + " (" + given_figure(here[i], Lang::Nb) + " her, " + given_figure(there[i], Lang::Nb) + " der)");
    differ_en.push_back(categories[i] + " (" + given_figure(here[i], Lang::En) + " here, " + given_figure(there[i], Lang::En) + " there)");
  }
  const bool equal = differ_nb.empty();
  const std::string first_nb = where(first, Lang::Nb), first_en = where(first, Lang::En);
  const std::string advice_nb = " " + duplicate_advice(other_file, with_form, differ_nb.size(), Lang::Nb);
  const std::string advice_en = " " + duplicate_advice(other_file, with_form, differ_en.size(), Lang::En);
  if (categories.size() == 1) {
    const std::string now_nb = given_figure(here[0], Lang::Nb), then_nb = given_figure(there[0], Lang::Nb);
    const std::string now_en = given_figure(here[0], Lang::En), then_en = given_figure(there[0], Lang::En);
    return {"Samme " + same_field_words(*this, true, Lang::Nb) + " (" + what(Lang::Nb) + ", " + categories[0] + ") står to ganger" +
                (equal ? " med samme tall, " + now_nb + ": her og på " + first_nb + ". Det er talt med én gang."
                       : ": " + now_nb + " her og " + then_nb + " på " + first_nb + ". Bare " + then_nb + " er talt med.") +
                advice_nb,
            "The same " + same_field_words(*this, true, Lang::En) + " (" + what(Lang::En) + ", " + categories[0] + ") appears twice" +
                (equal ? " with the same figure, " + now_en + ": here and on " + first_en + ". It is counted once."
                       : ": " + now_en + " here and " + then_en + " on " + first_en + ". Only " + then_en + " is counted.") +
                advice_en};
  }
  return {"Samme " + same_field_words(*this, false, Lang::Nb) + " (" + what(Lang::Nb) + ") står to ganger for kategoriene " +
              listed(categories, " og ") + ": her og på " + first_nb +
              (equal ? ", med de samme tallene. De er talt med én gang."
                     : ", med ulike tall for " + listed(differ_nb, " og ") + ". Bare tallene på " + first_nb + " er talt med.") +
              advice_nb,
          "The same " + same_field_words(*this, false, Lang::En) + " (" + what(Lang::En) + ") appears twice for categories " +
              listed(categories, " and ") + ": here and on " + first_en +
              (equal ? ", with the same figures. They are counted once."
                     : ", with different figures for " + listed(differ_en, " and ") + ". Only the figures on " + first_en + " are counted.") +
              advice_en};
}

Texts ValueSeveralFiles::texts() const {
  const std::string w(what);
  const std::string added_nb = overlapping ? ". Tallene fra filene er lagt sammen, men et felt som står i begge, er talt med én "
                                               "gang (meldingene om tall som står to ganger, viser hvilke)"
                                             : ". Tallene fra filene er lagt sammen";
  const std::string added_en = overlapping ? ". The files’ figures are added together, but a field given in both is counted once "
                                               "(the messages on figures given twice say which)"
                                             : ". The files’ figures are added together";
  const std::string advice_nb = with_form
                                    ? ". Har du skrevet inn tallene fra filen, eller gir det ene summen av det andre, fjern skjemaets tall eller filen."
                                    : ". Er den ene filen en annen utgave av den andre, eller gir den summen av den andre, fjern den ene filen.";
  const std::string advice_en = with_form
                                    ? ". If you typed in the figures of the file, or one gives the other’s total, remove the form’s figures or the file."
                                    : ". If one file is another version of the other, or gives the other’s total, remove one of the files.";
  return {"Tall for samme enhet og år (" + w + ") står både her og fra " + where(first, Lang::Nb) + added_nb + advice_nb,
          "Figures for the same unit and year (" + w + ") are given both here and from " + where(first, Lang::En) + added_en +
              advice_en};
}

Texts ReferenceDuplicate::texts() const {
  const std::string w(what);
  return {"Samme enhet, år og måltall (" + w + ") står to ganger i referansetallene: her og på " +
              where(first, Lang::Nb) + ". Bare den første er brukt.",
          "The same unit, year and measure (" + w + ") appears twice in the reference figures: here and on " +
              where(first, Lang::En) + ". Only the first is used."};
}

Texts UnitInvalid::texts() const {
  const std::string code(unit);
  return {"«" + code + "» er ikke et kommunenummer, bydelsnummer, fylkesnummer eller 0 for hele landet. Alle radene for enheten dette året er hoppet over.",
          "“" + code + "” is not a municipality, district or county number, nor 0 for the whole country. All rows for the unit that year were skipped."};
}

Texts UnitNoRegister::texts() const {
  const std::string code(unit), y = std::to_string(year);
  return {"Kalkulatoren har kommune- og fylkesinndelingen fra 2020 og framover; for " + y +
              " kan bare tall for hele landet (0) regnes ut. Enheten " + code + " er hoppet over.",
          "The calculator knows the municipality and county structure from 2020 on; for " + y +
              " only figures for the whole country (0) can be computed. Unit " + code + " was skipped."};
}

Texts UnitUnknownCounty::texts() const {
  const std::string code(unit), y = std::to_string(year), st(structure);
  return {"Fylke " + code + " fantes ikke i " + y + " (fylkesinndelingen " + st +
              "). Sjekk fylkesnummeret. Alle radene for enheten dette året er hoppet over.",
          "County " + code + " did not exist in " + y + " (the " + st +
              " structure). Check the county number. All rows for the unit that year were skipped."};
}

Texts UnitDistrictNotReporting::texts() const {
  const std::string code(unit), n(name);
  return {"Bydel " + code + " " + n + " rapporterer ikke årsverk selv (den har bare befolkning). Før årsverkene på Oslo kommune (0301) eller en bydel som rapporterer. Alle radene for enheten dette året er hoppet over.",
          "District " + code + " " + n + " does not report FTEs itself (it only has population). Put the FTEs on Oslo (0301) or a reporting district. All rows for the unit that year were skipped."};
}

Texts UnitUnknownDistrict::texts() const {
  const std::string code(unit);
  return {"«" + code + "» er ikke en av Oslos bydeler (030101–030115). Bare Oslos bydeler rapporterer egne årsverk. Alle radene for enheten dette året er hoppet over.",
          "“" + code + "” is not one of Oslo’s districts (030101–030115). Only Oslo’s districts report FTEs of their own. All rows for the unit that year were skipped."};
}

Texts UnitWrongStructure::texts() const {
  const std::string code(unit), n(name), other(other_structure), y = std::to_string(year), list(use);
  return {"Kommunenummer " + code + " (" + n + ") gjelder kommuneinndelingen " + other +
              ", men året er " + y + ". Bruk " + (list.empty() ? "nummeret som gjaldt det året" : list) +
              ". Alle radene for enheten dette året er hoppet over.",
          "Municipality number " + code + " (" + n + ") belongs to the " + other +
              " structure, but the year is " + y + ". Use " + (list.empty() ? "the number valid that year" : list) +
              ". All rows for the unit that year were skipped."};
}

Texts UnitUnknownMunicipality::texts() const {
  const std::string code(unit), y = std::to_string(year), st(structure);
  return {"Kommunenummer " + code + " fantes ikke i " + y + ". Sjekk nummeret mot kommuneinndelingen " +
              st + ". Alle radene for enheten dette året er hoppet over.",
          "Municipality number " + code + " did not exist in " + y + ". Check it against the " +
              st + " structure. All rows for the unit that year were skipped."};
}

Texts YearOutOfRange::texts() const {
  return {"Året " + std::to_string(year) + " er utenfor det indikatoren dekker (2015 og senere). Raden er hoppet over.",
          "The year " + std::to_string(year) + " is outside what the indicator covers (2015 on). The row was skipped."};
}

Texts CategoryWrongSchema::texts() const {
  const bool new_cats = category_from_2024;
  const std::string c(category);
  return {"Kategori «" + c + "» hører til " +
              (new_cats ? "skjemaet fra 2024 (a–e), men året er " : "skjemaet for 2015–2023 (M1–M4), men året er ") +
              std::to_string(year) + ". Tallene før og etter 2024 kan ikke blandes; bruk " +
              (new_cats ? "de fire måltallene M1–M4 for år til og med 2023." : "kategoriene a–e fra og med 2024.") +
              " Verdien er hoppet over.",
          "Category “" + c + "” belongs to the " +
              (new_cats ? "2024 schema (a–e), but the year is " : "2015–2023 schema (M1–M4), but the year is ") +
              std::to_string(year) + ". Figures before and after 2024 cannot be mixed; use " +
              (new_cats ? "the four measures M1–M4 for years up to 2023." : "categories a–e from 2024 on.") +
              " The value was skipped."};
}

Texts ArithmeticOverflow::texts() const {
  const std::string u(unit), y = std::to_string(year), m(measures);
  return {"Summen av årsverk for " + u + " " + y + " (" + m +
              ") blir for stor til å regnes ut når tallene på denne linjen legges til. Et av tallene er trolig feil (for stort): sjekk dem. Måltallet vises ikke.",
          "The sum of FTEs for " + u + " " + y + " (" + m +
              ") becomes too large to compute when the figures on this line are added. One of the figures is probably wrong (too large): check them. The measure is not shown."};
}

Texts CategoryAboveTotal::texts() const {
  const std::string c(category), u(unit);
  return {"Kategori " + c + " (" + ftes(value, Lang::Nb) + ") er større enn totalen (" +
              ftes(total, Lang::Nb) + ") for " + u + ". Sjekk tallene før innsending.",
          "Category " + c + " (" + ftes(value, Lang::En) + ") is larger than the total (" +
              ftes(total, Lang::En) + ") for " + u + ". Check the figures before submitting."};
}

Texts TotalMismatch2024::texts() const {
  const std::string u(unit);
  return {"Summen av a–e (" + ftes(sum, Lang::Nb) + ") er ikke lik totalen som er oppgitt (" +
              ftes(total, Lang::Nb) + ") for " + u + ". Kalkulatoren bruker summen av a–e.",
          "The sum of a–e (" + ftes(sum, Lang::En) + ") differs from the total given (" +
              ftes(total, Lang::En) + ") for " + u + ". The calculator uses the sum of a–e."};
}

Texts TotalMismatch2015::texts() const {
  const std::string u(unit);
  return {"M1 (" + ftes(m1, Lang::Nb) + ") er ikke lik totalen som er oppgitt (" + ftes(total, Lang::Nb) +
              ") for " + u + ". Kalkulatoren bruker M1" + (disjoint ? ", summen av utdanningsnivåene." : "."),
          "M1 (" + ftes(m1, Lang::En) + ") differs from the total given (" + ftes(total, Lang::En) +
              ") for " + u + ". The calculator uses M1" + (disjoint ? ", the sum of the education levels." : ".")};
}

Texts CategoryMixedForms::texts() const {
  const std::string u(unit);
  return {"Samme rad har både måltallene M1–M4 og utdanningsnivåene (ingen, annen_vgs, vgs_helse, hoy_uten, hoy_med) for " +
              u + ". Bruk den ene formen. Raden er hoppet over.",
          "The same row has both the measures M1–M4 and the education levels (ingen, annen_vgs, vgs_helse, hoy_uten, hoy_med) for " +
              u + ". Use one form. The row was skipped."};
}

Texts NestedOrder::texts() const {
  const std::string u(unit), a = "M" + std::to_string(measure), b = "M" + std::to_string(next_measure);
  return {"Måltallene skal være nøstet (M1 ≥ M2 ≥ M3 ≥ M4), men for " + u + " er " + a + " = " +
              ftes(value, Lang::Nb) + " mindre enn " + b + " = " + ftes(next, Lang::Nb) +
              ". M2 skal telle med alle med høyere utdanning, M3 alle med høyere utdanning, M4 bare dem med videreutdanning. Sjekk tallene; de er brukt slik de står.",
          "The measures must be nested (M1 ≥ M2 ≥ M3 ≥ M4), but for " + u + " " + a + " = " +
              ftes(value, Lang::En) + " is less than " + b + " = " + ftes(next, Lang::En) +
              ". M2 includes everyone with higher education, M3 all with higher education, M4 only those with further education. Check the figures; they are used as given."};
}

Texts AggregateGivenAndComputed::texts() const {
  const std::string n(name), y = std::to_string(year);
  return {"Tall for " + n + " " + y + " er oppgitt direkte og kan også regnes ut fra kommunene. Kalkulatoren bruker tallene som er oppgitt direkte.",
          "Figures for " + n + " " + y + " are given directly and can also be computed from the municipalities. The calculator uses the figures given directly."};
}

Texts PopulationMissing::texts() const {
  const std::string what(unit);
  return {"Mangler befolkning for " + what + " 1. januar " + std::to_string(population_year) +
              ", så årsverk per 1 000 innbyggere kan ikke regnes ut for " + std::to_string(year) +
              ". Legg til en befolkningsfil (for eksempel SSBs tabell 07459) som har med enheten, eller velg et annet befolkningsår.",
          "No population for " + what + " on 1 January " + std::to_string(population_year) +
              ", so FTEs per 1,000 inhabitants cannot be computed for " + std::to_string(year) +
              ". Add a population file (for example SSB table 07459) that includes the unit, or choose the other population year."};
}

Texts SuppressionNotApplied::texts() const {
  const std::string y = std::to_string(year);
  return {"Regelen om å holde utenfor kommuner uten egne årsverk for voksne eller for barn og unge kunne ikke brukes for " +
              y + " fordi årsverkene mangler målgruppe (voksne / barn og unge). Legg til en kolonne «målgruppe» for å bruke den.",
          "The rule that leaves out municipalities without own FTEs for adults or for children and young people could not be applied for " +
              y + " because the FTEs have no target group (adults / children and young people). Add a “målgruppe” column to apply it."};
}

}  // namespace arsverk::msg

namespace arsverk::msg {

namespace {
std::string ftes_or_dash(const std::optional<Fixed>& v, Lang lang) { return v ? format_fixed(*v, 2, lang) : "–"; }
}  // namespace

Texts SumRow::texts() const {
  const std::string l_nb = in_quotes(label, Lang::Nb), l_en = in_quotes(label, Lang::En);
  return {"Raden " + l_nb + " er summen av " + std::string(lines_nb) + " (" + std::string(what_nb) +
              ") og er holdt utenfor: kalkulatoren summerer radene selv.",
          "The row " + l_en + " is the sum of " + std::string(lines_en) + " (" + std::string(what_en) +
              ") and was left out: the calculator adds up the rows itself."};
}

Texts SumLabelNotSum::texts() const {
  const std::string l_nb = in_quotes(label, Lang::Nb), l_en = in_quotes(label, Lang::En);
  return {l_nb + " sier at raden er en sum, men tallene er ikke summen av " + std::string(lines_nb) + " (" +
              std::string(what_nb) + "): M1 " + ftes_or_dash(here, Lang::Nb) + " her, " + ftes_or_dash(others, Lang::Nb) +
              " i de andre radene. Raden er holdt utenfor fordi den er merket som sum. Er den egne årsverk som skal "
              "telle med, ta bort " + l_nb + " fra cellen; er den en sum, rett tallene.",
          l_en + " says the row is a sum, but its figures are not the sum of " + std::string(lines_en) + " (" +
              std::string(what_en) + "): M1 " + ftes_or_dash(here, Lang::En) + " here, " + ftes_or_dash(others, Lang::En) +
              " in the other rows. The row was left out because it is labelled a sum. If it holds FTEs of its own "
              "that should count, remove " + l_en + " from the cell; if it is a sum, correct the figures."};
}

Texts SumLabelWithoutParts::texts() const {
  const std::string l_nb = in_quotes(label, Lang::Nb), l_en = in_quotes(label, Lang::En), u(unit), y = std::to_string(year);
  return {l_nb + " kan bety at raden er en sum, men det er ingen andre rader for " + u + " " + y +
              " som den kan være summen av. Raden er brukt som tallene for " + u + ".",
          l_en + " may mean that the row is a sum, but there are no other rows for " + u + " " + y +
              " it could be the sum of. The row was used as the figures for " + u + "."};
}

Texts SumRowByArithmetic::texts() const {
  const std::string uy = std::string(unit) + " " + std::to_string(year);
  const std::string ln(lines_nb), le(lines_en), wn(what_nb), we(what_en);
  if (over == Members)
    return {"Raden for " + uy + " er lik summen av " + ln + " (" + wn + "). Den er ikke merket som sum, men er regnet "
                "som en sumrad ut fra tallene og holdt utenfor. Er den egne årsverk for " + std::string(unit) +
                " i tillegg til " + wn + ", sjekk tallene: hvert årsverk skal stå på én rad.",
            "The row for " + uy + " equals the sum of " + le + " (" + we + "). It is not labelled a sum, but was taken "
                "as a sum row from its figures and left out. If it holds FTEs of " + std::string(unit) +
                "’s own besides " + we + ", check the figures: every FTE belongs on one row."};
  const bool groups = over == Groups;
  const std::string lacks_nb = groups ? "målgruppe" : "tjeneste", lacks_en = groups ? "target group" : "service";
  return {"Raden for " + uy + " har ingen " + lacks_nb + " og er lik summen av " + ln + " (" + wn +
              "). Den er ikke merket som sum, men er regnet som en sumrad ut fra tallene og holdt utenfor. Er den "
              "egne årsverk som skal telle med, legg dem til i radene med " + lacks_nb +
              ", så hvert årsverk står på én rad.",
          "The row for " + uy + " has no " + lacks_en + " and equals the sum of " + le + " (" + we +
              "). It is not labelled a sum, but was taken as a sum row from its figures and left out. If it holds "
              "FTEs of its own that should count, add them to the rows with a " + lacks_en +
              ", so that every FTE is on one row."};
}

namespace {

// The target group a municipality lacks and the one it has, in words: «voksne» / "adults" and
// «barn og unge» / "children and young people", or the other way round.
struct OnePart {
  std::string gone_nb, gone_en, had_nb, had_en;
};
OnePart one_part(bool adults_missing) {
  const TargetGroup gone = adults_missing ? TargetGroup::Adults : TargetGroup::Children;
  const TargetGroup had = adults_missing ? TargetGroup::Children : TargetGroup::Adults;
  return {group_words(gone, Lang::Nb), group_words(gone, Lang::En), group_words(had, Lang::Nb), group_words(had, Lang::En)};
}

}  // namespace

Texts SuppressionPartMissing::texts() const {
  const std::string u(unit);
  const auto [gone_nb, gone_en, had_nb, had_en] = one_part(adults_missing);
  if (form) {
    const std::string column_nb = adults_missing ? "Voksne" : "Barn og unge";
    const std::string column_en = adults_missing ? "Adults" : "Children and young people";
    return {u + ": skjemaet har bare tall for " + had_nb + ", ingen for " + gone_nb +
                ". Kommunen er holdt utenfor visningen slik regelen sier for kommuner uten egne årsverk for " + gone_nb +
                ", men trolig er bare den delen ikke fylt ut. Fyll ut kolonnen «" + column_nb +
                "» i skjemaet; har kommunen ingen slike årsverk, skriv 0.",
            u + ": the form has figures only for " + had_en + ", none for " + gone_en +
                ". The municipality is left out of the display, as the rule says for municipalities without FTEs of "
                "their own for " + gone_en + ", but probably only that part was not filled in. Fill in the column “" +
                column_en + "” in the form; if the municipality has no such FTEs, write 0."};
  }
  return {u + ": filene har bare delen for " + had_nb + ", ingen rader for " + gone_nb +
              ". Kommunen er holdt utenfor visningen slik regelen sier for kommuner uten egne årsverk for " + gone_nb +
              ", men trolig er bare den delen av skjemaet ikke gitt. Legg til radene for " + gone_nb +
              " (målgruppe «" + gone_nb + "»); har kommunen ingen slike årsverk, skriv 0.",
          u + ": the files have only the part for " + had_en + ", no rows for " + gone_en +
              ". The municipality is left out of the display, as the rule says for municipalities without FTEs of "
              "their own for " + gone_en + ", but probably only that part of the form was not given. Add the rows for " +
              gone_en + " (target group “" + gone_nb + "”); if the municipality has no such FTEs, write 0."};
}

Texts SuppressionPartSkipped::texts() const {
  const std::string u(unit);
  const auto [gone_nb, gone_en, had_nb, had_en] = one_part(adults_missing);
  return {u + ": tallene for " + gone_nb + " er hoppet over for en feil (se feilmeldingen), så bare delen for " +
              had_nb + " er regnet med. Kommunen er holdt utenfor visningen, slik regelen sier for kommuner uten egne "
              "årsverk for " + gone_nb + ", til feilen er rettet.",
          u + ": the figures for " + gone_en + " were skipped for an error (see the error message), so only the part for " +
              had_en + " is counted. The municipality is left out of the display, as the rule says for municipalities "
              "without FTEs of their own for " + gone_en + ", until the error is corrected."};
}

Texts SuppressionPartZero::texts() const {
  const std::string u(unit);
  const std::string nb = adults_zero ? "voksne" : "barn og unge";
  const std::string en = adults_zero ? "adults" : "children and young people";
  return {u + ": radene for " + nb + " har 0 årsverk. Kommunen er holdt utenfor visningen slik regelen sier for "
              "kommuner uten egne årsverk for " + nb + ", og telles med i summene.",
          u + ": the rows for " + en + " have 0 FTEs. The municipality is left out of the display, as the rule says "
              "for municipalities without FTEs of their own for " + en + ", and is counted in the sums."};
}

Texts SettingsYearWithoutData::texts() const {
  const std::string y = std::to_string(year), list(years);
  return {"Filene har ingen årsverk for " + y +
              (list.empty() ? ", og heller ikke for andre år." : "; de har årsverk for " + list + ". Velg et av disse årene."),
          "The files have no FTEs for " + y +
              (list.empty() ? ", nor for any other year." : "; they have FTEs for " + list + ". Choose one of these years.")};
}

}  // namespace arsverk::msg
