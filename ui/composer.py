"""The left side of the window: the article's fields and its body, in one
scrolling column, with buttons to insert blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.document import Document
from ui.form.blocks_editor import BlocksEditor
from ui.form.fields import ArticleFieldsForm
from ui.image_cache import ImageCache


class Composer(QScrollArea):
    insert_image_requested = Signal()

    def __init__(self, document: Document, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        column = QWidget(self)
        self.fields = ArticleFieldsForm(document, column)
        self.blocks = BlocksEditor(document, images, column)

        heading = QLabel(self.tr("Body"), column)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        inserts = QHBoxLayout()
        inserts.addWidget(heading)
        inserts.addStretch(1)
        for label, kind, tip in (
            (self.tr("+ Paragraph"), "paragraph", self.tr("Add a paragraph after the current block")),
            (self.tr("+ Heading"), "heading", self.tr("Add a subheading after the current block")),
            (self.tr("+ Quote"), "quote", self.tr("Add a quotation after the current block")),
        ):
            button = QPushButton(label, column)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the cursor where the user was
            button.clicked.connect(lambda checked=False, k=kind: self.blocks.add_block(k))
            inserts.addWidget(button)
        photo = QPushButton(self.tr("+ Photo…"), column)
        photo.setToolTip(self.tr("Insert photos at the cursor (or drag them here, or paste one)"))
        photo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        photo.clicked.connect(self.insert_image_requested)
        inserts.addWidget(photo)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(12, 12, 12, 24)
        layout.addWidget(self.fields)
        layout.addSpacing(8)
        layout.addLayout(inserts)
        layout.addWidget(self.blocks)
        layout.addStretch(1)
        self.setWidget(column)
        self.blocks.block_focused.connect(self._on_blocks_block_focused)

    def _on_blocks_block_focused(self, block_id: str) -> None:
        segment = self.blocks.segment_of(block_id)
        if segment is not None:
            self.ensureWidgetVisible(segment, 0, 24)

    def show_block(self, block_id: str) -> None:
        """Bring a block into view and put the cursor in it (preview click)."""
        segment = self.blocks.segment_of(block_id)
        if segment is not None:
            self.ensureWidgetVisible(segment, 0, 48)
            self.blocks.focus_block(block_id)
