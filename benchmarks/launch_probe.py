"""Child process of bench_ui.py: starts the app exactly as ``python main.py
ARTICLE`` does and reports, on the wall clock, when its window was first
exposed and when the preview first painted the article's title.

    python launch_probe.py ARTICLE [APP_ROOT]

APP_ROOT (this checkout by default) is the app to start: bench_ui.py
--compare starts another checkout's the same way, interleaved with ours.

Nothing is imported ahead of main.py: the probe's hooks go in as ui.app is
first imported (an import hook), so the start measured is the app's own.
Prints ``RESULT {json}`` and leaves with os._exit (see tests/conftest.py).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

# Once the page's heading holds the article's title (while the page still
# loads: its photos may come later), a frame holding it was painted when
# requestAnimationFrame has run twice.
TITLE_JS = """(function (title, message) {
  var heading = document.querySelector('h1');
  if (!heading || heading.textContent.trim() !== title) return false;
  requestAnimationFrame(function () { requestAnimationFrame(function () { console.log(message + 'painted'); }); });
  return true;
})(%s, %s)"""


def report(data: dict) -> None:
    print("RESULT " + json.dumps(data), flush=True)
    os._exit(0)


def watch(module: ModuleType, title: str) -> None:
    """Wrap ui.app.start_work: once the window exists, watch it."""
    original = module.start_work

    def start_work(window, argv):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWebEngineCore import QWebEngineScript

        from ui.preview.preview_page import SELECT_MESSAGE

        figures: dict[str, float] = {}

        class FirstExpose(QObject):
            def eventFilter(self, watched, event):  # type: ignore[no-untyped-def] # noqa: N802
                if event.type() == QEvent.Type.Expose and watched is window.windowHandle() and window.windowHandle().isExposed():
                    figures.setdefault("exposed_at", time.time())
                return False

        expose_filter = FirstExpose(window)
        window.windowHandle().installEventFilter(expose_filter)
        if window.windowHandle().isExposed():
            figures.setdefault("exposed_at", time.time())

        def on_message(text: str) -> None:
            if text == "painted":
                figures.setdefault("title_painted_at", time.time())
                report(figures)

        deadline = time.time() + 60

        listening: list[bool] = []
        script = TITLE_JS % (json.dumps(title.strip()), json.dumps(SELECT_MESSAGE))

        def answer(found: object) -> None:
            if found is not True:
                QTimer.singleShot(5, poll)

        def poll() -> None:
            if time.time() > deadline:
                report({"error": "the preview never showed the article's title"})
            elif not hasattr(window, "preview"):  # start_work may come before the preview is made
                QTimer.singleShot(5, poll)
            else:
                if not listening:
                    listening.append(True)
                    window.preview.block_clicked.connect(on_message)
                window.preview.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, answer)

        original(window, argv)
        poll()

    module.start_work = start_work


class WhenImported(importlib.abc.MetaPathFinder):
    """Calls ``then(module)`` once the module ``name`` is first imported,
    right after its own code ran: nothing is imported ahead of the app's
    own order (retext_probe.py hooks ReText the same way)."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.then = then

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        exec_module = spec.loader.exec_module

        def exec_and_hook(module: ModuleType) -> None:
            exec_module(module)
            self.then(module)

        spec.loader.exec_module = exec_and_hook  # type: ignore[method-assign]
        return spec


def main() -> None:
    # Here, not as the module is imported: compare_retext.py's ReText probe
    # imports TITLE_JS, and must not put this app on ReText's path.
    root = Path(sys.argv[2]).resolve() if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    article = sys.argv[1]
    # The title, read without any of the app's modules.
    title = json.loads(Path(article).read_text(encoding="utf-8"))["title"]
    sys.meta_path.insert(0, WhenImported("ui.app", lambda module: watch(module, title)))
    sys.argv = [str(root / "main.py"), article]
    import main as app_main

    app_main.main([article])


if __name__ == "__main__":
    main()
