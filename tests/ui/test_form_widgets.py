"""The form's pieces (ui/form/) built alone on a Document, without the main
window: each field writes one undoable change to the document and shows
the document again after undo; a bad web address is flagged and kept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.model import Article, HeadingBlock, QuoteBlock, RelatedLink, SiteProfile
from ui.document.document import Document


@pytest.fixture
def document(qapp: Any) -> Document:
    doc = Document()
    doc.load(Article(title="Quận Lê Chân họp", published=datetime(2023, 11, 1, 9, 20, tzinfo=UTC)), None)
    return doc


def test_a_url_field_flags_a_non_web_address_and_keeps_what_was_typed(qtbot: Any) -> None:
    from ui.form.url_edit import UrlEdit

    edit = UrlEdit()
    qtbot.addWidget(edit)
    edit.resize(300, edit.sizeHint().height())
    edit.show()
    typed: list[str] = []
    edit.edited.connect(typed.append)
    qtbot.keyClicks(edit.line, "ftp://haiphong.gov.vn")
    assert typed[-1] == edit.text() == "ftp://haiphong.gov.vn"
    assert edit.problem.isVisible() and "https://" in edit.problem.text() and not edit.is_valid()  # read whole at 300 px
    edit.line.clear()
    qtbot.keyClicks(edit.line, "https://haiphong.gov.vn/tin/1.html")
    assert not edit.has_problem() and edit.problem.text() == "" and edit.is_valid()


def test_the_fields_form_writes_each_field_as_one_undo_step_and_follows_undo(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    assert form.title.text() == "Quận Lê Chân họp"
    form.title.selectAll()
    qtbot.keyClicks(form.title, "Bai moi")
    qtbot.keyClicks(form.tags, "Le Chan, , Hai Phong,")
    assert document.article.title == "Bai moi"
    assert document.article.tags == ["Le Chan", "Hai Phong"]
    document.undo_stack.undo()  # the tags, typed as one step
    assert document.article.tags == [] and form.tags.text() == ""
    document.undo_stack.undo()  # the title
    assert form.title.text() == "Quận Lê Chân họp" and not document.is_modified()


def test_the_fields_form_keeps_a_bad_public_address_and_makes_one_from_the_title(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.url.line, "haiphong.gov.vn/tin")
    assert document.article.url == "haiphong.gov.vn/tin" and form.url.has_problem()
    qtbot.mouseClick(form.make_url, Qt.MouseButton.LeftButton)  # no site address yet: told where to set it
    assert "Site profile" in form.url.problem.message() and document.article.url == "haiphong.gov.vn/tin"
    document.set_saved_site(SiteProfile(url="https://haiphong.gov.vn/"))
    qtbot.mouseClick(form.make_url, Qt.MouseButton.LeftButton)
    assert document.article.url == "https://haiphong.gov.vn/quan-le-chan-hop.html"
    assert form.url.text() == document.article.url and not form.url.has_problem()


def test_the_related_list_adds_edits_moves_and_removes_rows_as_undoable_steps(qtbot: Any, document: Document) -> None:
    from ui.form.related_editor import RelatedEditor

    editor = RelatedEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor._rows[0].title, "Tin mot")
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor._rows[1].url.line, "https://haiphong.gov.vn/2.html")
    assert document.article.related == [RelatedLink(title="Tin mot"), RelatedLink(url="https://haiphong.gov.vn/2.html")]
    qtbot.mouseClick(editor._rows[0].down, Qt.MouseButton.LeftButton)
    assert [link.title for link in document.article.related] == ["", "Tin mot"]
    assert editor._rows[1].title.text() == "Tin mot"
    qtbot.mouseClick(editor._rows[0].remove, Qt.MouseButton.LeftButton)
    assert len(editor._rows) == 1 and document.article.related == [RelatedLink(title="Tin mot")]
    document.undo_stack.undo()  # the removal
    document.undo_stack.undo()  # the move
    assert [row.title.text() for row in editor._rows] == ["Tin mot", ""]
    assert editor._rows[1].url.text() == "https://haiphong.gov.vn/2.html"


def test_a_heading_block_writes_its_text_and_level_to_the_document(qtbot: Any, document: Document) -> None:
    from ui.form.block_widgets import HeadingSegment

    document.load(Article(blocks=[HeadingBlock(id="h", text="Nhiệm vụ")]), None)
    segment = HeadingSegment(document, "h")
    qtbot.addWidget(segment)
    segment.text.end(False)
    qtbot.keyClicks(segment.text, " moi")
    segment.level.setCurrentIndex(1)
    segment.level.activated.emit(1)  # what choosing "Subheading" in the list sends
    block = document.article.block("h")
    assert (block.text, block.level) == ("Nhiệm vụ moi", 3)
    document.undo_stack.undo()
    document.undo_stack.undo()
    segment.show_model()  # the blocks editor calls this on block_changed
    assert (segment.text.text(), segment.level.currentData()) == ("Nhiệm vụ", 2)


def test_a_quote_block_keeps_its_text_and_who_said_it(qtbot: Any, document: Document) -> None:
    from ui.form.block_widgets import QuoteSegment

    document.load(Article(blocks=[QuoteBlock(id="q", text="Hải Phòng làm theo lời Bác")]), None)
    segment = QuoteSegment(document, "q")
    qtbot.addWidget(segment)
    assert segment.text.toPlainText() == "Hải Phòng làm theo lời Bác"
    qtbot.keyClicks(segment.cite, "Khau hieu")
    assert document.article.block("q").cite == "Khau hieu"
    assert document.article.block("q").text == "Hải Phòng làm theo lời Bác"  # showing it wrote nothing back
    assert document.undo_stack.count() == 1


def test_rows_of_related_news_are_reused_never_deleted(qtbot: Any, document: Document) -> None:
    """Deleting widgets made in Python while the window runs segfaulted
    PySide6 in the soak run: rows beyond the list are hidden, and a row
    shown again shows its new link, not the one it showed before."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.form.related_editor import RelatedEditor, _RelatedRow

    editor = RelatedEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    document.set_field("related", [RelatedLink(title="Tin một"), RelatedLink(title="Tin hai", url="https://haiphong.gov.vn/2.html")], "Add")
    made = editor.findChildren(_RelatedRow)
    destroyed: list[int] = []
    for row in made:
        row.destroyed.connect(lambda: destroyed.append(1))
    document.set_field("related", [], "Remove all")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(row.isVisible() for row in made) and editor._rows == []
    document.set_field("related", [RelatedLink(title="Tin ba")], "Add")
    assert [row.title.text() for row in editor._rows] == ["Tin ba"] and editor._rows[0].url.text() == ""
    assert editor._rows[0].isVisible() and not made[1].isVisible()
    editor._rows[0].title.end(False)
    qtbot.keyClicks(editor._rows[0].title, " moi")
    assert document.article.related == [RelatedLink(title="Tin ba moi")]
    assert editor.findChildren(_RelatedRow) == made and destroyed == []


def test_a_removed_photos_segment_is_reused_for_the_next_photo_and_never_deleted(qtbot: Any, document: Document) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from editor.model import ImageBlock
    from ui.common.image_cache import ImageCache
    from ui.form.block_widgets import ImageSegment
    from ui.form.blocks_editor import BlocksEditor

    document.load(Article(blocks=[ImageBlock(id="a", src="a.jpg", caption="Ảnh cũ", alt="Phòng họp", credit="Minh")]), None)
    blocks = BlocksEditor(document, ImageCache())
    qtbot.addWidget(blocks)
    blocks.show()
    old = blocks.segment_of("a")
    destroyed: list[int] = []
    old.destroyed.connect(lambda: destroyed.append(1))
    qtbot.mouseClick(old.remove_button, Qt.MouseButton.LeftButton)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert document.article.blocks == [] and blocks.segments() == [] and not old.isVisible()
    assert old.caption.toPlainText() == "" and old.alt.text() == ""  # nothing of the removed photo is kept
    blocks.insert_blocks([ImageBlock(id="b", src="b.jpg", caption="Ảnh mới")], "Insert photo")
    new = blocks.segment_of("b")
    assert new is old and new.isVisible() and destroyed == []
    assert (new.caption.toPlainText(), new.alt.text(), new.credit.text()) == ("Ảnh mới", "", "")
    qtbot.keyClicks(new.alt, "Toan canh")
    assert document.article.block("b").alt == "Toan canh"
    assert len(blocks.findChildren(ImageSegment)) == 1


def test_undoing_a_photos_removal_shows_it_again_in_full(qtbot: Any, document: Document) -> None:
    from editor.model import ImageBlock
    from ui.common.image_cache import ImageCache
    from ui.form.blocks_editor import BlocksEditor

    document.load(Article(blocks=[ImageBlock(id="a", src="a.jpg", caption="Ảnh cũ", alt="Phòng họp", credit="Minh")]), None)
    blocks = BlocksEditor(document, ImageCache())
    qtbot.addWidget(blocks)
    blocks.show()
    qtbot.mouseClick(blocks.segment_of("a").remove_button, Qt.MouseButton.LeftButton)
    document.undo_stack.undo()  # the same block object comes back
    segment = blocks.segment_of("a")
    assert segment is not None and segment.isVisible()
    assert (segment.caption.toPlainText(), segment.alt.text(), segment.credit.text()) == ("Ảnh cũ", "Phòng họp", "Minh")


def test_the_body_s_edits_are_named_for_screen_readers_by_the_model_s_labels(qtbot: Any, document: Document) -> None:
    from ui.common.language import install_language
    from ui.form.block_widgets import HeadingSegment, QuoteSegment

    document.load(Article(blocks=[HeadingBlock(id="h", text="Nhiệm vụ"), QuoteBlock(id="q", text="Dân là gốc")]), None)
    install_language("vi")
    try:
        heading, quote = HeadingSegment(document, "h"), QuoteSegment(document, "q")
        for segment in (heading, quote):
            qtbot.addWidget(segment)
        assert (heading.text.accessibleName(), quote.text.accessibleName(), quote.cite.accessibleName()) == (
            "Tiêu đề phụ", "Lời trích dẫn", "Người nói")
    finally:
        install_language("en")
    assert quote.cite.accessibleName() == "Who said it"  # and again in English when the language changes


def test_the_section_is_chosen_among_the_profiles_sections_as_one_undo_step(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    document.set_saved_site(SiteProfile(name="Cổng TTĐT quận Lê Chân", sections=["Tin tức", "Kinh tế - Xã hội"]))
    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    assert [form.section.itemData(i) for i in range(form.section.count())] == ["", "Tin tức", "Kinh tế - Xã hội"]
    assert form.section.currentIndex() == 0 and not document.article.section
    form.section.setCurrentIndex(2)
    form.section.activated.emit(2)
    assert document.article.section == "Kinh tế - Xã hội"
    document.undo_stack.undo()
    assert document.article.section == "" and form.section.currentIndex() == 0
    document.undo_stack.redo()
    assert form.section.currentData() == "Kinh tế - Xã hội"

    # A section the profile no longer lists is shown and kept, never dropped.
    document.set_saved_site(SiteProfile(sections=["Tin tức"]))
    assert form.section.currentData() == "Kinh tế - Xã hội"
    assert [form.section.itemData(i) for i in range(form.section.count())] == ["", "Tin tức", "Kinh tế - Xã hội"]
