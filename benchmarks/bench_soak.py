"""Soak benchmarks: long runs of the real window (offscreen), each in a child
process (soak_driver.py), reporting crashes, faults and counts.

    python benchmarks/bench_soak.py [--minutes 30] [--only random|long|short]

- random: 30 minutes of random edits in every field, photos inserted,
  moved, rotated and removed, undo/redo, preview widths, timers firing;
- long: 5,000 keys into a 36,000-word article of 1,000 paragraphs (one text
  run: every key reads the whole run back, the case that aborted after about
  60 keys under PySide6 6.12.0);
- short: 20,000 keys into a 3,000-word article with 20 photos.

A child that dies without its RESULT line crashed; its returncode is shown
(negative for a signal, 134 for an abort).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from soak_driver import make_article  # noqa: E402

DRIVER = HERE / "soak_driver.py"


def soak(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent), "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    started = time.monotonic()
    result = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True, env=env)
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:]) | {"returncode": result.returncode}
    tail = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line][-25:]
    return {"crashed": True, "returncode": result.returncode, "seconds": round(time.monotonic() - started, 1), "stderr": tail}


def show(name: str, report: dict) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    if report.get("crashed"):
        print(f"  {name}: CRASHED after {report['seconds']} s (returncode {report['returncode']})", *report["stderr"], sep="\n    ", flush=True)
        return
    print(f"  {name}: {report['seconds']} s, {report['steps']} steps, {report['keys']} keys, {report['faults']} faults, "
          f"0 crashes; longest step {report['longest_step_ms']} ms; {report['autosaves']} autosaves, {report['checks']} checklist runs; "
          f"None/True/False count drift {report['singleton_drift']} (load {load:.1f})", flush=True)
    if report.get("edits"):
        print("    edits:", ", ".join(f"{k} {v}" for k, v in report["edits"].items()), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--only", choices=["random", "long", "short"])
    args = parser.parse_args()
    print(f"bench_soak: {os.cpu_count()} cores, offscreen Qt", flush=True)
    failed = False
    with tempfile.TemporaryDirectory() as temp:
        if args.only in (None, "random"):
            report = soak("random", "--seconds", str(args.minutes * 60), "--seed", "2026")
            show(f"random edits, {args.minutes:g} min", report)
            failed |= bool(report.get("crashed") or report.get("faults"))
        if args.only in (None, "long"):
            article = make_article(Path(temp) / "long", words=36_000, blocks=1_000)
            report = soak("type", "--keys", "5000", "--article", str(article))
            show("5,000 keys into 36,000 words / 1,000 paragraphs", report)
            failed |= bool(report.get("crashed") or report.get("faults"))
        if args.only in (None, "short"):
            article = make_article(Path(temp) / "short", words=3_000, blocks=40, photos=20)
            report = soak("type", "--keys", "20000", "--article", str(article))
            show("20,000 keys into 3,000 words with 20 photos", report)
            failed |= bool(report.get("crashed") or report.get("faults"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
