"""The folder each kind of file dialog opens in: the one the user last chose
for that kind (photos, drafts, exports, …), remembered between runs.

Without one, a dialog opens in the user's Documents folder, never in the
program's own folder (the working directory of a Start-menu shortcut on
Windows). Folders are kept as native paths in QSettings, which is the
registry on Windows and an ini file elsewhere.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ui.common.settings import settings


class FolderKind(Enum):
    PHOTOS = "photos"
    DRAFTS = "drafts"
    EXPORTS = "exports"
    WORD = "word"
    LOGOS = "logos"
    PROFILES = "profiles"


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def last_folder(kind: FolderKind) -> Path:
    """Where a dialog of this kind opens: the last folder chosen for it, if it still exists."""
    return chosen_folder(kind) or default_folder()


def chosen_folder(kind: FolderKind) -> Path | None:
    """The last folder chosen for this kind, if one was and it still exists."""
    remembered = str(settings().value(f"folders/{kind.value}", "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return None


def remember_folder(kind: FolderKind, chosen: Path | str) -> None:
    """Remember the folder of a file (or the folder itself) the user chose."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings().setValue(f"folders/{kind.value}", str(folder))
