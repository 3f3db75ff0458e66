"""Site profile…: the portal's name, address, fanpage, logo, and the
default author and source of new articles. Import and export use the same
profile JSON as ``main.py export --site``, so an office can share one.

Its *Publishing* part says where File ▸ Publish… and ``main.py publish``
send articles: the WordPress site, the user, the default category and
status (the profile's ``cms`` object), and the application password,
which goes to the system keyring, never to the profile or a draft."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.article_format import TONE_MARK_STYLES, load_site_profile
from editor.errors import ArticleError, PublishError
from editor.model import SiteProfile
from editor.publish.settings import checked_cms, saved_cms, store_password
from editor.site import write_saved_profile
from ui.common import settings
from ui.common.errors import describe_error
from ui.common.last_folder import FolderKind, last_folder, remember_folder
from ui.common.workers import run_in_background
from ui.document.document import Document
from ui.form.url_edit import UrlEdit

CMS_FIELDS = ("kind", "url", "user", "category", "status")


class SiteProfileDialog(QDialog):
    def __init__(self, site: SiteProfile, author: str, source: str, parent: QWidget | None = None,
                 cms: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Site profile"))
        self.setMinimumWidth(520)
        self._dictionary = list(site.dictionary)  # no field here: the spell check's menu adds to it
        self.name = QLineEdit(site.name, self)
        self.url = UrlEdit(parent=self)
        self.url.set_text(site.url)
        self.fanpage_url = UrlEdit(parent=self)
        self.fanpage_url.set_text(site.fanpage_url)
        self.fanpage_label = QLineEdit(site.fanpage_label, self)
        self.fanpage_label.setPlaceholderText(self.tr("For example: Mã QR Code truy cập vào Fanpage"))
        self.logo = QLineEdit(str(site.logo_path() or ""), self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.tone_marks = QComboBox(self)
        for style in TONE_MARK_STYLES:
            self.tone_marks.addItem("", style)
        self.tone_marks.setCurrentIndex(TONE_MARK_STYLES.index(site.tone_marks))
        self.sections = QLineEdit(", ".join(site.sections), self)
        self.sections.setPlaceholderText(self.tr("The portal's sections, separated by commas"))
        self.copyright = QLineEdit(site.copyright, self)
        self.copyright.setPlaceholderText(self.tr("For example: © Cổng thông tin điện tử huyện Lê Chân"))
        self.photo_metadata = QCheckBox(self.tr("Write the credit, caption and copyright into exported photos"), self)
        self.photo_metadata.setChecked(site.writes_photo_metadata())
        self.author = QLineEdit(author, self)
        self.source = QLineEdit(source, self)

        form = QFormLayout()
        form.addRow(self.tr("Portal name"), self.name)
        form.addRow(self.tr("Site address"), self.url)
        form.addRow(self.tr("Fanpage address"), self.fanpage_url)
        form.addRow(self.tr("Fanpage QR caption"), self.fanpage_label)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Tone marks"), self.tone_marks)
        form.addRow(self.tr("Sections"), self.sections)
        form.addRow(self.tr("Copyright notice"), self.copyright)
        form.addRow("", self.photo_metadata)
        form.addRow(self.tr("Default author"), self.author)
        form.addRow(self.tr("Default source"), self.source)

        publishing = QGroupBox(self.tr("Publishing (WordPress)"), self)
        self.cms_url = UrlEdit(parent=self)
        self.cms_user = QLineEdit(self)
        self.cms_password = QLineEdit(self)
        self.cms_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.cms_password.setPlaceholderText(self.tr("Kept in the system keyring; leave empty to keep the stored one"))
        self.cms_category = QLineEdit(self)
        self.cms_category.setPlaceholderText(self.tr("For articles without a section, for example: Tin tức"))
        self.cms_status = QComboBox(self)
        for value, text in (("draft", self.tr("Draft")), ("pending", self.tr("Submit for review")),
                            ("publish", self.tr("Publish now")), ("future", self.tr("Scheduled, at the article's date"))):
            self.cms_status.addItem(text, value)
        self._show_cms(cms or {})
        cms_form = QFormLayout(publishing)
        cms_form.addRow(self.tr("WordPress site address"), self.cms_url)
        cms_form.addRow(self.tr("User name"), self.cms_user)
        cms_form.addRow(self.tr("Application password"), self.cms_password)
        cms_form.addRow(self.tr("Default category"), self.cms_category)
        cms_form.addRow(self.tr("Default status"), self.cms_status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        import_button = buttons.addButton(self.tr("Import…"), QDialogButtonBox.ButtonRole.ActionRole)
        export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        import_button.clicked.connect(self._import)
        export_button.clicked.connect(self._export)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tone_marks.setItemText(0, self.tr("As typed (choose when unifying)"))
        self.tone_marks.setItemText(1, self.tr("Old style: hòa, thủy, khỏe"))
        self.tone_marks.setItemText(2, self.tr("New style: hoà, thuỷ, khoẻ"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(publishing)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

    def site(self) -> SiteProfile:
        site = SiteProfile(
            name=self.name.text(), url=self.url.text(), fanpage_url=self.fanpage_url.text(),
            fanpage_label=self.fanpage_label.text(), logo=self.logo.text(),
            tone_marks=self.tone_marks.currentData(), logo_anywhere=True,  # a file the user chose here
            copyright=self.copyright.text(),
            sections=[name.strip() for name in self.sections.text().split(",") if name.strip()],
            # Said only when turned off: an unset profile writes the credits.
            photo_metadata=None if self.photo_metadata.isChecked() else False,
            dictionary=list(self._dictionary),  # the spell check's words, added from its menu: kept
        )
        return site

    def defaults(self) -> tuple[str, str]:
        return self.author.text(), self.source.text()

    def cms(self) -> dict[str, Any] | None:
        """The profile's ``cms`` object, or None when no WordPress site is given (no publishing)."""
        url = self.cms_url.text().strip()
        if not url:
            return None
        cms: dict[str, Any] = {**self._cms_extra, "kind": "wordpress", "url": url, "user": self.cms_user.text().strip()}
        if self.cms_category.text().strip():
            cms["category"] = self.cms_category.text().strip()
        cms["status"] = self.cms_status.currentData()
        return cms

    def password(self) -> str:
        """A new application password to keep in the keyring; "" keeps the stored one."""
        return self.cms_password.text().strip()

    def accept(self) -> None:
        # A red address is refused here: saved, it gave every page an empty
        # QR code or a dead fanpage link while the dialog said "saved".
        for label, field in ((self.tr("Site address"), self.url), (self.tr("Fanpage address"), self.fanpage_url)):
            if not field.is_valid():
                field.line.setFocus()
                QMessageBox.warning(self, self.tr("Site profile"), f"{label}: {field.problem.message()}")
                return
        cms = self.cms()
        if cms is None and self.password():
            QMessageBox.warning(self, self.tr("Site profile"), self.tr("Give the WordPress site address the password is for."))
            return
        if cms is not None:
            try:
                checked_cms(cms)  # as publishing will read it: https://, a user name
            except ArticleError as error:
                # Not describe_error's headline: nothing was published, the settings are not saved yet.
                QMessageBox.warning(self, self.tr("Site profile"), self.tr("Publishing cannot be set up so:") + "\n\n"
                                    + "\n".join(error.lines()))
                return
        super().accept()

    def _show(self, site: SiteProfile) -> None:
        self.name.setText(site.name)
        self.url.set_text(site.url)
        self.fanpage_url.set_text(site.fanpage_url)
        self.fanpage_label.setText(site.fanpage_label)
        self.logo.setText(str(site.logo_path() or ""))
        self.tone_marks.setCurrentIndex(TONE_MARK_STYLES.index(site.tone_marks))
        self.sections.setText(", ".join(site.sections))
        self.copyright.setText(site.copyright)
        self.photo_metadata.setChecked(site.writes_photo_metadata())
        self._dictionary = list(site.dictionary)

    def _show_cms(self, cms: dict[str, Any]) -> None:
        self._cms_extra = {k: v for k, v in cms.items() if k not in CMS_FIELDS}  # kept as they are
        self.cms_url.set_text(str(cms.get("url") or ""))
        self.cms_user.setText(str(cms.get("user") or ""))
        self.cms_category.setText(str(cms.get("category") or ""))
        self.cms_status.setCurrentIndex(max(self.cms_status.findData(str(cms.get("status") or "draft")), 0))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the portal's logo"), str(last_folder(FolderKind.LOGOS)),
                                              self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"))
        if path:
            remember_folder(FolderKind.LOGOS, path)
            self.logo.setText(path)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a site profile"), str(last_folder(FolderKind.PROFILES)),
                                              self.tr("Site profile (*.json)"))
        if not path:
            return
        remember_folder(FolderKind.PROFILES, path)
        try:
            site = load_site_profile(Path(path))
            self._show(site)
            shared = site.extra.get("cms")
            if isinstance(shared, dict):  # an office's shared profile says where to publish
                # as whom is this computer's: a shared profile without a user keeps the one typed here
                self._show_cms({**shared, "user": shared.get("user") or self.cms_user.text()})
        except ArticleError as error:
            QMessageBox.warning(self, self.tr("Site profile"), describe_error(error))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the site profile"), str(last_folder(FolderKind.PROFILES) / "site-profile.json"),
                                              self.tr("Site profile (*.json)"))
        if not path:
            return
        remember_folder(FolderKind.PROFILES, path)
        try:
            # Where to publish goes with it (a colleague's own user name wins on their computer), never the password.
            write_saved_profile(self.site(), Path(path), cms=self.cms())
        except ArticleError as error:
            QMessageBox.warning(self, self.tr("Site profile"), describe_error(error))


class SiteProfileEditor(QObject):
    """Settings ▸ Site profile…: reads where to publish from the profile file off the UI thread, opens
    the dialog, and on OK saves the profile, its file for the command line and the password (keyring),
    those two on a worker."""

    opened = Signal(object)  # the SiteProfileDialog, for tests

    def __init__(self, window: QWidget, document: Document, show_message: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._show_message = show_message
        self.dialog: SiteProfileDialog | None = None

    def edit(self, path: Path) -> None:
        run_in_background(lambda: saved_cms(path), lambda cms: self._open(path, cms),
                          lambda error: self._open(path, {}), context=self)

    def _open(self, path: Path, cms: dict[str, Any]) -> None:
        author, source = settings.default_byline()
        dialog = SiteProfileDialog(self._document.saved_site, author, source, self._window, cms=cms)
        dialog.accepted.connect(lambda: self._save(dialog, path))
        dialog.setModal(True)
        dialog.open()
        self.dialog = dialog
        self.opened.emit(dialog)

    def _save(self, dialog: SiteProfileDialog, path: Path) -> None:
        site, cms, password = dialog.site(), dialog.cms(), dialog.password()
        settings.save_site_profile(site)
        settings.save_default_byline(*dialog.defaults())
        self._document.set_saved_site(site)

        def write() -> None:
            write_saved_profile(site, path, cms=cms)
            if cms is not None and password:
                store_password(checked_cms(cms), password)  # the keyring may be slow (D-Bus, a locked keyring)

        def failed(error: ArticleError) -> None:
            if isinstance(error, PublishError):  # the keyring's: the profile itself was written
                # A box, not the status bar: the user typed a password and takes it as kept (publishing would then fail).
                QMessageBox.warning(self._window, self.tr("Site profile"),
                                    self.tr("The application password was not stored: %s") % "\n".join(error.lines()))
            else:
                self._show_message(describe_error(error), 15000)

        run_in_background(write, lambda _: self._show_message(self.tr("Site profile saved"), 4000), failed, context=self)
