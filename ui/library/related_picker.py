"""Pick "Tin khác" from the drafts library: published articles that have a
public address, searched as the library searches (marks optional).

Listed as the library lists (ui/library/paged_entries.py): the best matches
first, a page at a time, the next page read from the index off the UI
thread when the list is scrolled near its end, under the count of every
match. An office with years of published articles would otherwise have
every one of them made into a row at each letter typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from editor.errors import ArticleError
from editor.library import Filters, LibraryEntry
from editor.review import PUBLISHED
from ui.common.errors import describe_error
from ui.common.workers import run_in_background
from ui.library.library_panel import LibraryPanel
from ui.library.paged_entries import PAGE, PagedEntries, scrolled_near_end

_FILTERS = Filters(state=PUBLISHED, with_address=True)


class RelatedModel(PagedEntries):
    """One row a published article: its title over its public address."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry.title}\n{entry.url}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.path
        if role == Qt.ItemDataRole.UserRole:
            return entry.path
        return None


class RelatedPickerDialog(QDialog):
    listed = Signal()  # a first page is on screen (tests wait on it)

    def __init__(self, library: LibraryPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._generation = 0
        self._listing: tuple[int, str, list[Path]] = (0, "", [])  # the search the list shows
        self.setWindowTitle(self.tr("Related news from the library"))
        self.resize(640, 480)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search the published articles: marks are optional"))
        self.search_box.setClearButtonEnabled(True)
        self.count_label = QLabel(self)  # every match, however few are fetched yet
        self.model = RelatedModel(self)
        self.model.more_wanted.connect(self._fetch_more)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        # Each article is two lines (title, address): shaded in turn and set
        # apart, or two articles read as four lines.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self.ok.setEnabled(self.chosen() is not None))
        self.list.activated.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        for widget in (self.search_box, self.count_label, self.list, self.empty):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _: self._timer.start())
        self.search()
        # With the library's panel closed its index is not rescanned every
        # 30 s: brought up to date now, and the list again after that.
        library.scanned.connect(self.search)
        self.finished.connect(lambda _: library.scanned.disconnect(self.search))  # a closed picker lists nothing
        library.rescan_if_stale()

    def search(self) -> None:
        """The first page of what the search box asks for, and the count."""
        self._generation += 1
        generation, query, folders = self._generation, self.search_box.text(), list(self._library.folders)

        def work() -> tuple[list[LibraryEntry], int]:
            index = self._library.index()
            return (index.search(query, folders, _FILTERS, with_locks=False, limit=PAGE),
                    index.count(query, folders, _FILTERS))

        def done(result: tuple[list[LibraryEntry], int]) -> None:
            if generation != self._generation:
                return  # a newer search is on its way
            entries, total = result
            self._listing = (generation, query, folders)
            self.model.set_entries(entries, total)
            self.ok.setEnabled(False)
            self._show_count()
            if not folders:
                self.empty.setText(self.tr("Add the office's folder of drafts to the library first (View ▸ Drafts library)."))
            else:
                self.empty.setText("" if entries else self.tr("No published article with a public address matches."))
            self.listed.emit()

        run_in_background(work, done, lambda error: self.empty.setText(describe_error(error)), context=self)

    def _fetch_more(self, offset: int) -> None:
        if not scrolled_near_end(self.list):
            self.model.decline_fetch()
            return
        generation, query, folders = self._listing

        def done(entries: list[LibraryEntry]) -> None:
            if generation == self._generation:  # else a newer search refills the list
                self.model.add_entries(entries)
                self._show_count()

        def failed(error: ArticleError) -> None:
            self.model.add_entries([])
            self.empty.setText(describe_error(error))

        run_in_background(lambda: self._library.index().search(query, folders, _FILTERS, with_locks=False, limit=PAGE, offset=offset),
                          done, failed, context=self)

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n published article(s)", "", self.model.total))

    def match_count(self) -> int:
        """How many published articles match, listed yet or not."""
        return self.model.total

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def chosen(self) -> LibraryEntry | None:
        rows = self.list.selectionModel().selectedRows()  # not currentIndex(): PySide6 6.12's borrowed None
        return self.model.entries[rows[0].row()] if rows and rows[0].row() < len(self.model.entries) else None
