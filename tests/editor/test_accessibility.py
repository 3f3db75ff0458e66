"""axe-core in Debian's Chromium: exported articles have no serious or
critical accessibility violations, on a phone and on a desktop."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main as cli_main
from tests.helpers import EXAMPLE_DIR, axe_violations, minimal_article, photo_bytes, write_article_dir


def every_block_type(folder: Path) -> Path:
    data = minimal_article(tags=["Lê Chân"])
    data["blocks"] = [
        {"type": "paragraph", "text": 'Đoạn có <b>đậm</b>, <i>nghiêng</i> và <a href="https://haiphong.gov.vn">liên kết</a>.'},
        {"type": "heading", "text": "Tiêu đề phụ", "level": 2},
        {"type": "heading", "text": "Tiêu đề nhỏ", "level": 3},
        {"type": "quote", "text": "“Hải Phòng làm theo lời Bác”", "cite": "Khẩu hiệu"},
        {"type": "image", "src": "photos/1.jpg", "caption": "Ảnh có chú thích.", "alt": "Hội trường", "credit": "Hoàng Tùng"},
        {"type": "image", "src": "photos/2.jpg", "caption": "Ảnh thứ hai.", "alt": "Đại biểu phát biểu"},
    ]
    return write_article_dir(folder, data, photos={"photos/1.jpg": photo_bytes((1600, 1200)), "photos/2.jpg": photo_bytes((1200, 1600), "maroon")})


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("axe")
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(out / "example")]) == 0
    assert cli_main(["export", str(every_block_type(out / "all-src")), "-o", str(out / "all")]) == 0
    return [out / "example" / "index.html", out / "all" / "index.html"]


@pytest.mark.parametrize("width", [360, 1280])
def test_exported_articles_have_no_serious_accessibility_violations(pages: list[Path], width: int) -> None:
    report = axe_violations(width, *pages)
    assert set(report) == {str(p) for p in pages}
    serious = {page: [v for v in found if v["impact"] in ("serious", "critical")] for page, found in report.items()}
    assert serious == {str(p): [] for p in pages}


def test_axe_does_catch_violations(tmp_path: Path) -> None:
    # Guards the test above: a page with real problems must not pass.
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"><a href="#"></a></body></html>', encoding="utf-8")
    found = {v["id"] for v in axe_violations(1280, bad)[str(bad)]}
    assert {"image-alt", "html-has-lang"} <= found


def test_an_article_with_every_block_type_has_no_html_errors(pages: list[Path]) -> None:
    from tests.helpers import vnu_errors

    assert vnu_errors(*pages) == []
