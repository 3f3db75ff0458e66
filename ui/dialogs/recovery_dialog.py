"""After a crash: what the workspace kept, to restore or to let go."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor.workspace import WorkspaceEntry


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[WorkspaceEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self._entries = entries
        self.list = QListWidget(self)
        for entry in entries:
            when = datetime.fromtimestamp(entry.saved_at).strftime("%d/%m/%Y %H:%M")
            where = entry.file.name if entry.file else self.tr("never saved")
            item = QListWidgetItem(f"{entry.title or self.tr('Untitled article')} — {when} — {where}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(item.text())
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        # Wide enough for the longest entry (a Vietnamese headline runs to a
        # hundred characters and more), up to most of the screen: cut off,
        # two drafts of one headline looked the same.
        widest = max((self.list.fontMetrics().horizontalAdvance(self.list.item(row).text()) for row in range(self.list.count())), default=0)
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1024
        self.list.setMinimumWidth(min(widest + 4 * self.list.frameWidth() + 2 * self.list.spacing() + 24, int(screen * 0.8)))
        buttons = QDialogButtonBox(self)
        restore = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        restore.clicked.connect(self.accept)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tòa Soạn closed without saving this work. Restore it?"), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> WorkspaceEntry | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def discarded(self) -> list[WorkspaceEntry]:
        return []  # kept for the next start until restored
