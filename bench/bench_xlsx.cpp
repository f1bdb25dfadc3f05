// Benchmark (prints figures, passes or fails nothing): the core's DEFLATE decoder against zlib
// on the same stream, and reading a generated .xlsx against the CSV of the same sheet. zlib is
// used here only, to pack the test data and as the yardstick; the core does not link it.
//
//   arsverk_bench_xlsx [--rows N] [--save DIR]   (--save writes bench.xlsx and bench.csv there)
#include <zlib.h>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "arsverk/reader.hpp"
#include "read/xlsx/inflate.hpp"

namespace {

// Process CPU time, not wall time: the shared 2-core machine is often loaded several times over.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

template <typename F>
double best_seconds(int runs, F f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    double t = cpu_seconds();
    f();
    best = std::min(best, cpu_seconds() - t);
  }
  return best;
}

std::string deflate_raw(const std::string& in, int level) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zlib_inflate(const std::string& in, std::size_t size) {
  z_stream z{};
  inflateInit2(&z, -15);
  std::string out(size, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (inflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("inflate");
  inflateEnd(&z);
  return out;
}

// A wide årsverk sheet as Excel writes it (numbers in <v>, text inline) and its CSV.
std::pair<std::string, std::string> make_sheet(int rows) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet><sheetData>";
  std::string csv = "kommunenummer;år;målgruppe;tjeneste;a;b;c;d;e\r\n";
  const char* head[] = {"kommunenummer", "år", "målgruppe", "tjeneste", "a", "b", "c", "d", "e"};
  xml += "<row r=\"1\">";
  for (int c = 0; c < 9; ++c)
    xml += std::string("<c r=\"") + static_cast<char>('A' + c) + "1\" t=\"inlineStr\"><is><t>" + head[c] + "</t></is></c>";
  xml += "</row>";
  const char* units[] = {"3101", "3103", "3105", "3107", "4601", "5001", "1103", "0301"};
  for (int r = 2; r <= rows + 1; ++r) {
    std::string n = std::to_string(r);
    std::string unit = units[r % 8], group = r % 2 ? "voksne" : "barn og unge";
    std::string service = "Tjeneste " + std::to_string(r % 997);
    xml += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + unit + "</v></c><c r=\"B" + n + "\"><v>2024</v></c>" +
           "<c r=\"C" + n + "\" t=\"inlineStr\"><is><t>" + group + "</t></is></c><c r=\"D" + n +
           "\" t=\"inlineStr\"><is><t>" + service + "</t></is></c>";
    csv += unit + ";2024;" + group + ";" + service;
    for (int c = 0; c < 5; ++c) {
      int v = (r * 37 + c * 11) % 1000;
      char stored[32];  // the double as Excel stores it (17 significant digits: 0.06 → 0.059999999999999998)
      std::snprintf(stored, sizeof stored, "%.17g", v / 100.0);
      std::string shown = std::to_string(v / 100) + "," + std::to_string(v % 100 / 10) + std::to_string(v % 10);
      while (shown.back() == '0') shown.pop_back();
      if (shown.back() == ',') shown.pop_back();
      xml += std::string("<c r=\"") + static_cast<char>('E' + c) + n + "\"><v>" + std::string(stored) + "</v></c>";
      csv += ";" + shown;
    }
    xml += "</row>";
    csv += "\r\n";
  }
  xml += "</sheetData></worksheet>";
  return {xml, csv};
}

void put(std::string& s, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string zip_deflated(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, dir;
  for (const auto& [name, data] : entries) {
    std::string packed = deflate_raw(data, 6);
    uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    uint32_t offset = static_cast<uint32_t>(out.size());
    auto header = [&](std::string& s, bool central) {
      put(s, central ? 0x02014b50 : 0x04034b50, 4);
      if (central) put(s, 20, 2);
      put(s, 20, 2); put(s, 0, 2); put(s, 8, 2); put(s, 0, 4); put(s, crc, 4);
      put(s, static_cast<uint32_t>(packed.size()), 4); put(s, static_cast<uint32_t>(data.size()), 4);
      put(s, static_cast<uint32_t>(name.size()), 2); put(s, 0, 2);
      if (central) { put(s, 0, 2); put(s, 0, 2); put(s, 0, 2); put(s, 0, 4); put(s, offset, 4); }
      s += name;
    };
    header(out, false);
    out += packed;
    header(dir, true);
  }
  uint32_t dir_offset = static_cast<uint32_t>(out.size());
  out += dir;
  put(out, 0x06054b50, 4); put(out, 0, 4);
  put(out, static_cast<uint32_t>(entries.size()), 2); put(out, static_cast<uint32_t>(entries.size()), 2);
  put(out, static_cast<uint32_t>(dir.size()), 4); put(out, dir_offset, 4); put(out, 0, 2);
  return out;
}

std::size_t read_values(const std::string& name, const std::string& bytes) {
  arsverk::FileReader r(name);
  for (std::size_t i = 0; i < bytes.size(); i += 1 << 20) r.feed(std::string_view(bytes).substr(i, 1 << 20));
  return r.finish().arsverk.size();
}

}  // namespace

int main(int argc, char** argv) {
  int rows = 100000;
  std::string save;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--rows") == 0) rows = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--save") == 0) save = argv[i + 1];
  }
  auto [xml, csv] = make_sheet(rows);
  const double mb = static_cast<double>(xml.size()) / 1e6;
  std::printf("sheet XML: %d rows, %.1f MB (times: best CPU time of several runs)\n", rows, mb);
  for (int level : {1, 6, 9}) {
    std::string packed = deflate_raw(xml, level);
    std::string ours;
    double t_ours = best_seconds(5, [&] {
      ours.clear();
      if (arsverk::detail::xlsx::inflate(packed, ours, xml.size()) != arsverk::detail::xlsx::InflateStatus::Ok)
        throw std::runtime_error("inflate failed");
    });
    std::string theirs;
    double t_zlib = best_seconds(5, [&] { theirs = zlib_inflate(packed, xml.size()); });
    if (ours != xml || theirs != xml) throw std::runtime_error("output differs");
    std::printf("inflate level %d (%.1f MB packed): core %.0f ms (%.0f MB/s), zlib %.0f ms (%.0f MB/s), core/zlib %.2fx\n",
                level, static_cast<double>(packed.size()) / 1e6, t_ours * 1e3, mb / t_ours, t_zlib * 1e3,
                mb / t_zlib, t_ours / t_zlib);
  }
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string xlsx = zip_deflated({
      {"xl/workbook.xml", "<workbook><sheets><sheet name=\"Ark1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", xml}});
  if (!save.empty()) {
    std::ofstream(save + "/bench.xlsx", std::ios::binary) << xlsx;
    std::ofstream(save + "/bench.csv", std::ios::binary) << csv;
  }
  std::size_t n_xlsx = 0, n_csv = 0;
  double t_xlsx = best_seconds(3, [&] { n_xlsx = read_values("bench.xlsx", xlsx); });
  double t_csv = best_seconds(3, [&] { n_csv = read_values("bench.csv", csv); });
  std::printf("read the .xlsx (%.1f MB file): %.0f ms, %zu values; the CSV of the same sheet (%.1f MB): %.0f ms, %zu values\n",
              static_cast<double>(xlsx.size()) / 1e6, t_xlsx * 1e3, n_xlsx, static_cast<double>(csv.size()) / 1e6,
              t_csv * 1e3, n_csv);
  return n_xlsx == n_csv ? 0 : 1;
}
