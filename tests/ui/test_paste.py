"""Pasting HTML from Word, LibreOffice and Google Docs into a text block."""

from __future__ import annotations

import io
from datetime import UTC
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QMimeData, Qt

from tests.ui.conftest import type_text
from tests.ui.test_preview import text_segment

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "clipboard"


def paste(window: Any, sample: str) -> None:
    window.composer.blocks.add_block("paragraph")
    mime = QMimeData()
    mime.setHtml((SAMPLES / sample).read_text(encoding="utf-8"))
    text_segment(window).editor.insertFromMimeData(mime)


def paragraphs(window: Any) -> list[str]:
    return [b.text for b in window.document.article.blocks if b.type == "paragraph"]


def test_paste_from_word_keeps_bold_italic_links_and_drops_office_markup(qtbot: Any, window: Any) -> None:
    paste(window, "word.html")
    texts = paragraphs(window)
    assert texts[0] == "<b>Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp</b> đánh giá <i>kết quả</i> hoạt động."
    assert texts[1].endswith('Tuyên truyền trên <a href="https://haiphong.gov.vn">Cổng thông tin</a>')
    joined = " ".join(texts)
    for junk in ("mso", "o:p", "MsoNormal", "font-family", "StartFragment", "supportLists", "<span"):
        assert junk not in joined


def test_paste_from_libreoffice_brings_its_picture_as_a_photo(qtbot: Any, window: Any) -> None:
    paste(window, "libreoffice.html")
    blocks = window.document.article.blocks
    assert "<b>Đồng chí Phạm Văn Tân</b> chủ trì cuộc họp." in paragraphs(window)
    assert "<i>Toàn cảnh cuộc họp.</i>" in paragraphs(window)
    photos = [b for b in blocks if b.type == "image"]
    assert len(photos) == 1
    assert Image.open(io.BytesIO(photos[0].media.read_bytes())).size == (10, 10)
    assert not any("<font" in text for text in paragraphs(window))


def test_paste_from_google_docs_keeps_real_bold_and_reports_the_web_picture(qtbot: Any, window: Any) -> None:
    paste(window, "google-docs.html")
    texts = paragraphs(window)
    # The whole fragment sits in <b style="font-weight:normal">: not bold.
    assert texts[0] == "<b>Thường trực Ban Chỉ đạo</b> đã có nhiều nỗ lực <i>trong công tác tham mưu</i>."
    assert '<a href="https://haiphong.gov.vn/tin">Xem thêm</a>' in texts
    assert [b for b in window.document.article.blocks if b.type == "image"] == []
    assert "not copied" in window.statusBar().currentMessage()


def test_paste_from_a_web_page_keeps_headings_and_lists_and_no_object_box(qtbot: Any, window: Any) -> None:
    window.composer.blocks.add_block("paragraph")
    editor = text_segment(window).editor
    type_text(editor, "Mở đầu. ")
    mime = QMimeData()
    mime.setHtml((SAMPLES / "web-page.html").read_text(encoding="utf-8"))
    text_segment(window).editor.insertFromMimeData(mime)
    blocks = window.document.article.blocks
    shown = [(b.type, getattr(b, "level", getattr(b, "ordered", None)), getattr(b, "text", getattr(b, "items", None))) for b in blocks]
    assert shown == [
        ("paragraph", None, "Mở đầu."),
        ("heading", 2, "Nhiệm vụ thời gian tới"),
        ("paragraph", None, "Quận tiếp tục <b>rà soát</b>."),
        # Lists are list blocks; a nested item joins its list.
        ("list", False, ("Một là tuyên truyền;", "Hai là kiểm tra.", "Kiểm tra định kỳ")),
        ("list", True, ("Bước một", "Bước hai")),
        ("heading", 3, "Kết quả"),
        ("paragraph", None, "Đã xong."),
    ]
    assert not any("\ufffc" in str(text) for _, _, text in shown)
    assert "not copied" in window.statusBar().currentMessage()  # the web picture is named, not boxed
    window.actions.undo.trigger()  # one step gives back the text as it was
    assert [(b.type, b.text) for b in window.document.article.blocks] == [("paragraph", "Mở đầu.")]


def test_a_pasted_numbered_list_keeps_its_first_number_and_pasted_into_a_list_adds_items(qtbot: Any, window: Any) -> None:
    from editor.model import ListBlock

    window.composer.blocks.add_block("paragraph")
    mime = QMimeData()
    mime.setHtml('<p>Quyết định:</p><ol start="4"><li>Điều <b>bốn</b></li><li>Điều năm</li></ol>')
    text_segment(window).editor.insertFromMimeData(mime)
    lists = [b for b in window.document.article.blocks if isinstance(b, ListBlock)]
    assert [(b.items, b.ordered, b.start) for b in lists] == [(("Điều <b>bốn</b>", "Điều năm"), True, 4)]
    qtbot.waitUntil(window.composer.blocks.is_complete)
    segment = window.composer.blocks.segment_of(lists[0].id)
    segment.editor.setFocus()
    segment.editor.moveCursor(segment.editor.textCursor().MoveOperation.End)
    mime = QMimeData()
    mime.setHtml("<ul><li>Điều sáu</li><li>Điều bảy</li></ul>")
    segment.editor.insertFromMimeData(mime)  # into the list: items, without pasted bullets
    assert window.document.block(lists[0].id).items == ("Điều <b>bốn</b>", "Điều nămĐiều sáu", "Điều bảy")


def test_a_picture_not_copied_leaves_no_object_character_in_a_field(qtbot: Any, window: Any) -> None:
    lead = window.composer.fields.lead
    mime = QMimeData()
    mime.setHtml('<p>Sapo <img src="https://haiphong.gov.vn/a.jpg"> có ảnh.</p><ul><li>một</li></ul>')
    lead.insertFromMimeData(mime)
    assert window.document.article.lead == "Sapo  có ảnh. • một"
    assert "\ufffc" not in lead.toPlainText()


def test_import_word_document_from_the_file_menu(qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any) -> None:
    from tests.editor.test_word_import import vietnamese_document

    source = vietnamese_document(tmp_path)
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.intake.import_word(source)
    assert window.document.article.title == "Quận Lê Chân họp Ban Chỉ đạo 35"
    assert window.document.path is None  # saving asks where: the .docx is never overwritten
    assert message_boxes.shown and "table" in message_boxes.shown[-1][2]
    qtbot.waitUntil(lambda: window.composer.fields.title.text() == "Quận Lê Chân họp Ban Chỉ đạo 35")


def test_a_word_import_shows_a_busy_bar_and_cancel_keeps_the_open_article(qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    from tests.editor.test_word_import import vietnamese_document

    window.document.set_field("title", "Bài đang viết")
    bar = window.files.progress.bar
    bar.setMinimumDuration(0)  # shown at once here; a real import shows it after 600 ms
    window.intake.import_word(vietnamese_document(tmp_path))
    qtbot.waitUntil(bar.isVisible)
    assert bar.maximum() == 0 and ".docx" in bar.labelText()  # busy: it cannot count
    bar.findChild(QPushButton).click()  # Cancel
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=20_000)
    assert window.document.article.title == "Bài đang viết" and not bar.isVisible()
    assert message_boxes.shown == []


def test_a_word_import_shows_its_own_date_and_none_of_the_previous_articles_rows(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from tests.editor.test_word_import import dated_document
    from tests.ui.conftest import open_article
    from ui.form.related_editor import _RelatedRow

    open_article(qtbot, window, example_copy)
    fields = window.composer.fields
    assert window.document.article.related and published_text(fields) != "12/03/2025 06:30"
    rows_on_screen: list[int] = []

    def notes_box(*args: Any, **kwargs: Any) -> None:  # what is on screen behind the notes
        rows_on_screen.append(sum(row.isVisible() for row in fields.related.findChildren(_RelatedRow)))

    monkeypatch.setattr(QMessageBox, "information", notes_box)
    # No date line: the date comes from when the document was last saved.
    source = dated_document(tmp_path, None, datetime(2025, 3, 11, 23, 30, tzinfo=UTC))
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.intake.import_word(source)
    assert rows_on_screen == [0]
    assert published_text(fields) == "12/03/2025 06:30"


def test_a_word_import_without_a_date_shows_no_date(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path) -> None:
    from tests.editor.test_word_import import dated_document
    from tests.ui.conftest import open_article

    open_article(qtbot, window, example_copy)
    fields = window.composer.fields
    before = published_text(fields)
    assert window.document.article.published is not None and before[:2].isdigit()
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.intake.import_word(dated_document(tmp_path, None, None))
    assert window.document.article.published is None
    assert published_text(fields) == " " and fields.published.day.placeholderText() == "no date"
    # Choosing a date starts from now, not from the edit's minimum.
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QDate

    qtbot.mouseClick(fields.published.pick, Qt.MouseButton.LeftButton)  # the calendar
    calendar = fields.published.calendar
    qtbot.waitUntil(lambda: calendar.isVisible(), timeout=5_000)
    assert (calendar.yearShown(), calendar.monthShown()) == (QDate.currentDate().year(), QDate.currentDate().month())
    calendar.window().hide()
    assert window.document.article.published is None  # looking is not choosing
    edit = fields.published.day
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    chosen = window.document.article.local_published()
    assert chosen is not None and abs(chosen - datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))).total_seconds() < 120
    assert published_text(fields) == chosen.strftime("%d/%m/%Y %H:%M")


def published_text(fields: Any) -> str:
    """The date as the form shows it: the day, a space, the time."""
    return f"{fields.published.day.text()} {fields.published.time.text()}"


def test_two_forms_hand_pasted_pictures_and_headings_each_to_their_own_handlers(qtbot: Any) -> None:
    """The paste handlers belong to a form, not to a class: a second window
    (here a second form) never sends its pastes to the first one's intake."""
    from PySide6.QtGui import QColor, QImage

    from editor.model import Article, ParagraphBlock
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.form.block_widgets import TextSegment
    from ui.form.composer import Composer
    from ui.form.text_edits import PasteHandlers

    received: dict[str, list[Any]] = {"first": [], "second": []}
    forms = []
    for name in received:
        document = Document()
        document.load(Article(title=name, blocks=[ParagraphBlock(id="p", text="Mở đầu.")]), None)
        handlers = PasteHandlers(image=lambda image, n=name: received[n].append(("image", image.size().width())),
                                 blocks=lambda blocks, n=name: received[n].append(("blocks", [b.type for b in blocks])))
        form = Composer(document, ImageCache(), paste=handlers)
        qtbot.addWidget(form)
        forms.append(form)
    qtbot.waitUntil(lambda: all(form.blocks.is_complete() for form in forms))

    picture = QImage(12, 8, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    image_mime = QMimeData()
    image_mime.setImageData(picture)
    forms[0].fields.lead.insertFromMimeData(image_mime)
    heading_mime = QMimeData()
    heading_mime.setHtml("<h2>Kết quả</h2><p>Đã xong.</p>")
    [segment] = [s for s in forms[1].blocks.segments() if isinstance(s, TextSegment)]
    segment.editor.insertFromMimeData(heading_mime)

    assert received == {"first": [("image", 12)], "second": [("blocks", ["heading", "paragraph"])]}


def test_a_form_without_paste_handlers_keeps_a_pasted_heading_as_text(qtbot: Any) -> None:
    from editor.model import Article, ParagraphBlock
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.form.block_widgets import TextSegment
    from ui.form.composer import Composer

    document = Document()
    document.load(Article(blocks=[ParagraphBlock(id="p", text="")]), None)
    form = Composer(document, ImageCache())
    qtbot.addWidget(form)
    qtbot.waitUntil(form.blocks.is_complete)
    [segment] = [s for s in form.blocks.segments() if isinstance(s, TextSegment)]
    mime = QMimeData()
    mime.setHtml("<h2>Kết quả</h2><p>Đã xong.</p>")
    segment.editor.insertFromMimeData(mime)
    assert [(b.type, b.text) for b in document.article.blocks] == [("paragraph", "<b>Kết quả</b>"), ("paragraph", "Đã xong.")]
