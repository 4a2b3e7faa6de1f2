#pragma once
// Work split over the processes of an MPI job (`mpirun -np K pipesim batch …`). With at
// least as many items (scenarios, sweep points) as processes, item i goes to process
// i mod K, and every process's results are gathered by the first, which writes the
// outputs. With fewer, every process runs every item together, each a share of its
// iterations (engine/process_group.hpp). Either way each item is computed exactly as one
// process would compute it, so the files are byte-identical to a single-process run.
// Built without MPI, or started without mpirun or srun, there is one process.

#include <cstddef>
#include <string>
#include <vector>

#include "engine/process_group.hpp"

namespace pipesim::cli {

class Ranks final : public ProcessGroup {
  public:
    // Joins the MPI job when the process was started by mpirun or srun; leaves it when
    // destroyed.
    Ranks();
    ~Ranks() override;
    Ranks(const Ranks&) = delete;
    Ranks& operator=(const Ranks&) = delete;

    bool is_root() const { return rank_ == 0; }
    std::size_t rank() const override { return rank_; }
    std::size_t size() const override { return size_; }
    // Whether `items` are shared out whole, item i to process i mod K; otherwise every
    // process runs every item, on its share of the iterations.
    bool spreads(std::size_t items) const { return items >= size_; }
    // Whether this process computes item `index` of `items`.
    bool owns(std::size_t index, std::size_t items) const {
        return !spreads(items) || index % size_ == rank_;
    }
    // Whether this process reports on the items it runs: each its own when they are
    // spread, the first alone when they are shared.
    bool reports(std::size_t items) const { return spreads(items) || is_root(); }
    // The processes a run uses: none besides this one when items are spread.
    const ProcessGroup* sharing(std::size_t items) const { return spreads(items) ? nullptr : this; }

    // How `items` are run, for the log: "on one process", "spread over K processes",
    // "each shared by K processes".
    std::string split_of(std::size_t items) const {
        if (size_ == 1) return "on one process";
        return (spreads(items) ? "spread over " : "each shared by ") + std::to_string(size_) +
               " processes";
    }

    // The root gets every process's text, in rank order; the others get nothing.
    std::vector<std::string> gather(const std::string& mine) const override;
    std::string broadcast(const std::string& bytes) const override;

  private:
    std::size_t rank_ = 0;
    std::size_t size_ = 1;
#ifdef PIPESIM_WITH_MPI
    bool joined_ = false;  // this process called MPI_Init, so it calls MPI_Finalize
#endif
};

}  // namespace pipesim::cli
