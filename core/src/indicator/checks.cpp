// Checks before submission: rates and changes a municipality should look at again — also against
// the published yardstick, so that one file alone is enough — a run with no årsverk at all, and the
// årsverk left out as outside the indicator's scope.
#include <algorithm>
#include <cmath>

#include "context.hpp"
#include "published.hpp"

namespace arsverk::detail {

namespace {

constexpr double kFarAbovePublished = 4.0;  // × the published national rate
constexpr double kFarBelowPublished = 0.2;
const Fixed kOneCategoryMinimum = Fixed::from_int(2);  // FTEs: below this, one category is plausible

// Who and where a check is about.
struct Subject {
  std::string who;  // "3101 Halden 2024"
  int file = -1;
  int64_t line = 0;
};

std::string rate_text(double v, Lang lang) { return format_double(v, 1, lang); }

void check_rate(Context& ctx, Result& r, const Subject& s) {
  if (r.per_1000[0] && *r.per_1000[0] > 15.0) {
    r.flags.push_back("rate_high");
    ctx.message(Severity::Warning, "check.rate_high", s.file, s.line,
                s.who + ": " + rate_text(*r.per_1000[0], Lang::Nb) + " årsverk per 1 000 innbyggere er uvanlig høyt (over 15). Sjekk at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
                s.who + ": " + rate_text(*r.per_1000[0], Lang::En) + " FTEs per 1,000 inhabitants is implausibly high (above 15). Check that FTEs are not given as hours or persons, and that the population is for the whole unit.", r.year);
  } else if (r.arsverk[0] && *r.arsverk[0] == Fixed()) {
    r.flags.push_back("rate_zero");
    ctx.message(Severity::Warning, "check.rate_zero", s.file, s.line,
                s.who + ": ingen årsverk i psykisk helse- og rusarbeid. Sjekk at dette stemmer før innsending.",
                s.who + ": no FTEs in mental health and substance abuse work. Check that this is right before submitting.", r.year);
  }
}

// Far above or below the published national rate of the same schema (the data year's, else the
// nearest year's, named in the message).
void check_published(Context& ctx, Result& r, const Subject& s) {
  if (!r.per_1000[0] || *r.per_1000[0] > 15.0 || *r.per_1000[0] == 0.0) return;
  const auto national = PublishedRates::instance().national_m1(r.year);
  if (!national || national->second <= 0) return;
  const auto [year, rate] = *national;
  const double own = *r.per_1000[0], factor = own / rate;
  const bool above = factor > kFarAbovePublished;
  if (!above && factor >= kFarBelowPublished) return;
  r.flags.push_back(above ? "far_above_published" : "far_below_published");
  const std::string y = std::to_string(year);
  const std::string basis_nb = "det publiserte tallet for hele landet (" + rate_text(rate, Lang::Nb) + " i " + y +
                               (year == r.year ? "" : ", det nærmeste året med publisert tall for samme skjema") + ")";
  const std::string basis_en = "the published figure for Norway (" + rate_text(rate, Lang::En) + " in " + y +
                               (year == r.year ? "" : ", the nearest year with a published figure for the same schema") + ")";
  if (above) {
    ctx.message(Severity::Warning, "check.far_above_published", s.file, s.line,
                s.who + ": M1 = " + rate_text(own, Lang::Nb) + " årsverk per 1 000 innbyggere er " + format_double(factor, 1, Lang::Nb) +
                    " ganger " + basis_nb + ". Sjekk desimaltegnet (38,6 – ikke 386), at årsverk ikke er ført som timer eller personer, og at befolkningen gjelder hele kommunen.",
                s.who + ": M1 = " + rate_text(own, Lang::En) + " FTEs per 1,000 inhabitants is " + format_double(factor, 1, Lang::En) +
                    " times " + basis_en + ". Check the decimal mark (38.6, not 386), that FTEs are not given as hours or persons, and that the population is for the whole municipality.", r.year);
  } else {
    // Info, not a warning: low rates have honest causes too (services bought from others).
    ctx.message(Severity::Info, "check.far_below_published", s.file, s.line,
                s.who + ": M1 = " + rate_text(own, Lang::Nb) + " årsverk per 1 000 innbyggere er bare " + format_double(factor * 100, 0, Lang::Nb) +
                    " % av " + basis_nb + ". Sjekk desimaltegnet (38,6 – ikke 3,86) og at alle tjenester og målgrupper er med.",
                s.who + ": M1 = " + rate_text(own, Lang::En) + " FTEs per 1,000 inhabitants is only " + format_double(factor * 100, 0, Lang::En) +
                    " % of " + basis_en + ". Check the decimal mark (38.6, not 3.86) and that every service and target group is included.", r.year);
  }
}

// Outside the fences of a KOSTRA group that includes published reference rates.
void check_group_fences(Context& ctx, Result& r, const Subject& s) {
  if (!r.comparison || !r.per_1000[0]) return;
  const GroupComparison& c = *r.comparison;
  if (c.coverage.from_reference == 0 || !c.coverage.meaningful || !c.fence[0] || *c.fence[0] == Fence::Inside) return;
  const std::string n = std::to_string(c.coverage.members), total = std::to_string(c.coverage.members_total);
  const std::string ry = std::to_string(c.coverage.reference_year);
  ctx.message(Severity::Warning, "check.outside_group_fences", s.file, s.line,
              s.who + ": M1 = " + rate_text(*r.per_1000[0], Lang::Nb) + " ligger utenfor det vanlige i " + c.group + " (median " +
                  rate_text(c.median[0].value_or(0), Lang::Nb) + "; " + n + " av " + total +
                  " kommuner har tall, publiserte tall fra " + ry + "). Sjekk tallene før innsending.",
              s.who + ": M1 = " + rate_text(*r.per_1000[0], Lang::En) + " lies outside the usual range of " + c.group + " (median " +
                  rate_text(c.median[0].value_or(0), Lang::En) + "; " + n + " of " + total +
                  " municipalities have figures, published figures from " + ry + "). Check the figures before submitting.", r.year);
}

// Which single category holds every FTE, if one does (2024 a–e, the 2015 levels; for the nested
// 2015 measures: M4 = M1, everyone with further education).
std::optional<std::string> only_category(const UnitYear& uy, Schema schema) {
  const auto& c = uy.categories;
  auto given = [&](Category k) { return c[static_cast<int>(k)].value_or(Fixed()); };
  if (schema == Schema::S2015 && c[static_cast<int>(Category::M1)]) {
    if (c[static_cast<int>(Category::M4)] && given(Category::M4) == given(Category::M1)) return std::string("M4");
    return std::nullopt;
  }
  const std::vector<Category> levels =
      schema == Schema::S2024
          ? std::vector<Category>{Category::A, Category::B, Category::C, Category::D, Category::E}
          : std::vector<Category>{Category::Ingen, Category::AnnenVgs, Category::VgsHelse, Category::HoyUten, Category::HoyMed};
  std::optional<std::string> only;
  for (Category k : levels) {
    if (given(k) == Fixed()) continue;
    if (only) return std::nullopt;
    only = to_string(k);
  }
  return only;
}

void check_one_category(Context& ctx, Result& r, const Subject& s) {
  auto it = ctx.units.find({r.code, r.year});
  if (it == ctx.units.end() || !it->second.categories_ok || !r.arsverk[0] || *r.arsverk[0] < kOneCategoryMinimum) return;
  const auto only = only_category(it->second, r.schema);
  if (!only) return;
  r.flags.push_back("one_category");
  ctx.message(Severity::Warning, "check.one_category", s.file, s.line,
              s.who + ": alle " + fmt_num(*r.arsverk[0], Lang::Nb) + " årsverk står i kategori " + *only +
                  ". Det er uvanlig; sjekk at årsverkene er fordelt på riktig utdanningskategori.",
              s.who + ": all " + fmt_num(*r.arsverk[0], Lang::En) + " FTEs are in category " + *only +
                  ". That is unusual; check that the FTEs are spread over the right education categories.", r.year);
}

void check_change(Context& ctx, Result& r, const Subject& s) {
  if (!r.change || !r.change->percent[0] || std::fabs(*r.change->percent[0]) <= 30.0 || r.carried_from) return;
  r.flags.push_back("change_large");
  const double now = *r.per_1000[0], before = now - *r.change->per_1000[0];
  const std::string from = std::to_string(r.change->from_year);
  ctx.message(Severity::Warning, "check.change_large", s.file, s.line,
              s.who + ": årsverk per 1 000 innbyggere har endret seg " + format_double(*r.change->percent[0], 0, Lang::Nb) + " % fra " + from +
                  " (fra " + rate_text(before, Lang::Nb) + " til " + rate_text(now, Lang::Nb) + ", mer enn 30 %). Sjekk at endringen er reell.",
              s.who + ": FTEs per 1,000 inhabitants changed by " + format_double(*r.change->percent[0], 0, Lang::En) + " % from " + from +
                  " (from " + rate_text(before, Lang::En) + " to " + rate_text(now, Lang::En) + ", more than 30 %). Check that the change is real.", r.year);
}

void check_result(Context& ctx, Result& r) {
  Subject s{r.code + " " + r.name + " " + std::to_string(r.year)};
  if (auto it = ctx.units.find({r.code, r.year}); it != ctx.units.end()) {
    s.file = it->second.file;
    s.line = it->second.line;
  }
  check_rate(ctx, r, s);
  check_published(ctx, r, s);
  check_group_fences(ctx, r, s);
  check_one_category(ctx, r, s);
  check_change(ctx, r, s);
  check_plausibility(ctx, r, s.who);
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
