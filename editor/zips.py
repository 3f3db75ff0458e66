"""Zip members written the same way every time, so that saving or exporting
the same article twice gives the same bytes; and what reading a damaged zip
can raise."""

from __future__ import annotations

import zipfile
import zlib
from datetime import datetime

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
