"""What a prepared photo is, without the means of preparing one: the window
holds these from its first paint (the preview copies' cache, the photo
cache), while Pillow and the HEIF decoder, a twentieth of a second to
import, load only when a photo is first converted (``editor.images``)."""

from __future__ import annotations

from dataclasses import dataclass

from editor.photo_facts import PhotoFacts

DEFAULT_MAX_SIZE = 1600


@dataclass(frozen=True)
class WebImage:
    data: bytes
    extension: str  # "jpg" or "png"
    width: int
    height: int


@dataclass(frozen=True)
class PreviewPhoto:
    """What the window needs of a photo: the sizes the export gives it
    (for the page's ``width``, ``height`` and ``srcset``), one copy no wider
    than the preview shows it, and a small thumbnail's raw pixels."""

    sizes: tuple[tuple[int, int], ...]  # as exported, largest first
    shown: WebImage
    thumbnail: bytes  # RGB, 3 bytes a pixel
    thumbnail_size: tuple[int, int]
    facts: PhotoFacts | None = None  # learnt while converting, for the checklist; None unless the whole photo was decoded
