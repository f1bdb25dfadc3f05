#include "reader_jsonstat.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <unordered_map>

#include "text.hpp"

namespace arsverk::detail {

namespace {

using nlohmann::json;

struct TooDeep {};

struct Dim {
  std::string id;
  std::string label;
  std::vector<std::string> codes;   // by position
  std::vector<std::string> labels;  // by position
};

bool population_word(const std::string& norm) {
  for (const char* w : {"personer", "folkemengde", "persons", "population", "befolkning",
                        "innbyggere", "folketal", "innbyggjarar"})
    if (contains(norm, w)) return true;
  return false;
}

std::string str(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  return std::string();
}

bool is_one_of(const std::string& norm, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (norm == n) return true;
  return false;
}

void fail(ReadContext& ctx, const char* code, const std::string& nb, const std::string& en) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(Severity::Error, code, 0, 0, nb, en);
}

}  // namespace

void read_jsonstat(ReadContext& ctx, std::string text, bool bom) {
  ctx.out.format = "json-stat2";
  ctx.out.delimiter.clear();
  if (!valid_utf8(text)) {
    text = cp1252_to_utf8(text);
    ctx.out.encoding = "windows-1252";
  } else {
    ctx.out.encoding = bom ? "utf-8-bom" : "utf-8";
  }
  json root;
  const int max_depth = ctx.limits.max_json_depth;
  try {
    json::parser_callback_t cb = [max_depth](int depth, json::parse_event_t event, json&) {
      if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
          depth >= max_depth)
        throw TooDeep{};
      return true;
    };
    root = json::parse(text, cb, true, false);
  } catch (const TooDeep&) {
    fail(ctx, "jsonstat.too_deep",
         "JSON-filen er nøstet dypere enn " + std::to_string(max_depth) +
             " nivåer og er ikke et JSON-stat-datasett vi kan lese. " + kAcceptedNb,
         "The JSON file is nested deeper than " + std::to_string(max_depth) +
             " levels and is not a JSON-stat dataset we can read. " + kAcceptedEn);
    return;
  } catch (const json::exception& e) {
    std::string what = e.what();
    // nlohmann's message quotes the bytes last read, which can end inside a UTF-8 sequence;
    // messages must be valid UTF-8 (report_json would throw on them).
    if (!valid_utf8(what))
      for (char& c : what)
        if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    fail(ctx, "jsonstat.invalid",
         "Filen ser ut som JSON, men er ikke gyldig JSON (" + excerpt(what, 160) +
             "). Last ned svaret fra SSB på nytt, uten å redigere det. " + kAcceptedNb,
         "The file looks like JSON but is not valid JSON (" + excerpt(what, 160) +
             "). Download the answer from SSB again, without editing it. " + kAcceptedEn);
    return;
  }

  const json* ds = &root;
  if (ds->is_object() && !ds->contains("id") && ds->contains("dataset")) {
    const json& inner = (*ds)["dataset"];
    if (inner.is_object() && !inner.empty()) ds = inner.contains("dimension") ? &inner : &inner.begin().value();
  }
  auto not_dataset = [&]() {
    fail(ctx, "jsonstat.not_dataset",
         "JSON-filen er ikke et JSON-stat 2.0-datasett (mangler «id», «size», «dimension» eller "
         "«value»). " + std::string(kAcceptedNb),
         "The JSON file is not a JSON-stat 2.0 dataset (\"id\", \"size\", \"dimension\" or "
         "\"value\" is missing). " + std::string(kAcceptedEn));
  };
  if (!ds->is_object() || !ds->contains("dimension") || !(*ds)["dimension"].is_object() ||
      !ds->contains("value")) {
    not_dataset();
    return;
  }
  const json& dims_j = (*ds)["dimension"];
  const json* id_j = ds->contains("id") ? &(*ds)["id"] : (dims_j.contains("id") ? &dims_j["id"] : nullptr);
  const json* size_j = ds->contains("size") ? &(*ds)["size"] : (dims_j.contains("size") ? &dims_j["size"] : nullptr);
  if (!id_j || !size_j || !id_j->is_array() || !size_j->is_array() || id_j->size() != size_j->size() ||
      id_j->empty()) {
    not_dataset();
    return;
  }
  std::string ds_label = ds->contains("label") ? str((*ds)["label"]) : std::string();

  // Dimensions.
  std::vector<Dim> dims;
  std::vector<uint64_t> sizes;
  uint64_t total = 1;
  bool overflow = false;
  for (std::size_t k = 0; k < id_j->size(); ++k) {
    Dim d;
    d.id = str((*id_j)[k]);
    const json& sj = (*size_j)[k];
    if (!sj.is_number_unsigned() && !(sj.is_number_integer() && sj.get<int64_t>() >= 0)) {
      not_dataset();
      return;
    }
    uint64_t size = sj.get<uint64_t>();
    sizes.push_back(size);
    if (size != 0 && total > (uint64_t(1) << 40) / size) overflow = true;
    total *= size;
    if (!dims_j.contains(d.id) || !dims_j[d.id].is_object()) {
      fail(ctx, "jsonstat.size_mismatch",
           "Dimensjonen " + q(d.id) + " står i «id», men er ikke beskrevet under «dimension». "
           "Last ned datasettet fra SSB på nytt.",
           "The dimension " + q(d.id) + " is listed in \"id\" but not described under "
           "\"dimension\". Download the dataset from SSB again.");
      return;
    }
    const json& dj = dims_j[d.id];
    d.label = dj.contains("label") ? str(dj["label"]) : d.id;
    const json* cat = dj.contains("category") && dj["category"].is_object() ? &dj["category"] : nullptr;
    d.codes.assign(size, std::string());
    d.labels.assign(size, std::string());
    bool index_ok = true;
    if (cat && cat->contains("index")) {
      const json& idx = (*cat)["index"];
      if (idx.is_array()) {
        if (idx.size() != size) index_ok = false;
        for (std::size_t i = 0; i < idx.size() && i < size; ++i) d.codes[i] = str(idx[i]);
      } else if (idx.is_object()) {
        if (idx.size() != size) index_ok = false;
        for (auto it = idx.begin(); it != idx.end(); ++it) {
          if (!it.value().is_number_integer() && !it.value().is_number_unsigned()) { index_ok = false; continue; }
          int64_t p = it.value().get<int64_t>();
          if (p < 0 || static_cast<uint64_t>(p) >= size) { index_ok = false; continue; }
          d.codes[p] = it.key();
        }
      } else {
        index_ok = false;
      }
    } else if (cat && cat->contains("label") && (*cat)["label"].is_object() && (*cat)["label"].size() == size) {
      std::size_t i = 0;
      for (auto it = (*cat)["label"].begin(); it != (*cat)["label"].end(); ++it) d.codes[i++] = it.key();
    } else if (size != 1) {
      index_ok = false;
    }
    if (!index_ok) {
      fail(ctx, "jsonstat.size_mismatch",
           "Kategoriene i dimensjonen " + q(d.id) + " stemmer ikke med størrelsen " +
               std::to_string(size) + " i «size». Last ned datasettet fra SSB på nytt.",
           "The categories of the dimension " + q(d.id) + " do not match its size " +
               std::to_string(size) + " in \"size\". Download the dataset from SSB again.");
      return;
    }
    if (cat && cat->contains("label") && (*cat)["label"].is_object()) {
      const json& lab = (*cat)["label"];
      for (std::size_t i = 0; i < size; ++i)
        if (lab.contains(d.codes[i])) d.labels[i] = str(lab[d.codes[i]]);
    }
    dims.push_back(std::move(d));
  }

  // Roles.
  auto role_dim = [&](const char* role) -> int {
    if (!ds->contains("role") || !(*ds)["role"].is_object()) return -1;
    const json& r = (*ds)["role"];
    if (!r.contains(role) || !r[role].is_array() || r[role].empty()) return -1;
    std::string id = str(r[role][0]);
    for (std::size_t k = 0; k < dims.size(); ++k)
      if (dims[k].id == id) return static_cast<int>(k);
    return -1;
  };
  auto named_dim = [&](std::initializer_list<const char*> names) -> int {
    for (std::size_t k = 0; k < dims.size(); ++k)
      if (is_one_of(normalise_name(dims[k].id), names)) return static_cast<int>(k);
    return -1;
  };
  int time_d = role_dim("time");
  if (time_d < 0) time_d = named_dim({"tid", "time", "year", "aar"});
  int geo_d = role_dim("geo");
  if (geo_d < 0) geo_d = named_dim({"region", "geo", "kommune", "bydel", "fylke", "kommunenummer"});
  int metric_d = role_dim("metric");
  if (metric_d < 0) metric_d = named_dim({"contentscode", "statistikkvariabel", "contents"});
  int age_d = named_dim({"alder", "age"});
  int sex_d = named_dim({"kjonn", "sex"});

  // Which content is the population?
  int metric_pos = -1;
  bool population = false;
  if (metric_d >= 0) {
    for (std::size_t i = 0; i < dims[metric_d].codes.size(); ++i) {
      if (population_word(normalise_name(dims[metric_d].codes[i])) ||
          population_word(normalise_name(dims[metric_d].labels[i]))) {
        metric_pos = static_cast<int>(i);
        population = true;
        break;
      }
    }
  } else {
    population = population_word(normalise_name(ds_label)) || ds_label.empty();
  }
  std::vector<std::string> dim_names;
  for (const auto& d : dims) dim_names.push_back(q(d.id));
  if (!population || geo_d < 0 || time_d < 0) {
    std::string what_nb = ds_label.empty() ? "Datasettet" : "Datasettet " + q(ds_label, 200);
    std::string what_en = ds_label.empty() ? "The dataset" : "The dataset " + q(ds_label, 200);
    fail(ctx, "jsonstat.not_population",
         what_nb + " er ikke en tabell over folkemengde (dimensjoner: " + join(dim_names) +
             "). Vi ventet folkemengde etter region og år, for eksempel SSBs tabell 07459 "
             "(kommuner) eller 10826 (bydeler), med statistikkvariabelen «Personer». Hent den "
             "tabellen fra SSB, eller legg inn en årsverkfil.",
         what_en + " is not a population table (dimensions: " + join(dim_names) +
             "). We expected population by region and year, for example SSB's table 07459 "
             "(municipalities) or 10826 (districts), with the contents \"Persons\". Fetch that "
             "table from SSB, or add an årsverk file.");
    return;
  }
  for (std::size_t k = 0; k < dims.size(); ++k) {
    int kk = static_cast<int>(k);
    if (kk == time_d || kk == geo_d || kk == metric_d || kk == age_d || kk == sex_d) continue;
    if (sizes[k] > 1) {
      fail(ctx, "jsonstat.unexpected_dimension",
           "Datasettet har dimensjonen " + q(dims[k].id) + " med " + std::to_string(sizes[k]) +
               " kategorier; vi kan bare summere over alder og kjønn. Velg én kategori for " +
               q(dims[k].id) + " når du henter tabellen fra SSB.",
           "The dataset has the dimension " + q(dims[k].id) + " with " + std::to_string(sizes[k]) +
               " categories; we can only sum over age and sex. Choose one category for " +
               q(dims[k].id) + " when you fetch the table from SSB.");
      return;
    }
  }
  ctx.out.kind = FileKind::Population;

  const json& values = (*ds)["value"];
  const json* status = ds->contains("status") ? &(*ds)["status"] : nullptr;
  if (overflow || (values.is_array() && values.size() != total)) {
    fail(ctx, "jsonstat.size_mismatch",
         "Datasettet har " + std::to_string(values.size()) + " verdier, men dimensjonene gir " +
             std::to_string(total) + " (produktet av «size»). Filen er trolig avkortet eller "
             "redigert; last den ned fra SSB på nytt.",
         "The dataset has " + std::to_string(values.size()) + " values, but its dimensions give " +
             std::to_string(total) + " (the product of \"size\"). The file is probably truncated "
             "or edited; download it from SSB again.");
    return;
  }
  if (!values.is_array() && !values.is_object()) {
    not_dataset();
    return;
  }

  PopulationAccumulator acc;
  PopulationRegions regions;
  std::map<std::pair<uint64_t, int>, std::optional<std::string>> region_cache;
  int64_t missing = 0;
  std::string missing_first;
  int64_t bad_index = 0;

  auto status_at = [&](uint64_t i) -> std::string {
    if (!status) return {};
    if (status->is_string()) return status->get<std::string>();
    if (status->is_array()) return i < status->size() ? str((*status)[i]) : std::string();
    if (status->is_object()) {
      std::string key = std::to_string(i);
      return status->contains(key) ? str((*status)[key]) : std::string();
    }
    return {};
  };
  auto describe = [&](const std::vector<uint64_t>& pos) {
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < dims.size(); ++k)
      if (sizes[k] > 1)
        parts.push_back(dims[k].labels[pos[k]].empty() ? dims[k].codes[pos[k]] : dims[k].labels[pos[k]]);
    return join(parts, " / ");
  };

  auto one = [&](uint64_t i, const json& v) {
    std::vector<uint64_t> pos(dims.size());
    uint64_t rest = i;
    for (std::size_t k = dims.size(); k-- > 0;) {
      pos[k] = rest % sizes[k];
      rest /= sizes[k];
    }
    if (metric_d >= 0 && static_cast<int>(pos[metric_d]) != metric_pos) return;
    ++ctx.out.rows;
    std::string st = status_at(i);
    if (v.is_null() || (v.is_string() && parse_decimal(v.get<std::string>(), true).status != NumberStatus::Ok)) {
      if (missing++ == 0) missing_first = describe(pos) + (st.empty() ? "" : " (" + st + ")");
      return;
    }
    // Year.
    const std::string& tcode = dims[time_d].codes[pos[time_d]];
    std::optional<int> year = find_year(tcode);
    if (!year) year = find_year(dims[time_d].labels[pos[time_d]]);
    if (!year) {
      ctx.report(Severity::Error, "year.invalid", 0, 0,
                 q(tcode) + " i tidsdimensjonen er ikke et årstall. Verdien er hoppet over.",
                 q(tcode) + " in the time dimension is not a year. The value was skipped.");
      return;
    }
    // Region.
    auto key = std::make_pair(pos[geo_d], *year);
    auto it = region_cache.find(key);
    if (it == region_cache.end()) {
      const std::string& code = dims[geo_d].codes[pos[geo_d]];
      const std::string& label = dims[geo_d].labels[pos[geo_d]];
      std::string text = code;
      if (!label.empty() && !starts_with(label, code)) text = code + " " + label;
      else if (!label.empty()) text = label;
      it = region_cache.emplace(key, regions.resolve(ctx, text, *year, 0, 0)).first;
    }
    if (!it->second) return;
    // Number.
    int64_t n = 0;
    bool ok = false;
    if (v.is_number_integer() || v.is_number_unsigned()) {
      n = v.get<int64_t>();
      ok = true;
    } else if (v.is_number_float()) {
      double d = v.get<double>();
      if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15) { n = static_cast<int64_t>(d); ok = true; }
    } else if (v.is_string()) {
      ParsedNumber p = parse_decimal(v.get<std::string>(), true);
      if (p.status == NumberStatus::Ok && p.value.micro() % Fixed::kScale == 0) {
        n = p.value.micro() / Fixed::kScale;
        ok = true;
      }
    }
    if (!ok) {
      ctx.report(Severity::Error, "population.not_integer", 0, 0,
                 "Verdien " + q(v.dump()) + " for " + describe(pos) +
                     " er ikke et helt tall. Verdien er hoppet over.",
                 "The value " + q(v.dump()) + " for " + describe(pos) +
                     " is not a whole number. The value was skipped.");
      return;
    }
    if (n < 0) {
      ctx.report(Severity::Error, "population.negative", 0, 0,
                 "Verdien " + std::to_string(n) + " for " + describe(pos) +
                     " er negativ. Folkemengde kan ikke være negativ. Verdien er hoppet over.",
                 "The value " + std::to_string(n) + " for " + describe(pos) +
                     " is negative. A population cannot be negative. The value was skipped.");
      return;
    }
    bool age_total = true, sex_total = true;
    std::string age_key, sex_key;
    if (age_d >= 0) {
      const std::string& l = dims[age_d].labels[pos[age_d]];
      const std::string& c = dims[age_d].codes[pos[age_d]];
      age_total = l.empty() ? is_total_age(c) : (is_total_age(l) || normalise_name(c) == "999d");
      age_key = c;
    }
    if (sex_d >= 0) {
      const std::string& l = dims[sex_d].labels[pos[sex_d]];
      const std::string& c = dims[sex_d].codes[pos[sex_d]];
      sex_total = l.empty() ? is_total_sex(c) : is_total_sex(l);
      sex_key = c;
    }
    switch (acc.add(*it->second, *year, age_total, sex_total, age_key, sex_key, n, 0)) {
      case PopulationAccumulator::Added::Yes: break;
      case PopulationAccumulator::Added::Duplicate:
        ctx.report(Severity::Warning, "population.duplicate", 0, 0,
                   "Folkemengden for " + q(*it->second) + " i " + std::to_string(*year) +
                       " står to ganger (" + describe(pos) + "). Bare den første er brukt.",
                   "The population of " + q(*it->second) + " in " + std::to_string(*year) +
                       " appears twice (" + describe(pos) + "). Only the first is used.");
        break;
      case PopulationAccumulator::Added::Overflow:
        report_population_overflow(ctx, *it->second, *year, std::to_string(n), 0, 0);
        break;
    }
  };

  if (values.is_array()) {
    for (uint64_t i = 0; i < values.size(); ++i) one(i, values[i]);
  } else {
    // Sparse: {"index": value}; iterate in index order.
    std::map<uint64_t, const json*> sparse;
    for (auto it = values.begin(); it != values.end(); ++it) {
      const std::string& k = it.key();
      if (!all_digits(k) || k.size() > 15 || std::stoull(k) >= total) { ++bad_index; continue; }
      sparse[std::stoull(k)] = &it.value();
    }
    for (const auto& [i, v] : sparse) one(i, *v);
    if (bad_index) {
      ctx.report(Severity::Error, "jsonstat.size_mismatch", 0, 0,
                 std::to_string(bad_index) + " verdi(er) har en posisjon utenfor datasettet (0–" +
                     std::to_string(total ? total - 1 : 0) + ") og er hoppet over.",
                 std::to_string(bad_index) + " value(s) have a position outside the dataset (0–" +
                     std::to_string(total ? total - 1 : 0) + ") and were skipped.");
    }
  }
  if (missing) {
    ctx.report(Severity::Warning, "number.missing_values", 0, 0,
               std::to_string(missing) + " verdi(er) mangler (null eller SSB-symbol som «..», «.», «:» "
               "eller «-»; den første: " + missing_first + ") og er regnet som manglende, ikke som 0.",
               std::to_string(missing) + " value(s) are missing (null or an SSB symbol such as \"..\", "
               "\".\", \":\" or \"-\"; the first: " + missing_first + ") and were treated as missing, "
               "not as 0.");
  }
  regions.finish(ctx);
  acc.finish(ctx);
}

}  // namespace arsverk::detail
