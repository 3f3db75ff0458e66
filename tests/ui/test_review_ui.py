"""The review state in the window: title bar and toolbar button show it;
changing it is one undo step and is saved with the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editor.draft import load_draft
from tests.ui.conftest import open_article


def _save(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.files.status_message, timeout=30_000, check_params_cb=lambda text: text.startswith("Saved")):
        window.files.save()


def test_submitting_for_review_shows_in_the_title_and_button_undoes_in_one_step_and_is_saved(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, example_copy)
    button = window.review_button
    assert "Draft" in window.windowTitle() and button.text() == "State: Draft"

    button.menu().aboutToShow.emit()
    review_item = next(item for item in button.menu().actions() if item.text() == "Waiting for review")
    with qtbot.waitSignal(button.dialog_opened) as opened:
        review_item.trigger()
    dialog = opened.args[0]
    dialog.comment.setText("Nhờ chị Lan duyệt")
    dialog.assignee.setText("Nguyễn Lan")
    dialog.accept()

    assert button.text() == "State: Waiting for review"
    assert "Waiting for review" in window.windowTitle()
    assert "Nguyễn Lan" in button.toolTip()
    window.document.undo_stack.undo()
    assert button.text() == "State: Draft" and "Draft" in window.windowTitle()
    assert window.document.article.review.assignee == ""
    window.document.undo_stack.redo()

    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "bai.article"), ""))
    _save(qtbot, window)
    saved = load_draft(window.document.path).review
    assert saved.state == "review" and saved.assignee == "Nguyễn Lan"
    assert saved.history[-1].comment == "Nhờ chị Lan duyệt" and saved.history[-1].by


def test_what_changed_since_the_last_review_opens_from_the_state_button(
    qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, example_copy)
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "bai.article"), ""))
    window.document.change_review("changes", "Nguyễn Lan", "Sửa tiêu đề")
    _save(qtbot, window)  # the save that carries the request for changes
    window.document.set_field("title", "Tiêu đề đã sửa theo góp ý")

    dialog = window.review_button.show_changes()
    qtbot.waitUntil(lambda: "Compared with" in dialog.text.toPlainText(), timeout=20_000)
    assert "Tiêu đề đã sửa theo góp ý" in dialog.text.toPlainText()
    assert "#fde2e1" in dialog.text.toHtml()  # the old title, struck through in red
    dialog.close()
