// The texts of the messages about input files and tables (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::kAcceptedEn;
using detail::kAcceptedNb;
using detail::quoted_list;
using detail::quoted_text;

Texts FileEmpty::texts() const {
  return {"Filen er tom. Velg filen med tabellen (årsverk eller folkemengde).",
          "The file is empty. Choose the file with the table (FTEs or population)."};
}

Texts FileBinary::texts() const {
  Texts what;
  switch (kind) {
    case BinaryFile::Pdf: what = {"Filen er en PDF.", "The file is a PDF."}; break;
    case BinaryFile::Image: what = {"Filen er et bilde.", "The file is an image."}; break;
    case BinaryFile::Gzip: what = {"Filen er komprimert (gzip).", "The file is compressed (gzip)."}; break;
    case BinaryFile::NulCharacters:
      what = {"Filen inneholder NUL-tegn og er ikke vanlig tekst (kanskje UTF-16 eller et binært format).",
              "The file contains NUL characters and is not plain text (perhaps UTF-16 or a binary format)."};
      break;
    case BinaryFile::NotText:
      what = {"Filen er ikke tekst (den ser binær ut).", "The file is not text (it looks binary)."};
      break;
    case BinaryFile::ZipArchive: what = {"Filen er et ZIP-arkiv.", "The file is a ZIP archive."}; break;
  }
  return {what.nb + " " + kAcceptedNb, what.en + " " + kAcceptedEn};
}

Texts FileRtf::texts() const {
  return {"Filen er et RTF-dokument (for eksempel fra WordPad eller TextEdit), ikke en tabell. Åpne "
          "tabellen i Excel eller LibreOffice og velg «Lagre som» → CSV, og legg inn den filen.",
          "The file is an RTF document (from WordPad or TextEdit, for example), not a table. Open "
          "the table in Excel or LibreOffice, choose “Save as” → CSV, and add that file."};
}

Texts FileOtherSpreadsheet::texts() const {
  switch (kind) {
    case OtherSpreadsheet::OldExcel:
      return {"Filen er en gammel Excel-fil (.xls), som kalkulatoren ikke leser direkte. Åpne den i "
              "Excel eller LibreOffice og velg «Lagre som» → CSV, og legg inn den filen.",
              "The file is an old Excel file (.xls), which the calculator does not read directly. Open "
              "it in Excel or LibreOffice, choose “Save as” → CSV, and add that file."};
    case OtherSpreadsheet::OpenDocument:
      return {"Filen er et OpenDocument-regneark (.ods), som kalkulatoren ikke leser direkte. Åpne den i "
              "LibreOffice eller Excel og lagre som .xlsx, eller velg «Lagre som» → CSV, og legg inn den filen.",
              "The file is an OpenDocument spreadsheet (.ods), which the calculator does not read directly. "
              "Open it in LibreOffice or Excel and save it as .xlsx, or choose “Save as” → CSV, and add "
              "that file."};
    case OtherSpreadsheet::ExcelBinary:
      break;
  }
  return {"Filen er en binær Excel-arbeidsbok (.xlsb), som kalkulatoren ikke leser. Åpne den i Excel og "
          "lagre som «Excel-arbeidsbok (.xlsx)» eller CSV, og legg inn den filen.",
          "The file is an Excel binary workbook (.xlsb), which the calculator does not read. Open it in "
          "Excel, save it as “Excel Workbook (.xlsx)” or CSV, and add that file."};
}

Texts XlsxTooLarge::texts() const {
  const std::string mb = std::to_string(limit_mb);
  return {"Excel-filen er større enn " + mb + " MB, som er grensen for Excel-filer. Lagre arket "
          "som CSV (som leses uansett størrelse) og legg inn den filen.",
          "The Excel file is larger than " + mb + " MB, the limit for Excel files. Save the sheet "
          "as CSV (read at any size) and add that file."};
}

Texts JsonstatTooLarge::texts() const {
  return {"JSON-filen er større enn " + std::to_string(limit_mb) +
              " MB, som er grensen for JSON-stat. Hent færre regioner eller år om gangen, "
              "eller last ned som CSV.",
          "The JSON file is larger than " + std::to_string(limit_mb) +
              " MB, the limit for JSON-stat. Fetch fewer regions or years at a time, or "
              "download as CSV."};
}

Texts CsvLineTooLong::texts() const {
  return {"Linjen er lengre enn " + std::to_string(limit_bytes) +
              " byte og er hoppet over." +
              (open_quote ? " Trolig mangler et avsluttende anførselstegn (\") i en celle; "
                            "linjene etter kan også være slått sammen."
                          : " Sjekk at filen er en tabell med én rad per linje."),
          "The line is longer than " + std::to_string(limit_bytes) +
              " bytes and was skipped." +
              (open_quote ? " A closing quote (\") is probably missing in a cell; the "
                            "following lines may have been merged too."
                          : " Check that the file is a table with one row per line.")};
}

Texts CsvRowTooWide::texts() const {
  return {"Raden har " + std::to_string(columns) + " kolonner (mer enn " + std::to_string(limit) +
              ") og er hoppet over. Sjekk at raden ikke er slått sammen med andre, og "
              "skilletegnet.",
          "The row has " + std::to_string(columns) + " columns (more than " + std::to_string(limit) +
              ") and was skipped. Check that it is not several rows run together, and "
              "the delimiter."};
}

Texts CsvNotATable::texts() const {
  return {"Raden har " + std::to_string(columns) + " kolonner (mer enn " + std::to_string(limit) +
              "). Dette er ikke en tabell vi kan lese. " + kAcceptedNb,
          "The row has " + std::to_string(columns) + " columns (more than " + std::to_string(limit) +
              "). This is not a table we can read. " + kAcceptedEn};
}

Texts CsvUnterminatedQuote::texts() const {
  return {"Filen slutter inne i en celle med anførselstegn (\"). Sjekk at hver celle som "
          "begynner med \" også slutter med \".",
          "The file ends inside a quoted cell (\"). Check that every cell that starts with \" "
          "also ends with \"."};
}

Texts CsvWrongShape::texts() const {
  const std::string field_count = std::to_string(fields), columns = std::to_string(header_columns);
  Texts texts;
  if (fields == 0) {
    texts = {"Raden har bare én utfylt celle, men overskriften har " + columns + " kolonner.",
             "The row has only one filled cell, but the header has " + columns + " columns."};
  } else if (fields < header_columns) {
    texts = {"Raden har " + field_count + " felt, men overskriften har " + columns + " kolonner.",
             "The row has " + field_count + " fields, but the header has " + columns + " columns."};
  } else {
    const std::string width = std::to_string(header_width);
    texts = {"Raden har " + field_count + " felt, flere enn de " + width + " kolonnene i overskriften.",
             "The row has " + field_count + " fields, more than the header’s " + width + " columns."};
  }
  texts.nb += " Raden er hoppet over. Sjekk skilletegnet og at desimaltall med komma står i anførselstegn.";
  texts.en += " The row was skipped. Check the delimiter, and that decimal numbers with a comma are quoted.";
  return texts;
}

Texts SumRowWithoutUnit::texts() const {
  return {quoted_text(label, Lang::Nb) + " sier at raden er en sum av andre rader, og den har ingen " + (no_unit ? "enhet" : "år") +
              " å høre til. Den er holdt utenfor. Sumrader trengs ikke: kalkulatoren summerer selv.",
          quoted_text(label, Lang::En) + " says the row is a sum of other rows, and it has no " + (no_unit ? "unit" : "year") +
              " to belong to. It was left out. Sum rows are not needed: the calculator adds up the rows itself."};
}

Texts HeaderRepeated::texts() const {
  return {"En ny overskrift midt i filen (" + quoted_list(columns, Lang::Nb) + "). Radene under den er lest med dens kolonner.",
          "A new header in the middle of the file (" + quoted_list(columns, Lang::En) +
              "). The rows below it were read with its columns."};
}

Texts HeaderRepeatedUnmapped::texts() const {
  return {"Denne overskriften midt i filen (" + quoted_list(columns, Lang::Nb) + ") kan ikke leses som kolonner for " +
              (reference ? "publiserte tall" : "årsverk") +
              " (den trenger enhet, år og kategorier som øverst i filen). Radene under den er hoppet over fram til "
              "neste overskrift som kan leses. Gi kolonnene samme slags overskrifter som øverst i filen, eller legg "
              "arkene i hver sin fil.",
          "This header in the middle of the file (" + quoted_list(columns, Lang::En) + ") cannot be read as columns of " +
              (reference ? "published figures" : "FTEs") +
              " (it needs unit, year and categories as at the top of the file). The rows below it were skipped up to "
              "the next header that can be read. Give the columns the same kind of headers as at the top of the file, "
              "or put the sheets in files of their own."};
}

Texts YearMissing::texts() const {
  return {"Året mangler. Skriv årstallet, for eksempel 2024. Raden er hoppet over.",
          "The year is missing. Write the year, for example 2024. The row was skipped."};
}

Texts YearInvalid::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et årstall. Skriv året med fire sifre, for eksempel 2024. Raden er "
                    "hoppet over.",
          quoted_text(text, Lang::En) + " is not a year. Write the year with four digits, for example 2024. The row "
                    "was skipped."};
}

Texts CsvFootnotesIgnored::texts() const {
  return {std::to_string(lines) +
              " linje(r) under tabellen har en annen form enn tabellen (fotnoter, kilde "
              "o.l.) og er ikke lest.",
          std::to_string(lines) +
              " line(s) below the table have another shape than the table (footnotes, "
              "source and the like) and were not read."};
}

Texts FileHeaderOnly::texts() const {
  return {"Filen har overskrifter, men ingen rader med tall under dem. Sjekk at du lagret "
          "hele arket.",
          "The file has headers but no rows of figures below them. Check that you saved "
          "the whole sheet."};
}

Texts NumberMissingValues::texts() const {
  return {std::to_string(cells) + " celle(r) har ingen verdi (tom eller SSB-symbol som «..», "
          "«.», «:» eller «-»; den første: " + quoted_text(first, Lang::Nb) + ") og er regnet som "
          "manglende, ikke som 0." + (population ? " Sjekk at folkemengden er hentet for riktig år."
                                                 : ""),
          std::to_string(cells) + " cell(s) have no value (empty or an SSB symbol such as "
          "“..”, “.”, “:” or “-”; the first: " + quoted_text(first, Lang::En) + ") and were "
          "treated as missing, not as 0." + (population ? " Check that the population is for the "
                                                          "right year." : "")};
}

Texts PopulationOtherContentsIgnored::texts() const {
  return {std::to_string(rows) + " rad(er) gjelder en annen statistikkvariabel enn "
          "folkemengde (den første: " + quoted_text(first, Lang::Nb) + ") og er ikke lest.",
          std::to_string(rows) + " row(s) are for contents other than population "
          "(the first: " + quoted_text(first, Lang::En) + ") and were not read."};
}

Texts PopulationNotANumber::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et tall. Skriv folkemengden som et helt tall, for eksempel 31730. "
                    "Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is not a number. Write the population as a whole number, for example "
                    "31730. The row was skipped."};
}

Texts PopulationOutOfRange::texts() const {
  return {quoted_text(text, Lang::Nb) + " er et altfor stort tall for folkemengde. Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is far too large for a population. The row was skipped."};
}

Texts PopulationNotInteger::texts() const {
  return {quoted_text(text, Lang::Nb) + " er ikke et helt tall. Folkemengde er et antall personer. Raden er hoppet "
                    "over.",
          quoted_text(text, Lang::En) + " is not a whole number. Population is a count of persons. The row was "
                    "skipped."};
}

Texts PopulationNegative::texts() const {
  return {quoted_text(text, Lang::Nb) + " er negativt. Folkemengde kan ikke være negativ. Raden er hoppet over.",
          quoted_text(text, Lang::En) + " is negative. A population cannot be negative. The row was skipped."};
}

Texts PopulationDuplicate::texts() const {
  return {"Folkemengden for " + quoted_text(unit, Lang::Nb) + " i " + std::to_string(year) +
              " (samme alder og kjønn) står to ganger. Bare den første er brukt.",
          "The population of " + quoted_text(unit, Lang::En) + " in " + std::to_string(year) +
              " (same age and sex) appears twice. Only the first is used."};
}

}  // namespace arsverk::msg
