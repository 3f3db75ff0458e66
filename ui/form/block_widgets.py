"""One widget per segment of the body: a run of paragraphs, a heading, a
quote, a list, or a photo. Each sits in a ``BlockFrame`` with a drag handle and a
remove button, and talks to the document through its intent methods."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QFontInfo, QKeyEvent, QMouseEvent, QPixmap, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat, QTextListFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import ArticleError
from editor.fields import text_fields
from editor.model import MAX_LIST_START, MIN_LIST_START, Block, HeadingBlock, ImageBlock, ListBlock, ParagraphBlock, QuoteBlock, new_block_id
from editor.typing_steps import text_change
from ui.common.image_cache import ImageCache
from ui.common.language import Retranslating, field_label
from ui.common.last_folder import FolderKind, last_folder, remember_folder
from ui.common.richtext import block_to_inline, insert_inline
from ui.form.sync import show_in_line_edit
from ui.form.text_edits import InlineTextEdit, PasteHandlers, RichTextEdit, route_undo_keys, text_list_of

if TYPE_CHECKING:
    from ui.document.document import Document

BLOCK_MIME = "application/x-toasoan-blocks"
ID_PROPERTY = QTextFormat.Property.UserProperty + 1
_WHOLE = (-1, -1)  # TextSegment: read the whole editor back
SHOWN_ONE_BY_ONE = 8  # more changed paragraphs than this, and the whole run is shown again


def name_for_readers(widget: QWidget, block_type: type[Block], field_name: str) -> None:
    """Give an edit without a visible label the field's declared label as its
    accessible name (what a screen reader says on entering it)."""
    field = next(field for field in text_fields(block_type) if field.name == field_name)
    widget.setAccessibleName(field_label(field, shortcut=False))


class DragHandle(Retranslating, QLabel):
    """The grip at a block's left: drag it to move the block."""

    def __init__(self, frame: BlockFrame) -> None:
        super().__init__("⋮⋮", frame)
        self._frame = frame
        self._press: QPoint | None = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.retranslate()
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setFixedWidth(18)
        self.setStyleSheet("color: #888; font-weight: bold; padding-top: 6px;")

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Drag to move this block (or Alt+Up / Alt+Down)"))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or (event.position().toPoint() - self._press).manhattanLength() < 6:
            return
        self._press = None
        mime = QMimeData()
        mime.setData(BLOCK_MIME, ",".join(self._frame.block_ids()).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self._frame.grab().scaledToWidth(240, Qt.TransformationMode.SmoothTransformation))
        drag.exec(Qt.DropAction.MoveAction)


class BlockFrame(Retranslating, QFrame):
    """Common frame of every segment: handle, content, remove button."""

    focused = Signal(str)  # the id of the block the user is in
    edge_reached = Signal(int)  # -1 / +1: move focus to the previous / next segment
    move_requested = Signal(str, int)  # block id, -1 / +1 (Alt+Up / Alt+Down)
    remove_requested = Signal()

    kind = ""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("blockFrame")
        self.content = QWidget(self)
        self.remove_button = remove = QToolButton(self, text="✕")
        remove.setAutoRaise(True)
        remove.clicked.connect(self.remove_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 4, 2, 4)
        row.addWidget(DragHandle(self))
        row.addWidget(self.content, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        # Each kind of segment calls retranslate() once its widgets exist.

    def retranslate(self) -> None:
        self.remove_button.setToolTip(self.tr("Remove this block"))
        self.remove_button.setAccessibleName(self.tr("Remove this block"))

    def block_ids(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rebind(self, ids: tuple[str, ...]) -> None:
        """Show other blocks of this kind: a segment is reused, never deleted
        (see BlocksEditor._retire)."""
        raise NotImplementedError

    def retire(self) -> None:
        """Let go of the blocks shown, while the segment waits for reuse."""
        self.rebind(())

    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.kind, self.block_ids()

    def show_model(self) -> None:
        """Update the widgets from the model (after undo, redo, open)."""
        raise NotImplementedError

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        raise NotImplementedError

    def _watch_keys(self, widget: QWidget, block_id_of: Callable[[], str]) -> None:
        """Alt+Up/Down on ``widget`` asks to move its block."""
        widget.installEventFilter(_MoveKeys(self, block_id_of, widget))


class _MoveKeys(QObject):
    def __init__(self, frame: BlockFrame, block_id_of: Callable[[], str], parent: QObject) -> None:
        super().__init__(parent)
        self._frame = frame
        self._block_id_of = block_id_of

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._frame.move_requested.emit(self._block_id_of(), -1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return False


class EdgeLineEdit(QLineEdit):
    """A line edit whose Up/Down keys move to the previous/next block."""

    edge_reached = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        route_undo_keys(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.edge_reached.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class ParagraphsEdit(RichTextEdit):
    """Many paragraphs in one editor; each QTextBlock carries its model id."""

    def __init__(self, parent: QWidget | None = None, *, paste: PasteHandlers | None = None) -> None:
        super().__init__(parent, min_lines=2, paste=paste)

    def paragraph_format(self) -> QTextBlockFormat:
        """A paragraph spaced as on the page (article.css: ``margin: 0 0
        1em``), so paragraphs do not run together; Enter copies it."""
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(QFontInfo(self.font()).pixelSize())
        return fmt

    def paragraphs(self) -> list[tuple[str | None, str]]:
        return self.paragraphs_between(0, self.document().blockCount() - 1)

    def paragraphs_between(self, first: int, last: int) -> list[tuple[str | None, str]]:
        """The paragraphs ``first``..``last`` (QTextBlock numbers) as (model
        id, inline text): the only read-back of the text a keystroke makes."""
        result = []
        block = self.document().findBlockByNumber(first)
        while block.isValid() and block.blockNumber() <= last:
            # A new paragraph (Enter) has no id yet. Ask before reading:
            # property() of an absent property returns a borrowed None under
            # PySide6 6.12.0 (tools/refcount_probe.py).
            fmt = block.blockFormat()
            block_id = fmt.stringProperty(ID_PROPERTY) if fmt.hasProperty(ID_PROPERTY) else None
            result.append((block_id or None, block_to_inline(block)))
            block = block.next()
        return result

    def set_id(self, index: int, block_id: str) -> None:
        block = self.document().findBlockByNumber(index)
        cursor = QTextCursor(block)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setProperty(ID_PROPERTY, block_id)
        cursor.setBlockFormat(fmt)

    def show_paragraphs(self, paragraphs: list[ParagraphBlock]) -> None:
        position = self.textCursor().position()
        self.document().clear()
        cursor = QTextCursor(self.document())
        for index, paragraph in enumerate(paragraphs):
            if index:
                cursor.insertBlock()
            fmt = self.paragraph_format()
            fmt.setProperty(ID_PROPERTY, paragraph.id)
            cursor.setBlockFormat(fmt)
            insert_inline(cursor, paragraph.text)
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def show_paragraph(self, index: int, paragraph: ParagraphBlock) -> None:
        """Show another text in one paragraph, the rest left as it is, with
        the cursor where the text changed (an undo puts it back there)."""
        shown = self.document().findBlockByNumber(index)
        before = shown.text()
        cursor = QTextCursor(shown)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()  # the paragraph's format, and its id, stay
        insert_inline(cursor, paragraph.text)
        cursor.endEditBlock()
        shown = self.document().findBlockByNumber(index)
        cursor.setPosition(shown.position() + text_change(before, shown.text()).new_end)
        self.setTextCursor(cursor)

    def current_index(self) -> int:
        return self.textCursor().blockNumber()


class TextSegment(BlockFrame):
    """A run of consecutive paragraph blocks, edited as one text.

    A keystroke costs the same in a 1,000-block article as in a short one:
    the document's ``contentsChange`` says which paragraphs an edit touched,
    only those are read back from the editor and compared, and ``_shown``
    (what the editor shows, as (id, text) per paragraph) stands for the rest.
    """

    kind = "text"

    def __init__(self, document: Document, ids: tuple[str, ...], parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(document, parent)
        self._ids = ids
        self._updating = False
        self._shown: list[tuple[str, str]] = []
        # QTextBlock numbers (first, last) of the edit not yet read back, or
        # _WHOLE when the editor must be read back entirely.
        self._touched: tuple[int, int] | None = _WHOLE
        self.editor = ParagraphsEdit(self.content, paste=paste)
        self.editor.check_spelling(document)
        self.retranslate()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.editor.document().contentsChange.connect(self._on_contents_change)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.cursorPositionChanged.connect(self._on_editor_cursor_moved)
        self.editor.focus_received.connect(self._on_editor_cursor_moved)
        self.editor.edge_reached.connect(self.edge_reached)
        self._watch_keys(self.editor, self.current_block_id)
        self.show_model()

    def retranslate(self) -> None:
        super().retranslate()
        self.editor.setPlaceholderText(self.tr("Write the article here. Enter starts a new paragraph."))
        name_for_readers(self.editor, ParagraphBlock, "text")

    def block_ids(self) -> tuple[str, ...]:
        return self._ids

    def rebind(self, ids: tuple[str, ...]) -> None:
        """Show another run of paragraphs (after undo joined or split them),
        keeping this editor, its focus and its cursor; () when retired."""
        self._ids = ids
        self.show_model()

    def current_block_id(self) -> str:
        return self._ids[min(self.editor.current_index(), len(self._ids) - 1)]

    def selected_block_ids(self) -> tuple[str, ...]:
        """The paragraphs the selection touches (the cursor's one without a selection)."""
        cursor = self.editor.textCursor()
        document = self.editor.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber()
        last = document.findBlock(cursor.selectionEnd()).blockNumber()
        last = min(max(first, last), len(self._ids) - 1)
        return self._ids[min(first, last) : last + 1]

    def _model_run(self) -> list[ParagraphBlock]:
        return [self.document.block(block_id) for block_id in self._ids]  # type: ignore[misc]

    def show_model(self) -> None:
        run = self._model_run()
        if len(run) == len(self._shown) and all(block.id == shown[0] for block, shown in zip(run, self._shown, strict=True)):
            changed = [index for index, (block, shown) in enumerate(zip(run, self._shown, strict=True)) if block.text != shown[1]]
            if len(changed) <= SHOWN_ONE_BY_ONE:
                # Nothing, or an undone keystroke: only those paragraphs are shown again.
                self._updating = True
                try:
                    for index in changed:
                        self.editor.show_paragraph(index, run[index])
                finally:
                    self._updating = False
                for index in changed:
                    self._shown[index] = (run[index].id, run[index].text)
                return
        self._updating = True
        try:
            self.editor.show_paragraphs(run)
        finally:
            self._updating = False
        self._shown = [(block.id, block.text) for block in run]
        self._touched = None

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        index = self._ids.index(block_id) if block_id in self._ids else 0
        block = self.editor.document().findBlockByNumber(index)
        cursor = QTextCursor(block)
        if at_end:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def _on_editor_cursor_moved(self) -> None:
        if self.editor.hasFocus():
            self.focused.emit(self.current_block_id())

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._updating:
            return
        if self._touched is not None:
            # A second edit before the first was read back: its numbers may
            # have moved, so read everything (never seen: Qt sends one
            # contentsChange per edit block, then textChanged).
            self._touched = _WHOLE
            return
        document = self.editor.document()
        first = document.findBlock(position).blockNumber()
        last = document.findBlock(position + added).blockNumber()
        if first < 0:
            self._touched = _WHOLE
            return
        self._touched = (first, last if last >= first else document.blockCount() - 1)

    def _on_editor_text_changed(self) -> None:
        if self._updating:
            return
        touched, self._touched = self._touched, None
        count = self.editor.document().blockCount()
        grown = count - len(self._shown)  # paragraphs added (Enter) or, below 0, joined
        if touched is None or touched is _WHOLE or touched[1] - grown < touched[0] - 1:
            first, last = 0, count - 1
        else:
            first, last = touched
        # The edit replaced old paragraphs first..old_last with new first..last;
        # those before and after it are as shown.
        old_last = last - grown
        read = self.editor.paragraphs_between(first, last)
        if not grown and all(block_id == shown[0] for (block_id, _), shown in zip(read, self._shown[first : last + 1], strict=False)):
            # Typing: only texts changed, each paragraph keeps its id.
            for index, (block_id, text) in enumerate(read, first):
                if text != self._shown[index][1]:
                    self._shown[index] = (block_id, text)  # type: ignore[assignment]
                    self.document.set_block_field(block_id, "text", text, self.tr("Typing"))  # type: ignore[arg-type]
            return
        self._restructure(first, old_last, read)

    def _restructure(self, first: int, old_last: int, read: list[tuple[str | None, str]]) -> None:
        """Paragraphs were split (Enter), joined (Backspace) or pasted: the
        changed ones become blocks, as one undo step. Enter copies the block
        format, id included: the first keeps the id, the new paragraph gets
        a fresh one."""
        kept_before, kept_after = self._shown[:first], self._shown[old_last + 1 :]
        seen = {block_id for block_id, _ in kept_before} | {block_id for block_id, _ in kept_after}
        changed: list[tuple[str, str]] = []
        self._updating = True
        try:
            for index, (block_id, text) in enumerate(read, first):
                if block_id is None or block_id in seen:
                    block_id = new_block_id()
                    self.editor.set_id(index, block_id)
                seen.add(block_id)
                changed.append((block_id, text))
        finally:
            self._updating = False
        old_run: list[ParagraphBlock] = [self.document.block(block_id) for block_id in self._ids[first : old_last + 1]]  # type: ignore[misc]
        old_by_id = {block.id: block for block in old_run}
        new_run: list[Block] = []
        for block_id, text in changed:
            old = old_by_id.get(block_id)
            if old is None:
                new_run.append(ParagraphBlock(id=block_id, text=text))
            elif old.text == text:
                new_run.append(old)  # blocks are copy-on-write: shared as they are
            else:
                new_run.append(ParagraphBlock(id=block_id, text=text, extra=dict(old.extra), notes=old.notes))
        start = self.document.index_of(self._ids[0]) + first
        self._shown = [*kept_before, *changed, *kept_after]
        self._ids = tuple(block_id for block_id, _ in self._shown)
        label = self.tr("New paragraph") if len(changed) > len(old_run) else self.tr("Join paragraphs")
        self.document.replace_blocks(start, start + len(old_run), new_run, label)

    def split_at_cursor(self) -> tuple[list[ParagraphBlock], list[ParagraphBlock]]:
        """The run cut at the cursor: the paragraphs before it and after it.
        The paragraph the cursor is in is split in two; empty halves vanish."""
        scratch = self.editor.document().clone()
        cursor = QTextCursor(scratch)
        cursor.setPosition(self.editor.textCursor().position())
        index = cursor.blockNumber()
        cursor.insertBlock()
        run = self._model_run()
        left_text = block_to_inline(scratch.findBlockByNumber(index))
        right_text = block_to_inline(scratch.findBlockByNumber(index + 1))
        current = run[index]
        before = list(run[:index])
        after = list(run[index + 1 :])
        if left_text:
            before.append(ParagraphBlock(id=current.id, text=left_text, extra=dict(current.extra)))
            if right_text:
                after.insert(0, ParagraphBlock(text=right_text))
        elif right_text:
            after.insert(0, ParagraphBlock(id=current.id, text=right_text, extra=dict(current.extra)))
        return before, after


class HeadingSegment(BlockFrame):
    kind = "heading"

    def __init__(self, document: Document, block_id: str, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self._id = block_id
        self.text = EdgeLineEdit(self.content)
        font = self.text.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.level = QComboBox(self.content)
        self.level.addItem("", 2)
        self.level.addItem("", 3)
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.level)
        self.text.textEdited.connect(lambda text: document.set_block_field(self._id, "text", text, self.tr("Edit heading")))
        self.level.activated.connect(
            lambda index: document.set_block_field(self._id, "level", self.level.itemData(index), self.tr("Change heading level"))
        )
        self.text.edge_reached.connect(self.edge_reached)
        self.text.cursorPositionChanged.connect(lambda *a: self.text.hasFocus() and self.focused.emit(self._id))
        self._watch_keys(self.text, lambda: self._id)
        self.retranslate()
        self.show_model()

    def retranslate(self) -> None:
        super().retranslate()
        self.text.setPlaceholderText(self.tr("Subheading"))
        name_for_readers(self.text, HeadingBlock, "text")
        self.level.setItemText(0, self.tr("Heading"))
        self.level.setItemText(1, self.tr("Subheading"))

    def block_ids(self) -> tuple[str, ...]:
        return (self._id,)

    def rebind(self, ids: tuple[str, ...]) -> None:
        self._id = ids[0] if ids else ""
        self.show_model()

    def show_model(self) -> None:
        if not self._id:
            show_in_line_edit(self.text, "")
            return
        block: HeadingBlock = self.document.block(self._id)  # type: ignore[assignment]
        show_in_line_edit(self.text, block.text)
        self.level.setCurrentIndex(max(0, self.level.findData(block.level)))

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        self.text.setFocus()
        if at_end:
            self.text.end(False)


class QuoteSegment(BlockFrame):
    kind = "quote"

    def __init__(self, document: Document, block_id: str, parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(document, parent)
        self._id = block_id
        self._updating = False
        self.text = InlineTextEdit(self.content, min_lines=2, paste=paste)
        self.text.check_spelling(document)
        self.cite = EdgeLineEdit(self.content)
        self.retranslate()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.cite)
        self.text.textChanged.connect(self._on_text_changed)
        self.cite.textEdited.connect(lambda text: document.set_block_field(self._id, "cite", text, self.tr("Edit quote")))
        self.text.edge_reached.connect(lambda step: step < 0 and self.edge_reached.emit(-1) or (step > 0 and self.cite.setFocus()))
        self.cite.edge_reached.connect(lambda step: self.text.setFocus() if step < 0 else self.edge_reached.emit(1))
        self.text.focus_received.connect(lambda: self.focused.emit(self._id))
        self._watch_keys(self.text, lambda: self._id)
        self._watch_keys(self.cite, lambda: self._id)
        self.show_model()

    def retranslate(self) -> None:
        super().retranslate()
        self.text.setPlaceholderText(self.tr("Quotation"))
        self.cite.setPlaceholderText(self.tr("Who said it (optional)"))
        name_for_readers(self.text, QuoteBlock, "text")
        name_for_readers(self.cite, QuoteBlock, "cite")

    def block_ids(self) -> tuple[str, ...]:
        return (self._id,)

    def rebind(self, ids: tuple[str, ...]) -> None:
        self._id = ids[0] if ids else ""
        self.show_model()

    def _on_text_changed(self) -> None:
        if not self._updating:
            self.document.set_block_field(self._id, "text", self.text.inline(), self.tr("Edit quote"))

    def show_model(self) -> None:
        block: QuoteBlock = self.document.block(self._id) if self._id else QuoteBlock()  # type: ignore[assignment]
        self._updating = True
        try:
            self.text.set_inline(block.text)
        finally:
            self._updating = False
        show_in_line_edit(self.cite, block.cite)

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        (self.cite if at_end else self.text).setFocus()


class ListItemsEdit(RichTextEdit):
    """A list's items, one paragraph each, shown with Qt's own bullets or
    numbers; Enter starts the next item, Shift+Enter a line in the item."""

    holds_list_items = True
    # Enter on an empty last item, as in a word processor: the list ends there.
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, paste: PasteHandlers | None = None) -> None:
        super().__init__(parent, min_lines=2, paste=paste)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        block = self.textCursor().block()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and not block.next().isValid() and not block.text() and block.blockNumber() > 0):
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)

    def items(self) -> tuple[str, ...]:
        found = []
        block = self.document().begin()
        while block.isValid():
            found.append(block_to_inline(block))
            block = block.next()
        return tuple(found)

    def list_format(self, ordered: bool, start: int) -> QTextListFormat:
        fmt = QTextListFormat()
        fmt.setStyle(QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc)
        fmt.setStart(start)
        return fmt

    def show_items(self, items: tuple[str, ...], ordered: bool, start: int) -> None:
        """Show the items, with the cursor where the text changed (an undo
        puts it back where the undone typing was)."""
        before = self.toPlainText()
        self.document().clear()
        cursor = QTextCursor(self.document())
        cursor.createList(self.list_format(ordered, start))
        for index, item in enumerate(items or ("",)):
            if index:
                # A plain block format: the next item's number is not bold because this item ended so.
                cursor.setCharFormat(QTextCharFormat())
                cursor.insertBlock()
            insert_inline(cursor, item)
        cursor.setPosition(min(text_change(before, self.toPlainText()).new_end, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def keep_in_list(self, ordered: bool, start: int) -> None:
        """Every paragraph is an item: one that left the list (Backspace or
        Enter on an empty item, as Qt does) is put back in it."""
        block = self.document().begin()
        text_list = text_list_of(block)
        if text_list is None:
            QTextCursor(block).createList(self.list_format(ordered, start))
            text_list = text_list_of(block)
        while block.isValid():
            if text_list_of(block) is None and text_list is not None:
                text_list.add(block)
            block = block.next()


class ListSegment(BlockFrame):
    """A bulleted or numbered list, its items edited as one text."""

    kind = "list"

    def __init__(self, document: Document, block_id: str, parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(document, parent)
        self._id = block_id
        self._updating = False
        self._shown: tuple[tuple[str, ...], bool, int] | None = None
        self.editor = ListItemsEdit(self.content, paste=paste)
        self.numbered = QCheckBox(self.content)
        self.start = QSpinBox(self.content)
        self.start.setRange(MIN_LIST_START, MAX_LIST_START)
        self.start_label = QLabel(self.content)
        self.start_label.setBuddy(self.start)
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.numbered)
        options.addWidget(self.start_label)
        options.addWidget(self.start)
        options.addStretch(1)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addLayout(options)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.numbered.toggled.connect(self._on_numbered_toggled)
        self.start.valueChanged.connect(self._on_start_changed)
        self.editor.edge_reached.connect(self.edge_reached)
        self.editor.leave_requested.connect(self._leave_list)
        self.editor.focus_received.connect(lambda: self.focused.emit(self._id))
        self._watch_keys(self.editor, lambda: self._id)
        self.retranslate()
        self.show_model()

    def _leave_list(self) -> None:
        """The empty last item becomes a paragraph after the list, with the cursor in it (one undo step)."""
        block = self._block()
        index = self.document.index_of(self._id)
        shortened = ListBlock(id=block.id, items=block.items[:-1], ordered=block.ordered, start=block.start,
                              extra=dict(block.extra), notes=block.notes)
        self.document.replace_blocks(index, index + 1, [shortened, ParagraphBlock()], self.tr("End list"))
        self.edge_reached.emit(1)

    def retranslate(self) -> None:
        super().retranslate()
        self.editor.setPlaceholderText(self.tr("List items: Enter starts the next one, twice ends the list"))
        name_for_readers(self.editor, ListBlock, "items")
        self.numbered.setText(self.tr("Numbered"))
        self.numbered.setToolTip(self.tr("Numbers (1, 2, 3…) instead of bullets"))
        self.start_label.setText(self.tr("starting at"))

    def block_ids(self) -> tuple[str, ...]:
        return (self._id,)

    def rebind(self, ids: tuple[str, ...]) -> None:
        self._id = ids[0] if ids else ""
        self._shown = None
        self.show_model()

    def _block(self) -> ListBlock:
        return self.document.block(self._id) if self._id else ListBlock()  # type: ignore[return-value]

    def show_model(self) -> None:
        block = self._block()
        wanted = (block.items, block.ordered, block.start)
        if wanted == self._shown:
            return
        self._updating = True
        try:
            if self._shown is None or self.editor.items() != block.items or self._shown[1:] != wanted[1:]:
                self.editor.show_items(*wanted)
            self.numbered.setChecked(block.ordered)
            self.start.setValue(block.start)
            self.start.setVisible(block.ordered)
            self.start_label.setVisible(block.ordered)
        finally:
            self._updating = False
        self._shown = wanted

    def _on_editor_text_changed(self) -> None:
        if self._updating or not self._id:
            return
        block = self._block()
        self._updating = True
        try:
            self.editor.keep_in_list(block.ordered, block.start)
        finally:
            self._updating = False
        items = self.editor.items()
        self._shown = (items, block.ordered, block.start)
        self.document.set_block_field(self._id, "items", items, self.tr("Edit list"))

    def _on_numbered_toggled(self, checked: bool) -> None:
        if not self._updating and self._id:
            self.document.set_block_field(self._id, "ordered", checked, self.tr("Change list kind"))

    def _on_start_changed(self, value: int) -> None:
        if not self._updating and self._id:
            self.document.set_block_field(self._id, "start", value, self.tr("Change list start"))

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        self.editor.setFocus()
        if at_end:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)


class ImageSegment(BlockFrame):
    """A photo: thumbnail, caption, alt text and credit."""

    kind = "image"

    def __init__(self, document: Document, block_id: str, images: ImageCache, parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(document, parent)
        self._id = block_id
        self._images = images
        self._updating = False
        self._shown_block: ImageBlock | None = None
        self.thumbnail = QLabel(self.content)
        self.thumbnail.setFixedSize(168, 128)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setStyleSheet("background: #eee; color: #555;")
        self.caption = InlineTextEdit(self.content, min_lines=2, paste=paste)
        self.caption.check_spelling(document)
        self.alt = EdgeLineEdit(self.content)
        self.credit = EdgeLineEdit(self.content)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        # One labelled row per text the model declares for a photo, each the
        # segment's attribute of the field's name.
        self.field_labels: dict[str, QLabel] = {}
        for text in text_fields(ImageBlock):
            self.field_labels[text.name] = label = QLabel(self.content)
            label.setBuddy(getattr(self, text.name))
            fields.addRow(label, getattr(self, text.name))
        self.rotate_button = QToolButton(self.content)
        self.crop_button = QToolButton(self.content)
        self.replace_button = QToolButton(self.content)
        self.cover = QCheckBox(self.content)
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.rotate_button)
        tools.addWidget(self.crop_button)
        tools.addWidget(self.replace_button)
        picture = QVBoxLayout()
        picture.addWidget(self.thumbnail)
        picture.addLayout(tools)
        picture.addWidget(self.cover)
        picture.addStretch(1)
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picture)
        layout.addLayout(fields, 1)
        self.rotate_button.clicked.connect(self._rotate)
        self.crop_button.clicked.connect(self._crop)
        self.replace_button.clicked.connect(self._choose_replacement)
        self.cover.toggled.connect(self._on_cover_toggled)
        self.caption.textChanged.connect(self._on_caption_changed)
        self.alt.textEdited.connect(lambda text: document.set_block_field(self._id, "alt", text, self.tr("Edit alt text")))
        self.credit.textEdited.connect(lambda text: document.set_block_field(self._id, "credit", text, self.tr("Edit credit")))
        self.caption.edge_reached.connect(lambda step: self.edge_reached.emit(-1) if step < 0 else self.alt.setFocus())
        self.alt.edge_reached.connect(lambda step: self.caption.setFocus() if step < 0 else self.credit.setFocus())
        self.credit.edge_reached.connect(lambda step: self.alt.setFocus() if step < 0 else self.edge_reached.emit(1))
        self.caption.focus_received.connect(lambda: self.focused.emit(self._id))
        for widget in (self.caption, self.alt, self.credit):
            self._watch_keys(widget, lambda: self._id)
        images.ready.connect(self._show_thumbnail)
        images.failed.connect(lambda token, message: self._show_thumbnail(token))
        self.retranslate()
        self.show_model()

    def retranslate(self) -> None:
        super().retranslate()
        self.caption.setPlaceholderText(self.tr("Caption: who is in the photo, and what they are doing"))
        self.alt.setPlaceholderText(self.tr("Described for readers who cannot see it"))
        self.credit.setPlaceholderText(self.tr("Photographer (optional)"))
        for text in text_fields(ImageBlock):
            self.field_labels[text.name].setText(field_label(text))
        self.rotate_button.setText(self.tr("↻ Rotate"))
        self.rotate_button.setToolTip(self.tr("Turn the photo a quarter to the right (the original file is not changed)"))
        self.replace_button.setText(self.tr("Replace…"))
        self.replace_button.setToolTip(self.tr("Choose another photo for this block (for a missing photo, too)"))
        self.cover.setText(self.tr("Cover photo"))
        self.cover.setToolTip(self.tr("The photo shown when the article is shared on social media"))
        if self._in_article():
            self.crop_button.setText(self.tr("Crop…") if self._block().crop is None else self.tr("Crop ✓"))
            self._show_thumbnail()

    def block_ids(self) -> tuple[str, ...]:
        return (self._id,)

    def rebind(self, ids: tuple[str, ...]) -> None:
        self._id = ids[0] if ids else ""
        if not self._id:  # retired: nothing of the old photo stays in memory
            self._shown_block = None  # shown again (an undo), it is shown in full
            self._show_texts(ImageBlock())
            self._updating = True
            try:
                self.cover.setChecked(False)
            finally:
                self._updating = False
            self.thumbnail.clear()
            return
        self.show_model()

    def _block(self) -> ImageBlock:
        return self.document.block(self._id)  # type: ignore[return-value]

    def _show_texts(self, block: ImageBlock) -> None:
        self._updating = True
        try:
            for text in text_fields(ImageBlock):
                widget, value = getattr(self, text.name), getattr(block, text.name)
                if text.inline:
                    widget.set_inline(value)
                else:
                    show_in_line_edit(widget, value)
        finally:
            self._updating = False

    def _in_article(self) -> bool:
        try:
            self.document.index_of(self._id)
        except KeyError:
            return False
        return True

    def _on_caption_changed(self) -> None:
        if not self._updating:
            self.document.set_block_field(self._id, "caption", self.caption.inline(), self.tr("Edit caption"))

    def _show_thumbnail(self, token: str | None = None) -> None:
        if not self._in_article():
            return  # this block was removed; the widget goes with the next event
        block = self._block()
        if block.media is None:
            self.thumbnail.setText(self.tr("Photo missing:\n%s") % block.src)
            return
        own_token = self._images.token_of(block)
        if token is not None and token != own_token:
            return
        prepared = self._images.for_block(block)
        error = self._images.error(own_token) if own_token else None
        if prepared is not None:
            self.thumbnail.setPixmap(QPixmap.fromImage(prepared.thumbnail))
            self.thumbnail.setToolTip(f"{prepared.width} × {prepared.height}")
        elif error:
            self.thumbnail.setText(self.tr("Cannot show this photo"))
            self.thumbnail.setToolTip(error)
        else:
            self.thumbnail.setText(self.tr("Loading…"))

    def _rotate(self) -> None:
        block = self._block()
        self.document.set_block_field(self._id, "rotate", (block.rotate + 90) % 360, self.tr("Rotate photo"))

    def _crop(self) -> None:
        from ui.form.crop_dialog import CropDialog

        block = self._block()
        if block.media is None:
            return
        dialog = CropDialog(self._images, block, self)
        if dialog.exec() == CropDialog.DialogCode.Accepted:
            self.document.set_block_fields(self._id, {"crop": dialog.crop(), "focus": dialog.focus()}, self.tr("Crop photo"))

    def _choose_replacement(self) -> None:
        from editor.photo_files import IMAGE_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Replace the photo"), str(last_folder(FolderKind.PHOTOS)),
                                              self.tr("Photos (%s)") % patterns)
        if path:
            remember_folder(FolderKind.PHOTOS, path)
            self.replace_with(Path(path))

    def replace_with(self, path: Path) -> None:
        """Check the photo on a worker, then put it in this block as one undo step."""
        from ui.common.image_import import check_image_files
        from ui.common.workers import run_in_background

        def checked(result: object) -> None:
            if not self._in_article():
                return  # the block was removed meanwhile
            if not result.blocks:  # type: ignore[attr-defined]
                QMessageBox.warning(self, self.tr("Replace the photo"), "\n".join(result.problems))  # type: ignore[attr-defined]
                return
            new = result.blocks[0]  # type: ignore[attr-defined]
            label = self.tr("Replace photo")
            stack = self.document.undo_stack
            stack.beginMacro(label)
            self.document.set_block_field(self._id, "media", new.media, label)
            self.document.set_block_field(self._id, "src", new.src, label)
            stack.endMacro()

        def failed(error: ArticleError) -> None:  # the check itself failed (never seen): said, the photo kept
            from ui.common.errors import describe_error

            QMessageBox.warning(self, self.tr("Replace the photo"), describe_error(error))

        run_in_background(lambda: check_image_files([path]), checked, failed, context=self)

    def _on_cover_toggled(self, checked: bool) -> None:
        if not self._updating:
            self.document.set_cover(self._id if checked else None)

    def show_model(self) -> None:
        block = self._block()
        if block is self._shown_block:
            return  # blocks are copy-on-write: the same object has not changed
        self._shown_block = block
        self._show_texts(block)
        self._updating = True
        try:
            self.cover.setChecked(block.cover)
        finally:
            self._updating = False
        self.crop_button.setText(self.tr("Crop…") if block.crop is None else self.tr("Crop ✓"))
        self._show_thumbnail()

    def focus_block(self, block_id: str, at_end: bool = False) -> None:
        (self.credit if at_end else self.caption).setFocus()
