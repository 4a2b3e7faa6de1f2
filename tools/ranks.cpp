#include "ranks.hpp"

#ifdef PIPESIM_WITH_MPI
#include <mpi.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace pipesim::cli {

#ifdef PIPESIM_WITH_MPI

namespace {

// The launchers' own variables: Open MPI's mpirun, and PMI/PMIx as Slurm's srun sets them.
bool started_by_a_launcher() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
        if (std::getenv(name)) return true;
    return false;
}

}  // namespace

Ranks::Ranks() {
    if (!started_by_a_launcher()) return;
    int provided = 0;
    // Only the main thread calls MPI; the workers of each process are oneTBB's.
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    joined_ = true;
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    rank_ = static_cast<std::size_t>(rank);
    size_ = static_cast<std::size_t>(size);
}

Ranks::~Ranks() {
    if (joined_) MPI_Finalize();
}

std::vector<std::string> Ranks::gather(const std::string& mine) const {
    if (size_ == 1) return {mine};
    if (mine.size() > static_cast<std::size_t>(INT32_MAX))
        throw std::runtime_error("a process's results exceed 2 GiB");
    int length = static_cast<int>(mine.size());
    std::vector<int> lengths(size_);
    MPI_Gather(&length, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> offsets(size_, 0);
    std::size_t total = 0;
    for (std::size_t r = 0; r < size_; ++r) {
        offsets[r] = static_cast<int>(total);
        total += static_cast<std::size_t>(lengths[r]);
    }
    if (is_root() && total > static_cast<std::size_t>(INT32_MAX))
        throw std::runtime_error("the gathered results exceed 2 GiB");
    std::string all(is_root() ? total : 0, '\0');
    MPI_Gatherv(mine.data(), length, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR,
                0, MPI_COMM_WORLD);
    if (!is_root()) return {};
    std::vector<std::string> texts;
    for (std::size_t r = 0; r < size_; ++r)
        texts.push_back(
            all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(lengths[r])));
    return texts;
}

std::string Ranks::broadcast(const std::string& bytes) const {
    if (size_ == 1) return bytes;
    std::uint64_t length = bytes.size();
    MPI_Bcast(&length, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    std::string all = is_root() ? bytes : std::string(static_cast<std::size_t>(length), '\0');
    // MPI counts are ints: pieces of at most 1 GiB.
    constexpr std::uint64_t piece = std::uint64_t{1} << 30;
    for (std::uint64_t at = 0; at < length; at += piece)
        MPI_Bcast(all.data() + at, static_cast<int>(std::min(piece, length - at)), MPI_CHAR, 0,
                  MPI_COMM_WORLD);
    return all;
}

#else

Ranks::Ranks() = default;
Ranks::~Ranks() = default;

std::vector<std::string> Ranks::gather(const std::string& mine) const {
    return {mine};
}

std::string Ranks::broadcast(const std::string& bytes) const {
    return bytes;
}

#endif

}  // namespace pipesim::cli
