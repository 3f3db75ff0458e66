"""After an export the window says where it went and opens it on request
(issue 18, item 6), and each kind of file dialog opens in the folder the
user last chose for that kind, not in the program's folder (item 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton

from ui.common.last_folder import FolderKind, default_folder, last_folder


class OpenedUrls:
    """Stands in for the system's file opener (Explorer, a browser)."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def open(self, url: QUrl) -> bool:
        self.paths.append(Path(url.toLocalFile()))
        return True


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> OpenedUrls:
    recorder = OpenedUrls()
    monkeypatch.setattr("ui.dialogs.export_notice.QDesktopServices.openUrl", recorder.open)
    return recorder


def test_an_export_offers_to_open_its_page_and_its_folder(qtbot: Any, window: Any, tmp_path: Path, opened: Any) -> None:
    target = tmp_path / "xuat" / "bai-viet"
    with qtbot.waitSignal(window.files.exported, timeout=60_000):
        window.files.export_to(target)
    notice = window.export_notice
    qtbot.waitUntil(notice.box.isVisible)
    assert str(target) in notice.box.text()
    assert notice.open_page.isVisible() and notice.open_folder.isVisible()

    notice.open_page.click()
    assert opened.paths[-1] == target / "index.html"
    notice.box.show()  # clicking may close it, as any message box's button does
    notice.open_folder.click()
    assert opened.paths[-1] == target


def test_a_zip_export_offers_its_folder_only(qtbot: Any, window: Any, tmp_path: Path, opened: Any) -> None:
    target = tmp_path / "bai-viet.zip"
    with qtbot.waitSignal(window.files.exported, timeout=60_000):
        window.files.export_to(target)
    notice = window.export_notice
    qtbot.waitUntil(notice.box.isVisible)
    assert not notice.open_page.isVisible()  # a browser cannot open a page inside a zip
    notice.open_folder.click()
    assert opened.paths == [tmp_path]


def test_the_pdf_offers_to_open_it(qtbot: Any, window: Any, tmp_path: Path, opened: Any) -> None:
    target = tmp_path / "bai-viet.pdf"
    with qtbot.waitSignal(window.files.exported, timeout=120_000):
        window.files.export_pdf(target)
    notice = window.export_notice
    qtbot.waitUntil(notice.box.isVisible)
    notice.open_page.click()
    assert opened.paths == [target] and target.read_bytes().startswith(b"%PDF")


def test_each_dialog_opens_where_the_user_last_chose_that_kind(qtbot: Any, window: Any, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    photos = tmp_path / "Ảnh sự kiện"
    photos.mkdir()
    photo = photos / "hop-bao.jpg"
    Image.new("RGB", (800, 600), (30, 90, 160)).save(photo)
    asked_in: list[str] = []

    def choose_photo(parent: Any, caption: str, folder: str, *args: Any, **kwargs: Any) -> tuple[list[str], str]:
        asked_in.append(folder)
        return [str(photo)], ""

    monkeypatch.setattr("ui.services.intake.QFileDialog.getOpenFileNames", choose_photo)
    window.intake.choose_images()
    window.intake.choose_images()
    # The first time in Documents (or the home folder), never the program's folder.
    assert Path(asked_in[0]) == default_folder() and Path(asked_in[0]) != Path.cwd()
    assert Path(asked_in[1]) == photos
    # Each kind keeps its own: exports did not move to the photos' folder.
    assert last_folder(FolderKind.PHOTOS) == photos
    assert last_folder(FolderKind.EXPORTS) == default_folder()

    exports = tmp_path / "Xuất bản"
    exports.mkdir()
    suggested: list[str] = []

    def save_to(parent: Any, caption: str, path: str, *args: Any, **kwargs: Any) -> tuple[str, str]:
        suggested.append(path)
        return str(exports / "bai.pdf"), ""

    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", save_to)
    monkeypatch.setattr(window.files, "export_pdf", lambda target: None)
    window.files.export_pdf_dialog()
    window.files.export_pdf_dialog()
    assert Path(suggested[0]).parent == default_folder()
    assert Path(suggested[1]).parent == exports
    assert last_folder(FolderKind.PHOTOS) == photos


def test_an_article_opened_from_a_folder_is_saved_and_first_exported_beside_its_file(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An article.json opens as a new draft: Save offers its own folder, and
    so does a first export; once saved elsewhere, the export follows the
    draft; once an export folder was chosen, exports go there."""
    from tests.ui.conftest import open_article
    from ui.common.last_folder import remember_folder

    open_article(qtbot, window, example_copy)
    drafts, exports = tmp_path / "Bản thảo", tmp_path / "Xuất bản"
    drafts.mkdir()
    exports.mkdir()
    offered: list[Path] = []
    replies: list[str] = []  # what the user picks, dialog by dialog; none: Cancel

    def save_to(parent: Any, caption: str, path: str, *args: Any, **kwargs: Any) -> tuple[str, str]:
        offered.append(Path(path))
        return (replies.pop(0) if replies else ""), ""

    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", save_to)
    window.files.save_as()
    window.files.export_dialog()
    assert [path.parent for path in offered] == [example_copy.parent, example_copy.parent]

    replies.append(str(drafts / "bai.article"))
    window.files.save_as()
    qtbot.waitUntil(lambda: window.document.path == drafts / "bai.article", timeout=30_000)
    offered.clear()
    window.files.export_dialog()
    assert offered[0].parent == drafts  # beside the draft now: no export folder chosen yet

    remember_folder(FolderKind.EXPORTS, exports)
    offered.clear()
    window.files.export_dialog()
    window.files.save_as()
    assert [path.parent for path in offered] == [exports, drafts]


def test_the_folder_of_an_article_whose_drive_is_gone_is_not_offered(
    qtbot: Any, window: Any, example_copy: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from tests.ui.conftest import open_article

    open_article(qtbot, window, example_copy)
    shutil.rmtree(example_copy.parent)  # the USB stick it came from was taken out
    offered: list[Path] = []

    def cancel(parent: Any, caption: str, path: str, *args: Any, **kwargs: Any) -> tuple[str, str]:
        offered.append(Path(path))
        return "", ""

    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", cancel)
    window.files.save_as()
    window.files.export_dialog()
    assert [path.parent for path in offered] == [default_folder(), default_folder()]


def test_a_folder_that_is_gone_is_not_offered(tmp_path: Path) -> None:
    from ui.common.last_folder import remember_folder

    gone = tmp_path / "usb"
    gone.mkdir()
    remember_folder(FolderKind.DRAFTS, gone / "bai.article")
    assert last_folder(FolderKind.DRAFTS) == gone
    gone.rmdir()  # the USB stick was taken out
    assert last_folder(FolderKind.DRAFTS) == default_folder()


def test_a_long_export_shows_its_progress_and_cancel_stops_it_writing_nothing(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from editor.media import FileMedia
    from editor.model import ImageBlock

    photos = []
    for number in range(8):
        path = tmp_path / f"anh-{number}.jpg"
        Image.effect_noise((4000 + 40 * number, 3000), 60).convert("RGB").save(path, quality=90)  # a camera-sized photo each
        photos.append(ImageBlock(src=path.name, alt=f"Ảnh {number}", caption=f"Ảnh số {number}.", media=FileMedia(path)))
    window.document.replace_blocks(0, len(window.document.article.blocks), photos, "photos")
    bar = window.files.progress.bar
    bar.setMinimumDuration(0)  # shown at once here; a real export shows it after 600 ms
    seen: list[tuple[int, int]] = []
    shown: list[tuple[bool, int]] = []

    def cancel_at_the_first_photo(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 1:
            shown.append((bar.isVisible(), bar.maximum()))
            bar.findChild(QPushButton).click()  # Cancel

    window.files.progress.advanced.connect(cancel_at_the_first_photo)
    target = tmp_path / "bai.zip"
    with qtbot.waitSignal(window.files.busy_changed, timeout=60_000, check_params_cb=lambda busy: not busy):
        window.files.export_to(target)
    assert shown == [(True, 8)]  # the bar was up, counting the eight photos
    assert seen and len(seen) < 8  # the photos not started were never converted
    assert "cancelled" in window.statusBar().currentMessage() and not target.exists()
    assert not bar.isVisible()
