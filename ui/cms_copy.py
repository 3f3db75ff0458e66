"""Edit ▸ Copy for CMS: the body's HTML and the text go on the clipboard;
the photos cannot, so the user is told to upload them and may save them to
a folder under exactly the names the HTML uses. The photos are converted
as an export converts them, on a worker thread."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.cms import CmsCopy, prepare_copy, save_photos
from editor.errors import ArticleError
from ui.clipboard import put_html
from ui.document import Document
from ui.workers import photo_pool, run_in_background


class CmsCopier(QObject):
    def __init__(self, window: QWidget, document: Document, show_message: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._show_message = show_message

    def copy(self) -> None:
        snapshot = copy.deepcopy(self._document.article)
        site = self._document.site()
        self._show_message(self.tr("Preparing the article for the portal…"), 0)
        def failed(error: ArticleError) -> None:
            self._say_failure(self.tr("Nothing was put on the clipboard: a photo cannot be prepared for the portal."), error)

        run_in_background(lambda: prepare_copy(snapshot, site), self._copied, failed, photo_pool(), context=self)

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
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Save the photos for the portal"), str(Path.home()))
        if folder:
            self.save_to(Path(folder), result.photos)

    def save_to(self, folder: Path, photos: dict[str, bytes]) -> None:
        def saved(_: object) -> None:
            self._show_message(self.tr("%n photo(s) saved in %1: upload them with the article", "", len(photos)).replace("%1", str(folder)), 10000)

        def failed(error: ArticleError) -> None:
            self._say_failure(self.tr("The photos were not all saved; the article is still on the clipboard."), error)

        run_in_background(lambda: save_photos(photos, folder), saved, failed, context=self)

    def _say_failure(self, headline: str, error: ArticleError) -> None:
        self._show_message("", 0)
        QMessageBox.warning(self._window, self.tr("Copy for CMS"), headline + "\n\n" + "\n".join(error.lines()))
