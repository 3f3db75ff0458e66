"""The one renderer: parts in the reference's order, labels in both
languages, a strict Content-Security-Policy, and no way for article text
to become markup, a handler or a live link (checked on the parsed page)."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from editor.fields import text_fields
from editor.model import Article, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock, RelatedLink, SiteProfile
from editor.render import ImageSource, NoImages, render_article, render_block
from tests.helpers import parse_html

ICT = timezone(timedelta(hours=7))


def sample_article(language: str = "vi") -> Article:
    return Article(
        title="Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng",
        language=language,
        published=datetime(2023, 11, 1, 16, 20, tzinfo=ICT),
        lead="Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.",
        blocks=[
            ParagraphBlock(id="p1", text="Đồng chí Phạm Văn Tân <b>chủ trì</b> cuộc họp."),
            ImageBlock(id="img1", src="1.jpg", caption="Đồng chí Nguyễn Thị Minh Ngọc phát biểu.", alt="Người phát biểu", credit="Hoàng Tùng"),
            HeadingBlock(id="h1", text="Nhiệm vụ", level=3),
            QuoteBlock(id="q1", text="“Hải Phòng làm theo lời Bác”", cite="Khẩu hiệu"),
        ],
        author="Hoàng Tùng",
        source="Cổng TTĐT quận Lê Chân",
        original_url="https://lechan.haiphong.gov.vn/tin/1.html",
        url="https://haiphong.gov.vn/tin/le-chan.html",
        related=[RelatedLink(title="Tin một", url="https://haiphong.gov.vn/1.html")],
    )


SITE = SiteProfile(name="Cổng tin tức Thành phố Hải Phòng", url="https://haiphong.gov.vn", fanpage_url="https://www.facebook.com/congttdthaiphong")


class OnePhoto:
    def source(self, block: ImageBlock) -> ImageSource | None:
        return ImageSource(src="images/1.jpg", width=1600, height=1200)

    def is_first(self, block: ImageBlock) -> bool:
        return False


def text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def test_parts_come_in_the_reference_order() -> None:
    page = parse_html(render_article(sample_article(), SITE, OnePhoto()))
    article = page.find(".//article")
    order = [
        ("time", "date-line"), ("a", "original-link"), ("h1", None), ("p", "lead"), ("p", None), ("figure", "photo"),
        ("h3", None), ("figure", "quote"), ("p", "byline"), ("p", "source"), ("figure", "qr-figure article-qr"),
        ("h3", None), ("figure", "qr-figure fanpage-qr"), ("nav", "related"),
    ]
    quoted = {id(el) for quote in article.iter("blockquote") for el in quote.iter()}
    seen = [(el.tag, el.get("class")) for el in article.iter() if (el.tag, el.get("class")) in order and id(el) not in quoted]
    assert seen == order
    assert text_of(article.find(".//time")) == "Thứ Tư, 01/11/2023 16:20"
    assert article.find(".//time").get("datetime") == "2023-11-01T16:20:00+07:00"
    assert text_of(article.find(".//h1")) == "Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng"
    figure = article.find(".//figure[@class='photo']")
    assert text_of(figure.find("figcaption")) == "Đồng chí Nguyễn Thị Minh Ngọc phát biểu. Ảnh: Hoàng Tùng"
    image = figure.find("img")
    assert (image.get("src"), image.get("alt"), image.get("width"), image.get("height")) == ("images/1.jpg", "Người phát biểu", "1600", "1200")
    assert text_of(article.find(".//figure[@class='qr-figure article-qr']/figcaption")) == (
        "QR CODE: Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng"
    )
    assert page.get("lang") == "vi"


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("vi", ["Print", "Gốc", "Tiện ích thông tin", "Nguồn tin:", "Chúng tôi trên Mạng Xã hội", "Tin khác",
                "Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng"]),
        ("en", ["Print", "Original", "Information tools", "News source:", "Follow us on social media", "Other news",
                "QR code to reach the fanpage of Cổng tin tức Thành phố Hải Phòng"]),
    ],
)
def test_fixed_labels_follow_the_article_language(language: str, labels: list[str]) -> None:
    page = parse_html(render_article(sample_article(language), SITE, NoImages()))
    texts = {text_of(el) for el in page.iter() if el.tag in ("button", "a", "h2", "h3", "span", "figcaption")}
    for label in labels:
        assert label in texts
    assert page.get("lang") == language
    expected_date = "Thứ Tư, 01/11/2023 16:20" if language == "vi" else "Wednesday, 01/11/2023 16:20"
    assert text_of(page.find(".//time")) == expected_date


def test_date_line_is_shown_in_the_article_time_zone() -> None:
    article = sample_article()
    article.published = datetime(2023, 11, 1, 9, 20, tzinfo=UTC)
    article.timezone = "Asia/Ho_Chi_Minh"
    page = parse_html(render_article(article, SITE, NoImages()))
    assert text_of(page.find(".//time")) == "Thứ Tư, 01/11/2023 16:20"


def test_csp_allows_nothing_remote_and_exactly_the_print_script() -> None:
    page = parse_html(render_article(sample_article(), SITE, NoImages()))
    csp = page.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["img-src"] == "'self' data:"
    assert "http" not in csp and "*" not in csp and "unsafe" not in csp
    # The structured data is a data block (type application/ld+json), which
    # no browser runs: the one script the policy lets run is the print button's.
    scripts = [script for script in page.findall(".//script") if script.get("type") != "application/ld+json"]
    assert len(scripts) == 1 and scripts[0].get("type") is None
    assert [s.get("type") for s in page.findall(".//script")].count("application/ld+json") == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    assert directives["script-src"] == f"'sha256-{digest}'"
    style = page.find(".//style").text
    assert directives["style-src"] == f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"
    assert "print-button" in scripts[0].text and page.find(".//button[@id='print-button']") is not None


def test_print_stylesheet_hides_the_button_and_keeps_photos_with_captions() -> None:
    page = parse_html(render_article(sample_article(), SITE, NoImages()))
    css = page.find(".//style").text
    print_rules = css[css.index("@media print"):]
    assert "@page { size: A4" in css
    assert ".print-button { display: none; }" in print_rules
    assert "figure" in print_rules and "break-inside: avoid" in print_rules


def test_without_urls_the_qr_blocks_are_left_out() -> None:
    article = sample_article()
    article.url = ""
    page = parse_html(render_article(article, SiteProfile(name="Cổng"), NoImages()))
    assert page.findall(".//svg") == []
    assert "QR CODE" not in text_of(page.find(".//body"))


def test_a_block_renders_the_same_alone_as_in_the_page() -> None:
    article = sample_article()
    page = render_article(article, SITE, OnePhoto())
    for block in article.blocks:
        assert render_block(article, block, OnePhoto()) in page


def test_only_the_first_photo_loads_eagerly() -> None:
    article = sample_article()
    article.blocks.append(ImageBlock(id="img2", src="2.jpg", caption="Hai", alt="Hai"))
    images = parse_html(render_article(article, SITE, OnePhoto())).findall(".//figure[@class='photo']/img")
    assert [img.get("loading") for img in images] == [None, "lazy"]


def test_a_source_that_wants_every_photo_at_once_is_honoured() -> None:
    class AllAtOnce(OnePhoto):
        def is_first(self, block: ImageBlock) -> bool:
            return True  # a CMS editor lazy-loads nothing

    article = sample_article()
    article.blocks += [ImageBlock(id="img2", src="2.jpg", alt="Hai"), ImageBlock(id="img3", src="3.jpg", alt="Ba")]
    page = parse_html(render_article(article, SITE, AllAtOnce())).findall(".//figure[@class='photo']/img")
    assert [img.get("loading") for img in page] == [None, None, None]
    alone = [parse_html(render_block(article, b, AllAtOnce())).find(".//img") for b in article.images()]
    assert [img.get("loading") for img in alone] == [None, None, None]


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)><script>alert(2)</script></svg>",
    '<a href="javascript:alert(1)">bấm</a>',
    '<a href="data:text/html,<script>alert(1)</script>">bấm</a>',
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "JaVaScRiPt:alert(1)",
    "' onmouseover='alert(1)",
    "</title><script>alert(1)</script>",
    "<style>body{display:none}</style><iframe src=https://evil.example></iframe>",
]

# Every text the model declares (editor/fields.py), so a field added there
# is attacked too: the article's own, and each block's of the sample article.
TEXT_FIELDS = [field.name for field in text_fields(Article)] + ["tags"]
BLOCK_TEXTS = {f"{block.id}.{field.name}": (index, field) for index, block in enumerate(sample_article().blocks)
               for field in text_fields(type(block))}
URL_FIELDS = ["original_url", "url"]
SITE_FIELDS = ["name", "url", "fanpage_url", "fanpage_label", "logo"]


def poisoned(field: str, payload: str) -> tuple[Article, SiteProfile]:
    article = sample_article()
    site = SiteProfile(name="Cổng", url="https://haiphong.gov.vn", fanpage_url="https://facebook.com/hp")
    if field in BLOCK_TEXTS:
        index, text = BLOCK_TEXTS[field]
        setattr(article.blocks[index], text.name, payload)
    elif field == "tags":
        article.tags = [payload]
    elif field.startswith("related."):
        setattr(article.related[0], field.split(".")[1], payload)
    elif field.startswith("site."):
        setattr(site, field.split(".")[1], payload)
    else:
        setattr(article, field, payload)
    return article, site


ALL_FIELDS = (
    TEXT_FIELDS + URL_FIELDS + list(BLOCK_TEXTS) + ["related.title", "related.url"]
    + [f"site.{name}" for name in SITE_FIELDS]
)


@pytest.mark.parametrize("field", ALL_FIELDS)
def test_no_payload_in_any_field_becomes_markup_a_handler_or_a_live_link(field: str) -> None:
    for payload in PAYLOADS:
        article, site = poisoned(field, payload)
        assert_nothing_live(render_article(article, site, OnePhoto()), field, payload)


def assert_nothing_live(html: str, field: str, payload: str) -> None:
    """The page as a browser parses it: the page's own script and style only,
    no handler, no javascript:/data: link, no foreign element."""
    if True:
        page = parse_html(html)
        elements = list(page.iter())
        scripts = [el for el in elements if el.tag == "script" and el.get("type") != "application/ld+json"]
        assert len(scripts) == 1 and scripts[0].text.startswith('document.getElementById("print-button")'), (field, payload)
        # The structured data stays one data block of valid JSON: no payload ends it early.
        [data] = [el for el in elements if el.tag == "script" and el.get("type") == "application/ld+json"]
        assert json.loads(data.text)["@type"] == "NewsArticle", (field, payload)
        assert not [el.tag for el in elements if el.tag in ("iframe", "object", "embed", "base", "form", "link") and el.get("rel") != "canonical"]
        assert [el.tag for el in elements if el.tag == "style"] == ["style"], (field, payload)
        for element in elements:
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (field, payload, element.tag, name)
                if name in ("href", "src", "action", "formaction", "srcset", "xlink:href"):
                    scheme = value.split(":", 1)[0].strip().lower()
                    assert scheme not in ("javascript", "data", "vbscript"), (field, payload, element.tag, value)
        images = [el for el in elements if el.tag == "img"]
        assert [img.get("src") for img in images] == ["images/1.jpg"], (field, payload)
        svgs = [el for el in elements if el.tag == "svg"]
        assert all(svg.get("class") == "qr" for svg in svgs), (field, payload)


# Inline fields pass two sanitizers: the model's cleaner when assigned, and
# the template's ``|inline`` when rendered. Each must hold alone.
INLINE_FIELDS: dict[str, tuple[int | None, str]] = {
    **{field.name: (None, field.name) for field in text_fields(Article) if field.inline},
    **{name: (index, field.name) for name, (index, field) in BLOCK_TEXTS.items() if field.inline},
}
PLAIN_FIELDS = ([field.name for field in text_fields(Article) if not field.inline]
                + [name for name, (_, field) in BLOCK_TEXTS.items() if not field.inline] + ["related.title", "site.name"])


@pytest.mark.parametrize("field", list(INLINE_FIELDS))
def test_the_models_cleaner_alone_keeps_payloads_dead(field: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor import render

    monkeypatch.setattr(render, "clean_inline", lambda fragment: fragment)  # |inline lets everything through
    raw = sample_article()
    object.__setattr__(raw, "lead", "<script>alert(1)</script>")  # proves the template layer is off
    assert "<script>alert(1)" in render_article(raw, SITE, OnePhoto())
    for payload in PAYLOADS:
        article, site = poisoned(field, payload)
        assert_nothing_live(render_article(article, site, OnePhoto()), field, payload)


@pytest.mark.parametrize("field", list(INLINE_FIELDS))
def test_the_templates_inline_filter_alone_keeps_payloads_dead(field: str) -> None:
    for payload in PAYLOADS:
        article = sample_article()
        index, name = INLINE_FIELDS[field]
        target = article if index is None else article.blocks[index]
        object.__setattr__(target, name, payload)  # past the model's cleaner
        assert getattr(target, name) == payload
        assert_nothing_live(render_article(article, SITE, OnePhoto()), field, payload)


@pytest.mark.parametrize("field", PLAIN_FIELDS)
def test_plain_fields_show_special_characters_as_typed(field: str) -> None:
    article, site = poisoned(field, 'Tôm & cua <b>"tươi"</b>')
    page = render_article(article, site, OnePhoto())
    tree = parse_html(page)
    visible = {text_of(el) for el in tree.iter() if isinstance(el.tag, str)} | {v for el in tree.iter() for v in el.attrib.values()}
    assert any('Tôm & cua <b>"tươi"</b>' in text for text in visible), field


def test_every_region_renders_the_same_alone_as_in_the_page() -> None:
    from editor.render import REGIONS, page_context, render_region

    article = sample_article()
    page = render_article(article, SITE, OnePhoto())
    for name in REGIONS:
        region = render_region(name, page_context(article, SITE, OnePhoto()))
        assert region and region in page, name


def test_an_absent_region_renders_empty() -> None:
    from editor.render import page_context, render_region

    article = sample_article()
    article.lead = ""
    article.author = ""
    context = page_context(article, SITE, NoImages())
    assert render_region("lead", context) == "" and render_region("byline", context) == ""


@pytest.mark.parametrize(("language", "typed", "printed"), [
    ("vi", "Minh Thu", "Ảnh: Minh Thu"),
    ("vi", "Ảnh: Minh Thu", "Ảnh: Minh Thu"),
    ("vi", "ảnh : Minh Thu", "ảnh : Minh Thu"),
    ("vi", "Nguồn ảnh: TTXVN", "Nguồn ảnh: TTXVN"),
    ("en", "Photo: Minh Thu", "Photo: Minh Thu"),
    ("en", "Minh Thu", "Photo: Minh Thu"),
])
def test_a_credit_typed_with_its_prefix_does_not_get_it_twice(language: str, typed: str, printed: str) -> None:
    article = sample_article(language)
    article.blocks[1].credit = typed  # type: ignore[attr-defined]
    page = parse_html(render_article(article, SITE, OnePhoto()))
    assert [text_of(span) for span in page.iter("span") if span.get("class") == "credit"] == [printed]


CHANGED_VALUES: dict[str, Any] = {
    "title": "Tiêu đề khác", "lead": "Sapo khác.", "author": "Minh Thu", "source": "Báo Hải Phòng",
    "url": "https://haiphong.gov.vn/tin/khac.html", "original_url": "https://baohaiphong.vn/1.html",
    "published": datetime(2023, 11, 2, 8, 0, tzinfo=ICT), "timezone": "Asia/Tokyo",
    "related": [RelatedLink(title="Tin hai", url="https://haiphong.gov.vn/2.html")], "blocks": [ParagraphBlock(id="p9", text="Khác")],
}


@pytest.mark.parametrize("field", sorted(CHANGED_VALUES))
def test_the_preview_patches_exactly_the_regions_a_field_changes(field: str) -> None:
    """The regions the preview patches for a field are read from the template
    (field_regions): they are exactly the regions whose HTML changes with it,
    so no region goes stale and none is patched for nothing."""
    from editor.render import REGIONS, field_regions, page_context, render_region

    def regions(article: Article) -> dict[str, str]:
        return {name: render_region(name, page_context(article, SITE, OnePhoto())) for name in REGIONS}

    before = sample_article()
    after = sample_article()
    setattr(after, field, CHANGED_VALUES[field])
    changed = tuple(name for name, html in regions(after).items() if html != regions(before)[name])
    assert changed and field_regions()[field] == changed


def test_the_preview_finds_each_region_by_the_data_field_its_outermost_element_carries() -> None:
    from editor.render import REGIONS, page_context, region_elements, render_region

    elements = region_elements()
    assert sorted(elements) == sorted(REGIONS)
    for name in REGIONS:
        outer = parse_html(render_region(name, page_context(sample_article(), SITE, OnePhoto()))).find("body")[0]
        assert outer.get("data-field") == elements[name], name


def test_the_section_is_the_pages_article_section_and_absent_when_unset() -> None:
    article = sample_article()
    assert 'property="article:section"' not in render_article(article, SITE, NoImages())
    article.section = "Kinh tế & Xã hội"
    head = parse_html(render_article(article, SITE, NoImages())).find(".//head")
    assert head is not None
    [meta] = [m for m in head.iter("meta") if m.get("property") == "article:section"]
    assert meta.get("content") == "Kinh tế & Xã hội"
