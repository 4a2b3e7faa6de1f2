#include "graph/correlation.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>

namespace pipesim {
namespace {

using Matrix = Eigen::MatrixXd;
using Key = std::pair<std::uint64_t, StreamPurpose>;

// What a group's members draw: an activity's duration or cost, or a risk's occurrence.
std::vector<Key> members_of(const Scenario& scenario, const Correlation& group) {
    std::vector<Key> keys;
    const auto add = [&](const std::string& id, StreamPurpose purpose) {
        const Key key{variable_hash(id), purpose};
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    };
    if (group.quantity == CorrelatedQuantity::risks) {
        for (const auto& id : group.members) add(id, StreamPurpose::risk_occurrence);
        return keys;
    }
    const bool durations = group.quantity == CorrelatedQuantity::durations;
    const auto cost_purpose = [](const Activity& a) {
        return a.cost->amount ? StreamPurpose::cost : StreamPurpose::cost_per_day;
    };
    for (const auto& project : scenario.projects) {
        const bool whole =
            group.of && group.of->matches(project.id, false, project.category, project.tags);
        for (const auto& activity : project.activities) {
            const bool listed = std::find(group.members.begin(), group.members.end(),
                                          activity.id) != group.members.end();
            if (!listed && !whole) continue;
            if (durations && activity.kind == ActivityKind::work)
                add(activity.id, StreamPurpose::duration);
            if (!durations && activity.cost && (activity.cost->amount || activity.cost->per_day))
                add(activity.id, cost_purpose(activity));
        }
    }
    return keys;
}

double smallest_eigenvalue(const Matrix& m) {
    return Eigen::SelfAdjointEigenSolver<Matrix>(m, Eigen::EigenvaluesOnly).eigenvalues()(0);
}

// Higham (2002), alternating projections with Dykstra's correction: the correlation
// matrix nearest to `a` in the Frobenius norm.
Matrix nearest_correlation(const Matrix& a) {
    Matrix y = a;
    Matrix correction = Matrix::Zero(a.rows(), a.cols());
    for (int step = 0; step < 1000; ++step) {
        const Matrix r = y - correction;
        Eigen::SelfAdjointEigenSolver<Matrix> solver(r);
        const Matrix x = solver.eigenvectors() * solver.eigenvalues().cwiseMax(0.0).asDiagonal() *
                         solver.eigenvectors().transpose();
        correction = x - r;
        Matrix next = x;
        next.diagonal().setOnes();
        const double moved = (next - y).norm();
        y = next;
        if (moved < 1e-12) break;
    }
    return y;
}

// F with F F' = m: Cholesky, or from the eigenvectors when m is singular (rho = 1).
std::vector<double> factor_of(const Matrix& m) {
    Matrix f;
    Eigen::LLT<Matrix> cholesky(m);
    if (cholesky.info() == Eigen::Success) {
        f = cholesky.matrixL();
    } else {
        Eigen::SelfAdjointEigenSolver<Matrix> solver(m);
        f = solver.eigenvectors() * solver.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
    }
    std::vector<double> rows(static_cast<std::size_t>(f.size()));
    for (Eigen::Index i = 0; i < f.rows(); ++i)
        for (Eigen::Index j = 0; j < f.cols(); ++j)
            rows[static_cast<std::size_t>(i * f.cols() + j)] = f(i, j);
    return rows;
}

std::string three_digits(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

class CorrelationCompiler {
  public:
    CorrelationCompiler(const Scenario& scenario, bool nearest, Network& network)
        : scenario_(scenario), nearest_(nearest), network_(network) {}

    void compile() {
        for (const Correlation& group : scenario_.correlations) {
            groups_.push_back(members_of(scenario_, group));
            for (const Key& key : groups_.back()) index_.emplace(key, index_.size());
        }
        parent_.resize(index_.size());
        std::iota(parent_.begin(), parent_.end(), 0);
        for (const auto& members : groups_)
            for (const Key& key : members) join(index_.at(members.front()), index_.at(key));
        std::map<std::size_t, std::vector<Key>> sets;
        for (const auto& [key, i] : index_) sets[root(i)].push_back(key);
        for (auto& [root, keys] : sets) add_set(std::move(keys));
    }

  private:
    std::size_t root(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent_[root(a)] = root(b); }

    // Groups are applied in file order (a later group's rho for a pair replaces an earlier
    // one), and the matrix is checked after each, so the message names the group that
    // broke it.
    void add_set(std::vector<Key> keys) {
        std::sort(keys.begin(), keys.end());
        const auto k = static_cast<Eigen::Index>(keys.size());
        Matrix m = Matrix::Identity(k, k);
        const auto position = [&](const Key& key) {
            return static_cast<Eigen::Index>(std::lower_bound(keys.begin(), keys.end(), key) -
                                             keys.begin());
        };
        const Correlation* broke = nullptr;
        for (std::size_t g = 0; g < groups_.size(); ++g) {
            const auto& members = groups_[g];
            if (members.empty() || !std::binary_search(keys.begin(), keys.end(), members[0]))
                continue;
            const double r = 2.0 * std::sin(std::numbers::pi * scenario_.correlations[g].rho / 6.0);
            for (const Key& a : members)
                for (const Key& b : members)
                    if (a != b) m(position(a), position(b)) = r;
            if (!broke && smallest_eigenvalue(m) < -1e-10) broke = &scenario_.correlations[g];
        }
        if (broke) m = repaired(m, *broke);
        std::vector<CorrelatedVariable> members;
        for (const Key& key : keys) members.push_back({key.first, key.second});
        network_.correlated.push_back({std::move(members), factor_of(m)});
    }

    Matrix repaired(const Matrix& m, const Correlation& broke) {
        const std::string what = "correlation group '" + broke.id + "'";
        if (!nearest_)
            throw InputError(broke.where, broke.id,
                             what +
                                 " makes its correlation matrix invalid (not positive "
                                 "semi-definite, smallest eigenvalue " +
                                 three_digits(smallest_eigenvalue(m)) +
                                 "): lower its rho, or run with --nearest-correlation to use "
                                 "the nearest valid matrix");
        const Matrix nearest = nearest_correlation(m);
        network_.warnings.push_back(
            what + " made its correlation matrix invalid; using the nearest valid matrix, " +
            "which moves the correlations by " + three_digits((nearest - m).norm()) +
            " (Frobenius norm; largest single change " +
            three_digits((nearest - m).cwiseAbs().maxCoeff()) + ")");
        return nearest;
    }

    const Scenario& scenario_;
    bool nearest_;
    Network& network_;
    std::vector<std::vector<Key>> groups_;
    std::map<Key, std::size_t> index_;
    std::vector<std::size_t> parent_;
};

}  // namespace

void compile_correlations(const Scenario& scenario, bool nearest, Network& network) {
    CorrelationCompiler(scenario, nearest, network).compile();
}

}  // namespace pipesim
