#pragma once
// Bytes that travel between the processes of a run (which may be different machines):
// fixed-width little-endian integers and IEEE-754 doubles by their bit pattern, so the
// bytes mean the same everywhere and a value arrives to the last bit. Never a struct's
// memory, whose padding and byte order are the compiler's.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pipesim {

class ByteWriter {
  public:
    void u8(std::uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
    void u32(std::uint32_t value);
    void u64(std::uint64_t value);
    void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
    void f64(double value);
    // A count (u64), then the values.
    void u32s(std::span<const std::uint32_t> values);
    void u64s(std::span<const std::uint64_t> values);
    void i64s(std::span<const std::int64_t> values);
    void f64s(std::span<const double> values);

    const std::string& bytes() const { return bytes_; }
    std::string take() { return std::move(bytes_); }

  private:
    std::string bytes_;
};

// Every read checks that the bytes hold what it asks for; a short or malformed message
// throws std::runtime_error naming `what` (the message being read) and the field.
class ByteReader {
  public:
    ByteReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}

    std::uint8_t u8(std::string_view field);
    std::uint32_t u32(std::string_view field);
    std::uint64_t u64(std::string_view field);
    std::int64_t i64(std::string_view field) { return static_cast<std::int64_t>(u64(field)); }
    double f64(std::string_view field);
    // The count must be `expected`: the receiver knows the shape of what it reads into.
    void u32s(std::string_view field, std::vector<std::uint32_t>& into);
    void u64s(std::string_view field, std::vector<std::uint64_t>& into);
    void i64s(std::string_view field, std::vector<std::int64_t>& into);
    void f64s(std::string_view field, std::vector<double>& into);

    // Throws unless every byte was read.
    void expect_end() const;
    [[noreturn]] void fail(std::string_view field, const std::string& reason) const;

  private:
    std::uint64_t raw(std::size_t width, std::string_view field);
    void expect_count(std::string_view field, std::size_t expected);

    std::string_view bytes_;
    std::size_t at_ = 0;
    std::string what_;
};

}  // namespace pipesim
