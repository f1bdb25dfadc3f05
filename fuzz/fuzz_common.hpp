#pragma once
// Shared helpers for the libFuzzer targets: a deterministic PRNG derived from the input (so a
// crash input reproduces exactly), random chunk feeding, a full text dump of a ParsedFile for
// differential checks, and invariants every reading must satisfy.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "arsverk/reader.hpp"
#include "read/text.hpp"
#include "../tests/support/parsed_file_dump.hpp"

namespace fuzz {

// FNV-1a over the input, then splitmix64 for the stream.
struct Rng {
  uint64_t s;
  explicit Rng(std::string_view data) : s(1469598103934665603ull) {
    for (unsigned char c : data) { s ^= c; s *= 1099511628211ull; }
  }
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

// Chunk sizes: mostly small and odd (1..17 bytes: splits CRLF, quotes, UTF-8 sequences),
// sometimes medium or everything that is left.
inline std::size_t chunk_size(Rng& rng, std::size_t left) {
  std::size_t n;
  switch (rng.below(4)) {
    case 0: n = 1; break;
    case 1: n = 1 + rng.below(17); break;
    case 2: n = 1 + rng.below(4096); break;
    default: n = left; break;
  }
  return n < left ? n : left;
}

template <typename Feed>
void feed_chunked(std::string_view data, Rng& rng, Feed feed) {
  while (!data.empty()) {
    std::size_t n = chunk_size(rng, data.size());
    feed(data.substr(0, n));
    data.remove_prefix(n);
  }
}

[[noreturn]] inline void fail(const char* what, const std::string& a = {}, const std::string& b = {}) {
  std::fprintf(stderr, "FUZZ INVARIANT BROKEN: %s\n", what);
  if (!a.empty()) std::fprintf(stderr, "--- first ---\n%.4000s\n", a.c_str());
  if (!b.empty()) std::fprintf(stderr, "--- second ---\n%.4000s\n", b.c_str());
  std::abort();
}


// What must hold for any reading of any bytes.
inline void check_invariants(const arsverk::ParsedFile& f) {
  using arsverk::detail::valid_utf8;
  auto utf8 = [](const std::string& s, const char* what) {
    if (!valid_utf8(s)) fail(what, s);
  };
  for (const auto& d : f.diagnostics) {
    if (d.code.empty()) fail("diagnostic without code");
    if (d.nb.empty() || d.en.empty()) fail("diagnostic without text", d.code);
    if (d.file != f.name) fail("diagnostic names another file", d.file, f.name);
    if (d.line < 0 || d.column < 0) fail("negative line/column", d.code);
    utf8(d.nb, "diagnostic nb not UTF-8");
    utf8(d.en, "diagnostic en not UTF-8");
  }
  for (const auto& v : f.arsverk) {
    utf8(v.unit, "unit not UTF-8");
    utf8(v.service, "service not UTF-8");
    if (v.unit.empty()) fail("årsverk value without unit");
    if (v.line <= 0) fail("årsverk value without line");
    if (v.value.micro() < 0) fail("negative årsverk kept", v.unit);
  }
  for (const auto& [k, v] : f.population) {
    utf8(k.first, "population region not UTF-8");
    if (v < 0) fail("negative population kept", k.first);
  }
  if (f.kind == arsverk::FileKind::Unknown && (!f.arsverk.empty() || !f.population.empty()))
    fail("unknown file kind with data kept");
  if (f.kind == arsverk::FileKind::Unknown && f.diagnostics.empty())
    fail("file not recognised but no message");
}

// Small limits so short fuzz inputs reach the limit paths (long lines, wide tables, big JSON).
inline arsverk::ReaderLimits small_limits() {
  arsverk::ReaderLimits l;
  l.max_line_bytes = 2048;
  l.max_columns = 64;
  l.max_json_bytes = 64 * 1024;
  l.max_json_depth = 32;
  l.max_values = 200;
  return l;
}

// Reads the bytes once whole and once in random chunks; both must give the same ParsedFile.
inline void read_differential(std::string_view bytes, const char* name) {
  const auto limits = small_limits();
  arsverk::ParsedFile whole;
  {
    arsverk::FileReader r(name, arsverk::Registers::embedded(), limits);
    r.feed(bytes);
    whole = r.finish();
  }
  check_invariants(whole);
  Rng rng(bytes);
  arsverk::FileReader r(name, arsverk::Registers::embedded(), limits);
  feed_chunked(bytes, rng, [&](std::string_view c) { r.feed(c); });
  if (r.bytes_read() != bytes.size()) fail("bytes_read differs from bytes fed");
  arsverk::ParsedFile chunked = r.finish();
  const std::string a = dump(whole), b = dump(chunked);
  if (a != b) fail("chunked reading differs from whole reading", a, b);
}

}  // namespace fuzz
