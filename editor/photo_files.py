"""Photo files coming into an article: each one checked by its content
before it becomes an image block.

A file that is not an image, is truncated, is too large or is not an
ordinary file is refused with a reason code (``editor.errors``), and no
block is made for it; the window turns the refusals into sentences
(``ui.common.errors.photo_refusal``). Run it off the UI thread: it reads
and verifies every photo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import IMAGE_DAMAGED, ImageError
from editor.images import open_image
from editor.media import FileMedia
from editor.model import ImageBlock
from editor.regular_files import read_regular_file

# What the photo dialogs offer (the content decides, not the name).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp", ".heic")

# A photo file larger than this is no camera's (a 200 MP TIFF is ~600 MB).
MAX_PHOTO_BYTES = 1024**3


@dataclass(frozen=True)
class PhotoRefusal:
    name: str  # the file's name, as the user knows it
    reason: str | None  # a reason code of editor.errors
    details: str = ""  # the core's own words (its figures), for a reason without a sentence of its own


@dataclass
class CheckedPhotos:
    blocks: list[ImageBlock] = field(default_factory=list)  # one per readable photo, in the order given
    refused: list[PhotoRefusal] = field(default_factory=list)


def check_photo_files(paths: Iterable[Path]) -> CheckedPhotos:
    """An image block for every readable photo among ``paths``, and why each other one was refused."""
    result = CheckedPhotos()
    for path in paths:
        try:
            # Never a FIFO or a device: it would hang the worker for ever.
            data = read_regular_file(path, MAX_PHOTO_BYTES, ImageError, "photo")
            with open_image(data, path.name) as image:
                image.verify()
        except ImageError as error:
            result.refused.append(PhotoRefusal(path.name, error.reason, "; ".join(error.lines())))
            continue
        except Exception:  # noqa: BLE001 — Pillow's verify raises many kinds
            result.refused.append(PhotoRefusal(path.name, IMAGE_DAMAGED))
            continue
        result.blocks.append(ImageBlock(src=str(path), media=FileMedia(path)))
    return result
