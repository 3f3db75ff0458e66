"""Hostile and damaged files in the window (issue 22): a draft missing a
photo member opens, shows the photo as missing and lets it be replaced."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from editor.draft import load_draft
from tests.helpers import minimal_article, photo_bytes
from tests.ui.conftest import open_article, wait_for_preview


def _draft_missing_a_photo(path: Path) -> Path:
    data = minimal_article()
    data["blocks"] = [{"id": "p1", "type": "paragraph", "text": "Đoạn một."},
                      {"id": "gone", "type": "image", "src": "media/" + "0" * 64 + ".jpg", "caption": "Ảnh mất", "alt": "a"}]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.json", json.dumps(data))
    return path


def _segment(window: Any, block_id: str) -> Any:
    return window.composer.blocks.segment_of(block_id)


def test_a_draft_missing_a_photo_member_opens_shows_it_missing_and_lets_it_be_replaced(qtbot: Any, window: Any, tmp_path: Path) -> None:
    path = _draft_missing_a_photo(tmp_path / "bai.article")
    open_article(qtbot, window, path)
    segment = _segment(window, "gone")
    assert "Photo missing" in segment.thumbnail.text()
    assert "missing" in window.statusBar().currentMessage()

    (tmp_path / "new.jpg").write_bytes(photo_bytes((320, 240), "teal"))
    segment.replace_with(tmp_path / "new.jpg")
    qtbot.waitUntil(lambda: window.document.article.block("gone").media is not None, timeout=10_000)
    qtbot.waitUntil(lambda: segment.thumbnail.pixmap() is not None and not segment.thumbnail.pixmap().isNull(), timeout=20_000)
    window.document.undo_stack.undo()  # one step back: missing again
    assert window.document.article.block("gone").media is None
    window.document.undo_stack.redo()

    with qtbot.waitSignal(window.files.status_message, timeout=20_000, check_params_cb=lambda text: text.startswith("Saved")):
        window.files.save()
    saved = load_draft(path)
    assert saved.block("gone").media.read_bytes() == (tmp_path / "new.jpg").read_bytes()
    assert saved.block("gone").caption == "Ảnh mất"


# --- item 12: File ▸ Revisions never freezes the window ------------------------------

def _long_paragraph_draft(path: Path) -> tuple[Path, str]:
    """A draft whose revision is one 10,000-word paragraph; the current text
    has a word changed every 50."""
    from datetime import datetime

    from editor.draft import save_draft
    from editor.model import Article, ParagraphBlock
    from tests.helpers import REFERENCE_DIR

    words = ((REFERENCE_DIR / "le-chan-article.txt").read_text(encoding="utf-8").split() * 20)[:10_000]
    save_draft(Article(title="Bài dài", blocks=[ParagraphBlock(id="dai", text=" ".join(words))]), path,
               revision_at=datetime(2024, 5, 1, tzinfo=UTC))
    edited = [("SỬA" if index % 50 == 0 else word) for index, word in enumerate(words)]
    return path, " ".join(edited)


def test_revisions_of_a_10000_word_paragraph_never_freeze_the_window(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from tests.ui.conftest import destroy_now
    from tests.ui.test_responsiveness import STALL_BOUND_S
    from ui.library.revisions_dialog import RevisionsDialog
    from ui.window.stall_meter import StallMeter

    path, edited = _long_paragraph_draft(tmp_path / "dai.article")
    open_article(qtbot, window, path)
    window.document.set_block_field("dai", "text", edited, "Sửa")
    wait_for_preview(qtbot, window)
    qtbot.wait(3000)  # the preview and the checklist catch up with the edit first
    meter = StallMeter()
    meter.start()
    dialog = RevisionsDialog(window.document, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=60_000)
    longest = meter.stop()
    assert longest < STALL_BOUND_S, f"the UI thread stalled for {longest * 1000:.0f} ms"
    assert dialog.diff.toHtml().count("line-through") == 200  # every changed word, marked
    assert not dialog.progress.isVisible()
    destroy_now(dialog)


def test_a_slow_comparison_shows_a_progress_bar(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import time

    import ui.library.revisions_dialog as revisions_dialog
    from tests.ui.conftest import destroy_now

    real = revisions_dialog.text_diff

    def slow(*args: Any) -> Any:
        time.sleep(0.8)
        return real(*args)

    monkeypatch.setattr(revisions_dialog, "text_diff", slow)
    path, edited = _long_paragraph_draft(tmp_path / "dai.article")
    open_article(qtbot, window, path)
    dialog = revisions_dialog.RevisionsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.progress.isVisible, timeout=700)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=30_000)
    assert not dialog.progress.isVisible()
    destroy_now(dialog)


# --- item 6: saving after someone else changed the file -------------------------------

def _draft_with_a_photo_and_50_revisions(path: Path) -> Path:
    from datetime import datetime, timedelta

    from editor.draft import save_draft
    from editor.media import MemoryMedia
    from editor.model import Article, ImageBlock, ParagraphBlock

    article = Article(title="Bài", blocks=[ParagraphBlock(id="p", text="Đoạn."),
                                          ImageBlock(id="anh", src="a.jpg", caption="c", alt="a", media=MemoryMedia(photo_bytes((64, 48), "teal")))])
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for index in range(50):
        article.title = f"Bài, bản {index + 1}"
        save_draft(article, path, revision_at=start + timedelta(minutes=index))
    return path


def _rewrite_as_someone_else(path: Path) -> None:
    """Another copy of the app saves the file: a new revision pushes out
    the oldest, and their article (and, after that, every revision they
    kept) no longer has the photo."""
    import os
    from datetime import datetime

    from editor.draft import save_draft
    from editor.revisions import list_revisions

    theirs = load_draft(path)
    theirs.title = "Bản của người khác"
    theirs.blocks = [block for block in theirs.blocks if block.id != "anh"]
    save_draft(theirs, path, revision_at=datetime(2025, 1, 1, tzinfo=UTC))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist() if not name.startswith("media/")}
    with zipfile.ZipFile(path, "w") as archive:  # and their tool tidied up the photos nobody shows
        for name, data in members.items():
            archive.writestr(name, data)
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert len(list_revisions(load_draft(path).kept_files)) == 50


@pytest.mark.parametrize("answer", ["here", "save as"])
def test_saving_after_someone_else_dropped_a_revision_and_a_photo_works(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, answer: str
) -> None:
    from tests.ui.test_never_lose_work import Choices

    choices = Choices()
    monkeypatch.setattr("ui.services.file_ops.ask_choice", choices)
    path = _draft_with_a_photo_and_50_revisions(tmp_path / "bai.article")
    photo = load_draft(path).block("anh").media.read_bytes()
    open_article(qtbot, window, path)
    window.autosaver._writer.waitForDone()  # its photos are kept in the workspace
    window.document.set_field("title", "Bản của tôi", "Sửa")
    _rewrite_as_someone_else(path)
    other = tmp_path / "ban-cua-toi.article"
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(other), ""))

    choices.answers = [answer]
    with qtbot.waitSignal(window.files.status_message, timeout=30_000, check_params_cb=lambda text: text.startswith("Saved")):
        window.files.save()
    assert [shown for shown in message_boxes.shown if shown[0] == "warning"] == []
    saved = load_draft(path if answer == "here" else other)
    assert saved.title == "Bản của tôi"
    assert saved.block("anh").media.read_bytes() == photo
    assert not window.document.is_modified()



# --- start-up and closing never fail on the workspace (issue 12 item 11, issue 22 item 13)

@pytest.fixture
def damaged_workspace(tmp_path: Path) -> Path:
    path = tmp_path / "workspace.sqlite"  # where tests/ui/conftest.py puts the window's workspace
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    return path


def test_the_window_starts_on_a_damaged_workspace_says_so_and_autosaves_afresh(
    qtbot: Any, damaged_workspace: Path, window: Any, message_boxes: Any, tmp_path: Path
) -> None:
    window.offer_recovery()
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _, _ in message_boxes.shown), timeout=20_000)
    (_, title, text) = [shown for shown in message_boxes.shown if shown[0] == "warning"][0]
    assert "a fresh one was started" in text and str(damaged_workspace) in text
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("workspace.sqlite.damaged-") and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    window.document.set_field("title", "Bài mới", "Sửa")
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        window.autosaver.save_now()
    assert [entry.title for entry in window.autosaver.workspace.entries()] == ["Bài mới"]


def test_a_read_only_workspace_never_stops_the_window_closing_nor_leaves_a_lock(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.draft import save_draft
    from editor.locks import read_holder
    from editor.model import Article
    from tests.editor.test_workspace_hostile import _read_only

    draft = tmp_path / "bai.article"
    save_draft(Article(title="Bài"), draft)
    open_article(qtbot, window, draft)
    window.autosaver._writer.waitForDone()
    assert read_holder(draft) is not None
    _read_only(monkeypatch, window.autosaver.workspace.path)
    window.close()
    assert not window.isVisible()
    assert read_holder(draft) is None
