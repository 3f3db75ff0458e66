"""The spell check in the form (ui/form/spell_check.py): misspellings get a
red wavy underline as they are typed, the right-click menu fixes them as
one undo step, and the words to leave alone go where they are kept."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from editor import spelling
from editor.model import Article, ParagraphBlock, SiteProfile
from ui.document.document import Document

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True)
def tables() -> None:
    spelling.prepare()  # as the window's background start does; then underlining is immediate


@pytest.fixture
def document(qapp: Any) -> Document:
    doc = Document()
    paragraphs = [ParagraphBlock(id=f"p{i}", text=f"Đồng chí Phạm Văn Tân chủ trì cuộc họp số {i}.") for i in range(30)]
    doc.load(Article(title="Họp", blocks=paragraphs), None)
    return doc


def segment_on(qtbot: Any, document: Document) -> Any:
    from ui.form.block_widgets import TextSegment

    segment = TextSegment(document, tuple(block.id for block in document.article.blocks))
    qtbot.addWidget(segment)
    segment.show()
    qtbot.waitUntil(lambda: segment.editor.spelling._highlighter.pending() == 0)  # as the window's events would
    return segment


def underlined(edit: Any, paragraph: int) -> list[str]:
    """The words of one paragraph that are shown with the wavy underline."""
    block = edit.document().findBlockByNumber(paragraph)
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats() if r.format.underlineStyle() == WAVY]


def type_at_end(qtbot: Any, edit: Any, paragraph: int, text: str) -> None:
    """Type ``text`` at the end of a paragraph, as an input method commits
    it, word by word (QTest types ASCII only)."""
    cursor = QTextCursor(edit.document().findBlockByNumber(paragraph))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    edit.setFocus()
    for piece in re.findall(r"\s*\S+", text):
        event = QInputMethodEvent("", [])
        event.setCommitString(piece)
        QApplication.sendEvent(edit, event)
        QApplication.processEvents()  # each commit is an event of its own, as from a real input method


def point_at(edit: Any, paragraph: int, word: str) -> QPoint:
    block = edit.document().findBlockByNumber(paragraph)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index(word) + 1)
    return edit.cursorRect(cursor).center()


def menu_texts(menu: Any) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def trigger(menu: Any, text: str) -> None:
    next(action for action in menu.actions() if action.text() == text).trigger()


def test_a_misspelling_is_underlined_as_it_is_typed_and_the_text_is_untouched(qtbot: Any, document: Document) -> None:
    editor = segment_on(qtbot, document).editor
    assert underlined(editor, 3) == []
    type_at_end(qtbot, editor, 3, " Nứơc sạch, tóan xã")
    assert underlined(editor, 3) == ["Nứơc", "tóan"]
    assert document.article.blocks[3].text.endswith(" Nứơc sạch, tóan xã")  # type: ignore[attr-defined]
    assert document.undo_stack.count() == 1  # the typing; underlining is no change


def test_only_the_paragraph_typed_in_is_checked_again(qtbot: Any, document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = segment_on(qtbot, document).editor
    checked: list[str] = []
    real = spelling.check_text
    monkeypatch.setattr(spelling, "check_text", lambda text, options=None: checked.append(text) or real(text, options))
    type_at_end(qtbot, editor, 12, "x")
    assert checked == ["Đồng chí Phạm Văn Tân chủ trì cuộc họp số 12.x"]


def test_a_suggestion_from_the_menu_is_one_undo_step_of_its_own(qtbot: Any, document: Document) -> None:
    editor = segment_on(qtbot, document).editor
    type_at_end(qtbot, editor, 0, " nguoi")
    menu = editor.context_menu_at(point_at(editor, 0, "nguoi"))
    assert menu_texts(menu)[:2] == ["người", "nguôi"]
    assert "Add to the site's dictionary" in menu_texts(menu) and "Ignore in this article" in menu_texts(menu)
    assert menu_texts(menu)[-1] == editor.createStandardContextMenu().actions()[-1].text()  # Qt's own entries follow
    trigger(menu, "người")
    assert document.article.blocks[0].text.endswith("họp số 0. người")  # type: ignore[attr-defined]
    assert underlined(editor, 0) == []
    document.undo_stack.undo()  # the fix alone
    assert document.article.blocks[0].text.endswith("họp số 0. nguoi")  # type: ignore[attr-defined]
    document.undo_stack.undo()  # then the typing
    assert document.article.blocks[0].text == "Đồng chí Phạm Văn Tân chủ trì cuộc họp số 0."  # type: ignore[attr-defined]


def test_raw_telex_converts_as_one_stretch_in_one_undo_step(qtbot: Any, document: Document) -> None:
    editor = segment_on(qtbot, document).editor
    type_at_end(qtbot, editor, 1, " tại Quaanj Lee Chaan")
    assert underlined(editor, 1) == ["Quaanj Lee Chaan"]
    menu = editor.context_menu_at(point_at(editor, 1, "Lee"))
    assert menu_texts(menu)[0] == "Convert to “Quận Lê Chân”"
    trigger(menu, "Convert to “Quận Lê Chân”")
    assert document.article.blocks[1].text.endswith("số 1. tại Quận Lê Chân")  # type: ignore[attr-defined]
    assert document.undo_stack.undoText() == "Convert Telex"
    document.undo_stack.undo()
    assert document.article.blocks[1].text.endswith("số 1. tại Quaanj Lee Chaan")  # type: ignore[attr-defined]


def test_ignore_in_this_article_is_kept_in_the_article_and_undoable(qtbot: Any, document: Document) -> None:
    editor = segment_on(qtbot, document).editor
    type_at_end(qtbot, editor, 2, " bleu")
    trigger(editor.context_menu_at(point_at(editor, 2, "bleu")), "Ignore in this article")
    assert document.article.spelling_ignored == ["bleu"]
    assert underlined(editor, 2) == []
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.spelling._highlighter.pending() == 0)  # the field is underlined again, a slice per event
    assert document.article.spelling_ignored == [] and underlined(editor, 2) == ["bleu"]


def test_the_underline_follows_the_site_profile(qtbot: Any, document: Document) -> None:
    editor = segment_on(qtbot, document).editor
    type_at_end(qtbot, editor, 4, " bleu hoà thủy")  # both tone-mark styles are right spelling
    assert underlined(editor, 4) == ["bleu"]
    document.set_saved_site(SiteProfile(tone_marks="new", dictionary=["bleu"]))
    qtbot.waitUntil(lambda: editor.spelling._highlighter.pending() == 0)
    assert underlined(editor, 4) == []
    assert document.undo_stack.count() == 1  # underlining again changed nothing in the article


def test_the_lead_the_captions_and_the_quotes_are_checked_too(qtbot: Any, document: Document) -> None:
    from editor.model import ImageBlock, QuoteBlock
    from ui.common.image_cache import ImageCache
    from ui.form.block_widgets import ImageSegment, QuoteSegment
    from ui.form.fields import ArticleFieldsForm

    document.replace_blocks(0, 0, [QuoteBlock(id="q", text="Lời"), ImageBlock(id="i", src="anh.jpg", caption="Ảnh")], "add")
    form = ArticleFieldsForm(document)
    quote = QuoteSegment(document, "q")
    image = ImageSegment(document, "i", ImageCache())
    for widget in (form, quote, image):
        qtbot.addWidget(widget)
    for edit in (form.lead, quote.text, image.caption):
        type_at_end(qtbot, edit, 0, " qúa đông")
        assert underlined(edit, 0) == ["qúa"]


def test_add_to_the_sites_dictionary_writes_the_profile(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from tests.ui.test_preview import text_segment

    window.composer.blocks.add_block("paragraph")
    editor = text_segment(window).editor
    type_at_end(qtbot, editor, 0, "vải bleu")
    qtbot.waitUntil(lambda: underlined(editor, 0) == ["bleu"])
    trigger(editor.context_menu_at(point_at(editor, 0, "bleu")), "Add to the site's dictionary")
    assert window.document.saved_site.dictionary == ["bleu"] and underlined(editor, 0) == []
    profile = tmp_path / "site-profile.json"
    qtbot.waitUntil(lambda: profile.is_file() and json.loads(profile.read_text(encoding="utf-8")).get("dictionary") == ["bleu"])
    from ui.common import settings
    assert settings.load_site_profile().dictionary == ["bleu"]  # and the next start has it


def test_underlining_a_paragraph_loses_no_reference_but_the_bindings_void_calls(qtbot: Any, document: Document) -> None:
    """PySide6 6.12 loses a reference to None on every void call (ui/common/refcount_guard.py
    keeps None alive): the virtual highlightBlock and one setFormat per word.
    Nothing more: no getter handing out a borrowed None (fontFamilies()) in this hot path."""
    editor = segment_on(qtbot, document).editor
    type_at_end(qtbot, editor, 5, " nứơc tóan Quaanj")
    highlighter = editor.spelling._highlighter
    block = editor.document().findBlockByNumber(5)
    assert len(underlined(editor, 5)) == 3
    before = sys.getrefcount(None)
    for _ in range(200):
        highlighter.rehighlightBlock(block)
    assert before - sys.getrefcount(None) <= 200 * (1 + 3 + 1)  # highlightBlock, 3 setFormat, rehighlightBlock


def test_a_whole_article_shown_at_once_is_underlined_in_slices(qtbot: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening many paragraphs: the check takes a slice per event, not one long stall, and reaches them all."""
    from ui.form import spell_check

    monkeypatch.setattr(spell_check, "BUDGET_MS", 0.0)  # every paragraph past the first waits for a later event
    document = Document()
    document.load(Article(blocks=[ParagraphBlock(id=f"p{i}", text=f"Đoạn {i}: nứơc sạch") for i in range(40)]), None)
    from ui.form.block_widgets import TextSegment

    segment = TextSegment(document, tuple(block.id for block in document.article.blocks))
    qtbot.addWidget(segment)
    editor = segment.editor
    highlighter = editor.spelling._highlighter
    assert highlighter.pending() > 30 and underlined(editor, 39) == []
    qtbot.waitUntil(lambda: highlighter.pending() == 0)
    assert all(underlined(editor, i) == ["nứơc"] for i in range(40))
    assert document.undo_stack.count() == 0 and document.article.blocks[39].text == "Đoạn 39: nứơc sạch"  # type: ignore[attr-defined]


def test_the_site_profile_dialog_keeps_the_dictionary(qtbot: Any, qapp: Any) -> None:
    """The dialog has no field for the words the menu adds: saving it must not drop them."""
    from ui.dialogs.site_profile_dialog import SiteProfileDialog

    dialog = SiteProfileDialog(SiteProfile(name="Cổng", dictionary=["bleu", "Tràng Kênh"]), "", "")
    qtbot.addWidget(dialog)
    dialog.name.setText("Cổng mới")
    assert (dialog.site().name, dialog.site().dictionary) == ("Cổng mới", ["bleu", "Tràng Kênh"])
