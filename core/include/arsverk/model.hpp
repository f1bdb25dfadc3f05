#pragma once
// The domain: units, target groups, education categories, what a read file yields.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "arsverk/diagnostic.hpp"
#include "arsverk/fixed.hpp"

namespace arsverk {

enum class Level { Kommune, Bydel, Fylke, Land, KostraGruppe };
const char* to_string(Level level);
// By the shape of a normalised code: "0" land, 2 digits fylke, 4 kommune, 6 bydel, "EKGnn" group.
std::optional<Level> level_of_code(std::string_view code);

// Schema 2015 for data years up to 2023, schema 2024 from 2024 (docs/indicator.md, "The break").
enum class Schema { S2015, S2024 };
inline Schema schema_for_year(int year) { return year >= 2024 ? Schema::S2024 : Schema::S2015; }
const char* to_string(Schema schema);  // "2015" / "2024"

enum class TargetGroup : uint8_t { Unspecified, Adults, Children };
const char* to_string(TargetGroup group);  // "", "voksne", "barn_og_unge"

// Education categories as they can appear in input. Which ones are valid depends on the schema:
// a–e for 2024; the nested measures M1–M4 or the disjoint 2015 levels for 2015. Total is a
// "sum of all" column some sheets carry; it is checked, never added.
enum class Category : uint8_t {
  A, B, C, D, E,
  M1, M2, M3, M4,
  Ingen, AnnenVgs, VgsHelse, HoyUten, HoyMed,
  Total,
};
constexpr int kCategoryCount = 15;
const char* to_string(Category c);  // "a".."e", "M1".."M4", "ingen", "annen_vgs", ...
// Which schema a category belongs to (Total belongs to both; returns nullopt for it).
std::optional<Schema> schema_of(Category c);

// The four measures' numerators.
using Measures = std::array<Fixed, 4>;

// M1 split by education into four disjoint parts, in the order of a result's `education`
// (docs/output.md): the categories each part adds up, and the parts each measure adds up, in the
// order they are read. 2024: b, a, d and c + e, so that M2 = a + b and M1 = a + b + d + (c + e)
// (no measure tells c and e apart); 2015: the levels from the
// highest, each measure within the one before.
struct EducationParts {
  std::array<std::vector<Category>, 4> categories;
  std::array<std::vector<int>, 4> of_measure;
};
const EducationParts& education_parts_of(Schema schema);

// One årsverk value from one cell of input.
struct ArsverkValue {
  std::string unit;      // normalised code: "3101", "030101", "03", "0"
  int year = 0;
  TargetGroup group = TargetGroup::Unspecified;
  bool sum_label = false;  // the row is labelled a sum («Totalt», «Sum», «I alt»): ParsedFile::sum_labels
  uint16_t sheet = 0;    // .xlsx: index into ParsedFile::sheets (in padding: no larger)
  uint16_t column = 0;   // 1-based field of the value in its line; 0 when not known (in padding too)
  std::string service;   // service category as written (trimmed); empty when the input has none
  Category category = Category::Total;
  Fixed value;
  int64_t line = 0;      // physical line in its file
};

// One published rate per 1 000 inhabitants from a reference file (e.g. last year's published
// figures for every municipality): a yardstick for comparisons, never added into sums.
struct ReferenceRate {
  std::string unit;      // normalised code, as ArsverkValue::unit
  int year = 0;
  int measure = 0;       // 0..3 for M1..M4
  Fixed per_1000;        // the published rate as written (exact decimal)
  int64_t line = 0;
  uint16_t sheet = 0;    // .xlsx: index into ParsedFile::sheets
};

// A row labelled as a sum of other rows («3101 Totalt», a target group «Begge», a service «Sum»):
// its values are read with ArsverkValue::sum_label set, and the computation decides, with the
// figures of the other rows, whether it is left out (docs/formats.md, "Sum rows").
enum class SumLabelColumn : uint8_t { Unit, Group, Service };
struct SumLabel {
  int64_t line = 0;
  uint16_t sheet = 0;    // .xlsx: index into ParsedFile::sheets
  SumLabelColumn column = SumLabelColumn::Unit;
  std::string text;      // the cell as written
};

// An årsverk row left out for an error in one of its figures (the error's message gives its place):
// when its target group then has no rows, the suppression rule says so instead of saying the part
// was not given.
struct SkippedRow {
  std::string unit;      // normalised code, as ArsverkValue::unit
  int year = 0;
  TargetGroup group = TargetGroup::Unspecified;
};

enum class FileKind { Arsverk, Population, Reference, Unknown };
const char* to_string(FileKind kind);  // "arsverk", "befolkning", "referanse", "unknown"

// Everything one file yields, plus what was recognised about it.
struct ParsedFile {
  std::string name;
  // The IS-24/8 form typed on the page (its CSV text): a message elsewhere names it «skjemaet», not
  // a line of a file the user never saw.
  bool form = false;
  FileKind kind = FileKind::Unknown;
  std::string format;    // "csv-wide", "csv-long", "ssb-csv", "json-stat2", "csv-simple",
                         // "csv-reference", "xlsx", ""
  std::string encoding;  // "utf-8", "utf-8-bom", "windows-1252", "" (binary / not text)
  std::string delimiter; // ";", ",", "\t" for text tables; "" otherwise
  int64_t rows = 0;      // data rows read (not counting title, header, blank and footnote lines)
  bool has_target_group = false;
  bool has_service = false;
  std::vector<std::string> sheets;  // .xlsx: the worksheets read, in order (values' `sheet`)
  std::vector<ArsverkValue> arsverk;
  std::vector<ReferenceRate> reference;
  std::vector<SumLabel> sum_labels;  // one per labelled row, in reading order
  std::vector<SkippedRow> skipped_rows;  // rows left out for an error in a figure
  // Population by (region code, year): region codes normalised as for ArsverkValue::unit.
  std::map<std::pair<std::string, int>, int64_t> population;
  // Where each population figure came from (first line), for messages.
  std::map<std::pair<std::string, int>, int64_t> population_line;
  std::vector<Diagnostic> diagnostics;

  std::set<int> years() const;
  std::size_t unit_count() const;
};

// Service categories outside the indicator (docs/indicator.md rule 3): general primary prevention,
// dementia, intellectual disability. Matched on the normalised text.
bool service_out_of_scope(std::string_view service);
// ExclusionNegated: the text names such work only as left out («Psykisk helse ekskl. demens»,
// «uten», «unntatt»): in scope, and the reader says so.
enum class ServiceScope { InScope, OutOfScope, ExclusionNegated };
ServiceScope service_scope(std::string_view service);

}  // namespace arsverk
