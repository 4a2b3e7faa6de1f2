#pragma once
// Work split over the processes of an MPI job (`mpirun -np K pipesim batch …`): item i
// goes to process i mod K, and every process's results are gathered by the first, which
// writes the outputs. Each item is computed exactly as one process would compute it
// (results depend on the seed, never on who runs them), so the files are byte-identical
// to a single-process run. Built without MPI, or started without mpirun or srun, there
// is one process.

#include <cstddef>
#include <string>
#include <vector>

namespace pipesim::cli {

class Ranks {
  public:
    // Joins the MPI job when the process was started by mpirun or srun; leaves it when
    // destroyed.
    Ranks();
    ~Ranks();
    Ranks(const Ranks&) = delete;
    Ranks& operator=(const Ranks&) = delete;

    bool is_root() const { return rank_ == 0; }
    std::size_t size() const { return size_; }
    // Whether this process computes item `index`.
    bool owns(std::size_t index) const { return index % size_ == rank_; }

    // The root gets every process's text, in rank order; the others get nothing.
    std::vector<std::string> gather(const std::string& mine) const;

  private:
    std::size_t rank_ = 0;
    std::size_t size_ = 1;
    bool joined_ = false;
};

}  // namespace pipesim::cli
