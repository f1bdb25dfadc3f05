// A delimited text table after the tokenizer: each record decoded once, rows held until the
// header is decided, then sorted into data rows and footnotes. The rest of TableReader::Impl is
// in table_header.cpp, table_arsverk.cpp and table_population.cpp (see table_reader_impl.hpp).
#include <algorithm>

#include "table_reader_impl.hpp"

namespace arsverk::detail {

void TableReader::Impl::decode(const CsvRecord& rec, Row& r) {
  r.line = rec.line;
  const std::size_t n = rec.fields.size();
  if (rec.kinds) r.kinds.assign(rec.kinds, rec.kinds + n);
  else r.kinds.clear();
  r.fields.resize(n);
  ascii_.resize(n);
  memo_.fit(n);
  bool bad = false;
  for (std::size_t i = 0; i < n; ++i) {
    ascii_[i] = ascii(rec.fields[i]);
    if (!ascii_[i] && !valid_utf8(rec.fields[i])) bad = true;
  }
  if (bad) cp1252 = true;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view t = rec.fields[i];
    if (bad && !ascii_[i]) t = memo_.decode(i, t);
    t = trim(t);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"' && t.find('"', 1) == t.size() - 1) {
      t = trim(t.substr(1, t.size() - 2));  // ; "quoted after a space"
    }
    r.fields[i] = t;
  }
}

std::size_t TableReader::Impl::filled_width(const Row& r) {
  std::size_t n = r.fields.size();
  while (n > 0 && r.fields[n - 1].empty()) --n;
  return n;
}

std::size_t TableReader::Impl::non_empty(const Row& r) {
  std::size_t n = 0;
  for (const auto& f : r.fields) n += !f.empty();
  return n;
}

void TableReader::Impl::drop_trailing_empty(CsvRecord& rec) const {
  if (rec.fields.size() <= ctx.limits.max_columns) return;
  std::size_t width = rec.fields.size();
  while (width > columns.size() && rec.fields[width - 1].empty()) --width;
  rec.fields.resize(width);
}

void TableReader::Impl::on_record(CsvRecord& rec) {
  if (fast_population && stage == Stage::Data && population_row_fast(rec)) return;
  if (rec.too_long) {
    ctx.report(rec.line, 0, msg::CsvLineTooLong{ctx.limits.max_line_bytes, rec.open_quote});
    return;
  }
  drop_trailing_empty(rec);
  if (rec.fields.size() > ctx.limits.max_columns) {
    if (stage == Stage::Dead) return;
    if (stage == Stage::Data || pre_content > 0) {
      // Below the first lines of a table: one bad row, skipped; the rest is still read.
      ctx.report(rec.line, 0, msg::CsvRowTooWide{rec.fields.size(), ctx.limits.max_columns});
      return;
    }
    ctx.report(rec.line, 0, msg::CsvNotATable{rec.fields.size(), ctx.limits.max_columns});
    ctx.out.kind = FileKind::Unknown;
    stage = Stage::Dead;
    return;
  }
  if (rec.unterminated) {
    ctx.report(rec.line, 0, msg::CsvUnterminatedQuote{});
  }
  if (stage == Stage::Dead) return;
  decode(rec, row_);
  if (stage == Stage::PreHeader) {
    if (non_empty(row_) > 0) ++pre_content;
    pre.emplace_back(row_);
    // The sniff window held no complete line: decide after a few lines (a count of records,
    // so the result does not depend on how the bytes were chunked).
    if (decide_deferred && pre_content >= 5) decide(true);
    return;
  }
  data(row_);
}

bool TableReader::Impl::shape_ok(const Row& r) const {
  if (non_empty(r) < 2) return false;
  if (r.fields.size() < eff_width) return false;
  for (std::size_t i = columns.size(); i < r.fields.size(); ++i)
    if (!r.fields[i].empty()) return false;
  return true;
}

void TableReader::Impl::flush_pending_as_errors() {
  for (const auto& [line, n] : pending) {
    ctx.report(line, 0, msg::CsvWrongShape{n, eff_width, columns.size()});
  }
  pending.clear();
  pending_data.clear();
  pending_count = 0;
}

bool TableReader::Impl::looks_like_data(const Row& r) const {
  if (non_empty(r) < 2) return false;
  std::string_view u = trim(cell(r, unit_col));
  std::string_view code = u.substr(0, u.find(' '));
  if (starts_with(code, "K-") || starts_with(code, "k-")) code.remove_prefix(2);
  if (code.empty() || code.size() > 6 || !all_digits(code)) return false;
  if (year_col < 0) return true;
  std::string_view y = trim(cell(r, year_col));
  return y.size() == 4 && all_digits(y);
}

bool TableReader::Impl::repeated_header(const Row& row) {
  if (ctx.out.kind != FileKind::Arsverk && ctx.out.kind != FileKind::Reference) return false;
  if (non_empty(row) < 2 || looks_like_data(row)) return false;
  std::vector<ColumnInfo> cols;
  if (header_score(row, &cols) < 2) return false;
  const bool names_unit_or_year = std::any_of(cols.begin(), cols.end(), [](const ColumnInfo& c) {
    return c.role == Role::Unit || c.role == Role::Year;
  });
  if (!names_unit_or_year) return false;
  if (pending_count) flush_pending_as_errors();
  remap(row, std::move(cols));
  return true;
}

// Two sheets pasted one under the other: the second header maps the columns of the rows below
// it. A header that cannot be mapped stops its block: its rows are skipped with one message.
void TableReader::Impl::remap(const Row& row, std::vector<ColumnInfo> cols) {
  const FileKind kind = ctx.out.kind;
  const std::string format = ctx.out.format;
  const bool was_reference = kind == FileKind::Reference;
  const std::size_t messages = ctx.diagnostics.items().size();
  columns = std::move(cols);
  unit_col = year_col = group_col = service_col = category_col = value_col = pop_col = age_col = sex_col =
      contents_col = -1;
  cat_cols.clear();
  year_cols.clear();
  ref_cols.clear();
  ref_measures.clear();
  unnamed_cols.clear();
  unnamed_reported = false;
  layout = Layout::None;
  eff_width = 0;
  header_line = row.line;
  setup_columns();
  const bool reference = layout == Layout::RefWide || layout == Layout::RefLong;
  const bool arsverk = layout == Layout::Wide || layout == Layout::Long;
  const bool ok = stage != Stage::Dead && (arsverk || reference) && reference == was_reference;
  // A block of population columns in a file of FTEs is skipped, never read the fast way, and a
  // header that set up nothing leaves no column for it to read.
  fast_population = false;
  ctx.out.kind = kind;
  ctx.out.format = format;
  stage = Stage::Data;
  skipping_block = !ok;
  std::vector<std::string> found;
  for (const auto& c : columns)
    if (!c.header.empty() && found.size() < 12) found.push_back(c.header);
  if (ok) {
    ctx.report(row.line, 0, msg::HeaderRepeated{found});
    return;
  }
  // One message for the block, in place of setup_columns' about a table at the top of a file.
  auto& items = ctx.diagnostics.items();
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(std::min(messages, items.size())), items.end());
  ctx.report(row.line, 0, msg::HeaderRepeatedUnmapped{found, was_reference});
}

void TableReader::Impl::data(const Row& row) {
  if (stage != Stage::Data) return;
  if (non_empty(row) == 0) return;  // blank line
  if (repeated_header(row)) return;
  if (skipping_block) return;
  if (!shape_ok(row)) {
    if (pending_count == 0) pending_first = row.line;
    ++pending_count;
    if (pending.size() < 1000) {
      pending.emplace_back(row.line, non_empty(row) < 2 ? 0 : filled_width(row));
      pending_data.push_back(looks_like_data(row));
    }
    return;
  }
  if (pending_count) flush_pending_as_errors();
  ++data_rows;
  ++ctx.out.rows;
  switch (layout) {
    case Layout::Wide: case Layout::Long: arsverk_row(row); break;
    case Layout::RefWide: case Layout::RefLong: reference_row(row); break;
    case Layout::PopSsb: case Layout::PopSimple: population_row(row); break;
    default: break;
  }
}

void TableReader::Impl::note_missing(const Row& r, int col, std::string_view text) {
  if (missing++ == 0) {
    missing_first_line = r.line;
    missing_first_col = col + 1;
    missing_first_text = text;
  }
}

std::optional<int> TableReader::Impl::parse_year(const Row& r, int col) {
  std::string_view t = cell(r, col);
  std::string_view s = t;
  if (ends_with(s, ".0") || ends_with(s, ",0")) s.remove_suffix(2);
  if (s.size() == 4 && all_digits(s)) {
    const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (y >= 1900 && y <= 2100) return y;
  }
  if (t.empty())
    ctx.report(r.line, col + 1, msg::YearMissing{});
  else
    ctx.report(r.line, col + 1, msg::YearInvalid{t});
  return std::nullopt;
}

void TableReader::Impl::finish() {
  if (stage == Stage::PreHeader) decide(true);
  if (stage == Stage::Data) {
    if (pending_count) {
      // Rows below the table that start like data rows were cut off (a half-saved file):
      // errors, not footnotes.
      if (data_rows > 0) {
        std::vector<std::pair<int64_t, std::size_t>> cut, notes;
        for (std::size_t i = 0; i < pending.size(); ++i)
          (pending_data[i] ? cut : notes).push_back(pending[i]);
        if (!cut.empty()) {
          const int64_t note_count = pending_count - static_cast<int64_t>(cut.size());
          const int64_t note_first = notes.empty() ? pending_first : notes.front().first;
          pending.swap(cut);
          flush_pending_as_errors();
          pending_count = note_count;
          pending_first = note_first;
        }
      }
      if (data_rows == 0) {
        pending.clear();
        pending_data.clear();
      } else if (pending_count > 0) {
        ctx.report(pending_first, 0, msg::CsvFootnotesIgnored{pending_count});
      }
    }
    if (data_rows == 0) {
      ctx.report(header_line, 0, msg::FileHeaderOnly{});
    }
    if (missing) {
      bool pop = layout == Layout::PopSsb || layout == Layout::PopSimple;
      ctx.report(missing_first_line, missing_first_col, msg::NumberMissingValues{missing, missing_first_text, pop});
    }
    if (other_contents) {
      ctx.report(other_contents_line, contents_col + 1, msg::PopulationOtherContentsIgnored{other_contents, other_contents_text});
    }
    if (layout == Layout::PopSsb || layout == Layout::PopSimple) {
      regions.finish(ctx);
      name_population_dimensions();
      population.finish(ctx);
    } else {
      settle_ambiguous();
      resolve_totals();
    }
  }
}

TableReader::TableReader(ReadContext& ctx, char delimiter) : impl_(new Impl(ctx, delimiter)) {}
TableReader::~TableReader() = default;
void TableReader::record(CsvRecord& rec) { impl_->on_record(rec); }
void TableReader::decide_header() { impl_->decide(false); }
void TableReader::finish() { impl_->finish(); }
bool TableReader::any_cp1252() const { return impl_->cp1252; }

}  // namespace arsverk::detail
