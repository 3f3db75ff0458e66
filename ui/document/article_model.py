"""The open article as something that can be watched: the ``Article`` and
the signals that say what changed in it.

The undo commands (``commands.py``) are the only code that changes it: the
``Document`` pushes them from its intent methods, and everything else reads
the article and listens to the ``Document``, which passes these signals on.
Keeping the changes here, below both, lets a command act on the model
without knowing the document that pushed it (no import cycle, no private
calls back).

Blocks are copy-on-write: a change to a block puts a changed copy in its
place and never touches the block object itself, so undo commands and
snapshots can hold block objects without copying them.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.model import Article, Block


class ArticleModel(QObject):
    field_changed = Signal(str)  # an article field: "title", "lead", "related"…
    block_changed = Signal(str)  # one block's content changed; its id
    blocks_replaced = Signal(int, int, int)  # start, how many removed, how many added
    block_moved = Signal(int, int)  # from index, to index

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.article = Article()
        # Block id -> index in article.blocks; checked on every use and
        # rebuilt when stale, so it is never wrong, only sometimes slow.
        self._block_index: dict[str, int] = {}

    def index_of(self, block_id: str) -> int:
        """Where the block is, without scanning a 1,000-block article on
        every keystroke (``Article.block`` does)."""
        blocks = self.article.blocks
        index = self._block_index.get(block_id)
        if index is None or index >= len(blocks) or blocks[index].id != block_id:
            index_map: dict[str, int] = {}
            self._block_index = index_map
            for position, block in enumerate(blocks):
                index_map.setdefault(block.id, position)  # the first, as Article.block finds
            index = index_map[block_id]  # KeyError for a block that is not there
        return index

    def block(self, block_id: str) -> Block:
        """The block with this id (``KeyError`` if none), found in O(1)."""
        return self.article.blocks[self.index_of(block_id)]

    # --- the changes the undo commands make ------------------------------
    def set_field(self, name: str, value: Any) -> None:
        setattr(self.article, name, value)
        self.field_changed.emit(name)

    def set_block_field(self, block_id: str, name: str, value: Any) -> None:
        # Copy on write: snapshots and undo commands holding the old block
        # keep seeing it as it was.
        index = self.index_of(block_id)
        changed = copy.copy(self.article.blocks[index])
        changed.extra = dict(changed.extra)
        setattr(changed, name, value)
        self.article.blocks[index] = changed
        self.block_changed.emit(block_id)

    def replace_blocks(self, start: int, remove: int, blocks: list[Block]) -> None:
        self.article.blocks[start : start + remove] = blocks
        self.blocks_replaced.emit(start, remove, len(blocks))

    def move_block(self, from_index: int, to_index: int) -> None:
        block = self.article.blocks.pop(from_index)
        self.article.blocks.insert(to_index, block)
        self.block_moved.emit(from_index, to_index)
