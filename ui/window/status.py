"""Word count and reading time in the status bar, updated when typing pauses."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from editor.word_count import reading_minutes, word_count
from ui.common.language import Retranslating
from ui.document.document import Document


class WordCountLabel(Retranslating, QLabel):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._update)
        self._counts: dict[tuple[str, str], tuple[str, int]] = {}
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.reset):
            signal.connect(lambda *args: self._timer.start())
        document.reset.connect(lambda: self._counts.clear())
        self._update()

    def retranslate(self) -> None:
        self._update()

    def _update(self) -> None:
        if len(self._counts) > 2 * len(self._document.article.blocks) + 100:
            self._counts.clear()  # blocks removed long ago
        words = word_count(self._document.article, self._counts)
        minutes = reading_minutes(words)
        self.setText(self.tr("%n word(s)", "", words) + " · " + self.tr("%n min read", "", minutes))
