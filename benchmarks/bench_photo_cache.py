"""What the window's photo cache costs to make an opened draft's preview
copies, and nothing else: a fresh process makes an ``ImageCache`` (no
copies kept), asks it for every photo of a 20-photo ``.article`` (camera-like
12 MP JPEGs of 5 MB) and waits until the last one is ready. Printed per
run: the wall time to that, and the CPU time of the whole tree (the
process, its photo processes), with the load average.

    python benchmarks/bench_photo_cache.py [-n RUNS] [--compare CHECKOUT]

``--compare`` runs another checkout's cache alternately with this one's,
on the same draft. The window's open (bench_ui.py --only open) does this
work too, among the form's and the preview's, whose noise hides a tenth
of a second.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_ui import twenty_photo_draft  # noqa: E402
from runs import REPEATS, load_average, summary  # noqa: E402

CHILD = r"""
import os, sys, time
from pathlib import Path


def main():
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from editor.inputs import load_article
    from ui.common import workers
    from ui.common.image_cache import ImageCache
    article = load_article(Path(sys.argv[1]))
    cache = ImageCache()  # no copies kept: every photo is converted
    started = time.perf_counter()
    cache.settled.connect(lambda: (print(f"RESULT {time.perf_counter() - started!r}", flush=True), app.quit()))
    cache.prefetch(article.images())
    app.exec()
    for pool in (workers._PHOTO_PROCESSES._main, workers._PHOTO_PROCESSES._spare):
        if pool is not None:
            pool.shutdown(wait=True)  # reaped: their CPU time is the parent's children's
    os._exit(0)


if __name__ == "__main__":  # the photo processes are spawned: they import this script again
    main()
"""


def run_once(root: Path, draft: Path, script: Path) -> tuple[float, float]:
    """One fresh process: (seconds to the last photo ready, CPU seconds of its tree)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, str(script), str(draft)], capture_output=True, text=True, env=env, cwd=root, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(result.stderr[-3000:])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return float(line[7:]), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=REPEATS)
    parser.add_argument("--compare", type=Path, help="another checkout, run alternately with this one")
    args = parser.parse_args()
    checkouts = {"this": HERE.parent} | ({"compared": args.compare.resolve()} if args.compare else {})
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        draft = twenty_photo_draft(folder)
        script = folder / "photo_cache_child.py"
        script.write_text(CHILD, encoding="utf-8")
        print("20-photo draft, preview copies made (no copies kept):")
        for run in range(1, args.runs + 1):
            for name, root in checkouts.items():
                wall, cpu = run_once(root, draft, script)
                figures[name].append((wall, cpu))
                print(f"  run {run} ({name}): last photo ready {wall:.3f} s, tree CPU {cpu:.3f} s; {load_average()}", flush=True)
    for name, root in checkouts.items():
        print(f"  {name} ({root}):")
        print(f"    to the last photo ready: {summary([wall for wall, _ in figures[name]], 's', 3)}")
        print(f"    CPU time of the tree: {summary([cpu for _, cpu in figures[name]], 's', 3)}")


if __name__ == "__main__":
    main()
