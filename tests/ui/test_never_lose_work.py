"""Never lose work in the window: a draft someone else has open, a file
changed, moved or deleted behind the app's back, a full disk. Each gets a
clear question or message, and the work stays open and intact."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from editor.draft import load_draft, save_draft
from editor.inputs import load_article
from editor.locks import read_holder
from tests.ui.conftest import open_article, type_text

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time; from pathlib import Path; from editor.locks import DocumentLock; "
        "DocumentLock.acquire(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)")


class Choices:
    """Stands in for ui.dialogs.choice.ask_choice: records each question, gives ``answers`` in turn."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, list[str]]] = []
        self.answers: list[str | None] = []

    def __call__(self, parent: Any, title: str, text: str, details: str, choices: list[Any], *args: Any) -> str | None:
        self.asked.append((title, text, [key for key, _, _ in choices]))
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def choices(monkeypatch: pytest.MonkeyPatch) -> Choices:
    stand_in = Choices()
    monkeypatch.setattr("ui.services.file_ops.ask_choice", stand_in)
    return stand_in


@pytest.fixture
def draft(example_copy: Path, tmp_path: Path) -> Path:
    path = tmp_path / "bai.article"
    save_draft(load_article(example_copy), path)
    return path


def _edit_title(window: Any, text: str) -> None:
    title = window.composer.fields.title
    title.setFocus()
    title.end(False)
    type_text(title, text)


def _save(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.files.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        window.files.save()


def test_a_draft_open_elsewhere_opens_as_a_copy_and_a_crashed_holder_can_be_taken_over(
    qtbot: Any, window: Any, draft: Path, choices: Choices
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(draft)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        choices.answers = ["copy"]
        with qtbot.waitSignal(window.document.reset, timeout=20_000):
            window.files.open_path(draft)
        title, text, offered = choices.asked[-1]
        assert "bai.article" in text and "is open in Tòa Soạn by" in text
        assert offered == ["copy"]  # the holder is alive: no taking over
        assert window.document.path is None  # a copy: saving asks for another name
        assert window.document.article.title == load_draft(draft).title
        assert read_holder(draft).pid == holder.pid  # type: ignore[union-attr]
    finally:
        holder.kill()  # the other copy crashes
        holder.wait()
        if holder.stdout:
            holder.stdout.close()

    choices.answers = ["take over"]
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.files.open_path(draft)
    assert choices.asked[-1][2] == ["take over", "copy"]
    assert window.document.path == draft
    assert read_holder(draft).pid == os.getpid()  # type: ignore[union-attr]
    window.files.release_lock()
    assert read_holder(draft) is None


def test_a_file_changed_by_someone_else_is_never_overwritten_without_asking(qtbot: Any, window: Any, draft: Path, choices: Choices) -> None:
    open_article(qtbot, window, draft)
    _edit_title(window, " — bản của tôi")
    theirs = load_draft(draft)
    theirs.title = "Bản của người khác"
    save_draft(theirs, draft)  # another program writes the file meanwhile
    os.utime(draft, ns=(os.stat(draft).st_atime_ns, os.stat(draft).st_mtime_ns + 1_000_000_000))

    choices.answers = [None]  # Cancel
    _save(qtbot, window)
    assert "was changed by someone else" in choices.asked[-1][1]
    assert load_draft(draft).title == "Bản của người khác"
    assert window.document.is_modified()

    choices.answers = ["here"]  # Replace their version
    _save(qtbot, window)
    qtbot.waitUntil(lambda: not window.document.is_modified(), timeout=30_000)
    assert load_draft(draft).title.endswith("— bản của tôi")


def test_a_draft_moved_away_while_open_is_saved_again_with_all_its_photos(qtbot: Any, window: Any, draft: Path, choices: Choices) -> None:
    photos = [block.media.read_bytes() for block in load_draft(draft).images()]  # type: ignore[union-attr]
    open_article(qtbot, window, draft)
    # Its photos are kept in the workspace a second after the window has prepared them.
    qtbot.waitUntil(lambda: not window.images.is_busy() and not window.autosaver.is_holding_back(), timeout=30_000)
    window.autosaver._writer.waitForDone()
    _edit_title(window, " (sửa)")
    draft.rename(draft.with_name("chuyen-di.article"))  # someone tidies the shared folder

    choices.answers = ["here"]
    _save(qtbot, window)
    qtbot.waitUntil(lambda: not window.document.is_modified(), timeout=30_000)
    assert "was moved or deleted" in choices.asked[-1][1]
    saved = load_draft(draft)
    assert saved.title.endswith("(sửa)")
    assert [block.media.read_bytes() for block in saved.images()] == photos  # type: ignore[union-attr]


def test_a_full_disk_is_explained_and_the_work_stays_open(qtbot: Any, window: Any, draft: Path, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor import atomic

    open_article(qtbot, window, draft)
    before = draft.read_bytes()
    _edit_title(window, " (sửa)")

    class FullDisk(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    real_fdopen = os.fdopen

    def full_disk(fd: int, mode: str) -> Any:
        real_fdopen(fd, mode).close()
        return io.BufferedWriter(FullDisk())

    monkeypatch.setattr(atomic.os, "fdopen", full_disk)
    _save(qtbot, window)
    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning" and "the disk is full" in text and "The previous file is unchanged" in text
    assert draft.read_bytes() == before
    assert window.document.is_modified() and window.document.article.title.endswith("(sửa)")
    assert sorted(p.name for p in draft.parent.iterdir() if p.name.startswith(".")) == [".~lock.bai.article#"]  # no temporary file left


def test_a_word_document_imported_and_never_saved_is_kept_asked_about_and_lets_the_draft_before_go(
        qtbot: Any, window: Any, draft: Path, workspace: Any, tmp_path: Path, message_boxes: Any) -> None:
    """An import is on no disk until it is saved: closing must ask, autosave
    must keep it, and the draft open before is no longer held."""
    from PySide6.QtWidgets import QMessageBox

    from tests.editor.test_word_import import vietnamese_document

    open_article(qtbot, window, draft)
    assert read_holder(draft) is not None
    with qtbot.waitSignal(window.document.reset, timeout=20_000):
        window.intake.import_word(vietnamese_document(tmp_path))
    title = "Quận Lê Chân họp Ban Chỉ đạo 35"
    assert window.document.article.title == title and window.document.path is None
    assert window.document.is_modified() and window.isWindowModified()  # the title bar's *
    assert read_holder(draft) is None  # a colleague may open the draft again
    assert window.windowTitle().startswith(title)  # named by its title until it has a file's name, not "Untitled article"
    qtbot.waitUntil(lambda: [entry.title for entry in workspace.entries()] == [title], timeout=10_000)  # offered after a crash
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible()
    kind, _, text = message_boxes.shown[-1]
    assert kind == "question" and f"Save the changes to “{title}” first?" in text
