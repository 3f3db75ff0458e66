"""Find PySide6 calls that return a borrowed None, True or False.

    python tools/refcount_probe.py [--calls N] [--json]

Calls each PySide6 API the window uses while the user types (and drives
each of the app's Python overrides from Qt's side: event filters, event
handlers, the preview's navigation, request and scheme handlers) N times
(10,000 by default; the QtWebEngine cases load a page, so they run N/100
times) and compares ``sys.getrefcount`` of None, True and False before and
after. A binding that hands out a singleton without a reference lowers its
count by one a call; on Python 3.11 the count reaching zero aborts the app
("Fatal Python error: none_dealloc" / "bool_dealloc"). Exits 1 when any case
drifts, 0 when all are clean. Runs offscreen; never applies the app's
refcount guard (ui/common/refcount_guard.py), so it sees the raw bindings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6 import __version__ as PYSIDE_VERSION  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QMimeData, QObject, QSize, Qt, QTimer, Signal  # noqa: E402
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCharFormat, QTextCursor, QTextFormat  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit  # noqa: E402

SINGLETONS = {"None": None, "True": True, "False": False}


@dataclass
class Drift:
    case: str
    calls: int
    none: int
    true: int
    false: int

    def faulty(self) -> bool:
        # A borrowed result loses one reference a call; noise is a handful
        # at most. (A count that grows is a reference kept, not a fault.)
        limit = max(5, self.calls // 10)
        return any(delta < -limit for delta in (self.none, self.true, self.false))


def counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


# References given back to the singletons after a case that took them, so
# that a faulty binding cannot run a count down to zero during the probe.
_repaid: list[object] = []


def measure(case: str, call: Callable[[], object], calls: int) -> Drift:
    # Lend each singleton enough references for every call to leak a few.
    ballast = [None, True, False] * (50 * calls + 1000)
    call()  # the first call may cache things (types, signatures)
    base = counts()
    before = counts()
    for _ in range(calls):
        call()
    after = counts()
    drift = Drift(case, calls, *(a - b for a, b in zip(after, before, strict=True)))
    for value, delta in zip((None, True, False), (a - b for a, b in zip(after, base, strict=True)), strict=True):
        _repaid.extend([value] * max(0, -delta))
    del ballast  # only now: what the case took is repaid
    return drift


class _Emitter(QObject):
    changed = Signal(str)
    empty = Signal()


class _Filter(QObject):
    """Like ui.form.text_edits.UndoKeysToDocument: answers bool to Qt."""

    def __init__(self, answer: bool) -> None:
        super().__init__()
        self.answer = answer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        return self.answer


def widget_cases(calls: int) -> list[Drift]:
    from ui.common.richtext import block_to_inline, insert_inline
    from ui.form.block_widgets import ID_PROPERTY, ParagraphsEdit
    from ui.form.text_edits import InlineTextEdit, RichTextEdit

    results: list[Drift] = []
    plain = QTextCharFormat()
    legacy = QTextCharFormat()
    legacy.setFontFamilies([".VnTime"])
    results.append(measure("QTextCharFormat.fontFamilies() (no family set)", plain.fontFamilies, calls))
    results.append(measure("QTextCharFormat.fontFamilies() (family set)", legacy.fontFamilies, calls))
    results.append(measure("QTextFormat.property() (property absent)", lambda: plain.property(QTextFormat.Property.FontFamilies), calls))
    results.append(measure("QTextFormat.hasProperty()", lambda: plain.hasProperty(QTextFormat.Property.FontFamilies), calls))
    results.append(measure("QTextFormat.stringProperty()", lambda: plain.stringProperty(ID_PROPERTY), calls))

    caption = InlineTextEdit()
    caption.set_inline("Ảnh: <b>Quận ủy</b> <i>Lê Chân</i> <a href=\"https://haiphong.gov.vn/\">họp</a>")
    results.append(measure("ui.common.richtext.block_to_inline (caption)", lambda: block_to_inline(caption.document().begin()), calls))
    results.append(measure("InlineTextEdit.inline()", caption.inline, calls))
    body = ParagraphsEdit()
    cursor = QTextCursor(body.document())
    insert_inline(cursor, "Đoạn một.")
    cursor.insertBlock()  # a new paragraph: no id yet, as after Enter
    insert_inline(cursor, "Đoạn hai, <b>đậm</b>.")
    body.set_id(0, "b1")
    results.append(measure("ParagraphsEdit.paragraphs() (one block without id)", body.paragraphs, calls))

    line = QLineEdit()
    label = QLabel()
    results.append(measure("void method: QLineEdit.setText()", lambda: line.setText("Lê Chân"), calls))
    results.append(measure("void method: QLabel.setText()", lambda: label.setText("12 từ"), calls))
    results.append(measure("void method: QTextEdit.setTextCursor()", lambda: caption.setTextCursor(caption.textCursor()), calls))
    results.append(measure("bool method: QWidget.hasFocus()", line.hasFocus, calls))
    results.append(measure("bool method: QObject.blockSignals()", lambda: line.blockSignals(False), calls))
    results.append(measure("QMimeData.hasImage()", QMimeData().hasImage, calls))

    emitter = _Emitter()
    results.append(measure("Signal.emit() (no receiver)", lambda: emitter.empty.emit(), calls))
    emitter.changed.connect(lambda text: None)
    results.append(measure("Signal.emit(str) (a Python slot)", lambda: emitter.changed.emit("x"), calls))
    edit = QLineEdit()
    seen: list[str] = []
    edit.textChanged.connect(lambda text: seen.append(text) and None)
    flip = iter(range(10**9))
    results.append(measure("Qt signal -> Python slot (QLineEdit.textChanged)", lambda: edit.setText(str(next(flip))), calls))

    target = QObject()
    target.installEventFilter(_Filter(False))
    results.append(measure("override eventFilter() -> False", lambda: QCoreApplication.sendEvent(target, QEvent(QEvent.Type.User)), calls))
    eaten = QObject()
    eaten.installEventFilter(_Filter(True))
    results.append(measure("override eventFilter() -> True", lambda: QCoreApplication.sendEvent(eaten, QEvent(QEvent.Type.User)), calls))
    keys = RichTextEdit()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    results.append(measure("override keyPressEvent() and the app's filters (RichTextEdit)", lambda: QCoreApplication.sendEvent(keys, key), calls))
    resize = QResizeEvent(QSize(300, 80), QSize(200, 80))
    results.append(measure("override resizeEvent() (RichTextEdit)", lambda: QCoreApplication.sendEvent(keys, resize), calls))
    ticks: list[int] = []
    results.append(measure("QTimer.singleShot callback", lambda: (QTimer.singleShot(0, lambda: ticks.append(1)), QCoreApplication.processEvents()), calls))
    return results


def web_cases(calls: int) -> list[Drift]:
    from ui.common.image_cache import ImageCache
    from ui.preview.preview_page import PAGE_URL, PreviewPage, PreviewSchemeHandler, make_preview_profile
    from ui.preview.webengine import SCHEME

    profile = make_preview_profile(None)
    handler = PreviewSchemeHandler(lambda: "<!doctype html><title>t</title><img src='https://example.com/x.png'>", ImageCache())
    profile.installUrlSchemeHandler(SCHEME, handler)
    page = PreviewPage(profile)
    # Waits in a QEventLoop woken by Qt itself: spinning processEvents()
    # from Python would add calls of its own to every case.
    loop = QEventLoop()
    page.loadFinished.connect(loop.quit)
    answers = [0]

    def load() -> None:
        page.load(PAGE_URL)  # acceptNavigationRequest, interceptRequest (twice), requestStarted
        loop.exec()

    def script(source: str) -> Callable[[], None]:
        def answered(result: object) -> None:
            answers[0] += 1  # the result is not kept: that would count as a reference held
            loop.quit()

        def run() -> None:
            page.runJavaScript(source, 0, answered)
            loop.exec()
        return run

    results = [measure("overrides acceptNavigationRequest, interceptRequest, requestStarted (a page load)", load, calls)]
    for value in ("true", "false", "null"):
        results.append(measure(f"runJavaScript callback ({value})", script(value), calls))
    results.append(measure("override javaScriptConsoleMessage()", script("console.log('toasoan:select:b1'); 1"), calls))
    page.deleteLater()
    QCoreApplication.processEvents()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--self-test", action="store_true", help="add a case that drops a reference to None on purpose")
    args = parser.parse_args(argv)

    from ui.preview.webengine import prepare_chromium, register_scheme

    flags = prepare_chromium()
    register_scheme()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0], *flags])  # noqa: F841 (kept alive)
    results = widget_cases(args.calls) + web_cases(max(1, args.calls // 100))
    if args.self_test:  # what a faulty binding does: the probe must see it
        import ctypes

        results.append(measure("self-test: Py_DecRef(None)", lambda: ctypes.pythonapi.Py_DecRef(ctypes.py_object(None)), args.calls))
    faults = [r for r in results if r.faulty()]
    if args.json:
        print(json.dumps({"pyside6": PYSIDE_VERSION, "python": sys.version.split()[0],
                          "cases": [r.__dict__ | {"faulty": r.faulty()} for r in results]}), flush=True)
    else:
        print(f"PySide6 {PYSIDE_VERSION}, Python {sys.version.split()[0]}: drift of sys.getrefcount over each case")
        print(f"{'calls':>6} {'None':>7} {'True':>7} {'False':>7}  case")
        for r in results:
            print(f"{r.calls:>6} {r.none:>7} {r.true:>7} {r.false:>7}  {r.case}{'  <-- BORROWED' if r.faulty() else ''}")
        print(f"{len(faults)} of {len(results)} cases drift" if faults else "clean: no case drifts", flush=True)
    sys.stdout.flush()
    # No Python finalization after QtWebEngine (see tests/conftest.py); and
    # with the singletons' counts run down it could abort on its own.
    os._exit(1 if faults else 0)


if __name__ == "__main__":
    main()
