"""Edit ▸ Copy for CMS: the body's HTML and the text go on the clipboard;
the photos cannot, so the user is told to upload them and may save them to
a folder under exactly the names the HTML uses. The photos are converted
as an export converts them, on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.errors import ArticleError
from ui.common.clipboard import put_html
from ui.common.last_folder import FolderKind, last_folder, remember_folder
from ui.common.workers import photo_pool, run_in_background
from ui.document.document import Document

if TYPE_CHECKING:
    from editor.cms import CmsCopy


class CmsCopier(QObject):
    def __init__(self, window: QWidget, document: Document, show_message: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._show_message = show_message

    def copy(self) -> None:
        snapshot = self._document.snapshot()
        site = self._document.site()
        self._show_message(self.tr("Preparing the article for the portal…"), 0)
        def failed(error: ArticleError) -> None:
            self._say_failure(self.tr("Nothing was put on the clipboard: a photo cannot be prepared for the portal."), error)

        def prepare() -> CmsCopy:
            # Here, on the worker: editor.cms brings the export and Pillow
            # (45 ms of imports), which the window's start need not load.
            from editor.cms import prepare_copy

            return prepare_copy(snapshot, site)

        run_in_background(prepare, self._copied, failed, photo_pool(), context=self)

    def _copied(self, result: CmsCopy) -> None:
        put_html(result.html, result.text)
        if not result.photos:
            self._show_message(self.tr("The article is on the clipboard: paste it into the portal's editor"), 5000)
            return
        self._show_message(self.tr("The article is on the clipboard; its photos are not"), 10000)
        names = "\n".join(f"• {name}" for name in sorted(result.photos))
        answer = QMessageBox.question(
            self._window, self.tr("Copy for CMS"),
            self.tr("The article is on the clipboard. Its %n photo(s) are not: upload them to the portal too, "
                    "under these names, which the pasted text uses:", "", len(result.photos))
            + "\n\n" + names + "\n\n" + self.tr("Save the photos to a folder now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Save,
        )
        if answer != QMessageBox.StandardButton.Save:
            return
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Save the photos for the portal"), str(last_folder(FolderKind.EXPORTS)))
        if folder:
            remember_folder(FolderKind.EXPORTS, folder)
            self.save_to(Path(folder), result.photos)

    def save_to(self, folder: Path, photos: dict[str, bytes], replace: bool = False) -> None:
        """Save the photos on a worker; files of other photos under the same
        names are replaced only once the user says so."""
        def work() -> list[str]:
            from editor.cms import photos_in_the_way, save_photos

            in_the_way = [] if replace else photos_in_the_way(photos, folder)
            if not in_the_way:
                save_photos(photos, folder)
            return in_the_way

        def done(in_the_way: list[str]) -> None:
            if not in_the_way:
                self._show_message(self.tr("%n photo(s) saved in %1: upload them with the article", "", len(photos)).replace("%1", str(folder)), 10000)
                return
            answer = QMessageBox.question(
                self._window, self.tr("Copy for CMS"),
                self.tr("%n file(s) in this folder already have these names and other contents:", "", len(in_the_way))
                + "\n\n" + "\n".join(f"• {name}" for name in in_the_way) + "\n\n" + self.tr("Replace them?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save_to(folder, photos, replace=True)
            else:
                self._show_message(self.tr("No photo was saved; the article is still on the clipboard."), 10000)

        def failed(error: ArticleError) -> None:
            self._say_failure(self.tr("The photos were not all saved; the article is still on the clipboard."), error)

        run_in_background(work, done, failed, context=self)

    def _say_failure(self, headline: str, error: ArticleError) -> None:
        self._show_message("", 0)
        QMessageBox.warning(self._window, self.tr("Copy for CMS"), headline + "\n\n" + "\n".join(error.lines()))
