"""File ▸ Revisions…: the versions kept at each save, each with what differs
from the current text; one of them can be brought back as one undo step."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QProgressBar, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from editor.errors import ArticleError
from editor.model import Article
from editor.revisions import DiffLine, Revision, list_revisions, load_revision, text_diff
from ui.common.errors import describe_error
from ui.common.workers import run_in_background
from ui.document.document import Document

# Colour and a line style both, so the marks read without colour too.
PROGRESS_AFTER_MS = 200  # a comparison quicker than this shows no bar at all

_STYLES = {
    "removed": "background:#fde2e1;color:#8a1c14;text-decoration:line-through",
    "added": "background:#dff3dc;color:#1d5a17;text-decoration:underline",
}


def diff_html(lines: list[DiffLine]) -> str:
    paragraphs = []
    for line in lines:
        spans = "".join(
            f'<span style="{_STYLES[kind]}">{html.escape(text)}</span>' if kind in _STYLES else html.escape(text)
            for kind, text in line.parts
        )
        paragraphs.append(f"<p>{spans}</p>")
    return "".join(paragraphs)


class RevisionsDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisions"))
        self.resize(900, 600)
        self._document = document
        self._loaded: Article | None = None
        self.revisions = list_revisions(document.article.kept_files)

        self.list = QListWidget(self)
        for revision in self.revisions:
            item = QListWidgetItem(revision.saved_at.astimezone().strftime("%d/%m/%Y %H:%M:%S"))
            item.setData(Qt.ItemDataRole.UserRole, revision)
            self.list.addItem(item)
        self.diff = QTextBrowser(self)
        self.diff.setOpenLinks(False)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([220, 680])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(self.tr("Restore this revision"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)

        if self.revisions:
            intro = self.tr(
                "A revision is kept each time you save. Struck through in red: text only in the revision. "
                "Underlined in green: text only in the current article. Restoring can be undone."
            )
        else:
            intro = self.tr("No revisions yet. Each time you save the article, Tòa Soạn keeps the saved text here.")
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        # Reading and comparing run on a worker (a long article takes a
        # while); past PROGRESS_AFTER_MS a busy bar says the dialog works.
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Comparing…"))
        self.progress.hide()
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_AFTER_MS)
        self._progress_timer.timeout.connect(self.progress.show)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        if self.revisions:
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        self._loaded = None
        self.restore_button.setEnabled(False)
        if item is None:
            self._progress_timer.stop()
            self.progress.hide()
            return
        revision: Revision = item.data(Qt.ItemDataRole.UserRole)
        # A snapshot: the worker must not read the article while the user types.
        current = self._document.snapshot()
        self.diff.setPlainText(self.tr("Reading…"))
        self._progress_timer.start()

        def compare() -> tuple[Article, str, bool]:
            old = load_revision(current, revision)
            lines = text_diff(old, current)
            return old, diff_html(lines), all(line.kind == "same" for line in lines)

        def finished() -> bool:
            if self.list.currentItem() is not item:
                return False  # another revision was chosen meanwhile
            self._progress_timer.stop()
            self.progress.hide()
            return True

        def compared(result: tuple[Article, str, bool]) -> None:
            if not finished():
                return
            old, shown, unchanged = result
            self._loaded = old
            if unchanged:
                same = self.tr("The text is the same as now.")
                shown = f"<p><i>{html.escape(same)}</i></p>" + shown
            self.diff.setHtml(shown)
            self.restore_button.setEnabled(True)

        def failed(error: ArticleError) -> None:
            if finished():
                self.diff.setPlainText(describe_error(error))

        run_in_background(compare, compared, failed, context=self)

    def _restore(self) -> None:
        if self._loaded is None:
            return
        when = self.list.currentItem().text()
        self._document.replace_article(self._loaded, self.tr("Restore the revision of %s") % when)
        self.accept()
