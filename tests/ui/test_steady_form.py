"""The form stands still while one types (issue 18, item 3): text boxes grow
a line at a time up to a limit and then scroll, problems show on a line kept
for them, related news is one row per link, and the date takes the keyboard.
Each piece is driven alone on a Document, through its real widgets."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit

from editor.model import Article, ImageBlock, ParagraphBlock, RelatedLink
from ui.document.document import Document

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
FORM_WIDTH = 620  # the form's share when the window opens at its default size (MainWindow: splitter 620 / 780)


@pytest.fixture
def document(qapp: Any) -> Document:
    doc = Document()
    doc.load(Article(title="Quận Lê Chân họp", published=datetime(2023, 11, 1, 9, 20, tzinfo=UTC)), None)
    return doc


def _settle() -> None:
    """Let the layouts follow a change (a relayout posts the next one)."""
    for _ in range(4):
        QApplication.processEvents()


def _focus(qtbot: Any, widget: Any) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2_000)


def test_a_caption_grows_a_line_at_a_time_to_its_limit_then_scrolls_and_alt_and_credit_stay(qtbot: Any, document: Document) -> None:
    from ui.common.image_cache import ImageCache
    from ui.form.block_widgets import ImageSegment
    from ui.form.text_edits import INLINE_MAX_LINES

    document.load(Article(blocks=[ImageBlock(id="a", src="a.jpg")]), None)
    segment = ImageSegment(document, "a", ImageCache())
    qtbot.addWidget(segment)
    segment.resize(FORM_WIDTH, 300)
    segment.show()
    qtbot.waitExposed(segment)
    caption, alt, credit = segment.caption, segment.alt, segment.credit
    line = caption.fontMetrics().lineSpacing()
    _focus(qtbot, caption)
    heights, alts, credits = [], [], []
    for char in "Dong chi Pham Van Tan phat bieu tai cuoc hop " * 14:  # far past six lines at this width
        qtbot.keyClicks(caption, char)
        QApplication.processEvents()  # the layouts follow, as between two keys
        heights.append(caption.height())
        alts.append(alt.geometry())
        credits.append(credit.geometry())
    assert len(document.article.block("a").caption) > 600  # every key reached the model
    # Alt text and Credit move only when the caption takes a new line, by that line:
    assert {a.y() - h for a, h in zip(alts, heights, strict=True)} == {alts[0].y() - heights[0]}
    assert {c.y() - a.y() for a, c in zip(alts, credits, strict=True)} == {credits[0].y() - alts[0].y()}
    steps = [after - before for before, after in zip(heights, heights[1:], strict=False) if after != before]
    assert steps and all(abs(step - line) <= 2 for step in steps), steps  # never a jump, never back
    # ...and from the limit on, never: the caption scrolls instead.
    top = max(heights)
    assert top <= INLINE_MAX_LINES * line + 2 * caption.document().documentMargin() + 2 * caption.frameWidth() + 3
    at_limit = heights.index(top)
    assert at_limit < len(heights) - 100  # a good hundred keys typed past the limit
    assert len(set(alts[at_limit:])) == 1 and len(set(credits[at_limit:])) == 1
    assert caption.verticalScrollBar().isVisible() and caption.verticalScrollBar().value() > 0
    assert caption.viewport().rect().contains(caption.cursorRect())  # the cursor is in sight


def test_paragraphs_in_the_body_are_spaced_as_on_the_page_and_enter_keeps_the_spacing(qtbot: Any, document: Document) -> None:
    from PySide6.QtGui import QFontInfo

    from ui.form.block_widgets import TextSegment

    document.load(Article(blocks=[ParagraphBlock(id="p1", text="Đoạn một."), ParagraphBlock(id="p2", text="Đoạn hai.")]), None)
    segment = TextSegment(document, ("p1", "p2"))
    qtbot.addWidget(segment)
    segment.resize(FORM_WIDTH, 300)
    segment.show()
    editor = segment.editor
    em = QFontInfo(editor.font()).pixelSize()  # article.css: p { margin: 0 0 1em }
    layout = editor.document().documentLayout()

    def gaps() -> list[float]:
        blocks = [editor.document().findBlockByNumber(n) for n in range(editor.document().blockCount())]
        rects = [layout.blockBoundingRect(block) for block in blocks]
        line_bottoms = [rect.top() + block.layout().boundingRect().height() for rect, block in zip(rects, blocks, strict=True)]
        return [after.top() - bottom for bottom, after in zip(line_bottoms, rects[1:], strict=False)]

    assert gaps() and all(gap >= em for gap in gaps())
    _focus(qtbot, editor)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Doan ba")
    assert [block.text for block in document.article.blocks] == ["Đoạn một.", "Đoạn hai.", "Doan ba"]
    assert len(gaps()) == 2 and all(gap >= em for gap in gaps())


def test_the_title_wraps_over_lines_stays_one_line_and_enter_goes_to_the_date(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.resize(FORM_WIDTH, 900)
    form.show()
    qtbot.waitExposed(form)
    title = form.title
    headline = ("Quan Le Chan tang cuong bao ve nen tang tu tuong cua Dang, dau tranh phan bac cac quan diem sai trai, "
                "thu dich trong tinh hinh moi nam 2023")
    assert len(headline) > 130
    _focus(qtbot, title)
    title.selectAll()
    height_before = title.height()
    qtbot.keyClicks(title, headline)
    assert document.article.title == headline
    assert title.document().firstBlock().layout().lineCount() >= 2  # wrapped, not scrolled out of sight
    assert title.document().size().height() <= title.viewport().height()  # every word in view
    assert title.height() - height_before <= title.fontMetrics().lineSpacing() + 2  # two lines, then three at most
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert form.published.day.hasFocus() and document.article.title == headline  # no line break
    pasted = QMimeData()
    pasted.setText("Hai\ndòng")
    title.selectAll()
    title.insertFromMimeData(pasted)
    assert document.article.title == "Hai dòng" and title.text() == "Hai dòng"
    document.undo_stack.undo()
    assert title.text() != "Hai dòng" and headline.startswith(title.text())


@pytest.mark.parametrize(("width", "stacked"), [(900, False), (420, True)])
def test_related_news_is_one_row_per_link_and_a_bad_address_does_not_reflow_it(
    qtbot: Any, document: Document, width: int, stacked: bool
) -> None:
    from ui.form.related_editor import RelatedEditor

    document.set_field("related", [RelatedLink(title="Tin một", url="https://haiphong.gov.vn/1.html"), RelatedLink(title="Tin hai")], "Add")
    editor = RelatedEditor(document)
    qtbot.addWidget(editor)
    editor.resize(width, 300)
    editor.show()
    qtbot.waitExposed(editor)
    _settle()
    row = editor._rows[0]
    title, url = row.title.geometry(), row.url.geometry()
    assert row.is_stacked() is stacked
    if stacked:  # the title above its address, each the row's width
        assert title.bottom() < url.top() and abs(title.width() - url.width()) <= 2 and title.width() > width * 0.7
    else:  # side by side, on one line
        assert title.top() == row.url.line.geometry().top() + url.top() and title.right() < url.left()
    assert editor._rows[1].geometry().top() > row.geometry().bottom()  # one row per link
    before = [w.geometry() for w in (row, row.title, row.url, row.url.line, editor._rows[1], editor.add)]
    _focus(qtbot, row.url.line)
    row.url.line.end(False)
    qtbot.keyClicks(row.url.line, " tin")  # not an address any more
    QApplication.processEvents()
    assert document.article.related[0].url == "https://haiphong.gov.vn/1.html tin"  # kept as typed
    assert row.url.has_problem() and row.url.problem.isVisible() and "https://" in row.url.problem.text()
    assert [w.geometry() for w in (row, row.title, row.url, row.url.line, editor._rows[1], editor.add)] == before


def test_the_day_field_takes_a_day_and_a_time_typed_together_and_tab_goes_to_the_next_field(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.resize(FORM_WIDTH, 900)
    form.show()
    qtbot.waitExposed(form)
    day, time = form.published.day, form.published.time
    assert (day.text(), time.text()) == ("01/11/2023", "16:20")  # 09:20 UTC in Vietnam
    assert "UTC+07:00" in form.timezone_label.text()
    _focus(qtbot, day)
    day.selectAll()
    qtbot.keyClicks(day, "15/12/2023 09:30")
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    assert document.article.local_published() == datetime(2023, 12, 15, 9, 30, tzinfo=VIETNAM)
    assert (day.text(), time.text()) == ("15/12/2023", "09:30") and time.hasFocus()
    qtbot.keyClick(time, Qt.Key.Key_Tab)
    assert form.language.hasFocus()  # out of the date, to the next field
    # The day and the time each in its own field.
    _focus(qtbot, day)
    day.selectAll()
    qtbot.keyClicks(day, "16/12/2023")
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    time.selectAll()
    qtbot.keyClicks(time, "7h05")
    qtbot.keyClick(time, Qt.Key.Key_Tab)
    assert document.article.local_published() == datetime(2023, 12, 16, 7, 5, tzinfo=VIETNAM) and time.text() == "07:05"
    # What cannot be read is kept, said under the fields, and moves nothing.
    below = form.language.geometry()
    _focus(qtbot, day)
    day.selectAll()
    qtbot.keyClicks(day, "32/12/2023")
    qtbot.keyClick(day, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert day.text() == "32/12/2023" and "15/12/2023" in form.published.problem.message()
    assert form.published.problem.isVisible() and form.published.problem.text()
    assert document.article.local_published() == datetime(2023, 12, 16, 7, 5, tzinfo=VIETNAM)
    assert form.language.geometry() == below


def test_the_calendar_opens_from_the_keyboard_and_an_undated_article_starts_from_today(qtbot: Any, document: Document) -> None:
    from ui.form.fields import ArticleFieldsForm

    document.load(Article(title="Chưa có ngày"), None)
    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    day = form.published.day
    assert day.text() == "" and day.placeholderText() == "no date"
    _focus(qtbot, day)
    qtbot.keyClick(day, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = form.published.calendar
    qtbot.waitUntil(calendar.isVisible, timeout=2_000)
    today = datetime.now(VIETNAM).date()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert document.article.published is None  # looking is not choosing
    QApplication.sendEvent(calendar, _key(Qt.Key.Key_Escape))
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2_000)
    assert document.article.published is None
    _focus(qtbot, day)
    qtbot.keyClick(day, Qt.Key.Key_Up)  # a step from no date starts now, not in 1900
    chosen = document.article.local_published()
    assert chosen is not None and abs((chosen - datetime.now(VIETNAM)).total_seconds()) < 120
    assert day.text() == chosen.strftime("%d/%m/%Y") and form.published.time.text() == chosen.strftime("%H:%M")
    qtbot.mouseClick(form.published.pick, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(calendar.isVisible, timeout=2_000)
    calendar.setFocus()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2_000)
    picked = document.article.local_published()
    assert picked is not None and (picked.date() - chosen.date()).days == 1 and picked.time() == chosen.time()


def _key(key: Qt.Key) -> Any:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def test_a_text_box_shows_its_whole_placeholder_wrapped_over_its_lines(qtbot: Any, document: Document) -> None:
    """Qt 6.12 draws a QTextEdit's placeholder on one line, cut off at the
    right ("Caption: who is in the photo, and what"): the box wraps it."""
    from ui.common.image_cache import ImageCache
    from ui.form.block_widgets import ImageSegment

    document.load(Article(blocks=[ImageBlock(id="a", src="a.jpg")]), None)
    segment = ImageSegment(document, "a", ImageCache())
    qtbot.addWidget(segment)
    segment.resize(460, 260)
    segment.show()
    qtbot.waitExposed(segment)
    _settle()
    caption = segment.caption
    margin, line = int(caption.document().documentMargin()), caption.fontMetrics().lineSpacing()
    text = caption.placeholderText()
    assert caption.fontMetrics().horizontalAdvance(text) > caption.viewport().width() - 2 * margin  # it must wrap
    picture = caption.viewport().grab().toImage()
    paper = picture.pixelColor(picture.width() - 2, picture.height() - 2).lightness()

    def inked(top: int, bottom: int) -> bool:
        return any(picture.pixelColor(x, y).lightness() < paper - 40 for y in range(top, bottom) for x in range(margin, picture.width() - margin))

    assert inked(margin, margin + line) and inked(margin + line, margin + 2 * line)  # the second line is there
    qtbot.keyClicks(caption, "A")
    picture = caption.viewport().grab().toImage()
    assert not inked(margin + line, margin + 2 * line)  # and gone once one types


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_placeholder_of_the_form_fits_at_the_windows_default_width(qtbot: Any, language: str) -> None:
    from PySide6.QtCore import QRect

    from editor.article_format import load_article_json
    from tests.helpers import EXAMPLE_DIR
    from ui.common.image_cache import ImageCache
    from ui.common.language import install_language
    from ui.form.composer import Composer

    install_language(language)
    try:
        document = Document()
        document.load(load_article_json(EXAMPLE_DIR / "article.json"), None)
        composer = Composer(document, ImageCache())
        qtbot.addWidget(composer)
        composer.resize(FORM_WIDTH, 900)
        composer.show()
        qtbot.waitExposed(composer)
        qtbot.waitUntil(lambda: len(composer.blocks.segments()) == 5, timeout=5_000)  # 3 photos and 2 runs of text
        QApplication.processEvents()
        column = composer.widget()
        lines = [w for w in column.findChildren(QLineEdit) if w.isVisible() and w.placeholderText()]
        boxes = [w for w in column.findChildren(QTextEdit) if w.isVisible() and w.placeholderText()]
        assert len(lines) > 10 and len(boxes) > 4
        cut = [w.placeholderText() for w in lines if w.fontMetrics().horizontalAdvance(w.placeholderText()) > w.width() - 12]
        for box in boxes:
            margin = int(box.document().documentMargin())
            needed = box.fontMetrics().boundingRect(QRect(0, 0, box.viewport().width() - 2 * margin, 10_000), Qt.TextFlag.TextWordWrap,
                                                    box.placeholderText())
            if needed.height() > box.viewport().height() - 2 * margin:
                cut.append(box.placeholderText())
        assert cut == []
    finally:
        install_language("en")


def test_a_change_of_format_in_the_title_is_no_edit(qtbot: Any, document: Document) -> None:
    """A highlighter (the spelling check) only formats the title's text:
    that must not send the title to the document as an edit."""
    from PySide6.QtGui import QTextCharFormat, QTextCursor

    from ui.form.fields import ArticleFieldsForm

    form = ArticleFieldsForm(document)
    qtbot.addWidget(form)
    sent: list[str] = []
    form.title.textEdited.connect(sent.append)
    cursor = QTextCursor(form.title.document())
    cursor.select(QTextCursor.SelectionType.Document)
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    cursor.mergeCharFormat(underline)
    assert sent == [] and document.undo_stack.count() == 0
    form.title.end(False)
    qtbot.keyClicks(form.title, "!")
    assert sent == ["Quận Lê Chân họp!"] and document.article.title == "Quận Lê Chân họp!"
