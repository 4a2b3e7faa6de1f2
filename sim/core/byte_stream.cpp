#include "core/byte_stream.hpp"

#include <bit>
#include <stdexcept>

namespace pipesim {
namespace {

void put(std::string& bytes, std::uint64_t value, std::size_t width) {
    for (std::size_t i = 0; i < width; ++i)
        bytes.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

}  // namespace

void ByteWriter::u32(std::uint32_t value) {
    put(bytes_, value, 4);
}
void ByteWriter::u64(std::uint64_t value) {
    put(bytes_, value, 8);
}
void ByteWriter::f64(double value) {
    put(bytes_, std::bit_cast<std::uint64_t>(value), 8);
}

void ByteWriter::u32s(std::span<const std::uint32_t> values) {
    u64(values.size());
    for (const std::uint32_t v : values) u32(v);
}
void ByteWriter::u64s(std::span<const std::uint64_t> values) {
    u64(values.size());
    for (const std::uint64_t v : values) u64(v);
}
void ByteWriter::i64s(std::span<const std::int64_t> values) {
    u64(values.size());
    for (const std::int64_t v : values) i64(v);
}
void ByteWriter::f64s(std::span<const double> values) {
    u64(values.size());
    for (const double v : values) f64(v);
}

std::uint64_t ByteReader::raw(std::size_t width, std::string_view field) {
    if (bytes_.size() - at_ < width)
        fail(field, "the message ends after " + std::to_string(bytes_.size()) + " bytes");
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value |= std::uint64_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
    at_ += width;
    return value;
}

std::uint8_t ByteReader::u8(std::string_view field) {
    return static_cast<std::uint8_t>(raw(1, field));
}
std::uint32_t ByteReader::u32(std::string_view field) {
    return static_cast<std::uint32_t>(raw(4, field));
}
std::uint64_t ByteReader::u64(std::string_view field) {
    return raw(8, field);
}
double ByteReader::f64(std::string_view field) {
    return std::bit_cast<double>(raw(8, field));
}

void ByteReader::expect_count(std::string_view field, std::size_t expected) {
    const std::uint64_t count = u64(field);
    if (count != expected)
        fail(field, "holds " + std::to_string(count) + " values where " + std::to_string(expected) +
                        " were expected");
}

void ByteReader::u32s(std::string_view field, std::vector<std::uint32_t>& into) {
    expect_count(field, into.size());
    for (std::uint32_t& v : into) v = u32(field);
}
void ByteReader::u64s(std::string_view field, std::vector<std::uint64_t>& into) {
    expect_count(field, into.size());
    for (std::uint64_t& v : into) v = u64(field);
}
void ByteReader::i64s(std::string_view field, std::vector<std::int64_t>& into) {
    expect_count(field, into.size());
    for (std::int64_t& v : into) v = i64(field);
}
void ByteReader::f64s(std::string_view field, std::vector<double>& into) {
    expect_count(field, into.size());
    for (double& v : into) v = f64(field);
}

void ByteReader::expect_end() const {
    if (at_ != bytes_.size())
        fail("end", std::to_string(bytes_.size() - at_) + " bytes are left over");
}

void ByteReader::fail(std::string_view field, const std::string& reason) const {
    throw std::runtime_error(what_ + ", " + std::string(field) + ": " + reason);
}

}  // namespace pipesim
