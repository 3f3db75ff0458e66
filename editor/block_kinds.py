"""Turning body blocks into another kind: what the formatting bar's
Heading, Quote and list buttons do to the paragraphs the cursor is in
(selected paragraphs make one list, one item each).

The words stay: a paragraph made a heading loses only its bold and italic
(a heading is plain text); a quotation made of several paragraphs keeps
them as lines. Pressing the button of the kind the blocks already are
turns them back into paragraphs, as in a word processor. Photos are never
converted.
"""

from __future__ import annotations

import dataclasses
import html
from typing import Literal

from editor.model import Block, HeadingBlock, ListBlock, ParagraphBlock, QuoteBlock
from editor.text import inline_to_plain

Kind = Literal["heading", "quote", "bulleted", "numbered"]


def _inline_texts(block: Block) -> list[str]:
    """The block's words as inline fragments, one per line it holds."""
    if isinstance(block, HeadingBlock):
        return [html.escape(block.text, quote=False)]
    if isinstance(block, QuoteBlock):
        texts = [block.text]
        if block.cite:
            texts.append(html.escape(block.cite, quote=False))
        return texts
    if isinstance(block, ParagraphBlock):
        return [block.text]
    if isinstance(block, ListBlock):
        return list(block.items)
    return []


def _kind_of(block: Block) -> str:
    if isinstance(block, ListBlock):
        return "numbered" if block.ordered else "bulleted"
    return block.type


def convertible(blocks: list[Block]) -> bool:
    return bool(blocks) and all(isinstance(block, (ParagraphBlock, HeadingBlock, QuoteBlock, ListBlock)) for block in blocks)


def convert_blocks(blocks: list[Block], kind: Kind) -> list[Block]:
    """``blocks`` (consecutive) as ``kind``, or as paragraphs when they
    all are ``kind`` already. The first new block keeps the first one's id
    and notes, so the preview and the reviewers' notes follow it."""
    if not convertible(blocks):
        return list(blocks)
    first = blocks[0]
    texts = [text for block in blocks for text in _inline_texts(block)]
    made: list[Block]
    if all(_kind_of(block) == kind for block in blocks):
        made = [ParagraphBlock(text=text) for text in texts]
    elif kind in ("bulleted", "numbered") and len(blocks) == 1 and isinstance(first, ListBlock):
        return [dataclasses.replace(first, ordered=kind == "numbered")]  # the other kind of list: the same items
    elif kind in ("bulleted", "numbered"):
        made = [ListBlock(items=tuple(texts), ordered=kind == "numbered")]
    elif kind == "heading":
        made = [HeadingBlock(text=inline_to_plain(text).replace("\n", " ")) for text in texts]
    else:
        made = [QuoteBlock(text="<br>".join(text for text in texts if text))]
    made = made or [ParagraphBlock()]
    made[0].id, made[0].notes = first.id, first.notes
    return made
