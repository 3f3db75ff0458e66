"""The open article, as the window sees it.

``Document`` owns the model and the ``QUndoStack``. Widgets never change the
model directly: they call intent methods (``set_field``, ``set_block_field``,
``insert_block``…), which push undo commands; the commands change the
``ArticleModel`` (``article_model.py``), which emits what happened, and the
document passes those signals on.

Blocks are copy-on-write: a change to a block puts a changed copy in its
place and never touches the block object itself. Undo commands, snapshots
and the form can so hold block objects without copying them, and a
snapshot for a worker (``snapshot``) costs a list of references, not a deep
copy of 36,000 words on the UI thread.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor import spelling
from editor.fields import block_value_with
from editor.find_replace import Change
from editor.model import Article, Block, ImageBlock, SiteProfile
from editor.notes import Note
from ui.document.article_model import ArticleModel
from ui.document.commands import MoveBlockCommand, ReplaceBlocksCommand, SetBlockFieldCommand, SetFieldCommand

# A title longer than this is cut with "…" where it names the article (the title bar, a question).
DISPLAY_NAME_CHARACTERS = 60


class Document(QObject):
    field_changed = Signal(str)  # an article field: "title", "lead", "related"…
    block_changed = Signal(str)  # one block's content changed; its id
    blocks_replaced = Signal(int, int, int)  # start, how many removed, how many added
    block_moved = Signal(int, int)  # from index, to index
    reset = Signal()  # a whole new article (new, open, revert)
    path_changed = Signal()
    site_changed = Signal()
    spelling_changed = Signal()  # what the spell check leaves alone or how it suggests changed
    dictionary_word_added = Signal()  # saved_site has a new word: the window writes the profile

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The article and its change signals; the undo commands change it, the document passes the signals on.
        self.model = ArticleModel(self)
        self.model.field_changed.connect(self.field_changed)
        self.model.block_changed.connect(self.block_changed)
        self.model.blocks_replaced.connect(self.blocks_replaced)
        self.model.block_moved.connect(self.block_moved)
        self.path: Path | None = None
        self.saved_site = SiteProfile()
        self.undo_stack = QUndoStack(self)
        # The clock that ends a step of typing after a pause (editor/typing_steps.py);
        # tests give it one of their own.
        self.clock: Callable[[], float] = time.monotonic
        self._spelling: spelling.Options | None = None  # made when first asked, dropped when stale
        self.site_changed.connect(self._on_spelling_input_changed)
        self.reset.connect(self._on_spelling_input_changed)
        self.field_changed.connect(lambda name: self._on_spelling_input_changed() if name in ("spelling_ignored", "site") else None)
        # Inside ``one_step``: its label, and whether its macro was begun.
        self._step_label: str | None = None
        self._step_begun = False

    # --- state -----------------------------------------------------------
    @property
    def article(self) -> Article:
        return self.model.article

    @article.setter
    def article(self, article: Article) -> None:
        self.model.article = article

    def load(self, article: Article, path: Path | None) -> None:
        """Show another article; its history starts empty and unmodified."""
        self.article = article
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.path = path
        self.reset.emit()
        self.path_changed.emit()

    def display_name(self, untitled: str) -> str:
        """What the title bar and the questions call the article: its
        file's name; before it has one (an article.json opened, a Word
        document imported), its title, cut short; ``untitled`` without one."""
        if self.path is not None:
            return self.path.name
        title = " ".join(self.article.title.split())
        if not title:
            return untitled
        return title if len(title) <= DISPLAY_NAME_CHARACTERS else title[:DISPLAY_NAME_CHARACTERS - 1].rstrip() + "…"

    def set_path(self, path: Path) -> None:
        self.path = path
        self.path_changed.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def site(self) -> SiteProfile:
        """The profile the page is shown with: the saved one, then the article's own."""
        return self.saved_site.overridden_by(self.article.site)

    def set_saved_site(self, site: SiteProfile) -> None:
        self.saved_site = site
        self.site_changed.emit()

    def spelling_options(self, suggest: bool = False) -> spelling.Options:
        """How the spell check reads this article: the site's tone-mark style
        and dictionary, the article's ignored words."""
        if self._spelling is None:
            site = self.site()
            self._spelling = spelling.Options(style=site.tone_marks, suggest=False,
                                              known=spelling.known_words(site.dictionary, self.article.spelling_ignored))
        return dataclasses.replace(self._spelling, suggest=True) if suggest else self._spelling

    def _on_spelling_input_changed(self) -> None:
        self._spelling = None
        self.spelling_changed.emit()

    def index_of(self, block_id: str) -> int:
        """Where the block is, found in O(1) (``ArticleModel.index_of``)."""
        return self.model.index_of(block_id)

    def block(self, block_id: str) -> Block:
        """The block with this id (``KeyError`` if none), found in O(1)."""
        return self.model.block(block_id)

    def snapshot(self, own_photos: bool = False) -> Article:
        """A copy of the article that a worker can read while the user goes
        on typing. Blocks are shared, not copied: they are never changed in
        place (see ``ArticleModel.set_block_field``); the article's own containers
        are copied, one level deep, because the window does change those.
        With ``own_photos`` the photo blocks are copied too, for a worker
        that repoints them (a save stores their bytes in the draft)."""
        article = self.article
        copied = copy.copy(article)  # no __init__: nothing is cleaned again
        blocks = [copy.copy(block) if own_photos and isinstance(block, ImageBlock) else block for block in article.blocks]
        copied.__dict__.update(
            blocks=blocks,
            related=list(article.related),
            tags=list(article.tags),
            extra=dict(article.extra),
            kept_files=dict(article.kept_files),
            load_notes=list(article.load_notes),
            site=copy.copy(article.site),
        )
        return copied

    # --- intents (each one undoable step) --------------------------------
    @contextlib.contextmanager
    def one_step(self, label: str) -> Iterator[None]:
        """Whatever changes the model inside is one undo step of its own,
        named ``label``: a formatting action (bold, a link, a list) never
        merges with the typing before it or after it, and a link spanning
        two paragraphs is still one step. Nothing changed, no step."""
        if self._step_label is not None:  # nested: the outer step holds it
            yield
            return
        self._step_label, self._step_begun = label, False
        try:
            yield
        finally:
            if self._step_begun:
                self.undo_stack.endMacro()
            self._step_label, self._step_begun = None, False

    def _push(self, command: QUndoCommand) -> None:
        if self._step_label is not None and not self._step_begun:
            # Begun at the first change only: an empty macro would be an empty undo step.
            self.undo_stack.beginMacro(self._step_label)
            self._step_begun = True
        self.undo_stack.push(command)

    def set_field(self, name: str, value: Any, label: str | None = None, merge_key: str | None = None) -> None:
        """Change one article field. Text merges with the previous keystroke
        in the same field; other values merge only with the same ``merge_key``."""
        if getattr(self.article, name) == value:
            return
        if merge_key is None and isinstance(value, str):
            merge_key = name
        self._push(SetFieldCommand(self.model, name, value, label or self.tr("Edit"), merge_key, now=self.clock()))

    def set_block_field(self, block_id: str, name: str, value: Any, label: str | None = None) -> None:
        if getattr(self.block(block_id), name) == value:
            return
        self._push(SetBlockFieldCommand(self.model, block_id, name, value, label or self.tr("Edit"), now=self.clock()))

    def set_block_fields(self, block_id: str, values: dict[str, Any], label: str) -> None:
        """Change several fields of one block as one undo step (a photo's crop and focus point)."""
        block = self.block(block_id)
        changed = {name: value for name, value in values.items() if getattr(block, name) != value}
        if not changed:
            return
        self.undo_stack.beginMacro(label)
        for name, value in changed.items():
            self.undo_stack.push(SetBlockFieldCommand(self.model, block_id, name, value, label, now=self.clock()))
        self.undo_stack.endMacro()

    def replace_blocks(self, start: int, end: int, blocks: list[Block], label: str) -> None:
        self._push(ReplaceBlocksCommand(self.model, start, end, blocks, label))

    def move_block(self, block_id: str, to_index: int) -> None:
        to_index = max(0, min(to_index, len(self.article.blocks) - 1))
        if self.index_of(block_id) != to_index:
            self.undo_stack.push(MoveBlockCommand(self.model, block_id, to_index, self.tr("Move block")))

    def set_cover(self, block_id: str | None) -> None:
        """Make one photo the cover (or none), as one undo step. The cover
        also becomes the first photo of the article, as the portal shows it."""
        label = self.tr("Set cover photo")
        self.undo_stack.beginMacro(label)
        for block in self.article.images():
            wanted = block.id == block_id
            if block.cover != wanted:
                self.undo_stack.push(SetBlockFieldCommand(self.model, block.id, "cover", wanted, label, now=self.clock()))
        images = self.article.images()
        if block_id is not None and images and images[0].id != block_id:
            self.undo_stack.push(MoveBlockCommand(self.model, block_id, self.index_of(images[0].id), label))
        self.undo_stack.endMacro()

    def replace_article(self, article: Article, label: str) -> None:
        """Make the open article equal ``article`` (a revision), as one undo
        step: every field that differs, then all the blocks."""
        self.undo_stack.beginMacro(label)
        for item in dataclasses.fields(Article):
            if item.name in ("blocks", "kept_files", "review"):
                continue  # restoring old text does not undo the office's review
            value = getattr(article, item.name)
            if getattr(self.article, item.name) != value:
                self.undo_stack.push(SetFieldCommand(self.model, item.name, value, label, None, now=self.clock()))
        if self.article.blocks != article.blocks:
            self.undo_stack.push(ReplaceBlocksCommand(self.model, 0, len(self.article.blocks), list(article.blocks), label))
        self.undo_stack.endMacro()

    def change_review(self, state: str, by: str, comment: str = "", *, assignee: str | None = None,
                      due: object = ..., label: str | None = None) -> None:
        """Move the draft to ``state`` (recorded in its history), and set the
        assignee and due date with it, as one undo step."""
        review = self.article.review
        if assignee is not None:
            review = dataclasses.replace(review, assignee=assignee)
        if due is not ...:
            review = dataclasses.replace(review, due=due)
        if state != review.state or comment:
            review = review.changed_to(state, by, comment)
        if review != self.article.review:
            self.undo_stack.push(SetFieldCommand(self.model, "review", review, label or self.tr("Change review state"), None, now=self.clock()))

    def add_note(self, block_id: str, author: str, text: str, quote: str = "") -> str:
        """A new note on a block, as one undo step; returns its id."""
        note = Note.new(author, text, quote)
        block = self.block(block_id)
        self.undo_stack.push(SetBlockFieldCommand(self.model, block_id, "notes", (*block.notes, note), self.tr("Add note"), now=self.clock()))
        return note.id

    def reply_to_note(self, block_id: str, note_id: str, author: str, text: str) -> None:
        self._change_note(block_id, note_id, lambda note: note.replied(author, text), self.tr("Reply to note"))

    def set_note_resolved(self, block_id: str, note_id: str, resolved: bool) -> None:
        label = self.tr("Resolve note") if resolved else self.tr("Reopen note")
        self._change_note(block_id, note_id, lambda note: note.with_resolved(resolved), label)

    def _change_note(self, block_id: str, note_id: str, change: Any, label: str) -> None:
        notes = self.block(block_id).notes
        changed = tuple(change(note) if note.id == note_id else note for note in notes)
        if changed != notes:
            self.undo_stack.push(SetBlockFieldCommand(self.model, block_id, "notes", changed, label, now=self.clock()))

    def add_to_dictionary(self, word: str) -> None:
        """Add ``word`` to the office's site profile (not to the article: not undoable)."""
        if word in self.saved_site.dictionary:
            return
        site = dataclasses.replace(self.saved_site)
        site.dictionary = [*site.dictionary, word]
        self.set_saved_site(site)
        self.dictionary_word_added.emit()

    def ignore_word(self, word: str) -> None:
        """Leave ``word`` alone in this article's spell check (kept in the file), as one undo step."""
        if word not in self.article.spelling_ignored:
            self.set_field("spelling_ignored", [*self.article.spelling_ignored, word], self.tr("Ignore word"), merge_key=None)

    def apply_text_changes(self, changes: list[Change], label: str) -> None:
        """Several field changes (a Replace all) as one undo step."""
        if not changes:
            return
        self.undo_stack.beginMacro(label)
        for change in changes:
            block_id, name = change.location.block_id, change.location.field
            if block_id is None:
                self.undo_stack.push(SetFieldCommand(self.model, name, change.value, label, None, now=self.clock()))
            else:
                # A list's item ("items[2]") is set as the whole list with that item changed.
                name, value = block_value_with(self.block(block_id), name, change.value)
                self.undo_stack.push(SetBlockFieldCommand(self.model, block_id, name, value, label, now=self.clock()))
        self.undo_stack.endMacro()
