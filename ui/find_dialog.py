"""Find and Replace across every field of the article (non-modal)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor.fields import Location
from editor.find_replace import find_all, replace_all
from ui.document import Document


class FindReplaceDialog(QDialog):
    def __init__(self, document: Document, show_location: Callable[[Location], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find and replace"))
        self._document = document
        self._show_location = show_location
        self._next = 0
        self.find = QLineEdit(self)
        self.replace = QLineEdit(self)
        self.ignore_diacritics = QCheckBox(self.tr("Ignore diacritics (“hoa” also finds “hòa”, “hoá”)"), self)
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.result = QLabel(self)
        find_next = QPushButton(self.tr("Find next"), self)
        replace_all_button = QPushButton(self.tr("Replace all"), self)
        close = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("Find"), self.find)
        form.addRow(self.tr("Replace with"), self.replace)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(find_next)
        buttons.addWidget(replace_all_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ignore_diacritics)
        layout.addWidget(self.match_case)
        layout.addLayout(buttons)
        find_next.clicked.connect(self.find_next)
        replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)
        self.find.textChanged.connect(lambda: setattr(self, "_next", 0))
        find_next.setDefault(True)

    def _options(self) -> dict[str, bool]:
        return {"ignore_diacritics": self.ignore_diacritics.isChecked(), "match_case": self.match_case.isChecked()}

    def find_next(self) -> None:
        matches = find_all(self._document.article, self.find.text(), **self._options())
        if not matches:
            self.result.setText(self.tr("Not found"))
            return
        location = matches[self._next % len(matches)]
        self.result.setText(self.tr("%1 of %2").replace("%1", str(self._next % len(matches) + 1)).replace("%2", str(len(matches))))
        self._next += 1
        self._show_location(location)

    def replace_all(self) -> None:
        changes = replace_all(self._document.article, self.find.text(), self.replace.text(), **self._options())
        count = sum(change.count for change in changes)
        self._document.apply_text_changes(changes, self.tr("Replace all"))
        self.result.setText(self.tr("%n replacement(s)", "", count))
