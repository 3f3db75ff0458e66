"""The preview's web plumbing: the ``toasoan://`` scheme that serves the
rendered page and its photos, a request interceptor that lets nothing
else load, and a page that keeps navigation on the article.

Built as in ReText's ``webenginepreview.py`` and the PySide6 markdown
editor example: clicked links open in the system browser.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass

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

from ui.common.image_cache import ImageCache, mime_of
from ui.common.workers import run_in_background
from ui.preview.webengine import SCHEME

log = logging.getLogger(__name__)
HOST = "preview"
PAGE_URL = QUrl(f"{SCHEME.decode()}://{HOST}/index.html")
MEDIA_PREFIX = f"{SCHEME.decode()}://{HOST}/media/"
SMALL = "small"  # media/<token>-small is the lighter size of a photo
# Messages from our own helper script (never from the article: its scripts
# cannot run under the page's Content-Security-Policy).
SELECT_MESSAGE = "toasoan:select:"
PAINTED_MESSAGE = "toasoan:first-frame"  # resources/preview/after_first_frame.js
PREVIEW_HTTP_CACHE_BYTES = 8 * 1024 * 1024


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


@dataclass
class _PreparedPage:
    """A page rendering on a worker, and the request that waits for it."""

    html: bytes | None = None
    failed: bool = False
    ticket: int | None = None  # the request that waits for it, once it came


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``index.html`` from ``page_html()`` and photos from the cache.

    ``page_html()`` is called on the UI thread and returns the rendering to
    do: a function of a snapshot, run on a worker thread (a 36,000-word page
    took 30-60 ms of the UI thread to render, issue 20).

    A photo not prepared yet is answered when it is ready: the request is
    asynchronous, so the page never waits on the UI thread.

    A waiting request is held only while QtWebEngine keeps it. A reload
    deletes the old page's requests without telling their Python wrappers,
    which stay "valid" (``shiboken6.isValid`` is True, no RuntimeError):
    answering one then wrote into freed memory, and the window segfaulted
    minutes later in shiboken's ``releaseWrapper`` or in ``malloc`` (the
    soak's crash, found under gdb). Each waiting request's ``destroyed``
    signal takes it off the list.
    """

    def __init__(self, page_html: Callable[[], Callable[[], str]], images: ImageCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_html = page_html
        self._images = images
        # token -> ticket -> request, for photos still being made
        self._waiting: dict[str, dict[int, QWebEngineUrlRequestJob]] = {}
        self._tickets = itertools.count()
        self._prepared: _PreparedPage | None = None  # the next page request's rendering
        images.ready.connect(self._on_images_ready)
        images.failed.connect(self._on_images_failed)

    def prepare_page(self) -> None:
        """Start the page's rendering now, as its navigation starts: the
        page's request comes a tenth of a second later (Chromium's
        navigation, and its processes' start on a first load), and is then
        answered with this rendering, done or under way, instead of
        starting one. A request with none prepared (a later reload, or a
        second navigation before the first asked) starts its own."""
        self._prepared = self._start_rendering()

    def _start_rendering(self) -> _PreparedPage:
        """The page's rendering, on a worker; answered once asked for and done."""
        page = _PreparedPage()
        render = self._page_html()

        def done(html: bytes) -> None:
            page.html = html
            self._answer(page)

        def failed(error: object) -> None:
            log.error("the preview page could not be made: %s", error)
            page.failed = True
            self._answer(page)

        run_in_background(lambda: render().encode("utf-8"), done, failed, context=self)
        return page

    def _answer(self, page: _PreparedPage) -> None:
        """Reply to the request waiting for ``page``, once both are there."""
        if page.ticket is None or (page.html is None and not page.failed):
            return
        held = self._waiting.get("/index.html", {}).pop(page.ticket, None)
        page.ticket = None
        if held is None:  # deleted by a newer load meanwhile
            return
        if page.html is not None:
            self._reply(held, b"text/html;charset=utf-8", page.html)
        else:
            held.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

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
            page = self._prepared or self._start_rendering()  # not started with the navigation: now
            self._prepared = None
            page.ticket = self._hold("/index.html", job)
            self._answer(page)
            return
        # Every size of a photo (media/<token>, media/<token>-small) is
        # answered with its one preview copy, as wide as the preview shows it.
        token = path.removeprefix("/media/").partition("-")[0]
        if path.startswith("/media/") and self._images.knows(token):
            prepared = self._images.by_token(token)
            if prepared is not None:
                self._reply(job, mime_of(prepared.shown).encode(), prepared.shown.data)
            elif self._images.error(token) is not None:
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            else:
                self._wait(token, job)
            return
        job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _reply(self, job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        # The buffer is the handler's child and goes when its request does
        # (the pattern of QWebEngineUrlRequestJob::reply's documentation):
        # what Python makes here belongs to an object of ours, never to one
        # QtWebEngine deletes on its own.
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.destroyed.connect(buffer.deleteLater)
        job.reply(mime, buffer)

    def _wait(self, token: str, job: QWebEngineUrlRequestJob) -> None:
        self._hold(token, job)

    def _hold(self, token: str, job: QWebEngineUrlRequestJob) -> int:
        ticket = next(self._tickets)
        self._waiting.setdefault(token, {})[ticket] = job
        # No parameter: a slot that took the dying request would get a new
        # wrapper of a half-destroyed object.
        job.destroyed.connect(lambda: self._forget(token, ticket))
        return ticket

    def _forget(self, token: str, ticket: int) -> None:
        waiting = self._waiting.get(token)
        if waiting is not None:
            waiting.pop(ticket, None)
            if not waiting:
                del self._waiting[token]

    def waiting_requests(self) -> int:
        """How many photo requests wait for their photo (for the curious)."""
        return sum(len(waiting) for token, waiting in self._waiting.items() if token != "/index.html")

    def _on_images_ready(self, token: str) -> None:
        prepared = self._images.by_token(token)
        for job in self._waiting.pop(token, {}).values():
            if prepared is not None:
                self._reply(job, mime_of(prepared.shown).encode(), prepared.shown.data)

    def _on_images_failed(self, token: str, message: str) -> None:
        for job in self._waiting.pop(token, {}).values():
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)


class PreviewPage(QWebEnginePage):
    """Keeps the preview on the article; links open in the system browser."""

    block_clicked = Signal(str)
    first_frame_drawn = Signal()  # a page load's first frame (after_first_frame.js)

    def acceptNavigationRequest(self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool) -> bool:  # noqa: N802
        url = QUrl(url)
        if url.scheme() == SCHEME.decode() and url.host() == HOST:
            return navigation_type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        if navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked and url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        return False

    def javaScriptConsoleMessage(self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str) -> None:  # noqa: N802
        if not shiboken6.isValid(self):
            return
        if message.startswith(SELECT_MESSAGE):
            self.block_clicked.emit(message.removeprefix(SELECT_MESSAGE))
        elif message == PAINTED_MESSAGE:
            self.first_frame_drawn.emit()

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
    # Everything the page loads is already in this process (the page, the
    # photos' preview copies): Chromium need not keep a second copy.
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setHttpCacheMaximumSize(PREVIEW_HTTP_CACHE_BYTES)
    return profile
