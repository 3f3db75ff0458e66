"""Which Windows the window can run on. Qt 6 needs Windows 10 version 1809
(build 17763) or later; on an older one its libraries fail to load with an
error that names a DLL, not the cause. The app checks first and says so in
plain words, in both languages, since its translations are Qt's too.

Only the window needs this: the command line (export, check…) loads no Qt
and runs wherever Python 3.11 does."""

from __future__ import annotations

import sys

# Windows 10 version 1809, "October 2018 Update": the oldest Qt 6 supports.
OLDEST_BUILD = 17763


def windows_build() -> tuple[int, int, int] | None:
    """(major, minor, build) of this Windows, or None on another system.
    ``platform_version`` is read from kernel32.dll, so it is the real one
    even where a program's manifest makes Windows report an older version."""
    # Looked up by name, not under `if sys.platform == "win32"`: mypy would
    # then check the Windows branch on Windows only (and the tests fake it).
    get_version = getattr(sys, "getwindowsversion", None)
    if getattr(sys, "platform", "") != "win32" or get_version is None:
        return None
    major, minor, build = get_version().platform_version
    return int(major), int(minor), int(build)


def too_old_message(version: tuple[int, int, int] | None) -> str | None:
    """The refusal for ``version``, or None when the window can run there."""
    if version is None:
        return None
    major, minor, build = version
    if (major, build) >= (10, OLDEST_BUILD) or major > 10:
        return None
    this = f"Windows {major}.{minor}, build {build}"
    return (f"Tòa Soạn cần Windows 10 phiên bản 1809 trở lên, hoặc Windows 11. Máy này đang chạy {this}.\n\n"
            f"Tòa Soạn needs Windows 10 version 1809 or later, or Windows 11. This computer runs {this}.")
