"""The "Tin khác" list: rows of title + URL, added, removed and reordered.
Every change is one undoable step on the document."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from editor.model import RelatedLink
from ui.common.language import Retranslating
from ui.document.document import Document
from ui.form.sync import show_in_line_edit
from ui.form.text_edits import route_undo_keys
from ui.form.url_edit import UrlEdit

STACKED_BELOW = 560  # px of a row: below it, each title and address box would be under 250 px


class _RelatedRow(Retranslating, QWidget):
    def __init__(self, editor: RelatedEditor, index: int) -> None:
        super().__init__(editor)
        self.title = QLineEdit(self)
        route_undo_keys(self.title)
        self.url = UrlEdit(parent=self)
        self.up = up = QToolButton(self, text="↑")
        self.down = down = QToolButton(self, text="↓")
        self.remove = remove = QToolButton(self, text="✕")
        # Title and address side by side, or the title above the address
        # where the form is too narrow for both (see resizeEvent).
        self.texts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.texts.setContentsMargins(0, 0, 0, 0)
        self.texts.addWidget(self.title, 1, Qt.AlignmentFlag.AlignTop)
        self.texts.addWidget(self.url, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for button in (up, down, remove):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.texts, 1)
        layout.addLayout(buttons)
        self.title.textEdited.connect(lambda text: editor.edit_row(index, title=text))
        self.url.edited.connect(lambda text: editor.edit_row(index, url=text))
        up.clicked.connect(lambda: editor.move_row(index, -1))
        down.clicked.connect(lambda: editor.move_row(index, 1))
        remove.clicked.connect(lambda: editor.remove_row(index))
        self.retranslate()

    def is_stacked(self) -> bool:
        return self.texts.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        # Stacked, each box is the row's width; side by side, half of it.
        # The width comes from the form, never from the row's height, so
        # switching cannot go back and forth.
        direction = QBoxLayout.Direction.TopToBottom if event.size().width() < STACKED_BELOW else QBoxLayout.Direction.LeftToRight
        if self.texts.direction() != direction:
            self.texts.setDirection(direction)

    def retranslate(self) -> None:
        self.title.setPlaceholderText(self.tr("Title of the other article"))
        for button, tip in ((self.up, self.tr("Move up")), (self.down, self.tr("Move down")), (self.remove, self.tr("Remove this link"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip)


class RelatedEditor(Retranslating, QWidget):
    pick_requested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(2)  # each row already ends with its address's problem line
        self._made: list[_RelatedRow] = []  # every row ever made, in order
        self._rows: list[_RelatedRow] = []  # the rows shown: one per link
        self.add = add = QPushButton(self)
        add.clicked.connect(self.add_row)
        # Published articles from the drafts library; the window opens the picker.
        self.pick = QPushButton(self)
        self.pick.clicked.connect(self.pick_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addLayout(buttons)
        document.field_changed.connect(self._on_document_field_changed)
        document.reset.connect(self._rebuild)
        self._rebuild()
        self.retranslate()

    def retranslate(self) -> None:
        self.add.setText(self.tr("Add a related article"))
        self.pick.setText(self.tr("From the library…"))

    def add_link(self, title: str, url: str) -> None:
        """Add a related article with its title and public address, as one undo step."""
        self._document.set_field("related", [*self._links(), RelatedLink(title=title, url=url)], self.tr("Add related article"))

    def _links(self) -> list[RelatedLink]:
        return [RelatedLink(title=link.title, url=link.url, extra=dict(link.extra)) for link in self._document.article.related]

    def add_row(self) -> None:
        self._document.set_field("related", [*self._links(), RelatedLink()], self.tr("Add related article"))
        self._rows[-1].title.setFocus()

    def edit_row(self, index: int, **changes: str) -> None:
        links = self._links()
        for name, value in changes.items():
            setattr(links[index], name, value)
        # Typing in one row's field merges into one undo step.
        key = f"related:{index}:{','.join(changes)}"
        self._document.set_field("related", links, self.tr("Edit related article"), merge_key=key)

    def move_row(self, index: int, step: int) -> None:
        links = self._links()
        target = index + step
        if 0 <= target < len(links):
            links[index], links[target] = links[target], links[index]
            self._document.set_field("related", links, self.tr("Move related article"))

    def remove_row(self, index: int) -> None:
        links = self._links()
        del links[index]
        self._document.set_field("related", links, self.tr("Remove related article"))

    def _on_document_field_changed(self, name: str) -> None:
        if name == "related":
            self._rebuild()

    def _rebuild(self) -> None:
        """Show one row per link. Rows are made once and never deleted: row
        N always edits link N, and rows beyond the list are hidden (at
        once, so a dialog opened next never shows the previous article's
        rows). Deleting rows made in Python while the window runs is what
        segfaulted PySide6 in the soak run (see BlocksEditor._retire)."""
        links = self._document.article.related
        while len(self._made) < len(links):
            row = _RelatedRow(self, len(self._made))
            self._rows_box.addWidget(row)
            self._made.append(row)
        for index, row in enumerate(self._made):
            if index < len(links):  # update in place: the row typed in keeps its focus
                show_in_line_edit(row.title, links[index].title)
                row.url.set_text(links[index].url)
                row.show()
            else:
                row.hide()
        self._rows = self._made[: len(links)]
