"""Help ▸ Check for updates, and the same check a few seconds after start:
a newer bundle in this computer's update folder (the ``updates/folder``
setting, usually a network share an administrator fills; never anything a
draft says) is offered with its version and what's new. Accepted, it is
copied, checked and unpacked off the UI thread, and starts from the next
start on (editor/updates.py; main.py hands over to it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.errors import ArticleError
from editor.version import VERSION
from ui.common.errors import describe_error
from ui.common.settings import settings
from ui.common.workers import run_in_background

if TYPE_CHECKING:  # editor.updates (zipfile, hashlib…) is imported when a check runs, not while the window starts
    from editor.updates import Update

FOLDER_KEY = "updates/folder"
# After start, once the window and its preview are up: the share may be slow to answer.
STARTUP_CHECK_MS = 8_000


def update_folder() -> Path | None:
    value = str(settings().value(FOLDER_KEY, "") or "")
    return Path(value) if value else None


class UpdateOffer(QObject):
    def __init__(self, parent: QWidget, versions: Path | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self._versions = versions
        self._busy = False
        self.offered: Update | None = None  # the last update offered (for the status bar and tests)
        self.staged: Path | None = None

    def check_later(self) -> None:
        """The quiet check after start: says something only when there is an update."""
        if update_folder() is not None:
            QTimer.singleShot(STARTUP_CHECK_MS, self, lambda: self.check(quiet=True))

    def check(self, quiet: bool = False) -> None:
        if self._busy:
            return
        folder = update_folder()
        if folder is None:
            if quiet:
                return
            chosen = QFileDialog.getExistingDirectory(self._window, self.tr("Folder the updates are put in"))
            if not chosen:
                return
            settings().setValue(FOLDER_KEY, chosen)
            folder = Path(chosen)
        from editor.updates import find_update

        self._busy = True
        run_in_background(lambda: find_update(folder, VERSION), lambda found: self._on_found(found, quiet),
                          lambda error: self._on_failed(error, quiet), context=self)

    def _on_failed(self, error: ArticleError, quiet: bool) -> None:
        self._busy = False
        if not quiet:  # a share that is down at start is not worth a box; asked for, it is
            QMessageBox.warning(self._window, self.tr("Updates"), describe_error(error))

    def _on_found(self, update: Update | None, quiet: bool) -> None:
        self._busy = False
        if update is None:
            if not quiet:
                QMessageBox.information(self._window, self.tr("Updates"),
                                        self.tr("This is the newest version (%s).") % VERSION)
            return
        self.offered = update
        text = self.tr("Tòa Soạn %1 is available; this is %2.\n\nWhat's new:\n%3\n\n"
                       "Update on next start? The work open now is not touched.")
        text = text.replace("%1", update.version).replace("%2", VERSION).replace("%3", update.notes or "—")
        answer = QMessageBox.question(self._window, self.tr("Update available"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from editor.updates import stage_update, versions_folder

        versions = self._versions or versions_folder()
        self._busy = True
        run_in_background(lambda: stage_update(update, versions), self._on_staged,
                          lambda error: self._on_failed(error, False), context=self)

    def _on_staged(self, folder: Path) -> None:
        self._busy = False
        self.staged = folder
        QMessageBox.information(self._window, self.tr("Updates"),
                                self.tr("Tòa Soạn %s will start the next time you open it.") % folder.name)
