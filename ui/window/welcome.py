"""The welcome on the first start: what the app does, and the one thing to
set before the first article, the site profile (without it the page has no
header and no fanpage QR code). It can be skipped, and Help ▸ Welcome
shows it again."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from editor.model import SiteProfile


def needs_welcome(site: SiteProfile) -> bool:
    """A first start: this computer has no site profile yet."""
    return not (site.name.strip() or site.url.strip())


class WelcomeDialog(QDialog):
    def __init__(self, fill_profile: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Tòa Soạn"))
        points = [
            self.tr("Write the article in the form on the left; the page as readers will see it is on the right."),
            self.tr("Photos: drag them onto the form. Each needs a caption and a short description."),
            self.tr("The checklist says what is missing before you export or publish."),
            self.tr("Your work is saved by itself; after a power cut the app offers it back."),
        ]
        self.text = QLabel(
            "<h2>" + escape(self.tr("Welcome to Tòa Soạn")) + "</h2><p>"
            + escape(self.tr("Tòa Soạn writes news articles for your portal, offline, and exports them ready to publish."))
            + "</p><ul>" + "".join(f"<li>{escape(point)}</li>" for point in points) + "</ul><p><b>"
            + escape(self.tr("First, tell the app about your portal: its name, web address, fanpage and logo."))
            + "</b></p>", self)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.fill = QPushButton(self.tr("Fill in the site profile…"), self)
        self.later = QPushButton(self.tr("Later"), self)
        buttons.addButton(self.fill, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        self.fill.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accepted.connect(fill_profile)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, 380)
