"""Drafts listed a page at a time: the library's list and the "Tin khác"
picker both show the best matches first and fetch the rest as they are
scrolled, each page read from the index off the UI thread.

A model rather than one widget item per row: a folder of 10,000 drafts is
shown without building 70,000 cells, and no per-item setter is called
(PySide6 6.12's refcount bug is in several). A page, not every match: Qt's
views call ``rowCount`` and ``columnCount`` (Python, here) for every row
each time they lay the list out, tens of thousands of calls for a search
with 9,826 matches.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QAbstractItemView

from editor.library import LibraryEntry

PAGE = 200  # rows read from the index at a time: a screenful many times over, bounded work per turn


class PagedEntries(QAbstractTableModel):
    """The rows fetched so far, and ``total``, how many match. The view asks
    for more (``fetchMore``) as it is scrolled near the end; ``more_wanted``
    hands that to the owner, which reads the next page off the UI thread and
    brings it to ``add_entries``."""

    COLUMNS = 1
    more_wanted = Signal(int)  # how many rows are listed: the next page starts there

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LibraryEntry] = []
        self.total = 0
        self._fetching = False

    def set_entries(self, entries: list[LibraryEntry], total: int | None = None) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.total = max(len(entries), total or 0)
        self._fetching = False
        self.endResetModel()

    def add_entries(self, entries: list[LibraryEntry]) -> None:
        """The next page, as asked for by ``more_wanted``."""
        self._fetching = False
        if not entries:  # the index changed meanwhile: there is no more
            self.total = len(self.entries)
            return
        first = len(self.entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self.entries.extend(entries)
        self.total = max(self.total, len(self.entries))
        self.endInsertRows()

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt's names)
        return not parent.isValid() and not self._fetching and len(self.entries) < self.total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit(len(self.entries))

    def decline_fetch(self) -> None:
        """The view asked for more than it shows: ask again when scrolled to."""
        self._fetching = False

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # One call into Python per index the view makes, where Qt's own index()
        # calls rowCount and columnCount (two, each of them Python's).
        if parent.isValid() or not (0 <= row < len(self.entries) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS


def scrolled_near_end(view: QAbstractItemView) -> bool:
    """Whether ``view`` shows the end of its list (or has nothing to scroll).
    Qt's views ask for more each time they lay the list out, scrolled to the
    end or not; only a list scrolled near its end gets the next page, or
    every search would go on to read all its matches."""
    bar = view.verticalScrollBar()
    return bar.maximum() <= 0 or bar.value() >= bar.maximum() - bar.pageStep()
