"""Session fixtures of the core tests: the exported pages that several
modules check, exported once, and the W3C checker's report on all of them
from one start of Java (it costs seconds each time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main as cli_main
from tests.helpers import EXAMPLE_DIR, minimal_article, photo_bytes, vnu_errors, write_article_dir


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example exported as a folder bundle and as a single page."""
    out = tmp_path_factory.mktemp("export")
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(out / "bundle")]) == 0
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(out / "single.html")]) == 0
    return out


def _every_block_type(folder: Path) -> Path:
    data = minimal_article(tags=["Lê Chân"])
    data["blocks"] = [
        {"type": "paragraph", "text": 'Đoạn có <b>đậm</b>, <i>nghiêng</i> và <a href="https://haiphong.gov.vn">liên kết</a>.'},
        {"type": "heading", "text": "Tiêu đề phụ", "level": 2},
        {"type": "heading", "text": "Tiêu đề nhỏ", "level": 3},
        {"type": "quote", "text": "“Hải Phòng làm theo lời Bác”", "cite": "Khẩu hiệu"},
        {"type": "list", "ordered": False, "items": ["Mục có <b>đậm</b>", 'Mục có <a href="https://haiphong.gov.vn">liên kết</a>']},
        {"type": "list", "ordered": True, "start": 3, "items": ["Điều 3: hiệu lực", "Điều 4: thi hành"]},
        {"type": "image", "src": "photos/1.jpg", "caption": "Ảnh có chú thích.", "alt": "Hội trường", "credit": "Hoàng Tùng"},
        {"type": "image", "src": "photos/2.jpg", "caption": "Ảnh thứ hai.", "alt": "Đại biểu phát biểu"},
    ]
    return write_article_dir(folder, data, photos={"photos/1.jpg": photo_bytes((1600, 1200)), "photos/2.jpg": photo_bytes((1200, 1600), "maroon")})


@pytest.fixture(scope="session")
def every_block_type_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An article with every block type, exported as a folder bundle."""
    out = tmp_path_factory.mktemp("all")
    assert cli_main(["export", str(_every_block_type(out / "src")), "-o", str(out / "bundle")]) == 0
    return out / "bundle" / "index.html"


# The cover of the shared page: 4000×2000, grey, with a red square at 85 % across
# and 30 % down, where its focus point is set (tests/editor/test_sharing.py).
SHARED_FOCUS = (0.85, 0.3)


def shared_cover() -> bytes:
    from io import BytesIO

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (4000, 2000), (128, 128, 128))
    x, y = round(SHARED_FOCUS[0] * 4000), round(SHARED_FOCUS[1] * 2000)
    ImageDraw.Draw(image).rectangle((x - 150, y - 150, x + 150, y + 150), fill=(220, 20, 20))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _png(size: tuple[int, int]) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="session")
def shared_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An article with everything a shared link shows: a cover with a focus
    point, a section, tags, a portal with a logo; exported as a folder."""
    out = tmp_path_factory.mktemp("shared")
    data = minimal_article(section="Kinh tế - Xã hội", tags=["Lê Chân", "Ban Chỉ đạo 35"], updated="2023-11-02T08:05:00+07:00",
                           timezone="Asia/Ho_Chi_Minh")
    data["blocks"][1].update(cover=True, credit="Hoàng Tùng", focus={"x": SHARED_FOCUS[0], "y": SHARED_FOCUS[1]})
    data["site"].update(logo="logo.png", sections=["Thời sự", "Kinh tế - Xã hội"], copyright="© Cổng tin tức Thành phố Hải Phòng")
    source = write_article_dir(out / "src", data, photos={"photos/1.jpg": shared_cover(), "logo.png": _png((240, 60))})
    assert cli_main(["export", str(source), "-o", str(out / "bundle")]) == 0
    return out / "bundle" / "index.html"


@pytest.fixture(scope="session")
def broken_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page with a real HTML error, so the checker is seen to catch one."""
    page = tmp_path_factory.mktemp("broken") / "broken.html"
    page.write_text("<!DOCTYPE html><html lang=vi><title>x</title><p><div>x</p>", encoding="utf-8")
    return page


@pytest.fixture(scope="session")
def vnu_report(exported: Path, every_block_type_page: Path, shared_page: Path, broken_page: Path) -> dict[Path, list[dict]]:
    """vnu's errors for every page the suite validates, from one call."""
    return vnu_errors(exported / "bundle" / "index.html", exported / "single.html", every_block_type_page, shared_page, broken_page, *GUIDE_PAGES)


# The user guide the app ships (tools/build_guide.py): validated with the pages.
GUIDE_PAGES = sorted((Path(__file__).resolve().parents[2] / "resources" / "guide").glob("guide-*.html"))
