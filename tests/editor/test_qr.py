"""The QR codes as drawn on the page, read back without a browser: the SVG
is rasterized here from its own path data and decoded by zxing-cpp, which
reports the error correction level; the quiet zone is measured in modules."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from editor.qr import qr_svg

PIXELS_PER_MODULE = 8
URLS = [
    "https://haiphong.gov.vn/tin-tuc/quan-le-chan-tang-cuong-bao-ve-nen-tang-tu-tuong-cua-dang.html",
    "https://www.facebook.com/congttdthaiphong",
    "https://haiphong.gov.vn/tìm-kiếm?q=Lê Chân",  # not ASCII: byte mode, UTF-8
]


def modules_of(svg: str) -> tuple[int, set[tuple[int, int]]]:
    """The SVG's size in modules and its dark modules, from its path."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))  # type: ignore[union-attr]
    dark: set[tuple[int, int]] = set()
    for x, y, width in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", re.search(r'<path fill="#000" d="([^"]*)"', svg).group(1)):  # type: ignore[union-attr]
        dark |= {(int(x) + dx, int(y)) for dx in range(int(width))}
    return size, dark


def rasterize(size: int, dark: set[tuple[int, int]]) -> Image.Image:
    image = Image.new("L", (size * PIXELS_PER_MODULE, size * PIXELS_PER_MODULE), 255)
    draw = ImageDraw.Draw(image)
    for x, y in dark:
        draw.rectangle([x * PIXELS_PER_MODULE, y * PIXELS_PER_MODULE, (x + 1) * PIXELS_PER_MODULE - 1, (y + 1) * PIXELS_PER_MODULE - 1], fill=0)
    return image


@pytest.mark.parametrize("url", URLS)
def test_the_qr_code_decodes_to_its_url_with_error_correction_m(url: str) -> None:
    size, dark = modules_of(str(qr_svg(url, "QR")))
    results = zxingcpp.read_barcodes(rasterize(size, dark), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in results] == [url]
    assert results[0].ec_level == "M"  # a smudged print still scans; L would not, H would be needlessly dense
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode  # a full QR code, not Micro QR


@pytest.mark.parametrize("url", URLS)
def test_the_qr_code_has_a_quiet_zone_of_4_modules(url: str) -> None:
    size, dark = modules_of(str(qr_svg(url, "QR")))
    xs, ys = {x for x, _ in dark}, {y for _, y in dark}
    # The finder patterns are dark at the symbol's corners, so the symbol
    # spans exactly from the first to the last dark module.
    assert (min(xs), min(ys)) == (4, 4)
    assert (size - 1 - max(xs), size - 1 - max(ys)) == (4, 4)
    assert (size - 8 - 17) % 4 == 0  # what is left is a QR symbol of 21, 25, 29… modules
