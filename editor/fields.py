"""The article's texts, declared once, and where each one is.

The model declares every text field where it defines it, with its kind and
its label (``line_text(label=...)`` in ``editor/model.py``). Whatever reads
"every text of the article" walks that declaration here: find and replace,
the checks, the revisions diff, the word count, the library's search, the
``article/1`` format and the form. So a field added to the model is searched,
checked, counted and saved with no other list to extend.

A ``Location`` says where one text is, for the checks, find and the window.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from editor.text import inline_to_plain

if TYPE_CHECKING:
    from editor.model import Article, Block

# inline: sanitized HTML (bold, italic, line breaks, links); plain: text of
# several lines, escaped when shown; line: one line of plain text.
Kind = Literal["inline", "plain", "line"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name is what marks it
    """Marks a label for the window's translation catalogue and returns it
    unchanged: ``tools/update_translations.py`` finds labels by this name,
    as it finds Qt's own ``QT_TRANSLATE_NOOP``; the window translates them
    in the context "TextField"."""
    return text


@dataclass(frozen=True)
class TextField:
    """One declared text field of a model class."""

    name: str
    kind: Kind
    label: str  # as the window names it, in English; "&" marks the form's shortcut
    # Read as the article's own words: the word count and reading time count it.
    counted: bool = False
    # Several texts of the kind (a list's items, a tuple): each one is a
    # text of its own, at "items[2]".
    many: bool = False

    @property
    def inline(self) -> bool:
        return self.kind == "inline"

    def plain(self, value: str) -> str:
        """``value`` as the reader reads it: an inline field without its tags."""
        return inline_to_plain(value) if self.inline else value


_DECLARED: dict[type, tuple[TextField, ...]] = {}  # by class: read once, then at every keystroke's word count


def text_fields(cls: type) -> tuple[TextField, ...]:
    """The text fields ``cls`` declares, in the order of the class. A field
    cleaned as text but declared without a label (an address, a setting's
    name) is not one of the article's texts."""
    found = _DECLARED.get(cls)
    if found is None:
        found = _DECLARED[cls] = tuple(
            TextField(spec.name, spec.metadata["kind"], spec.metadata["label"], spec.metadata.get("counted", False),
                      spec.metadata.get("many", False))
            for spec in dataclasses.fields(cls) if spec.metadata.get("label") is not None
        )
    return found


@dataclass(frozen=True)
class Location:
    """Where a text is: an article field ("title", "related[2].url",
    "site.name"), or a block's field ("text", "caption") with the block's id."""

    field: str
    block_id: str | None = None
    # The block's position, for people ("block 3"). Not part of what the
    # location is: a block that moves keeps its texts' locations.
    index: int | None = dataclasses.field(default=None, compare=False)

    @property
    def article_field(self) -> str:
        """The article's own field the text is in: "related" for
        "related[2].url", "site" for "site.name"."""
        match = re.match(r"\w+", self.field)
        return match.group(0) if match else self.field

    def block_number(self) -> int | None:
        """The block's number as the window shows it, counted from 1."""
        return None if self.index is None else self.index + 1

    def describe(self) -> str:
        if self.block_id is None:
            return self.field
        return f"block {self.block_number()}: {self.field}"

    def as_json(self) -> dict[str, int | str]:
        """``{"block": 5, "field": "text"}``; article fields carry ``field`` only."""
        number = self.block_number()
        return {"field": self.field} if self.block_id is None or number is None else {"block": number, "field": self.field}


class FieldText(NamedTuple):
    """One text of the article, its field's declaration and where it is (a
    tuple: the checks make one for every text at every pause in typing)."""

    location: Location
    field: TextField
    value: str

    @property
    def plain(self) -> str:
        return self.field.plain(self.value)


def field_texts(article: Article) -> list[FieldText]:
    """The texts of the article's own fields (title, lead, …)."""
    return [FieldText(Location(field.name), field, getattr(article, field.name)) for field in text_fields(type(article))]


def block_texts(block: Block, index: int | None = None) -> list[FieldText]:
    """The texts of one block; ``index`` is its position in the article. A
    field of ``many`` texts gives one per item, at "items[0]", "items[1]"…"""
    texts: list[FieldText] = []
    for field in text_fields(type(block)):
        value = getattr(block, field.name)
        if field.many:
            texts.extend(FieldText(Location(f"{field.name}[{item}]", block.id, index), field, text) for item, text in enumerate(value))
        else:
            texts.append(FieldText(Location(field.name, block.id, index), field, value))
    return texts


def field_values(field: TextField, value: object) -> list[str]:
    """A declared field's texts: itself, or the items of a ``many`` one."""
    return list(value) if field.many else [value]  # type: ignore[call-overload,list-item]


_ITEM = re.compile(r"(\w+)\[(\d+)\]")


def block_value_with(block: Block, location_field: str, text: str) -> tuple[str, object]:
    """The field to set, and its new value, to put ``text`` where a
    location's field says in ``block``: "text", or the item "items[2]"."""
    match = _ITEM.fullmatch(location_field)
    if match is None:
        return location_field, text
    name, item = match.group(1), int(match.group(2))
    items = list(getattr(block, name))
    items[item] = text
    return name, tuple(items)


def article_texts(article: Article) -> Iterator[FieldText]:
    """Every text of the article in reading order: its own fields in the
    order the model declares them, the blocks' texts where the blocks are."""
    own = {text.field.name: text for text in field_texts(article)}
    for spec in dataclasses.fields(article):
        if spec.name in own:
            yield own[spec.name]
        elif spec.name == "blocks":
            for index, block in enumerate(article.blocks):
                yield from block_texts(block, index)
