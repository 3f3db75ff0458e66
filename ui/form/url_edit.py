"""A URL field checked as you type: http and https only. A bad value is
kept (nothing typed is ever dropped) and shown at its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from editor.text import is_web_url
from ui.common.language import Retranslating
from ui.form.sync import show_in_line_edit
from ui.form.text_edits import route_undo_keys


class ProblemLine(QLabel):
    """One line under a field for what is wrong with it. Its height is
    there whether or not there is a problem, so a message appearing never
    pushes the fields below it; a message too long for the width is cut
    with "…" and shown whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldProblem")
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height())
        self._message = ""

    def message(self) -> str:
        return self._message

    def show_message(self, message: str) -> None:
        self._message = message
        self.setToolTip(message)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._message, Qt.TextElideMode.ElideRight, max(0, self.width())))


class UrlEdit(Retranslating, QWidget):
    edited = Signal(str)

    def __init__(self, placeholder: str = "https://", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        route_undo_keys(self.line)
        # A bad address gets a red frame from a style sheet, which changes
        # the field's size hint (25 px to 21 with Fusion): its height is kept.
        self.line.setFixedHeight(self.line.sizeHint().height())
        self.problem = ProblemLine(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.problem)
        self.line.textEdited.connect(self._on_line_text_edited)

    def retranslate(self) -> None:
        self._show_problem(self.line.text())

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        show_in_line_edit(self.line, text)
        self._show_problem(text)

    def is_valid(self) -> bool:
        return not self.line.text().strip() or is_web_url(self.line.text())

    def has_problem(self) -> bool:
        return bool(self.problem.message())

    def show_problem(self, message: str) -> None:
        """Say what is wrong under the field (empty: nothing is)."""
        self.problem.show_message(message)
        self.line.setStyleSheet("QLineEdit { border: 1px solid #b00020; }" if message else "")

    def _on_line_text_edited(self, text: str) -> None:
        self._show_problem(text)
        self.edited.emit(text)

    def _show_problem(self, text: str) -> None:
        bad = bool(text.strip()) and not is_web_url(text)
        self.show_problem(self.tr("Must start with http:// or https://") if bad else "")
