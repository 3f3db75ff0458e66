"""Benchmark: memory of the whole process tree (the app and QtWebEngine's
helpers, PSS from /proc/*/smaps_rollup) on an empty article, and on 50
camera photos of 12 MP with the preview scrolled from top to bottom, so
every lazy photo was fetched and decoded. Goals (issue 20): ≤ 300 MB and
≤ 400 MB.

PSS splits a shared page among every process mapping it, those of other
programs too: beside other programs using the same Qt libraries it comes
out lower than on an office PC where the app runs alone. So each run also
gives the tree's pages counted once, whoever else maps them ("alone"):
every process's private pages, and each shared mapping once (a file's by
device, inode and offset; an anonymous one, shared by a fork, by its
address), at the largest size any process of the tree has of it.
Each run is read twice: when the scrolled preview has settled (READY),
and 12 s later, when the photo processes have stopped ("settled").

    python benchmarks/bench_memory.py [RUNS] [--compare CHECKOUT]

``--compare``: each run is also made on another checkout of the app (the
same probe, ``BENCH_APP_ROOT``), alternately, so both share the machine's
load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ui import long_article  # noqa: E402
from runs import REPEATS, load_average, summary, tree_pids  # noqa: E402

PROBE = Path(__file__).resolve().parent / "memory_probe.py"


def tree_pss(pid: int) -> dict[str, float]:
    """PSS in MB of a process and each of its descendants, by command name."""
    found: dict[str, float] = {}
    for current in tree_pids(pid):
        try:
            rollup = (Path("/proc") / str(current) / "smaps_rollup").read_text()
            command = (Path("/proc") / str(current) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        kind = next((a.decode()[7:] for a in command if a.startswith(b"--type=")), "app" if current == pid else "child")
        name = kind if kind not in found else f"{kind}-{current}"
        found[name] = next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")) / 1024
    return found


def tree_alone(pid: int) -> float:
    """MB of the tree's pages, each counted once whoever else maps it (see above)."""
    private = 0
    shared: dict[tuple[str, ...], int] = {}
    for current in tree_pids(pid):
        try:
            lines = (Path("/proc") / str(current) / "smaps").read_text().splitlines()
        except OSError:
            continue  # ended meanwhile
        key: tuple[str, ...] = ()
        for line in lines:
            fields = line.split()
            if "-" in fields[0] and not fields[0].endswith(":"):  # a mapping's header: range perms offset dev inode [path]
                start, offset, device, inode = fields[0].split("-")[0], fields[2], fields[3], fields[4]
                key = (device, inode, offset) if inode != "0" else ("anon", start)
            elif fields[0] in ("Private_Clean:", "Private_Dirty:"):
                private += int(fields[1])
            elif fields[0] in ("Shared_Clean:", "Shared_Dirty:"):
                shared[key + (fields[0],)] = max(shared.get(key + (fields[0],), 0), int(fields[1]))
    return (private + sum(shared.values())) / 1024


def measure(article: str, root: str | None = None) -> tuple[dict[str, float], float, float]:
    """The tree's PSS by process and its size alone at READY, and its size
    alone once settled (the photo processes stopped)."""
    env = dict(os.environ, BENCH_APP_ROOT=root) if root else None
    child = subprocess.Popen([sys.executable, str(PROBE), article], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert child.stdout is not None
        ready: tuple[dict[str, float], float] | None = None
        for line in child.stdout:
            if line.strip() == "READY":
                ready = tree_pss(child.pid), tree_alone(child.pid)
            elif line.strip() == "SETTLED" and ready is not None:
                return ready[0], ready[1], tree_alone(child.pid)
        raise RuntimeError("the window never became ready")
    finally:
        child.kill()
        child.wait()


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_memory: reads /proc; run it on Linux")
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="?", type=int, default=REPEATS)
    parser.add_argument("--compare", help="another checkout of the app, measured alternately")
    options = parser.parse_args()
    trees: list[tuple[str, str | None]] = [("this", None)]
    if options.compare:
        trees.append((options.compare, str(Path(options.compare).resolve())))
    with tempfile.TemporaryDirectory() as temp:
        print("bench_memory: making an article with 50 photos of 12 MP …", flush=True)
        fifty = long_article(Path(temp) / "fifty", photos=50, words=2000)
        for label, article in (("empty article", "-"), ("50 photos of 12 MP, preview scrolled top to bottom", str(fifty))):
            totals: dict[str, list[float]] = {name: [] for name, _ in trees}
            alone: dict[str, list[float]] = {name: [] for name, _ in trees}
            settled: dict[str, list[float]] = {name: [] for name, _ in trees}
            for _ in range(options.runs):
                for name, root in trees:
                    parts, counted_once, later = measure(article, root)
                    totals[name].append(sum(parts.values()))
                    alone[name].append(counted_once)
                    settled[name].append(later)
                    detail = ", ".join(f"{part} {mb:.0f}" for part, mb in sorted(parts.items(), key=lambda p: -p[1]))
                    print(f"    [{name}] {label}: {totals[name][-1]:.0f} MB ({detail}); alone {alone[name][-1]:.0f} MB, "
                          f"settled {later:.0f} MB [{load_average()}]", flush=True)
            for name, _ in trees:
                print(f"  [{name}] {label}: whole tree PSS {summary(totals[name], 'MB')} [{load_average()}]", flush=True)
                print(f"  [{name}] {label}: the tree alone (each page once) {summary(alone[name], 'MB')}", flush=True)
                print(f"  [{name}] {label}: alone, settled (photo processes stopped) {summary(settled[name], 'MB')}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
