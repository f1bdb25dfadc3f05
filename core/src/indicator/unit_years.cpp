// Unit-years: each unit's cells turned into the four measures, summed over target groups and
// services, with the checks a category total allows.
#include <algorithm>

#include "context.hpp"

namespace arsverk::detail {

namespace {

Fixed value_of(const CategoryAmounts& a, Category c) {
  return a[static_cast<int>(c)].value_or(Fixed());
}

using Given = std::array<bool, kCategoryCount>;  // categories given anywhere in a unit-year

constexpr std::array<Category, 5> kCategories2024 = {Category::A, Category::B, Category::C, Category::D, Category::E};

// How a cell gave its figures: 2024 categories a–e, a 2024 total alone, the 2015 nested measures
// or the 2015 disjoint levels.
enum class Form { S2024, Total2024, Nested, Disjoint };

struct CellMeasures {
  Measures values;
  Form form;
};

// A row whose own categories cannot be summed: reported and skipped.
std::nullopt_t overflowed(Context& ctx, const Cell& cell, const std::string& unit, int year, const Present& fits) {
  report_overflow(ctx, cell.file, cell.line, unit, year, fits);
  return std::nullopt;
}

// A cell's measures, a category it lacks counted as 0; whether each measure is there at all is
// decided for the whole unit-year (present_in).
std::optional<CellMeasures> measures_of(Context& ctx, const Cell& cell, int year, const std::string& unit) {
  const Schema schema = schema_for_year(year);
  const auto& a = cell.amounts;
  auto has = [&](Category c) { return a[static_cast<int>(c)].has_value(); };
  auto v = [&](Category c) { return value_of(a, c); };
  Present fits{true, true, true, true};
  auto sum = [&](int measure, std::initializer_list<Fixed> parts) {
    Fixed total;
    for (Fixed p : parts) fits[measure] = fits[measure] && total.add_checked(p);
    return total;
  };
  Measures m{};
  if (schema == Schema::S2024) {
    const bool by_category = std::any_of(kCategories2024.begin(), kCategories2024.end(), has);
    m[0] = by_category ? sum(0, {v(Category::A), v(Category::B), v(Category::C), v(Category::D), v(Category::E)})
                       : v(Category::Total);
    m[1] = sum(1, {v(Category::A), v(Category::B)});
    m[2] = v(Category::B);
    m[3] = v(Category::D);
    if (fits != Present{true, true, true, true}) return overflowed(ctx, cell, unit, year, fits);
    if (has(Category::Total) && by_category) {
      const Fixed total = v(Category::Total);
      for (Category c : {Category::A, Category::B, Category::C, Category::D, Category::E}) {
        if (v(c) > total) {
          ctx.message(cell.file, cell.line, msg::CategoryAboveTotal{to_string(c), v(c), total, unit});
        }
      }
      if (m[0] != total) {
        ctx.message(cell.file, cell.line, msg::TotalMismatch2024{m[0], total, unit});
      }
    }
    return CellMeasures{m, by_category ? Form::S2024 : Form::Total2024};
  }
  const bool nested = has(Category::M1) || has(Category::M2) || has(Category::M3) || has(Category::M4);
  const bool disjoint = has(Category::Ingen) || has(Category::AnnenVgs) || has(Category::VgsHelse) ||
                        has(Category::HoyUten) || has(Category::HoyMed);
  if (nested && disjoint) {
    ctx.message(cell.file, cell.line, msg::CategoryMixedForms{unit});
    return std::nullopt;
  }
  if (disjoint) {
    m[3] = v(Category::HoyMed);
    m[2] = sum(2, {m[3], v(Category::HoyUten)});
    m[1] = sum(1, {m[2], v(Category::VgsHelse)});
    m[0] = sum(0, {m[1], v(Category::AnnenVgs), v(Category::Ingen)});
    if (fits != Present{true, true, true, true}) return overflowed(ctx, cell, unit, year, fits);
  } else {
    m = {v(Category::M1), v(Category::M2), v(Category::M3), v(Category::M4)};
    if (has(Category::Total) && !has(Category::M1)) m[0] = v(Category::Total);
    // Each measure given against the next one given: a file with M1 and M4 alone still has M1 ≥ M4.
    const Category nested_cats[] = {Category::M1, Category::M2, Category::M3, Category::M4};
    int previous = has(Category::M1) || has(Category::Total) ? 0 : -1;
    for (int i = 1; i < 4; ++i) {
      if (!has(nested_cats[i])) continue;
      if (previous >= 0 && m[previous] < m[i]) {
        ctx.message(cell.file, cell.line, msg::NestedOrder{unit, previous + 1, i + 1, m[previous], m[i]});
        break;
      }
      previous = i;
    }
  }
  if (has(Category::Total) && (disjoint || has(Category::M1)) && m[0] != v(Category::Total)) {
    ctx.message(cell.file, cell.line, msg::TotalMismatch2015{m[0], v(Category::Total), unit, disjoint});
  }
  return CellMeasures{m, disjoint ? Form::Disjoint : Form::Nested};
}

constexpr uint16_t bit(Category c) { return static_cast<uint16_t>(1u << static_cast<int>(c)); }

// Per measure, the categories it is made of in a cell of this form that the unit-year gave in no
// row at all (as bits by Category): a measure is there when none is missing. A cell that gave a
// 2024 total alone has M1; the other measures need its categories. Nested M1 is M1 or the total.
Missing missing_in(Form form, const Given& given) {
  auto lacking = [&](std::initializer_list<Category> needed) {
    uint16_t bits = 0;
    for (Category c : needed)
      if (!given[static_cast<int>(c)]) bits |= bit(c);
    return bits;
  };
  using C = Category;
  switch (form) {
    case Form::S2024:
      return {lacking({C::A, C::B, C::C, C::D, C::E}), lacking({C::A, C::B}), lacking({C::B}), lacking({C::D})};
    case Form::Total2024:
      return {0, static_cast<uint16_t>(bit(C::A) | bit(C::B)), bit(C::B), bit(C::D)};
    case Form::Nested:
      return {given[static_cast<int>(C::Total)] ? uint16_t{0} : lacking({C::M1}), lacking({C::M2}), lacking({C::M3}), lacking({C::M4})};
    case Form::Disjoint:
      return {lacking({C::HoyMed, C::HoyUten, C::VgsHelse, C::AnnenVgs, C::Ingen}), lacking({C::HoyMed, C::HoyUten, C::VgsHelse}),
              lacking({C::HoyMed, C::HoyUten}), lacking({C::HoyMed})};
  }
  return {};
}

Given given_in(const std::map<CellKey, Cell>& cells) {
  Given given{};
  for (const auto& [cell_key, cell] : cells)
    for (int c = 0; c < kCategoryCount; ++c) given[c] = given[c] || cell.amounts[c].has_value();
  return given;
}

}  // namespace

void build_unit_years(Context& ctx) {
  FileStages& out = ctx.out();
  for (const auto& [key, cells] : ctx.input.cells) {
    const auto& [code, year] = key;
    UnitYear uy;
    uy.present = {true, true, true, true};
    const Given given = given_in(cells);
    bool any = false;
    for (auto& [cell_key, cell] : cells) {
      auto cell_measures = measures_of(ctx, cell, year, code);
      if (!cell_measures) continue;
      if (!any) { uy.file = cell.file; uy.line = cell.line; }
      any = true;
      const Missing lacking = missing_in(cell_measures->form, given);
      for (int i = 0; i < 4; ++i) {
        uy.missing[i] |= lacking[i];
        uy.present[i] = uy.present[i] && !lacking[i];
      }
      const Measures& measures = cell_measures->values;
      uy.categories_ok = add_categories(uy.categories, cell.amounts) && uy.categories_ok;
      Present fits = add_measures(uy.total, measures);
      auto also = [&](Measures& into) {
        const Present part = add_measures(into, measures);
        for (int i = 0; i < 4; ++i) fits[i] = fits[i] && part[i];
      };
      if (cell_key.group == TargetGroup::Unspecified) uy.group_known = false;
      else also(uy.by_group[cell_key.group]);
      also(uy.by_service[cell_key.service]);
      for (int i = 0; i < 4; ++i) uy.present[i] = uy.present[i] && fits[i];
      report_overflow(ctx, cell.file, cell.line, code, year, fits);
    }
    // Rows without a service are a part of their own ("") only beside rows with one: a breakdown
    // by service then adds up to the whole, and input without services has none.
    if (uy.by_service.size() == 1 && uy.by_service.count("")) uy.by_service.clear();
    if (any) {
      out.units[key] = std::move(uy);
      out.years.insert(year);
    }
  }
}

}  // namespace arsverk::detail
