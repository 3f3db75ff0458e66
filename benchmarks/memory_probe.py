"""Child of bench_memory.py: the real window (offscreen) on an article, its
preview scrolled from top to bottom so every lazy photo is fetched and
decoded, then ``READY`` on stdout; the parent reads the process tree's PSS.
``SETTLED`` follows 12 s later, once the photo processes, which stop 10 s
after their last job (the share card's, at open), are gone; the parent
reads the tree again, then ends this process.

    python memory_probe.py ARTICLE|-
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter

STEP_JS = """(function () {
  window.scrollBy(0, Math.round(window.innerHeight * 0.8));
  var bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  var loaded = Array.from(document.images).every(function (i) { return i.complete && i.naturalWidth > 0; });
  return bottom && loaded ? 'done' : 'more';
})()"""


def main() -> None:
    article = sys.argv[1]

    def start(window: MainWindow, meter: StallMeter) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWebEngineCore import QWebEngineScript

        if article != "-":
            window.files.open_path(Path(article))


        def settled() -> None:
            # Let the renderer finish decoding and the caches settle.
            QTimer.singleShot(3000, lambda: print("READY", flush=True))
            QTimer.singleShot(15000, lambda: print("SETTLED", flush=True))

        def step(result: object = None) -> None:
            if result == "done":
                settled()
                return
            # One screen at a time, at a reader's pace: each photo on the way
            # is requested and decoded as it comes into view.
            QTimer.singleShot(150, lambda: window.preview.page().runJavaScript(
                STEP_JS, QWebEngineScript.ScriptWorldId.ApplicationWorld, step))

        def wait() -> None:
            images = window.document.article.images()
            if (article == "-" or window.document.article.title) and not window.preview.is_loading() \
                    and all(window.images.for_block(b) is not None for b in images):
                step()
            else:
                QTimer.singleShot(50, wait)

        wait()

    run_probe(start)


if __name__ == "__main__":
    main()
