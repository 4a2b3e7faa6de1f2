#!/usr/bin/python3
"""The same Monte Carlo schedule in NumPy, node-major: for each node in topological order,
one vector over all iterations of its durations (Generator.triangular), its start (the
maximum of its predecessors' finish vectors plus lag) and its finish; each milestone's
finish days counted with numpy.bincount into its histogram. A node's finish vector is freed
once its last successor has read it, so memory holds about two layers, not the whole plan.

NumPy runs these operations on one thread, so this is a single-thread figure.

Usage: numpy_baseline.py GRAPH [--iterations I] [--seed S] [--repeat R]
GRAPH comes from `pipesim_throughput --write-graph GRAPH`. Prints what pipesim_throughput
prints, in the same format. /usr/bin/python3 on purpose: Debian's python3-numpy lives there.
"""

import argparse
import resource
import sys
import time

import numpy as np


def read_graph(path):
    with open(path) as file:
        key, horizon_days = file.readline().strip().split(",")
        if key != "horizon_days":
            sys.exit(f"{path}: not a graph file")
        file.readline()  # column names
        nodes = []
        for line in file:
            index, kind, low, mode, high, links = line.rstrip("\n").split(",")
            if int(index) != len(nodes):
                sys.exit(f"{path}: nodes out of order")
            predecessors = []
            for link in filter(None, links.split(";")):
                predecessor, lag = link.split(":")
                predecessors.append((int(predecessor), float(lag)))
            nodes.append((kind == "milestone", float(low), float(mode), float(high), predecessors))
    return int(horizon_days), nodes


def simulate(horizon_days, nodes, iterations, seed):
    rng = np.random.default_rng(seed)
    last_reader = list(range(len(nodes)))
    for v, (_, _, _, _, predecessors) in enumerate(nodes):
        for p, _ in predecessors:
            last_reader[p] = max(last_reader[p], v)
    released_after = [[] for _ in nodes]
    for p, v in enumerate(last_reader):
        released_after[v].append(p)

    finish = [None] * len(nodes)
    histograms = []
    for v, (milestone, low, mode, high, predecessors) in enumerate(nodes):
        start = np.zeros(iterations)
        for p, lag in predecessors:
            np.maximum(start, finish[p] + lag if lag else finish[p], out=start)
        if milestone:
            # As the engine: day d holds finishes in (d, d + 1]; the last bin is "after the horizon".
            days = np.ceil(start).astype(np.int64) - 1
            np.clip(days, 0, horizon_days, out=days)
            histograms.append(np.bincount(days, minlength=horizon_days + 1))
        else:
            start += rng.triangular(low, mode, high, size=iterations)
        finish[v] = start
        for p in released_after[v]:
            finish[p] = None
    return histograms


def print_checksum(histograms):
    counts = histograms[-1].astype(np.float64)
    days = np.arange(counts.size, dtype=np.float64)
    n = counts.sum()
    mean = (counts * days).sum() / n
    sd = np.sqrt(((counts * days * days).sum() - n * mean * mean) / (n - 1))
    print(f"checksum: last milestone's finish day mean {mean:.3f} sd {sd:.3f} "
          f"(standard error {sd / np.sqrt(n):.3f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph")
    parser.add_argument("--iterations", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    horizon_days, nodes = read_graph(args.graph)
    links = sum(len(node[4]) for node in nodes)
    print(f"graph: {len(nodes)} nodes, {links} links; {args.iterations} iterations, "
          f"1 thread, NumPy {np.__version__} baseline", flush=True)
    rates = []
    for r in range(args.repeat):
        histograms = None
        start = time.perf_counter()
        histograms = simulate(horizon_days, nodes, args.iterations, args.seed)
        seconds = time.perf_counter() - start
        rates.append(len(nodes) * args.iterations / seconds)
        print(f"run {r + 1}: {seconds:.3f} s, {rates[-1] / 1e6:.1f} million node-iterations/s",
              flush=True)
    rates.sort()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"median: {rates[len(rates) // 2] / 1e6:.1f} million node-iterations/s; "
          f"peak memory {peak_mib} MiB")
    print_checksum(histograms)


if __name__ == "__main__":
    main()
