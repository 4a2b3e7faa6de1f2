#include "engine/simulation.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/text.hpp"
#include "engine/cancellation.hpp"
#include "engine/chunk_pipeline.hpp"
#include "engine/critical_paths.hpp"
#include "engine/forward_pass.hpp"
#include "engine/ledger_pass.hpp"
#include "engine/memory_budget.hpp"
#include "engine/run_share.hpp"

namespace pipesim {
namespace {

std::vector<std::uint64_t> widened(const std::vector<std::uint32_t>& counts) {
    return {counts.begin(), counts.end()};
}

constexpr std::int32_t not_tallied = -1;

std::vector<std::uint32_t> tallied_nodes(const Network& network, TallyScope scope) {
    std::vector<std::uint32_t> slots;
    for (NodeIndex n = 0; n < network.nodes.size(); ++n) {
        // Funnel stages are reported through the ledger, as counts per stage.
        if (network.projects[network.nodes[n].project].funnel) continue;
        if (scope == TallyScope::every_node || network.nodes[n].kind == ActivityKind::milestone)
            slots.push_back(n);
    }
    return slots;
}

std::shared_ptr<const std::vector<double>> deterministic_finish_of(
    const std::vector<double>& every_node, const std::vector<std::uint32_t>& slots) {
    auto per_slot = std::make_shared<std::vector<double>>();
    for (auto node : slots) per_slot->push_back(every_node[node]);
    return per_slot;
}

struct Worker {
    BlockSchedule block;
    FinishHistograms histograms;
    LedgerBlock ledger_block;
    LedgerHistograms ledger_histograms;
    CriticalPaths critical;                  // behind each milestone of interest
    std::vector<std::int64_t> days_reached;  // target * lanes + lane, when outcomes are kept
};

// Runs one chunk of iterations; histograms go to the worker, sums to the returned moments.
class ChunkRunner {
  public:
    ChunkRunner(const Network& network, const RunSettings& settings,
                const std::vector<std::uint32_t>& slots)
        : network_(network),
          settings_(settings),
          sampling_(sampling_of(settings)),
          block_iterations_(settings.drivers ? iterations_per_tracked_block : iterations_per_block),
          slots_(slots),
          slot_of_node_(network.nodes.size(), not_tallied),
          interest_(settings.drivers ? drivers_interest(network, settings).milestones
                                     : std::vector<std::uint32_t>{}),
          interest_of_node_(network.nodes.size(), not_tallied),
          pass_(network),
          ledger_pass_(network),
          deterministic_(deterministic_finish_of(pass_.deterministic_finishes(), slots)),
          workers_([&] {
              return Worker{
                  BlockSchedule(pass_, network, block_iterations_, settings.drivers),
                  FinishHistograms(slots.size(), network.horizon_days()),
                  LedgerBlock(network.ledger, block_iterations_),
                  LedgerHistograms(network.ledger, network.horizon_days()),
                  CriticalPaths(interest_.size(), network.nodes.size(), block_iterations_),
                  std::vector<std::int64_t>(settings.record_outcomes
                                                ? network.ledger.targets.size() * block_iterations_
                                                : 0)};
          }) {
        for (std::size_t slot = 0; slot < slots.size(); ++slot)
            slot_of_node_[slots[slot]] = static_cast<std::int32_t>(slot);
        for (std::size_t k = 0; k < interest_.size(); ++k)
            interest_of_node_[interest_[k]] = static_cast<std::int32_t>(k);
        if (settings.record_outcomes) keep_outcomes();
    }

    const std::vector<std::uint32_t>& interest() const { return interest_; }

    // Per slot; also the shift of the moment sums, since it lies near the mean.
    const std::shared_ptr<const std::vector<double>>& deterministic_finish() const {
        return deterministic_;
    }

    ChunkSums run(std::uint64_t chunk) {
        Worker& worker = workers_.local();
        ChunkSums sums{FinishMoments(deterministic_), LedgerSums(network_.ledger)};
        const std::uint64_t begin = chunk * iterations_per_chunk;
        const std::uint64_t end = std::min(settings_.iterations, begin + iterations_per_chunk);
        for (std::uint64_t first = begin; first < end; first += block_iterations_) {
            throw_if_cancelled(settings_.cancel);
            const auto count =
                static_cast<std::size_t>(std::min<std::uint64_t>(block_iterations_, end - first));
            pass_.run_block(
                sampling_, first, count, worker.block,
                [&](NodeIndex node, const double* start, const double* finish, const double* hits) {
                    ledger_pass_.record(node, sampling_, first, count, start, finish, hits,
                                        worker.block.draws, worker.ledger_block);
                    const std::int32_t slot = slot_of_node_[node];
                    if (slot != not_tallied)
                        tally(static_cast<std::size_t>(slot), finish, count, worker, sums.finishes);
                    if (const std::int32_t k = interest_of_node_[node]; k != not_tallied)
                        worker.critical.walk_back(static_cast<std::size_t>(k), node, finish, count,
                                                  worker.block);
                    if (!promise_of_node_.empty() && promise_of_node_[node] != not_tallied)
                        record_outcomes(static_cast<std::size_t>(promise_of_node_[node]), finish,
                                        first, count);
                });
            ledger_pass_.tally(worker.ledger_block, count, worker.ledger_histograms, sums.ledger,
                               settings_.targets_only,
                               worker.days_reached.empty() ? nullptr : worker.days_reached.data());
            if (!worker.days_reached.empty()) record_target_outcomes(worker, first, count);
        }
        return sums;
    }

    OutcomeBits take_outcomes() { return std::move(outcomes_); }

    ChunkSums zero_sums() const {
        return {FinishMoments(deterministic_), LedgerSums(network_.ledger)};
    }

    // Tallies of no iteration, shaped as this run's.
    Tallies zero_tallies() const {
        return Tallies{slots_,
                       *deterministic_,
                       0,
                       FinishHistograms(slots_.size(), network_.horizon_days()),
                       FinishMoments(deterministic_),
                       LedgerHistograms(network_.ledger, network_.horizon_days()),
                       LedgerSums(network_.ledger),
                       interest_,
                       std::vector<std::uint64_t>(interest_.size() * network_.nodes.size(), 0),
                       settings_.record_outcomes
                           ? OutcomeBits(promised_day_.size(), settings_.iterations)
                           : OutcomeBits()};
    }

    // The chunks' sums with what the workers counted since the last share; the workers
    // start again from zero, so that each share counts its own chunks only.
    RunShare take_share(std::uint64_t first_chunk, std::vector<ChunkSums> chunks) {
        RunShare share{first_chunk,
                       std::move(chunks),
                       merged_histograms(),
                       merged_ledger_histograms(),
                       widened(merged_critical().counts()),
                       &outcomes_};
        workers_.clear();
        return share;
    }

    FinishHistograms merged_histograms() const {
        FinishHistograms total(slots_.size(), network_.horizon_days());
        for (const Worker& worker : workers_) total.merge(worker.histograms);
        return total;
    }

    CriticalPaths merged_critical() const {
        CriticalPaths total(interest_.size(), network_.nodes.size(), 0);
        for (const Worker& worker : workers_) total.merge(worker.critical);
        return total;
    }

    LedgerHistograms merged_ledger_histograms() const {
        LedgerHistograms total(network_.ledger, network_.horizon_days());
        for (const Worker& worker : workers_) total.merge(worker.ledger_histograms);
        return total;
    }

  private:
    // Promises are the milestones with a target date, then the targets: the outcome is
    // whether the day it happens (is reached) is at most the promised day.
    void keep_outcomes() {
        const std::vector<std::uint32_t> milestones = promised_milestones(network_);
        promise_of_node_.assign(network_.nodes.size(), not_tallied);
        for (std::size_t k = 0; k < milestones.size(); ++k) {
            promise_of_node_[milestones[k]] = static_cast<std::int32_t>(k);
            promised_day_.push_back(*network_.nodes[milestones[k]].target - network_.plan_start);
        }
        for (const NetworkTarget& target : network_.ledger.targets)
            promised_day_.push_back(target.deadline - network_.plan_start);
        outcomes_ = OutcomeBits(promised_day_.size(), settings_.iterations);
    }

    void record_outcomes(std::size_t promise, const double* finish, std::uint64_t first,
                         std::size_t count) {
        for (std::size_t i = 0; i < count; ++i)
            if (day_index_of_time(finish[i]) <= promised_day_[promise])
                outcomes_.set(promise, first + i);
    }

    void record_target_outcomes(const Worker& worker, std::uint64_t first, std::size_t count) {
        const std::size_t milestones = promised_day_.size() - network_.ledger.targets.size();
        for (std::size_t t = 0; t < network_.ledger.targets.size(); ++t)
            for (std::size_t i = 0; i < count; ++i)
                if (worker.days_reached[t * worker.ledger_block.lanes + i] <=
                    promised_day_[milestones + t])
                    outcomes_.set(milestones + t, first + i);
    }

    static void tally(std::size_t slot, const double* finish, std::size_t count, Worker& worker,
                      FinishMoments& moments) {
        for (std::size_t i = 0; i < count; ++i) {
            worker.histograms.add(slot, day_index_of_time(finish[i]));
            moments.add(slot, finish[i]);
        }
    }

    const Network& network_;
    const RunSettings& settings_;
    const Sampling sampling_;
    const std::size_t block_iterations_;
    const std::vector<std::uint32_t>& slots_;
    std::vector<std::int32_t> slot_of_node_;
    std::vector<std::uint32_t> interest_;  // milestones whose drivers are tracked
    std::vector<std::int32_t> interest_of_node_;
    ForwardPass pass_;
    LedgerPass ledger_pass_;
    std::shared_ptr<const std::vector<double>> deterministic_;
    std::vector<std::int32_t> promise_of_node_;  // when outcomes are kept
    std::vector<std::int64_t> promised_day_;     // per promise: the last day on time
    OutcomeBits outcomes_;  // iterations are chunk-aligned words: workers never share one
    tbb::enumerable_thread_specific<Worker> workers_;
};

}  // namespace

namespace {

double binomial_se(std::uint64_t hits, std::uint64_t n) {
    const double p = static_cast<double>(hits) / static_cast<double>(n);
    return std::sqrt(p * (1.0 - p) / static_cast<double>(n));
}

}  // namespace

Sampling sampling_of(const RunSettings& settings) {
    const std::uint64_t strata = settings.strata == 0 ? settings.iterations : settings.strata;
    return {settings.seed, settings.sampling == SamplingMethod::latin_hypercube
                               ? static_cast<std::uint32_t>(strata)
                               : 0u};
}

std::vector<std::uint32_t> promised_milestones(const Network& network) {
    std::vector<std::uint32_t> milestones;
    for (NodeIndex n = 0; n < network.nodes.size(); ++n)
        if (network.nodes[n].kind == ActivityKind::milestone && network.nodes[n].target)
            milestones.push_back(n);
    return milestones;
}

DriversInterest drivers_interest(const Network& network, const RunSettings& settings) {
    DriversInterest interest;
    const auto& asked = settings.drivers_for;
    const auto marked = [&](const std::string& id) {
        return std::find(asked.begin(), asked.end(), id) != asked.end();
    };
    std::vector<std::string_view> known;
    for (NodeIndex n = 0; n < network.nodes.size(); ++n) {
        const NetworkNode& node = network.nodes[n];
        if (node.kind != ActivityKind::milestone) continue;
        known.push_back(node.id);
        if (asked.empty() ? node.target.has_value() : marked(node.id))
            interest.milestones.push_back(n);
    }
    for (std::size_t t = 0; t < network.ledger.targets.size(); ++t) {
        known.push_back(network.ledger.targets[t].id);
        if (asked.empty() || marked(network.ledger.targets[t].id))
            interest.targets.push_back(static_cast<std::uint32_t>(t));
    }
    for (const std::string& id : asked)
        if (std::find(known.begin(), known.end(), id) == known.end()) {
            const std::string near = closest_match(id, known);
            throw InputError({}, "drivers for " + id,
                             "is not a milestone or target of the scenario" +
                                 (near.empty() ? std::string() : "; did you mean " + near + "?"));
        }
    return interest;
}

double largest_standard_error(const Network& network, const std::vector<std::uint32_t>& slots,
                              const FinishHistograms& finishes, const LedgerHistograms& ledger,
                              std::uint64_t iterations) {
    double largest = 0.0;
    for (std::size_t slot = 0; slot < slots.size(); ++slot) {
        const NetworkNode& node = network.nodes[slots[slot]];
        if (node.kind != ActivityKind::milestone || !node.target) continue;
        const auto on_time = finishes.count_by(slot, *node.target - network.plan_start);
        largest = std::max(largest, binomial_se(on_time, iterations));
    }
    for (std::size_t t = 0; t < network.ledger.targets.size(); ++t) {
        const auto& target = network.ledger.targets[t];
        const auto reached = ledger.reached.count_by(t, target.deadline - network.plan_start);
        largest = std::max(largest, binomial_se(reached, iterations));
    }
    return largest;
}

namespace {

// Each wave's chunks are split over the processes; the first merges the shares in rank
// order, which is chunk order, decides whether to stop, and at the end sends everyone the
// merged tallies.
Tallies simulate_shared(const Network& network, const RunSettings& settings,
                        const std::vector<std::uint32_t>& slots, ChunkRunner& runner,
                        tbb::task_arena& arena, std::uint64_t chunks) {
    const ProcessGroup& group = *settings.processes;
    const bool first_process = group.rank() == 0;
    Tallies total = runner.zero_tallies();
    const ChunkSums zero = runner.zero_sums();
    std::uint64_t merged_chunks = 0;
    const std::uint64_t wave = settings.until_se ? chunks_per_wave : chunks;
    for (std::uint64_t first = 0; first < chunks; first += wave) {
        const std::uint64_t last = std::min(chunks, first + wave);
        const ChunkRange mine = share_of(first, last, group.rank(), group.size());
        std::vector<ChunkSums> sums;
        run_chunks_in_order(
            arena, mine.first, mine.last, [&](std::uint64_t chunk) { return runner.run(chunk); },
            [&](const ChunkSums& chunk) { sums.push_back(chunk); }, settings.cancel);
        const std::vector<std::string> shares = group.gather(
            share_to_bytes(runner.take_share(mine.first, std::move(sums)), settings.iterations));
        bool stop = false;
        if (first_process) {
            for (const std::string& share : shares) merge_share(share, zero, merged_chunks, total);
            total.iterations = std::min(settings.iterations, last * iterations_per_chunk);
            if (settings.on_progress) settings.on_progress(total.iterations);
            stop = settings.until_se &&
                   largest_standard_error(network, slots, total.histograms, total.ledger_histograms,
                                          total.iterations) <= *settings.until_se;
        }
        if (settings.until_se && group.broadcast(stop ? "stop" : "go") == "stop") break;
    }
    const std::string merged = group.broadcast(first_process ? tallies_to_bytes(total) : "");
    if (!first_process) tallies_from_bytes(merged, total);
    return total;
}

}  // namespace

Tallies simulate(const Network& network, const RunSettings& settings) {
    if (settings.iterations == 0 || settings.iterations > std::uint64_t{1} << 32)
        throw InputError({}, "", "the number of iterations must be between 1 and 2^32");
    if (settings.until_se && !(*settings.until_se > 0.0 && *settings.until_se <= 0.5))
        throw InputError({}, "", "the standard error to stop at must be above 0 and at most 0.5");
    const std::vector<std::uint32_t> slots = tallied_nodes(network, settings.scope);
    ChunkRunner runner(network, settings, slots);
    ChunkSums sums{FinishMoments(runner.deterministic_finish()), LedgerSums(network.ledger)};

    const std::uint64_t chunks =
        (settings.iterations + iterations_per_chunk - 1) / iterations_per_chunk;
    const int threads = settings.threads == 0 ? tbb::info::default_concurrency()
                                              : static_cast<int>(settings.threads);
    const std::uint64_t own_outcomes =
        settings.record_outcomes
            ? outcome_bytes(promised_milestones(network).size() + network.ledger.targets.size(),
                            settings.iterations)
            : 0;
    require_memory(
        {histogram_bytes(slots.size(), network.horizon_days(), static_cast<unsigned>(threads)),
         own_outcomes + settings.outcome_bytes_held},
        physical_memory_bytes());
    tbb::task_arena arena(threads);
    if (shared(settings)) return simulate_shared(network, settings, slots, runner, arena, chunks);
    std::uint64_t done = 0;
    const auto run_chunks = [&](std::uint64_t first, std::uint64_t last) {
        run_chunks_in_order(
            arena, first, last, [&](std::uint64_t chunk) { return runner.run(chunk); },
            [&](const ChunkSums& chunk) {
                sums.finishes.merge(chunk.finishes);
                sums.ledger.merge(chunk.ledger);
                done = std::min(settings.iterations, done + iterations_per_chunk);
                if (settings.on_progress) settings.on_progress(done);
            },
            settings.cancel);
    };
    // Without a stopping rule the whole run is one wave.
    const std::uint64_t wave = settings.until_se ? chunks_per_wave : chunks;
    for (std::uint64_t first = 0; first < chunks; first += wave) {
        run_chunks(first, std::min(chunks, first + wave));
        if (settings.until_se &&
            largest_standard_error(network, slots, runner.merged_histograms(),
                                   runner.merged_ledger_histograms(), done) <= *settings.until_se)
            break;
    }
    return Tallies{slots,
                   *runner.deterministic_finish(),
                   done,
                   runner.merged_histograms(),
                   std::move(sums.finishes),
                   runner.merged_ledger_histograms(),
                   std::move(sums.ledger),
                   runner.interest(),
                   widened(runner.merged_critical().counts()),
                   runner.take_outcomes()};
}

}  // namespace pipesim
