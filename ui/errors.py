"""Typed errors from the core, as sentences for the user."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from editor.errors import (
    DISK_FULL,
    FILE_IN_USE,
    NO_PERMISSION,
    NOT_FOUND,
    READ_ONLY_DISK,
    ArticleError,
    DocumentImportError,
    DraftFileError,
    ExportError,
    FormatError,
    ImageError,
    ProfileError,
    PublishError,
    SaveError,
    UnsupportedVersionError,
    WorkspaceError,
)
from editor.locks import DocumentLockedError
from ui.language import translated


# Most specific first: UnsupportedVersionError is also a FormatError. The
# sentences are marked for Qt's translation tools and translated on use.
_HEADLINES: tuple[tuple[type[ArticleError], str], ...] = (
    (DocumentLockedError, QT_TRANSLATE_NOOP("errors", "Someone else has this article open. Save your version under another name.")),
    (UnsupportedVersionError, QT_TRANSLATE_NOOP("errors", "This article was made by a newer version of Tòa Soạn. Update the app to open it.")),
    (DraftFileError, QT_TRANSLATE_NOOP("errors", "This file cannot be opened: it is not an article draft, or it is damaged.")),
    (FormatError, QT_TRANSLATE_NOOP("errors", "The article file has problems. Fix them in the file, or ask whoever made it.")),
    (ImageError, QT_TRANSLATE_NOOP("errors", "A photo cannot be used. Check that the file is a photo and is still there, or choose another one.")),
    (DocumentImportError, QT_TRANSLATE_NOOP("errors", "This Word document cannot be imported. Save it as .docx in Word, then import it again.")),
    (WorkspaceError, QT_TRANSLATE_NOOP("errors", "Autosave cannot use its folder. Your work is still open: save it to a file now.")),
    (SaveError, QT_TRANSLATE_NOOP("errors", "The article was not saved. The previous file is unchanged; your work is still open.")),
    (ExportError, QT_TRANSLATE_NOOP("errors", "The article was not exported. Nothing was written. Choose another place or name and export again.")),
    (PublishError, QT_TRANSLATE_NOOP("errors", "The article was not published. What is on the portal now is said below; publish again to finish.")),
    (ProfileError, QT_TRANSLATE_NOOP("errors", "The site profile cannot be used. Check the file, or fill in the profile again under Settings.")),
)


_FALLBACK = QT_TRANSLATE_NOOP("errors", "Something went wrong.")

# The causes a user can act on, said in the user's language (the lines
# under them, from the core, name the file and the system's own words).
_REASONS: dict[str, str] = {
    DISK_FULL: QT_TRANSLATE_NOOP("errors", "The disk is full. Free some space, or save somewhere else."),
    NO_PERMISSION: QT_TRANSLATE_NOOP("errors", "You may not write in that folder. Save somewhere else, or ask your IT staff."),
    READ_ONLY_DISK: QT_TRANSLATE_NOOP("errors", "That disk is read-only. Save somewhere else."),
    FILE_IN_USE: QT_TRANSLATE_NOOP("errors", "Another program keeps the file open (an antivirus scanner, a backup or sync tool). Try again in a moment."),
    NOT_FOUND: QT_TRANSLATE_NOOP("errors", "The file is not there any more: it was moved, renamed or deleted."),
}


def headline(error: ArticleError) -> str:
    """What happened, in one sentence; the details follow it."""
    for kind, sentence in _HEADLINES:
        if isinstance(error, kind):
            return translated("errors", sentence)
    return translated("errors", _FALLBACK)


def describe_error(error: ArticleError) -> str:
    """What happened and what to do, then the details."""
    reason = getattr(error, "reason", None)
    said = headline(error) + ("\n" + translated("errors", _REASONS[reason]) if reason in _REASONS else "")
    return said + "\n\n" + "\n".join(error.lines())
