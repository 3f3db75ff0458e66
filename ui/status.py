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


def word_count(article: Article, cache: dict[str, tuple[str, int]] | None = None) -> int:
    """Words in the title, lead and text blocks. With ``cache`` (block id ->
    (text, count)), a block whose text is the very string counted before is
    not counted again: blocks are copy-on-write (ui/document.py), so at
    36,000 words a pause in typing counts one paragraph, not all of them."""
    total = len(article.title.split()) + len(inline_to_plain(article.lead).split())
    for block in article.blocks:
        if not isinstance(block, (ParagraphBlock, QuoteBlock, HeadingBlock)):
            continue
        known = cache.get(block.id) if cache is not None else None
        if known is not None and known[0] is block.text:
            total += known[1]
            continue
        count = len((block.text if isinstance(block, HeadingBlock) else inline_to_plain(block.text)).split())
        if cache is not None:
            cache[block.id] = (block.text, count)
        total += count
    return total


class WordCountLabel(Retranslating, QLabel):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._update)
        self._counts: dict[str, tuple[str, int]] = {}
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
        minutes = max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
        self.setText(self.tr("%n word(s)", "", words) + " · " + self.tr("%n min read", "", minutes))
