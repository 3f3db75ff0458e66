"""Start the window: ``python main.py [FILE]``.

Only QtCore and QtWidgets are loaded before the window is first painted;
QtWebEngine, the checklist, autosave, the library and the notes follow from
zero-timers (see ui/window/main_window.py), and the file named on the command
line is read as soon as the window is painted, while QtWebEngine loads."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from ui.common.native_heap import return_large_blocks
from ui.common.pyside_feature_check import check_sources_directly
from ui.common.refcount_guard import make_singletons_immortal
from ui.preview.webengine import prepare_chromium, register_scheme

check_sources_directly()  # before the window's few hundred imports, each of which PySide6 checks

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def create_application(argv: list[str], preview_scheme: bool = True) -> QApplication:
    """The QApplication, with QtWebEngine prepared (sandbox, flags and, unless
    ``preview_scheme`` is false, the preview's scheme: the window registers
    it itself, later, to start without loading QtWebEngine)."""
    make_singletons_immortal()  # before any PySide6 call can run a count down
    return_large_blocks()  # before Qt, Chromium and the photos allocate (ui/common/native_heap.py)
    flags = prepare_chromium()
    if flags:
        existing = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([existing, *flags]).strip()
    if preview_scheme:
        register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    QCoreApplication.setOrganizationName("ToaSoan")
    QCoreApplication.setApplicationName("Tòa Soạn")
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    return app  # type: ignore[return-value]


def start_work(window: MainWindow, argv: list[str]) -> None:
    """Offer back what a crash left, then open the file named on the command
    line. Restored work comes first: opening the file on top of it would
    only ask to discard it, so the file is left for the user to open."""
    files = [arg for arg in argv if not arg.startswith("-")]
    if files:  # the blank article on screen until then is not the one to check
        window.files.expect_article(True)

    def then(restored: bool) -> None:
        from ui.window.welcome import needs_welcome

        # A first start (no site profile yet) is welcomed; not a start that
        # just brought back crashed work: the user is in the middle of it,
        # and the welcome comes again next time.
        if not restored and needs_welcome(window.document.saved_site):
            window.show_welcome()
        if not files:
            return
        if restored:
            text = QCoreApplication.translate("MainWindow", "Your unsaved work is back; %s was not opened") % Path(files[0]).name
            window.statusBar().showMessage(text, 15000)
        else:
            window.files.open_path(Path(files[0]))
        window.files.expect_article(False)

    window.offer_recovery(then=then)


def show_window(window: MainWindow, argv: list[str]) -> None:
    """Show the window, then read the file named in ``argv`` (and look for
    crashed work) as soon as it is painted, while QtWebEngine loads: the
    file's page is then the preview's first (MainWindow._start_preview)."""
    window.first_painted.connect(lambda: start_work(window, argv))
    window.show()


def run(argv: list[str]) -> int:
    app = create_application([], preview_scheme=False)
    from ui.common.language import chosen_language, install_language, system_language
    from ui.common.settings import settings
    from ui.window.main_window import MainWindow

    install_language(chosen_language(settings()) or system_language())

    from ui.common.clipboard import release_clipboard

    app.aboutToQuit.connect(release_clipboard)
    from editor.workspace import Workspace, default_workspace_path

    # The user's workspace: autosaves, crashed work, and the library's index beside it.
    show_window(MainWindow(Workspace(default_workspace_path()), defer_start=True), argv)
    status = app.exec()
    # WORKAROUND: PySide6 with QtWebEngine can crash while Python finalizes
    # (see tests/conftest.py). Everything that matters is already on disk:
    # saves are atomic and fsynced; settings are synced here. Leave at once.
    settings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
