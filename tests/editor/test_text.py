from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from editor.text import clean_inline, collation_key, date_line, inline_from_plain, inline_to_plain, nfc, slug

ICT = timezone(timedelta(hours=7))


def test_decomposed_text_becomes_precomposed() -> None:
    typed = unicodedata.normalize("NFD", "Thành ủy Hải Phòng")
    assert typed != "Thành ủy Hải Phòng"
    assert nfc(typed) == "Thành ủy Hải Phòng"


def test_inline_keeps_bold_italic_breaks_and_web_links() -> None:
    fragment = ('<b>Đậm</b> <strong>mạnh</strong> <i>nghiêng</i> <em>nhấn</em><br>'
                '<a href="https://haiphong.gov.vn">cổng</a> <a href="mailto:toasoan@haiphong.gov.vn">thư</a>')
    assert clean_inline(fragment) == fragment


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Đoạn <span style='color:red'>văn</span></p>", "Đoạn văn"),
        ("a<script>alert(1)</script>b", "ab"),
        ('<b onclick="alert(1)">x</b>', "<b>x</b>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
        ('<a href="/relative">x</a>', "<a>x</a>"),
        ('<a href="https://a.vn" target="_blank" rel="x">x</a>', '<a href="https://a.vn">x</a>'),
        ("<img src=x onerror=alert(1)>ảnh", "ảnh"),
        ("a <!-- Word comment --> b", "a  b"),
    ],
)
def test_inline_removes_everything_else(dirty: str, clean: str) -> None:
    assert clean_inline(dirty) == clean


def test_inline_cleaning_is_stable_and_keeps_escaped_characters() -> None:
    once = clean_inline("Tôm &amp; cua &lt;b&gt; <b>x</b>")
    assert clean_inline(once) == once
    assert inline_to_plain(once) == "Tôm & cua <b> x"


def test_plain_text_becomes_an_escaped_fragment() -> None:
    assert inline_from_plain("A & B < C") == "A &amp; B &lt; C"


def test_slug_maps_d_with_stroke_to_d() -> None:
    assert slug("Đảng bộ quận Lê Chân đạt kết quả") == "dang-bo-quan-le-chan-dat-ket-qua"
    assert slug("") == "bai-viet"


def test_a_slug_cut_to_its_length_ends_at_a_whole_word_and_skips_none() -> None:
    title = "Chợ hoa xuân phường Lê Chân đón Tết Nguyên đán"
    assert slug(title, max_length=40) == "cho-hoa-xuan-phuong-le-chan-don-tet"  # never "…-don-tet-dan"
    assert slug(title) == "cho-hoa-xuan-phuong-le-chan-don-tet-nguyen-dan"
    for length in range(10, 50):
        cut = slug(title, max_length=length)
        assert len(cut) <= length and slug(title).startswith(cut)


def test_date_line_matches_the_portal() -> None:
    moment = datetime(2023, 11, 1, 16, 20, tzinfo=ICT)
    assert date_line(moment, "vi") == "Thứ Tư, 01/11/2023 16:20"
    assert date_line(moment, "en") == "Wednesday, 01/11/2023 16:20"


def test_every_weekday_has_its_vietnamese_name() -> None:
    monday = datetime(2023, 10, 30, 8, 5, tzinfo=ICT)
    names = [date_line(monday + timedelta(days=n), "vi").split(",")[0] for n in range(7)]
    assert names == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def test_titles_sort_the_vietnamese_way() -> None:
    # a < ă < â and d < đ are letters of their own: "Bạch" comes before "bắc".
    titles = ["Zalo", "Đà Nẵng", "Dương Kinh", "Ăn Tết", "An Dương", "Ư", "Uông Bí", "bắc", "Bạch Đằng", "Âu Cơ"]
    assert sorted(titles, key=collation_key) == [
        "An Dương", "Ăn Tết", "Âu Cơ", "Bạch Đằng", "bắc", "Dương Kinh", "Đà Nẵng", "Uông Bí", "Ư", "Zalo",
    ]


def test_tones_only_break_ties_in_dictionary_order() -> None:
    words = ["má", "mạ", "mà", "ma", "mã", "mả"]
    assert sorted(words, key=collation_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_collation_treats_decomposed_text_as_precomposed() -> None:
    assert collation_key(unicodedata.normalize("NFD", "Đà Nẵng"))[:2] == collation_key("Đà Nẵng")[:2]
