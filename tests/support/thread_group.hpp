#pragma once
// The processes of an MPI job played by threads of the test, so that a run shared between
// processes (engine/process_group.hpp) is tested without mpirun and under the sanitizers.

#include <barrier>
#include <cstddef>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "engine/process_group.hpp"

namespace pipesim::testing {

class ThreadGroup {
  public:
    explicit ThreadGroup(std::size_t size)
        : size_(size), meeting_(static_cast<std::ptrdiff_t>(size)), texts_(size) {}

    // One thread's view of the group.
    class Member final : public ProcessGroup {
      public:
        Member(ThreadGroup& group, std::size_t rank) : group_(group), rank_(rank) {}
        std::size_t rank() const override { return rank_; }
        std::size_t size() const override { return group_.size_; }
        std::vector<std::string> gather(const std::string& mine) const override {
            group_.texts_[rank_] = mine;
            group_.meeting_.arrive_and_wait();
            std::vector<std::string> all = rank_ == 0 ? group_.texts_ : std::vector<std::string>{};
            group_.meeting_.arrive_and_wait();  // the texts are not overwritten before this
            return all;
        }
        std::string broadcast(const std::string& bytes) const override {
            if (rank_ == 0) group_.texts_[0] = bytes;
            group_.meeting_.arrive_and_wait();
            std::string root = group_.texts_[0];
            group_.meeting_.arrive_and_wait();
            return root;
        }

      private:
        ThreadGroup& group_;
        std::size_t rank_;
    };

    // Runs body(member) on a thread per process; each process's result, in rank order.
    template <typename Result>
    std::vector<Result> run(const std::function<Result(const ProcessGroup&)>& body) {
        std::vector<Result> results(size_);
        std::vector<std::thread> threads;
        for (std::size_t rank = 0; rank < size_; ++rank)
            threads.emplace_back([&, rank] {
                const Member member(*this, rank);
                results[rank] = body(member);
            });
        for (std::thread& thread : threads) thread.join();
        return results;
    }

  private:
    std::size_t size_;
    std::barrier<> meeting_;
    std::vector<std::string> texts_;
};

}  // namespace pipesim::testing
