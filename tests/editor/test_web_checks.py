"""The exported example checked by tools nobody on this project wrote:
the W3C Nu HTML Checker, headless Chromium, and the zxing-cpp QR decoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp

from editor.cli import main as cli_main
from tests.helpers import EXAMPLE_DIR, chromium_screenshot, vnu_errors

EXAMPLE = json.loads((EXAMPLE_DIR / "article.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(out / "bundle")]) == 0
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(out / "single.html")]) == 0
    return out


def test_exported_example_has_no_html_errors(exported: Path) -> None:
    errors = vnu_errors(exported / "bundle" / "index.html", exported / "single.html")
    assert errors == []


def test_the_checker_does_catch_errors(tmp_path: Path) -> None:
    # Guards the test above: a page with a real error must not pass.
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=vi><title>x</title><p><div>x</p>", encoding="utf-8")
    assert vnu_errors(broken) != []


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
    reddish = [y for y, (r, g, b) in zip(range(300, 1000), column) if r > 120 and g < 90 and b < 90]
    assert reddish, "the banner of the first photo is not visible"
    photo_rows = [y for y, (r, g, b) in zip(range(300, 1000), column) if abs(r - g) > 15 or abs(g - b) > 15]
    top, bottom = min(photo_rows), max(photo_rows)
    assert min(reddish) - top < (bottom - top) / 2  # the banner is in the upper half
