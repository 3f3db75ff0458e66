"""Help ▸ About: the version, and the parts the app ships with their
versions and licences (editor/components.py); the licence texts, which the
LGPL asks to ship with Qt and PySide6, open from here."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from editor.components import COMPONENTS, licence_folder
from editor.version import VERSION
from ui.common.language import Retranslating
from ui.dialogs.shortcuts_dialog import ShortcutsDialog
from ui.dialogs.update_offer import UpdateOffer


def component_rows() -> list[tuple[str, str, str]]:
    """(name, version, licence) of each part, Qt's version as it runs."""
    rows = []
    for part in COMPONENTS:
        version = qVersion() if part.name.startswith("Qt ") else part.version()
        rows.append((part.name, version, part.licence))
    return rows


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Tòa Soạn"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(f"<h2>Tòa Soạn {escape(VERSION)}</h2><p>"
                              + escape(self.tr("Write, preview and export the news of a local government portal."))
                              + "</p>", self)
        layout.addWidget(self.heading)
        self.parts = QTextBrowser(self)
        self.parts.setOpenLinks(False)
        header = "".join(f"<th align='left'>{escape(text)}</th>" for text in (self.tr("Part"), self.tr("Version"), self.tr("Licence")))
        body = "".join(f"<tr><td>{escape(name)}</td><td>{escape(version)}</td><td>{escape(licence)}</td></tr>"
                       for name, version, licence in component_rows())
        self.parts.setHtml(f"<table cellspacing='0' cellpadding='3'><tr>{header}</tr>{body}</table>")
        layout.addWidget(self.parts)
        self.folder = licence_folder()
        self.where = QLabel(self.tr("The licence texts are in %s") % escape(str(self.folder)), self)
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_licences = QPushButton(self.tr("Open the licence texts"), self)
        buttons.addButton(self.open_licences, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_licences.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 520)


def guide_page(language: str) -> Path:
    """The user guide the app ships (tools/build_guide.py), in ``language`` if it has one."""
    folder = Path(str(resources.files("resources") / "guide"))
    page = folder / f"guide-{language}.html"
    return page if page.is_file() else folder / "guide-en.html"


class HelpMenu(Retranslating, QMenu):
    """Help: Welcome, User guide, Keyboard shortcuts, Check for updates, About."""

    def __init__(self, parent: QWidget, actions: Callable[[], list[QAction]] = list,
                 welcome: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._actions = actions  # the window's actions, for the shortcuts' list
        self.welcome = self.addAction("")
        self.welcome.setVisible(welcome is not None)
        if welcome is not None:
            self.welcome.triggered.connect(welcome)
        self.guide = self.addAction("")
        self.guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide.triggered.connect(self.show_guide)
        self.shortcuts = self.addAction("")
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.addSeparator()
        self.updates = UpdateOffer(parent)
        self.check_updates = self.addAction("")
        self.check_updates.triggered.connect(lambda: self.updates.check())
        self.addSeparator()
        self.about = self.addAction("")
        self.about.triggered.connect(self.show_about)
        self.dialog: AboutDialog | None = None
        self.retranslate()
        self.updates.check_later()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.welcome.setText(self.tr("&Welcome…"))
        self.guide.setText(self.tr("&User guide"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        if self.shortcuts_dialog is not None:  # made again in the new language (hidden, not deleted)
            self.shortcuts_dialog.hide()
            self.shortcuts_dialog = None
        self.check_updates.setText(self.tr("Check for &updates…"))
        self.about.setText(self.tr("&About Tòa Soạn"))
        if self.dialog is not None:  # made again, in the new language, when next asked for (hidden, not deleted)
            self.dialog.hide()
            self.dialog = None

    def show_guide(self) -> None:
        """The guide in the system's browser, in the interface's language."""
        from ui.common.language import interface_language

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide_page(interface_language()))))

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self._actions(), self.parentWidget())
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def show_about(self) -> None:
        if self.dialog is None:
            self.dialog = AboutDialog(self.parentWidget())
        self.dialog.show()
        self.dialog.raise_()
