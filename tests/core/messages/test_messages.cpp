// The message catalogue: a message's place is data on the Diagnostic, worded by place_text(); the
// per-code cap is applied before any text is made.
#include <catch2/catch.hpp>

#include "arsverk/diagnostic.hpp"
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
