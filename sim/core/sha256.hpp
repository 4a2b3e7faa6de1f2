#pragma once
// SHA-256 (FIPS 180-4), for content hashes that recognise the same input again (a batch's
// finished scenarios on --resume). Not used for security; a cryptographic hash is used so
// that two different inputs never share a hash in practice.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pipesim {

class Sha256 {
  public:
    Sha256();
    Sha256& add(std::string_view bytes);
    // The digest as 64 lowercase hex digits. The object is spent afterwards.
    std::string hex();

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> pending_{};
    std::size_t pending_size_ = 0;
    std::uint64_t total_bytes_ = 0;
};

}  // namespace pipesim
