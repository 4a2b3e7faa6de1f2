#include "graph/network.hpp"

#include <gtest/gtest.h>

#include "support/scenarios.hpp"

namespace pipesim {
namespace {

using testing::plan_with;

TEST(Network, OrdersNodesSoPredecessorsComeFirst) {
    const Network network = testing::network_from(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: late, duration: 1, after: [mid, q.x]}
      - {id: mid, duration: 1, after: [{id: first, type: SS, lag: 2}]}
      - {id: first, duration: 1}
  - id: q
    category: other
    milestones:
      - {id: x, after: [p.first], target: 2024-06-30}
)"));
    ASSERT_EQ(network.nodes.size(), 4u);
    for (NodeIndex n = 0; n < network.nodes.size(); ++n)
        for (const Link& link : network.predecessors(n)) EXPECT_LT(link.predecessor, n);
    const auto index_of = [&](const std::string& id) {
        for (NodeIndex n = 0; n < network.nodes.size(); ++n)
            if (network.nodes[n].id == id) return n;
        return NodeIndex(-1);
    };
    const NodeIndex mid = index_of("p.mid");
    ASSERT_EQ(network.predecessors(mid).size(), 1u);
    EXPECT_EQ(network.predecessors(mid)[0].type, LinkType::ss);
    EXPECT_EQ(network.predecessors(mid)[0].lag_days, 2.0);
    EXPECT_EQ(network.predecessors(index_of("p.late")).size(), 2u);
    EXPECT_EQ(network.nodes[index_of("q.x")].target->iso(), "2024-06-30");
    EXPECT_EQ(network.nodes[index_of("p.late")].declared, 0u);
    EXPECT_EQ(network.horizon_days(), *Date::parse("2030-12-31") - *Date::parse("2024-01-01") + 1);
}

TEST(Network, ReportsACycleAsTheIdsAroundIt) {
    const std::string yaml = plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1, after: [c]}
      - {id: b, duration: 1, after: [a]}
      - {id: c, duration: 1, after: [b]}
      - {id: free, duration: 1}
      - {id: self, duration: 1, after: [self]}
)");
    try {
        testing::network_from(yaml);
        FAIL() << "expected a cycle error";
    } catch (const InputError& error) {
        ASSERT_EQ(error.problems().size(), 2u);
        EXPECT_EQ(error.problems()[0].reason, "dependency cycle: p.a -> p.b -> p.c -> p.a");
        EXPECT_EQ(error.problems()[0].where.line, 11);
        EXPECT_EQ(error.problems()[1].reason, "dependency cycle: p.self -> p.self");
    }
}

TEST(Network, EarliestStartIsTheLaterOfStatusDateAndStartNoEarlierThan) {
    const Network network = testing::network_from(plan_with(R"(
  - id: p
    category: other
    activities:
      - {id: a, duration: 1, start_no_earlier_than: 2024-03-01}
      - {id: b, duration: 1, start_no_earlier_than: 2024-01-05}
    milestones:
      - {id: m, start_no_earlier_than: 2024-02-01}
)",
                                                            "  status_date: 2024-01-11\n"));
    for (const auto& node : network.nodes) {
        // A milestone not before 2024-02-01 is at the end of that day, so dated the 1st.
        const double expected = node.id == "p.a" ? 60.0 : node.id == "p.b" ? 10.0 : 32.0;
        EXPECT_EQ(node.earliest_start, expected) << node.id;
    }
    EXPECT_EQ(network.nodes.size(), 3u);
}

}  // namespace
}  // namespace pipesim
