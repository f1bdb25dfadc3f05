// Validate: every value's year, schema and unit checked against the registers of its data year;
// values outside the indicator's scope counted apart; the rest placed in cells, duplicates refused.
#include <functional>
#include <iterator>
#include <map>
#include <set>

#include "context.hpp"

namespace arsverk::detail {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool counts_in_total(Category c) {
  return c != Category::M2 && c != Category::M3 && c != Category::M4 && c != Category::Total;
}

std::optional<Fixed>& at(CategoryAmounts& a, Category c) { return a[static_cast<int>(c)]; }

// The values of one line that repeat those of one earlier line, said in one message (a copied
// row would otherwise give one per category): names both places, counts the first. About the unit
// and year (args), so that the unit's checks list it beside its figures.
class Duplicates {
 public:
  explicit Duplicates(Context& ctx) : ctx_(ctx) {}

  // Said before anything of a later line, so that messages stay in the order of the lines.
  void before(int file, int64_t line) {
    if (value_ && (file != file_ || line != value_->line)) flush();
  }

  void add(const ArsverkValue& v, int file, const Cell& cell) {
    const int c = static_cast<int>(v.category);
    const bool same = value_ && file_ == file && value_->line == v.line && value_->unit == v.unit &&
                      value_->year == v.year && value_->group == v.group && value_->service == v.service &&
                      first_file_ == cell.files[c] && first_line_ == cell.lines[c];
    if (!same) {
      flush();
      value_ = &v;
      file_ = file;
      first_file_ = cell.files[c];
      first_line_ = cell.lines[c];
    }
    categories_.emplace_back(to_string(v.category));
    columns_.push_back(v.column);
    here_.push_back(v.value);
    there_.push_back(*cell.amounts[c]);
  }

  // The unit-years with a field in two files (the sheets of one workbook are one file).
  const std::set<UnitKey>& across_files() const { return across_files_; }

  void flush() {
    if (!value_) return;
    const ArsverkValue& v = *value_;
    const bool other_file = ctx_.input.sources[file_].file != ctx_.input.sources[first_file_].file;
    if (other_file) across_files_.insert({v.unit, v.year});
    const std::size_t first = ctx_.diagnostics.items().size();
    ctx_.message(file_, v.line,
                 msg::ValueDuplicate{v.unit, v.year, v.group, v.service, std::move(categories_), std::move(here_),
                                     std::move(there_),
                                     {ctx_.file_name(first_file_), ctx_.sheet_name(first_file_), first_line_,
                                      ctx_.is_form(first_file_)},
                                     other_file, ctx_.is_form(file_) || ctx_.is_form(first_file_)});
    if (const auto level = level_of_code(v.unit)) ctx_.about_unit(first, *level, v.unit, v.year);
    // The fields on this line that were not counted, so that a reader can mark them (the typed form).
    for (std::size_t i = first; i < ctx_.diagnostics.items().size(); ++i)
      ctx_.diagnostics.items()[i].args.push_back({"columns", columns_});
    value_ = nullptr;
    categories_.clear();
    columns_.clear();
    here_.clear();
    there_.clear();
  }

 private:
  Context& ctx_;
  const ArsverkValue* value_ = nullptr;
  int file_ = 0, first_file_ = 0;
  int64_t first_line_ = 0;
  std::vector<std::string> categories_;
  std::vector<int64_t> columns_;  // 1-based, of categories_ on this line
  std::vector<Fixed> here_, there_;
  std::set<UnitKey> across_files_;
};

}  // namespace

// Checks a code against the structure of its data year; says what to use instead when it can.
std::optional<UnitInfo> resolve_unit(Context& ctx, const std::string& code, int year, int file,
                                     int64_t line) {
  auto level = level_of_code(code);
  const std::string y = std::to_string(year);
  if (!level || *level == Level::KostraGruppe) {
    ctx.message(file, line, msg::UnitInvalid{code});
    return std::nullopt;
  }
  if (*level == Level::Land) return UnitInfo{Level::Land, "Hele landet", "Norway", "", 0};
  auto structure = structure_for_year(year);
  if (!structure) {
    ctx.message(file, line, msg::UnitNoRegister{code, year});
    return std::nullopt;
  }
  const auto& reg = ctx.registers;
  if (*level == Level::Fylke) {
    if (const County* c = reg.county(*structure, code)) return UnitInfo{Level::Fylke, c->name, c->name, "", 0};
    ctx.message(file, line, msg::UnitUnknownCounty{code, year, to_string(*structure)});
    return std::nullopt;
  }
  if (*level == Level::Bydel) {
    const District* d = reg.district(code);
    if (d && d->reports) return UnitInfo{Level::Bydel, d->name, d->name, "03", 0};
    if (d) {
      ctx.message(file, line, msg::UnitDistrictNotReporting{code, d->name});
    } else {
      ctx.message(file, line, msg::UnitUnknownDistrict{code});
    }
    return std::nullopt;
  }
  if (const Municipality* m = reg.municipality(*structure, code)) {
    std::string name = m->name;
    return UnitInfo{Level::Kommune, name, name, m->county, m->kostra_group};
  }
  // The number may belong to the other structure: say which number to use.
  const Structure other = *structure == Structure::K2024 ? Structure::K2020 : Structure::K2024;
  if (const Municipality* m = reg.municipality(other, code)) {
    auto right = *structure == Structure::K2024 ? reg.numbers_2024_for(code) : reg.numbers_2023_for(code);
    std::vector<std::string> named;
    for (const auto& r : right)
      if (const Municipality* n = reg.municipality(*structure, r)) named.push_back(r + " " + n->name);
    std::string list = join(named, " / ");
    ctx.message(file, line, msg::UnitWrongStructure{code, m->name, to_string(other), year, list});
    return std::nullopt;
  }
  ctx.message(file, line, msg::UnitUnknownMunicipality{code, year, to_string(*structure)});
  return std::nullopt;
}

namespace {

// Published rates from reference files: the unit must exist in the year; one rate per unit, year
// and measure (the first counts).
void validate_references(Context& ctx) {
  std::set<UnitKey> bad_units;
  for (const InputReference& input : ctx.input.reference_values) {
    const ReferenceRate& r = *input.rate;
    if (r.year < 2015 || r.year > 2100 || r.measure < 0 || r.measure > 3 || bad_units.count({r.unit, r.year})) continue;
    if (!ctx.input.references.count({r.unit, r.year}) && !resolve_unit(ctx, r.unit, r.year, input.file, r.line)) {
      bad_units.insert({r.unit, r.year});
      continue;
    }
    ReferenceRow& row = ctx.out().references[{r.unit, r.year}];
    const int m = r.measure;
    if (row.per_1000[m]) {
      const std::string what = r.unit + ", " + std::to_string(r.year) + ", M" + std::to_string(m + 1);
      ctx.message(input.file, r.line, msg::ReferenceDuplicate{what, {ctx.file_name(row.files[m]), ctx.sheet_name(row.files[m]), row.lines[m]}});
      continue;
    }
    row.per_1000[m] = r.per_1000.to_double();
    row.lines[m] = r.line;
    row.files[m] = input.file;
  }
}

// Whether a service is outside the indicator's scope, worked out once per distinct text: a file
// repeats a handful of services on every row, and reading one is the costliest step here.
class ServiceScopes {
 public:
  bool out_of_scope(const std::string& service) {
    if (last_ && last_->first == service) return last_->second;  // a row's categories share it
    auto it = known_.find(service);
    if (it == known_.end()) it = known_.emplace(service, service_out_of_scope(service)).first;
    last_ = &*it;
    return it->second;
  }

 private:
  std::map<std::string, bool, std::less<>> known_;
  const std::pair<const std::string, bool>* last_ = nullptr;
};

// A unit and year whose figures come from more than one file (the sheets of one workbook are one
// file): said at the later file's first figure of it, naming the earlier file's.
void report_several_files(Context& ctx, const std::set<UnitKey>& overlapping) {
  struct FirstFigure { int source; int64_t line; };
  for (const auto& [key, cells] : ctx.input.cells) {
    std::map<int, FirstFigure> first;  // file -> where its first figure of the unit-year is
    for (const auto& [cell_key, cell] : cells) {
      for (int c = 0; c < kCategoryCount; ++c) {
        if (!cell.amounts[c]) continue;
        const int source = cell.files[c];
        auto [at_file, added] = first.try_emplace(ctx.input.sources[source].file, FirstFigure{source, cell.lines[c]});
        if (!added && at_file->second.source == source && cell.lines[c] < at_file->second.line) at_file->second.line = cell.lines[c];
      }
    }
    if (first.size() < 2) continue;
    const FirstFigure earlier = first.begin()->second;
    const FirstFigure later = std::next(first.begin())->second;
    const std::string what = key.first + ", " + std::to_string(key.second);
    const std::size_t at = ctx.diagnostics.items().size();
    ctx.message(later.source, later.line,
                msg::ValueSeveralFiles{what,
                                       {ctx.file_name(earlier.source), ctx.sheet_name(earlier.source), earlier.line,
                                        ctx.is_form(earlier.source)},
                                       overlapping.count(key) > 0, ctx.is_form(earlier.source) || ctx.is_form(later.source)});
    if (const auto level = level_of_code(key.first)) ctx.about_unit(at, *level, key.first, key.second);
  }
}

}  // namespace

void validate(Context& ctx) {
  std::set<UnitKey> bad_units;
  std::set<std::pair<int, int64_t>> rows_out_of_range;  // (file, line)
  ServiceScopes scopes;
  // Rows of one unit and year mostly come together: once a unit-year has cells, the next row of
  // it needs no look-ups to be accepted (cells only grow here) and finds its cells at once.
  const UnitKey* last_key = nullptr;
  std::map<CellKey, Cell>* last_cells = nullptr;
  // A row's categories are values of one cell, one after the other: found once, not per value.
  const ArsverkValue* last_cell_value = nullptr;
  Cell* last_cell = nullptr;
  Duplicates duplicates(ctx);
  for (const InputValue& input : ctx.input.values) {
    const ArsverkValue& v = *input.value;
    const int file = input.file;
    duplicates.before(file, v.line);
    if (v.year < 2015 || v.year > 2100) {
      // Said once for the row, not once for each of its categories.
      if (!rows_out_of_range.insert({file, v.line}).second) continue;
      ctx.message(file, v.line, msg::YearOutOfRange{v.year});
      continue;
    }
    const Schema schema = schema_for_year(v.year);
    if (auto category_schema = schema_of(v.category); category_schema && *category_schema != schema) {
      ctx.message(file, v.line,
                  msg::CategoryWrongSchema{to_string(v.category), v.year, *category_schema == Schema::S2024});
      continue;
    }
    const bool same_unit_year = last_key && last_key->second == v.year && last_key->first == v.unit;
    if (!same_unit_year) {
      last_key = nullptr;
      if (bad_units.count({v.unit, v.year})) continue;
      if (!ctx.input.units.count({v.unit, v.year}) && !ctx.input.cells.count({v.unit, v.year})) {
        if (!resolve_unit(ctx, v.unit, v.year, file, v.line)) {
          bad_units.insert({v.unit, v.year});
          continue;
        }
      }
      ctx.out().answered.insert({v.unit, v.year});
    }
    if (!v.service.empty() && scopes.out_of_scope(v.service)) {
      auto& excluded = ctx.out().excluded[{v.year, v.service}];
      excluded.year = v.year;
      excluded.service = v.service;
      if (counts_in_total(v.category) && !excluded.arsverk.add_checked(v.value)) {
        report_overflow(ctx, file, v.line, v.unit, v.year, {false, true, true, true});
        continue;
      }
      if (v.value != Fixed()) ++excluded.rows;
      continue;
    }
    if (!same_unit_year) {
      const auto at_key = ctx.out().cells.try_emplace({v.unit, v.year}).first;
      last_key = &at_key->first;
      last_cells = &at_key->second;
      last_cell = nullptr;
    }
    if (!last_cell || last_cell_value->group != v.group || last_cell_value->service != v.service)
      last_cell = &(*last_cells)[{v.group, v.service}];
    last_cell_value = &v;
    Cell& cell = *last_cell;
    if (at(cell.amounts, v.category)) {
      duplicates.add(v, file, cell);
      continue;
    }
    if (cell.line == 0) { cell.file = file; cell.line = v.line; }
    cell.lines[static_cast<int>(v.category)] = v.line;
    cell.files[static_cast<int>(v.category)] = file;
    cell.columns[static_cast<int>(v.category)] = v.column;
    at(cell.amounts, v.category) = v.value;
  }
  duplicates.flush();
  report_several_files(ctx, duplicates.across_files());
  validate_references(ctx);
}

}  // namespace arsverk::detail
