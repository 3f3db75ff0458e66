"""Typed errors from the core, as sentences for the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.errors import (
    ArticleError,
    DraftFileError,
    ExportError,
    FormatError,
    ImageError,
    ProfileError,
    SaveError,
    UnsupportedVersionError,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def headline(error: ArticleError) -> str:
    """What happened, in one sentence; the details follow it."""
    if isinstance(error, UnsupportedVersionError):
        return _tr("This article was made by a newer version of Tòa Soạn. Update the app to open it.")
    if isinstance(error, DraftFileError):
        return _tr("This file cannot be opened: it is not an article draft, or it is damaged.")
    if isinstance(error, FormatError):
        return _tr("The article file has problems. Fix them in the file, or ask whoever made it.")
    if isinstance(error, ImageError):
        return _tr("A photo cannot be used.")
    if isinstance(error, SaveError):
        return _tr("The article was not saved. The previous file is unchanged; your work is still open.")
    if isinstance(error, ExportError):
        return _tr("The article was not exported. Nothing was written.")
    if isinstance(error, ProfileError):
        return _tr("The site profile cannot be used.")
    return _tr("Something went wrong.")


def describe_error(error: ArticleError) -> str:
    return headline(error) + "\n\n" + "\n".join(error.lines())
