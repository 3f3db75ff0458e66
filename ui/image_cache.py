"""Photos for the window: export-sized copies for the preview and small
thumbnails for the form, made on the thread pool and cached by content.

The preview shows each photo exactly as it will be exported (the same
conversion, the same size), so its ``width``/``height`` match the export.
The window holds these small copies only, never full-size pixmaps.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from editor.errors import ArticleError
from editor.images import DEFAULT_MAX_SIZE, prepare_for_web
from editor.media import Media
from ui.workers import run_in_background

THUMBNAIL_SIZE = 160


@dataclass(frozen=True)
class PreparedImage:
    sha256: str
    data: bytes  # the exported copy
    mime: str
    width: int
    height: int
    thumbnail: QImage


def _prepare(media: Media) -> PreparedImage:
    original = media.read_bytes()
    sha = hashlib.sha256(original).hexdigest()
    web = prepare_for_web(original, media.describe(), DEFAULT_MAX_SIZE)
    thumbnail = QImage.fromData(web.data)
    thumbnail = thumbnail.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    mime = "image/png" if web.extension == "png" else "image/jpeg"
    return PreparedImage(sha, web.data, mime, web.width, web.height, thumbnail)


class ImageCache(QObject):
    """Prepared copies by media; ``ready``/``failed`` name the media's token."""

    ready = Signal(str)
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tokens: dict[int, str] = {}
        self._media: dict[str, Media] = {}
        self._prepared: dict[str, PreparedImage] = {}
        self._errors: dict[str, str] = {}
        self._pending: set[str] = set()

    def token(self, media: Media) -> str:
        """A stable name for ``media`` in preview URLs."""
        key = id(media)
        token = self._tokens.get(key)
        if token is None:
            token = f"m{len(self._tokens) + 1}"
            self._tokens[key] = token
            self._media[token] = media
        return token

    def get(self, media: Media) -> PreparedImage | None:
        """The prepared copy if ready; otherwise start making it and return None."""
        token = self.token(media)
        prepared = self._prepared.get(token)
        if prepared is None and token not in self._pending and token not in self._errors:
            self._start(token)
        return prepared

    def by_token(self, token: str) -> PreparedImage | None:
        media = self._media.get(token)
        return self.get(media) if media is not None else None

    def error(self, token: str) -> str | None:
        return self._errors.get(token)

    def knows(self, token: str) -> bool:
        return token in self._media

    def _start(self, token: str) -> None:
        self._pending.add(token)
        media = self._media[token]

        def done(prepared: PreparedImage) -> None:
            if not shiboken6.isValid(self):
                return  # the window closed while the photo was being prepared
            self._pending.discard(token)
            # Cached by content: the same photo under another name shares bytes.
            for other in self._prepared.values():
                if other.sha256 == prepared.sha256:
                    prepared = other
                    break
            self._prepared[token] = prepared
            self.ready.emit(token)

        def fail(error: ArticleError) -> None:
            if not shiboken6.isValid(self):
                return
            self._pending.discard(token)
            self._errors[token] = "; ".join(error.problems)
            self.failed.emit(token, self._errors[token])

        run_in_background(lambda: _prepare(media), done, fail)
