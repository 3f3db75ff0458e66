"""Run core work (disk, images, saving) off the UI thread.

``run_in_background(fn, on_done, on_error)`` calls ``fn`` on the global
thread pool; the callbacks run later on the UI thread. The UI thread never
waits on disk, images or rendering of photos.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.errors import ArticleError


class _Relay(QObject):
    """Carries results from worker threads to the UI thread (queued signals).

    One relay for the whole app, made on the UI thread and never deleted; a
    job carries only its ticket. A relay per job, deleteLater()'d once its
    result had arrived, made the soak run segfault every few minutes (in
    shiboken's releaseWrapper, from the deferred delete), under PySide6
    6.11.3 and 6.12.0 alike."""

    done = Signal(int, object)  # ticket, result
    failed = Signal(int, object)  # ticket, ArticleError


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay, ticket: int) -> None:
        super().__init__()
        self._function = function
        self._relay = relay
        self._ticket = ticket

    def run(self) -> None:
        try:
            result = self._function()
        except ArticleError as error:
            self._relay.failed.emit(self._ticket, error)
        except Exception as error:  # noqa: BLE001 — reported to the user, never lost
            traceback.print_exc()
            self._relay.failed.emit(self._ticket, ArticleError(f"unexpected error: {error}"))
        else:
            self._relay.done.emit(self._ticket, result)


_Callbacks = tuple[Callable[[Any], None], Callable[[ArticleError], None], "QObject | None"]
_relay: _Relay | None = None
_waiting: dict[int, _Callbacks] = {}  # ticket -> what to call when its result arrives
_tickets = itertools.count()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(lambda ticket, value: _finish(ticket, value, failed=False))
        _relay.failed.connect(lambda ticket, error: _finish(ticket, error, failed=True))
    return _relay


def _finish(ticket: int, value: Any, failed: bool) -> None:
    on_done, on_error, context = _waiting.pop(ticket)
    if context is not None and not shiboken6.isValid(context):
        return
    (on_error if failed else on_done)(value)


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[ArticleError], None],
    pool: QThreadPool | None = None,
    context: QObject | None = None,
) -> None:
    """``context``: the object the callbacks belong to; if it is gone by the
    time the work is done (a window closed), the result is dropped.
    Call it from the UI thread: the callbacks run there."""
    ticket = next(_tickets)
    _waiting[ticket] = (on_done, on_error, context)
    (pool or QThreadPool.globalInstance()).start(_Job(function, _the_relay(), ticket))


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
