"""Vietnamese text hygiene: legacy font encodings and tone-mark placement.

**Legacy encodings.** Before Unicode, Vietnamese was typed in 8-bit fonts:
TCVN3 (also called ABC; fonts named ``.VnTime``, ``.VnArial``…) and VNI
(``VNI-Times``…). Text copied out of such a document arrives as the Windows
code page 1252 reading of its bytes: "Quận" in TCVN3 arrives as "QuËn", in
VNI as "Quaän". ``detect_legacy`` recognizes such text by its characters and
``to_unicode`` converts it.

- TCVN3 is TCVN 5712:1993 "VN3": the lower-case letters and Ă Â Ê Ô Ơ Ư Đ
  (upper-case letters with tones came from separate ``…H`` fonts that reuse
  the lower-case codes). Its codes are those of glibc's ``TCVN5712-1``
  (VN1, of which VN3 is a subset), against which the tests check this table.
- VNI writes each letter as a base letter followed by one or two mark bytes
  ("a" + "ù" is "á"), except for a few letters of one byte. The table follows
  VNI Software's layout as published, for example, in xvnkb's ``vni.h``
  (Đào Hải Lâm, 2002, https://github.com/lamdao/xvnkb), which the tests
  transcribe and check against.

**Tone marks.** In "oa", "oe" and "uy" at the end of a syllable the tone
mark sits on the first vowel in the old style ("hòa", "thủy") and on the
second in the new one ("hoà", "thuỷ"). ``place_tone_marks`` moves them to
one style; text is never changed unless the user asks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from editor.fields import FieldText, article_texts
from editor.find_replace import Change, transform_all
from editor.model import Article

# --- TCVN3 ------------------------------------------------------------------------

# Byte → letter, for the bytes that are Vietnamese letters in TCVN3 (VN3).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}


def _cp1252_char(byte: int) -> str:
    """The character Windows shows for ``byte`` in code page 1252 (the five
    bytes it leaves undefined come through as the C1 control characters)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_TCVN3_FROM_CP1252 = {_cp1252_char(byte): letter for byte, letter in TCVN3.items()}


def decode_tcvn3(text: str) -> str:
    return "".join(_TCVN3_FROM_CP1252.get(char, char) for char in text)


# --- VNI --------------------------------------------------------------------------

# The mark bytes after a base letter, as code page 1252 characters (lower
# case; the upper-case letters take the upper-case forms of the same marks).
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# Circumflex (â) and breve (ă) with each tone: one byte for both marks.
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Letters of a single byte.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_sequences() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(sequence: str, letter: str) -> None:
        table[sequence] = unicodedata.normalize("NFC", letter)
        table[sequence.upper()] = unicodedata.normalize("NFC", letter).upper()

    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            add(base + mark, base + tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX.items():
            add(base + mark, base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, "a\u0306" + tone)
    for single, letter in _VNI_SINGLE.items():
        add(single, letter)
    for base, letter in (("ô", "ơ"), ("ö", "ư")):  # ơ and ư take the tone marks too
        for mark, tone in _VNI_TONES.items():
            add(base + mark, letter + tone)
    return table


VNI = _vni_sequences()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))


def decode_vni(text: str) -> str:
    return _VNI_PATTERN.sub(lambda match: VNI[match.group(0)], text)


DECODERS: dict[str, Callable[[str], str]] = {"tcvn3": decode_tcvn3, "vni": decode_vni}
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# --- syllables ----------------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]"
_FINALS = "ch|ng|nh|[cmnpt]"
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu yêu"
).split()
_SYLLABLE = re.compile(rf"^({_INITIALS})?({'|'.join(sorted(_NUCLEI, key=len, reverse=True))})({_FINALS})?$")
# Characters that are Vietnamese letters and are not in code page 1252:
# real Unicode Vietnamese, which no legacy font produces when pasted.
_BEYOND_CP1252 = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\s.,;:!?()\[\]{}\"'“”‘’…/\\|<>=+*&%#@~^_`0-9-]+")


def split_tone(word: str) -> tuple[str, str]:
    """The word without its tone mark, and the mark ("" if none)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in _TONES]
    bare = "".join(char for char in decomposed if char not in _TONES)
    return unicodedata.normalize("NFC", bare), "".join(tones)


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (any case)."""
    bare, tones = split_tone(word.lower())
    return len(tones) <= 1 and _SYLLABLE.match(bare) is not None


# --- recognizing legacy text ----------------------------------------------------------

MIN_WORDS = 2  # fewer converted words than this is too little evidence


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" if ``text`` reads as Vietnamese typed in that legacy
    font, else None. Real Unicode Vietnamese is never taken for legacy text."""
    if _BEYOND_CP1252.search(text):
        return None
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if len(words) < MIN_WORDS:
        # Only these words can change: too few to be evidence. Unicode text
        # falls apart into many such short stretches (between its letters
        # beyond code page 1252), and this spares reading each as syllables.
        return None
    valid_before = sum(is_syllable(word) for word in words)
    best, best_valid = None, valid_before
    for name, decode in DECODERS.items():
        converted = [decode(word) for word in words]
        changed = sum(new != old for new, old in zip(converted, words, strict=True))
        valid = sum(is_syllable(word) for word in converted)
        if changed >= MIN_WORDS and valid > best_valid and valid >= 0.8 * len(words):
            best, best_valid = name, valid
    return best


# Stretches of text without a real Unicode Vietnamese letter: where legacy
# text can be, even next to Unicode text typed in the same field.
_LEGACY_CANDIDATE = re.compile("[^ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]+")


def convert_legacy(text: str) -> tuple[str, set[str]]:
    """``text`` with each stretch of legacy text in Unicode; the encodings found."""
    found: set[str] = set()

    def convert(match: re.Match[str]) -> str:
        encoding = detect_legacy(match.group(0))
        if encoding is None:
            return match.group(0)
        found.add(encoding)
        return to_unicode(match.group(0), encoding)

    return _LEGACY_CANDIDATE.sub(convert, text), found


def to_unicode(text: str, encoding: str) -> str:
    """``text`` from ``encoding`` ("tcvn3" or "vni") to Unicode, in NFC.
    Only non-ASCII characters change, so the tags and entities of an inline
    fragment are safe."""
    return unicodedata.normalize("NFC", DECODERS[encoding](text))


# --- tone-mark placement -----------------------------------------------------------------

OLD, NEW = "old", "new"
_MOVABLE = {"oa", "oe", "uy"}


def _place_in_word(word: str, style: str) -> str:
    bare, tone = split_tone(word)
    if len(tone) != 1:
        return word
    match = _SYLLABLE.match(bare.lower())
    if match is None or match.group(3) or match.group(2) not in _MOVABLE or match.group(1) == "qu":
        return word
    start = match.start(2) + (0 if style == OLD else 1)
    marked = bare[: start + 1] + tone + bare[start + 1 :]
    return unicodedata.normalize("NFC", marked)


def place_tone_marks(text: str, style: str) -> str:
    """Every "oa", "oe", "uy" syllable of ``text`` in the old or new style."""
    return _WORD.sub(lambda match: _place_in_word(match.group(0), style), text)


# --- whole articles ------------------------------------------------------------------------

def legacy_changes(article: Article) -> tuple[list[Change], set[str]]:
    """Each field holding legacy-encoded text, converted to Unicode; and the
    encodings found. The article is not touched (the window applies the
    changes as one undoable step)."""
    changes, found = [], set()
    for text in article_texts(article):
        converted = legacy_change(text)
        if converted is not None:
            changes.append(converted[0])
            found |= converted[1]
    return changes, found


def legacy_change(text: FieldText) -> tuple[Change, set[str]] | None:
    """One field's text converted to Unicode if it is legacy-encoded, with
    the encodings found; None when it is not (the window reads a whole
    article field by field, in slices, through this)."""
    new, encodings = convert_legacy(text.value)
    return (Change(text.location, new, 1), encodings) if encodings else None


def tone_mark_changes(article: Article, style: str) -> list[Change]:
    """Every field with its "oa", "oe", "uy" tone marks in ``style``."""
    return transform_all(article, lambda text: place_tone_marks(text, style))


def font_encoding(family: str) -> tuple[str, bool] | None:
    """The legacy encoding a font name stands for, and whether it is an
    upper-case font (TCVN3's ``.VnTimeH``, ``.VnArialH``…); None for others."""
    name = family.strip().strip("'\"")
    if name.lower().startswith(".vn"):
        return "tcvn3", name.endswith("H")
    if name.lower().startswith("vni"):
        return "vni", False
    return None
