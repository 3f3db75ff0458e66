"""The drafts library dock: folders the user adds, the list with its columns
and cover thumbnails, search and filters, changes picked up without asking,
and open / open a copy / duplicate as new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from editor.article_format import load_article_json
from editor.draft import save_draft
from editor.locks import DocumentLock
from editor.model import Article, ParagraphBlock


def _rows(panel: Any) -> list[list[str]]:
    return panel.rows()


def _row_of(panel: Any, title: str) -> int:
    return next(row for row, cells in enumerate(panel.rows()) if cells[0] == title)


def _titles(panel: Any) -> list[str]:
    return [row[0] for row in _rows(panel)]


def _folder(tmp_path: Path, example_copy: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    example = load_article_json(example_copy)  # has photos: its cover gets a thumbnail
    example.review = example.review.changed_to("review", "Hoàng Tùng")
    save_draft(example, folder / "le-chan.article")
    save_draft(Article(title="Đại hội Đảng bộ phường Cát Dài", author="Nguyễn Lan",
                       blocks=[ParagraphBlock(text="Nhiệm kỳ mới.")]), folder / "dang-bo.article")
    (folder / "hong.article").write_bytes(b"PK\x03\x04 damaged")
    return folder


def test_the_library_lists_searches_filters_and_follows_the_folder(qtbot: Any, window: Any, tmp_path: Path, example_copy: Path) -> None:
    folder = _folder(tmp_path, example_copy)
    panel = window.library_panel
    panel.show()
    lock = DocumentLock.acquire(folder / "dang-bo.article")
    try:
        with qtbot.waitSignal(panel.listed, timeout=20_000):
            panel.add_folder(folder)
        qtbot.waitUntil(lambda: len(_rows(panel)) == 3, timeout=20_000)
        rows = {row[0]: row for row in _rows(panel)}
        example_title = load_article_json(example_copy).title
        assert rows[example_title][1] == "Waiting for review"
        assert rows["Đại hội Đảng bộ phường Cát Dài"][3] == "Nguyễn Lan"
        assert " on " in rows["Đại hội Đảng bộ phường Cát Dài"][6]  # open by, from the lock file
        assert rows["hong"][1] == "Damaged"
        model = panel.model
        assert "damaged" in model.data(model.index(_row_of(panel, "hong"), 1), Qt.ItemDataRole.ToolTipRole)
        assert model.data(model.index(_row_of(panel, "hong"), 1), Qt.ItemDataRole.ForegroundRole) is not None

        def thumbnail() -> None:  # the cover photo's, decoded off the UI thread
            pixmap = model.data(model.index(_row_of(panel, example_title), 0), Qt.ItemDataRole.DecorationRole)
            assert pixmap is not None and not pixmap.isNull() and pixmap.width() <= 64

        qtbot.waitUntil(thumbnail, timeout=20_000)
    finally:
        lock.release()

    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.search_box.setText("dang bo cat dai")
    assert _titles(panel) == ["Đại hội Đảng bộ phường Cát Dài"]
    panel.search_box.clear()
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.state_filter.setCurrentIndex(panel.state_filter.findData("review"))
    assert _titles(panel) == [example_title]
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.state_filter.setCurrentIndex(0)

    # A draft written by someone else appears without anyone asking (the watcher).
    save_draft(Article(title="Hội Khuyến học trao học bổng"), folder / "khuyen-hoc.article")
    qtbot.waitUntil(lambda: "Hội Khuyến học trao học bổng" in _titles(panel), timeout=15_000)
    (folder / "khuyen-hoc.article").unlink()
    qtbot.waitUntil(lambda: "Hội Khuyến học trao học bổng" not in _titles(panel), timeout=15_000)


def test_open_open_a_copy_and_duplicate_as_new(qtbot: Any, window: Any, tmp_path: Path, example_copy: Path) -> None:
    folder = _folder(tmp_path, example_copy)
    panel = window.library_panel
    with qtbot.waitSignal(panel.listed, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: len(_rows(panel)) == 3, timeout=20_000)

    def select(title: str) -> None:
        assert panel.select_path(panel.model.entries[_row_of(panel, title)].path)

    example_title = load_article_json(example_copy).title
    select(example_title)
    panel.duplicate_button.click()
    qtbot.waitUntil(lambda: window.document.article.title == example_title, timeout=20_000)
    assert window.document.path is None and window.document.article.review.state == "draft"
    assert window.document.is_modified()
    window.document.undo_stack.setClean()  # nothing to ask about before the next open

    select("Đại hội Đảng bộ phường Cát Dài")
    panel.copy_button.click()
    qtbot.waitUntil(lambda: window.document.article.title == "Đại hội Đảng bộ phường Cát Dài", timeout=20_000)
    assert window.document.path is None and not (folder / ".~lock.dang-bo.article#").exists()

    panel.open_button.click()
    qtbot.waitUntil(lambda: window.document.path == folder / "dang-bo.article", timeout=20_000)
    assert (folder / ".~lock.dang-bo.article#").exists()


def test_the_folders_are_remembered(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.library.library_panel import saved_folders

    window.library_panel.add_folder(tmp_path)
    assert saved_folders() == [tmp_path]
    window.library_panel.remove_folder(tmp_path)
    assert saved_folders() == []


def test_related_news_are_picked_from_published_articles_of_the_library(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    published = Article(title="Hội thi “Lê Chân trong trái tim tôi”", url="https://haiphong.gov.vn/hoi-thi.html")
    published.review = published.review.changed_to("published", "Nguyễn Lan")
    save_draft(published, folder / "hoi-thi.article")
    no_address = Article(title="Hội thi không có địa chỉ")
    no_address.review = no_address.review.changed_to("published", "Nguyễn Lan")
    save_draft(no_address, folder / "khong-dia-chi.article")
    waiting = Article(title="Hội thi còn chờ duyệt", url="https://haiphong.gov.vn/cho.html")
    waiting.review = waiting.review.changed_to("review", "Hoàng Tùng")
    save_draft(waiting, folder / "cho.article")
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)

    dialog = window.pick_related()
    with qtbot.waitSignal(dialog.listed, timeout=10_000):
        dialog.search_box.setText("hoi thi le chan")
    assert dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    dialog.accept()
    assert [(link.title, link.url) for link in window.document.article.related][-1] == (
        "Hội thi “Lê Chân trong trái tim tôi”", "https://haiphong.gov.vn/hoi-thi.html")
    with qtbot.waitSignal(dialog.listed, timeout=10_000):
        dialog.search_box.setText("hoi thi")
    assert dialog.list.count() == 1  # neither the draft waiting for review nor the one without an address
    before = len(window.document.article.related)
    window.document.undo_stack.undo()
    assert len(window.document.article.related) == before - 1
