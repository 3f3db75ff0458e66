"""Word's automatic numbering, counted the way Word counts it.

mammoth turns every numbered paragraph into an ``<li>`` and leaves the
number to the browser: each list restarts at 1, "a)" becomes "1." and
"1.1" becomes "1.", so "điểm a khoản 2" points at nothing. Here the labels
are worked out from ``numbering.xml`` (ECMA-376 part 1, 17.9) and written
at the start of each paragraph's text, in ``document.xml`` itself, before
mammoth reads it; the paragraph then reaches mammoth as an ordinary one.

- A paragraph is numbered by its own ``w:numPr`` or by its style's (up the
  ``w:basedOn`` chain); a level whose ``w:pStyle`` names the style gives
  the level. ``numId`` 0 switches numbering off.
- ``w:num`` instances of one ``w:abstractNum`` share its counters, so a
  list interrupted by text continues; a ``w:startOverride`` restarts its
  level the first time its instance is used; a ``w:lvlOverride`` holding a
  ``w:lvl`` replaces that level for the instance.
- An item resets the levels below it (``w:lvlRestart`` can say otherwise).
- ``w:lvlText`` "%1.%2." gives each level's counter in its own ``w:numFmt``
  (decimal, letters, roman, …; ``w:isLgl`` makes them all decimal).
- A bullet keeps its character; the Symbol and Wingdings private-use ones
  become the Unicode character they look like.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# The private-use characters of Symbol and Wingdings that Word uses for
# bullets, as the Unicode characters they show.
PRIVATE_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf0a8": "◆", "\uf06e": "■",
    "\uf0e0": "➔", "\uf0d7": "▸", "\uf071": "❑", "\uf0b2": "☐", "\uf0fe": "☑", "\uf02d": "-", "\uf02b": "+",
}
# The same, typed as the Latin characters they replace in a symbol font.
SYMBOL_FONT_BULLETS = {"·": "•", "§": "▪", "Ø": "➢", "ü": "✓", "v": "❖", "q": "❑", "Ÿ": "•", "n": "■", "l": "●", "o": "◦"}
SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "courier")  # Courier New's "o" is the hollow bullet
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
MAX_LEVELS = 9
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse_xml(data: bytes) -> Any:
    """An lxml root; entities are never expanded nor fetched."""
    return etree.fromstring(data, PARSER)


def _roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    digits = []
    for value, letters in ROMAN:
        while number >= value:
            digits.append(letters)
            number -= value
    return "".join(digits)


def _letters(number: int) -> str:
    """Word's letters: a … z, then aa … zz, aaa …"""
    if number <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, number_format: str) -> str:
    if number_format == "lowerLetter":
        return _letters(number)
    if number_format == "upperLetter":
        return _letters(number).upper()
    if number_format == "lowerRoman":
        return _roman(number)
    if number_format == "upperRoman":
        return _roman(number).upper()
    if number_format == "decimalZero":
        return f"{number:02d}"
    if number_format in ("none", "bullet"):
        return ""
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    return str(number)  # decimal, and every format we do not spell out (ordinal, cardinalText, …)


@dataclass
class Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # one-based: restarts after that level or a higher one; 0 never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None  # the paragraph style tied to this level


@dataclass
class _Instance:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)  # overrides
    starts: dict[int, int] = field(default_factory=dict)


class Numbering:
    """What ``numbering.xml`` and ``styles.xml`` say about numbering, and the
    counters of one pass through the document."""

    def __init__(self, numbering: Any, styles: Any, w: str) -> None:
        self.w = w
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # numStyleLink: abstract → numbering style
        self.link_owners: dict[str, str] = {}  # styleLink: numbering style → abstract holding the levels
        self.instances: dict[str, _Instance] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.based_on: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _val(self, element: Any, path: str) -> str | None:
        found = element.find(path)
        return None if found is None else found.get(f"{self.w}val")

    def _int(self, element: Any, path: str) -> int | None:
        value = self._val(element, path)
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None

    def _level(self, element: Any) -> Level:
        w = self.w
        level = Level()
        level.start = self._int(element, f"{w}start") or (0 if element.find(f"{w}start") is not None else 1)
        level.number_format = self._val(element, f"{w}numFmt") or "decimal"
        text = self._val(element, f"{w}lvlText")
        level.text = text if text is not None else ""
        level.restart = self._int(element, f"{w}lvlRestart")
        legal = element.find(f"{w}isLgl")
        level.legal = legal is not None and legal.get(f"{w}val", "true") not in ("0", "false", "off")
        level.suffix = self._val(element, f"{w}suff") or "tab"
        level.style = self._val(element, f"{w}pStyle")
        if level.number_format == "bullet":
            fonts = element.find(f"{w}rPr/{w}rFonts")
            font = (fonts.get(f"{w}ascii") or fonts.get(f"{w}hAnsi") or "").lower() if fonts is not None else ""
            if level.text in PRIVATE_BULLETS:
                level.text = PRIVATE_BULLETS[level.text]
            elif level.text and ord(level.text[0]) >= 0xE000 and ord(level.text[0]) < 0xF900:
                level.text = "•"  # another private-use character: what it shows depends on a font the web lacks
            elif any(name in font for name in SYMBOL_FONTS) or (level.text == "o" and not font):
                level.text = SYMBOL_FONT_BULLETS.get(level.text, level.text)
        return level

    def _read_styles(self, styles: Any) -> None:
        w = self.w
        for style in styles.iter(f"{w}style"):
            style_id = style.get(f"{w}styleId")
            if not style_id:
                continue
            based = self._val(style, f"{w}basedOn")
            if based:
                self.based_on[style_id] = based
            number = style.find(f"{w}pPr/{w}numPr")
            if number is not None:
                self.style_numbering[style_id] = (self._val(number, f"{w}numId"), self._int(number, f"{w}ilvl"))

    def _read_numbering(self, numbering: Any) -> None:
        w = self.w
        for abstract in numbering.iter(f"{w}abstractNum"):
            abstract_id = abstract.get(f"{w}abstractNumId")
            if abstract_id is None:
                continue
            levels = {}
            for element in abstract.findall(f"{w}lvl"):
                index = _index(element.get(f"{w}ilvl"))
                if index is not None:
                    levels[index] = self._level(element)
            self.abstracts[abstract_id] = levels
            link = self._val(abstract, f"{w}numStyleLink")
            if link:
                self.style_links[abstract_id] = link
            owner = self._val(abstract, f"{w}styleLink")
            if owner:
                self.link_owners[owner] = abstract_id
        for num in numbering.iter(f"{w}num"):
            num_id, abstract_id = num.get(f"{w}numId"), self._val(num, f"{w}abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            instance = _Instance(self._abstract_of(abstract_id))
            for override in num.findall(f"{w}lvlOverride"):
                index = _index(override.get(f"{w}ilvl"))
                if index is None:
                    continue
                start = self._int(override, f"{w}startOverride")
                if start is not None:
                    instance.starts[index] = start
                level = override.find(f"{w}lvl")
                if level is not None:
                    instance.levels[index] = self._level(level)
            self.instances[num_id] = instance

    def _abstract_of(self, abstract_id: str) -> str:
        """The abstract numbering that holds the levels: one that only links
        to a numbering style leads to the abstract defining that style."""
        seen = set()
        while abstract_id in self.style_links and abstract_id not in seen:
            seen.add(abstract_id)
            link = self.style_links[abstract_id]
            if link in self.link_owners:
                abstract_id = self.link_owners[link]
                continue
            num_id, _ = self.style_numbering.get(link, (None, None))
            instance = self.instances.get(num_id or "")
            if instance is None:
                break
            abstract_id = instance.abstract
        return abstract_id

    def _levels(self, instance: _Instance) -> dict[int, Level]:
        return {**self.abstracts.get(instance.abstract, {}), **instance.levels}

    def paragraph_numbering(self, properties: Any) -> tuple[str, int] | None:
        """The (numId, level) of a paragraph from its ``w:pPr``: its own
        numbering, else its style's."""
        w = self.w
        num_id: str | None = None
        level: int | None = None
        style: str | None = None
        if properties is not None:
            style = self._val(properties, f"{w}pStyle")
            own = properties.find(f"{w}numPr")
            if own is not None:
                num_id, level = self._val(own, f"{w}numId"), self._int(own, f"{w}ilvl")
        seen: set[str] = set()
        current = style
        while (num_id is None or level is None) and current and current not in seen:
            seen.add(current)
            style_num, style_level = self.style_numbering.get(current, (None, None))
            num_id = num_id if num_id is not None else style_num
            if level is None and style_num is not None:
                level = style_level
            current = self.based_on.get(current)
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return None
        if level is None:  # the level tied to the paragraph's style, else the first
            levels = self._levels(self.instances[num_id])
            level = next((index for index, defined in levels.items() if style and defined.style == style), 0)
        return num_id, max(0, min(level, MAX_LEVELS - 1))

    def next_label(self, num_id: str, level: int) -> str | None:
        """Count one item of ``num_id`` at ``level`` and give the label Word
        shows for it ("a)", "1.1.", "•"); None when that level is not defined."""
        instance = self.instances[num_id]
        levels = self._levels(instance)
        definition = levels.get(level)
        if definition is None:
            return None
        counters = self.counters.setdefault(instance.abstract, {})
        if num_id not in self.used:
            # A start override restarts its level (and those under it) at
            # the instance's first item; instances without one continue.
            self.used.add(num_id)
            for index in instance.starts:
                for counted in [counted for counted in counters if counted >= index]:
                    del counters[counted]
        start = self._start(instance, levels, level)
        counters[level] = counters[level] + 1 if level in counters else start
        for lower in [index for index in counters if index > level]:
            restart = levels[lower].restart if lower in levels else None
            if restart is None or (restart != 0 and level < restart):
                del counters[lower]
        label = self._render(definition, levels, counters, instance)
        if not label:
            return None
        return label + ("" if definition.suffix == "nothing" else " ")  # a tab or a space: one space in the text

    def _start(self, instance: _Instance, levels: dict[int, Level], level: int) -> int:
        if level in instance.starts:
            return instance.starts[level]
        return levels[level].start if level in levels else 1

    def _render(self, definition: Level, levels: dict[int, Level], counters: dict[int, int], instance: _Instance) -> str:
        if definition.number_format == "bullet":
            return definition.text
        text = definition.text
        for index in range(MAX_LEVELS):
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            value = counters.get(index)
            if value is None:
                value = self._start(instance, levels, index)
            level = levels.get(index, Level())
            number_format = "decimal" if definition.legal and level.number_format not in ("decimalZero",) else level.number_format
            text = text.replace(placeholder, format_number(value, number_format))
        return text


def _index(value: str | None) -> int | None:
    try:
        index = int(value) if value is not None else None
    except ValueError:
        return None
    return index if index is not None and 0 <= index < MAX_LEVELS else None


def _paragraphs(root: Any, w: str) -> Iterator[Any]:
    """The document's paragraphs in reading order, once each: a text box
    is stored twice (a drawing and its VML fallback), mammoth reads the
    fallback, so the fallback's paragraphs are the ones counted."""
    choice = f"{{{MC}}}Choice"
    for paragraph in root.iter(f"{w}p"):
        if any(ancestor.tag == choice for ancestor in paragraph.iterancestors()):
            continue
        yield paragraph


def _has_text(paragraph: Any, w: str) -> bool:
    return any((text.text or "").strip() for text in paragraph.iter(f"{w}t"))


@dataclass(frozen=True)
class ListItemMark:
    """What Word shows before a paragraph it numbers: the importer makes a
    list block of the items whose label a web list can show itself."""

    level: int
    label: str  # as written at the start of the text: "• ", "3. ", "a) "


def write_labels(document: Any, numbering: Numbering) -> dict[Any, ListItemMark]:
    """Write each numbered paragraph's label at the start of its text and
    switch its numbering off, so mammoth reads it as a paragraph; returns
    the labelled paragraphs (lxml elements) with their mark, so the
    importer knows which were Word's list items, not typed by hand."""
    w = numbering.w
    labelled: dict[Any, ListItemMark] = {}
    for paragraph in _paragraphs(document, w):
        properties = paragraph.find(f"{w}pPr")
        found = numbering.paragraph_numbering(properties)
        if found is None:
            continue
        label = numbering.next_label(*found)
        own = properties.find(f"{w}numPr")
        if own is None:
            own = etree.Element(f"{w}numPr")
            style = properties.find(f"{w}pStyle")
            properties.insert(0 if style is None else properties.index(style) + 1, own)
        for child in list(own):
            own.remove(child)
        etree.SubElement(own, f"{w}ilvl").set(f"{w}val", "0")
        etree.SubElement(own, f"{w}numId").set(f"{w}val", "0")  # numbering off: the label is text now
        if not label or not _has_text(paragraph, w):
            continue  # an empty numbered line shows only its number: nothing to read
        run = etree.Element(f"{w}r")
        first = next((r for r in paragraph.iter(f"{w}r") if _has_text(r, w)), None)
        look = first.find(f"{w}rPr") if first is not None else None
        if look is not None:
            run.append(_copy(look))
        text = etree.SubElement(run, f"{w}t")
        text.text = label
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        paragraph.insert(paragraph.index(properties) + 1, run)
        labelled[paragraph] = ListItemMark(found[1], label)
    return labelled


def _copy(element: Any) -> Any:
    return etree.fromstring(etree.tostring(element))
