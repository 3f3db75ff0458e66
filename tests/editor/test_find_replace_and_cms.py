from __future__ import annotations

from editor.cms import body_html, plain_text
from editor.find_replace import find_all, fold, replace_all
from editor.model import Article, HeadingBlock, ImageBlock, ParagraphBlock
from tests.helpers import parse_html


def article() -> Article:
    return Article(
        title="Thành ủy Hải Phòng",
        lead="Chiều nay, <b>Thành uỷ</b> họp &amp; bàn",
        blocks=[
            ParagraphBlock(id="p", text='Gặp <a href="https://thanhuy.vn">thành ủy</a> tại Đồ Sơn'),
            HeadingBlock(id="h", text="Đà Nẵng và Hải Phòng"),
            ImageBlock(id="i", caption="Thành ủy chụp ảnh", alt="Ảnh thành ủy"),
        ],
    )


def test_folding_keeps_one_character_for_one() -> None:
    assert fold("Thành Uỷ Đồ Sơn") == "thanh uy do son"
    assert len(fold("ẫ̀ệ")) == len("ẫ̀ệ")


def test_find_ignores_diacritics_when_asked() -> None:
    assert len(find_all(article(), "thanh uy")) == 0
    found = find_all(article(), "thanh uy", ignore_diacritics=True)
    assert [loc[:2] for loc in found] == [(None, "title"), (None, "lead"), ("p", "text"), ("i", "caption"), ("i", "alt")]
    assert find_all(article(), "Do Son", ignore_diacritics=True) == [("p", "text", True)]


def test_replace_changes_visible_text_only_never_tags_or_links() -> None:
    changes = {c.location[:2]: c.value for c in replace_all(article(), "thanh uy", "Thành ủy", ignore_diacritics=True)}
    assert changes[(None, "lead")] == "Chiều nay, <b>Thành ủy</b> họp &amp; bàn"
    assert changes[("p", "text")] == 'Gặp <a href="https://thanhuy.vn">Thành ủy</a> tại Đồ Sơn'
    assert (None, "title") in changes and ("h", "text") not in changes


def test_replacement_text_is_escaped_in_inline_fields() -> None:
    changes = replace_all(article(), "họp", "<script>x</script> & họp")
    assert changes[0].value == "Chiều nay, <b>Thành uỷ</b> &lt;script&gt;x&lt;/script&gt; &amp; họp &amp; bàn"


def test_copy_for_cms_gives_clean_body_html_and_text() -> None:
    value = body_html(article())
    assert "data-block" not in value
    tree = parse_html(value)
    assert [el.tag for el in tree.find("body")] == ["p", "h2", "figure"]
    assert tree.find(".//img").get("src") == "thanh-uy-hai-phong-1.jpg"
    text = plain_text(article())
    assert text.startswith("Thành ủy Hải Phòng\n\nChiều nay, Thành uỷ họp & bàn\n\nGặp thành ủy tại Đồ Sơn")
