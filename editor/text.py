"""Vietnamese text rules, in one place.

- Every text entering the model is NFC (keyboards on Windows and macOS may
  send decomposed NFD sequences that look the same but compare differently).
- Inline fields are small HTML fragments: only bold, italic, line breaks and
  http(s)/mailto links survive, cleaned by nh3 (ammonia).
- Slugs map đ/Đ to d; date lines follow the portal's form; titles sort the
  Vietnamese way (Đ after D, ư after u, tones as a secondary key).
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime

import nh3
from slugify import slugify

INLINE_TAGS = frozenset({"b", "strong", "i", "em", "br", "a"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# Characters that are never text a person meant, removed from every field
# whatever path it came by (typing, paste, drop, Word, opening a file):
# - C0 controls other than tab, newline and carriage return (the cleaners
#   turn those into what the field allows), DEL and the C1 controls: invalid
#   in HTML and XML, they come from broken pastes and old files;
# - U+FFFC, the object replacement character: what a rich-text editor leaves
#   where a picture was not copied (shown as an "OBJ" box);
# - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
#   U+2066–U+2069): they reorder what a reader sees ("Trojan source"), and
#   Vietnamese never needs them.
STRAY_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffc\u202a-\u202e\u2066-\u2069]")


def has_stray_chars(text: str) -> bool:
    """True when ``text`` holds a character :func:`nfc` removes."""
    return STRAY_CHARS.search(text) is not None


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, without stray control characters."""
    return STRAY_CHARS.sub("", unicodedata.normalize("NFC", text))


def clean_plain(text: str) -> str:
    """Normalize a plain-text field (title, author, alt text, …)."""
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n")


def clean_single_line(text: str) -> str:
    """Normalize a plain field that is one line (title, author, URLs).

    Line breaks and tabs become spaces; other spaces are kept as typed (a
    trailing space is the user about to type the next word).
    """
    return re.sub(r"[\n\t]", " ", clean_plain(text))


def is_link_url(url: str) -> bool:
    """True for URLs a reader may follow from the page: http, https, mailto."""
    scheme, sep, rest = url.strip().partition(":")
    return bool(sep) and scheme.lower() in LINK_SCHEMES and bool(rest)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    match = re.fullmatch(r"(?i)https?://([^/?#\s]+)[^\s]*", url.strip())
    return match is not None


def _keep_safe_href(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if is_link_url(value) else None
    return value


def clean_inline(fragment: str) -> str:
    """Sanitize an inline HTML fragment to bold, italic, ``br`` and links.

    Everything else is removed, its text kept (scripts and styles are dropped
    whole). The result is stable: cleaning it again changes nothing.
    """
    text = nfc(fragment).replace("\r\n", "\n").replace("\r", "\n")
    return nh3.clean(
        text,
        tags=set(INLINE_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(LINK_SCHEMES),
        attribute_filter=_keep_safe_href,
        link_rel=None,
        strip_comments=True,
    ).strip()


def inline_from_plain(text: str) -> str:
    """Turn plain text into an inline fragment (escaping ``&`` and ``<``)."""
    escaped = nh3.clean_text(nfc(text))
    return clean_inline(escaped)


def inline_to_plain(fragment: str) -> str:
    """The visible text of an inline fragment, for word counts and search."""
    without_tags = nh3.clean(fragment.replace("<br>", "\n"), tags=set())
    return html.unescape(without_tags)


def slug(text: str, max_length: int = 80) -> str:
    """A URL slug: lower-case ASCII words joined by hyphens; đ/Đ become d.
    Cut to ``max_length`` at the last whole word that fits, words kept in
    their order: python-slugify otherwise skips a word too long for the
    room left and goes on with a shorter one after it ("…-don-tet-dan" of
    "…đón Tết Nguyên đán", which says another thing)."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True) or "bai-viet"


WEEKDAYS = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def date_line(moment: datetime, language: str) -> str:
    """The portal's date line: ``Thứ Tư, 01/11/2023 16:20`` (dd/MM/yyyy HH:mm).

    ``moment`` is shown in its own time zone, the article's.
    """
    weekday = WEEKDAYS.get(language, WEEKDAYS["vi"])[moment.weekday()]
    return f"{weekday}, {moment:%d/%m/%Y %H:%M}"


# Vietnamese alphabetical order. Letters with breve, circumflex, horn and
# the stroke of đ are letters of their own; tone marks only break ties.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
# Dictionary order of tones: none, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def collation_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """A sort key that orders Vietnamese titles as a dictionary does.

    Primary: letters in the Vietnamese alphabet (``Đ`` after ``D``, not after
    ``Z`` as plain code-point order puts it); secondary: tones; last: the text.
    """
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    for char in nfc(text).lower():
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        marks = decomposed[1:]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
        tone = max((_TONE_RANK.get(m, 0) for m in marks), default=0)
        if letter in _LETTER_RANK:
            primary.append((1, _LETTER_RANK[letter]))
        elif base.isalnum():
            # Digits and foreign letters (f, j, w, z) after the alphabet's own.
            primary.append((2, ord(base)))
        elif base.isspace():
            primary.append((0, 0))
        else:
            continue  # punctuation does not take part in ordering
        tones.append(tone)
    return tuple(primary), tuple(tones), text
