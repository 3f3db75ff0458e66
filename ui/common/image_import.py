"""Photos coming in: files (dialog or drag), or the clipboard.

Each file is checked by content on a worker thread before it becomes an
image block (``editor.photo_files``): a file that is not an image, is
truncated or is too large is refused with its own message, here in the
user's language, and nothing is inserted for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from editor.media import MemoryMedia
from editor.model import ImageBlock
from editor.photo_files import check_photo_files
from ui.common.errors import photo_refusal


@dataclass
class ImportResult:
    blocks: list[ImageBlock] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one sentence per refused photo, in the user's language


def check_image_files(paths: list[Path]) -> ImportResult:
    """Run on a worker: an image block for every readable photo
    (``editor.photo_files``), and each refusal as a translated line."""
    checked = check_photo_files(paths)
    return ImportResult(checked.blocks, [photo_refusal(r.name, r.reason, r.details) for r in checked.refused])


def image_block_from_clipboard(image: QImage) -> ImageBlock:
    """A pasted picture, kept as PNG bytes (lossless) in the draft."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data = bytes(buffer.data().data())
    return ImageBlock(src="clipboard.png", media=MemoryMedia(data, "clipboard.png"))
