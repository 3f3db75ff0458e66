"""The README's screenshot: the main window with the example article, taken
on the offscreen platform. Refreshed by every test run, so it shows the
window as it is; a person looks at it before committing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.helpers import ROOT
from tests.ui.conftest import js, open_article, wait_until_dom

SCREENSHOTS = {"en": ROOT / "docs" / "screenshot.png", "vi": ROOT / "docs" / "screenshot-vi.png"}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_main_window_screenshot_with_the_example(qtbot: Any, window: Any, example_copy: Path, language: str) -> None:
    from ui.language import install_language

    install_language(language)
    try:
        _take_screenshot(qtbot, window, example_copy, SCREENSHOTS[language])
    finally:
        install_language("en")


def _take_screenshot(qtbot: Any, window: Any, example_copy: Path, target: Path) -> None:
    window.resize(1440, 900)
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
