"""Child of bench_images.py: drop photos on the real window, report the
longest stall of the UI thread until every photo is prepared."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path
from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.stall_meter import StallMeter


def main() -> None:
    paths = sys.argv[1:]

    def drop(window: MainWindow, meter: StallMeter) -> None:
        def ready() -> bool:
            images = window.document.article.images()
            return len(images) == len(paths) and all(window.images.for_block(b) is not None for b in images)

        def poll() -> None:
            if ready():
                print("RESULT " + json.dumps({"longest_stall_ms": meter.stop() * 1000}), flush=True)
                os._exit(0)  # see tests/conftest.py: no Python finalization after Qt
            QTimer.singleShot(20, poll)

        meter.start()
        window.composer.blocks.files_dropped.emit(paths, 0)
        poll()

    run_probe(drop)


if __name__ == "__main__":
    main()
