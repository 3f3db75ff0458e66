"""Vietnamese text in the window: legacy TCVN3 and VNI text converted as it
arrives (one Undo gives it back), tone marks unified on request, and typing
through input methods (pre-edit, commit, Unikey's Backspace-and-retype) in
every kind of text field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from editor import spelling
from editor.model import RelatedLink
from tests.editor.test_vietnamese import _vni_encoded, pasted_from_vntime
from tests.helpers import minimal_article, write_article_dir
from tests.ui.conftest import open_article
from tests.ui.test_preview import text_segment

SENTENCE = "đồng chí phạm văn tân chủ trì cuộc họp"


def _paste_text(widget: Any, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    widget.paste()
    QCoreApplication.processEvents()  # the guard converts after the paste


def _paragraphs(window: Any) -> list[str]:
    return [b.text for b in window.document.article.blocks if b.type == "paragraph"]


def test_pasted_tcvn3_text_is_converted_and_one_undo_gives_it_back(qtbot: Any, window: Any) -> None:
    legacy = pasted_from_vntime(SENTENCE)
    window.composer.blocks.add_block("paragraph")
    editor = text_segment(window).editor
    _paste_text(editor, legacy)
    qtbot.waitUntil(lambda: SENTENCE in _paragraphs(window), timeout=5_000)
    assert editor.toPlainText() == SENTENCE
    assert "TCVN3" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    QCoreApplication.processEvents()
    assert legacy in _paragraphs(window)  # exactly what was pasted, kept as it is
    assert editor.toPlainText() == legacy
    window.document.undo_stack.redo()
    assert SENTENCE in _paragraphs(window)


def test_pasted_vni_text_in_the_title_is_converted(qtbot: Any, window: Any) -> None:
    title = window.composer.fields.title
    _paste_text(title, _vni_encoded("Quận Lê Chân họp Ban Chỉ đạo"))
    qtbot.waitUntil(lambda: window.document.article.title == "Quận Lê Chân họp Ban Chỉ đạo", timeout=5_000)
    assert title.text() == "Quận Lê Chân họp Ban Chỉ đạo"


def test_a_paste_into_unicode_text_converts_only_the_pasted_words(qtbot: Any, window: Any) -> None:
    lead = window.composer.fields.lead
    lead.setFocus()
    lead.insertPlainText("Chiều 01/11: ")
    _paste_text(lead, pasted_from_vntime(SENTENCE))
    qtbot.waitUntil(lambda: window.document.article.lead == "Chiều 01/11: " + SENTENCE, timeout=5_000)


def test_html_in_an_uppercase_vntime_font_becomes_uppercase_unicode(qtbot: Any, window: Any) -> None:
    window.composer.blocks.add_block("paragraph")
    mime = QMimeData()
    legacy = pasted_from_vntime("quận lê chân")
    mime.setHtml(f'<html><body><p><span style="font-family:\'.VnTimeH\'">{legacy}</span> họp</p></body></html>')
    text_segment(window).editor.insertFromMimeData(mime)
    QCoreApplication.processEvents()
    assert "QUẬN LÊ CHÂN họp" in _paragraphs(window)


def test_an_opened_article_in_a_legacy_font_is_converted_as_one_undo_step(qtbot: Any, window: Any, tmp_path: Path) -> None:
    data = minimal_article(lead=pasted_from_vntime("chiều 01/11, ban chỉ đạo 35 quận lê chân họp."))
    data["blocks"][0]["text"] = _vni_encoded("Đồng chí Phạm Văn Tân chủ trì cuộc họp.")
    path = write_article_dir(tmp_path / "cu", data)
    open_article(qtbot, window, path)
    qtbot.waitUntil(lambda: window.document.article.lead == "chiều 01/11, ban chỉ đạo 35 quận lê chân họp.", timeout=5_000)
    assert "Đồng chí Phạm Văn Tân chủ trì cuộc họp." in _paragraphs(window)
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    QCoreApplication.processEvents()
    assert window.document.article.lead == data["lead"]  # as the file had it, and left so


def test_a_long_opened_article_is_read_in_slices_the_window_running_between_them(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """Issue 20: reading a 36,000-word article at once held the UI thread for
    200 ms. It is read a slice at a time: the window handles its events in
    between, what the user types meanwhile is kept, and the legacy text is
    converted all the same, with the status bar's warning."""
    from PySide6.QtCore import QTimer

    from ui.window.vietnamese_text import LegacyTextGuard

    monkeypatch.setattr(LegacyTextGuard, "SLICE_S", 0.0)  # one block a slice: the reading spans hundreds of the loop's turns
    blocks = [{"type": "paragraph", "text": f"Đoạn {n}: Ban Chỉ đạo quận họp."} for n in range(300)]
    blocks[1]["text"] = pasted_from_vntime(SENTENCE)
    blocks[150]["text"] = pasted_from_vntime("ban chỉ đạo 35 quận lê chân họp")
    blocks[-1]["text"] = _vni_encoded("Đồng chí Phạm Văn Tân chủ trì cuộc họp.")
    path = write_article_dir(tmp_path / "dai", minimal_article(blocks=blocks), photos={})
    guard = window.legacy_guard
    seen_by_an_event: list[str] = []
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.files.open_path(path)
    # Posted once the article is in: handled while it is still being read.
    QTimer.singleShot(0, lambda: seen_by_an_event.append(window.document.article.blocks[-1].text))
    # The user types at the end of the second block once the reading is past it.
    qtbot.waitUntil(lambda: guard._reading is not None and guard._reading.next > 3, timeout=10_000)
    second = window.document.article.blocks[1]
    window.document.set_block_field(second.id, "text", second.text + " năm 2025")
    qtbot.waitUntil(lambda: window.document.article.blocks[-1].text == "Đồng chí Phạm Văn Tân chủ trì cuộc họp.", timeout=20_000)
    assert seen_by_an_event == [blocks[-1]["text"]]  # the window ran before the last block was read
    assert window.document.article.blocks[150].text == "ban chỉ đạo 35 quận lê chân họp"
    # The block changed after its slice was read is read again, whole: converted, with what was typed.
    qtbot.waitUntil(lambda: window.document.article.blocks[1].text == SENTENCE + " năm 2025", timeout=5_000)
    message = window.statusBar().currentMessage()
    assert "TCVN3" in message or "VNI" in message
    assert window.document.article.blocks[2].text == "Đoạn 2: Ban Chỉ đạo quận họp."


def test_unify_tone_marks_applies_the_site_profiles_style_as_one_step(qtbot: Any, window: Any, message_boxes: Any) -> None:
    from editor.model import SiteProfile

    window.document.set_field("title", "Thủy lợi và hòa bình")
    window.composer.blocks.add_block("paragraph")
    window.document.set_block_field(window.document.article.blocks[-1].id, "text", "Sức khỏe là vàng.")
    window.actions.unify_tone_marks.trigger()
    assert message_boxes.shown and "Site profile" in message_boxes.shown[-1][2]  # no style chosen yet
    assert window.document.article.title == "Thủy lợi và hòa bình"

    window.document.set_saved_site(SiteProfile(tone_marks="new"))
    steps = window.document.undo_stack.count()
    window.actions.unify_tone_marks.trigger()
    assert window.document.article.title == "Thuỷ lợi và hoà bình"
    assert window.document.article.blocks[-1].text == "Sức khoẻ là vàng."
    assert window.composer.fields.title.text() == "Thuỷ lợi và hoà bình"
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert window.document.article.title == "Thủy lợi và hòa bình"


# --- input methods --------------------------------------------------------------------------

def _ime(widget: Any, preedit: str = "", commit: str = "", replace: tuple[int, int] | None = None) -> None:
    event = QInputMethodEvent(preedit, [])
    if commit or replace:
        event.setCommitString(commit, *(replace or (0, 0)))
    QApplication.sendEvent(widget, event)


def _key(widget: Any, key: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _telex_with_preedit(widget: Any) -> None:
    """IBus or Fcitx with pre-edit: "Vieetj Nam" shown underlined while typed."""
    for shown in ("V", "Vi", "Vie", "Viê", "Việt"):
        _ime(widget, preedit=shown)
    _ime(widget, commit="Việt")
    _ime(widget, commit=" ")
    for shown in ("N", "Na", "Nam"):
        _ime(widget, preedit=shown)
    _ime(widget, commit="Nam")


def _unikey_backspace_and_retype(widget: Any) -> None:
    """Unikey on Windows: letters arrive as keys; to add a mark it sends
    Backspace for the letters to change, then the new ones."""
    for char in "Vie":
        _key(widget, Qt.Key(ord(char.upper())), char)
    _key(widget, Qt.Key.Key_E, "e")
    _key(widget, Qt.Key.Key_Backspace)  # "ee" → "ê"
    _key(widget, Qt.Key.Key_Backspace)
    _ime(widget, commit="ê")
    _key(widget, Qt.Key.Key_T, "t")
    _key(widget, Qt.Key.Key_J, "j")  # "j" adds the dot below: "Viêt" → "Việt"
    for _ in range(3):
        _key(widget, Qt.Key.Key_Backspace)
    _ime(widget, commit="ệt")
    for char in " Nam":
        _key(widget, Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper())), char)


def _fcitx_surrounding_text(widget: Any) -> None:
    """Fcitx-Unikey with surrounding text: each commit replaces the letters
    before the cursor instead of sending Backspace."""
    _ime(widget, commit="V")
    _ime(widget, commit="i")
    _ime(widget, commit="e")
    _ime(widget, commit="ê", replace=(-1, 1))
    _ime(widget, commit="t")
    _ime(widget, commit="ệt", replace=(-2, 2))
    _ime(widget, commit=" Nam")


def _fields(window: Any) -> dict[str, tuple[Any, Any]]:
    """One field of each kind: (the widget typed into, how to read the model)."""
    article = window.document.article
    window.composer.blocks.add_block("paragraph")
    window.composer.blocks.add_block("heading")
    window.composer.blocks.add_block("quote")
    window.document.set_field("related", [*article.related, RelatedLink()], "Add")
    segments = window.composer.blocks.segments()
    by_kind = {segment.kind: segment for segment in segments}
    fields = window.composer.fields
    block = lambda kind: window.document.article.block(by_kind[kind].block_ids()[0])  # noqa: E731
    return {
        "title (line)": (fields.title, lambda: window.document.article.title),
        "lead (inline text)": (fields.lead, lambda: window.document.article.lead),
        "public address (URL line)": (fields.url.line, lambda: window.document.article.url),
        "related title": (fields.related._rows[-1].title, lambda: window.document.article.related[-1].title),
        "body (paragraphs)": (by_kind["text"].editor, lambda: block("text").text),
        "heading": (by_kind["heading"].text, lambda: block("heading").text),
        "quote": (by_kind["quote"].text, lambda: block("quote").text),
        "quote's speaker": (by_kind["quote"].cite, lambda: block("quote").cite),
    }


@pytest.mark.parametrize("method", [_telex_with_preedit, _unikey_backspace_and_retype, _fcitx_surrounding_text])
def test_typing_with_vietnamese_input_methods_works_in_every_kind_of_field(qtbot: Any, window: Any, method: Any) -> None:
    spelling.prepare()  # the spell check underlines from the first key ("Viê" is no syllable while it is typed)
    for name, (widget, model) in _fields(window).items():
        widget.setFocus()
        assert widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled), name
        assert getattr(widget, "spelling", True) is not None, name  # the text edits run with the spell check on
        method(widget)
        shown = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
        assert shown == "Việt Nam", name
        QCoreApplication.processEvents()
        assert model() == "Việt Nam", name
