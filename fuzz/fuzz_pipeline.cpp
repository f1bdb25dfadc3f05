// The whole pipeline, bytes to results: the input is split into up to four files at the
// separator "\n--8<--\n", the files are fed to a Session interleaved in random chunk sizes, then
// the report is computed with settings chosen from the input and written as JSON (which must
// parse), CSV (both styles) and text. A file may also be removed and the report recomputed.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "arsverk/session.hpp"
#include "fuzz_common.hpp"

using namespace arsverk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  static constexpr std::string_view kSep = "\n--8<--\n";
  while (parts.size() < 3) {
    std::size_t at = all.find(kSep);
    if (at == std::string_view::npos) break;
    parts.push_back(all.substr(0, at));
    all.remove_prefix(at + kSep.size());
  }
  parts.push_back(all);

  fuzz::Rng rng(std::string_view(reinterpret_cast<const char*>(data), size));
  Session session;
  std::vector<int> ids;
  std::vector<std::string_view> left = parts;
  for (std::size_t i = 0; i < parts.size(); ++i)
    ids.push_back(session.begin_file("fil " + std::to_string(i + 1) + (i % 2 ? ".json" : ".csv")));
  // Interleave: each step feeds one chunk of a random unfinished file.
  for (;;) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < left.size(); ++i)
      if (!left[i].empty()) open.push_back(i);
    if (open.empty()) break;
    std::size_t i = open[rng.below(open.size())];
    std::size_t n = fuzz::chunk_size(rng, left[i].size());
    session.feed(ids[i], left[i].substr(0, n));
    left[i].remove_prefix(n);
  }
  for (int id : ids) session.end_file(id);

  Settings s;
  const uint64_t bits = rng.next();
  if (bits & 1) s.year = 2020 + static_cast<int>((bits >> 1) % 7);
  s.population_year = (bits & 0x100) ? PopulationYear::Next : PopulationYear::Same;
  s.carry_forward = static_cast<Rule>((bits >> 9) % 3);
  s.suppression = static_cast<Rule>((bits >> 10) % 3);
  s.lang = (bits & 0x800) ? Lang::En : Lang::Nb;

  const std::string j = session.report_json(s);
  const auto doc = nlohmann::json::parse(j, nullptr, false);
  if (doc.is_discarded()) fuzz::fail("report_json is not JSON", j);
  for (const auto& r : doc["results"]) {
    if (!r["population"].is_number() || r["population"].get<double>() <= 0)
      fuzz::fail("result without a positive population", r.dump());
  }
  (void)session.report_csv(s, Lang::Nb);
  (void)session.report_csv(s, Lang::En);
  if (bits & 0x1000) (void)session.report_table(s);
  (void)session.has_errors(s);
  if (ids.size() > 1 && (bits & 0x2000)) {
    session.remove_file(ids[rng.below(ids.size())]);
    (void)nlohmann::json::parse(session.report_json(s));
  }
  return 0;
}
