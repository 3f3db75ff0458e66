"""The preview's copies of photos, kept on disk in the local workspace's
folder, so that an article opened again shows its photos without decoding
a single original (issue 20, item 6: a 20-photo article's preview was
remade from the 12 MP originals on every open, 21 s on this machine).

A copy is found by what it was made from: the original's bytes (their
SHA-256 and length), the user's edits, the width the preview shows and the
version of the conversion. A photo whose bytes changed gets a new copy;
nothing is ever looked up by file name. Every file carries the SHA-256 of
what follows its header: a torn or damaged file is deleted and the copy
made again, never shown.

Only a cache: losing the folder loses nothing, so its files are written
without fsync (the checksum catches a file a power cut tore) and the oldest
are removed once the folder grows past ``MAX_BYTES``.

A draft saved by the window carries the same files for its photos
(``previews/<photo's sha256>/<edits>-<width>.copy``, ``editor.draft``): a
colleague opening it shows its preview without decoding the originals
first. Those are the sender's, so the window makes each one again
afterwards, in the background, and shows its own if they differ
(``ui.common.image_cache``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

from editor.errors import ImageError
from editor.media import ArchiveMedia, archives_kept_open
from editor.model import Crop
from editor.photo_facts import PhotoFacts
from editor.web_image import PreviewPhoto, WebImage

FOLDER_NAME = "preview-copies"
# Bump when prepare_preview makes different pixels: older copies are then
# never found again, and go as the oldest.
CONVERSION_VERSION = 1
MAGIC = b"toasoan-preview-copy\n"
# About 80 KB a photo (a 728 px JPEG and a 160 px thumbnail's raw pixels):
# some 2,500 photos.
MAX_BYTES = 200 * 1024 * 1024
# The folder's size is added up again after this many copies are stored.
PRUNE_EVERY = 64
# Where a draft carries its photos' copies.
DRAFT_FOLDER = "previews/"
# A copy is some 100 KB (a 1456 px JPEG for a screen at 200 % under 1 MB):
# a draft's member past this is no copy, and is not read whole.
MAX_CARRIED_BYTES = 8 * 1024 * 1024


def copy_key(sha256: str, length: int, rotate: int, crop: Crop | None, shown_width: int, max_size: int, thumbnail_box: int) -> str:
    """The name of a copy: everything its pixels depend on."""
    made_from = f"v{CONVERSION_VERSION}|{sha256}|{length}|{rotate}|{_edits(crop)}|{shown_width}|{max_size}|{thumbnail_box}"
    return hashlib.sha256(made_from.encode("utf-8")).hexdigest()


def _edits(crop: Crop | None) -> str:
    return "none" if crop is None else f"{crop.left!r},{crop.top!r},{crop.width!r},{crop.height!r}"


def draft_name(rotate: int, crop: Crop | None, shown_width: int, max_size: int, thumbnail_box: int) -> str:
    """A copy's name inside a draft, under its photo's folder: what its
    pixels depend on besides the photo, the width last and in clear, so
    that a colleague whose screen shows photos wider or narrower (150 %
    against 100 %) finds the copy of the same edits at another width."""
    made_from = f"v{CONVERSION_VERSION}|{rotate}|{_edits(crop)}|{max_size}|{thumbnail_box}"
    return f"{hashlib.sha256(made_from.encode('utf-8')).hexdigest()[:32]}-{shown_width}"


def draft_member(sha256: str, name: str) -> str:
    """The member, inside a draft, of the copy ``name`` (``draft_name``) of
    the photo whose bytes hash to ``sha256`` (filed by photo: they go with it)."""
    return f"{DRAFT_FOLDER}{sha256}/{name}.copy"


def nearest_width(members: list[str], sha256: str, name: str) -> str | None:
    """Of a draft's ``members``, the copy of the same photo and edits as
    ``name`` whose width is nearest above it (the browser shrinks it
    without blur), else the widest; None if there is none."""
    edits, _, wanted = name.rpartition("-")
    prefix = f"{DRAFT_FOLDER}{sha256}/{edits}-"
    widths: dict[int, str] = {}
    for member in members:
        width = member.removeprefix(prefix).removesuffix(".copy")
        if member.startswith(prefix) and member.endswith(".copy") and width.isdigit():
            widths[int(width)] = member
    if not widths:
        return None
    above = [width for width in widths if width >= int(wanted)]
    return widths[min(above) if above else max(widths)]


def carried_bytes(media: ArchiveMedia, member: str) -> bytes | None:
    """The member ``member`` of ``media``'s draft, if it is there and can be
    a copy (not too big)."""
    try:
        data = ArchiveMedia(media.archive, member).read_head(MAX_CARRIED_BYTES + 1)
    except ImageError:
        return None
    return data if len(data) <= MAX_CARRIED_BYTES else None


def carried_copy(media: ArchiveMedia, sha256: str, name: str) -> PreviewPhoto | None:
    """The copy ``name`` (``draft_name``) that the photo's own draft
    carries; if it has that copy at another width only (a colleague's
    screen at another scale), that one, to stand in until the window makes
    its own; None if it has none (a draft of the command line's)."""
    try:
        members = media.names_beside(f"{DRAFT_FOLDER}{sha256}/")
    except ImageError:
        return None
    exact = draft_member(sha256, name)
    member = exact if exact in members else nearest_width(members, sha256, name)
    data = carried_bytes(media, member) if member is not None else None
    return parse(data) if data is not None else None


def first_carried_copy(archive: Path, sha256: str) -> PreviewPhoto | None:
    """The first copy in the draft's order that ``archive`` carries of its
    photo ``sha256``: the saver's own, of the photo as it was saved (a save
    writes those before the ones it keeps). For the drafts library's cover:
    a few KB read instead of a 5 MB photo decoded."""
    media = ArchiveMedia(archive, "")
    with archives_kept_open():  # the names and the copies from one opened zip
        try:
            members = media.names_beside(f"{DRAFT_FOLDER}{sha256}/")
        except ImageError:
            return None
        for member in members:
            data = carried_bytes(media, member)
            photo = parse(data) if data is not None else None
            if photo is not None:
                return photo
    return None


def photo_of_member(name: str) -> str | None:
    """The SHA-256 of the photo a draft's member is a copy of; None for
    any other member."""
    parts = name.split("/")
    if len(parts) != 3 or f"{parts[0]}/" != DRAFT_FOLDER or not parts[2].endswith(".copy"):
        return None
    return parts[1]


class PreviewCopies:
    """The folder of copies. Safe to use from several worker threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._stored_since_prune = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.copy"

    def load(self, key: str) -> PreviewPhoto | None:
        """The copy stored under ``key``; None when there is none, or when
        the file is damaged (it is then removed, to be made again)."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        photo = parse(data)
        if photo is None:
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return photo

    def stored_bytes(self, key: str) -> bytes | None:
        """The file kept under ``key`` as it is, for a draft to carry; None
        when there is none or it is damaged."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        return data if parse(data) is not None else None

    def store(self, key: str, photo: PreviewPhoto) -> None:
        """Keep ``photo`` under ``key``. A folder that cannot be written is
        no error: the copy is only made again next time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".copy-", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(serialize(photo))
                os.replace(temp, self._path(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError:
            return
        with self._lock:
            self._stored_since_prune += 1
            due = self._stored_since_prune >= PRUNE_EVERY
            if due:
                self._stored_since_prune = 0
        if due:
            self.prune()

    def prune(self, max_bytes: int = MAX_BYTES) -> None:
        """Remove the least recently used copies until the folder holds at
        most ``max_bytes``."""
        try:
            entries = []
            for entry in os.scandir(self.folder):
                if entry.name.endswith(".copy"):
                    info = entry.stat()
                    entries.append((info.st_mtime, info.st_size, entry.path))
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= max_bytes:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
            total -= size


def serialize(photo: PreviewPhoto) -> bytes:
    payload = photo.shown.data + photo.thumbnail
    header = {
        "sizes": [list(size) for size in photo.sizes],
        "shown": {"extension": photo.shown.extension, "width": photo.shown.width, "height": photo.shown.height,
                  "bytes": len(photo.shown.data)},
        "thumbnail": list(photo.thumbnail_size),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    if photo.facts is not None:  # an article opened again has its checklist without decoding its photos
        header["facts"] = dataclasses.asdict(photo.facts)
    return MAGIC + json.dumps(header).encode("ascii") + b"\n" + payload


def parse(data: bytes) -> PreviewPhoto | None:
    """The copy a file (or a draft's member) holds, or None if anything in
    it is not as written."""
    if not data.startswith(MAGIC):
        return None
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        return None
    try:
        header = json.loads(data[len(MAGIC) : end])
        payload = data[end + 1 :]
        if hashlib.sha256(payload).hexdigest() != header["sha256"]:
            return None
        shown = header["shown"]
        shown_bytes = int(shown["bytes"])
        thumb_width, thumb_height = (int(value) for value in header["thumbnail"])
        if shown_bytes < 0 or len(payload) != shown_bytes + 3 * thumb_width * thumb_height:
            return None
        sizes = tuple((int(width), int(height)) for width, height in header["sizes"])
        if not sizes or shown["extension"] not in ("jpg", "png"):
            return None
        web = WebImage(payload[:shown_bytes], str(shown["extension"]), int(shown["width"]), int(shown["height"]))
        return PreviewPhoto(sizes, web, payload[shown_bytes:], (thumb_width, thumb_height), _facts(header.get("facts")))
    except (ValueError, KeyError, TypeError):
        return None


def _facts(stored: object) -> PhotoFacts | None:
    """The facts a copy's header keeps (none in a copy made before they were kept)."""
    if not isinstance(stored, dict):
        return None
    return PhotoFacts(int(stored["width"]), int(stored["height"]), has_gps=stored["has_gps"] is True,
                      has_camera=stored["has_camera"] is True, unreadable=stored.get("unreadable") is True)
