"""The message after an export: where it went, with *Open page* and *Open
folder*, so nobody has to hunt for the file in Explorer.

It is not modal: the user may go on writing and close it later. One notice
is kept and reused for every export (never deleted while Qt may still send
it events).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


@dataclass(frozen=True)
class Exported:
    """What an export wrote: ``page`` is what *Open page* opens (None when
    it cannot be opened directly, as inside a zip), ``folder`` what *Open
    folder* shows."""

    what: str  # said in the message, already translated
    target: Path
    page: Path | None

    @property
    def folder(self) -> Path:
        return self.target if self.target.is_dir() else self.target.parent


def exported_page(target: Path) -> Path | None:
    """The file a browser opens for an export to ``target``."""
    if target.is_dir():
        index = target / "index.html"
        return index if index.is_file() else None
    return target if target.suffix.lower() in (".html", ".htm", ".pdf") else None


def _open_in_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportNotice(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._shown: Exported | None = None
        self.box = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Close, window)
        self.box.setModal(False)
        self.open_page = QPushButton(self.box)
        self.open_folder = QPushButton(self.box)
        self.retranslate()  # before the buttons are added: Qt refuses a button without a title
        self.box.addButton(self.open_page, QMessageBox.ButtonRole.ActionRole)
        self.box.addButton(self.open_folder, QMessageBox.ButtonRole.ActionRole)
        self.open_page.clicked.connect(lambda: self._open(lambda shown: shown.page))
        self.open_folder.clicked.connect(lambda: self._open(lambda shown: shown.folder))

    def retranslate(self) -> None:
        self.box.setWindowTitle(self.tr("Export"))
        self.open_page.setText(self.tr("Open page"))
        self.open_folder.setText(self.tr("Open folder"))

    def show(self, exported: Exported) -> None:
        self._shown = exported
        self.box.setText(self.tr("%1 was saved to:").replace("%1", exported.what) + f"\n{exported.target}")
        self.open_page.setVisible(exported.page is not None)
        self.box.show()
        self.box.raise_()

    def _open(self, pick: Callable[[Exported], Path | None]) -> None:
        if self._shown is None:
            return
        path = pick(self._shown)
        if path is not None:
            _open_in_system(path)
