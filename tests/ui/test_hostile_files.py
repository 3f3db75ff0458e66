"""Hostile and damaged files in the window (issue 22): a draft missing a
photo member opens, shows the photo as missing and lets it be replaced."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from editor.draft import load_draft
from tests.helpers import minimal_article, photo_bytes
from tests.ui.conftest import open_article


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
