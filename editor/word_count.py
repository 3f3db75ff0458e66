"""Words an article has for its reader: the fields the model declares as
counted (editor/fields.py: the title, the lead, the body's text), for the
status bar's word count and reading time."""

from __future__ import annotations

import math

from editor.fields import field_texts, field_values, text_fields
from editor.model import Article

WORDS_PER_MINUTE = 200  # an unhurried reader of Vietnamese news


def word_count(article: Article, cache: dict[tuple[str, str], tuple[str, int]] | None = None) -> int:
    """Words in the counted fields. With ``cache`` ((block id, field name) ->
    (text, count)), a block text that is the very string counted before is
    not counted again: blocks are copy-on-write (ui/document/document.py), so at
    36,000 words a pause in typing counts one paragraph, not all of them."""
    total = sum(len(text.plain.split()) for text in field_texts(article) if text.field.counted)
    for block in article.blocks:
        for field in text_fields(type(block)):
            if not field.counted:
                continue
            value = getattr(block, field.name)
            key = (block.id, field.name)
            known = cache.get(key) if cache is not None else None
            if known is not None and known[0] is value:
                total += known[1]
                continue
            count = sum(len(field.plain(text).split()) for text in field_values(field, value))
            if cache is not None:
                cache[key] = (value, count)
            total += count
    return total


def not_counted(article: Article, cache: dict[tuple[str, str], tuple[str, int]]) -> int:
    """How many block texts ``word_count`` would count again with ``cache``
    (those it has not counted in that very string): the window counts an
    article that has many on a worker."""
    missing = 0
    for block in article.blocks:
        for field in text_fields(type(block)):
            if field.counted:
                known = cache.get((block.id, field.name))
                missing += known is None or known[0] is not getattr(block, field.name)
    return missing


def reading_minutes(words: int) -> int:
    """Minutes to read ``words``: at least one for any text, none for none."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
