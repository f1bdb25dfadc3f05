// Limits on lines and columns, and the same result however the bytes are chunked.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

TEST_CASE("Limits: long lines, too many columns", "[reader][limits]") {
  ReaderLimits lim;
  lim.max_line_bytes = 100;
  std::string csv = "kommune;år;a\n3101;2024;1\n3102;2024;" + std::string(500, '9') + "\n3103;2024;3\n";
  ParsedFile f = read_chunked(csv, 3, "x.csv", lim);
  INFO(all_codes(f));
  REQUIRE(f.arsverk.size() == 2);
  CHECK(f.arsverk[1].unit == "3103");
  CHECK(f.arsverk[1].line == 4);
  const Diagnostic* d = find_code(f, "csv.line_too_long");
  REQUIRE(d);
  CHECK(d->line == 3);
  int n = 0;
  for (const auto& x : f.diagnostics) n += x.code == "csv.line_too_long";
  CHECK(n == 1);

  ReaderLimits lim2;
  lim2.max_columns = 10;
  std::string wide = "kommune;år";
  for (int i = 0; i < 20; ++i) wide += ";a";
  ParsedFile g = read_chunked(wide + "\n", 1000, "w.csv", lim2);
  CHECK(g.kind == FileKind::Unknown);
  CHECK(find_code(g, "csv.too_many_columns"));
  CHECK(find_code(g, "csv.too_many_columns")->nb.find("ikke en tabell vi kan lese") != std::string::npos);
}

TEST_CASE("Chunk size never changes the result", "[reader][chunks]") {
  std::vector<std::string> inputs = {
      "\"Årsverk 2024\"\r\n\r\nkommune;år;målgruppe;a;b\r\n3101 Halden;2024;voksne;1,5;2\r\n"
      "Halden;2024;barn og unge;0,5;1\r\n301;2024;voksne;12abc;1\r\n\r\nKilde: egen\r\n",
      "\xEF\xBB\xBFkommunenummer\tår\tkategori\tårsverk\n3101\t2024\ta\t1,25\n0301\t2023\ttotalt\t5\n",
      "region;alder;Personer 2023\nK-3101 Halden;0 \xE5r;5\nK-3101 Halden;1 \xE5r;6\n030101 X (1988-2003);0 \xE5r;1\n",
      "kommune,år,tjeneste,a\n3101,2024,\"Rus\r\n og psykisk\",\"1,5\"\r\n3101,2024,\"a\"\"b\",2",
      slurp("tests/data/readers/jsonstat_population_array_sparse.json"),
      "%PDF-1.4\n....",
  };
  for (const auto& in : inputs) {
    std::string whole = dump(read_chunked(in, in.size() + 1));
    INFO(whole);
    for (std::size_t n : {1u, 2u, 3u, 7u, 4096u}) CHECK(dump(read_chunked(in, n)) == whole);
  }
  // A file longer than the sniff window, chunked across the window's end.
  std::string big = "kommune;år;a\n";
  for (int i = 0; i < 3000; ++i) big += "3101;2024;" + std::to_string(i) + ",5\n";
  big += "Kilde: x\n";
  std::string whole = dump(read_chunked(big, big.size()));
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(big, n)) == whole);
  ParsedFile f = read(big);
  CHECK(f.arsverk.size() == 3000);
  CHECK(f.rows == 3000);
}

TEST_CASE("A first line longer than the sniff window defers the header decision", "[reader][chunks]") {
  std::string csv = "\"" + std::string(70000, 'T') + "\"\nkommune;år;a\n3101;2024;1\n3103;2024;2\n";
  std::string whole = dump(read_chunked(csv, csv.size()));
  ParsedFile f = read(csv);
  INFO(all_codes(f));
  CHECK(f.arsverk.size() == 2);
  CHECK(f.arsverk[0].line == 3);
  for (std::size_t n : {1u, 7u, 4096u}) CHECK(dump(read_chunked(csv, n)) == whole);
}
