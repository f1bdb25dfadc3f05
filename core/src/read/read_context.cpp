#include "read_context.hpp"

namespace arsverk::detail {

void ReadContext::add_admitted(Severity severity, const char* code, int64_t line, int column, msg::Texts texts) {
  Diagnostic d{severity, code, name, line, column, std::move(texts.nb), std::move(texts.en)};
  d.sheet = sheet;
  d.place_in_text = PlaceInText::Cell;
  diagnostics.add_admitted(std::move(d));
}

}  // namespace arsverk::detail
