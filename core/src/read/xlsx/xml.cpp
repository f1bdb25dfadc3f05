#include "xml.hpp"

#include "../text.hpp"

#include <cstdint>
#include <cstring>

namespace arsverk::detail::xlsx {
namespace {

constexpr std::size_t kMaxAttributes = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view local_part(std::string_view qname) {
  std::size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The character a reference ("amp", "#x41") stands for; false when it is not one.
bool reference(std::string_view ref, std::string& out) {
  static const std::pair<const char*, char> named[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
  for (const auto& [n, c] : named)
    if (ref == n) {
      out += c;
      return true;
    }
  if (ref.size() < 2 || ref[0] != '#') return false;
  bool hex = ref[1] == 'x' || ref[1] == 'X';
  std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  uint32_t cp = 0;
  for (char c : digits) {
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
    else return false;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  append_utf8(out, cp);
  return true;
}

}  // namespace

std::string xml_decode(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, amp - i));
    std::size_t semi = raw.find(';', amp);
    if (semi != std::string_view::npos && semi - amp <= 12 && reference(raw.substr(amp + 1, semi - amp - 1), out)) {
      i = semi + 1;
    } else {
      out += '&';
      i = amp + 1;
    }
  }
  return valid_utf8(out) ? out : cp1252_to_utf8(out);  // Excel writes UTF-8; anything else as Windows-1252
}

XmlReader::Event XmlReader::fail(const char* what) {
  if (error_.empty()) error_ = what;
  return Event::Error;
}

bool XmlReader::skip_past(std::string_view terminator) {
  std::size_t at = doc_.find(terminator, pos_);
  if (at == std::string_view::npos) return false;
  pos_ = at + terminator.size();
  return true;
}

XmlReader::Event XmlReader::next() {
  if (!error_.empty()) return Event::Error;
  if (pending_end_) {
    pending_end_ = false;
    open_.pop_back();
    return Event::End;
  }
  for (;;) {
    if (pos_ >= doc_.size()) return open_.empty() ? Event::Eof : fail("the document ends inside an element");
    if (doc_[pos_] != '<') {
      std::size_t lt = doc_.find('<', pos_);
      if (lt == std::string_view::npos) lt = doc_.size();
      text_ = doc_.substr(pos_, lt - pos_);
      cdata_ = false;
      pos_ = lt;
      return Event::Text;
    }
    std::string_view rest = doc_.substr(pos_);
    if (rest.compare(0, 2, "<?") == 0) {
      if (!skip_past("?>")) return fail("an unterminated processing instruction");
    } else if (rest.compare(0, 4, "<!--") == 0) {
      if (!skip_past("-->")) return fail("an unterminated comment");
    } else if (rest.compare(0, 9, "<![CDATA[") == 0) {
      std::size_t end = doc_.find("]]>", pos_ + 9);
      if (end == std::string_view::npos) return fail("an unterminated CDATA section");
      text_ = doc_.substr(pos_ + 9, end - pos_ - 9);
      cdata_ = true;
      pos_ = end + 3;
      return Event::Text;
    } else if (rest.compare(0, 2, "<!") == 0) {
      return fail("a DOCTYPE declaration, which spreadsheets do not have");
    } else if (rest.compare(0, 2, "</") == 0) {
      return end_tag();
    } else {
      return start_tag();
    }
  }
}

XmlReader::Event XmlReader::start_tag() {
  std::size_t p = pos_ + 1, n = doc_.size();
  std::size_t begin = p;
  while (p < n && !is_space(doc_[p]) && doc_[p] != '/' && doc_[p] != '>') ++p;
  if (p == begin) return fail("a tag without a name");
  name_ = local_part(doc_.substr(begin, p - begin));
  attrs_.clear();
  for (;;) {
    while (p < n && is_space(doc_[p])) ++p;
    if (p >= n) return fail("an unterminated tag");
    if (doc_[p] == '>' || doc_[p] == '/') {
      bool empty = doc_[p] == '/';
      if (empty && (p + 1 >= n || doc_[p + 1] != '>')) return fail("a stray '/' in a tag");
      pos_ = p + (empty ? 2 : 1);
      if (static_cast<int>(open_.size()) >= max_depth_) return fail("elements nested too deeply");
      open_.push_back(name_);
      pending_end_ = empty;
      return Event::Start;
    }
    std::size_t an = p;
    while (p < n && doc_[p] != '=' && !is_space(doc_[p]) && doc_[p] != '>' && doc_[p] != '/') ++p;
    std::string_view aname = doc_.substr(an, p - an);
    while (p < n && is_space(doc_[p])) ++p;
    if (aname.empty() || p >= n || doc_[p] != '=') return fail("an attribute without a value");
    ++p;
    while (p < n && is_space(doc_[p])) ++p;
    if (p >= n || (doc_[p] != '"' && doc_[p] != '\'')) return fail("an attribute value without quotes");
    char quote = doc_[p++];
    std::size_t close = doc_.find(quote, p);
    if (close == std::string_view::npos) return fail("an unterminated attribute value");
    if (attrs_.size() >= kMaxAttributes) return fail("too many attributes");
    attrs_.emplace_back(local_part(aname), doc_.substr(p, close - p));
    p = close + 1;
  }
}

XmlReader::Event XmlReader::end_tag() {
  std::size_t close = doc_.find('>', pos_);
  if (close == std::string_view::npos) return fail("an unterminated end tag");
  std::string_view qname = doc_.substr(pos_ + 2, close - pos_ - 2);
  while (!qname.empty() && is_space(qname.back())) qname.remove_suffix(1);
  name_ = local_part(qname);
  if (open_.empty() || open_.back() != name_) return fail("an end tag that does not match its start tag");
  open_.pop_back();
  pos_ = close + 1;
  return Event::End;
}

std::string_view XmlReader::attr(std::string_view local_name) const {
  for (const auto& [n, v] : attrs_)
    if (n == local_name) return v;
  return {};
}

bool XmlReader::has_attr(std::string_view local_name) const {
  for (const auto& a : attrs_)
    if (a.first == local_name) return true;
  return false;
}

std::string XmlReader::text() const {
  if (!cdata_) return xml_decode(text_);
  return valid_utf8(text_) ? std::string(text_) : cp1252_to_utf8(text_);
}

bool XmlReader::skip_element() {
  int d = depth();
  for (;;) {
    Event e = next();
    if (e == Event::Error || e == Event::Eof) return false;
    if (e == Event::End && depth() < d) return true;
  }
}

}  // namespace arsverk::detail::xlsx
