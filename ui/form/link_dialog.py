"""The small dialog behind Ctrl+K: a link's address and its text.

The address must be one a reader may follow (http, https, mailto: the same
rule as the core's inline sanitizer, ``editor.text.is_link_url``), so a
link the page would drop is refused here, with the reason under the field.
An address typed without its scheme ("haiphong.gov.vn/tin") is offered back
with ``https://`` in front.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor.text import is_link_url
from ui.common.language import Retranslating

# "host.tld/anything" with no scheme: what people paste from an address bar
# that hides it, or type from a printed page.
_BARE_HOST = re.compile(r"(?i)(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?")
_EMAIL = re.compile(r"[^@\s/]+@[^@\s/]+\.[^@\s/]+")


def offered_address(typed: str) -> str | None:
    """What ``typed`` most likely meant when it is not a followable address:
    ``https://`` in front of a bare host, ``mailto:`` in front of an e-mail
    address; None when it is fine as it is or means nothing recognisable."""
    typed = typed.strip()
    if not typed or is_link_url(typed):
        return None
    if _EMAIL.fullmatch(typed):
        return "mailto:" + typed
    if _BARE_HOST.fullmatch(typed):
        return "https://" + typed
    return None


class LinkDialog(Retranslating, QDialog):
    """Address and text of one link. ``removed`` is set when the user chose
    *Remove link*; otherwise, once accepted, ``address()`` is followable.
    One dialog is made per window and shown again for each link (widgets
    made in Python are never deleted while the window runs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removed = False
        self.address_edit = QLineEdit(self)
        self.address_edit.setPlaceholderText("https://")
        self.text_edit = QLineEdit(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.offer = QPushButton(self)
        self.offer.setAutoDefault(False)
        self.offer.clicked.connect(self._take_offer)
        self.address_label = QLabel(self)
        self.address_label.setBuddy(self.address_edit)
        self.text_label = QLabel(self)
        self.text_label.setBuddy(self.text_edit)
        form = QFormLayout()
        form.addRow(self.address_label, self.address_edit)
        form.addRow(self.text_label, self.text_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.remove_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.clicked.connect(self._remove)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.offer)
        layout.addWidget(self.buttons)
        self.address_edit.textChanged.connect(self._check)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), 440), self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Link"))
        self.address_label.setText(self.tr("&Address:"))
        self.text_label.setText(self.tr("&Text:"))
        self.text_edit.setPlaceholderText(self.tr("The words readers click (the address if empty)"))
        self.remove_button.setText(self.tr("&Remove link"))
        self._check()

    def show_link(self, address: str, text: str, *, is_link: bool, text_editable: bool = True) -> None:
        """Fill the dialog for one link and open it (window-modal; ``finished`` says how it ended)."""
        self.removed = False
        self.address_edit.setText(address)
        self.text_edit.setText(text)
        self.text_edit.setEnabled(text_editable)
        self.remove_button.setVisible(is_link)
        self._check()
        self.address_edit.setFocus()
        self.address_edit.selectAll()
        self.open()

    def address(self) -> str:
        return self.address_edit.text().strip()

    def text(self) -> str:
        return self.text_edit.text().strip()

    def _check(self) -> None:
        typed = self.address()
        offered = offered_address(typed)
        fine = is_link_url(typed)
        if fine or not typed:
            self.problem.setText("")
        else:
            self.problem.setText(self.tr("A link's address starts with http://, https:// or mailto:"))
        self.problem.setVisible(not fine and bool(typed))
        self.offer.setVisible(offered is not None)
        if offered is not None:
            self.offer.setText(self.tr("Use %s") % offered)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(fine)

    def _take_offer(self) -> None:
        offered = offered_address(self.address())
        if offered is not None:
            self.address_edit.setText(offered)
            self.address_edit.setFocus()

    def accept(self) -> None:
        if not is_link_url(self.address()):
            return  # Enter in the field with a bad address: the reason is already shown
        super().accept()

    def _remove(self) -> None:
        self.removed = True
        super().accept()
