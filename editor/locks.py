"""Lock files beside documents, so that two copies of the app (two windows,
or two computers sharing a drive) never overwrite each other's work.

Opening ``bai.article`` creates ``.~lock.bai.article#`` beside it, which
names who holds it: user, computer, process, and since when. A second opener
is told who has it and may open a copy instead. A lock left by a copy that
crashed is recognized as stale, and can be taken over: on the same computer
its process is gone; from another computer, its holder stopped refreshing it
(every ``REFRESH_SECONDS``) more than ``STALE_AFTER_SECONDS`` ago.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor.errors import ArticleError

REFRESH_SECONDS = 60
STALE_AFTER_SECONDS = 10 * 60


@dataclass(frozen=True)
class LockHolder:
    user: str
    machine: str
    pid: int
    since: datetime  # aware
    refreshed: float  # the lock file's modification time (seconds since the epoch)

    def is_this_process(self) -> bool:
        return self.machine == _machine() and self.pid == os.getpid()

    def is_stale(self, now: float | None = None) -> bool:
        """Left by a copy of the app that is no longer running."""
        if self.machine == _machine():
            return not _process_running(self.pid)
        return (now or time.time()) - self.refreshed > STALE_AFTER_SECONDS


class DocumentLockedError(ArticleError):
    """Someone else has the document open."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.holder = holder
        since = holder.since.astimezone().strftime("%d/%m/%Y %H:%M")
        super().__init__(f"open in Tòa Soạn by {holder.user} on {holder.machine} since {since}", path=path)


def lock_path(document: Path) -> Path:
    return document.with_name(f".~lock.{document.name}#")


def _machine() -> str:
    return socket.gethostname() or "?"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the user database
        return "?"


def _process_running(pid: int) -> bool:
    if os.name == "nt":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, and belongs to someone else
    except OSError:
        return True  # unknown: treat as held, never steal a live lock
    return True


def _windows_process_running(pid: int) -> bool:
    # os.kill would end the process on Windows; ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def read_holder(document: Path) -> LockHolder | None:
    """Who holds the document, or None if nobody does (or the lock is unreadable)."""
    path = lock_path(document)
    try:
        refreshed = path.stat().st_mtime
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data["user"]), machine=str(data["machine"]), pid=int(data["pid"]),
            since=datetime.fromisoformat(data["since"]), refreshed=refreshed,
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Half-written or damaged: treat as held by an unknown copy, stale
        # once it stops being refreshed.
        try:
            refreshed = path.stat().st_mtime
        except OSError:
            return None
        return LockHolder("?", "?", 0, datetime.fromtimestamp(refreshed, UTC), refreshed)


class DocumentLock:
    """A lock this process holds. ``release()`` removes it."""

    def __init__(self, document: Path) -> None:
        self.document = document
        self.path = lock_path(document)

    @classmethod
    def acquire(cls, document: Path, *, take_over: bool = False) -> DocumentLock | None:
        """Lock ``document``. Raises ``DocumentLockedError`` if someone else
        holds it, unless ``take_over`` (the user chose to, for a stale lock).
        Returns None where no lock can be written (a read-only folder): the
        document then opens unlocked, and saving there fails anyway."""
        lock = cls(document)
        holder = read_holder(document)
        if holder is not None:
            if holder.is_this_process():
                raise DocumentLockedError(document, holder)  # already open in this window's app
            if not take_over:
                raise DocumentLockedError(document, holder)
            lock.path.unlink(missing_ok=True)
        record = json.dumps({
            "app": "Tòa Soạn", "user": _user(), "machine": _machine(), "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }, ensure_ascii=False)
        try:
            # O_EXCL: of two copies racing for the lock, exactly one creates it.
            descriptor = os.open(lock.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_holder(document)
            if holder is None:
                return cls.acquire(document, take_over=take_over)
            raise DocumentLockedError(document, holder) from None
        except OSError:
            return None
        try:
            os.write(descriptor, record.encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        _hide_on_windows(lock.path)
        return lock

    def ensure_held(self) -> None:
        """Before a save: raise ``DocumentLockedError`` if another copy took
        the document over meanwhile; re-create the lock if it was deleted."""
        holder = read_holder(self.document)
        if holder is None:
            DocumentLock.acquire(self.document)
        elif not holder.is_this_process():
            raise DocumentLockedError(self.document, holder)

    def refresh(self) -> None:
        """Show the lock is still alive (called every ``REFRESH_SECONDS``)."""
        try:
            os.utime(self.path)
        except OSError:
            pass  # the next save will tell if the folder is gone

    def release(self) -> None:
        holder = read_holder(self.document)
        if holder is not None and holder.is_this_process():
            try:
                self.path.unlink()
            except OSError:
                pass  # a stale lock of ours is recognized and taken over next time


@contextmanager
def locked(document: Path, held: DocumentLock | None, *, take_over: bool = False) -> Iterator[DocumentLock | None]:
    """The lock to work on ``document`` under: ``held`` if this window holds
    it already, else a new one, which is given back if the work fails."""
    if held is not None:
        yield held
        return
    lock = DocumentLock.acquire(document, take_over=take_over)
    try:
        yield lock
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _hide_on_windows(path: Path) -> None:
    if os.name == "nt":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x02)  # type: ignore[attr-defined]  # FILE_ATTRIBUTE_HIDDEN
