"""Undo by words (issue 18, item 2), through the real form widgets with the
app's clock: a pause of a second, a new word past 20 characters, a move of
the cursor or another field ends a step, and undo puts the cursor back
where the undone typing was."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.model import Article, ParagraphBlock
from tests.ui.conftest import type_text
from ui.document.document import Document


class Clock:
    """The app's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def document(qapp: Any, clock: Clock) -> Document:
    doc = Document()
    doc.clock = clock
    doc.load(Article(title="", published=datetime(2023, 11, 1, 9, 20, tzinfo=UTC), blocks=[ParagraphBlock(text="")]), None)
    return doc


def type_slowly(widget: Any, clock: Clock, text: str, gap: float = 0.15) -> None:
    """Type ``text`` key by key, ``gap`` seconds of the app's clock apart."""
    for character in text:
        clock.now += gap
        type_text(widget, character)


def test_three_sentences_typed_with_pauses_undo_one_by_one(qtbot: Any, document: Document, clock: Clock) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.show()
    form.lead.setFocus()
    sentences = ["Chiều 01/11 họp. ", "Ban Chỉ đạo họp. ", "Kết quả tốt."]
    for sentence in sentences:
        type_slowly(form.lead, clock, sentence)
        clock.now += 2.0  # the writer pauses to think
    assert document.article.lead == "".join(sentences)

    document.undo_stack.undo()  # the last sentence only (the lead keeps no trailing space)
    assert document.article.lead == form.lead.toPlainText() == "".join(sentences[:2]).rstrip()
    assert form.lead.textCursor().position() == len(form.lead.toPlainText())  # where the undone sentence was
    document.undo_stack.undo()
    assert document.article.lead.strip() == sentences[0].strip()


def test_a_long_stretch_without_pause_undoes_a_few_words_at_a_time(qtbot: Any, document: Document, clock: Clock) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.show()
    form.title.setFocus()
    title = "Quận ủy Lê Chân họp bàn công tác tuyên truyền"
    type_slowly(form.title, clock, title, gap=0.1)
    assert document.article.title == title
    # A step ends at the first new word after 20 characters: "Quận ủy Lê Chân họp "
    # is one, the 25 characters after it the next (its 20th falls inside "truyền").
    document.undo_stack.undo()
    assert document.article.title == "Quận ủy Lê Chân họp "
    document.undo_stack.undo()
    assert document.article.title == ""
    assert not document.undo_stack.canUndo()


def test_moving_the_cursor_starts_a_new_step_and_undo_returns_there(qtbot: Any, document: Document, clock: Clock) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.show()
    form.title.setFocus()
    type_slowly(form.title, clock, "Hội nghị")
    qtbot.keyClick(form.title, Qt.Key.Key_Home)
    type_slowly(form.title, clock, "Tin: ")
    assert document.article.title == "Tin: Hội nghị"
    qtbot.keyClick(form.title, Qt.Key.Key_End)
    document.undo_stack.undo()
    assert document.article.title == "Hội nghị"
    assert form.title.cursorPosition() == 0  # back where "Tin: " was typed


def test_in_the_body_undo_puts_the_cursor_back_in_its_paragraph(qtbot: Any, document: Document, clock: Clock) -> None:
    from ui.common.image_cache import ImageCache
    from ui.form.blocks_editor import BlocksEditor

    editor = BlocksEditor(document, ImageCache())
    qtbot.addWidget(editor)
    editor.show()
    segment = editor.segments()[0]
    segment.editor.setFocus()
    type_slowly(segment.editor, clock, "Đoạn một. ")
    clock.now += 3.0
    type_slowly(segment.editor, clock, "Thêm câu.")
    segment.editor.moveCursor(segment.editor.textCursor().MoveOperation.Start)
    document.undo_stack.undo()
    assert document.article.blocks[0].text == segment.editor.toPlainText() == "Đoạn một."  # no trailing space kept
    assert segment.editor.textCursor().position() == len("Đoạn một.")  # not left at the start
