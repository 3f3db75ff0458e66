"""The exported example checked by tools nobody on this project wrote:
the W3C Nu HTML Checker, headless Chromium, and the zxing-cpp QR decoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp

from tests.helpers import EXAMPLE_DIR, VNU_RUNS, chromium_screenshot

EXAMPLE = json.loads((EXAMPLE_DIR / "article.json").read_text(encoding="utf-8"))
# `exported` and `vnu_report` are session fixtures (tests/editor/conftest.py).


def test_exported_example_has_no_html_errors(exported: Path, vnu_report: dict[Path, list[dict]]) -> None:
    assert vnu_report[exported / "bundle" / "index.html"] == []
    assert vnu_report[exported / "single.html"] == []


def test_the_checker_does_catch_errors(broken_page: Path, vnu_report: dict[Path, list[dict]]) -> None:
    # Guards the test above: a page with a real error must not pass.
    assert vnu_report[broken_page] != []


def test_java_starts_once_for_every_page_the_suite_validates(vnu_report: dict[Path, list[dict]]) -> None:
    assert VNU_RUNS == [tuple(vnu_report)]


@pytest.mark.parametrize("width", [360, 1280])
def test_both_qr_codes_scan_from_the_rendered_page(exported: Path, tmp_path: Path, width: int) -> None:
    shot = chromium_screenshot(exported / "bundle" / "index.html", tmp_path / "page.png", width, 6000, tmp_path / "profile")
    texts = sorted(code.text for code in zxingcpp.read_barcodes(shot, formats=zxingcpp.BarcodeFormat.QRCode))
    assert texts == sorted([EXAMPLE["url"], EXAMPLE["site"]["fanpage_url"]])


def test_photos_render_upright_in_the_browser(exported: Path, tmp_path: Path) -> None:
    # Photo 1 is stored sideways with EXIF orientation 6; the generated
    # picture has a dark-red banner across its upper part when upright.
    shot = chromium_screenshot(exported / "bundle" / "index.html", tmp_path / "page.png", 1280, 1400, tmp_path / "profile")
    # The first photo spans the 728 px wide column, starting under the lead.
    column = [shot.getpixel((640, y)) for y in range(300, 1000)]
    reddish = [y for y, (r, g, b) in zip(range(300, 1000), column, strict=True) if r > 120 and g < 90 and b < 90]
    assert reddish, "the banner of the first photo is not visible"
    photo_rows = [y for y, (r, g, b) in zip(range(300, 1000), column, strict=True) if abs(r - g) > 15 or abs(g - b) > 15]
    top, bottom = min(photo_rows), max(photo_rows)
    assert min(reddish) - top < (bottom - top) / 2  # the banner is in the upper half
