// DEFLATE (RFC 1951). Huffman codes are decoded through a 10-bit lookup table; the few longer
// codes fall back to walking the canonical code lengths (RFC 1951, 3.2.2), which needs no table.
#include "inflate.hpp"

#include <cstdint>
#include <cstring>

namespace arsverk::detail::xlsx {
namespace {

constexpr int kMaxBits = 15;
constexpr int kFastBits = 10;
constexpr int kMaxLitLen = 288;
constexpr int kMaxDist = 32;

// LSB-first bit source (RFC 1951, 3.1.1). Past the end of the input it supplies zero bits and
// remembers it, so a truncated stream is found by overrun() instead of read out of bounds.
class BitReader {
 public:
  explicit BitReader(std::string_view in)
      : p_(reinterpret_cast<const uint8_t*>(in.data())), end_(p_ + in.size()) {}

  uint32_t peek(int n) {
    if (count_ < n) refill();
    return static_cast<uint32_t>(buf_ & ((uint64_t{1} << n) - 1));
  }
  void drop(int n) {
    if (n > count_) {  // only reachable far past the end of the input
      past_end_ = true;
      buf_ = 0;
      count_ = 0;
      return;
    }
    buf_ >>= n;
    count_ -= n;
  }
  uint32_t bits(int n) {
    if (n == 0) return 0;
    uint32_t v = peek(n);
    drop(n);
    return v;
  }
  void align_to_byte() { drop(count_ % 8); }
  bool overrun() const { return past_end_ || zeros_supplied_ * 8 > static_cast<uint64_t>(count_); }

  // Stored block payload: whole bytes, first those still in the bit buffer.
  bool copy_bytes(std::string& out, std::size_t n) {
    while (n > 0 && count_ >= 8) {
      out.push_back(static_cast<char>(buf_ & 0xFF));
      drop(8);
      --n;
    }
    if (overrun() || static_cast<std::size_t>(end_ - p_) < n) return false;
    out.append(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return true;
  }

 private:
  void refill() {
    while (count_ <= 56) {
      uint64_t byte = 0;
      if (p_ < end_) byte = *p_++;
      else if (zeros_supplied_ < 16) ++zeros_supplied_;
      else break;  // far past the end: the caller sees overrun()
      buf_ |= byte << count_;
      count_ += 8;
    }
  }

  const uint8_t* p_;
  const uint8_t* end_;
  uint64_t buf_ = 0;
  int count_ = 0;
  uint64_t zeros_supplied_ = 0;
  bool past_end_ = false;
};

uint32_t reverse_bits(uint32_t code, int length) {
  uint32_t r = 0;
  for (int i = 0; i < length; ++i) {
    r = (r << 1) | (code & 1);
    code >>= 1;
  }
  return r;
}

class Huffman {
 public:
  // False when the lengths over-subscribe the code space. Incomplete codes are accepted (RFC
  // 1951 allows a single distance code); a bit pattern outside the code decodes to -1.
  bool build(const uint8_t* lengths, int n) {
    std::memset(count_, 0, sizeof count_);
    std::memset(fast_, 0, sizeof fast_);
    for (int s = 0; s < n; ++s) ++count_[lengths[s]];
    count_[0] = 0;
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
      left = (left << 1) - count_[len];
      if (left < 0) return false;
    }
    uint16_t offset[kMaxBits + 2] = {0};
    for (int len = 1; len <= kMaxBits; ++len) offset[len + 1] = offset[len] + count_[len];
    uint32_t next_code[kMaxBits + 1] = {0};
    uint32_t code = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code = (code + count_[len - 1]) << 1;
      next_code[len] = code;
    }
    for (int s = 0; s < n; ++s) {
      int len = lengths[s];
      if (len == 0) continue;
      symbol_[offset[len]++] = static_cast<uint16_t>(s);
      uint32_t c = next_code[len]++;
      if (len <= kFastBits) {
        for (uint32_t k = reverse_bits(c, len); k < (1u << kFastBits); k += 1u << len)
          fast_[k] = static_cast<uint16_t>((s << 4) | len);
      }
    }
    return true;
  }

  int decode(BitReader& in) const {
    uint16_t e = fast_[in.peek(kFastBits)];
    if (e) {
      in.drop(e & 15);
      return e >> 4;
    }
    uint32_t v = in.peek(kMaxBits);
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= kMaxBits; ++len) {
      code |= static_cast<int>((v >> (len - 1)) & 1);
      int n = count_[len];
      if (code - first < n) {
        in.drop(len);
        return symbol_[index + code - first];
      }
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
    return -1;
  }

 private:
  uint16_t fast_[1 << kFastBits];
  uint16_t count_[kMaxBits + 1];
  uint16_t symbol_[kMaxLitLen];
};

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                    33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                    1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                    6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

class Inflater {
 public:
  Inflater(std::string_view in, std::string& out, std::size_t max_out)
      : in_(in), out_(out), max_out_(max_out) {}

  InflateStatus run() {
    bool last = false;
    while (!last) {
      last = in_.bits(1) != 0;
      uint32_t type = in_.bits(2);
      InflateStatus s = InflateStatus::Corrupt;
      if (type == 0) s = stored();
      else if (type == 1) s = fixed();
      else if (type == 2) s = dynamic();
      if (s != InflateStatus::Ok) return s;
      if (in_.overrun()) return InflateStatus::Corrupt;
    }
    return InflateStatus::Ok;
  }

 private:
  InflateStatus stored() {
    in_.align_to_byte();
    uint32_t len = in_.bits(16), nlen = in_.bits(16);
    if (in_.overrun() || (len ^ 0xFFFF) != nlen) return InflateStatus::Corrupt;
    if (out_.size() + len > max_out_) return InflateStatus::TooLarge;
    return in_.copy_bytes(out_, len) ? InflateStatus::Ok : InflateStatus::Corrupt;
  }

  InflateStatus fixed() {
    uint8_t lengths[kMaxLitLen + kMaxDist];
    std::memset(lengths, 8, 144);
    std::memset(lengths + 144, 9, 112);
    std::memset(lengths + 256, 7, 24);
    std::memset(lengths + 280, 8, 8);
    std::memset(lengths + kMaxLitLen, 5, kMaxDist);
    lit_.build(lengths, kMaxLitLen);
    dist_.build(lengths + kMaxLitLen, kMaxDist);
    return codes();
  }

  InflateStatus dynamic() {
    int nlit = static_cast<int>(in_.bits(5)) + 257;
    int ndist = static_cast<int>(in_.bits(5)) + 1;
    int ncode = static_cast<int>(in_.bits(4)) + 4;
    if (nlit > 286 || ndist > 30) return InflateStatus::Corrupt;
    uint8_t code_lengths[19] = {0};
    for (int i = 0; i < ncode; ++i) code_lengths[kCodeLengthOrder[i]] = static_cast<uint8_t>(in_.bits(3));
    Huffman cl;
    if (!cl.build(code_lengths, 19)) return InflateStatus::Corrupt;
    uint8_t lengths[kMaxLitLen + kMaxDist] = {0};
    int n = 0;
    while (n < nlit + ndist) {
      int sym = cl.decode(in_);
      if (sym < 0 || in_.overrun()) return InflateStatus::Corrupt;
      if (sym < 16) {
        lengths[n++] = static_cast<uint8_t>(sym);
        continue;
      }
      uint8_t value = 0;
      int repeat;
      if (sym == 16) {
        if (n == 0) return InflateStatus::Corrupt;
        value = lengths[n - 1];
        repeat = 3 + static_cast<int>(in_.bits(2));
      } else if (sym == 17) {
        repeat = 3 + static_cast<int>(in_.bits(3));
      } else {
        repeat = 11 + static_cast<int>(in_.bits(7));
      }
      if (n + repeat > nlit + ndist) return InflateStatus::Corrupt;
      while (repeat--) lengths[n++] = value;
    }
    if (lengths[256] == 0) return InflateStatus::Corrupt;  // no end-of-block code
    // The literal/length and distance lengths are one sequence; split it.
    uint8_t dist_lengths[kMaxDist] = {0};
    std::memcpy(dist_lengths, lengths + nlit, static_cast<std::size_t>(ndist));
    if (!lit_.build(lengths, nlit) || !dist_.build(dist_lengths, ndist)) return InflateStatus::Corrupt;
    return codes();
  }

  InflateStatus codes() {
    for (;;) {
      int sym = lit_.decode(in_);
      if (sym < 0 || in_.overrun()) return InflateStatus::Corrupt;
      if (sym < 256) {
        if (out_.size() >= max_out_) return InflateStatus::TooLarge;
        out_.push_back(static_cast<char>(sym));
        continue;
      }
      if (sym == 256) return InflateStatus::Ok;
      sym -= 257;
      if (sym >= 29) return InflateStatus::Corrupt;
      std::size_t len = kLengthBase[sym] + in_.bits(kLengthExtra[sym]);
      int dsym = dist_.decode(in_);
      if (dsym < 0 || dsym >= 30) return InflateStatus::Corrupt;
      std::size_t dist = kDistBase[dsym] + in_.bits(kDistExtra[dsym]);
      if (in_.overrun() || dist > out_.size()) return InflateStatus::Corrupt;
      if (out_.size() + len > max_out_) return InflateStatus::TooLarge;
      copy_match(dist, len);
    }
  }

  // Copies `len` bytes starting `dist` back; when they overlap the bytes just written repeat.
  void copy_match(std::size_t dist, std::size_t len) {
    std::size_t at = out_.size();
    out_.resize(at + len);
    char* d = &out_[at];
    const char* s = d - dist;
    if (dist >= len) {
      std::memcpy(d, s, len);
    } else {
      for (std::size_t i = 0; i < len; ++i) d[i] = s[i];
    }
  }

  BitReader in_;
  std::string& out_;
  std::size_t max_out_;
  Huffman lit_, dist_;
};

}  // namespace

InflateStatus inflate(std::string_view in, std::string& out, std::size_t max_out) {
  return Inflater(in, out, max_out).run();
}

}  // namespace arsverk::detail::xlsx
