#pragma once
// Hand-made inputs for the engine tests: values and populations without going through a reader.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "arsverk/report.hpp"
#include "arsverk/session.hpp"

namespace fixture {

using namespace arsverk;

inline Fixed fx(const char* text) {
  auto p = parse_decimal(text, false);
  REQUIRE(p.status == NumberStatus::Ok);
  return p.value;
}

struct Input {
  std::vector<ParsedFile> files;

  Input() { files.push_back(ParsedFile{}); files[0].name = "arsverk.csv"; files[0].kind = FileKind::Arsverk; }

  // One schema-2024 row: categories a..e as decimal text.
  Input& row24(const std::string& unit, int year, TargetGroup g, const std::string& service,
               const char* a, const char* b, const char* c, const char* d, const char* e) {
    const Category cats[] = {Category::A, Category::B, Category::C, Category::D, Category::E};
    const char* vals[] = {a, b, c, d, e};
    for (int i = 0; i < 5; ++i) add(unit, year, g, service, cats[i], vals[i]);
    return *this;
  }
  // One schema-2015 row of the nested measures.
  Input& row15(const std::string& unit, int year, TargetGroup g, const std::string& service,
               const char* m1, const char* m2, const char* m3, const char* m4) {
    const Category cats[] = {Category::M1, Category::M2, Category::M3, Category::M4};
    const char* vals[] = {m1, m2, m3, m4};
    for (int i = 0; i < 4; ++i) add(unit, year, g, service, cats[i], vals[i]);
    return *this;
  }
  Input& add(const std::string& unit, int year, TargetGroup g, const std::string& service, Category c,
             const char* value) {
    ArsverkValue v;
    v.unit = unit;
    v.year = year;
    v.group = g;
    v.service = service;
    v.category = c;
    v.value = fx(value);
    v.line = static_cast<int64_t>(files[0].arsverk.size()) + 2;
    files[0].arsverk.push_back(v);
    return *this;
  }
  Input& population(const std::string& region, int year, int64_t persons) {
    if (files.size() < 2) {
      files.push_back(ParsedFile{});
      files[1].name = "befolkning.csv";
      files[1].kind = FileKind::Population;
    }
    files[1].population[{region, year}] = persons;
    return *this;
  }

  Report run(Settings s = {}) const { return compute(files, s); }
};

inline const Result* find(const Report& r, const std::string& code, int year) {
  for (const auto& x : r.results)
    if (x.code == code && x.year == year) return &x;
  return nullptr;
}

inline const Diagnostic* diagnostic(const Report& r, const std::string& code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

inline int count_diagnostics(const Report& r, const std::string& code) {
  int n = 0;
  for (const auto& d : r.diagnostics) n += d.code == code;
  return n;
}

constexpr TargetGroup Adults = TargetGroup::Adults;
constexpr TargetGroup Children = TargetGroup::Children;
constexpr TargetGroup NoGroup = TargetGroup::Unspecified;

}  // namespace fixture
