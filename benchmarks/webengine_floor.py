"""The floor under the app's launch → preview title figure: a bare Python
process that makes a QApplication, a QtWebEngine profile and view, and
shows one heading with setHtml, timed to two animation frames after the
load, Python's start included. Nothing of the app is imported.

    python benchmarks/webengine_floor.py [-n RUNS]

Each run is a fresh process on the offscreen platform (QT_QPA_PLATFORM may
say otherwise); prints each run's figure with the load average, then the
median and p95.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CHILD = r"""
import os, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
profile = QWebEngineProfile()
view = QWebEngineView()
page = QWebEnginePage(profile, view)
view.setPage(page)
view.resize(800, 600)
view.show()
def painted(_):
    print(f"RESULT {time.time()!r} {time.process_time()!r}", flush=True)
    os._exit(0)
page.loadFinished.connect(lambda ok: page.runJavaScript(
    "new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(function () { done(1); }); }); })",
    0, painted))
page.setHtml("<!doctype html><html><body><h1>Tòa Soạn</h1></body></html>")
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=8)
    options = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    walls: list[float] = []
    cpus: list[float] = []
    for run in range(options.runs + 1):  # the first run makes the caches a user has
        start = time.time()
        result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)
        line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
        if line is None:
            raise RuntimeError(result.stderr[-3000:])
        painted_at, cpu = (float(value) for value in line.split()[1:])
        if run:
            walls.append(painted_at - start)
            cpus.append(cpu)
            print(f"  run {run}: heading painted {walls[-1]:.3f} s, {cpu:.3f} s of CPU; load "
                  + " ".join(f"{v:.2f}" for v in os.getloadavg()), flush=True)
    for name, values in (("wall", walls), ("CPU", cpus)):
        ordered = sorted(values)
        p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]
        print(f"  {name}: median {statistics.median(ordered):.3f} s, p95 {p95:.3f} s (n={len(ordered)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
