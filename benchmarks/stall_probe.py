"""Child of bench_images.py: drop photos on the real window, report the
longest stall of the UI thread until every photo is prepared."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path
from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter


def sample_waiting_states(last_tick: list[float], states: Counter[str]) -> None:
    """While the UI thread has not ticked for 50 ms, note its scheduler state
    (R: runnable, waiting for a core or running; S: asleep, as on a lock; D:
    in the kernel), to tell a loaded machine from a blocked thread."""
    main_thread = threading.main_thread().native_id
    while True:
        time.sleep(0.003)
        if last_tick[0] and time.perf_counter() - last_tick[0] > 0.05:
            try:
                stat = open(f"/proc/self/task/{main_thread}/stat").read()
            except OSError:
                return
            states[stat.rsplit(")", 1)[1].split()[0]] += 1


def main() -> None:
    paths = sys.argv[1:]
    last_tick = [0.0]
    states: Counter[str] = Counter()
    if sys.platform.startswith("linux"):
        threading.Thread(target=sample_waiting_states, args=(last_tick, states), daemon=True).start()

    def drop(window: MainWindow, meter: StallMeter) -> None:

        def ready() -> bool:
            images = window.document.article.images()
            return len(images) == len(paths) and all(window.images.for_block(b) is not None for b in images)

        def tick() -> None:
            last_tick[0] = time.perf_counter()

        ticker = QTimer(window)
        ticker.timeout.connect(tick)
        ticker.start(5)

        def poll() -> None:
            if ready():
                print("RESULT " + json.dumps({"longest_stall_ms": meter.stop() * 1000, "longest_busy_ms": meter.longest_busy * 1000,
                                              "ui_thread_states_in_gaps": dict(states)}), flush=True)
                os._exit(0)  # see tests/conftest.py: no Python finalization after Qt
            QTimer.singleShot(20, poll)

        meter.start()
        window.composer.blocks.files_dropped.emit(paths, 0)
        poll()

    run_probe(drop)


if __name__ == "__main__":
    main()
