"""Notes beside the form: every note of the article, by block, with its
replies; add a note to the block being edited, reply, resolve or reopen.
Each is one undo step on the document (ui/document/document.py). The blocks with
open notes are outlined in the preview, never in an export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.notes import open_notes
from ui.common.language import Retranslating
from ui.document.document import Document
from ui.library.review_button import current_user
from ui.preview.preview import PreviewView

_NOTE_ROLE = Qt.ItemDataRole.UserRole


class NotesPanel(Retranslating, QDockWidget):
    def __init__(self, document: Document, preview: PreviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesDock")
        self._document = document
        self._preview = preview
        self.current_block: str | None = None
        self._marks: list[str] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.list = QTreeWidget(body)
        self.list.setHeaderHidden(True)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.text = QLineEdit(body)
        self.text.setClearButtonEnabled(True)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        self.add_button, self.reply_button, self.resolve_button = QPushButton(body), QPushButton(body), QPushButton(body)
        self.add_button.clicked.connect(self.add_note)
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        for button in (self.add_button, self.reply_button, self.resolve_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.setWidget(body)
        # Each block's notes when the list was last made: typing changes a
        # block's text, not its notes, and must not rebuild the list.
        self._notes_shown: dict[str, tuple[object, ...]] = {}
        document.block_changed.connect(self._on_block_changed)
        for signal in (document.blocks_replaced, document.block_moved, document.reset):
            signal.connect(self.refresh)
        self.list.itemSelectionChanged.connect(self._enable)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Notes"))
        self.text.setPlaceholderText(self.tr("A note on the block being edited, or a reply"))
        self.add_button.setText(self.tr("Add note"))
        self.reply_button.setText(self.tr("Reply"))
        self.refresh()

    def set_current_block(self, block_id: str) -> None:
        self.current_block = block_id
        self._enable()

    def _on_block_changed(self, block_id: str) -> None:
        if self._document.block(block_id).notes is not self._notes_shown.get(block_id):
            self.refresh()  # blocks are copy-on-write: the same notes are the same object
        elif block_id in self._marks:
            self._preview.mark_notes(self._marks)  # the preview's patch of the block took its outline

    def refresh(self, *args: object) -> None:
        selected = self.selected()
        self.list.clear()
        article = self._document.article
        self._notes_shown = {block.id: block.notes for block in article.blocks}
        for index, block in enumerate(article.blocks):
            for note in block.notes:
                state = self.tr("resolved") if note.resolved else self.tr("open")
                quote = f" «{note.quote}»" if note.quote else ""
                item = QTreeWidgetItem([self.tr("Block %1 · %2 · %3").replace("%1", str(index + 1)).replace("%2", note.author)
                                        .replace("%3", state) + f"\n{note.text}{quote}"])
                item.setData(0, _NOTE_ROLE, (block.id, note.id))
                for reply in note.replies:
                    item.addChild(QTreeWidgetItem([f"{reply.author}: {reply.text}"]))
                self.list.addTopLevelItem(item)
                item.setExpanded(True)
                if selected == (block.id, note.id):
                    self.list.setCurrentItem(item)
        marks = sorted({block.id for _, block, _ in open_notes(article)})
        if marks or self._marks:  # articles without notes cost the preview nothing
            self._preview.mark_notes(marks)
        self._marks = marks
        self._enable()

    def selected(self) -> tuple[str, str] | None:
        # selectedItems() and the top-level index, not currentItem()/parent():
        # PySide6 6.12 hands back a borrowed None from those (the refcount bug).
        items = self.list.selectedItems()
        if not items:
            return None
        item = items[0]
        if self.list.indexOfTopLevelItem(item) < 0:  # a reply: its note is the row above it
            for index in range(self.list.topLevelItemCount()):
                top = self.list.topLevelItem(index)
                if any(top.child(row) is item for row in range(top.childCount())):
                    item = top
                    break
        return item.data(0, _NOTE_ROLE)

    def _enable(self) -> None:
        chosen = self.selected()
        note = self._note(chosen)
        self.add_button.setEnabled(self.current_block is not None)
        self.reply_button.setEnabled(note is not None)
        self.resolve_button.setEnabled(note is not None)
        self.resolve_button.setText(self.tr("Reopen") if note is not None and note.resolved else self.tr("Resolve"))

    def _note(self, chosen: tuple[str, str] | None):  # type: ignore[no-untyped-def]
        if chosen is None:
            return None
        try:
            block = self._document.article.block(chosen[0])
        except KeyError:
            return None
        return next((note for note in block.notes if note.id == chosen[1]), None)

    def add_note(self) -> None:
        text = self.text.text().strip()
        if not text or self.current_block is None:
            return
        try:
            self._document.add_note(self.current_block, current_user(), text)
        except KeyError:
            return  # the block was removed meanwhile
        self.text.clear()

    def reply(self) -> None:
        chosen, text = self.selected(), self.text.text().strip()
        if chosen is not None and text:
            self._document.reply_to_note(chosen[0], chosen[1], current_user(), text)
            self.text.clear()

    def toggle_resolved(self) -> None:
        chosen = self.selected()
        note = self._note(chosen)
        if chosen is not None and note is not None:
            self._document.set_note_resolved(chosen[0], chosen[1], not note.resolved)
