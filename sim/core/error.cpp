#include "core/error.hpp"

namespace pipesim {
namespace {

std::string join_descriptions(const std::vector<Problem>& problems) {
    std::string text;
    for (const auto& problem : problems) {
        if (!text.empty()) text += '\n';
        text += describe(problem);
    }
    return text;
}

}  // namespace

std::string describe(const Problem& problem) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on string + char here.
    std::string text;
    const auto field = [&text](std::string_view part) {
        text.append(part);
        text.push_back(':');
    };
    if (!problem.where.file.empty()) field(problem.where.file);
    if (problem.where.line > 0) {
        field(std::to_string(problem.where.line));
        if (problem.where.column > 0) field(std::to_string(problem.where.column));
    }
    if (!text.empty()) text.push_back(' ');
    if (!problem.entity.empty()) {
        text.append(problem.entity);
        text.append(": ");
    }
    text.append(problem.reason);
    return text;
}

void ProblemList::add(SourceLocation where, std::string entity, std::string reason) {
    problems_.push_back({std::move(where), std::move(entity), std::move(reason)});
}

void ProblemList::throw_if_any() const {
    if (!problems_.empty()) throw InputError(problems_);
}

InputError::InputError(std::vector<Problem> problems)
    : std::runtime_error(join_descriptions(problems)), problems_(std::move(problems)) {}

InputError::InputError(SourceLocation where, std::string entity, std::string reason)
    : InputError(std::vector<Problem>{{std::move(where), std::move(entity), std::move(reason)}}) {}

}  // namespace pipesim
