#pragma once
// The processes that share one run's iterations (an MPI job, `mpirun -np K pipesim batch
// one.yaml`). Each computes a contiguous share of the run's chunks; the first gathers the
// shares, merges them in chunk order exactly as one process merges its chunks, and sends
// the merged tallies back, so that every process holds what a single process would have
// computed, to the last bit. The engine sees only this interface; tools/ranks.hpp
// implements it over MPI.

#include <cstdint>
#include <string>
#include <vector>

namespace pipesim {

class ProcessGroup {
  public:
    virtual ~ProcessGroup() = default;

    virtual std::size_t rank() const = 0;
    virtual std::size_t size() const = 0;
    // Collective: the first process (rank 0) gets every process's bytes in rank order, the
    // others nothing.
    virtual std::vector<std::string> gather(const std::string& mine) const = 0;
    // Collective: every process gets the first process's `bytes` (the others pass "").
    virtual std::string broadcast(const std::string& bytes) const = 0;
};

// Chunks [first, last) split into `size` contiguous shares, in rank order: rank r's share.
struct ChunkRange {
    std::uint64_t first;
    std::uint64_t last;
};
inline ChunkRange share_of(std::uint64_t first, std::uint64_t last, std::size_t rank,
                           std::size_t size) {
    const std::uint64_t n = last - first;
    return {first + n * rank / size, first + n * (rank + 1) / size};
}

}  // namespace pipesim
