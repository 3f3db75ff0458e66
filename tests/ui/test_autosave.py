"""Never lose a morning's work: autosave within 2 s, restore after a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.autosave import DELAY_MS
from tests.ui.conftest import destroy_now, open_article, type_text


def test_a_change_is_autosaved_within_two_seconds_by_the_apps_clock(qtbot: Any, window: Any) -> None:
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Bản nháp")
    timer = window.autosaver.timer
    # The app's own clock: the timer runs, and fires at most 2 s after the last change.
    assert timer.isActive() and timer.isSingleShot() and 0 < timer.remainingTime() <= 2000 and DELAY_MS <= 2000
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        pass
    entries = window.autosaver.workspace.entries()
    assert [(e.key, e.title) for e in entries] == [(window.autosaver.key, "Bản nháp")]


def test_after_a_crash_the_work_is_restored_exactly(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path) -> None:
    from ui.main_window import MainWindow

    open_article(qtbot, window, example_copy)
    author = window.composer.fields.author
    author.setFocus()
    author.end(False)
    type_text(author, " (sửa)")
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        pass
    expected = window.document.article
    key = window.autosaver.key
    # A crash: this window never closes cleanly (nothing of it runs again).
    window._keep_autosave = True
    window.autosaver.timer.stop()
    window.document.undo_stack.cleanChanged.disconnect(window.autosaver._on_clean_changed)

    second = MainWindow()
    entries = second.autosaver.workspace.entries()
    assert [e.key for e in entries] == [key]
    with qtbot.waitSignal(second.autosaver.saved, timeout=10_000):
        second.restore(key, entries[0].file)
    assert [e.key for e in second.autosaver.workspace.entries()] == [second.autosaver.key]  # kept under the new key
    restored = second.document.article
    assert restored.author == "Hoàng Tùng (sửa)"
    assert restored == expected
    assert [b.media.read_bytes() for b in restored.images()] == [b.media.read_bytes() for b in expected.images()]
    assert second.document.is_modified()  # still to be saved to a file
    second.document.undo_stack.setClean()
    second.close()
    destroy_now(second)


def test_a_clean_close_leaves_nothing_to_recover(qtbot: Any, window: Any) -> None:
    type_text(window.composer.fields.title, "Tạm")
    with qtbot.waitSignal(window.autosaver.saved, timeout=10_000):
        pass
    workspace = window.autosaver.workspace
    window.document.undo_stack.setClean()  # the user saved (or discarded)
    window.close()
    qtbot.waitUntil(lambda: workspace.entries() == [], timeout=5_000)
