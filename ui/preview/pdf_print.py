"""The A4 PDF of a page, printed by QtWebEngine with the page's print
stylesheet: the window's Export PDF uses ``a4_layout``, and the command
line's ``export -o NAME.pdf`` runs this module as a child process
(offscreen), so the core never imports Qt:

    python -m ui.preview.pdf_print PAGE.html OUT.pdf

Exit codes: 0 printed; 1 the page could not be loaded or printed;
3 Qt's web engine cannot run here (the parent says so in plain words).
"""

from __future__ import annotations

import os
import sys

EXIT_PRINTED = 0
EXIT_FAILED = 1
EXIT_NO_QT = 3
# A page of a few photos prints in seconds; past this, something is stuck.
TIMEOUT_MS = 120_000


def a4_layout():  # type: ignore[no-untyped-def]
    """A4 portrait with the margins of the page's own @page rule (18 mm top
    and bottom, 16 mm at the sides): QtWebEngine takes them from the layout."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(16, 18, 16, 18), QPageLayout.Unit.Millimeter,
    )


PHOTO_WAIT_MS = 15_000


def with_every_photo_loaded(page, then) -> None:  # type: ignore[no-untyped-def]
    """Call ``then()`` once every photo of ``page`` (a QWebEnginePage) is
    loaded, or after PHOTO_WAIT_MS: before printing, so no photo is missing."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWebEngineCore import QWebEngineScript

    from ui.preview import scripts

    load_every_photo = scripts.call("load_every_photo")  # resources/preview/load_every_photo.js
    waited = QElapsedTimer()
    waited.start()
    world = QWebEngineScript.ScriptWorldId.ApplicationWorld

    def check(pending: object) -> None:
        if not isinstance(pending, (int, float)) or pending <= 0 or waited.elapsed() > PHOTO_WAIT_MS:
            then()
            return
        QTimer.singleShot(50, lambda: page.runJavaScript(load_every_photo, world, check))

    page.runJavaScript(load_every_photo, world, check)


def print_page(page_path: str, pdf_path: str) -> int:
    try:
        from PySide6.QtCore import QTimer, QUrl
        from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

        from ui.app import create_application
    except ImportError as error:
        print(f"Qt's web engine is not installed: {error}", file=sys.stderr)
        return EXIT_NO_QT
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application([])
    profile = QWebEngineProfile()  # off the record: no cache or cookies left on disk
    page = QWebEnginePage(profile)
    outcome = {"code": EXIT_FAILED}

    def loaded(ok: bool) -> None:
        if not ok:
            print("the page could not be loaded", file=sys.stderr)
            app.quit()
            return
        with_every_photo_loaded(page, lambda: page.printToPdf(pdf_path, a4_layout()))

    def printed(path: str, success: bool) -> None:
        if success:
            outcome["code"] = EXIT_PRINTED
        else:
            print("QtWebEngine could not print the page", file=sys.stderr)
        app.quit()

    page.loadFinished.connect(loaded)
    page.pdfPrintingFinished.connect(printed)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    page.load(QUrl.fromLocalFile(page_path))
    app.exec()
    return outcome["code"]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: python -m ui.preview.pdf_print PAGE.html OUT.pdf", file=sys.stderr)
        sys.exit(EXIT_FAILED)
    code = print_page(sys.argv[1], sys.argv[2])
    sys.stdout.flush()
    sys.stderr.flush()
    # WORKAROUND: as in ui.app.run, leave before Python finalizes PySide6
    # with QtWebEngine, which can crash; the PDF is already written.
    os._exit(code)
