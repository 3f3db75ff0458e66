"""The drafts library: Vietnamese search, alphabetical order, damaged files
listed with their reason, and an index that follows the files."""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from contextlib import closing
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from editor.draft import save_draft
from editor.library import Filters, Library, fts5_available
from editor.locks import DocumentLock
from editor.model import Article, ParagraphBlock
from editor.search_text import fold, sort_key

VN = timezone(timedelta(hours=7))


def _draft(folder: Path, name: str, title: str, text: str = "", **fields: object) -> Path:
    article = Article(title=title, blocks=[ParagraphBlock(text=text)] if text else [])
    for key, value in fields.items():
        setattr(article, key, value)
    path = folder / f"{name}.article"
    save_draft(article, path)
    return path


@pytest.fixture(params=["fts5", "plain scan"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Library:
    if request.param == "fts5" and not fts5_available():
        pytest.fail("this SQLite has no FTS5; the fallback is tested by the other parameter")
    return Library(tmp_path / "index" / "library.sqlite", use_fts=request.param == "fts5")


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    _draft(folder, "dang-bo", "Đại hội Đảng bộ phường Cát Dài", "Nhiệm kỳ 2025–2030.")
    _draft(folder, "quan-uy", "Hội nghị Quận ủy Lê Chân", "Bàn về công tác cán bộ.")
    _draft(folder, "khuyen-hoc", "Hội Khuyến học trao học bổng", "Ba mươi suất học bổng.")
    _draft(folder, "duong", "Nhà văn hóa thôn Dương Áo", "Khánh thành sáng nay.")
    _draft(folder, "duong-pho", "Chỉnh trang đường phố Lạch Tray", "Trồng thêm cây xanh.")
    # Decomposed (NFD) and the new tone placement ("hoà"), as some keyboards write it.
    _draft(folder, "hoa-binh", unicodedata.normalize("NFD", "Phường Hoà Nghĩa đón bằng công nhận"), "Xây dựng nông thôn mới.")
    return folder


def _titles(library: Library, query: str, folder: Path, **filters: object) -> list[str]:
    library.rescan([folder])
    return [entry.title for entry in library.search(query, [folder], Filters(**filters))]  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "expected"), [
    ("dang bo", "Đại hội Đảng bộ phường Cát Dài"),
    ("quan uy", "Hội nghị Quận ủy Lê Chân"),
    ("khuyen hoc", "Hội Khuyến học trao học bổng"),
    ("QUAN UY", "Hội nghị Quận ủy Lê Chân"),
    (unicodedata.normalize("NFD", "Quận ủy"), "Hội nghị Quận ủy Lê Chân"),
    ("hòa nghĩa", "Phường Hoà Nghĩa đón bằng công nhận"),  # old placement finds the new one, NFD text
    ("hoà nghĩa", "Phường Hoà Nghĩa đón bằng công nhận"),
    ("hoa ngh", "Phường Hoà Nghĩa đón bằng công nhận"),  # the start of a word is enough
])
def test_queries_without_marks_or_with_either_tone_placement_find_the_marked_text(
    library: Library, drafts: Path, query: str, expected: str
) -> None:
    assert _titles(library, query, drafts) == [unicodedata.normalize("NFC", expected)]


def test_every_word_must_start_a_word_somewhere_in_the_draft(library: Library, drafts: Path) -> None:
    assert _titles(library, "uy", drafts) == ["Hội nghị Quận ủy Lê Chân"]  # "ủy", a word of its own
    assert _titles(library, "an", drafts) == []  # inside "Quận", "Chân": not the start of a word
    assert _titles(library, "hoc bong", drafts) == ["Hội Khuyến học trao học bổng"]
    assert _titles(library, "cay xanh", drafts) == ["Chỉnh trang đường phố Lạch Tray"]  # body text counts
    assert _titles(library, "dang bo khuyen", drafts) == []


def test_a_query_with_marks_ranks_exact_marks_first(library: Library, drafts: Path) -> None:
    assert _titles(library, "đường", drafts) == ["Chỉnh trang đường phố Lạch Tray", "Nhà văn hóa thôn Dương Áo"]
    assert _titles(library, "Dương", drafts) == ["Nhà văn hóa thôn Dương Áo", "Chỉnh trang đường phố Lạch Tray"]


def test_without_a_query_drafts_come_in_vietnamese_alphabetical_order(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "abc"
    folder.mkdir()
    for index, title in enumerate(["Đông", "Dung", "Ân", "Ăn", "An", "Ba", "Á", "Ê", "Em", "Zalo"]):
        _draft(folder, f"d{index}", title)
    assert _titles(library, "", folder) == ["Á", "An", "Ăn", "Ân", "Ba", "Dung", "Đông", "Em", "Ê", "Zalo"]


def test_the_sort_key_puts_letters_then_tones_in_dictionary_order() -> None:
    words = ["đa", "da", "ă", "â", "a", "à", "á", "ạ", "ả", "ã", "b", "e", "ê", "o", "ô", "ơ", "u", "ư"]
    assert sorted(words, key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ", "ă", "â", "b", "da", "đa", "e", "ê", "o", "ô", "ơ", "u", "ư"]
    assert fold("Đường Trường Chinh") == "duong truong chinh"


def test_a_damaged_file_is_listed_with_its_reason(library: Library, drafts: Path) -> None:
    (drafts / "hong.article").write_bytes(b"PK\x03\x04 not really a zip")
    (drafts / "rong.article").write_bytes(b"")
    library.rescan([drafts])
    entries = {Path(entry.path).name: entry for entry in library.search("", [drafts])}
    assert len(entries) == 8
    assert "damaged or cut short" in entries["hong.article"].error
    assert entries["hong.article"].title == "hong"
    assert entries["rong.article"].error
    assert entries["quan-uy.article"].error == ""


def test_filters_by_state_author_assignee_tag_and_date(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    article = Article(title="Tin một", author="Hoàng Tùng", tags=["Lê Chân"], published=datetime(2026, 11, 30, 9, tzinfo=VN))
    article.review = replace(article.review.changed_to("review", "Hoàng Tùng"), assignee="Phạm Thu Hà")
    save_draft(article, folder / "mot.article")
    _draft(folder, "hai", "Tin hai", author="Nguyễn Lan", published=datetime(2026, 12, 3, 9, tzinfo=VN))
    assert _titles(library, "", folder, state="review") == ["Tin một"]
    assert _titles(library, "", folder, assignee="pham thu ha") == ["Tin một"]
    assert _titles(library, "", folder, assignee="Nguyễn Lan") == []  # the author is not an assignee
    assert _titles(library, "", folder, author="hoang tung") == ["Tin một"]
    assert _titles(library, "", folder, tag="le chan") == ["Tin một"]
    assert _titles(library, "", folder, date_from=date(2026, 12, 1)) == ["Tin hai"]
    assert _titles(library, "", folder, date_to=date(2026, 12, 1)) == ["Tin một"]


def test_the_index_follows_changes_and_reads_only_what_changed(library: Library, drafts: Path) -> None:
    first = library.rescan([drafts])
    assert (first.added, first.unchanged) == (6, 0)
    assert library.rescan([drafts]).unchanged == 6
    path = drafts / "quan-uy.article"
    _draft(drafts, "quan-uy", "Hội nghị Quận ủy mở rộng")
    os.utime(drafts / "duong.article")  # touched, same bytes: the hash says unchanged
    (drafts / "khuyen-hoc.article").unlink()
    result = library.rescan([drafts])
    assert (result.changed, result.removed, result.unchanged) == (1, 1, 4)
    assert library.search("mo rong", [drafts])[0].path == str(path.resolve())
    assert library.search("khuyen hoc", [drafts]) == []
    assert library.search("ban ve cong tac", [drafts]) == []  # the old body text is out of every index
    _assert_indexes_match_texts(library)
    library.rebuild([drafts])
    assert [entry.title for entry in library.search("mo rong", [drafts])] == ["Hội nghị Quận ủy mở rộng"]
    _assert_indexes_match_texts(library)


def _assert_indexes_match_texts(library: Library) -> None:
    """FTS5's own check that each index holds exactly the texts of its rows
    (a draft changed or removed with the wrong texts would fail it)."""
    if not library.use_fts:
        return
    with closing(sqlite3.connect(library.path)) as connection:
        for table in ("drafts_fts", "marks_fts", "titles_fts"):
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def test_who_has_a_draft_open_comes_from_its_lock_file(library: Library, drafts: Path) -> None:
    lock = DocumentLock.acquire(drafts / "quan-uy.article")
    assert lock is not None
    try:
        library.rescan([drafts])
        [entry] = library.search("quan uy", [drafts])
        assert entry.open_by and " on " in entry.open_by
    finally:
        lock.release()
    assert library.search("quan uy", [drafts])[0].open_by == ""


def test_a_damaged_index_is_rebuilt_from_the_files(tmp_path: Path, drafts: Path) -> None:
    index = tmp_path / "idx" / "library.sqlite"
    Library(index).rescan([drafts])
    index.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{index}{suffix}").unlink(missing_ok=True)
    again = Library(index)
    assert again.search("dang bo", [drafts]) == []  # the cache is gone…
    again.rescan([drafts])
    assert [entry.title for entry in again.search("dang bo", [drafts])] == ["Đại hội Đảng bộ phường Cát Dài"]


def test_sqlite_ranks_the_best_matches_as_the_plain_scan_does(tmp_path: Path) -> None:
    """With FTS5 the ranking is SQLite's and only the best rows come back; the
    plain scan ranks in Python. Over a few hundred drafts with many ties, both
    give the same list, a limit is the start of the full list, pages taken
    one after another make the full list, and the count is its length."""
    folder = tmp_path / "many"
    folder.mkdir()
    places = ["Lê Chân", "Dương Kinh", "Đồ Sơn", "Hòa Nghĩa", "Thủy Nguyên", "An Dương"]
    subjects = ["Đảng bộ", "Quận ủy", "Khuyến học", "đường phố", "Đoàn Thanh niên"]
    for index in range(240):
        place, subject = places[index % len(places)], subjects[index % 7 % len(subjects)]
        other = subjects[(index // 3) % len(subjects)]
        _draft(folder, f"b{index:03}", f"{subject} {place} số {index % 11}", f"Tin về {other} ở {places[index // 5 % len(places)]}.",
               author=["Hoàng Tùng", "Nguyễn Lan"][index % 2], tags=[place])
    fts = Library(tmp_path / "fts.sqlite", use_fts=True)
    scan = Library(tmp_path / "scan.sqlite", use_fts=False)
    for library in (fts, scan):
        library.rescan([folder])
    for query in ["duong", "đường", "Dương", "hoà nghĩa", "dang bo", "đảng", "le chan so 3", "khuyen hoc đồ", ""]:
        for filters in (Filters(), Filters(author="hoang tung", tag="duong kinh")):
            full = [entry.path for entry in fts.search(query, [folder], filters, with_locks=False)]
            assert full == [entry.path for entry in scan.search(query, [folder], filters, with_locks=False)], query
            assert [entry.path for entry in fts.search(query, [folder], filters, with_locks=False, limit=7)] == full[:7]
            for library in (fts, scan):  # the window's pages, one after another, are the full list
                pages = [entry.path for offset in range(0, len(full) + 50, 50)
                         for entry in library.search(query, [folder], filters, with_locks=False, limit=50, offset=offset)]
                assert pages == full, query
                assert library.count(query, [folder], filters) == len(full), query
    assert len(fts.search("duong", [folder])) > 100  # enough matches for the order to mean something
