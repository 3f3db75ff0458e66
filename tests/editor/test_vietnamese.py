"""Vietnamese text hygiene: legacy TCVN3 and VNI text converted to Unicode,
checked against glibc's iconv and a published VNI table; recognition that
never takes real Unicode for legacy text; tone-mark placement."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest

from editor.article_format import site_from_dict
from editor.fields import Location
from editor.model import Article, ParagraphBlock
from editor.vietnamese import (
    NEW,
    OLD,
    TCVN3,
    VNI,
    decode_vni,
    detect_legacy,
    font_encoding,
    is_syllable,
    legacy_changes,
    place_tone_marks,
    to_unicode,
    tone_mark_changes,
)
from tests.helpers import REFERENCE_DIR

REFERENCE = (REFERENCE_DIR / "le-chan-article.txt").read_text(encoding="utf-8")
# Whole sentences of the reference article.
SENTENCES = [line.strip() for line in REFERENCE.splitlines() if len(line.split()) >= 12]

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # none, sắc, huyền, hỏi, ngã, nặng
BASES = ["a", "a\u0302", "a\u0306", "e", "e\u0302", "o", "o\u0302", "o\u031b", "u", "u\u031b", "i", "y"]
LOWER_LETTERS = {unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES} | {"đ"}


def iconv(data: bytes, source: str, target: str) -> bytes:
    return subprocess.run(["iconv", "-f", source, "-t", target], input=data, capture_output=True, check=True).stdout


_VNTIME_CHARS: dict[str, str] = {}


def pasted_from_vntime(text: str) -> str:
    """What a .VnTime document's text looks like on the clipboard: its TCVN3
    bytes read as code page 1252, encoded by glibc's iconv, not by us.
    Punctuation that TCVN3 lacks (“ ” …) is Windows' own, as in Word."""
    for char in set(text) - set(_VNTIME_CHARS):
        try:
            _VNTIME_CHARS[char] = iconv(char.encode("utf-8"), "UTF-8", "TCVN5712-1").decode("cp1252")
        except subprocess.CalledProcessError:
            _VNTIME_CHARS[char] = char
    return "".join(_VNTIME_CHARS[char] for char in text)


def test_the_tcvn3_table_agrees_with_glibc_iconv() -> None:
    for byte, letter in TCVN3.items():
        assert iconv(bytes([byte]), "TCVN5712-1", "UTF-8").decode("utf-8") == letter, hex(byte)
    # Every lower-case Vietnamese letter and Ă Â Ê Ô Ơ Ư Đ has a code.
    assert set(TCVN3.values()) == {letter for letter in LOWER_LETTERS if not letter.isascii()} | set("ĂÂÊÔƠƯĐ")


# xvnkb's vni.h (Đào Hải Lâm, 2002; https://github.com/lamdao/xvnkb), one
# line per base letter, in the order: no tone, sắc, huyền, hỏi, ngã, nặng.
# Written out here independently of editor/vietnamese.py, which builds its
# table from the VNI mark bytes.
PUBLISHED_VNI = """
a aù aø aû aõ aï
aâ aá aà aå aã aä
aê aé aè aú aü aë
e eù eø eû eõ eï
eâ eá eà eå eã eä
o où oø oû oõ oï
oâ oá oà oå oã oä
ô ôù ôø ôû ôõ ôï
u uù uø uû uõ uï
ö öù öø öû öõ öï
i í ì æ ó ò
y yù yø yû yõ î
"""
PUBLISHED_ORDER = ["a", "a\u0302", "a\u0306", "e", "e\u0302", "o", "o\u0302", "o\u031b", "u", "u\u031b", "i", "y"]


def test_the_vni_table_agrees_with_the_published_one() -> None:
    rows = [line.split() for line in PUBLISHED_VNI.strip().splitlines()]
    for base, row in zip(PUBLISHED_ORDER, rows, strict=True):
        for tone, sequence in zip(TONES, row, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            assert decode_vni(sequence) == letter, sequence
            assert decode_vni(sequence.upper()) == letter.upper(), sequence.upper()
    assert decode_vni("ñ") == "đ" and decode_vni("Ñ") == "Đ"
    assert set(VNI.values()) >= {letter for letter in LOWER_LETTERS if not letter.isascii()}


def _vni_encoded(text: str) -> str:
    """``text`` as a VNI-Times document holds it, from the published table."""
    rows = [line.split() for line in PUBLISHED_VNI.strip().splitlines()]
    table = {"đ": "ñ", "Đ": "Ñ"}
    for base, row in zip(PUBLISHED_ORDER, rows, strict=True):
        for tone, sequence in zip(TONES, row, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            table.setdefault(letter, sequence)
            table.setdefault(letter.upper(), sequence.upper())
    return "".join(table.get(char, char) for char in text)


def _as_vntime_can_hold(sentence: str) -> str:
    # .VnTime has no upper-case letters with tones (those came from .VnTimeH).
    return "".join(char.lower() if char not in "ĂÂÊÔƠƯĐ" and not char.isascii() and char.isupper() else char for char in sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_whole_sentences_of_the_reference_article_come_back_from_tcvn3_and_vni(sentence: str) -> None:
    tcvn3 = pasted_from_vntime(_as_vntime_can_hold(sentence))
    assert tcvn3 != sentence and detect_legacy(tcvn3) == "tcvn3"
    assert to_unicode(tcvn3, "tcvn3") == _as_vntime_can_hold(sentence)
    vni = _vni_encoded(sentence)
    assert vni != sentence and detect_legacy(vni) == "vni"
    assert to_unicode(vni, "vni") == sentence


def test_real_unicode_and_other_languages_are_never_taken_for_legacy_text() -> None:
    assert SENTENCES
    for sentence in SENTENCES + [REFERENCE]:
        assert detect_legacy(sentence) is None
    for text in (
        "Tôi có mèo",  # Vietnamese within code page 1252: reads as VNI too, but no better
        "Où est la gare? À côté du café, très près.",
        "Müller, Jürgen — Größe",
        "Ban Chỉ đạo 35",
        "QR Code",
        "",
    ):
        assert detect_legacy(text) is None, text


def test_syllables() -> None:
    for word in ("Quận", "nghiêng", "khuya", "giữ", "thuở", "Đảng", "người", "oẳn", "XÃ"):
        assert is_syllable(word), word
    for word in ("QuËn", "Lª", "Quaän", "cöôøng", "Straße", "hóà"):
        assert not is_syllable(word), word


def test_tone_marks_move_to_the_chosen_style_and_nothing_else_changes() -> None:
    old = "Hòa bình, thủy lợi, sức khỏe, Thủy, HÒA, hoàng hôn, quý, khuyết, toán, quả."
    new = "Hoà bình, thuỷ lợi, sức khoẻ, Thuỷ, HOÀ, hoàng hôn, quý, khuyết, toán, quả."
    assert place_tone_marks(old, NEW) == new
    assert place_tone_marks(new, OLD) == old
    assert place_tone_marks(old, OLD) == old
    assert place_tone_marks(REFERENCE, NEW) == place_tone_marks(place_tone_marks(REFERENCE, OLD), NEW)
    assert all(unicodedata.is_normalized("NFC", text) for text in (place_tone_marks(REFERENCE, NEW),))


def test_whole_articles_are_converted_field_by_field() -> None:
    article = Article(
        title="Quận Lê Chân",
        lead="<b>" + pasted_from_vntime("chiều 01/11, ban chỉ đạo 35 quận lê chân họp") + "</b>",
        blocks=[ParagraphBlock(id="p", text=_vni_encoded("Đồng chí Phạm Văn Tân chủ trì cuộc họp & phát biểu."))],
    )
    changes, found = legacy_changes(article)
    assert found == {"tcvn3", "vni"}
    values = {change.location: change.value for change in changes}
    assert values[Location("lead")] == "<b>chiều 01/11, ban chỉ đạo 35 quận lê chân họp</b>"
    assert values[Location("text", "p")] == "Đồng chí Phạm Văn Tân chủ trì cuộc họp &amp; phát biểu."
    assert Location("title") not in values

    article.title = "Thủy lợi và hòa bình"
    assert [change.value for change in tone_mark_changes(article, NEW)] == ["Thuỷ lợi và hoà bình"]


def test_font_names_tell_the_encoding() -> None:
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding("'.VnTimeH'") == ("tcvn3", True)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("Times New Roman") is None


def test_the_site_profile_keeps_a_tone_mark_style() -> None:
    from editor.article_format import _Problems

    problems = _Problems()
    assert site_from_dict({"tone_marks": "new"}, "site", problems, None).tone_marks == "new"  # type: ignore[union-attr]
    site_from_dict({"tone_marks": "mới"}, "site", problems, None)
    assert problems.lines == ['site.tone_marks: must be "old", "new" or "", not "mới"']
