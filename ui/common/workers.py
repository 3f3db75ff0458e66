"""Run core work (disk, images, saving) off the UI thread.

``run_in_background(fn, on_done, on_error)`` calls ``fn`` on the global
thread pool; the callbacks run later on the UI thread. The UI thread never
waits on disk, images or rendering of photos. ``run_in_process`` does the
same in the photo processes, for work that would hold Python's GIL (Pillow
holds it while it encodes a JPEG into memory, which editor/jpeg_bytes.py
avoids on Linux only; some decoders hold it too) and so stall the window
even from another thread.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import multiprocessing
import os
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.errors import ArticleError
from ui.common import photo_process


class _Relay(QObject):
    """Carries results from worker threads to the UI thread (queued signals).

    One relay for the whole app, made on the UI thread and never deleted; a
    job carries only its ticket. A relay per job, deleteLater()'d once its
    result had arrived, made the soak run segfault every few minutes (in
    shiboken's releaseWrapper, from the deferred delete), under PySide6
    6.11.3 and 6.12.0 alike."""

    done = Signal(int, object)  # ticket, result
    failed = Signal(int, object)  # ticket, ArticleError
    process_job_ended = Signal()


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
        _relay.process_job_ended.connect(_PHOTO_PROCESSES.job_ended)
        _relay.process_job_ended.connect(_INDEX_PROCESS.job_ended)
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
    priority: int = 0,
) -> None:
    """``context``: the object the callbacks belong to; if it is gone by the
    time the work is done (a window closed), the result is dropped.
    ``priority``: queued work of a higher one starts first.
    Call it from the UI thread: the callbacks run there."""
    ticket = next(_tickets)
    _waiting[ticket] = (on_done, on_error, context)
    (pool or QThreadPool.globalInstance()).start(_Job(function, _the_relay(), ticket), priority)


def run_in_process(
    function: Callable[..., Any],
    args: tuple[Any, ...],
    on_done: Callable[[Any], None],
    on_error: Callable[[ArticleError], None],
    context: QObject | None = None,
    urgent: bool = False,
) -> None:
    """As ``run_in_background``, but ``function(*args)`` runs in one of the
    photo processes: a module-level function of the Qt-free core, whose
    arguments and result can be pickled. The UI thread never shares Python's
    GIL with it, so a decoder that holds the GIL cannot stall the window,
    and a decoder that crashes takes only its own process.

    ``urgent``: the user is waiting for this one (a photo on screen when an
    article opens): it runs at the window's own priority if its process has
    not yet given way (see ``photo_process.run_job``)."""
    _submit(_PHOTO_PROCESSES, photo_process.run_job, (function, args, urgent), on_done, on_error, context,
            "the photo could not be prepared: its decoder crashed", urgent)


def run_in_index_process(
    function: Callable[..., Any],
    args: tuple[Any, ...],
    on_done: Callable[[Any], None],
    on_error: Callable[[ArticleError], None],
    context: QObject | None = None,
) -> None:
    """As ``run_in_process``, in the drafts library's own process, which
    runs at a lower priority than the window from its start
    (editor/process_priority.py: nice 10; on Windows the below-normal
    class). Indexing 10,000 drafts keeps a core busy for minutes: in a
    thread of the window's process it took Python's GIL from the UI thread,
    and at the window's priority it took the core the UI thread was waiting
    for (the window stalled 54 ms at worst, issue 16)."""
    _submit(_INDEX_PROCESS, function, args, on_done, on_error, context, "the drafts library's index stopped: its process crashed")


def _submit(processes: _Processes, function: Callable[..., Any], args: tuple[Any, ...], on_done: Callable[[Any], None],
            on_error: Callable[[ArticleError], None], context: QObject | None, crashed: str, urgent: bool = True) -> None:
    ticket = next(_tickets)
    _waiting[ticket] = (on_done, on_error, context)
    relay = _the_relay()
    future = processes.submit(function, args, urgent)

    def finished(future: Future[Any]) -> None:
        # On the pool's own thread: the relay's queued signals bring it home.
        try:
            result = future.result()
        except ArticleError as error:
            relay.failed.emit(ticket, error)
        except BrokenProcessPool:
            processes.broken = True  # the next job gets new processes
            relay.failed.emit(ticket, ArticleError(crashed))
        except Exception as error:  # noqa: BLE001 — reported to the user, never lost
            relay.failed.emit(ticket, ArticleError(f"unexpected error: {error}"))
        else:
            relay.done.emit(ticket, result)
        relay.process_job_ended.emit()

    future.add_done_callback(finished)


def photo_process_count() -> tuple[int, int]:
    """The photo processes: (at the window's priority until they give way,
    always at the lowest)."""
    return max(1, (os.cpu_count() or 2) - 1), 1


class _Processes:
    """Processes that work for the window: ``counts()`` gives how many main
    ones, and how many spares, which run at the lowest priority from their
    start, so that they only take the core the UI thread keeps when the UI
    thread leaves it idle. On a 2-core office PC an opened article's 20
    photos are then made two at a time (issue 20, item 6: one process took
    20 × 65 ms of CPU, past the 1.5 s goal on an idle machine), and a busy
    window still has its core. Jobs the user is waiting for (``urgent``) go
    to the main processes only. Started with the first job and stopped once
    idle for ``idle_ms``, which gives their memory back (a decoder's heap
    stays as large as its largest photo)."""

    def __init__(self, counts: Callable[[], tuple[int, int]], initializer: Callable[[bool], None], idle_ms: int) -> None:
        self._counts = counts
        self._initializer = initializer  # given whether its process is a spare
        self.IDLE_MS = idle_ms
        self._main: ProcessPoolExecutor | None = None
        self._spare: ProcessPoolExecutor | None = None
        self._pending: set[Future[Any]] = set()
        self._in_spare: set[Future[Any]] = set()
        self._idle_timer: QTimer | None = None
        self.broken = False  # set from the pool's thread when a process died

    def submit(self, function: Callable[..., Any], args: tuple[Any, ...], urgent: bool = True) -> Future[Any]:
        if self._idle_timer is not None:
            self._idle_timer.stop()
        if self.broken:
            self.broken = False
            self._discard()
        self._in_spare = {future for future in self._in_spare if not future.done()}
        in_main = len(self._pending) - len(self._in_spare)
        spare = not urgent and self._counts()[1] > 0 and len(self._in_spare) < in_main
        try:
            future = self._pool(spare).submit(function, *args)
        except (BrokenProcessPool, RuntimeError):
            self._discard()
            future = self._pool(spare).submit(function, *args)
        self._pending.add(future)
        if spare:
            self._in_spare.add(future)
        return future

    def _pool(self, spare: bool) -> ProcessPoolExecutor:
        # "spawn" on every system: forking a process that runs Qt's
        # threads is unsafe, and Windows and macOS spawn anyway.
        context = multiprocessing.get_context("spawn")
        main_count, spare_count = self._counts()
        if spare:
            if self._spare is None:
                self._spare = ProcessPoolExecutor(spare_count, context, initializer=self._initializer, initargs=(True,))
            return self._spare
        if self._main is None:
            self._main = ProcessPoolExecutor(main_count, context, initializer=self._initializer, initargs=(False,))
        return self._main

    def job_ended(self) -> None:
        """On the UI thread, after each job's result was delivered."""
        self._pending = {future for future in self._pending if not future.done()}
        if not self._pending and (self._main is not None or self._spare is not None):
            if self._idle_timer is None:
                self._idle_timer = QTimer()
                self._idle_timer.setSingleShot(True)
                self._idle_timer.timeout.connect(self._stop_if_idle)
            self._idle_timer.start(self.IDLE_MS)

    def _stop_if_idle(self) -> None:
        if not self._pending:
            self._discard()

    def _discard(self) -> None:
        pools, self._main, self._spare = (self._main, self._spare), None, None
        self._in_spare = set()
        for pool in pools:
            if pool is not None:
                pool.shutdown(wait=False)

    def wait(self, seconds: float) -> bool:
        _, not_done = concurrent.futures.wait(set(self._pending), timeout=seconds)
        return not not_done


_PHOTO_PROCESSES = _Processes(photo_process_count, photo_process.process_started, 10_000)
# The drafts library's index: one process, kept between the rescans (every
# 30 s, ui/library/library_panel.py) rather than started again for each.
_INDEX_PROCESS = _Processes(lambda: (1, 0), photo_process.index_process_started, 90_000)


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
    """For tests and for closing the app: wait until queued work has run
    (a photo process's result is then delivered by the event loop)."""
    processes_done = _PHOTO_PROCESSES.wait(msecs / 1000) and _INDEX_PROCESS.wait(msecs / 1000)
    photos_done = photo_pool().waitForDone(msecs)
    return QThreadPool.globalInstance().waitForDone(msecs) and photos_done and processes_done
