"""What every benchmark prints beside a figure: the load average of the
machine when it was taken (other work shares these 2 cores), and, over n
repeated runs, the median and the 95th percentile; and, for the memory
figures, the processes of a tree (Linux's /proc)."""

from __future__ import annotations

import math
import os
import statistics
from pathlib import Path

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


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants (QtWebEngine's helpers, the photo processes), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # ended meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found
