#pragma once
// What a reader holds for one file: its name, limits, registers, the figures read so far and
// its messages (each reported through the catalogue, messages/messages.hpp).
#include <cstddef>
#include <cstdint>
#include <string>

#include "arsverk/diagnostic.hpp"
#include "arsverk/model.hpp"
#include "arsverk/reader.hpp"
#include "arsverk/registers.hpp"
#include "messages/messages.hpp"

namespace arsverk::detail {

// Per-file context.
struct ReadContext {
  std::string name;
  const Registers* registers = nullptr;
  ReaderLimits limits;
  Diagnostics diagnostics;
  ParsedFile out;
  std::string sheet;  // the worksheet being read (.xlsx): line is its row, column its column
  // Figures kept from the workbook's earlier sheets: ReaderLimits::max_values holds per file.
  std::size_t values_before = 0;

  // Adds a message of the catalogue (messages/messages.hpp) at line and column (0: none) of
  // this file, or of its sheet; its texts are made only when it is kept.
  template <class Message>
  void report(int64_t line, int column, const Message& m) {
    report(m.severity, line, column, m);
  }
  template <class Message>
  void report(Severity severity, int64_t line, int column, const Message& m) {
    if (diagnostics.admit(name, m.code, severity, line)) add_admitted(severity, m.code, line, column, m.texts());
  }

 private:
  void add_admitted(Severity severity, const char* code, int64_t line, int column, msg::Texts texts);
};

}  // namespace arsverk::detail
