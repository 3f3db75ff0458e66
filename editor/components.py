"""The parts the app is made of and ships, with their licences: Help ▸
About lists them, and the bundle carries the licence texts (the LGPL asks
that Qt's and PySide6's be shipped with it) in its ``licences`` folder,
which packaging/toa-soan.spec fills from this list."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str | None  # the Python distribution its version and licence files come from
    licence: str  # SPDX identifiers
    what: str
    platform: str | None = None  # shipped only where sys.platform starts with this (keyring's helpers differ)

    def version(self) -> str:
        if self.distribution is None:
            return sys.version.split()[0]
        from importlib import metadata  # a tenth of a second to import: only when About is opened

        try:
            return metadata.version(self.distribution)
        except metadata.PackageNotFoundError:
            return "?"


_ALL = (
    Component("Qt 6, with Qt WebEngine (Chromium)", "PySide6_Essentials", "LGPL-3.0-only",
              "the window, the preview and the PDF printer"),
    Component("PySide6", "PySide6_Essentials", "LGPL-3.0-only", "Qt for Python"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only", "PySide6's binding generator runtime"),
    Component("Python", None, "PSF-2.0",
              "the language the app is written in (with OpenSSL, Apache-2.0, SQLite, public domain, and zlib, Zlib)"),
    Component("Jinja2", "Jinja2", "BSD-3-Clause", "the page's templates"),
    Component("MarkupSafe", "MarkupSafe", "BSD-3-Clause", "escaping in the templates"),
    Component("nh3 (ammonia)", "nh3", "MIT", "cleaning HTML"),
    Component("Pillow", "pillow", "MIT-CMU", "photos (with libjpeg, libpng, libwebp, libavif, libtiff, lcms2)"),
    Component("pi-heif", "pi_heif", "BSD-3-Clause",
              "HEIC photos, decoded only (with libheif and libde265, LGPL-3.0-or-later)"),
    Component("qrcode", "qrcode", "BSD-3-Clause", "the QR codes"),
    Component("python-slugify", "python-slugify", "MIT", "web addresses from titles"),
    Component("text-unidecode", "text-unidecode", "Artistic-1.0-Perl", "transliteration for slugs"),
    Component("platformdirs", "platformdirs", "MIT", "where settings and autosaves live"),
    Component("tzdata", "tzdata", "Apache-2.0", "time zones"),
    Component("mammoth", "mammoth", "BSD-2-Clause", "Word import"),
    Component("keyring", "keyring", "MIT", "the CMS password in the system's keyring"),
    Component("truststore", "truststore", "MIT", "HTTPS through the system's certificates"),
    Component("lxml", "lxml", "BSD-3-Clause", "the Word import's XML (with libxml2 and libxslt, MIT)"),
    Component("cobble", "cobble", "BSD-2-Clause", "mammoth's data classes"),
    Component("jaraco.classes", "jaraco.classes", "MIT", "keyring's helpers"),
    Component("jaraco.functools", "jaraco.functools", "MIT", "keyring's helpers"),
    Component("jaraco.context", "jaraco.context", "MIT", "keyring's helpers"),
    Component("backports.tarfile", "backports.tarfile", "MIT", "jaraco.context's helper"),
    Component("more-itertools", "more-itertools", "MIT", "keyring's helpers"),
    Component("importlib-metadata", "importlib_metadata", "Apache-2.0", "keyring's back-end lookup"),
    Component("zipp", "zipp", "MIT", "importlib-metadata's helper"),
    Component("lazy-importer", "lazy-importer", "Apache-2.0", "importlib-metadata's helper"),
    Component("SecretStorage", "SecretStorage", "BSD-3-Clause", "the keyring on Linux (Secret Service)", "linux"),
    Component("jeepney", "jeepney", "MIT", "D-Bus for the keyring on Linux", "linux"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause",
              "the keyring's encrypted session on Linux (with OpenSSL, Apache-2.0)", "linux"),
    Component("cffi", "cffi", "MIT-0", "cryptography's C calls", "linux"),
    Component("pywin32-ctypes", "pywin32-ctypes", "BSD-3-Clause", "the keyring on Windows (Credential Manager)", "win32"),
)
# The parts of this system's bundle (Help ▸ About lists them; the spec ships their licences).
COMPONENTS = tuple(part for part in _ALL if part.platform is None or sys.platform.startswith(part.platform))


def licence_folder() -> Path:
    """Where the licence texts are: in the bundle beside the code, in a
    checkout under packaging/."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled is not None:
        return Path(bundled) / "licences"
    return ROOT / "packaging" / "licences"
