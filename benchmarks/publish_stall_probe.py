"""Child of bench_publish.py --window: open a saved 20-photo draft in the
real window, publish it with File ▸ Publish… as "pending", and report the
longest stall of the UI thread from the click until the dialog says it is
done (issue 15, item 7: never over 50 ms). This computer's site profile and
the password come from the environment bench_publish.py sets up."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path
from stall_probe import sample_waiting_states

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter


def main() -> None:
    draft = Path(sys.argv[1])
    last_tick = [0.0]
    states: Counter[str] = Counter()
    if sys.platform.startswith("linux"):
        threading.Thread(target=sample_waiting_states, args=(last_tick, states), daemon=True).start()

    def publish(window: MainWindow, meter: StallMeter) -> None:
        from PySide6.QtCore import QTimer

        def tick() -> None:
            last_tick[0] = time.perf_counter()

        def opened() -> bool:
            images = window.document.article.images()
            return (window.document.path == draft and len(images) > 0
                    and all(window.images.for_block(block) is not None for block in images))

        def wait_until_opened() -> None:
            if not opened():
                QTimer.singleShot(50, wait_until_opened)
                return
            QTimer.singleShot(2000, start)  # the checklist and the preview settle, as before a user's click

        def start() -> None:
            window._publish()  # File ▸ Publish…
            dialog = window.publish_dialog
            dialog.status.setCurrentIndex(dialog.status.findData("pending"))
            ticker = QTimer(window)
            ticker.timeout.connect(tick)
            ticker.start(5)
            started = time.perf_counter()
            meter.start()
            dialog.start()

            def poll() -> None:
                if dialog._running:
                    QTimer.singleShot(20, poll)
                    return
                print("RESULT " + json.dumps({
                    "seconds": time.perf_counter() - started, "longest_stall_ms": meter.stop() * 1000,
                    "longest_busy_ms": meter.longest_busy * 1000, "ui_thread_states_in_gaps": dict(states),
                    "message": dialog.message.text()}, ensure_ascii=False), flush=True)
                os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

            poll()

        window.files.open_path(draft)
        wait_until_opened()

    run_probe(publish)


if __name__ == "__main__":
    main()
