"""The Share preview's core (issue 19): texts cut by lines the way a card's
CSS line clamp cuts them, the page's own og:title and og:description, the
domain a card names, and the export's own card pixels for the window."""

from __future__ import annotations

import unicodedata
from io import BytesIO
from pathlib import Path

import extruct
from PIL import Image

from editor.inputs import load_article
from editor.model import Article, Focus, ImageBlock, SiteProfile
from editor.render import NoImages, render_article
from editor.share_images import CARD_SIZE, card_for_preview, prepare_share_pictures
from editor.share_limits import CARDS, ELLIPSIS, FACEBOOK, ZALO, clamp_lines, wrap_lines
from editor.structured_data import link_domain, shared_link
from tests.editor.conftest import SHARED_FOCUS, shared_cover
from tests.helpers import minimal_article, write_article_dir


def monospace(text: str) -> float:
    """10 px a character: a width anyone can count."""
    return 10.0 * len(text)


TITLE = "Quận Lê Chân họp Ban Chỉ đạo 35 về công tác phòng chống tham nhũng tiêu cực năm 2023"


def test_a_text_that_fits_its_lines_is_shown_whole() -> None:
    assert clamp_lines("Quận Lê Chân họp", 2, 200, monospace) == ("Quận Lê Chân họp",)
    # Two lines of 20 characters: wrapped at spaces, nothing cut.
    assert clamp_lines("Quận Lê Chân họp Ban Chỉ đạo 35", 2, 200, monospace) == ("Quận Lê Chân họp Ban", "Chỉ đạo 35")
    assert clamp_lines("", 2, 200, monospace) == ()


def test_a_longer_text_keeps_its_first_lines_and_ends_the_last_with_an_ellipsis() -> None:
    shown = clamp_lines(TITLE, 2, 200, monospace)
    assert len(shown) == 2 and shown[-1].endswith(ELLIPSIS)
    assert all(monospace(line) <= 200 for line in shown)
    assert shown[0] == "Quận Lê Chân họp Ban"  # the first line as wrapping makes it
    # The last line is the wrapped line, cut by characters until the "…" fits:
    # "Chỉ đạo 35 về công" (18) + "…" fits; with the space after it, still 20.
    assert shown[1] == "Chỉ đạo 35 về công…"
    assert TITLE.startswith(" ".join(shown)[: -len(ELLIPSIS)])


def test_the_ellipsis_takes_the_room_of_the_last_characters() -> None:
    # A second line of exactly 20 characters: the ellipsis cannot sit after
    # it, so its last character gives way, as a browser's line clamp does.
    shown = clamp_lines("aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccc", 2, 200, monospace)
    assert shown == ("aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbb…")
    assert monospace(shown[1]) == 200


def test_a_word_wider_than_a_line_is_broken_between_its_characters() -> None:
    assert wrap_lines("https://haiphong.gov.vn/tin/quan-le-chan", 100, monospace) == [
        "https://ha", "iphong.gov", ".vn/tin/qu", "an-le-chan"]


def test_a_tone_mark_typed_apart_stays_with_its_letter() -> None:
    decomposed = "Le\u0302 Cha\u0302n ho\u0323p " * 4  # "Lê Chân họp", each mark its own code point
    letters = lambda text: 10.0 * sum(not unicodedata.combining(c) for c in text)  # noqa: E731 — a mark takes no room
    for width in range(60, 130, 10):  # cuts falling everywhere
        for shown in (clamp_lines(decomposed, 1, width, letters), tuple(wrap_lines("Cha\u0302u" * 5, width, letters))):
            for line in shown:
                kept = line.removesuffix(ELLIPSIS)
                at = decomposed.find(kept) if line.endswith(ELLIPSIS) else -1
                assert not unicodedata.combining(line[0])  # no line starts with a mark torn from its letter
                if at >= 0:
                    assert not unicodedata.combining(decomposed[at + len(kept)])  # no letter cut from its mark


def test_every_card_is_set_narrower_than_it_is_wide_and_clamps_its_title() -> None:
    assert {card.name for card in CARDS} == {"Facebook", "Zalo"}
    for card in CARDS:
        assert 0 < card.text_width < card.width
        assert card.title.lines >= 1 and card.description.lines >= 1
    # Two lines of Facebook's title hold about 110–120 characters of 8.5 px
    # (an average letter of 17 px text), near ogtester.com's measured 122.
    average = lambda text: 8.5 * len(text)  # noqa: E731
    shown = clamp_lines("chữ " * 60, FACEBOOK.title.lines, FACEBOOK.text_width, average)
    assert 100 <= len(" ".join(shown)) <= 125
    assert ZALO.text_width < FACEBOOK.text_width  # a phone's chat bubble is the narrower card


def _rendered_og(article: Article, site: SiteProfile) -> dict[str, str]:
    page = render_article(article, site, NoImages())
    [graph] = extruct.extract(page, syntaxes=["opengraph"], uniform=True)["opengraph"]
    return graph


def test_the_cards_show_the_pages_own_og_title_and_description(tmp_path: Path) -> None:
    data = minimal_article(title="Quận  Lê Chân <họp> & bàn", lead="Chiều 01/11, <b>Ban Chỉ đạo 35</b>\nquận Lê Chân họp.")
    article = load_article(write_article_dir(tmp_path / "src", data), require_media=False)
    link = shared_link(article, article.site)
    graph = _rendered_og(article, article.site)
    assert link.title == graph["og:title"] and link.description == graph["og:description"]
    assert link.description == "Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp."  # plain, one line, as the page has it
    assert link.domain == "haiphong.gov.vn" and link.has_address


def test_the_domain_is_the_articles_else_the_site_profiles() -> None:
    site = SiteProfile(name="Cổng", url="https://www.haiphong.gov.vn/")
    article = Article(title="Tin", url="https://lechan.haiphong.gov.vn/tin/1.html")
    assert shared_link(article, site).domain == "lechan.haiphong.gov.vn"
    without = shared_link(Article(title="Tin", url="tin/1.html"), site)
    assert without.domain == "haiphong.gov.vn" and not without.has_address  # "www." is not shown by the cards
    assert shared_link(Article(title="Tin"), SiteProfile()).domain == ""
    assert link_domain("https://xn--hiphng-6wa8191d.vn/tin") == "hảiphòng.vn"
    assert link_domain("http://HaiPhong.gov.vn:8080/x") == "haiphong.gov.vn"


def _decoded(data: bytes) -> Image.Image:
    with Image.open(BytesIO(data)) as image:
        return image.convert("RGB")


def test_the_windows_card_is_the_exports_card() -> None:
    cover = shared_cover()
    block = ImageBlock(src="1.jpg", focus=Focus(*SHARED_FOCUS), cover=True)
    exported = _decoded(prepare_share_pictures(block, cover, "cover", "images/x").card.data)
    shown = card_for_preview(cover, "cover", 0, None, Focus(*SHARED_FOCUS), CARD_SIZE[0])
    assert (shown.width, shown.height) == CARD_SIZE
    pixels = Image.frombytes("RGB", (shown.width, shown.height), shown.rgb)
    # The same pixels but for the export's JPEG: the mean difference is that of a JPEG.
    difference = sum(abs(a - b) for a, b in zip(pixels.tobytes(), exported.tobytes(), strict=True)) / len(shown.rgb)
    assert difference < 2.0
    small = card_for_preview(cover, "cover", 0, None, Focus(*SHARED_FOCUS), 500)
    assert (small.width, small.height) == (500, 262)  # 1.91:1, at the width the window shows it
    assert len(small.rgb) == 500 * 262 * 3


def test_a_page_long_text_is_wrapped_no_further_than_the_clamp_needs() -> None:
    measured: list[str] = []

    def counting(text: str) -> float:
        measured.append(text)
        return monospace(text)

    shown = clamp_lines("chữ " * 5000, 2, 200, counting)
    assert shown == ("chữ chữ chữ chữ chữ", "chữ chữ chữ chữ chữ…")
    assert len(measured) < 40  # three lines' worth, not five thousand words'
