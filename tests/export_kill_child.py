"""The child process of the interchange export's kill test
(tests/editor/test_export_kills.py): it exports numbered versions of an
article to ``DIR/article.json`` again and again, reporting each, until the
test kills it. Usage: ``python -m tests.export_kill_child DIR/article.json FIRST``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

from editor.export import ExportOptions, export_article
from editor.media import MemoryMedia
from editor.model import Article, ImageBlock, ParagraphBlock, SiteProfile

# Each version's photos have their own colour; the file names stay the same
# (the title does not change), so an old article.json beside new photos shows.
COLOURS = ((200, 30, 30), (30, 160, 30), (30, 30, 200), (220, 200, 20))


def _photo(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


_PHOTOS = [_photo(colour) for colour in COLOURS]


def colour_of(number: int, photo: int) -> tuple[int, int, int]:
    return COLOURS[(number + photo) % len(COLOURS)]


def version(number: int) -> Article:
    photos = [
        ImageBlock(id=f"anh{i}", src=f"anh{i}.jpg", caption="Ảnh.", alt="Phòng họp",
                   media=MemoryMedia(_PHOTOS[(number + i) % len(COLOURS)]))
        for i in range(3)
    ]
    return Article(title="Bản thử", lead=f"Bản {number}", blocks=[ParagraphBlock(id="p", text="Đoạn văn."), *photos])


def main() -> None:
    target, number = Path(sys.argv[1]), int(sys.argv[2])
    print("ready", flush=True)
    while True:
        print(f"exporting {number}", flush=True)
        export_article(version(number), SiteProfile(), target, ExportOptions(force=True))
        print(f"exported {number}", flush=True)
        number += 1


if __name__ == "__main__":
    main()
