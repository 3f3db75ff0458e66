"""Zip members written the same way every time, so that saving or exporting
the same article twice gives the same bytes."""

from __future__ import annotations

import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def zip_member(name: str, compress_type: int) -> zipfile.ZipInfo:
    """A member header with a fixed date and ordinary file permissions."""
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16
    return info
