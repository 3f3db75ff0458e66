"""New, Open, Save, Save As, Export and PDF, through the core, off the UI
thread. Errors become a message naming the file; the window stays open and
nothing typed is lost. The open draft is locked against other copies of the
app, and a save first checks that nobody changed, moved or deleted it."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.atomic import give_ordinary_mode
from editor.draft import SUFFIX, PreviewCopyOf, save_draft
from editor.errors import ArticleError, ExportCancelled, ExportError, FileChangedError, FileVanishedError
from editor.file_state import FileState, check_unchanged, file_state
from editor.locks import REFRESH_SECONDS, DocumentLock, DocumentLockedError, locked
from editor.media import ArchiveMedia
from editor.model import Article
from editor.new_article import blank_article
from editor.site import carried_site
from editor.text import slug
from editor.workspace import Workspace
from ui.common import settings
from ui.common.errors import describe_error
from ui.common.last_folder import FolderKind, chosen_folder, default_folder, last_folder, remember_folder
from ui.common.workers import run_in_background
from ui.dialogs.choice import ask_choice
from ui.dialogs.export_notice import Exported, exported_page
from ui.document.document import Document
from ui.services.progress import WorkProgress

if TYPE_CHECKING:
    from ui.preview.preview import PreviewView

DRAFT_FILTER = "Tòa Soạn (*.article)"


def new_article() -> Article:
    """A blank article with this computer's default byline (``editor.new_article``)."""
    return blank_article(*settings.default_byline())


class FileController(QObject):
    busy_changed = Signal(bool)
    # True from Open until the article is on screen or the open failed: the
    # checklist shows no findings meanwhile, neither the old article's nor
    # those of one still being read.
    opening_changed = Signal(bool)
    status_message = Signal(str)
    recent_changed = Signal()
    exported = Signal(Exported)  # an export is on disk: the window offers to open it

    def __init__(self, window: QWidget, document: Document, workspace: Workspace,
                 preview_copy_of: PreviewCopyOf | None = None) -> None:
        """``preview_copy_of``: the preview's copies a saved draft carries
        (``ImageCache.draft_copies``), so that it opens fast elsewhere."""
        super().__init__(window)
        self._window = window
        self._document = document
        self._preview_copy_of = preview_copy_of
        # Set by the window once QtWebEngine is up (after the first paint);
        # only the PDF needs it.
        self.preview: PreviewView | None = None
        self._workspace = workspace
        self._busy = 0
        self._opening = 0
        self._lock: DocumentLock | None = None
        self._disk_state: FileState | None = None  # the draft as it was at open or our last save
        # The file the article on screen was opened from, kept when it opened
        # as a new draft (an article.json): dialogs open beside it.
        self._opened_from: Path | None = None
        document.reset.connect(self._forget_opened_from)
        self.progress = WorkProgress(window)  # the bar with Cancel of a long export
        self._lock_timer = QTimer(self, interval=REFRESH_SECONDS * 1000)
        self._lock_timer.timeout.connect(self._refresh_lock)

    # --- helpers ------------------------------------------------------------
    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        self.busy_changed.emit(self._busy > 0)

    def _set_opening(self, delta: int) -> None:
        self._opening += delta
        if self._opening == (1 if delta > 0 else 0):
            self.opening_changed.emit(self._opening > 0)

    def _forget_opened_from(self) -> None:
        self._opened_from = None

    def is_opening(self) -> bool:
        return self._opening > 0

    def expect_article(self, expected: bool) -> None:
        """An article is on its way by another road (the file named at start,
        work restored after a crash): the same as an open under way."""
        self._set_opening(1 if expected else -1)

    def _show_error(self, title: str, error: ArticleError) -> None:
        QMessageBox.warning(self._window, title, describe_error(error))

    def _folder(self, kind: FolderKind) -> Path:
        """Where a dialog of ``kind`` opens. A draft is saved beside itself,
        an article opened from another file (an ``article.json``) beside
        that file. Otherwise the last folder the user chose for that kind;
        before any was chosen, the article's own folder, then Documents
        (a first export of an article opened from a folder used to be
        offered Documents, or the home folder, far from the article)."""
        own_file = self._document.path or self._opened_from
        own_folder = own_file.parent if own_file is not None and own_file.parent.is_dir() else None  # not a USB stick taken out
        if kind is FolderKind.DRAFTS and own_folder is not None:
            return own_folder
        return chosen_folder(kind) or own_folder or default_folder()

    # --- new and open ---------------------------------------------------------
    def new(self) -> None:
        def start() -> None:
            self._set_lock(None)
            self._disk_state = None
            self._document.load(new_article(), None)

        self.confirm_discard(start)

    def start_from(self, article: Article) -> None:
        """A new, unsaved article made from another (the library's Duplicate as new)."""
        self.confirm_discard(lambda: self.show_unsaved(article))

    def show_unsaved(self, article: Article) -> None:
        """Put ``article``, which is on no disk yet (a Word document just
        imported, a duplicate), in place of the open one, whose changes were
        saved or discarded: the draft open before is let go (its lock), and
        closing now asks to save the new one, which autosave keeps meanwhile."""
        self._set_lock(None)
        self._disk_state = None
        self._document.load(article, None)
        self._document.undo_stack.resetClean()  # not on disk yet

    def open_copy(self, path: Path) -> None:
        """Open a draft as a copy: no lock, saving asks for a new name."""
        self.confirm_discard(lambda: self._open(path, as_copy=True))

    def open_dialog(self) -> None:
        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, self.tr("Open an article"), str(last_folder(FolderKind.DRAFTS)),
                self.tr("Articles (*.article article.json *.json);;All files (*)"),
            )
            if path:
                remember_folder(FolderKind.DRAFTS, path)
                self._open(Path(path))

        self.confirm_discard(choose)

    def open_path(self, path: Path) -> None:
        self.confirm_discard(lambda: self._open(path))

    def _open(self, path: Path, take_over: bool = False, as_copy: bool = False) -> None:
        self._set_busy(1)
        self._set_opening(1)
        self.status_message.emit(self.tr("Opening %s…") % path.name)
        is_draft = path.suffix.lower() == SUFFIX
        # Opening again the draft this window holds keeps its lock.
        held = self._lock if self._lock is not None and self._lock.document == path else None

        def work() -> tuple[DocumentLock | None, Article, FileState | None]:
            from editor.inputs import load_article  # on the worker: the window starts without it

            if not is_draft or as_copy:
                return None, load_article(path), file_state(path)
            with locked(path, held, take_over=take_over) as lock:
                return lock, load_article(path), file_state(path)

        def opened(result: tuple[DocumentLock | None, Article, FileState | None]) -> None:
            self._set_busy(-1)
            lock, article, state = result
            # An article.json, or a copy of a draft someone else has open,
            # opens as a new draft: saving asks where.
            keeps_path = is_draft and not as_copy
            self._set_lock(lock)
            self._disk_state = state if keeps_path else None
            self._document.load(article, path if keeps_path else None)
            self._opened_from = path  # after the load, whose reset forgot the one before
            self._set_opening(-1)  # the whole article is in the document now
            if keeps_path:
                settings.add_recent_file(path)
                self.recent_changed.emit()
            if as_copy:
                self.status_message.emit(self.tr("Opened a copy of %s: save it under another name") % path.name)
            elif article.load_notes:
                self.status_message.emit(self.tr("Opened %1; changed so that it can be saved: %2")
                                         .replace("%1", path.name).replace("%2", "; ".join(article.load_notes)))
            else:
                self.status_message.emit(self.tr("Opened %s") % path.name)

        def failed(error: ArticleError) -> None:
            self._set_busy(-1)
            self._set_opening(-1)
            if isinstance(error, DocumentLockedError):
                self._offer_copy(path, error)
            else:
                self._show_error(self.tr("Open"), error)

        run_in_background(work, opened, failed, context=self._window)

    def _offer_copy(self, path: Path, error: DocumentLockedError) -> None:
        """Someone has the draft open: open a copy, or take over a stale lock."""
        holder = error.holder
        since = holder.since.astimezone().strftime("%H:%M %d/%m/%Y")
        text = self.tr("“%1” is open in Tòa Soạn by %2 on the computer %3, since %4.")
        text = text.replace("%1", path.name).replace("%2", holder.user).replace("%3", holder.machine).replace("%4", since)
        choices = [("copy", self.tr("Open a copy"), QMessageBox.ButtonRole.ActionRole)]
        if holder.is_stale():
            details = self.tr(
                "That copy of Tòa Soạn seems to have closed without tidying up (a crash or a power cut). "
                "If nobody is working on the article, you can take it over.")
            choices.insert(0, ("take over", self.tr("Take over"), QMessageBox.ButtonRole.AcceptRole))
        else:
            details = self.tr("You can open a copy and save it under another name.")
        answer = ask_choice(self._window, self.tr("The article is in use"), text, details, choices, "copy",
                            QMessageBox.Icon.Information)
        if answer == "take over":
            self._open(path, take_over=True)
        elif answer == "copy":
            self._open(path, as_copy=True)

    # --- the lock on the open draft --------------------------------------------
    def _set_lock(self, lock: DocumentLock | None) -> None:
        if self._lock is not None and (lock is None or self._lock.path != lock.path):
            self._lock.release()
        self._lock = lock
        if lock is None:
            self._lock_timer.stop()
        else:
            self._lock_timer.start()

    def _refresh_lock(self) -> None:
        lock = self._lock
        if lock is not None:
            run_in_background(lock.refresh, lambda _: None, lambda error: None, context=self._window)

    def release_lock(self) -> None:
        """The window closes: let others open the draft."""
        self._set_lock(None)

    # --- save -------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        if self._document.path is None:
            self.save_as(then)
        else:
            self._save_to(self._document.path, then)

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        suggested = self._folder(FolderKind.DRAFTS) / f"{slug(self._document.article.title)}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save the article"), str(suggested), DRAFT_FILTER)
        if not path:
            return
        remember_folder(FolderKind.DRAFTS, path)
        target = Path(path)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        self._save_to(target, then)

    def _save_to(self, path: Path, then: Callable[[], None] | None, overwrite: bool = False) -> None:
        # The save repoints its own copies of the photo blocks at the draft;
        # every other block is shared with the window, never changed in place.
        snapshot = self._document.snapshot(own_photos=True)
        saved_site = self._document.saved_site
        media_before = {block.id: block.media for block in self._document.article.images()}
        index_at_save = self._document.undo_stack.index()
        same_file = path == self._document.path
        expected_state = self._disk_state if same_file else None
        held = self._lock if self._lock is not None and self._lock.document == path else None
        workspace = self._workspace
        preview_copy_of = self._preview_copy_of
        # Every save from the window is the user's own: it keeps a revision.
        revision_at = datetime.now(UTC)
        self._set_busy(1)
        self.status_message.emit(self.tr("Saving %s…") % path.name)

        def work() -> tuple[DocumentLock | None, FileState | None]:
            if held is not None:
                held.ensure_held()  # nobody took it over meanwhile
            with locked(path, held) as lock:
                if same_file and not overwrite:
                    check_unchanged(path, expected_state)
                workspace.stand_in_for_missing_photos(snapshot)
                # The draft carries the profile its page was shown with, so
                # that it shows the same portal on a colleague's computer.
                snapshot.site = carried_site(snapshot, saved_site)
                save_draft(snapshot, path, revision_at=revision_at, preview_copy_of=preview_copy_of)
            return lock, file_state(path)

        def saved(result: tuple[DocumentLock | None, FileState | None]) -> None:
            self._set_busy(-1)
            lock, state = result
            # The photos now live in the draft: point the open article there,
            # unless the user replaced a photo while we were saving.
            for block in self._document.article.images():
                stored = next((b for b in snapshot.images() if b.id == block.id), None)
                if stored is not None and block.media is media_before.get(block.id) and isinstance(stored.media, ArchiveMedia):
                    block.src, block.media = stored.src, stored.media
            self._document.article.kept_files = snapshot.kept_files
            self._set_lock(lock)
            self._disk_state = state
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
            if isinstance(error, (FileChangedError, FileVanishedError)):
                self._ask_how_to_save(path, error, then)
            else:
                self._show_error(self.tr("Save"), error)

        run_in_background(work, saved, failed, context=self._window)

    def _ask_how_to_save(self, path: Path, error: ArticleError, then: Callable[[], None] | None) -> None:
        """The file changed or vanished since it was opened: ask, never guess."""
        if isinstance(error, FileChangedError):
            title = self.tr("The file was changed")
            text = self.tr("“%s” was changed by someone else since you opened it. "
                           "Saving here replaces their version with yours.") % path.name
            here = (self.tr("Replace their version"), QMessageBox.ButtonRole.DestructiveRole)
        else:
            title = self.tr("The file is gone")
            text = self.tr("“%s” was moved or deleted since you opened it. Your work is still here.") % path.name
            here = (self.tr("Save it here again"), QMessageBox.ButtonRole.AcceptRole)
        answer = ask_choice(
            self._window, title, text, self.tr("Or save your version under another name, and compare the two."),
            [("here", *here), ("save as", self.tr("Save As…"), QMessageBox.ButtonRole.ActionRole)], "save as",
            QMessageBox.Icon.Warning,
        )
        if answer == "here":
            self._save_to(path, then, overwrite=True)
        elif answer == "save as":
            self.save_as(then)

    def confirm_discard(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once unsaved changes are saved or discarded; the
        user may also cancel, and then nothing happens."""
        if not self._document.is_modified():
            proceed()
            return
        name = self._document.display_name(self.tr("Untitled article"))
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
        suggested = self._folder(FolderKind.EXPORTS) / slug(self._document.article.title)
        path, chosen = QFileDialog.getSaveFileName(
            self._window, self.tr("Export the article"), str(suggested),
            ";;".join((folder_filter, zip_filter, html_filter)),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        remember_folder(FolderKind.EXPORTS, Path(path).parent)
        target = Path(path)
        if chosen == zip_filter and target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        elif chosen == html_filter and target.suffix.lower() not in (".html", ".htm"):
            target = target.with_name(target.name + ".html")
        force = self._may_replace(target)
        if force is not None:
            self.export_to(target, force)

    def export_to(self, target: Path, force: bool = False, then: Callable[[], None] | None = None) -> None:
        from editor.export import ExportOptions, export_article  # heavy (Pillow, Jinja, QR codes): not at start

        snapshot = self._document.snapshot()
        site = self._document.site()
        self._set_busy(1)
        self.status_message.emit(self.tr("Exporting…"))
        progress = self.progress
        progress.start(self.tr("Export"), self.tr("Exporting the article and converting its photos…"), self.tr("Cancel"))
        options = ExportOptions(force=force, progress=progress.report, cancelled=progress.cancelled)

        def done(_: object) -> None:
            progress.finish()
            self._set_busy(-1)
            self.status_message.emit(self.tr("Exported to %s") % target)
            self.exported.emit(Exported(self.tr("The exported article"), target, exported_page(target)))
            if then is not None:
                then()

        def failed(error: ArticleError) -> None:
            progress.finish()
            self._set_busy(-1)
            if isinstance(error, ExportCancelled):
                self.status_message.emit(self.tr("Export cancelled: nothing was written"))
            else:
                self._show_error(self.tr("Export"), error)

        run_in_background(lambda: export_article(snapshot, site, target, options), done, failed, context=self._window)

    def _may_replace(self, target: Path) -> bool | None:
        """Whether an export may replace ``target``: False when there is
        nothing there, True when the user said yes, None when they said no."""
        if not target.exists():
            return False
        answer = QMessageBox.question(
            self._window, self.tr("Export"), self.tr("“%s” already exists. Replace it?") % target.name,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return True if answer == QMessageBox.StandardButton.Yes else None

    def export_package_dialog(self) -> None:
        """Export ▸ Publish package…: the zip an editor uploads by hand to a portal with no API."""
        suggested = self._folder(FolderKind.EXPORTS) / f"{slug(self._document.article.title)}-package.zip"
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export a publish package"), str(suggested), self.tr("Zip file (*.zip)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        remember_folder(FolderKind.EXPORTS, Path(path).parent)
        target = Path(path)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        force = self._may_replace(target)
        if force is not None:
            self.export_package_to(target, force)

    def export_package_to(self, target: Path, force: bool = False) -> None:
        """On a worker, like the other exports: the photos are converted there."""
        snapshot = self._document.snapshot()
        self._set_busy(1)
        self.status_message.emit(self.tr("Exporting…"))

        def done(_: object) -> None:
            self._set_busy(-1)
            self.status_message.emit(self.tr("Publish package written to %s") % target)
            self.exported.emit(Exported(self.tr("The publish package"), target, None))

        def failed(error: ArticleError) -> None:
            self._set_busy(-1)
            self._show_error(self.tr("Export"), error)

        def work() -> None:
            from editor.publish.package import write_package  # only when asked: not on the window's start-up path

            write_package(snapshot, target, force=force)

        run_in_background(work, done, failed, context=self._window)

    def adopt_publish(self, record: dict[str, object], disk_state: FileState | None) -> None:
        """Publishing wrote its record into the draft: keep it, and the file as it now is."""
        self._document.article.extra["publish"] = record
        self._disk_state = disk_state

    # --- PDF ---------------------------------------------------------------------------
    def export_pdf_dialog(self) -> None:
        suggested = self._folder(FolderKind.EXPORTS) / f"{slug(self._document.article.title)}.pdf"
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export PDF"), str(suggested), self.tr("PDF (*.pdf)"))
        if path:
            remember_folder(FolderKind.EXPORTS, Path(path).parent)
            self.export_pdf(Path(path))

    def export_pdf(self, target: Path, then: Callable[[], None] | None = None) -> None:
        """An A4 PDF of the page with its print stylesheet. QtWebEngine writes
        a temporary file beside the target, which then replaces it."""
        from ui.preview.pdf_print import a4_layout, with_every_photo_loaded

        assert self.preview is not None, "the PDF is made from the preview, which is up once the window is"
        temp = target.with_name(f".{target.name}.tmp")
        page = self.preview.page()
        self._set_busy(1)

        def finished(file_path: str, success: bool) -> None:
            if Path(file_path) != temp:
                return
            page.pdfPrintingFinished.disconnect(finished)
            self._set_busy(-1)
            try:
                if not success:
                    raise ExportError("the PDF could not be written", path=target)
                give_ordinary_mode(temp, target)  # QtWebEngine writes it private (0600)
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
            self.exported.emit(Exported(self.tr("The PDF"), target, target))
            if then is not None:
                then()

        page.pdfPrintingFinished.connect(finished)
        # The same layout as the command line's PDF, once every photo is loaded.
        with_every_photo_loaded(page, lambda: page.printToPdf(str(temp), a4_layout()))
