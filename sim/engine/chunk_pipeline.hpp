#pragma once
// Chunks of iterations run on worker threads and are merged one by one in chunk order:
// floating-point sums then add up in the same order whatever the thread count, so results
// are bit-identical.

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <cstdint>

#include "engine/cancellation.hpp"

namespace pipesim {

// Runs run(chunk) for chunks [first, last) in `arena` and merge(result) for each result in
// chunk order, on one thread at a time. Once `cancel` is raised no further chunk starts, and
// RunCancelled is thrown when the chunks under way have finished or, as `run` may throw
// RunCancelled itself to stop sooner, been abandoned.
template <typename Run, typename Merge>
void run_chunks_in_order(tbb::task_arena& arena, std::uint64_t first, std::uint64_t last, Run&& run,
                         Merge&& merge, const std::atomic<bool>* cancel = nullptr) {
    using Sums = decltype(run(first));
    arena.execute([&] {
        std::uint64_t next = first;
        tbb::parallel_pipeline(
            static_cast<std::size_t>(2 * arena.max_concurrency()),
            tbb::make_filter<void, std::uint64_t>(tbb::filter_mode::serial_in_order,
                                                  [&](tbb::flow_control& control) {
                                                      if (next == last || is_raised(cancel))
                                                          control.stop();
                                                      return next++;
                                                  }) &
                tbb::make_filter<std::uint64_t, Sums>(tbb::filter_mode::parallel, run) &
                tbb::make_filter<Sums, void>(tbb::filter_mode::serial_in_order, merge));
    });
    throw_if_cancelled(cancel);
}

}  // namespace pipesim
