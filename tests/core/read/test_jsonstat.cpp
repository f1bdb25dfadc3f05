// JSON-stat population files: limits, malformed datasets, BOM and status arrays.
#include <catch2/catch.hpp>

#include "arsverk/reader.hpp"
#include "../test_reader_util.hpp"

using namespace arsverk;
using namespace reader_test;

TEST_CASE("JSON limits and malformed JSON-stat", "[reader][jsonstat][limits]") {
  std::string deep(100000, '[');
  ParsedFile f = read(deep, "deep.json");
  CHECK(f.kind == FileKind::Unknown);
  CHECK(find_code(f, "jsonstat.too_deep"));

  ReaderLimits lim;
  lim.max_json_bytes = 1 << 20;
  std::string big = "{\"a\":\"" + std::string(2 << 20, 'x') + "\"}";
  ParsedFile g = read_chunked(big, 4096, "big.json", lim);
  CHECK(find_code(g, "jsonstat.too_large"));

  ParsedFile h = read("{\"class\":\"dataset\",", "broken.json");
  CHECK(find_code(h, "jsonstat.invalid"));
  ParsedFile i = read("{\"x\":1}", "x.json");
  CHECK(find_code(i, "jsonstat.not_dataset"));

  std::string mismatch =
      R"({"id":["Region","Tid"],"size":[2,1],"dimension":{"Region":{"category":{"index":["3101","3103"]}},)"
      R"("Tid":{"category":{"index":["2024"]}}},"label":"Folkemengde","value":[1,2,3],"role":{"geo":["Region"],"time":["Tid"]}})";
  ParsedFile m = read(mismatch, "m.json");
  CHECK(find_code(m, "jsonstat.size_mismatch"));
  CHECK(m.population.empty());
}

TEST_CASE("JSON-stat with a BOM, status array and a single total category", "[reader][jsonstat]") {
  std::string js =
      "\xEF\xBB\xBF{\"class\":\"dataset\",\"label\":\"Befolkning\",\"id\":[\"Region\",\"Alder\",\"Tid\"],"
      "\"size\":[2,1,2],\"dimension\":{\"Region\":{\"category\":{\"index\":[\"3101\",\"3103\"]}},"
      "\"Alder\":{\"category\":{\"index\":[\"999D\"],\"label\":{\"999D\":\"Alle aldre\"}}},"
      "\"Tid\":{\"category\":{\"index\":{\"2023\":0,\"2024\":1}}}},"
      "\"value\":[31000,31444,null,51000],\"status\":[null,null,\":\",null],"
      "\"role\":{\"time\":[\"Tid\"],\"geo\":[\"Region\"]}}";
  ParsedFile f = read(js, "x.json");
  INFO(all_codes(f));
  CHECK(f.encoding == "utf-8-bom");
  CHECK(f.kind == FileKind::Population);
  CHECK(f.population.size() == 3);
  CHECK(f.population.at({"3103", 2024}) == 51000);
  CHECK(find_code(f, "number.missing_values"));
  CHECK(f.rows == 4);
}
