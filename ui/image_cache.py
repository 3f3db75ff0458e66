"""Photos for the window: the exported copies for the preview and small
thumbnails for the form, made on the thread pool and cached.

The preview shows each photo exactly as it will be exported (the same
conversion, edits and sizes), so its ``width``, ``height`` and ``srcset``
match the export. The window holds these small copies only, never
full-size pixmaps. A photo is keyed by its media and its edits (rotation,
crop); the same content under two names shares one prepared copy.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from editor.errors import ArticleError
from editor.images import DEFAULT_MAX_SIZE, WebImage, prepare_variants
from editor.media import Media
from editor.model import Crop, ImageBlock
from ui.workers import photo_pool, run_in_background

THUMBNAIL_SIZE = 160


@dataclass(frozen=True)
class PreparedImage:
    sha256: str
    variants: tuple[WebImage, ...]  # largest first, as exported
    thumbnail: QImage

    @property
    def width(self) -> int:
        return self.variants[0].width

    @property
    def height(self) -> int:
        return self.variants[0].height

    def variant(self, index: int) -> WebImage:
        return self.variants[min(index, len(self.variants) - 1)]


def mime_of(variant: WebImage) -> str:
    return "image/png" if variant.extension == "png" else "image/jpeg"


class _ContentCache:
    """Prepared photos by content hash and edits, shared by the workers: the
    same photo inserted twice, or under two names, is converted once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[str, int, Crop | None], PreparedImage] = {}

    def prepare(self, media: Media, rotate: int, crop: Crop | None) -> PreparedImage:
        original = media.read_bytes()
        key = (hashlib.sha256(original).hexdigest(), rotate, crop)
        with self._lock:
            known = self._items.get(key)
        if known is not None:
            return known
        # Baseline JPEG: the export's pixels exactly, without holding the GIL
        # as long as the progressive encoder does (see prepare_variants).
        variants = prepare_variants(original, media.describe(), DEFAULT_MAX_SIZE, rotate=rotate, crop=crop, progressive=False)
        thumbnail = QImage.fromData(variants[-1].data).scaled(
            THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        prepared = PreparedImage(key[0], tuple(variants), thumbnail)
        with self._lock:
            return self._items.setdefault(key, prepared)


class ImageCache(QObject):
    """Prepared copies; ``ready``/``failed`` name the token of what finished."""

    ready = Signal(str)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tokens: dict[tuple[int, int, Crop | None], str] = {}
        self._sources: dict[str, tuple[Media, int, Crop | None]] = {}
        self._prepared: dict[str, PreparedImage] = {}
        self._errors: dict[str, str] = {}
        self._pending: set[str] = set()
        self._content = _ContentCache()

    def token(self, media: Media, rotate: int = 0, crop: Crop | None = None) -> str:
        """A stable name for a photo with its edits, used in preview URLs."""
        key = (id(media), rotate, crop)
        token = self._tokens.get(key)
        if token is None:
            token = f"m{len(self._tokens) + 1}"
            self._tokens[key] = token
            self._sources[token] = (media, rotate, crop)
        return token

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

    def _start(self, token: str) -> None:
        self._pending.add(token)
        media, rotate, crop = self._sources[token]

        def done(prepared: PreparedImage) -> None:
            if not shiboken6.isValid(self):
                return  # the window closed while the photo was being prepared
            self._pending.discard(token)
            self._prepared[token] = prepared
            self.ready.emit(token)

        def fail(error: ArticleError) -> None:
            if not shiboken6.isValid(self):
                return
            self._pending.discard(token)
            self._errors[token] = "; ".join(error.problems)
            self.failed.emit(token, self._errors[token])

        run_in_background(lambda: self._content.prepare(media, rotate, crop), done, fail, photo_pool())
