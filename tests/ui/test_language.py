"""The interface in Vietnamese and English: complete catalogues, .qm files
that match their sources, no English left in the Vietnamese window and its
dialogs, and a live switch that keeps the open article."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.ui.conftest import destroy_now, open_article, type_text
from tools.update_translations import qt_tool, translation_sources

I18N = ROOT / "resources" / "i18n"
# Visible words that are the same in both languages.
SAME_IN_BOTH = {
    "PDF", "QR", "URL", "OK",
    "English",  # the language menu names each language in itself
    "Tòa Soạn",  # the app's name
}


def _sources(*names: str) -> set[str]:
    found = set()
    for name in names:
        for message in ET.parse(I18N / name).getroot().iter("message"):
            found.add(message.findtext("source") or "")
    return found


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


@pytest.fixture
def vietnamese() -> Iterator[None]:
    from ui.common.language import install_language

    install_language("vi")
    yield
    install_language("en")


def test_the_catalogues_are_complete_and_up_to_date_with_the_code(tmp_path: Path) -> None:
    for name in ("toasoan_vi.ts", "toasoan_en.ts"):
        shutil.copy(I18N / name, tmp_path / name)
        sources = [str(p) for p in translation_sources()]
        subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-ts", str(tmp_path / name), "-no-obsolete", "-locations", "none", "-silent"], check=True)
        messages = list(ET.parse(tmp_path / name).getroot().iter("message"))
        assert len(messages) > 200
        unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]  # type: ignore[union-attr]
        assert unfinished == [], f"{name}: not translated yet: {unfinished[:5]}"
        empty = [m.findtext("source") for m in messages if not "".join(m.find("translation").itertext()).strip()]  # type: ignore[union-attr]
        assert empty == []


def test_the_qm_files_are_built_from_their_sources(tmp_path: Path) -> None:
    for ts in sorted(I18N.glob("*.ts")):
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True)
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: run tools/update_translations.py"


def _visible_texts(root: Any) -> list[tuple[str, str]]:
    """Every text a user can read in ``root``: labels, buttons, placeholders,
    tool tips, combo box items, menus and their actions, window titles."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QGroupBox, QLabel, QLineEdit, QListWidget, QMenu, QPlainTextEdit, QTextEdit, QWidget

    texts: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root and not isinstance(widget, QMenu):
            continue
        kind = type(widget).__name__
        texts += [(kind, widget.toolTip()), (kind, widget.windowTitle() if widget.isWindow() else "")]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((kind, widget.text()))
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            texts.append((kind, widget.placeholderText()))
        if isinstance(widget, QListWidget):
            texts += [(kind, widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [(kind, widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            texts.append((kind, widget.title()))
        if isinstance(widget, QDockWidget):
            texts.append((kind, widget.windowTitle()))
        if isinstance(widget, QMenu):
            texts.append((kind, widget.title()))
            texts += [("QAction", action.text()) for action in widget.actions()]
            texts += [("QAction", action.toolTip()) for action in widget.actions()]
    return [(kind, text) for kind, text in texts if text]


def _english_left(root: Any, english: set[str]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in _visible_texts(root) if _plain(text) in english and _plain(text) not in SAME_IN_BOTH]


def test_the_vietnamese_window_and_its_dialogs_show_no_english(qtbot: Any, window: Any, example_copy: Path, vietnamese: None, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from editor.model import SiteProfile
    from editor.workspace import WorkspaceEntry
    from ui.dialogs.find_dialog import FindReplaceDialog
    from ui.dialogs.recovery_dialog import RecoveryDialog
    from ui.dialogs.site_profile_dialog import SiteProfileDialog
    from ui.library.revisions_dialog import RevisionsDialog
    from ui.window.welcome import WelcomeDialog

    english = {_plain(s) for s in _sources("toasoan_en.ts", "qt_vi.ts")}
    open_article(qtbot, window, example_copy)
    window.composer.blocks.add_block("heading")
    window.composer.blocks.add_block("quote")
    window.document.set_field("related", [*window.document.article.related], "x")
    assert window.file_menu.title() == "&Tệp"
    assert _english_left(window, english) == []

    # Qt's own file dialog, as on systems without a native one.
    files = QFileDialog(window, "Lưu", str(tmp_path), "Bài viết (*.article)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, window)
    dialogs = [
        SiteProfileDialog(SiteProfile(), "", "", window),
        FindReplaceDialog(window.document, lambda location: None, window),
        RevisionsDialog(window.document, window),
        RecoveryDialog([WorkspaceEntry("k", None, "Bài", 0.0)], window),
        WelcomeDialog(lambda: None, window),
        box,
        files,
    ]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _english_left(dialog, english) == [], type(dialog).__name__
        assert _visible_texts(dialog)
    assert sorted(button.text() for button in box.buttons()) == ["Hủy", "Không lưu", "Lưu"]
    for dialog in dialogs:
        dialog.close()
        destroy_now(dialog)


def test_the_context_menu_of_a_text_field_is_in_vietnamese(qtbot: Any, window: Any, vietnamese: None) -> None:
    menu = window.composer.fields.title.createStandardContextMenu()
    texts = [_plain(action.text()).split("\t")[0] for action in menu.actions() if action.text()]
    assert {"Hoàn tác", "Cắt", "Chép", "Dán", "Chọn tất cả"} <= set(texts)
    menu.deleteLater()


def test_switching_language_keeps_the_open_article_and_its_history(qtbot: Any, window: Any, example_copy: Path) -> None:
    from ui.common.language import choose_language, interface_language
    from ui.common.settings import settings

    open_article(qtbot, window, example_copy)
    title = window.composer.fields.title
    title.setFocus()
    title.end(False)
    type_text(title, " (nháp)")
    steps = window.document.undo_stack.count()
    window.actions.find.trigger()
    finder = window._find_dialog
    finder.find.setText("Lê Chân")
    try:
        choose_language(settings(), "vi")
        assert interface_language() == "vi"
        # The open Find dialog speaks the new language and keeps what was typed in it.
        assert window._find_dialog is finder and finder.isVisible()
        assert finder.windowTitle() == "Tìm và thay thế" and finder.find.text() == "Lê Chân"
        assert window.file_menu.title() == "&Tệp"
        assert window.composer.fields.labels["title"].text() == "&Tiêu đề"
        assert window.actions.save.text() == "&Lưu"
        assert window.checklist.windowTitle() == "Danh sách kiểm tra"
        assert window.document.article.title.endswith("(nháp)") and title.text().endswith("(nháp)")
        assert window.document.undo_stack.count() == steps
        window.document.undo_stack.undo()
        assert not window.document.article.title.endswith("(nháp)")
        assert settings().value("interface/language") == "vi"
    finally:
        choose_language(settings(), None)  # back to the system's language (English here)
    assert window.file_menu.title() == "&File"
    assert settings().value("interface/language") is None


def test_every_error_of_the_core_has_its_own_sentence_in_both_languages() -> None:
    import inspect

    from editor import errors
    from editor.locks import DocumentLockedError
    from ui.common.errors import _FALLBACK, headline
    from ui.common.language import install_language

    kinds = [kind for _, kind in inspect.getmembers(errors, inspect.isclass) if issubclass(kind, errors.ArticleError) and kind is not errors.ArticleError]
    kinds.append(DocumentLockedError)
    assert len(kinds) >= 12
    english = {kind: headline(kind.__new__(kind)) for kind in kinds}
    assert _FALLBACK not in english.values()
    install_language("vi")
    try:
        vietnamese = {kind: headline(kind.__new__(kind)) for kind in kinds}
    finally:
        install_language("en")
    for kind in kinds:
        assert vietnamese[kind] != english[kind], kind.__name__


def test_causes_a_user_can_act_on_are_said_in_their_language(tmp_path: Path) -> None:
    from editor import errors
    from editor.draft import load_draft
    from ui.common.errors import describe_error
    from ui.common.language import install_language

    with pytest.raises(errors.DraftFileError) as caught:
        load_draft(tmp_path / "khong-co.article")
    assert caught.value.reason == errors.NOT_FOUND
    samples = [errors.SaveError("x", path=tmp_path / "bai.article", reason=reason) for reason in errors.REASONS]
    english = [describe_error(error) for error in samples]
    install_language("vi")
    try:
        vietnamese = [describe_error(error) for error in samples]
        assert "không còn ở đó" in describe_error(caught.value)
    finally:
        install_language("en")
    assert "The disk is full" in english[0] and "Ổ đĩa đã đầy" in vietnamese[0]
    for reason, en, vi in zip(errors.REASONS, english, vietnamese, strict=True):
        assert en.splitlines()[1] != vi.splitlines()[1], reason  # the cause, translated
        assert str(tmp_path / "bai.article") in vi  # and the file named


def test_the_interface_follows_a_vietnamese_system(tmp_path: Path) -> None:
    import os
    import sys

    script = "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); from ui.common.language import system_language; print(system_language())"
    for locale, expected in (("vi_VN.UTF-8", "vi"), ("en_GB.UTF-8", "en"), ("C", "en")):
        environment = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": ""}
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True)
        assert result.stdout.strip() == expected, locale


def test_qts_print_dialog_is_in_vietnamese(qtbot: Any, window: Any, vietnamese: None) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QPushButton

    english = {_plain(s) for s in _sources("toasoan_en.ts", "qt_vi.ts")}
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    options = next(b for b in dialog.findChildren(QPushButton) if _plain(b.text()).startswith("Tùy chọn"))
    options.click()  # the options pane too: copies and range (colour and two-sided show for real printers only)
    texts = {_plain(text) for _, text in _visible_texts(dialog)}
    assert {"In", "Máy in", "Tên:", "Số bản:", "Phạm vi in", "In tất cả", "Thuộc tính", "Ghi tệp PDF"} <= texts, texts
    assert not {"Print", "Printer", "Name:", "Copies:", "Print range", "Print all", "Properties", "Write PDF file"} & texts
    assert _english_left(dialog, english - {"..."}) == []  # "…" is the same in both
    dialog.close()
    destroy_now(dialog)


def test_the_time_zone_is_named_in_the_interface_language_not_by_its_id(qtbot: Any, window: Any, example_copy: Path) -> None:
    from ui.common.language import install_language

    open_article(qtbot, window, example_copy)
    label = window.composer.fields.timezone_label
    assert label.text() == "Indochina Time (UTC+07:00)"
    install_language("vi")
    try:
        assert label.text() == "Giờ Đông Dương (UTC+07:00)"  # CLDR's name, through QTimeZone
        assert "Asia/Ho_Chi_Minh" not in label.text() and label.toolTip() == "Asia/Ho_Chi_Minh"
    finally:
        install_language("en")


def test_photo_refusals_and_word_notes_are_in_vietnamese(qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any, vietnamese: None) -> None:
    from tests.editor.test_word_import import vietnamese_document

    (tmp_path / "ghi-chu.jpg").write_text("không phải ảnh", encoding="utf-8")
    (tmp_path / "rong.png").write_bytes(b"")
    window.composer.blocks.files_dropped.emit([str(tmp_path / "ghi-chu.jpg"), str(tmp_path / "rong.png")], 0)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    refused = message_boxes.shown[-1][2]
    assert "ghi-chu.jpg: không phải ảnh, hoặc là định dạng ứng dụng không đọc được" in refused
    assert "rong.png: tệp trống (0 byte)" in refused
    assert "not an image" not in refused and "empty" not in refused
    source = vietnamese_document(tmp_path)
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.intake.import_word(source)
    qtbot.waitUntil(lambda: "Một bảng đã được chuyển thành các đoạn văn" in message_boxes.shown[-1][2], timeout=10_000)
    notes = message_boxes.shown[-1][2]
    # Only the Vietnamese of each note: no English twin beside it, no raw mammoth line.
    assert "A table was flattened" not in notes and "Word document:" not in notes and "was taken as" not in notes


def test_an_export_stopped_by_a_damaged_photo_says_to_replace_it_not_to_choose_another_place(
        qtbot: Any, window: Any, tmp_path: Path, message_boxes: Any, vietnamese: None) -> None:
    """It said "choose another place or name and export again", which could
    never help (from the office-worker pass)."""
    from editor.media import MemoryMedia
    from editor.model import ImageBlock
    from tests.helpers import CORPUS

    damaged = (CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes()
    window.composer.blocks.insert_blocks([ImageBlock(src="hong.jpg", media=MemoryMedia(damaged, "hong.jpg"))], "Insert photo")
    window.files.export_to(tmp_path / "bai-viet")
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=60_000)
    said = message_boxes.shown[-1][2]
    assert "hãy thay hoặc xóa ảnh đó" in said and "chọn chỗ lưu hoặc tên khác" not in said
    assert not (tmp_path / "bai-viet").exists()


def test_a_photo_the_window_cannot_show_is_named_in_vietnamese_in_the_status_bar(qtbot: Any, window: Any, vietnamese: None) -> None:
    """The status bar said the core's English, naming the photo's path, or
    after a crash its place in the workspace ("workspace:6bc1….tif")."""
    from editor.media import MemoryMedia
    from editor.model import ImageBlock, ParagraphBlock
    from tests.helpers import CORPUS

    damaged = (CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes()
    window.composer.blocks.insert_blocks([ParagraphBlock(text="Đoạn mở đầu."),
                                          ImageBlock(src="/tmp/anh/hong.jpg", media=MemoryMedia(damaged, "workspace:6bc1.jpg"))],
                                         "Insert photo")
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "Không hiển thị được ảnh 1 (khối 2, hong.jpg)" in bar.currentMessage(), timeout=30_000)
    assert "damaged" not in bar.currentMessage() and "workspace" not in bar.currentMessage()
