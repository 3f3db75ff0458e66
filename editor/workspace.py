"""The local workspace: the latest working state of every open article,
saved seconds after each change, so a crash or a power cut loses nothing.

One SQLite database in the user's data folder (never on a shared drive).
Photos are stored once, by content hash, so an autosave costs the same
with one photo or thirty. A clean close removes the article's entry; what
is left after a crash is offered back on the next start.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from editor.article_format import article_from_dict, article_to_dict, parse_json
from editor.errors import FormatError, WorkspaceError
from editor.media import ArchiveMedia, FileMedia, Media
from editor.model import Article, ImageBlock
from editor.zips import DAMAGED_ZIP_ERRORS, open_regular_zip

APP_NAME = "ToaSoan"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS media (sha256 TEXT PRIMARY KEY, extension TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,
    file TEXT,
    title TEXT NOT NULL,
    saved_at REAL NOT NULL,
    article TEXT NOT NULL,
    modified INTEGER NOT NULL DEFAULT 1
);
"""


def default_workspace_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "workspace.sqlite"


@dataclass(frozen=True)
class WorkspaceEntry:
    key: str
    file: Path | None
    title: str
    saved_at: float


class _StoredMedia(Media):
    """A photo kept in the workspace, read back on demand."""

    def __init__(self, workspace: Workspace, sha256: str, extension: str) -> None:
        self._workspace = workspace
        self.__dict__["_sha256"] = sha256
        self.__dict__["_extension"] = extension

    def read_bytes(self) -> bytes:
        return self._workspace.media_bytes(self.sha256)

    def describe(self) -> str:
        return f"workspace:{self.stored_name}"


def _stored_media(connection: sqlite3.Connection) -> dict[str, str]:
    """Each stored photo's hash, with its file extension."""
    return {sha: extension for sha, extension in connection.execute("SELECT sha256, extension FROM media")
            if isinstance(sha, str) and isinstance(extension, str)}


def _is_gone(media: Media, members: dict[Path, set[str] | None]) -> bool:
    """Whether ``media``'s bytes can no longer be read where it points.
    ``members`` caches each draft's member names (None: unreadable)."""
    if isinstance(media, ArchiveMedia):
        if media.archive not in members:
            try:
                with open_regular_zip(media.archive, WorkspaceError) as archive:
                    members[media.archive] = set(archive.namelist())
            except (OSError, WorkspaceError, *DAMAGED_ZIP_ERRORS):
                members[media.archive] = None
        present = members[media.archive]
        return present is None or media.member not in present
    if isinstance(media, FileMedia):
        return not media.path.exists()
    return False


# One creation at a time in this process; another process waits on the lock file.
_CREATING = threading.Lock()


@contextmanager
def _creation_lock(path: Path) -> Iterator[None]:
    """Held while the schema is created: two connections doing it at once
    on a fresh file got "database is locked" (14 of 114 first starts)."""
    with _CREATING, open(path.with_name(path.name + ".create-lock"), "a+b") as handle:
        if sys.platform == "win32":  # sys.platform, not os.name: mypy checks the branch of the platform it runs on
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue  # LK_LOCK gives up after 10 s; a first start is never that slow
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class Workspace:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_workspace_path()
        self._created_at: Path | None = None  # the file whose schema is known to exist

    def _create(self) -> None:
        """Create the schema once, under a lock, before anything else uses
        the file; refuse a database that is not a workspace."""
        path = self.path
        if self._created_at == path:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with _creation_lock(path):
            connection = sqlite3.connect(path, timeout=10)
            try:
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if tables - {"media", "documents"}:
                    raise WorkspaceError("this database is not a Tòa Soạn workspace (it holds other tables)", path=path)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
                columns = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
                if "modified" not in columns:  # a workspace from before unmodified entries were kept
                    connection.execute("ALTER TABLE documents ADD COLUMN modified INTEGER NOT NULL DEFAULT 1")
            finally:
                connection.close()
        self._created_at = path

    def _connect(self, timeout: float = 10) -> sqlite3.Connection:
        # A connection per call: autosaves run on worker threads.
        try:
            self._create()
            connection = sqlite3.connect(self.path, timeout=timeout)
            connection.execute("PRAGMA synchronous=FULL")  # a committed autosave survives a power cut
            return connection
        except sqlite3.Error as error:
            raise WorkspaceError(f"the workspace cannot be opened: {error}", path=self.path) from error
        except OSError as error:
            raise WorkspaceError(f"the workspace cannot be opened: {error.strerror or error}", path=self.path) from error

    def check(self) -> str | None:
        """Make sure the workspace can be used, at start-up. A damaged,
        read-only, locked or foreign file is kept aside and a fresh
        workspace is used instead; returns what happened, or None."""
        try:
            connection = self._connect(timeout=2)
            try:
                connection.execute("SELECT key, file, title, saved_at, article, modified FROM documents LIMIT 1").fetchall()
                connection.execute("SELECT sha256, extension, data FROM media LIMIT 1").fetchall()
                problem = connection.execute("PRAGMA quick_check").fetchone()[0]
                if problem != "ok":
                    raise sqlite3.DatabaseError(f"the file is damaged ({problem})")
                # Can we write? (read-only, locked) A write of what is there, taken back.
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(f"PRAGMA user_version = {int(version)}")
                connection.rollback()
            finally:
                connection.close()
            return None
        except (WorkspaceError, sqlite3.Error) as error:
            cause = "; ".join(error.problems) if isinstance(error, WorkspaceError) else str(error)
            return self._start_afresh(cause, locked="locked" in cause)

    def _start_afresh(self, cause: str, *, locked: bool) -> str:
        old = self.path
        self._created_at = None  # whatever was created is set aside with the file
        stamp = time.strftime("%Y%m%d-%H%M%S")
        if not locked:  # a file another copy of the app holds is left where it is
            aside = old.with_name(f"{old.name}.damaged-{stamp}")
            try:
                for suffix in ("", "-wal", "-shm"):
                    source = Path(str(old) + suffix)
                    if source.exists():
                        os.replace(source, Path(str(aside) + suffix))
                self.path = old
                self._create()
                return f"{old}: {cause}. It was kept as {aside.name}; autosave starts afresh."
            except (OSError, sqlite3.Error, WorkspaceError):
                pass  # the folder itself cannot be written: use another one
        for folder in (old.parent, Path(tempfile.gettempdir())):
            self.path = folder / f"workspace-{stamp}-{os.getpid()}.sqlite"
            try:
                self._create()
                return f"{old}: {cause}. It was left as it is; autosave uses {self.path} for now."
            except (OSError, sqlite3.Error, WorkspaceError):
                continue
        self.path = old
        return f"{old}: {cause}. Autosave cannot work until this is mended; save your work to files."

    def save(self, key: str, article: Article, file: Path | None, *, modified: bool = True) -> None:
        """Store the article's working state; photos already stored cost nothing.

        An unmodified article (just opened or saved) is kept only for its
        photos, should its file vanish; it is not offered for recovery."""
        media: dict[str, tuple[str, Media]] = {}

        stored: dict[str, str] = {}  # block id -> media/<sha>.<ext>

        def src_of(block: ImageBlock) -> str:
            if block.media is not None:
                media[block.media.sha256] = (block.media.extension, block.media)
                stored[block.id] = f"media/{block.media.stored_name}"
            return block.src

        data = article_to_dict(article, src_of)
        # A lone surrogate (text no file can hold) becomes its JSON escape
        # rather than failing every autosave.
        document = json.dumps({"article": data, "media": stored}, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()
        connection = self._connect()
        try:
            with connection:
                # One writer at a time from the first read: another window
                # (or copy of the app) discarding its article must not remove
                # a photo between our look and our write.
                connection.execute("BEGIN IMMEDIATE")
                known = {row[0] for row in connection.execute("SELECT sha256 FROM media")}
                for sha, (extension, item) in media.items():
                    if sha not in known:
                        connection.execute("INSERT INTO media VALUES (?, ?, ?)", (sha, extension, item.read_bytes()))
                connection.execute(
                    "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                    (key, str(file) if file else None, article.title, time.time(), document, int(modified)),
                )
        except sqlite3.Error as error:
            raise WorkspaceError(f"the autosave failed: {error}", path=self.path) from error
        finally:
            connection.close()

    def entries(self) -> list[WorkspaceEntry]:
        connection = self._connect()
        try:
            rows = connection.execute(
                "SELECT key, file, title, saved_at FROM documents WHERE modified = 1 ORDER BY saved_at DESC"
            ).fetchall()
        except sqlite3.Error as error:
            raise WorkspaceError(f"the workspace cannot be read: {error}", path=self.path) from error
        finally:
            connection.close()
        # Rows are checked one by one: a damaged row (another program, a
        # bad disk) is left out rather than hiding all the others.
        return [
            WorkspaceEntry(key, Path(file) if isinstance(file, str) and file else None,
                           title if isinstance(title, str) else "", float(saved_at))
            for key, file, title, saved_at in rows
            if isinstance(key, str) and isinstance(saved_at, (int, float)) and math.isfinite(saved_at)
        ]

    def restore(self, key: str) -> Article:
        connection = self._connect()
        try:
            row = connection.execute("SELECT article FROM documents WHERE key = ?", (key,)).fetchone()
            media = _stored_media(connection)
        except sqlite3.Error as error:
            raise WorkspaceError(f"the workspace cannot be read: {error}", path=self.path) from error
        finally:
            connection.close()
        if row is None:
            raise WorkspaceError(f"nothing to recover under {key}", path=self.path)

        try:
            saved = parse_json(row[0], "the autosave")
            data, stored = saved["article"], saved["media"]
            blocks = data.get("blocks", [])
            if not isinstance(stored, dict) or not isinstance(blocks, list):
                raise TypeError("not the shape the workspace writes")
        except (FormatError, KeyError, TypeError, AttributeError) as error:
            raise WorkspaceError(f"the autosave of this article is damaged ({error}); it cannot be restored", path=self.path) from error
        # Load with each photo pointing at its stored copy, then give every
        # block back the name its photo had.
        original_src: dict[int, str] = {}
        for index, block in enumerate(blocks):
            if isinstance(block, dict) and isinstance(block.get("src"), str) and isinstance(block.get("id"), str) and isinstance(stored.get(block["id"]), str):
                original_src[index] = block["src"]
                block["src"] = stored[block["id"]]

        def resolve(src: str) -> Media | None:
            sha = Path(src).stem
            if src.startswith("media/"):
                # A photo missing from its draft stays missing.
                return _StoredMedia(self, sha, media[sha]) if sha in media else None
            return FileMedia(Path(src))  # a photo that was already missing stays missing

        article = article_from_dict(data, resolve)
        for index, src in original_src.items():
            if index < len(article.blocks) and isinstance(article.blocks[index], ImageBlock):
                article.blocks[index].src = src
        return article

    def media_bytes(self, sha256: str) -> bytes:
        connection = self._connect()
        try:
            row = connection.execute("SELECT data FROM media WHERE sha256 = ?", (sha256,)).fetchone()
        except sqlite3.Error as error:
            raise WorkspaceError(f"the workspace cannot be read: {error}", path=self.path) from error
        finally:
            connection.close()
        if row is None:
            raise WorkspaceError(f"the photo {sha256[:12]}… is not in the workspace", path=self.path)
        data = row[0]
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != sha256:
            raise WorkspaceError(f"the stored photo {sha256[:12]}… is damaged", path=self.path)
        return data

    def stand_in_for_missing_photos(self, article: Article) -> None:
        """Point photos whose bytes are gone at the workspace's copy, if it
        has one: a draft moved or deleted while open, a photo folder tidied
        up, or a draft someone else saved again without one of our photos."""
        connection = self._connect()
        try:
            known = _stored_media(connection)
        except sqlite3.Error as error:
            raise WorkspaceError(f"the workspace cannot be read: {error}", path=self.path) from error
        finally:
            connection.close()
        members: dict[Path, set[str] | None] = {}
        for block in article.images():
            media = block.media
            if media is None or not _is_gone(media, members):
                continue
            # The hash taken when the bytes were still there (the autosave of
            # the opened article), never one read from a member's name.
            sha = media.__dict__.get("_sha256")
            if sha in known:
                block.media = _StoredMedia(self, sha, known[sha])

    def discard(self, key: str) -> None:
        """Forget an article (a clean close); photos nobody uses go too."""
        connection = self._connect()
        try:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("DELETE FROM documents WHERE key = ?", (key,))
                used = set()
                for (document,) in connection.execute("SELECT article FROM documents"):
                    used.update(re.findall(r"media/([0-9a-f]{64})\.", str(document)))
                for (sha,) in connection.execute("SELECT sha256 FROM media").fetchall():
                    if sha not in used:
                        connection.execute("DELETE FROM media WHERE sha256 = ?", (sha,))
        except sqlite3.Error as error:  # a read-only or damaged workspace
            raise WorkspaceError(f"the autosave could not be cleared: {error}", path=self.path) from error
        finally:
            connection.close()

