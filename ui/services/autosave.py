"""Autosave: the open article's working state goes to the local workspace
within 2 s of a change, saved or not, named or not; after a crash it
is offered back. An opened or saved article is kept there too, marked
unmodified, so that its photos survive its file being moved or deleted; a
clean close clears it. That copy of an opened article waits until a second
after the window has prepared the photos it shows (or the first change): it
reads every photo again and writes them to the workspace, a second of
CPU for 20 photos of 12 MP, which on 2 cores made the preview wait
(issue 20, item 6)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

from editor.errors import ArticleError
from editor.model import Article
from editor.workspace import Workspace
from ui.common.image_cache import ImageCache
from ui.common.workers import run_in_background
from ui.document.document import Document

# After the first change not yet autosaved. Later changes do not push the
# timer back: someone who types without ever pausing is autosaved every
# second, not never. The second left over is for the write itself, on a busy
# machine too, so the workspace is never more than 2 s behind the window.
DELAY_MS = 1000
# How long after the photos of an opened article are prepared its copy is
# kept in the workspace (or sooner, with the first change).
KEEP_AFTER_PHOTOS_MS = 1000


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(str)

    def __init__(self, document: Document, workspace: Workspace, parent: QObject | None = None, photos: ImageCache | None = None) -> None:
        """``photos``: the window's photos; the copy kept of an article just
        opened waits until those asked for are prepared."""
        super().__init__(parent)
        self._document = document
        self.workspace = workspace
        self.key = uuid.uuid4().hex
        # One writer, in order: a slow "kept unmodified" write must never land
        # after the autosave of a change that followed it.
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.save_now)
        self._photos = photos
        # The "kept unmodified" write of an article being opened, held back
        # while its photos are prepared; always sent before any other write.
        self._held_back: Callable[[], object] | None = None
        # A second after the last photo, so that it does not compete with the
        # preview showing them: a reopened article's photos are all there in
        # half a second, and the copy then read them while the page was
        # painted (0.2-0.4 s later complete, bench_ui --only open).
        self._keep_timer = QTimer(self, singleShot=True, interval=KEEP_AFTER_PHOTOS_MS)
        self._keep_timer.timeout.connect(self._send_held_back)
        if photos is not None:
            photos.settled.connect(self._keep_timer.start)
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.block_moved):
            signal.connect(self._on_change)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)
        document.reset.connect(self._on_document_reset)

    def _on_change(self, *args: object) -> None:
        # The user works on the article now: its photos go to the workspace
        # at once, so that a file moved away after this change loses none.
        self._send_held_back()
        if not self.timer.isActive():
            self.timer.start()

    def save_now(self) -> None:
        if not self._document.is_modified():
            return
        snapshot, key, path, workspace = self._snapshot()
        self._write(lambda: workspace.save(key, snapshot, path), report_saved=True)

    def keep_unmodified(self) -> None:
        """The article matches its file: nothing to recover, photos kept."""
        self.timer.stop()
        if self._document.path is None:
            self.forget()
            return
        snapshot, key, path, workspace = self._snapshot()

        def keep() -> None:
            workspace.save(key, snapshot, path, modified=False)

        if self._photos is not None and self._photos.is_busy():
            self._held_back = keep  # in place of any held before: the same entry, as it is now
            return
        self._write(keep)

    def is_holding_back(self) -> bool:
        """True while the copy of an opened article waits for its photos."""
        return self._held_back is not None

    def _send_held_back(self) -> None:
        self._keep_timer.stop()
        keep, self._held_back = self._held_back, None
        if keep is not None:
            self._queue(keep, report_saved=False, report_failure=True)

    def forget(self) -> None:
        """The article is closed on purpose: nothing of it is kept."""
        self.timer.stop()
        self._held_back = None  # its entry, which this removes: not written at all
        key, workspace = self.key, self.workspace
        self._write(lambda: workspace.discard(key), report_failure=False)

    def forget_entry(self, key: str) -> None:
        """Another article's entry (left by a crash) is discarded by choice."""
        workspace = self.workspace
        self._write(lambda: workspace.discard(key), report_failure=False)

    def adopt(self, old_key: str) -> None:
        """The open article was restored from ``old_key`` (after a crash):
        keep it under this window's key, then let the old entry go. In that
        order, and after any write already queued, because the restored
        photos are read from the workspace until the next save."""
        self.timer.stop()
        snapshot, key, path, workspace = self._snapshot()

        def keep_then_forget() -> None:
            workspace.save(key, snapshot, path)
            workspace.discard(old_key)

        self._write(keep_then_forget, report_saved=True)

    def _snapshot(self) -> tuple[Article, str, Path | None, Workspace]:
        """What a write needs, taken now on the UI thread: a snapshot that
        shares the blocks (Document.snapshot), never a deep copy, which took
        tens of milliseconds of the UI thread at 36,000 words."""
        return self._document.snapshot(), self.key, self._document.path, self.workspace

    def _write(self, work: Callable[[], object], *, report_saved: bool = False, report_failure: bool = True) -> None:
        """Run ``work`` on the writer thread, after every write queued before
        (a held-back copy of the opened article included)."""
        self._send_held_back()
        self._queue(work, report_saved=report_saved, report_failure=report_failure)

    def _queue(self, work: Callable[[], object], *, report_saved: bool, report_failure: bool) -> None:
        def done(_: object) -> None:
            if report_saved:
                self.saved.emit()

        def failed(error: ArticleError) -> None:
            if report_failure:
                self.failed.emit("; ".join(error.problems))

        run_in_background(work, done, failed, pool=self._writer, context=self)

    def close_cleanly(self) -> None:
        """The window closes by choice: wait for the writer, then forget."""
        self.timer.stop()
        self._held_back = None  # forgotten below anyway
        self._writer.waitForDone()
        try:
            self.workspace.discard(self.key)
        except ArticleError:
            pass  # a read-only or damaged workspace must never keep the window open

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.keep_unmodified()
        elif not self.timer.isActive():
            self.timer.start()  # unsaved without an edit (a Word document imported): kept as an edit would be

    def _on_document_reset(self) -> None:
        # Another article: the previous one was saved or discarded by choice.
        self.forget()
        self.key = uuid.uuid4().hex
        self.keep_unmodified()
