// The texts of the messages about a table's headers (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::quoted_list;
using detail::quoted_text;

Texts TableUnrecognised::texts() const {
  const std::string found_nb = quoted_list(columns, Lang::Nb), found_en = quoted_list(columns, Lang::En);
  return {"Vi fant ikke kolonnene vi trenger. Kolonner i filen: " + found_nb +
              ". For årsverk trengs kommune (kommunenummer), år og kategoriene a–e (eller "
              "M1–M4), eller kolonnene kategori og årsverk. For folkemengde trengs region, år "
              "og folkemengde, eller SSB-kolonner som «Personer 2023». Gi kolonnene slike "
              "overskrifter og prøv igjen.",
          "We did not find the columns we need. Columns in the file: " + found_en +
              ". FTEs need municipality (number), year and the categories a–e (or "
              "M1–M4), or the columns category and FTEs. Population needs region, year and "
              "population, or SSB columns such as “Persons 2023”. Give the columns such "
              "headers and try again."};
}

Texts HeaderMissingValue::texts() const {
  const std::string found_nb = quoted_list(columns, Lang::Nb), found_en = quoted_list(columns, Lang::En);
  return {"Filen har en kategorikolonne, men ingen kolonne med årsverk. Kolonner i filen: " +
              found_nb + ". Legg til en kolonne med overskriften «årsverk».",
          "The file has a category column but no column with FTEs. Columns in "
          "the file: " + found_en + ". Add a column headed “FTEs”."};
}

Texts HeaderMissingUnit::texts() const {
  const std::string found_nb = quoted_list(columns, Lang::Nb), found_en = quoted_list(columns, Lang::En);
  return {"Fant ingen kolonne for enhet (kommune, bydel, fylke eller region). "
          "Kolonner i filen: " + found_nb +
              ". Gi kolonnen med kommunenummer overskriften «kommunenummer» eller «region».",
          "Found no column for the unit (municipality, district, county or region). Columns "
          "in the file: " + found_en +
              ". Head the column with the municipality numbers “kommunenummer” or “region”."};
}

Texts HeaderMissingYear::texts() const {
  const std::string found_nb = quoted_list(columns, Lang::Nb), found_en = quoted_list(columns, Lang::En);
  return {"Fant ingen kolonne for år. Kolonner i filen: " + found_nb +
              ". Legg til en kolonne med overskriften «år» og årstallet på hver rad.",
          "Found no column for the year. Columns in the file: " + found_en +
              ". Add a column headed “year” with the year on every row."};
}

Texts HeaderValueUnclear::texts() const {
  const std::string col_nb = quoted_text(header, Lang::Nb), col_en = quoted_text(header, Lang::En);
  const std::string in_nb = file.empty() ? std::string() : " i " + std::string(file);
  const std::string in_en = file.empty() ? std::string() : " of " + std::string(file);
  return {"Kolonnen " + col_nb + in_nb + " kan være publiserte tall per 1 000 innbyggere eller årsverk, "
          "og kalkulatoren gjetter ikke. Er det publiserte tall per 1 000 innbyggere (for eksempel "
          "Helsedirektoratets), gi kolonnen overskriften «Per 1000 innbyggere» (eller «M1 per 1000»). "
          "Er det årsverk, gi den navnet på kategorien: «Totalt» for alle årsverk, a–e fra 2024 "
          "(for eksempel «Ufaglærte»), eller legg til en kolonne «kategori» og kall denne «årsverk».",
          "The column " + col_en + in_en + " may hold published rates per 1,000 inhabitants or FTEs, "
          "and the calculator does not guess. If it holds published rates per 1,000 inhabitants (for "
          "example the Norwegian Directorate of Health’s), head the column “Per 1000 inhabitants” "
          "(or “M1 per 1000”). If it holds FTEs, give it the category’s name: “Total” for all "
          "FTEs, a–e from 2024 (for example “Unskilled”), or add a column “category” and head "
          "this one “FTEs”."};
}

Texts HeaderNoCategory::texts() const {
  const std::string found_nb = quoted_list(columns, Lang::Nb), found_en = quoted_list(columns, Lang::En);
  std::string hint_nb, hint_en;
  if (!near.empty()) {
    hint_nb = " Mente du " + quoted_text(near, Lang::Nb) + " for " + quoted_text(meant, Lang::Nb) + "?";
    hint_en = " Did you mean " + quoted_text(near, Lang::En) + " for " + quoted_text(meant, Lang::En) + "?";
  }
  return {"Filen har kolonner for enhet og år, men ingen kolonne vi kjenner som en "
          "utdanningskategori eller et måltall. Kolonner i filen: " + found_nb +
              ". Vi forventer kategoriene a–e (fra 2024, for eksempel «Ufaglærte»), måltallene "
              "M1–M4 eller «Totalt», «Minimum helse- og sosialfag fra vgs», "
              "«Høyskole/universitet», «Høyskole/universitet med videreutdanning» (til og med "
              "2023), eller kolonnene «kategori» og «årsverk»." + hint_nb,
          "The file has columns for unit and year, but none we know as an education category "
          "or a measure. Columns in the file: " + found_en +
              ". We expect the categories a–e (from 2024, for example “Unskilled”), the "
              "measures M1–M4 or “Total”, “Min. health/social upper secondary”, “Higher "
              "education”, “Higher education with further education” (up to 2023), or the "
              "columns “category” and “FTEs”." + hint_en};
}

Texts HeaderPopulationIgnored::texts() const {
  return {"Kolonnen " + quoted_text(header, Lang::Nb) + " ser ut som folkemengde og er ikke lest: i en "
          "årsverksfil brukes bare årsverk. Folkemengden tas fra en egen befolkningsfil "
          "eller fra SSB-tallene som er bygd inn.",
          "The column " + quoted_text(header, Lang::En) + " looks like population and was not read: an FTE "
          "file is read for FTEs only. The population comes from a population file of its "
          "own or from the built-in SSB figures."};
}

Texts HeaderRatesIgnored::texts() const {
  return {"Kolonnen " + quoted_text(header, Lang::Nb) + " er ikke lest: den har rater per 1 000 "
          "innbyggere, og dem regner kalkulatoren ut selv av årsverkene.",
          "The column " + quoted_text(header, Lang::En) + " was not read: it holds rates per 1,000 "
          "inhabitants, which the calculator computes itself from the FTEs."};
}

Texts HeaderUnknownCategory::texts() const {
  return {"Kolonnen " + quoted_text(header, Lang::Nb) + " er ikke en utdanningskategori eller et måltall vi "
          "kjenner, og er ikke lest. Nærmeste kjente navn: " + quoted_text(near, Lang::Nb) +
          ". Gi kolonnen et av navnene i brukerveiledningen hvis den skal telle med.",
          "The column " + quoted_text(header, Lang::En) + " is not an education category or measure we "
          "know, and was not read. Closest known name: " + quoted_text(near, Lang::En) +
          ". Give the column one of the names in the guide if it should count."};
}

namespace {

const char* reason_nb(HeaderColumnIgnored::Why why) {
  switch (why) {
    case HeaderColumnIgnored::Why::UnknownHeader: return "overskriften er ikke en vi kjenner.";
    case HeaderColumnIgnored::Why::CategoriesAsColumns: return "filen har allerede kategorier som kolonner.";
    case HeaderColumnIgnored::Why::RowPerCategory: return "filen har én rad per kategori (kolonnene kategori og årsverk).";
    case HeaderColumnIgnored::Why::RoleTaken: break;
  }
  return "filen har allerede en kolonne med samme rolle, eller rollen brukes ikke for årsverk.";
}

const char* reason_en(HeaderColumnIgnored::Why why) {
  switch (why) {
    case HeaderColumnIgnored::Why::UnknownHeader: return "its header is not one we know.";
    case HeaderColumnIgnored::Why::CategoriesAsColumns: return "the file already has the categories as columns.";
    case HeaderColumnIgnored::Why::RowPerCategory: return "the file has one row per category (columns category and FTEs).";
    case HeaderColumnIgnored::Why::RoleTaken: break;
  }
  return "the file already has a column in that role, or the role is not used for FTEs.";
}

}  // namespace

Texts HeaderColumnIgnored::texts() const {
  return {"Kolonnen " + quoted_text(header, Lang::Nb) + " er ikke lest: " + reason_nb(why) + " Sjekk at ingen årsverk står i den.",
          "The column " + quoted_text(header, Lang::En) + " was not read: " + reason_en(why) + " Check that it holds no FTEs."};
}

}  // namespace arsverk::msg
