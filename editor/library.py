"""The drafts library: every ``.article`` under the folders a user adds.

The shared store is the folder of drafts the office already has, often on a
network share. A database there would corrupt (SQLite's own FAQ warns about
network file systems), so each computer keeps its own index, a SQLite file
beside the workspace database, that can be rebuilt from the files alone:
each file's path, size, modification time and SHA-256 decide whether it
must be read again.

Search folds Vietnamese (editor/search_text.py): FTS5 indexes the folded
text when SQLite has it; otherwise, said once through ``fts5_available``, a
plain scan over the same folded text gives the same answers, more slowly.
With FTS5 the ranking is SQLite's too (exact marks first, then words in the
title, then the alphabet), so only the rows asked for come back to Python.
A damaged file is listed with the reason it cannot be read, never skipped
and never a crash. Who has a draft open comes from its lock file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from editor.draft import SUFFIX, load_draft
from editor.errors import NOT_FOUND, ArticleError, DraftFileError
from editor.fields import article_texts as declared_texts
from editor.locks import read_holder
from editor.model import Article
from editor.regular_files import kind_of, open_regular_file
from editor.search_text import fold, has_marks, marked, query_words, sort_key, sort_text, word_start
from editor.workspace import default_workspace_path

INDEX_NAME = "library.sqlite"
_SCHEMA_VERSION = 4
_BATCH = 500  # files written to the index per transaction
_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT '',
    assignee TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    url TEXT NOT NULL DEFAULT '',
    cover TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    title_folded TEXT NOT NULL DEFAULT '',
    title_sort TEXT NOT NULL DEFAULT '',
    -- The filters' keys, folded as the filters compare them.
    author_key TEXT NOT NULL DEFAULT '',
    assignee_key TEXT NOT NULL DEFAULT '',
    tags_key TEXT NOT NULL DEFAULT ''  -- each folded tag between newlines
);
-- The list without a query, in alphabetical order: its first rows without a sort.
CREATE INDEX IF NOT EXISTS drafts_by_title ON drafts (title_sort, path);
-- The long texts apart, so that listing and filtering read small rows.
CREATE TABLE IF NOT EXISTS texts (
    id INTEGER PRIMARY KEY,
    folded TEXT NOT NULL,
    marked TEXT NOT NULL
);
"""
# Three FTS5 indexes, one text each: the folded text to match, the marked text
# to rank exact marks first, the folded title to rank title words next. Apart,
# a title word reads the small title index only (a search is about a quarter
# faster than with three columns of one table). Each indexes a column of
# texts or drafts (external content: the text is stored once, and indexing is
# as fast as one FTS5 table holding its own copy of the folded text was), so
# a row leaves an index through FTS5's 'delete' with the text it was indexed
# with. "detail=column" keeps no word positions, which a search by word
# starts never needs. unicode61 with remove_diacritics 0 only splits words
# (as search_text.words does) and lowers case: the folding is the app's own.
_FTS_TABLES = {"folded": ("drafts_fts", "texts"), "marked": ("marks_fts", "texts"), "title_folded": ("titles_fts", "drafts")}
_FTS_SCHEMA = "".join(
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({column}, content = '{content}', content_rowid = 'id', "
    "tokenize = 'unicode61 remove_diacritics 0', detail = column);"
    for column, (table, content) in _FTS_TABLES.items()
)


def default_index_path() -> Path:
    """Beside the workspace database, on this computer: never on the share."""
    return default_workspace_path().parent / INDEX_NAME


def fts5_available() -> bool:
    """Whether this SQLite was built with FTS5 (checked once at start-up)."""
    try:
        with closing(sqlite3.connect(":memory:")) as connection:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.OperationalError:
        return False


@dataclass(frozen=True)
class LibraryEntry:
    """One draft as the library lists it (``--json`` prints these fields)."""

    path: str
    title: str
    state: str
    assignee: str
    author: str
    date: str  # publication date and time, ISO 8601, or ""
    modified: str  # the file's last change, ISO 8601 UTC
    open_by: str  # who has it open now ("user on machine"), or ""
    error: str  # why the file cannot be read, or ""
    tags: tuple[str, ...] = ()
    url: str = ""
    cover: str = ""  # the cover photo's member in the draft, for a thumbnail

    def as_json(self) -> dict[str, str]:
        data = asdict(self)
        return {key: data[key] for key in ("path", "title", "state", "assignee", "author", "date", "modified", "open_by", "error")}


@dataclass(frozen=True)
class ScanResult:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    # "folder: reason" for each folder the walk could not read; the drafts
    # known under it stay listed as they were.
    unreadable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    state: str | None = None
    author: str | None = None
    assignee: str | None = None
    tag: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    # Only readable drafts with a public address ("Tin khác" links to them).
    with_address: bool = False


def article_texts(article: Article) -> list[str]:
    """Every text a query word may match, as plain text: the texts the model
    declares (editor/fields.py), the tags and who the draft is assigned to."""
    texts = [text.plain for text in declared_texts(article)]
    return [text for text in [*texts, *article.tags, article.review.assignee] if text]


@dataclass
class DraftWalk:
    """What a walk of the library's folders found: every ``.article``, and
    each folder it could not read with the reason (``{folder: reason}``)."""

    drafts: list[Path]
    unreadable: dict[str, str]


def walk_drafts(folders: Iterable[Path]) -> DraftWalk:
    """Every ``.article`` under the folders; lock files and hidden folders
    aside. A folder that cannot be read (a network drive gone, a subfolder
    this user may not enter) is named, not skipped: a rescan must not take
    its drafts off the list as if they had been deleted."""
    walk = DraftWalk([], {})
    for folder in folders:

        def unreadable(error: OSError, folder: Path = folder) -> None:
            # The folder that failed; the one walked when the error names none.
            walk.unreadable[str(error.filename or folder)] = error.strerror or str(error)

        for root, dirs, files in os.walk(folder, onerror=unreadable):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            walk.drafts.extend(Path(root) / name for name in files
                               if name.lower().endswith(SUFFIX) and not name.startswith(".~lock."))
    return walk


def _sha256(path: Path) -> str:
    """The file's hash, read through open_regular_file: a pipe swapped in
    since its ``stat`` is refused instead of blocking the index for ever."""
    digest = hashlib.sha256()
    with open_regular_file(path, DraftFileError, "file") as stream:
        try:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        except OSError as error:
            raise DraftFileError(f"cannot read the file: {error.strerror or error}", path=path) from error
    return digest.hexdigest()


def _damaged(path: Path, reason: str) -> dict[str, object]:
    return {"title": path.stem, "title_sort": sort_text(path.stem), "error": reason}


def _describe(error: BaseException) -> str:
    if isinstance(error, ArticleError):
        return "; ".join(error.problems)
    if isinstance(error, OSError):
        return f"cannot read the file: {error.strerror or error}"
    return f"cannot be read ({type(error).__name__})"


def _row_for(path: Path) -> dict[str, object] | None:
    """What the index keeps of one draft; a damaged one keeps its reason.
    ``None``: the file is gone (deleted or renamed since it was listed)."""
    try:
        article = load_draft(path)
    except ArticleError as error:
        if error.reason == NOT_FOUND:
            return None
        return _damaged(path, _describe(error))
    except Exception as error:  # noqa: BLE001 — a library lists every file, whatever is wrong with it
        return _damaged(path, _describe(error))
    texts = article_texts(article)
    tags = [_key(tag) for tag in article.tags]
    local = article.local_published()
    cover = article.cover_image()
    return {
        "title": article.title, "state": article.review.state, "assignee": article.review.assignee,
        "author": article.author, "published": article.published.isoformat() if article.published else "",
        "day": local.date().isoformat() if local else "", "tags": json.dumps(article.tags, ensure_ascii=False),
        "url": article.url, "cover": cover.src if cover is not None and cover.media is not None else "",
        "error": "", "folded": "\n".join(fold(text) for text in texts), "marked": "\n".join(marked(text) for text in texts),
        "title_folded": fold(article.title), "title_sort": sort_text(article.title),
        "author_key": _key(article.author), "assignee_key": _key(article.review.assignee),
        "tags_key": "\n" + "".join(tag + "\n" for tag in tags) if tags else "",
    }


class Library:
    """The index of one computer. Every call opens its own connection, so a
    rescan on a worker thread and a search on the UI thread never share one."""

    def __init__(self, path: Path | None = None, *, use_fts: bool | None = None) -> None:
        self.path = path or default_index_path()
        self.use_fts = fts5_available() if use_fts is None else use_fts
        self._prepare()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")  # a cache of the files: losing the last writes costs a rescan
        return connection

    def _prepare(self) -> None:
        try:
            self._create()
        except sqlite3.DatabaseError:
            # A damaged index is only a cache of the files: start it again.
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._create()

    def _create(self) -> None:
        with closing(self._connect()) as connection, connection:
            # The version says whether the FTS5 indexes are kept: an index written
            # without them (or by an older schema) is started again.
            wanted = _SCHEMA_VERSION * 10 + (1 if self.use_fts else 0)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, wanted):
                connection.executescript("DROP TABLE IF EXISTS drafts; DROP TABLE IF EXISTS texts;"
                                         + "".join(f"DROP TABLE IF EXISTS {table};" for table, _ in _FTS_TABLES.values()))
            connection.executescript(_SCHEMA)
            if self.use_fts:
                connection.executescript(_FTS_SCHEMA)
            connection.execute(f"PRAGMA user_version = {wanted}")

    # --- keeping up with the files ----------------------------------------------------
    def rescan(self, folders: Iterable[Path]) -> ScanResult:
        """Bring the index up to date with the drafts under ``folders``: a file
        is read again only when its size or time changed and its hash too."""
        folders = [Path(folder).resolve() for folder in folders]
        # Keyed by the path under the (resolved) folder, not by where a link
        # points: a draft that is a link is listed in its folder, as the user sees it.
        walk = walk_drafts(folders)
        found = {str(path): path for path in walk.drafts}
        added = changed = unchanged = removed = 0
        with closing(self._connect()) as connection:
            known = {
                row[0]: row[1:] for row in connection.execute("SELECT path, id, size, mtime_ns, sha256 FROM drafts")
                if any(_is_under(row[0], folder) for folder in folders)
            }
            vanished: set[str] = set()  # listed, then gone before they were read: taken out below
            for key, path in found.items():
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    if path.is_symlink():  # listed with what is wrong, as the folder shows it
                        self._store(connection, key, 0, 0, "", _damaged(path, "a link to a file that is not there"))
                    else:
                        vanished.add(key)
                    continue
                except OSError as error:  # a link into a folder this user may not enter, for one
                    self._store(connection, key, 0, 0, "", _damaged(path, _describe(error)))
                    continue
                old = known.get(key)
                if old is not None and (old[1], old[2]) == (stat.st_size, stat.st_mtime_ns):
                    unchanged += 1
                    continue
                row: dict[str, object]
                kind = kind_of(stat.st_mode)
                # A pipe, socket or device named .article is listed with what it
                # is, never opened: reading a FIFO would wait for a writer for
                # ever. (A folder so named is walked as a folder by find_drafts.)
                if kind is not None:
                    sha, row = "", _damaged(path, f"this is {kind}, not a draft file")
                else:
                    try:
                        sha = _sha256(path)
                    except DraftFileError as error:
                        if error.reason == NOT_FOUND:
                            vanished.add(key)
                            continue
                        sha, row = "", _damaged(path, _describe(error))
                    else:
                        if old is not None and old[3] == sha:
                            connection.execute("UPDATE drafts SET size = ?, mtime_ns = ? WHERE id = ?", (stat.st_size, stat.st_mtime_ns, old[0]))
                            unchanged += 1
                            continue
                        read = _row_for(path)
                        if read is None:
                            vanished.add(key)
                            continue
                        row = read
                self._store(connection, key, stat.st_size, stat.st_mtime_ns, sha, row)
                added, changed = (added + 1, changed) if old is None else (added, changed + 1)
                if (added + changed) % _BATCH == 0:
                    connection.commit()  # searches (the window's, in another process) see the progress
            connection.commit()
            gone = [value[0] for key, value in known.items()
                    if (key not in found and not any(_is_under(key, folder) for folder in walk.unreadable)) or key in vanished]
            with connection:
                for row_id in gone:
                    if self.use_fts:
                        _unindex(connection, row_id)
                    connection.execute("DELETE FROM drafts WHERE id = ?", (row_id,))
                    connection.execute("DELETE FROM texts WHERE id = ?", (row_id,))
            removed = len(gone)
        return ScanResult(added, changed, removed, unchanged, tuple(f"{folder}: {reason}" for folder, reason in walk.unreadable.items()))

    def _store(self, connection: sqlite3.Connection, key: str, size: int, mtime_ns: int, sha: str, row: dict[str, object]) -> None:
        columns = {"path": key, "size": size, "mtime_ns": mtime_ns, "sha256": sha, "state": "", "assignee": "",
                   "author": "", "published": "", "day": "", "tags": "[]", "url": "", "cover": "",
                   "title_folded": "", "title_sort": "", "author_key": "", "assignee_key": "", "tags_key": "", **row}
        folded, marked_text = str(columns.pop("folded", "")), str(columns.pop("marked", ""))
        old = connection.execute("SELECT id FROM drafts WHERE path = ?", (key,)).fetchone()
        if old is not None and self.use_fts:
            _unindex(connection, old[0])  # before its indexed texts are replaced
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f"{name} = excluded.{name}" for name in columns if name != "path")
        connection.execute(f"INSERT INTO drafts ({names}) VALUES ({marks}) ON CONFLICT(path) DO UPDATE SET {updates}",
                           tuple(columns.values()))
        row_id = connection.execute("SELECT id FROM drafts WHERE path = ?", (key,)).fetchone()[0]
        connection.execute("INSERT OR REPLACE INTO texts (id, folded, marked) VALUES (?, ?, ?)", (row_id, folded, marked_text))
        if self.use_fts:
            for column, text in (("folded", folded), ("marked", marked_text), ("title_folded", columns["title_folded"])):
                table, _ = _FTS_TABLES[column]
                connection.execute(f"INSERT INTO {table} (rowid, {column}) VALUES (?, ?)", (row_id, text))

    def rebuild(self, folders: Iterable[Path]) -> ScanResult:
        """Forget everything and read every file again."""
        with closing(self._connect()) as connection, connection:
            connection.execute("DELETE FROM drafts")
            connection.execute("DELETE FROM texts")
            if self.use_fts:
                for table, _ in _FTS_TABLES.values():
                    connection.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
        return self.rescan(folders)

    # --- asking -----------------------------------------------------------------------------
    def search(self, query: str = "", folders: Iterable[Path] | None = None, filters: Filters = Filters(),
               *, with_locks: bool = True, limit: int | None = None, offset: int = 0) -> list[LibraryEntry]:
        """The drafts matching every word of ``query`` and the filters, best
        match first; without a query, in Vietnamese alphabetical order. With
        ``limit``, only that many of the best, after skipping ``offset`` (the
        window asks for a page at a time)."""
        words = query_words(query)
        folded_words = [folded for folded, _ in words]
        marked_words = [mark for _, mark in words if has_marks(mark)]
        where, arguments = _filter_sql(folders, filters)
        with closing(self._connect()) as connection:
            if folded_words and not self.use_fts:
                rows = _scan(connection, where, arguments, folded_words, marked_words, limit, offset)
            else:
                rows = _ranked(connection, where, arguments, folded_words, marked_words, limit, offset)
        # Entries only for what is returned: with thousands of matches, making
        # them all (and reading their lock files) is most of a search's time.
        entries = [_entry(row) for row in rows]
        return [_with_lock(entry) for entry in entries] if with_locks else entries

    def count(self, query: str = "", folders: Iterable[Path] | None = None, filters: Filters = Filters()) -> int:
        """How many drafts ``search`` would list with no limit, without making them."""
        folded_words = [folded for folded, _ in query_words(query)]
        where, arguments = _filter_sql(folders, filters)
        with closing(self._connect()) as connection:
            if folded_words and not self.use_fts:
                return len(_scan(connection, where, arguments, folded_words, [], None, 0))
            if folded_words:
                where, arguments = [_in_fts("folded"), *where], [_starts(folded_words), *arguments]
            sql = "SELECT COUNT(*) FROM drafts d" + (" WHERE " + " AND ".join(where) if where else "")
            return int(connection.execute(sql, arguments).fetchone()[0])

    def paths(self, folders: Iterable[Path] | None = None) -> list[str]:
        """Every indexed draft's path under ``folders`` (the window watches their folders)."""
        where, arguments = _filter_sql(folders, Filters())
        with closing(self._connect()) as connection:
            sql = "SELECT d.path FROM drafts d" + (" WHERE " + " AND ".join(where) if where else "")
            return [row[0] for row in connection.execute(sql, arguments)]

    def authors(self) -> list[str]:
        """The authors and assignees known to the index, for the filters."""
        with closing(self._connect()) as connection:
            names = {name for row in connection.execute("SELECT author, assignee FROM drafts") for name in row if name}
        return sorted(names, key=sort_key)


def rescan_index(index_path: Path, folders: list[Path]) -> tuple[bool, set[str], tuple[str, ...]]:
    """Bring the index at ``index_path`` up to date with ``folders``, in
    the library's own process (the window runs it there, at a lower
    priority): whether FTS5 is used, the folders holding drafts, which
    the window watches, and the folders that could not be read."""
    library = Library(index_path)
    result = library.rescan(folders)
    return library.use_fts, {os.path.dirname(path) for path in library.paths(folders)}, result.unreadable


def _entry(row: tuple[object, ...]) -> LibraryEntry:
    path, title, state, assignee, author, published, mtime_ns, error, tags_json, url, cover = row[:11]
    modified = datetime.fromtimestamp(int(mtime_ns) / 1e9, UTC).replace(microsecond=0).isoformat()  # type: ignore[call-overload]
    return LibraryEntry(str(path), str(title), str(state), str(assignee), str(author), str(published), modified, "",
                        str(error), tuple(json.loads(str(tags_json))), str(url), str(cover))


def _is_under(path: str, folder: Path | str) -> bool:
    folder = str(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _key(text: str) -> str:
    """How the author, assignee and tag filters compare names: folded, trimmed."""
    return fold(text).strip()


# What a search reads of each draft: the fields of LibraryEntry, in _entry's order.
_ENTRY_COLUMNS = "d.path, d.title, d.state, d.assignee, d.author, d.published, d.mtime_ns, d.error, d.tags, d.url, d.cover"
# The rank, best first: query words found with their exact marks, then query
# words starting a word of the title, then the Vietnamese alphabet. Without a
# query, the alphabet alone, which SQLite reads from drafts_by_title.
_RANKED_ORDER = " ORDER BY exact DESC, in_title DESC, d.title_sort, d.path"
_ALPHABETICAL_ORDER = " ORDER BY d.title_sort, d.path"


def _filter_sql(folders: Iterable[Path] | None, filters: Filters) -> tuple[list[str], list[object]]:
    """The folders and filters as SQL conditions on ``drafts d``, with their arguments."""
    where: list[str] = []
    arguments: list[object] = []
    if folders is not None:
        roots = [str(Path(folder).resolve()).rstrip(os.sep) for folder in folders]
        where.append("(" + " OR ".join("d.path = ? OR substr(d.path, 1, ?) = ?" for _ in roots) + ")")
        for root in roots:
            arguments += [root, len(root) + 1, root + os.sep]
    if filters.state:
        where.append("d.state = ?")
        arguments.append(filters.state)
    if filters.author:
        where.append("d.author_key = ?")
        arguments.append(_key(filters.author))
    if filters.assignee:
        where.append("d.assignee_key = ?")
        arguments.append(_key(filters.assignee))
    if filters.tag:
        where.append("instr(d.tags_key, ?) > 0")
        arguments.append("\n" + _key(filters.tag) + "\n")
    if filters.date_from:
        where.append("d.day != '' AND d.day >= ?")
        arguments.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("d.day != '' AND d.day <= ?")
        arguments.append(filters.date_to.isoformat())
    if filters.with_address:
        where.append("d.url != '' AND d.error = ''")
    return where, arguments


def _unindex(connection: sqlite3.Connection, row_id: int) -> None:
    """Take a draft out of the FTS5 indexes, with the texts they indexed (still in texts and drafts)."""
    old = connection.execute("SELECT t.folded, t.marked, d.title_folded FROM drafts d LEFT JOIN texts t ON t.id = d.id WHERE d.id = ?",
                             (row_id,)).fetchone()
    if old is None:
        return
    for (column, (table, _)), text in zip(_FTS_TABLES.items(), old, strict=True):
        if text is not None:
            connection.execute(f"INSERT INTO {table} ({table}, rowid, {column}) VALUES ('delete', ?, ?)", (row_id, text))


def _in_fts(column: str) -> str:
    """The condition "this draft's ``column`` holds a word starting so", its query an argument."""
    table, _ = _FTS_TABLES[column]
    return f"(d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?))"


def _starts(words: list[str]) -> str:
    # Query words hold only letters and digits (search_text.words): nothing to escape.
    return " AND ".join(f'"{word}"*' for word in words)


def _ranked(connection: sqlite3.Connection, where: list[str], arguments: list[object],
            folded_words: list[str], marked_words: list[str], limit: int | None, offset: int) -> list[tuple[object, ...]]:
    """The best ``limit`` rows after ``offset``, matched, ranked, sorted and cut by SQLite (FTS5):
    each rank term is a set of FTS5 row ids, made once per search."""
    exact = " + ".join(_in_fts("marked") for _ in marked_words) or "0"
    in_title = " + ".join(_in_fts("title_folded") for _ in folded_words) or "0"
    rank_arguments: list[object] = [*(_starts([mark]) for mark in marked_words), *(_starts([word]) for word in folded_words)]
    if folded_words:
        where = [_in_fts("folded"), *where]
        arguments = [_starts(folded_words), *arguments]
    sql = f"SELECT {_ENTRY_COLUMNS}, {exact} AS exact, {in_title} AS in_title FROM drafts d"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += (_RANKED_ORDER if folded_words else _ALPHABETICAL_ORDER) + " LIMIT ? OFFSET ?"
    return connection.execute(sql, [*rank_arguments, *arguments, -1 if limit is None else limit, offset]).fetchall()


def _scan(connection: sqlite3.Connection, where: list[str], arguments: list[object],
          folded_words: list[str], marked_words: list[str], limit: int | None, offset: int) -> list[tuple[object, ...]]:
    """Without FTS5: every row the filters let through, matched and ranked here, the same way."""
    starts = [word_start(word) for word in folded_words]
    mark_starts = [word_start(mark) for mark in marked_words]
    marks_column = "COALESCE(t.marked, '')" if mark_starts else "''"
    sql = (f"SELECT {_ENTRY_COLUMNS}, COALESCE(t.folded, ''), {marks_column}, d.title_folded, d.title_sort "
           "FROM drafts d LEFT JOIN texts t ON t.id = d.id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    ranked = []
    for row in connection.execute(sql, arguments):
        folded, marks, title_folded, title_sort = row[-4:]
        if not all(start.search(folded) for start in starts):
            continue
        exact = sum(1 for start in mark_starts if start.search(marks))
        in_title = sum(1 for start in starts if start.search(title_folded))
        ranked.append(((-exact, -in_title, title_sort, row[0]), row))
    ranked.sort(key=lambda item: item[0])
    return [row for _, row in ranked[offset:None if limit is None else offset + limit]]


def _with_lock(entry: LibraryEntry) -> LibraryEntry:
    holder = read_holder(Path(entry.path))
    if holder is None or holder.is_stale():
        return entry
    return replace(entry, open_by=f"{holder.user} on {holder.machine}")
