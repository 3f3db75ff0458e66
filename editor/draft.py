"""The ``.article`` draft: one zip a person can e-mail or keep on a share.

Layout::

    article.json              the article/1 object (deflated)
    media/<sha256>.<ext>      each image once, stored uncompressed, original bytes
    revisions/<time>.json     the article at each explicit save (editor/revisions.py)
    previews/<sha256>/<edits>-<width>.copy
                              the preview's copies of a photo (editor/preview_copies.py):
                              the saver's, and a few kept from earlier saves (other
                              screens' sizes); they go with their photo
    anything else             kept as it is when the app saves

Opening reads ``article.json`` and reads media on demand; nothing is ever
extracted to a path taken from the archive.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from editor import revisions
from editor.article_format import article_from_dict, article_to_dict, encode_json, parse_json
from editor.atomic import atomic_write
from editor.errors import NOT_FOUND, DraftFileError, FormatError, ImageError, SaveError
from editor.media import ArchiveMedia, Media, archives_kept_open
from editor.model import Article, ImageBlock
from editor.preview_copies import DRAFT_FOLDER as PREVIEWS_FOLDER
from editor.preview_copies import draft_member, photo_of_member
from editor.regular_files import open_regular_file
from editor.zips import DAMAGED_ZIP_ERRORS, article_zip_time, zip_member

ARTICLE_MEMBER = "article.json"
MEDIA_FOLDER = "media/"
SUFFIX = ".article"

MAX_MEMBERS = 10_000
MAX_TOTAL_SIZE = 4 * 1024**3
MAX_RATIO = 100
# The ratio only matters for members big enough to hurt: an article of
# repetitive text compresses more than 100:1 and is no bomb.
RATIO_CHECKED_FROM = 16 * 1024**2


# The preview's copy of a photo, given the photo's block and the length of
# its original: the copy's name in the draft (``preview_copies.draft_name``)
# and its bytes, or None when the saver has none.
PreviewCopyOf = Callable[[ImageBlock, int], tuple[str, bytes] | None]
# Copies kept per photo: the saver's and those of colleagues' screens (one
# for 100 %, one for 150 %…), not one for every crop ever tried.
MAX_COPIES_PER_PHOTO = 4


# Caps on what one member may inflate to, checked on the zip's own sizes
# before anything is read (reading never inflates past them): whatever the
# ratio, a 16 MB draft must not end in a MemoryError.
MAX_ARTICLE_SIZE = 20 * 1024**2  # article.json and each revision: a long article is under 1 MB
MAX_MEMBER_SIZE = 512 * 1024**2  # a photo or another member


def _check_limits(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    for member in members:
        is_text = member.filename == ARTICLE_MEMBER or member.filename.startswith(revisions.FOLDER)
        cap = MAX_ARTICLE_SIZE if is_text else MAX_MEMBER_SIZE
        if member.file_size > cap:
            raise DraftFileError(
                f"{member.filename} unpacks to {member.file_size / 1024**2:,.0f} MB; at most {cap // 1024**2} MB is allowed")
    if len(members) > MAX_MEMBERS:
        raise DraftFileError(f"the draft holds {len(members)} files; at most {MAX_MEMBERS} are allowed")
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_SIZE:
        raise DraftFileError(f"the draft unpacks to {total / 1024**3:.1f} GiB; at most 4 GiB is allowed")
    for member in members:
        if member.file_size > RATIO_CHECKED_FROM and member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
            raise DraftFileError(
                f"{member.filename} is compressed {member.file_size // member.compress_size}:1, "
                f"more than {MAX_RATIO}:1; the file looks like a zip bomb"
            )
        if member.compress_size == 0 and member.file_size > 0:
            raise DraftFileError(f"{member.filename} is compressed to nothing; the file looks like a zip bomb")


def load_draft(path: Path) -> Article:
    """Open a ``.article`` file. Every problem becomes one ``DraftFileError``
    (or ``FormatError`` for the article data), naming the file."""
    try:
        # Opened as an ordinary file first: zipfile would wait for ever on a
        # FIFO named .article (the library meets such names in shared folders).
        with open_regular_file(path, DraftFileError, "file") as stream, zipfile.ZipFile(stream) as archive:
            _check_limits(archive)
            listed = archive.namelist()
            names = set(listed)
            if ARTICLE_MEMBER not in names:
                raise DraftFileError(f"not an article draft: it holds no {ARTICLE_MEMBER}")
            if listed.count(ARTICLE_MEMBER) > 1:
                # Which copy counts would depend on the program reading it.
                raise DraftFileError(f"the draft holds {ARTICLE_MEMBER} twice; it was not written by Tòa Soạn")
            raw = archive.read(ARTICLE_MEMBER)
            notes: list[str] = []
            data = parse_json(raw, ARTICLE_MEMBER, notes)

            def resolve(src: str) -> Media | None:
                if not src.startswith(MEDIA_FOLDER) or src not in names:
                    # Shown as a missing photo, to replace or delete; the
                    # rest of the draft opens.
                    notes.append(f"the photo {src} is missing from the draft")
                    return None
                return ArchiveMedia(path, src)

            article = article_from_dict(data, resolve)
            if article.site is not None:
                article.site.logo_archive = path  # a draft's logo is one of its members, never a file here
            used = {block.src for block in article.images()}
            article.kept_files = {
                name: ArchiveMedia(path, name)
                for name in sorted(names)
                if name != ARTICLE_MEMBER and name not in used and not name.endswith("/")
            }
            article.load_notes = notes
    except FileNotFoundError as error:
        raise DraftFileError("file not found", path=path, reason=NOT_FOUND) from error
    except IsADirectoryError as error:  # open_regular_file says so first; kept for a folder swapped in
        raise DraftFileError("this is a folder, not an .article file", path=path) from error
    except OSError as error:
        raise DraftFileError(f"cannot read the file: {error.strerror or error}", path=path) from error
    except zipfile.BadZipFile as error:
        raise DraftFileError("not an article draft (.article), or it is damaged or cut short", path=path) from error
    except DAMAGED_ZIP_ERRORS as error:
        # The zip library's own words ("Bad CRC-32", "Error -3 while decompressing") help nobody.
        raise DraftFileError("the draft is damaged (a part of it cannot be read), or was written by a program "
                             "this app does not understand", path=path) from error
    except (DraftFileError, FormatError) as error:
        error.path = path
        raise
    return article


def save_draft(article: Article, path: Path, *, revision_at: datetime | None = None,
               preview_copy_of: PreviewCopyOf | None = None) -> None:
    """Save atomically; on success the article's images point into the new file.

    With ``revision_at`` (an explicit save by the user) the saved text is
    also kept as a revision, unless it equals the newest one. With
    ``preview_copy_of`` the draft carries the preview's copies of its photos
    (the window's; the command line has none). On failure a
    ``SaveError`` (or ``ImageError`` for an unreadable photo) is raised and
    the previous file is intact.
    """
    media_names: dict[int, str] = {}
    kept_after: set[str] = set()  # members besides the article and its photos

    def src_of(block: ImageBlock) -> str:
        return media_names.get(id(block), block.src)

    when = article_zip_time(article.local_published())

    def write(stream: BinaryIO) -> None:
        with archives_kept_open(), zipfile.ZipFile(stream, "w") as archive:
            written: set[str] = set()

            def add(name: str, data: bytes, compression: int) -> None:
                archive.writestr(zip_member(name, compression, when), data)
                written.add(name)

            lengths: dict[str, int] = {}
            copies: dict[str, int] = {}  # copies written, by photo (its SHA-256)

            def add_copy(photo: str, name: str, data: bytes) -> None:
                # Deflated: the thumbnail's raw pixels shrink, the JPEG does not.
                add(name, data, zipfile.ZIP_DEFLATED)
                kept_after.add(name)
                copies[photo] = copies.get(photo, 0) + 1

            for block in article.images():
                if block.media is None:
                    continue
                name = MEDIA_FOLDER + block.media.stored_name
                media_names[id(block)] = name
                if name not in written:
                    original = block.media.read_bytes()
                    lengths[name] = len(original)
                    add(name, original, zipfile.ZIP_STORED)
                    copies.setdefault(block.media.sha256, 0)
                copy = preview_copy_of(block, lengths[name]) if preview_copy_of is not None else None
                if copy is not None and draft_member(block.media.sha256, copy[0]) not in written:
                    add_copy(block.media.sha256, draft_member(block.media.sha256, copy[0]), copy[1])
            document = encode_json(article_to_dict(article, src_of))
            add(ARTICLE_MEMBER, document, zipfile.ZIP_DEFLATED)
            _write_revisions(article, document, revision_at, add, written, kept_after)
            for name, media in sorted(article.kept_files.items()):
                if name in written or name.startswith(MEDIA_FOLDER) or revisions.parse_revision_name(name):
                    continue  # photos nobody uses any more go, and revisions beyond the newest
                photo = photo_of_member(name)
                if name.startswith(PREVIEWS_FOLDER) and (photo not in copies or copies[photo] >= MAX_COPIES_PER_PHOTO):
                    continue  # a deleted photo's copies go with it
                try:
                    data = media.read_bytes()
                except ImageError:
                    continue  # dropped by whoever saved the file after us
                if photo is not None:
                    add_copy(photo, name, data)
                else:
                    add(name, data, zipfile.ZIP_DEFLATED)
                    kept_after.add(name)

    try:
        atomic_write(path, write)
    except ImageError as error:
        raise SaveError([f"not saved: {line}" for line in error.lines()] + ["the previous file is unchanged"], path=path) from error
    for block in article.images():
        if id(block) in media_names:
            block.src = media_names[id(block)]
            block.media = ArchiveMedia(path, block.src)
    article.kept_files = {name: ArchiveMedia(path, name) for name in kept_after}
    if article.site is not None and article.site.logo:
        article.site.logo_archive = path  # saved, its logo is one of this draft's members


def _write_revisions(
    article: Article, document: bytes, revision_at: datetime | None,
    add: Callable[[str, bytes, int], None], written: set[str], kept_after: set[str],
) -> None:
    """Write the kept revisions, a new one for this save, and their photos."""
    sources = {name: media for name, media in article.kept_files.items() if revisions.parse_revision_name(name)}
    texts: dict[str, bytes] = {}
    for name, media in sources.items():
        try:
            texts[name] = media.read_bytes()
        except ImageError:
            # Gone from the file: someone else saved it meanwhile and kept
            # only their newest 50. Theirs to drop; it must not stop this save.
            continue
    if revision_at is not None:
        newest = revisions.list_revisions(texts)[:1]
        if not newest or texts[newest[0].name] != document:
            texts[revisions.revision_name(revision_at, set(texts))] = document
    photos: set[str] = set()
    for revision in revisions.list_revisions(texts)[: revisions.MAX_REVISIONS]:
        add(revision.name, texts[revision.name], zipfile.ZIP_DEFLATED)
        kept_after.add(revision.name)
        try:
            photos |= revisions.media_used(parse_json(texts[revision.name]))
        except FormatError:
            pass  # a damaged revision is kept as it is; it has no photos to keep
    archives = {media.archive for media in sources.values() if isinstance(media, ArchiveMedia)}
    for name in sorted(photos - written):
        source = article.kept_files.get(name)
        candidates = [source] if source is not None else [ArchiveMedia(archive, name) for archive in archives]
        for candidate in candidates:
            try:
                data = candidate.read_bytes()
            except ImageError:
                continue  # an old revision's lost photo must not stop today's save
            add(name, data, zipfile.ZIP_STORED)
            kept_after.add(name)
            break
