"""What the app remembers between runs (QSettings): the site profile, the
default author and source, recent files, the splitter's sizes.

The site profile is also written as the JSON file the command line reads
(``editor.site.write_saved_profile``), so an export from the command line
uses the same profile as the window.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from editor.model import SiteProfile

RECENT_LIMIT = 10


def settings() -> QSettings:
    return QSettings()


def load_site_profile() -> SiteProfile:
    store = settings()
    site = SiteProfile(logo_anywhere=True)  # the user chose the logo's file in the app
    for name in SiteProfile.FIELDS:
        setattr(site, name, str(store.value(f"site/{name}", "") or ""))
    # One name a line: QSettings' own lists come back as a str when they hold one item.
    site.sections = [name for name in str(store.value("site/sections", "") or "").split("\n") if name.strip()]
    photo_metadata = str(store.value("site/photo_metadata", "") or "")
    site.photo_metadata = None if photo_metadata not in ("true", "false") else photo_metadata == "true"
    try:  # JSON: QSettings gives a one-item list back as a string on some platforms
        words = json.loads(str(store.value("site/dictionary", "[]") or "[]"))
    except ValueError:
        words = []
    site.dictionary = [word for word in words if isinstance(word, str)] if isinstance(words, list) else []
    return site


def save_site_profile(site: SiteProfile) -> None:
    store = settings()
    for name in SiteProfile.FIELDS:
        logo = str(site.logo_path()) if name == "logo" and site.logo_path() else getattr(site, name)
        store.setValue(f"site/{name}", logo)
    store.setValue("site/sections", "\n".join(site.sections))
    store.setValue("site/photo_metadata", "" if site.photo_metadata is None else str(site.photo_metadata).lower())
    store.setValue("site/dictionary", json.dumps(site.dictionary, ensure_ascii=False))
    store.sync()


def default_byline() -> tuple[str, str]:
    store = settings()
    return str(store.value("defaults/author", "") or ""), str(store.value("defaults/source", "") or "")


def save_default_byline(author: str, source: str) -> None:
    store = settings()
    store.setValue("defaults/author", author)
    store.setValue("defaults/source", source)


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(item) for item in (value or [])]


def add_recent_file(path: Path) -> None:
    entries = [str(path)] + [p for p in recent_files() if p != str(path)]
    settings().setValue("recent", entries[:RECENT_LIMIT])
