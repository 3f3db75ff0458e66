"""The child process of the kill harness (tests/editor/test_kill_harness.py).

It autosaves and saves numbered versions of an article, as the app does,
and reports each step on stdout until the harness kills it. Usage:
``python -m tests.kill_child DRAFT WORKSPACE FIRST_VERSION``.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from editor.draft import save_draft
from editor.media import MemoryMedia
from editor.model import Article, ImageBlock, ParagraphBlock
from editor.workspace import Workspace

KEY = "harness"
_PHOTOS = [b"\xff\xd8\xff\xe0" + random.Random(seed).randbytes(300_000) for seed in range(3)]


def version(number: int) -> Article:
    """Version ``number`` of the article: its text and photo differ with it."""
    paragraphs = [ParagraphBlock(id=f"p{i}", text=f"Phiên bản {number}, đoạn {i}: Quận Lê Chân họp Ban Chỉ đạo.") for i in range(40)]
    photo = ImageBlock(id="anh", src=f"anh-{number % 3}.jpg", caption=f"Ảnh của bản {number}", alt="Phòng họp",
                       media=MemoryMedia(_PHOTOS[number % 3]))
    return Article(title=f"Bản {number}", lead=f"Tóm tắt bản {number}.", blocks=[*paragraphs, photo])


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    draft, workspace_path, first = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    workspace = Workspace(workspace_path)
    report("ready")
    number = first
    while True:
        workspace.save(KEY, version(number), draft)
        report(f"autosaved {number}")
        if number % 2 == 0:
            report(f"saving {number}")
            save_draft(version(number), draft)
            report(f"saved {number}")
        number += 1


if __name__ == "__main__":
    main()
