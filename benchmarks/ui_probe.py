"""Child process of bench_ui.py: runs the real window and reports figures.

    python ui_probe.py launch ARTICLE START_TIME
    python ui_probe.py typing ARTICLE
    python ui_probe.py memory ARTICLE
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWebEngineCore import QWebEngineScript  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.app import create_application  # noqa: E402
from ui.preview_page import SELECT_MESSAGE  # noqa: E402

# A frame was painted once requestAnimationFrame has run twice after a change.
FRAME_JS = "requestAnimationFrame(function () { requestAnimationFrame(function () { console.log('%sframe-%%d'); }); }); true" % SELECT_MESSAGE  # noqa: UP031 — JavaScript's braces


def report(data: dict) -> None:
    print("RESULT " + json.dumps(data), flush=True)
    sys.stdout.flush()
    os._exit(0)  # see tests/conftest.py: no Python finalization after Qt


def main() -> None:
    mode, article = sys.argv[1], Path(sys.argv[2])
    app = create_application([])
    from ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    preview = window.preview
    frames: dict[int, float] = {}  # frame number -> perf_counter when painted
    painted_at_wall: dict[int, float] = {}  # the same, on the wall clock

    def on_message(text: str) -> None:
        if text.startswith("frame-"):
            frames.setdefault(int(text[6:]), time.perf_counter())
            painted_at_wall.setdefault(int(text[6:]), time.time())

    preview.block_clicked.connect(on_message)

    def run_js(script: str) -> None:
        preview.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)

    def when(condition, then, timeout=120.0):  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + timeout

        def poll() -> None:
            if condition():
                then()
            elif time.perf_counter() > deadline:
                report({"error": f"timed out in {mode}"})
            else:
                QTimer.singleShot(5, poll)

        poll()

    def loaded() -> bool:
        return window.document.article.title != "" and not preview.is_loading()

    if mode == "launch":
        start = float(sys.argv[3])
        window.files.open_path(article)

        def painted() -> None:
            run_js(FRAME_JS % 0)
            when(lambda: 0 in frames, lambda: report({"launch_to_first_paint_s": painted_at_wall[0] - start}))

        when(loaded, painted)

    elif mode == "typing":
        window.files.open_path(article)
        latencies: list[float] = []

        def start_typing() -> None:
            segments = [s for s in window.composer.blocks.segments() if type(s).__name__ == "TextSegment"]
            segment = segments[len(segments) // 2]
            segment.focus_block(segment.block_ids()[0], at_end=True)
            editor = segment.editor
            text = " Tòa soạn gõ thử từng chữ một để đo độ trễ."

            def key(index: int) -> None:
                if index >= len(text):
                    ordered = sorted(latencies)
                    report({
                        "keystrokes": len(latencies),
                        "p50_ms": statistics.median(ordered) * 1000,
                        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
                        "max_ms": ordered[-1] * 1000,
                    })
                    return
                sent = time.perf_counter()
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text[index]))
                run_js(FRAME_JS % (index + 1))

                def measured() -> None:
                    latencies.append(frames[index + 1] - sent)
                    QTimer.singleShot(30, lambda: key(index + 1))

                when(lambda: index + 1 in frames, measured, timeout=10)

            QTimer.singleShot(500, lambda: key(0))

        when(lambda: loaded() and all(window.images.for_block(b) is not None for b in window.document.article.images()), start_typing, timeout=600)

    elif mode == "memory":
        if article.name != "-":
            window.files.open_path(article)

        def settle() -> None:
            # Let caches and the renderer settle, then let the parent measure.
            QTimer.singleShot(3000, lambda: print("READY", flush=True))

        if article.name == "-":
            when(lambda: not preview.is_loading(), settle)
        else:
            when(lambda: loaded() and all(window.images.for_block(b) is not None for b in window.document.article.images()), settle, timeout=900)

    app.exec()


if __name__ == "__main__":
    main()
