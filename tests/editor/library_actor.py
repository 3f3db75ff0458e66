"""One person of an office, as a separate process, for the shared-folder test:
``python -m tests.editor.library_actor ROLE FOLDER INDEX``. Each process keeps
its own library index (its own computer) and meets the other only through
the folder of drafts and the lock files, as two computers on a share do.

Roles:
- ``submit``: write the draft and submit it for review (chờ duyệt);
- ``review``: rescan every 0.5 s until the draft waits for review, then take
  its lock, add a note, request changes with a comment, and hold the lock until the file
  ``go`` appears in FOLDER (so the test can try to edit meanwhile);
- ``try-edit``: try to open the draft for editing (refused while locked);
- ``read``: rescan and print what this computer's library shows.
Each prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from editor.draft import load_draft, save_draft
from editor.library import Filters, Library
from editor.locks import DocumentLock, DocumentLockedError
from editor.model import Article, ParagraphBlock
from editor.notes import Note

NAME = "bai-dang-bo.article"
WRITER_TEXT = "Đại hội Đảng bộ phường Cát Dài nhiệm kỳ 2025–2030 đã thành công tốt đẹp."


def _acquire(path: Path, seconds: float = 10) -> DocumentLock:
    deadline = time.monotonic() + seconds
    while True:
        try:
            lock = DocumentLock.acquire(path)
            assert lock is not None
            return lock
        except DocumentLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def submit(folder: Path, library: Library) -> dict[str, object]:
    path = folder / NAME
    lock = _acquire(path)
    try:
        article = Article(title="Đại hội Đảng bộ phường Cát Dài", author="Hoàng Tùng",
                          blocks=[ParagraphBlock(text=WRITER_TEXT)])
        save_draft(article, path)
        article.review = article.review.changed_to("review", "Hoàng Tùng")
        article.review = replace(article.review, assignee="Nguyễn Lan")
        save_draft(article, path, revision_at=datetime.now(UTC))
    finally:
        lock.release()
    return {"submitted_at": time.time()}


def review(folder: Path, library: Library) -> dict[str, object]:
    path = folder / NAME
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        library.rescan([folder])
        if library.search("dang bo", [folder], Filters(state="review")):
            break
        time.sleep(0.5)
    else:
        return {"error": "never saw the draft waiting for review"}
    seen_at = time.time()
    lock = _acquire(path)
    try:
        article = load_draft(path)
        article.blocks[0].notes = (Note.new("Nguyễn Lan", "Ghi rõ số đại biểu", quote="thành công tốt đẹp"),)
        article.review = article.review.changed_to("changes", "Nguyễn Lan", "Thêm ảnh đại hội")
        article.review = replace(article.review, assignee="Hoàng Tùng")
        (folder / "locked").write_text("yes")
        while not (folder / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        save_draft(article, path, revision_at=datetime.now(UTC))
    finally:
        lock.release()
    return {"seen_at": seen_at}


def try_edit(folder: Path, library: Library) -> dict[str, object]:
    try:
        lock = DocumentLock.acquire(folder / NAME)
    except DocumentLockedError as error:
        return {"refused": str(error)}
    if lock is not None:
        lock.release()
    return {"refused": ""}


def read(folder: Path, library: Library) -> dict[str, object]:
    library.rescan([folder])
    entries = library.search("", [folder])
    article = load_draft(folder / NAME)
    return {
        "entries": [entry.as_json() for entry in entries],
        "history": [[event.state, event.by, event.comment] for event in article.review.history],
        "text": article.blocks[0].text if article.blocks else "",
        "notes": [[note.author, note.text, note.quote] for block in article.blocks for note in block.notes],
    }


if __name__ == "__main__":
    role, folder, index = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    action = {"submit": submit, "review": review, "try-edit": try_edit, "read": read}[role]
    print(json.dumps(action(folder, Library(index)), ensure_ascii=False), flush=True)
