"""Child of bench_library.py: add a folder of drafts to the library of the
real window and report the longest stall of the UI thread until the first
index is built and listed. Run with XDG_DATA_HOME and XDG_CONFIG_HOME set to
a temporary folder (the parent does), so nothing touches the user's."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from ui.app import create_application  # noqa: E402
from ui.stall_meter import StallMeter  # noqa: E402


def main() -> None:
    app = create_application([])
    from ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()
    panel = window.library_panel
    started = 0.0

    def listed() -> None:
        if panel.model.rowCount() == 0:
            return
        print("RESULT " + json.dumps({"longest_stall_ms": meter.stop() * 1000, "seconds": time.perf_counter() - started,
                                      "listed": panel.model.rowCount()}), flush=True)
        os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

    def add() -> None:
        nonlocal started
        panel.show()
        panel.listed.connect(listed)
        started = time.perf_counter()
        meter.start()
        panel.add_folder(Path(sys.argv[1]))

    QTimer.singleShot(3000, add)  # once the window and its preview are up
    app.exec()


if __name__ == "__main__":
    main()
