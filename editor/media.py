"""Where an image's original bytes live: a file, a member of a draft, memory.

The model never holds decoded pixels; an image block points at a ``Media``
whose bytes are read on demand and never rewritten.
"""

from __future__ import annotations

import hashlib
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from editor.errors import ImageError
from editor.zips import DAMAGED_ZIP_ERRORS, open_regular_zip

# Recognized by content, never by the file's name.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, "png"),
    (b"GIF87a", 0, "gif"),
    (b"GIF89a", 0, "gif"),
    (b"BM", 0, "bmp"),
    (b"II*\x00", 0, "tif"),
    (b"MM\x00*", 0, "tif"),
)


def sniff_extension(data: bytes) -> str:
    """The file extension that matches the image format of ``data``."""
    for signature, offset, extension in _SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            return extension
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "avif"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1"):
        return "heic"
    # JPEGs with junk before the header still decode; keep their name honest.
    if b"\xff\xd8\xff" in data[:4096]:
        return "jpg"
    return "bin"


class Media:
    """Original image bytes, read on demand.

    A media object only names bytes that never change, so copies of an
    article (the snapshots autosave, save, export and the checklist take)
    share it rather than duplicate it, and share its cached hash.
    """

    def __copy__(self) -> Media:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Media:
        return self

    def read_bytes(self) -> bytes:
        raise NotImplementedError

    def read_head(self, size: int) -> bytes:
        """The first ``size`` bytes, failing as ``read_bytes`` fails. What
        needs only to know the bytes can be had (the checklist, at every
        pause in typing) or what they are (``extension``) reads no more:
        reading a 20-photo draft's originals whole for it was 100 MB read
        and checked (zip's CRC) each time."""
        return self.read_bytes()[:size]

    def describe(self) -> str:
        """Where the bytes come from, for error messages."""
        raise NotImplementedError

    @property
    def sha256(self) -> str:
        cached = self.__dict__.get("_sha256")
        return cached if cached is not None else self.read_hashed()[1]

    def read_hashed(self) -> tuple[bytes, str]:
        """The bytes and their SHA-256, which is kept as ``sha256`` keeps
        it: the window reads each photo of an opened article once for its
        preview copy, and the workspace's copy of the article (which names
        every photo by its hash) then needs no second read of 20 originals."""
        data = self.read_bytes()
        cached = self.__dict__.get("_sha256")
        if cached is None:
            cached = hashlib.sha256(data).hexdigest()
            self.__dict__["_sha256"] = cached
        return data, cached

    @property
    def extension(self) -> str:
        cached = self.__dict__.get("_extension")
        if cached is None:
            cached = sniff_extension(self.read_head(4096))
            self.__dict__["_extension"] = cached
        return cached

    @property
    def stored_name(self) -> str:
        """The content-addressed name inside a draft: ``<sha256>.<ext>``."""
        return f"{self.sha256}.{self.extension}"


@dataclass(eq=False)
class FileMedia(Media):
    path: Path

    def read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as error:
            raise ImageError(f"cannot read the image: {error.strerror or error}", path=self.path) from error

    def read_head(self, size: int) -> bytes:
        try:
            with self.path.open("rb") as file:
                return file.read(size)
        except OSError as error:
            raise ImageError(f"cannot read the image: {error.strerror or error}", path=self.path) from error

    def describe(self) -> str:
        return str(self.path)


_kept_open = threading.local()
_Read = TypeVar("_Read")


@contextmanager
def archives_kept_open() -> Iterator[None]:
    """Within this block, members of one draft read on this thread share one
    opened zip. Opening reads the whole central directory, so opening it per
    member made saving a draft of n members take n² time (9,990 members:
    717 s). Closed at the end, before anything may replace the file."""
    if getattr(_kept_open, "archives", None) is not None:
        yield
        return
    _kept_open.archives = {}
    with ExitStack() as _kept_open.closing:
        try:
            yield
        finally:
            _kept_open.archives = None


@dataclass(eq=False)
class ArchiveMedia(Media):
    """A member of a ``.article`` zip, read without extracting to disk."""

    archive: Path
    member: str

    def read_bytes(self) -> bytes:
        return self._in_archive(lambda archive: archive.read(self.member))

    def read_head(self, size: int) -> bytes:
        def head(archive: zipfile.ZipFile) -> bytes:
            with archive.open(self.member) as member:
                return member.read(size)

        return self._in_archive(head)

    def names_beside(self, prefix: str) -> list[str]:
        """The names of the draft's members that start with ``prefix``."""
        return self._in_archive(lambda archive: [name for name in archive.namelist() if name.startswith(prefix)])

    def _in_archive(self, read: Callable[[zipfile.ZipFile], _Read]) -> _Read:
        try:
            opened: dict[Path, zipfile.ZipFile] | None = getattr(_kept_open, "archives", None)
            if opened is not None:
                if self.archive not in opened:
                    opened[self.archive] = _kept_open.closing.enter_context(open_regular_zip(self.archive, ImageError))
                return read(opened[self.archive])
            with open_regular_zip(self.archive, ImageError) as archive:
                return read(archive)
        except (OSError, KeyError, *DAMAGED_ZIP_ERRORS) as error:
            raise ImageError(f"cannot read {self.member} from the draft: {error}", path=self.archive) from error

    def describe(self) -> str:
        return f"{self.archive}:{self.member}"

    # No ``sha256`` shortcut from the member's name: a hostile draft can
    # store one photo under another photo's hash, and trusting the name would
    # let it stand in for the user's own photo on save, in exports and in the
    # workspace. The hash is of the bytes, so a mismatch is renamed on save.


@dataclass(eq=False)
class MemoryMedia(Media):
    """Bytes held in memory: a pasted image, or one imported from a document."""

    data: bytes = field(repr=False)
    label: str = "image"

    def read_bytes(self) -> bytes:
        return self.data

    def describe(self) -> str:
        return self.label
