"""The title: one line of plain text in the model, shown in a box that
wraps it over two or three lines, so a 140-character headline is read
whole while it is written."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from editor.text import clean_single_line
from ui.form.text_edits import WrappedPlaceholder, fit_to_lines, route_undo_keys


class TitleEdit(QTextEdit):
    """Plain text that wraps; Enter goes to the next field, as Tab does,
    and a pasted line break becomes a space: the title stays one line.
    It answers as a QLineEdit does (``text``, ``setText``, ``textEdited``,
    ``end``, ``setCursorPosition``), so the form shows it as any line."""

    textEdited = Signal(str)  # noqa: N815  # the user typed, pasted or cut; never from setText

    MIN_LINES, MAX_LINES = 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        self._text = ""  # the text last set or sent: a change of format only (a highlighter's) sends nothing
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.textChanged.connect(self._on_text_changed)
        self._placeholder = WrappedPlaceholder(self)
        route_undo_keys(self)
        self._fit_height()

    def _fit_height(self, *args: object) -> None:
        fit_to_lines(self, self.MIN_LINES, self.MAX_LINES)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self._placeholder.paint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    # --- as a QLineEdit ----------------------------------------------------
    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        self._setting = True
        try:
            self.setPlainText(text)
            self._text = self.toPlainText()
        finally:
            self._setting = False

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def cursorPosition(self) -> int:  # noqa: N802
        return self.textCursor().position()

    def end(self, mark: bool) -> None:
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        self.moveCursor(QTextCursor.MoveOperation.End, mode)

    # --- one line ----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        self.textCursor().insertText(clean_single_line(source.text()))

    def _on_text_changed(self) -> None:
        text = self.toPlainText()
        if not self._setting and text != self._text:
            self._text = text
            self.textEdited.emit(text)
