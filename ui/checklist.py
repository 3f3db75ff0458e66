"""The checklist panel: the core's pre-publication checks, run on a worker
when typing pauses. Clicking a finding goes to its field or block."""

from __future__ import annotations

import copy

from PySide6.QtCore import QModelIndex, QTimer, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QVBoxLayout, QWidget

from editor.checks import ERROR, INFO, WARNING, CheckInput, Finding, check_article
from editor.errors import ArticleError
from ui.document import Document
from ui.language import Retranslating, interface_language
from ui.workers import photo_pool, run_in_background

PAUSE_MS = 600
_MARKS = {ERROR: ("✖", "#b00020"), WARNING: ("▲", "#9a6700"), INFO: ("ℹ", "#0b4f9c")}


class ChecklistPanel(Retranslating, QDockWidget):
    finding_activated = Signal(object)  # a Finding
    updated = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self._document = document
        self.findings: list[Finding] = []
        self._running = False
        self._again = False
        self.summary = QLabel(self)
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
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.block_moved, document.reset):
            signal.connect(lambda *args: self._timer.start())
        self.list.activated.connect(self._on_row_activated)
        self.list.clicked.connect(self._on_row_activated)
        self.retranslate()
        self.run_now()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Checklist"))
        self._show(self.findings)

    def run_now(self) -> None:
        """Check a snapshot of the article on a worker (photos are read)."""
        if self._running:
            self._again = True
            return
        self._running = True
        snapshot = copy.deepcopy(self._document.article)

        def done(findings: list[Finding]) -> None:
            self._running = False
            self._show(findings)
            if self._again:
                self._again = False
                self.run_now()

        def failed(error: ArticleError) -> None:
            self._running = False

        run_in_background(lambda: check_article(snapshot, CheckInput()), done, failed, photo_pool(), context=self.list)

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        language = interface_language()
        # Rows are made by Qt and set through the model: a QListWidgetItem
        # made in Python (with a Finding in its data) crashed clear() now
        # and then, in shiboken's releaseWrapper (the soak run found it).
        self.list.clear()
        texts = []
        for finding in findings:
            where = "" if finding.location.index is None else self.tr("Block %1: ").replace("%1", str(finding.location.index + 1))
            texts.append(f"{_MARKS[finding.severity][0]} {where}{finding.message(language)}")
        self.list.addItems(texts)
        model = self.list.model()
        for row, finding in enumerate(findings):
            index = model.index(row, 0)
            model.setData(index, QColor(_MARKS[finding.severity][1]), Qt.ItemDataRole.ForegroundRole)
            model.setData(index, f"{finding.id} · {finding.location.describe()}", Qt.ItemDataRole.ToolTipRole)
        errors = sum(f.severity == ERROR for f in findings)
        warnings = sum(f.severity == WARNING for f in findings)
        if not errors and not warnings:
            self.summary.setText(self.tr("Ready to publish: nothing to fix."))
        else:
            self.summary.setText(self.tr("%1 to fix, %2 to look at").replace("%1", str(errors)).replace("%2", str(warnings)))
        self.updated.emit()

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def _on_row_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.findings):
            self.finding_activated.emit(self.findings[index.row()])
