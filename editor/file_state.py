"""What a document's file looked like when it was opened or last saved, to
notice when someone else changes, moves or deletes it meanwhile."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from editor.errors import FileChangedError, FileVanishedError


@dataclass(frozen=True)
class FileState:
    modified_ns: int
    size: int


def file_state(path: Path) -> FileState | None:
    """The file's state now, or None if it is not there."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileState(status.st_mtime_ns, status.st_size)


def check_unchanged(path: Path, expected: FileState | None) -> None:
    """Raise if the file is gone or differs from ``expected``."""
    now = file_state(path)
    if now is None:
        raise FileVanishedError("the file was moved or deleted since it was opened; your work is still open", path=path)
    if expected is not None and now != expected:
        raise FileChangedError("the file was changed by someone else since you opened it", path=path)
