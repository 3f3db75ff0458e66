"""File ▸ Revisions…: each save keeps a revision; the dialog shows what
differs from the current text and restores one as a single undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import destroy_now, open_article, type_text


def _save(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.files.status_message, timeout=30_000, check_params_cb=lambda text: text.startswith("Saved")):
        window.files.save()


def _append_to_title(window: Any, text: str) -> None:
    title = window.composer.fields.title
    title.setFocus()
    title.end(False)
    type_text(title, text)


def test_a_saved_revision_is_shown_with_its_differences_and_restored_as_one_undo_step(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.library.revisions_dialog import RevisionsDialog

    open_article(qtbot, window, example_copy)
    original_title = window.document.article.title
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "bai.article"), ""))
    _save(qtbot, window)  # the first revision: the article as opened
    _append_to_title(window, " — bản hai")
    _save(qtbot, window)
    _append_to_title(window, " (chưa lưu)")

    dialog = RevisionsDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(1)  # the older one
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10_000)
    shown = dialog.diff.toPlainText()
    assert original_title in shown and "bản hai (chưa lưu)" in shown
    # Only added text: underlined, and nothing struck through.
    assert "underline" in dialog.diff.toHtml() and "line-through" not in dialog.diff.toHtml()

    dialog.restore_button.click()
    assert window.document.article.title == original_title
    assert window.composer.fields.title.text() == original_title
    window.document.undo_stack.undo()  # one step takes the whole restore back
    assert window.document.article.title == original_title + " — bản hai (chưa lưu)"
    assert window.composer.fields.title.text() == original_title + " — bản hai (chưa lưu)"
    destroy_now(dialog)


def test_restoring_brings_back_removed_paragraphs_and_photos(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.library.revisions_dialog import RevisionsDialog

    open_article(qtbot, window, example_copy)
    before = window.document.article
    blocks_before = [(b.id, getattr(b, "text", None)) for b in before.blocks]
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "bai.article"), ""))
    _save(qtbot, window)
    photo_bytes = [b.media.read_bytes() for b in window.document.article.images()]
    window.document.replace_blocks(0, len(window.document.article.blocks), [], "Xóa hết")
    _save(qtbot, window)
    assert window.document.article.blocks == []

    dialog = RevisionsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(1)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10_000)
    # The paragraphs are only in the revision: struck through.
    assert "line-through" in dialog.diff.toHtml() and blocks_before[2][1][:40] in dialog.diff.toPlainText()
    dialog.restore_button.click()
    restored = window.document.article
    assert [(b.id, getattr(b, "text", None)) for b in restored.blocks] == blocks_before
    assert [b.media.read_bytes() for b in restored.images()] == photo_bytes
    destroy_now(dialog)


def test_an_article_never_saved_has_no_revisions_and_says_so(qtbot: Any, window: Any) -> None:
    from ui.library.revisions_dialog import RevisionsDialog

    dialog = RevisionsDialog(window.document, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    assert "No revisions yet" in dialog.intro.text()
    assert not dialog.restore_button.isEnabled()
    destroy_now(dialog)
