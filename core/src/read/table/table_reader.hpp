#pragma once
// Reads a delimited text table (after the tokenizer): finds the header below any title lines,
// recognises the layout (årsverk wide/long, SSB population, simple population) and turns rows
// into values, reporting bad rows and ignoring footnotes.
#include <memory>

#include "../csv_tokenizer.hpp"
#include "../read_context.hpp"

namespace arsverk::detail {

class TableReader {
 public:
  TableReader(ReadContext& ctx, char delimiter);
  ~TableReader();
  // Every record from the tokenizer, in order.
  void record(CsvRecord& rec);
  // Decide the header from the records seen so far (called once the sniff window is read).
  void decide_header();
  void finish();
  bool any_cp1252() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace arsverk::detail
