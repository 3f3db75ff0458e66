"""What every benchmark prints beside a figure: the load average of the
machine when it was taken (other work shares these 2 cores), and, over n
repeated runs, the median and the 95th percentile."""

from __future__ import annotations

import math
import os
import statistics

REPEATS = 8  # issue 20: n ≥ 8


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load ?"
    return f"load {one:.1f}/{five:.1f}"


def p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile (with 8 runs, the largest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


def summary(values: list[float], unit: str, digits: int = 0) -> str:
    return (f"median {statistics.median(values):.{digits}f} {unit}, p95 {p95(values):.{digits}f} {unit} "
            f"(n={len(values)}, min {min(values):.{digits}f}, max {max(values):.{digits}f})")
