"""The formatting actions (issue 18, item 1): links through Ctrl+K and its
dialog, bold and italic, in the body and in every inline field, each one
undo step of its own, driven through the real widgets."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from editor.model import Article, ImageBlock, ParagraphBlock, QuoteBlock
from tests.ui.conftest import type_text
from ui.document.document import Document
from ui.form.link_dialog import offered_address


def select_word(edit: Any, word: str) -> None:
    """Select ``word`` in a text edit, as a double-click would."""
    start = edit.toPlainText().index(word)
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def fill_link_dialog(qtbot: Any, dialog: Any, address: str, text: str | None = None) -> None:
    qtbot.waitUntil(dialog.isVisible)
    dialog.address_edit.setText(address)
    if text is not None:
        dialog.text_edit.setText(text)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.fixture
def composer(qtbot: Any, qapp: Any) -> Any:
    from ui.common.image_cache import ImageCache
    from ui.form.composer import Composer

    document = Document()
    document.load(Article(lead="Thành phố khai trương cổng thông tin", blocks=[
        ParagraphBlock(id="p", text="Xem trang của quận Lê Chân"),
        QuoteBlock(id="q", text="Phục vụ người dân tốt hơn"),
        ImageBlock(id="i", src="a.jpg", caption="Lễ khai trương sáng nay"),
    ]), None)
    widget = Composer(document, ImageCache())
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.blocks.is_complete)
    return widget


def field_edit(composer: Any, where: str) -> Any:
    if where == "lead":
        return composer.fields.lead
    segment = composer.blocks.segment_of(where)
    return {"p": lambda: segment.editor, "q": lambda: segment.text, "i": lambda: segment.caption}[where]()


def field_value(document: Document, where: str) -> str:
    if where == "lead":
        return document.article.lead
    block = document.block(where)
    return block.caption if isinstance(block, ImageBlock) else block.text


@pytest.mark.parametrize(("where", "word"), [("p", "trang"), ("lead", "cổng thông tin"), ("q", "người dân"), ("i", "khai trương")])
def test_a_link_is_made_in_each_field_with_https_offered_and_is_one_undo_step(qtbot: Any, composer: Any, where: str, word: str) -> None:
    document = composer.blocks._document
    edit = field_edit(composer, where)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    select_word(edit, word)
    before, steps = field_value(document, where), document.undo_stack.count()
    composer.formatter.link()
    dialog = composer.formatter.link_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.text_edit.text() == word  # the selected words are the link's text
    dialog.address_edit.setText("haiphong.gov.vn/tin-tuc")
    # Without its scheme the address is refused, with the reason, and https:// is offered.
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.problem.isVisible() and "https://" in dialog.problem.text()
    assert dialog.offer.isVisible() and dialog.offer.text().endswith("https://haiphong.gov.vn/tin-tuc")
    qtbot.mouseClick(dialog.offer, Qt.MouseButton.LeftButton)
    fill_link_dialog(qtbot, dialog, dialog.address_edit.text())
    assert f'<a href="https://haiphong.gov.vn/tin-tuc">{word}</a>' in field_value(document, where)
    assert document.undo_stack.count() == steps + 1
    document.undo_stack.undo()
    assert field_value(document, where) == before


def test_remove_link_takes_the_link_off_the_words_under_the_cursor(qtbot: Any, composer: Any) -> None:
    document = composer.blocks._document
    document.set_block_field("p", "text", 'Xem <a href="https://lechan.haiphong.gov.vn">trang <b>của</b> quận</a> Lê Chân')
    edit = field_edit(composer, "p")
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("của") + 1)  # inside the link, nothing selected
    edit.setTextCursor(cursor)
    steps = document.undo_stack.count()
    composer.formatter.remove_link()
    assert document.block("p").text == "Xem trang <b>của</b> quận Lê Chân"  # the bold word stays bold
    assert document.undo_stack.count() == steps + 1


def test_the_dialog_opens_on_an_existing_link_and_changes_its_address_and_text(qtbot: Any, composer: Any) -> None:
    document = composer.blocks._document
    document.set_field("lead", 'Cổng <a href="http://old.example">cũ</a> đóng cửa')
    edit = composer.fields.lead
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("cũ") + 1)
    edit.setTextCursor(cursor)
    composer.formatter.link()
    dialog = composer.formatter.link_dialog()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.address_edit.text() == "http://old.example"
    assert dialog.text_edit.text() == "cũ" and dialog.remove_button.isVisible()
    fill_link_dialog(qtbot, dialog, "https://new.example/", "mới")
    assert document.article.lead == 'Cổng <a href="https://new.example/">mới</a> đóng cửa'


def test_remove_link_in_the_dialog_and_cancel_change_what_they_say(qtbot: Any, composer: Any) -> None:
    document = composer.blocks._document
    document.set_field("lead", 'Cổng <a href="https://a.example">mới</a>')
    edit = composer.fields.lead
    edit.setFocus()
    select_word(edit, "mới")
    composer.formatter.link()
    dialog = composer.formatter.link_dialog()
    qtbot.waitUntil(dialog.isVisible)
    dialog.address_edit.setText("https://other.example")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert document.article.lead == 'Cổng <a href="https://a.example">mới</a>'
    select_word(edit, "mới")
    composer.formatter.link()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert document.article.lead == "Cổng mới"


def test_bold_is_a_step_of_its_own_between_two_stretches_of_typing(qtbot: Any, composer: Any) -> None:
    document = composer.blocks._document
    edit = field_edit(composer, "p")
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, " mới")
    select_word(edit, "Lê Chân")
    composer.formatter.bold()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, " nhất")
    assert document.block("p").text == "Xem trang của quận <b>Lê Chân</b> mới nhất"
    document.undo_stack.undo()
    assert document.block("p").text == "Xem trang của quận <b>Lê Chân</b> mới"
    document.undo_stack.undo()
    assert document.block("p").text == "Xem trang của quận Lê Chân mới"
    document.undo_stack.undo()
    assert document.block("p").text == "Xem trang của quận Lê Chân"


def test_formatting_with_no_field_chosen_or_nothing_changed_adds_no_step(qtbot: Any, composer: Any) -> None:
    document = composer.blocks._document
    composer.fields.title.setFocus()  # a plain field: nothing to format
    qtbot.waitUntil(composer.fields.title.hasFocus)
    assert composer.formatter.target() is None
    composer.formatter.bold()
    edit = field_edit(composer, "p")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    composer.formatter.remove_link()  # no link there
    assert document.undo_stack.count() == 0


@pytest.mark.parametrize(("typed", "offered"), [
    ("haiphong.gov.vn", "https://haiphong.gov.vn"), ("www.example.com/a?b=1", "https://www.example.com/a?b=1"),
    ("ubnd@haiphong.gov.vn", "mailto:ubnd@haiphong.gov.vn"), ("https://haiphong.gov.vn", None),
    ("javascript:alert(1)", None), ("hai phong", None), ("", None),
])
def test_the_offered_address(typed: str, offered: str | None) -> None:
    assert offered_address(typed) == offered


def test_ctrl_k_in_the_window_opens_the_dialog_and_makes_the_link(qtbot: Any, window: Any) -> None:
    window.document.load(Article(blocks=[ParagraphBlock(id="p", text="Xem trang của quận")]), None)
    qtbot.waitUntil(lambda: window.composer.blocks.segment_of("p") is not None)
    edit = window.composer.blocks.segment_of("p").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    select_word(edit, "trang")
    assert window.actions.link.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.composer.formatter.link_dialog()
    fill_link_dialog(qtbot, dialog, "https://lechan.haiphong.gov.vn")
    assert window.document.block("p").text == 'Xem <a href="https://lechan.haiphong.gov.vn">trang</a> của quận'
    select_word(edit, "quận")
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.document.block("p").text.endswith("của <b>quận</b>")
    assert window.format_menu.actions()[0] is window.actions.bold
    assert window.actions.link.shortcut().toString() == "Ctrl+K"


def bar_button(window: Any, name: str) -> Any:
    from PySide6.QtWidgets import QToolButton

    return window.composer.format_bar.findChild(QToolButton, f"format_{name}")


def test_the_bar_stays_above_the_form_and_formats_the_field_with_the_cursor(qtbot: Any, window: Any) -> None:
    window.document.load(Article(lead="Tin mới", blocks=[ParagraphBlock(id=f"p{n}", text=f"Đoạn {n}") for n in range(40)]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    bar = window.composer.format_bar
    names = ["bold", "italic", "link", "remove_link", "heading", "quote", "bulleted_list", "numbered_list"]
    assert all(bar_button(window, name).isVisible() for name in names)
    edit = window.composer.blocks.segment_of("p0").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    select_word(edit, "Đoạn 39")
    edit.ensureCursorVisible()
    window.composer.ensureWidgetVisible(edit)  # far down the body: the bar is still in sight
    assert bar.isVisible() and bar.geometry().bottom() < window.composer.viewport().geometry().top() + 1
    qtbot.mouseClick(bar_button(window, "italic"), Qt.MouseButton.LeftButton)
    assert window.document.block("p39").text == "<i>Đoạn 39</i>"
    assert edit.hasFocus()  # the cursor stayed in the text
    window.composer.fields.lead.setFocus()
    qtbot.waitUntil(window.composer.fields.lead.hasFocus)
    assert not window.actions.heading.isEnabled()  # the lead is one paragraph: no headings in it
    select_word(window.composer.fields.lead, "mới")
    qtbot.mouseClick(bar_button(window, "bold"), Qt.MouseButton.LeftButton)
    assert window.document.article.lead == "Tin <b>mới</b>"
    window.composer.fields.title.setFocus()
    qtbot.waitUntil(window.composer.fields.title.hasFocus)
    assert not bar_button(window, "bold").isEnabled()  # the title is plain text


def test_heading_and_quote_turn_paragraphs_into_blocks_and_back_each_in_one_step(qtbot: Any, window: Any) -> None:
    window.document.load(Article(blocks=[ParagraphBlock(id="a", text="Mở đầu"), ParagraphBlock(id="b", text="Kết quả <b>nổi bật</b>"),
                                         ParagraphBlock(id="c", text="Lời kết")]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    edit = window.composer.blocks.segment_of("b").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    select_word(edit, "nổi")
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(bar_button(window, "heading"), Qt.MouseButton.LeftButton)
    blocks = window.document.article.blocks
    assert [b.type for b in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[1].text == "Kết quả nổi bật" and blocks[1].id == "b"
    assert window.document.undo_stack.count() == steps + 1
    # The cursor is in the heading now: Heading again makes it a paragraph.
    qtbot.waitUntil(lambda: window.composer.blocks.segment_of("b").text.hasFocus())
    window.actions.heading.trigger()
    assert [b.type for b in window.document.article.blocks] == ["paragraph"] * 3
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert window.document.block("b").text == "Kết quả <b>nổi bật</b>"
    # Two paragraphs selected become one quotation, line by line.
    qtbot.waitUntil(window.composer.blocks.is_complete)
    edit = window.composer.blocks.segment_of("a").editor
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    cursor = edit.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(edit.toPlainText().index("nổi"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.mouseClick(bar_button(window, "quote"), Qt.MouseButton.LeftButton)
    blocks = window.document.article.blocks
    assert [b.type for b in blocks] == ["quote", "paragraph"]
    assert blocks[0].text == "Mở đầu<br>Kết quả <b>nổi bật</b>"
    window.document.undo_stack.undo()
    assert [b.text for b in window.document.article.blocks] == ["Mở đầu", "Kết quả <b>nổi bật</b>", "Lời kết"]


def test_the_list_buttons_make_the_selected_paragraphs_one_list_switch_its_kind_and_undo_in_one_step(qtbot: Any, window: Any) -> None:
    from editor.model import ListBlock

    window.document.load(Article(blocks=[ParagraphBlock(id="a", text="Quyết định:"), ParagraphBlock(id="b", text="Điều một"),
                                         ParagraphBlock(id="c", text="Điều <i>hai</i>")]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    edit = window.composer.blocks.segment_of("a").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index("một"))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    steps = window.document.undo_stack.count()
    qtbot.keyClick(edit, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    blocks = window.document.article.blocks
    assert [b.type for b in blocks] == ["paragraph", "list"]
    assert blocks[1] == ListBlock(id="b", items=("Điều một", "Điều <i>hai</i>"))
    assert window.document.undo_stack.count() == steps + 1
    qtbot.waitUntil(window.composer.blocks.is_complete)
    segment = window.composer.blocks.segment_of("b")
    assert segment.editor.document().firstBlock().textList() is not None  # shown with bullets
    qtbot.waitUntil(segment.editor.hasFocus)
    qtbot.mouseClick(bar_button(window, "numbered_list"), Qt.MouseButton.LeftButton)
    assert window.document.block("b").ordered and segment.numbered.isChecked()
    segment.start.setValue(3)
    assert window.document.block("b").start == 3
    window.actions.numbered_list.trigger()  # the same kind again: paragraphs
    assert [(b.type, b.text) for b in window.document.article.blocks] == [
        ("paragraph", "Quyết định:"), ("paragraph", "Điều một"), ("paragraph", "Điều <i>hai</i>")]
    for _ in range(4):
        window.document.undo_stack.undo()
    assert [b.id for b in window.document.article.blocks] == ["a", "b", "c"]
    assert all(b.type == "paragraph" for b in window.document.article.blocks)


def test_typing_in_a_list_makes_items_and_undoes_by_words(qtbot: Any, window: Any) -> None:
    from editor.model import ListBlock

    window.document.load(Article(blocks=[ListBlock(id="l", items=("Một",), ordered=True)]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    segment = window.composer.blocks.segment_of("l")
    assert segment.numbered.isChecked() and segment.start.isVisible()
    edit = segment.editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "Hai")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "Ba")
    assert window.document.block("l").items == ("Một", "Hai", "Ba")
    assert all(edit.document().findBlockByNumber(n).textList() is not None for n in range(3))
    window.document.undo_stack.undo()  # typed without a pause: one step
    assert window.document.block("l").items == ("Một",)
    assert edit.toPlainText() == "Một"


def test_enter_on_an_empty_last_item_ends_the_list_with_a_paragraph_to_type_in(qtbot: Any, window: Any) -> None:
    from editor.model import ListBlock

    window.document.load(Article(blocks=[ListBlock(id="l", items=("Một", "Hai"))]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    edit = window.composer.blocks.segment_of("l").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # a third, empty item
    assert window.document.block("l").items == ("Một", "Hai", "")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # again: the list ends
    blocks = window.document.article.blocks
    assert [b.type for b in blocks] == ["list", "paragraph"] and blocks[0].items == ("Một", "Hai")
    qtbot.waitUntil(window.composer.blocks.is_complete)
    paragraph = window.composer.blocks.segment_of(blocks[1].id).editor
    qtbot.waitUntil(paragraph.hasFocus)
    type_text(paragraph, "Kết")
    assert window.document.article.blocks[1].text == "Kết"


def test_a_list_item_after_a_bold_ending_has_a_plain_number(qtbot: Any, composer: Any) -> None:
    from PySide6.QtGui import QFont

    from editor.model import ListBlock

    document = composer.blocks._document
    document.replace_blocks(0, 0, [ListBlock(id="l", items=("Điều 3: có <b>hiệu lực</b>", "Điều 4"), ordered=True, start=3)], "Insert")
    qtbot.waitUntil(composer.blocks.is_complete)
    shown = composer.blocks.segment_of("l").editor.document()
    assert shown.firstBlock().textList().itemText(shown.firstBlock()) == "3."
    assert shown.findBlockByNumber(1).charFormat().fontWeight() < QFont.Weight.Bold  # Qt draws "4." in this format


def test_a_paragraph_made_a_numbered_list_and_typed_in_shows_as_ol_in_the_preview(qtbot: Any, window: Any) -> None:
    from tests.ui.conftest import wait_until_dom

    window.document.load(Article(blocks=[ParagraphBlock(id="p", text="Điều một")]), None)
    qtbot.waitUntil(window.composer.blocks.is_complete)
    wait_until_dom(qtbot, window.preview, "document.querySelector('[data-block=\"p\"]').tagName", "P")
    edit = window.composer.blocks.segment_of("p").editor
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    window.actions.numbered_list.trigger()
    qtbot.waitUntil(window.composer.blocks.is_complete)
    segment = window.composer.blocks.segment_of("p")
    segment.start.setValue(5)
    segment.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "hai")
    script = "(function (l) { return l.tagName + ' ' + l.getAttribute('start') + ' ' + Array.from(l.children).map(li => li.textContent).join('|'); })" \
             "(document.querySelector('[data-block=\"p\"]'))"
    wait_until_dom(qtbot, window.preview, script, "OL 5 Điều một|hai")


def test_the_keyboard_shortcuts_list_the_format_menu_once_each(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QAction

    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    actions = [value for value in vars(window.actions).values() if isinstance(value, QAction)]
    dialog = ShortcutsDialog(actions, window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    for keys, meaning in [("Ctrl+B", "Bold"), ("Ctrl+I", "Italic"), ("Ctrl+K", "Link"), ("Ctrl+Shift+K", "Remove link"),
                          ("Ctrl+Alt+2", "Heading"), ("Ctrl+Shift+Q", "Quote"), ("Ctrl+Shift+8", "Bulleted list"),
                          ("Ctrl+Shift+7", "Numbered list")]:
        assert [row for row in rows if row[0] == keys] == [(keys, meaning)]


def test_pasting_lists_and_typing_in_one_takes_no_reference_from_none(qtbot: Any, composer: Any) -> None:
    """``QTextBlock.textList()`` of a paragraph in no list returns a borrowed
    None under PySide6 6.12.0: asked per pasted paragraph and per key in a
    list, it would free None in the end (docs/pyside6-borrowed-singletons.md)."""
    import gc
    import sys

    from PySide6.QtCore import QMimeData

    from editor.model import ListBlock
    from ui.form.text_edits import pasted_paragraphs

    mime = QMimeData()
    mime.setHtml("<p>Mở đầu</p><p>Hai</p><ul><li>Một</li><li>Hai</li></ul><p>Kết</p>")
    composer.blocks._document.replace_blocks(0, 0, [ListBlock(id="l", items=("Một", "Hai"))], "Insert")
    qtbot.waitUntil(composer.blocks.is_complete)
    edit = composer.blocks.segment_of("l").editor
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    pasted_paragraphs(mime)
    type_text(edit, "a")
    # Garbage left by earlier tests, freed by a collection inside the loop,
    # would give None back references it never borrowed: collect it first.
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(200):
        pasted_paragraphs(mime)
    type_text(edit, "b" * 50)
    assert sys.getrefcount(None) - before > -50  # a borrowed None per paragraph would be -600 and more
