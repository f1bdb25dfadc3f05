#include "population_sums.hpp"

#include <algorithm>

#include "arsverk/registers.hpp"
#include "text.hpp"

namespace arsverk::detail {

uint32_t PopulationAccumulator::combo_id(uint32_t age, uint32_t sex) {
  if (age == LabelIds::kFull || sex == LabelIds::kFull) return LabelIds::kFull;
  const bool small = age < kSmallAges && sex < kSmallSexes;
  if (small) {
    if (small_combos_.empty()) small_combos_.assign(kSmallAges * kSmallSexes, 0);
    if (const uint32_t known = small_combos_[age * kSmallSexes + sex]) return known - 1;
  }
  const uint64_t pair = (uint64_t(age) << 32) | sex;
  auto it = combo_ids_.find(pair);
  if (it == combo_ids_.end()) {
    // Pathologically many distinct labels: stop checking new ones rather than grow without bound.
    if (combo_ids_.size() >= (1u << 16)) return LabelIds::kFull;
    it = combo_ids_.emplace(pair, static_cast<uint32_t>(combo_ids_.size())).first;
  }
  if (small) small_combos_[age * kSmallSexes + sex] = it->second + 1;
  return it->second;
}

namespace {

void keep_label(std::vector<std::string>& labels, uint32_t id, std::string_view key,
                std::string_view label) {
  if (id == LabelIds::kFull || id < labels.size()) return;
  labels.resize(id + 1);
  labels[id] = std::string(label.empty() ? key : label);
}

}  // namespace

uint32_t PopulationAccumulator::age_id(std::string_view age_key, std::string_view label) {
  const uint32_t id = ages_.id(age_key);
  keep_label(age_detail_.labels, id, age_key, label);
  return id;
}

uint32_t PopulationAccumulator::sex_id(std::string_view sex_key, std::string_view label) {
  const uint32_t id = sexes_.id(sex_key);
  keep_label(sex_detail_.labels, id, sex_key, label);
  return id;
}

void PopulationAccumulator::name_dimensions(std::string age, int age_column, std::string sex,
                                            int sex_column) {
  age_detail_.dimension = std::move(age);
  age_detail_.column = age_column;
  sex_detail_.dimension = std::move(sex);
  sex_detail_.column = sex_column;
}

void PopulationAccumulator::Detail::note(uint32_t id, int64_t line) {
  if (id == LabelIds::kFull) {
    unlabelled = true;
    return;
  }
  if (summed.size() <= id) summed.resize(id + 1, false);
  summed[id] = true;
  if (first_line == 0 || (line > 0 && line < first_line)) first_line = line;
}

PopulationAccumulator::Added PopulationAccumulator::add(const std::string& code, int year,
                                                        bool age_total, bool sex_total,
                                                        std::string_view age_key,
                                                        std::string_view sex_key, int64_t value,
                                                        int64_t line) {
  const uint32_t age = age_id(age_key);
  return add(code, year, age_total, sex_total, age, sex_id(sex_key), value, line);
}

PopulationAccumulator::Added PopulationAccumulator::add(const std::string& code, int year,
                                                        bool age_total, bool sex_total,
                                                        uint32_t age_id, uint32_t sex_id,
                                                        int64_t value, int64_t line) {
  return add(regions_.id(code), year, age_total, sex_total, age_id, sex_id, value, line);
}

PopulationAccumulator::Added PopulationAccumulator::add(uint32_t region, int year, bool age_total,
                                                        bool sex_total, uint32_t age_id,
                                                        uint32_t sex_id, int64_t value,
                                                        int64_t line) {
  // The file's selection of ages and sexes, whether or not this figure is kept.
  if (!age_total) age_detail_.note(age_id, line);
  if (!sex_total) sex_detail_.note(sex_id, line);
  const uint32_t combo = combo_id(age_id, sex_id);
  const std::size_t at = std::size_t(region) * kYears + static_cast<std::size_t>(year - kFirstYear);
  if (slot_.size() <= at) slot_.resize((std::size_t(region) + 1) * kYears, -1);
  if (slot_[at] < 0) {
    slot_[at] = static_cast<int32_t>(cells_.size());
    cells_.emplace_back();
    cells_.back().region = region;
    cells_.back().year = year;
  }
  Cell& cell = cells_[slot_[at]];
  uint64_t* seen_word = nullptr;
  uint64_t bit = 0;
  if (combo != LabelIds::kFull) {
    if (cell.seen.size() <= combo / 64) cell.seen.resize(combo / 64 + 1, 0);
    seen_word = &cell.seen[combo / 64];
    bit = uint64_t(1) << (combo % 64);
    if (*seen_word & bit) return Added::Duplicate;
  }
  int64_t sum;
  if (__builtin_add_overflow(cell.sum[age_total][sex_total], value, &sum) || sum > kMaxPopulation)
    return Added::Overflow;
  if (seen_word) *seen_word |= bit;
  if (cell.line == 0 || (line > 0 && line < cell.line)) cell.line = line;
  cell.sum[age_total][sex_total] = sum;
  cell.has[age_total][sex_total] = true;
  return Added::Yes;
}

void PopulationAccumulator::finish(ReadContext& ctx) {
  std::vector<const Cell*> order;
  order.reserve(cells_.size());
  for (const Cell& c : cells_) order.push_back(&c);
  std::sort(order.begin(), order.end(), [&](const Cell* a, const Cell* b) {
    const std::string &ca = regions_.label(a->region), &cb = regions_.label(b->region);
    return ca != cb ? ca < cb : a->year < b->year;
  });
  std::optional<bool> ages_whole, sexes_whole;  // judged once, when first needed
  for (const Cell* c : order) {
    const Cell& cell = *c;
    const std::pair<std::string, int> key{regions_.label(cell.region), cell.year};
    int64_t value = 0;
    bool found = false;
    const int buckets[4][2] = {{1, 1}, {1, 0}, {0, 1}, {0, 0}};
    for (const auto& o : buckets) {
      if (cell.has[o[0]][o[1]]) {
        value = cell.sum[o[0]][o[1]];
        found = true;
        // Summed over ages (o[0] == 0) or sexes (o[1] == 0): only if they are all there.
        if (o[0] == 0 && !ages_whole) ages_whole = whole_ages(ctx);
        if (o[1] == 0 && !sexes_whole) sexes_whole = whole_sexes(ctx);
        if ((o[0] == 0 && !*ages_whole) || (o[1] == 0 && !*sexes_whole)) found = false;
        break;
      }
    }
    if (!found) continue;
    if (value <= 0) {
      ctx.report(cell.line, 0, msg::PopulationZero{key.first, key.second});
      continue;
    }
    ctx.out.population[key] = value;
    ctx.out.population_line[key] = cell.line;
  }
}

namespace {

// An age as SSB labels it: "0 år", "1 year", "105 år eller eldre", "105+", "20-66 år",
// "0 - 17 years", "Under 1 år", "000" (a code). Nothing when the label says otherwise.
struct AgeSpan {
  int from = 0, to = 0;
  bool open = false;  // "or older"
};

std::optional<AgeSpan> age_span(std::string_view label) {
  const std::string lower = lower_ascii(label);
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // start, end of each digit run
  for (std::size_t i = 0; i < lower.size();) {
    if (!is_digit(lower[i])) { ++i; continue; }
    std::size_t j = i;
    while (j < lower.size() && is_digit(lower[j])) ++j;
    if (j - i > 3) return std::nullopt;
    runs.emplace_back(i, j);
    i = j;
  }
  if (runs.empty() || runs.size() > 2) return std::nullopt;
  auto number = [&](std::size_t k) { return std::stoi(lower.substr(runs[k].first, runs[k].second - runs[k].first)); };
  AgeSpan span;
  span.from = span.to = number(0);
  for (const char* w : {"+", "eldre", "older", "over", "eller mer", "or more", "og mer", "and more"})
    if (lower.find(w) != std::string::npos) span.open = true;
  if (runs.size() == 1 && lower.find("under") != std::string::npos) {  // "Under 1 år"
    if (span.from == 0) return std::nullopt;
    span.from = 0;
    span.to -= 1;
    span.open = false;
  }
  if (runs.size() == 2) {
    const std::string between = lower.substr(runs[0].second, runs[1].first - runs[0].second);
    const bool dash = between.find('-') != std::string::npos || between.find("\xE2\x80\x93") != std::string::npos;
    if (dash) span.to = number(1);
    else if (number(1) != span.from) return std::nullopt;  // "000 0 år": code and label
  }
  if (span.to < span.from) return std::nullopt;
  return span;
}

enum class SexLabel { Male, Female, Unknown };

SexLabel sex_of(std::string_view label) {
  const std::string n = normalise_name(label);
  if (n.find("kvinne") != std::string::npos || n.find("female") != std::string::npos ||
      n.find("woman") != std::string::npos || n.find("women") != std::string::npos || n == "k" ||
      n == "f" || n == "2")
    return SexLabel::Female;
  if (n.find("menn") != std::string::npos || n.find("mann") != std::string::npos ||
      n.find("male") != std::string::npos || ends_with(n, "men") || n == "m" || n == "1")
    return SexLabel::Male;
  return SexLabel::Unknown;
}

}  // namespace

bool PopulationAccumulator::whole_ages(ReadContext& ctx) {
  if (age_detail_.unlabelled) return true;
  std::vector<AgeSpan> spans;
  for (std::size_t id = 0; id < age_detail_.summed.size(); ++id) {
    if (!age_detail_.summed[id]) continue;
    auto span = age_span(id < age_detail_.labels.size() ? age_detail_.labels[id] : std::string());
    if (!span) return true;  // a label we cannot read as ages: no judgement
    spans.push_back(*span);
  }
  if (spans.empty()) return true;
  std::sort(spans.begin(), spans.end(), [](const AgeSpan& a, const AgeSpan& b) { return a.from < b.from; });
  // The ages present, merged: "20–66 år", "0–17 år".
  std::vector<AgeSpan> merged;
  for (const AgeSpan& s : spans) {
    if (!merged.empty() && !merged.back().open && s.from <= merged.back().to + 1) {
      merged.back().to = std::max(merged.back().to, s.to);
      merged.back().open = merged.back().open || s.open;
    } else if (merged.empty() || !merged.back().open) {
      merged.push_back(s);
    }
  }
  if (merged.size() == 1 && merged[0].from == 0 && merged[0].open) return true;
  std::vector<msg::PopulationPartialAges::Span> present;
  for (const AgeSpan& s : merged) present.push_back({s.from, s.to, s.open});
  ctx.report(age_detail_.first_line, age_detail_.column, msg::PopulationPartialAges{present, age_detail_.dimension});
  return false;
}

bool PopulationAccumulator::whole_sexes(ReadContext& ctx) {
  if (sex_detail_.unlabelled) return true;
  bool male = false, female = false;
  std::vector<std::string> present;
  for (std::size_t id = 0; id < sex_detail_.summed.size(); ++id) {
    if (!sex_detail_.summed[id]) continue;
    const std::string label = id < sex_detail_.labels.size() ? sex_detail_.labels[id] : std::string();
    switch (sex_of(label)) {
      case SexLabel::Male: male = true; break;
      case SexLabel::Female: female = true; break;
      case SexLabel::Unknown: return true;  // a label we cannot read as a sex: no judgement
    }
    present.push_back(label);
  }
  if (present.empty() || (male && female)) return true;
  ctx.report(sex_detail_.first_line, sex_detail_.column, msg::PopulationPartialSexes{present, sex_detail_.dimension});
  return false;
}

void report_population_overflow(ReadContext& ctx, const std::string& code, int year,
                                std::string_view value, int64_t line, int column) {
  ctx.report(line, column, msg::PopulationOverflow{value, code, year});
}

}  // namespace arsverk::detail
