"""Typed errors raised by the core.

The core never shows a message box and never prints a traceback: it raises
one of these, and the command line or the window turns it into a sentence
for the user. Each error carries every problem found, one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.revisions import DiffLine

# Why something failed, where the cause is one a user can act on: a code the
# window turns into a sentence in the user's language.
DISK_FULL = "disk-full"
NO_PERMISSION = "no-permission"
READ_ONLY_DISK = "read-only-disk"
FILE_IN_USE = "file-in-use"
NOT_FOUND = "not-found"
TOO_BIG_FOR_MEMORY = "too-big-for-memory"  # a photo needs more memory than the computer can spare
NOT_AN_EXPORT = "not-an-export"  # an export would replace a folder the app did not write
NOT_A_FILE = "not-a-file"  # a device, a pipe or a folder where a file was expected
PASSWORD_PROTECTED = "password-protected"  # a Word document encrypted with a password
# Why a photo was refused: the window says these in the user's language.
EMPTY_FILE = "empty-file"
NOT_AN_IMAGE = "not-an-image"
IMAGE_DAMAGED = "image-damaged"
IMAGE_TOO_BIG = "image-too-big"
REASONS = (DISK_FULL, NO_PERMISSION, READ_ONLY_DISK, FILE_IN_USE, NOT_FOUND, TOO_BIG_FOR_MEMORY, NOT_AN_EXPORT, NOT_A_FILE, PASSWORD_PROTECTED,
           EMPTY_FILE, NOT_AN_IMAGE, IMAGE_DAMAGED, IMAGE_TOO_BIG)


class ArticleError(Exception):
    """Base of every error the core raises on purpose.

    ``problems`` holds one short line per problem, each naming where it is
    (a JSON path, a member of an archive, a block).
    """

    def __init__(self, problems: list[str] | str, *, path: Path | str | None = None, reason: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [problems]
        self.problems: list[str] = list(problems)
        self.path = Path(path) if path is not None else None
        self.reason = reason  # one of REASONS, or None
        super().__init__(self.describe())

    def __str__(self) -> str:
        # Computed on demand: the file is often named after the error is raised.
        return self.describe()

    def describe(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """One line per problem, each prefixed with the file it concerns."""
        prefix = f"{self.path}: " if self.path is not None else ""
        return [prefix + problem for problem in self.problems]


class FormatError(ArticleError):
    """The article data (``article.json``) breaks the ``article/1`` format."""


class UnsupportedVersionError(FormatError):
    """The data was written for a newer format than this app understands."""


class DraftFileError(ArticleError):
    """The ``.article`` file cannot be read: not a zip, truncated, unsafe…"""


class ImageError(ArticleError):
    """An image cannot be read or converted."""


class ExportCancelled(ArticleError):
    """The user stopped the export: nothing was written."""


class ExportError(ArticleError):
    """The export target cannot be written (exists, not writable…)."""


class ExportPhotoError(ExportError):
    """A photo of the article cannot be exported (damaged, cut short,
    missing): nothing is wrong with where the export goes."""


class SaveError(ArticleError):
    """Saving failed; the previous file on disk is left as it was."""


class ProfileError(ArticleError):
    """The site profile JSON cannot be used."""


class DocumentImportError(ArticleError):
    """A Word document cannot be imported (legacy .doc, damaged, empty)."""


class WorkspaceError(ArticleError):
    """The local workspace (autosaves) cannot be used."""


class FileChangedError(SaveError):
    """The file on disk changed since it was opened or saved here: someone
    else (another program, a sync tool) wrote it. Ask before overwriting."""


class FileVanishedError(SaveError):
    """The file was moved or deleted while it was open."""


class PublishError(ArticleError):
    """Publishing to the portal's CMS failed or was refused; ``problems`` say
    so in plain words, and what is on the server now."""


class PublishConflict(PublishError):
    """The post was edited on the server since the last publish; ``changes``
    holds the word diff (server → this article) to show before asking."""

    def __init__(self, problems: list[str] | str, changes: list[DiffLine] | None = None, *,
                 path: Path | str | None = None, reason: str | None = None) -> None:
        super().__init__(problems, path=path, reason=reason)
        self.changes = changes or []
