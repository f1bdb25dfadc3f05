// The report as one JSON document (docs/output.md), shared by the CLI and the page. It speaks no
// language: figures are numbers, the indicator's rounding is given as integer tenths, and words
// come in both languages ({"nb": …, "en": …}); the page formats and picks.
// Written straight into one string, in the order and form nlohmann_json's dump() gives
// (compact; numbers by its shortest round-trip formatting; invalid UTF-8 replaced by U+FFFD):
// building a DOM first cost about two thirds of a recompute in the page (README, Performance).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "arsverk/report.hpp"
#include "arsverk/settings.hpp"

namespace arsverk {

namespace {

constexpr const char* kMeasureKeys[4] = {"M1", "M2", "M3", "M4"};
constexpr Lang kLangs[2] = {Lang::Nb, Lang::En};

// Appends JSON values, keys and brackets, putting the commas in.
class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve) { out_.reserve(reserve); }

  // Keys are this file's own short ASCII texts (under 60 bytes): the comma, quotes and colon go in
  // with the key in one append.
  JsonWriter& key(const char* k) {
    std::array<char, 64> buffer;
    std::size_t n = 0;
    if (needs_comma()) buffer[n++] = ',';
    buffer[n++] = '"';
    const std::size_t length = std::strlen(k);
    std::memcpy(buffer.data() + n, k, length);
    n += length;
    buffer[n++] = '"';
    buffer[n++] = ':';
    out_.append(buffer.data(), n);
    after_key_ = true;
    return *this;
  }
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void null() { separate(); out_ += "null"; }
  void value(bool b) { separate(); out_ += b ? "true" : "false"; }
  void value(int v) { value(static_cast<int64_t>(v)); }
  void value(int64_t v) { separate(); append_integer(v); }
  void value(std::size_t v) { separate(); append_integer(v); }
  void value(double v) {
    separate();
    if (!std::isfinite(v)) { out_ += "null"; return; }
    // A report repeats many numbers (totals in their groups, medians, members' rates), and
    // formatting one costs far more than finding it again.
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    FormattedNumber& slot = numbers_[(bits * 0x9E3779B97F4A7C15ULL) >> (64 - kNumberSlotBits)];
    if (slot.length == 0 || slot.bits != bits) {
      char* end = nlohmann::detail::to_chars(slot.text.data(), slot.text.data() + slot.text.size(), v);
      slot.bits = bits;
      slot.length = static_cast<uint8_t>(end - slot.text.data());
    }
    out_.append(slot.text.data(), slot.length);
  }
  void value(const char* s) { if (s) value(std::string(s)); else null(); }
  void value(const std::string& s) {
    separate();
    if (needs_no_escape(s)) {
      out_ += '"';
      out_ += s;
      out_ += '"';
    } else {
      out_ += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  template <typename T>
  void value(const std::optional<T>& v) { if (v) value(*v); else null(); }
  template <typename T>
  void value(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items) value(item);
    end_array();
  }
  // Empty text as null.
  void text_or_null(const std::string& s) { if (s.empty()) null(); else value(s); }
  template <typename T>
  void field(const char* k, const T& v) { key(k); value(v); }

  std::string take() { return std::move(out_); }

 private:
  // Valid UTF-8 without control characters, quote or backslash: nlohmann's dump (not ASCII-only)
  // writes the same bytes, so they go in as they are; anything else goes through dump (its
  // escapes, and U+FFFD for invalid bytes). Names and messages are mostly Norwegian: most strings
  // with «æøå» take this way.
  static bool needs_no_escape(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
      const unsigned char c = *p;
      if (c < 0x80) {
        if (c < 0x20 || c == '"' || c == '\\') return false;
        ++p;
        continue;
      }
      // RFC 3629: lead byte, then the allowed range of the second byte (no overlong forms, no
      // surrogates, nothing above U+10FFFF), then continuation bytes.
      int more;
      unsigned char low = 0x80, high = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) more = 1;
      else if (c == 0xe0) { more = 2; low = 0xa0; }
      else if (c >= 0xe1 && c <= 0xec) more = 2;
      else if (c == 0xed) { more = 2; high = 0x9f; }
      else if (c >= 0xee && c <= 0xef) more = 2;
      else if (c == 0xf0) { more = 3; low = 0x90; }
      else if (c >= 0xf1 && c <= 0xf3) more = 3;
      else if (c == 0xf4) { more = 3; high = 0x8f; }
      else return false;
      if (end - p <= more) return false;
      if (p[1] < low || p[1] > high) return false;
      for (int i = 2; i <= more; ++i)
        if (p[i] < 0x80 || p[i] > 0xbf) return false;
      p += more + 1;
    }
    return true;
  }
  template <typename Integer>
  void append_integer(Integer v) {
    std::array<char, 24> digits;
    const auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), v);
    out_.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
  }
  void separate() {
    if (needs_comma()) out_ += ',';
  }
  bool needs_comma() {
    if (after_key_) { after_key_ = false; return false; }
    return !counts_.empty() && counts_.back()++ > 0;
  }
  void open(char bracket) {
    separate();
    out_ += bracket;
    counts_.push_back(0);
  }
  void close(char bracket) {
    out_ += bracket;
    counts_.pop_back();
  }

  // A number as nlohmann's to_chars writes it (at most 24 characters), by its bits.
  struct FormattedNumber {
    uint64_t bits = 0;
    uint8_t length = 0;  // 0: empty slot
    std::array<char, 31> text;
  };
  static constexpr int kNumberSlotBits = 14;

  std::string out_;
  std::vector<FormattedNumber> numbers_ = std::vector<FormattedNumber>(std::size_t{1} << kNumberSlotBits);
  std::vector<int> counts_;  // items so far in each open object or array
  bool after_key_ = false;
};

template <typename F>
void per_measure(JsonWriter& w, const char* k, F value) {
  w.key(k);
  w.begin_object();
  for (int i = 0; i < 4; ++i) {
    w.key(kMeasureKeys[i]);
    value(i);
  }
  w.end_object();
}

// {"nb": …, "en": …}: a text in both languages; `text(lang)` gives each.
template <typename F>
void in_both_languages(JsonWriter& w, const char* k, F text) {
  w.key(k);
  w.begin_object();
  for (Lang lang : kLangs) {
    w.key(lang == Lang::Nb ? "nb" : "en");
    w.value(text(lang));
  }
  w.end_object();
}

// The indicator's rounding of a rate (half away from zero to one decimal) as a count of tenths.
std::optional<int64_t> tenths(const std::optional<double>& rate) {
  if (!rate || !std::isfinite(*rate)) return std::nullopt;
  return rounded_units(*rate, 1);
}

// A share (0–1) as a percent with `decimals` places, as a count of 10^-decimals (0.4375, 1 → 438).
// The share is a ratio of two populations (integers under 10^8), so a value that is not exactly
// half-way lies at least 10^-8 from it: rounded_units's 10^-9 tolerance never rounds it wrongly.
int64_t percent_units(double share, int decimals) { return rounded_units(share, decimals + 2); }

// A change as the page shows it: with one decimal, or two or three when fewer would show 0 for a
// change that is not 0 — {units, decimals}, the figure being units × 10^-decimals. Under a
// thousandth it stays {0, 3}, and the page says "under 0.001" with the sign of the change.
void rounded_change(JsonWriter& w, const std::optional<double>& x) {
  if (!x || !std::isfinite(*x)) { w.null(); return; }
  int decimals = 1;
  int64_t units = rounded_units(*x, decimals);
  while (units == 0 && *x != 0 && decimals < 3) units = rounded_units(*x, ++decimals);
  w.begin_object();
  w.field("units", units);
  w.field("decimals", decimals);
  w.end_object();
}

void measures(JsonWriter& w, const char* k, const Amounts& m) {
  per_measure(w, k, [&](int i) { if (m[i]) w.value(m[i]->to_double()); else w.null(); });
}

const char* to_string(Fence f) {
  switch (f) {
    case Fence::Low: return "low";
    case Fence::High: return "high";
    case Fence::Inside: return nullptr;
  }
  return nullptr;
}

void coverage(JsonWriter& w, const char* k, const Coverage& c) {
  w.key(k);
  w.begin_object();
  w.field("members", c.members);
  w.field("members_total", c.members_total);
  w.field("from_reference", c.from_reference);
  w.key("reference_year");
  if (c.reference_year) w.value(c.reference_year); else w.null();
  w.field("reference_files", c.reference_files);
  w.field("population_share", c.population_share);
  w.field("population_percent", percent_units(c.population_share, 0));
  w.field("population_percent_tenths", percent_units(c.population_share, 1));
  w.field("meaningful", c.meaningful);
  w.key("reason");
  w.text_or_null(c.reason);
  w.end_object();
}

void published(JsonWriter& w, const char* key, const std::optional<Published>& p) {
  w.key(key);
  if (!p) { w.null(); return; }
  w.begin_object();
  per_measure(w, "per_1000", [&](int i) { w.value(p->per_1000[i]); });
  per_measure(w, "tenths", [&](int i) { w.value(tenths(p->per_1000[i])); });
  w.field("source", p->source);
  w.field("year", p->year);
  w.end_object();
}

void breakdowns(JsonWriter& w, const Result& r) {
  w.key("by_group");
  w.begin_object();
  for (const auto& group : r.by_group) {
    const Amounts& m = group.second;  // a named reference: clang 14 lambdas cannot capture bindings
    w.key(to_string(group.first));
    w.begin_object();
    measures(w, "arsverk", m);
    if (r.suppressed) {
      w.key("per_1000");
      w.null();
      w.key("tenths");
      w.null();
    } else {
      const auto has_rate = [&](int i) { return m[i] && r.measure_population[i] > 0; };
      per_measure(w, "per_1000", [&](int i) {
        if (has_rate(i)) w.value(rate_per_1000(*m[i], r.measure_population[i])); else w.null();
      });
      per_measure(w, "tenths", [&](int i) {
        if (has_rate(i)) w.value(rounded_rate_units(*m[i], r.measure_population[i])); else w.null();
      });
    }
    w.end_object();
  }
  w.end_object();
  w.key("by_service");
  w.begin_array();
  for (const auto& [service, m] : r.by_service) {
    w.begin_object();
    w.key("service");
    w.text_or_null(service);  // null: the rows without a service, beside those with one
    measures(w, "arsverk", m);
    w.end_object();
  }
  w.end_array();
}

// The four parts of M1 by education, in the schema's order (docs/output.md, "education"): 2015
// M4, M3 − M4, M2 − M3, M1 − M2; 2024 M3, M2 − M3, M4, M1 − M2 − M4. None without M1 > 0, without
// every measure, or with a part below 0 (measures not nested: check.nested_order says so). None
// for an aggregate whose measures rest on different members: a municipality that gave a total
// alone adds to M1 only, and the parts would call its FTEs c + e.
std::optional<std::array<Fixed, 4>> education_parts(const Result& r) {
  const Amounts& m = r.arsverk;
  if (!m[0] || !m[1] || !m[2] || !m[3] || *m[0] <= Fixed()) return std::nullopt;
  const auto& members = r.measure_members;
  if (members[1] != members[0] || members[2] != members[0] || members[3] != members[0]) return std::nullopt;
  const std::array<Fixed, 4> parts = r.schema == Schema::S2015
      ? std::array<Fixed, 4>{*m[3], *m[2] - *m[3], *m[1] - *m[2], *m[0] - *m[1]}
      : std::array<Fixed, 4>{*m[2], *m[1] - *m[2], *m[3], *m[0] - *m[1] - *m[3]};
  for (Fixed part : parts)
    if (part < Fixed()) return std::nullopt;
  return parts;
}

void education(JsonWriter& w, const Result& r) {
  w.key("education");
  const auto parts = education_parts(r);
  if (!parts) { w.null(); return; }
  w.begin_object();
  w.key("parts");
  w.begin_array();
  for (Fixed part : *parts) w.value(part.to_double());
  w.end_array();
  w.key("share_tenths");
  w.begin_array();
  for (Fixed part : *parts) w.value(rounded_percent_units(part, *r.arsverk[0], 1));
  w.end_array();
  w.end_object();
}

void distribution(JsonWriter& w, const Result& r) {
  if (!r.distribution) return;
  w.key("distribution");
  w.begin_object();
  for (int i = 0; i < 4; ++i) {
    const Distribution& x = (*r.distribution)[i];
    w.key(kMeasureKeys[i]);
    if (x.n == 0) { w.null(); continue; }
    w.begin_object();
    w.field("n", x.n);
    w.field("min", x.min);
    w.field("p25", x.p25);
    w.field("median", x.median);
    w.key("median_tenths");  // the median as a comparison shows it: none from too few members
    if (x.enough) w.value(rounded_units(x.median, 1)); else w.null();
    w.field("p75", x.p75);
    w.field("max", x.max);
    w.field("mean", x.mean);
    w.end_object();
  }
  w.end_object();
  coverage(w, "distribution_coverage", r.distribution_coverage);
}

void comparison(JsonWriter& w, const Result& r) {
  w.key("comparison");
  if (!r.comparison) { w.null(); return; }
  const GroupComparison& c = *r.comparison;
  w.begin_object();
  w.field("kostragruppe", c.group);
  w.field("n", c.n);
  per_measure(w, "peers", [&](int i) { w.value(c.peers[i]); });
  per_measure(w, "rank", [&](int i) { w.value(c.rank[i]); });
  per_measure(w, "rank_shown", [&](int i) { w.value(c.rank_shown[i]); });
  per_measure(w, "rank_shared", [&](int i) { w.value(c.rank_shared[i]); });
  per_measure(w, "median", [&](int i) { w.value(c.median[i]); });
  per_measure(w, "median_tenths", [&](int i) { w.value(tenths(c.median[i])); });
  per_measure(w, "diff_from_median", [&](int i) { w.value(c.diff_from_median[i]); });
  per_measure(w, "diff_tenths", [&](int i) { w.value(shown_difference_tenths(r, i)); });
  per_measure(w, "outside_fences", [&](int i) { w.value(c.fence[i] ? to_string(*c.fence[i]) : nullptr); });
  coverage(w, "coverage", c.coverage);
  w.end_object();
}

void change(JsonWriter& w, const std::optional<Change>& change) {
  w.key("change");
  if (!change) { w.null(); return; }
  w.begin_object();
  w.field("from_year", change->from_year);
  per_measure(w, "per_1000", [&](int i) { w.value(change->per_1000[i]); });
  per_measure(w, "percent", [&](int i) { w.value(change->percent[i]); });
  w.key("rounded");
  w.begin_object();
  per_measure(w, "per_1000", [&](int i) { rounded_change(w, change->per_1000[i]); });
  per_measure(w, "percent", [&](int i) { rounded_change(w, change->percent[i]); });
  w.end_object();
  w.key("shown");
  w.begin_object();
  per_measure(w, "tenths", [&](int i) { w.value(change->shown_tenths[i]); });
  per_measure(w, "percent", [&](int i) { rounded_change(w, change->shown_percent[i]); });
  w.end_object();
  w.end_object();
}

void renumbering(JsonWriter& w, const Result& r) {
  w.key("renumbering");
  if (!r.renumbering) { w.null(); return; }
  const Renumbering& n = *r.renumbering;
  w.begin_object();
  w.key("successor");
  if (r.year < 2024) w.value(n.successor); else w.null();
  w.key("predecessor");
  if (r.year >= 2024) w.value(n.predecessor); else w.null();
  w.field("continuity", n.continuity);
  if (n.note_nb.empty()) {
    w.key("note");
    w.null();
  } else {
    in_both_languages(w, "note", [&](Lang lang) { return lang == Lang::Nb ? n.note_nb : n.note_en; });
  }
  w.end_object();
}

void identity(JsonWriter& w, const Result& r) {
  w.field("level", to_string(r.level));
  w.field("code", r.code);
  in_both_languages(w, "name", [&](Lang lang) { return unit_name(r.level, r.code, r.name, lang); });
  w.field("year", r.year);
  w.field("schema", to_string(r.schema));
  w.key("fylke");
  w.text_or_null(r.county);
  w.key("kostragruppe");
  w.text_or_null(r.kostra);
  w.field("population", r.population);
  w.field("population_year", r.population_year);
  w.field("population_source", r.population_source == PopulationSource::File ? "file" : "embedded");
  w.key("population_file");
  w.text_or_null(r.population_file);
}

void figures(JsonWriter& w, const Result& r) {
  measures(w, "arsverk", r.arsverk);
  const bool shown = !r.suppressed;
  if (shown) {
    per_measure(w, "per_1000", [&](int i) { w.value(r.per_1000[i]); });
    per_measure(w, "tenths", [&](int i) {
      if (r.arsverk[i] && r.measure_population[i] > 0) w.value(rounded_rate_units(*r.arsverk[i], r.measure_population[i]));
      else w.null();
    });
  } else {
    w.key("per_1000");
    w.null();
    w.key("tenths");
    w.null();
  }
  w.key("carried_from");
  w.value(r.carried_from);
  w.field("partly_carried", r.partly_carried);
  w.field("suppressed", r.suppressed);
  w.key("suppression_reason");
  w.text_or_null(r.suppression_reason);
  w.field("direct", r.direct);
  w.field("coverage", r.coverage);
  w.field("coverage_percent_tenths", percent_units(r.coverage, 1));
  if (r.level == Level::Fylke || r.level == Level::Land || r.level == Level::KostraGruppe) {
    w.field("members", r.members);
    w.field("members_total", r.members_total);
    per_measure(w, "members_per_measure", [&](int i) { w.value(r.measure_members[i]); });
    if (!r.direct) coverage(w, "aggregate_coverage", r.aggregate_coverage);
  }
}

void unchecked(JsonWriter& w, const std::vector<Unchecked>& list) {
  w.key("unchecked");
  w.begin_array();
  for (const Unchecked& u : list) {
    w.begin_object();
    w.field("check", u.check);
    w.field("reason", u.reason);
    if (u.year) w.field("year", u.year);
    w.end_object();
  }
  w.end_array();
}

// `with_breakdowns`: by target group and by service, which only the page's charts draw (apart in
// the page's documents, docs/output.md).
void result(JsonWriter& w, const Result& r, bool with_breakdowns) {
  w.begin_object();
  identity(w, r);
  figures(w, r);
  published(w, "published", r.published);
  published(w, "published_latest", r.published_latest);
  if (with_breakdowns) breakdowns(w, r);
  education(w, r);
  distribution(w, r);
  comparison(w, r);
  change(w, r.change);
  renumbering(w, r);
  w.field("flags", r.flags);
  if (r.level == Level::Kommune || r.level == Level::Bydel) unchecked(w, r.unchecked);
  w.end_object();
}

void settings_json(JsonWriter& w, const Settings& settings) {
  w.key("settings");
  w.begin_object();
  w.field("year", settings.year);
  w.field("population_year", settings.population_year == PopulationYear::Next ? "next" : "same");
  w.field("carry_forward", to_string(settings.carry_forward));
  w.field("suppression", to_string(settings.suppression));
  w.end_object();
}

// ParsedFile::unit_count() and years(), without a set insert per value: a file's values come
// by unit and year, so most repeat the one before.
std::size_t unit_count(const ParsedFile& f) {
  std::set<std::string_view> units;
  const std::string* last = nullptr;
  for (const auto& v : f.arsverk) {
    if (last && *last == v.unit) continue;
    last = &v.unit;
    units.insert(v.unit);
  }
  for (const auto& r : f.reference) units.insert(r.unit);
  for (const auto& p : f.population) units.insert(p.first.first);
  return units.size();
}

std::vector<int> years_of(const ParsedFile& f) {
  std::set<int> years;
  int last = 0;
  for (const auto& v : f.arsverk)
    if (v.year != last) years.insert(last = v.year);
  for (const auto& r : f.reference) years.insert(r.year);
  for (const auto& p : f.population) years.insert(p.first.second);
  return {years.begin(), years.end()};
}

void files(JsonWriter& w, const Report& report) {
  w.key("files");
  w.begin_array();
  for (const ParsedFile* f : report.files) {
    w.begin_object();
    w.field("name", f->name);
    w.field("kind", to_string(f->kind));
    w.field("format", f->format);
    w.field("encoding", f->encoding);
    w.field("delimiter", f->delimiter);
    w.field("rows", f->rows);
    w.field("years", years_of(*f));
    w.field("units", unit_count(*f));
    w.field("has_target_group", f->has_target_group);
    w.field("has_service", f->has_service);
    w.end_object();
  }
  w.end_array();
}

void args(JsonWriter& w, const Diagnostic& d) {
  w.key("args");
  w.begin_object();
  for (const Diagnostic::Arg& a : d.args) {
    w.key(a.key.c_str());
    std::visit([&](const auto& v) { w.value(v); }, a.value);
  }
  w.end_object();
}

// Where a message points: its file, and in it the sheet, line (a worksheet's row), column and,
// on a worksheet, the cell ("C7"); each null where it does not apply.
void place(JsonWriter& w, const Diagnostic& d) {
  w.key("place");
  w.begin_object();
  w.key("file");
  w.text_or_null(d.file);
  w.key("sheet");
  w.text_or_null(d.sheet);
  w.key("line");
  if (d.line > 0) w.value(d.line); else w.null();
  w.key("column");
  if (d.line > 0 && d.column > 0) w.value(d.column); else w.null();
  w.key("cell");
  if (!d.sheet.empty() && d.line > 0 && d.column > 0) w.value(column_letters(d.column) + std::to_string(d.line));
  else w.null();
  w.end_object();
}

void diagnostics(JsonWriter& w, const Report& report) {
  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : report.diagnostics) {
    w.begin_object();
    w.field("code", d.code);
    w.field("severity", to_string(d.severity));
    place(w, d);
    args(w, d);
    in_both_languages(w, "text", [&](Lang lang) { return lang == Lang::Nb ? d.nb : d.en; });
    in_both_languages(w, "message", [&](Lang lang) { return d.text(lang); });
    if (d.line > 0 || !d.sheet.empty()) {
      in_both_languages(w, "place_text", [&](Lang lang) { return place_in_file(d.sheet, d.line, d.column, lang); });
    } else {
      w.key("place_text");
      w.null();
    }
    w.end_object();
  }
  w.end_array();
}

void year_summaries(JsonWriter& w, const Report& report) {
  w.key("population");
  w.begin_array();
  for (const PopulationUse& u : report.population_use) {
    w.begin_object();
    w.field("year", u.data_year);
    w.field("population_year", u.population_year);
    w.field("units_from_embedded", u.from_embedded);
    w.field("units_from_files", u.from_files);
    w.end_object();
  }
  w.end_array();
  w.key("excluded");
  w.begin_array();
  for (const ExcludedService& e : report.excluded) {
    w.begin_object();
    w.field("year", e.year);
    w.field("service", e.service);
    w.field("arsverk", e.arsverk.to_double());
    w.field("values", e.rows);
    w.end_object();
  }
  w.end_array();
  w.field("years", report.years);
  w.key("rules");
  w.begin_array();
  const auto basis = [](Rule r) { return r == Rule::Auto ? "auto" : "setting"; };
  for (const YearRules& y : report.rules) {
    w.begin_object();
    w.field("year", y.year);
    w.field("schema", to_string(schema_for_year(y.year)));
    const auto structure = structure_for_year(y.year);
    w.key("structure");
    w.value(structure ? to_string(*structure) : nullptr);
    w.field("carry_forward", y.carry_forward);
    w.field("suppression", y.suppression);
    w.field("suppression_unapplied", y.suppression_unapplied);
    w.key("basis");
    w.begin_object();
    w.field("carry_forward", basis(y.carry_forward_setting));
    w.field("suppression", basis(y.suppression_setting));
    w.end_object();
    w.end_object();
  }
  w.end_array();
}

// The map's colour classes (docs/output.md, "map_classes"): of `results_year` alone in a report with
// that year's results only, which the map draws.
void map_classes_json(JsonWriter& w, const Report& report, std::optional<int> results_year) {
  w.key("map_classes");
  w.begin_array();
  for (const MapClasses& classes : map_classes(report, results_year)) {
    w.begin_object();
    w.field("year", classes.year);
    w.field("level", to_string(classes.level));
    w.field("mode", classes.difference ? "diff" : "rate");
    per_measure(w, "breaks_tenths", [&](int i) { w.value(classes.breaks_tenths[i]); });
    w.end_object();
  }
  w.end_array();
}

// The reference rates standing for units without figures of their own (docs/output.md).
void reference(JsonWriter& w, const Report& report) {
  w.key("reference");
  w.begin_array();
  for (const ReferenceEntry& e : report.reference) {
    w.begin_object();
    w.field("level", to_string(e.level));
    w.field("code", e.code);
    in_both_languages(w, "name", [&](Lang lang) { return unit_name(e.level, e.code, e.name, lang); });
    w.key("fylke");
    w.text_or_null(e.county);
    w.key("kostragruppe");
    w.text_or_null(e.kostra);
    w.field("year", e.year);
    per_measure(w, "per_1000", [&](int i) { w.value(e.per_1000[i]); });
    per_measure(w, "tenths", [&](int i) { w.value(tenths(e.per_1000[i])); });
    w.field("source", e.source);
    w.field("used_for", e.used_for);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string unit_name(Level level, const std::string& code, const std::string& register_name, Lang lang) {
  const bool nb = lang == Lang::Nb;
  if (level == Level::Land) return nb ? "Hele landet" : "Norway";
  if (level == Level::KostraGruppe) {
    if (const auto n = kostra_group_number(code)) return (nb ? "KOSTRA-gruppe " : "KOSTRA group ") + std::to_string(*n);
  }
  return register_name;
}

std::optional<int64_t> shown_difference_tenths(const Result& r, int i) {
  if (!r.comparison) return std::nullopt;
  const auto median = tenths(r.comparison->median[i]);
  if (r.suppressed || !median || !r.arsverk[i] || r.measure_population[i] <= 0) return std::nullopt;
  return rounded_rate_units(*r.arsverk[i], r.measure_population[i]) - *median;
}

std::string report_to_json(const Report& report, const Settings& settings, const ReportScope& scope) {
  const std::optional<int>& results_year = scope.results_year;
  const bool with_breakdowns = scope.breakdowns && !results_year;
  constexpr std::size_t kBytesPerResult = 1200;  // about what one result takes: one allocation
  const std::size_t years = results_year ? std::max<std::size_t>(report.years.size(), 1) : 1;
  JsonWriter w(4096 + kBytesPerResult * report.results.size() / years);
  w.begin_object();
  w.field("version", 3);
  settings_json(w, settings);
  files(w, report);
  diagnostics(w, report);
  year_summaries(w, report);
  reference(w, report);
  if (results_year) w.field("results_year", *results_year);
  if (!with_breakdowns && !report.results.empty()) w.field("breakdowns", false);
  w.key("results");
  w.begin_array();
  for (const Result& r : report.results)
    if (!results_year || r.year == *results_year) result(w, r, with_breakdowns);
  w.end_array();
  map_classes_json(w, report, results_year);
  w.end_object();
  return w.take();
}

std::string breakdowns_to_json(const Report& report, const std::vector<std::string>& keys) {
  const std::set<std::string_view> wanted(keys.begin(), keys.end());
  JsonWriter w(256 + 2048 * keys.size());
  w.begin_object();
  w.key("breakdowns");
  w.begin_array();
  std::string key;
  for (const Result& r : report.results) {
    key.assign(to_string(r.level)).append(":").append(r.code).append(":").append(std::to_string(r.year));
    if (!wanted.count(key)) continue;
    w.begin_object();
    w.field("level", to_string(r.level));
    w.field("code", r.code);
    w.field("year", r.year);
    breakdowns(w, r);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

std::string year_rules_to_json(int first_year, int last_year) {
  JsonWriter w(512 * static_cast<std::size_t>(last_year - first_year + 1));
  w.begin_object();
  for (int year = first_year; year <= last_year; ++year) {
    const Schema schema = schema_for_year(year);
    const std::string key = std::to_string(year);
    w.key(key.c_str());
    w.begin_object();
    w.field("schema", to_string(schema));
    const auto structure = structure_for_year(year);
    w.key("structure");
    if (structure) w.value(to_string(*structure)); else w.null();
    const EducationParts& parts = education_parts_of(schema);
    w.key("education_parts");
    w.begin_array();
    for (const auto& categories : parts.categories) {
      w.begin_array();
      for (Category c : categories) w.value(to_string(c));
      w.end_array();
    }
    w.end_array();
    w.key("measure_parts");
    w.begin_object();
    for (int m = 0; m < 4; ++m) {
      w.key(kMeasureKeys[m]);
      w.begin_array();
      for (int part : parts.of_measure[m]) w.value(part);
      w.end_array();
    }
    w.end_object();
    w.end_object();
  }
  w.end_object();
  return w.take();
}

std::string form_sums_to_json(const FormSums& sums) {
  JsonWriter w(256 + 256 * sums.sheets.size());
  w.begin_object();
  w.field("code", sums.code);
  w.field("year", sums.year);
  w.field("schema", to_string(schema_for_year(sums.year)));
  w.key("sheets");
  w.begin_array();
  for (const FormSheet& sheet : sums.sheets) {
    w.begin_object();
    w.key("service");
    w.text_or_null(sheet.service);
    w.key("categories");
    w.begin_object();
    for (const auto& [category, sum] : sheet.categories) w.field(to_string(category), sum.to_double());
    w.end_object();
    w.key("groups");
    w.begin_object();
    for (const auto& [group, sum] : sheet.groups) w.field(to_string(group), sum.to_double());
    w.end_object();
    w.key("total");
    if (sheet.total) w.value(sheet.total->to_double()); else w.null();
    w.key("files");
    w.begin_array();
    for (const std::string& name : sheet.files) w.value(name);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("files");
  w.begin_array();
  for (const std::string& name : sums.files) w.value(name);
  w.end_array();
  per_measure(w, "missing", [&](int i) {
    w.begin_array();
    for (Category c : sums.missing[i]) w.value(to_string(c));
    w.end_array();
  });
  w.end_object();
  return w.take();
}

}  // namespace arsverk
