"""``toa-soan self-check``: does this installation work? It opens the
example article offscreen in the real preview, waits until the page's DOM
shows the article's title and its first photo (decoded in a photo process,
as the window decodes every photo), prints what it saw and exits 0, or 1
saying what was missing.

It needs no display and touches neither the user's settings nor the
autosave workspace: it builds a document, the photo cache and the preview,
not the main window. It is what the bundle's smoke test runs on a bare
machine (tools/bundle_smoke.py), and what a helpdesk can ask a user to run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from importlib import resources
from pathlib import Path

# Chromium, its GPU process and a photo process may take long to start on a
# loaded office PC; past this the installation is reported as not working.
TIMEOUT_SECONDS = 120
POLL_MS = 250

# What Vietnamese needs of ICU's data, which the bundle cuts down to root, English and Vietnamese
# (packaging/icu_data.py): asked of Chromium's copy in the page (self_check_state.js) and of Qt's here.
# With the root collation alone "ăn" would sort before "ao" (ă would be a with an accent, not a letter).
VIETNAMESE_IN_THE_PAGE = {"sorted": "ao ăn ba", "upper": "ĐƯỜNG PHỐ", "month": "Tháng 1"}
VIETNAMESE_IN_QT = {"sorted": "ao ăn ba", "upper": "ĐƯỜNG PHỐ"}
ZONE = "Asia/Ho_Chi_Minh"


def qt_vietnamese() -> dict[str, str]:
    """Qt's answers (its ICU): Vietnamese collation and upper case, and the time zone's Vietnamese name."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    from ui.form.fields import zone_display_name

    locale = QLocale("vi_VN")
    words = sorted(["ba", "ăn", "ao"], key=cmp_to_key(QCollator(locale).compare))
    return {"sorted": " ".join(words), "upper": locale.toUpper("đường phố"), "zone": zone_display_name(ZONE, None, "vi")}


def vietnamese_problems(page: object, qt: dict[str, str]) -> list[str]:
    """What the page's and Qt's answers get wrong, in words (nothing when both know Vietnamese)."""
    page = page if isinstance(page, dict) else {}
    problems = [f"Chromium: {key} gave {page.get(key)!r}, expected {value!r}"
                for key, value in VIETNAMESE_IN_THE_PAGE.items() if page.get(key) != value]
    problems += [f"Qt: {key} gave {qt.get(key)!r}, expected {value!r}" for key, value in VIETNAMESE_IN_QT.items()
                 if qt.get(key) != value]
    if qt.get("zone") in (None, "", ZONE):
        problems.append(f"Qt: no Vietnamese name for the time zone {ZONE} (gave {qt.get('zone')!r})")
    return problems


def shows_the_example(state: dict[str, object], title: str) -> bool:
    """Whether the preview's DOM, as resources/preview/self_check_state.js reads it, shows the
    example: its title in the heading and its first photo decoded."""
    return state.get("title") == title and bool(state.get("first_photo"))


def example_article() -> Path:
    """The example shipped with the app, found as every resource is."""
    return Path(str(resources.files("resources").joinpath("examples", "le-chan", "article.json")))


def run(argv: list[str]) -> int:
    if argv:
        print(f"toa-soan self-check: takes no arguments (got {' '.join(argv)})", file=sys.stderr)
        return 2
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window: it must run without a display
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QTimer, qVersion
    from PySide6.QtWebEngineCore import QWebEngineScript

    from editor.inputs import load_article
    from ui.app import create_application

    app = create_application([])
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.preview import scripts
    from ui.preview.preview import PreviewView

    print(f"self-check: Qt {qVersion()}, PySide6 {pyside_version}, Python {sys.version.split()[0]}", flush=True)
    article = load_article(example_article())
    document = Document()
    images = ImageCache()
    document.load(article, None)
    view = PreviewView(document, images)
    view.resize(1280, 900)
    view.show()
    view.reload_page()
    started = time.monotonic()
    outcome: dict[str, object] = {}

    def finish(status: int) -> None:
        outcome["status"] = status
        app.quit()

    def seen(result: object) -> None:
        state = json.loads(result) if isinstance(result, str) else {}
        outcome["state"] = state
        if shows_the_example(state, article.title):
            width, height = state["first_photo"]
            print(f"self-check: the preview shows the title “{state['title']}”", flush=True)
            print(f"self-check: photo 1 of {state['photos']} decoded and shown, {width}×{height} px", flush=True)
            qt = qt_vietnamese()
            problems = vietnamese_problems(state.get("vietnamese"), qt)
            for problem in problems:
                print(f"self-check: Vietnamese: {problem}", file=sys.stderr, flush=True)
            if not problems:
                print(f"self-check: Vietnamese collation, case and dates in the page and in Qt; "
                      f"the time zone is “{qt['zone']}”", flush=True)
            outcome["problems"] = problems
            finish(1 if problems else 0)
        elif time.monotonic() - started > TIMEOUT_SECONDS:
            finish(1)
        else:
            QTimer.singleShot(POLL_MS, poll)

    def poll() -> None:
        if time.monotonic() - started > TIMEOUT_SECONDS:
            finish(1)
        elif view.is_loading():
            QTimer.singleShot(POLL_MS, poll)
        else:
            view.page().runJavaScript(scripts.call("self_check_state"), QWebEngineScript.ScriptWorldId.ApplicationWorld, seen)

    QTimer.singleShot(POLL_MS, poll)
    app.exec()
    status = int(outcome.get("status", 1))  # type: ignore[call-overload]
    if status and outcome.get("problems"):
        print("self-check: FAILED: the preview shows the example, but Vietnamese text is not handled as it should be "
              "(above)", file=sys.stderr)
    elif status:
        print(f"self-check: FAILED after {TIMEOUT_SECONDS} s; the preview showed {outcome.get('state')!r}, "
              f"expected the title {article.title!r} and its first photo", file=sys.stderr)
    else:
        print(f"self-check: ok ({time.monotonic() - started:.1f} s)", flush=True)
    view.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    # As the window does (ui/app.py): QtWebEngine can crash while Python
    # finalizes, and nothing here needs saving.
    os._exit(status)
