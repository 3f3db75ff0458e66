"""The Share preview (issue 19, item 1): how the article's link will look on
Facebook and in Zalo. The panel built alone on a Document, and once in the
window, where typing the title shows in it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from editor.media import MemoryMedia
from editor.model import Article, Focus, ImageBlock, ParagraphBlock, SiteProfile
from editor.share_images import CARD_SIZE, focus_box
from editor.share_limits import ELLIPSIS, FACEBOOK, ZALO
from ui.document.document import Document

URL = "https://www.lechan.haiphong.gov.vn/tin/quan-le-chan-hop.html"
SHORT = "Quận Lê Chân họp Ban Chỉ đạo 35"
LONG = ("Quận Lê Chân họp Ban Chỉ đạo 35 đánh giá công tác bảo vệ nền tảng tư tưởng của Đảng, "
        "đấu tranh phản bác các quan điểm sai trái, thù địch trong mười tháng năm 2023 và bàn nhiệm vụ cuối năm")
SOURCE = (2000, 2000)
BAND = 100  # the cover is horizontal bands, 100 px each, each its own colour


def band_colour(index: int) -> tuple[int, int, int]:
    return (index * 12) % 256, 255 - (index * 12) % 256, (index * 97) % 256


def banded_cover() -> bytes:
    image = Image.new("RGB", SOURCE)
    draw = ImageDraw.Draw(image)
    for index in range(SOURCE[1] // BAND):
        draw.rectangle((0, index * BAND, SOURCE[0], (index + 1) * BAND - 1), fill=band_colour(index))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def plain_photo(colour: str) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (1600, 900), colour).save(buffer, "JPEG")
    return buffer.getvalue()


# The focus point's box centres on the middle of band 14 (rows 1400–1499): no band edge there.
FOCUS = Focus(0.5, 0.725)


def shared_article(title: str = SHORT, url: str = URL, focus: Focus = FOCUS) -> Article:
    """A green first photo, then the marked cover: the card must come from the cover."""
    return Article(
        title=title, lead="Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.", url=url,
        blocks=[ParagraphBlock(text="Đồng chí Phạm Văn Tân chủ trì."),
                ImageBlock(src="1.jpg", media=MemoryMedia(plain_photo("green"), "1.jpg")),
                ImageBlock(src="2.jpg", media=MemoryMedia(banded_cover(), "2.jpg"), cover=True, focus=focus)],
    )


@pytest.fixture
def document(qapp: Any) -> Document:
    doc = Document()
    doc.set_saved_site(SiteProfile(name="Cổng tin tức Thành phố Hải Phòng", url="https://haiphong.gov.vn"))
    doc.load(shared_article(), None)
    return doc


@pytest.fixture
def panel(qtbot: Any, document: Document) -> Any:
    from ui.window.share_preview import SharePreviewPanel

    panel = SharePreviewPanel(document)
    qtbot.addWidget(panel)
    panel.resize(560, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.facebook.image is not None and panel.zalo.image is not None, timeout=30_000)
    return panel


def test_a_long_title_is_cut_at_each_cards_lines_with_an_ellipsis_and_a_short_one_shown_whole(qtbot: Any, panel: Any,
                                                                                                 document: Document) -> None:
    assert panel.facebook.title_lines == (SHORT,) and panel.zalo.title_lines == (SHORT,)
    picture = panel.facebook.image
    document.set_field("title", LONG, "Edit title")
    assert panel.facebook.title_lines == (SHORT,)  # not at each keystroke: once typing pauses
    qtbot.waitUntil(lambda: len(panel.facebook.title_lines) > 1, timeout=5_000)
    assert panel.facebook.image is picture  # a new title is not a new picture: the card is not cut again
    for card, layout in ((panel.facebook, FACEBOOK), (panel.zalo, ZALO)):
        lines = card.title_lines
        assert len(lines) == layout.title.lines  # the documented line clamp
        assert lines[-1].endswith(ELLIPSIS) and not any(line.endswith(ELLIPSIS) for line in lines[:-1])
        assert all(card.text_width("title", line) <= layout.text_width for line in lines)  # each fits the card's width
        assert LONG.startswith(" ".join(lines).removesuffix(ELLIPSIS))  # the title's start, nothing else
    assert len(" ".join(panel.zalo.title_lines)) < len(" ".join(panel.facebook.title_lines))  # the phone's card is narrower
    # The description is og:description, cut by the same rule (here it fits).
    assert panel.facebook.description_lines == ("Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.",)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.facebook.title_lines == (SHORT,), timeout=5_000)


def test_the_card_is_the_cover_cut_at_1_91_to_1_around_its_focus_point(qtbot: Any, panel: Any, document: Document) -> None:
    def check_card(focus: tuple[float, float]) -> None:
        image = panel.facebook.image
        assert abs(image.width() / image.height() - CARD_SIZE[0] / CARD_SIZE[1]) < 0.01
        rect = panel.facebook.image_rect()
        assert abs(rect.width() / rect.height() - CARD_SIZE[0] / CARD_SIZE[1]) < 0.01  # painted at 1.91:1 too
        left, top, right, bottom = focus_box(SOURCE, CARD_SIZE, focus)
        for y in range(5, image.height(), 12):  # every 12th row: its band in the source, as the export cuts it
            source_y = top + (y + 0.5) * (bottom - top) / image.height()
            if abs(source_y % BAND - BAND / 2) > BAND / 2 - 8:
                continue  # too near a band's edge, where resampling blends two
            pixel = image.pixelColor(image.width() // 2, y)
            expected = band_colour(int(source_y // BAND))
            assert max(abs(a - b) for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), expected, strict=True)) < 24, y
        # The painted panel shows it: the middle of the picture is the focus point's band, not the green first photo.
        grabbed = panel.facebook.grab().toImage()
        scale = grabbed.width() / panel.facebook.width()
        middle = grabbed.pixelColor(round(rect.center().x() * scale), round(rect.center().y() * scale))
        expected = band_colour(int((top + bottom) / 2 // BAND))
        assert max(abs(a - b) for a, b in zip((middle.red(), middle.green(), middle.blue()), expected, strict=True)) < 24

    check_card((FOCUS.x, FOCUS.y))
    shown = panel.facebook.image
    cover = document.article.blocks[2]
    document.set_block_field(cover.id, "focus", Focus(0.5, 0.2), "Set focus")  # the crop dialog's change
    qtbot.waitUntil(lambda: panel.facebook.image is not shown, timeout=30_000)
    check_card((0.5, 0.2))
    assert panel.zalo.image is panel.facebook.image  # both cards show the one card


def test_the_domain_is_the_articles_address(qtbot: Any, panel: Any, document: Document) -> None:
    assert panel.facebook.domain == "LECHAN.HAIPHONG.GOV.VN"  # Facebook's small capitals, without "www."
    assert panel.zalo.domain == "lechan.haiphong.gov.vn"
    assert not panel.problem.isVisible()
    document.set_field("url", "", "Edit public address")
    qtbot.waitUntil(lambda: panel.zalo.domain == "haiphong.gov.vn", timeout=5_000)  # the site profile's, then
    assert panel.problem.isVisible() and "public address" in panel.problem.text()  # and why the export makes no card
    assert panel.note.isVisible() and "may differ" in panel.note.text()


def test_without_photos_the_panel_says_to_add_a_cover(qtbot: Any, document: Document) -> None:
    from ui.window.share_preview import SharePreviewPanel

    document.load(Article(title=SHORT, url=URL, blocks=[ParagraphBlock(text="Chỉ có chữ.")]), None)
    panel = SharePreviewPanel(document)
    qtbot.addWidget(panel)
    panel.resize(560, 800)
    panel.show()
    qtbot.waitUntil(lambda: panel.empty.isVisible(), timeout=5_000)
    assert panel.empty.text() == "Add a cover photo to see the card"
    assert not panel.facebook.isVisible() and not panel.zalo.isVisible() and not panel.note.isVisible()
    document.replace_blocks(1, 1, [ImageBlock(src="2.jpg", media=MemoryMedia(banded_cover(), "2.jpg"))], "Insert photo")
    qtbot.waitUntil(lambda: panel.facebook.image is not None, timeout=30_000)  # the first photo stands in for a cover
    assert panel.facebook.isVisible() and not panel.empty.isVisible()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.empty.isVisible(), timeout=5_000)
    assert panel.facebook.image is None and not panel.facebook.isVisible()


def test_the_panel_does_no_work_while_it_is_not_seen(qtbot: Any, document: Document) -> None:
    from ui.window.share_preview import SharePreviewPanel

    panel = SharePreviewPanel(document)
    qtbot.addWidget(panel)
    document.set_field("title", LONG, "Edit title")
    qtbot.wait(400)  # longer than the pause after typing
    assert panel.link is None and panel.facebook.image is None and panel.facebook.title_lines == ()
    panel.show()  # as when its tab is chosen
    qtbot.waitUntil(lambda: panel.link is not None and panel.link.title == LONG, timeout=5_000)
    qtbot.waitUntil(lambda: panel.facebook.image is not None, timeout=30_000)


def test_behind_the_checklists_tab_the_panel_cuts_no_card_until_its_tab_is_chosen(qtbot: Any, window: Any) -> None:
    """Qt keeps a tabified dock "visible" behind another's tab: the panel
    must not take a photo process from an opened article's photos there."""
    panel = window.share_preview
    assert panel in window.tabifiedDockWidgets(window.checklist)
    assert panel.isVisible()  # Qt's word for a dock behind another's tab, the checklist's chosen at the start
    window.document.load(shared_article(), None)
    window.document.set_field("title", LONG, "Edit title")
    qtbot.wait(800)  # longer than the pause after typing, and than a card takes to cut
    assert panel.link is None and panel.facebook.image is None
    panel.raise_()
    qtbot.waitUntil(lambda: panel.facebook.image is not None, timeout=30_000)
    assert panel.link is not None and panel.link.title == LONG


def test_the_window_shows_the_panel_beside_the_checklist_and_follows_typing(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.conftest import type_text

    panel = window.share_preview
    assert panel in window.tabifiedDockWidgets(window.checklist)
    assert panel.toggleViewAction() in window.view_menu.actions()
    panel.raise_()
    qtbot.waitUntil(lambda: panel.isVisible() and panel.empty.isVisible(), timeout=5_000)  # the new article has no photo
    window.document.load(shared_article(), None)
    qtbot.waitUntil(lambda: panel.facebook.image is not None, timeout=30_000)
    title = window.composer.fields.title
    title.setFocus()
    title.selectAll()
    type_text(title, LONG)
    qtbot.waitUntil(lambda: panel.facebook.title_lines[-1].endswith(ELLIPSIS), timeout=5_000)
    assert window.document.article.title == LONG
    assert LONG.startswith(" ".join(panel.facebook.title_lines).removesuffix(ELLIPSIS))
    window.grab().save(str(tmp_path / "share-preview.png"))
    assert panel.geometry().width() > 0 and panel.isVisible() and window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_damaged_cover_is_said_in_one_short_line(qtbot: Any, document: Document, tmp_path: Path) -> None:
    """The window's whole error (headline, reason, the file's path) stacked
    three messages in the narrow panel."""
    from editor.media import FileMedia
    from tests.helpers import CORPUS
    from ui.window.share_preview import SharePreviewPanel

    damaged = tmp_path / "anh-hong.jpg"
    damaged.write_bytes((CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes())
    article = shared_article()
    cover = article.cover_image()
    assert cover is not None
    cover.src, cover.media = damaged.name, FileMedia(damaged)
    document.load(article, None)
    panel = SharePreviewPanel(document)
    qtbot.addWidget(panel)
    panel.resize(560, 1000)
    panel.show()
    qtbot.waitUntil(lambda: panel.problem.isVisible() and "could not be made" in panel.problem.text(), timeout=30_000)
    lines = panel.problem.text().splitlines()
    assert lines == ["The card could not be made from the cover photo.", "anh-hong.jpg: the image is damaged"]
