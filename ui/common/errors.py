"""Typed errors from the core, as sentences for the user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QT_TRANSLATE_NOOP

from editor.errors import (
    DISK_FULL,
    EMPTY_FILE,
    FILE_IN_USE,
    IMAGE_DAMAGED,
    IMAGE_TOO_BIG,
    NO_PERMISSION,
    NOT_A_FILE,
    NOT_AN_EXPORT,
    NOT_AN_IMAGE,
    NOT_FOUND,
    PASSWORD_PROTECTED,
    READ_ONLY_DISK,
    TOO_BIG_FOR_MEMORY,
    ArticleError,
    DocumentImportError,
    DraftFileError,
    ExportCancelled,
    ExportError,
    ExportPhotoError,
    FormatError,
    ImageError,
    ProfileError,
    PublishError,
    SaveError,
    UnsupportedVersionError,
    WorkspaceError,
)
from editor.locks import DocumentLockedError
from editor.model import Article, ImageBlock
from ui.common.language import translated

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
    (ExportCancelled, QT_TRANSLATE_NOOP("errors", "The export was cancelled. Nothing was written.")),
    (ExportPhotoError, QT_TRANSLATE_NOOP(
        "errors", "The article was not exported. Nothing was written. A photo in it cannot be used: "
                  "replace or delete it (the checklist names it), then export again.")),
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
    TOO_BIG_FOR_MEMORY: QT_TRANSLATE_NOOP(
        "errors", "The photo is too big for this computer's memory. Make it smaller in a photo editor, or choose another one."),
    NOT_AN_EXPORT: QT_TRANSLATE_NOOP("errors", "That folder holds other files, so it was left as it was. Export into a new or empty folder."),
    NOT_A_FILE: QT_TRANSLATE_NOOP("errors", "That is not an ordinary file (a device, a pipe or a folder). Choose a file."),
    PASSWORD_PROTECTED: QT_TRANSLATE_NOOP("errors", "The document is protected by a password. Remove the password in Word, save it, and import it again."),
}

# Why one photo file was refused, said after its name ("anh.jpg: …").
_PHOTO_REFUSALS: dict[str, str] = {
    EMPTY_FILE: QT_TRANSLATE_NOOP("errors", "the file is empty (0 bytes)"),
    NOT_AN_IMAGE: QT_TRANSLATE_NOOP("errors", "not an image, or a format the app does not read"),
    IMAGE_DAMAGED: QT_TRANSLATE_NOOP("errors", "the image is damaged"),
    IMAGE_TOO_BIG: QT_TRANSLATE_NOOP("errors", "the image has too many pixels to open safely (it may be damaged)"),
    NOT_FOUND: QT_TRANSLATE_NOOP("errors", "the file is not there any more"),
    NO_PERMISSION: QT_TRANSLATE_NOOP("errors", "you may not read this file"),
}
_UNREADABLE = QT_TRANSLATE_NOOP("errors", "the file cannot be read")
_REASONS.update({reason: sentence for reason, sentence in _PHOTO_REFUSALS.items() if reason not in _REASONS})


def photo_refusal(name: str, reason: str | None, details: str = "") -> str:
    """One line of a refused photo, in the user's language: its name and why.
    Thread-safe (QCoreApplication.translate is), so workers may call it."""
    known = _PHOTO_REFUSALS.get(reason or "") or _REASONS.get(reason or "")
    sentence = translated("errors", known or _UNREADABLE)
    # The photo's own sentences say it all; a general cause, or none, keeps
    # the core's detail (its figures: "2 megapixels need more memory…").
    detail = details.removeprefix(f"{name}: ")
    return f"{name}: {sentence}" + (f" ({detail})" if detail and reason not in _PHOTO_REFUSALS else "")


def headline(error: ArticleError) -> str:
    """What happened, in one sentence; the details follow it."""
    for kind, sentence in _HEADLINES:
        if isinstance(error, kind):
            return translated("errors", sentence)
    return translated("errors", _FALLBACK)


def reason_sentence(reason: str | None) -> str | None:
    """The cause a user can act on, in their language, or None."""
    return translated("errors", _REASONS[reason]) if reason in _REASONS else None


def describe_error(error: ArticleError) -> str:
    """What happened and what to do, then the details."""
    reason = getattr(error, "reason", None)
    said = headline(error) + ("\n" + translated("errors", _REASONS[reason]) if reason in _REASONS else "")
    return said + "\n\n" + "\n".join(error.lines())


_PHOTO_NOT_SHOWN = QT_TRANSLATE_NOOP("errors", "Photo %1 (block %2, %3) cannot be shown: replace it with a good copy of the file.")


def photo_not_shown(article: Article, token_of: Callable[[ImageBlock], str | None], token: str) -> str | None:
    """The status bar's line for a photo the window cannot show, in the
    user's language: its number as the checklist counts them, its block and
    its file's name (the core's own words, in English, name its path or its
    member in a draft, and stay in the photo's tooltip). None when no photo
    of the article is that one any more."""
    for number, block in enumerate(article.images(), start=1):
        if token_of(block) == token:
            where = article.blocks.index(block) + 1
            name = PurePath(block.src).name or block.src
            return translated("errors", _PHOTO_NOT_SHOWN).replace("%1", str(number)).replace("%2", str(where)).replace("%3", name)
    return None
