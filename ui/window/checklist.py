"""The checklist panel: the core's pre-publication checks, run on a worker
when typing pauses. Clicking a finding goes to its field or block."""

from __future__ import annotations

import copy

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QVBoxLayout, QWidget

from editor.checks import ERROR, INFO, WARNING, CheckInput, Finding, check_article, raw_texts
from editor.errors import ArticleError
from editor.fields import Location
from editor.inputs import read_raw_article_data
from ui.common.image_cache import ImageCache
from ui.common.language import Retranslating, interface_language
from ui.common.workers import photo_pool, run_in_background
from ui.document.document import Document

PAUSE_MS = 600
_MARKS = {ERROR: ("✖", "#b00020"), WARNING: ("▲", "#9a6700"), INFO: ("ℹ", "#0b4f9c")}


class ChecklistPanel(Retranslating, QDockWidget):
    finding_activated = Signal(object)  # a Finding
    updated = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None, photos: ImageCache | None = None) -> None:
        """``photos``: the window's photos; a check, which reads every photo
        again, waits until those asked for are prepared."""
        super().__init__(parent)
        self.setObjectName("checklist")
        self._document = document
        self._photos = photos
        self._waiting_for_photos = False
        if photos is not None:
            photos.settled.connect(self._on_photos_settled)
            photos.replaced.connect(self._on_photo_replaced)
        self.findings: list[Finding] = []
        self._checking = True  # no findings shown: the first check, or a new article's, under way
        self._running = False
        self._again = False
        self._held = False  # an article is being opened: nothing to check or show yet
        # Bumped when a whole new article comes in: a check of the one before
        # is then out of date and its findings are never shown.
        self._generation = 0
        # The texts of the open file as written, before loading cleaned them
        # (stray characters, decomposed text), each with the block it is in.
        self._file_texts: list[tuple[Location, str]] | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # a long summary (in Vietnamese, say) wraps, not widens the dock
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run_now)
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.block_moved, document.site_changed):
            signal.connect(lambda *args: self._timer.start())
        document.reset.connect(self._on_new_article)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.list.activated.connect(self._on_row_activated)
        self.list.clicked.connect(self._on_row_activated)
        self.retranslate()
        # Made after the window's first paint, maybe once a file is open.
        self._read_file_texts()
        self.run_now()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Checklist"))
        self._show(self.findings, self._checking)

    def hold(self, opening: bool) -> None:
        """While an article is being opened, show no findings at all: those
        on screen are about the article going away, and the one coming is
        not whole yet. Its check starts the moment it is in the document."""
        if opening == self._held:
            return
        self._held = opening
        if opening:
            self._generation += 1  # a check under way is of the article going away
            self._timer.stop()
            self._show([], checking=True)
        else:
            self._on_new_article()

    def run_now(self) -> None:
        """Check a snapshot of the article on a worker (photos are read)."""
        if self._held:
            return
        if self._running:
            self._again = True
            return
        if self._photos is not None and self._photos.is_busy():
            # The preview's and the form's photos first: on 2 cores, a check
            # reading 20 originals beside them made an opened article's
            # preview wait seconds for its photos (issue 20, item 6).
            self._waiting_for_photos = True
            return
        self._running = True
        # Shares the blocks (Document.snapshot): no deep copy of a long
        # article on the UI thread each time typing pauses.
        snapshot = self._document.snapshot()
        given = CheckInput(raw_texts=self._file_texts_now(), site=copy.deepcopy(self._document.site()))
        generation = self._generation

        def finish() -> None:
            self._running = False
            if self._again:
                self._again = False
                self.run_now()

        def done(findings: list[Finding]) -> None:
            if generation == self._generation:
                self._show(findings)
            finish()

        def failed(error: ArticleError) -> None:
            finish()

        # Still behind any photo the form or the preview asks for meanwhile.
        run_in_background(lambda: check_article(snapshot, given), done, failed, photo_pool(), context=self.list, priority=-1)

    def described(self, findings: list[Finding]) -> list[str]:
        """Each finding as the panel says it, where it is first ("Photo 3
        (block 4): …"), in the interface's language: for the panel, and the
        question asked before an export."""
        language = interface_language()
        photo_numbers = {block.id: number for number, block in enumerate(self._document.article.images(), start=1)}
        return [self._where(finding, photo_numbers) + finding.message(language) for finding in findings]

    def _where(self, finding: Finding, photo_numbers: dict[str, int]) -> str:
        """Where a finding is, as the user finds it: a photo by its number
        among the photos ("Photo 9", as the form and the preview count them
        by eye), any other block by its number."""
        location = finding.location
        if location.index is None:
            return ""
        photo = photo_numbers.get(location.block_id or "")
        if photo is not None:
            return self.tr("Photo %1 (block %2): ").replace("%1", str(photo)).replace("%2", str(location.index + 1))
        return self.tr("Block %1: ").replace("%1", str(location.index + 1))

    def _on_photos_settled(self) -> None:
        if self._waiting_for_photos:
            self._waiting_for_photos = False
            self.run_now()

    def _on_photo_replaced(self, token: str) -> None:
        """A draft's copy of a photo said other than the photo itself (its
        size, its GPS data): the findings it gave must go."""
        self.run_now()  # or again once the check under way ends

    def _on_new_article(self) -> None:
        """Another article is on screen: the findings shown are not its own,
        so they go at once, and its check starts without waiting for a pause."""
        self._generation += 1
        self._file_texts = None
        self._timer.stop()
        self._show([], checking=True)
        if self._held:
            return  # run when the open is over (hold)
        self._read_file_texts()
        if self._running:
            self._again = True
        else:
            self.run_now()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # saved: the file now holds the cleaned text
            self._read_file_texts()

    def _read_file_texts(self) -> None:
        """Read, on a worker, the open file's texts as written, mapped to the
        blocks of the article as it is now (the file's own order)."""
        path = self._document.path
        if path is None:
            self._file_texts = None
            return
        snapshot = self._document.snapshot()
        generation = self._generation

        def done(texts: list[tuple[Location, str]]) -> None:
            if generation == self._generation and not self._held:
                self._file_texts = texts
                self._timer.start()

        run_in_background(lambda: raw_texts(read_raw_article_data(path), snapshot), done, lambda error: None, context=self.list)

    def _file_texts_now(self) -> list[tuple[Location, str]] | None:
        """The file's texts of the fields and blocks still in the article,
        located where those blocks are now."""
        if self._file_texts is None:
            return None
        where = {block.id: index for index, block in enumerate(self._document.article.blocks)}
        return [
            (location if location.block_id is None else Location(location.field, location.block_id, where[location.block_id]), text)
            for location, text in self._file_texts
            if location.block_id is None or location.block_id in where
        ]

    def _show(self, findings: list[Finding], checking: bool = False) -> None:
        self.findings = findings
        self._checking = checking
        # Rows are made by Qt and set through the model: a QListWidgetItem
        # made in Python (with a Finding in its data) crashed clear() now
        # and then, in shiboken's releaseWrapper (the soak run found it).
        self.list.clear()
        self.list.addItems([f"{_MARKS[finding.severity][0]} {text}" for finding, text in zip(findings, self.described(findings), strict=True)])
        model = self.list.model()
        for row, finding in enumerate(findings):
            index = model.index(row, 0)
            model.setData(index, QColor(_MARKS[finding.severity][1]), Qt.ItemDataRole.ForegroundRole)
            model.setData(index, f"{finding.id} · {finding.location.describe()}", Qt.ItemDataRole.ToolTipRole)
        errors = sum(f.severity == ERROR for f in findings)
        warnings = sum(f.severity == WARNING for f in findings)
        if checking:
            self.summary.setText(self.tr("Checking…"))
        elif not errors and not warnings:
            self.summary.setText(self.tr("Ready to publish: nothing to fix."))
        else:
            notes = sum(f.severity == INFO for f in findings)
            # The notes are counted too: "0 to fix, 1 to look at" above four
            # lines read as if three of them were not counted.
            summary = self.tr("%1 to fix, %2 to look at, %3 for your information") if notes else self.tr("%1 to fix, %2 to look at")
            self.summary.setText(summary.replace("%1", str(errors)).replace("%2", str(warnings)).replace("%3", str(notes)))
        self.updated.emit()

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def _on_row_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.findings):
            self.finding_activated.emit(self.findings[index.row()])
