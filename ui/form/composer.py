"""The left side of the window: the article's fields and its body, in one
scrolling column, with buttons to insert blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.common.image_cache import ImageCache
from ui.common.language import Retranslating
from ui.document.document import Document
from ui.form.blocks_editor import BlocksEditor
from ui.form.fields import ArticleFieldsForm
from ui.form.format_bar import FormatBar
from ui.form.formatting import TextFormatter
from ui.form.text_edits import PasteHandlers

MINIMUM_WIDTH = 320  # px: a field's label and the start of its text


class Composer(Retranslating, QScrollArea):
    insert_image_requested = Signal(bool)  # True: at the end of the body

    def __init__(self, document: Document, images: ImageCache, parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(parent)
        # What the text fields do with pasted pictures and blocks: the window's, filled in when it starts.
        self.paste_handlers = paste if paste is not None else PasteHandlers()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A dock opened beside it (the drafts library) takes its width from
        # the preview, not from the form: the form was squeezed to 68-99 px,
        # with no field to be seen. Below its fields' width it scrolls sideways.
        self.setMinimumWidth(MINIMUM_WIDTH)
        column = QWidget(self)
        # The column grows at its foot while an opened article's blocks are
        # built, one segment a pass: each resize repainted everything in view
        # (the title and the lead 38 times for a 20-photo draft: 0.40-0.50 s
        # of the UI thread's CPU until every block is in, against 0.29-0.33 s).
        # Nothing of it is drawn by its size: a resize paints what it uncovers.
        column.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.fields = ArticleFieldsForm(document, column, paste=self.paste_handlers)
        self.blocks = BlocksEditor(document, images, column, paste=self.paste_handlers)
        # Bold, italic, links… for the field with the cursor (the window adds the actions).
        self.formatter = TextFormatter(document, self.blocks, self)
        # Above the scrolling column, so it stays in sight in a long body.
        self.format_bar = FormatBar(self)
        # A click on the bar would otherwise give the focus to the first
        # ancestor that takes it, this scroll area, and the text field
        # being formatted would lose its cursor (and its selection).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.heading = heading = QLabel(column)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        inserts = QHBoxLayout()
        inserts.addWidget(heading)
        inserts.addStretch(1)
        self.add_buttons: dict[str, QPushButton] = {}
        for kind in ("paragraph", "heading", "quote"):
            self.add_buttons[kind] = button = QPushButton(column)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the cursor where the user was
            button.clicked.connect(lambda checked=False, k=kind: self.blocks.add_block(k))
            inserts.addWidget(button)
        self.add_buttons["photo"] = photo = QPushButton(column)
        photo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        photo.clicked.connect(lambda: self.insert_image_requested.emit(False))
        inserts.addWidget(photo)
        # The same at the foot of a long body, where the writer is: always at the end.
        end_inserts = QHBoxLayout()
        end_inserts.addStretch(1)
        self.end_buttons: dict[str, QPushButton] = {}
        self.end_buttons["paragraph"] = end_paragraph = QPushButton(column)
        end_paragraph.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        end_paragraph.clicked.connect(lambda: self.blocks.add_block("paragraph", at_end=True))
        self.end_buttons["photo"] = end_photo = QPushButton(column)
        end_photo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        end_photo.clicked.connect(lambda: self.insert_image_requested.emit(True))
        end_inserts.addWidget(end_paragraph)
        end_inserts.addWidget(end_photo)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(12, 12, 12, 24)
        layout.addWidget(self.fields)
        layout.addSpacing(8)
        layout.addLayout(inserts)
        layout.addWidget(self.blocks)
        layout.addLayout(end_inserts)
        layout.addStretch(1)
        self.setWidget(column)
        self.blocks.block_focused.connect(self._on_blocks_block_focused)
        # Another article (opened, imported, restored) is shown from its
        # title: the place in the one before meant nothing in it (opened
        # after a long one, a short article showed its related news first).
        document.reset.connect(lambda: self.verticalScrollBar().setValue(0))
        self.retranslate()

    def _place_format_bar(self) -> None:
        height = self.format_bar.sizeHint().height()
        self.setViewportMargins(0, height, 0, 0)
        self.format_bar.setGeometry(self.frameWidth(), self.frameWidth(), self.width() - 2 * self.frameWidth(), height)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().resizeEvent(event)
        self._place_format_bar()

    def retranslate(self) -> None:
        self.format_bar.setWindowTitle(self.tr("Formatting"))
        self.heading.setText(self.tr("Body"))
        texts = {
            "paragraph": (self.tr("+ Paragraph"), self.tr("Add a paragraph after the current block")),
            "heading": (self.tr("+ Heading"), self.tr("Add a subheading after the current block")),
            "quote": (self.tr("+ Quote"), self.tr("Add a quotation after the current block")),
            "photo": (self.tr("+ Photo…"), self.tr("Insert photos at the cursor (or drag them here, or paste one)")),
        }
        for kind, (text, tip) in texts.items():
            self.add_buttons[kind].setText(text)
            self.add_buttons[kind].setToolTip(tip)
        self.end_buttons["paragraph"].setText(self.tr("+ Paragraph"))
        self.end_buttons["paragraph"].setToolTip(self.tr("Add a paragraph at the end of the article"))
        self.end_buttons["photo"].setText(self.tr("+ Photo…"))
        self.end_buttons["photo"].setToolTip(self.tr("Add photos at the end of the article"))

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
