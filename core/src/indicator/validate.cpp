// Validate: every value's year, schema and unit checked against the registers of its data year;
// values outside the indicator's scope counted apart; the rest placed in cells, duplicates refused.
#include <functional>
#include <map>
#include <set>

#include "context.hpp"

namespace arsverk::detail {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool counts_in_total(Category c) {
  return c != Category::M2 && c != Category::M3 && c != Category::M4 && c != Category::Total;
}

std::optional<Fixed>& at(CategoryAmounts& a, Category c) { return a[static_cast<int>(c)]; }

// The value repeats one already in the cell: names both places, counts the first.
void report_duplicate(Context& ctx, const ArsverkValue& v, int file, const Cell& cell) {
  const int c = static_cast<int>(v.category);
  const std::string what = v.unit + ", " + std::to_string(v.year) + ", " + to_string(v.category);
  ctx.message(Severity::Warning, "value.duplicate", file, v.line,
              "Samme enhet, år, målgruppe, tjeneste og kategori (" + what + ") står to ganger: her og på " +
                  ctx.where(Lang::Nb, cell.files[c], cell.lines[c]) +
                  ". Bare den første er talt med. Slå radene sammen hvis begge er riktige.",
              "The same unit, year, target group, service and category (" + what + ") appears twice: here and on " +
                  ctx.where(Lang::En, cell.files[c], cell.lines[c]) +
                  ". Only the first is counted. Combine the rows if both are right.");
}

}  // namespace

// Checks a code against the structure of its data year; says what to use instead when it can.
std::optional<UnitInfo> resolve_unit(Context& ctx, const std::string& code, int year, int file,
                                     int64_t line) {
  auto level = level_of_code(code);
  const std::string y = std::to_string(year);
  if (!level || *level == Level::KostraGruppe) {
    ctx.message(Severity::Error, "unit.invalid", file, line,
                "«" + code + "» er ikke et kommunenummer, bydelsnummer, fylkesnummer eller 0 for hele landet. Alle radene for enheten dette året er hoppet over.",
                "'" + code + "' is not a municipality, district or county number, nor 0 for the whole country. All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  if (*level == Level::Land) return UnitInfo{Level::Land, "Hele landet", "Norway", "", 0};
  auto structure = structure_for_year(year);
  if (!structure) {
    ctx.message(Severity::Error, "unit.no_register", file, line,
                "Kalkulatoren har kommune- og fylkesinndelingen fra 2020 og framover; for " + y +
                    " kan bare tall for hele landet (0) regnes ut. Enheten " + code + " er hoppet over.",
                "The calculator knows the municipality and county structure from 2020 on; for " + y +
                    " only figures for the whole country (0) can be computed. Unit " + code + " was skipped.");
    return std::nullopt;
  }
  const auto& reg = ctx.registers;
  if (*level == Level::Fylke) {
    if (const County* c = reg.county(*structure, code)) return UnitInfo{Level::Fylke, c->name, c->name, "", 0};
    ctx.message(Severity::Error, "unit.unknown_county", file, line,
                "Fylke " + code + " fantes ikke i " + y + " (fylkesinndelingen " + to_string(*structure) +
                    "). Sjekk fylkesnummeret. Alle radene for enheten dette året er hoppet over.",
                "County " + code + " did not exist in " + y + " (the " + to_string(*structure) +
                    " structure). Check the county number. All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  if (*level == Level::Bydel) {
    const District* d = reg.district(code);
    if (d && d->reports) return UnitInfo{Level::Bydel, d->name, d->name, "03", 0};
    if (d) {
      ctx.message(Severity::Error, "unit.district_not_reporting", file, line,
                  "Bydel " + code + " " + d->name + " rapporterer ikke årsverk selv (den har bare befolkning). Før årsverkene på Oslo kommune (0301) eller en bydel som rapporterer. Alle radene for enheten dette året er hoppet over.",
                  "District " + code + " " + d->name + " does not report FTEs itself (it only has population). Put the FTEs on Oslo (0301) or a reporting district. All rows for the unit that year were skipped.");
    } else {
      ctx.message(Severity::Error, "unit.unknown_district", file, line,
                  "«" + code + "» er ikke en av Oslos bydeler (030101–030115). Bare Oslos bydeler rapporterer egne årsverk. Alle radene for enheten dette året er hoppet over.",
                  "'" + code + "' is not one of Oslo's districts (030101–030115). Only Oslo's districts report FTEs of their own. All rows for the unit that year were skipped.");
    }
    return std::nullopt;
  }
  if (const Municipality* m = reg.municipality(*structure, code)) {
    std::string name = m->name;
    return UnitInfo{Level::Kommune, name, name, m->county, m->kostra_group};
  }
  // The number may belong to the other structure: say which number to use.
  const Structure other = *structure == Structure::K2024 ? Structure::K2020 : Structure::K2024;
  if (const Municipality* m = reg.municipality(other, code)) {
    auto right = *structure == Structure::K2024 ? reg.numbers_2024_for(code) : reg.numbers_2023_for(code);
    std::vector<std::string> named;
    for (const auto& r : right)
      if (const Municipality* n = reg.municipality(*structure, r)) named.push_back(r + " " + n->name);
    std::string list = join(named, " / ");
    ctx.message(Severity::Error, "unit.wrong_structure", file, line,
                "Kommunenummer " + code + " (" + m->name + ") gjelder kommuneinndelingen " + to_string(other) +
                    ", men året er " + y + ". Bruk " + (list.empty() ? "nummeret som gjaldt det året" : list) +
                    ". Alle radene for enheten dette året er hoppet over.",
                "Municipality number " + code + " (" + m->name + ") belongs to the " + to_string(other) +
                    " structure, but the year is " + y + ". Use " + (list.empty() ? "the number valid that year" : list) +
                    ". All rows for the unit that year were skipped.");
    return std::nullopt;
  }
  ctx.message(Severity::Error, "unit.unknown_municipality", file, line,
              "Kommunenummer " + code + " fantes ikke i " + y + ". Sjekk nummeret mot kommuneinndelingen " +
                  to_string(*structure) + ". Alle radene for enheten dette året er hoppet over.",
              "Municipality number " + code + " did not exist in " + y + ". Check it against the " +
                  to_string(*structure) + " structure. All rows for the unit that year were skipped.");
  return std::nullopt;
}

namespace {

// Published rates from reference files: the unit must exist in the year; one rate per unit, year
// and measure (the first counts).
void validate_references(Context& ctx) {
  std::set<UnitKey> bad_units;
  for (const InputReference& input : ctx.reference_values) {
    const ReferenceRate& r = *input.rate;
    if (r.year < 2015 || r.year > 2100 || r.measure < 0 || r.measure > 3 || bad_units.count({r.unit, r.year})) continue;
    if (!ctx.references.count({r.unit, r.year}) && !resolve_unit(ctx, r.unit, r.year, input.file, r.line)) {
      bad_units.insert({r.unit, r.year});
      continue;
    }
    ReferenceRow& row = ctx.references[{r.unit, r.year}];
    const int m = r.measure;
    if (row.per_1000[m]) {
      const std::string what = r.unit + ", " + std::to_string(r.year) + ", M" + std::to_string(m + 1);
      ctx.message(Severity::Warning, "reference.duplicate", input.file, r.line,
                  "Samme enhet, år og måltall (" + what + ") står to ganger i referansetallene: her og på " +
                      ctx.where(Lang::Nb, row.files[m], row.lines[m]) + ". Bare den første er brukt.",
                  "The same unit, year and measure (" + what + ") appears twice in the reference figures: here and on " +
                      ctx.where(Lang::En, row.files[m], row.lines[m]) + ". Only the first is used.");
      continue;
    }
    row.per_1000[m] = r.per_1000.to_double();
    row.lines[m] = r.line;
    row.files[m] = input.file;
  }
}

// Whether a service is outside the indicator's scope, worked out once per distinct text: a file
// repeats a handful of services on every row, and reading one is the costliest step here.
class ServiceScopes {
 public:
  bool out_of_scope(const std::string& service) {
    if (last_ && last_->first == service) return last_->second;  // a row's categories share it
    auto it = known_.find(service);
    if (it == known_.end()) it = known_.emplace(service, service_out_of_scope(service)).first;
    last_ = &*it;
    return it->second;
  }

 private:
  std::map<std::string, bool, std::less<>> known_;
  const std::pair<const std::string, bool>* last_ = nullptr;
};

}  // namespace

void validate(Context& ctx) {
  std::set<UnitKey> bad_units;
  std::set<std::pair<int, int64_t>> rows_out_of_range;  // (file, line)
  ServiceScopes scopes;
  // Rows of one unit and year mostly come together: once a unit-year has cells, the next row of
  // it needs no look-ups to be accepted (cells only grow here) and finds its cells at once.
  const UnitKey* last_key = nullptr;
  std::map<CellKey, Cell>* last_cells = nullptr;
  // A row's categories are values of one cell, one after the other: found once, not per value.
  const ArsverkValue* last_cell_value = nullptr;
  Cell* last_cell = nullptr;
  for (const InputValue& input : ctx.values) {
    const ArsverkValue& v = *input.value;
    const int file = input.file;
    if (v.year < 2015 || v.year > 2100) {
      // Said once for the row, not once for each of its categories.
      if (!rows_out_of_range.insert({file, v.line}).second) continue;
      ctx.message(Severity::Error, "year.out_of_range", file, v.line,
                  "Året " + std::to_string(v.year) + " er utenfor det indikatoren dekker (2015 og senere). Raden er hoppet over.",
                  "The year " + std::to_string(v.year) + " is outside what the indicator covers (2015 on). The row was skipped.");
      continue;
    }
    const Schema schema = schema_for_year(v.year);
    if (auto cs = schema_of(v.category); cs && *cs != schema) {
      const bool new_cats = *cs == Schema::S2024;
      ctx.message(Severity::Error, "category.wrong_schema", file, v.line,
                  std::string("Kategori «") + to_string(v.category) + "» hører til " +
                      (new_cats ? "skjemaet fra 2024 (a–e), men året er " : "skjemaet for 2015–2023 (M1–M4), men året er ") +
                      std::to_string(v.year) + ". Tallene før og etter 2024 kan ikke blandes; bruk " +
                      (new_cats ? "de fire måltallene M1–M4 for år til og med 2023." : "kategoriene a–e fra og med 2024.") +
                      " Verdien er hoppet over.",
                  std::string("Category '") + to_string(v.category) + "' belongs to the " +
                      (new_cats ? "2024 schema (a–e), but the year is " : "2015–2023 schema (M1–M4), but the year is ") +
                      std::to_string(v.year) + ". Figures before and after 2024 cannot be mixed; use " +
                      (new_cats ? "the four measures M1–M4 for years up to 2023." : "categories a–e from 2024 on.") +
                      " The value was skipped.");
      continue;
    }
    const bool same_unit_year = last_key && last_key->second == v.year && last_key->first == v.unit;
    if (!same_unit_year) {
      last_key = nullptr;
      if (bad_units.count({v.unit, v.year})) continue;
      if (!ctx.units.count({v.unit, v.year}) && !ctx.cells.count({v.unit, v.year})) {
        if (!resolve_unit(ctx, v.unit, v.year, file, v.line)) {
          bad_units.insert({v.unit, v.year});
          continue;
        }
      }
      ctx.answered.insert({v.unit, v.year});
    }
    if (!v.service.empty() && scopes.out_of_scope(v.service)) {
      auto& ex = ctx.excluded[{v.year, v.service}];
      ex.year = v.year;
      ex.service = v.service;
      if (counts_in_total(v.category) && !ex.arsverk.add_checked(v.value)) {
        report_overflow(ctx, file, v.line, v.unit, v.year, {false, true, true, true});
        continue;
      }
      if (v.value != Fixed()) ++ex.rows;
      continue;
    }
    if (!same_unit_year) {
      const auto at_key = ctx.cells.try_emplace({v.unit, v.year}).first;
      last_key = &at_key->first;
      last_cells = &at_key->second;
      last_cell = nullptr;
    }
    if (!last_cell || last_cell_value->group != v.group || last_cell_value->service != v.service)
      last_cell = &(*last_cells)[{v.group, v.service}];
    last_cell_value = &v;
    Cell& cell = *last_cell;
    if (at(cell.amounts, v.category)) {
      report_duplicate(ctx, v, file, cell);
      continue;
    }
    if (cell.line == 0) { cell.file = file; cell.line = v.line; }
    cell.lines[static_cast<int>(v.category)] = v.line;
    cell.files[static_cast<int>(v.category)] = file;
    cell.columns[static_cast<int>(v.category)] = v.column;
    at(cell.amounts, v.category) = v.value;
  }
  validate_references(ctx);
}

}  // namespace arsverk::detail
