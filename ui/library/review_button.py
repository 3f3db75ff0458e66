"""The review state on the toolbar: a button that shows where the draft
stands (nháp, chờ duyệt, …) and a menu to move it on.

Choosing a state opens a small dialog for the optional comment, the
assignee and the due date; accepting is one undo step on the document.
"""

from __future__ import annotations

import getpass
import html
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import ArticleError
from editor.review import STATES
from editor.review_changes import changes_since_review
from editor.revisions import DiffLine, Revision
from ui.common import settings
from ui.common.errors import describe_error
from ui.common.language import translated
from ui.common.workers import run_in_background
from ui.document.document import Document
from ui.library.revisions_dialog import diff_html

STATE_NAMES = {
    "draft": QT_TRANSLATE_NOOP("Review", "Draft"),
    "review": QT_TRANSLATE_NOOP("Review", "Waiting for review"),
    "changes": QT_TRANSLATE_NOOP("Review", "Changes requested"),
    "approved": QT_TRANSLATE_NOOP("Review", "Approved"),
    "published": QT_TRANSLATE_NOOP("Review", "Published"),
}


def state_name(state: str) -> str:
    return translated("Review", STATE_NAMES[state])


def current_user() -> str:
    """Who is changing the state: the byline set in the site profile, else
    the computer's user name (the same one the lock file shows)."""
    author = settings.default_byline()[0]
    if author:
        return author
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


class ReviewDialog(QDialog):
    """Change the state, with a comment, the assignee and the due date."""

    def __init__(self, document: Document, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        review = document.article.review
        self.setWindowTitle(self.tr("Review state"))
        self.state = QComboBox(self)
        for item in STATES:
            self.state.addItem(state_name(item), item)
        self.state.setCurrentIndex(STATES.index(state))
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Optional: what to change, or why"))
        self.assignee = QLineEdit(review.assignee, self)
        self.has_due = QCheckBox(self.tr("Due by"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.has_due.setChecked(review.due is not None)
        given = review.due or date.today()
        self.due.setDate(QDate(given.year, given.month, given.day))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(self.tr("Assignee"), self.assignee)
        form.addRow(self.has_due, self.due)
        form.addRow(buttons)

    def accept(self) -> None:
        chosen = self.due.date()
        due = date(chosen.year(), chosen.month(), chosen.day()) if self.has_due.isChecked() else None
        self.document.change_review(self.state.currentData(), current_user(), self.comment.text(),
                                    assignee=self.assignee.text().strip(), due=due)
        super().accept()


class ChangesSinceReviewDialog(QDialog):
    """The current text against the revision saved at the last change of state."""

    shown = Signal()  # the comparison is on screen (tests wait on it)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What changed since the last review"))
        self.resize(800, 560)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.text.setPlainText(self.tr("Reading…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        article = document.article

        def done(result: tuple[Revision, list[DiffLine]] | None) -> None:
            if result is None:
                self.text.setPlainText(self.tr("There is nothing to compare with yet: the state has not changed, "
                                               "or the article was not saved since it changed."))
            else:
                revision, lines = result
                when = revision.saved_at.astimezone().strftime("%d/%m/%Y %H:%M")
                intro = self.tr("Compared with the version saved at the last change of state (%s). "
                                "Struck through in red: text taken out since. Underlined in green: text added since.") % when
                self.text.setHtml(f"<p><i>{html.escape(intro)}</i></p>" + diff_html(lines))
            self.shown.emit()

        def failed(error: ArticleError) -> None:
            self.text.setPlainText(describe_error(error))
            self.shown.emit()

        run_in_background(lambda: changes_since_review(article), done, failed, context=self)


class ReviewButton(QObject):
    """Shows the state on a toolbar button (``button``); its menu lists the
    states to move to. A plain QToolButton is held rather than subclassed:
    a Python ``changeEvent`` on it was called while the window was being
    destroyed and tripped PySide6 6.12's refcount bug. The window calls
    ``retranslate`` when the language changes."""

    dialog_opened = Signal(object)  # the ReviewDialog, for tests and the window

    def __init__(self, document: Document, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.button = QToolButton(parent)
        self.button.setObjectName("reviewStateButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Fusion draws an instant popup's arrow in the corner, over the
        # text's last letter ("State: Draft" with its "t" crossed): beside it.
        self.button.setStyleSheet(
            "QToolButton#reviewStateButton { padding-right: 14px; }"
            "QToolButton#reviewStateButton::menu-indicator { subcontrol-origin: padding; subcontrol-position: center right; right: 3px; }")
        self._menu = QMenu(self.button)
        self.button.setMenu(self._menu)
        self._menu.aboutToShow.connect(self._fill_menu)
        document.field_changed.connect(lambda name: self.retranslate() if name == "review" else None)
        document.reset.connect(self.retranslate)
        self.retranslate()

    def text(self) -> str:
        return self.button.text()

    def toolTip(self) -> str:  # noqa: N802 (as on the button)
        return self.button.toolTip()

    def menu(self) -> QMenu:
        return self._menu

    def retranslate(self) -> None:
        review = self.document.article.review
        text = self.tr("State: %s") % state_name(review.state)
        self.button.setText(text)
        tip = text
        if review.assignee:
            tip += "\n" + self.tr("Assignee: %s") % review.assignee
        if review.due is not None:
            tip += "\n" + self.tr("Due: %s") % review.due.strftime("%d/%m/%Y")
        self.button.setToolTip(tip)

    def _fill_menu(self) -> None:
        menu = self._menu
        menu.clear()
        current = self.document.article.review.state
        for state in STATES:
            item = menu.addAction(state_name(state))
            item.setCheckable(True)
            item.setChecked(state == current)
            item.triggered.connect(lambda checked=False, s=state: self.open_dialog(s))
        menu.addSeparator()
        menu.addAction(self.tr("What changed since the last review…")).triggered.connect(self.show_changes)

    def show_changes(self) -> ChangesSinceReviewDialog:
        dialog = ChangesSinceReviewDialog(self.document, self.button.window())
        dialog.open()
        return dialog

    def open_dialog(self, state: str) -> ReviewDialog:
        dialog = ReviewDialog(self.document, state, self.button.window())
        dialog.setModal(True)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog
