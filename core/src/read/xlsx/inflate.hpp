#pragma once
// DEFLATE decoder (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks), written from the
// RFC for the .xlsx reader. It lives in the core so the native build and WebAssembly decode with
// the same code (Emscripten here has no zlib port). Raw DEFLATE only: no zlib or gzip wrapper.
#include <cstddef>
#include <string>
#include <string_view>

namespace arsverk::detail::xlsx {

enum class InflateStatus {
  Ok,
  Corrupt,    // not a valid DEFLATE stream (bad block type, bad code, distance too far, truncated)
  TooLarge,   // the output would exceed max_out
};

// Appends the decoded bytes of the raw DEFLATE stream `in` to `out`, never letting `out` grow
// beyond `max_out` bytes (TooLarge). Bytes after the final block are ignored.
InflateStatus inflate(std::string_view in, std::string& out, std::size_t max_out);

}  // namespace arsverk::detail::xlsx
