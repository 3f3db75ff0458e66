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


def fold(text: str) -> str:
    """Lower case, no diacritics, đ as d: ``Quận Ủy`` → ``quan uy``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare).casefold()


def marked(text: str) -> str:
    """Lower case with marks, tone marks all in the new places: ``Hòa`` → ``hoà``."""
    return place_tone_marks(unicodedata.normalize("NFC", text), NEW).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def query_words(query: str) -> list[tuple[str, str]]:
    """Each word of a query, folded and marked: ``đường`` → ("duong", "đường")."""
    return [(fold(word), marked(word)) for word in words(unicodedata.normalize("NFC", query))]


def has_marks(word: str) -> bool:
    return fold(word) != word.casefold()


def matches_all(folded_text: str, folded_words: list[str]) -> bool:
    """Whether every query word starts some word of the text (both folded)."""
    present = words(folded_text)
    return all(any(word.startswith(query) for word in present) for query in folded_words)


def exact_mark_hits(marked_text: str, query: list[tuple[str, str]]) -> int:
    """How many of the query's marked words start a word of the text with the
    same marks: ``đường`` hits "đường phố", not "Dương"."""
    present = words(marked_text)
    return sum(1 for folded, mark in query if has_marks(mark) and any(word.startswith(mark) for word in present))


def sort_key(text: str) -> tuple[object, ...]:
    """Vietnamese alphabetical order (a ă â b c d đ e ê …; tones break ties)."""
    return collation_key(text)
