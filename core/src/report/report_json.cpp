// The report as one JSON document (docs/output.md), shared by the CLI and the page.
#include <nlohmann/json.hpp>

#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"

namespace arsverk {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kMeasureKeys[4] = {"M1", "M2", "M3", "M4"};

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json measures_json(const Amounts& m) {
  Json j = Json::object();
  for (int i = 0; i < 4; ++i) j[kMeasureKeys[i]] = m[i] ? Json(m[i]->to_double()) : Json(nullptr);
  return j;
}

template <typename F>
Json per_measure(F value) {
  Json j = Json::object();
  for (int i = 0; i < 4; ++i) j[kMeasureKeys[i]] = value(i);
  return j;
}

const char* to_string(Fence f) {
  switch (f) {
    case Fence::Low: return "low";
    case Fence::High: return "high";
    case Fence::Inside: return nullptr;
  }
  return nullptr;
}

Json fence_json(const std::optional<Fence>& f) { return f && to_string(*f) ? Json(to_string(*f)) : Json(nullptr); }

Json coverage_json(const Coverage& c) {
  return {{"members", c.members},
          {"members_total", c.members_total},
          {"from_reference", c.from_reference},
          {"reference_year", c.reference_year ? Json(c.reference_year) : Json(nullptr)},
          {"reference_files", c.reference_files},
          {"population_share", c.population_share},
          {"meaningful", c.meaningful},
          {"reason", c.reason.empty() ? Json(nullptr) : Json(c.reason)}};
}

Json published_json(const std::optional<Published>& p, Lang lang) {
  if (!p) return nullptr;
  return {{"per_1000", per_measure([&](int i) { return or_null(p->per_1000[i]); })},
          {"display", per_measure([&](int i) {
             return p->per_1000[i] ? Json(format_double(*p->per_1000[i], 1, lang)) : Json(nullptr);
           })},
          {"source", p->source}};
}

Json result_json(const Result& r, Lang lang) {
  const bool shown = !r.suppressed;
  Json j;
  j["level"] = to_string(r.level);
  j["code"] = r.code;
  j["name"] = r.name;
  j["year"] = r.year;
  j["schema"] = to_string(r.schema);
  j["fylke"] = r.county.empty() ? Json(nullptr) : Json(r.county);
  j["kostragruppe"] = r.kostra.empty() ? Json(nullptr) : Json(r.kostra);
  j["population"] = r.population;
  j["population_year"] = r.population_year;
  j["population_source"] = r.population_source == PopulationSource::File ? "file" : "embedded";
  j["population_file"] = r.population_file.empty() ? Json(nullptr) : Json(r.population_file);
  j["arsverk"] = measures_json(r.arsverk);
  j["per_1000"] = shown ? per_measure([&](int i) { return or_null(r.per_1000[i]); }) : Json(nullptr);
  j["display"] = shown ? per_measure([&](int i) { return or_null(display_rate(r, i, lang)); }) : Json(nullptr);
  j["carried_from"] = r.carried_from ? Json(*r.carried_from) : Json(nullptr);
  j["partly_carried"] = r.partly_carried;
  j["suppressed"] = r.suppressed;
  j["suppression_reason"] = r.suppression_reason.empty() ? Json(nullptr) : Json(r.suppression_reason);
  j["direct"] = r.direct;
  j["coverage"] = r.coverage;
  if (r.level == Level::Fylke || r.level == Level::Land || r.level == Level::KostraGruppe) {
    j["members"] = r.members;
    j["members_total"] = r.members_total;
    j["members_per_measure"] = per_measure([&](int i) { return r.measure_members[i]; });
    if (!r.direct) j["aggregate_coverage"] = coverage_json(r.aggregate_coverage);
  }
  j["published"] = published_json(r.published, lang);
  Json groups = Json::object();
  for (const auto& group : r.by_group) {
    const Amounts& m = group.second;
    Json gj;
    gj["arsverk"] = measures_json(m);
    gj["per_1000"] = shown ? per_measure([&](int i) {
      return m[i] && r.measure_population[i] > 0 ? Json(rate_per_1000(*m[i], r.measure_population[i])) : Json(nullptr);
    })
                           : Json(nullptr);
    groups[to_string(group.first)] = gj;
  }
  j["by_group"] = groups;
  Json services = Json::array();
  for (const auto& [s, m] : r.by_service) services.push_back({{"service", s}, {"arsverk", measures_json(m)}});
  j["by_service"] = services;
  if (r.distribution) {
    Json d = Json::object();
    for (int i = 0; i < 4; ++i) {
      const Distribution& x = (*r.distribution)[i];
      d[kMeasureKeys[i]] = x.n == 0 ? Json(nullptr)
                                    : Json{{"n", x.n}, {"min", x.min}, {"p25", x.p25}, {"median", x.median},
                                           {"p75", x.p75}, {"max", x.max}, {"mean", x.mean}};
    }
    j["distribution"] = d;
    j["distribution_coverage"] = coverage_json(r.distribution_coverage);
  }
  if (r.comparison) {
    const GroupComparison& c = *r.comparison;
    j["comparison"] = {
        {"kostragruppe", c.group},
        {"n", c.n},
        {"peers", per_measure([&](int i) { return c.peers[i]; })},
        {"rank", per_measure([&](int i) { return or_null(c.rank[i]); })},
        {"median", per_measure([&](int i) { return or_null(c.median[i]); })},
        {"diff_from_median", per_measure([&](int i) { return or_null(c.diff_from_median[i]); })},
        {"outside_fences", per_measure([&](int i) { return fence_json(c.fence[i]); })},
        {"coverage", coverage_json(c.coverage)}};
  } else {
    j["comparison"] = nullptr;
  }
  if (r.change) {
    const Change& c = *r.change;
    j["change"] = {{"from_year", c.from_year},
                   {"per_1000", per_measure([&](int i) { return or_null(c.per_1000[i]); })},
                   {"percent", per_measure([&](int i) { return or_null(c.percent[i]); })}};
  } else {
    j["change"] = nullptr;
  }
  if (r.renumbering) {
    const Renumbering& n = *r.renumbering;
    const std::string& note = lang == Lang::Nb ? n.note_nb : n.note_en;
    j["renumbering"] = {{"successor", r.year < 2024 ? Json(n.successor) : Json(nullptr)},
                        {"predecessor", r.year >= 2024 ? Json(n.predecessor) : Json(nullptr)},
                        {"continuity", n.continuity},
                        {"note", note.empty() ? Json(nullptr) : Json(note)}};
  } else {
    j["renumbering"] = nullptr;
  }
  j["flags"] = r.flags;
  return j;
}

}  // namespace

std::string report_to_json(const Report& report, const Settings& settings) {
  const Lang lang = settings.lang;
  Json doc;
  doc["version"] = 2;
  doc["settings"] = {{"year", settings.year ? Json(*settings.year) : Json(nullptr)},
                     {"population_year", settings.population_year == PopulationYear::Next ? "next" : "same"},
                     {"carry_forward", to_string(settings.carry_forward)},
                     {"suppression", to_string(settings.suppression)},
                     {"lang", lang == Lang::Nb ? "nb" : "en"}};
  Json files = Json::array();
  for (const ParsedFile* f : report.files) {
    auto years = f->years();
    files.push_back({{"name", f->name},
                     {"kind", to_string(f->kind)},
                     {"format", f->format},
                     {"encoding", f->encoding},
                     {"delimiter", f->delimiter},
                     {"rows", f->rows},
                     {"years", Json(std::vector<int>(years.begin(), years.end()))},
                     {"units", f->unit_count()},
                     {"has_target_group", f->has_target_group},
                     {"has_service", f->has_service}});
  }
  doc["files"] = files;
  Json diags = Json::array();
  for (const Diagnostic& d : report.diagnostics) {
    diags.push_back({{"severity", to_string(d.severity)},
                     {"code", d.code},
                     {"file", d.file.empty() ? Json(nullptr) : Json(d.file)},
                     {"sheet", d.sheet.empty() ? Json(nullptr) : Json(d.sheet)},
                     {"line", d.line > 0 ? Json(d.line) : Json(nullptr)},
                     {"column", d.column > 0 ? Json(d.column) : Json(nullptr)},
                     {"message", d.text(lang)}});
  }
  doc["diagnostics"] = diags;
  Json pop = Json::array();
  for (const PopulationUse& u : report.population_use)
    pop.push_back({{"year", u.data_year}, {"population_year", u.population_year},
                   {"units_from_embedded", u.from_embedded}, {"units_from_files", u.from_files}});
  doc["population"] = pop;
  Json excluded = Json::array();
  for (const ExcludedService& e : report.excluded)
    excluded.push_back({{"year", e.year}, {"service", e.service}, {"arsverk", e.arsverk.to_double()}, {"values", e.rows}});
  doc["excluded"] = excluded;
  doc["years"] = report.years;
  Json rules = Json::array();
  auto basis = [](Rule r) { return r == Rule::Auto ? "auto" : "setting"; };
  for (const YearRules& y : report.rules)
    rules.push_back({{"year", y.year}, {"carry_forward", y.carry_forward}, {"suppression", y.suppression},
                     {"basis", {{"carry_forward", basis(y.carry_forward_setting)},
                                {"suppression", basis(y.suppression_setting)}}}});
  doc["rules"] = rules;
  Json results = Json::array();
  for (const Result& r : report.results) results.push_back(result_json(r, lang));
  doc["results"] = results;
  // Invalid UTF-8 (e.g. a Latin-1 file name from the command line) becomes U+FFFD instead of
  // an exception.
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace arsverk
