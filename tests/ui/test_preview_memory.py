"""The preview's memory savings (issue 20, item 5) must not cost the reader
a photo: read back from QtWebEngine's DOM and from its painted pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers import ROOT, minimal_article, photo_bytes, write_article_dir
from tests.ui.conftest import js, open_article, wait_until_dom
from ui.preview.webengine import LOW_MEMORY_FLAG

# Tall photos: each preview copy (728 × 1092 px) decodes to 3.2 MB, so 24 of
# them pass the 64 MB that Chromium keeps decoded in low-end mode, and the
# first ones scrolled past are let go and must be decoded again.
PHOTOS = 24
COLORS = ("#c0392b", "#27ae60", "#2c3e50", "#f39c12")


def _article(tmp_path: Path) -> Path:
    data = minimal_article()
    data["blocks"] = []
    photos = {}
    for index in range(PHOTOS):
        name = f"photos/{index:02d}.jpg"
        photos[name] = photo_bytes((800, 1200), COLORS[index % len(COLORS)])
        data["blocks"] += [{"type": "paragraph", "text": f"Đoạn {index}."},
                           {"type": "image", "src": name, "caption": f"Ảnh {index}.", "alt": "Ảnh"}]
    return write_article_dir(tmp_path / "tall", data, photos)


def _shows(qtbot: Any, window: Any, index: int) -> None:
    """Photo ``index``, brought into view, is painted in its own colour
    (waited for: it may have to be decoded again)."""
    expected = COLORS[index % len(COLORS)]
    seen: list[tuple[int, int, int]] = []

    def painted() -> None:
        seen.append(_painted_color(qtbot, window, index))
        assert _near(seen[-1], expected), (index, seen[-1], expected)

    qtbot.waitUntil(painted, timeout=10_000)


def _painted_color(qtbot: Any, window: Any, index: int) -> tuple[int, int, int]:
    """The colour the preview paints at the middle of photo ``index``,
    brought into view first."""
    rect = js(qtbot, window.preview, f"""(function () {{
        var image = document.querySelectorAll('.article-body img')[{index}];
        image.scrollIntoView({{block: 'center'}});
        var r = image.getBoundingClientRect();
        return JSON.stringify([r.left + r.width / 2, r.top + r.height / 2, window.devicePixelRatio]);
    }})()""")
    x, y, ratio = json.loads(rect)
    color = window.preview.grab().toImage().pixelColor(round(x * ratio), round(y * ratio))
    return color.red(), color.green(), color.blue()


def _near(color: tuple[int, int, int], expected: str) -> bool:
    wanted = tuple(int(expected[i:i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= 12 for a, b in zip(color, wanted, strict=True))


def test_photos_scrolled_past_show_again_when_scrolled_back_to(qtbot: Any, window: Any, tmp_path: Path) -> None:
    open_article(qtbot, window, _article(tmp_path))
    images = "Array.from(document.querySelectorAll('.article-body img'))"
    wait_until_dom(qtbot, window.preview, f"{images}.length", PHOTOS, timeout=20_000)
    # Read through to the end, a photo at a time: every photo is fetched,
    # decoded and painted, each at the column's width.
    for index in range(PHOTOS):
        _shows(qtbot, window, index)
    wait_until_dom(qtbot, window.preview, f"{images}.every(i => i.complete && i.naturalWidth === 728)", True, timeout=20_000)
    # Back at the top, the first photos are painted again.
    for index in (1, 0):
        _shows(qtbot, window, index)


def test_the_app_starts_chromium_in_low_memory_mode() -> None:
    """What ``create_application`` leaves for QtWebEngine to read when it
    starts Chromium (its flags are read once, from the environment)."""
    script = ("import os; from ui.app import create_application; create_application([]); "
              "print(os.environ['QTWEBENGINE_CHROMIUM_FLAGS'])")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--lang=vi"}
    flags = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True).stdout.split()
    assert LOW_MEMORY_FLAG in flags
    assert "--lang=vi" in flags  # the user's own flags are kept
