#pragma once
// Problems with user input, each carrying where it was found and why it is a problem.
// The library never exits: it throws InputError and the CLI turns it into a message.

#include <stdexcept>
#include <string>
#include <vector>

namespace pipesim {

struct SourceLocation {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
};

struct Problem {
    SourceLocation where;
    std::string entity;  // the id of the thing at fault, e.g. "hsr.track-laying"; may be empty
    std::string reason;
};

// "file:line:column: entity: reason", leaving out the parts that are unknown.
std::string describe(const Problem& problem);

// Collects every problem found in one pass, so a planner fixes them all at once.
class ProblemList {
  public:
    void add(SourceLocation where, std::string entity, std::string reason);
    bool empty() const { return problems_.empty(); }
    const std::vector<Problem>& items() const { return problems_; }
    // Throws InputError if any problem was collected.
    void throw_if_any() const;

  private:
    std::vector<Problem> problems_;
};

class InputError : public std::runtime_error {
  public:
    explicit InputError(std::vector<Problem> problems);
    InputError(SourceLocation where, std::string entity, std::string reason);
    const std::vector<Problem>& problems() const { return problems_; }

  private:
    std::vector<Problem> problems_;
};

}  // namespace pipesim
