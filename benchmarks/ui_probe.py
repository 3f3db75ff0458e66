"""Child process of bench_ui.py: runs the real window and reports figures.

    python ui_probe.py open ARTICLE
    python ui_probe.py typing ARTICLE
    python ui_probe.py memory ARTICLE
    python ui_probe.py save-as ARTICLE DRAFT   (the article as the window saves it)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

# The app measured: this checkout's, or another's (bench_ui.py --compare).
sys.path.insert(0, os.environ.get("BENCH_APP_ROOT") or str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Qt and the app are imported in main() only: the window's photo processes
# start ("spawn") by importing this script, as they import main.py in the
# app, and must stay as light here as they are there (a second of Qt imports
# in each photo process was counted as opening time before).

# A frame was painted once requestAnimationFrame has run twice after a change.
FRAME_JS = "requestAnimationFrame(function () { requestAnimationFrame(function () { console.log('%sframe-%%d'); }); }); true"  # noqa: UP031 — JavaScript's braces


# The page is complete when every photo has its exported size (width set by
# the patch once the photo is prepared) and those in view have loaded.
COMPLETE_JS = """(function () {
  var images = Array.prototype.slice.call(document.querySelectorAll('[data-block] img'));
  return images.length > 0 && images.every(function (image) {
    var box = image.getBoundingClientRect();
    var inView = box.bottom > 0 && box.top < window.innerHeight;
    return image.hasAttribute('width') && (!inView || (image.complete && image.naturalWidth > 0));
  });
})()"""


def tree_cpu() -> dict[str, float]:
    """CPU seconds so far of this process's descendants, by kind: the photo
    processes (multiprocessing's spawned children) and QtWebEngine's helpers."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from runs import tree_pids

    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[str, float] = {}
    for pid in tree_pids(os.getpid())[1:]:
        try:
            stat = (Path("/proc") / str(pid) / "stat").read_text()
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes()
        except OSError:
            continue  # ended meanwhile
        fields = stat.rsplit(")", 1)[1].split()
        kind = "photo" if b"spawn_main" in command else "other"
        found[f"{kind}:{pid}"] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def report(data: dict) -> None:
    print("RESULT " + json.dumps(data), flush=True)
    sys.stdout.flush()
    os._exit(0)  # see tests/conftest.py: no Python finalization after Qt


def main() -> None:
    global FRAME_JS
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWebEngineCore import QWebEngineScript
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.preview.preview_page import SELECT_MESSAGE

    FRAME_JS = FRAME_JS % SELECT_MESSAGE
    mode, article = sys.argv[1], Path(sys.argv[2])
    app = create_application([])
    from editor.workspace import Workspace, default_workspace_path
    from ui.window.main_window import MainWindow

    window = MainWindow(Workspace(default_workspace_path()))  # as the app does (ui/app.py)
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
                report({"error": f"timed out in {mode}", "state": repr(getattr(condition, "__name__", ""))})
            else:
                QTimer.singleShot(5, poll)

        poll()

    def loaded() -> bool:
        return window.document.article.title != "" and not preview.is_loading()

    if mode == "open":
        # The window up and settled (its deferred start done), then Open.
        def open_now() -> None:
            from PySide6.QtCore import QObject

            opened_at = time.perf_counter()
            cpu_at_open = time.process_time()
            children_at_open = tree_cpu()
            figures: dict[str, float] = {}

            def blocks_shown() -> int:
                return sum(len(segment.block_ids()) for segment in window.composer.blocks.segments())

            def form_shown() -> bool:
                """The fields show the article and its body has begun to appear."""
                article_ = window.document.article
                return article_.title != "" and window.composer.fields.title.text() == article_.title and blocks_shown() > 0

            class FirstPaint(QObject):
                def eventFilter(self, watched, event):  # type: ignore[no-untyped-def] # noqa: N802
                    if event.type() == QEvent.Type.Paint and form_shown():
                        figures.setdefault("form", time.perf_counter() - opened_at)
                    return False

            paint_filter = FirstPaint(window)
            # The form's column: painted whenever any of its fields is.
            window.composer.widget().installEventFilter(paint_filter)
            window.files.open_path(article)

            def photos_ready() -> bool:
                images = window.document.article.images()
                return loaded() and all(window.images.for_block(b) is not None for b in images)

            def check_page() -> None:
                def answer(ok: object) -> None:
                    if ok is True:
                        run_js(FRAME_JS % 1)
                        def complete() -> None:
                            cpu = time.process_time() - cpu_at_open
                            spent = {key: value - children_at_open.get(key, 0.0) for key, value in tree_cpu().items()}
                            found = {"form_shown_s": figures["form"], "form_complete_s": figures["form_complete"],
                                     "preview_complete_s": frames[1] - opened_at, "cpu_s": cpu,
                                     "photo_cpu_s": sum(v for k, v in spent.items() if k.startswith("photo:")),
                                     "tree_cpu_s": cpu + sum(spent.values())}
                            def copies_kept() -> bool:
                                """A copy of each photo kept on disk: the next open is a reopen (after
                                a draft's carried copies were shown, once each is made again)."""
                                folder = window.images._copies.folder
                                return len(list(folder.glob("*.copy"))) >= len(window.document.article.images())

                            def kept() -> None:
                                figures["copies_kept"] = time.perf_counter() - opened_at

                            when(copies_kept, kept, timeout=120)
                            when(lambda: "checklist" in figures and "copies_kept" in figures,
                                 lambda: report(dict(found, checklist_s=figures["checklist"], copies_kept_s=figures["copies_kept"])),
                                 timeout=120)

                        when(lambda: 1 in frames and "form_complete" in figures, complete, timeout=60)
                    else:
                        QTimer.singleShot(10, check_page)

                preview.page().runJavaScript(COMPLETE_JS, QWebEngineScript.ScriptWorldId.ApplicationWorld, answer)

            def form_complete() -> None:
                figures["form_complete"] = time.perf_counter() - opened_at

            when(lambda: window.document.article.title != "" and blocks_shown() == len(window.document.article.blocks),
                 form_complete, timeout=300)
            when(photos_ready, check_page, timeout=300)

            def photos_checked() -> bool:
                """The checklist has read every photo of the opened article: each of
                the benchmark's photos carries GPS coordinates, as a phone's do."""
                panel = getattr(window, "checklist", None)
                gps = sum(finding.id == "photo-gps" for finding in panel.findings) if panel is not None else 0
                return loaded() and gps == len(window.document.article.images()) > 0

            when(photos_checked, lambda: figures.setdefault("checklist", time.perf_counter() - opened_at), timeout=300)

        QTimer.singleShot(3000, open_now)

    elif mode == "save-as":
        # Saved once every photo is shown: the draft carries what the window made.
        window.files.open_path(article)
        target = Path(sys.argv[3])

        def save() -> None:
            window.files._save_to(target, lambda: report({"saved": str(target)}))

        when(lambda: loaded() and not window.images.is_busy()
             and all(window.images.for_block(b) is not None for b in window.document.article.images()), save, timeout=300)

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
