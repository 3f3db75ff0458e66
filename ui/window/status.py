"""Word count and reading time in the status bar, updated when typing pauses.

Each block's count is kept until its text changes, so a pause in typing
counts one paragraph. A count with many blocks not counted yet (an article
just opened: 40 ms of the UI thread at 36,000 words, issue 20) is made on a
worker thread from a snapshot, and shown when it is done.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from editor.word_count import not_counted, reading_minutes, word_count
from ui.common.language import Retranslating
from ui.common.workers import run_in_background
from ui.document.document import Document

# Blocks not counted yet past which the count is made off the UI thread.
COUNT_ON_A_WORKER_PAST = 100


class WordCountLabel(Retranslating, QLabel):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._update)
        self._counts: dict[tuple[str, str], tuple[str, int]] = {}
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.reset):
            signal.connect(lambda *args: self._timer.start())
        document.reset.connect(self._on_reset)
        self._generation = 0  # a worker's count made before the last reset is dropped
        self._update()

    def _on_reset(self) -> None:
        self._counts.clear()
        self._generation += 1

    def retranslate(self) -> None:
        self._update()

    def _update(self, on_this_thread: bool = False) -> None:
        if len(self._counts) > 2 * len(self._document.article.blocks) + 100:
            self._counts.clear()  # blocks removed long ago
        if not on_this_thread and not_counted(self._document.article, self._counts) > COUNT_ON_A_WORKER_PAST:
            snapshot, generation = self._document.snapshot(), self._generation
            counts: dict[tuple[str, str], tuple[str, int]] = {}

            def counted(_: int) -> None:
                if generation == self._generation:
                    self._counts.update(counts)  # keyed by the very strings of the snapshot's blocks
                    self._update(on_this_thread=True)  # what changed since, if anything, counted here

            run_in_background(lambda: word_count(snapshot, counts), counted, lambda error: None, context=self)
            return
        words = word_count(self._document.article, self._counts)
        minutes = reading_minutes(words)
        self.setText(self.tr("%n word(s)", "", words) + " · " + self.tr("%n min read", "", minutes))
