"""Find and Replace across every field of the article (non-modal)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor.fields import Location
from editor.find_replace import find_all, replace_all
from ui.document.document import Document


class FindReplaceDialog(QDialog):
    def __init__(self, document: Document, show_location: Callable[[Location], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._show_location = show_location
        self._next = 0
        self.find = QLineEdit(self)
        self.replace = QLineEdit(self)
        self.ignore_diacritics = QCheckBox(self)
        self.match_case = QCheckBox(self)
        self.result = QLabel(self)
        self.find_next_button = QPushButton(self)
        self.replace_all_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.find_label = QLabel(self)
        self.replace_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.find_label, self.find)
        form.addRow(self.replace_label, self.replace)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.find_next_button)
        buttons.addWidget(self.replace_all_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.ignore_diacritics)
        layout.addWidget(self.match_case)
        layout.addLayout(buttons)
        self.find_next_button.clicked.connect(self.find_next)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        self.find.textChanged.connect(lambda: setattr(self, "_next", 0))
        self.find_next_button.setDefault(True)
        self.retranslate()

    def retranslate(self) -> None:
        """The texts again in the current language; what was typed stays."""
        self.setWindowTitle(self.tr("Find and replace"))
        self.ignore_diacritics.setText(self.tr("Ignore diacritics (“hoa” also finds “hòa”, “hoá”)"))
        self.match_case.setText(self.tr("Match case"))
        self.find_next_button.setText(self.tr("Find next"))
        self.replace_all_button.setText(self.tr("Replace all"))
        self.close_button.setText(self.tr("Close"))
        self.find_label.setText(self.tr("Find"))
        self.replace_label.setText(self.tr("Replace with"))
        self.result.clear()

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
