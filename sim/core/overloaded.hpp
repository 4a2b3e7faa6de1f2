#pragma once
// Builds one visitor for std::visit out of several lambdas, one per alternative.

namespace pipesim {

template <class... Cases>
struct Overloaded : Cases... {
    using Cases::operator()...;
};
// Clang before 17 does not deduce aggregate bases without a guide.
template <class... Cases>
Overloaded(Cases...) -> Overloaded<Cases...>;

}  // namespace pipesim
