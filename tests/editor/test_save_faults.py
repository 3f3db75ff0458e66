"""Saving under faults: a full disk, a refused rename, no permission. Each
gives one clear message naming the file, and the previous file is intact
with no temporary file left beside it."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from editor import atomic
from editor.draft import load_draft, save_draft
from editor.errors import DISK_FULL, FILE_IN_USE, NO_PERMISSION, SaveError
from editor.model import Article, ParagraphBlock


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "bai.article"
    save_draft(Article(title="Bản đã lưu", blocks=[ParagraphBlock(text="Đoạn cũ.")]), path)
    return path, path.read_bytes()


def _new_version() -> Article:
    # About 100 kB of text that does not compress to nothing.
    return Article(title="Bản mới", blocks=[ParagraphBlock(text=" ".join(f"Đoạn {n}" for n in range(15_000)))])


def _only_the_draft_is_left(path: Path) -> None:
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


class _FullDisk(io.RawIOBase):
    """A file that takes the first ``room`` bytes, then fails as a full disk does."""

    def __init__(self, real: Any, room: int) -> None:
        self._real, self._room = real, room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._real.write(data)

    def fileno(self) -> int:
        return self._real.fileno()

    def close(self) -> None:
        self._real.close()
        super().close()


@pytest.mark.parametrize("room", [0, 100, 20_000])
def test_a_full_disk_is_named_and_the_previous_file_is_intact(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    path, before = saved
    real_fdopen = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: io.BufferedWriter(_FullDisk(real_fdopen(fd, mode, buffering=0), room)))
    with pytest.raises(SaveError) as caught:
        save_draft(_new_version(), path)
    message = str(caught.value)
    assert str(path) in message
    assert "the disk is full" in message and "the previous file is unchanged" in message
    assert caught.value.reason == DISK_FULL  # the window says it in the user's language
    assert path.read_bytes() == before
    _only_the_draft_is_left(path)


def test_a_full_disk_at_fsync_is_caught_too(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    # Network drives report a full disk only when the data is flushed.
    path, before = saved

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(SaveError, match="the disk is full"):
        save_draft(_new_version(), path)
    assert path.read_bytes() == before
    _only_the_draft_is_left(path)


def test_a_rename_refused_for_a_moment_is_retried_and_the_save_succeeds(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows refuses the rename while an antivirus scanner holds the file.
    path, _ = saved
    real_replace = os.replace
    refusals = [3]
    pauses: list[float] = []

    def scanner_holds_the_file(source: Any, target: Any) -> None:
        if refusals[0]:
            refusals[0] -= 1
            raise PermissionError(13, "Access is denied")
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", scanner_holds_the_file)
    monkeypatch.setattr(atomic.time, "sleep", pauses.append)
    save_draft(_new_version(), path)
    assert load_draft(path).title == "Bản mới"
    assert len(pauses) == 3
    _only_the_draft_is_left(path)


def test_a_rename_refused_for_good_gives_up_after_about_two_seconds(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = saved
    pauses: list[float] = []

    def refuse(*args: object) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    monkeypatch.setattr(atomic.time, "sleep", pauses.append)
    with pytest.raises(SaveError) as caught:
        save_draft(_new_version(), path)
    message = str(caught.value)
    assert "another program keeps it open" in message and "Access is denied" in message and str(path) in message
    assert caught.value.reason == FILE_IN_USE
    assert 1.5 <= sum(pauses) <= 3
    assert path.read_bytes() == before
    _only_the_draft_is_left(path)


def test_no_permission_is_named_in_plain_words(saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    path, before = saved

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as caught:
        save_draft(_new_version(), path)
    assert "permission denied: you may not write there" in str(caught.value)
    assert caught.value.reason == NO_PERMISSION
    assert path.read_bytes() == before
