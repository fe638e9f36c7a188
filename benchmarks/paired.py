#!/usr/bin/env python3
"""Paired wall-clock comparison of two commands on a noisy machine.

Runs command A and command B alternately N times (A first on even rounds, B first on odd ones, after five
warm-up pairs) and prints both medians and the median of the per-pair differences B - A with its interquartile
range. Drift in the machine's load (a neighbour, a busy host) moves both runs of a pair alike, so the paired
difference is steadier than two separate medians: on a machine where `rfc search` varied by several milliseconds
between hyperfine runs, pairs still separated a 1.5 ms change (IQR entirely below zero).

Compare like with like: two builds as published or as installed. A copy whose ELF was rewritten afterwards
(objcopy --add-gnu-debuglink, to give perf its symbols) ran about 2 ms slower than the same build as published.
And in the same page-cache state: a binary the linker has just written took 517 page faults per `rfc search sip`,
the same file read back from disk (after `echo 3 > /proc/sys/vm/drop_caches`) 541, about a millisecond on a machine
where a fault costs 12 us. Drop the caches, or install both builds the same way, before comparing them.

    benchmarks/paired.py 200 /opt/a/lib/rfc/rfc search sip -- /opt/b/lib/rfc/rfc search sip

Both commands see the caller's environment (set RFC_HOME for a store); their output is discarded.
"""
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def main():
    if len(sys.argv) < 5 or "--" not in sys.argv[2:]:
        sys.exit("usage: benchmarks/paired.py N COMMAND_A... -- COMMAND_B...")
    rounds = int(sys.argv[1])
    rest = sys.argv[2:]
    split = rest.index("--")
    a, b = rest[:split], rest[split + 1:]
    for _ in range(5):
        run(a)
        run(b)
    times_a, times_b, differences = [], [], []
    for i in range(rounds):
        if i % 2:
            tb = run(b)
            ta = run(a)
        else:
            ta = run(a)
            tb = run(b)
        times_a.append(ta)
        times_b.append(tb)
        differences.append(tb - ta)
    low, _, high = statistics.quantiles(differences, n=4)
    print(f"A median {statistics.median(times_a):.2f} ms  B median {statistics.median(times_b):.2f} ms  "
          f"paired difference B-A median {statistics.median(differences):+.2f} ms (IQR {low:+.2f} to {high:+.2f}), n={rounds}")


if __name__ == "__main__":
    main()
