"""Vietnamese text hygiene in the window: legacy-font text (TCVN3, VNI) is
converted to Unicode as it arrives, and *Unify tone marks* applies the site
profile's style. Both are one undo step each.

Text arrives by pasting, dropping, importing a Word document or opening an
article. The guard looks at what each change added; if that reads as legacy
text it converts just that, as its own step, so one Undo gives back exactly
what came in, and it is not converted again.

A whole article (opened, imported) is read in slices of a few milliseconds,
block by block, between which the window runs: at once it took 200 ms of
the UI thread for a 36,000-word article (issue 20). What a slice read is
converted only if that text is still the same when the last slice is done;
a text the user changed meanwhile is read again, whole, afterwards.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.fields import Location, block_texts, field_texts
from editor.find_replace import Change
from editor.vietnamese import NAMES, convert_legacy, legacy_change, tone_mark_changes
from ui.document.document import Document


def _inserted(old: str, new: str) -> tuple[str, str, str]:
    """``new`` as (unchanged start, what was added or replaced, unchanged end)."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return new[:start], new[start : len(new) - end], new[len(new) - end :]


class _WholeArticle:
    """The reading of a whole article, slice by slice: its blocks as they
    were when it began (a block added since is read as a change)."""

    def __init__(self, document: Document) -> None:
        self.block_ids = [block.id for block in document.article.blocks]
        self.next = -1  # -1: the article's own fields, then blocks by position in block_ids
        self.read: dict[Location, str] = {}
        self.changes: list[tuple[Change, set[str]]] = []  # with the encodings each was found in


class LegacyTextGuard(QObject):
    converted = Signal(str)  # a message for the status bar

    # The UI thread's time one slice of a whole-article reading may take.
    # The window's heartbeat goal is 50 ms without a stall; a block's text
    # takes well under a millisecond.
    SLICE_S = 0.008

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._seen: dict[Location, str] = {}
        # Values the guard converted: if Undo brings one back, it stays.
        self._taken_back: set[tuple[Location, str]] = set()
        self._scheduled = False
        self._whole_article = True
        self._reading: _WholeArticle | None = None
        self._slice_timer = QTimer(self)
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._read_slice)
        # What changed since the last look: block ids, None for the
        # article's own fields. Only those are read again, so a keystroke in
        # a 1,000-block article costs what it costs in a short one.
        self._changed: set[str | None] = set()
        document.reset.connect(self._on_reset)
        document.field_changed.connect(lambda name: self._note(None))
        document.block_changed.connect(self._note)
        document.blocks_replaced.connect(self._on_blocks_replaced)
        self._schedule()

    def _on_reset(self) -> None:
        self._seen.clear()
        self._taken_back.clear()
        self._changed.clear()
        self._whole_article = True
        self._reading = None  # another article: what was read of the last one is dropped
        self._slice_timer.stop()
        self._schedule()

    def is_reading(self) -> bool:
        """True while a whole article is still being read."""
        return self._reading is not None or self._whole_article

    def _note(self, block_id: str | None) -> None:
        self._changed.add(block_id)
        self._schedule()

    def _on_blocks_replaced(self, start: int, removed: int, added: int) -> None:
        for block in self._document.article.blocks[start : start + added]:
            self._changed.add(block.id)
        self._schedule()

    def _schedule(self) -> None:
        # After the event that changed the article: a paste reaches the
        # document in steps, and the conversion must come after all of them.
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self.check_now)

    def check_now(self) -> None:
        self._scheduled = False
        if self._whole_article:
            # A newly opened or imported article: each field on its own, in slices.
            self._whole_article = False
            self._reading = _WholeArticle(self._document)
            self._read_slice()
            return
        if self._reading is not None:
            return  # the changes wait for the whole reading, which looks at them when done
        changed, self._changed = self._changed, set()
        texts = self._texts_of_changed(changed)
        changes, found = self._changes_in_new_text(texts)
        self._seen.update(texts)
        self._apply(changes, found)

    def _read_slice(self) -> None:
        reading = self._reading
        if reading is None:
            return
        article = self._document.article
        deadline = time.perf_counter() + self.SLICE_S
        while reading.next < len(reading.block_ids):
            if reading.next == -1:
                texts = field_texts(article)
            else:
                try:
                    index = self._document.index_of(reading.block_ids[reading.next])
                except KeyError:
                    texts = []  # removed since
                else:
                    texts = block_texts(article.blocks[index], index)
            reading.next += 1
            for text in texts:
                reading.read[text.location] = text.value
                converted = legacy_change(text)
                if converted is not None:
                    reading.changes.append(converted)
            if time.perf_counter() > deadline:
                self._slice_timer.start()  # the window runs, then the next slice
                return
        self._reading = None
        self._finish_reading(reading)

    def _finish_reading(self, reading: _WholeArticle) -> None:
        # Texts changed since their slice read them (the user typed, a paste
        # came): that reading no longer holds. They are left out of what
        # was seen, so the check of the changes that follows reads them
        # again whole, as texts never seen.
        now = dict(self._current_texts({location.block_id for location in reading.read} & self._changed))
        stale = {location for location in reading.read if location in now and now[location] != reading.read[location]}
        stale |= {location for location in reading.read if location.block_id is not None and not self._holds(location.block_id)}
        self._seen = {location: value for location, value in reading.read.items() if location not in stale}
        kept = [(change, encodings) for change, encodings in reading.changes if change.location not in stale]
        self._apply([change for change, _ in kept], set().union(*(encodings for _, encodings in kept)))
        if self._changed:
            self._schedule()

    def _holds(self, block_id: str) -> bool:
        try:
            self._document.index_of(block_id)
        except KeyError:
            return False
        return True

    def _current_texts(self, holders: set[str | None]) -> list[tuple[Location, str]]:
        """The texts now in ``holders``: block ids, None for the article's own fields."""
        article = self._document.article
        texts = [(text.location, text.value) for text in field_texts(article)] if None in holders else []
        for block_id in holders - {None}:
            try:
                index = self._document.index_of(block_id)  # type: ignore[arg-type]
            except KeyError:
                continue
            texts.extend((text.location, text.value) for text in block_texts(article.blocks[index], index))
        return texts

    def _apply(self, changes: list[Change], found: set[str]) -> None:
        if not changes:
            return
        names = " / ".join(NAMES[name] for name in sorted(found))
        for change in changes:
            self._taken_back.add((change.location, self._seen[change.location]))
        self._document.apply_text_changes(changes, self.tr("Convert %s text to Unicode") % names)
        self.converted.emit(self.tr("Text in the old %s font encoding was converted to Unicode. Undo (Ctrl+Z) keeps it as it was.") % names)

    def _texts_of_changed(self, changed: set[str | None]) -> list[tuple[Location, str]]:
        """The texts of the changed fields and blocks still in the article, in reading order."""
        article = self._document.article
        texts = [(text.location, text.value) for text in field_texts(article)] if None in changed else []
        where = []
        for block_id in changed - {None}:
            try:
                where.append(self._document.index_of(block_id))  # type: ignore[arg-type]
            except KeyError:
                continue  # removed since
        for index in sorted(where):
            texts.extend((text.location, text.value) for text in block_texts(article.blocks[index], index))
        return texts

    def _changes_in_new_text(self, texts: list[tuple[Location, str]]) -> tuple[list[Change], set[str]]:
        changes, found = [], set()
        for location, text in texts:
            before = self._seen.get(location, "")
            if text == before or (location, text) in self._taken_back:
                continue
            start, added, end = _inserted(before, text)
            # Only non-ASCII characters change, so the tags and entities of
            # an inline field's added part are safe.
            converted, encodings = convert_legacy(added)
            if encodings:
                changes.append(Change(location, start + converted + end, 1))
                found |= encodings
        return changes, found


def unify_tone_marks(document: Document, style: str) -> int:
    """Apply ``style`` ("old" or "new") to the whole article as one undo
    step; the number of fields changed."""
    changes = tone_mark_changes(document.article, style)
    label = QCoreApplication.translate("Document", "Unify tone marks")
    document.apply_text_changes(changes, label)
    return len(changes)
