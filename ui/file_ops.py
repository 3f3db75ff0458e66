"""New, Open, Save, Save As, Export and PDF, through the core, off the UI
thread. Errors become a message naming the file; the window stays open and
nothing typed is lost."""

from __future__ import annotations

import copy
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QObject, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.draft import SUFFIX, save_draft
from editor.errors import ArticleError, ExportError
from editor.export import ExportOptions, export_article
from editor.inputs import load_article
from editor.media import ArchiveMedia
from editor.model import DEFAULT_TIMEZONE, Article
from editor.text import slug
from ui import settings
from ui.document import Document
from ui.errors import describe_error
from ui.preview import PreviewView
from ui.workers import run_in_background

DRAFT_FILTER = "Tòa Soạn (*.article)"


def new_article() -> Article:
    author, source = settings.default_byline()
    now = datetime.now(ZoneInfo(DEFAULT_TIMEZONE)).replace(second=0, microsecond=0)
    return Article(published=now, timezone=DEFAULT_TIMEZONE, author=author, source=source)


class FileController(QObject):
    busy_changed = Signal(bool)
    status_message = Signal(str)
    recent_changed = Signal()

    def __init__(self, window: QWidget, document: Document, preview: PreviewView) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._preview = preview
        self._busy = 0

    # --- helpers ------------------------------------------------------------
    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        self.busy_changed.emit(self._busy > 0)

    def _show_error(self, title: str, error: ArticleError) -> None:
        QMessageBox.warning(self._window, title, describe_error(error))

    def _folder(self) -> str:
        return str(self._document.path.parent) if self._document.path else str(Path.home())

    # --- new and open ---------------------------------------------------------
    def new(self) -> None:
        self.confirm_discard(lambda: self._document.load(new_article(), None))

    def open_dialog(self) -> None:
        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Open an article"), self._folder(),
                self.tr("Articles (*.article article.json *.json);;All files (*)"),
            )
            if path:
                self._open(Path(path))

        self.confirm_discard(choose)

    def open_path(self, path: Path) -> None:
        self.confirm_discard(lambda: self._open(path))

    def _open(self, path: Path) -> None:
        self._set_busy(1)
        self.status_message.emit(self.tr("Opening %s…") % path.name)

        def opened(article: Article) -> None:
            self._set_busy(-1)
            is_draft = path.suffix.lower() == SUFFIX
            # An article.json opens as a new draft: saving asks where.
            self._document.load(article, path if is_draft else None)
            if is_draft:
                settings.add_recent_file(path)
                self.recent_changed.emit()
            self.status_message.emit(self.tr("Opened %s") % path.name)

        def failed(error: ArticleError) -> None:
            self._set_busy(-1)
            self._show_error(self.tr("Open"), error)

        run_in_background(lambda: load_article(path), opened, failed, context=self._window)

    # --- save -------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        if self._document.path is None:
            self.save_as(then)
        else:
            self._save_to(self._document.path, then)

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        suggested = Path(self._folder()) / f"{slug(self._document.article.title)}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save the article"), str(suggested), DRAFT_FILTER)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        self._save_to(target, then)

    def _save_to(self, path: Path, then: Callable[[], None] | None) -> None:
        snapshot = copy.deepcopy(self._document.article)
        media_before = {block.id: block.media for block in self._document.article.images()}
        index_at_save = self._document.undo_stack.index()
        self._set_busy(1)
        self.status_message.emit(self.tr("Saving %s…") % path.name)

        def saved(_: object) -> None:
            self._set_busy(-1)
            # The photos now live in the draft: point the open article there,
            # unless the user replaced a photo while we were saving.
            for block in self._document.article.images():
                stored = next((b for b in snapshot.images() if b.id == block.id), None)
                if stored is not None and block.media is media_before.get(block.id) and isinstance(stored.media, ArchiveMedia):
                    block.src, block.media = stored.src, stored.media
            self._document.article.kept_files = snapshot.kept_files
            self._document.set_path(path)
            if self._document.undo_stack.index() == index_at_save:
                self._document.mark_saved()
            settings.add_recent_file(path)
            self.recent_changed.emit()
            self.status_message.emit(self.tr("Saved %s") % path.name)
            if then is not None:
                then()

        def failed(error: ArticleError) -> None:
            self._set_busy(-1)
            self._show_error(self.tr("Save"), error)

        # Every save from the window is the user's own: it keeps a revision.
        revision_at = datetime.now(timezone.utc)
        run_in_background(lambda: save_draft(snapshot, path, revision_at=revision_at), saved, failed, context=self._window)

    def confirm_discard(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once unsaved changes are saved or discarded; the
        user may also cancel, and then nothing happens."""
        if not self._document.is_modified():
            proceed()
            return
        name = self._document.path.name if self._document.path else self.tr("Untitled article")
        answer = QMessageBox.question(
            self._window, self.tr("Unsaved changes"),
            self.tr("Save the changes to “%s” first?") % name,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=proceed)
        elif answer == QMessageBox.StandardButton.Discard:
            proceed()

    # --- export -------------------------------------------------------------------
    def export_dialog(self) -> None:
        folder_filter = self.tr("Web folder (index.html and images)")
        zip_filter = self.tr("Zip file (*.zip)")
        html_filter = self.tr("Single HTML file (*.html)")
        suggested = Path(self._folder()) / slug(self._document.article.title)
        path, chosen = QFileDialog.getSaveFileName(
            self._window, self.tr("Export the article"), str(suggested),
            ";;".join((folder_filter, zip_filter, html_filter)),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        target = Path(path)
        if chosen == zip_filter and target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        elif chosen == html_filter and target.suffix.lower() not in (".html", ".htm"):
            target = target.with_name(target.name + ".html")
        force = False
        if target.exists():
            answer = QMessageBox.question(
                self._window, self.tr("Export"), self.tr("“%s” already exists. Replace it?") % target.name,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        self.export_to(target, force)

    def export_to(self, target: Path, force: bool = False, then: Callable[[], None] | None = None) -> None:
        snapshot = copy.deepcopy(self._document.article)
        site = self._document.site()
        self._set_busy(1)
        self.status_message.emit(self.tr("Exporting…"))

        def done(_: object) -> None:
            self._set_busy(-1)
            self.status_message.emit(self.tr("Exported to %s") % target)
            if then is not None:
                then()

        def failed(error: ArticleError) -> None:
            self._set_busy(-1)
            self._show_error(self.tr("Export"), error)

        run_in_background(lambda: export_article(snapshot, site, target, ExportOptions(force=force)), done, failed, context=self._window)

    # --- PDF ---------------------------------------------------------------------------
    def export_pdf_dialog(self) -> None:
        suggested = Path(self._folder()) / f"{slug(self._document.article.title)}.pdf"
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export PDF"), str(suggested), self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, target: Path, then: Callable[[], None] | None = None) -> None:
        """An A4 PDF of the page with its print stylesheet. QtWebEngine writes
        a temporary file beside the target, which then replaces it."""
        temp = target.with_name(f".{target.name}.tmp")
        page = self._preview.page()
        self._set_busy(1)

        def finished(file_path: str, success: bool) -> None:
            if Path(file_path) != temp:
                return
            page.pdfPrintingFinished.disconnect(finished)
            self._set_busy(-1)
            try:
                if not success:
                    raise ExportError("the PDF could not be written", path=target)
                os.replace(temp, target)
            except OSError as error:
                temp.unlink(missing_ok=True)
                self._show_error(self.tr("Export PDF"), ExportError(str(error.strerror or error), path=target))
                return
            except ExportError as error:
                temp.unlink(missing_ok=True)
                self._show_error(self.tr("Export PDF"), error)
                return
            self.status_message.emit(self.tr("PDF saved to %s") % target)
            if then is not None:
                then()

        page.pdfPrintingFinished.connect(finished)
        # The margins of the page's own @page rule (18 mm top and bottom,
        # 16 mm at the sides): QtWebEngine takes them from the layout.
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
            QMarginsF(16, 18, 16, 18), QPageLayout.Unit.Millimeter,
        )
        page.printToPdf(str(temp), layout)
