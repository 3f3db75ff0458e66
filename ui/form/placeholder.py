"""A text box's placeholder, wrapped over the lines the box keeps for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QTextEdit


class WrappedPlaceholder:
    """WORKAROUND: Qt 6.12's QTextEdit draws its placeholder on one line,
    cut off at the right edge ("Caption: who is in the photo, and what").
    Qt's is made invisible and this one is drawn wrapped over the lines
    the box keeps for it (``fit_to_lines``)."""

    def __init__(self, edit: QTextEdit) -> None:
        self._edit = edit
        palette = edit.palette()
        self._color = palette.color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(Qt.GlobalColor.transparent))
        edit.setPalette(palette)

    def paint(self) -> None:
        """Call after the edit's own paintEvent."""
        edit = self._edit
        text = edit.placeholderText()
        if not text or not edit.document().isEmpty() or edit.textCursor().block().layout().preeditAreaText():
            return  # as Qt: not over typed text, nor over what an input method is composing
        margin = int(edit.document().documentMargin())
        painter = QPainter(edit.viewport())
        painter.setPen(self._color)
        painter.drawText(edit.viewport().rect().adjusted(margin, margin, -margin, -margin),
                         int(Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap), text)
        painter.end()
