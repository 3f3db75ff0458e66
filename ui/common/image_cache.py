"""Photos for the window: the copies the preview shows and small
thumbnails for the form, made in the photo processes and cached.

The preview shows each photo as it will be exported (the same conversion
and edits; its ``width``, ``height`` and ``sizes`` are the export's), but
from one copy no wider than the preview ever shows it: the page's photo
column (728 CSS px, ``editor.export.SIZES``) times the screen's device
pixel ratio, not the export's 1600 px. The window holds these small copies
only, never full-size pixmaps. A photo is keyed by its media and its edits
(rotation, crop); the same content under two names shares one copy.

Copies made once are kept on disk (``editor.preview_copies``, in the local
workspace's folder): an article opened again, or a photo inserted again,
is shown from them without a photo process.

A draft saved here carries its copies (``draft_copies``). Opened where
none is kept, its photos are shown from the copies it carries (at this
screen's width, or the nearest it has), and once every photo is shown each
is made again from its original in a photo process, at the background's
priority: a copy of another width, or one the sender's app made
differently (another version, a draft made by hand), is replaced by this
app's own, under a new token, so the preview and the form show it.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QImage

from editor import photo_facts
from editor.errors import ArticleError
from editor.media import ArchiveMedia, Media, archives_kept_open
from editor.model import Crop, ImageBlock
from editor.photo_jobs import prepare_preview_of
from editor.preview_copies import PreviewCopies, carried_bytes, carried_copy, copy_key, draft_member, draft_name, parse
from editor.web_image import DEFAULT_MAX_SIZE, PreviewPhoto, WebImage
from ui.common.workers import photo_pool, photo_process_count, run_in_background, run_in_process

if TYPE_CHECKING:
    from editor.draft import PreviewCopyOf

THUMBNAIL_SIZE = 160
# The widest a photo is ever laid out in the page, in CSS px: main's 760 px
# less its padding (resources/templates/article.css, and the export's
# ``sizes``). The preview only zooms out from there, never in.
PREVIEW_PHOTO_WIDTH = 728
# Photos read and handed to the photo processes at once: one per process
# (the spare included) and one more ready to go. Reading them all at once held every original (5 MB
# each) in the window's memory while they waited: 50 photos took the window
# from 130 to 317 MB, which the allocator kept after they were done.
IN_FLIGHT = sum(photo_process_count()) + 1
# The photos an opened article shows before any scrolling (a 1400 × 900
# window shows about two): made at the window's own priority.
ON_SCREEN_AT_OPEN = 2


def shown_width() -> int:
    """The most device pixels a photo takes in the preview on this screen."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    return math.ceil(PREVIEW_PHOTO_WIDTH * max(1.0, ratio))


@dataclass(frozen=True)
class PreparedImage:
    sha256: str
    sizes: tuple[tuple[int, int], ...]  # the export's sizes, largest first
    shown: WebImage  # what the preview serves for every size
    thumbnail: QImage

    @property
    def width(self) -> int:
        return self.sizes[0][0]

    @property
    def height(self) -> int:
        return self.sizes[0][1]


def mime_of(variant: WebImage) -> str:
    return "image/png" if variant.extension == "png" else "image/jpeg"


@dataclass(frozen=True)
class _Read:
    """What a worker found of one photo: its content key, the size of the
    original it read, and the copy kept on disk if there is one (``carried``:
    not kept here, but carried by the photo's draft)."""

    key: tuple[str, int, Crop | None]
    copy_key: str
    kept: PreviewPhoto | None
    size: int
    carried: bool = False


def _read(media: Media, rotate: int, crop: Crop | None, copies: PreviewCopies | None, shown: int) -> _Read:
    """On a worker thread: the photo's content key, and its copy if one was
    kept. The original is let go at once: a photo process reads it again
    to convert it (``photo_jobs.prepare_preview_of``). A draft's photo and
    the copy it carries are read from one opened zip (each opening reads
    the whole central directory)."""
    with archives_kept_open():
        original, sha256 = media.read_hashed()
        key = copy_key(sha256, len(original), rotate, crop, shown, DEFAULT_MAX_SIZE, THUMBNAIL_SIZE)
        kept = copies.load(key) if copies is not None else None
        if kept is None and isinstance(media, ArchiveMedia):
            carried = carried_copy(media, sha256, _draft_name(rotate, crop, shown))
            if carried is not None:
                return _Read((sha256, rotate, crop), key, carried, len(original), carried=True)
    return _Read((sha256, rotate, crop), key, kept, len(original))


def _draft_name(rotate: int, crop: Crop | None, shown: int) -> str:
    return draft_name(rotate, crop, shown, DEFAULT_MAX_SIZE, THUMBNAIL_SIZE)


def draft_copies(copies: PreviewCopies | None, shown: int) -> PreviewCopyOf:
    """For ``save_draft``, on its worker: the copy of a photo kept here, or
    the one its draft carries at this width (a save before the check has
    made this computer's own). Copies at other widths stay in the draft as
    its other members do."""

    def copy_of(block: ImageBlock, length: int) -> tuple[str, bytes] | None:
        if block.media is None:
            return None
        name = _draft_name(block.rotate, block.crop, shown)
        key = copy_key(block.media.sha256, length, block.rotate, block.crop, shown, DEFAULT_MAX_SIZE, THUMBNAIL_SIZE)
        data = copies.stored_bytes(key) if copies is not None else None
        if data is None and isinstance(block.media, ArchiveMedia):
            data = carried_bytes(block.media, draft_member(block.media.sha256, name))
            if data is not None and parse(data) is None:
                data = None  # damaged: not passed on
        return (name, data) if data is not None else None

    return copy_of


def thumbnail_image(photo: PreviewPhoto) -> QImage:
    width, height = photo.thumbnail_size
    return QImage(photo.thumbnail, width, height, 3 * width, QImage.Format.Format_RGB888).copy()  # copy: own the pixels


class ImageCache(QObject):
    """Prepared copies; ``ready``/``failed`` name the token of what finished;
    ``settled``: the last photo asked for is done (ready or failed)."""

    ready = Signal(str)
    failed = Signal(str, str)
    settled = Signal()
    # A photo shown from its draft's copy was made again and differs (its
    # new token follows ``ready`` or ``failed``): what was read of it is
    # out of date (the checklist's findings).
    replaced = Signal(str)

    def __init__(self, parent: QObject | None = None, copies: PreviewCopies | None = None) -> None:
        """``copies``: where the copies are kept between opens (None: made
        again each time)."""
        super().__init__(parent)
        self._copies = copies
        self._tokens: dict[tuple[int, int, Crop | None], str] = {}
        self._sources: dict[str, tuple[Media, int, Crop | None]] = {}
        self._prepared: dict[str, PreparedImage] = {}
        self._errors: dict[str, str] = {}
        self._pending: set[str] = set()
        self._queued: deque[str] = deque()  # pending, not read yet
        self._urgent: set[str] = set()  # photos the user is waiting to see (prefetch)
        self._in_flight = 0
        # Prepared photos by content hash and edits: the same photo inserted
        # twice, or under two names, is converted once.
        self._content: dict[tuple[str, int, Crop | None], PreparedImage] = {}
        self._shown_width = shown_width()
        self._numbers = itertools.count(1)
        # Photos shown from the copies their draft carries, made again once
        # every photo asked for is shown.
        self._to_check: list[tuple[str, _Read]] = []

    def token(self, media: Media, rotate: int = 0, crop: Crop | None = None) -> str:
        """A stable name for a photo with its edits, used in preview URLs."""
        key = (id(media), rotate, crop)
        token = self._tokens.get(key)
        if token is None:
            token = self._new_token(key, (media, rotate, crop))
        return token

    def _new_token(self, key: tuple[int, int, Crop | None], source: tuple[Media, int, Crop | None]) -> str:
        token = f"m{next(self._numbers)}"
        self._tokens[key] = token
        self._sources[token] = source
        return token

    def draft_copies(self) -> PreviewCopyOf:
        """What ``save_draft`` asks for each photo's copy (thread-safe)."""
        return draft_copies(self._copies, self._shown_width)

    def token_of(self, block: ImageBlock) -> str | None:
        return self.token(block.media, block.rotate, block.crop) if block.media is not None else None

    def get(self, media: Media, rotate: int = 0, crop: Crop | None = None) -> PreparedImage | None:
        """The prepared copy if ready; otherwise start making it and return None."""
        token = self.token(media, rotate, crop)
        prepared = self._prepared.get(token)
        if prepared is None and token not in self._pending and token not in self._errors:
            self._start(token)
        return prepared

    def for_block(self, block: ImageBlock) -> PreparedImage | None:
        return self.get(block.media, block.rotate, block.crop) if block.media is not None else None

    def by_token(self, token: str) -> PreparedImage | None:
        source = self._sources.get(token)
        return self.get(*source) if source is not None else None

    def error(self, token: str) -> str | None:
        return self._errors.get(token)

    def knows(self, token: str) -> bool:
        return token in self._sources

    def is_busy(self) -> bool:
        """True while a photo asked for is still being prepared."""
        return bool(self._pending)

    def prefetch(self, blocks: list[ImageBlock], urgent: int = ON_SCREEN_AT_OPEN) -> None:
        """Start preparing these photos, in this order (reading order puts
        the ones an opened article shows first at the front); the first
        ``urgent`` are wanted on screen now."""
        for index, block in enumerate(blocks):
            token = self.token_of(block)
            if token is not None and index < urgent:
                self._urgent.add(token)
            self.for_block(block)

    def _start(self, token: str) -> None:
        self._pending.add(token)
        self._queued.append(token)
        self._next()

    def _next(self) -> None:
        while self._queued and self._in_flight < IN_FLIGHT:
            self._in_flight += 1
            self._prepare(self._queued.popleft())

    def _prepare(self, token: str) -> None:
        media, rotate, crop = self._sources[token]

        def finished() -> None:
            self._in_flight -= 1
            self._next()
            if not self._pending:
                self.settled.emit()
                self._check_carried()

        def fail(error: ArticleError) -> None:
            if not shiboken6.isValid(self):
                return
            self._errors[token] = "; ".join(error.problems)
            self._pending.discard(token)
            self.failed.emit(token, self._errors[token])
            finished()

        def ready(prepared: PreparedImage) -> None:
            if not shiboken6.isValid(self):
                return  # the window closed while the photo was being prepared
            self._prepared[token] = prepared
            self._pending.discard(token)
            self.ready.emit(token)
            finished()  # then the next photo is read

        def converted(found: _Read, photo: PreviewPhoto, store: bool) -> None:
            if not shiboken6.isValid(self):
                return
            self._keep(found, photo, store)
            ready(self._content.setdefault(found.key, PreparedImage(found.key[0], photo.sizes, photo.shown, thumbnail_image(photo))))

        def read(found: _Read) -> None:
            if not shiboken6.isValid(self):
                return
            known = self._content.get(found.key)
            if known is not None:
                ready(known)
            elif found.kept is not None:
                if found.carried:
                    self._to_check.append((token, found))
                converted(found, found.kept, store=False)
            else:
                urgent = token in self._urgent
                self._urgent.discard(token)
                # Decoded in a photo process: never on the UI thread, never
                # holding the GIL the UI thread needs.
                run_in_process(prepare_preview_of, (media, found.size, self._shown_width, DEFAULT_MAX_SIZE, rotate, crop,
                                                    THUMBNAIL_SIZE), lambda photo: converted(found, photo, store=True), fail, self,
                               urgent=urgent)

        shown = self._shown_width
        copies = self._copies
        run_in_background(lambda: _read(media, rotate, crop, copies, shown), read, fail, photo_pool())

    def _check_carried(self) -> None:
        """Make again, from their originals, the copies drafts carried."""
        checks, self._to_check = self._to_check, []
        for token, found in checks:
            media, rotate, crop = self._sources[token]
            run_in_process(prepare_preview_of, (media, found.size, self._shown_width, DEFAULT_MAX_SIZE, rotate, crop, THUMBNAIL_SIZE),
                           lambda photo, token=token, found=found: self._checked(token, found, photo),
                           lambda error, token=token, found=found: self._check_failed(token, found, error), self, urgent=False)

    def _checked(self, token: str, found: _Read, photo: PreviewPhoto) -> None:
        if not shiboken6.isValid(self):
            return
        carried = found.kept
        same = carried is not None and (photo.shown.data, photo.sizes, photo.thumbnail, photo.facts) == (
            carried.shown.data, carried.sizes, carried.thumbnail, carried.facts)
        self._keep(found, photo, store=True, facts=not same)
        if same:
            return
        prepared = PreparedImage(found.key[0], photo.sizes, photo.shown, thumbnail_image(photo))
        self._content[found.key] = prepared
        renamed = self._renamed(token)
        if renamed is None:
            return
        self._prepared[renamed] = prepared
        self.ready.emit(renamed)
        self.replaced.emit(renamed)

    def _keep(self, found: _Read, photo: PreviewPhoto, store: bool, facts: bool = True) -> None:
        """``store``: keep the copy on disk (on a worker); ``facts``: what the
        conversion learnt of the photo, for the checklist, run in this
        process, which then decodes none of these originals."""
        if store and self._copies is not None:
            copies = self._copies
            run_in_background(lambda: copies.store(found.copy_key, photo), _ignore, _ignore)
        if facts and photo.facts is not None:
            photo_facts.remember(found.key[0], photo.facts)

    def _check_failed(self, token: str, found: _Read, error: ArticleError) -> None:
        """The original cannot be converted: the carried copy stood for a photo that is not there."""
        if not shiboken6.isValid(self):
            return
        self._content.pop(found.key, None)
        photo_facts.forget(found.key[0])
        renamed = self._renamed(token)
        if renamed is None:
            return
        self._errors[renamed] = "; ".join(error.problems)
        self.failed.emit(renamed, self._errors[renamed])
        self.replaced.emit(renamed)

    def _renamed(self, token: str) -> str | None:
        """A new token for ``token``'s photo: the preview and the form ask
        for it again under its new name (the old one stays cached by the
        page). None if the photo has had another name since."""
        key = next((key for key, known in self._tokens.items() if known == token), None)
        return self._new_token(key, self._sources[token]) if key is not None else None


def _ignore(_: object) -> None:
    """A copy that could not be kept is made again next time."""
