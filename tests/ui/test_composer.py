"""The composer form, driven like a user would, checked on the model."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QMessageBox

from editor.draft import load_draft
from editor.media import FileMedia
from editor.model import HeadingBlock, ImageBlock, ParagraphBlock
from tests.helpers import photo_bytes
from tests.ui.conftest import js, open_article, type_text, wait_until_dom
from tests.ui.test_preview import text_segment


def texts(window: Any) -> list[str]:
    return [getattr(b, "text", getattr(b, "caption", "")) for b in window.document.article.blocks]


def test_enter_starts_a_new_paragraph_block_and_undo_joins_them(qtbot: Any, window: Any) -> None:
    window.composer.blocks.add_block("paragraph")
    segment = text_segment(window)
    type_text(segment.editor, "Đoạn một.")
    qtbot.keyClick(segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "Đoạn hai.")
    blocks = window.document.article.blocks
    assert [type(b) for b in blocks] == [ParagraphBlock, ParagraphBlock]
    assert [b.text for b in blocks] == ["Đoạn một.", "Đoạn hai."]
    assert blocks[0].id != blocks[1].id
    wait_until_dom(qtbot, window.preview, "Array.from(document.querySelectorAll('.article-body p')).map(p => p.textContent).join('|')", "Đoạn một.|Đoạn hai.")
    stack = window.document.undo_stack
    stack.undo()  # the typing of "Đoạn hai."
    stack.undo()  # the new paragraph
    assert texts(window) == ["Đoạn một."]
    assert segment.editor.toPlainText() == "Đoạn một."
    stack.redo()
    stack.redo()
    assert texts(window) == ["Đoạn một.", "Đoạn hai."]


def test_typing_in_one_field_is_one_undo_step(qtbot: Any, window: Any) -> None:
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Tiêu đề dài nhiều chữ")
    author = window.composer.fields.author
    author.setFocus()
    type_text(author, "Hoàng Tùng")
    stack = window.document.undo_stack
    stack.undo()
    assert window.document.article.author == "" and author.text() == ""
    assert window.document.article.title == "Tiêu đề dài nhiều chữ"
    stack.undo()
    assert window.document.article.title == "" and title.text() == ""


def test_ctrl_z_in_a_field_undoes_the_article_change(qtbot: Any, window: Any) -> None:
    title = window.composer.fields.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    type_text(title, "Sai")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.article.title == ""


def test_blocks_move_with_alt_arrows_and_undo_redo(qtbot: Any, window: Any) -> None:
    blocks = window.composer.blocks
    blocks.add_block("heading")
    heading_segment = blocks.segments()[0]
    type_text(heading_segment.text, "Tiêu đề phụ")
    blocks.add_block("quote")
    quote = window.document.article.blocks[1]
    assert [type(b) for b in window.document.article.blocks] == [HeadingBlock, type(quote)]
    heading_segment.text.setFocus()
    qtbot.keyClick(heading_segment.text, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [b.type for b in window.document.article.blocks] == ["quote", "heading"]
    assert [type(s).__name__ for s in blocks.segments()] == ["QuoteSegment", "HeadingSegment"]
    wait_until_dom(qtbot, window.preview, "Array.from(document.querySelector('.article-body').children).map(e => e.tagName).join()", "FIGURE,H2")
    window.document.undo_stack.undo()
    assert [b.type for b in window.document.article.blocks] == ["heading", "quote"]
    wait_until_dom(qtbot, window.preview, "Array.from(document.querySelector('.article-body').children).map(e => e.tagName).join()", "H2,FIGURE")
    window.document.undo_stack.redo()
    assert [b.type for b in window.document.article.blocks] == ["quote", "heading"]


def test_dragging_a_block_moves_it(qtbot: Any, window: Any) -> None:
    blocks = window.composer.blocks
    for kind in ("heading", "quote", "paragraph"):
        blocks.add_block(kind)
    ids = [b.id for b in window.document.article.blocks]
    blocks.move_blocks([ids[2]], 0)  # what a drop above the first block does
    assert [b.id for b in window.document.article.blocks] == [ids[2], ids[0], ids[1]]
    window.document.undo_stack.undo()
    assert [b.id for b in window.document.article.blocks] == ids


def test_inserting_a_photo_splits_the_text_at_the_cursor(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.composer.blocks.add_block("paragraph")
    segment = text_segment(window)
    type_text(segment.editor, "Trước ảnh. Sau ảnh.")
    cursor = segment.editor.textCursor()
    cursor.setPosition(len("Trước ảnh. "))
    segment.editor.setTextCursor(cursor)
    (tmp_path / "a.jpg").write_bytes(photo_bytes())
    image = ImageBlock(src="a.jpg", media=FileMedia(tmp_path / "a.jpg"))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    assert [(b.type, getattr(b, "text", "")) for b in window.document.article.blocks] == [
        ("paragraph", "Trước ảnh."), ("image", ""), ("paragraph", "Sau ảnh."),
    ]
    window.document.undo_stack.undo()  # one step
    assert texts(window) == ["Trước ảnh. Sau ảnh."]


def test_pasted_rich_text_keeps_only_bold_italic_and_links(qtbot: Any, window: Any) -> None:
    window.composer.blocks.add_block("paragraph")
    segment = text_segment(window)
    mime = QMimeData()
    mime.setHtml(
        '<html><body><!--StartFragment--><p style="font-family:Times;color:red"><span style="font-size:20pt">Chữ to</span> '
        '<b>đậm</b> <i>nghiêng</i> <a href="https://haiphong.gov.vn">cổng</a> <u>gạch</u></p>'
        '<p><font face="VNI-Times">Đoạn hai</font></p><!--EndFragment--></body></html>'
    )
    segment.editor.insertFromMimeData(mime)
    assert texts(window) == [
        'Chữ to <b>đậm</b> <i>nghiêng</i> <a href="https://haiphong.gov.vn">cổng</a> gạch',
        "Đoạn hai",
    ]


def test_a_bad_url_is_shown_at_its_field_and_kept(qtbot: Any, window: Any) -> None:
    url = window.composer.fields.url
    url.line.setFocus()
    type_text(url.line, "haiphong.gov.vn/tin")
    assert url.problem.isVisibleTo(window) and "http" in url.problem.text()
    assert window.document.article.url == "haiphong.gov.vn/tin"  # never dropped
    url.line.clear()
    type_text(url.line, "https://haiphong.gov.vn/tin")
    assert not url.has_problem() and url.problem.text() == ""


def test_make_from_title_builds_the_address_from_the_site(qtbot: Any, window: Any) -> None:
    from editor.model import SiteProfile

    window.document.set_saved_site(SiteProfile(url="https://haiphong.gov.vn/"))
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Đà Nẵng đón khách")
    window.composer.fields.make_url.click()
    assert window.document.article.url == "https://haiphong.gov.vn/da-nang-don-khach.html"
    assert window.composer.fields.url.text() == "https://haiphong.gov.vn/da-nang-don-khach.html"


def test_related_links_are_added_reordered_and_undone(qtbot: Any, window: Any) -> None:
    related = window.composer.fields.related
    related.add_row()
    type_text(related._rows[0].title, "Tin một")
    related.add_row()
    type_text(related._rows[1].title, "Tin hai")
    related.move_row(1, -1)
    assert [link.title for link in window.document.article.related] == ["Tin hai", "Tin một"]
    window.document.undo_stack.undo()
    assert [link.title for link in window.document.article.related] == ["Tin một", "Tin hai"]
    wait_until_dom(qtbot, window.preview, "Array.from(document.querySelectorAll('.related li')).map(l => l.textContent).join('|')", "Tin một|Tin hai")


def test_open_edit_save_reopen_keeps_everything(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: Any) -> None:
    open_article(qtbot, window, example_copy)
    title = window.composer.fields.title
    title.setFocus()
    title.end(False)
    type_text(title, " — bản sửa")
    segment = text_segment(window, -1)
    segment.focus_block(segment.block_ids()[-1], at_end=True)
    qtbot.keyClick(segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "Đoạn kết thêm.")
    target = tmp_path / "bai.article"
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    assert "*" in window.windowTitle() or window.isWindowModified()
    with qtbot.waitSignal(window.document.undo_stack.cleanChanged, timeout=30_000):
        window.files.save()
    assert window.windowTitle().startswith("bai.article")
    assert not window.isWindowModified()
    expected = window.document.article
    reopened = load_draft(target)
    assert reopened == expected
    assert reopened.title.endswith("— bản sửa")
    assert reopened.blocks[-1].text == "Đoạn kết thêm."
    assert [b.media.read_bytes() for b in reopened.images()] == [
        (example_copy.parent / "photos" / f"{n}.jpg").read_bytes() for n in (1, 2, 3)
    ]
    open_article(qtbot, window, target)
    assert window.document.article == reopened
    assert window.composer.fields.title.text() == reopened.title


def test_unsaved_changes_are_never_dropped_silently(qtbot: Any, window: Any, message_boxes: Any) -> None:
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Chưa lưu")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    window.files.new()
    assert message_boxes.shown and message_boxes.shown[-1][0] == "question"
    assert window.document.article.title == "Chưa lưu"  # cancelled: nothing lost
    window.close()
    assert window.isVisible()  # closing asked too, and was cancelled
    assert len(message_boxes.shown) == 2
    message_boxes.answer = QMessageBox.StandardButton.Discard
    window.files.new()
    assert window.document.article.title == ""


def test_the_window_title_shows_unsaved_changes(qtbot: Any, window: Any) -> None:
    assert window.windowTitle().startswith("Untitled article[*]") and not window.isWindowModified()
    type_text(window.composer.fields.author, "A")
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_a_broken_file_is_reported_and_the_app_keeps_running(qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any) -> None:
    broken = tmp_path / "hong.article"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    window.files.open_path(broken)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning" and "hong.article" in text and "damaged" in text
    assert window.isVisible() and window.document.path is None


def test_replace_all_ignoring_diacritics_is_one_undo_step(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    window.actions.find.trigger()
    dialog = window._find_dialog
    dialog.find.setText("quan uy")
    dialog.replace.setText("Quận ủy")
    dialog.ignore_diacritics.setChecked(True)
    dialog.replace_all()
    article = window.document.article
    assert "Quận ủy" in article.blocks[0].caption and "Quận Ủy" not in article.blocks[0].caption
    assert "replacement" in dialog.result.text()
    wait_until_dom(qtbot, window.preview, "document.querySelector('figcaption').textContent.includes('Quận ủy')", True)
    window.document.undo_stack.undo()
    assert window.document.article.blocks[0].caption.startswith("Đồng chí Phạm Văn Tân, Phó Bí thư Thường trực Quận ủy")
    dialog.close()


def test_copy_for_cms_puts_html_and_text_on_the_clipboard_and_saves_the_photos_it_names(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, message_boxes: Any
) -> None:
    import re

    from PySide6.QtGui import QGuiApplication

    open_article(qtbot, window, example_copy)
    folder = tmp_path / "cho-cong"
    folder.mkdir()
    message_boxes.answer = QMessageBox.StandardButton.Save
    with patch("ui.services.cms_copy.QFileDialog.getExistingDirectory", return_value=str(folder)):
        window.actions.copy_for_cms.trigger()
        qtbot.waitUntil(lambda: str(folder) in window.statusBar().currentMessage(), timeout=20_000)  # saved
    mime = QGuiApplication.clipboard().mimeData()
    html = mime.html()
    assert html.count("<figure") == 3 and "data-block" not in html and 'loading="lazy"' not in html
    assert mime.text().startswith("Quận Lê Chân tăng cường")
    # The user is told the photos must be uploaded, and under which names.
    kind, _, text = message_boxes.shown[-1]
    names = re.findall(r'<img src="([^"]+)"', html)
    assert kind == "question" and "upload" in text and all(name in text for name in names)
    assert sorted(names) == sorted(p.name for p in folder.iterdir()) and len(names) == 3
    assert "3 photo" in window.statusBar().currentMessage()


def test_copy_for_cms_asks_before_replacing_another_photo_of_the_same_name(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, message_boxes: Any
) -> None:
    from editor.cms import prepare_copy

    open_article(qtbot, window, example_copy)
    photos = prepare_copy(window.document.snapshot()).photos
    taken, other = sorted(photos)[0], sorted(photos)[1]
    folder = tmp_path / "cho-cong"
    folder.mkdir()
    (folder / taken).write_bytes(b"another article's photo")
    (folder / other).write_bytes(photos[other])  # the same photo, saved before: no loss, not asked about
    questions = []

    def answer(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        questions.append(text)
        return QMessageBox.StandardButton.No

    with patch("ui.services.cms_copy.QMessageBox.question", side_effect=answer):
        window.cms_copier.save_to(folder, photos)
        qtbot.waitUntil(lambda: bool(questions), timeout=20_000)
    assert taken in questions[0] and other not in questions[0]
    qtbot.waitUntil(lambda: "No photo" in window.statusBar().currentMessage())
    assert (folder / taken).read_bytes() == b"another article's photo"  # kept: the user said no
    assert sorted(p.name for p in folder.iterdir()) == sorted([taken, other])

    with patch("ui.services.cms_copy.QMessageBox.question", return_value=QMessageBox.StandardButton.Yes):
        window.cms_copier.save_to(folder, photos)
        qtbot.waitUntil(lambda: "saved in" in window.statusBar().currentMessage(), timeout=20_000)
    assert sorted(p.name for p in folder.iterdir()) == sorted(photos)
    assert all((folder / name).read_bytes() == data for name, data in photos.items())


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_export_pdf_writes_an_a4_pdf(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path) -> None:
    open_article(qtbot, window, example_copy)
    target = tmp_path / "bai.pdf"
    done: list[bool] = []
    window.files.export_pdf(target, then=lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=30_000)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 is 595 × 842 points.
    import re

    boxes = {tuple(round(float(v)) for v in box.split()) for box in re.findall(rb"/MediaBox \[([^\]]*)\]", data)}
    assert boxes == {(0, 0, 595, 842)}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left
    # Its text is the article's, in the print view: no Print button; the same
    # pages as the command line's PDF, which prints the same page in a child process.
    from pypdf import PdfReader

    from editor.pdf import export_pdf
    from editor.site import effective_site

    reader = PdfReader(target)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng" in text and "Hoàng Tùng" in text
    assert "Print" not in text
    # Every photo, the lazy-loaded ones below the preview's fold too.
    assert sum(len(page.images) for page in reader.pages) == 3
    command_line = tmp_path / "cli" / "bai.pdf"
    export_pdf(window.document.article, effective_site(window.document.article, None, window.document.saved_site), command_line)
    cli_reader = PdfReader(command_line)
    assert len(reader.pages) == len(cli_reader.pages) and 2 <= len(reader.pages) <= 6
    assert " ".join(" ".join(p.extract_text() for p in cli_reader.pages).split()) == text
    # A colleague can read it: the user's umask (0644 under 022), not QtWebEngine's private 0600.
    import stat

    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~current_umask()


def test_dropped_files_become_photos_and_non_images_are_refused(qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any) -> None:
    (tmp_path / "anh.jpg").write_bytes(photo_bytes())
    (tmp_path / "ghi-chu.jpg").write_text("không phải ảnh", encoding="utf-8")
    (tmp_path / "rong.png").write_bytes(b"")
    window.composer.blocks.files_dropped.emit([str(tmp_path / "anh.jpg"), str(tmp_path / "ghi-chu.jpg"), str(tmp_path / "rong.png")], 0)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert [b.type for b in window.document.article.blocks] == ["image"]
    text = message_boxes.shown[-1][2]
    assert "ghi-chu.jpg: not an image" in text and "rong.png: the file is empty" in text


def test_a_dropped_photo_cut_short_is_refused_by_name_and_the_whole_one_inserted(
        qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any) -> None:
    """A truncated JPEG was inserted, then showed only "Cannot show this
    photo" in the form and the preview; it is now refused as it is dropped."""
    from tests.helpers import CORPUS

    (tmp_path / "anh.jpg").write_bytes(photo_bytes())
    (tmp_path / "hong.jpg").write_bytes((CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes())
    window.composer.blocks.files_dropped.emit([str(tmp_path / "hong.jpg"), str(tmp_path / "anh.jpg")], 0)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert [b.src for b in window.document.article.blocks] == [str(tmp_path / "anh.jpg")]
    assert "hong.jpg: the image is damaged" in message_boxes.shown[-1][2]


def test_opening_an_article_builds_its_blocks_without_painting_the_fields_above_again_for_each(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    """The column grows at its foot a segment at a time as an opened
    article's blocks are built: each pass repainted everything in view, the
    title and the lead 38 times for a 20-photo draft."""
    from PySide6.QtCore import QEvent, QObject

    from editor.draft import save_draft
    from editor.media import MemoryMedia
    from editor.model import Article

    blocks: list[Any] = []
    for number in range(12):
        blocks.append(ParagraphBlock(text=f"Đoạn {number + 1}: Ban Chỉ đạo quận đã kịp thời tham mưu tăng cường công tác nắm bắt."))
        blocks.append(ImageBlock(src=f"anh-{number}.jpg", media=MemoryMedia(photo_bytes((320, 240)), f"anh-{number}.jpg")))
    draft = tmp_path / "bai.article"
    save_draft(Article(title="Hội nghị tổng kết", lead="Sáng nay, quận tổ chức hội nghị.", blocks=blocks), draft)

    painted: dict[str, int] = {"title": 0, "lead": 0}

    class CountPaints(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted["title" if watched is window.composer.fields.title else "lead"] += 1
            return False

    counter = CountPaints(window)
    window.composer.fields.title.installEventFilter(counter)
    window.composer.fields.lead.installEventFilter(counter)
    window.files.open_path(draft)
    qtbot.waitUntil(lambda: window.document.article.title == "Hội nghị tổng kết" and window.composer.blocks.is_complete()
                    and len(window.composer.blocks.segments()) == 24, timeout=20_000)
    qtbot.wait(200)  # the last passes painted
    assert window.composer.fields.title.text() == "Hội nghị tổng kết"
    # Shown once with the new article (and once more for its layout), not again for each of 24 segments built below.
    assert painted["title"] <= 4 and painted["lead"] <= 4, painted


def test_an_article_opened_after_the_form_was_scrolled_is_shown_from_its_title(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from editor.draft import save_draft
    from editor.media import MemoryMedia
    from editor.model import Article

    def article(title: str, photos: int) -> Article:
        blocks: list[Any] = []
        for number in range(photos):  # a photo between paragraphs: a segment each, so the form is as tall
            blocks.append(ParagraphBlock(text=f"Đoạn {number + 1}."))
            blocks.append(ImageBlock(src=f"anh-{number}.jpg", media=MemoryMedia(photo_bytes((320, 240)), f"anh-{number}.jpg")))
        return Article(title=title, lead="Một đoạn mở đầu.", blocks=blocks)

    long_one, short_one = tmp_path / "dai.article", tmp_path / "ngan.article"
    save_draft(article("Bài dài", 16), long_one)
    save_draft(article("Bài ngắn", 5), short_one)  # shorter, but taller than the window: the place in the long one stayed
    bar = window.composer.verticalScrollBar()
    open_article(qtbot, window, long_one)
    qtbot.waitUntil(lambda: window.composer.blocks.is_complete() and bar.maximum() > 2000, timeout=10_000)
    bar.setValue(bar.maximum())
    open_article(qtbot, window, short_one)
    qtbot.waitUntil(lambda: window.composer.fields.title.text() == "Bài ngắn" and window.composer.blocks.is_complete(), timeout=10_000)
    qtbot.wait(100)
    assert bar.maximum() > 0 and bar.value() == 0
    assert not window.composer.fields.title.visibleRegion().isEmpty()  # the title in view, not the body


def test_a_replace_whose_check_fails_says_so_and_keeps_the_photo(
        qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure was dropped without a word (from the office-worker pass)."""
    from editor.errors import ArticleError

    def broken(paths: list[Path]) -> Any:
        raise ArticleError("the disk could not be read", path=paths[0])

    monkeypatch.setattr("ui.common.image_import.check_image_files", broken)
    good = tmp_path / "anh.jpg"
    good.write_bytes(photo_bytes())
    image = ImageBlock(src=str(good), media=FileMedia(good))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    window.composer.blocks.segment_of(image.id).replace_with(tmp_path / "moi.jpg")
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "moi.jpg: the disk could not be read" in message_boxes.shown[-1][2]
    assert window.document.article.block(image.id).src == str(good)


def test_a_pasted_picture_becomes_a_photo_block(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QColor, QImage

    window.composer.blocks.add_block("paragraph")
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    mime = QMimeData()
    mime.setImageData(picture)
    text_segment(window).editor.insertFromMimeData(mime)
    blocks = window.document.article.blocks
    assert [b.type for b in blocks] == ["image"]  # the empty paragraph it was pasted into is gone
    image = blocks[0]
    import io

    from PIL import Image

    assert Image.open(io.BytesIO(image.media.read_bytes())).size == (64, 48)


def test_arrow_keys_move_between_blocks(qtbot: Any, window: Any) -> None:
    blocks = window.composer.blocks
    blocks.add_block("paragraph")
    type_text(text_segment(window).editor, "Đoạn đầu")
    blocks.add_block("heading")
    heading = blocks.segments()[-1]
    heading.text.setFocus()
    qtbot.waitUntil(heading.text.hasFocus)
    qtbot.keyClick(heading.text, Qt.Key.Key_Up)
    qtbot.waitUntil(text_segment(window).editor.hasFocus)
    qtbot.keyClick(text_segment(window).editor, Qt.Key.Key_Down)
    qtbot.waitUntil(heading.text.hasFocus)


def test_the_status_bar_counts_words_and_reading_time(qtbot: Any, window: Any, example_copy: Path) -> None:
    from ui.window.status import WordCountLabel

    open_article(qtbot, window, example_copy)
    label = window.findChild(WordCountLabel)
    qtbot.waitUntil(lambda: label.text().startswith("589 word"))
    assert "3 min" in label.text()


def test_site_profile_import_fills_the_dialog(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import json

    from ui.dialogs.site_profile_dialog import SiteProfileDialog

    profile = tmp_path / "site.json"
    profile.write_text(json.dumps({"name": "Cổng tin tức Thành phố Hải Phòng", "url": "https://haiphong.gov.vn",
                                   "fanpage_url": "https://www.facebook.com/congttdthaiphong"}), encoding="utf-8")
    monkeypatch.setattr("ui.dialogs.site_profile_dialog.QFileDialog.getOpenFileName", lambda *a, **k: (str(profile), ""))
    dialog = SiteProfileDialog(window.document.saved_site, "", "", window)
    qtbot.addWidget(dialog)
    dialog._import()
    site = dialog.site()
    assert (site.name, site.url, site.fanpage_url) == ("Cổng tin tức Thành phố Hải Phòng", "https://haiphong.gov.vn", "https://www.facebook.com/congttdthaiphong")
    from ui.common import settings
    settings.save_site_profile(site)
    window.document.set_saved_site(settings.load_site_profile())
    wait_until_dom(qtbot, window.preview, "document.querySelector('.site-name') && document.querySelector('.site-name').textContent",
                   "Cổng tin tức Thành phố Hải Phòng")


def test_rotating_a_photo_turns_it_in_the_preview_and_keeps_the_original(qtbot: Any, window: Any, tmp_path: Path) -> None:
    (tmp_path / "ngang.jpg").write_bytes(photo_bytes((1200, 800)))
    image = ImageBlock(src="ngang.jpg", media=FileMedia(tmp_path / "ngang.jpg"))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    segment = window.composer.blocks.segment_of(image.id)
    selector = f"document.querySelector('[data-block=\"{image.id}\"] img')"
    wait_until_dom(qtbot, window.preview, f"{selector}.getAttribute('width')", "1200")
    segment.rotate_button.click()
    assert window.document.article.block(image.id).rotate == 90
    wait_until_dom(qtbot, window.preview, f"{selector}.getAttribute('width') + 'x' + {selector}.getAttribute('height')", "800x1200")
    assert (tmp_path / "ngang.jpg").read_bytes() == photo_bytes((1200, 800))
    window.document.undo_stack.undo()
    wait_until_dom(qtbot, window.preview, f"{selector}.getAttribute('width')", "1200")


def with_crop_dialog(segment: Any, act: Callable[[Any], None]) -> None:
    """Click the photo's Crop… and hand its modal dialog, once up, to
    ``act``, which closes it (the dialog runs its own event loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.form.crop_dialog import CropDialog

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CropDialog):
            QTimer.singleShot(20, when_open)
            return
        act(dialog)

    QTimer.singleShot(0, when_open)
    segment.crop_button.click()


def test_the_crop_dialog_shows_the_part_kept_as_it_is_and_darkens_what_is_cut_away(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """A helper found the kept part washed out (a rubber band over it) and
    the cut-away part shown as it was: the opposite of what is kept."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QDialogButtonBox

    from editor.model import Crop

    (tmp_path / "sang.jpg").write_bytes(photo_bytes((1200, 800), color="#e0e0e0"))
    image = ImageBlock(src="sang.jpg", media=FileMedia(tmp_path / "sang.jpg"), crop=Crop(0.25, 0.25, 0.5, 0.5))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    qtbot.waitUntil(lambda: window.images.get(image.media, 0, None) is not None, timeout=20_000)
    seen: list[tuple[int, int]] = []

    def look_and_cancel(dialog: Any) -> None:
        area = dialog._area
        assert area is not None
        shown = area.grab().toImage()
        inside, outside = shown.pixelColor(area.width() // 2, area.height() // 2), shown.pixelColor(20, 20)
        seen.append((QColor(inside).lightness(), QColor(outside).lightness()))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    with_crop_dialog(window.composer.blocks.segment_of(image.id), look_and_cancel)
    [(inside, outside)] = seen
    assert inside > 200  # the photo's own light grey (224), not washed over
    assert outside < 120  # darkened: cut away


def test_crop_of_a_photo_that_cannot_be_decoded_says_so_and_offers_only_close(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """A truncated JPEG is never prepared: the dialog said "still being
    prepared; try again in a moment" for ever, with OK and the crop's buttons."""
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from tests.helpers import CORPUS

    damaged = tmp_path / "truncated_jpeg.jpg"
    damaged.write_bytes((CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes())
    image = ImageBlock(src=damaged.name, media=FileMedia(damaged))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    token = window.images.token_of(image)
    qtbot.waitUntil(lambda: window.images.error(token) is not None, timeout=30_000)
    seen: list[tuple[str, list[str]]] = []

    def read_and_close(dialog: Any) -> None:
        boxes = dialog.findChildren(QDialogButtonBox)
        seen.append((" ".join(label.text() for label in dialog.findChildren(QLabel)),
                     [button.text() for box in boxes for button in box.buttons()]))
        boxes[0].button(QDialogButtonBox.StandardButton.Close).click()

    with_crop_dialog(window.composer.blocks.segment_of(image.id), read_and_close)
    text, buttons = seen[0]
    assert "cannot be shown" in text and "try again" not in text and "truncated_jpeg.jpg" in text
    assert len(buttons) == 1  # Close: nothing to crop, nothing to confirm
    assert window.document.article.block(image.id).crop is None


def test_crop_through_the_dialog_crops_the_photo_and_undo_gives_it_back(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QDialogButtonBox

    (tmp_path / "ngang.jpg").write_bytes(photo_bytes((1200, 800)))
    image = ImageBlock(src="ngang.jpg", media=FileMedia(tmp_path / "ngang.jpg"))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    segment = window.composer.blocks.segment_of(image.id)
    selector = f"document.querySelector('[data-block=\"{image.id}\"] img')"
    wait_until_dom(qtbot, window.preview, f"{selector}.getAttribute('width')", "1200")
    window.document.undo_stack.clear()
    assert not window.actions.undo.isEnabled()
    dragged: list[bool] = []

    def drag_over_the_left_half(dialog: Any) -> None:
        area = dialog._area
        assert area is not None and area.width() == 720  # 1200 × 800 shown at 720 × 480
        qtbot.mousePress(area, Qt.MouseButton.LeftButton, pos=QPoint(180, 120))
        qtbot.mouseMove(area, QPoint(300, 200))
        qtbot.mouseMove(area, QPoint(540, 360))
        qtbot.mouseRelease(area, Qt.MouseButton.LeftButton, pos=QPoint(540, 360))
        dragged.append(True)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    with_crop_dialog(segment, drag_over_the_left_half)
    assert dragged
    crop = window.document.article.block(image.id).crop
    assert crop is not None  # the middle quarter: 0.25, 0.25, 0.5 × 0.5
    assert all(abs(a - b) < 0.01 for a, b in zip((crop.left, crop.top, crop.width, crop.height), (0.25, 0.25, 0.5, 0.5), strict=True))
    assert segment.crop_button.text() == "Crop ✓"
    assert window.actions.undo.isEnabled()

    def preview_shows_the_crop() -> None:  # a quarter of 1200 × 800, give or take the pixel the mouse is on
        width, height = js(qtbot, window.preview, f"{selector}.getAttribute('width') + 'x' + {selector}.getAttribute('height')").split("x")
        assert width.isdigit() and height.isdigit()  # the photo is still being prepared
        assert abs(int(width) - 600) <= 4 and abs(int(height) - 400) <= 4

    qtbot.waitUntil(preview_shows_the_crop, timeout=10_000)
    window.actions.undo.trigger()
    assert window.document.article.block(image.id).crop is None
    wait_until_dom(qtbot, window.preview, f"{selector}.getAttribute('width')", "1200")


def test_the_cover_photo_moves_first_and_becomes_the_social_image(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    last_photo = window.document.article.images()[-1]
    window.composer.blocks.segment_of(last_photo.id).cover.setChecked(True)
    article = window.document.article
    # Blocks are copy-on-write (ui/document/document.py): the cover is a changed copy of the photo.
    assert article.images()[0].id == last_photo.id and article.cover_image().id == last_photo.id
    assert [b.cover for b in article.images()] == [True, False, False]
    wait_until_dom(qtbot, window.preview, "document.querySelector('meta[property=\"og:image\"]') !== null", True)
    window.document.undo_stack.undo()  # one step: cover and move together
    assert window.document.article.images()[-1].id == last_photo.id and not window.document.block(last_photo.id).cover


def test_the_checklist_follows_typing_and_leads_to_the_field(qtbot: Any, window: Any) -> None:
    panel = window.checklist
    qtbot.waitUntil(lambda: "title-missing" in [f.id for f in panel.findings], timeout=10_000)
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Quận Lê Chân họp")
    qtbot.waitUntil(lambda: "title-missing" not in [f.id for f in panel.findings], timeout=10_000)
    author = next(i for i, finding in enumerate(panel.findings) if finding.id == "author-missing")
    assert "✖" in panel.list.item(author).text() or "▲" in panel.list.item(author).text()
    window.composer.fields.title.setFocus()
    panel.list.scrollToItem(panel.list.item(author))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(panel.list.item(author)).center())
    qtbot.waitUntil(window.composer.fields.author.hasFocus)


def test_after_opening_a_file_the_checklist_never_shows_the_previous_articles_findings(
    qtbot: Any, window: Any, example_copy: Path,
) -> None:
    from editor.checks import CheckInput, check_article

    panel = window.checklist
    qtbot.waitUntil(lambda: "title-missing" in [f.id for f in panel.findings], timeout=10_000)  # the empty article's
    shown: list[set[str]] = []
    panel.updated.connect(lambda: shown.append({f.id for f in panel.findings}))
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.files.open_path(example_copy)
    # At once: the old findings are gone, and the panel says it is checking.
    assert panel.findings == [] and panel.summary.text() == "Checking…"
    expected = {f.id for f in check_article(window.document.article, CheckInput(site=window.document.site()))}
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] == expected, timeout=10_000)
    assert all(ids in (set(), expected) for ids in shown), shown  # never the empty article's four errors
    assert "title-missing" not in expected


def test_the_checklist_summary_counts_every_line_it_lists(qtbot: Any, window: Any, example_copy: Path) -> None:
    """The example's photos carry GPS coordinates (notes for the user's
    information, beside its one warning): "0 to fix, 1 to look at" above
    four lines read as if three were not counted."""
    from editor.checks import ERROR, INFO, WARNING

    open_article(qtbot, window, example_copy)
    panel = window.checklist
    qtbot.waitUntil(lambda: panel.summary.text() != "Checking…" and bool(panel.findings), timeout=30_000)
    counts = [sum(f.severity == kind for f in panel.findings) for kind in (ERROR, WARNING, INFO)]
    assert counts[2] > 0 and sum(counts) == panel.list.count()
    assert panel.summary.text() == f"{counts[0]} to fix, {counts[1]} to look at, {counts[2]} for your information"


def test_a_finding_about_a_photo_names_the_photo_by_its_number(qtbot: Any, window: Any, example_copy: Path) -> None:
    """"Photo 2 (block 4)", not only "Block 4": the user finds a photo by
    counting photos (each of the example's photos carries GPS data, a note
    at each); a finding in another block keeps the block's number."""
    open_article(qtbot, window, example_copy)
    first_text = next(block for block in window.document.article.blocks if isinstance(block, ParagraphBlock))
    window.document.set_block_field(first_text.id, "text", first_text.text + "  Hai dấu cách.")
    panel = window.checklist
    qtbot.waitUntil(lambda: [f.id for f in panel.findings].count("photo-gps") == 3 and not panel._running
                    and any(f.location.block_id == first_text.id for f in panel.findings), timeout=30_000)
    images = [block.id for block in window.document.article.images()]
    blocks = [block.id for block in window.document.article.blocks]
    lines = {f.location.block_id: panel.list.item(row).text() for row, f in enumerate(panel.findings) if f.location.block_id}
    for number, photo in enumerate(images, start=1):
        assert lines[photo].split(" ", 1)[1].startswith(f"Photo {number} (block {blocks.index(photo) + 1}): ")
    assert lines[first_text.id].split(" ", 1)[1].startswith(f"Block {blocks.index(first_text.id) + 1}: ")


def test_stray_characters_in_the_opened_file_are_a_finding_until_it_is_saved(qtbot: Any, window: Any, tmp_path: Path) -> None:
    import json
    import zipfile

    from tests.helpers import minimal_article

    data = minimal_article(title="Quận Lê Chân\u202e họp")
    data["blocks"] = [{"type": "paragraph", "id": "p1", "text": "Đồng chí\x07 Phạm Văn Tân chủ trì."},
                      {"type": "paragraph", "id": "p2", "text": "Đoạn hai\ufffc."}]
    draft = tmp_path / "bai.article"
    with zipfile.ZipFile(draft, "w") as archive:
        archive.writestr("article.json", json.dumps(data, ensure_ascii=False))
    open_article(qtbot, window, draft)
    assert window.document.article.title == "Quận Lê Chân họp"  # removed on the way in
    panel = window.checklist

    def stray() -> list[str]:
        return [f.location.describe() for f in panel.findings if f.id == "text-control-chars"]

    qtbot.waitUntil(lambda: stray() == ["title", "block 1: text", "block 2: text"], timeout=10_000)
    # The blocks move: the findings follow them.
    window.document.move_block("p2", 0)
    qtbot.waitUntil(lambda: stray() == ["title", "block 2: text", "block 1: text"], timeout=10_000)
    saved: list[bool] = []
    window.files.save(then=lambda: saved.append(True))
    qtbot.waitUntil(lambda: saved == [True], timeout=30_000)
    qtbot.waitUntil(lambda: stray() == [], timeout=10_000)  # the saved file holds the cleaned text


@pytest.mark.parametrize(("action", "dialog"), [("export", "export_dialog"), ("export_pdf", "export_pdf_dialog"),
                                              ("export_package", "export_package_dialog")])
def test_export_with_errors_shows_them_and_asks_first(qtbot: Any, window: Any, message_boxes: Any, monkeypatch: Any,
                                                     action: str, dialog: str) -> None:
    exported: list[bool] = []
    monkeypatch.setattr(window.files, dialog, lambda: exported.append(True))
    qtbot.waitUntil(lambda: bool(window.checklist.errors()), timeout=10_000)
    message_boxes.answer = QMessageBox.StandardButton.No
    getattr(window.actions, action).trigger()
    assert message_boxes.shown[-1][0] == "question" and "The article has no title." in message_boxes.shown[-1][2]
    assert exported == []
    message_boxes.answer = QMessageBox.StandardButton.Yes
    getattr(window.actions, action).trigger()
    assert exported == [True]


def test_the_question_before_an_export_says_which_photo_a_finding_is_about(
        qtbot: Any, window: Any, message_boxes: Any, monkeypatch: Any) -> None:
    """As the checklist panel says it: "Photo 1 (block 2): …" (the question
    dropped where, from the office-worker pass)."""
    from editor.media import MemoryMedia
    from tests.helpers import CORPUS

    monkeypatch.setattr(window.files, "export_dialog", lambda: None)
    damaged = (CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes()
    window.composer.blocks.insert_blocks([ParagraphBlock(text="Đoạn mở đầu."),
                                          ImageBlock(src="hong.jpg", media=MemoryMedia(damaged, "hong.jpg"))], "Insert photo")
    qtbot.waitUntil(lambda: any(f.id == "photo-unreadable" for f in window.checklist.errors()), timeout=30_000)
    message_boxes.answer = QMessageBox.StandardButton.No
    window.actions.export.trigger()
    asked = message_boxes.shown[-1][2]
    about_the_photo = [line for line in asked.splitlines() if "Photo 1" in line]
    assert about_the_photo and all(line.startswith("• Photo 1 (block 2): ") for line in about_the_photo), asked


def test_quit_then_discard_quits(qtbot: Any, window: Any, message_boxes: Any) -> None:
    type_text(window.composer.fields.title, "Bỏ đi")
    message_boxes.answer = QMessageBox.StandardButton.Discard
    window.actions.quit.trigger()
    assert [kind for kind, _, _ in message_boxes.shown] == ["question"]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def test_quit_cancelled_keeps_the_window_and_the_next_quit_asks_again(qtbot: Any, window: Any, message_boxes: Any) -> None:
    type_text(window.composer.fields.title, "Còn sửa")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    window.actions.quit.trigger()
    qtbot.wait(200)
    assert window.isVisible() and window.document.article.title == "Còn sửa"
    # Save, but the user closes the file dialog: still nothing saved, so stay.
    message_boxes.answer = QMessageBox.StandardButton.Save
    with patch("ui.services.file_ops.QFileDialog.getSaveFileName", return_value=("", "")):
        window.actions.quit.trigger()
    qtbot.wait(200)
    assert window.isVisible()
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    window.actions.quit.trigger()
    qtbot.wait(200)
    assert window.isVisible()
    assert [kind for kind, _, _ in message_boxes.shown] == ["question"] * 3


def test_copy_for_cms_with_a_missing_photo_says_so_and_leaves_the_clipboard(qtbot: Any, window: Any, message_boxes: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("trước đó")
    window.composer.blocks.insert_blocks([ImageBlock(src="da-mat.jpg", alt="Ảnh", caption="Ảnh")], "Insert photo")
    window.actions.copy_for_cms.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=20_000)
    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning" and "Nothing was put on the clipboard" in text and "da-mat.jpg" in text
    assert QGuiApplication.clipboard().text() == "trước đó"


def test_a_click_in_the_crop_dialog_sets_the_cards_focus_point_and_keeps_the_crop(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QDialogButtonBox

    from editor.model import Crop

    (tmp_path / "ngang.jpg").write_bytes(photo_bytes((1200, 800)))
    image = ImageBlock(src="ngang.jpg", media=FileMedia(tmp_path / "ngang.jpg"), crop=Crop(0.0, 0.0, 0.5, 1.0))
    window.composer.blocks.insert_blocks([image], "Insert photo")
    segment = window.composer.blocks.segment_of(image.id)
    qtbot.waitUntil(lambda: window.images.get(image.media, 0, None) is not None, timeout=20_000)
    window.document.undo_stack.clear()
    clicked: list[tuple[bool, bool]] = []

    def click_near_the_left_edge(dialog: Any) -> None:
        area = dialog._area
        assert area is not None and area.width() == 720
        marker = area._marker
        hidden_before = marker.isHidden()  # no point yet: the card is centred, nothing marked
        qtbot.mouseClick(area, Qt.MouseButton.LeftButton, pos=QPoint(72, 360))  # 10 % across, 75 % down
        clicked.append((hidden_before, marker.isHidden()))
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with_crop_dialog(segment, click_near_the_left_edge)
    assert clicked == [(True, False)]  # the point is marked where it was clicked
    block = window.document.article.block(image.id)
    assert block.crop == Crop(0.0, 0.0, 0.5, 1.0)  # a click is not a crop
    assert block.focus is not None and abs(block.focus.x - 0.1) < 0.01 and abs(block.focus.y - 0.75) < 0.01
    window.actions.undo.trigger()  # one step
    assert window.document.article.block(image.id).focus is None and not window.actions.undo.isEnabled()
