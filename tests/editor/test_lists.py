"""List blocks (issue 18, item 1): bulleted and numbered lists, with the
first number of a numbered one, carried by the model, the ``article/1``
file, the draft, the page, Copy for CMS and every reader of the texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from editor.article_format import load_article_json
from editor.checks import raw_texts
from editor.cms import body_html, plain_text
from editor.draft import load_draft, save_draft
from editor.export import export_article
from editor.fields import Location, article_texts
from editor.find_replace import find_all, replace_all
from editor.model import Article, ListBlock, ParagraphBlock, SiteProfile
from editor.revisions import plain_lines
from editor.word_count import word_count
from tests.editor.test_article_format import problems_of
from tests.helpers import minimal_article, parse_html, write_article_dir

ITEMS = ("Điều 3: Quyết định có <b>hiệu lực</b>", 'Điều 4: xem <a href="https://haiphong.gov.vn">cổng</a>')


def article() -> Article:
    return Article(title="Quyết định", blocks=[
        ParagraphBlock(id="p", text="Nội dung chính:"),
        ListBlock(id="n", items=ITEMS, ordered=True, start=3),
        ListBlock(id="b", items=("Họp lúc 8 giờ", "", "Tại hội trường")),
    ])


def test_a_list_is_saved_in_the_file_and_in_a_draft_and_opened_again_as_it_was(tmp_path: Path) -> None:
    save_draft(article(), tmp_path / "a.article")
    again = load_draft(tmp_path / "a.article")
    assert again.blocks == article().blocks
    data = minimal_article()
    data["blocks"] = [{"type": "list", "ordered": True, "start": 3, "items": list(ITEMS)}, {"type": "list", "items": ["Một"]}]
    opened = load_article_json(write_article_dir(tmp_path / "json", data))
    assert [(b.items, b.ordered, b.start) for b in opened.blocks] == [(ITEMS, True, 3), (("Một",), False, 1)]  # type: ignore[attr-defined]


def test_items_are_cleaned_like_every_inline_text() -> None:
    block = ListBlock(items=["<script>x()</script>Mục <u>một</u>", "Hai\x07"])
    assert block.items == ("Mục một", "Hai")
    with pytest.raises(TypeError):
        ListBlock(items="one string")  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "problem"), [
    ({"type": "list", "items": "Một"}, "blocks[0].items: must be a list of texts"),
    ({"type": "list", "items": ["Một", 2]}, "blocks[0].items[1]: must be text"),
    ({"type": "list", "ordered": "yes", "items": []}, "blocks[0].ordered: must be true or false"),
    ({"type": "list", "ordered": True, "start": 2.5, "items": []}, "blocks[0].start: must be a whole number"),
    ({"type": "list", "ordered": True, "start": -1, "items": []}, "blocks[0].start: must be a whole number"),
])
def test_a_bad_list_in_a_file_is_refused_with_where_and_why(tmp_path: Path, raw: dict[str, Any], problem: str) -> None:
    data = minimal_article()
    data["blocks"] = [raw]
    assert any(problem in text for text in problems_of(tmp_path, data))


def test_the_page_shows_ul_and_ol_with_its_start_and_no_empty_item(tmp_path: Path) -> None:
    export_article(article(), SiteProfile(name="Cổng", url="https://haiphong.gov.vn"), tmp_path / "out")
    page = parse_html((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    numbered = page.find(".//ol[@data-block='n']")
    assert numbered.get("start") == "3"
    assert ["".join(li.itertext()) for li in numbered.findall("li")] == ["Điều 3: Quyết định có hiệu lực", "Điều 4: xem cổng"]
    assert numbered.find("li/b").text == "hiệu lực" and numbered.find("li/a").get("href") == "https://haiphong.gov.vn"
    bulleted = page.find(".//ul[@data-block='b']")
    assert bulleted.get("start") is None
    assert ["".join(li.itertext()) for li in bulleted.findall("li")] == ["Họp lúc 8 giờ", "Tại hội trường"]
    export_article(article(), SiteProfile(), tmp_path / "json" / "article.json")
    exported = json.loads((tmp_path / "json" / "article.json").read_text(encoding="utf-8"))
    assert exported["blocks"][1] == {"id": "n", "type": "list", "items": list(ITEMS), "ordered": True, "start": 3}


def test_copy_for_cms_carries_the_lists_and_their_items_as_text() -> None:
    html = body_html(article())
    tree = parse_html(html)
    assert [el.tag for el in tree.find("body")] == ["p", "ol", "ul"]
    assert tree.find("body/ol").get("start") == "3"
    assert plain_text(article()).split("\n\n")[1:] == [
        "Nội dung chính:", "Điều 3: Quyết định có hiệu lực", "Điều 4: xem cổng", "Họp lúc 8 giờ", "Tại hội trường",
    ]


def test_each_item_is_a_text_of_the_article_searched_replaced_counted_and_diffed() -> None:
    piece = article()
    assert Location("items[1]", "n") in [text.location for text in article_texts(piece)]
    assert find_all(piece, "hội trường") == [Location("items[2]", "b")]
    changes = replace_all(piece, "Điều", "Khoản")
    assert [(c.location.field, c.value) for c in changes] == [("items[0]", ITEMS[0].replace("Điều", "Khoản")),
                                                              ("items[1]", ITEMS[1].replace("Điều", "Khoản"))]
    assert word_count(piece) == word_count(Article(title="Quyết định", blocks=[ParagraphBlock(text="Nội dung chính:")])) + 7 + 4 + 4 + 3
    assert "• Họp lúc 8 giờ" in plain_lines(piece)


def test_the_checks_read_a_list_item_as_written_in_the_file() -> None:
    data = {"blocks": [{"type": "list", "items": ["Mot", "Hai"]}]}
    loaded = Article(blocks=[ListBlock(id="x", items=("Mot", "Hai"))])
    assert raw_texts(data, loaded) == [(Location("items[0]", "x", 0), "Mot"), (Location("items[1]", "x", 0), "Hai")]


def test_a_body_that_is_only_a_list_is_a_body_and_an_empty_list_is_not() -> None:
    from editor.checks import CheckInput, check_article

    given = CheckInput(read_photos=False)
    assert "body-missing" not in {f.id for f in check_article(Article(blocks=[ListBlock(items=("Một",))]), given)}
    assert "body-missing" in {f.id for f in check_article(Article(blocks=[ListBlock(items=("", " "))]), given)}
