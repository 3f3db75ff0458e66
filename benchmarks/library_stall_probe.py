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
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter


def main() -> None:
    def add(window: MainWindow, meter: StallMeter) -> None:
        panel = window.library_panel
        started = time.perf_counter()

        def listed() -> None:
            if panel.model.rowCount() == 0:
                return
            print("RESULT " + json.dumps({"longest_stall_ms": meter.stop() * 1000, "longest_busy_ms": meter.longest_busy * 1000,
                                          "seconds": time.perf_counter() - started,
                                          "listed": panel.model.rowCount()}), flush=True)
            os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

        panel.show()
        panel.listed.connect(listed)
        meter.start()
        panel.add_folder(Path(sys.argv[1]))

    run_probe(add)


if __name__ == "__main__":
    main()
