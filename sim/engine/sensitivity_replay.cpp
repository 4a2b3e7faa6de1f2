#include "engine/sensitivity_replay.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/cancellation.hpp"
#include "engine/chunk_pipeline.hpp"
#include "engine/forward_pass.hpp"
#include "engine/ledger_pass.hpp"
#include "engine/run_share.hpp"

namespace pipesim {
namespace {

// A worker's scratch and its exact integer sums.
struct ReplayWorker {
    BlockSchedule block;
    LedgerBlock ledger_block;
    std::vector<double> inputs;    // input * lanes + lane: quantised rank
    std::vector<double> subjects;  // subject * lanes + lane: quantised rank
    std::vector<std::int64_t> days_reached;
    RankCorrelationSums ranks;
};

class SensitivityReplay {
  public:
    SensitivityReplay(const Network& network, const RunSettings& settings, const Tallies& run)
        : network_(network),
          sampling_(sampling_of(settings)),
          iterations_(run.iterations),
          pass_(network),
          ledger_pass_(network),
          interest_(drivers_interest(network, settings)),
          input_of_node_(network.nodes.size(), not_listed),
          subject_of_node_(network.nodes.size(), not_listed) {
        for (NodeIndex n = 0; n < network.nodes.size(); ++n)
            if (network.nodes[n].kind == ActivityKind::work && pass_.duration_is_drawn(n)) {
                input_of_node_[n] = static_cast<std::int32_t>(inputs_.size());
                inputs_.push_back(n);
            }
        auto shifts = std::make_shared<std::vector<double>>();
        for (NodeIndex n : inputs_) shifts->push_back(most_likely(network.nodes[n].duration));
        shifts_ = shifts;
        const auto& milestones = interest_.milestones;
        for (std::size_t k = 0; k < milestones.size(); ++k) {
            subject_of_node_[milestones[k]] = static_cast<std::int32_t>(k);
            const auto slot = static_cast<std::size_t>(
                std::find(run.tallied_nodes.begin(), run.tallied_nodes.end(), milestones[k]) -
                run.tallied_nodes.begin());
            ranks_.push_back(mid_ranks(run.histograms.of(slot), run.iterations));
        }
        for (std::uint32_t t : interest_.targets)
            ranks_.push_back(mid_ranks(run.ledger_histograms.reached.of(t), run.iterations));
    }

    SensitivityTallies run(const RunSettings& settings) {
        tbb::enumerable_thread_specific<ReplayWorker> workers([&] {
            BlockSchedule block(pass_, network_, iterations_per_block);
            const std::size_t lanes = block.lanes;
            return ReplayWorker{std::move(block),
                                LedgerBlock(network_.ledger, lanes),
                                std::vector<double>(inputs_.size() * lanes),
                                std::vector<double>(ranks_.size() * lanes),
                                std::vector<std::int64_t>(network_.ledger.targets.size() * lanes),
                                RankCorrelationSums(ranks_.size(), inputs_.size())};
        });
        const int threads = settings.threads == 0 ? tbb::info::default_concurrency()
                                                  : static_cast<int>(settings.threads);
        tbb::task_arena arena(threads);
        const std::uint64_t chunks =
            (iterations_ + iterations_per_chunk - 1) / iterations_per_chunk;
        const ChunkRange mine = shared(settings) ? share_of(0, chunks, settings.processes->rank(),
                                                            settings.processes->size())
                                                 : ChunkRange{0, chunks};
        SensitivityTallies tallies = zero_tallies();
        std::vector<FinishMoments> per_chunk;  // when shared: merged by the first process
        run_chunks_in_order(
            arena, mine.first, mine.last,
            [&](std::uint64_t chunk) {
                return replay_chunk(chunk, workers.local(), settings.cancel);
            },
            [&](const FinishMoments& chunk) {
                if (shared(settings))
                    per_chunk.push_back(chunk);
                else
                    tallies.durations.merge(chunk);
            },
            settings.cancel);
        for (const ReplayWorker& worker : workers) tallies.ranks.merge(worker.ranks);
        if (!shared(settings)) return tallies;
        return merged(*settings.processes,
                      {mine.first, std::move(per_chunk), std::move(tallies.ranks)});
    }

  private:
    SensitivityTallies zero_tallies() const {
        return {inputs_, interest_.milestones, interest_.targets,
                RankCorrelationSums(ranks_.size(), inputs_.size()), FinishMoments(shifts_)};
    }

    // The first process adds the shares in rank order, which is chunk order, and sends the
    // total to the others.
    SensitivityTallies merged(const ProcessGroup& group, const SensitivityShare& mine) const {
        SensitivityTallies total = zero_tallies();
        const std::vector<std::string> shares = group.gather(share_to_bytes(mine));
        std::uint64_t merged_chunks = 0;
        const FinishMoments zero(shifts_);
        for (const std::string& share : shares) merge_share(share, zero, merged_chunks, total);
        const std::string bytes =
            group.broadcast(group.rank() == 0 ? sensitivity_to_bytes(total) : "");
        if (group.rank() != 0) sensitivity_from_bytes(bytes, total);
        return total;
    }

    FinishMoments replay_chunk(std::uint64_t chunk, ReplayWorker& worker,
                               const std::atomic<bool>* cancel) const {
        FinishMoments durations(shifts_);
        const std::uint64_t begin = chunk * iterations_per_chunk;
        const std::uint64_t end = std::min(iterations_, begin + iterations_per_chunk);
        for (std::uint64_t first = begin; first < end; first += iterations_per_block) {
            throw_if_cancelled(cancel);
            const auto count = static_cast<std::size_t>(
                std::min<std::uint64_t>(iterations_per_block, end - first));
            replay_block(first, count, worker, durations);
        }
        return durations;
    }

    void replay_block(std::uint64_t first, std::size_t count, ReplayWorker& worker,
                      FinishMoments& durations) const {
        const std::size_t lanes = worker.block.lanes;
        const bool targets = !interest_.targets.empty();
        pass_.run_block(
            sampling_, first, count, worker.block,
            [&](NodeIndex node, const double* start, const double* finish, const double* hits) {
                if (targets)
                    ledger_pass_.record(node, sampling_, first, count, start, finish, hits,
                                        worker.block.draws, worker.ledger_block);
                if (const std::int32_t i = input_of_node_[node]; i != not_listed) {
                    const double* u =
                        pass_.duration_uniforms(node, sampling_, first, count, worker.block);
                    double* row = worker.inputs.data() + static_cast<std::size_t>(i) * lanes;
                    for (std::size_t lane = 0; lane < count; ++lane) {
                        row[lane] = RankCorrelationSums::quantised(u[lane]);
                        durations.add(static_cast<std::size_t>(i), finish[lane] - start[lane]);
                    }
                }
                if (const std::int32_t k = subject_of_node_[node]; k != not_listed)
                    rank_days(static_cast<std::size_t>(k), finish, count, worker);
            });
        if (targets) rank_days_reached(count, worker);
        worker.ranks.add_block(worker.inputs, worker.subjects, lanes, count);
    }

    void rank_days(std::size_t subject, const double* finish, std::size_t count,
                   ReplayWorker& worker) const {
        const std::vector<double>& ranks = ranks_[subject];
        double* row = worker.subjects.data() + subject * worker.block.lanes;
        const auto last = static_cast<std::int64_t>(ranks.size() - 1);
        for (std::size_t lane = 0; lane < count; ++lane) {
            const std::int64_t day = std::min(day_index_of_time(finish[lane]), last);
            row[lane] = RankCorrelationSums::quantised(ranks[static_cast<std::size_t>(day)]);
        }
    }

    void rank_days_reached(std::size_t count, ReplayWorker& worker) const {
        const std::size_t lanes = worker.block.lanes;
        ledger_pass_.days_reached(worker.ledger_block, count, worker.days_reached.data());
        const std::size_t first_target = interest_.milestones.size();
        for (std::size_t k = 0; k < interest_.targets.size(); ++k) {
            const std::vector<double>& ranks = ranks_[first_target + k];
            const std::int64_t* days = worker.days_reached.data() + interest_.targets[k] * lanes;
            double* row = worker.subjects.data() + (first_target + k) * lanes;
            for (std::size_t lane = 0; lane < count; ++lane)
                row[lane] =
                    RankCorrelationSums::quantised(ranks[static_cast<std::size_t>(days[lane])]);
        }
    }

    const Network& network_;
    const Sampling sampling_;
    const std::uint64_t iterations_;
    ForwardPass pass_;
    LedgerPass ledger_pass_;
    DriversInterest interest_;
    std::vector<std::uint32_t> inputs_;
    std::vector<std::int32_t> input_of_node_;
    std::vector<std::int32_t> subject_of_node_;
    std::shared_ptr<const std::vector<double>> shifts_;  // per input: its most likely duration
    std::vector<std::vector<double>> ranks_;             // per subject: mid-rank per day
};

}  // namespace

SensitivityTallies replay_for_sensitivity(const Network& network, const RunSettings& settings,
                                          const Tallies& run) {
    return SensitivityReplay(network, settings, run).run(settings);
}

}  // namespace pipesim
