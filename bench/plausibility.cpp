// How well the checks catch a lost decimal comma, one municipality at a time.
//
//   arsverk_plausibility [--data FILE] [--year Y] [--shape form|services] [--spread S] [--previous]
//                        [--seed N] [--list N]
//
// For each municipality of FILE (default: the synthetic example data, data/example/) the tool
// writes the file a municipal adviser would have — only that municipality's rows for Y — and runs
// the calculator on it alone:
//   - unchanged: does any warning come out?                    (false alarms)
//   - for each category cell of at least 1 FTE, that cell × 10 (22,50 → 225,0): does a warning
//     come out that the unchanged file did not give?           (detections)
// --shape form     one row per target group with a–e summed over the services (the form's totals);
// --shape services the rows as in FILE, one per target group and service; a slip is in one row.
// --spread S       makes the sample less alike than the example data: each municipality's
//                  categories are scaled by exp(S·z) (z standard normal, one per category, and
//                  S/2 more per target group), children and young people by exp(S·z), then every
//                  target group back to its total; 0 keeps the data as it is.
// --previous       the file holds Y−1 as well (unchanged), so the change checks take part.
// Out-of-scope services and Oslo (whose own rows are only its central services) are left out.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "arsverk/reader.hpp"
#include "arsverk/report.hpp"

namespace {

struct Row {
  std::string code, name, group, service;
  int year = 0;
  std::vector<long> hundredths;  // a..e in hundredths of an FTE; -1: empty
};

struct Options {
  std::string data = "data/example/eksempel_arsverk_2024_2025.csv";
  int year = 2025;
  bool form = true;
  double spread = 0;
  bool previous = false;
  uint64_t seed = 1;
  int list = 10;
};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!line.empty() && line.back() == sep) out.push_back("");
  return out;
}

long parse_hundredths(const std::string& text) {
  if (text.empty()) return -1;
  const auto comma = text.find(',');
  const long whole = std::atol(text.substr(0, comma).c_str());
  if (comma == std::string::npos) return whole * 100;
  std::string frac = text.substr(comma + 1);
  frac.resize(2, '0');
  return whole * 100 + std::atol(frac.c_str());
}

std::string hundredths_text(long h) {
  if (h < 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld,%02ld", h / 100, h % 100);
  return buf;
}

bool out_of_scope(const std::string& service) {
  return service == "Primærforebyggende arbeid" || service == "Tjenester til personer med demens" ||
         service == "Tjenester til personer med psykisk utviklingshemming";
}

// splitmix64 and Box–Muller: the same sample on every platform.
struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) / 9007199254740992.0; }
  double normal() { return std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307179586 * uniform()); }
};

uint64_t code_seed(const std::string& code, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (char c : code) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// The form's totals: one row per year and target group, a–e summed over the services.
std::vector<Row> form_rows(const std::vector<Row>& rows) {
  std::map<std::pair<int, std::string>, Row> by;
  for (const Row& r : rows) {
    Row& f = by[{r.year, r.group}];
    if (f.hundredths.empty()) { f = r; f.service.clear(); f.hundredths.assign(5, -1); }
    for (int k = 0; k < 5; ++k)
      if (r.hundredths[k] >= 0) f.hundredths[k] = std::max(0L, f.hundredths[k]) + r.hundredths[k];
  }
  std::vector<Row> out;
  for (auto& [key, r] : by) out.push_back(r);
  return out;
}

// Less alike than the example data (see --spread), the same change for every year of a unit.
void vary(std::vector<Row>& rows, const std::string& code, const Options& o) {
  if (o.spread <= 0) return;
  Random rnd{code_seed(code, o.seed)};
  double unit[5], group[2][5];
  for (double& f : unit) f = std::exp(o.spread * rnd.normal());
  for (auto& g : group)
    for (double& f : g) f = std::exp(o.spread / 2 * rnd.normal());
  const double children = std::exp(o.spread * rnd.normal());
  std::map<std::pair<int, std::string>, std::pair<double, double>> totals;  // before, after
  for (const Row& r : rows)
    for (int k = 0; k < 5; ++k) {
      if (r.hundredths[k] < 0) continue;
      const double f = unit[k] * group[r.group == "voksne" ? 0 : 1][k];
      totals[{r.year, r.group}].first += r.hundredths[k];
      totals[{r.year, r.group}].second += r.hundredths[k] * f;
    }
  for (Row& r : rows) {
    const auto& [before, after] = totals[{r.year, r.group}];
    const double scale = (after > 0 ? before / after : 1) * (r.group == "voksne" ? 1 : children);
    for (int k = 0; k < 5; ++k) {
      if (r.hundredths[k] < 0) continue;
      const double f = unit[k] * group[r.group == "voksne" ? 0 : 1][k];
      r.hundredths[k] = std::lround(r.hundredths[k] * f * scale);
    }
  }
}

std::string csv_of(const std::vector<Row>& rows, bool form) {
  std::string out = form ? "kommunenummer;år;målgruppe;a;b;c;d;e\n"
                         : "kommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\n";
  for (const Row& r : rows) {
    out += r.code + ";" + std::to_string(r.year) + ";" + r.group + ";";
    if (!form) out += r.service + ";";
    for (int k = 0; k < 5; ++k) out += hundredths_text(r.hundredths[k]) + (k < 4 ? ";" : "\n");
  }
  return out;
}

// The warnings and errors a run gives about the input or `year`, as their codes and texts.
std::set<std::string> warnings(const std::string& csv, int year) {
  std::vector<arsverk::ParsedFile> files;
  files.push_back(arsverk::read_file("arsverk.csv", csv));
  const arsverk::Report report = arsverk::compute(files, arsverk::Settings{});
  std::set<std::string> out;
  for (const auto& d : report.diagnostics)
    if (d.severity != arsverk::Severity::Info && (d.year == 0 || d.year == year)) out.insert(d.code + " " + d.nb);
  return out;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); std::exit(2); }
      return argv[++i];
    };
    if (a == "--data") o.data = value();
    else if (a == "--year") o.year = std::atoi(value().c_str());
    else if (a == "--shape") o.form = value() == "form";
    else if (a == "--spread") o.spread = std::atof(value().c_str());
    else if (a == "--previous") o.previous = true;
    else if (a == "--seed") o.seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--list") o.list = std::atoi(value().c_str());
    else { std::fprintf(stderr, "unknown option %s\n", a.c_str()); std::exit(2); }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::ifstream in(o.data);
  if (!in) { std::fprintf(stderr, "cannot read %s\n", o.data.c_str()); return 1; }
  std::map<std::string, std::vector<Row>> units;
  std::string line;
  std::getline(in, line);  // header: kommunenummer;kommunenavn;år;målgruppe;tjeneste;a;b;c;d;e
  while (std::getline(in, line)) {
    const auto f = split(line, ';');
    if (f.size() < 10 || f[0].size() != 4 || f[0] == "0301" || out_of_scope(f[4])) continue;
    Row r{f[0], f[1], f[3], f[4], std::atoi(f[2].c_str()), {}};
    if (r.year != o.year && !(o.previous && r.year == o.year - 1)) continue;
    for (int k = 5; k < 10; ++k) r.hundredths.push_back(parse_hundredths(f[k]));
    units[r.code].push_back(r);
  }

  const auto start = std::chrono::steady_clock::now();
  int sampled = 0, alarmed = 0, cells = 0, caught = 0;
  std::map<std::string, std::pair<int, int>> by_category;  // "voksne a" → cells, caught
  std::map<std::string, int> by_code;  // slips caught by each check (a slip may be caught by several)
  std::map<std::string, int> alarm_codes;  // warnings on unchanged files, by check
  std::vector<std::string> missed, alarms;
  for (auto& [code, all] : units) {
    std::vector<Row> rows = o.form ? form_rows(all) : all;
    vary(rows, code, o);
    if (std::none_of(rows.begin(), rows.end(), [&](const Row& r) { return r.year == o.year; })) continue;
    ++sampled;
    const auto base = warnings(csv_of(rows, o.form), o.year);
    for (const std::string& w : base) ++alarm_codes[w.substr(0, w.find(' '))];
    if (!base.empty()) {
      ++alarmed;
      alarms.push_back(code + " " + all.front().name + ": " + *base.begin());
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].year != o.year) continue;
      for (int k = 0; k < 5; ++k) {
        const long h = rows[i].hundredths[k];
        if (h < 100) continue;
        std::vector<Row> slipped = rows;
        slipped[i].hundredths[k] = h * 10;
        const auto got = warnings(csv_of(slipped, o.form), o.year);
        std::set<std::string> codes;
        for (const std::string& w : got)
          if (!base.count(w)) codes.insert(w.substr(0, w.find(' ')));
        for (const std::string& c : codes) ++by_code[c];
        const bool found = !codes.empty();
        ++cells;
        caught += found;
        auto& tally = by_category[rows[i].group + " " + static_cast<char>('a' + k)];
        ++tally.first;
        tally.second += found;
        if (!found)
          missed.push_back(code + " " + all.front().name + " " + rows[i].group + " " + rows[i].service + " " +
                           static_cast<char>('a' + k) + " " + hundredths_text(h) + " → " + hundredths_text(h * 10));
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("sample: %s, year %d, %s, spread %.2f%s, %d municipalities, each alone (%.1f s)\n",
              o.data.c_str(), o.year, o.form ? "one row per target group (form totals)" : "one row per target group and service",
              o.spread, o.previous ? ", previous year loaded" : "", sampled, seconds);
  std::printf("detected: %d of %d slips (×10 in one category cell of ≥ 1 FTE) = %.1f %%\n", caught, cells,
              cells ? 100.0 * caught / cells : 0.0);
  std::printf("false alarms: %d of %d unchanged municipalities with a warning = %.1f %%\n", alarmed, sampled,
              sampled ? 100.0 * alarmed / sampled : 0.0);
  std::printf("by target group and category (detected / slips):");
  for (const auto& [name, t] : by_category) std::printf("  %s %d/%d", name.c_str(), t.second, t.first);
  std::printf("\n");
  std::printf("caught by:");
  for (const auto& [code, n] : by_code) std::printf("  %s %d", code.c_str(), n);
  std::printf("\n");
  std::printf("false alarms by:");
  for (const auto& [code, n] : alarm_codes) std::printf("  %s %d", code.c_str(), n);
  std::printf("\n");
  for (int i = 0; i < o.list && i < static_cast<int>(missed.size()); ++i) std::printf("  missed: %s\n", missed[i].c_str());
  for (int i = 0; i < o.list && i < static_cast<int>(alarms.size()); ++i) std::printf("  alarm: %s\n", alarms[i].c_str());
  return 0;
}
