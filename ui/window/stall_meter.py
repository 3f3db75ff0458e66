"""How long the UI thread was kept from running its event loop.

A timer asks to run every few milliseconds; the longest gap between two of
its runs, less the interval, is the longest stall a user would have felt
(a frozen window, ignored keys). Used by the tests and the benchmarks.

Beside it, ``longest_busy`` is the most CPU time the UI thread itself spent
within one gap: a long gap with little CPU is the thread waiting (for a
core on a loaded machine, or for Python's GIL), a long one with much CPU is
work done on the UI thread.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class StallMeter(QObject):
    def __init__(self, interval_ms: int = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.longest = 0.0  # seconds
        self.longest_busy = 0.0  # seconds of the UI thread's CPU time

    def start(self) -> None:
        self.longest = 0.0
        self.longest_busy = 0.0
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self._last - self._interval)
        self.longest_busy = max(self.longest_busy, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu
