"""The declaration of the article's texts (editor/fields.py): what it
holds, the order readers see the texts in, and what a Location is."""

from __future__ import annotations

import dataclasses

from editor.fields import Location, article_texts, text_fields
from editor.model import BLOCK_TYPES, Article, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock, RelatedLink, SiteProfile
from editor.text import clean_inline, clean_plain, clean_single_line

CLEANERS = {"inline": clean_inline, "plain": clean_plain, "line": clean_single_line}


def test_each_declared_text_is_cleaned_by_its_kind() -> None:
    for cls in (Article, *BLOCK_TYPES.values()):
        specs = {spec.name: spec for spec in dataclasses.fields(cls)}
        for field in text_fields(cls):
            cleaner = specs[field.name].metadata["clean"]
            if field.many:  # each item as its kind: a list's items are inline
                assert cleaner(["<u>Một</u> <b>hai</b>"]) == (CLEANERS[field.kind]("<u>Một</u> <b>hai</b>"),), f"{cls.__name__}.{field.name}"
            else:
                assert cleaner is CLEANERS[field.kind], f"{cls.__name__}.{field.name}"


def test_the_declaration_is_the_article_s_texts_and_not_its_addresses_or_settings() -> None:
    assert [(f.name, f.kind, f.counted) for f in text_fields(Article)] == [
        ("title", "line", True), ("document_number", "line", False), ("lead", "inline", True), ("author", "line", False),
        ("source", "line", False), ("section", "line", False)]
    assert [f.name for f in text_fields(ImageBlock)] == ["caption", "alt", "credit"]
    assert [f.name for f in text_fields(QuoteBlock)] == ["text", "cite"]
    assert text_fields(RelatedLink) == () and text_fields(SiteProfile) == ()  # addresses and settings
    assert all(f.label for cls in (Article, *BLOCK_TYPES.values()) for f in text_fields(cls))


def test_the_texts_come_in_reading_order_the_body_between_the_lead_and_the_byline() -> None:
    article = Article(title="Tiêu đề", lead="<b>Sapo</b>", author="Hoàng Tùng", source="Báo Hải Phòng", blocks=[
        ParagraphBlock(id="p", text="Đoạn <i>một</i>"), HeadingBlock(id="h", text="Mục"),
        ImageBlock(id="i", src="a.jpg", caption="Ảnh", alt="Phòng họp", credit="Minh Thu")])
    texts = list(article_texts(article))
    assert [(t.location.describe(), t.plain) for t in texts] == [
        ("title", "Tiêu đề"), ("document_number", ""), ("lead", "Sapo"), ("block 1: text", "Đoạn một"), ("block 2: text", "Mục"),
        ("block 3: caption", "Ảnh"), ("block 3: alt", "Phòng họp"), ("block 3: credit", "Minh Thu"),
        ("author", "Hoàng Tùng"), ("source", "Báo Hải Phòng"), ("section", "")]
    assert texts[2].value == "<b>Sapo</b>" and texts[2].field.inline


def test_a_location_is_the_field_and_its_block_whatever_the_block_s_position() -> None:
    assert Location("caption", "i", 2) == Location("caption", "i", 5)  # the block moved: the same text
    assert Location("caption", "i", 2) != Location("alt", "i", 2) and Location("text", "p") != Location("text", "q")
    assert Location("caption", "i", 2).describe() == "block 3: caption"
    assert Location("caption", "i", 2).as_json() == {"block": 3, "field": "caption"}
    assert Location("related[2].url").article_field == "related"
    assert Location("site.fanpage_url").article_field == "site" and Location("lead").article_field == "lead"
