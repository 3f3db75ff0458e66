"""The soak run: a child process drives the real window through random
edits for 2 minutes (benchmarks/soak_driver.py); it must neither crash nor
let a Python exception escape into Qt. A crash of the child (a negative
returncode, 134 for an abort, 250) or an exit without its RESULT line fails."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "benchmarks" / "soak_driver.py"
SOAK_SECONDS = 120
# Two minutes by design: `python3 tasks.py test` runs it as a step of its own, timed apart.
pytestmark = pytest.mark.soak
# Every kind of edit the soak promises; each must have happened at least once.
EXPECTED_EDITS = {
    "type:title", "type:lead", "type:author", "type:source", "type:tags", "type:url", "type:original_url",
    "type:paragraph", "type:heading", "type:quote", "type:caption", "type:alt", "type:credit", "type:related",
    "type:third new caption", "insert:3 photos", "move:block", "rotate:photo", "remove:photo", "undo", "redo",
}


def run_driver(*args: str, timeout: float) -> tuple[subprocess.CompletedProcess[str], dict | None]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    result = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    return result, (json.loads(lines[-1][7:]) if lines else None)


def test_two_minutes_of_random_edits_never_crash_the_window() -> None:
    seed = random.randrange(1_000_000)
    result, report = run_driver("random", "--seconds", str(SOAK_SECONDS), "--seed", str(seed), timeout=SOAK_SECONDS + 300)
    assert report is not None, (f"the window crashed (returncode {result.returncode}, seed {seed}):\n"
                                + "\n".join(line for line in result.stderr.splitlines() if "propagateSizeHints" not in line)[-4000:])
    assert report["faults"] == 0 and result.returncode == 0, f"seed {seed}: {report['fault_messages']}"
    assert report["seconds"] >= SOAK_SECONDS
    missing = EXPECTED_EDITS - set(report["edits"])
    assert not missing, f"seed {seed}: these edits never happened: {missing}"
    assert {name for name in report["edits"] if name.startswith("width:")}, "the preview width never changed"
    assert report["keys"] > 2000
    assert report["autosaves"] > 0 and report["checks"] > 0, "the autosave and checklist timers never fired"
