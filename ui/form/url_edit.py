"""A URL field checked as you type: http and https only. A bad value is
kept (nothing typed is ever dropped) and shown at its field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from editor.text import is_web_url
from ui.form.sync import show_in_line_edit
from ui.form.text_edits import route_undo_keys
from ui.language import Retranslating


class UrlEdit(Retranslating, QWidget):
    edited = Signal(str)

    def __init__(self, placeholder: str = "https://", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        route_undo_keys(self.line)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
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

    def _on_line_text_edited(self, text: str) -> None:
        self._show_problem(text)
        self.edited.emit(text)

    def _show_problem(self, text: str) -> None:
        bad = bool(text.strip()) and not is_web_url(text)
        self.problem.setText(self.tr("Not a web address: it must start with http:// or https://") if bad else "")
        self.problem.setVisible(bad)
        self.line.setStyleSheet("QLineEdit { border: 1px solid #b00020; }" if bad else "")
