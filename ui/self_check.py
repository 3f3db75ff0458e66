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
            finish(0)
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
    if status:
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
