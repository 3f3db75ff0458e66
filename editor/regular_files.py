"""Files someone else named: a reference written in a file is followed only
below that file's folder, and only an ordinary file is read.

A FIFO would block the reader for ever and ``/dev/zero`` never ends: both
are refused from their ``stat`` before they are opened, and the file is
opened without blocking and checked again, so nothing swapped in between
can hang the app either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from editor.errors import NOT_A_FILE, NOT_FOUND, ArticleError


def require_regular_file(path: Path, error: type[ArticleError], what: str = "file") -> None:
    """Raise ``error`` unless ``path`` is an ordinary file (after links)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError as cause:
        raise error(f"{what} not found", path=path, reason=NOT_FOUND) from cause
    except OSError as cause:
        raise error(f"cannot read the {what}: {cause.strerror or cause}", path=path) from cause
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a device or a pipe"
        raise error(f"is {kind}, not an ordinary {what}", path=path, reason=NOT_A_FILE)


def kind_of(mode: int) -> str | None:
    """What a file that is not an ordinary one is, in a user's words
    (``None`` for an ordinary file): the library says it of a ``.article``
    that is a pipe or a device."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not an ordinary file"


def open_regular_file(path: Path, error: type[ArticleError], what: str = "file") -> BinaryIO:
    """``path`` opened for reading, refused unless it is an ordinary file.

    Opened without blocking (a FIFO opened for reading waits for a writer
    for ever) and checked on the open descriptor, so a pipe swapped in after
    a ``stat`` is refused too. A file gone is ``NOT_FOUND``, a pipe, device
    or folder ``NOT_A_FILE``."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as cause:
        raise error(f"{what} not found", path=path, reason=NOT_FOUND) from cause
    except IsADirectoryError as cause:  # Windows: a folder is not opened at all
        raise error(f"is a folder, not an ordinary {what}", path=path, reason=NOT_A_FILE) from cause
    except OSError as cause:
        raise error(f"cannot read the {what}: {cause.strerror or cause}", path=path) from cause
    stream = os.fdopen(descriptor, "rb")
    kind = kind_of(os.fstat(descriptor).st_mode)
    if kind is not None:
        stream.close()
        raise error(f"is {kind}, not an ordinary {what}", path=path, reason=NOT_A_FILE)
    return stream


def read_regular_file(path: Path, limit: int, error: type[ArticleError], what: str = "file") -> bytes:
    """The bytes of the ordinary file ``path``, at most ``limit`` of them."""
    require_regular_file(path, error, what)
    with open_regular_file(path, error, what) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise error(f"the {what} is larger than {limit // 1024**2} MB", path=path)
    return data


def reference_problem(reference: str) -> str | None:
    """Why ``reference``, written in a file by someone else, may not be
    followed: it must name a file below that file's folder. Judged by both
    POSIX and Windows rules, so the check is the same on every system."""
    windows, posix = PureWindowsPath(reference), PurePosixPath(reference)
    if reference.startswith(("\\\\", "//")) or windows.drive.startswith("\\\\"):
        return "a network path (\\\\server\\share) is never followed from a file: it would send the user's credentials"
    if windows.drive or windows.root or posix.is_absolute() or ":" in reference:
        return "an absolute path is not allowed; name a file beside the profile or article"
    if ".." in windows.parts or ".." in posix.parts or "\x00" in reference:
        return "a path that leaves the folder (..) is not allowed"
    return None
