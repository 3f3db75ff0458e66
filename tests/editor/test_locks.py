"""Lock files: a second opener is told who has the document; a lock left by a
crashed copy is recognized and can be taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.locks import STALE_AFTER_SECONDS, DocumentLock, DocumentLockedError, lock_path, read_holder

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time; from pathlib import Path; from editor.locks import DocumentLock; "
        "DocumentLock.acquire(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)")


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "bai.article"
    path.write_bytes(b"")
    return path


def _held_by_another_process(document: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(document)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_the_lock_names_who_holds_the_document_and_goes_on_release(document: Path) -> None:
    lock = DocumentLock.acquire(document)
    assert lock is not None and lock.path == document.with_name(".~lock.bai.article#")
    holder = read_holder(document)
    assert holder is not None
    assert (holder.machine, holder.pid) == (socket.gethostname(), os.getpid())
    assert holder.user and abs(holder.since.timestamp() - time.time()) < 60
    lock.release()
    assert not lock.path.exists()


def test_a_second_opener_is_told_who_has_it_and_a_crashed_holder_can_be_taken_over(document: Path) -> None:
    child = _held_by_another_process(document)
    try:
        with pytest.raises(DocumentLockedError) as caught:
            DocumentLock.acquire(document)
        assert caught.value.holder.pid == child.pid and not caught.value.holder.is_stale()
        assert f"on {socket.gethostname()} since" in str(caught.value) and str(document) in str(caught.value)
    finally:
        child.kill()  # the other copy crashes; its lock stays behind
        child.wait()
        if child.stdout:
            child.stdout.close()
    assert lock_path(document).exists()
    holder = read_holder(document)
    assert holder is not None and holder.is_stale()
    with pytest.raises(DocumentLockedError):
        DocumentLock.acquire(document)  # never taken without asking
    lock = DocumentLock.acquire(document, take_over=True)
    assert lock is not None and read_holder(document).pid == os.getpid()  # type: ignore[union-attr]


def test_a_lock_from_another_computer_is_stale_only_once_it_stops_being_refreshed(document: Path) -> None:
    record = {"user": "lan", "machine": "MAY-PHONG-TIN", "pid": 4242, "since": "2026-11-27T08:00:00+00:00"}
    lock_path(document).write_text(json.dumps(record), encoding="utf-8")
    holder = read_holder(document)
    assert holder is not None and (holder.user, holder.machine) == ("lan", "MAY-PHONG-TIN")
    assert not holder.is_stale()  # just refreshed: the other computer is working on it
    old = time.time() - STALE_AFTER_SECONDS - 5
    os.utime(lock_path(document), (old, old))
    assert read_holder(document).is_stale()  # type: ignore[union-attr]


def test_refreshing_keeps_a_lock_alive_for_other_computers(document: Path) -> None:
    lock = DocumentLock.acquire(document)
    assert lock is not None
    old = time.time() - STALE_AFTER_SECONDS - 5
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert time.time() - read_holder(document).refreshed < 60  # type: ignore[union-attr]


def test_releasing_never_removes_someone_elses_lock(document: Path) -> None:
    lock = DocumentLock.acquire(document)
    assert lock is not None
    lock.path.unlink()
    child = _held_by_another_process(document)
    try:
        lock.release()
        assert read_holder(document).pid == child.pid  # type: ignore[union-attr]
    finally:
        child.kill()
        child.wait()
        if child.stdout:
            child.stdout.close()


def test_a_damaged_lock_file_still_counts_as_held(document: Path) -> None:
    lock_path(document).write_bytes(b"\x00\x01 half written")
    with pytest.raises(DocumentLockedError):
        DocumentLock.acquire(document)
    old = time.time() - STALE_AFTER_SECONDS - 5
    os.utime(lock_path(document), (old, old))
    assert DocumentLock.acquire(document, take_over=True) is not None


def test_only_one_of_two_copies_racing_for_the_lock_gets_it(document: Path) -> None:
    race = (
        "import sys, time; from pathlib import Path; from editor.locks import DocumentLock, DocumentLockedError\n"
        "time.sleep(max(0, float(sys.argv[2]) - time.time()))\n"
        "try:\n    DocumentLock.acquire(Path(sys.argv[1])); print('won')\nexcept DocumentLockedError:\n    print('lost')\n"
    )
    for _ in range(10):
        lock_path(document).unlink(missing_ok=True)
        start = str(time.time() + 0.5)
        procs = [subprocess.Popen([sys.executable, "-c", race, str(document), start], cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        results = sorted(p.communicate()[0].strip() for p in procs)
        assert results == ["lost", "won"]
