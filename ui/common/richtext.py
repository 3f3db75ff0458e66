"""Between a QTextDocument and the model's inline fragments.

One QTextBlock is one paragraph; its bold, italic and links become ``<b>``,
``<i>`` and ``<a href>``; a soft line break (Shift+Enter) becomes ``<br>``.
Nothing else survives, like the core's inline sanitizer.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextCursor, QTextFormat

from editor.text import clean_inline
from editor.vietnamese import font_encoding, to_unicode

LINE_SEPARATOR = "\u2028"  # what Qt stores for Shift+Enter
LINK_COLOUR = "#0b4f9c"  # the exported page's link colour


def block_to_inline(block: QTextBlock) -> str:
    parts: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            text = html.escape(_in_unicode(fragment.text(), fmt), quote=False).replace(LINE_SEPARATOR, "<br>")
            if fmt.fontWeight() >= QFont.Weight.Bold:
                text = f"<b>{text}</b>"
            if fmt.fontItalic():
                text = f"<i>{text}</i>"
            if fmt.isAnchor() and fmt.anchorHref():
                text = f'<a href="{html.escape(fmt.anchorHref())}">{text}</a>'
            parts.append(text)
        iterator += 1
    return clean_inline("".join(parts))


def _in_unicode(text: str, fmt: QTextCharFormat) -> str:
    """Text pasted in a legacy font (its name survives in pasted HTML) in
    Unicode; the upper-case TCVN3 fonts (.VnTimeH) give upper-case letters."""
    # Typed text carries no font family. Ask first: for a format without one,
    # fontFamilies() (like property()) returns a borrowed None under PySide6
    # 6.12.0, and this runs for every fragment on every keystroke
    # (tools/refcount_probe.py; docs/pyside6-borrowed-singletons.md).
    if not fmt.hasProperty(QTextFormat.Property.FontFamilies):
        return text
    for family in fmt.fontFamilies():
        legacy = font_encoding(family)
        if legacy is not None:
            encoding, upper = legacy
            converted = to_unicode(text, encoding)
            return converted.upper() if upper else converted
    return text


class _InlineInserter(HTMLParser):
    """Inserts a sanitized inline fragment at a cursor, with its formats."""

    def __init__(self, cursor: QTextCursor, base: QTextCharFormat) -> None:
        super().__init__(convert_charrefs=True)
        self._cursor = cursor
        self._base = base
        self._bold = 0
        self._italic = 0
        self._links: list[str] = []

    def _format(self) -> QTextCharFormat:
        fmt = QTextCharFormat(self._base)
        fmt.setFontWeight(QFont.Weight.Bold if self._bold else QFont.Weight.Normal)
        fmt.setFontItalic(bool(self._italic))
        if self._links:
            fmt.setAnchor(True)
            fmt.setAnchorHref(self._links[-1])
            fmt.setFontUnderline(True)
            fmt.setForeground(QColor(LINK_COLOUR))
        else:
            fmt.setAnchor(False)
            fmt.setAnchorHref("")
        return fmt

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("b", "strong"):
            self._bold += 1
        elif tag in ("i", "em"):
            self._italic += 1
        elif tag == "a":
            self._links.append(dict(attrs).get("href") or "")
        elif tag == "br":
            self._cursor.insertText(LINE_SEPARATOR, self._format())

    def handle_endtag(self, tag: str) -> None:
        if tag in ("b", "strong"):
            self._bold = max(0, self._bold - 1)
        elif tag in ("i", "em"):
            self._italic = max(0, self._italic - 1)
        elif tag == "a" and self._links:
            self._links.pop()

    def handle_data(self, data: str) -> None:
        self._cursor.insertText(data, self._format())


def insert_inline(cursor: QTextCursor, fragment: str, base: QTextCharFormat | None = None) -> None:
    """Insert ``fragment`` (inline HTML) at ``cursor`` as formatted text."""
    inserter = _InlineInserter(cursor, base or QTextCharFormat())
    inserter.feed(clean_inline(fragment))
    inserter.close()
