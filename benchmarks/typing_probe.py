"""Child of bench_typing.py: type at a human rhythm into the real window.

    python typing_probe.py ARTICLE KEYS SEED

Opens ARTICLE, waits for its photos and preview, then types KEYS keys into
the middle paragraph of the middle text run: 80–150 ms between keys (seeded)
and a 2 s pause every 20 keys, so the checklist (600 ms) and autosave (1 s)
timers fire as they do for a person. A 5 ms heartbeat measures how late the
UI thread ran its event loop all along. For each key it measures:

- field echo: the key sent → the paragraph editor's repaint begins, and
  the UI thread's CPU time in between (the app's own cost, whatever the load);
- painted: the key sent → the preview has painted a frame after its patch
  (two requestAnimationFrame turns in the page, as ui_probe.py measures).

Prints one ``RESULT {json}`` line with every figure, then leaves with os._exit.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QApplication

from ui.preview.preview_page import SELECT_MESSAGE
from ui.window.stall_meter import StallMeter

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

FRAME_JS = "requestAnimationFrame(function () { requestAnimationFrame(function () { console.log('" + SELECT_MESSAGE + "frame-%d'); }); }); true"
TYPED = "Quận ủy Lê Chân họp bàn công tác tuyên truyền năm 2025, đạt kết quả tốt. "
PAUSE_EVERY, PAUSE_S = 20, 2.0


class Heartbeat(StallMeter):
    """The stall meter, keeping every beat's lateness too, and for each gap
    the CPU time the UI thread and the whole process used in it: a gap the
    UI thread spent working is the app's own stall; one it spent without
    the CPU is the machine's load (or the GIL, held by a worker)."""

    def __init__(self) -> None:
        super().__init__(interval_ms=5)
        self.lateness: list[float] = []
        self.gaps: list[tuple[float, float, float]] = []  # (wall, UI thread CPU, process CPU), seconds

    def start(self) -> None:
        self._thread_cpu, self._process_cpu = time.thread_time(), time.process_time()
        super().start()

    def _tick(self) -> None:
        now, thread_cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        self.lateness.append(now - self._last - self._interval)
        self.gaps.append((now - self._last, thread_cpu - self._thread_cpu, process_cpu - self._process_cpu))
        self._thread_cpu, self._process_cpu = thread_cpu, process_cpu
        super()._tick()


class RepaintWatch(QObject):
    """Notes when a widget's next paint begins after a key was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: float | None = None
        self.sent_cpu = 0.0
        self.echoes: list[float] = []
        self.echo_cpu: list[float] = []  # the UI thread's CPU time in each echo: the app's own cost, whatever the load

    def key_sent(self) -> None:
        self.sent, self.sent_cpu = time.perf_counter(), time.thread_time()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.sent is not None:
            self.echoes.append(time.perf_counter() - self.sent)
            self.echo_cpu.append(time.thread_time() - self.sent_cpu)
            self.sent = None
        return False


def main() -> None:
    article, keys, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)

    def start(window: MainWindow, _meter: StallMeter) -> None:
        preview = window.preview
        frames: dict[int, float] = {}
        preview.block_clicked.connect(lambda text: text.startswith("frame-") and frames.setdefault(int(text[6:]), time.perf_counter()))
        window.files.open_path(Path(article))

        def ready() -> bool:
            images = window.document.article.images()
            return (bool(window.document.article.title) and not preview.is_loading() and window.composer.blocks.is_complete()
                    and all(window.images.for_block(b) is not None for b in images))

        def wait(condition, then, timeout: float = 900.0) -> None:  # type: ignore[no-untyped-def]
            deadline = time.perf_counter() + timeout

            def poll() -> None:
                if condition():
                    then()
                elif time.perf_counter() > deadline:
                    print("RESULT " + json.dumps({"error": "timed out"}), flush=True)
                    os._exit(1)
                else:
                    QTimer.singleShot(20, poll)

            poll()

        def begin() -> None:
            texts = [s for s in window.composer.blocks.segments() if type(s).__name__ == "TextSegment"]
            segment = texts[len(texts) // 2]
            ids = segment.block_ids()
            segment.focus_block(ids[len(ids) // 2], at_end=True)
            editor = segment.editor
            watch = RepaintWatch()
            editor.viewport().installEventFilter(watch)
            heartbeat = Heartbeat()
            sent_at: list[float] = []
            load_before = os.getloadavg()[0]
            due = time.perf_counter() + 0.5
            schedule = []
            for index in range(keys):
                due += rng.uniform(0.080, 0.150) + (PAUSE_S if index and index % PAUSE_EVERY == 0 else 0.0)
                schedule.append(due)
            heartbeat.start()

            def key(index: int) -> None:
                if index == keys:
                    QTimer.singleShot(int(PAUSE_S * 1000), finish)  # the last checklist and autosave run too
                    return
                char = TYPED[index % len(TYPED)]
                watch.key_sent()
                sent_at.append(watch.sent)  # type: ignore[arg-type]
                code = Qt.Key.Key_Space if char == " " else (ord(char.upper()) if char.isascii() and char.isalnum() else 0)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(editor, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))
                preview.page().runJavaScript(FRAME_JS % index, QWebEngineScript.ScriptWorldId.ApplicationWorld)
                if index + 1 < keys:
                    QTimer.singleShot(max(0, int((schedule[index + 1] - time.perf_counter()) * 1000)), lambda: key(index + 1))
                else:
                    key(keys)

            def finish() -> None:
                longest = heartbeat.stop()
                painted = [frames[i] - sent_at[i] for i in range(keys) if i in frames]
                print("RESULT " + json.dumps({
                    "keys": keys,
                    "blocks": len(window.document.article.blocks),
                    "words": sum(len(getattr(b, "text", "").split()) for b in window.document.article.blocks),
                    "echo_ms": [e * 1000 for e in watch.echoes],
                    "echo_cpu_ms": [e * 1000 for e in watch.echo_cpu],
                    "painted_ms": [p * 1000 for p in painted],
                    "lateness_ms": [late * 1000 for late in heartbeat.lateness],
                    "longest_stall_ms": longest * 1000,
                    # The five longest gaps between beats: (wall, UI thread CPU, process CPU) in ms.
                    "worst_gaps_ms": [[round(x * 1000, 1) for x in gap] for gap in sorted(heartbeat.gaps, reverse=True)[:5]],
                    "longest_ui_cpu_ms": max(gap[1] for gap in heartbeat.gaps) * 1000,
                    "load": [load_before, os.getloadavg()[0]],
                }), flush=True)
                os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

            QTimer.singleShot(max(0, int((schedule[0] - time.perf_counter()) * 1000)), lambda: key(0))

        wait(ready, lambda: QTimer.singleShot(1500, begin))  # let the first checklist and autosave settle

    run_probe(start)


if __name__ == "__main__":
    main()
