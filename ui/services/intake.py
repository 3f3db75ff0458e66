"""What comes into the window from outside: photo files (dialog, drag and
drop), pictures pasted from the clipboard or inside pasted HTML, Word
documents, and article files dropped on the window. Files are read and
checked on worker threads; the results become one undoable insertion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.errors import ArticleError
from editor.model import Block
from editor.paste import PastedPictures
from editor.photo_files import IMAGE_SUFFIXES
from ui.common.errors import describe_error
from ui.common.image_import import ImportResult, check_image_files, image_block_from_clipboard
from ui.common.language import interface_language
from ui.common.last_folder import FolderKind, last_folder, remember_folder
from ui.common.workers import photo_pool, run_in_background
from ui.document.document import Document
from ui.form.composer import Composer
from ui.services.file_ops import FileController

if TYPE_CHECKING:
    from editor.word_import import ImportResult as WordImportResult


class Intake(QObject):
    def __init__(self, window: QWidget, document: Document, composer: Composer, files: FileController,
                 show_message: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._composer = composer
        self._files = files
        self._show_message = show_message

    # --- photos ---------------------------------------------------------------------
    def choose_images(self, at_end: bool = False) -> None:
        """Insert photos the user picks: at the cursor in the body, else (or ``at_end``) at the end."""
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self._window, self.tr("Insert photos"), str(last_folder(FolderKind.PHOTOS)),
                                                self.tr("Photos (%s)") % patterns)
        if paths:
            remember_folder(FolderKind.PHOTOS, paths[0])
            self.import_images([Path(p) for p in paths], None, at_end=at_end)

    def import_images(self, paths: list[Path], index: int | None, at_end: bool = False) -> None:
        def done(result: ImportResult) -> None:
            if result.blocks:
                # The end as it is once the photos are checked: the writer may have gone on meanwhile.
                self.insert_image_blocks(list(result.blocks), len(self._document.article.blocks) if at_end else index)
            if result.problems:
                QMessageBox.warning(self._window, self.tr("Insert photos"),
                                    self.tr("These files were not inserted:") + "\n\n" + "\n".join(result.problems))

        def failed(error: ArticleError) -> None:
            QMessageBox.warning(self._window, self.tr("Insert photos"), describe_error(error))

        run_in_background(lambda: check_image_files(paths), done, failed, photo_pool(), context=self._composer)

    def insert_image_blocks(self, blocks: list[Block], index: int | None) -> None:
        """At the cursor (splitting the text there), or at a block index."""
        label = self.tr("Insert photo")
        if index is None:
            self._composer.blocks.insert_blocks(blocks, label)
        else:
            self._document.replace_blocks(index, index, blocks, label)

    def insert_pasted_image(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self._show_message(self.tr("There is no picture on the clipboard"), 5000)
            return
        self.insert_image_blocks([image_block_from_clipboard(image)], None)

    def insert_pasted_blocks(self, blocks: list[Block]) -> None:
        """Pasted text with headings: paragraphs and headings at the cursor, one undo step."""
        if blocks:
            self._composer.blocks.insert_blocks(blocks, self.tr("Paste"))

    def insert_pasted_pictures(self, pictures: PastedPictures) -> None:
        if pictures.blocks:
            self.insert_image_blocks(list(pictures.blocks), None)
        if pictures.left_out:
            self._show_message(
                self.tr("%n picture(s) on the web were not copied (the app works offline): insert them from files", "", len(pictures.left_out)),
                10000,
            )

    # --- Word documents ----------------------------------------------------------------
    def choose_word_document(self) -> None:
        def choose() -> None:
            path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Import a Word document"), str(last_folder(FolderKind.WORD)),
                                                  self.tr("Word documents (*.docx);;All files (*)"))
            if path:
                remember_folder(FolderKind.WORD, path)
                self.import_word(Path(path))

        self._files.confirm_discard(choose)

    def import_word(self, path: Path) -> None:
        """On a worker, with a busy bar once it lasts (a long document takes
        seconds); Cancel drops the result: the open article stays."""
        progress = self._files.progress
        progress.start(self.tr("Import Word document"), self.tr("Reading “%s”…") % path.name, self.tr("Cancel"))

        def done(result: WordImportResult) -> None:
            progress.finish()
            if progress.cancelled():
                self._show_message(self.tr("Import cancelled: the open article is unchanged"), 8000)
                return
            self._files.show_unsaved(result.article)  # an import is on no disk until saved
            if result.notes:
                QMessageBox.information(self._window, self.tr("Import Word document"),
                                        self.tr("Imported. Please check:") + "\n\n" + "\n".join(f"• {n.message(interface_language())}" for n in result.notes))

        def failed(error: ArticleError) -> None:
            progress.finish()
            if not progress.cancelled():
                QMessageBox.warning(self._window, self.tr("Import Word document"), describe_error(error))

        run_in_background(lambda: _import_docx(path), done, failed, context=self._composer)

    # --- dropped files --------------------------------------------------------------------
    def take_files(self, paths: list[Path], index: int | None) -> None:
        """Files dropped on the window or the body: an article opens, a Word
        document is imported, photos are inserted."""
        drafts = [p for p in paths if p.suffix.lower() in (".article", ".json")]
        if drafts:
            self._files.open_path(drafts[0])
            return
        documents = [p for p in paths if p.suffix.lower() in (".docx", ".doc")]
        if documents:
            self._files.confirm_discard(lambda: self.import_word(documents[0]))
            return
        images = [p for p in paths if p.is_file()]
        if images:
            self.import_images(images, index)


def _import_docx(path: Path) -> WordImportResult:
    """On the worker: the Word importer (mammoth and its own modules, 90 ms
    of imports) is loaded with the first Word file, not as the window's
    tools are built right after the preview's first frame."""
    from editor.word_import import import_docx

    return import_docx(path)
