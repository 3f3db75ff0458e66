"""Benchmark: the window's stall while its library indexes, two checkouts
side by side on one machine load.

    python benchmarks/compare_library_stall.py OLD_CHECKOUT NEW_CHECKOUT [COUNT] [--runs N]

writes COUNT drafts once (default 2,000, as bench_library.py writes them),
then runs each checkout's own ``benchmarks/library_stall_probe.py`` on them
N times (default 4), alternating which goes first, each run with fresh
settings and data folders (so a first index from scratch). Prints, per
checkout, the median and worst of the longest stall while indexing, the UI
thread's own CPU time in a gap, the gaps over 50 ms and the time indexing
took, with the load average around each run. Where the machine is shared,
the load moves both alike; a single run of either says little.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench_library import load, make_drafts  # noqa: E402 — beside this script


def probe(checkout: Path, folder: Path, temp: Path) -> dict[str, object]:
    home = Path(tempfile.mkdtemp(dir=temp))
    env = {**os.environ, "PYTHONPATH": str(checkout), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    done = subprocess.run([sys.executable, str(checkout / "benchmarks" / "library_stall_probe.py"), str(folder)],
                          cwd=checkout, env=env, capture_output=True, text=True, timeout=1800)
    line = next((line for line in done.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"{checkout}: no result: {done.stderr.strip().splitlines()[-3:]}")
    return dict(json.loads(line[len("RESULT "):]))


def main() -> int:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if len(args) < 2:
        print(__doc__)
        return 2
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 4
    if "--runs" in sys.argv:
        args.remove(str(runs))
    checkouts = {"old": Path(args[0]).resolve(), "new": Path(args[1]).resolve()}
    count = int(args[2]) if len(args) > 2 else 2_000
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "share"
        folder.mkdir()
        print(f"compare_library_stall: writing {count} drafts … ({load()})", flush=True)
        make_drafts(folder, count)
        results: dict[str, list[dict[str, object]]] = {name: [] for name in checkouts}
        for number in range(runs):
            order = list(checkouts) if number % 2 else list(reversed(checkouts))
            for name in order:
                result = probe(checkouts[name], folder, Path(temp))
                index = result["index"]
                assert isinstance(index, dict)
                results[name].append(index | {"load": (result["load_before"], result["load_after_index"])})
                print(f"  {name} run {number + 1}: indexing stalled at most {index['longest_stall_ms']:.0f} ms, UI CPU in a gap "
                      f"≤ {index['longest_ui_cpu_in_a_gap_ms']:.0f} ms, {index['gaps_over_50ms']} gaps over 50 ms, "
                      f"{index['seconds']:.1f} s (load {result['load_before']:.1f} → {result['load_after_index']:.1f})", flush=True)
        for name, values in results.items():
            def figures(key: str, values: list[dict[str, object]] = values) -> str:
                numbers = sorted(float(value[key]) for value in values)  # type: ignore[arg-type]
                return f"median {statistics.median(numbers):.0f}, worst {numbers[-1]:.0f}"
            loads = [float(load_value) for value in values for load_value in value["load"]]  # type: ignore[attr-defined]
            print(f"  {name} ({checkouts[name]}), {len(values)} runs: longest stall ms {figures('longest_stall_ms')}; "
                  f"UI CPU in a gap ms {figures('longest_ui_cpu_in_a_gap_ms')}; gaps over 50 ms {figures('gaps_over_50ms')}; "
                  f"indexing s {figures('seconds')} (load {min(loads):.1f}–{max(loads):.1f})")
        print(f"  ({load()} at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
