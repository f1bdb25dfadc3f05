#include "text.hpp"

#include <cstdint>
#include <cstring>

namespace arsverk::detail {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    // ASCII eight bytes at a time: the common case.
    uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    i += len;
  }
  return true;
}

namespace {
// Windows-1252 0x80..0x9F; 0 for the five undefined positions (kept as the C1 control).
const uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

constexpr uint32_t kReplacement = 0xFFFD;
}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void cp1252_append_utf8(std::string_view s, std::string& out) {
  std::size_t run = 0;  // start of the pending ASCII run, appended in one piece
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : c);
    else append_utf8(out, c);
  }
  out.append(s.data() + run, s.size() - run);
}

void Utf16Decoder::unit(uint16_t u, std::string& out) {
  if (high_) {
    if (u >= 0xDC00 && u <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((static_cast<uint32_t>(high_) - 0xD800) << 10) + (u - 0xDC00));
      high_ = 0;
      return;
    }
    append_utf8(out, kReplacement);
    high_ = 0;
  }
  if (u >= 0xD800 && u <= 0xDBFF) high_ = u;
  else if (u >= 0xDC00 && u <= 0xDFFF) append_utf8(out, kReplacement);
  else append_utf8(out, u);
}

void Utf16Decoder::decode(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size());
  std::size_t i = 0;
  auto pair = [&](unsigned char first, unsigned char second) {
    unit(static_cast<uint16_t>(big_endian_ ? (first << 8) | second : (second << 8) | first), out);
  };
  if (has_odd_ && !bytes.empty()) {
    pair(odd_, static_cast<unsigned char>(bytes[0]));
    has_odd_ = false;
    i = 1;
  }
  for (; i + 1 < bytes.size(); i += 2)
    pair(static_cast<unsigned char>(bytes[i]), static_cast<unsigned char>(bytes[i + 1]));
  if (i < bytes.size()) {
    has_odd_ = true;
    odd_ = static_cast<unsigned char>(bytes[i]);
  }
}

void Utf16Decoder::finish(std::string& out) {
  if (high_ || has_odd_) append_utf8(out, kReplacement);
  high_ = 0;
  has_odd_ = false;
}

std::optional<bool> utf16_big_endian(std::string_view h, bool& has_bom) {
  has_bom = false;
  if (h.size() >= 2 && h[0] == '\xFF' && h[1] == '\xFE') { has_bom = true; return false; }
  if (h.size() >= 2 && h[0] == '\xFE' && h[1] == '\xFF') { has_bom = true; return true; }
  // Without a BOM: the first eight bytes are four ASCII characters, each with a NUL beside it.
  if (h.size() < 8) return std::nullopt;
  bool le = true, be = true;
  for (std::size_t i = 0; i < 8; i += 2) {
    const unsigned char a = static_cast<unsigned char>(h[i]), b = static_cast<unsigned char>(h[i + 1]);
    le = le && b == 0 && a >= 0x09 && a < 0x80;
    be = be && a == 0 && b >= 0x09 && b < 0x80;
  }
  if (le) return false;
  if (be) return true;
  return std::nullopt;
}

std::string cp1252_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  cp1252_append_utf8(s, out);
  return out;
}

std::string to_utf8(std::string_view bytes, bool& converted) {
  converted = !valid_utf8(bytes);
  return converted ? cp1252_to_utf8(bytes) : std::string(bytes);
}

bool invisible_char_at(std::string_view s, std::size_t i);

namespace {
// Invisible characters that only surround a figure or a unit number (pasted from the web or a
// workbook): zero-width space, non-joiner and joiner, word joiner, byte order mark; NUL.
bool invisible_at(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return false;
  const unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]),
                      c = static_cast<unsigned char>(s[i + 2]);
  return (a == 0xE2 && b == 0x80 && c >= 0x8B && c <= 0x8D) || (a == 0xE2 && b == 0x81 && c == 0xA0) ||
         (a == 0xEF && b == 0xBB && c == 0xBF);
}
std::size_t lead_space(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0) return 1;
  if (invisible_at(s, i)) return 3;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xAF || static_cast<unsigned char>(s[i + 2]) == 0x89))
    return 3;
  return 0;
}
std::size_t trail_space(std::string_view s) {
  std::size_t n = s.size();
  unsigned char c = static_cast<unsigned char>(s[n - 1]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0) return 1;
  if (n >= 3 && invisible_at(s, n - 3)) return 3;
  if (n >= 2 && c == 0xA0 && static_cast<unsigned char>(s[n - 2]) == 0xC2) return 2;
  if (n >= 3 && (c == 0xAF || c == 0x89) && static_cast<unsigned char>(s[n - 2]) == 0x80 &&
      static_cast<unsigned char>(s[n - 3]) == 0xE2)
    return 3;
  return 0;
}
}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty()) {
    std::size_t k = lead_space(s, 0);
    if (!k) break;
    s.remove_prefix(k);
  }
  while (!s.empty()) {
    std::size_t k = trail_space(s);
    if (!k) break;
    s.remove_suffix(k);
  }
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::optional<int> find_year(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    if (!all_digits(s.substr(i, 4))) continue;
    if (i + 4 < s.size() && s[i + 4] >= '0' && s[i + 4] <= '9') continue;
    int y = std::stoi(std::string(s.substr(i, 4)));
    if (y >= 1900 && y <= 2100) return y;
  }
  return std::nullopt;
}

bool contains_any(std::string_view s, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (contains(s, p)) return true;
  return false;
}

bool is_one_of(std::string_view s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s == w) return true;
  return false;
}

std::string remove_once(std::string s, std::string_view part) {
  std::size_t p = s.find(part);
  if (p != std::string::npos) s.erase(p, part.size());
  return s;
}

std::string excerpt(std::string_view s, std::size_t max_bytes) {
  std::string cut_text;
  if (s.size() <= max_bytes) {
    cut_text = std::string(s);
  } else {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    cut_text = std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
  }
  return visible(cut_text);
}

bool invisible_char_at(std::string_view s, std::size_t i) { return invisible_at(s, i); }

std::string visible(std::string_view s) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  auto escape = [&](unsigned cp) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      escape(c);
    } else if (invisible_at(s, i)) {
      escape(((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
             (static_cast<unsigned char>(s[i + 2]) & 0x3F));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace arsverk::detail
