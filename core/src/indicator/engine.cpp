// The computation of docs/indicator.md as a pipeline of named stages (context.hpp lists them;
// each lives in the file of its name).
#include <algorithm>
#include <set>
#include <tuple>

#include "context.hpp"
#include "engine.hpp"

namespace arsverk {

namespace detail {

const std::string& Context::file_name(int source) const {
  static const std::string none;
  if (source < 0 || source >= static_cast<int>(input.sources.size())) return none;
  return files[input.sources[source].file].name;
}

bool Context::is_form(int source) const {
  return source >= 0 && source < static_cast<int>(input.sources.size()) && files[input.sources[source].file].form;
}

const std::string& Context::sheet_name(int source) const {
  static const std::string none;
  return source >= 0 && source < static_cast<int>(input.sources.size()) ? input.sources[source].sheet : none;
}

// A message tied to a line says where in its text too, naming the file: the page shows only the text.
void Context::add_admitted(Severity s, const char* code, int file, int64_t line, int column, msg::Texts texts,
                           int year) {
  Diagnostic d{s, code, file_name(file), line, line > 0 ? column : 0, std::move(texts.nb), std::move(texts.en), year};
  if (line > 0) {
    d.sheet = sheet_name(file);
    d.place_in_text = PlaceInText::CellOfFile;
  }
  diagnostics.add_admitted(std::move(d));
}

void Context::about_unit(std::size_t first, const Result& r) { about_unit(first, r.level, r.code, r.year); }

void Context::about_unit(std::size_t first, Level level, const std::string& code, int year) {
  auto& items = diagnostics.items();
  for (std::size_t i = first; i < items.size(); ++i) {
    std::vector<Diagnostic::Arg> args{{"level", std::string(to_string(level))}, {"code", code}, {"year", int64_t{year}}};
    for (Diagnostic::Arg& a : items[i].args)
      if (a.key == "flag") args.push_back(std::move(a));
    items[i].args = std::move(args);
  }
}

void Context::said_by_flag(std::size_t first, const std::string& flag) {
  auto& items = diagnostics.items();
  for (std::size_t i = first; i < items.size(); ++i) items[i].args.push_back({"flag", flag});
}

std::string Context::where(Lang lang, int file, int64_t line) const {
  return place_of_line(file_name(file), sheet_name(file), line, lang, is_form(file));
}

bool add_categories(CategoryAmounts& into, const CategoryAmounts& from) {
  bool fits = true;
  for (int c = 0; c < kCategoryCount; ++c) {
    if (!from[c]) continue;
    if (!into[c]) into[c] = Fixed();
    fits = into[c]->add_checked(*from[c]) && fits;
  }
  return fits;
}

Present add_measures(Measures& into, const Measures& from) {
  Present fits{};
  for (int i = 0; i < 4; ++i) fits[i] = into[i].add_checked(from[i]);
  return fits;
}

void report_overflow(Context& ctx, int file, int64_t line, const std::string& unit, int year, const Present& fits) {
  std::string measures;
  for (int i = 0; i < 4; ++i)
    if (!fits[i]) measures += (measures.empty() ? "M" : ", M") + std::to_string(i + 1);
  if (measures.empty()) return;
  ctx.message(file, line, msg::ArithmeticOverflow{unit, year, measures}, year);
}

namespace {

bool in_year(const Settings& s, int year) { return !s.year || *s.year == year; }

// Results ordered by year, then land, fylke, KOSTRA group, kommune, bydel, then code.
// Sorts positions, then moves each result once: a Result is large to move around.
void sort_results(std::vector<Result>& results) {
  const int level_order[] = {3, 4, 1, 0, 2};
  std::vector<std::size_t> order(results.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const Result& a = results[i];
    const Result& b = results[j];
    return std::forward_as_tuple(a.year, level_order[static_cast<int>(a.level)], a.code) <
           std::forward_as_tuple(b.year, level_order[static_cast<int>(b.level)], b.code);
  });
  std::vector<Result> sorted;
  sorted.reserve(results.size());
  for (std::size_t i : order) sorted.push_back(std::move(results[i]));
  results = std::move(sorted);
}

// A chosen year the files have no figures for: an error naming the years they have.
void report_year_without_data(Context& ctx, int year) {
  std::set<int> have = ctx.years;
  for (const InputValue& v : ctx.input.values) have.insert(v.value->year);
  std::string list;
  for (int y : have) list += (list.empty() ? "" : ", ") + std::to_string(y);
  ctx.message(-1, 0, msg::SettingsYearWithoutData{year, list}, 0);
}

Report assemble(Context& ctx) {
  const Settings& settings = ctx.settings;
  Report report;
  for (const auto& [key, excluded] : ctx.input.excluded)
    if (in_year(settings, excluded.year)) report.excluded.push_back(excluded);
  std::vector<Result> results = std::move(ctx.results);
  sort_results(results);
  results.erase(std::remove_if(results.begin(), results.end(), [&](const Result& r) { return !in_year(settings, r.year); }),
                results.end());
  std::set<int> years;
  for (const Result& r : results) years.insert(r.year);
  if (settings.year && years.empty()) report_year_without_data(ctx, *settings.year);
  report.years.assign(years.begin(), years.end());
  report.reference = reference_entries(ctx, results, report.years);
  for (int y : years) {
    const auto unapplied = ctx.suppression_unapplied.find(y);
    report.rules.push_back({y, rule_applies(settings.carry_forward, y), rule_applies(settings.suppression, y),
                            settings.carry_forward, settings.suppression,
                            unapplied == ctx.suppression_unapplied.end() ? 0 : unapplied->second});
  }
  for (const auto& [y, use] : ctx.tally.by_year)
    if (in_year(settings, y)) report.population_use.push_back(use);
  for (const ParsedFile& f : ctx.files) {
    report.files.push_back(&f);
    report.diagnostics.insert(report.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
  ctx.diagnostics.close_file("");
  for (const ParsedFile& f : ctx.files) ctx.diagnostics.close_file(f.name);
  for (const Diagnostic& d : ctx.diagnostics.items())
    if (d.year == 0 || in_year(settings, d.year)) report.diagnostics.push_back(d);
  report.results = std::move(results);
  return report;
}

}  // namespace
}  // namespace detail

std::shared_ptr<const detail::FileStages> prepare(const std::vector<ParsedFile>& files, const Registers& registers) {
  auto prepared = std::make_shared<detail::FileStages>();
  const Settings none;  // the file stages read no setting (context.hpp, FileStages)
  detail::Context ctx(files, none, registers, *prepared);
  detail::collect(ctx);
  detail::find_sum_rows(ctx);
  prepared->read = ctx.diagnostics;
  detail::validate(ctx);
  detail::build_unit_years(ctx);
  prepared->validated = std::move(ctx.diagnostics);
  return prepared;
}

Report compute(const std::vector<ParsedFile>& files, const detail::FileStages& prepared, const Settings& settings,
               const Registers& registers) {
  detail::Context ctx(files, settings, registers, prepared);
  ctx.diagnostics = prepared.read;
  // Its messages came between sum rows' and validate's when the stages ran in one go: they still do.
  detail::check_population(ctx);
  ctx.diagnostics.append_since(prepared.validated, prepared.read);
  ctx.years = prepared.years;
  detail::apply_rules(ctx);
  detail::build_results(ctx);
  detail::apply_suppression(ctx);
  detail::build_aggregates(ctx);
  detail::attach_published(ctx);
  detail::build_comparisons(ctx);
  detail::run_checks(ctx);
  return detail::assemble(ctx);
}

Report compute(const std::vector<ParsedFile>& files, const Settings& settings, const Registers& registers) {
  return compute(files, *prepare(files, registers), settings, registers);
}

}  // namespace arsverk
