"""The preview's web plumbing: the ``toasoan://`` scheme that serves the
rendered page and its photos, a request interceptor that lets nothing
else load, and a page that keeps navigation on the article.

Built as in ReText's ``webenginepreview.py`` and the PySide6 markdown
editor example: clicked links open in the system browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)

from ui.image_cache import ImageCache, mime_of
from ui.webengine import SCHEME

log = logging.getLogger(__name__)
HOST = "preview"
PAGE_URL = QUrl(f"{SCHEME.decode()}://{HOST}/index.html")
MEDIA_PREFIX = f"{SCHEME.decode()}://{HOST}/media/"
SMALL = "small"  # media/<token>-small is the lighter size of a photo
# Messages from our own helper script (never from the article: its scripts
# cannot run under the page's Content-Security-Policy).
SELECT_MESSAGE = "toasoan:select:"


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not the app's own content."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []  # what was refused, for the curious (and the tests)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802
        url = info.requestUrl()
        if url.scheme() not in (SCHEME.decode(), "data"):
            self.blocked.append(url.toString())
            info.block(True)


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``index.html`` from ``page_html()`` and photos from the cache.

    A photo not prepared yet is answered when it is ready: the request is
    asynchronous, so the page never waits on the UI thread.
    """

    def __init__(self, page_html: Callable[[], str], images: ImageCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_html = page_html
        self._images = images
        self._waiting: dict[str, list[tuple[QWebEngineUrlRequestJob, int]]] = {}
        images.ready.connect(self._on_images_ready)
        images.failed.connect(self._on_images_failed)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802
        # An exception escaping a Qt override from QtWebEngine crashes the
        # process (shiboken cannot store it there): fail the request instead.
        try:
            self._serve(job)
        except Exception:  # noqa: BLE001
            log.exception("preview request failed: %s", job.requestUrl().toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

    def _serve(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if url.host() != HOST:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        path = url.path()
        if path == "/index.html":
            self._reply(job, b"text/html;charset=utf-8", self._page_html().encode("utf-8"))
            return
        name = path.removeprefix("/media/")
        token, _, size = name.partition("-")
        variant = 1 if size == SMALL else 0
        if path.startswith("/media/") and self._images.knows(token):
            prepared = self._images.by_token(token)
            if prepared is not None:
                chosen = prepared.variant(variant)
                self._reply(job, mime_of(chosen).encode(), chosen.data)
            elif self._images.error(token) is not None:
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            else:
                self._waiting.setdefault(token, []).append((job, variant))
            return
        job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(parent=job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)

    def _on_images_ready(self, token: str) -> None:
        prepared = self._images.by_token(token)
        for job, variant in self._waiting.pop(token, []):
            try:
                if prepared is not None:
                    chosen = prepared.variant(variant)
                    self._reply(job, mime_of(chosen).encode(), chosen.data)
            except RuntimeError:
                pass  # the page went away (reloaded) and took the request with it

    def _on_images_failed(self, token: str, message: str) -> None:
        for job, _ in self._waiting.pop(token, []):
            try:
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            except RuntimeError:
                pass


class PreviewPage(QWebEnginePage):
    """Keeps the preview on the article; links open in the system browser."""

    block_clicked = Signal(str)

    def acceptNavigationRequest(self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool) -> bool:  # noqa: N802
        url = QUrl(url)
        if url.scheme() == SCHEME.decode() and url.host() == HOST:
            return navigation_type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        return False

    def javaScriptConsoleMessage(self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str) -> None:  # noqa: N802
        if message.startswith(SELECT_MESSAGE) and shiboken6.isValid(self):
            self.block_clicked.emit(message.removeprefix(SELECT_MESSAGE))

    def createWindow(self, window_type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # noqa: N802
        return None  # no pop-ups


def make_preview_profile(parent: QObject | None) -> QWebEngineProfile:
    """An off-the-record profile: nothing of the preview is written to disk."""
    profile = QWebEngineProfile(parent)
    profile.interceptor = LocalOnlyInterceptor(profile)  # type: ignore[attr-defined]
    profile.setUrlRequestInterceptor(profile.interceptor)  # type: ignore[attr-defined]
    settings = profile.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadIconsForPage, False)
    return profile
