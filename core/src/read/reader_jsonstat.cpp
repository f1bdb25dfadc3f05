#include "reader_jsonstat.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

#include "text.hpp"

namespace arsverk::detail {

namespace {

using nlohmann::json;

// A path of object keys, each prefixed with \x1f ("[]" for an array's elements).
std::string path_of(std::initializer_list<std::string> keys) {
  std::string out;
  for (const auto& k : keys) out += '\x1f' + k;
  return out;
}

// Where a dataset's "value" can be: {"value"}, {"dataset":{"value"}} or
// {"dataset":{"<name>":{"value"}}} (JSON-stat 1.x bundles).
bool dataset_value_path(const std::string& path) {
  static const std::string direct = path_of({"value"}), nested = path_of({"dataset", "value"}),
                           prefix = path_of({"dataset"}) + '\x1f', suffix = path_of({"value"});
  if (path == direct || path == nested) return true;
  if (path.size() <= prefix.size() + suffix.size() || path.compare(0, prefix.size(), prefix) != 0 ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  const std::string name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  return name.find('\x1f') == std::string::npos && name != "[]";
}

std::string readable_path(const std::string& path) {
  std::string out;
  for (char c : path) out += c == '\x1f' ? '/' : c;
  return out.empty() ? "/" : out;
}

// Pass 1 (SAX): builds the tree of everything except a dataset's values, which are only
// counted (an empty container stands in for them), so memory follows the structure, not the
// figures. Stops at the nesting limit, at a syntax error and at a key repeated in one object.
class StructureReader {
 public:
  explicit StructureReader(int max_depth) : max_depth_(max_depth) {}
  json root;
  bool too_deep = false, duplicate = false;
  std::string error, duplicate_key, duplicate_path;
  std::map<std::string, uint64_t> values;  // path of a dataset's value container → elements

  bool null() { return scalar(nullptr); }
  bool boolean(bool b) { return scalar(b); }
  bool number_integer(json::number_integer_t n) { return scalar(n); }
  bool number_unsigned(json::number_unsigned_t n) { return scalar(n); }
  bool number_float(json::number_float_t x, const std::string&) { return scalar(x); }
  bool string(std::string& t) { return scalar(std::move(t)); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    if (skip_ > 0) return true;
    const Level& top = stack_.back();
    if (top.node->contains(k)) {
      duplicate = true;
      duplicate_key = k;
      duplicate_path = readable_path(top.path);
      return false;
    }
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    error = e.what();
    return false;
  }

 private:
  struct Level {
    json* node;
    std::string path;
  };

  std::string child_path() const {
    if (stack_.empty()) return std::string();
    const Level& top = stack_.back();
    return top.path + '\x1f' + (top.node->is_array() ? std::string("[]") : key_);
  }
  json* insert(json v) {
    if (stack_.empty()) {
      root = std::move(v);
      return &root;
    }
    json& top = *stack_.back().node;
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  template <typename T>
  bool scalar(T&& v) {
    if (skip_ > 0) {
      if (skip_ == 1) ++*count_;
      return true;
    }
    insert(json(std::forward<T>(v)));
    return true;
  }
  bool open(json::value_t type) {
    if (depth_ >= max_depth_) {
      too_deep = true;
      return false;
    }
    ++depth_;
    if (skip_ > 0) {
      if (skip_ == 1) ++*count_;
      ++skip_;
      return true;
    }
    std::string path = child_path();
    json* node = insert(json(type));
    if (dataset_value_path(path)) {
      count_ = &values[path];
      skip_ = 1;
      return true;
    }
    stack_.push_back({node, std::move(path)});
    return true;
  }
  bool close() {
    --depth_;
    if (skip_ > 0) --skip_;
    else stack_.pop_back();
    return true;
  }

  int max_depth_;
  int depth_ = 0;
  std::vector<Level> stack_;
  std::string key_;
  int skip_ = 0;               // > 0: inside a dataset's values, at this depth below them
  uint64_t* count_ = nullptr;  // their element count
};

// Pass 2 (SAX): hands each element of the value container at `path` to `element` (array) or
// `member` (object, with its key), in file order, and stops after that container.
class ValueReader {
 public:
  using Element = std::function<void(uint64_t, const json&)>;
  using Member = std::function<void(const std::string&, json)>;
  ValueReader(std::string path, Element element, Member member)
      : target_(std::move(path)), element_(std::move(element)), member_(std::move(member)) {}

  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool b) { return scalar(json(b)); }
  bool number_integer(json::number_integer_t n) { return scalar(json(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return scalar(json(n)); }
  bool number_float(json::number_float_t x, const std::string&) { return scalar(json(x)); }
  bool string(std::string& t) { return scalar(json(std::move(t))); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    if (inside_ <= 1) key_ = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  bool scalar(json v) {
    if (inside_ == 1) deliver(std::move(v));
    return true;
  }
  void deliver(json v) {
    if (array_) {
      if (element_) element_(next_++, v);
    } else if (member_) {
      member_(key_, std::move(v));
    }
  }
  bool open(json::value_t type) {
    if (inside_ > 0) {
      if (inside_ == 1) deliver(json(type));  // a container where a number belongs
      ++inside_;
      return true;
    }
    std::string path = paths_.empty() ? std::string()
                                      : paths_.back().first + '\x1f' +
                                            (paths_.back().second ? std::string("[]") : key_);
    if (path == target_) {
      inside_ = 1;
      array_ = type == json::value_t::array;
      return true;
    }
    paths_.emplace_back(std::move(path), type == json::value_t::array);
    return true;
  }
  bool close() {
    if (inside_ > 0) return --inside_ > 0;  // the values are done: stop reading
    paths_.pop_back();
    return true;
  }

  std::string target_;
  Element element_;
  Member member_;
  std::vector<std::pair<std::string, bool>> paths_;  // open containers: path, is an array
  std::string key_;
  int inside_ = 0;  // depth inside the value container (1 = its elements)
  bool array_ = false;
  uint64_t next_ = 0;
};

// How many categories a dimension lists: its index (array or object), else its labels; a
// dimension without either counts as one category.
bool categories_match(const json* cat, uint64_t size) {
  if (cat && cat->contains("index")) {
    const json& idx = (*cat)["index"];
    return (idx.is_array() || idx.is_object()) && idx.size() == size;
  }
  if (cat && cat->contains("label") && (*cat)["label"].is_object() && (*cat)["label"].size() == size)
    return true;
  return size == 1;
}

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

// A dataset the calculator cannot read: the file is of no kind, and the message says why.
template <class Message>
void fail(ReadContext& ctx, const Message& m) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(0, 0, m);
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
  // Pass 1: the structure (everything but the dataset's values, which are only counted).
  const int max_depth = ctx.limits.max_json_depth;
  StructureReader structure(max_depth);
  json::sax_parse(text, &structure);
  if (structure.too_deep) {
    fail(ctx, msg::JsonstatTooDeep{max_depth});
    return;
  }
  if (!structure.error.empty()) {
    fail(ctx, msg::JsonstatInvalid{structure.error});
    return;
  }
  if (structure.duplicate) {
    fail(ctx, msg::JsonstatKeyTwice{structure.duplicate_key, structure.duplicate_path});
    return;
  }
  json& root = structure.root;
  std::string value_path = path_of({"value"});
  const json* ds = &root;
  if (ds->is_object() && !ds->contains("id") && ds->contains("dataset")) {
    const json& inner = (*ds)["dataset"];
    if (inner.is_object() && !inner.empty()) {
      const bool direct = inner.contains("dimension");
      ds = direct ? &inner : &inner.begin().value();
      value_path = direct ? path_of({"dataset", "value"}) : path_of({"dataset", inner.begin().key(), "value"});
    }
  }
  auto not_dataset = [&]() { fail(ctx, msg::JsonstatNotDataset{}); };
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
      fail(ctx, msg::JsonstatDimensionUndescribed{d.id});
      return;
    }
    const json& dj = dims_j[d.id];
    d.label = dj.contains("label") ? str(dj["label"]) : d.id;
    const json* cat = dj.contains("category") && dj["category"].is_object() ? &dj["category"] : nullptr;
    // The categories in the file must match `size` before anything is sized by it.
    if (!categories_match(cat, size)) {
      fail(ctx, msg::JsonstatCategoriesMismatch{d.id, size});
      return;
    }
    d.codes.assign(size, std::string());
    d.labels.assign(size, std::string());
    bool index_ok = true;
    if (cat && cat->contains("index")) {
      const json& idx = (*cat)["index"];
      if (idx.is_array()) {
        for (std::size_t i = 0; i < idx.size(); ++i) d.codes[i] = str(idx[i]);
      } else {
        std::vector<bool> taken(size, false);
        for (auto it = idx.begin(); it != idx.end(); ++it) {
          if (!it.value().is_number_integer() && !it.value().is_number_unsigned()) { index_ok = false; continue; }
          int64_t p = it.value().get<int64_t>();
          if (p < 0 || static_cast<uint64_t>(p) >= size) { index_ok = false; continue; }
          if (taken[p]) {
            fail(ctx, msg::JsonstatDuplicateIndex{d.codes[p], it.key(), d.id, p});
            return;
          }
          taken[p] = true;
          d.codes[p] = it.key();
        }
      }
    } else if (cat && cat->contains("label") && (*cat)["label"].is_object() && (*cat)["label"].size() == size) {
      std::size_t i = 0;
      for (auto it = (*cat)["label"].begin(); it != (*cat)["label"].end(); ++it) d.codes[i++] = it.key();
    } else if (size != 1) {
      index_ok = false;
    }
    if (!index_ok) {
      fail(ctx, msg::JsonstatCategoriesMismatch{d.id, size});
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
    fail(ctx, msg::JsonstatNotPopulation{ds_label, join(dim_names)});
    return;
  }
  for (std::size_t k = 0; k < dims.size(); ++k) {
    int kk = static_cast<int>(k);
    if (kk == time_d || kk == geo_d || kk == metric_d || kk == age_d || kk == sex_d) continue;
    if (sizes[k] > 1) {
      fail(ctx, msg::JsonstatUnexpectedDimension{dims[k].id, sizes[k]});
      return;
    }
  }
  ctx.out.kind = FileKind::Population;

  const json& values = (*ds)["value"];
  const json* status = ds->contains("status") ? &(*ds)["status"] : nullptr;
  auto counted = structure.values.find(value_path);
  const uint64_t value_count = counted != structure.values.end() ? counted->second : values.size();
  if (overflow || (values.is_array() && value_count != total)) {
    fail(ctx, msg::JsonstatValueCount{value_count, total});
    return;
  }
  if (!values.is_array() && !values.is_object()) {
    not_dataset();
    return;
  }

  PopulationAccumulator acc;
  PopulationRegions regions;
  // Per (region category, time category): the code kept (nullopt: none).
  std::unordered_map<uint64_t, std::optional<std::string>> region_cache;
  int64_t missing = 0;
  uint64_t missing_first = 0;  // its index
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

  // Per category, once: its year, and whether it is the total of age or sex.
  std::vector<std::optional<int>> year_at(sizes[time_d]);
  for (std::size_t p = 0; p < year_at.size(); ++p) {
    year_at[p] = find_year(dims[time_d].codes[p]);
    if (!year_at[p]) year_at[p] = find_year(dims[time_d].labels[p]);
  }
  std::vector<bool> age_total_at, sex_total_at;
  if (age_d >= 0)
    for (std::size_t p = 0; p < sizes[age_d]; ++p) {
      const std::string& l = dims[age_d].labels[p];
      const std::string& c = dims[age_d].codes[p];
      age_total_at.push_back(l.empty() ? is_total_age(c) : (is_total_age(l) || normalise_name(c) == "999d"));
    }
  if (sex_d >= 0)
    for (std::size_t p = 0; p < sizes[sex_d]; ++p) {
      const std::string& l = dims[sex_d].labels[p];
      sex_total_at.push_back(l.empty() ? is_total_sex(dims[sex_d].codes[p]) : is_total_sex(l));
    }
  std::vector<uint64_t> pos(dims.size());
  auto locate = [&](uint64_t i) {  // pos := the categories of the value at index i
    for (std::size_t k = dims.size(); k-- > 0;) {
      pos[k] = i % sizes[k];
      i /= sizes[k];
    }
  };

  auto one = [&](uint64_t i, const json& v) {
    locate(i);
    if (metric_d >= 0 && static_cast<int>(pos[metric_d]) != metric_pos) return;
    ++ctx.out.rows;
    if (v.is_null() || (v.is_string() && parse_decimal(v.get<std::string>(), true).status != NumberStatus::Ok)) {
      if (missing++ == 0) missing_first = i;
      return;
    }
    // Year.
    const std::string& tcode = dims[time_d].codes[pos[time_d]];
    const std::optional<int> year = year_at[pos[time_d]];
    if (!year) {
      ctx.report(0, 0, msg::JsonstatYearInvalid{tcode});
      return;
    }
    // Region.
    const uint64_t region_key = pos[geo_d] * sizes[time_d] + pos[time_d];  // < total
    auto found = region_cache.find(region_key);
    if (found == region_cache.end()) {
      const std::string& code = dims[geo_d].codes[pos[geo_d]];
      const std::string& label = dims[geo_d].labels[pos[geo_d]];
      std::string text = code;
      if (!label.empty() && !starts_with(label, code)) text = code + " " + label;
      else if (!label.empty()) text = label;
      found = region_cache.emplace(region_key, regions.resolve(ctx, text, *year, 0, 0)).first;
    }
    if (!found->second) return;
    const std::string& code = *found->second;
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
      ctx.report(0, 0, msg::JsonstatNotInteger{[&] { return v.dump(); }, [&] { return describe(pos); }});
      return;
    }
    if (n < 0) {
      ctx.report(0, 0, msg::JsonstatNegative{n, [&] { return describe(pos); }});
      return;
    }
    static const std::string none;
    const bool age_total = age_d < 0 || age_total_at[pos[age_d]];
    const bool sex_total = sex_d < 0 || sex_total_at[pos[sex_d]];
    const std::string& age_key = age_d >= 0 ? dims[age_d].codes[pos[age_d]] : none;
    const std::string& sex_key = sex_d >= 0 ? dims[sex_d].codes[pos[sex_d]] : none;
    switch (acc.add(code, *year, age_total, sex_total, age_key, sex_key, n, 0)) {
      case PopulationAccumulator::Added::Yes: break;
      case PopulationAccumulator::Added::Duplicate:
        ctx.report(0, 0, msg::JsonstatPopulationDuplicate{code, *year, [&] { return describe(pos); }});
        break;
      case PopulationAccumulator::Added::Overflow:
        report_population_overflow(ctx, code, *year, std::to_string(n), 0, 0);
        break;
    }
  };

  // Pass 2: the values, streamed to `one` in position order.
  if (values.is_array()) {
    ValueReader reader(value_path, [&](uint64_t i, const json& v) { one(i, v); }, nullptr);
    json::sax_parse(text, &reader);
  } else {
    // Sparse: {"position": value}; kept compactly, then taken in position order.
    std::vector<std::pair<uint64_t, json>> sparse;
    ValueReader reader(value_path, nullptr, [&](const std::string& k, json v) {
      if (!all_digits(k) || k.empty() || k.size() > 15 || std::stoull(k) >= total) { ++bad_index; return; }
      sparse.emplace_back(std::stoull(k), std::move(v));
    });
    json::sax_parse(text, &reader);
    std::stable_sort(sparse.begin(), sparse.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    int64_t repeated = 0;
    uint64_t repeated_first = 0;
    for (std::size_t k = 0; k < sparse.size(); ++k) {
      if (k > 0 && sparse[k].first == sparse[k - 1].first) {
        if (repeated++ == 0) repeated_first = sparse[k].first;
        continue;
      }
      one(sparse[k].first, sparse[k].second);
    }
    if (repeated) {
      ctx.report(0, 0, msg::JsonstatDuplicateKey{repeated, repeated_first});
    }
    if (bad_index) {
      ctx.report(0, 0, msg::JsonstatOutsideDataset{bad_index, total ? total - 1 : 0});
    }
  }
  if (missing) {
    ctx.report(0, 0, msg::JsonstatMissingValues{missing, [&] {
                 locate(missing_first);
                 const std::string st = status_at(missing_first);
                 return describe(pos) + (st.empty() ? "" : " (" + st + ")");
               }});
  }
  regions.finish(ctx);
  acc.finish(ctx);
}

}  // namespace arsverk::detail
