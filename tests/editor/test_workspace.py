"""The local workspace: autosaves that restore exactly, photos stored once."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest

from editor.article_format import load_article_json
from editor.errors import WorkspaceError
from editor.media import FileMedia
from editor.model import ImageBlock
from editor.workspace import Workspace
from tests.helpers import EXAMPLE_DIR, photo_bytes


def test_an_autosave_restores_exactly(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws.sqlite")
    article = load_article_json(EXAMPLE_DIR / "article.json")
    article.title = unicodedata.normalize("NFD", "Bản nháp chưa lưu")
    article.extra["x-cms"] = {"giữ": True}
    workspace.save("doc-1", article, None)
    restored = workspace.restore("doc-1")
    assert restored == article
    assert [b.media.read_bytes() for b in restored.images()] == [b.media.read_bytes() for b in article.images()]
    entry = workspace.entries()[0]
    assert (entry.key, entry.title, entry.file) == ("doc-1", "Bản nháp chưa lưu", None)


def test_photos_are_stored_once_so_autosaves_cost_the_same(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws.sqlite")
    (tmp_path / "a.jpg").write_bytes(photo_bytes())
    article = load_article_json(EXAMPLE_DIR / "article.json")
    article.blocks.append(ImageBlock(src="a.jpg", caption="x", alt="y", media=FileMedia(tmp_path / "a.jpg")))
    for round_ in range(5):
        article.lead = f"Lần lưu {round_}"
        workspace.save("doc-1", article, tmp_path / "bai.article")
    with sqlite3.connect(tmp_path / "ws.sqlite") as connection:
        assert connection.execute("SELECT COUNT(*) FROM media").fetchone()[0] == 4  # 3 example photos + 1
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert workspace.restore("doc-1").lead == "Lần lưu 4"
    assert workspace.entries()[0].file == tmp_path / "bai.article"


def test_a_clean_close_forgets_the_article_and_its_photos(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws.sqlite")
    workspace.save("doc-1", load_article_json(EXAMPLE_DIR / "article.json"), None)
    workspace.discard("doc-1")
    assert workspace.entries() == []
    with sqlite3.connect(tmp_path / "ws.sqlite") as connection:
        assert connection.execute("SELECT COUNT(*) FROM media").fetchone()[0] == 0
    with pytest.raises(WorkspaceError):
        workspace.restore("doc-1")


def test_an_unusable_workspace_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "ws.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(WorkspaceError, match="cannot be opened"):
        Workspace(tmp_path / "ws.sqlite").entries()


def test_an_unmodified_article_keeps_its_photos_but_is_not_offered_for_recovery(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws.sqlite")
    article = load_article_json(EXAMPLE_DIR / "article.json")
    workspace.save("doc-1", article, tmp_path / "bai.article", modified=False)
    assert workspace.entries() == []
    workspace.save("doc-1", article, tmp_path / "bai.article")
    assert [entry.key for entry in workspace.entries()] == ["doc-1"]


def test_photos_whose_file_vanished_are_read_from_the_workspace(tmp_path: Path) -> None:
    from editor.draft import load_draft, save_draft

    workspace = Workspace(tmp_path / "ws.sqlite")
    save_draft(load_article_json(EXAMPLE_DIR / "article.json"), tmp_path / "bai.article")
    article = load_draft(tmp_path / "bai.article")
    expected = [block.media.read_bytes() for block in article.images()]  # type: ignore[union-attr]
    workspace.save("doc-1", article, tmp_path / "bai.article", modified=False)
    (tmp_path / "bai.article").rename(tmp_path / "moved.article")  # someone moves the draft away
    workspace.stand_in_for_missing_photos(article)
    save_draft(article, tmp_path / "bai.article")  # "save it again here"
    assert [block.media.read_bytes() for block in load_draft(tmp_path / "bai.article").images()] == expected  # type: ignore[union-attr]


def test_two_copies_saving_and_discarding_at_once_never_lose_a_photo(tmp_path: Path) -> None:
    # Two windows (or two copies of the app) share the workspace: one keeps
    # autosaving an article while the other closes one with the same photo.
    import threading

    (tmp_path / "a.jpg").write_bytes(photo_bytes())
    article = load_article_json(EXAMPLE_DIR / "article.json")
    article.blocks.append(ImageBlock(src="a.jpg", caption="x", alt="y", media=FileMedia(tmp_path / "a.jpg")))
    path = tmp_path / "ws.sqlite"
    Workspace(path).save("warm-up", article, None)
    errors: list[BaseException] = []

    def closing_window() -> None:
        try:
            for _round in range(40):
                Workspace(path).save("other", article, None)
                Workspace(path).discard("other")
        except BaseException as error:  # noqa: BLE001 — reported below
            errors.append(error)

    other = threading.Thread(target=closing_window)
    other.start()
    Workspace(path).discard("warm-up")
    for round_ in range(40):
        article.lead = f"Lần {round_}"
        Workspace(path).save("mine", article, None)
        restored = Workspace(path).restore("mine")
        assert [b.media.read_bytes() for b in restored.images()] == [b.media.read_bytes() for b in article.images()]  # type: ignore[union-attr]
    other.join()
    assert errors == []


def test_photos_the_window_read_for_their_preview_are_kept_whole_and_apart(tmp_path: Path) -> None:
    """The window reads each photo once (``read_hashed``) and the workspace
    names it by the hash kept then: two photos never share a name, so
    neither stands in for the other when their draft has gone."""
    from editor.draft import load_draft, save_draft

    (tmp_path / "a.jpg").write_bytes(photo_bytes(color="navy"))
    (tmp_path / "b.jpg").write_bytes(photo_bytes(color="orange"))
    article = load_article_json(EXAMPLE_DIR / "article.json")
    article.blocks = [ImageBlock(src=f"{name}.jpg", caption=name, alt=name, media=FileMedia(tmp_path / f"{name}.jpg")) for name in "ab"]
    save_draft(article, tmp_path / "bai.article")
    opened = load_draft(tmp_path / "bai.article")
    expected = [block.media.read_hashed()[0] for block in opened.images()]  # type: ignore[union-attr]
    workspace = Workspace(tmp_path / "ws.sqlite")
    workspace.save("doc-1", opened, tmp_path / "bai.article", modified=False)
    (tmp_path / "bai.article").rename(tmp_path / "moved.article")
    workspace.stand_in_for_missing_photos(opened)
    assert [block.media.read_bytes() for block in opened.images()] == expected  # type: ignore[union-attr]
    assert expected[0] != expected[1]
