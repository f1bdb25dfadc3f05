#include "reader_jsonstat.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

#include "messages/wording.hpp"
#include "population_regions.hpp"
#include "population_sums.hpp"
#include "row_labels.hpp"
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

// A dataset the calculator cannot read: the file is of no kind, and the message says why.
template <class Message>
void fail(ReadContext& ctx, const Message& m) {
  ctx.out.kind = FileKind::Unknown;
  ctx.report(0, 0, m);
}

// What the stages find: the dataset, its dimensions and the roles they play.
struct Dataset {
  const json* node = nullptr;
  std::string value_path;  // of its "value" in the file, for the second pass
  std::string label;
  std::vector<Dim> dims;
  std::vector<uint64_t> sizes;
  uint64_t total = 1;  // the product of the sizes
  bool overflow = false;
};

struct Roles {
  int time_d = -1, geo_d = -1, metric_d = -1, age_d = -1, sex_d = -1;
  int metric_pos = -1;  // the population's category in the contents dimension
};

// 1. The dataset: pass 1 over the file (the structure; the values only counted), then where the
// dataset sits in it. Null when the file is not one (reported).
const json* locate_dataset(ReadContext& ctx, const std::string& text, StructureReader& structure,
                           std::string& value_path) {
  const int max_depth = ctx.limits.max_json_depth;
  json::sax_parse(text, &structure);
  if (structure.too_deep) {
    fail(ctx, msg::JsonstatTooDeep{max_depth});
    return nullptr;
  }
  if (!structure.error.empty()) {
    fail(ctx, msg::JsonstatInvalid{structure.error});
    return nullptr;
  }
  if (structure.duplicate) {
    fail(ctx, msg::JsonstatKeyTwice{structure.duplicate_key, structure.duplicate_path});
    return nullptr;
  }
  value_path = path_of({"value"});
  const json* dataset = &structure.root;
  if (dataset->is_object() && !dataset->contains("id") && dataset->contains("dataset")) {
    const json& inner = (*dataset)["dataset"];
    if (inner.is_object() && !inner.empty()) {
      const bool direct = inner.contains("dimension");
      dataset = direct ? &inner : &inner.begin().value();
      value_path = direct ? path_of({"dataset", "value"}) : path_of({"dataset", inner.begin().key(), "value"});
    }
  }
  if (!dataset->is_object() || !dataset->contains("dimension") || !(*dataset)["dimension"].is_object() ||
      !dataset->contains("value")) {
    fail(ctx, msg::JsonstatNotDataset{});
    return nullptr;
  }
  return dataset;
}

// A dimension's categories, by position: codes from its index (array or object) or its labels,
// then labels. False when they do not match its size (reported).
bool read_categories(ReadContext& ctx, const json* cat, uint64_t size, Dim& d) {
  // The categories in the file must match `size` before anything is sized by it.
  if (!categories_match(cat, size)) {
    fail(ctx, msg::JsonstatCategoriesMismatch{d.id, size});
    return false;
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
          return false;
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
    return false;
  }
  if (cat && cat->contains("label") && (*cat)["label"].is_object()) {
    const json& lab = (*cat)["label"];
    for (std::size_t i = 0; i < size; ++i)
      if (lab.contains(d.codes[i])) d.labels[i] = str(lab[d.codes[i]]);
  }
  return true;
}

// 2. The dimensions: "id" and "size" (in the dataset or, JSON-stat 1.x, under "dimension"), and
// each dimension's categories. False when they do not make a dataset (reported).
bool read_dimensions(ReadContext& ctx, Dataset& data) {
  const json& dataset = *data.node;
  const json& dimension = dataset["dimension"];
  const json* ids = dataset.contains("id") ? &dataset["id"] : (dimension.contains("id") ? &dimension["id"] : nullptr);
  const json* sizes = dataset.contains("size") ? &dataset["size"] : (dimension.contains("size") ? &dimension["size"] : nullptr);
  if (!ids || !sizes || !ids->is_array() || !sizes->is_array() || ids->size() != sizes->size() || ids->empty()) {
    fail(ctx, msg::JsonstatNotDataset{});
    return false;
  }
  data.label = dataset.contains("label") ? str(dataset["label"]) : std::string();
  for (std::size_t k = 0; k < ids->size(); ++k) {
    Dim d;
    d.id = str((*ids)[k]);
    const json& size_json = (*sizes)[k];
    if (!size_json.is_number_unsigned() && !(size_json.is_number_integer() && size_json.get<int64_t>() >= 0)) {
      fail(ctx, msg::JsonstatNotDataset{});
      return false;
    }
    uint64_t size = size_json.get<uint64_t>();
    data.sizes.push_back(size);
    if (size != 0 && data.total > (uint64_t(1) << 40) / size) data.overflow = true;
    data.total *= size;
    if (!dimension.contains(d.id) || !dimension[d.id].is_object()) {
      fail(ctx, msg::JsonstatDimensionUndescribed{d.id});
      return false;
    }
    const json& described = dimension[d.id];
    d.label = described.contains("label") ? str(described["label"]) : d.id;
    const json* cat = described.contains("category") && described["category"].is_object() ? &described["category"] : nullptr;
    if (!read_categories(ctx, cat, size, d)) return false;
    data.dims.push_back(std::move(d));
  }
  return true;
}

// 3. The roles: which dimension is the time, the region, the contents, age and sex (by the
// dataset's "role", else by name), and which content is the population.
Roles find_roles(const Dataset& data) {
  const json& dataset = *data.node;
  const std::vector<Dim>& dims = data.dims;
  auto role_dim = [&](const char* role) -> int {
    if (!dataset.contains("role") || !dataset["role"].is_object()) return -1;
    const json& roles = dataset["role"];
    if (!roles.contains(role) || !roles[role].is_array() || roles[role].empty()) return -1;
    std::string id = str(roles[role][0]);
    for (std::size_t k = 0; k < dims.size(); ++k)
      if (dims[k].id == id) return static_cast<int>(k);
    return -1;
  };
  auto named_dim = [&](std::initializer_list<const char*> names) -> int {
    for (std::size_t k = 0; k < dims.size(); ++k)
      if (is_one_of(normalise_name(dims[k].id), names)) return static_cast<int>(k);
    return -1;
  };
  Roles roles;
  roles.time_d = role_dim("time");
  if (roles.time_d < 0) roles.time_d = named_dim({"tid", "time", "year", "aar"});
  roles.geo_d = role_dim("geo");
  if (roles.geo_d < 0) roles.geo_d = named_dim({"region", "geo", "kommune", "bydel", "fylke", "kommunenummer"});
  roles.metric_d = role_dim("metric");
  if (roles.metric_d < 0) roles.metric_d = named_dim({"contentscode", "statistikkvariabel", "contents"});
  roles.age_d = named_dim({"alder", "age"});
  roles.sex_d = named_dim({"kjonn", "sex"});
  if (roles.metric_d >= 0) {
    const Dim& metric = dims[roles.metric_d];
    for (std::size_t i = 0; i < metric.codes.size(); ++i)
      if (population_word(normalise_name(metric.codes[i])) || population_word(normalise_name(metric.labels[i]))) {
        roles.metric_pos = static_cast<int>(i);
        break;
      }
  }
  return roles;
}

// 4. The population check: a population by region and year, summed over nothing but age and
// sex, with as many values as the sizes give. False otherwise (reported).
bool check_population(ReadContext& ctx, const Dataset& data, const Roles& roles,
                      const StructureReader& structure) {
  const std::vector<Dim>& dims = data.dims;
  const bool population = roles.metric_d >= 0
                              ? roles.metric_pos >= 0
                              : population_word(normalise_name(data.label)) || data.label.empty();
  if (!population || roles.geo_d < 0 || roles.time_d < 0) {
    std::vector<std::string> dim_names;
    for (const auto& d : dims) dim_names.push_back(d.id);
    fail(ctx, msg::JsonstatNotPopulation{data.label, dim_names});
    return false;
  }
  for (std::size_t k = 0; k < dims.size(); ++k) {
    const int dim = static_cast<int>(k);
    if (dim == roles.time_d || dim == roles.geo_d || dim == roles.metric_d || dim == roles.age_d ||
        dim == roles.sex_d)
      continue;
    if (data.sizes[k] > 1) {
      fail(ctx, msg::JsonstatUnexpectedDimension{dims[k].id, data.sizes[k]});
      return false;
    }
  }
  ctx.out.kind = FileKind::Population;

  const json& values = (*data.node)["value"];
  auto counted = structure.values.find(data.value_path);
  const uint64_t value_count = counted != structure.values.end() ? counted->second : values.size();
  if (data.overflow || (values.is_array() && value_count != data.total)) {
    fail(ctx, msg::JsonstatValueCount{value_count, data.total});
    return false;
  }
  if (!values.is_array() && !values.is_object()) {
    fail(ctx, msg::JsonstatNotDataset{});
    return false;
  }
  return true;
}

// Takes the dataset's values one by one, in position order, into the population sums: the
// year, the region and the number of each, age and sex totals told apart. Its messages about
// single values are made only when kept; finish() adds the summary.
class ValueSink {
 public:
  ValueSink(ReadContext& ctx, const Dataset& data, const Roles& roles)
      : ctx_(ctx), roles_(roles), dims_(data.dims), sizes_(data.sizes),
        status_((*data.node).contains("status") ? &(*data.node)["status"] : nullptr), pos_(dims_.size()) {
    category_tables();
  }

  void take(uint64_t i, const json& v);
  void finish();

 private:
  void category_tables();
  void locate(uint64_t i);  // pos_ := the categories of the value at index i
  std::string status_at(uint64_t i) const;
  std::string describe() const;  // where the value at pos_ sits: its categories
  const std::optional<std::string>& region(int year);
  static std::optional<int64_t> whole_number(const json& v);

  ReadContext& ctx_;
  const Roles& roles_;
  const std::vector<Dim>& dims_;
  const std::vector<uint64_t>& sizes_;
  const json* status_;
  std::vector<uint64_t> pos_;
  // Per category, once: its year, and whether it is the total of age or sex.
  std::vector<std::optional<int>> year_at;
  std::vector<bool> age_total_at, sex_total_at;
  std::vector<uint32_t> age_id_at, sex_id_at;  // the accumulator's ids: code as key, label as written
  uint32_t no_age = 0, no_sex = 0;
  PopulationAccumulator acc;
  PopulationRegions regions;
  // Per (region category, time category): the code kept (nullopt: none).
  std::unordered_map<uint64_t, std::optional<std::string>> region_cache;
  int64_t missing = 0;
  uint64_t missing_first = 0;  // its index
};

void ValueSink::category_tables() {
  const int time_d = roles_.time_d, age_d = roles_.age_d, sex_d = roles_.sex_d;
  const std::vector<Dim>& dims = dims_;
  const std::vector<uint64_t>& sizes = sizes_;
  year_at.assign(sizes[time_d], std::nullopt);
  for (std::size_t p = 0; p < year_at.size(); ++p) {
    year_at[p] = find_year(dims[time_d].codes[p]);
    if (!year_at[p]) year_at[p] = find_year(dims[time_d].labels[p]);
  }
  if (age_d >= 0)
    for (std::size_t p = 0; p < sizes[age_d]; ++p) {
      const std::string& label = dims[age_d].labels[p];
      const std::string& code = dims[age_d].codes[p];
      age_total_at.push_back(label.empty() ? is_total_age(code)
                                           : (is_total_age(label) || normalise_name(code) == "999d"));
      age_id_at.push_back(acc.age_id(code, label));
    }
  if (sex_d >= 0)
    for (std::size_t p = 0; p < sizes[sex_d]; ++p) {
      const std::string& label = dims[sex_d].labels[p];
      const std::string& code = dims[sex_d].codes[p];
      sex_total_at.push_back(label.empty() ? is_total_sex(code) : is_total_sex(label));
      sex_id_at.push_back(acc.sex_id(code, label));
    }
  no_age = acc.age_id({});
  no_sex = acc.sex_id({});
  acc.name_dimensions(age_d >= 0 ? dims[age_d].label : std::string(), 0,
                      sex_d >= 0 ? dims[sex_d].label : std::string(), 0);
}

void ValueSink::locate(uint64_t i) {
  for (std::size_t k = dims_.size(); k-- > 0;) {
    pos_[k] = i % sizes_[k];
    i /= sizes_[k];
  }
}

std::string ValueSink::status_at(uint64_t i) const {
  if (!status_) return {};
  if (status_->is_string()) return status_->get<std::string>();
  if (status_->is_array()) return i < status_->size() ? str((*status_)[i]) : std::string();
  if (status_->is_object()) {
    std::string key = std::to_string(i);
    return status_->contains(key) ? str((*status_)[key]) : std::string();
  }
  return {};
}

std::string ValueSink::describe() const {
  std::vector<std::string> parts;
  for (std::size_t k = 0; k < dims_.size(); ++k)
    if (sizes_[k] > 1)
      parts.push_back(dims_[k].labels[pos_[k]].empty() ? dims_[k].codes[pos_[k]] : dims_[k].labels[pos_[k]]);
  return join(parts, " / ");
}

const std::optional<std::string>& ValueSink::region(int year) {
  const int geo_d = roles_.geo_d, time_d = roles_.time_d;
  const uint64_t region_key = pos_[geo_d] * sizes_[time_d] + pos_[time_d];  // < total
  auto found = region_cache.find(region_key);
  if (found == region_cache.end()) {
    const std::string& code = dims_[geo_d].codes[pos_[geo_d]];
    const std::string& label = dims_[geo_d].labels[pos_[geo_d]];
    std::string text = code;
    if (!label.empty() && !starts_with(label, code)) text = code + " " + label;
    else if (!label.empty()) text = label;
    found = region_cache.emplace(region_key, regions.resolve(ctx_, text, year, 0, 0)).first;
  }
  return found->second;
}

std::optional<int64_t> ValueSink::whole_number(const json& v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return v.get<int64_t>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<int64_t>(d);
  } else if (v.is_string()) {
    ParsedNumber p = parse_decimal(v.get<std::string>(), true);
    if (p.status == NumberStatus::Ok && p.value.micro() % Fixed::kScale == 0) return p.value.micro() / Fixed::kScale;
  }
  return std::nullopt;
}

void ValueSink::take(uint64_t i, const json& v) {
  const int time_d = roles_.time_d, metric_d = roles_.metric_d, age_d = roles_.age_d, sex_d = roles_.sex_d;
  locate(i);
  if (metric_d >= 0 && static_cast<int>(pos_[metric_d]) != roles_.metric_pos) return;
  ++ctx_.out.rows;
  if (v.is_null() || (v.is_string() && parse_decimal(v.get<std::string>(), true).status != NumberStatus::Ok)) {
    if (missing++ == 0) missing_first = i;
    return;
  }
  const std::optional<int> year = year_at[pos_[time_d]];
  if (!year) {
    ctx_.report(0, 0, msg::JsonstatYearInvalid{dims_[time_d].codes[pos_[time_d]]});
    return;
  }
  const std::optional<std::string>& region_code = region(*year);
  if (!region_code) return;
  const std::string& code = *region_code;
  const std::optional<int64_t> number = whole_number(v);
  if (!number) {
    ctx_.report(0, 0, msg::JsonstatNotInteger{[&] { return v.dump(); }, [&] { return describe(); }});
    return;
  }
  const int64_t n = *number;
  if (n < 0) {
    ctx_.report(0, 0, msg::JsonstatNegative{n, [&] { return describe(); }});
    return;
  }
  const bool age_total = age_d < 0 || age_total_at[pos_[age_d]];
  const bool sex_total = sex_d < 0 || sex_total_at[pos_[sex_d]];
  const uint32_t age_id = age_d >= 0 ? age_id_at[pos_[age_d]] : no_age;
  const uint32_t sex_id = sex_d >= 0 ? sex_id_at[pos_[sex_d]] : no_sex;
  switch (acc.add(code, *year, age_total, sex_total, age_id, sex_id, n, 0)) {
    case PopulationAccumulator::Added::Yes: break;
    case PopulationAccumulator::Added::Duplicate:
      ctx_.report(0, 0, msg::JsonstatPopulationDuplicate{code, *year, [&] { return describe(); }});
      break;
    case PopulationAccumulator::Added::Overflow:
      report_population_overflow(ctx_, code, *year, std::to_string(n), 0, 0);
      break;
  }
}

// 6. The summary: the missing values in one message, then the regions' and the sums' own.
void ValueSink::finish() {
  if (missing) {
    ctx_.report(0, 0, msg::JsonstatMissingValues{missing, [&] {
                  locate(missing_first);
                  const std::string status = status_at(missing_first);
                  return describe() + (status.empty() ? "" : " (" + status + ")");
                }});
  }
  regions.finish(ctx_);
  acc.finish(ctx_);
}

// 5. The values: pass 2 over the file, streaming them into the sink in position order. A
// sparse dataset ({"position": value}) is kept compactly and sorted first.
void stream_values(ReadContext& ctx, const std::string& text, const Dataset& data, ValueSink& sink) {
  if ((*data.node)["value"].is_array()) {
    ValueReader reader(data.value_path, [&](uint64_t i, const json& v) { sink.take(i, v); }, nullptr);
    json::sax_parse(text, &reader);
    return;
  }
  std::vector<std::pair<uint64_t, json>> sparse;
  int64_t bad_index = 0;
  ValueReader reader(data.value_path, nullptr, [&](const std::string& k, json v) {
    if (!all_digits(k) || k.empty() || k.size() > 15 || std::stoull(k) >= data.total) { ++bad_index; return; }
    sparse.emplace_back(std::stoull(k), std::move(v));
  });
  json::sax_parse(text, &reader);
  std::stable_sort(sparse.begin(), sparse.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  int64_t repeated = 0;
  uint64_t repeated_first = 0;
  for (std::size_t k = 0; k < sparse.size(); ++k) {
    if (k > 0 && sparse[k].first == sparse[k - 1].first) {
      if (repeated++ == 0) repeated_first = sparse[k].first;
      continue;
    }
    sink.take(sparse[k].first, sparse[k].second);
  }
  if (repeated) ctx.report(0, 0, msg::JsonstatDuplicateKey{repeated, repeated_first});
  if (bad_index) ctx.report(0, 0, msg::JsonstatOutsideDataset{bad_index, data.total ? data.total - 1 : 0});
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
  Dataset data;
  StructureReader structure(ctx.limits.max_json_depth);
  // 1. Locate the dataset.
  data.node = locate_dataset(ctx, text, structure, data.value_path);
  if (!data.node) return;
  // 2. Its dimensions and their categories.
  if (!read_dimensions(ctx, data)) return;
  // 3. The roles they play.
  const Roles roles = find_roles(data);
  // 4. Is it a population we can sum?
  if (!check_population(ctx, data, roles, structure)) return;
  // 5. Stream the values into the population sums.
  ValueSink sink(ctx, data, roles);
  stream_values(ctx, text, data, sink);
  // 6. The summary.
  sink.finish();
}

}  // namespace arsverk::detail
