#pragma once
// The catalogue of messages: every diagnostic code the core gives, one struct each, grouped by
// area (input files and tables, units and population, workbooks, the computation and its checks).
//
// Adding a code: declare a struct here in its area with
//   static constexpr const char* code = "area.what";   the stable identifier
//   static constexpr Severity severity = Severity::…;  its usual severity
//   the facts its texts need as members (string_view, numbers: cheap to make), and
//   Texts texts() const;                                defined in the area's .cpp, nb and en,
//                                                       each wholly in its own language;
// then report it: `ctx.report(line, column, msg::Struct{…})` in a reader, or
// `ctx.message(file, line, msg::Struct{…}, year)` in the computation. The texts are made only
// when the message is kept (at most thresholds::kMaxMessagesPerCode per code and file), and they
// never say where: the Diagnostic carries file, sheet, line and column, and place_text() words it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "arsverk/diagnostic.hpp"
#include "arsverk/fixed.hpp"
#include "arsverk/model.hpp"

namespace arsverk::msg {

struct Texts {
  std::string nb, en;
};

// A fact whose text costs something to make (such as where a value sits in a dataset): the
// callable it refers to makes it when the message is kept, never before. It refers to the
// callable and does not own it: make it in the call to report().
class LazyText {
 public:
  template <class Make>
  LazyText(const Make& make)  // implicit: a lambda at the call site is the usual argument
      : make_(&make), call_([](const void* m) -> std::string { return (*static_cast<const Make*>(m))(); }) {}
  std::string operator()() const { return call_(make_); }

 private:
  const void* make_;
  std::string (*call_)(const void*);
};

// ---------------------------------------------------------------------------------------------
// Input files and tables (messages/read.cpp).

struct FileEmpty {
  static constexpr const char* code = "file.empty";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// A file that is not a table, known by its first bytes: what it is, then what the calculator reads.
enum class BinaryFile { Pdf, Image, Gzip, NulCharacters, NotText, ZipArchive };
struct FileBinary {
  static constexpr const char* code = "file.binary";
  static constexpr Severity severity = Severity::Error;
  BinaryFile kind;
  Texts texts() const;
};

// An RTF document (WordPad, TextEdit) where a table was expected.
struct FileRtf {
  static constexpr const char* code = "file.rtf";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// A spreadsheet in a format the calculator does not read: save it as .xlsx or CSV.
enum class OtherSpreadsheet { OldExcel, OpenDocument, ExcelBinary };
struct FileOtherSpreadsheet {
  static constexpr const char* code = "file.spreadsheet";
  static constexpr Severity severity = Severity::Error;
  OtherSpreadsheet kind;
  Texts texts() const;
};

struct XlsxTooLarge {
  static constexpr const char* code = "xlsx.too_large";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit_mb;
  Texts texts() const;
};

struct JsonstatTooLarge {
  static constexpr const char* code = "jsonstat.too_large";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit_mb;
  Texts texts() const;
};

struct CsvLineTooLong {
  static constexpr const char* code = "csv.line_too_long";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit_bytes;
  bool open_quote;  // the line ends inside a quoted cell
  Texts texts() const;
};

// One row of too many columns below the first lines of a table: skipped, the rest is read.
struct CsvRowTooWide {
  static constexpr const char* code = "csv.too_many_columns";
  static constexpr Severity severity = Severity::Error;
  uint64_t columns, limit;
  Texts texts() const;
};

// Too many columns in the first lines: not a table the calculator reads.
struct CsvNotATable {
  static constexpr const char* code = "csv.too_many_columns";
  static constexpr Severity severity = Severity::Error;
  uint64_t columns, limit;
  Texts texts() const;
};

struct CsvUnterminatedQuote {
  static constexpr const char* code = "csv.unterminated_quote";
  static constexpr Severity severity = Severity::Warning;
  Texts texts() const;
};

struct CsvWrongShape {
  static constexpr const char* code = "csv.wrong_shape";
  static constexpr Severity severity = Severity::Error;
  uint64_t fields;          // up to the row's last filled one; 0: only one cell is filled
  uint64_t header_columns;  // up to the header's last named column
  uint64_t header_width;    // all the header's columns: a filled field beyond them is too many
  Texts texts() const;
};

// A row labelled a sum («Sum», «Totalt») without a unit or a year: left out at once.
struct SumRowWithoutUnit {
  static constexpr const char* code = "sum.row_without_unit";
  static constexpr Severity severity = Severity::Warning;
  std::string_view label;
  bool no_unit;  // else: no year
  Texts texts() const;
};

// A header again below the data (sheets pasted one under the other), read for the rows below it.
struct HeaderRepeated {
  static constexpr const char* code = "header.repeated";
  static constexpr Severity severity = Severity::Info;
  const std::vector<std::string>& columns;  // the headers as found (quoted by the texts)
  Texts texts() const;
};

// A header below the data that cannot be read: its block is skipped up to the next header.
struct HeaderRepeatedUnmapped {
  static constexpr const char* code = "header.repeated_unmapped";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  bool reference;  // the file holds published rates, not FTEs
  Texts texts() const;
};

struct YearMissing {
  static constexpr const char* code = "year.missing";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct YearInvalid {
  static constexpr const char* code = "year.invalid";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct CsvFootnotesIgnored {
  static constexpr const char* code = "csv.footnotes_ignored";
  static constexpr Severity severity = Severity::Info;
  int64_t lines;
  Texts texts() const;
};

struct FileHeaderOnly {
  static constexpr const char* code = "file.header_only";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct NumberMissingValues {
  static constexpr const char* code = "number.missing_values";
  static constexpr Severity severity = Severity::Warning;
  int64_t cells;
  std::string_view first;
  bool population;
  Texts texts() const;
};

struct PopulationOtherContentsIgnored {
  static constexpr const char* code = "population.other_contents_ignored";
  static constexpr Severity severity = Severity::Info;
  int64_t rows;
  std::string_view first;
  Texts texts() const;
};

struct PopulationNotANumber {
  static constexpr const char* code = "number.not_a_number";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct PopulationOutOfRange {
  static constexpr const char* code = "number.out_of_range";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct PopulationNotInteger {
  static constexpr const char* code = "population.not_integer";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct PopulationNegative {
  static constexpr const char* code = "population.negative";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct PopulationDuplicate {
  static constexpr const char* code = "population.duplicate";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  int year;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// JSON-stat datasets (messages/jsonstat.cpp). A dataset the calculator cannot read first;
// then its values, where `at` names a value's place in the dataset (its categories).

struct JsonstatTooDeep {
  static constexpr const char* code = "jsonstat.too_deep";
  static constexpr Severity severity = Severity::Error;
  int levels;  // the nesting limit
  Texts texts() const;
};

struct JsonstatInvalid {
  static constexpr const char* code = "jsonstat.invalid";
  static constexpr Severity severity = Severity::Error;
  std::string_view parser_message;  // the JSON parser's, possibly cut inside a UTF-8 sequence
  Texts texts() const;
};

// A key twice in one object of the file (not a value's position: JsonstatDuplicateKey).
struct JsonstatKeyTwice {
  static constexpr const char* code = "jsonstat.duplicate_key";
  static constexpr Severity severity = Severity::Error;
  std::string_view key, object;  // object: its path, "/dataset/dimension"
  Texts texts() const;
};

struct JsonstatNotDataset {
  static constexpr const char* code = "jsonstat.not_dataset";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// A dimension listed in "id" but not described under "dimension".
struct JsonstatDimensionUndescribed {
  static constexpr const char* code = "jsonstat.size_mismatch";
  static constexpr Severity severity = Severity::Error;
  std::string_view dimension;
  Texts texts() const;
};

struct JsonstatCategoriesMismatch {
  static constexpr const char* code = "jsonstat.size_mismatch";
  static constexpr Severity severity = Severity::Error;
  std::string_view dimension;
  uint64_t size;
  Texts texts() const;
};

struct JsonstatDuplicateIndex {
  static constexpr const char* code = "jsonstat.duplicate_index";
  static constexpr Severity severity = Severity::Error;
  std::string_view first, second, dimension;  // first, second: the two categories
  int64_t position;
  Texts texts() const;
};

struct JsonstatNotPopulation {
  static constexpr const char* code = "jsonstat.not_population";
  static constexpr Severity severity = Severity::Error;
  std::string_view label;       // the dataset's (may be empty)
  const std::vector<std::string>& dimensions;  // its dimensions' ids
  Texts texts() const;
};

// A dimension other than region, year, contents, age and sex with more than one category.
struct JsonstatUnexpectedDimension {
  static constexpr const char* code = "jsonstat.unexpected_dimension";
  static constexpr Severity severity = Severity::Error;
  std::string_view dimension;
  uint64_t categories;
  Texts texts() const;
};

struct JsonstatValueCount {
  static constexpr const char* code = "jsonstat.size_mismatch";
  static constexpr Severity severity = Severity::Error;
  uint64_t values, expected;  // expected: the product of "size"
  Texts texts() const;
};

struct JsonstatYearInvalid {
  static constexpr const char* code = "year.invalid";
  static constexpr Severity severity = Severity::Error;
  std::string_view time_code;
  Texts texts() const;
};

struct JsonstatNotInteger {
  static constexpr const char* code = "population.not_integer";
  static constexpr Severity severity = Severity::Error;
  LazyText value, at;  // value: as JSON
  Texts texts() const;
};

struct JsonstatNegative {
  static constexpr const char* code = "population.negative";
  static constexpr Severity severity = Severity::Error;
  int64_t value;
  LazyText at;
  Texts texts() const;
};

struct JsonstatPopulationDuplicate {
  static constexpr const char* code = "population.duplicate";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  int year;
  LazyText at;
  Texts texts() const;
};

struct JsonstatDuplicateKey {
  static constexpr const char* code = "jsonstat.duplicate_key";
  static constexpr Severity severity = Severity::Error;
  int64_t values;
  uint64_t first;
  Texts texts() const;
};

struct JsonstatOutsideDataset {
  static constexpr const char* code = "jsonstat.size_mismatch";
  static constexpr Severity severity = Severity::Error;
  int64_t values;
  uint64_t last;
  Texts texts() const;
};

struct JsonstatMissingValues {
  static constexpr const char* code = "number.missing_values";
  static constexpr Severity severity = Severity::Warning;
  int64_t values;
  LazyText first;  // where the first sits, with its status symbol
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// Headers: what a table's columns are (messages/headers.cpp). `columns` lists the file's headers.

struct TableUnrecognised {
  static constexpr const char* code = "table.unrecognised";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  Texts texts() const;
};

struct HeaderMissingValue {
  static constexpr const char* code = "header.missing_value";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  Texts texts() const;
};

struct HeaderMissingUnit {
  static constexpr const char* code = "header.missing_unit";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  Texts texts() const;
};

struct HeaderMissingYear {
  static constexpr const char* code = "header.missing_year";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  Texts texts() const;
};

// "Kommune; År; Verdi": published rates per 1 000 or FTEs? Refused rather than guessed.
struct HeaderValueUnclear {
  static constexpr const char* code = "header.value_unclear";
  static constexpr Severity severity = Severity::Error;
  std::string_view header, file;  // file: empty when it has no name
  Texts texts() const;
};

// `near`: the closest known category name for the column `meant`, both empty when none is close.
struct HeaderNoCategory {
  static constexpr const char* code = "header.no_category";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& columns;
  std::string_view near, meant;
  Texts texts() const;
};

struct HeaderPopulationIgnored {
  static constexpr const char* code = "header.population_ignored";
  static constexpr Severity severity = Severity::Warning;
  std::string_view header;
  Texts texts() const;
};

struct HeaderRatesIgnored {
  static constexpr const char* code = "header.column_ignored";
  static constexpr Severity severity = Severity::Warning;
  std::string_view header;
  Texts texts() const;
};

struct HeaderUnknownCategory {
  static constexpr const char* code = "header.unknown_category";
  static constexpr Severity severity = Severity::Warning;
  std::string_view header, near;
  Texts texts() const;
};

struct HeaderColumnIgnored {
  enum class Why { UnknownHeader, CategoriesAsColumns, RowPerCategory, RoleTaken };
  static constexpr const char* code = "header.column_ignored";
  static constexpr Severity severity = Severity::Warning;
  std::string_view header;
  Why why;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// FTE and reference tables (messages/values.cpp).

struct ReferenceUnknownMeasure {
  static constexpr const char* code = "reference.unknown_measure";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct ReferenceBadRate {
  static constexpr const char* code = "reference.bad_rate";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct ReferenceTooManyRates {
  static constexpr const char* code = "file.too_many_values";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit;
  Texts texts() const;
};

struct ArsverkTooManyValues {
  static constexpr const char* code = "file.too_many_values";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit;
  Texts texts() const;
};

struct UnitMissing {
  static constexpr const char* code = "unit.missing";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct UnitNameMismatch {
  static constexpr const char* code = "unit.name_mismatch";
  static constexpr Severity severity = Severity::Warning;
  std::string_view text;
  int year;
  std::string_view name_unit, number_unit;
  Texts texts() const;
};

struct ServiceExclusionNegated {
  static constexpr const char* code = "service.exclusion_negated";
  static constexpr Severity severity = Severity::Info;
  std::string_view service;
  Texts texts() const;
};

struct ValueRateNotFte {
  static constexpr const char* code = "value.rate_not_fte";
  static constexpr Severity severity = Severity::Error;
  std::string_view header;
  Texts texts() const;
};

struct HeaderUnnamedColumn {
  static constexpr const char* code = "header.unnamed_column";
  static constexpr Severity severity = Severity::Warning;
  int column;
  std::string_view text;
  Texts texts() const;
};

struct ArsverkNotANumber {
  static constexpr const char* code = "number.not_a_number";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct NumberTooPrecise {
  static constexpr const char* code = "number.too_precise";
  static constexpr Severity severity = Severity::Warning;
  std::string_view text;
  Fixed rounded;
  Texts texts() const;
};

struct ArsverkNegative {
  static constexpr const char* code = "number.negative";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

struct ArsverkTooLarge {
  static constexpr const char* code = "number.out_of_range";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

// "12.500": a decimal or a whole number with a thousands separator, and the file does not tell.
struct NumberAmbiguous {
  static constexpr const char* code = "number.ambiguous";
  static constexpr Severity severity = Severity::Warning;
  char mark;
  Fixed as_decimal, as_whole, used;
  Texts texts() const;
};

struct GroupUnknown {
  static constexpr const char* code = "group.unknown";
  static constexpr Severity severity = Severity::Warning;
  std::string_view text;
  Texts texts() const;
};

struct CategoryMissing {
  static constexpr const char* code = "category.missing";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct CategoryUnknown {
  static constexpr const char* code = "category.unknown";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// Units and population (messages/units.cpp).

struct UnitLeadingZeroRestored {
  static constexpr const char* code = "unit.leading_zero_restored";
  static constexpr Severity severity = Severity::Info;
  std::string_view text, unit;
  Texts texts() const;
};

// Severity: a warning where FTEs are read, an info for population.
struct UnitThousandsSeparator {
  static constexpr const char* code = "unit.thousands_separator";
  static constexpr Severity severity = Severity::Warning;
  std::string_view text, unit;
  Texts texts() const;
};

// A unit the registers do not give for the text; `then_nb`/`then_en` say what happened to the row.
struct UnitAmbiguousName {
  static constexpr const char* code = "unit.ambiguous_name";
  static constexpr Severity severity = Severity::Error;
  std::string_view text;
  const std::vector<std::string>& candidates;
  std::string_view then_nb, then_en;
  Texts texts() const;
};

struct UnitNeedsYear {
  static constexpr const char* code = "unit.ambiguous_name";
  static constexpr Severity severity = Severity::Error;
  std::string_view text, then_nb, then_en;
  Texts texts() const;
};

struct UnitHistorical {
  static constexpr const char* code = "unit.historical";
  static constexpr Severity severity = Severity::Error;
  std::string_view text, then_nb, then_en;
  Texts texts() const;
};

struct UnitNotAUnit {
  static constexpr const char* code = "unit.not_a_unit";
  static constexpr Severity severity = Severity::Error;
  std::string_view text, then_nb, then_en;
  Texts texts() const;
};

struct UnitUnknownName {
  static constexpr const char* code = "unit.unknown_name";
  static constexpr Severity severity = Severity::Error;
  std::string_view text, then_nb, then_en;
  Texts texts() const;
};

struct UnitMissingRegion {
  static constexpr const char* code = "unit.missing";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct PopulationZero {
  static constexpr const char* code = "population.zero";
  static constexpr Severity severity = Severity::Error;
  std::string_view region;
  int year;
  Texts texts() const;
};

struct PopulationOverflow {
  static constexpr const char* code = "population.overflow";
  static constexpr Severity severity = Severity::Error;
  std::string_view value, unit;
  int year;
  Texts texts() const;
};

// Region labels of one kind left out of a population file, counted: one message per kind.
struct PopulationIgnored {
  static constexpr Severity severity = Severity::Info;
  uint64_t distinct;
  int64_t rows;
  const std::vector<std::string>& examples;  // up to three
};
#define ARSVERK_POPULATION_IGNORED(Name, code_text) \
  struct Name : PopulationIgnored {                  \
    static constexpr const char* code = code_text;   \
    Texts texts() const;                             \
  };
ARSVERK_POPULATION_IGNORED(PopulationHistoricalIgnored, "population.historical_ignored")
ARSVERK_POPULATION_IGNORED(PopulationRestIgnored, "population.rest_ignored")
ARSVERK_POPULATION_IGNORED(PopulationNotMunicipalityIgnored, "population.not_municipality_ignored")
ARSVERK_POPULATION_IGNORED(PopulationCityTotalIgnored, "population.city_total_ignored")
ARSVERK_POPULATION_IGNORED(PopulationUnknownDistrictIgnored, "population.unknown_district_ignored")
ARSVERK_POPULATION_IGNORED(PopulationOtherCityIgnored, "population.other_city_ignored")
#undef ARSVERK_POPULATION_IGNORED

// SSB's rows for units with a period («K-3001 Halden (2020-2023)») read as that number's
// population in the years of the period: one message per file.
struct PopulationHistoricalUsed : PopulationIgnored {
  static constexpr const char* code = "population.historical_used";
  Texts texts() const;
};

// A figure summed over ages that are not all ages (20–66, 0–17): refused.
struct PopulationPartialAges {
  static constexpr const char* code = "population.partial_ages";
  static constexpr Severity severity = Severity::Error;
  struct Span {
    int from, to;
    bool open;  // "or older"
  };
  const std::vector<Span>& ages;  // the ages present, merged
  std::string_view dimension;     // the column header or JSON-stat dimension ("" when unnamed)
  Texts texts() const;
};

// A figure summed over one sex only: refused.
struct PopulationPartialSexes {
  static constexpr const char* code = "population.partial_sexes";
  static constexpr Severity severity = Severity::Error;
  const std::vector<std::string>& present;  // the sexes present
  std::string_view dimension;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// Workbooks: cells as Excel shows them, and the workbook's limits (messages/xlsx.cpp).

// A formula with no saved result in a column of figures (a program that does not calculate
// saved the file): not given, never 0.
struct XlsxFormulaWithoutValue {
  static constexpr const char* code = "xlsx.formula_without_value";
  static constexpr Severity severity = Severity::Error;
  std::string_view formula;  // "=B3+1", as the cell's text
  Texts texts() const;
};

// A number formatted as a percentage in a column of FTEs.
struct XlsxPercentFigure {
  static constexpr const char* code = "xlsx.percent_figure";
  static constexpr Severity severity = Severity::Error;
  std::string_view shown;  // "10 %", as Excel shows it
  Texts texts() const;
};

// One cell written twice in a sheet: the row is skipped.
struct XlsxDuplicateCell {
  static constexpr const char* code = "xlsx.duplicate_cell";
  static constexpr Severity severity = Severity::Error;
  std::string_view first, second;
  Texts texts() const;
};

// The workbook's sheets together hand on more cells than the limit: the rest is not read.
struct XlsxTooManyCells {
  static constexpr const char* code = "xlsx.too_large";
  static constexpr Severity severity = Severity::Error;
  uint64_t limit_millions;
  Texts texts() const;
};

// An archive or workbook the reader cannot open. Found where the archive is read and reported
// once it is known to be a workbook, these own their facts.
struct XlsxCorrupt {
  static constexpr const char* code = "xlsx.corrupt";
  static constexpr Severity severity = Severity::Error;
  std::string what_nb, what_en;  // what is broken, in each language
  Texts texts() const;
};

struct XlsxZip64 {
  static constexpr const char* code = "xlsx.zip64";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// A part unpacking to more than the reader takes; `bomb`: far more than its packed size.
struct XlsxPartTooLarge {
  static constexpr const char* code = "xlsx.too_large";
  static constexpr Severity severity = Severity::Error;
  std::string part;
  std::size_t mb;
  std::string why_nb, why_en;  // "over 200 ganger sin pakkede størrelse, " or empty
  bool bomb;
  Texts texts() const;
};

struct XlsxMissingPart {
  static constexpr const char* code = "xlsx.corrupt";
  static constexpr Severity severity = Severity::Error;
  std::string part;
  Texts texts() const;
};

// A part that is not well-formed XML; `rows_read`: the sheet's rows read before it broke off.
struct XlsxBadXml {
  static constexpr const char* code = "xlsx.corrupt";
  static constexpr Severity severity = Severity::Error;
  std::string part, what;
  std::size_t offset;
  int64_t rows_read = 0;
  Texts texts() const;
};

struct XlsxSheetWithoutPath {
  static constexpr const char* code = "xlsx.corrupt";
  static constexpr Severity severity = Severity::Error;
  std::string sheet;
  Texts texts() const;
};

struct XlsxTooManyTexts {
  static constexpr const char* code = "xlsx.too_large";
  static constexpr Severity severity = Severity::Error;
  std::size_t limit_millions;
  Texts texts() const;
};

// A password-protected (encrypted) workbook.
struct XlsxEncrypted {
  static constexpr const char* code = "xlsx.encrypted";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// The workbook names a sheet whose part is not in the archive.
struct XlsxMissingSheet {
  static constexpr const char* code = "xlsx.corrupt";
  static constexpr Severity severity = Severity::Error;
  std::string_view sheet, part;
  Texts texts() const;
};

// More merged ranges in a sheet than are kept: the rest are read as plain cells.
struct XlsxTooManyMerges {
  static constexpr const char* code = "xlsx.too_many_merges";
  static constexpr Severity severity = Severity::Warning;
  std::size_t limit, dropped;
  Texts texts() const;
};

// A cell longer than Excel allows: read as empty.
struct XlsxCellTooLong {
  static constexpr const char* code = "xlsx.cell_too_long";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

// A cell that refers to a shared string the workbook does not have: read as empty.
struct XlsxBadSharedString {
  static constexpr const char* code = "xlsx.bad_shared_string";
  static constexpr Severity severity = Severity::Error;
  std::string_view index;  // as written in the cell
  Texts texts() const;
};

// Hidden rows with content, not read. `rows` lists the first of them ("4, 5, 9", "…" after).
struct XlsxHiddenRows {
  static constexpr const char* code = "xlsx.hidden_rows";
  static constexpr Severity severity = Severity::Warning;
  int64_t count;
  std::string_view rows;
  Texts texts() const;
};

// Population for the same unit and year in two sheets: the first sheet's figures are used.
struct XlsxPopulationInTwoSheets {
  static constexpr const char* code = "xlsx.population_in_two_sheets";
  static constexpr Severity severity = Severity::Warning;
  Texts texts() const;
};

// The sheets read and those left out, each language's list as the reader wrote it («Ark1» /
// "Sheet1", with the reason a sheet was left out).
struct SheetLists {
  const std::vector<std::string>& nb;
  const std::vector<std::string>& en;
};
// No sheet holds a table the calculator recognises (`sheets_named` false: the workbook has none).
struct XlsxNoTable {
  static constexpr const char* code = "xlsx.no_table";
  static constexpr Severity severity = Severity::Error;
  bool sheets_named;
  SheetLists skipped;
  Texts texts() const;
};

// The overview of a workbook: the sheets read, and those not read with why.
struct XlsxSheets {
  static constexpr const char* code = "xlsx.sheets";
  static constexpr Severity severity = Severity::Info;
  SheetLists read, skipped;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// The computation: values against the registers, cells, sums (messages/computation.cpp). A
// second place is given as file, sheet and line, worded by place_of_line().

struct SecondPlace {
  std::string_view file, sheet;
  int64_t line;
  bool form = false;  // the form typed on the page: named so, without a line
};

// Sum rows (indicator/sum_rows.cpp). `lines_*`: the rows summed ("linjene 2 og 3" / "lines 2 and
// 3", or their places in other files); `what_*`: what they are ("voksne + barn og unge").
struct SumRow {
  static constexpr const char* code = "sum.row";
  static constexpr Severity severity = Severity::Warning;
  std::string_view label, lines_nb, lines_en, what_nb, what_en;
  Texts texts() const;
};

struct SumLabelNotSum {
  static constexpr const char* code = "sum.label_not_sum";
  static constexpr Severity severity = Severity::Warning;
  std::string_view label, lines_nb, lines_en, what_nb, what_en;
  std::optional<Fixed> here, others;  // M1's FTEs of the row and of the rows it should sum
  Texts texts() const;
};

struct SumLabelWithoutParts {
  static constexpr const char* code = "sum.label_without_parts";
  static constexpr Severity severity = Severity::Info;
  std::string_view label, unit;
  int year;
  Texts texts() const;
};

struct SumRowByArithmetic {
  static constexpr const char* code = "sum.row_by_arithmetic";
  static constexpr Severity severity = Severity::Warning;
  enum Over { Groups, Services, Members } over;  // what the row lacks, or: its members' rows
  std::string_view unit;
  int year;
  std::string_view lines_nb, lines_en, what_nb, what_en;
  Texts texts() const;
};

// A municipality left out by the suppression rule for lack of one target group's FTEs: the files
// have no rows for that group (the form's part not given), or rows that say 0.
struct SuppressionPartMissing {
  static constexpr const char* code = "suppression.part_missing";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;  // "3101 Halden 2024"
  bool adults_missing;
  bool form;  // the unit-year is the form typed on the page's (it comes after every file): a column to fill in
  Texts texts() const;
};

// The same, when that group's rows were there but left out for an error in a figure (whose own
// message gives its place: a form has no lines to name).
struct SuppressionPartSkipped {
  static constexpr const char* code = "suppression.part_skipped";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  bool adults_missing;
  Texts texts() const;
};

struct SuppressionPartZero {
  static constexpr const char* code = "suppression.part_zero";
  static constexpr Severity severity = Severity::Info;
  std::string_view unit;
  bool adults_zero;
  Texts texts() const;
};

// --year Y (or the page's year) without FTEs for Y in the files.
struct SettingsYearWithoutData {
  static constexpr const char* code = "settings.year_without_data";
  static constexpr Severity severity = Severity::Error;
  int year;
  std::string_view years;  // "2023, 2024"; empty when none
  Texts texts() const;
};

// Population files checked against SSB's embedded figures, each other, the registers and the
// years the FTEs need (indicator/population_checks.cpp).
struct PopulationDiffersFromSsb {
  static constexpr const char* code = "population.differs_from_ssb";
  static constexpr Severity severity = Severity::Warning;
  enum class Cause { OtherYear, Half, Share, More, ManyTimes };
  std::string_view unit;
  int year;
  int64_t persons, ssb;
  Cause cause;
  int other_year;  // OtherYear: the year whose SSB figure it matches
  int percent;     // Share, More: the file's figure as a percentage of SSB's
  int times;       // ManyTimes: how many times SSB's figure (at most 1000)
  Texts texts() const;
};

struct PopulationFilesDisagree {
  static constexpr const char* code = "population.files_disagree";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  int year;
  int64_t here, there;
  SecondPlace other;
  Texts texts() const;
};

struct PopulationUnitNotInYear {
  static constexpr const char* code = "population.unit_not_in_year";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  int year;
  bool municipality;                      // else a county
  const std::vector<std::string>& valid;  // the unit's number(s) in the year, from the registers
  Texts texts() const;
};

struct PopulationYearsMissing {
  static constexpr const char* code = "population.years_missing";
  static constexpr Severity severity = Severity::Warning;
  const std::vector<std::string>& files;
  const std::vector<int>& given, needed;
  Texts texts() const;
};

struct ValueDuplicate {
  static constexpr const char* code = "value.duplicate";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  int year;
  TargetGroup group;
  std::string_view service;  // empty: none
  std::vector<std::string> categories;  // those of one line that repeat the same earlier line
  std::vector<Fixed> here, there;       // each category's figure on this line and on the first
  SecondPlace first;
  bool other_file;                      // the first is in another file (or the typed form)
  bool with_form;                       // this line or the first is in the form typed on the page
  Texts texts() const;
};

// One unit and year with figures in two or more files: they are added together, and said so
// once, at the first of its figures in the later file (two versions of one file dropped together).
// `overlapping`: some field is in both, counted once (value.duplicate says which).
struct ValueSeveralFiles {
  static constexpr const char* code = "value.several_files";
  static constexpr Severity severity = Severity::Warning;
  std::string_view what;  // "3101, 2024"
  SecondPlace first;      // the first of its figures in the earlier file
  bool overlapping;
  bool with_form;         // one of the two is the form typed on the page
  Texts texts() const;
};

struct ReferenceDuplicate {
  static constexpr const char* code = "reference.duplicate";
  static constexpr Severity severity = Severity::Warning;
  std::string_view what;  // "3101, 2024, M1"
  SecondPlace first;
  Texts texts() const;
};

struct UnitInvalid {
  static constexpr const char* code = "unit.invalid";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  Texts texts() const;
};

struct UnitNoRegister {
  static constexpr const char* code = "unit.no_register";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  int year;
  Texts texts() const;
};

struct UnitUnknownCounty {
  static constexpr const char* code = "unit.unknown_county";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  int year;
  std::string_view structure;
  Texts texts() const;
};

struct UnitDistrictNotReporting {
  static constexpr const char* code = "unit.district_not_reporting";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit, name;
  Texts texts() const;
};

struct UnitUnknownDistrict {
  static constexpr const char* code = "unit.unknown_district";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  Texts texts() const;
};

// A municipality number of the other structure than the year's; `use` lists the right numbers
// ("3103 Moss"), empty when there is none.
struct UnitWrongStructure {
  static constexpr const char* code = "unit.wrong_structure";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit, name, other_structure;
  int year;
  std::string_view use;
  Texts texts() const;
};

struct UnitUnknownMunicipality {
  static constexpr const char* code = "unit.unknown_municipality";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  int year;
  std::string_view structure;
  Texts texts() const;
};

struct YearOutOfRange {
  static constexpr const char* code = "year.out_of_range";
  static constexpr Severity severity = Severity::Error;
  int year;
  Texts texts() const;
};

struct CategoryWrongSchema {
  static constexpr const char* code = "category.wrong_schema";
  static constexpr Severity severity = Severity::Error;
  std::string_view category;
  int year;
  bool category_from_2024;
  Texts texts() const;
};

struct ArithmeticOverflow {
  static constexpr const char* code = "arithmetic.overflow";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  int year;
  std::string_view measures;  // "M1, M3"
  Texts texts() const;
};

struct CategoryAboveTotal {
  static constexpr const char* code = "check.category_above_total";
  static constexpr Severity severity = Severity::Warning;
  std::string_view category;
  Fixed value, total;
  std::string_view unit;
  Texts texts() const;
};

// The sum of a–e (2024) differs from the total given.
struct TotalMismatch2024 {
  static constexpr const char* code = "check.total_mismatch";
  static constexpr Severity severity = Severity::Warning;
  Fixed sum, total;
  std::string_view unit;
  Texts texts() const;
};

// M1 (2015–2023) differs from the total given; `disjoint`: M1 is the sum of the education levels.
struct TotalMismatch2015 {
  static constexpr const char* code = "check.total_mismatch";
  static constexpr Severity severity = Severity::Warning;
  Fixed m1, total;
  std::string_view unit;
  bool disjoint;
  Texts texts() const;
};

struct CategoryMixedForms {
  static constexpr const char* code = "category.mixed_forms";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;
  Texts texts() const;
};

struct NestedOrder {
  static constexpr const char* code = "check.nested_order";
  static constexpr Severity severity = Severity::Warning;
  std::string_view unit;
  int measure, next_measure;  // 1..4: M<measure> is less than M<next_measure>, the next one given
  Fixed value, next;
  Texts texts() const;
};

struct AggregateGivenAndComputed {
  static constexpr const char* code = "aggregate.given_and_computed";
  static constexpr Severity severity = Severity::Warning;
  std::string_view name;
  int year;
  Texts texts() const;
};

struct PopulationMissing {
  static constexpr const char* code = "population.missing";
  static constexpr Severity severity = Severity::Error;
  std::string_view unit;  // "3101 Halden"
  int population_year, year;
  Texts texts() const;
};

struct SuppressionNotApplied {
  static constexpr const char* code = "suppression.not_applied";
  static constexpr Severity severity = Severity::Info;
  int year;
  Texts texts() const;
};

// ---------------------------------------------------------------------------------------------
// Checks before submission (messages/checks.cpp); `who` is "3101 Halden 2024". Their thresholds
// are arsverk/thresholds.hpp's.

struct CheckRateHigh {
  static constexpr const char* code = "check.rate_high";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  double rate;  // M1 per 1,000
  Texts texts() const;
};

struct CheckRateZero {
  static constexpr const char* code = "check.rate_zero";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  Texts texts() const;
};

// Against the published national M1 rate of `national_year` (the data year's, else the nearest).
struct PublishedNational {
  std::string_view who;
  double rate, factor;  // own M1 per 1,000; own / national
  int national_year;
  double national_rate;
  bool same_year;  // national_year is the data year
};

struct CheckFarAbovePublished : PublishedNational {
  static constexpr const char* code = "check.far_above_published";
  static constexpr Severity severity = Severity::Warning;
  Texts texts() const;
};

// Info, not a warning: low rates have honest causes too (services bought from others).
struct CheckFarBelowPublished : PublishedNational {
  static constexpr const char* code = "check.far_below_published";
  static constexpr Severity severity = Severity::Info;
  Texts texts() const;
};

struct CheckOutsideGroupFences {
  static constexpr const char* code = "check.outside_group_fences";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  double rate;
  std::string_view group;
  double median;
  int members, members_total, reference_year;
  Texts texts() const;
};

struct CheckOneCategory {
  static constexpr const char* code = "check.one_category";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  Fixed arsverk;
  std::string_view category;
  Texts texts() const;
};

struct CheckChangeLarge {
  static constexpr const char* code = "check.change_large";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  double percent;
  int from_year;
  double before, now;  // M1 per 1,000
  Texts texts() const;
};

// Plausibility per education category and target group (indicator/plausibility.cpp, texts in
// messages/plausibility.cpp). `category`
// is "a".."e"; `group` the target group the category is counted in (Unspecified: the whole unit).
struct CheckCategoryShare {
  static constexpr const char* code = "check.category_share";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who, category;
  TargetGroup group;
  double ftes, share, national_share;  // shares of the target group's FTEs, 0..1
  Texts texts() const;
};

struct CheckCategoryBetweenGroups {
  static constexpr const char* code = "check.category_between_groups";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who, category;
  TargetGroup group;  // where the category is large; the other group is the other one
  double ftes, share, other_share;
  Texts texts() const;
};

struct CheckGroupBalance {
  static constexpr const char* code = "check.group_balance";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who, category;  // the group's most over-represented category, to look at first
  TargetGroup group;               // the group with too large a share
  bool district;                   // the unit is an Oslo district
  double ftes, total, share, national_share;
  int national_year;
  Texts texts() const;
};

struct CheckCategoryChange {
  static constexpr const char* code = "check.category_change";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who, category;
  TargetGroup group;
  double now, before;
  int before_year;
  Texts texts() const;
};

// M2–M4 against their published national rate, as M1 (check.far_above_published).
struct CheckMeasureFarAbovePublished {
  static constexpr const char* code = "check.far_above_published";
  static constexpr Severity severity = Severity::Warning;
  std::string_view who;
  int measure;  // 1..3 for M2..M4
  double rate, factor, national_rate;
  int national_year;
  Texts texts() const;
};

struct InputNoArsverk {
  static constexpr const char* code = "input.no_arsverk";
  static constexpr Severity severity = Severity::Error;
  Texts texts() const;
};

struct ScopeExcluded {
  static constexpr const char* code = "scope.excluded";
  static constexpr Severity severity = Severity::Info;
  int year;
  Fixed arsverk;
  std::string_view service;
  int rows;
  Texts texts() const;
};

}  // namespace arsverk::msg
