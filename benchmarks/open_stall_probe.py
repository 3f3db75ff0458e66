"""Child of bench_ui.py (``--only openlong``): open a long article in the
real window and report the longest stall of the UI thread until it is all
there (every block in the form, the preview loaded, every photo prepared)
and 2.5 s more (the checklist's and autosave's first runs).

    python open_stall_probe.py ARTICLE

A 5 ms heartbeat measures the stalls, with the UI thread's own CPU time in
each gap (a gap it hardly ran in is the machine's load). While a gap is
longer than 40 ms, a sampling thread notes the UI thread's Python stack
every 3 ms when it used the CPU since the last sample: the app's functions
it was in are printed, most often first, to say where a stall's time went.

Prints one ``RESULT {json}`` line, then leaves with os._exit.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.stall_meter import StallMeter

APP = str(Path(__file__).resolve().parent.parent)
SAMPLE_AFTER_S = 0.040


def app_frames(frame: object) -> list[str]:
    """The app's own functions on a stack, innermost first."""
    names = []
    for summary in traceback.extract_stack(frame)[::-1]:  # type: ignore[arg-type]
        if summary.filename.startswith(APP) and "/benchmarks/" not in summary.filename and "/.venv/" not in summary.filename:
            names.append(f"{Path(summary.filename).relative_to(APP)}:{summary.name}")
    return names


def sample(last_tick: list[float], where: Counter[str], timeline: list[tuple[float, str]]) -> None:
    """Only samples in which the UI thread used the CPU count (its own CPU
    clock, read from this thread): a stall spent waiting for a core is the
    machine's load, not a place in the app."""
    main = threading.main_thread()
    clock = time.pthread_getcpuclockid(main.ident)  # type: ignore[arg-type]
    before = time.clock_gettime(clock)
    while True:
        time.sleep(0.003)
        now = time.clock_gettime(clock)
        ran, before = now - before > 0.001, now
        if ran and last_tick[0] and time.perf_counter() - last_tick[0] > SAMPLE_AFTER_S:
            frame = sys._current_frames().get(main.ident)  # type: ignore[arg-type]
            if frame is not None:
                names = app_frames(frame)
                # Innermost app function, and the outermost one that led there.
                place = " ← ".join(names[:1] + names[-1:]) if names else "(in Qt, called by its event loop)"
                where[place] += 1
                timeline.append((time.perf_counter(), place))


def main() -> None:
    article = Path(sys.argv[1])
    last_tick = [0.0]
    where: Counter[str] = Counter()
    timeline: list[tuple[float, str]] = []  # (when, where): each sample in a stall
    threading.Thread(target=sample, args=(last_tick, where, timeline), daemon=True).start()

    def start(window: MainWindow, meter: StallMeter) -> None:
        from PySide6.QtCore import QTimer

        gaps: list[tuple[float, float, float]] = []  # (wall, the UI thread's CPU, ended at), seconds
        state = {"at": time.perf_counter(), "cpu": time.thread_time()}

        def beat() -> None:
            now, cpu = time.perf_counter(), time.thread_time()
            gaps.append((now - state["at"], cpu - state["cpu"], now))
            state["at"], state["cpu"] = now, cpu
            last_tick[0] = now

        ticker = QTimer(window)
        ticker.setInterval(5)
        ticker.timeout.connect(beat)
        preview = window.preview

        def complete() -> bool:
            images = window.document.article.images()
            return (bool(window.document.article.title) and not preview.is_loading() and window.composer.blocks.is_complete()
                    and all(window.images.for_block(b) is not None for b in images))

        opened_at = time.perf_counter()
        load_before = os.getloadavg()[0]

        def finish() -> None:
            ticker.stop()
            worst = sorted(gaps, reverse=True)[:5]
            busiest = sorted(gaps, key=lambda gap: gap[1], reverse=True)[:3]

            def inside(gap: tuple[float, float, float]) -> list[tuple[str, int]]:
                return Counter(place for at, place in timeline if gap[2] - gap[0] <= at <= gap[2]).most_common(4)

            print("RESULT " + json.dumps({
                "longest_stall_ms": (worst[0][0] - 0.005) * 1000,
                "worst_gaps_ms": [[round(wall * 1000, 1), round(cpu * 1000, 1)] for wall, cpu, _ in worst],
                "longest_ui_cpu_ms": max(cpu for _, cpu, _ in gaps) * 1000,
                # The gaps the UI thread worked most in, and where it was then.
                "busiest_gaps": [[round(cpu * 1000, 1), inside((wall, cpu, end))] for wall, cpu, end in busiest],
                "complete_s": state["complete"],
                "where": where.most_common(8),
                "load": [load_before, os.getloadavg()[0]],
            }), flush=True)
            os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

        def poll() -> None:
            if complete():
                state["complete"] = time.perf_counter() - opened_at
                QTimer.singleShot(2500, finish)
            elif time.perf_counter() - opened_at > 600:
                print("RESULT " + json.dumps({"error": "timed out"}), flush=True)
                os._exit(1)
            else:
                QTimer.singleShot(20, poll)

        state["at"], state["cpu"] = time.perf_counter(), time.thread_time()
        ticker.start()
        window.files.open_path(article)
        poll()

    run_probe(start)


if __name__ == "__main__":
    main()
