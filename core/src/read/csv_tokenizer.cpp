#include "csv_tokenizer.hpp"

namespace arsverk::detail {

CsvTokenizer::CsvTokenizer(char delimiter, std::size_t max_record_bytes, Sink sink)
    : delim_(delimiter), max_bytes_(max_record_bytes), sink_(std::move(sink)) {
  rec_.line = 1;
}

void CsvTokenizer::end_field() {
  rec_.fields.push_back(std::move(field_));
  field_.clear();
}

void CsvTokenizer::end_record() {
  if (state_ == State::Skipping) {
    CsvRecord r;
    r.line = rec_.line;
    r.end_line = line_;
    r.too_long = true;
    r.open_quote = skip_open_quote_;
    sink_(r);
  } else {
    end_field();
    rec_.end_line = line_;
    sink_(rec_);
  }
  rec_.fields.clear();  // keeps the capacity
  rec_.too_long = rec_.open_quote = rec_.unterminated = false;
  field_.clear();
  rec_bytes_ = 0;
  record_started_ = false;
  skip_open_quote_ = false;
  state_ = State::FieldStart;
}

void CsvTokenizer::add(char c) {
  if (++rec_bytes_ > max_bytes_) {
    skip_open_quote_ = state_ == State::Quoted || state_ == State::QuoteInQuoted;
    state_ = State::Skipping;
    rec_.fields.clear();
    rec_.fields.shrink_to_fit();
    field_.clear();
    field_.shrink_to_fit();
    return;
  }
  field_ += c;
}

void CsvTokenizer::add_run(const char* p, std::size_t n) {
  if (rec_bytes_ + n > max_bytes_) {
    for (std::size_t i = 0; i < n && state_ != State::Skipping; ++i) add(p[i]);
    return;
  }
  rec_bytes_ += n;
  field_.append(p, n);
}

void CsvTokenizer::feed(std::string_view bytes) {
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  for (std::size_t i = 0; i < size; ++i) {
    char c = data[i];
    // Fast path: a run of ordinary bytes inside a field.
    if (!pending_cr_ && record_started_ && (state_ == State::Unquoted || state_ == State::Quoted)) {
      std::size_t j = i;
      if (state_ == State::Unquoted) {
        while (j < size && data[j] != delim_ && data[j] != '\n' && data[j] != '\r') ++j;
      } else {
        while (j < size && data[j] != '"' && data[j] != '\n' && data[j] != '\r') ++j;
      }
      if (j > i) {
        add_run(data + i, j - i);
        i = j - 1;
        continue;
      }
    }
    if (!record_started_) {
      record_started_ = true;
      rec_.line = line_;
    }
    if (pending_cr_) {
      pending_cr_ = false;
      if (c == '\n') {  // CRLF: one line end
        ++line_;
        if (state_ == State::Quoted) { add('\n'); continue; }
        end_record();
        continue;
      }
      // A lone CR ended a line (old Mac files).
      ++line_;
      if (state_ == State::Quoted) {
        add('\n');
      } else {
        end_record();
        record_started_ = true;
        rec_.line = line_;
      }
    }
    if (c == '\r') {
      if (state_ == State::QuoteInQuoted) state_ = State::AfterQuote;
      pending_cr_ = true;
      continue;
    }
    switch (state_) {
      case State::Skipping:
        if (c == '\n') { ++line_; end_record(); }
        break;
      case State::FieldStart:
        if (c == '"') { state_ = State::Quoted; ++rec_bytes_; }
        else if (c == delim_) { end_field(); ++rec_bytes_; }
        else if (c == '\n') { ++line_; end_record(); }
        else { state_ = State::Unquoted; add(c); }
        break;
      case State::Unquoted:
        if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else add(c);
        break;
      case State::Quoted:
        if (c == '"') { state_ = State::QuoteInQuoted; ++rec_bytes_; }
        else {
          if (c == '\n') ++line_;
          add(c);
        }
        break;
      case State::QuoteInQuoted:
        if (c == '"') { state_ = State::Quoted; add('"'); }
        else if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else { state_ = State::AfterQuote; add(c); }
        break;
      case State::AfterQuote:  // lenient: text after a closing quote is kept
        if (c == delim_) { end_field(); ++rec_bytes_; state_ = State::FieldStart; }
        else if (c == '\n') { ++line_; end_record(); }
        else add(c);
        break;
    }
  }
}

void CsvTokenizer::finish() {
  if (pending_cr_) {
    pending_cr_ = false;
    ++line_;
    if (state_ == State::Quoted) add('\n');
    else { end_record(); return; }
  }
  if (!record_started_) return;
  bool unterminated = state_ == State::Quoted;
  if (state_ == State::Skipping) { end_record(); return; }
  end_field();
  rec_.end_line = line_;
  rec_.unterminated = unterminated;
  sink_(rec_);
  rec_ = CsvRecord{};
  record_started_ = false;
}

}  // namespace arsverk::detail
