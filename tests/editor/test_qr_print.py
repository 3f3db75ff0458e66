"""The QR codes on paper (issue 19, item 5): the exported PDF rasterized at
300 dpi by poppler's pdftoppm, both codes found and decoded by zxing-cpp,
their modules measured in millimetres, their quiet zone checked white."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from editor.checks import CheckInput, check_article
from editor.cli import main as cli_main
from editor.model import Article, SiteProfile
from editor.qr import PRINT_SIZE_MM, QUIET_ZONE, qr_matrix, qr_version
from tests.helpers import minimal_article, write_article_dir

DPI = 300
FANPAGE = "https://www.facebook.com/congttdthaiphong"
# 200 characters: a version 10 code, the densest the print size is made for.
LONG_URL = "https://haiphong.gov.vn/tin-tuc-su-kien/" + "quan-le-chan-hop-ban-chi-dao-35-" * 4 + "x" * 27 + ".html"


def rasterize(pdf: Path, folder: Path) -> list[Image.Image]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.fail("pdftoppm is not installed: run `python3 tasks.py test`, which installs poppler-utils")
    subprocess.run([tool, "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / "page")], check=True, timeout=120)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("page-*.png"))]


def test_both_codes_print_large_enough_to_scan_with_their_quiet_zone(tmp_path: Path) -> None:
    assert len(LONG_URL) == 200 and qr_version(LONG_URL) == 10
    source = write_article_dir(tmp_path / "src", minimal_article(url=LONG_URL))
    assert cli_main(["export", str(source), "-o", str(tmp_path / "bai.pdf")]) == 0
    found: dict[str, float] = {}
    for page in rasterize(tmp_path / "bai.pdf", tmp_path):
        for code in zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode):
            corners = code.position
            side_px = math.dist((corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y))
            modules = len(qr_matrix(code.text)) - 2 * QUIET_ZONE
            module_mm = side_px / modules * 25.4 / DPI
            found[code.text] = module_mm
            # The stylesheet's print size, quiet zone included: not the screen's 160 px (42 mm).
            assert abs(module_mm * (modules + 2 * QUIET_ZONE) - PRINT_SIZE_MM) < 1, (code.text, module_mm)
            assert side_px * 25.4 / DPI >= 25, (code.text, side_px)  # the symbol, without its quiet zone
            assert module_mm >= 0.4, (code.text, module_mm)
            # The 4-module quiet zone around the symbol is white on the page.
            quiet = QUIET_ZONE * side_px / modules
            left, top = min(c.x for c in (corners.top_left, corners.bottom_left)), min(c.y for c in (corners.top_left, corners.top_right))
            right = max(c.x for c in (corners.top_right, corners.bottom_right))
            bottom = max(c.y for c in (corners.bottom_left, corners.bottom_right))
            inner = 2  # a pixel or two of anti-aliasing at the symbol's edge
            bands = [
                (left - quiet, top - quiet, right + quiet, top - inner), (left - quiet, bottom + inner, right + quiet, bottom + quiet),
                (left - quiet, top, left - inner, bottom), (right + inner, top, right + quiet, bottom),
            ]
            for band in bands:
                region = page.crop(tuple(round(v) for v in band))
                assert region.getextrema()[0] > 200, (code.text, band, region.getextrema())
    assert set(found) == {LONG_URL, FANPAGE}, found
    print({text[:30]: round(mm, 3) for text, mm in found.items()})
    # The fanpage's short address gets larger modules than the long one.
    assert found[FANPAGE] > found[LONG_URL] >= 0.4


def test_an_address_too_long_to_print_small_is_a_finding() -> None:
    site = SiteProfile(fanpage_url=FANPAGE)
    article = Article(title="Tin", url=LONG_URL)
    assert "qr-too-dense" not in [f.id for f in check_article(article, CheckInput(site=site, read_photos=False))]
    article.url = LONG_URL.replace(".html", "-" + "y" * 13 + ".html")  # 214 characters: version 11
    assert qr_version(article.url) == 11
    [finding] = [f for f in check_article(article, CheckInput(site=site, read_photos=False)) if f.id == "qr-too-dense"]
    assert finding.location.field == "url" and "version 11 (61 modules a side)" in finding.message_en and "0.51 mm" in finding.message_en
    long_fanpage = SiteProfile(fanpage_url=FANPAGE + "/" + "a" * 200)
    located = [f.location.field for f in check_article(Article(title="Tin"), CheckInput(site=long_fanpage, read_photos=False))
               if f.id == "qr-too-dense"]
    assert located == ["site.fanpage_url"]
