// Text from input on its way out: no formula in a CSV cell, no escape sequence in the terminal.
#include <catch2/catch.hpp>

#include "arsverk/session.hpp"
#include "report/report_escape.hpp"

using namespace arsverk;

TEST_CASE("CSV cells that a spreadsheet would run as formulas are neutralised", "[output]") {
  CHECK(csv_field("=HYPERLINK(\"http://x\")", ';') == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("+cmd", ';') == "'+cmd");
  CHECK(csv_field("-2+3", ';') == "'-2+3");
  CHECK(csv_field("@SUM(A1)", ',') == "'@SUM(A1)");
  CHECK(csv_field("\tx", ';') == "'\tx");
  // Numbers and ordinary text are left as they are.
  CHECK(csv_field("-1,5", ';') == "-1,5");
  CHECK(csv_field("+2.25", ',') == "+2.25");
  CHECK(csv_field("-", ';') == "'-");
  CHECK(csv_field("Halden", ';') == "Halden");
  CHECK(csv_field("1,5", ',') == "\"1,5\"");
}

TEST_CASE("Control characters from cells never reach the terminal raw", "[output]") {
  CHECK(terminal_safe("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(terminal_safe("bell\x07") == "bell\\x07");
  CHECK(terminal_safe("c1\xC2\x9B" "31m") == "c1\\x9b31m");
  CHECK(terminal_safe("rlo\xE2\x80\xAEtxt") == "rlo\\u202etxt");
  CHECK(terminal_safe("Bodø\nÅs") == "Bodø\nÅs");

  Session session;
  session.add_file("ansi.csv", "kommune;år;a\n\x1b[2J\x1b[31mHacked;2024;1\n3101;2024;2\n");
  Settings settings;
  const std::string table = session.report_table(settings);
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(table.find("\\u001B[2J") != std::string::npos);  // quoted by the reader, escaped
}
