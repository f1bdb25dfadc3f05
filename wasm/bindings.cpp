// The only Emscripten-aware file: a small embind surface over arsverk::Session.
// Bytes in: the worker copies each slice once into a staging buffer it allocated in the module's
// heap (_malloc, HEAPU8.set) and passes pointer and length to feedHeap, which reads it in place;
// feed(id, Uint8Array) stays for tests and the console (embind copies that one byte by byte).
// Settings in as JSON, the report out as JSON.
#include <emscripten/bind.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "arsverk/session.hpp"

namespace {

std::string error_json(const std::string& what) {
  std::string escaped;
  for (char c : what) {
    if (c == '"' || c == '\\') escaped += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
  }
  return "{\"error\":\"" + escaped + "\"}";
}

class Calculator {
 public:
  int beginFile(const std::string& name) { return session_.begin_file(name); }

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
  void clear() { session_.clear(); }

  std::string report(const std::string& settings_json) {
    try {
      return session_.report_json(arsverk::settings_from_json(settings_json));
    } catch (const std::exception& e) {
      return error_json(e.what());
    }
  }

  std::string exportCsv(const std::string& settings_json, bool norwegian) {
    try {
      return session_.report_csv(arsverk::settings_from_json(settings_json),
                                 norwegian ? arsverk::CsvStyle::Norwegian : arsverk::CsvStyle::English);
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

}  // namespace

EMSCRIPTEN_BINDINGS(arsverk) {
  emscripten::class_<Calculator>("Calculator")
      .constructor<>()
      .function("beginFile", &Calculator::beginFile)
      .function("feed", &Calculator::feed)
      .function("feedHeap", &Calculator::feedHeap)
      .function("endFile", &Calculator::endFile)
      .function("removeFile", &Calculator::removeFile)
      .function("clear", &Calculator::clear)
      .function("report", &Calculator::report)
      .function("exportCsv", &Calculator::exportCsv);
}
