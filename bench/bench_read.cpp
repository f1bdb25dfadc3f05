// Benchmark (prints figures, passes or fails nothing): read + aggregate throughput of the core
// on a generated SSB-style population file (>= 100 MB) and a full årsverk file, next to a plain
// line scan of the same bytes as the ceiling.
//
//   arsverk_bench [--mb N] [--chunk BYTES] [--dir DIR]   (arsverk_bench --help)
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "arsverk/registers.hpp"
#include "arsverk/report.hpp"
#include "arsverk/session.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// The process's CPU time: on a shared machine it moves less with the load than the wall clock.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// SSB StatBank style, ISO-8859-1, CRLF, time and sex in rows: region;age;sex;year;persons.
// Written straight to disk so that generating it does not raise the peak memory measured later.
std::size_t write_population_file(const std::string& path, std::size_t min_bytes, std::size_t& rows) {
  const auto& reg = arsverk::Registers::embedded();
  std::ofstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot write " + path);
  std::size_t written = 0;
  std::string out = "\"07459: Befolkning, etter region, alder, kj\xf8nn, statistikkvariabel og \xe5r\"\r\n\r\n"
                    "\"region\";\"alder\";\"kj\xf8nn\";\"\xe5r\";\"Personer\"\r\n";
  rows = 0;
  unsigned seed = 12345;
  for (int year = 1951; written + out.size() < min_bytes; ++year) {
    for (const auto& m : reg.municipalities(arsverk::Structure::K2024)) {
      for (int age = 0; age <= 105; ++age) {
        for (const char* sex : {"Menn", "Kvinner"}) {
          seed = seed * 1103515245u + 12345u;
          char line[160];
          int n = std::snprintf(line, sizeof line, "\"K-%s %s\";\"%d \xe5r%s\";\"%s\";\"%d\";%u\r\n",
                                m.code.c_str(), "Kommune", age, age == 105 ? " eller eldre" : "", sex,
                                year, (seed >> 16) % 400);
          out.append(line, static_cast<std::size_t>(n));
          ++rows;
        }
      }
    }
    file << out;
    written += out.size();
    out.clear();
  }
  return written;
}

// Every municipality and district, 2024-2025, both target groups, eight services, wide a-e.
std::string arsverk_file(std::size_t& rows) {
  const auto& reg = arsverk::Registers::embedded();
  std::string out = "kommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\n";
  rows = 0;
  std::vector<std::string> units;
  for (const auto& m : reg.municipalities(arsverk::Structure::K2024))
    if (m.code != "0301") units.push_back(m.code);
  for (const auto& d : reg.districts())
    if (d.reports) units.push_back(d.code);
  for (int year : {2024, 2025})
    for (const auto& u : units)
      for (const char* group : {"voksne", "barn og unge"})
        for (int s = 1; s <= 8; ++s) {
          char line[160];
          int n = std::snprintf(line, sizeof line, "%s;%d;%s;Tjeneste %d;%d,%02d;%d,%02d;1,5;0,75;0,25\n",
                                u.c_str(), year, group, s, s + 2, s * 7 % 100, s * 3, s * 11 % 100);
          out.append(line, static_cast<std::size_t>(n));
          ++rows;
        }
  return out;
}

// Reads a file from disk in chunks, handing each to `use`: how the CLI and the page's worker read.
template <typename F>
void for_each_chunk(const std::string& path, std::size_t chunk, F use) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(chunk);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) use(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
}

std::size_t line_scan(const std::string& path, std::size_t chunk) {
  std::size_t lines = 0;
  for_each_chunk(path, chunk, [&](std::string_view c) {
    const char* p = c.data();
    const char* end = c.data() + c.size();
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
      ++lines;
      ++p;
    }
  });
  return lines;
}

void report(const char* what, std::size_t bytes, std::size_t rows, double s) {
  std::printf("  %-34s %8.1f ms  %8.1f MB/s  %10.0f rows/s\n", what, s * 1000, bytes / 1e6 / s, rows / s);
}

const char* const kUsage =
    "arsverk_bench: read + aggregate throughput of the core (prints figures, passes or fails nothing)\n"
    "\n"
    "  arsverk_bench [--mb N] [--chunk BYTES] [--dir DIR]\n"
    "\n"
    "  --mb N         size of the generated SSB-style population file in MB (default 100)\n"
    "  --chunk BYTES  bytes per read from disk, as the CLI and the page feed them (default 1048576)\n"
    "  --dir DIR      where the generated file is written (default: arsverk-bench in the system's\n"
    "                 temporary directory); it is kept there and rewritten on every run\n"
    "  --help         this text\n"
    "\n"
    "Prints, for the population file: reading it only (the floor), a memchr line scan (the\n"
    "ceiling), read + aggregate by the wall clock and in the process's CPU time (steadier on a\n"
    "shared machine), then the årsverk file, one report, and the peak resident memory.\n";

int usage_error(const char* what) {
  std::fprintf(stderr, "arsverk_bench: %s\n\n%s", what, kUsage);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mb = 100, chunk = 1 << 20;
  std::string dir = (std::filesystem::temp_directory_path() / "arsverk-bench").string();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) return usage_error(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    try {
      if (arg == "--mb") mb = std::stoul(value);
      else if (arg == "--chunk") chunk = std::stoul(value);
      else if (arg == "--dir") dir = value;
      else return usage_error(("unknown option " + arg).c_str());
    } catch (const std::exception&) {
      return usage_error(("not a number: " + value).c_str());
    }
  }
  if (mb == 0 || chunk == 0) return usage_error("--mb and --chunk must be above 0");
  std::size_t pop_rows = 0, fte_rows = 0, pop_bytes = 0;
  std::filesystem::create_directories(dir);
  const std::string pop_path = dir + "/befolkning_stor.csv";
  pop_bytes = write_population_file(pop_path, mb * 1000 * 1000, pop_rows);
  const std::string arsverk = arsverk_file(fte_rows);
  std::printf("population file: %s, %.1f MB, %zu rows (SSB style, ISO-8859-1, every municipality x age x sex x year)\n",
              pop_path.c_str(), pop_bytes / 1e6, pop_rows);
  std::printf("årsverk file:    %.2f MB, %zu rows (every unit, 2 years, 2 target groups, 8 services, a-e)\n",
              arsverk.size() / 1e6, fte_rows);
  std::printf("chunk size: %zu bytes\n\n", chunk);
  const long rss_before = peak_rss_kb();

  auto t = Clock::now();
  std::size_t read_bytes = 0;
  for_each_chunk(pop_path, chunk, [&](std::string_view c) { read_bytes += c.size(); });
  report("read the file only, the floor", read_bytes, pop_rows, seconds_since(t));

  t = Clock::now();
  const std::size_t lines = line_scan(pop_path, chunk);
  const double scan_s = seconds_since(t);
  report("plain line scan (memchr), ceiling", pop_bytes, lines, scan_s);

  arsverk::Session session;
  t = Clock::now();
  const double cpu = cpu_seconds();
  const int id = session.begin_file("befolkning_stor.csv");
  for_each_chunk(pop_path, chunk, [&](std::string_view c) { session.feed(id, c); });
  session.end_file(id);
  const double read_s = seconds_since(t), read_cpu_s = cpu_seconds() - cpu;
  report("read + aggregate population", pop_bytes, pop_rows, read_s);
  report("  the same in CPU time", pop_bytes, pop_rows, read_cpu_s);
  std::printf("  %-34s %8.1f %%\n", "read + aggregate / line scan", 100.0 * scan_s / read_s);

  t = Clock::now();
  session.add_file("arsverk.csv", arsverk);
  report("read årsverk", arsverk.size(), fte_rows, seconds_since(t));

  arsverk::Settings settings;
  settings.year = 2024;
  t = Clock::now();
  const std::string json = session.report_json(settings);
  const double compute_s = seconds_since(t);
  std::printf("  %-34s %8.1f ms  (%zu bytes of JSON)\n", "compute + JSON report (2024)", compute_s * 1000, json.size());
  std::printf("\npeak resident memory: %.1f MB before reading, %.1f MB after (the file is streamed, never held whole)\n",
              rss_before / 1024.0, peak_rss_kb() / 1024.0);
  return 0;
}
