"""Zip members written the same way every time, so that saving or exporting
the same article twice gives the same bytes; and what reading a damaged zip
can raise."""

from __future__ import annotations

import zipfile
import zlib

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_member(name: str, compress_type: int) -> zipfile.ZipInfo:
    """A member header with a fixed date and ordinary file permissions."""
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info


# What reading a damaged zip can raise besides OSError: a bad header or CRC,
# a broken deflate stream, a cut-off member, an unknown compression method
# (NotImplementedError) or an encrypted member (RuntimeError).
DAMAGED_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
