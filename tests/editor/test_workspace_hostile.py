"""The workspace against races and hostile files (issue 22 item 10, issue 12
item 11): the very first start of several copies at once never fails, and a
damaged, read-only, locked or foreign file is set aside for a fresh one."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from editor.errors import WorkspaceError
from editor.model import Article
from editor.workspace import Workspace
from tests.helpers import ROOT

# Each process waits for the same moment, then two threads autosave at once
# on a workspace nobody has created yet.
FIRST_START = """
import sys, threading, time
from pathlib import Path
from editor.model import Article
from editor.workspace import Workspace
path, start = Path(sys.argv[1]), float(sys.argv[2])
errors = []
def autosave(n):
    try:
        Workspace(path).save(f"{sys.argv[3]}-{n}", Article(title="Bài"), None)
    except Exception as error:
        errors.append(repr(error))
time.sleep(max(0, start - time.time()))
threads = [threading.Thread(target=autosave, args=(n,)) for n in range(2)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print("\\n".join(errors) or "ok")
"""


def test_several_copies_starting_at_once_on_a_fresh_workspace_never_fail(tmp_path: Path) -> None:
    failures = []
    for round_ in range(12):
        path = tmp_path / f"round-{round_}" / "workspace.sqlite"
        start = time.time() + 1.0
        children = [subprocess.Popen([sys.executable, "-c", FIRST_START, str(path), str(start), str(n)], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for n in range(4)]
        outputs = [child.communicate(timeout=60)[0].strip() for child in children]
        failures += [output for output in outputs if output != "ok"]
        assert len(Workspace(path).entries()) == 8
    assert failures == []


def _check_sets_aside(path: Path) -> tuple[str, Workspace]:
    workspace = Workspace(path)
    note = workspace.check()
    assert note is not None and str(path) in note
    workspace.save("k", Article(title="Bài mới"), None)  # a fresh workspace that works
    assert [entry.title for entry in workspace.entries()] == ["Bài mới"]
    return note, workspace


def test_a_damaged_workspace_is_kept_aside_and_a_fresh_one_used(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    path.write_bytes(b"this is not a database " * 100)
    note, workspace = _check_sets_aside(path)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("workspace.sqlite.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert kept[0].name in note and workspace.path == path


def test_a_foreign_sqlite_file_is_kept_aside_untouched(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
        connection.execute("INSERT INTO customers VALUES ('Lan')")
    connection.close()
    note, _ = _check_sets_aside(path)
    assert "not a Tòa Soạn workspace" in note
    (kept,) = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    with sqlite3.connect(kept) as connection:
        assert connection.execute("SELECT name FROM customers").fetchall() == [("Lan",)]
        assert {row[0] for row in connection.execute("SELECT name FROM sqlite_master")} == {"customers"}
    connection.close()


def test_a_workspace_locked_by_another_program_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    Workspace(path).save("theirs", Article(title="Của chương trình khác"), None)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        note, workspace = _check_sets_aside(path)
        assert workspace.path != path and "left as it is" in note
    finally:
        holder.rollback()
        holder.close()
    assert [entry.title for entry in Workspace(path).entries()] == ["Của chương trình khác"]


def _read_only(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The workspace file can be read, not written. Root writes any file
    whatever its mode, so the file is also opened through SQLite's own
    read-only mode, which behaves as a read-only file does."""
    path.chmod(0o444)
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(database) == path and path.exists() and not path.stat().st_mode & 0o222:
            return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)
        return real(database, *args, **kwargs)

    monkeypatch.setattr("editor.workspace.sqlite3.connect", connect)


def test_a_read_only_workspace_is_kept_aside_and_a_fresh_one_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "workspace.sqlite"
    Workspace(path).save("old", Article(title="Cũ"), None)
    _read_only(monkeypatch, path)
    with pytest.raises(WorkspaceError):
        Workspace(path).save("k", Article(title="x"), None)
    note, workspace = _check_sets_aside(path)
    assert "readonly" in note or "read-only" in note


def test_a_read_only_workspace_gives_typed_errors_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "workspace.sqlite"
    Workspace(path).save("old", Article(title="Cũ"), None)
    _read_only(monkeypatch, path)
    with pytest.raises(WorkspaceError):
        Workspace(path).discard("old")
    assert os.path.exists(path)
