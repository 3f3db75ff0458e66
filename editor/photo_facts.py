"""What the checklist must know of a photo: its upright size, whether its
original carries GPS coordinates or camera data, and whether it decodes at
all (the export refuses one that does not). Kept by the photo's content
hash for the process's life: a photo's facts never change, and the
checklist runs at every pause in typing.

The preview's conversion of a JPEG (``editor.images.prepare_preview``)
decodes the whole photo anyway, and returns these facts beside its copy;
the window remembers them here, so that the checklist, which runs in the
window's process, does not decode the 20 originals of an opened article a
second time (40 ms of CPU each for a 12 MP photo). The checklist reads
the others itself (``editor.images.read_photo_facts``).

No Pillow here: the window imports this module at start."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhotoFacts:
    width: int  # upright (EXIF orientation applied)
    height: int  # upright
    has_gps: bool
    has_camera: bool
    unreadable: bool = False  # the export would refuse it: damaged, or a decoder fails


UNREADABLE = PhotoFacts(0, 0, has_gps=False, has_camera=False, unreadable=True)

_KNOWN: dict[str, PhotoFacts] = {}  # by the SHA-256 of the photo's bytes


def remember(sha256: str, facts: PhotoFacts) -> None:
    """What is known of the photo whose bytes hash to ``sha256``."""
    _KNOWN[sha256] = facts


def forget(sha256: str) -> None:
    """Facts that proved wrong (a draft's carried copy): read again when next asked."""
    _KNOWN.pop(sha256, None)


def known(sha256: str) -> PhotoFacts | None:
    return _KNOWN.get(sha256)


def forget_all() -> None:
    """As in a new process: nothing read yet (tests and benchmarks)."""
    _KNOWN.clear()
