"""Pick "Tin khác" from the drafts library: published articles that have a
public address, searched as the library searches (marks optional)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor.library import Filters, LibraryEntry
from editor.review import PUBLISHED
from ui.common.errors import describe_error
from ui.common.workers import run_in_background
from ui.library.library_panel import LibraryPanel


class RelatedPickerDialog(QDialog):
    listed = Signal()  # results are on screen (tests wait on it)

    def __init__(self, library: LibraryPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._generation = 0
        self.setWindowTitle(self.tr("Related news from the library"))
        self.resize(640, 480)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search the published articles: marks are optional"))
        self.search_box.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.list.itemSelectionChanged.connect(lambda: self.ok.setEnabled(bool(self.list.selectedItems())))
        self.list.itemActivated.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        for widget in (self.search_box, self.list, self.empty):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _: self._timer.start())
        self.search()

    def search(self) -> None:
        self._generation += 1
        generation, query, folders = self._generation, self.search_box.text(), list(self._library.folders)

        def work() -> list[LibraryEntry]:
            entries = self._library.index().search(query, folders, Filters(state=PUBLISHED), with_locks=False)
            return [entry for entry in entries if entry.url and not entry.error]

        def done(entries: list[LibraryEntry]) -> None:
            if generation != self._generation:
                return
            self.list.clear()
            for entry in entries:
                item = QListWidgetItem(f"{entry.title}\n{entry.url}")
                item.setData(Qt.ItemDataRole.UserRole, entry)
                self.list.addItem(item)
            if not folders:
                self.empty.setText(self.tr("Add the office's folder of drafts to the library first (View ▸ Drafts library)."))
            else:
                self.empty.setText("" if entries else self.tr("No published article with a public address matches."))
            self.listed.emit()

        run_in_background(work, done, lambda error: self.empty.setText(describe_error(error)), context=self)

    def chosen(self) -> LibraryEntry | None:
        items = self.list.selectedItems()  # not currentItem(): PySide6 6.12's borrowed None
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None
