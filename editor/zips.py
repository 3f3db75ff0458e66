"""Zip members written the same way every time, so that saving or exporting
the same article twice gives the same bytes; what reading a damaged zip
can raise; and a draft's zip opened only when it is an ordinary file."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from editor.errors import ArticleError
from editor.regular_files import open_regular_file

# The earliest time a zip can hold; for an article with no date.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
ZipTime = tuple[int, int, int, int, int, int]


def article_zip_time(local_published: datetime | None) -> ZipTime:
    """The time zip members carry: the article's own date, in its time zone
    (zip times have no zone), so an unzipped bundle shows when the article
    is from, and saving the same article twice gives the same bytes."""
    if local_published is None or not 1980 <= local_published.year <= 2107:
        return FIXED_TIME
    moment = local_published
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def zip_member(name: str, compress_type: int, when: ZipTime = FIXED_TIME) -> zipfile.ZipInfo:
    """A member header with the given time and ordinary file permissions."""
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info


# What reading a damaged zip can raise besides OSError: a bad header or CRC,
# a broken deflate stream, a cut-off member, an unknown compression method
# (NotImplementedError) or an encrypted member (RuntimeError).
DAMAGED_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


@contextmanager
def open_regular_zip(path: Path, error: type[ArticleError], what: str = "draft") -> Iterator[zipfile.ZipFile]:
    """The zip at ``path``, for reading, refused with ``error`` unless it is
    an ordinary file: a draft on a shared folder can be swapped for a pipe,
    which ``zipfile.ZipFile(path)`` would wait on for ever."""
    with open_regular_file(path, error, what) as stream, zipfile.ZipFile(stream) as archive:
        yield archive
