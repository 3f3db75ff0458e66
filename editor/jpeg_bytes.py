"""A JPEG's bytes, encoded without holding Python's GIL.

Pillow's JPEG encoder holds the GIL for the whole encode when it writes to
an in-memory buffer (``io.BytesIO``: its ``ImagingEncoder.encode``), but
releases it when it writes to a real file descriptor (``encode_to_file``).
A progressive, optimised 1600 px photo takes ~60 ms to encode, and in that
time the export's other thread cannot step from one of its own (GIL-free)
decoding or resampling calls to the next: the two conversion threads then
take turns instead of running side by side (measured: two threads encoding
1600 px progressive JPEGs into buffers were no faster than one).

So the encoder writes into an anonymous in-memory file (``memfd``, Linux),
read back whole. The bytes are the same: the same encoder with the same
settings, only its output goes through a descriptor
(tests/editor/test_jpeg_bytes.py). Elsewhere (Windows, macOS) it still
encodes into memory: a temporary file on disk would be scanned by
antivirus software on every photo, which was not measured.
"""

from __future__ import annotations

import io
import os
from typing import IO

from PIL import Image


def jpeg_bytes(image: Image.Image, **options: object) -> bytes:
    """``image.save(…, "JPEG", **options)``'s bytes; on Linux, the GIL released while encoding."""
    try:
        scratch = _scratch_file()
    except OSError:  # out of descriptors, or a sandbox that refuses memfd
        scratch = None
    if scratch is None:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", **options)
        return buffer.getvalue()
    with scratch:
        image.save(scratch, "JPEG", **options)
        scratch.seek(0)
        return scratch.read()


def _scratch_file() -> IO[bytes] | None:
    """A file in memory with a descriptor, in no folder (a photo's pixels
    never touch the disk, even when the export is killed), or None."""
    memfd_create = getattr(os, "memfd_create", None)
    if memfd_create is None:
        return None
    return open(memfd_create("toa-soan-jpeg", os.MFD_CLOEXEC), "w+b")  # noqa: SIM115 — closed by the caller
