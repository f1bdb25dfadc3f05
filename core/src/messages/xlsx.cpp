// The texts of the messages about workbooks (messages.hpp).
#include "messages/messages.hpp"
#include "messages/wording.hpp"

namespace arsverk::msg {

using detail::q;

Texts XlsxFormulaWithoutValue::texts() const {
  return {q(formula) + " er en formel uten lagret resultat: filen er lagret av et program som ikke "
              "regner ut formler (for eksempel openpyxl). Tallet er ikke oppgitt, og raden er hoppet "
              "over; det er ikke regnet som 0. Åpne filen i Excel eller LibreOffice og lagre den på "
              "nytt, så lagres resultatene.",
          q(formula) + " is a formula without a saved result: the file was saved by a program that does "
              "not calculate formulas (openpyxl, for example). The figure is not given, and the row was "
              "skipped; it was not counted as 0. Open the file in Excel or LibreOffice and save it "
              "again, so that the results are saved."};
}

Texts XlsxPercentFigure::texts() const {
  return {"Cellen er formatert som prosent og viser " + q(shown) + ", men årsverk er et antall, ikke "
              "en andel. Raden er hoppet over. Fjern prosentformatet (Formater celler → Tall) og skriv "
              "antallet årsverk, for eksempel 12,5.",
          "The cell is formatted as a percentage and shows " + q(shown) + ", but FTEs are a count, "
              "not a share. The row was skipped. Remove the percentage format (Format Cells → Number) "
              "and enter the number of FTEs, for example 12.5."};
}

Texts XlsxDuplicateCell::texts() const {
  return {"Cellen står to ganger i arket (først " + q(first) + ", så " + q(second) + "). Excel skriver "
              "aldri en celle to ganger: filen er laget av et annet program eller er skadet. Raden er "
              "hoppet over. Åpne filen i Excel, sjekk cellen og lagre på nytt.",
          "The cell is written twice in the sheet (first " + q(first) + ", then " + q(second) + "). "
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

}  // namespace arsverk::msg
