"""What PySide6's check of each imported module costs the window's start,
with its own check and with the app's cheaper one
(ui/common/pyside_feature_check.py). Each run is a fresh process that
imports QtCore, then the window's modules, the preview's and the tools'
(what a start imports by the time its tools are built), and prints how
many modules were checked and the time spent checking them; the two
checks alternate, run by run.

    python benchmarks/bench_feature_check.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from runs import REPEATS, load_average, summary  # noqa: E402

CHILD = r"""
import json, sys, time
started = time.perf_counter()
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
import ui.common.pyside_feature_check as cheaper
if sys.argv[1] == "cheaper":
    assert cheaper.check_sources_directly()
else:
    cheaper.check_sources_directly = lambda: False  # ui.app's call keeps PySide6's own check
check = feature._mod_uses_pyside
spent = [0.0, 0]
def timed(module):
    begun = time.perf_counter()
    try:
        return check(module)
    finally:
        spent[0] += time.perf_counter() - begun
        spent[1] += 1
timed.pyside_own = getattr(check, "pyside_own", None)  # ui.app's call then sees the cheaper check in place
feature._mod_uses_pyside = timed
import ui.app, ui.window.main_window, ui.preview.preview, ui.preview.preview_pane
import ui.library.library_panel, ui.window.checklist, ui.window.notes_panel, ui.window.share_preview
import ui.services.intake, ui.dialogs.site_profile_dialog
print("RESULT " + json.dumps({"modules": spent[1], "checking": spent[0], "imports": time.perf_counter() - started}))
"""


def run_once(check: str) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(HERE.parent))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's start: modules compiled once, not at every run
    result = subprocess.run([sys.executable, "-c", CHILD, check], capture_output=True, text=True, env=env, cwd=HERE.parent, timeout=120)
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(line[7:])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=REPEATS)
    args = parser.parse_args()
    checks = ("pyside", "cheaper")
    run_once("cheaper")  # untimed: writes the bytecode
    figures: dict[str, list[dict[str, float]]] = {check: [] for check in checks}
    for run in range(1, args.runs + 1):
        for check in checks:
            figure = run_once(check)
            figures[check].append(figure)
            print(f"  run {run} ({check}): {figure['modules']} modules checked in {1000 * figure['checking']:.1f} ms, "
                  f"imports {1000 * figure['imports']:.0f} ms; {load_average()}", flush=True)
    for check in checks:
        print(f"  {check} check: checking {summary([1000 * f['checking'] for f in figures[check]], 'ms', 1)}; "
              f"imports {summary([1000 * f['imports'] for f in figures[check]], 'ms')}")


if __name__ == "__main__":
    main()
