#pragma once
// A small pull parser for the XML parts of an .xlsx (SpreadsheetML as Excel and LibreOffice
// write it): elements, attributes, text, comments, processing instructions, CDATA. Namespace
// prefixes are dropped from names. A DOCTYPE is refused (Excel never writes one, and entity
// definitions are how "billion laughs" documents attack parsers); nesting is depth-limited.
#include <string>
#include <string_view>
#include <vector>

namespace arsverk::detail::xlsx {

class XmlReader {
 public:
  enum class Event { Start, End, Text, Eof, Error };

  XmlReader(std::string_view doc, int max_depth = 64) : doc_(doc), max_depth_(max_depth) {}

  Event next();
  // Start/End: the element's local name. Text: nothing.
  std::string_view name() const { return name_; }
  // Start: an attribute's raw (undecoded) value by local name; empty when absent.
  std::string_view attr(std::string_view local_name) const;
  bool has_attr(std::string_view local_name) const;
  // Text: the text with entities decoded.
  std::string text() const;
  std::string_view raw_text() const { return text_; }
  // Error: what is wrong, in English (for the message) and where (byte offset).
  const std::string& error() const { return error_; }
  std::size_t offset() const { return pos_; }
  int depth() const { return static_cast<int>(open_.size()); }

  // Skips to the end of the element just started (Start event), children included.
  bool skip_element();

 private:
  Event fail(const char* what);
  Event start_tag();
  Event end_tag();
  bool skip_past(std::string_view terminator);

  std::string_view doc_;
  int max_depth_;
  std::size_t pos_ = 0;
  std::string_view name_, text_;
  bool cdata_ = false;
  bool pending_end_ = false;  // a self-closing element's End comes next
  std::vector<std::pair<std::string_view, std::string_view>> attrs_;
  std::vector<std::string_view> open_;
  std::string error_;
};

// Decodes the five predefined entities and character references (&#10; &#xA;). Malformed
// references are kept as written; bytes that are not UTF-8 are read as Windows-1252, so the text
// is always valid UTF-8.
std::string xml_decode(std::string_view raw);

}  // namespace arsverk::detail::xlsx
