// Regression tests for bugs found by fuzzing (fuzz/, docs/robustness.md) and by the catalogue of
// bad files. Each bug has a minimal hand-written case; the fuzzers' crash inputs themselves are
// kept in fuzz/regressions/<target>/ and replayed here (and by scripts/fuzz.sh through the real
// targets).
#include <catch2/catch.hpp>

#include <dirent.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "arsverk/reader.hpp"
#include "arsverk/session.hpp"
#include "test_reader_util.hpp"
#include "read/text.hpp"

using namespace arsverk;
using namespace reader_test;

namespace {

bool all_messages_utf8(const ParsedFile& f) {
  for (const auto& d : f.diagnostics)
    if (!detail::valid_utf8(d.text(Lang::Nb)) || !detail::valid_utf8(d.text(Lang::En))) return false;
  return true;
}

std::vector<std::string> files_under(const std::string& rel) {
  std::vector<std::string> out;
  const std::string root = source_path(rel);
  DIR* top = opendir(root.c_str());
  if (!top) return out;
  while (dirent* t = readdir(top)) {
    const std::string sub = t->d_name;
    if (sub == "." || sub == "..") continue;
    DIR* d = opendir((root + "/" + sub).c_str());
    if (!d) continue;
    while (dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") out.push_back(rel + "/" + sub + "/" + n);
    }
    closedir(d);
  }
  closedir(top);
  return out;
}

}  // namespace

// Found by fuzz_jsonstat and fuzz_pipeline (first short run): nlohmann's parse error message
// quotes the bytes it last read, which can stop inside a UTF-8 sequence. The message went into
// the diagnostic as is, and report_json() then threw json type_error 316 (invalid UTF-8) —
// an uncaught exception, i.e. a crash of the CLI and an abort in the page.
// Fixed in core/src/reader_jsonstat.cpp (read_jsonstat): such a quote is made ASCII.
TEST_CASE("regression: a JSON syntax error right before a non-ASCII character", "[regression]") {
  const std::string bytes = "{\"dimension\":{\"Region\":{\"label\":{\"K-3101\"\xC3\x98stfold\"}}}}";
  const ParsedFile f = read(bytes, "ødelagt.json");
  REQUIRE(has_code(f, "jsonstat.invalid"));
  CHECK(all_messages_utf8(f));

  Session s;
  s.add_file("ødelagt.json", bytes);
  std::string report;
  REQUIRE_NOTHROW(report = s.report_json({}));
  const auto doc = nlohmann::json::parse(report);
  CHECK(doc["diagnostics"][0]["code"] == "jsonstat.invalid");
  REQUIRE_NOTHROW(s.report_csv({}, Lang::Nb));
  REQUIRE_NOTHROW(s.report_table({}));
}

// Found by the catalogue (half_saved.csv): a file cut off in the middle of its last row gave
// only an info "lines below the table were not read (footnotes)". A short row that starts like
// a data row (unit number, year) is now a csv.wrong_shape error; real footnotes stay info.
// Fixed in core/src/read/table/table_reader.cpp (TableReader::Impl::finish, looks_like_data).
TEST_CASE("regression: a half-saved file's cut-off last row is an error, not a footnote", "[regression]") {
  const std::string head =
      "kommunenummer;år;målgruppe;a;b;c;d;e\n"
      "3101;2024;voksne;1;2;3;4;5\n"
      "3101;2024;barn og unge;1;1;0;0;0\n";
  SECTION("cut-off row") {
    const ParsedFile f = read(head + "3103;2024;voksne;1;2", "halv.csv");
    const Diagnostic* d = find_code(f, "csv.wrong_shape");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->line == 4);
    CHECK_FALSE(has_code(f, "csv.footnotes_ignored"));
    CHECK(f.arsverk.size() == 10);
  }
  SECTION("cut-off row followed by footnotes") {
    const ParsedFile f = read(head + "3103;2024;voksne;1\n\nKilde: egen rapportering\n", "halv.csv");
    const Diagnostic* d = find_code(f, "csv.wrong_shape");
    REQUIRE(d);
    CHECK(d->line == 4);
    const Diagnostic* n = find_code(f, "csv.footnotes_ignored");
    REQUIRE(n);
    CHECK(n->line == 6);
    CHECK(n->severity == Severity::Info);
  }
  SECTION("footnotes alone stay info") {
    const ParsedFile f = read(head + "\nKilde: egen rapportering;2024\nTallene er foreløpige\n", "fot.csv");
    CHECK_FALSE(has_code(f, "csv.wrong_shape"));
    CHECK(has_code(f, "csv.footnotes_ignored"));
  }
  SECTION("the same whatever the chunking") {
    const std::string bytes = head + "3103;2024;voksne;1\n\nKilde: egen rapportering\n";
    const std::string whole = dump(read(bytes, "halv.csv"));
    for (std::size_t chunk : {1, 3, 17})
      CHECK(dump(read_chunked(bytes, chunk, "halv.csv")) == whole);
  }
}

// Found by the catalogue (columns_100000_row.csv): one row with more than max_columns cells
// anywhere in the file made the whole file "not a table" and every valid row was dropped. Now
// only a too-wide first row (the header) rejects the file; a later one is skipped and reported.
// Fixed in core/src/read/table/table_reader.cpp (TableReader::Impl::on_record).
TEST_CASE("regression: one far too wide row is skipped, the rest of the table still read", "[regression]") {
  std::string bytes =
      "kommunenummer;år;målgruppe;a;b;c;d;e\n"
      "3101;2024;voksne;1;2;3;4;5\n"
      "3105;2024;voksne;1;2;3;4;5";
  for (int i = 0; i < 3000; ++i) bytes += ";1";
  bytes += "\n3103;2024;voksne;1;2;3;4;5\n";
  const ParsedFile f = read(bytes, "bred.csv");
  CHECK(f.kind == FileKind::Arsverk);
  const Diagnostic* d = find_code(f, "csv.too_many_columns");
  REQUIRE(d);
  CHECK(d->line == 3);
  CHECK(d->severity == Severity::Error);
  CHECK(f.arsverk.size() == 10);
  for (const auto& v : f.arsverk) CHECK(v.unit != "3105");

  SECTION("a too-wide header still means: not a table") {
    std::string wide = "kommunenummer;år;a";
    for (int i = 0; i < 3000; ++i) wide += ";x";
    const ParsedFile g = read(wide + "\n3101;2024;1\n", "bred.csv");
    CHECK(g.kind == FileKind::Unknown);
    CHECK(has_code(g, "csv.too_many_columns"));
  }
}

// Found by the catalogue (gigabyte.csv, run with ARSVERK_BIG_TESTS=1 under ASan): a 1 GB file
// of one row repeated ran out of memory — every årsverk figure was kept (about 100 bytes each),
// however many. Now at most ReaderLimits::max_values (1 000 000; a real file has < 500 000)
// are kept; the row that would pass the limit gets file.too_many_values and the rest of the
// file is not read. Fixed in core/src/read/table/table_reader.cpp (TableReader::Impl::arsverk_row) and
// core/include/arsverk/reader.hpp (ReaderLimits::max_values).
TEST_CASE("regression: the årsverk figures kept from one file are bounded", "[regression]") {
  std::string bytes = "kommunenummer;år;målgruppe;a;b;c;d;e\n";
  for (int i = 0; i < 100; ++i) bytes += "3101;2024;voksne;1;2;3;4;5\n";
  ReaderLimits limits;
  limits.max_values = 42;  // 8 whole rows of five categories; the 9th (line 10) would pass it
  for (std::size_t chunk : {bytes.size(), std::size_t{5}}) {
    const ParsedFile f = read_chunked(bytes, chunk, "mange.csv", limits);
    CHECK(f.arsverk.size() == 40);
    const Diagnostic* d = find_code(f, "file.too_many_values");
    REQUIRE(d);
    CHECK(d->line == 10);
    CHECK(d->severity == Severity::Error);
    int n = 0;
    for (const auto& x : f.diagnostics) n += x.code == "file.too_many_values";
    CHECK(n == 1);
  }
}

// Found while sizing the catalogue's JSON entry: JSON-stat is parsed whole, and the parsed tree
// takes about 19 times the file (100 MB of numbers: 2 GB resident), so the old 256 MB limit let
// a file through that needs ~5 GB — beyond what the page can have. The limit is now 64 MB; SSB's
// API answers at most 800 000 cells, far below. core/include/arsverk/reader.hpp.
TEST_CASE("regression: the JSON-stat size limit keeps the parsed tree within a page's memory", "[regression]") {
  CHECK(ReaderLimits{}.max_json_bytes <= (64u << 20));
  ReaderLimits limits;
  limits.max_json_bytes = 1000;
  std::string bytes = "{\"value\":[";
  for (int i = 0; i < 1000; ++i) bytes += "1,";
  bytes += "1]}";
  const ParsedFile f = read_chunked(bytes, 64, "stor.json", limits);
  CHECK(f.kind == FileKind::Unknown);
  CHECK(has_code(f, "jsonstat.too_large"));
}

// Found while checking how far the fuzzers' UTF-8 finding reaches: a file name that is not
// UTF-8 (a Latin-1 name on the command line: `arsverk $'\xe6.csv'`) made report_json() throw
// type_error.316 and the CLI abort. Invalid bytes now become U+FFFD in the JSON.
// Fixed in core/src/report_json.cpp (report_to_json).
TEST_CASE("regression: a file name that is not UTF-8 does not break the JSON report", "[regression]") {
  Session s;
  s.add_file("B\xf8mlo.csv", "region;år;folkemengde\n3101;2024;abc\n");
  std::string report;
  REQUIRE_NOTHROW(report = s.report_json({}));
  const auto doc = nlohmann::json::parse(report);
  CHECK(doc["files"][0]["name"] == "B\xEF\xBF\xBDmlo.csv");
  CHECK(doc["diagnostics"][0]["place"]["file"] == "B\xEF\xBF\xBDmlo.csv");
}

// Every input the fuzzers ever crashed on: read whole and in chunks (same result, valid UTF-8
// messages), and through a Session to all three report forms without an exception.
TEST_CASE("regression: the fuzzers' crash inputs (fuzz/regressions/)", "[regression][fuzz]") {
  const auto inputs = files_under("fuzz/regressions");
  CHECK(inputs.size() >= 2);
  for (const auto& rel : inputs) {
    INFO(rel);
    const std::string bytes = slurp(rel);
    ReaderLimits small;
    small.max_line_bytes = 2048;
    small.max_columns = 64;
    small.max_json_bytes = 64 * 1024;
    small.max_json_depth = 32;
    small.max_values = 200;
    for (const ReaderLimits& limits : {ReaderLimits{}, small}) {
      const ParsedFile whole = read_chunked(bytes, bytes.size() + 1, "input", limits);
      CHECK(all_messages_utf8(whole));
      for (std::size_t chunk : {1, 7, 4093}) CHECK(dump(read_chunked(bytes, chunk, "input", limits)) == dump(whole));
    }
    Session s;
    // The pipeline target splits its input into files at "\n--8<--\n".
    std::size_t start = 0;
    for (;;) {
      const std::size_t at = bytes.find("\n--8<--\n", start);
      s.add_file("fil" + std::to_string(start), std::string_view(bytes).substr(start, at == std::string::npos ? std::string::npos : at - start));
      if (at == std::string::npos) break;
      start = at + 8;
    }
    for (Lang lang : {Lang::Nb, Lang::En}) {
      Settings settings;
      settings.lang = lang;
      std::string report;
      REQUIRE_NOTHROW(report = s.report_json(settings));
      CHECK_FALSE(nlohmann::json::parse(report, nullptr, false).is_discarded());
      REQUIRE_NOTHROW(s.report_csv(settings, Lang::Nb));
      REQUIRE_NOTHROW(s.report_table(settings));
    }
  }
}
