"""Notes in the window: added beside the form to the block being edited,
kept through moves, edits, undo and redo, outlined in the preview, and
warned about by the checklist while open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from editor.model import ParagraphBlock
from tests.ui.conftest import js, open_article, wait_until_dom


def _marked(qtbot: Any, window: Any, block_id: str) -> Any:
    return js(qtbot, window.preview, f"!!document.querySelector('[data-block=\"{block_id}\"][data-note-open]')")


def test_a_note_follows_its_block_through_moves_edits_undo_and_redo(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    document, panel = window.document, window.notes_panel
    paragraph = next(block for block in document.article.blocks if isinstance(block, ParagraphBlock))
    panel.show()
    panel.set_current_block(paragraph.id)
    panel.text.setText("Kiểm tra lại số liệu")
    panel.add_button.click()
    assert [note.text for note in document.article.block(paragraph.id).notes] == ["Kiểm tra lại số liệu"]
    assert panel.list.topLevelItemCount() == 1 and "Kiểm tra lại số liệu" in panel.list.topLevelItem(0).text(0)
    wait_until_dom(qtbot, window.preview, f"!!document.querySelector('[data-block=\"{paragraph.id}\"][data-note-open]')", True)

    document.move_block(paragraph.id, len(document.article.blocks) - 1)
    document.set_block_field(paragraph.id, "text", "Số liệu đã sửa.")
    assert document.article.blocks[-1].id == paragraph.id and len(document.article.blocks[-1].notes) == 1
    wait_until_dom(qtbot, window.preview, f"!!document.querySelector('[data-block=\"{paragraph.id}\"][data-note-open]')", True)

    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    panel.text.setText("Đã sửa")
    panel.reply_button.click()
    panel.resolve_button.click()
    note = document.article.block(paragraph.id).notes[0]
    assert note.resolved and [reply.text for reply in note.replies] == ["Đã sửa"]
    wait_until_dom(qtbot, window.preview, "document.querySelectorAll('[data-note-open]').length", 0)

    stack = document.undo_stack
    stack.undo()  # reopened
    stack.undo()  # the reply goes
    assert not document.article.block(paragraph.id).notes[0].resolved
    assert document.article.block(paragraph.id).notes[0].replies == ()
    stack.undo()  # the edit: the note stays
    stack.undo()  # the move: the note comes back with its block
    assert len(document.article.block(paragraph.id).notes) == 1
    stack.undo()  # the note itself
    assert document.article.block(paragraph.id).notes == ()
    assert panel.list.topLevelItemCount() == 0
    for _ in range(5):
        stack.redo()
    assert document.article.block(paragraph.id).notes[0].resolved
    assert document.article.blocks[-1].id == paragraph.id


def test_the_checklist_warns_while_a_note_is_open(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    paragraph = next(block for block in window.document.article.blocks if isinstance(block, ParagraphBlock))
    window.document.add_note(paragraph.id, "Nguyễn Lan", "Thêm nguồn")
    qtbot.waitUntil(lambda: any(f.id == "note-open" for f in window.checklist.findings), timeout=15_000)
