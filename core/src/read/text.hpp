#pragma once
// Internal text helpers for the readers: encoding detection and conversion to UTF-8,
// trimming, and header/value normalisation.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace arsverk::detail {

// Appends one code point (≤ U+10FFFF) as UTF-8.
void append_utf8(std::string& out, uint32_t code_point);
// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool valid_utf8(std::string_view bytes);
// Windows-1252 (a superset of the printable ISO-8859-1) → UTF-8.
std::string cp1252_to_utf8(std::string_view bytes);
void cp1252_append_utf8(std::string_view bytes, std::string& out);
// UTF-8 as is when valid, otherwise decoded as Windows-1252; `converted` tells which.
std::string to_utf8(std::string_view bytes, bool& converted);

// Streaming UTF-16 → UTF-8 (Excel's "Unicode text"): chunk boundaries may split a code unit or
// a surrogate pair; unpaired surrogates become U+FFFD.
class Utf16Decoder {
 public:
  explicit Utf16Decoder(bool big_endian) : big_endian_(big_endian) {}
  void decode(std::string_view bytes, std::string& out);
  void finish(std::string& out);  // a dangling byte or high surrogate becomes U+FFFD

 private:
  void unit(uint16_t u, std::string& out);
  bool big_endian_;
  bool has_odd_ = false;
  unsigned char odd_ = 0;
  uint16_t high_ = 0;  // a high surrogate waiting for its low half
};

// The byte order of UTF-16 text from its first bytes: a BOM, or ASCII text with every other
// byte NUL (no BOM). Returns nullopt for anything else.
std::optional<bool> utf16_big_endian(std::string_view head, bool& has_bom);

// Trims ASCII white space, no-break space (U+00A0), narrow no-break space (U+202F).
std::string_view trim(std::string_view s);
std::string lower_ascii(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view part);
bool all_digits(std::string_view s);
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Whether `s` contains one of `parts` / equals one of `words`: the vocabulary's word lists.
bool contains_any(std::string_view s, std::initializer_list<const char*> parts);
bool is_one_of(std::string_view s, std::initializer_list<const char*> words);

// A four-digit year 1900..2100 standing alone in the text (not part of a longer number).
std::optional<int> find_year(std::string_view s);
// Removes the first occurrence of `part`.
std::string remove_once(std::string s, std::string_view part);

// Shortens a cell for quoting in messages (UTF-8 safe), e.g. 60 bytes then "…", with invisible
// characters shown (visible()).
std::string excerpt(std::string_view s, std::size_t max_bytes = 60);
// Control characters, zero-width spaces and joiners, the word joiner and the byte order mark
// written as escapes ("\u200B", "\u0000"), so a message never quotes «3101» for a cell that is not.
std::string visible(std::string_view s);
// A zero-width space, joiner, word joiner or byte order mark starts at s[i].
bool invisible_char_at(std::string_view s, std::size_t i);

}  // namespace arsverk::detail
