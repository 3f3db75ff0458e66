"""What the window's stall probes share: the real window, shown offscreen,
and a stall meter, with the probe's work started once the window and its
preview are up. Each probe prints its RESULT line and leaves with os._exit
(see tests/conftest.py: no Python finalization after Qt).

Qt is imported in ``run_probe`` only: the window's photo processes start by
importing the main script (multiprocessing's "spawn"), and should stay as
light as they are under main.py."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# The app measured: this checkout's, or another's (bench_ui.py --compare).
sys.path.insert(0, os.environ.get("BENCH_APP_ROOT") or str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter


def run_probe(start: Callable[[MainWindow, StallMeter], None]) -> None:
    from PySide6.QtCore import QTimer

    from ui.app import create_application
    from ui.window.stall_meter import StallMeter

    app = create_application([])
    from editor.workspace import Workspace, default_workspace_path
    from ui.window.main_window import MainWindow

    window = MainWindow(Workspace(default_workspace_path()))  # as the app does (ui/app.py)
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()

    def guarded() -> None:
        try:
            start(window, meter)
        except Exception:  # a broken probe must end, not hang the benchmark
            traceback.print_exc()
            os._exit(1)

    QTimer.singleShot(3000, guarded)  # once the window and its preview are up
    app.exec()
