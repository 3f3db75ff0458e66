"""File ▸ Publish…: send the saved draft to the portal's WordPress, in the
background, with a progress bar per photo and Cancel.

The work is the command line's (editor/publish/command.py): it publishes
the draft as saved and writes what is on the server back into it after
each step. The window then takes that record (and the file's new state)
so that its next save keeps it and does not take the draft for someone
else's change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget

from editor.draft import load_draft
from editor.errors import ArticleError, PublishConflict, PublishError
from editor.file_state import file_state
from editor.model import Article
from editor.publish.command import STATE_KEY, publish_draft
from editor.publish.publisher import PublishOptions, test_connection
from editor.publish.settings import cms_password, cms_settings, saved_cms
from editor.review import APPROVED, PUBLISHED, REVIEW
from editor.site import load_saved_profile
from ui.common.errors import describe_error
from ui.common.workers import run_in_background

# Where the office's review stands → what to send: an article waiting for review goes to the portal's
# review queue (pending), an approved or already published one is published.
STATUS_OF_REVIEW_STATE = {REVIEW: "pending", APPROVED: "publish", PUBLISHED: "publish"}


def default_status(review_state: str) -> str:
    return STATUS_OF_REVIEW_STATE.get(review_state, "draft")


class _Progress(QObject):
    """Carries the worker's progress to the UI thread (a queued signal)."""

    moved = Signal(str, int, int)


class PublishDialog(QDialog):
    def __init__(self, parent: QWidget, document: Any, adopt: Callable[[dict[str, Any], Any], None]) -> None:
        super().__init__(parent)
        self._document = document
        self._adopt = adopt  # FileController.adopt_publish
        self._cancel = threading.Event()
        self._running = False
        self.setWindowTitle(self.tr("Publish"))
        self.status = QComboBox()
        for value, text in (("draft", self.tr("Draft")), ("pending", self.tr("Submit for review")),
                            ("publish", self.tr("Publish now")), ("future", self.tr("Scheduled, at the article's date"))):
            self.status.addItem(text, value)
        self.status.setCurrentIndex(self.status.findData(default_status(document.article.review.state)))
        if document.article.review.state not in STATUS_OF_REVIEW_STATE:
            self._offer_profiles_status()
        self.without_photos = QCheckBox(self.tr("Text only, without the photos"))
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m photos"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(440)  # a reason with a file's path wraps at a readable width
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Status:"), self.status)
        form.addRow("", self.without_photos)
        self.buttons = QDialogButtonBox()
        self.publish_button = QPushButton(self.tr("Publish"))
        self.buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.test_connection)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.publish_button.clicked.connect(lambda: self.start())
        self.close_button.clicked.connect(self._close_or_cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._relay = _Progress(self)
        self._relay.moved.connect(self._show_progress)

    def _offer_profiles_status(self) -> None:
        """The site profile's default status, read off the UI thread; never over a choice already made."""
        chosen = self.status.currentIndex()

        def show(cms: dict[str, Any]) -> None:
            index = self.status.findData(str(cms.get("status") or ""))
            if index >= 0 and self.status.currentIndex() == chosen and not self._running:
                self.status.setCurrentIndex(index)

        run_in_background(saved_cms, show, lambda error: None, context=self)

    # -- running ------------------------------------------------------------------------
    def start(self, force: bool = False) -> None:
        path: Path | None = self._document.path
        if path is None or self._document.is_modified() or path.suffix.lower() != ".article":
            self._say(self.tr("Save the article first (File ▸ Save, as an .article draft): "
                              "publishing sends the draft as saved."))
            return
        options = PublishOptions(status=self.status.currentData(), force=force, photos=not self.without_photos.isChecked())
        self._cancel.clear()
        self._set_running(True)
        self._say(self.tr("Connecting…"))
        relay, cancel = self._relay, self._cancel

        def progress(what: str, done: int, total: int) -> None:  # on the worker thread
            if cancel.is_set():
                raise PublishError("cancelled by the user")
            relay.moved.emit(what, done, total)

        def work() -> tuple[Any, Any, Article]:
            outcome = publish_draft(path, None, options, progress)
            return outcome, file_state(path), load_draft(path)

        run_in_background(work, self._done, self._failed, context=self)

    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self._say(self.tr("Connecting…"))

        def work() -> tuple[str, Any]:
            settings = cms_settings(None, load_saved_profile())
            return settings.url, test_connection(settings, cms_password(settings))

        def failed(error: ArticleError) -> None:
            self.test_button.setEnabled(True)
            self._say(describe_error(error))

        run_in_background(work, self._connected, failed, context=self)

    def _connected(self, result: tuple[str, Any]) -> None:
        self.test_button.setEnabled(True)
        url, account = result
        abilities = ((self.tr("upload photos"), "upload_files"), (self.tr("publish"), "publish_posts"),
                     (self.tr("submit for review"), "edit_posts"), (self.tr("create tags and categories"), "manage_categories"))
        lines = [self.tr("Connected to %1 as %2 (%3).").replace("%1", url).replace("%2", account.name)
                 .replace("%3", ", ".join(account.roles))]
        lines += [("✓ " if account.may(capability) else "✗ ") + text for text, capability in abilities]
        self._say("\n".join(lines))

    def _show_progress(self, what: str, done: int, total: int) -> None:
        if what == "photo":
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)
            self._say(self.tr("Sending photo %1 of %2…").replace("%1", str(min(done + 1, total))).replace("%2", str(total)))
        elif what == "post":
            self._say(self.tr("Sending the post…"))

    def _done(self, result: tuple[Any, Any, Article]) -> None:
        self._set_running(False)
        outcome, disk_state, saved = result
        if outcome.result is None:
            errors = [f.message(outcome.language) for f in outcome.findings if f.severity == "error"]
            self._say(self.tr("Not published: the checklist found errors.") + "\n" + "\n".join(errors))
            return
        published = outcome.result
        self._adopt(dict(saved.extra.get(STATE_KEY) or {}), disk_state)
        if published.status in ("publish", "future") and not self._document.article.url and published.link:
            self._document.set_field("url", published.link, self.tr("Address from the portal"))
        # Published → đã đăng, sent for review → chờ duyệt: the State button shows what the draft now says.
        self._document.set_field("review", saved.review, self.tr("State from the portal"))
        self.progress.setValue(self.progress.maximum())
        self._say(self.tr("Published: post %1, %2").replace("%1", str(published.post_id)).replace("%2", published.link))

    def _failed(self, error: ArticleError) -> None:
        self._set_running(False)
        if isinstance(error, PublishConflict):
            answer = QMessageBox.question(
                self, self.tr("Publish"),
                self.tr("The post was changed on the portal since you last published it. Overwrite those changes "
                        "with this article?") + "\n\n" + "\n".join(error.problems[1:-2]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.start(force=True)
                return
        self._say(describe_error(error))

    def _say(self, text: str) -> None:
        """Show ``text`` whole: a wrapped label does not make the dialog it
        is in taller, so the reason a publish failed was cut to its first
        line (the server not answering, the password not stored)."""
        self.message.setText(text)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint()
        if wanted.height() > self.height() or wanted.width() > self.width():
            self.resize(max(self.width(), wanted.width()), max(self.height(), wanted.height()))

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.publish_button.setEnabled(not running)
        self.status.setEnabled(not running)
        self.without_photos.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _close_or_cancel(self) -> None:
        if self._running:
            self._cancel.set()
            self._say(self.tr("Cancelling after the current step…"))
        else:
            self.reject()
