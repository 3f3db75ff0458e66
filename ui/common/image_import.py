"""Photos coming in: files (dialog or drag), or the clipboard.

Each file is checked by content on a worker thread before it becomes an
image block: a file that is not an image, is truncated or is too large is
refused with its own message, and nothing is inserted for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from editor.errors import IMAGE_DAMAGED, ImageError
from editor.images import open_image
from editor.media import FileMedia, MemoryMedia
from editor.model import ImageBlock
from editor.regular_files import read_regular_file
from ui.common.errors import photo_refusal

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp", ".heic")


# A photo file larger than this is no camera's (a 200 MP TIFF is ~600 MB).
MAX_PHOTO_BYTES = 1024**3


@dataclass
class ImportResult:
    blocks: list[ImageBlock] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def check_image_files(paths: list[Path]) -> ImportResult:
    """Run on a worker: an image block for every readable photo."""
    result = ImportResult()
    for path in paths:
        try:
            # Never a FIFO or a device: it would hang this worker for ever.
            data = read_regular_file(path, MAX_PHOTO_BYTES, ImageError, "photo")
            with open_image(data, path.name) as image:
                image.verify()
        except ImageError as error:
            result.problems.append(photo_refusal(path.name, error.reason, "; ".join(error.lines())))
            continue
        except Exception:  # noqa: BLE001 — Pillow's verify raises many kinds
            result.problems.append(photo_refusal(path.name, IMAGE_DAMAGED))
            continue
        result.blocks.append(ImageBlock(src=str(path), media=FileMedia(path)))
    return result


def image_block_from_clipboard(image: QImage) -> ImageBlock:
    """A pasted picture, kept as PNG bytes (lossless) in the draft."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data = bytes(buffer.data().data())
    return ImageBlock(src="clipboard.png", media=MemoryMedia(data, "clipboard.png"))
