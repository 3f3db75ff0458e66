"""The floor under the app's launch → preview title figure: a bare Python
process that makes a QApplication, a QtWebEngine profile and view, and
shows one heading with setHtml, timed to two animation frames after the
load, Python's start included. Nothing of the app is imported.

    python benchmarks/webengine_floor.py [-n RUNS] [--waits]

With ``--waits``, each round runs three starts, alternately: the load at
once, the load after 300 ms of an idle event loop, and after 300 ms of a
UI thread kept busy. Each prints how long making the profile took and how
long the load took to paint. They show what the window's start has to
leave Chromium: after its profile is made, Chromium's start goes on
through the UI thread's event loop, so a UI thread busy with the window
(and a navigation started early) gains nothing, while an idle one lets
the page's load paint at once.

Each run is a fresh process on the offscreen platform (QT_QPA_PLATFORM may
say otherwise); prints each run's figures with the load average, then the
medians and p95. Run as root, Chromium's sandbox is turned off, as the app
does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runs import REPEATS, load_average, summary  # noqa: E402

CHILD = r"""
import os, sys, time
wait, _, amount = sys.argv[1].partition(":")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
began = time.time()
profile = QWebEngineProfile()
profile_made = time.time()
view = QWebEngineView()
page = QWebEnginePage(profile, view)
view.setPage(page)
view.resize(800, 600)
view.show()
loaded = []
def painted(_):
    print(f"RESULT {time.time()!r} {time.process_time()!r} {profile_made - began!r} {time.time() - loaded[0]!r}", flush=True)
    os._exit(0)
page.loadFinished.connect(lambda ok: page.runJavaScript(
    "new Promise(function (done) { requestAnimationFrame(function () { requestAnimationFrame(function () { done(1); }); }); })",
    0, painted))
def load():
    loaded.append(time.time())
    page.setHtml("<!doctype html><html><body><h1>Tòa Soạn</h1></body></html>")
def busy_then_load():
    until = time.time() + int(amount) / 1000
    while time.time() < until:
        pass
    load()
if wait == "idle":
    QTimer.singleShot(int(amount), load)
elif wait == "busy":
    QTimer.singleShot(0, busy_then_load)
else:
    load()
app.exec()
"""

WAITS = {"at once": "", "after 300 ms idle": "idle:300", "after 300 ms busy": "busy:300"}


def start_once(env: dict[str, str], wait: str) -> tuple[float, float, float, float]:
    """One fresh process: (heading painted since the process was made, its
    CPU time, making the profile, the load to the heading painted), seconds."""
    start = time.time()
    result = subprocess.run([sys.executable, "-c", CHILD, wait], capture_output=True, text=True, env=env, timeout=120)
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(result.stderr[-3000:])
    painted_at, cpu, profile, load_to_paint = (float(value) for value in line.split()[1:])
    return painted_at - start, cpu, profile, load_to_paint


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=REPEATS)
    parser.add_argument("--waits", action="store_true", help="also the load after 300 ms idle and after 300 ms busy, alternately")
    options = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # Chromium refuses its sandbox as root
    waits = WAITS if options.waits else {"at once": ""}
    figures: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in waits}
    start_once(env, "")  # the first run makes the caches a user has
    for run in range(options.runs):
        for name, wait in waits.items():
            figures[name].append(start_once(env, wait))
            wall, cpu, profile, load_to_paint = figures[name][-1]
            print(f"  run {run + 1} ({name}): heading painted {wall:.3f} s, {cpu:.3f} s of CPU; profile made in {profile:.3f} s; "
                  f"load to painted {load_to_paint:.3f} s; {load_average()}", flush=True)
    for name, runs in figures.items():
        print(f"  {name}:")
        for index, label in enumerate(("launch to heading painted", "CPU time", "profile made in", "load to heading painted")):
            print(f"    {label}: {summary([run[index] for run in runs], 's', 3)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
