// The message catalogue: a message's place is data on the Diagnostic, worded by place_text(); the
// per-code cap is applied before any text is made.
#include <catch2/catch.hpp>

#include "arsverk/diagnostic.hpp"
#include "messages/messages.hpp"
#include "messages/wording.hpp"
#include "read/read_context.hpp"

using namespace arsverk;

namespace {

int texts_made = 0;

struct CountedMessage {
  static constexpr const char* code = "test.counted";
  static constexpr Severity severity = Severity::Warning;
  int n;
  msg::Texts texts() const {
    ++texts_made;
    return {"melding " + std::to_string(n), "message " + std::to_string(n)};
  }
};

}  // namespace

TEST_CASE("A capped message code makes no texts past the cap", "[messages]") {
  detail::ReadContext ctx;
  ctx.name = "a.csv";
  texts_made = 0;
  for (int i = 1; i <= 80; ++i) ctx.report(i, 2, CountedMessage{i});
  CHECK(texts_made == Diagnostics::kMaxPerCode);
  ctx.diagnostics.close_file("a.csv");
  const auto& items = ctx.diagnostics.items();
  REQUIRE(items.size() == Diagnostics::kMaxPerCode + 1);
  CHECK(items.back().text(Lang::En) == "… and 30 more messages of the same kind (test.counted) from line 51 on.");
}

TEST_CASE("A reader's message carries its place as data and is shown with it", "[messages]") {
  detail::ReadContext ctx;
  ctx.name = "a.csv";
  ctx.report(4, 3, CountedMessage{1});
  const Diagnostic& d = ctx.diagnostics.items().at(0);
  CHECK((d.file == "a.csv" && d.line == 4 && d.column == 3 && d.sheet.empty()));
  CHECK(d.nb == "melding 1");
  CHECK(place_text(d, Lang::Nb) == "Linje 4, kolonne 3");
  CHECK(d.text(Lang::Nb) == "Linje 4, kolonne 3: melding 1");
  CHECK(d.text(Lang::En) == "Line 4, column 3: message 1");

  ctx.sheet = "Ark 2";
  ctx.report(7, 3, CountedMessage{2});
  ctx.report(0, 0, CountedMessage{3});
  CHECK(ctx.diagnostics.items().at(1).text(Lang::Nb) == "'Ark 2'!C7: melding 2");
  CHECK(ctx.diagnostics.items().at(2).text(Lang::En) == "Sheet 'Ark 2': message 3");
}

TEST_CASE("A computed message names its file in its place", "[messages]") {
  Diagnostic d{Severity::Warning, "check.x", "arsverk.xlsx", 12, 0, "tekst", "text"};
  d.place_in_text = PlaceInText::CellOfFile;
  CHECK(d.text(Lang::Nb) == "Linje 12 i arsverk.xlsx: tekst");
  d.sheet = "ark2";
  CHECK(d.text(Lang::En) == "Ark2, row 12 of arsverk.xlsx: text");
  d.line = 0;
  d.sheet.clear();
  d.place_in_text = PlaceInText::None;
  CHECK(d.text(Lang::En) == "text");
}

TEST_CASE("A workbook's overview names its first ten sheets and counts the rest", "[messages]") {
  std::vector<std::string> read_nb, read_en;
  for (int i = 1; i <= 12; ++i) {
    read_nb.push_back("«Ark" + std::to_string(i) + "»");
    read_en.push_back("\"Ark" + std::to_string(i) + "\"");
  }
  const std::vector<std::string> skipped_nb{"«Notater» (ingen tabell)"}, skipped_en{"\"Notater\" (no table)"};
  const msg::Texts t = msg::XlsxSheets{{read_nb, read_en}, {skipped_nb, skipped_en}}.texts();
  CHECK(t.nb == "Excel-filen: lest arkene «Ark1», «Ark2», «Ark3», «Ark4», «Ark5», «Ark6», «Ark7», «Ark8», "
                "«Ark9», «Ark10» og 2 ark til. Ikke lest: «Notater» (ingen tabell).");
  CHECK(t.en == "Excel file: read the sheets \"Ark1\", \"Ark2\", \"Ark3\", \"Ark4\", \"Ark5\", \"Ark6\", "
                "\"Ark7\", \"Ark8\", \"Ark9\", \"Ark10\" and 2 more sheets. Not read: \"Notater\" (no table).");
}

TEST_CASE("Every file that is not a table ends by saying what the calculator reads", "[messages]") {
  for (msg::BinaryFile kind : {msg::BinaryFile::Pdf, msg::BinaryFile::Image, msg::BinaryFile::Gzip,
                               msg::BinaryFile::NulCharacters, msg::BinaryFile::NotText,
                               msg::BinaryFile::ZipArchive}) {
    const msg::Texts t = msg::FileBinary{kind}.texts();
    CHECK(t.nb.size() > std::string(detail::kAcceptedNb).size() + 10);
    CHECK(t.nb.substr(t.nb.size() - std::string(detail::kAcceptedNb).size()) == detail::kAcceptedNb);
    CHECK(t.en.substr(t.en.size() - std::string(detail::kAcceptedEn).size()) == detail::kAcceptedEn);
  }
}
