"""Tracked changes read as Word shows the document with them accepted.

mammoth already drops deleted text and keeps inserted text. A deleted
paragraph mark (``w:pPr/w:rPr/w:del``, ECMA-376 17.13.5.15) joins the
paragraph with the next one, and mammoth joins them as they are: when the
author deleted the line break between "…Ban Chấp hành Đảng bộ đồng" and
"Ủy ban nhân dân…", neither side has a space, and "đồngỦy" became one
word of the article. A space goes between the two where neither has one.
"""

from __future__ import annotations

from typing import Any

WHITESPACE = " \t\n\u00a0\u2009\u200b\u3000"


def _text_elements(paragraph: Any, w: str) -> list[Any]:
    """The paragraph's text, tabs and breaks in order, as mammoth reads them:
    not what is inside a deletion."""
    deleted = f"{w}del"
    found = []
    for element in paragraph.iter(f"{w}t", f"{w}tab", f"{w}br", f"{w}cr"):
        if element.tag == f"{w}tab" and element.getparent() is not None and element.getparent().tag != f"{w}r":
            continue  # a tab stop of the paragraph's properties, not a tab in the text
        if any(ancestor.tag == deleted for ancestor in element.iterancestors()):
            continue
        found.append(element)
    return found


def _ends_in_space(elements: list[Any], w: str) -> bool:
    for element in reversed(elements):
        if element.tag != f"{w}t":
            return True  # a tab or a break keeps the words apart
        if element.text:
            return element.text[-1] in WHITESPACE
    return True  # no text: nothing to glue


def _starts_with_space(elements: list[Any], w: str) -> bool:
    for element in elements:
        if element.tag != f"{w}t":
            return True
        if element.text:
            return element.text[0] in WHITESPACE
    return False


def keep_joined_paragraphs_apart(document: Any, w: str) -> int:
    """Where a deleted paragraph mark joins two paragraphs, a space after
    the first one's last word when neither side has one; how many."""
    paragraphs = list(document.iter(f"{w}p"))
    spaced = 0
    for index, paragraph in enumerate(paragraphs[:-1]):
        if paragraph.find(f"{w}pPr/{w}rPr/{w}del") is None:
            continue
        own = _text_elements(paragraph, w)
        if _ends_in_space(own, w):
            continue
        following = next((elements for later in paragraphs[index + 1:] if (elements := _text_elements(later, w))), [])
        if not following or _starts_with_space(following, w):
            continue
        last = next(element for element in reversed(own) if element.tag == f"{w}t" and element.text)
        last.text += " "
        last.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        spaced += 1
    return spaced
