"""Every text field of the model, found by walking the dataclasses (so a
field added later is covered too), is NFC and free of stray characters,
whatever path the text came by: assignment (typing, paste, Word import go
through it) or opening a file."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editor.article_format import load_article_json
from editor.model import BLOCK_TYPES, Article, RelatedLink, SiteProfile

NFD_TEXT = unicodedata.normalize("NFD", "Thành ủy Hải Phòng")
NFC_TEXT = unicodedata.normalize("NFC", NFD_TEXT)
# C0, DEL, C1, the object replacement character, bidi overrides and isolates.
STRAY = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\ufffc", "\u202a", "\u202d", "\u202e", "\u2066", "\u2069"]


def text_fields() -> Iterator[tuple[type, str]]:
    for cls in (Article, RelatedLink, SiteProfile, *BLOCK_TYPES.values()):
        for spec in dataclasses.fields(cls):
            if "clean" in spec.metadata:
                yield cls, spec.name


FIELDS = list(text_fields())


def test_the_walk_finds_every_text_field() -> None:
    names = {f"{cls.__name__}.{name}" for cls, name in FIELDS}
    assert {"Article.title", "Article.lead", "Article.author", "Article.source", "Article.section", "Article.tags", "ParagraphBlock.text",
            "HeadingBlock.text", "QuoteBlock.text", "QuoteBlock.cite", "ImageBlock.caption", "ImageBlock.alt",
            "ImageBlock.credit", "ListBlock.items", "RelatedLink.title", "SiteProfile.name", "SiteProfile.fanpage_label",
            "SiteProfile.copyright", "SiteProfile.sections"} <= names


def assign(cls: type, name: str, text: str) -> Any:
    obj = cls()
    many = isinstance(getattr(obj, name), (list, tuple))  # the tags, a list's items
    setattr(obj, name, [text] if many else text)
    value = getattr(obj, name)
    return value[0] if many else value


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=[f"{c.__name__}.{n}" for c, n in FIELDS])
def test_every_text_field_is_nfc(cls: type, name: str) -> None:
    assert assign(cls, name, NFD_TEXT) == NFC_TEXT


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=[f"{c.__name__}.{n}" for c, n in FIELDS])
def test_no_stray_character_enters_any_text_field(cls: type, name: str) -> None:
    typed = "Thành" + "".join(STRAY) + " ủy"
    assert assign(cls, name, typed) == "Thành ủy"


def test_a_paragraph_keeps_its_line_breaks_and_a_title_turns_tabs_into_spaces() -> None:
    article = Article(title="Quận\tLê Chân")
    assert article.title == "Quận Lê Chân"
    assert Article(author="A\r\nB").author == "A B"


def test_opening_a_file_with_stray_characters_gives_clean_text(tmp_path: Path) -> None:
    stray = "".join(STRAY)
    data = {
        "format": "article/1",
        "title": f"Quận{stray} Lê Chân",
        "lead": f"<b>Sapo</b>{stray}.",
        "author": f"Hoàng{stray} Tùng",
        "blocks": [{"type": "paragraph", "text": "\ufffc"}, {"type": "heading", "text": f"Nhiệm{stray} vụ"}],
        "related": [{"title": f"Tin{stray}", "url": "https://haiphong.gov.vn/1.html"}],
        "tags": [f"an{stray}ninh"],
    }
    (tmp_path / "article.json").write_text(json.dumps(data), encoding="utf-8")
    article = load_article_json(tmp_path / "article.json")
    assert (article.title, article.lead, article.author) == ("Quận Lê Chân", "<b>Sapo</b>.", "Hoàng Tùng")
    assert [b.text for b in article.blocks] == ["", "Nhiệm vụ"]
    assert (article.related[0].title, article.tags) == ("Tin", ["anninh"])
