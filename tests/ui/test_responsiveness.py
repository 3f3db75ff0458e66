"""The window never freezes while photos come in: 20 photos of 12 MP dropped
at once, and the longest stall of the UI thread's event loop is measured.
The bound here (250 ms) catches a frozen window, not a slow machine; the
benchmark reports the real figure against the 50 ms goal."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

from ui.stall_meter import StallMeter
from ui.workers import wait_for_background_work

STALL_BOUND_S = 0.250


def twelve_megapixel_jpeg(index: int) -> bytes:
    picture = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    picture.paste((40 * (index % 6), 120, 200), (0, 0, 800 + 100 * index, 600))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def test_dropping_twenty_12_megapixel_photos_never_freezes_the_window(qtbot: Any, window: Any, tmp_path: Path) -> None:
    paths = []
    for index in range(20):
        path = tmp_path / f"anh-{index + 1:02d}.jpg"
        path.write_bytes(twelve_megapixel_jpeg(index))
        paths.append(str(path))
    meter = StallMeter()
    meter.start()
    window.composer.blocks.files_dropped.emit(paths, 0)
    qtbot.waitUntil(lambda: len(window.document.article.images()) == 20, timeout=60_000)
    qtbot.waitUntil(lambda: all(window.images.for_block(b) is not None for b in window.document.article.images()), timeout=120_000)
    longest = meter.stop()
    print(f"longest UI stall while 20 photos of 12 MP came in: {longest * 1000:.0f} ms")
    wait_for_background_work()
    assert longest < STALL_BOUND_S, f"the UI thread stalled for {longest * 1000:.0f} ms"
    # Every photo arrived, with its thumbnail, in the order dropped.
    assert [Path(b.src).name for b in window.document.article.images()] == [Path(p).name for p in paths]
