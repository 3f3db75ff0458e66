"""Run core work (disk, images, saving) off the UI thread.

``run_in_background(fn, on_done, on_error)`` calls ``fn`` on the global
thread pool; the callbacks run later on the UI thread. The UI thread never
waits on disk, images or rendering of photos.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.errors import ArticleError


class _Relay(QObject):
    """Carries a result from the worker thread to the UI thread (queued signal)."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except ArticleError as error:
            self._relay.failed.emit(error)
        except Exception as error:  # noqa: BLE001 — reported to the user, never lost
            traceback.print_exc()
            self._relay.failed.emit(ArticleError(f"unexpected error: {error}"))
        else:
            self._relay.done.emit(result)


_pending: set[_Relay] = set()


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[ArticleError], None],
    pool: QThreadPool | None = None,
    context: QObject | None = None,
) -> None:
    """``context``: the object the callbacks belong to; if it is gone by the
    time the work is done (a window closed), the result is dropped."""
    relay = _Relay()
    _pending.add(relay)  # kept alive until the result arrives

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _pending.discard(relay)
        relay.deleteLater()
        if context is not None and not shiboken6.isValid(context):
            return
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda error: finish(on_error, error))
    (pool or QThreadPool.globalInstance()).start(_Job(function, relay))


_photo_pool: QThreadPool | None = None


def photo_pool() -> QThreadPool:
    """The threads that decode and convert photos: one core fewer than the
    machine has, so the UI thread always has a core of its own (on a 2-core
    office PC, two busy decoders made the window stall for 100–200 ms)."""
    global _photo_pool
    if _photo_pool is None:
        _photo_pool = QThreadPool()
        _photo_pool.setMaxThreadCount(max(1, QThreadPool.globalInstance().maxThreadCount() - 1))
    return _photo_pool


def wait_for_background_work(msecs: int = 30_000) -> bool:
    """For tests and for closing the app: wait until queued work has run."""
    photos_done = photo_pool().waitForDone(msecs)
    return QThreadPool.globalInstance().waitForDone(msecs) and photos_done
