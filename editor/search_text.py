"""Text for searching Vietnamese: a fold that makes marks optional, and the
marked form used to rank exact spellings first.

Staff type queries without marks (``dang bo``) on keyboards not set to
Vietnamese, or with marks placed the old or the new way (``hòa``/``hoà``),
or decomposed (NFD, from a Mac). ``fold`` maps all of these to one form:
no diacritics, đ → d, lower case. ``marked`` keeps the marks but puts every
tone in one place (the new style), so ``hòa`` and ``hoà`` rank alike.

SQLite's FTS5 cannot do this alone: ``remove_diacritics`` misses letters
with two marks (ệ, ở…) in mode 1 and never folds đ, so the index stores
the output of ``fold`` and FTS5 only splits words.
"""

from __future__ import annotations

import re
import unicodedata

from editor.text import collation_key
from editor.vietnamese import NEW, place_tone_marks

_WORD = re.compile(r"[^\W_]+")  # letters and digits: what FTS5's unicode61 keeps


def _fold_table() -> dict[int, str]:
    # Every precomposed Latin letter with marks (Latin-1 to Latin Extended
    # Additional, where all Vietnamese letters are) to its bare letter.
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0xC0, 0x1F00):
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) > 1 and all(unicodedata.combining(mark) for mark in decomposed[1:]):
            table[code] = decomposed[0]
    return table


_FOLD = _fold_table()
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ as d: ``Quận Ủy`` → ``quan uy``."""
    # NFC first: decomposed input (NFD) becomes the precomposed letters the
    # table knows; a mark no letter precomposes with is dropped after.
    return _COMBINING.sub("", unicodedata.normalize("NFC", text).translate(_FOLD)).casefold()


# Only words holding "oa", "oe" or "uy" can have their tone in two places;
# looking at those alone keeps indexing fast (the syllable check is slow).
_MOVABLE_TONE = re.compile(r"[^\W_]*(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])[^\W_]*", re.IGNORECASE)


def marked(text: str) -> str:
    """Lower case with marks, tone marks all in the new places: ``Hòa`` → ``hoà``."""
    text = unicodedata.normalize("NFC", text)
    return _MOVABLE_TONE.sub(lambda match: place_tone_marks(match.group(0), NEW), text).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def query_words(query: str) -> list[tuple[str, str]]:
    """Each word of a query, folded and marked: ``đường`` → ("duong", "đường")."""
    return [(fold(word), marked(word)) for word in words(unicodedata.normalize("NFC", query))]


def has_marks(word: str) -> bool:
    return fold(word) != word.casefold()


def word_start(word: str) -> re.Pattern[str]:
    """Finds ``word`` at the start of a word (after no letter or digit)."""
    return re.compile(r"(?<![^\W_])" + re.escape(word))


def matches_all(folded_text: str, folded_words: list[str]) -> bool:
    """Whether every query word starts some word of the text (both folded)."""
    return all(word_start(query).search(folded_text) for query in folded_words)


def exact_mark_hits(marked_text: str, query: list[tuple[str, str]]) -> int:
    """How many of the query's marked words start a word of the text with the
    same marks: ``đường`` hits "đường phố", not "Dương"."""
    return sum(1 for folded, mark in query if has_marks(mark) and word_start(mark).search(marked_text))


def sort_key(text: str) -> tuple[object, ...]:
    """Vietnamese alphabetical order (a ă â b c d đ e ê …; tones break ties)."""
    return collation_key(text)


def sort_text(text: str) -> str:
    """``sort_key`` as one string that sorts the same way, to keep in an index
    (computing the key for thousands of titles at each search is slow)."""
    primary, tones, original = collation_key(text)
    # Every character is above the separator, so a shorter prefix sorts first, as in a tuple.
    letters = "".join(chr(0x100 + rank) if kind == 1 else chr(0x10000 + min(code, 0xEFFFF)) if kind == 2 else "\x01"
                      for kind, rank in primary for code in (rank,))
    return letters + "\x00" + "".join(chr(0x30 + tone) for tone in tones) + "\x00" + original
