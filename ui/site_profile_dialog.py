"""Site profile…: the portal's name, address, fanpage, logo, and the
default author and source of new articles. Import and export use the same
profile JSON as ``main.py export --site``, so an office can share one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.article_format import TONE_MARK_STYLES, load_site_profile
from editor.errors import ArticleError
from editor.model import SiteProfile
from ui import settings
from ui.errors import describe_error
from ui.form.url_edit import UrlEdit


class SiteProfileDialog(QDialog):
    def __init__(self, site: SiteProfile, author: str, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Site profile"))
        self.setMinimumWidth(520)
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
        self.author = QLineEdit(author, self)
        self.source = QLineEdit(source, self)

        form = QFormLayout()
        form.addRow(self.tr("Portal name"), self.name)
        form.addRow(self.tr("Site address"), self.url)
        form.addRow(self.tr("Fanpage address"), self.fanpage_url)
        form.addRow(self.tr("Fanpage QR caption"), self.fanpage_label)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Tone marks"), self.tone_marks)
        form.addRow(self.tr("Default author"), self.author)
        form.addRow(self.tr("Default source"), self.source)

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
        layout.addWidget(buttons)

    def site(self) -> SiteProfile:
        site = SiteProfile(
            name=self.name.text(), url=self.url.text(), fanpage_url=self.fanpage_url.text(),
            fanpage_label=self.fanpage_label.text(), logo=self.logo.text(),
            tone_marks=self.tone_marks.currentData(), logo_anywhere=True,  # a file the user chose here
        )
        return site

    def defaults(self) -> tuple[str, str]:
        return self.author.text(), self.source.text()

    def _show(self, site: SiteProfile) -> None:
        self.name.setText(site.name)
        self.url.set_text(site.url)
        self.fanpage_url.set_text(site.fanpage_url)
        self.fanpage_label.setText(site.fanpage_label)
        self.logo.setText(str(site.logo_path() or ""))
        self.tone_marks.setCurrentIndex(TONE_MARK_STYLES.index(site.tone_marks))

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the portal's logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"))
        if path:
            self.logo.setText(path)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a site profile"), "", self.tr("Site profile (*.json)"))
        if not path:
            return
        try:
            self._show(load_site_profile(Path(path)))
        except ArticleError as error:
            QMessageBox.warning(self, self.tr("Site profile"), describe_error(error))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the site profile"), "site-profile.json", self.tr("Site profile (*.json)"))
        if not path:
            return
        try:
            settings.write_profile_for_command_line(self.site(), Path(path))
        except ArticleError as error:
            QMessageBox.warning(self, self.tr("Site profile"), describe_error(error))
