"""Notes on blocks: what a reviewer asks about a paragraph, a photo, a quote.

A note lives on its block (``Block.notes``), so it goes wherever the block
goes: moved, edited, undone and redone with it. Notes are kept in the draft
(``notes`` of a block in ``article.json``) and never exported: the page and
the exported ``article.json`` leave them out. A note holds its author, time,
text, the words it is about (``quote``, optional), replies, and whether it
is resolved; the checklist warns while any is open.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from editor.text import clean_plain, clean_single_line

if TYPE_CHECKING:
    from editor.model import Article, Block


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Reply:
    author: str
    at: datetime
    text: str


@dataclass(frozen=True)
class Note:
    id: str
    author: str
    at: datetime
    text: str
    quote: str = ""  # the words of the block the note is about, if chosen
    resolved: bool = False
    replies: tuple[Reply, ...] = ()

    @classmethod
    def new(cls, author: str, text: str, quote: str = "") -> Note:
        return cls("n" + secrets.token_hex(5), clean_single_line(author), _now(), clean_plain(text).strip(),
                   clean_plain(quote).strip())

    def replied(self, author: str, text: str) -> Note:
        return replace(self, replies=(*self.replies, Reply(clean_single_line(author), _now(), clean_plain(text).strip())))

    def with_resolved(self, resolved: bool) -> Note:
        return replace(self, resolved=resolved)


def open_notes(article: Article) -> list[tuple[int, Block, Note]]:
    """Every unresolved note, with its block and the block's position."""
    return [(index, block, note) for index, block in enumerate(article.blocks) for note in block.notes if not note.resolved]


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("no UTC offset")
    return moment


def notes_from_list(raw: Any, path: str, add_problem: Callable[[str, str], None]) -> tuple[Note, ...]:
    if not isinstance(raw, list):
        add_problem(path, "must be a list of notes")
        return ()
    notes = []
    for index, item in enumerate(raw):
        try:
            replies = tuple(Reply(clean_single_line(str(r.get("author", ""))), _moment(r["at"]), clean_plain(str(r.get("text", ""))))
                            for r in item.get("replies", []))
            resolved = item.get("resolved", False)
            if not isinstance(resolved, bool) or not isinstance(item.get("id"), str) or not item["id"]:
                raise ValueError
            notes.append(Note(item["id"], clean_single_line(str(item.get("author", ""))), _moment(item["at"]),
                              clean_plain(str(item.get("text", ""))), clean_plain(str(item.get("quote", ""))), resolved, replies))
        except (TypeError, KeyError, ValueError, AttributeError):
            add_problem(f"{path}[{index}]", "must be an object with id, author, at (ISO 8601 with a UTC offset), text, "
                                            "resolved (true/false) and replies")
    return tuple(notes)


def notes_to_list(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [
        {"id": note.id, "author": note.author, "at": note.at.isoformat(), "text": note.text, "quote": note.quote,
         "resolved": note.resolved,
         "replies": [{"author": r.author, "at": r.at.isoformat(), "text": r.text} for r in note.replies]}
        for note in notes
    ]
