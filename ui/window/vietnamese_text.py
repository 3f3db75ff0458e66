"""Vietnamese text hygiene in the window: legacy-font text (TCVN3, VNI) is
converted to Unicode as it arrives, and *Unify tone marks* applies the site
profile's style. Both are one undo step each.

Text arrives by pasting, dropping, importing a Word document or opening an
article. The guard looks at what each change added; if that reads as legacy
text it converts just that, as its own step, so one Undo gives back exactly
what came in, and it is not converted again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from editor.fields import Location, article_texts, block_texts, field_texts
from editor.find_replace import Change
from editor.vietnamese import NAMES, convert_legacy, legacy_changes, tone_mark_changes
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


class LegacyTextGuard(QObject):
    converted = Signal(str)  # a message for the status bar

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._seen: dict[Location, str] = {}
        # Values the guard converted: if Undo brings one back, it stays.
        self._taken_back: set[tuple[Location, str]] = set()
        self._scheduled = False
        self._whole_article = True
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
        self._whole_article = True
        self._schedule()

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
        article = self._document.article
        changed, self._changed = self._changed, set()
        if self._whole_article:
            # A newly opened or imported article: each field on its own.
            self._whole_article = False
            changes, found = legacy_changes(article)
            self._seen = {text.location: text.value for text in article_texts(article)}
        else:
            texts = self._texts_of_changed(changed)
            changes, found = self._changes_in_new_text(texts)
            self._seen.update(texts)
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
