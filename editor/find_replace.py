"""Find and replace across every text of an article.

Matching can ignore diacritics (``hoa`` finds ``hòa``, ``Hòa`` and ``hoá``;
``d`` finds ``đ``), because staff search for names typed on keyboards that
were not set to Vietnamese. Inline fields are searched in their visible
text only, never inside tags or attributes. Every text the model declares
is searched (editor/fields.py), in reading order.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from editor.fields import Location, article_texts
from editor.model import Article


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (positions hold)."""
    folded = []
    for char in text:
        if char in "đĐ":
            folded.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        folded.append(base.lower() if len(base.lower()) == 1 else char.lower()[:1] or char)
    return "".join(folded)


def _spans(text: str, needle: str, ignore_diacritics: bool, match_case: bool) -> list[tuple[int, int]]:
    if not needle:
        return []
    if ignore_diacritics:
        haystack, needle = fold(text), fold(needle)
    elif not match_case:
        haystack, needle = text.lower(), needle.lower()
        if len(haystack) != len(text):  # rare case-mapping changes length
            haystack = text
    else:
        haystack = text
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), haystack)]


def _replace_plain(text: str, needle: str, replacement: str, ignore_diacritics: bool, match_case: bool) -> tuple[str, int]:
    spans = _spans(text, needle, ignore_diacritics, match_case)
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text, len(spans)


def _replace_inline(fragment: str, needle: str, replacement: str, ignore_diacritics: bool, match_case: bool) -> tuple[str, int]:
    # Only the text between tags changes; entities are decoded for matching.
    parts = re.split(r"(<[^>]*>)", fragment)
    count = 0
    for index, part in enumerate(parts):
        if index % 2 == 1 or not part:
            continue
        new, found = _replace_plain(html.unescape(part), needle, replacement, ignore_diacritics, match_case)
        if found:
            parts[index] = html.escape(new, quote=False)
            count += found
    return "".join(parts), count


@dataclass(frozen=True)
class Change:
    location: Location
    value: str
    count: int


def find_all(article: Article, needle: str, *, ignore_diacritics: bool = False, match_case: bool = False) -> list[Location]:
    """Every field holding ``needle``, in reading order (one entry a match)."""
    found: list[Location] = []
    for text in article_texts(article):
        visible = html.unescape(re.sub(r"<[^>]*>", "", text.value)) if text.field.inline else text.value
        found.extend([text.location] * len(_spans(visible, needle, ignore_diacritics, match_case)))
    return found


def replace_all(article: Article, needle: str, replacement: str, *, ignore_diacritics: bool = False, match_case: bool = False) -> list[Change]:
    """What replacing every match would change; the article is not touched
    (the window applies the changes as one undoable step)."""
    changes = []
    for text in article_texts(article):
        replace = _replace_inline if text.field.inline else _replace_plain
        new, count = replace(text.value, needle, replacement, ignore_diacritics, match_case)
        if count:
            changes.append(Change(text.location, new, count))
    return changes


def _transform_inline(fragment: str, function: Callable[[str], str]) -> str:
    parts = re.split(r"(<[^>]*>)", fragment)
    for index, part in enumerate(parts):
        if index % 2 == 0 and part:
            parts[index] = html.escape(function(html.unescape(part)), quote=False)
    return "".join(parts)


def transform_text(text: str, inline: bool, function: Callable[[str], str]) -> str:
    """``function`` applied to the visible text of a field (between the tags
    of an inline one)."""
    return _transform_inline(text, function) if inline else function(text)


def transform_all(article: Article, function: Callable[[str], str]) -> list[Change]:
    """What applying ``function`` to every visible text would change, field
    by field (the window applies the changes as one undoable step)."""
    changes = []
    for text in article_texts(article):
        new = transform_text(text.value, text.field.inline, function)
        if new != text.value:
            changes.append(Change(text.location, new, 1))
    return changes
