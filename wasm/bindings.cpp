// The only Emscripten-aware file: a small embind surface over arsverk::Session.
// Bytes in: the worker copies each slice once into a staging buffer it allocated in the module's
// heap (_malloc, HEAPU8.set) and passes pointer and length to feedHeap, which reads it in place;
// feed(id, Uint8Array) stays for tests and the console (embind copies that one byte by byte).
// Settings in as JSON, the report out as JSON: whole (report), with one year's results
// (reportYear, what the page shows first), or without the breakdowns by target group and service
// (reportWithoutBreakdowns, the page's whole report; breakdowns gives them per unit); computeAhead keeps a report for settings the page may
// ask for next, so that it is then only written out. WarmUp runs the engine over made-up files in a session
// of its own, thrown away, a step at a time (the worker at start); warmUp() all steps at once.
// thresholds() gives the checks' thresholds (arsverk/thresholds.hpp) as JSON, for the help texts;
// yearRules() each year's schema, structure and education parts. provideData(ptr, size): the browser's module takes
// its registers and population (arsverk.data, copied into its heap) before any file or report.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "arsverk/embedded_data.hpp"
#include "arsverk/report.hpp"
#include "arsverk/session.hpp"
#include "arsverk/thresholds.hpp"

namespace {

std::string error_json(const std::string& what) {
  std::string escaped;
  for (char c : what) {
    if (c == '"' || c == '\\') escaped += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
  }
  return "{\"error\":\"" + escaped + "\"}";
}

// A module's first report over a few hundred municipalities took ≈ 1 s, later ones ≈ 0.1 s, in the
// same functions: V8 runs them as baseline code until they have run enough to be optimised. So a
// file laid out as the survey's exports are (names, target groups, services, one row each) is read
// and reported under two settings, before any real file, in both schemas: every municipality of
// 2023 with M1–M4 and of 2024 with the education columns a–e. Rows of the real layout, not one row
// per municipality, because reading and preparing such rows is most of a first drop (the example's
// read and report in the browser 137 + 169 → 35–84 + 85–107 ms; docs/performance.md, "Recompute").
// Nothing of it is kept or shown.
std::string warm_up_csv(arsverk::Structure structure, int year, const char* columns) {
  static constexpr const char* kServices[] = {"Behandling og utredning", "Lavterskeltilbud", "Bolig med fast tilknyttet personell"};
  static constexpr const char* kGroups[] = {"voksne", "barn og unge"};
  const bool education = std::string_view(columns) == "a;b;c;d;e";
  std::string csv = std::string("kommunenummer;kommunenavn;år;målgruppe;tjeneste;") + columns + "\n";
  int n = 0;
  for (const auto& m : arsverk::Registers::embedded().municipalities(structure)) {
    for (const char* group : kGroups) {
      for (const char* service : kServices) {
        const int x = 10 + (++n % 7);
        csv += m.code + ";" + m.name + ";" + std::to_string(year) + ";" + group + ";" + service + ";";
        csv += education ? "3," + std::to_string(x) + ";" + std::to_string(x) + ",25;1,5;0,75;0,5\n"
                         : std::to_string(x) + ",5;" + std::to_string(x - 2) + ",25;4,5;2,75\n";
      }
    }
  }
  return csv;
}

// The warm-up in steps (read one file, the other, report, report under another setting), so that
// the worker can stop between them when a real request comes: that request warms the engine
// itself, and need not wait for made-up files. step() runs the next and says whether one is left.
// The steps run three times over: V8 optimises a function once it has run enough, and one round
// left a first visit's drop of the example at 286–345 ms, two at 205–211 ms, three at 130–141 ms,
// four no better (docs/performance.md, "The warm-up in three rounds").
class WarmUp {
 public:
  bool step() {
    using arsverk::Structure;
    if (next_ >= kSteps * kRounds) return false;
    switch (next_++ % kSteps) {
      case 0:
        session_.clear();
        session_.add_file("warm-up-2023.csv", warm_up_csv(Structure::K2020, 2023, "M1;M2;M3;M4"));
        break;
      case 1: session_.add_file("warm-up-2024.csv", warm_up_csv(Structure::K2024, 2024, "a;b;c;d;e")); break;
      case 2: session_.report_json(arsverk::settings_from_json(R"({"year":null})")); break;
      default: session_.report_json(arsverk::settings_from_json(R"({"year":null,"population_year":"next"})")); break;
    }
    return next_ < kSteps * kRounds;
  }

 private:
  static constexpr int kSteps = 4;
  static constexpr int kRounds = 3;
  arsverk::Session session_;
  int next_ = 0;
};

void warmUp() {
  WarmUp warm_up;
  while (warm_up.step()) {
  }
}

class Calculator {
 public:
  int beginFile(const std::string& name) { return session_.begin_file(name); }
  // The IS-24/8 form the page made of figures typed in: messages elsewhere name it «skjemaet».
  int beginForm(const std::string& name) { return session_.begin_file(name, true); }

  // Returns "" or an error text, so that JS never sees a raw C++ exception.
  std::string feed(int id, const std::string& bytes) {
    return guarded([&] { session_.feed(id, bytes); });
  }
  // `ptr` is an address in the module's heap holding `size` bytes (the worker's staging buffer).
  std::string feedHeap(int id, uintptr_t ptr, std::size_t size) {
    return guarded([&] { session_.feed(id, std::string_view(reinterpret_cast<const char*>(ptr), size)); });
  }
  std::string endFile(int id) {
    return guarded([&] { session_.end_file(id); });
  }
  void removeFile(int id) { session_.remove_file(id); }
  // "arsverk", "befolkning", "referanse" or "unknown" (docs/output.md, files[].kind); "" for an id
  // with no finished file.
  std::string fileKind(int id) const {
    try {
      return arsverk::to_string(session_.file_kind(id));
    } catch (const std::out_of_range&) {
      return "";
    }
  }
  void clear() { session_.clear(); }

  std::string report(const std::string& settings_json) {
    try {
      return session_.report_json(arsverk::settings_from_json(settings_json));
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

  // The report with one data year's results (`year`; the latest with results when 0 or without
  // results): what the page shows first. From the report kept, when the settings are the same.
  std::string reportYear(const std::string& settings_json, int year) {
    try {
      return session_.report_json_of_year(arsverk::settings_from_json(settings_json),
                                          year > 0 ? std::optional<int>(year) : std::nullopt);
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

  // Every year's results without their breakdowns (the page's whole report), and the breakdowns
  // of the results named by `keys`, "level:code:year" joined by commas.
  std::string reportWithoutBreakdowns(const std::string& settings_json) {
    try {
      return session_.report_json_without_breakdowns(arsverk::settings_from_json(settings_json));
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }
  std::string breakdowns(const std::string& settings_json, const std::string& keys) {
    try {
      std::vector<std::string> list;
      for (std::size_t at = 0; at < keys.size();) {
        const std::size_t end = std::min(keys.find(',', at), keys.size());
        list.push_back(keys.substr(at, end - at));
        at = end + 1;
      }
      return session_.breakdowns_json(arsverk::settings_from_json(settings_json), list);
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

  // The report for settings the page may ask for next, computed and kept: "" or the error.
  std::string computeAhead(const std::string& settings_json) {
    return guarded([&] { session_.compute_ahead(arsverk::settings_from_json(settings_json)); });
  }

  // The IS-24/8 form's sums of one unit-year (docs/output.md, "The form's sums").
  std::string formSums(const std::string& code, int year) {
    try {
      return session_.form_sums_json(code, year);
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

  std::string exportCsv(const std::string& settings_json, const std::string& lang_code) {
    try {
      const std::optional<arsverk::Lang> lang = arsverk::lang_from_code(lang_code);
      if (!lang) throw std::invalid_argument("the CSV language must be \"nb\" or \"en\"");
      return session_.report_csv(arsverk::settings_from_json(settings_json), *lang);
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

 private:
  template <typename F>
  std::string guarded(F f) {
    try {
      f();
      return "";
    } catch (const std::bad_alloc&) {
      return "out_of_memory";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  arsverk::Session session_;
};

std::string thresholds() {
  namespace t = arsverk::thresholds;
  auto number = [](double x) {
    std::string text = std::to_string(x);  // "15.000000": trailing zeros and a bare point go
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
  };
  return "{\"rate_high\":" + number(t::kRateHigh) + ",\"change_large_percent\":" +
         number(t::kChangeLargePercent) + ",\"far_above_published\":" + number(t::kFarAbovePublished) +
         ",\"far_below_published\":" + number(t::kFarBelowPublished) +
         ",\"far_below_published_percent\":" + number(t::kFarBelowPublished * 100) +
         ",\"category_change_factor\":" + number(t::kCategoryChangeFactor) +
         ",\"one_category_minimum_ftes\":" + std::to_string(t::kOneCategoryMinimumFtes) +
         ",\"max_messages_per_code\":" + std::to_string(t::kMaxMessagesPerCode) + "}";
}

// Each year's schema, structure and education parts, as the core decides them (docs/output.md,
// "Year rules"), for the page's form, map and explanation before any report, from the first year
// of the 2015 schema to 2040.
std::string yearRules() { return arsverk::year_rules_to_json(2015, 2040); }

// "" when taken, else why not (arsverk/embedded_data.hpp).
std::string provideData(uintptr_t ptr, std::size_t size) {
  return arsverk::embedded::provide(std::string_view(reinterpret_cast<const char*>(ptr), size));
}

}  // namespace

EMSCRIPTEN_BINDINGS(arsverk) {
  emscripten::function("warmUp", &warmUp);
  emscripten::class_<WarmUp>("WarmUp").constructor<>().function("step", &WarmUp::step);
  emscripten::function("thresholds", &thresholds);
  emscripten::function("yearRules", &yearRules);
  emscripten::function("provideData", &provideData);
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
      .function("beginFile", &Calculator::beginFile)
      .function("beginForm", &Calculator::beginForm)
      .function("feed", &Calculator::feed)
      .function("feedHeap", &Calculator::feedHeap)
      .function("endFile", &Calculator::endFile)
      .function("removeFile", &Calculator::removeFile)
      .function("fileKind", &Calculator::fileKind)
      .function("clear", &Calculator::clear)
      .function("report", &Calculator::report)
      .function("reportYear", &Calculator::reportYear)
      .function("reportWithoutBreakdowns", &Calculator::reportWithoutBreakdowns)
      .function("breakdowns", &Calculator::breakdowns)
      .function("computeAhead", &Calculator::computeAhead)
      .function("formSums", &Calculator::formSums)
      .function("exportCsv", &Calculator::exportCsv);
}
