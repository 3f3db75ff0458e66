"""The drafts library meets whatever a shared folder holds: a pipe, a socket
or a device named ``.article`` is listed with what it is and never opened
(reading a FIFO would wait for ever), a folder so named is walked as a
folder, an unreadable file is listed with the reason, and a file deleted
while the index is read is simply gone from the list."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor import library as library_module
from editor.draft import save_draft
from editor.library import Library, LibraryEntry
from editor.model import Article
from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs, sockets and /dev/zero are POSIX")


@pytest.fixture
def share() -> Iterator[Path]:
    # Not under pytest's tmp_path (mode 0700): the unreadable-file test runs
    # the command as another user when the suite runs as root, who reads anything.
    folder = Path(tempfile.mkdtemp(prefix="lib-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def _draft(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    save_draft(Article(title=title), path)
    path.chmod(0o644)
    return path


def _hostile_folder(share: Path) -> Path:
    folder = share / "drafts"
    folder.mkdir()
    folder.chmod(0o755)
    _draft(folder, "tot.article", "Bài viết tốt")
    os.mkfifo(folder / "ong.article")
    os.symlink("/dev/zero", folder / "zero.article")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "so.article"))
    server.close()  # the socket file stays
    inner = folder / "thang-5.article"  # a folder named like a draft, holding one
    inner.mkdir()
    inner.chmod(0o755)
    _draft(inner, "ben-trong.article", "Bài trong thư mục")
    return folder


def _rescan_in_time(library: Library, folder: Path) -> None:
    """The real indexer, on a thread given 60 s: a hang fails the test
    instead of stopping the suite (and the FIFO is then opened for writing,
    which wakes the reader)."""
    failure: list[BaseException] = []
    worker = threading.Thread(target=lambda: _catch(lambda: library.rescan([folder]), failure), daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():
        with open(folder / "ong.article", "wb"):
            pass
        pytest.fail("the index hung on a file that is not an ordinary one")
    if failure:
        raise failure[0]


def _catch(work: object, failure: list[BaseException]) -> None:
    try:
        work()  # type: ignore[operator]
    except BaseException as error:  # noqa: BLE001 — handed to the test's thread
        failure.append(error)


def _by_name(entries: list[LibraryEntry]) -> dict[str, LibraryEntry]:
    return {Path(entry.path).name: entry for entry in entries}


def test_pipes_sockets_and_devices_are_listed_with_what_they_are_and_a_folder_is_walked(share: Path) -> None:
    folder = _hostile_folder(share)
    library = Library(share / "index.sqlite")
    _rescan_in_time(library, folder)
    entries = _by_name(library.search("", [folder]))
    assert set(entries) == {"tot.article", "ong.article", "zero.article", "so.article", "ben-trong.article"}
    assert entries["ong.article"].error == "this is a pipe (FIFO), not a draft file"
    assert entries["zero.article"].error == "this is a device, not a draft file"
    assert entries["so.article"].error == "this is a socket, not a draft file"
    assert entries["tot.article"].error == "" and entries["ben-trong.article"].title == "Bài trong thư mục"
    _rescan_in_time(library, folder)  # and again, with nothing changed
    assert len(library.search("", [folder])) == 5


def _library_command(folder: Path, index: Path, *, user: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(index.parent), "XDG_CONFIG_HOME": str(index.parent),
           "XDG_DATA_HOME": str(index.parent)}
    done = subprocess.run([sys.executable, "main.py", "library", str(folder), "--json", "--index", str(index)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                          user=user, group=user)
    assert done.returncode == 0, done.stderr
    return done


def _run_library(folder: Path, index: Path, *, user: int | None = None) -> dict[str, dict[str, str]]:
    done = _library_command(folder, index, user=user)
    return {Path(entry["path"]).name: entry for entry in json.loads(done.stdout)}


def test_the_command_lists_pipes_sockets_and_devices_with_their_reason_and_exits_0(share: Path) -> None:
    folder = _hostile_folder(share)
    entries = _run_library(folder, share / "index.sqlite")
    assert entries["ong.article"]["error"] == "this is a pipe (FIFO), not a draft file"
    assert entries["zero.article"]["error"] == "this is a device, not a draft file"
    assert entries["so.article"]["error"] == "this is a socket, not a draft file"
    assert entries["tot.article"]["error"] == entries["ben-trong.article"]["error"] == ""


def test_an_unreadable_file_is_listed_with_the_reason(share: Path) -> None:
    folder = share / "drafts"
    folder.mkdir()
    folder.chmod(0o755)
    _draft(folder, "tot.article", "Bài viết tốt")
    _draft(folder, "khoa.article", "Bài bị khóa").chmod(0o000)
    index_folder = share / "index"
    index_folder.mkdir()
    # Root reads a file of mode 000 all the same: then the command runs as
    # "nobody", who meets the EACCES an office user would.
    user = 65534 if os.geteuid() == 0 else None
    if user is not None:
        os.chown(index_folder, user, user)
    entries = _run_library(folder, index_folder / "index.sqlite", user=user)
    assert entries["khoa.article"]["error"] == "cannot read the file: Permission denied"
    assert entries["khoa.article"]["title"] == "khoa"
    assert entries["tot.article"] == {**entries["tot.article"], "title": "Bài viết tốt", "error": ""}


def test_a_file_deleted_before_its_hash_is_read_is_gone_not_damaged(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = share / "drafts"
    folder.mkdir()
    keep, lose = _draft(folder, "giu.article", "Giữ lại"), _draft(folder, "mat.article", "Mất đi")
    library = Library(share / "index.sqlite")
    library.rescan([folder])
    lose.write_bytes(b"changed")  # so the next rescan reads it again
    real = library_module._sha256

    def deleted_first(path: Path) -> str:
        if path.name == lose.name:
            path.unlink()  # a colleague deletes it between the listing and the reading
        return real(path)

    monkeypatch.setattr(library_module, "_sha256", deleted_first)
    library.rescan([folder])
    assert [Path(entry.path) for entry in library.search("", [folder])] == [keep.resolve()]


def test_a_file_deleted_between_its_hash_and_its_reading_is_gone_not_damaged(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = share / "drafts"
    folder.mkdir()
    keep, lose = _draft(folder, "giu.article", "Giữ lại"), _draft(folder, "mat.article", "Mất đi")
    real = library_module.load_draft

    def deleted_first(path: Path) -> Article:
        if path.name == lose.name:
            path.unlink()
        return real(path)

    monkeypatch.setattr(library_module, "load_draft", deleted_first)
    library = Library(share / "index.sqlite")
    result = library.rescan([folder])
    assert [Path(entry.path) for entry in library.search("", [folder])] == [keep.resolve()]
    assert result.added == 1


def test_a_file_deleted_after_the_listing_is_gone_from_the_index(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = share / "drafts"
    folder.mkdir()
    keep, lose = _draft(folder, "giu.article", "Giữ lại"), _draft(folder, "mat.article", "Mất đi")
    library = Library(share / "index.sqlite")
    library.rescan([folder])
    real = library_module.walk_drafts

    def listed_then_deleted(folders: list[Path]) -> library_module.DraftWalk:
        walk = real(folders)
        lose.unlink()  # after the walk, before the rescan looks at each file
        return walk

    monkeypatch.setattr(library_module, "walk_drafts", listed_then_deleted)
    library.rescan([folder])
    assert [Path(entry.path) for entry in library.search("", [folder])] == [keep.resolve()]


def test_a_subfolder_that_cannot_be_entered_keeps_its_drafts_listed_and_is_named(share: Path) -> None:
    """A colleague takes away the right to enter a subfolder of the share:
    its drafts were not deleted, so they stay listed, and the command says
    which folder it could not read instead of dropping them silently."""
    folder = share / "drafts"
    folder.mkdir()
    folder.chmod(0o755)
    _draft(folder, "tot.article", "Bài viết tốt")
    inner = folder / "thang-5"
    inner.mkdir()
    inner.chmod(0o755)
    _draft(inner, "ben-trong.article", "Bài trong thư mục")
    index_folder = share / "index"
    index_folder.mkdir()
    user = 65534 if os.geteuid() == 0 else None  # root enters a folder of mode 000 all the same
    if user is not None:
        os.chown(index_folder, user, user)
    assert set(_run_library(folder, index_folder / "index.sqlite", user=user)) == {"tot.article", "ben-trong.article"}
    inner.chmod(0o000)
    try:
        done = _library_command(folder, index_folder / "index.sqlite", user=user)
    finally:
        inner.chmod(0o755)
    entries = {Path(entry["path"]).name: entry for entry in json.loads(done.stdout)}
    assert entries["ben-trong.article"]["title"] == "Bài trong thư mục"
    assert set(entries) == {"tot.article", "ben-trong.article"}
    assert f"cannot read the folder {inner.resolve()}: Permission denied" in done.stderr


def test_a_share_that_is_gone_keeps_its_drafts_until_it_is_back(share: Path) -> None:
    """The network drive drops for a moment (here: its folder is moved
    away): a rescan then names the folder and lists its drafts as last
    seen, rather than emptying the list and indexing every draft again."""
    folder = share / "drafts"
    folder.mkdir()
    _draft(folder, "mot.article", "Bài một")
    _draft(folder, "hai.article", "Bài hai")
    library = Library(share / "index.sqlite")
    library.rescan([folder])
    resolved = folder.resolve()
    away = folder.rename(share / "away")
    result = library.rescan([resolved])
    assert result.unreadable == (f"{resolved}: No such file or directory",)
    assert result.removed == 0
    assert sorted(entry.title for entry in library.search("", [resolved])) == ["Bài hai", "Bài một"]
    away.rename(folder)
    back = library.rescan([folder])
    assert (back.unreadable, back.added, back.changed, back.unchanged) == ((), 0, 0, 2)


def test_a_deleted_subfolder_takes_its_drafts_off_the_list(share: Path) -> None:
    folder = share / "drafts"
    inner = folder / "cu"
    inner.mkdir(parents=True)
    _draft(folder, "giu.article", "Giữ lại")
    _draft(inner, "xoa.article", "Đã xóa")
    library = Library(share / "index.sqlite")
    library.rescan([folder])
    subprocess.run(["rm", "-rf", str(inner)], check=True)
    result = library.rescan([folder])
    assert (result.removed, result.unreadable) == (1, ())
    assert [entry.title for entry in library.search("", [folder])] == ["Giữ lại"]


def test_a_link_to_a_missing_file_is_listed_as_damaged(share: Path) -> None:
    folder = share / "drafts"
    folder.mkdir()
    _draft(folder, "tot.article", "Bài viết tốt")
    os.symlink(share / "khong-con.article", folder / "lien-ket.article")
    library = Library(share / "index.sqlite")
    library.rescan([folder])
    entries = _by_name(library.search("", [folder]))
    assert entries["lien-ket.article"].error == "a link to a file that is not there"
    assert entries["tot.article"].error == ""


def test_a_draft_swapped_for_a_pipe_is_refused_when_its_photo_is_read_not_waited_on(share: Path) -> None:
    """A cover thumbnail, a revision or a kept photo reads a member of the
    draft's zip: a pipe put in the draft's place since it was listed is
    refused at once instead of blocking that reader for ever."""
    from editor.errors import ImageError
    from editor.media import ArchiveMedia

    path = share / "doi.article"
    os.mkfifo(path)
    failure: list[BaseException] = []
    reader = threading.Thread(target=lambda: _catch(lambda: ArchiveMedia(path, "media/anh.jpg").read_bytes(), failure), daemon=True)
    reader.start()
    reader.join(20)
    if reader.is_alive():
        with open(path, "wb"):
            pass
        pytest.fail("reading a photo of the draft waited on a pipe")
    assert len(failure) == 1 and isinstance(failure[0], ImageError)
    assert "not an ordinary draft" in str(failure[0])
