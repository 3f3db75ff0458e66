"""Child of bench_library.py: the real window's drafts library indexing a
folder from scratch, then searching it, with the UI thread's stalls taken apart.

    python library_stall_probe.py FOLDER

Run with XDG_DATA_HOME and XDG_CONFIG_HOME set to a temporary folder (the
parent does), so nothing touches the user's.

Two phases: *index* (the folder added until the first index is built and
every draft listed) and *search* (the bench's queries typed into the search
box one after another, each until its results are listed, then the empty
query); each phase ends half a second after its last list, so that painting
it counts too. A 5 ms heartbeat measures how late the UI thread ran its event loop.
For each gap between two beats it keeps the wall time and the UI thread's own
CPU time (``time.thread_time``): a long gap with little CPU is the thread
not running, a long one with much CPU is work the window did. On Linux a
sampler thread looks at the UI thread every 3 ms while a gap is over 30 ms:
its scheduler state (R: running or waiting for a core; S: asleep, as on
Python's GIL held by a worker thread; D: in the kernel) and its innermost
Python frames in the app's own code. Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from probe_window import run_probe  # beside this script, which sets up the path
from PySide6.QtCore import QTimer

from ui.window.stall_meter import StallMeter

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

QUERIES = ["dang bo", "quan uy", "khuyen hoc", "đường phố", "hoa nghia", "hoà nghĩa", "le chan hoi nghi",
           "thuy nguyen", "Dương Kinh", "nong thon moi", "phong chay", "cuu chien binh", "ban chi dao 35", "đồ sơn", ""]
SAMPLE_OVER_S = 0.030
SETTLE_MS = 500  # a phase ends this long after its last list: the list's painting is part of it
ROOT = str(Path(__file__).resolve().parent.parent)


class GapMeter(StallMeter):
    """The stall meter, keeping each gap: (start, wall, UI thread CPU)."""

    def __init__(self) -> None:
        super().__init__(interval_ms=5)
        self.gaps: list[tuple[float, float, float]] = []
        self.last_tick = 0.0  # read by the sampler thread

    def start(self) -> None:
        self.gaps = []
        super().start()
        self.last_tick = self._last

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((self._last, now - self._last, cpu - self._last_cpu))
        super()._tick()
        self.last_tick = self._last


def _app_frames(frame: object) -> str:
    """The innermost three frames of the app's own code (not the probe's), innermost first."""
    names = []
    while frame is not None and len(names) < 3:
        code = frame.f_code  # type: ignore[attr-defined]
        if code.co_filename.startswith(ROOT) and "/benchmarks/" not in code.co_filename:
            names.append(f"{Path(code.co_filename).name}:{code.co_name}:{frame.f_lineno}")  # type: ignore[attr-defined]
        frame = frame.f_back  # type: ignore[attr-defined]
    return " < ".join(names) or "(outside the app's Python code: in Qt, or waiting)"


def sample(meter: GapMeter, samples: dict[float, list[tuple[str, str]]]) -> None:
    """While the UI thread has not ticked for SAMPLE_OVER_S, note its state and stack."""
    main = threading.main_thread()
    while True:
        time.sleep(0.003)
        started = meter.last_tick
        if not started or time.perf_counter() - started < SAMPLE_OVER_S:
            continue
        try:
            with open(f"/proc/self/task/{main.native_id}/stat") as stat:
                state = stat.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            state = "?"
        frame = sys._current_frames().get(main.ident or 0)
        samples.setdefault(started, []).append((state, _app_frames(frame)))


def summary(gaps: list[tuple[float, float, float]], samples: dict[float, list[tuple[str, str]]], seconds: float) -> dict[str, object]:
    worst = sorted(gaps, key=lambda gap: gap[1], reverse=True)[:8]
    over = [gap for gap in gaps if gap[1] - 0.005 > 0.050]
    states: Counter[str] = Counter()
    for start, _, _ in over:
        states.update(state for state, _ in samples.get(start, []))
    return {
        "seconds": round(seconds, 1),
        "longest_stall_ms": round((max(gap[1] for gap in gaps) - 0.005) * 1000, 1) if gaps else 0.0,
        "longest_ui_cpu_in_a_gap_ms": round(max(gap[2] for gap in gaps) * 1000, 1) if gaps else 0.0,
        "gaps_over_50ms": len(over),
        "ui_cpu_in_gaps_over_50ms_ms": round(sum(gap[2] for gap in over) * 1000, 1),
        "wall_in_gaps_over_50ms_ms": round(sum(gap[1] for gap in over) * 1000, 1),
        "states_sampled_in_gaps_over_50ms": dict(states),
        # The longest gaps: wall and UI CPU (ms), the states sampled and the most sampled stacks.
        "worst": [{"wall_ms": round(wall * 1000, 1), "ui_cpu_ms": round(cpu * 1000, 1),
                   "states": dict(Counter(state for state, _ in samples.get(start, []))),
                   "stacks": Counter(stack for _, stack in samples.get(start, [])).most_common(3)}
                  for start, wall, cpu in worst],
    }


def main() -> None:
    folder = Path(sys.argv[1])
    meter = GapMeter()
    samples: dict[float, list[tuple[str, str]]] = {}
    if sys.platform.startswith("linux"):
        threading.Thread(target=sample, args=(meter, samples), daemon=True).start()
    result: dict[str, object] = {}

    def begin(window: MainWindow, _meter: StallMeter) -> None:
        panel = window.library_panel
        panel.show()
        started = [time.perf_counter()]
        result["load_before"] = os.getloadavg()[0]
        scanned = [False]

        def shown_count() -> int:  # how many match (the window may have fetched only the first rows)
            return int(getattr(panel, "match_count", lambda: panel.model.rowCount())())

        def end_phase(name: str) -> None:
            meter.stop()
            result[name] = summary(meter.gaps, samples, time.perf_counter() - started[0])
            result[f"load_after_{name}"] = os.getloadavg()[0]

        def indexed() -> None:
            scanned[0] = True

        def listed() -> None:
            if not scanned[0]:
                return
            panel.listed.disconnect(listed)
            result["listed"] = shown_count()
            QTimer.singleShot(SETTLE_MS, lambda: (end_phase("index"), QTimer.singleShot(1000, search)))

        queries = list(QUERIES)
        counts: list[int] = []

        def search() -> None:
            started[0] = time.perf_counter()
            meter.start()
            panel.listed.connect(searched)
            panel.search_box.setText(queries[0])

        def searched() -> None:
            counts.append(shown_count())
            queries.pop(0)
            if queries:
                QTimer.singleShot(200, lambda: panel.search_box.setText(queries[0]))
                return
            panel.listed.disconnect(searched)
            result["matches"] = counts
            QTimer.singleShot(SETTLE_MS, finish)

        def finish() -> None:
            end_phase("search")
            print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
            os._exit(0)  # see tests/conftest.py: no Python finalization after Qt

        panel.scanned.connect(indexed)
        panel.listed.connect(listed)
        meter.start()
        panel.add_folder(folder)

    run_probe(begin)


if __name__ == "__main__":
    main()
