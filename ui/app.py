"""Start the window: ``python main.py [FILE]``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from ui.refcount_guard import make_singletons_immortal
from ui.webengine import prepare_chromium, register_scheme


def create_application(argv: list[str]) -> QApplication:
    """The QApplication, with QtWebEngine prepared (scheme, sandbox, flags)."""
    make_singletons_immortal()  # before any PySide6 call can run a count down
    flags = prepare_chromium()
    if flags:
        existing = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([existing, *flags]).strip()
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    QCoreApplication.setOrganizationName("ToaSoan")
    QCoreApplication.setApplicationName("Tòa Soạn")
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    return app  # type: ignore[return-value]


def run(argv: list[str]) -> int:
    app = create_application([])
    from ui.language import chosen_language, install_language, system_language
    from ui.main_window import MainWindow
    from ui.settings import settings

    install_language(chosen_language(settings()) or system_language())

    from ui.clipboard import release_clipboard

    app.aboutToQuit.connect(release_clipboard)
    window = MainWindow()
    window.show()
    window.offer_recovery()
    files = [arg for arg in argv if not arg.startswith("-")]
    if files:
        window.files.open_path(Path(files[0]))
    status = app.exec()
    # WORKAROUND: PySide6 with QtWebEngine can crash while Python finalizes
    # (see tests/conftest.py). Everything that matters is already on disk:
    # saves are atomic and fsynced; settings are synced here. Leave at once.
    settings().sync()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
