"""The ``.article`` draft: one zip a person can e-mail or keep on a share.

Layout::

    article.json              the article/1 object (deflated)
    media/<sha256>.<ext>      each image once, stored uncompressed, original bytes
    revisions/…               reserved for saved versions
    anything else             kept as it is when the app saves

Opening reads ``article.json`` and reads media on demand; nothing is ever
extracted to a path taken from the archive.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import BinaryIO

from editor.article_format import article_from_dict, article_to_dict, parse_json
from editor.atomic import atomic_write
from editor.errors import DraftFileError, FormatError, ImageError, SaveError
from editor.media import ArchiveMedia, Media
from editor.model import Article, ImageBlock
from editor.zips import DAMAGED_ZIP_ERRORS, zip_member

ARTICLE_MEMBER = "article.json"
MEDIA_FOLDER = "media/"
SUFFIX = ".article"

MAX_MEMBERS = 10_000
MAX_TOTAL_SIZE = 4 * 1024**3
MAX_RATIO = 100
# The ratio only matters for members big enough to hurt: an article of
# repetitive text compresses more than 100:1 and is no bomb.
RATIO_CHECKED_FROM = 16 * 1024**2


def _check_limits(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
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
        with zipfile.ZipFile(path) as archive:
            _check_limits(archive)
            names = set(archive.namelist())
            if ARTICLE_MEMBER not in names:
                raise DraftFileError(f"not an article draft: it holds no {ARTICLE_MEMBER}")
            raw = archive.read(ARTICLE_MEMBER)
            data = parse_json(raw, ARTICLE_MEMBER)

            def resolve(src: str) -> Media | str:
                if not src.startswith(MEDIA_FOLDER) or src not in names:
                    return f"{src} is not in the draft"
                return ArchiveMedia(path, src)

            article = article_from_dict(data, resolve)
            used = {block.src for block in article.images()}
            article.kept_files = {
                name: ArchiveMedia(path, name)
                for name in sorted(names)
                if name != ARTICLE_MEMBER and name not in used and not name.endswith("/")
            }
    except FileNotFoundError as error:
        raise DraftFileError("file not found", path=path) from error
    except IsADirectoryError as error:
        raise DraftFileError("this is a folder, not an .article file", path=path) from error
    except OSError as error:
        raise DraftFileError(f"cannot read the file: {error.strerror or error}", path=path) from error
    except zipfile.BadZipFile as error:
        raise DraftFileError(f"not an article draft, or damaged (truncated?): {error}", path=path) from error
    except DAMAGED_ZIP_ERRORS as error:
        raise DraftFileError(f"the draft is damaged or uses an unsupported zip feature: {error}", path=path) from error
    except (DraftFileError, FormatError) as error:
        error.path = path
        raise
    return article


def save_draft(article: Article, path: Path) -> None:
    """Save atomically; on success the article's images point into the new file.

    On failure a ``SaveError`` (or ``ImageError`` for an unreadable photo) is
    raised and the previous file is intact.
    """
    media_names: dict[int, str] = {}

    def src_of(block: ImageBlock) -> str:
        return media_names.get(id(block), block.src)

    def write(stream: BinaryIO) -> None:
        with zipfile.ZipFile(stream, "w") as archive:
            written: set[str] = set()
            for block in article.images():
                if block.media is None:
                    continue
                name = MEDIA_FOLDER + block.media.stored_name
                media_names[id(block)] = name
                if name not in written:
                    archive.writestr(zip_member(name, zipfile.ZIP_STORED), block.media.read_bytes())
                    written.add(name)
            document = json.dumps(article_to_dict(article, src_of), ensure_ascii=False, indent=2)
            archive.writestr(zip_member(ARTICLE_MEMBER, zipfile.ZIP_DEFLATED), document + "\n")
            for name, media in sorted(article.kept_files.items()):
                if name not in written and name != ARTICLE_MEMBER:
                    archive.writestr(zip_member(name, zipfile.ZIP_DEFLATED), media.read_bytes())

    try:
        atomic_write(path, write)
    except ImageError as error:
        raise SaveError([f"not saved: {line}" for line in error.lines()] + ["the previous file is unchanged"], path=path) from error
    for block in article.images():
        if id(block) in media_names:
            block.src = media_names[id(block)]
            block.media = ArchiveMedia(path, block.src)
    article.kept_files = {name: ArchiveMedia(path, name) for name in article.kept_files}
