"""Benchmark: library search of two checkouts side by side, on one machine load.

    python benchmarks/compare_library_search.py OLD_CHECKOUT NEW_CHECKOUT [COUNT]

writes COUNT drafts (default 10,000, as bench_library.py does), indexes them
once with each checkout's editor.library, then runs bench_library's queries
(best 100) with each in turn, six rounds alternating which goes first, so
that both see the same load. Prints p50/p95 per checkout and the load.
Each checkout runs in its own process with only itself on the path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench_library import QUERIES, load, make_drafts  # noqa: E402 — beside this script

WORKER = """
import json, sys, time
from pathlib import Path
from editor.library import Library
index, folder, mode, queries = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
library = Library(index)
if mode == "index":
    begin = time.perf_counter()
    library.rescan([folder])
    print(json.dumps(time.perf_counter() - begin))
else:
    library.search(queries[0], [folder], limit=100)  # the index file in the page cache
    times = []
    for query in queries:
        begin = time.perf_counter()
        library.search(query, [folder], limit=100)
        times.append(time.perf_counter() - begin)
    print(json.dumps(times))
"""


def run(checkout: Path, index: Path, folder: Path, mode: str) -> object:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run([sys.executable, "-c", WORKER, str(index), str(folder), mode, json.dumps(QUERIES)],
                          cwd=checkout, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    checkouts = {"old": Path(sys.argv[1]).resolve(), "new": Path(sys.argv[2]).resolve()}
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "share"
        folder.mkdir()
        print(f"compare_library_search: writing {count} drafts … ({load()})", flush=True)
        make_drafts(folder, count)
        indexes = {name: Path(temp) / f"{name}.sqlite" for name in checkouts}
        for name, checkout in checkouts.items():
            seconds = run(checkout, indexes[name], folder, "index")
            print(f"  {name} ({checkout}): first index {seconds:.1f} s ({load()})", flush=True)
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        for round_number in range(6):
            order = list(checkouts) if round_number % 2 else list(reversed(checkouts))
            for name in order:
                times[name] += run(checkouts[name], indexes[name], folder, "search")  # type: ignore[arg-type]
        for name, values in times.items():
            values.sort()
            print(f"  {name}: search, best 100 ({len(values)} queries): p50 {values[len(values) // 2] * 1000:.0f} ms, "
                  f"p95 {values[int(len(values) * 0.95) - 1] * 1000:.0f} ms")
        print(f"  ({load()} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
