#include "sheet.hpp"

#include <algorithm>
#include <vector>

#include "messages/wording.hpp"
#include "xml.hpp"

namespace arsverk::detail::xlsx {
namespace {

constexpr int kHeadRows = 60;          // as the CSV path: the header is decided after these
constexpr std::size_t kMaxMerges = 10000;
constexpr std::size_t kHiddenListed = 10;

// The one step from a sheet row to what the table reader consumes.
void feed_row(TableReader& table, int64_t row, std::vector<std::string>&& cells, const std::vector<CellKind>& kinds) {
  CsvRecord rec;
  rec.fields.assign(cells.begin(), cells.end());  // views into `cells`, alive during the call
  rec.kinds = kinds.data();
  rec.line = row;
  rec.end_line = row;
  table.record(rec);
}

struct Merge {
  int64_t top = 0, bottom = 0;
  int left = 0, right = 0;
  std::string label;  // the top-left cell's text when it is text (not a number or a date)
};

struct Cell {
  std::string text;
  bool label = false;  // a string cell: its text may fill a merged range
  CellKind kind = CellKind::Typed;
  bool written = false;  // the sheet has a <c> for it
};

int to_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 9) return -1;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

class SheetReader {
 public:
  SheetReader(ReadContext& ctx, const Workbook& book, TableReader& table, std::size_t& cells_fed)
      : ctx_(ctx), book_(book), table_(table), cells_fed_(cells_fed),
        max_width_(static_cast<int>(std::min<std::size_t>(ctx.limits.max_columns + 1, kMaxColumn))) {}

  bool read(std::string_view xml, const std::string& part) {
    load_merges(xml);
    XmlReader x(xml);
    bool ok = true;
    for (;;) {
      auto ev = x.next();
      if (ev == XmlReader::Event::Eof) break;
      if (ev == XmlReader::Event::Start && x.name() == "row") {
        if (row(x)) continue;
        if (cells_fed_ > kMaxBookCells) {
          report_too_many_cells();
          ok = false;
          break;
        }
        ev = XmlReader::Event::Error;
      }
      if (ev == XmlReader::Event::Error) {
        ctx_.report(0, 0, msg::XlsxBadXml{part, x.error().empty() ? "a cell that cannot be read" : x.error(),
                                          x.offset(), last_row_});
        ok = false;
        break;
      }
    }
    report_hidden();
    return ok;
  }

 private:

  // <mergeCells> follows the cell data, so it is found first and read on its own.
  void load_merges(std::string_view xml) {
    std::size_t data_end = xml.rfind("sheetData");
    std::size_t at = xml.find("mergeCells", data_end == std::string_view::npos ? 0 : data_end);
    if (at == std::string_view::npos) return;
    at = xml.rfind('<', at);
    if (at == std::string_view::npos) return;
    XmlReader x(xml.substr(at));
    std::size_t dropped = 0;
    for (;;) {
      auto ev = x.next();
      if (ev == XmlReader::Event::Error || ev == XmlReader::Event::Eof) break;
      if (ev == XmlReader::Event::End && x.name() == "mergeCells") break;
      if (ev != XmlReader::Event::Start || x.name() != "mergeCell") continue;
      std::string_view ref = x.attr("ref");
      std::size_t colon = ref.find(':');
      Merge m;
      if (colon == std::string_view::npos || !parse_cell_ref(ref.substr(0, colon), m.top, m.left) ||
          !parse_cell_ref(ref.substr(colon + 1), m.bottom, m.right) || m.bottom < m.top || m.right < m.left)
        continue;
      if (merges_.size() >= kMaxMerges) { ++dropped; continue; }
      merges_.push_back(std::move(m));
    }
    std::sort(merges_.begin(), merges_.end(), [](const Merge& a, const Merge& b) { return a.top < b.top; });
    if (dropped)
      ctx_.report(0, 0, msg::XlsxTooManyMerges{kMaxMerges, dropped});
  }

  // At <row>: reads its cells, then passes the row on (or counts it as hidden).
  bool row(XmlReader& x) {
    int n = to_int(x.attr("r"));
    int64_t number = n > 0 && n <= kMaxRow ? n : last_row_ + 1;
    if (number <= last_row_ || number > kMaxRow) return false;  // rows must come in order
    std::string_view hidden = x.attr("hidden");
    bool is_hidden = hidden == "1" || hidden == "true";
    std::vector<Cell> cells;
    int depth = x.depth();
    int next_column = 1;
    bool duplicate = false;
    for (;;) {
      auto ev = x.next();
      if (ev == XmlReader::Event::Error || ev == XmlReader::Event::Eof) return false;
      if (ev == XmlReader::Event::End && x.depth() < depth) break;
      if (ev == XmlReader::Event::Start && x.name() == "c") {
        if (!cell(x, number, next_column, cells, duplicate)) return false;
      } else if (ev == XmlReader::Event::Start && !x.skip_element()) {
        return false;
      }
    }
    last_row_ = number;
    if (duplicate) return true;  // reported on the cell; which text Excel would show is unknown
    apply_merges(number, cells);
    bool content = std::any_of(cells.begin(), cells.end(), [](const Cell& c) { return !c.text.empty(); });
    if (is_hidden) {
      if (content && hidden_rows_.size() < kHiddenListed) hidden_rows_.push_back(number);
      hidden_count_ += content;
      return true;
    }
    emit(number, cells);
    return cells_fed_ <= kMaxBookCells;
  }

  void report_too_many_cells() { ctx_.report(last_row_, 0, msg::XlsxTooManyCells{kMaxBookCells >> 20}); }

  // At <c>: reads the cell into its column. A cell with nothing to show (empty, or only
  // formatted) is never a column of the table, however far out it is.
  bool cell(XmlReader& x, int64_t row, int& next_column, std::vector<Cell>& cells, bool& duplicate) {
    int64_t ref_row;
    int column;
    if (!parse_cell_ref(x.attr("r"), ref_row, column)) column = next_column;
    next_column = column + 1;
    Cell read;
    if (!cell_content(x, row, column, read)) return false;
    if (column > max_width_) {  // beyond what the table reader takes: it sees the row as too wide
      if (read.text.empty()) return true;
      if (static_cast<int>(cells.size()) < max_width_) cells.resize(static_cast<std::size_t>(max_width_));
      cells.back().text = "…";
      return true;
    }
    if (static_cast<int>(cells.size()) < column) cells.resize(static_cast<std::size_t>(column));
    Cell& c = cells[static_cast<std::size_t>(column - 1)];
    if (c.written) {
      if (!duplicate) ctx_.report(row, column, msg::XlsxDuplicateCell{c.text, read.text});
      duplicate = true;
      return true;
    }
    c = std::move(read);
    c.written = true;
    return true;
  }

  bool cell_content(XmlReader& x, int64_t row, int column, Cell& c) {
    std::string type(x.attr("t"));
    int style = to_int(x.attr("s"));
    std::string value, formula;
    bool inline_text = false, has_formula = false;
    int depth = x.depth();
    for (;;) {
      auto ev = x.next();
      if (ev == XmlReader::Event::Error || ev == XmlReader::Event::Eof) return false;
      if (ev == XmlReader::Event::End && x.depth() < depth) break;
      if (ev != XmlReader::Event::Start) continue;
      if (x.name() == "v") {
        if (!collect_value(x, value)) return false;
      } else if (x.name() == "f") {
        has_formula = true;
        if (!collect_value(x, formula)) return false;
      } else if (x.name() == "is") {
        inline_text = true;
        if (!collect_string(x, value)) return false;
      } else if (!x.skip_element()) {
        return false;
      }
    }
    if (value.size() > kMaxCellBytes) {
      ctx_.report(row, column, msg::XlsxCellTooLong{});
      return true;
    }
    c.label = inline_text || type == "s" || type == "str" || type == "inlineStr";
    if (has_formula && value.empty() && !c.label) {
      // No saved result (a program that does not calculate wrote it): not an empty cell, and
      // never 0. A shared formula's other cells carry no text of their own.
      c.kind = CellKind::FormulaWithoutValue;
      c.text = "=" + (formula.empty() ? std::string("…") : formula);
      return true;
    }
    c.text = display(type, style, std::move(value), row, column, c.kind);
    return true;
  }

  // <v>: its text (Excel writes it in one piece; anything longer than a cell is cut).
  bool collect_value(XmlReader& x, std::string& out) {
    int depth = x.depth();
    for (;;) {
      auto ev = x.next();
      if (ev == XmlReader::Event::Error || ev == XmlReader::Event::Eof) return false;
      if (ev == XmlReader::Event::End && x.depth() < depth) return true;
      if (ev == XmlReader::Event::Text && out.size() <= kMaxCellBytes) out += x.text();
    }
  }

  // The cell as Excel shows it.
  std::string display(const std::string& type, int style, std::string value, int64_t row, int column,
                      CellKind& kind) {
    if (type == "s") {
      int index = to_int(value);
      if (index >= 0 && static_cast<std::size_t>(index) < book_.shared_strings.size())
        return book_.shared_strings[static_cast<std::size_t>(index)];
      ctx_.report(row, column, msg::XlsxBadSharedString{value});
      return {};
    }
    if (type == "b") return value == "1" ? "TRUE" : "FALSE";
    if (!type.empty() && type != "n") return value;  // str, inlineStr, e (#N/A), d (ISO date)
    if (value.empty()) return value;
    kind = CellKind::Number;
    const bool styled = style >= 0 && static_cast<std::size_t>(style) < book_.style_dates.size();
    DateKind date = styled ? book_.style_dates[static_cast<std::size_t>(style)] : DateKind::None;
    if (date != DateKind::None) return date_text(value, date, book_.date1904);
    if (styled && book_.style_percent[static_cast<std::size_t>(style)]) {
      kind = CellKind::Percent;
      return percent_text(value);
    }
    std::string shown = number_text(value);
    return shown.empty() ? value : shown;  // not a number: as stored, the table reader says so
  }

  void apply_merges(int64_t row, std::vector<Cell>& cells) {
    while (next_merge_ < merges_.size() && merges_[next_merge_].top <= row) active_.push_back(next_merge_++);
    active_.erase(std::remove_if(active_.begin(), active_.end(),
                                 [&](std::size_t i) { return merges_[i].bottom < row; }),
                  active_.end());
    for (std::size_t i : active_) {
      Merge& m = merges_[i];
      if (row == m.top && static_cast<int>(cells.size()) >= m.left && cells[static_cast<std::size_t>(m.left - 1)].label)
        m.label = cells[static_cast<std::size_t>(m.left - 1)].text;
      if (m.label.empty()) continue;
      int right = std::min(m.right, max_width_);
      if (static_cast<int>(cells.size()) < right) cells.resize(static_cast<std::size_t>(right));
      for (int c = m.left; c <= right; ++c) {
        Cell& cell = cells[static_cast<std::size_t>(c - 1)];
        if (cell.text.empty()) cell.text = m.label;
      }
    }
  }

  // Rows are as wide as the widest row so far, as Excel pads rows when it saves CSV.
  void emit(int64_t row, std::vector<Cell>& cells) {
    int used = static_cast<int>(cells.size());
    while (used > 0 && cells[static_cast<std::size_t>(used - 1)].text.empty()) --used;
    width_ = std::min(std::max(width_, used), max_width_);
    std::vector<std::string> fields(static_cast<std::size_t>(width_));
    std::vector<CellKind> kinds(fields.size(), CellKind::Typed);
    cells_fed_ += fields.size();
    for (std::size_t i = 0; i < fields.size() && i < cells.size(); ++i) {
      fields[i] = std::move(cells[i].text);
      kinds[i] = cells[i].kind;
    }
    feed_row(table_, row, std::move(fields), kinds);
    if (++rows_fed_ == kHeadRows) table_.decide_header();
  }

  void report_hidden() {
    if (hidden_count_ == 0) return;
    std::string list;
    for (int64_t r : hidden_rows_) list += (list.empty() ? "" : ", ") + std::to_string(r);
    if (hidden_count_ > static_cast<int64_t>(hidden_rows_.size())) list += ", …";
    ctx_.report(hidden_rows_.front(), 0, msg::XlsxHiddenRows{hidden_count_, list});
  }

  ReadContext& ctx_;
  const Workbook& book_;
  TableReader& table_;
  std::size_t& cells_fed_;  // the workbook's
  int max_width_;
  int width_ = 0;
  int64_t last_row_ = 0;
  int64_t rows_fed_ = 0;
  std::vector<Merge> merges_;
  std::size_t next_merge_ = 0;
  std::vector<std::size_t> active_;
  std::vector<int64_t> hidden_rows_;
  int64_t hidden_count_ = 0;
};

}  // namespace

bool read_sheet(ReadContext& ctx, const Workbook& book, std::string_view xml, const std::string& part,
                TableReader& table, std::size_t& cells_fed) {
  return SheetReader(ctx, book, table, cells_fed).read(xml, part);
}

}  // namespace arsverk::detail::xlsx
