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


def installed_bytecode(env: dict[str, str], home: Path) -> dict[str, str]:
    """``env`` for an app that starts with its modules compiled, as a user's
    does: the bundle (PyInstaller) ships them compiled, and a checkout run
    by ``tasks.py app`` keeps its __pycache__. Only a PYTHONDONTWRITEBYTECODE
    in the shell (this workplace sets one) has every start compile some
    hundred modules again, 0.15-0.2 s that no user waits. The benchmark's
    first, untimed start writes the bytecode, into ``home``, never into
    the checkout."""
    env = dict(env, PYTHONPYCACHEPREFIX=str(home / "bytecode"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


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
