// The texts of the messages about workbooks (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::join;
using detail::kAcceptedEn;
using detail::kAcceptedNb;
using detail::quoted_text;

Texts XlsxFormulaWithoutValue::texts() const {
  return {quoted_text(formula, Lang::Nb) + " er en formel uten lagret resultat: filen er lagret av et program som ikke "
              "regner ut formler (for eksempel openpyxl). Tallet er ikke oppgitt, og raden er hoppet "
              "over; det er ikke regnet som 0. Åpne filen i Excel eller LibreOffice og lagre den på "
              "nytt, så lagres resultatene.",
          quoted_text(formula, Lang::En) + " is a formula without a saved result: the file was saved by a program that does "
              "not calculate formulas (openpyxl, for example). The figure is not given, and the row was "
              "skipped; it was not counted as 0. Open the file in Excel or LibreOffice and save it "
              "again, so that the results are saved."};
}

Texts XlsxPercentFigure::texts() const {
  return {"Cellen er formatert som prosent og viser " + quoted_text(shown, Lang::Nb) + ", men årsverk er et antall, ikke "
              "en andel. Raden er hoppet over. Fjern prosentformatet (Formater celler → Tall) og skriv "
              "antallet årsverk, for eksempel 12,5.",
          "The cell is formatted as a percentage and shows " + quoted_text(shown, Lang::En) + ", but FTEs are a count, "
              "not a share. The row was skipped. Remove the percentage format (Format Cells → Number) "
              "and enter the number of FTEs, for example 12.5."};
}

Texts XlsxDuplicateCell::texts() const {
  return {"Cellen står to ganger i arket (først " + quoted_text(first, Lang::Nb) + ", så " + quoted_text(second, Lang::Nb) + "). Excel skriver "
              "aldri en celle to ganger: filen er laget av et annet program eller er skadet. Raden er "
              "hoppet over. Åpne filen i Excel, sjekk cellen og lagre på nytt.",
          "The cell is written twice in the sheet (first " + quoted_text(first, Lang::En) + ", then " + quoted_text(second, Lang::En) + "). "
              "Excel never writes a cell twice: the file was made by another program or is damaged. The "
              "row was skipped. Open the file in Excel, check the cell and save it again."};
}

Texts XlsxTooManyCells::texts() const {
  const std::string n = std::to_string(limit_millions);
  return {"Excel-filen har mer enn " + n + " millioner celler (rader × kolonner, alle ark til sammen); "
              "resten av filen er ikke lest. Slett tomme rader og kolonner langt ute i arkene, eller lagre "
              "arket som CSV.",
          "The Excel file has more than " + n + " million cells (rows × columns, all sheets together); "
              "the rest of the file was not read. Delete empty rows and columns far out in the sheets, or "
              "save the sheet as CSV."};
}

Texts XlsxEncrypted::texts() const {
  return {"Excel-filen er passordbeskyttet (kryptert), og kalkulatoren kan ikke lese den. "
          "Fjern passordet i Excel (Fil → Info → Beskytt arbeidsbok → Krypter med passord) og "
          "lagre på nytt, eller lagre arket som CSV.",
          "The Excel file is password-protected (encrypted), so the calculator cannot read "
          "it. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with "
          "Password) and save again, or save the sheet as CSV."};
}

Texts XlsxMissingSheet::texts() const {
  const std::string name(sheet), path(part);
  return {"Excel-filen mangler arket «" + name + "» (" + path + "). Åpne den i Excel og lagre på nytt.",
          "The Excel file lacks the sheet “" + name + "” (" + path + "). Open it in Excel and save it again."};
}

Texts XlsxTooManyMerges::texts() const {
  return {"Arket har mer enn " + std::to_string(limit) + " sammenslåtte områder; " + std::to_string(dropped) +
              " av dem er lest som vanlige celler (tekst bare i første celle).",
          "The sheet has more than " + std::to_string(limit) + " merged ranges; " + std::to_string(dropped) +
              " of them were read as plain cells (text in the first cell only)."};
}

Texts XlsxCellTooLong::texts() const {
  return {"Cellen er lengre enn Excel tillater (32 767 tegn) og er lest som tom.",
          "The cell is longer than Excel allows (32,767 characters) and was read as empty."};
}

Texts XlsxBadSharedString::texts() const {
  return {"Cellen viser til tekst nummer " + quoted_text(index, Lang::Nb) + " i Excel-filens teksttabell, som ikke finnes. "
              "Cellen er lest som tom; åpne filen i Excel og lagre på nytt.",
          "The cell refers to text number " + quoted_text(index, Lang::En) + " in the Excel file’s string table, which "
              "does not exist. The cell was read as empty; open the file in Excel and save it again."};
}

Texts XlsxHiddenRows::texts() const {
  const bool single = count == 1;
  const std::string n = std::to_string(count), list(rows);
  return {n + (single ? " skjult rad med innhold er ikke lest (rad " : " skjulte rader med innhold er ikke lest (rad ") +
              list + "). Skal de være med, vis dem i Excel (merk radene rundt, høyreklikk → Vis) og lagre på nytt.",
          n + (single ? " hidden row with content was not read (row " : " hidden rows with content were not read (rows ") +
              list + "). If they belong in the figures, unhide them in Excel (select the rows around them, "
              "right-click → Unhide) and save again."};
}

Texts XlsxPopulationInTwoSheets::texts() const {
  return {"Folkemengden for noen enheter og år står også i et tidligere ark; tallene fra det første "
          "arket er brukt.",
          "The population of some units and years is also in an earlier sheet; the figures from the "
          "first sheet were used."};
}

namespace {

constexpr std::size_t kSheetsListed = 10;

// A list of sheets, the first ten of them named.
std::string sheet_names(const std::vector<std::string>& items, Lang lang) {
  if (items.size() <= kSheetsListed) return join(items, ", ");
  std::vector<std::string> shown(items.begin(), items.begin() + kSheetsListed);
  std::string rest = std::to_string(items.size() - kSheetsListed);
  return join(shown, ", ") + (lang == Lang::Nb ? " og " + rest + " ark til" : " and " + rest + " more sheets");
}

}  // namespace

Texts XlsxNoTable::texts() const {
  return {(sheets_named ? "Ingen av arkene i Excel-filen har en tabell kalkulatoren kjenner igjen (" +
                              sheet_names(skipped.nb, Lang::Nb) + "). "
                        : std::string("Excel-filen har ingen ark. ")) + kAcceptedNb,
          (sheets_named ? "None of the sheets in the Excel file holds a table the calculator "
                          "recognises (" + sheet_names(skipped.en, Lang::En) + "). "
                        : std::string("The Excel file has no sheets. ")) + kAcceptedEn};
}

Texts XlsxSheets::texts() const {
  Texts t{std::string(read.nb.size() == 1 ? "Excel-filen: lest arket " : "Excel-filen: lest arkene ") +
              sheet_names(read.nb, Lang::Nb) + ".",
          std::string(read.en.size() == 1 ? "Excel file: read the sheet " : "Excel file: read the sheets ") +
              sheet_names(read.en, Lang::En) + "."};
  if (!skipped.nb.empty()) {
    t.nb += " Ikke lest: " + sheet_names(skipped.nb, Lang::Nb) + ".";
    t.en += " Not read: " + sheet_names(skipped.en, Lang::En) + ".";
  }
  return t;
}

Texts XlsxCorrupt::texts() const {
  return {"Excel-filen er skadet eller ikke ferdig lagret (" + what_nb +
              "). Åpne den i Excel og lagre den på nytt, eller lagre arket som CSV og legg inn den filen.",
          "The Excel file is damaged or was not saved completely (" + what_en +
              "). Open it in Excel and save it again, or save the sheet as CSV and add that file."};
}

Texts XlsxZip64::texts() const {
  return {"Excel-filen er lagret i ZIP64-format (for filer over 4 GB), som kalkulatoren ikke leser. "
          "Lagre arket som CSV og legg inn den filen.",
          "The Excel file is stored as ZIP64 (for files over 4 GB), which the calculator does not "
          "read. Save the sheet as CSV and add that file."};
}

Texts XlsxPartTooLarge::texts() const {
  return {"Delen «" + part + "» av Excel-filen pakker ut til " + why_nb + std::to_string(mb) +
              " MB. Det er mer enn kalkulatoren leser fra en Excel-fil" +
              (bomb ? " (og kan være en «zip-bombe»)" : "") + ". Lagre arket som CSV og legg inn den filen.",
          "The part “" + part + "” of the Excel file unpacks to " + why_en + std::to_string(mb) +
              " MB. That is more than the calculator reads from an Excel file" +
              (bomb ? " (it may be a “zip bomb”)" : "") + ". Save the sheet as CSV and add that file."};
}

Texts XlsxMissingPart::texts() const {
  return {"Excel-filen mangler delen «" + part + "». Åpne den i Excel og lagre på nytt, eller "
              "lagre arket som CSV og legg inn den filen.",
          "The Excel file lacks the part “" + part + "”. Open it in Excel and save it again, "
              "or save the sheet as CSV and add that file."};
}

Texts XlsxBadXml::texts() const {
  Texts t{"Delen «" + part + "» av Excel-filen er ikke gyldig XML (" + what + ", ved byte " +
              std::to_string(offset) + "). Åpne filen i Excel og lagre på nytt, eller lagre arket "
              "som CSV og legg inn den filen.",
          "The part “" + part + "” of the Excel file is not valid XML (" + what + ", at byte " +
              std::to_string(offset) + "). Open the file in Excel and save it again, or save the "
              "sheet as CSV and add that file."};
  if (rows_read) {
    t.nb += " Radene til og med rad " + std::to_string(rows_read) + " er lest.";
    t.en += " The rows up to row " + std::to_string(rows_read) + " were read.";
  }
  return t;
}

Texts XlsxSheetWithoutPath::texts() const {
  return {"Excel-filen sier ikke hvor arket «" + sheet + "» ligger. Åpne den i Excel og lagre på nytt.",
          "The Excel file does not say where the sheet “" + sheet + "” is. Open it in Excel and save it again."};
}

Texts XlsxTooManyTexts::texts() const {
  return {"Excel-filen har mer enn " + std::to_string(limit_millions) +
              " millioner ulike tekster, mer enn kalkulatoren leser. Lagre arket som CSV og legg inn den filen.",
          "The Excel file has more than " + std::to_string(limit_millions) +
              " million distinct texts, more than the calculator reads. Save the sheet as CSV and add that file."};
}

}  // namespace arsverk::msg
