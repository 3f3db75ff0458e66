"""Word's list items made list blocks, where a web list shows what Word shows.

editor.word_numbering writes the label Word shows at the start of each
numbered paragraph ("• ", "3. ", "a) ") and marks it as one of Word's list
items; a paragraph whose author typed "1." by hand has no mark and stays a
paragraph. After mammoth, a run of marked paragraphs next to each other
becomes list blocks when a list can say exactly what Word shows:

- items of one level bulleted with a disc ("•") make a bulleted list;
- items of one level numbered "N." counting up by one make a numbered list
  starting at N (a break in the counting starts another list).

Anything else ("a)", "1.1.", "Điều 1.", roman numbers, dashes, check
boxes, nested levels, a mark a list cannot show mixed in) keeps its label
as text: a list block would show a different label, and "điểm a khoản 2"
would point at nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.model import Block, ListBlock, ParagraphBlock
from editor.word_numbering import ListItemMark

# The bullets a web list draws by default (a disc).
DISC_BULLETS = ("•", "●")
DECIMAL_LABEL = re.compile(r"(0|[1-9][0-9]*)\.\s?")  # "3. ", not "03." nor "3)" nor "1.1."
LEADING_TAGS = r"^((?:\s*<[^>]+>)*)\s*"
EMPTY_TAG = re.compile(r"<(b|i)>\s*</\1>")


@dataclass(frozen=True)
class _Item:
    block: ParagraphBlock
    mark: ListItemMark
    ordered: bool
    number: int  # for a numbered item; 0 for a bullet


def _item(block: ParagraphBlock, mark: ListItemMark) -> _Item | None:
    """The item as a list block would hold it, or None when a list block
    could not show its label."""
    if mark.label.strip() in DISC_BULLETS:
        return _Item(block, mark, False, 0)
    decimal = DECIMAL_LABEL.fullmatch(mark.label)
    if decimal is not None:
        return _Item(block, mark, True, int(decimal.group(1)))
    return None


def _without_label(fragment: str, label: str) -> str:
    """The item's text without the label at its start (the label may sit
    inside the first run's bold or italic)."""
    stripped = re.sub(LEADING_TAGS + re.escape(label.strip()) + r"\s*", r"\1", fragment, count=1)
    return EMPTY_TAG.sub("", stripped).strip()


def _lists(run: list[_Item]) -> list[Block]:
    """The run's items as list blocks: a new list where the kind changes or
    the counting does not go up by one."""
    made: list[Block] = []
    current: list[_Item] = []

    def close() -> None:
        if current:
            first = current[0]
            items = tuple(_without_label(item.block.text, item.mark.label) for item in current)
            made.append(ListBlock(id=first.block.id, items=items, ordered=first.ordered, start=first.number if first.ordered else 1))
            current.clear()

    for item in run:
        if current and (item.ordered != current[-1].ordered or (item.ordered and item.number != current[-1].number + 1)):
            close()
        current.append(item)
    close()
    return made


def make_lists(blocks: list[Block], marks: dict[str, ListItemMark]) -> tuple[list[Block], int]:
    """The blocks with each run of Word's list items (paragraphs next to
    each other, marked by id) made list blocks where a list shows their
    labels; and how many marked paragraphs keep their label as text."""
    result: list[Block] = []
    kept_as_text = 0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not (isinstance(block, ParagraphBlock) and block.id in marks):
            result.append(block)
            index += 1
            continue
        end = index
        while end < len(blocks) and isinstance(blocks[end], ParagraphBlock) and blocks[end].id in marks:
            end += 1
        paragraphs = [item for item in blocks[index:end] if isinstance(item, ParagraphBlock)]
        items = [_item(paragraph, marks[paragraph.id]) for paragraph in paragraphs]
        one_level = len({marks[paragraph.id].level for paragraph in paragraphs}) == 1
        if one_level and all(item is not None for item in items):
            result.extend(_lists([item for item in items if item is not None]))
        else:
            result.extend(paragraphs)
            kept_as_text += len(paragraphs)
        index = end
    return result, kept_as_text
