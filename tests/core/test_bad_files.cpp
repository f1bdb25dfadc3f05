// The catalogue of bad files (tests/data/bad/manifest.json, docs/robustness.md): every entry is
// read through a Session, fed in chunks, and must give the diagnostics the manifest names (code,
// severity, file, line), no other error or warning about that file, and still use the valid part
// (result count, unit codes, population taken from the file). Generated entries (10 MB line,
// 100 000 columns, 100 MB JSON, 1 GB) are streamed from their recipe, never written to disk.
// No time is asserted: a hang is caught by ctest's timeout.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "arsverk/reader.hpp"
#include "arsverk/session.hpp"

using namespace arsverk;
using nlohmann::json;

namespace {

const std::string& bad_dir() {
  static const std::string d = std::string(ARSVERK_SOURCE_DIR) + "/tests/data/bad/";
  return d;
}

const json& manifest() {
  static const json m = [] {
    std::ifstream in(bad_dir() + "manifest.json", std::ios::binary);
    REQUIRE(in);
    return json::parse(in);
  }();
  return m;
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

using Feed = std::function<void(std::string_view)>;

// The bytes of a generated entry: its parts concatenated, each text repeated, in blocks of
// about 64 KB so a 1 GB entry never needs more than one block in memory.
void stream_generated(const json& gen, const Feed& feed) {
  for (const json& part : gen.at("parts")) {
    const std::string text = part.at("text").get<std::string>();
    uint64_t left = part.value("repeat", uint64_t{1});
    if (text.empty() || left == 0) continue;
    const std::size_t per = std::max<std::size_t>(1, (64 * 1024) / text.size());
    std::string block;
    for (std::size_t k = 0; k < per && k < left; ++k) block += text;
    while (left > 0) {
      const uint64_t n = std::min<uint64_t>(left, per);
      feed(std::string_view(block).substr(0, n * text.size()));
      left -= n;
    }
  }
}

// Committed files are fed in odd-sized chunks (boundaries fall inside lines, quotes, UTF-8).
void stream_file(const std::string& path, const Feed& feed) {
  const std::string bytes = slurp(path);
  constexpr std::size_t kChunk = 4093;
  for (std::size_t i = 0; i < bytes.size(); i += kChunk) feed(std::string_view(bytes).substr(i, kChunk));
}

std::string describe(const json& d) {
  return d.value("severity", "?") + " " + d.value("code", "?") + " line " +
         (d["place"]["line"].is_null() ? std::string("-") : d["place"]["line"].dump()) + ": " + d["message"].value("nb", "");
}

bool big_tests_enabled() {
  const char* e = std::getenv("ARSVERK_BIG_TESTS");
  return e && *e && std::string(e) != "0";
}

void check_entry(const json& entry) {
  const std::string name = entry.at("name").get<std::string>();
  const json& expect = entry.at("expect");
  INFO("bad file: " << name << " — " << entry.value("what", ""));
  if (entry.contains("known_gap")) WARN(name << ": known gap: " << entry["known_gap"].get<std::string>());

  Session session;
  for (const json& w : entry.value("with", json::array()))
    session.add_file(base_name(w.get<std::string>()), slurp(bad_dir() + w.get<std::string>()));
  const int id = session.begin_file(name);
  const Feed feed = [&](std::string_view chunk) { session.feed(id, chunk); };
  if (entry.contains("generated")) stream_generated(entry["generated"], feed);
  else stream_file(bad_dir() + name, feed);
  session.end_file(id);

  Settings settings;
  if (entry.contains("settings")) settings = settings_from_json(entry["settings"].dump());
  const json report = json::parse(session.report_json(settings));

  // What was recognised.
  const json* file = nullptr;
  for (const json& f : report.at("files"))
    if (f.at("name") == name) file = &f;
  REQUIRE(file);
  if (expect.contains("kind")) CHECK((*file)["kind"] == expect["kind"]);
  if (expect.contains("encoding")) CHECK((*file)["encoding"] == expect["encoding"]);

  // The diagnostics about this file.
  std::vector<json> mine;
  std::string all;
  for (const json& d : report.at("diagnostics")) {
    if (d["place"]["file"].is_string() && d["place"]["file"] == name) {
      mine.push_back(d);
      all += "  " + describe(d) + "\n";
    }
  }
  INFO("diagnostics about the file:\n" << all);
  std::set<std::string> expected_codes;
  for (const json& e : expect.at("diagnostics")) {
    const std::string code = e.at("code").get<std::string>();
    expected_codes.insert(code);
    bool found = false;
    for (const json& d : mine)
      if (d["code"] == code && d["severity"] == e.at("severity") &&
          (e["line"].is_null() ? d["place"]["line"].is_null() : d["place"]["line"] == e["line"]))
        found = true;
    INFO("expected: " << e.at("severity").get<std::string>() << " " << code << " line " << e["line"].dump());
    CHECK(found);
  }
  // The catalogue's figures are toy numbers (1;2;3;4;5) whose composition no municipality has: the
  // composition checks would warn on most files, and they are tested in indicator/test_plausibility.cpp.
  const std::set<std::string> composition_checks{"check.category_share", "check.category_between_groups", "check.group_balance"};
  for (const json& d : mine) {
    // Every message says what was found and what to do, in words.
    for (const char* lang : {"nb", "en"}) {
      CHECK(d["message"][lang].is_string());
      CHECK(d["message"][lang].get<std::string>().size() > 20);
    }
    if ((d["severity"] == "error" || d["severity"] == "warning") && !composition_checks.count(d["code"].get<std::string>())) {
      INFO("unexpected: " << describe(d));
      CHECK(expected_codes.count(d["code"].get<std::string>()) == 1);
    }
  }

  // The valid part is still used.
  const json& results = report.at("results");
  if (expect.contains("results")) {
    const json& r = expect["results"];
    if (r.is_number()) CHECK(results.size() == r.get<std::size_t>());
    else CHECK(results.size() >= r.at("min").get<std::size_t>());
  }
  for (const json& unit : expect.value("units", json::array())) {
    bool found = false;
    for (const json& r : results) found = found || r["code"] == unit;
    INFO("unit that must have a result: " << unit.get<std::string>());
    CHECK(found);
  }
  const json from_file = expect.value("population_from_file", json::object());
  for (const auto& [unit, persons] : from_file.items()) {
    bool found = false;
    for (const json& r : results)
      if (r["code"] == unit) {
        found = true;
        CHECK(r["population"] == persons);
        CHECK(r["population_source"] == "file");
        CHECK(r["population_file"] == name);
      }
    INFO("unit whose population comes from the file: " << unit);
    CHECK(found);
  }
}

void check_entries(bool generated) {
  int checked = 0;
  for (const json& entry : manifest().at("files")) {
    if (entry.contains("generated") != generated) continue;
    if (entry.value("native", true) == false && !big_tests_enabled()) {
      WARN("skipped " << entry["name"].get<std::string>() << " (set ARSVERK_BIG_TESTS=1 to run it)");
      continue;
    }
    check_entry(entry);
    ++checked;
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("bad files: the manifest lists every committed file and at least 40 cases", "[bad]") {
  const json& files = manifest().at("files");
  CHECK(files.size() >= 40);
  std::set<std::string> listed, committed;
  for (const json& e : files) {
    const std::string name = e.at("name").get<std::string>();
    CHECK(listed.insert(name).second);  // no name twice
    REQUIRE(e.contains("what"));
    REQUIRE(e.contains("expect"));
    REQUIRE(e["expect"].contains("diagnostics"));
    std::ifstream in(bad_dir() + name, std::ios::binary);
    INFO(name);
    // Generated entries are never committed; all others are.
    CHECK(static_cast<bool>(in) == !e.contains("generated"));
  }
  DIR* dir = opendir(bad_dir().c_str());
  REQUIRE(dir);
  while (dirent* de = readdir(dir)) {
    const std::string n = de->d_name;
    if (n == "." || n == ".." || n == "manifest.json" || n == "support" || n == "generate.mjs") continue;
    committed.insert(n);
  }
  closedir(dir);
  for (const auto& n : committed) {
    INFO("file in tests/data/bad/ not in the manifest: " << n);
    CHECK(listed.count(n) == 1);
  }
}

TEST_CASE("bad files: every committed file gives its diagnostics and keeps its valid part", "[bad]") {
  check_entries(false);
}

TEST_CASE("bad files: generated large files (10 MB line, 100 000 columns, 100 MB JSON, 250 000 rows)", "[bad][big]") {
  check_entries(true);
}

namespace {

// The text outside «quoted cells», where the file's own words may appear.
std::string outside_quotes(const std::string& text) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xC2\xAB") == 0) { ++depth; ++i; continue; }
    if (text.compare(i, 2, "\xC2\xBB") == 0) { depth = std::max(0, depth - 1); ++i; continue; }
    if (depth == 0) out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("bad files: every reader message with a line says it (a workbook's: sheet and cell), in both languages — English says FTEs", "[bad]") {
  int checked = 0;
  for (const json& entry : manifest().at("files")) {
    if (entry.contains("generated")) continue;
    const std::string name = entry.at("name").get<std::string>();
    const ParsedFile f = read_file(name, slurp(bad_dir() + name));
    for (const Diagnostic& d : f.diagnostics) {
      INFO(name << ": " << d.code << " line " << d.line << "\n  " << d.text(Lang::Nb) << "\n  " << d.text(Lang::En));
      CHECK(outside_quotes(d.text(Lang::En)).find("årsverk") == std::string::npos);
      if (d.line <= 0) continue;
      if (!d.sheet.empty()) {  // a workbook: the sheet and cell (or row) lead the message
        CHECK(d.text(Lang::Nb).rfind(place_in_file(d.sheet, d.line, d.column, Lang::Nb), 0) == 0);
        CHECK(d.text(Lang::En).rfind(place_in_file(d.sheet, d.line, d.column, Lang::En), 0) == 0);
        ++checked;
        continue;
      }
      CHECK(d.text(Lang::Nb).find("Linje " + std::to_string(d.line)) != std::string::npos);
      CHECK(d.text(Lang::En).find("Line " + std::to_string(d.line)) != std::string::npos);
      ++checked;
    }
  }
  CHECK(checked > 30);
}
