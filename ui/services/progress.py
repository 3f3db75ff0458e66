"""A progress bar with Cancel for long work done on a worker (an export of
many photos): it appears only when the work takes longer than a moment,
and it is not modal, so the writer may go on typing meanwhile.

The worker reports through ``advance`` (a signal: Qt carries it to the UI
thread) and asks ``cancelled`` (an Event, safe from any thread). One bar is
kept per window and reused: never deleted while Qt may still send it events.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

# Work that ends sooner shows no bar at all.
SHOW_AFTER_MS = 600


class WorkProgress(QObject):
    advanced = Signal(int, int)  # done, of how many: emitted from the worker

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.bar = QProgressDialog(window)
        self.bar.setWindowModality(Qt.WindowModality.NonModal)
        self.bar.setMinimumDuration(SHOW_AFTER_MS)
        self.bar.setAutoClose(False)
        self.bar.setAutoReset(False)
        self.bar.reset()  # a QProgressDialog shows itself after its duration unless reset
        self._cancel = threading.Event()
        self.bar.canceled.connect(self._cancel.set)
        self.advanced.connect(self._show)

    def start(self, title: str, text: str, cancel: str) -> None:
        """A new piece of work begins; the bar shows if it lasts."""
        self._cancel.clear()
        self.bar.setWindowTitle(title)
        self.bar.setLabelText(text)
        self.bar.setCancelButtonText(cancel)
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setValue(0)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """For the worker: ``done`` of ``total`` steps are finished."""
        self.advanced.emit(done, total)

    def finish(self) -> None:
        self.bar.reset()
        self.bar.hide()

    def _show(self, done: int, total: int) -> None:
        if self.bar.wasCanceled():
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
