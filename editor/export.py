"""Export an article as a web bundle, a zip, one HTML file, or article.json.

The kind of output follows the name given:

- ``NAME.zip``               a zip whose root holds ``index.html`` and ``images/``
- ``NAME.html`` / ``.htm``   one self-contained page, photos as data URIs
- ``DIR/article.json``       the interchange form, photos beside it in ``DIR/images/``
- anything else              a folder with ``index.html`` and ``images/``

Everything is built before anything is written, every write is atomic, an
existing target is refused unless ``force``, and the same input always
gives byte-identical output.
"""

from __future__ import annotations

import base64
import glob
import itertools
import json
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin

from editor.article_format import article_to_dict, site_to_dict
from editor.atomic import STALE_TEMP_SECONDS, atomic_write, ordinary_folder_mode, replace_folder
from editor.errors import NOT_AN_EXPORT, ExportCancelled, ExportError, ExportPhotoError, ImageError
from editor.images import DEFAULT_MAX_SIZE, WebImage, prepare_variants
from editor.labels import labels_for
from editor.logo import read_logo
from editor.model import Article, ImageBlock, SiteProfile
from editor.photo_credits import block_credits, with_xmp
from editor.picture_sizes import SIZES as SIZES
from editor.render import ImageSource, render_article
from editor.share_images import SharePictures, prepare_share_pictures
from editor.structured_data import ShareLinks, alt_of_cover
from editor.text import is_web_url, slug
from editor.zips import ZipTime, article_zip_time, zip_member

IMAGES_FOLDER = "images"
_MIME = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml"}


class TargetKind(Enum):
    FOLDER = "folder"
    ZIP = "zip"
    HTML = "html"
    JSON = "json"
    PDF = "pdf"  # made by editor.pdf through QtWebEngine, never by export_article


def target_kind(target: Path) -> TargetKind:
    suffix = target.suffix.lower()
    if suffix == ".zip":
        return TargetKind.ZIP
    if suffix in (".html", ".htm"):
        return TargetKind.HTML
    if suffix == ".pdf":
        return TargetKind.PDF
    if target.name.lower() == "article.json":
        return TargetKind.JSON
    return TargetKind.FOLDER


@dataclass(frozen=True)
class ExportOptions:
    max_size: int = DEFAULT_MAX_SIZE
    force: bool = False
    # Told (photos done, photos in all) as each photo is converted, from a worker thread.
    progress: Callable[[int, int], None] | None = None
    # Asked before each photo and before writing: True stops the export with
    # ExportCancelled, and nothing is written.
    cancelled: Callable[[], bool] | None = None

    def stop_if_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("the export was cancelled; nothing was written")


@dataclass(frozen=True)
class ExportedFile:
    name: str  # "images/<slug>-1.jpg"
    data: bytes
    width: int | None = None
    height: int | None = None
    smaller: ExportedFile | None = None  # the lighter size for srcset

    @property
    def file_name(self) -> str:
        """The name without its folder, as a CMS or a package holds it."""
        return self.name.rsplit("/", 1)[-1]

    def data_uri(self) -> str:
        extension = self.name.rsplit(".", 1)[-1]
        return f"data:{_MIME.get(extension, 'application/octet-stream')};base64,{base64.b64encode(self.data).decode()}"


class _BundleImages:
    """ImageSources for the exported page: files in images/, or data URIs."""

    def __init__(self, files: dict[str, ExportedFile], inline: bool) -> None:
        self._files = files  # by block id
        self._inline = inline

    def source(self, block: ImageBlock) -> ImageSource | None:
        exported = self._files.get(block.id)
        if exported is None:
            return None
        if self._inline:  # one file: one size, or the page would carry every photo twice
            return ImageSource(src=exported.data_uri(), width=exported.width, height=exported.height)
        srcset = sizes = None
        if exported.smaller is not None:
            srcset = f"{exported.smaller.name} {exported.smaller.width}w, {exported.name} {exported.width}w"
            sizes = SIZES
        return ImageSource(src=exported.name, width=exported.width, height=exported.height, srcset=srcset, sizes=sizes)

    def is_first(self, block: ImageBlock) -> bool:  # decided by the renderer
        return False


def _prepare_images(article: Article, max_size: int, site: SiteProfile | None = None,
                    options: ExportOptions | None = None) -> dict[str, ExportedFile]:
    """Every photo converted (``PhotoConversions``), by block id; raises
    ``ExportError`` listing every problem once all are converted."""
    by_block: dict[str, ExportedFile] = {}
    for block_ids, exported in PhotoConversions(article, max_size, site, options):
        by_block.update(dict.fromkeys(block_ids, exported))
    return {block.id: by_block[block.id] for block in article.images() if block.id in by_block}


def photo_base_name(article: Article) -> str:
    """What every exported photo's name starts with (``<base>-1.jpg``, the
    card ``<base>-share.jpg``…): the title's ASCII slug."""
    return slug(article.title, max_length=60)


class PhotoConversions:
    """The distinct photos of an article being converted on a thread pool
    from the moment this is made; iterating gives each as it is ready: the
    ids of the blocks showing it, and the file. File names follow the
    photos' order in the article, whatever order the conversions finish in.
    When a photo cannot be converted, the others are still given, then
    ``ExportError`` lists every problem. ``close()`` starts no other
    conversion (a caller that stops early: a failed upload, a checklist
    error).

    Pillow releases the GIL while decoding and resampling, and while
    encoding a JPEG through a file descriptor (editor/jpeg_bytes.py), so
    threads use every core; at most one photo per worker is decoded at a
    time, which keeps memory bounded whatever the number of photos. With
    ``site``, each JPEG carries its credits (editor/photo_credits.py), those
    of the first block that shows it. ``one_size`` makes only the large size.
    """

    def __init__(self, article: Article, max_size: int, site: SiteProfile | None = None,
                 options: ExportOptions | None = None, *, one_size: bool = False) -> None:
        self._article, self._site = article, site
        self._problems: list[tuple[int, str]] = []  # (block index, problem): listed in the article's order
        self._unique: dict[tuple[object, ...], tuple[int, ImageBlock]] = {}
        self._shown_by: dict[tuple[object, ...], list[str]] = {}
        for index, block in enumerate(article.blocks):
            if not isinstance(block, ImageBlock):
                continue
            if block.media is None:
                self._problems.append((index, f"block {index + 1}: the photo {block.src or '(none)'} is missing"))  # counted as the window counts
                continue
            try:
                key = _edit_key(block)
            except ImageError as error:
                self._problems.append((index, f"block {index + 1}: {error.problems[0]}"))
                continue
            self._unique.setdefault(key, (index, block))
            self._shown_by.setdefault(key, []).append(block.id)
        self._base = photo_base_name(article)
        done, total = itertools.count(1), len(self._unique)

        def convert(item: tuple[int, ImageBlock]) -> list[WebImage] | ImageError:
            index, block = item
            assert block.media is not None
            if options is not None:
                options.stop_if_cancelled()  # the photos not started yet are never started
            try:
                return prepare_variants(block.media.read_bytes(), f"block {index + 1} ({block.src})", max_size,
                                        rotate=block.rotate, crop=block.crop, second_size=not one_size)
            except ImageError as error:
                return error
            finally:
                if options is not None and options.progress is not None:
                    options.progress(next(done), total)  # itertools.count is atomic under the GIL

        self._pool = ThreadPoolExecutor(max_workers=max(1, min(os.cpu_count() or 1, 8)))
        self._converting = {self._pool.submit(convert, item): (number, key)
                            for number, (key, item) in enumerate(self._unique.items(), start=1)}

    @property
    def total(self) -> int:
        """How many photos are converted: each photo with its edits once."""
        return len(self._unique)

    def __iter__(self) -> Generator[tuple[tuple[str, ...], ExportedFile], None, None]:
        try:
            for future in as_completed(self._converting):
                number, key = self._converting[future]
                result = future.result()
                if isinstance(result, ImageError):
                    self._problems.extend((self._unique[key][0], problem) for problem in result.problems)
                    continue
                yield tuple(self._shown_by[key]), self._exported(number, key, result)
        finally:
            self.close()
        if self._problems:
            # In the article's order, as a list the user reads top-down (conversions finish in any order).
            raise ExportPhotoError([problem for _, problem in sorted(self._problems, key=lambda item: item[0])])

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _exported(self, number: int, key: tuple[object, ...], result: list[WebImage]) -> ExportedFile:
        large, *rest = result
        credits = _credits(self._unique[key][1], self._site, self._article)
        smaller = None
        if rest:
            small = rest[0]
            smaller = ExportedFile(f"{IMAGES_FOLDER}/{self._base}-{number}-{small.width}w.{small.extension}",
                                   _with_credits(small, credits), small.width, small.height)
        return ExportedFile(f"{IMAGES_FOLDER}/{self._base}-{number}.{large.extension}", _with_credits(large, credits),
                            large.width, large.height, smaller)


def _credits(block: ImageBlock, site: SiteProfile | None, article: Article) -> bytes | None:
    return None if site is None else block_credits(block, site, labels_for(article.language)["photo_credit"])


def _with_credits(image: WebImage, credits: bytes | None) -> bytes:
    return with_xmp(image.data, credits) if image.extension == "jpg" else image.data


def exported_photos(article: Article, max_size: int = DEFAULT_MAX_SIZE, site: SiteProfile | None = None) -> dict[str, ExportedFile]:
    """Each photo as an export writes it (``images/<name>``, its bytes and
    size), by block id; with ``site``, with its credits as the export
    writes them. Copy for CMS takes its photos from here, so that its HTML
    names every photo as the export does, and its files are the export's."""
    return _prepare_images(article, max_size, site)


def photos_for_publishing(article: Article, max_size: int = DEFAULT_MAX_SIZE) -> PhotoConversions:
    """The photos of ``exported_photos``, without credits and in the large
    size only (the CMS makes its own smaller sizes), converting from now
    on: publishing starts them while its checklist runs, and sends each
    photo while the next ones are still being converted."""
    return PhotoConversions(article, max_size, one_size=True)


def _edit_key(block: ImageBlock) -> tuple[object, ...]:
    """The same photo with the same edits is exported once."""
    assert block.media is not None
    return (block.media.sha256, block.rotate, block.crop)


def _prepare_share_pictures(article: Article, site: SiteProfile) -> SharePictures | None:
    """The share card and the structured data's crops of the cover, when
    the page has a public address to share (else nothing can point to them)."""
    cover = article.cover_image()
    if cover is None or cover.media is None or not is_web_url(article.url):
        return None
    base = f"{IMAGES_FOLDER}/{photo_base_name(article)}"
    index = next(i for i, block in enumerate(article.blocks) if block is cover)
    label = f"block {index + 1} ({cover.src})"
    try:
        pictures = prepare_share_pictures(cover, cover.media.read_bytes(), label, base)
    except ImageError as error:
        raise ExportPhotoError(error.problems) from error
    credits = _credits(cover, site, article)
    if credits is None:
        return pictures
    # Named by their pixels' bytes, before the credits: a new caption is not a new card.
    card = replace(pictures.card, data=with_xmp(pictures.card.data, credits))
    return SharePictures(card, tuple(replace(crop, data=with_xmp(crop.data, credits)) for crop in pictures.crops))


def _prepare_logo(site: SiteProfile) -> ExportedFile | None:
    logo = read_logo(site)
    return None if logo is None else ExportedFile(f"{IMAGES_FOLDER}/logo.{logo.extension}", logo.data)


def _replaced_path(target: Path, kind: TargetKind) -> Path:
    """What an export replaces as a whole: the file, the bundle folder, or
    for ``DIR/article.json`` the folder DIR."""
    return target.parent if kind is TargetKind.JSON else target


def _check_target(target: Path, kind: TargetKind, force: bool) -> None:
    replaced = _replaced_path(target, kind)
    if kind is TargetKind.FOLDER and replaced.exists() and not replaced.is_dir():
        raise ExportError("exists and is not a folder", path=target)
    if kind is not TargetKind.FOLDER and target.is_dir():
        raise ExportError("is a folder; give a file name", path=target)
    if kind is TargetKind.JSON and replaced.exists() and not replaced.is_dir():
        raise ExportError("is not a folder", path=replaced)
    # lexists: a dangling symbolic link is something there too.
    if os.path.lexists(target) and not force:
        raise ExportError("already exists; choose another name, or replace it with --force", path=target)
    if replaced.is_dir() and not replaced.is_symlink() and not _is_replaceable_folder(replaced, kind):
        what = "article.json and images/" if kind is TargetKind.JSON else "index.html and images/"
        raise ExportError(
            f"the folder holds files that are not an export of this app (an export holds only {what}); "
            "nothing was replaced: choose an empty or new folder",
            path=replaced, reason=NOT_AN_EXPORT,
        )
    try:
        replaced.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create the folder: {error.strerror or error}", path=replaced.parent) from error


def _is_replaceable_folder(folder: Path, kind: TargetKind) -> bool:
    """Empty, or a previous export of the same kind and nothing else: the
    only folders an export may replace (the user's draft, photos or other
    files beside them are never deleted)."""
    page = "article.json" if kind is TargetKind.JSON else "index.html"
    try:
        entries = {entry.name: entry for entry in os.scandir(folder)}
        if not entries:
            return True
        if not set(entries) <= {page, IMAGES_FOLDER} or page not in entries:
            return False
        if not entries[page].is_file(follow_symlinks=False) or not _looks_like_ours(Path(entries[page].path), kind):
            return False
        images = entries.get(IMAGES_FOLDER)
        if images is None:
            return True
        if not images.is_dir(follow_symlinks=False):
            return False
        return all(entry.is_file(follow_symlinks=False) for entry in os.scandir(images.path))
    except OSError:
        return False


def _looks_like_ours(page: Path, kind: TargetKind) -> bool:
    with open(page, "rb") as stream:
        head = stream.read(256 * 1024)  # the head carries the lead as its description: it can be long
    if kind is TargetKind.JSON:
        return b'"format": "article/' in head
    return b'<meta http-equiv="Content-Security-Policy"' in head and b'<meta property="og:type" content="article">' in head


def _remove_stale_partials(replaced: Path) -> None:
    """Tidy away the hidden folders a killed export of ``replaced`` left
    beside it (its build folder, or the previous export set aside); one
    still in use by a running export would have been touched recently."""
    prefix = glob.escape(f".{replaced.name}.")
    try:
        candidates = [*replaced.parent.glob(f"{prefix}*.tmp"), *replaced.parent.glob(f"{prefix}old.*")]
        now = time.time()
        for candidate in candidates:
            if candidate.is_dir() and not candidate.is_symlink() and now - candidate.stat().st_mtime > STALE_TEMP_SECONDS:
                shutil.rmtree(candidate, ignore_errors=True)
    except OSError:
        pass  # tidying up is never worth failing an export for


def export_article(article: Article, site: SiteProfile, target: Path, options: ExportOptions = ExportOptions()) -> TargetKind:
    """Export ``article`` as published on ``site`` to ``target``.

    Raises ``ExportError`` (or ``SaveError``) listing every problem; nothing
    is left half-written.
    """
    target = Path(os.path.abspath(target))  # "-o article.json" replaces the current folder's parent entry, not "."
    kind = target_kind(target)
    if kind is TargetKind.PDF:  # never a folder called NAME.pdf
        raise ExportError("a PDF is made by Export PDF (python main.py export INPUT -o NAME.pdf)", path=target)
    _check_target(target, kind, options.force)
    _remove_stale_partials(_replaced_path(target, kind))
    inline = kind is TargetKind.HTML
    # A page without its photos beside it (one HTML file) has no card to point to. The
    # card is cut while the body's photos are converted: it is the export's longest photo.
    with ThreadPoolExecutor(max_workers=1) as side:
        cutting = None if inline or kind is TargetKind.JSON else side.submit(_prepare_share_pictures, article, site)
        files = _prepare_images(article, options.max_size, site, options)
        pictures = cutting.result() if cutting is not None else None
    options.stop_if_cancelled()
    logo = _prepare_logo(site)
    logo_src = (logo.data_uri() if inline else logo.name) if logo else None
    share = None
    if pictures is not None:
        # Social networks and search engines need absolute addresses: the page's own, resolved.
        share = ShareLinks(
            card=urljoin(article.url, pictures.card.name), card_width=pictures.card.width, card_height=pictures.card.height,
            images=tuple(urljoin(article.url, crop.name) for crop in pictures.crops), alt=alt_of_cover(article),
            logo=urljoin(article.url, logo.name) if logo is not None else None,
        )
    html = render_article(article, site, _BundleImages(files, inline), logo_src=logo_src, share=share).encode("utf-8")
    members = {exported.name: exported.data for exported in files.values()}
    if not inline:
        members.update({f.smaller.name: f.smaller.data for f in files.values() if f.smaller is not None})
    if pictures is not None:
        members.update({picture.name: picture.data for picture in (pictures.card, *pictures.crops)})
    if logo is not None:
        members[logo.name] = logo.data

    try:
        if kind is TargetKind.HTML:
            atomic_write(target, lambda stream: stream.write(html))
        elif kind is TargetKind.ZIP:
            when = article_zip_time(article.local_published())
            atomic_write(target, lambda stream: _write_zip(stream, {"index.html": html, **members}, when))
        elif kind is TargetKind.FOLDER:
            _write_folder(target, {"index.html": html, **members})
        else:
            _write_interchange(article, site, target, files, logo, members)
    except OSError as error:
        raise ExportError(f"cannot write: {error.strerror or error}", path=target) from error
    return kind


def _write_zip(stream: BinaryIO, members: dict[str, bytes], when: ZipTime) -> None:
    with zipfile.ZipFile(stream, "w") as archive:
        for name in sorted(members):
            # Photos are already compressed; deflating them again costs time for nothing.
            compress = zipfile.ZIP_DEFLATED if name.endswith((".html", ".json", ".svg")) else zipfile.ZIP_STORED
            archive.writestr(zip_member(name, compress, when), members[name])


# Files written and fsynced at once: the file system commits their flushes
# together (measured on ext4: 45 files of a bundle in 0.03 s on 8 threads,
# 0.11 s one after another), and at most this many are open at a time.
_WRITERS = 8


def _write_tree(root: Path, members: dict[str, bytes]) -> None:
    for folder in sorted({(root / name).parent for name in members}):
        folder.mkdir(parents=True, exist_ok=True)

    def write(member: tuple[str, bytes]) -> None:
        name, data = member
        with open(root / name, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())

    with ThreadPoolExecutor(max_workers=_WRITERS) as writers:
        for _ in writers.map(write, sorted(members.items())):
            pass  # a failed write raises here, and the bundle is not moved in


def _write_folder(target: Path, members: dict[str, bytes]) -> None:
    """Build the bundle in a hidden folder beside the target, then move it in."""
    built = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        built.chmod(ordinary_folder_mode())  # mkdtemp makes it private; a web bundle is meant to be shared
        _write_tree(built, members)
        replace_folder(built, target)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise


def _write_interchange(
    article: Article,
    site: SiteProfile,
    target: Path,
    files: dict[str, ExportedFile],
    logo: ExportedFile | None,
    members: dict[str, bytes],
) -> None:
    def src_of(block: ImageBlock) -> str:
        return files[block.id].name if block.id in files else block.src

    data = article_to_dict(article, src_of)
    for block in data["blocks"]:
        # The exported photos already carry the rotation and the crop.
        block.pop("rotate", None)
        block.pop("crop", None)
        block.pop("notes", None)  # reviewers' notes stay in the draft
    site_data = site_to_dict(site)
    if logo is not None:
        site_data["logo"] = logo.name
    if any(site_data.get(key) for key in SiteProfile.FIELDS):
        data["site"] = site_data
    document = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    # Built aside and moved in whole, like a folder bundle: a kill never
    # leaves an old article.json beside new photos.
    _write_folder(target.parent, {target.name: document, **members})
