"""New blocks go where the writer expects (issue 18, item 4): after the
block whose text has the cursor, else at the end; the buttons at the foot
of the body always add at the end; a drag shows where the drop will land."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragMoveEvent
from PySide6.QtWidgets import QApplication

from editor.model import Article, HeadingBlock, ParagraphBlock
from ui.document.document import Document


@pytest.fixture
def document(qapp: Any) -> Document:
    doc = Document()
    doc.load(Article(title="Hội nghị", published=datetime(2023, 11, 1, 9, 20, tzinfo=UTC), blocks=[
        ParagraphBlock(id="p1", text="Đoạn một."), ParagraphBlock(id="p2", text="Đoạn hai."),
        HeadingBlock(id="h1", text="Kết quả"), ParagraphBlock(id="p3", text="Đoạn ba."),
    ]), None)
    return doc


@pytest.fixture
def composer(qtbot: Any, document: Document) -> Any:
    from ui.common.image_cache import ImageCache
    from ui.form.composer import Composer

    widget = Composer(document, ImageCache())
    widget.resize(700, 900)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def kinds(document: Document) -> list[str]:
    return [f"{block.type}:{getattr(block, 'text', '')}" for block in document.article.blocks]


def put_cursor_in(qtbot: Any, composer: Any, block_id: str) -> None:
    composer.blocks.focus_block(block_id)
    qtbot.waitUntil(lambda: composer.blocks.current_block_id() == block_id)


def test_a_heading_goes_after_the_paragraph_with_the_cursor(qtbot: Any, composer: Any, document: Document) -> None:
    put_cursor_in(qtbot, composer, "p1")
    composer.add_buttons["heading"].click()
    assert kinds(document) == ["paragraph:Đoạn một.", "heading:", "paragraph:Đoạn hai.", "heading:Kết quả", "paragraph:Đoạn ba."]


def test_once_the_cursor_is_in_another_field_new_blocks_go_to_the_end(qtbot: Any, composer: Any, document: Document) -> None:
    put_cursor_in(qtbot, composer, "p1")
    composer.fields.title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is composer.fields.title)
    composer.add_buttons["paragraph"].click()
    assert document.article.blocks[-1].type == "paragraph" and document.article.blocks[-1].text == ""
    assert [block.id for block in document.article.blocks[:4]] == ["p1", "p2", "h1", "p3"]


def test_the_buttons_at_the_foot_of_the_body_add_at_the_end(qtbot: Any, composer: Any, document: Document) -> None:
    put_cursor_in(qtbot, composer, "p1")
    composer.end_buttons["paragraph"].click()
    assert [block.id for block in document.article.blocks[:4]] == ["p1", "p2", "h1", "p3"] and len(document.article.blocks) == 5
    asked: list[bool] = []
    composer.insert_image_requested.connect(asked.append)
    composer.end_buttons["photo"].click()
    composer.add_buttons["photo"].click()
    assert asked == [True, False]  # at the end, then at the cursor
    # The foot's buttons sit below the last block.
    last = composer.blocks.segments()[-1]
    foot = composer.end_buttons["paragraph"].mapTo(composer.widget(), QPoint(0, 0)).y()
    assert foot > last.mapTo(composer.widget(), QPoint(0, last.height())).y()


def test_dragging_a_photo_shows_where_it_will_land(qtbot: Any, composer: Any, document: Document) -> None:
    blocks = composer.blocks
    heading = blocks.segment_of("h1")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/anh.jpg")])
    point = QPoint(20, heading.geometry().top() + 2)  # the upper half of the heading: before it
    move = QDragMoveEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers drag events only during a real drag, which needs a mouse
    # held down: the handler is called as Qt would call it.
    blocks.dragMoveEvent(move)
    assert blocks.drop_line.isVisible()
    line = blocks.drop_line.geometry()
    text = blocks.segment_of("p1")
    assert text.geometry().bottom() <= line.center().y() <= heading.geometry().top()
    blocks.dragLeaveEvent(None)
    assert not blocks.drop_line.isVisible()
