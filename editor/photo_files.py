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

from PIL import Image, ImageFile

from editor.errors import IMAGE_DAMAGED, ImageError
from editor.images import open_image
from editor.media import FileMedia
from editor.model import ImageBlock
from editor.regular_files import read_regular_file

# What the photo dialogs offer (the content decides, not the name).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp", ".heic")

# A photo file larger than this is no camera's (a 200 MP TIFF is ~600 MB).
MAX_PHOTO_BYTES = 1024**3

# Formats whose truncation Pillow's verify() cannot see (it reads no pixels
# of them): their first frame is decoded here, if it is no larger than this
# (a decoded frame is held in the window's process for the moment). Of a
# larger one, where its header says the pixels are stored is checked against
# the file's length (TIFF, uncompressed BMP); a larger GIF, or an RLE BMP,
# is left to the preview's conversion, which says it cannot show it.
DECODED_AT_INSERT = ("BMP", "GIF", "TIFF")
MAX_PIXELS_DECODED_AT_INSERT = 16_000_000


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
            check_photo_bytes(read_regular_file(path, MAX_PHOTO_BYTES, ImageError, "photo"), path.name)
        except ImageError as error:
            result.refused.append(PhotoRefusal(path.name, error.reason, "; ".join(error.lines())))
            continue
        result.blocks.append(ImageBlock(src=str(path), media=FileMedia(path)))
    return result


def check_photo_bytes(data: bytes, label: str) -> None:
    """Raise ImageError (with its reason code) unless ``data`` is an image
    that opens, verifies and is not cut short; a photo file dropped on the
    window, or a picture of a Word document."""
    try:
        with open_image(data, label) as image:
            cut = stored_pixels_run_past_the_end(image, len(data))  # before verify(), which ends the image's use
            image.verify()
            kind, pixels = image.format, image.width * image.height
        if cut or (kind in ("JPEG", "MPO") and jpeg_stops_early(data)) or (kind in ("AVIF", "HEIF") and boxes_stop_early(data)):
            raise ImageError(f"{label}: the image is truncated (its end is missing)", reason=IMAGE_DAMAGED)
        if kind in DECODED_AT_INSERT and pixels <= MAX_PIXELS_DECODED_AT_INSERT:
            with open_image(data, label) as image:
                image.load()
    except ImageError:
        raise
    except Exception as error:  # noqa: BLE001 — Pillow's verify and decoders raise many kinds
        raise ImageError(f"{label}: the image is damaged", reason=IMAGE_DAMAGED) from error


def jpeg_stops_early(data: bytes) -> bool:
    """Whether a JPEG ends before its image does: no end-of-image marker
    after its first scan. Pillow refuses to decode such a file (so the
    export would), yet its verify() never looks (it decodes no JPEG), and
    decoding to find out costs some 45 ms of CPU for a 12 MP photo even at
    1/8 scale, as long as the preview's own conversion of it. The segments
    before the scan (EXIF, with the thumbnail and its own end marker inside)
    are skipped by their lengths, and the coded data after it never holds
    0xFF 0xD9 (a 0xFF there is followed by 0x00 or a restart marker). The
    end is looked for from the file's end, where a whole photo has it: a
    few microseconds for a 5 MB photo; a photo cut short is read through
    (3 ms). Data after the end (a phone's motion photo, a gain map) is
    allowed."""
    position = data.find(b"\xff\xd8")  # some cameras write junk before the header
    if position < 0:
        return False  # not a JPEG this reading understands: the decoder decides
    position += 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:  # junk between segments: libjpeg skips to the next marker, so does this
            position = data.find(b"\xff", position)
            if position < 0:
                return True
            continue
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
        elif marker == 0xDA:  # start of scan: the image's end must follow
            return data.rfind(b"\xff\xd9", position) < 0  # from the end, where a whole photo has it
        elif marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            position += 2
        else:
            position += 2 + int.from_bytes(data[position + 2:position + 4], "big")
    return True  # the file ended before its first scan


def boxes_stop_early(data: bytes) -> bool:
    """Whether an AVIF or HEIF file (ISO media: a run of boxes, each giving
    its own size) ends inside one of its boxes. Opening one reads its
    header boxes only, so a file cut in its picture data passed, yet would
    not decode; decoding one to find out takes a tenth of a second or more.
    A last fragment too short to be a box is left to the decoder."""
    position = 0
    while position + 8 <= len(data):
        size = int.from_bytes(data[position:position + 4], "big")
        if size == 1:  # a 64-bit size follows the box's type
            if position + 16 > len(data):
                return True
            size = int.from_bytes(data[position + 8:position + 16], "big")
        elif size == 0:  # the box runs to the end of the file
            return False
        if size < 8:
            return False  # not a box this reading understands: the decoder decides
        position += size
    return position > len(data)


# TIFF tags: where each strip or tile of the first image starts, and how long it is.
_STRIPS = (273, 279)
_TILES = (324, 325)


def stored_pixels_run_past_the_end(image: Image.Image, length: int) -> bool:
    """Whether the header of an opened TIFF or uncompressed BMP places its
    pixels past the file's ``length`` bytes: a file cut short, found without
    decoding it (a 20 MP TIFF cut in half was let in, then could not be
    shown nor exported)."""
    if image.format == "TIFF":
        tags = image.tag_v2  # type: ignore[attr-defined]
        for offsets_tag, counts_tag in (_STRIPS, _TILES):
            offsets, counts = tags.get(offsets_tag), tags.get(counts_tag)
            if isinstance(offsets, tuple) and isinstance(counts, tuple) and offsets and len(offsets) == len(counts):
                end: int = max(offset + count for offset, count in zip(offsets, counts, strict=True))
                return end > length
        return False
    if image.format == "BMP" and isinstance(image, ImageFile.ImageFile):
        for tile in image.tile:
            stride = tile.args[1] if isinstance(tile.args, tuple) and len(tile.args) > 1 else None
            if tile.codec_name == "raw" and isinstance(stride, int) and stride and tile.extents is not None:
                if tile.offset + abs(stride) * (tile.extents[3] - tile.extents[1]) > length:
                    return True
    return False
