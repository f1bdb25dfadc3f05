// Sum rows: a row whose figures are the sum of other rows of the same unit and year (over target
// groups or services), or of its members (Oslo's districts, a county's municipalities, all of
// them for the country), is a subtotal, not data: adding it would count every FTE twice. Rows
// are found by their label («Totalt», «Sum», «I alt», read by the readers) and by arithmetic;
// where the two disagree the message says which was used and what to change.
#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "context.hpp"

namespace arsverk::detail {

namespace {

// The values of one unit, year, target group and service, kept apart for labelled rows. Its texts
// are views of the values' own (they outlive the search).
struct Entry {
  std::string_view unit;
  int year = 0;
  TargetGroup group = TargetGroup::Unspecified;
  std::string_view service;
  const SumLabel* label = nullptr;
  int source = 0;
  int64_t line = 0;
  CategoryAmounts amounts{};
  std::vector<std::pair<int, int64_t>> lines;      // distinct (source, line), in reading order
  bool excluded = false;
  bool kept = false;  // labelled, but nothing to be the sum of: used as data
  // Resolved once per entry (resolve_units), not per comparison: its level's rank, and for a
  // municipality or district the county it lies in that year.
  int rank = 4;
  const std::string* county = nullptr;
  std::size_t unit_year = 0;  // its unit and year's place in Finder::by_unit_year
};

int level_rank(std::string_view unit) {
  switch (level_of_code(unit).value_or(Level::KostraGruppe)) {
    case Level::Bydel: return 0;
    case Level::Kommune: return 1;
    case Level::Fylke: return 2;
    case Level::Land: return 3;
    default: return 4;
  }
}

// Each entry's rank, and the county of each municipality and district (Oslo's, for a district).
void resolve_units(const Context& ctx, std::vector<Entry>& entries) {
  for (Entry& e : entries) {
    e.rank = level_rank(e.unit);
    if (e.rank > 1) continue;
    const auto structure = structure_for_year(e.year);
    const Municipality* m = structure ? ctx.registers.municipality(*structure, e.rank == 0 ? std::string_view("0301") : e.unit) : nullptr;
    if (m) e.county = &m->county;
  }
}

int coarseness(const Entry& e) {
  return (e.group == TargetGroup::Unspecified) + e.service.empty();
}

// `outer` covers `inner` in target group and service: the same, or unspecified where the inner
// one is specified.
bool covers_key(const Entry& outer, const Entry& inner) {
  return (outer.group == inner.group || outer.group == TargetGroup::Unspecified) &&
         (outer.service == inner.service || outer.service.empty());
}

bool same_key(const Entry& a, const Entry& b) { return a.group == b.group && a.service == b.service; }

// A unit's members for the arithmetic: Oslo's districts; a county's municipalities (and Oslo's
// districts, for Oslo's county); every municipality and district for the country. Both of the
// same year.
bool member_of(const Entry& unit, const Entry& whole) {
  switch (whole.rank) {
    case 1: return whole.unit == "0301" && unit.rank == 0 && unit.unit.compare(0, 4, "0301") == 0;
    case 2: return unit.county && *unit.county == whole.unit;
    case 3: return unit.rank <= 1;
    default: return false;
  }
}

// M1's numerator from a row's categories: a–e, M1, the disjoint levels, or a total alone.
std::optional<Fixed> first_measure(const CategoryAmounts& a) {
  auto sum = [&](std::initializer_list<Category> cats) -> std::optional<Fixed> {
    std::optional<Fixed> total;
    for (Category c : cats)
      if (a[static_cast<int>(c)]) {
        if (!total) total = Fixed();
        if (!total->add_checked(*a[static_cast<int>(c)])) return std::nullopt;
      }
    return total;
  };
  if (auto s = sum({Category::A, Category::B, Category::C, Category::D, Category::E})) return s;
  if (a[static_cast<int>(Category::M1)]) return a[static_cast<int>(Category::M1)];
  if (auto s = sum({Category::Ingen, Category::AnnenVgs, Category::VgsHelse, Category::HoyUten, Category::HoyMed}))
    return s;
  return a[static_cast<int>(Category::Total)];
}

struct Parts {
  enum Kind { Within, Members, OwnAndMembers } kind = Within;
  std::vector<const Entry*> entries;
  CategoryAmounts sum{};
  bool overflow = false;
};

void add_part(Parts& p, const Entry* e) {
  p.entries.push_back(e);
  p.overflow = !add_categories(p.sum, e->amounts) || p.overflow;
}

bool any_positive(const CategoryAmounts& a) {
  return std::any_of(a.begin(), a.end(), [](const std::optional<Fixed>& v) { return v && *v > Fixed(); });
}

// The row's figures are the parts' sum: category by category, or its one total against theirs.
bool equals_sum(const Entry& e, const Parts& p) {
  if (p.overflow || p.entries.empty()) return false;
  if (e.amounts == p.sum) return true;
  int given = 0;
  for (const auto& v : e.amounts) given += v.has_value();
  const bool one_total = given == 1 && (e.amounts[static_cast<int>(Category::Total)] ||
                                        e.amounts[static_cast<int>(Category::M1)]);
  return one_total && first_measure(e.amounts) == first_measure(p.sum);
}

struct Finder {
  Context& ctx;
  std::vector<Entry>& entries;
  std::vector<std::vector<std::size_t>> by_unit_year;  // the entries of each unit and year (Entry::unit_year)
  std::map<int, std::vector<std::size_t>> by_year;

  // Rows that are data: not left out, and a labelled row only once it was found to be data.
  static bool counts(const Entry& f) { return !f.excluded && (!f.label || f.kept); }

  // The three ways `e` can be a sum: of finer rows of its own unit, of its members' rows, or
  // (Oslo) of both.
  std::vector<Parts> part_sets(const Entry& e) {
    Parts within, members, both;
    within.kind = Parts::Within;
    members.kind = Parts::Members;
    both.kind = Parts::OwnAndMembers;
    for (std::size_t i : by_unit_year[e.unit_year]) {
      const Entry& f = entries[i];
      if (&f == &e || !counts(f) || same_key(e, f) || !covers_key(e, f)) continue;
      add_part(within, &f);
      add_part(both, &f);
    }
    if (e.rank >= 1 && e.rank <= 3 && (e.rank > 1 || e.unit == "0301")) {
      for (std::size_t i : by_year[e.year]) {
        const Entry& f = entries[i];
        if (!member_of(f, e) || !counts(f) || !covers_key(e, f)) continue;
        add_part(members, &f);
        add_part(both, &f);
      }
    }
    const bool mixed = !within.entries.empty() && !members.entries.empty();
    std::vector<Parts> sets;
    for (Parts* p : {&within, &members})
      if (!p->entries.empty()) sets.push_back(std::move(*p));
    if (mixed) sets.push_back(std::move(both));
    return sets;
  }

  std::string lines_text(const Entry& e, const Parts& p, Lang lang) const {
    std::vector<std::pair<int, int64_t>> lines;
    for (const Entry* f : p.entries) lines.insert(lines.end(), f->lines.begin(), f->lines.end());
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    const std::size_t shown = std::min<std::size_t>(lines.size(), 6);
    std::string out;
    bool same_file = std::all_of(lines.begin(), lines.end(), [&](const auto& l) { return l.first == e.source; });
    for (std::size_t i = 0; i < shown; ++i) {
      const bool last = i + 1 == shown && shown == lines.size();
      if (i) out += last ? (lang == Lang::Nb ? " og " : " and ") : ", ";
      out += same_file ? std::to_string(lines[i].second) : ctx.where(lang, lines[i].first, lines[i].second);
    }
    if (shown < lines.size())
      out += (lang == Lang::Nb ? " og " : " and ") + std::to_string(lines.size() - shown) +
             (lang == Lang::Nb ? " til" : " more");
    if (!same_file) return out;
    const bool one = lines.size() == 1;
    if (!ctx.sheet_name(e.source).empty())  // a workbook's sheet: its rows, as Excel numbers them
      return (lang == Lang::Nb ? (one ? "rad " : "radene ") : (one ? "row " : "rows ")) + out;
    return (lang == Lang::Nb ? (one ? "linje " : "linjene ") : (one ? "line " : "lines ")) + out;
  }

  static std::string what_text(const Entry& e, const Parts& p, Lang lang) {
    if (p.kind == Parts::Members)
      return e.unit == "0301" ? (lang == Lang::Nb ? "Oslos bydeler" : "Oslo's districts")
             : e.unit == "0"  ? (lang == Lang::Nb ? "kommunene" : "the municipalities")
                              : (lang == Lang::Nb ? "kommunene i fylket" : "the county's municipalities");
    if (p.kind == Parts::OwnAndMembers)
      return lang == Lang::Nb ? "enhetens egne rader og bydelene" : "the unit's own rows and its districts";
    std::vector<std::string> names;
    for (const Entry* f : p.entries) {
      std::string n;
      if (e.group == TargetGroup::Unspecified && f->group != TargetGroup::Unspecified)
        n = f->group == TargetGroup::Adults ? (lang == Lang::Nb ? "voksne" : "adults")
                                            : (lang == Lang::Nb ? "barn og unge" : "children and young people");
      if (e.service.empty() && !f->service.empty()) {
        if (!n.empty()) n += ", ";
        n += f->service;
      }
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 4; ++i) out += (i ? " + " : "") + names[i];
    if (names.size() > 4) out += " + …";
    return out;
  }

  void decide(Entry& e) {
    const std::vector<Parts> sets = part_sets(e);
    const Parts* equal = nullptr;
    for (const Parts& p : sets)
      if (equals_sum(e, p) && (e.label || (p.entries.size() >= 2 && any_positive(e.amounts)))) {
        equal = &p;
        break;
      }
    if (e.label && !equal && sets.empty()) {
      e.kept = true;
      ctx.message(e.source, e.line, msg::SumLabelWithoutParts{e.label->text, e.unit, e.year}, e.year);
      return;
    }
    if (!e.label && !equal) return;
    e.excluded = true;
    const Parts& p = equal ? *equal : sets.front();
    const std::string lines_nb = lines_text(e, p, Lang::Nb), lines_en = lines_text(e, p, Lang::En);
    const std::string what_nb = what_text(e, p, Lang::Nb), what_en = what_text(e, p, Lang::En);
    if (e.label && equal) {
      ctx.message(e.source, e.line, msg::SumRow{e.label->text, lines_nb, lines_en, what_nb, what_en}, e.year);
    } else if (e.label) {
      ctx.message(e.source, e.line,
                  msg::SumLabelNotSum{e.label->text, lines_nb, lines_en, what_nb, what_en, first_measure(e.amounts),
                                      first_measure(p.sum)},
                  e.year);
    } else {
      const bool no_group = e.group == TargetGroup::Unspecified &&
                            std::any_of(p.entries.begin(), p.entries.end(),
                                        [](const Entry* f) { return f->group != TargetGroup::Unspecified; });
      const auto over = p.kind != Parts::Within ? msg::SumRowByArithmetic::Members
                        : no_group               ? msg::SumRowByArithmetic::Groups
                                                 : msg::SumRowByArithmetic::Services;
      ctx.message(e.source, e.line, msg::SumRowByArithmetic{over, e.unit, e.year, lines_nb, lines_en, what_nb, what_en},
                  e.year);
    }
  }
};

}  // namespace

namespace {

using EntryKey = std::tuple<std::string_view, int, TargetGroup, std::string_view, bool, std::string_view>;
struct EntryKeyHash {
  std::size_t operator()(const EntryKey& k) const {
    const auto& [unit, year, group, service, labelled, label] = k;
    std::size_t h = std::hash<std::string_view>{}(unit);
    for (std::size_t part : {std::hash<int>{}(year), static_cast<std::size_t>(group), std::hash<std::string_view>{}(service),
                             std::size_t{labelled}, std::hash<std::string_view>{}(label)})
      h = h * 1000003 ^ part;
    return h;
  }
};

using UnitYearKey = std::pair<std::string_view, int>;
struct UnitYearKeyHash {
  std::size_t operator()(const UnitYearKey& k) const { return std::hash<std::string_view>{}(k.first) * 31 + k.second; }
};

// Whether any row can be a sum at all: a label, a unit with members (0301, a county, the
// country), or rows both with and without a target group (or a service). Most files have none,
// and are not looked at further.
bool may_have_sums(const Context& ctx) {
  bool group_given = false, group_blank = false, service_given = false, service_blank = false;
  const std::string* last_unit = nullptr;
  for (const InputValue& input : ctx.input.values) {
    const ArsverkValue& v = *input.value;
    if (v.sum_label) return true;
    (v.group == TargetGroup::Unspecified ? group_blank : group_given) = true;
    (v.service.empty() ? service_blank : service_given) = true;
    if ((group_given && group_blank) || (service_given && service_blank)) return true;
    if (last_unit && *last_unit == v.unit) continue;
    last_unit = &v.unit;
    if (v.unit.size() <= 2 || v.unit == "0301") return true;
  }
  return false;
}

}  // namespace

void find_sum_rows(Context& ctx) {
  if (!may_have_sums(ctx)) return;
  std::vector<Entry> entries;
  // Labelled rows apart from the others, and one labelled row apart from a differently labelled one.
  // The key's texts are views of the values' own (they outlive this function).
  std::unordered_map<EntryKey, std::size_t, EntryKeyHash> index;
  // Each unit and year's place (Entry::unit_year); its entries mostly come one after the other.
  std::unordered_map<UnitYearKey, std::size_t, UnitYearKeyHash> unit_years;
  bool any_coarse = false;
  std::size_t last = 0;
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> entry_of(ctx.input.values.size(), kNone);  // each value's entry
  for (std::size_t i = 0; i < ctx.input.values.size(); ++i) {
    const ArsverkValue& v = *ctx.input.values[i].value;
    if (v.year < 2015 || v.year > 2100) continue;
    const SumLabel* label = nullptr;
    if (v.sum_label)
      if (auto it = ctx.input.sum_labels.find({ctx.input.values[i].file, v.line}); it != ctx.input.sum_labels.end()) label = it->second;
    // A row's categories come one after the other: the previous value's entry, without a look-up.
    const ArsverkValue* prev = i > 0 ? ctx.input.values[i - 1].value : nullptr;
    const bool same_as_prev = prev && !v.sum_label && !prev->sum_label && prev->year == v.year &&
                              prev->group == v.group && prev->unit == v.unit && prev->service == v.service &&
                              ctx.input.values[i - 1].file == ctx.input.values[i].file && !entries.empty() &&
                              entries[last].unit == v.unit && entries[last].year == v.year;
    std::size_t at = last;
    bool added = false;
    if (!same_as_prev) {
      auto [it, inserted] = index.try_emplace(EntryKey{v.unit, v.year, v.group, v.service, v.sum_label,
                                                       label ? std::string_view(label->text) : std::string_view()},
                                              entries.size());
      at = it->second;
      added = inserted;
    }
    last = at;
    if (added) {
      Entry e;
      e.unit = v.unit;
      e.year = v.year;
      e.group = v.group;
      e.service = v.service;
      e.label = label;
      e.source = ctx.input.values[i].file;
      e.line = v.line;
      const bool same_unit_year = !entries.empty() && entries.back().unit == e.unit && entries.back().year == e.year;
      e.unit_year = same_unit_year ? entries.back().unit_year
                                   : unit_years.try_emplace(UnitYearKey{e.unit, e.year}, unit_years.size()).first->second;
      any_coarse = any_coarse || label || level_rank(v.unit) >= 2 || v.unit == "0301" ||
                   v.group == TargetGroup::Unspecified || v.service.empty();
      entries.push_back(std::move(e));
    }
    Entry& e = entries[at];
    std::optional<Fixed>& slot = e.amounts[static_cast<int>(v.category)];
    if (!slot) slot = v.value;  // a repeated category is reported by validate; the first counts
    entry_of[i] = static_cast<uint32_t>(at);
    if (e.lines.empty() || e.lines.back() != std::pair{ctx.input.values[i].file, v.line})
      e.lines.emplace_back(ctx.input.values[i].file, v.line);
  }
  if (!any_coarse) return;
  resolve_units(ctx, entries);
  Finder finder{ctx, entries, std::vector<std::vector<std::size_t>>(unit_years.size()), {}};
  for (std::size_t i = 0; i < entries.size(); ++i) {
    finder.by_unit_year[entries[i].unit_year].push_back(i);
    finder.by_year[entries[i].year].push_back(i);
  }
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Entry &x = entries[a], &y = entries[b];
    return std::tuple(x.year, x.rank, coarseness(x)) < std::tuple(y.year, y.rank, coarseness(y));
  });
  bool any_excluded = false;
  for (std::size_t i : order) {
    Entry& e = entries[i];
    const bool candidate = e.label || coarseness(e) > 0 || e.rank >= 2 || e.unit == "0301";
    if (!candidate) continue;
    finder.decide(e);
    any_excluded = any_excluded || e.excluded;
  }
  if (!any_excluded) return;
  std::vector<InputValue> kept;
  kept.reserve(ctx.input.values.size());
  for (std::size_t i = 0; i < ctx.input.values.size(); ++i)
    if (entry_of[i] == kNone || !entries[entry_of[i]].excluded) kept.push_back(ctx.input.values[i]);
  ctx.out().values = std::move(kept);
}

}  // namespace arsverk::detail
