"""Child of bench_images.py: drop photos on the real window, report the
longest stall of the UI thread until every photo is prepared."""

from __future__ import annotations

import json
import os
import sys
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
    paths = sys.argv[1:]

    def ready() -> bool:
        images = window.document.article.images()
        return len(images) == len(paths) and all(window.images.for_block(b) is not None for b in images)

    def poll() -> None:
        if ready():
            print("RESULT " + json.dumps({"longest_stall_ms": meter.stop() * 1000}), flush=True)
            os._exit(0)  # see tests/conftest.py: no Python finalization after Qt
        QTimer.singleShot(20, poll)

    def drop() -> None:
        meter.start()
        window.composer.blocks.files_dropped.emit(paths, 0)
        poll()

    QTimer.singleShot(3000, drop)  # once the window and its preview are up
    app.exec()


if __name__ == "__main__":
    main()
