"""The drafts library dock: folders the user adds, the list with its columns
and cover thumbnails, search and filters, changes picked up without asking,
and open / open a copy / duplicate as new."""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.article_format import load_article_json
from editor.draft import save_draft
from editor.locks import DocumentLock
from editor.model import Article, ParagraphBlock
from ui.common.workers import run_in_background


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
    qtbot.waitSignal(dialog.listed, timeout=10_000).wait()  # what it lists as it opens
    with qtbot.waitSignal(dialog.listed, timeout=10_000):
        dialog.search_box.setText("hoi thi le chan")
    assert dialog.model.rowCount() == 1 and dialog.match_count() == 1
    dialog.select_row(0)
    assert dialog.ok.isEnabled()
    dialog.accept()
    assert [(link.title, link.url) for link in window.document.article.related][-1] == (
        "Hội thi “Lê Chân trong trái tim tôi”", "https://haiphong.gov.vn/hoi-thi.html")
    with qtbot.waitSignal(dialog.listed, timeout=10_000):
        dialog.search_box.setText("hoi thi")
    assert dialog.model.rowCount() == 1  # neither the draft waiting for review nor the one without an address
    assert _count_shown(dialog) == 1
    before = len(window.document.article.related)
    window.document.undo_stack.undo()
    assert len(window.document.article.related) == before - 1


def _count_shown(panel: Any) -> int:
    """The number the count above the list says."""
    return int(re.sub(r"\D", "", panel.count_label.text()))


def _copies(folder: Path, title: str, count: int) -> list[Path]:
    """``count`` drafts of one title (copies of one file: quick to make)."""
    folder.mkdir(exist_ok=True)
    first = folder / "b0000.article"
    save_draft(Article(title=title, author="Nguyễn Lan", blocks=[ParagraphBlock(text="Trao học bổng.")]), first)
    paths = [first] + [folder / f"b{index:04}.article" for index in range(1, count)]
    for path in paths[1:]:
        shutil.copyfile(first, path)
    return paths


def test_a_search_with_many_matches_lists_a_page_and_the_rest_as_it_is_scrolled(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.library.library_panel import PAGE

    paths = _copies(tmp_path / "share", "Hội Khuyến học trao học bổng", 2 * PAGE + 50)
    panel = window.library_panel
    panel.show()
    panel.search_box.setText("khuyen hoc")
    with qtbot.waitSignal(panel.scanned, timeout=60_000):
        panel.add_folder(tmp_path / "share")
    with qtbot.waitSignal(panel.listed, timeout=20_000):
        pass  # the search again, over the whole index
    model = panel.model
    assert model.rowCount() == PAGE  # the first page only…
    assert panel.match_count() == len(paths)
    assert _count_shown(panel) == len(paths)  # …but the count is every match

    # Each page arrives whole: when rows are inserted, every one of them is there to show.
    inserted: list[tuple[int, int]] = []

    def check_inserted(parent: Any, first: int, last: int) -> None:
        assert model.rowCount() == last + 1 and all(model.data(model.index(row, 0)) for row in range(first, last + 1))
        inserted.append((first, last))

    model.rowsInserted.connect(check_inserted)
    for shown in (2 * PAGE, len(paths)):
        panel.list.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: model.rowCount() == shown, timeout=20_000)
    panel.list.scrollToBottom()
    qtbot.wait(200)
    assert model.rowCount() == len(paths) and not model.canFetchMore()
    assert inserted == [(PAGE, 2 * PAGE - 1), (2 * PAGE, len(paths) - 1)]
    # In order, each draft once: the pages join up.
    assert [model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) for row in range(model.rowCount())] == [
        str(path.resolve()) for path in paths]
    assert _count_shown(panel) == len(paths)

    # A rescan keeps as many rows as were listed, and so the place scrolled to and the selection.
    assert panel.select_path(str(paths[-1].resolve()))
    with qtbot.waitSignal(panel.listed, timeout=20_000):
        panel.rescan()
    assert model.rowCount() == len(paths) and panel.selected_path() == str(paths[-1].resolve())


def test_a_search_typed_while_indexing_runs_finds_the_drafts_indexed_so_far(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QThreadPool

    import editor.library

    folder = tmp_path / "share"
    folder.mkdir()
    for number in range(4):
        save_draft(Article(title=f"Hội Khuyến học số {number}"), folder / f"k{number}.article")
    # The index commits every second draft, and the third one read waits until released:
    # indexing is under way, with two drafts indexed, for as long as the test needs.
    monkeypatch.setattr(editor.library, "_BATCH", 2)
    read: list[str] = []
    reached, release = threading.Event(), threading.Event()
    row_for = editor.library._row_for

    def slow_row_for(path: Path) -> dict[str, object]:
        read.append(path.stem)
        if len(read) == 3:
            reached.set()
            release.wait(60)
        return row_for(path)

    monkeypatch.setattr(editor.library, "_row_for", slow_row_for)
    panel = window.library_panel
    # The index on a thread of this process, where the slowed reader above is
    # (the window runs it in the index's own process, tested apart below).
    panel.run_index = lambda function, args, done, failed, context: run_in_background(
        lambda: function(*args), done, failed, context=context)
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 3))  # a thread for searching beside the one indexing, even on one core
    panel.show()
    try:
        panel.add_folder(folder)
        qtbot.waitUntil(reached.is_set, timeout=20_000)
        so_far = sorted(f"Hội Khuyến học số {stem[1]}" for stem in read[:2])
        # While it indexes, the list shows what is indexed so far, by itself…
        qtbot.waitUntil(lambda: sorted(_titles(panel)) == so_far, timeout=20_000)
        assert _count_shown(panel) == 2
        # …and so does a search typed meanwhile.
        later = sorted(f"Hội Khuyến học số {stem[1]}" for stem in read[1:2])
        panel.search_box.setText(f"khuyen hoc so {read[1][1]}")
        qtbot.waitUntil(lambda: _titles(panel) == later, timeout=20_000)
    finally:
        release.set()
    panel.search_box.setText("khuyen hoc")
    qtbot.waitUntil(lambda: len(_titles(panel)) == 4, timeout=20_000)
    assert _count_shown(panel) == 4
    pool.setMaxThreadCount(threads)


def test_the_related_news_picker_lists_a_page_of_the_best_matches_and_the_rest_as_it_is_scrolled(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.library.paged_entries import PAGE

    folder = tmp_path / "share"
    folder.mkdir()
    published = Article(title="Hội Khuyến học trao học bổng", url="https://haiphong.gov.vn/khuyen-hoc.html")
    published.review = published.review.changed_to("published", "Nguyễn Lan")
    first = folder / "p0000.article"
    save_draft(published, first)
    paths = [first] + [folder / f"p{index:04}.article" for index in range(1, PAGE + 60)]
    for path in paths[1:]:
        shutil.copyfile(first, path)
    exact = Article(title="Khuyến học Lê Chân", url="https://haiphong.gov.vn/le-chan.html")
    exact.review = exact.review.changed_to("published", "Nguyễn Lan")
    save_draft(exact, folder / "z-exact.article")  # last in the alphabet, first for its title's marks
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=60_000):
        panel.add_folder(folder)

    dialog = window.pick_related()
    qtbot.waitSignal(dialog.listed, timeout=20_000).wait()  # what it lists as it opens: every published article
    assert dialog.model.rowCount() == PAGE and dialog.match_count() == len(paths) + 1
    with qtbot.waitSignal(dialog.listed, timeout=20_000):
        dialog.search_box.setText("khuyến học lê")
    assert [entry.title for entry in dialog.model.entries] == ["Khuyến học Lê Chân"]
    with qtbot.waitSignal(dialog.listed, timeout=20_000):
        dialog.search_box.setText("Khuyến học")
    model = dialog.model
    assert model.rowCount() == PAGE  # the first page only…
    assert dialog.match_count() == _count_shown(dialog) == len(paths) + 1  # …under the count of every match
    assert model.entries[0].title == "Hội Khuyến học trao học bổng"  # the title word, then the alphabet
    dialog.list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == len(paths) + 1, timeout=20_000)
    assert not model.canFetchMore()
    assert len({entry.path for entry in model.entries}) == len(paths) + 1  # the pages join up, each article once
    dialog.select_row(len(paths))
    dialog.accept()
    assert window.document.article.related[-1].url == model.entries[-1].url


def test_the_index_is_built_in_a_process_of_its_own_behind_the_window(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """The rescan runs where the UI thread's GIL and core are not taken: in
    another process, at a lower priority (nice 10 here; below normal on Windows)."""
    from ui.common.workers import run_in_index_process

    results: list[object] = []
    run_in_index_process(os.getpid, (), results.append, results.append)
    run_in_index_process(os.nice, (0,), results.append, results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=30_000)
    pid, niceness = results
    assert pid != os.getpid()
    assert niceness == min(19, os.nice(0) + 10)

    folder = tmp_path / "share"
    folder.mkdir()
    save_draft(Article(title="Hội Khuyến học trao học bổng"), folder / "k.article")
    panel = window.library_panel
    with qtbot.waitSignal(panel.listed, timeout=30_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: _titles(panel) == ["Hội Khuyến học trao học bổng"], timeout=20_000)


def test_without_fts5_the_library_says_so_at_start_up_and_searches_by_a_plain_scan(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import editor.library
    from ui.library.library_panel import LibraryPanel

    monkeypatch.setattr(editor.library, "fts5_available", lambda: False)  # an SQLite built without FTS5
    panel = LibraryPanel(window.document, tmp_path / "index" / "library.sqlite", lambda article: None, window)
    # On a thread of this process, which has no FTS5 here (the index's process has its own SQLite).
    panel.run_index = lambda function, args, done, failed, context: run_in_background(
        lambda: function(*args), done, failed, context=context)
    qtbot.waitUntil(lambda: not panel.notice.isHidden(), timeout=10_000)  # before any folder is added
    assert "FTS5" in panel.notice.text()
    folder = tmp_path / "share"
    folder.mkdir()
    save_draft(Article(title="Đại hội Đảng bộ phường Cát Dài"), folder / "dang-bo.article")
    save_draft(Article(title="Hội nghị Quận ủy Lê Chân"), folder / "quan-uy.article")
    panel.search_box.setText("dang bo")
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: _titles(panel) == ["Đại hội Đảng bộ phường Cát Dài"], timeout=20_000)
    assert not panel.library.use_fts and "FTS5" in panel.notice.text()


def test_the_filters_in_the_window_narrow_the_list(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from PySide6.QtCore import QDate

    folder = tmp_path / "share"
    folder.mkdir()
    vn = timezone(timedelta(hours=7))
    one = Article(title="Tin một", author="Hoàng Tùng", tags=["Lê Chân"], published=datetime(2026, 11, 30, 9, tzinfo=vn))
    one.review = replace(one.review.changed_to("review", "Hoàng Tùng"), assignee="Phạm Thu Hà")
    save_draft(one, folder / "mot.article")
    save_draft(Article(title="Tin hai", author="Nguyễn Lan", tags=["Ngô Quyền"], published=datetime(2026, 12, 3, 9, tzinfo=vn)),
               folder / "hai.article")
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: sorted(_titles(panel)) == ["Tin hai", "Tin một"], timeout=20_000)

    def shows(titles: list[str]) -> None:
        qtbot.waitUntil(lambda: sorted(_titles(panel)) == titles, timeout=10_000)

    panel.author_filter.setText("hoang tung")  # marks optional, as in the search
    shows(["Tin một"])
    panel.author_filter.clear()
    panel.assignee_filter.setText("Phạm Thu Hà")
    shows(["Tin một"])
    panel.assignee_filter.clear()
    panel.tag_filter.setText("ngo quyen")
    shows(["Tin hai"])
    panel.tag_filter.clear()
    panel.from_date.setDate(QDate(2026, 12, 1))
    panel.from_check.setChecked(True)
    shows(["Tin hai"])
    panel.from_check.setChecked(False)
    panel.to_date.setDate(QDate(2026, 12, 1))
    panel.to_check.setChecked(True)
    shows(["Tin một"])
    panel.to_check.setChecked(False)
    shows(["Tin hai", "Tin một"])


def _panel_listing_one_draft(qtbot: Any, window: Any, tmp_path: Path) -> tuple[Any, Path]:
    """The window's library panel, listing the one draft of a shared folder."""
    folder = tmp_path / "share"
    folder.mkdir()
    save_draft(Article(title="Tin một"), folder / "mot.article")
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: _titles(panel) == ["Tin một"], timeout=20_000)
    return panel, folder


def test_a_share_that_never_notifies_is_caught_up_by_the_periodic_rescan(qtbot: Any, window: Any, tmp_path: Path) -> None:
    panel, folder = _panel_listing_one_draft(qtbot, window, tmp_path)
    panel.show()  # the list on screen
    # As on a network share that sends no change notices: the watcher hears nothing.
    panel.watcher.directoryChanged.disconnect()
    panel.rescan_timer.setInterval(500)
    save_draft(Article(title="Tin hai"), folder / "hai.article")
    qtbot.waitUntil(lambda: sorted(_titles(panel)) == ["Tin hai", "Tin một"], timeout=20_000)


def test_a_closed_panel_walks_no_shared_folder_until_it_or_the_related_picker_is_shown(
        qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Closed, the panel rescanned every shared folder each 30 s for
    nobody (on a network share, from every desk); the list and the related
    news picker are brought up to date when they are shown."""
    panel, folder = _panel_listing_one_draft(qtbot, window, tmp_path)
    assert panel.isHidden()
    panel.watcher.directoryChanged.disconnect()  # a share that sends no change notices
    panel.rescan_timer.setInterval(300)
    scans: list[int] = []
    panel.scanned.connect(lambda: scans.append(1))
    published = Article(title="Tin đã đăng", url="https://haiphong.gov.vn/tin.html")
    published.review = published.review.changed_to("published", "Nguyễn Lan")
    save_draft(published, folder / "tin.article")
    qtbot.wait(1500)  # five intervals
    assert scans == [] and not panel.rescan_timer.isActive()

    dialog = window.pick_related()  # the picker lists what the share holds now
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=20_000)
    assert scans == [1]
    dialog.reject()
    qtbot.wait(1000)
    assert scans == [1]  # the picker closed, the panel still closed: nothing more

    save_draft(Article(title="Tin ba"), folder / "ba.article")
    panel.show()
    qtbot.waitUntil(lambda: "Tin ba" in _titles(panel), timeout=20_000)
    assert panel.rescan_timer.isActive()


def test_a_share_that_drops_keeps_its_drafts_listed_and_the_panel_says_which_folder(qtbot: Any, window: Any, tmp_path: Path) -> None:
    panel, folder = _panel_listing_one_draft(qtbot, window, tmp_path)
    assert panel.unreadable_notice.isHidden()
    away = folder.rename(tmp_path / "away")  # the network drive drops
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.rescan()
    qtbot.waitUntil(lambda: not panel.unreadable_notice.isHidden(), timeout=10_000)
    assert str(folder.resolve()) in panel.unreadable_notice.text()
    assert _titles(panel) == ["Tin một"]
    away.rename(folder)  # and comes back
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.rescan()
    qtbot.waitUntil(lambda: panel.unreadable_notice.isHidden(), timeout=10_000)
    assert _titles(panel) == ["Tin một"]


def test_titles_beside_their_thumbnails_show_enough_to_tell_drafts_apart(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Two drafts whose titles differ from their 25th character, each with a
    cover: the title column, beside the thumbnails, shows them that far in
    the library's narrow dock (it showed "B…")."""
    import io

    from PIL import Image

    from editor.media import MemoryMedia
    from editor.model import ImageBlock
    from ui.library.library_panel import THUMBNAIL

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "steelblue").save(buffer, "JPEG")
    folder = tmp_path / "share"
    folder.mkdir()
    titles = ["Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng", "Quận Lê Chân tăng cường cải cách hành chính"]
    for number, title in enumerate(titles):
        photo = ImageBlock(id="p", src="anh.jpg", caption="Ảnh.", media=MemoryMedia(buffer.getvalue(), "anh.jpg"))
        save_draft(Article(title=title, blocks=[photo]), folder / f"{number}.article")
    panel = window.library_panel
    panel.show()
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: sorted(_titles(panel)) == sorted(titles), timeout=20_000)
    metrics = panel.list.fontMetrics()
    assert panel.list.columnWidth(0) > THUMBNAIL.width() + metrics.horizontalAdvance(titles[0][:30])


def test_a_cover_s_thumbnail_comes_from_the_copy_its_draft_carries_not_from_the_photo(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A draft the window saved carries its photos' preview copies: the
    library reads the cover's thumbnail from one (a few KB) and decodes no
    photo; a draft without copies still gets its thumbnail decoded."""
    import dataclasses
    import io
    import zipfile

    from PIL import Image

    import ui.library.library_panel as library_panel
    from editor.draft import load_draft
    from editor.media import MemoryMedia
    from editor.model import ImageBlock
    from editor.preview_copies import serialize
    from editor.web_image import PreviewPhoto, WebImage

    decoded: list[int] = []
    real = library_panel._small_image
    monkeypatch.setattr(library_panel, "_small_image", lambda data: (decoded.append(len(data)), real(data))[1])
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "steelblue").save(buffer, "JPEG")
    shown = io.BytesIO()
    Image.new("RGB", (728, 546), "steelblue").save(shown, "JPEG")
    red = PreviewPhoto(((1600, 1200),), WebImage(shown.getvalue(), "jpg", 728, 546), bytes((200, 0, 0)) * (160 * 120), (160, 120))
    folder = tmp_path / "share"
    folder.mkdir()
    # The draft with copies was first saved with its photo as it was then
    # (a green copy), then again as it is now (red): the library shows the
    # photo as it is now, though the older copy stays in the draft.
    green = dataclasses.replace(red, thumbnail=bytes((0, 160, 0)) * (160 * 120))
    for name, copy in (("co-ban-sao", (lambda block, length: ("a-728", serialize(green)))), ("khong-ban-sao", None)):
        photo = ImageBlock(id="p", src="anh.jpg", caption="Ảnh.", media=MemoryMedia(buffer.getvalue(), "anh.jpg"))
        save_draft(Article(title=name, blocks=[photo]), folder / f"{name}.article", preview_copy_of=copy)
    saved_again = load_draft(folder / "co-ban-sao.article")
    saved_again.images()[0].rotate = 90
    save_draft(saved_again, folder / "co-ban-sao.article", preview_copy_of=lambda block, length: ("x-728", serialize(red)))
    with zipfile.ZipFile(folder / "co-ban-sao.article") as archive:
        assert [name.rsplit("/", 1)[1] for name in archive.namelist() if name.startswith("previews/")] == ["x-728.copy", "a-728.copy"]
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: sorted(_titles(panel)) == ["co-ban-sao", "khong-ban-sao"], timeout=20_000)
    model = panel.model

    def colours() -> dict[str, tuple[int, int, int]]:
        found = {}
        for row in range(model.rowCount()):
            pixmap = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
            assert pixmap is not None and not pixmap.isNull()
            pixel = pixmap.toImage().pixelColor(pixmap.width() // 2, pixmap.height() // 2)
            found[_titles(panel)[row]] = (pixel.red(), pixel.green(), pixel.blue())
        return found

    qtbot.waitUntil(lambda: len(colours()) == 2, timeout=20_000)
    found = colours()
    assert found["co-ban-sao"][0] > 150 and found["co-ban-sao"][2] < 60  # the carried thumbnail's red
    assert found["khong-ban-sao"][2] > found["khong-ban-sao"][0]  # the photo's own steel blue
    assert decoded == [len(buffer.getvalue())]  # only the draft without copies had its photo decoded


def test_a_cover_taken_upright_on_a_phone_is_an_upright_thumbnail(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Phones store a portrait photo sideways and say so in EXIF: the
    library's thumbnail is turned as the camera said, as the preview is."""
    import io

    from PIL import Image

    from editor.media import MemoryMedia
    from editor.model import ImageBlock

    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # "turn 90° clockwise to view"
    Image.new("RGB", (1600, 1200), "steelblue").save(buffer, "JPEG", exif=exif)
    folder = tmp_path / "share"
    folder.mkdir()
    photo = ImageBlock(id="p", src="doc.jpg", caption="Ảnh dọc.", media=MemoryMedia(buffer.getvalue(), "doc.jpg"))
    save_draft(Article(title="Ảnh chụp dọc", blocks=[photo]), folder / "doc.article")
    panel = window.library_panel
    with qtbot.waitSignal(panel.scanned, timeout=20_000):
        panel.add_folder(folder)
    qtbot.waitUntil(lambda: _titles(panel) == ["Ảnh chụp dọc"], timeout=20_000)
    model = panel.model

    def upright_thumbnail() -> None:
        pixmap = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
        assert pixmap is not None and not pixmap.isNull()
        assert (pixmap.width(), pixmap.height()) == (36, 48)

    qtbot.waitUntil(upright_thumbnail, timeout=20_000)


def test_opening_the_library_beside_a_narrow_form_takes_its_width_from_the_preview(qtbot: Any, window: Any) -> None:
    """The dock took its 400-500 px from the form, squeezed to 68-99 px with
    no field to be seen (from the office-worker pass)."""
    from ui.form.composer import MINIMUM_WIDTH

    window.resize(1500, 1000)
    window.splitter.setSizes([330, 900])
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] > 700, timeout=5_000)
    window.library_panel.show()
    qtbot.waitUntil(lambda: window.library_panel.isVisible() and window.library_panel.width() > 300, timeout=5_000)
    qtbot.wait(100)
    form, preview = window.splitter.sizes()
    assert form >= MINIMUM_WIDTH and preview < 700
