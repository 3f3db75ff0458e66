"""The photo jobs the window hands to its photo processes, named here so that
the window can pass them (a function is pickled by its module and name)
without importing Pillow itself: only the photo process, which runs the
job, imports ``editor.images``."""

from __future__ import annotations

from typing import Any

from editor.errors import ImageError
from editor.media import Media
from editor.web_image import PreviewPhoto


def prepare_preview_of(media: Media, size: int, *args: Any) -> PreviewPhoto:
    """``editor.images.prepare_preview`` of a photo this process reads itself. A photo on
    disk or in a draft crosses the pipe as its name, not as its bytes (a
    pasted one, ``MemoryMedia``, still carries them):
    sending 5 MB to a photo process cost about 9 ms of CPU across the two
    processes, 180 ms for a 20-photo draft, on an open that waits for the
    CPU. ``size`` is what the window read (it hashed those bytes for the
    copy's name): other bytes are not the photo it named."""
    original = media.read_bytes()
    if len(original) != size:
        raise ImageError(f"{media.describe()} changed while it was being read: open the article again")
    from editor.images import prepare_preview

    return prepare_preview(original, media.describe(), *args)
