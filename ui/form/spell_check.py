"""The spell check in the form's text fields: a red wavy underline under
what ``editor.spelling`` flags, and a right-click menu to fix it.

The underline is a ``QSyntaxHighlighter``: Qt calls it for the paragraph
that changed (and the ones it pushed down), never for the whole field, and
its formats live in the layout, not in the text: they are not part of what
the form reads back, not in the undo history, and input methods' pre-edit
text is drawn over them as Qt always draws it.

Fixes go through the field's own text cursor, inside the document's
``one_step``: the form reads the text back as it does after typing, and
the fix is one undo step of its own.
"""

from __future__ import annotations

import dataclasses
import time
import unicodedata
import weakref
from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QTextEdit

from editor import spelling
from editor.errors import ArticleError
from ui.common.workers import run_in_background
from ui.document.document import Document

MAX_MENU_SUGGESTIONS = 5
# Paragraph texts already checked, per field: Qt highlights the paragraph
# after the one typed in too (to see whether its state changed), and that
# one has not changed: it is not checked again.
_REMEMBERED = 256
# Checking per event: typing touches a paragraph or two, well within it; a
# whole article shown at once (opening 1,000 paragraphs) is underlined so
# far in that event and the rest in later ones, a slice at a time, so that
# opening it is not slower by the check and no event of it long.
BUDGET_MS = 8.0
# Paragraphs checked further apart than this are not one showing but two
# edits (keys come tens of milliseconds apart): each gets its own budget.
APART_MS = 20.0

# The tables are made once, off the UI thread (a fraction of a second):
# until then nothing is underlined, and then every field is checked.
_waiting: weakref.WeakSet[SpellHighlighter] = weakref.WeakSet()
_preparing = False
_held = False


def hold_tables() -> None:
    """Make no tables until ``release_tables()``. The app's window holds
    them while it starts: made on a worker as the form was built, their
    fifth of a second of Python took the interpreter's lock from the UI
    thread, and the window's first paint came 0.58 s after launch instead
    of 0.34 s (benchmarks/launch_timeline.py, under Xvfb)."""
    global _held
    _held = True


def release_tables() -> None:
    """Make the tables now if a field waits for them (the window's tools have started)."""
    global _held
    _held = False
    _start_preparing()


def _prepare_tables(highlighter: SpellHighlighter) -> None:
    _waiting.add(highlighter)
    _start_preparing()


def _start_preparing() -> None:
    global _preparing
    waiting = next((highlighter for highlighter in _waiting if shiboken6.isValid(highlighter)), None)
    if _preparing or _held or waiting is None:
        return
    _preparing = True

    def ready(_: object) -> None:
        for highlighter in list(_waiting):
            if shiboken6.isValid(highlighter):
                highlighter.refresh()
        _waiting.clear()

    def failed(error: ArticleError) -> None:  # never seen: the tables are made from the app's own files
        _waiting.clear()

    style = waiting.style()  # the suggestions' tables too: the first right-click then waits for nothing
    run_in_background(lambda: spelling.prepare(style), ready, failed, priority=-1)


def _utf16_offsets(text: str) -> list[int] | None:
    """Qt counts in UTF-16 units: the offset of each character, or None
    when every character is one unit (all of Vietnamese)."""
    if all(ord(char) < 0x10000 for char in text):
        return None
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += 2 if ord(char) >= 0x10000 else 1
    offsets.append(position)
    return offsets


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspellings in one text field's QTextDocument."""

    def __init__(self, edit: QTextEdit, document: Document) -> None:
        super().__init__(edit.document())
        self._document = document
        # One format, made once and kept: setFormat copies it. No getter
        # returning a Qt-owned value is called on it in the hot path
        # (fontFamilies() returns a borrowed None under PySide6 6.12).
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(0xD0, 0x00, 0x00))
        self._checked: dict[str, list[spelling.Misspelling]] = {}
        self._in_turn = False  # paragraphs were checked in this event already
        self._spent_ms = 0.0  # checking them took this long
        self._last_checked = 0.0
        self._later: deque[QTextBlock] = deque()  # paragraphs left for later events
        self._catching_up = False
        document.spelling_changed.connect(self.refresh)
        if not spelling.is_prepared():
            _prepare_tables(self)

    def style(self) -> str:
        return self._document.spelling_options().style

    def refresh(self) -> None:
        """Underline the whole field again (the tables are ready, the site's
        words changed). Qt's ``rehighlight`` announces a change of contents,
        which the form would take for an edit and read back (an empty lead
        over the one just opened): the announcement is held back; the view
        is repainted all the same, through its layout."""
        self._checked.clear()
        self._later.clear()
        text_document = self.document()
        if text_document is None:
            return
        held = text_document.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            text_document.blockSignals(held)

    def findings(self, text: str) -> list[spelling.Misspelling]:
        """What is flagged in one paragraph's text, with Qt's offsets."""
        if not spelling.is_prepared() or not text or not unicodedata.is_normalized("NFC", text):
            return []  # text is NFC in every field; a pre-edit stretch may not be yet
        found = self._checked.get(text)
        if found is None:
            if len(self._checked) >= _REMEMBERED:
                self._checked.clear()
            found = self._checked[text] = spelling.check_text(text, self._document.spelling_options())
        offsets = _utf16_offsets(text)
        if offsets is None:
            return found
        return [dataclasses.replace(f, start=offsets[f.start], end=offsets[f.end]) for f in found]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._catching_up and self._over_budget():
            if not self._later:
                QTimer.singleShot(0, self, self._catch_up)
            self._later.append(self.currentBlock())
            return
        start = time.perf_counter()
        for finding in self.findings(text):
            self.setFormat(finding.start, finding.end - finding.start, self._format)
        self._last_checked = time.perf_counter()
        self._spent_ms += (self._last_checked - start) * 1000

    def _over_budget(self) -> bool:
        """Whether this event's checking has used its budget (Qt's own work between paragraphs not counted)."""
        if not self._in_turn or (time.perf_counter() - self._last_checked) * 1000 > APART_MS:
            if not self._in_turn:
                QTimer.singleShot(0, self, self._end_turn)
            self._in_turn, self._spent_ms = True, 0.0
        return self._spent_ms > BUDGET_MS

    def _end_turn(self) -> None:
        self._in_turn = False

    def _catch_up(self) -> None:
        """Underline a slice of the paragraphs left for later; the next slice in the next event."""
        text_document = self.document()
        if text_document is None:
            self._later.clear()
            return
        start = time.perf_counter()
        held = text_document.blockSignals(True)  # as in refresh: no edit to read back
        self._catching_up = True
        try:
            while self._later:  # at least one paragraph per event, then as many as the budget allows
                block = self._later.popleft()
                if block.isValid():
                    self.rehighlightBlock(block)
                if (time.perf_counter() - start) * 1000 >= BUDGET_MS:
                    break
        finally:
            self._catching_up = False
            text_document.blockSignals(held)
        if self._later:
            QTimer.singleShot(0, self, self._catch_up)

    def pending(self) -> int:
        """How many paragraphs wait to be underlined."""
        return len(self._later)


class SpellMenu(QObject):
    """The right-click menu's spelling part for one field."""

    def __init__(self, edit: QTextEdit, document: Document, highlighter: SpellHighlighter) -> None:
        super().__init__(edit)
        self._edit = edit
        self._document = document
        self._highlighter = highlighter

    def finding_at(self, cursor: QTextCursor) -> tuple[spelling.Misspelling, int] | None:
        """The finding under ``cursor`` and where its paragraph starts."""
        block = cursor.block()
        at = cursor.position() - block.position()
        for finding in self._highlighter.findings(block.text()):
            if finding.start <= at <= finding.end:
                return finding, block.position()
        return None

    def add_actions(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put the suggestions and the spelling actions at the top of ``menu``."""
        found = self.finding_at(cursor)
        if found is None:
            return
        finding, block_start = found
        first = menu.actions()[0] if menu.actions() else None
        actions: list[QAction] = []
        suggestions = self._suggestions(finding)
        for suggestion in suggestions[:MAX_MENU_SUGGESTIONS]:
            label = self.tr("Convert to “%s”") % suggestion if finding.kind == spelling.TELEX else suggestion
            actions.append(self._action(menu, label, lambda s=suggestion: self.replace(finding, block_start, s)))
        if not suggestions:
            no_suggestion = QAction(self.tr("(no suggestion)"), menu)
            no_suggestion.setEnabled(False)
            actions.append(no_suggestion)
        actions.append(self._action(menu, self.tr("Add to the site's dictionary"), lambda: self._document.add_to_dictionary(finding.word)))
        actions.append(self._action(menu, self.tr("Ignore in this article"), lambda: self._document.ignore_word(finding.word)))
        separator = QAction(menu)
        separator.setSeparator(True)
        actions.append(separator)
        menu.insertActions(first, actions)  # type: ignore[arg-type]

    def _action(self, menu: QMenu, label: str, slot: Callable[[], None]) -> QAction:
        action = QAction(label, menu)
        action.triggered.connect(lambda checked=False: slot())
        return action

    def _suggestions(self, finding: spelling.Misspelling) -> tuple[str, ...]:
        if finding.kind in (spelling.TELEX, spelling.MARK, spelling.CONFUSED):
            return finding.suggestions  # the conversion, the mark's fix or the right phrase, made already
        # Not made by the highlighter (it only underlines): made now, once per word.
        again = spelling.check_text(finding.word, self._document.spelling_options(suggest=True))
        return again[0].suggestions if again else ()

    def replace(self, finding: spelling.Misspelling, block_start: int, text: str) -> None:
        """Put ``text`` in place of the finding, keeping its formatting, as one undo step."""
        cursor = QTextCursor(self._edit.document())
        cursor.setPosition(block_start + finding.start)
        cursor.setPosition(block_start + finding.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != finding.word:
            return  # the text changed under the menu
        label = self.tr("Convert Telex") if finding.kind == spelling.TELEX else self.tr("Correct spelling")
        with self._document.one_step(label):
            cursor.beginEditBlock()
            cursor.insertText(text)  # takes the format of the word's first letter
            cursor.endEditBlock()


def check_spelling(edit: QTextEdit, document: Document) -> SpellMenu:
    """Underline misspellings in ``edit`` and offer their fixes on right-click."""
    return SpellMenu(edit, document, SpellHighlighter(edit, document))
