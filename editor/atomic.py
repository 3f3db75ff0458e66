"""Atomic file writes: the target is either the old file or the new one.

The new content goes to a temporary file in the same folder, is flushed and
fsynced, then ``os.replace``d over the target, and the folder is fsynced so
the rename itself survives a power cut. Any failure removes the temporary
file and leaves the target untouched; nothing is ever written in place.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from editor.errors import DISK_FULL, FILE_IN_USE, NO_PERMISSION, READ_ONLY_DISK, SaveError


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder fsync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# Windows refuses to replace a file that another program has open, and an
# antivirus scanner opens every new file for a moment: retry for about 2 s.
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25, 0.5, 0.5)

_PLAIN_CAUSES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (DISK_FULL, "the disk is full: free some space or save somewhere else"),
    errno.EACCES: (NO_PERMISSION, "permission denied: you may not write there; save somewhere else or ask your IT staff"),
    errno.EPERM: (NO_PERMISSION, "permission denied: you may not write there; save somewhere else or ask your IT staff"),
    errno.EROFS: (READ_ONLY_DISK, "the disk is read-only: save somewhere else"),
}
if hasattr(errno, "EDQUOT"):
    _PLAIN_CAUSES[errno.EDQUOT] = (DISK_FULL, "your disk quota is used up: free some space or save somewhere else")


def _describe_os(error: OSError) -> str:
    return error.strerror or str(error)


def _describe(error: OSError) -> str:
    _, cause = _PLAIN_CAUSES.get(error.errno or 0, (None, ""))
    detail = _describe_os(error)
    return f"{cause} ({detail})" if cause else detail


def _reason(error: OSError) -> str | None:
    return _PLAIN_CAUSES.get(error.errno or 0, (None, ""))[0]


def replace_with_retry(source: Path, target: Path, delays: tuple[float, ...] = REPLACE_RETRY_DELAYS) -> None:
    """``os.replace``, retried while another program holds the target."""
    for delay in delays:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            time.sleep(delay)
    os.replace(source, target)


# A temporary file this old was left by a save that was killed (a crash, a
# power cut); a save still running would have touched it recently.
STALE_TEMP_SECONDS = 600


def _temp_prefix(target: Path) -> str:
    return f".{target.name}."


def remove_stale_temps(target: Path) -> None:
    """Tidy away what killed saves of ``target`` left beside it."""
    try:
        candidates = list(target.parent.glob(f"{glob.escape(_temp_prefix(target))}*.tmp"))
        now = time.time()
        for candidate in candidates:
            if now - candidate.stat().st_mtime > STALE_TEMP_SECONDS:
                candidate.unlink()
    except OSError:
        pass  # tidying up is never worth failing a save for


def _read_umask() -> int:
    """The process's umask, without changing it where the system can tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:  # os.umask can only be read by setting it: keep that short and alone
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


_UMASK_LOCK = threading.Lock()


def ordinary_file_mode(target: Path) -> int:
    """The mode an ordinary save would give ``target``: the existing file's
    own, else 0666 less the user's umask (0644 under umask 022). Temporary
    files are created private (0600), which would lock a colleague out."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_read_umask()


def ordinary_folder_mode() -> int:
    """0777 less the user's umask: what ``mkdir`` gives (``mkdtemp`` gives 0700)."""
    return 0o777 & ~_read_umask()


def give_ordinary_mode(path: Path, target: Path | None = None) -> None:
    """Set ``path``'s mode to what an ordinary save of ``target`` gives."""
    if os.name == "posix":
        os.chmod(path, ordinary_file_mode(target or path))


def atomic_write(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``target`` through ``write(stream)``, atomically.

    Raises ``SaveError`` naming the target; the previous file is intact.
    """
    folder = target.parent
    remove_stale_temps(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(f"cannot write in the folder: {_describe(error)}", path=target, reason=_reason(error)) from error
    temp = Path(temp_name)
    try:
        if os.name == "posix":
            os.fchmod(handle, ordinary_file_mode(target))
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            replace_with_retry(temp, target)
        except PermissionError as error:
            raise SaveError(
                "the file could not be replaced: another program keeps it open (an antivirus scanner, "
                "a backup or sync tool?), or you may not write there. Try again in a moment, or save "
                f"somewhere else ({_describe_os(error)}); the previous file is unchanged",
                path=target, reason=FILE_IN_USE,
            ) from error
        fsync_folder(folder)
    except SaveError:
        temp.unlink(missing_ok=True)
        raise
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise SaveError(f"could not save: {_describe(error)}; the previous file is unchanged", path=target, reason=_reason(error)) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def replace_folder(built: Path, target: Path) -> None:
    """Move the finished folder ``built`` to ``target``, replacing what is there.

    An existing target is first renamed aside, and restored if the move fails.
    """
    aside: Path | None = None
    if os.path.lexists(target):  # a symbolic link, even dangling, is moved aside, never followed
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        aside.rmdir()
        os.replace(target, aside)
    try:
        os.replace(built, target)
    except OSError:
        if aside is not None:
            os.replace(aside, target)
        raise
    fsync_folder(target.parent)
    if aside is not None:
        if aside.is_dir() and not aside.is_symlink():
            shutil.rmtree(aside, ignore_errors=True)
        else:
            aside.unlink(missing_ok=True)
