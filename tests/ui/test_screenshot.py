"""The README's screenshots: the main window with the example article, taken
on the offscreen platform. A test run saves them in a temporary folder, so
it leaves the work tree as it was; `python3 tasks.py screenshots` runs this
module with TOASOAN_SCREENSHOTS=docs to rewrite docs/*.png (a person looks
at them before committing)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.helpers import ROOT
from tests.ui.conftest import js, open_article, wait_until_dom

NAMES = {"en": "screenshot.png", "vi": "screenshot-vi.png"}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_main_window_screenshot_with_the_example(qtbot: Any, window: Any, example_copy: Path, language: str, tmp_path: Path) -> None:
    from ui.common.language import install_language

    folder = Path(os.environ.get("TOASOAN_SCREENSHOTS") or tmp_path)
    committed = ROOT / "docs" / NAMES[language]
    before = committed.stat().st_mtime_ns
    install_language(language)
    try:
        _take_screenshot(qtbot, window, example_copy, folder / NAMES[language])
    finally:
        install_language("en")
    if "TOASOAN_SCREENSHOTS" not in os.environ:
        assert committed.stat().st_mtime_ns == before  # the committed picture is only rewritten on request


def _take_screenshot(qtbot: Any, window: Any, example_copy: Path, target: Path) -> None:
    window.resize(1440, 900)
    # The form's share of the splitter as the app, started deferred, gives it
    # (the fixture's window builds its docks at once, which squeeze the preview).
    window._give_form_its_share(620 / 1400)
    open_article(qtbot, window, example_copy)
    images = window.document.article.images()
    qtbot.waitUntil(lambda: all(window.images.for_block(b) is not None for b in images), timeout=30_000)
    wait_until_dom(qtbot, window.preview, "Array.from(document.images).slice(0, 1).every(function (i) { return i.complete && i.naturalWidth > 0; })", True)
    qtbot.wait(500)  # let the compositor paint the decoded photo
    picture = window.grab()
    assert picture.width() >= 1440 and picture.height() >= 900
    image = picture.toImage()
    # The preview's side is painted: the page's red masthead rule is there.
    preview_origin = window.preview.mapTo(window, window.preview.rect().topLeft())
    reds = sum(
        1 for x in range(preview_origin.x(), preview_origin.x() + window.preview.width(), 4)
        for y in range(preview_origin.y(), preview_origin.y() + 120, 2)
        if (lambda c: c.red() > 140 and c.green() < 60 and c.blue() < 60)(image.pixelColor(x, y))
    )
    assert reds > 20
    assert js(qtbot, window.preview, "document.querySelector('h1').textContent").startswith("Quận Lê Chân")
    target.parent.mkdir(exist_ok=True)
    assert picture.save(str(target))
    assert not QImage(str(target)).isNull()
