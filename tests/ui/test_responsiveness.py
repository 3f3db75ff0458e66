"""The window never freezes while photos come in: 20 camera-like photos of
12 MP (noise, about 5 MB each: a gradient decodes in a blink) dropped at
once, and the longest stall of the UI thread's event loop is measured.

Two bounds. The UI thread's own work between two turns of its event loop
(its CPU time within one gap) stays under the goal, 50 ms: that is what the
code decides. The wall-clock stall also counts waiting for a core, which on
this shared 2-core machine (load 5–10 while other work runs) reached 670 ms
with 27 ms of the thread's own work; its bound, 1 s, catches a frozen
window. The benchmark reports the wall figure against the 50 ms goal, with
the load beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.photos import camera_jpeg
from ui.common.workers import wait_for_background_work
from ui.window.stall_meter import StallMeter

STALL_BOUND_S = 1.0
OWN_WORK_BOUND_S = 0.050


def test_dropping_twenty_12_megapixel_photos_never_freezes_the_window(qtbot: Any, window: Any, tmp_path: Path) -> None:
    paths = []
    for index in range(20):
        path = tmp_path / f"anh-{index + 1:02d}.jpg"
        path.write_bytes(camera_jpeg(index))
        paths.append(str(path))
    meter = StallMeter()
    meter.start()
    window.composer.blocks.files_dropped.emit(paths, 0)
    qtbot.waitUntil(lambda: len(window.document.article.images()) == 20, timeout=60_000)
    qtbot.waitUntil(lambda: all(window.images.for_block(b) is not None for b in window.document.article.images()), timeout=120_000)
    longest = meter.stop()
    print(f"longest UI stall while 20 photos of 12 MP came in: {longest * 1000:.0f} ms "
          f"(the UI thread's own work within one gap: at most {meter.longest_busy * 1000:.0f} ms)")
    wait_for_background_work()
    assert longest < STALL_BOUND_S, f"the UI thread stalled for {longest * 1000:.0f} ms"
    assert meter.longest_busy < OWN_WORK_BOUND_S, f"the UI thread worked {meter.longest_busy * 1000:.0f} ms without a break"
    # Every photo arrived, with its thumbnail, in the order dropped.
    assert [Path(b.src).name for b in window.document.article.images()] == [Path(p).name for p in paths]
