"""Word count and reading time in the status bar, updated when typing pauses."""

from __future__ import annotations

import math

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from editor.model import Article, HeadingBlock, ParagraphBlock, QuoteBlock
from editor.text import inline_to_plain
from ui.document import Document
from ui.language import Retranslating

WORDS_PER_MINUTE = 200  # an unhurried reader of Vietnamese news


def word_count(article: Article) -> int:
    texts = [article.title, inline_to_plain(article.lead)]
    for block in article.blocks:
        if isinstance(block, (ParagraphBlock, QuoteBlock, HeadingBlock)):
            texts.append(inline_to_plain(block.text) if not isinstance(block, HeadingBlock) else block.text)
    return sum(len(text.split()) for text in texts)


class WordCountLabel(Retranslating, QLabel):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._update)
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.reset):
            signal.connect(lambda *args: self._timer.start())
        self._update()

    def retranslate(self) -> None:
        self._update()

    def _update(self) -> None:
        words = word_count(self._document.article)
        minutes = max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
        self.setText(self.tr("%n word(s)", "", words) + " · " + self.tr("%n min read", "", minutes))
