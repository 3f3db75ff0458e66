"""Undo commands. Each stores what it needs to go both ways and makes one
call on the article's model (``ArticleModel``), which emits what changed.
They know the model, not the ``Document`` that pushes them: the document
imports this module, never the other way round (a contract in
``pyproject.toml`` keeps it so)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from editor.model import Block
from editor.typing_steps import TypingRun
from ui.document.article_model import ArticleModel

# Typing in one field merges into one undo step (until a pause, a new word
# past 20 characters or a move of the cursor: editor/typing_steps.py); each
# field gets its own id.
_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    return _MERGE_IDS.setdefault(key, 1000 + len(_MERGE_IDS))


class SetFieldCommand(QUndoCommand):
    """Change one article field (title, lead, author, related, …)."""

    def __init__(self, model: ArticleModel, name: str, value: Any, label: str, merge_key: str | None, *, now: float) -> None:
        super().__init__(label)
        self._model = model
        self._name = name
        self._old = copy.deepcopy(getattr(model.article, name))
        self._new = value
        # Consecutive changes with the same key are one step (typing in one
        # field); None never merges (adding a row, choosing a language).
        self._merge_key = merge_key
        # When it was made, by the document's clock: a pause ends a step of typing.
        self._now = now
        self._typing = TypingRun.start(self._old, value, self._now) if isinstance(value, str) and isinstance(self._old, str) else None

    def id(self) -> int:
        return _merge_id(f"field:{self._name}")

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetFieldCommand) or self._merge_key is None or other._merge_key != self._merge_key:
            return False
        if self._typing is not None and not self._typing.takes(other._old, other._new, other._now):
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._model.set_field(self._name, copy.deepcopy(self._new))

    def undo(self) -> None:
        self._model.set_field(self._name, copy.deepcopy(self._old))


def _typed(value: Any) -> str | None:
    """A text being typed in: a string, or a list's items as lines (typing
    in one item, or Enter for the next, is typing in the list)."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return "\n".join(value)
    return None


class SetBlockFieldCommand(QUndoCommand):
    """Change one field of one block (a paragraph's text, a caption, a list's items, …)."""

    def __init__(self, model: ArticleModel, block_id: str, name: str, value: Any, label: str, *, now: float) -> None:
        super().__init__(label)
        self._model = model
        self._block_id = block_id
        self._name = name
        self._old = getattr(model.block(block_id), name)
        self._new = value
        self._now = now
        old, new = _typed(self._old), _typed(value)
        self._typing = TypingRun.start(old, new, self._now) if old is not None and new is not None else None

    def id(self) -> int:
        return _merge_id("block-field")

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetBlockFieldCommand):
            return False
        if (other._block_id, other._name) != (self._block_id, self._name) or self._typing is None:
            return False
        old, new = _typed(other._old), _typed(other._new)
        if old is None or new is None or not self._typing.takes(old, new, other._now):
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._model.set_block_field(self._block_id, self._name, self._new)

    def undo(self) -> None:
        self._model.set_block_field(self._block_id, self._name, self._old)


class ReplaceBlocksCommand(QUndoCommand):
    """Replace the blocks ``start:end`` with others: insert, remove, move,
    split a text run on Enter, join two paragraphs on Backspace."""

    def __init__(self, model: ArticleModel, start: int, end: int, blocks: list[Block], label: str) -> None:
        super().__init__(label)
        self._model = model
        self._start = start
        self._old = list(model.article.blocks[start:end])
        self._new = list(blocks)

    def redo(self) -> None:
        self._model.replace_blocks(self._start, len(self._old), self._new)

    def undo(self) -> None:
        self._model.replace_blocks(self._start, len(self._new), self._old)


class MoveBlockCommand(QUndoCommand):
    def __init__(self, model: ArticleModel, block_id: str, to_index: int, label: str) -> None:
        super().__init__(label)
        self._model = model
        self._block_id = block_id
        self._from = [b.id for b in model.article.blocks].index(block_id)
        self._to = to_index

    def redo(self) -> None:
        self._model.move_block(self._from, self._to)

    def undo(self) -> None:
        self._model.move_block(self._to, self._from)
