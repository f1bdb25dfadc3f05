// Checks before submission: rates and changes a municipality should look at again, a run with no
// årsverk at all, and the årsverk left out as outside the indicator's scope.
#include <algorithm>
#include <cmath>

#include "context.hpp"

namespace arsverk::detail {

namespace {

void check_result(Context& ctx, Result& r) {
  const std::string who = r.code + " " + r.name + " " + std::to_string(r.year);
  const int64_t line = ctx.units.count({r.code, r.year}) ? ctx.units[{r.code, r.year}].line : 0;
  const int file = ctx.units.count({r.code, r.year}) ? ctx.units[{r.code, r.year}].file : -1;
  if (r.per_1000[0] && *r.per_1000[0] > 15.0) {
    r.flags.push_back("rate_high");
    ctx.message(Severity::Warning, "check.rate_high", file, line,
                who + ": " + format_double(*r.per_1000[0], 1, Lang::Nb) + " årsverk per 1 000 innbyggere er uvanlig høyt (over 15). Sjekk at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
                who + ": " + format_double(*r.per_1000[0], 1, Lang::En) + " FTEs per 1,000 inhabitants is implausibly high (above 15). Check that FTEs are not given as hours or persons, and that the population is for the whole unit.", r.year);
  } else if (r.arsverk[0] && *r.arsverk[0] == Fixed()) {
    r.flags.push_back("rate_zero");
    ctx.message(Severity::Warning, "check.rate_zero", file, line,
                who + ": ingen årsverk i psykisk helse- og rusarbeid. Sjekk at dette stemmer før innsending.",
                who + ": no FTEs in mental health and substance abuse work. Check that this is right before submitting.", r.year);
  }
  if (r.change && r.change->percent[0] && std::fabs(*r.change->percent[0]) > 30.0 && !r.carried_from) {
    r.flags.push_back("change_large");
    const std::string pct_nb = format_double(*r.change->percent[0], 0, Lang::Nb);
    const std::string pct_en = format_double(*r.change->percent[0], 0, Lang::En);
    ctx.message(Severity::Warning, "check.change_large", file, line,
                who + ": årsverk per 1 000 innbyggere har endret seg " + pct_nb + " % fra " + std::to_string(r.change->from_year) +
                    " (mer enn 30 %). Sjekk at endringen er reell.",
                who + ": FTEs per 1,000 inhabitants changed by " + pct_en + " % from " + std::to_string(r.change->from_year) +
                    " (more than 30 %). Check that the change is real.", r.year);
  }
}

void check_any_arsverk(Context& ctx) {
  const auto& files = ctx.files;
  const bool any_arsverk = std::any_of(files.begin(), files.end(), [](const ParsedFile& f) {
    return f.kind == FileKind::Arsverk;
  });
  for (std::size_t fi = 0; fi < files.size() && !any_arsverk; ++fi) {
    if (files[fi].kind != FileKind::Population) continue;
    ctx.message(Severity::Error, "input.no_arsverk", static_cast<int>(fi), 0,
                "Dette er en befolkningsfil, og ingen av filene inneholder årsverk, så det er ingenting å regne ut. Legg til en fil med årsverk (kommune, år og årsverk per utdanningskategori).",
                "This is a population file, and none of the files holds FTEs, so there is nothing to compute. Add a file with FTEs (unit, year and FTEs per education category).");
  }
}

void report_excluded(Context& ctx) {
  for (const auto& [key, ex] : ctx.excluded) {
    const std::string& name = ex.service;
    const std::string y = std::to_string(ex.year);
    ctx.message(Severity::Info, "scope.excluded", -1, 0,
                y + ": " + fmt_num(ex.arsverk, Lang::Nb) + " årsverk for «" + name +
                    "» er holdt utenfor, fordi generelt forebyggende arbeid, demens og psykisk utviklingshemming ikke hører med i indikatoren (" +
                    std::to_string(ex.rows) + " verdier).",
                y + ": " + fmt_num(ex.arsverk, Lang::En) + " FTEs for '" + name +
                    "' were left out, because general prevention, dementia and intellectual disability are not part of the indicator (" +
                    std::to_string(ex.rows) + " values).",
                ex.year);
  }
}

}  // namespace

void run_checks(Context& ctx) {
  for (Result& r : ctx.results)
    if (r.level == Level::Kommune || r.level == Level::Bydel) check_result(ctx, r);
  check_any_arsverk(ctx);
  report_excluded(ctx);
}

}  // namespace arsverk::detail
