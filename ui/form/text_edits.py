"""Text editors of the form: rich inline text that grows with its content.

Pasted rich text is reduced to bold, italic and links (the core's inline
sanitizer) and NFC; plain text is NFC. Key composition from input methods
(Telex, VNI, Unikey) is left entirely to Qt: nothing here intercepts
Backspace or pre-edit text.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QObject, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QFrame, QMenu, QSizePolicy, QTextEdit, QWidget

from editor.model import Block, HeadingBlock, ListBlock, ParagraphBlock
from editor.paste import PastedPictures, pictures_in_html
from editor.text import inline_to_plain, nfc
from editor.typing_steps import text_change
from ui.common.richtext import LINK_COLOUR, block_to_inline, insert_inline
from ui.document.document import Document
from ui.form.placeholder import WrappedPlaceholder
from ui.form.spell_check import SpellMenu, check_spelling

OBJECT_REPLACEMENT = "\ufffc"  # where QTextDocument puts a picture (here: one not copied)
_BULLET_STYLES = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)


@dataclass(frozen=True)
class PastedParagraph:
    text: str  # an inline fragment (a list item's with its bullet or number as text)
    heading_level: int = 0  # 2 or 3 for a heading (<h1>–<h6>), else 0
    # A list item (<li>): its text without the marker, and its list's kind and first number.
    item: str | None = None
    ordered: bool = False
    start: int = 1


def text_list_of(block: QTextBlock) -> QTextList | None:
    """The list a paragraph is an item of, if any. Asked only of a paragraph
    in a group: ``textList()`` of one in none returns a borrowed None under
    PySide6 6.12.0 (tools/refcount_probe.py), and this runs per pasted
    paragraph and per keystroke in a list."""
    if not block.blockFormat().hasProperty(QTextFormat.Property.ObjectIndex):
        return None
    return block.textList()


def _list_marker(block: QTextBlock) -> str:
    """A list item's bullet or number as text, indented by its depth, as
    the Word importer writes it: "• ", "◦ ", "2. "."""
    text_list = text_list_of(block)
    if text_list is None:
        return ""
    depth = max(0, text_list.format().indent() - 1)
    if text_list.format().style() in _BULLET_STYLES:
        marker = "•" if depth == 0 else "◦"
    else:
        marker = text_list.itemText(block) or "•"
    return "\u00a0\u00a0\u00a0\u00a0" * depth + marker + " "


def pasted_paragraphs(source: QMimeData) -> list[PastedParagraph]:
    """Clean paragraphs from pasted or dropped content: list items keep their
    bullet or number as text, headings are marked, and a paragraph that held
    only a picture that was not copied is left out (it would be an empty
    paragraph, or an "OBJ" box)."""
    if not source.hasHtml():
        text = nfc(source.text()).replace("\r\n", "\n")
        return [PastedParagraph(html.escape(line, quote=False)) for line in text.split("\n")]
    scratch = QTextDocument()
    scratch.setHtml(source.html())
    paragraphs: list[PastedParagraph] = []
    block = scratch.begin()
    while block.isValid():
        raw = block.text()
        if not (OBJECT_REPLACEMENT in raw and not raw.replace(OBJECT_REPLACEMENT, "").strip()):
            inline = block_to_inline(block)
            level = block.blockFormat().headingLevel()
            if level and inline:
                paragraphs.append(PastedParagraph(inline, 2 if level <= 2 else 3))
            elif text_list_of(block) is not None and inline:
                marker = _list_marker(block)
                list_format = _outermost_list(block).format()
                paragraphs.append(PastedParagraph(html.escape(marker, quote=False) + inline, item=inline,
                                                  ordered=list_format.style() not in _BULLET_STYLES, start=list_format.start()))
            else:
                paragraphs.append(PastedParagraph(inline))
        block = block.next()
    # Word and browsers wrap content in empty paragraphs: drop the edges.
    while paragraphs and not paragraphs[0].text:
        paragraphs.pop(0)
    while paragraphs and not paragraphs[-1].text:
        paragraphs.pop()
    return paragraphs


def paragraphs_from_mime(source: QMimeData) -> list[str]:
    """Clean inline paragraphs from pasted or dropped content."""
    return [paragraph.text for paragraph in pasted_paragraphs(source)]


def _outermost_list(block: QTextBlock) -> QTextList:
    """The list a (possibly nested) item belongs to at the top: its kind and
    first number are the list block's; nested items join it flattened."""
    found = text_list_of(block)
    assert found is not None  # asked of list items only
    previous = block.previous()
    while previous.isValid() and (earlier := text_list_of(previous)) is not None:
        if earlier.format().indent() < found.format().indent():
            found = earlier
        previous = previous.previous()
    return found


def blocks_from_paste(paragraphs: list[PastedParagraph]) -> list[Block]:
    """Pasted paragraphs as body blocks: headings become heading blocks, and
    consecutive list items one list block (bulleted or numbered, with its
    first number), as they were in the page copied from."""
    blocks: list[Block] = []
    open_list: tuple[bool, int] | None = None  # the kind and start of the list the last block is
    for p in paragraphs:
        if p.item is not None and open_list == (p.ordered, p.start) and isinstance(blocks[-1], ListBlock):
            blocks[-1].items = (*blocks[-1].items, p.item)
            continue
        if p.item is not None:
            blocks.append(ListBlock(items=(p.item,), ordered=p.ordered, start=p.start if p.ordered else 1))
            open_list = (p.ordered, p.start)
            continue
        open_list = None
        if p.heading_level:
            blocks.append(HeadingBlock(text=inline_to_plain(p.text), level=p.heading_level))
        else:
            blocks.append(ParagraphBlock(text=p.text))
    return blocks


def fit_to_lines(edit: QTextEdit, min_lines: int, max_lines: int | None) -> None:
    """Make ``edit`` as tall as its text, between ``min_lines`` and
    ``max_lines`` lines (no limit: None); past the limit it scrolls.

    So the fields under it stand still: they move only when the text
    wraps onto a new line, by that line, and never once the limit is
    reached. The height never depends on whether the field is empty: it is
    at least what its placeholder needs at this width (Qt wraps a text
    edit's placeholder and would cut it off at the bottom)."""
    line = edit.fontMetrics().lineSpacing()
    margins = 2 * edit.document().documentMargin()
    wanted = max(edit.document().size().height(), min_lines * line + margins)
    placeholder = edit.placeholderText()
    if placeholder:
        width = max(1, edit.viewport().width() - int(margins))
        shown = edit.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, placeholder)
        wanted = max(wanted, shown.height() + margins)
    limited = max_lines is not None and wanted > max_lines * line + margins
    if limited:
        wanted = max_lines * line + margins  # type: ignore[operator]
    # The scroll bar shows only past the limit: below it, a bar appearing for
    # a moment would narrow the text, wrap it again and shake the form.
    policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if limited else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    if edit.verticalScrollBarPolicy() != policy:
        edit.setVerticalScrollBarPolicy(policy)
    height = math.ceil(wanted) + 2 * edit.frameWidth() + 2
    if edit.minimumHeight() != height or edit.maximumHeight() != height:
        edit.setFixedHeight(height)


@dataclass
class PasteHandlers:
    """What the text fields of one form do with pasted content that is not
    text. The window makes one, gives it to its form (``Composer``), and
    fills it in once its intake exists; every field of that form reads the
    same object, so another window, or a test, can have handlers of its own.
    A handler left ``None``: that kind of paste is kept as text only."""

    # A picture pasted into a text field (it becomes an image block at the cursor).
    image: Callable[[QImage], None] | None = None
    # The pictures found in pasted HTML (photos, and web addresses that were not fetched).
    html_pictures: Callable[[PastedPictures], None] | None = None
    # Pasted content that holds headings or lists: body blocks to insert at the cursor.
    blocks: Callable[[list[Block]], None] | None = None


class RichTextEdit(QTextEdit):
    """A QTextEdit that grows with its text, inside the scrolling form, up
    to ``max_lines`` (then it scrolls)."""

    # A list's items, one paragraph each (ui/form/block_widgets.ListItemsEdit).
    holds_list_items = False

    focus_received = Signal()
    edge_reached = Signal(int)  # -1 when Up is pressed on the first line, +1 for Down on the last

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 1, max_lines: int | None = None,
                 single_paragraph: bool = False, paste: PasteHandlers | None = None) -> None:
        super().__init__(parent)
        self.paste_handlers = paste if paste is not None else PasteHandlers()
        self._single_paragraph = single_paragraph
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(6)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._placeholder = WrappedPlaceholder(self)
        self._fit_height()
        route_undo_keys(self)
        self.spelling: SpellMenu | None = None

    def check_spelling(self, document: Document) -> None:
        """Underline misspellings and offer their fixes on right-click."""
        if self.spelling is None:
            self.spelling = check_spelling(self, document)

    def context_menu_at(self, position: object) -> QMenu:
        """The right-click menu at ``position`` (viewport coordinates): the
        spelling fixes of the word there, then Qt's own entries."""
        menu = self.createStandardContextMenu(position)  # type: ignore[arg-type]
        if self.spelling is not None:
            self.spelling.add_actions(menu, self.cursorForPosition(position))  # type: ignore[arg-type]
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.setParent(None)  # type: ignore[call-overload] # closed: freed with its last reference, not kept under the field

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().paintEvent(event)
        self._placeholder.paint()

    def _fit_height(self, *args: object) -> None:
        fit_to_lines(self, self._min_lines, self._max_lines)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802
        super().setPlaceholderText(text)
        self._fit_height()  # the box is at least as tall as its placeholder

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().focusInEvent(event)
        self.focus_received.emit()

    # --- formatting --------------------------------------------------------
    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.currentCharFormat().fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def set_link(self, url: str, cursor: QTextCursor | None = None, text: str | None = None) -> None:
        """Make the selection of ``cursor`` (the edit's own by default) a
        link to ``url``; with ``text``, the link reads that instead (and is
        inserted at the cursor when nothing is selected). An empty ``url``
        removes the link."""
        cursor = QTextCursor(cursor) if cursor is not None else self.textCursor()
        if not url:
            self.remove_link(cursor)
            return
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setFontUnderline(True)
        fmt.setForeground(QColor(LINK_COLOUR))
        cursor.beginEditBlock()
        if text and text != cursor.selectedText():
            inserted = QTextCharFormat(cursor.charFormat())
            inserted.merge(fmt)
            cursor.insertText(text, inserted)
        elif cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        elif not text:
            inserted = QTextCharFormat(cursor.charFormat())
            inserted.merge(fmt)
            cursor.insertText(url.removeprefix("mailto:"), inserted)
        cursor.endEditBlock()
        # Typing after the link goes on in plain text.
        after = QTextCursor(cursor)
        after.clearSelection()
        self.setTextCursor(after)
        self.setCurrentCharFormat(_without_link(self.currentCharFormat()))

    def link_under_cursor(self) -> tuple[QTextCursor, str]:
        """The selection, or, with none, the whole link the cursor is in
        selected; and the address of the link there ("" for none)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            probe = QTextCursor(cursor)
            probe.setPosition(cursor.selectionStart() + 1)
            fmt = probe.charFormat()
            return cursor, fmt.anchorHref() if fmt.isAnchor() else ""
        block = cursor.block()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start, end = fragment.position(), fragment.position() + fragment.length()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref() and start <= cursor.position() <= end:
                href = fmt.anchorHref()
                # A link may be several fragments (a bold word inside it).
                first, last = start, end
                for other in _fragments(block):
                    if other.charFormat().anchorHref() == href and other.position() <= last and other.position() + other.length() >= first:
                        first, last = min(first, other.position()), max(last, other.position() + other.length())
                link = QTextCursor(self.document())
                link.setPosition(first)
                link.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                return link, href
            iterator += 1
        return cursor, ""

    def remove_link(self, cursor: QTextCursor | None = None) -> None:
        """Take the link off the selection (the whole link the cursor is in
        when nothing is selected); bold and italic stay."""
        if cursor is None or not cursor.hasSelection():
            cursor, href = self.link_under_cursor() if cursor is None else (cursor, "")
            if not cursor.hasSelection():
                return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.beginEditBlock()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            for fragment in _fragments(block):
                low, high = max(start, fragment.position()), min(end, fragment.position() + fragment.length())
                fmt = fragment.charFormat()
                if low >= high or not fmt.isAnchor():
                    continue
                part = QTextCursor(self.document())
                part.setPosition(low)
                part.setPosition(high, QTextCursor.MoveMode.KeepAnchor)
                part.setCharFormat(_without_link(fmt))
            block = block.next()
        cursor.endEditBlock()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_bold()
            return
        if event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
            return
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if self._single_paragraph and plain_enter:
            self.focusNextChild()
            return
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            before = self.textCursor().position()
            super().keyPressEvent(event)
            if self.textCursor().position() == before:  # the cursor could not move: at the edge
                self.edge_reached.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasImage() and not source.hasText() and self.paste_handlers.image is not None:
            self.paste_handlers.image(QImage(source.imageData()))
            return
        pasted = pasted_paragraphs(source)
        takes_blocks = not self._single_paragraph and not self.holds_list_items
        if takes_blocks and any(p.heading_level or p.item is not None for p in pasted) and self.paste_handlers.blocks is not None:
            # Headings and lists are blocks of their own: the body splits at the cursor around them.
            self.textCursor().removeSelectedText()
            self.paste_handlers.blocks(blocks_from_paste(pasted))
            self._report_html_pictures(source)
            return
        # Into a list, items come without their pasted bullets: the list shows its own.
        paragraphs = [p.item if self.holds_list_items and p.item is not None else p.text for p in pasted]
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        base = QTextCharFormat()
        for index, paragraph in enumerate(paragraphs):
            if index:
                if self._single_paragraph:
                    cursor.insertText(" ")
                else:
                    cursor.insertBlock()
            insert_inline(cursor, paragraph, base)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self._report_html_pictures(source)

    def _report_html_pictures(self, source: QMimeData) -> None:
        if source.hasHtml() and self.paste_handlers.html_pictures is not None:
            pictures = pictures_in_html(source.html())
            if pictures.blocks or pictures.left_out:
                self.paste_handlers.html_pictures(pictures)


INLINE_MAX_LINES = 6  # a lead, caption or quote taller than this scrolls


class InlineTextEdit(RichTextEdit):
    """One inline field (lead, caption, quote): an inline fragment in and out."""

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 1, max_lines: int = INLINE_MAX_LINES,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(parent, min_lines=min_lines, max_lines=max_lines, single_paragraph=True, paste=paste)

    def inline(self) -> str:
        parts = []
        block = self.document().begin()
        while block.isValid():
            parts.append(block_to_inline(block))
            block = block.next()
        return "<br>".join(part for part in parts)

    def set_inline(self, fragment: str) -> None:
        """Show ``fragment``, with the cursor where the text changed (an
        undo puts it back where the undone typing was)."""
        if fragment == self.inline():
            return
        before = self.toPlainText()
        self.document().clear()
        cursor = QTextCursor(self.document())
        insert_inline(cursor, fragment)
        cursor.setPosition(min(text_change(before, self.toPlainText()).new_end, self.document().characterCount() - 1))
        self.setTextCursor(cursor)


def _without_link(fmt: QTextCharFormat) -> QTextCharFormat:
    plain = QTextCharFormat(fmt)
    plain.clearProperty(QTextFormat.Property.AnchorHref)
    plain.clearProperty(QTextFormat.Property.IsAnchor)
    plain.clearForeground()
    plain.setFontUnderline(False)
    return plain


def _fragments(block: QTextBlock) -> list[QTextFragment]:
    found = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            found.append(fragment)
        iterator += 1
    return found


class UndoKeysToDocument(QObject):
    """Sends Undo/Redo keys past a text field to the window's actions, so
    Ctrl+Z undoes the article's last change (the document's undo stack), not
    a private history inside one field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
        return False


_undo_keys_filter: UndoKeysToDocument | None = None


def route_undo_keys(widget: QWidget) -> None:
    global _undo_keys_filter
    if _undo_keys_filter is None:
        _undo_keys_filter = UndoKeysToDocument()
    widget.installEventFilter(_undo_keys_filter)
    if isinstance(widget, QTextEdit):
        widget.setUndoRedoEnabled(False)
