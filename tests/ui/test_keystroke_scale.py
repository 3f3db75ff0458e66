"""A keystroke costs the same in a 1,000-block article as in a short one:
only the paragraph typed in is read back from its editor, the blocks not
edited stay the very same objects, and the snapshots autosave and the
checklist hand to their workers share those blocks instead of deep-copying
36,000 words on the UI thread (issue 20, item 2)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.model import Article, ImageBlock, ParagraphBlock
from tests.ui.conftest import press, type_text

BLOCKS = 1000


def _long_article() -> Article:
    blocks = [ParagraphBlock(id=f"p{index}", text=f"Đoạn {index}: Quận ủy Lê Chân họp bàn công tác tuyên truyền.")
              for index in range(BLOCKS)]
    blocks.insert(BLOCKS // 2, ImageBlock(id="photo", src="missing.jpg", caption="Ảnh", alt="Ảnh"))
    return Article(title="Bài dài", blocks=blocks)


@pytest.fixture
def long_window(qtbot: Any, window: Any) -> Any:
    window.document.load(_long_article(), None)
    qtbot.waitUntil(window.composer.blocks.is_complete, timeout=20_000)
    return window


def _segment_holding(window: Any, block_id: str) -> Any:
    segment = window.composer.blocks.segment_of(block_id)
    assert segment is not None and len(segment.block_ids()) >= BLOCKS // 2  # hundreds of paragraphs in one editor
    return segment


@pytest.fixture
def read_backs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the paragraphs read back from the body's editors."""
    import ui.form.block_widgets as block_widgets

    calls: list[int] = []
    real = block_widgets.block_to_inline

    def counting(block: Any) -> str:
        calls.append(block.blockNumber())
        return real(block)

    monkeypatch.setattr(block_widgets, "block_to_inline", counting)
    return calls


def test_a_keystroke_in_a_1000_block_article_reads_back_only_the_edited_paragraph(
    qtbot: Any, long_window: Any, read_backs: list[int],
) -> None:
    document = long_window.document
    segment = _segment_holding(long_window, "p250")
    before = list(document.article.blocks)
    segment.focus_block("p250", at_end=True)
    read_backs.clear()
    type_text(segment.editor, "ab")
    assert document.block("p250").text.endswith("tuyên truyền.ab")
    assert len(read_backs) == 2 and set(read_backs) == {segment.block_ids().index("p250")}  # one paragraph a key
    after = document.article.blocks
    assert [a is b for a, b in zip(before, after, strict=False)].count(False) == 1  # every other block is the very same object
    assert after[250] is not before[250] and before[250].text.endswith("tuyên truyền.")  # copy-on-write


def test_enter_in_a_1000_block_article_reads_back_and_replaces_only_the_split_paragraph(
    qtbot: Any, long_window: Any, read_backs: list[int],
) -> None:
    document = long_window.document
    segment = _segment_holding(long_window, "p100")
    document.add_note("p100", "Nguyễn Lan", "Kiểm tra số liệu")
    before = list(document.article.blocks)
    replaced: list[tuple[int, int, int]] = []
    document.blocks_replaced.connect(lambda *args: replaced.append(args))
    segment.focus_block("p100", at_end=True)
    read_backs.clear()
    press(qtbot, segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "Mới")
    assert replaced == [(100, 1, 2)]  # the preview patches one block into two, not the whole run
    assert read_backs == [100, 101, 101, 101, 101]  # the two halves, then the new paragraph at each key
    after = document.article.blocks
    assert len(after) == len(before) + 1
    assert after[101].text == "Mới" and after[101].id not in {b.id for b in before}
    assert [note.text for note in after[100].notes] == ["Kiểm tra số liệu"]  # the note stays with the split paragraph
    assert all(a is b for a, b in zip(before[:100], after[:100], strict=False))
    assert all(a is b for a, b in zip(before[101:], after[102:], strict=False))
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.article.blocks == before  # the same ids and texts
    assert [text for _, text in segment.editor.paragraphs()] == [document.block(i).text for i in segment.block_ids()]


def test_the_autosave_and_checklist_snapshots_share_untouched_blocks_and_keep_their_own_text(
    qtbot: Any, long_window: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = long_window.document
    segment = _segment_holding(long_window, "p10")
    segment.focus_block("p10", at_end=True)
    type_text(segment.editor, "x")

    saved: list[Article] = []
    monkeypatch.setattr(long_window.autosaver.workspace, "save", lambda key, article, path, **kw: saved.append(article))
    long_window.autosaver.save_now()
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=10_000)

    import ui.window.checklist as checklist

    checked: list[Article] = []
    monkeypatch.setattr(checklist, "check_article", lambda article, given: checked.append(article) or [])
    qtbot.waitUntil(lambda: not long_window.checklist._running, timeout=20_000)
    long_window.checklist.run_now()
    qtbot.waitUntil(lambda: len(checked) == 1, timeout=20_000)

    live = document.article.blocks
    for snapshot in (saved[0], checked[0]):
        assert snapshot is not document.article and snapshot.blocks is not live
        assert all(a is b for a, b in zip(snapshot.blocks, live, strict=False)) and len(snapshot.blocks) == len(live)  # not copied
    type_text(segment.editor, "y")  # typing goes on while the workers read their snapshots
    assert document.block("p10").text.endswith("xy")
    for snapshot in (saved[0], checked[0]):
        assert snapshot.blocks[10].text.endswith("x")  # a snapshot never sees a later edit
        assert sum(a is not b for a, b in zip(snapshot.blocks, document.article.blocks, strict=False)) == 1


def test_the_word_count_follows_typing_in_a_long_article(qtbot: Any, long_window: Any) -> None:
    from ui.window.status import WordCountLabel

    label = long_window.findChild(WordCountLabel)
    words = BLOCKS * 12 + 2  # twelve words a paragraph, and the title's two
    qtbot.waitUntil(lambda: label.text().startswith(f"{words} word"), timeout=5_000)
    segment = _segment_holding(long_window, "p250")
    segment.focus_block("p250", at_end=True)
    type_text(segment.editor, " thêm hai")
    qtbot.waitUntil(lambda: label.text().startswith(f"{words + 2} word"), timeout=5_000)
    long_window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: label.text().startswith(f"{words} word"), timeout=5_000)


def test_undoing_a_keystroke_in_a_1000_block_article_shows_again_only_that_paragraph(
    qtbot: Any, long_window: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.form.block_widgets as block_widgets

    document = long_window.document
    segment = _segment_holding(long_window, "p250")
    segment.focus_block("p250", at_end=True)
    type_text(segment.editor, "ab")
    shown: list[str] = []
    real = block_widgets.insert_inline
    monkeypatch.setattr(block_widgets, "insert_inline", lambda cursor, text, *args: (shown.append(text), real(cursor, text, *args)))
    document.undo_stack.undo()
    assert document.block("p250").text.endswith("tuyên truyền.")
    assert shown == [document.block("p250").text]  # one paragraph written into the editor, not 500
    texts = [text for _, text in segment.editor.paragraphs()]
    assert texts == [document.block(block_id).text for block_id in segment.block_ids()]
    assert [block_id for block_id, _ in segment.editor.paragraphs()] == list(segment.block_ids())  # ids kept
    document.undo_stack.redo()
    assert segment.editor.paragraphs()[segment.block_ids().index("p250")][1].endswith("tuyên truyền.ab")


def test_opening_a_long_article_shows_each_segment_a_few_times_not_once_per_pass_and_misses_no_change(
        qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The column of a long article is built one segment per pass of the
    event loop. A later pass does not show the segments already built once
    more (each pass compared every paragraph built so far), and a change
    made to a built block between passes is on screen all the same."""
    from ui.form.block_widgets import TextSegment

    photos = 40
    blocks: list[Any] = []
    for index in range(photos):
        blocks.append(ParagraphBlock(id=f"p{index}", text=f"Đoạn {index}."))
        blocks.append(ImageBlock(id=f"i{index}", src="missing.jpg", caption="Ảnh", alt="Ảnh"))
    shown: dict[tuple[str, ...], int] = {}
    real = TextSegment.show_model

    def counted(segment: Any) -> None:
        shown[segment.block_ids()] = shown.get(segment.block_ids(), 0) + 1
        real(segment)

    monkeypatch.setattr(TextSegment, "show_model", counted)
    columns = window.composer.blocks
    window.document.load(Article(title="Nhiều ảnh", blocks=blocks), None)
    qtbot.waitUntil(lambda: columns.segment_of("p1") is not None, timeout=20_000)
    assert not columns.is_complete()  # still being built, a segment per pass
    window.document.set_block_field("p0", "text", "Đoạn đầu, sửa khi bài đang mở.")
    qtbot.waitUntil(columns.is_complete, timeout=30_000)
    assert len(columns.segments()) == 2 * photos
    assert columns.segment_of("p0").editor.toPlainText() == "Đoạn đầu, sửa khi bài đang mở."
    assert max(shown.values()) <= 3, shown  # at its making, at the load's full pass, at the change
