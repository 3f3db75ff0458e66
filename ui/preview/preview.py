"""The live preview: the exported page, patched in place as the user types.

The page is rendered by the core renderer and served through the
``toasoan://`` scheme (``setHtml`` fails above 2 MB). A change to one block
replaces that block's element; a change to a field replaces the regions
that show it; a change the regions cannot express reloads the page and
restores the scroll position.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.model import Article, ImageBlock
from editor.picture_sizes import CARD_SIZE, SIZES, STRUCTURED_RATIOS
from editor.render import ImageSource, field_regions, page_context, region_elements, render_article, render_block, render_region, render_sharing
from editor.structured_data import ShareLinks, alt_of_cover
from editor.text import is_web_url
from ui.common.image_cache import ImageCache
from ui.document.document import Document
from ui.preview import scripts
from ui.preview.preview_page import MEDIA_PREFIX, PAGE_URL, PAINTED_MESSAGE, SELECT_MESSAGE, PreviewPage, PreviewSchemeHandler, make_preview_profile
from ui.preview.webengine import SCHEME

# The regions (render_region names) that show each article field, and the
# data-field each region's element carries in the page: both as the regions
# template has them.
FIELD_REGIONS: dict[str, tuple[str, ...]] = field_regions()
REGION_ELEMENT: dict[str, str] = region_elements()

# Article fields that the head shows.
HEAD_FIELDS = ("title", "lead", "url", "author", "section", "tags", "published", "updated", "timezone")


class PreviewImages:
    """ImageSources for the preview: the export's sizes and srcset, with URLs
    that the scheme handler answers with the preview's own copy."""

    def __init__(self, cache: ImageCache) -> None:
        self._cache = cache

    def source(self, block: ImageBlock) -> ImageSource | None:
        token = self._cache.token_of(block)
        if token is None:
            return None
        prepared = self._cache.for_block(block)
        src = MEDIA_PREFIX + token
        if prepared is None:
            return ImageSource(src=src)
        srcset = sizes = None
        if len(prepared.sizes) > 1:
            # The one copy, under its own width: the browser then gives the
            # photo the size the export's srcset gives it (the slot's), in
            # print too, where the stylesheet lets the photo take its own width.
            srcset = f"{src} {prepared.shown.width}w"
            sizes = SIZES
        return ImageSource(src=src, width=prepared.width, height=prepared.height, srcset=srcset, sizes=sizes)

    def share(self, article: Article) -> ShareLinks | None:
        """What a shared link shows, as the export names it, but for the
        addresses: the preview's copy of the cover stands for the card and
        the crops, with the card's size (the export's is always CARD_SIZE)."""
        cover = article.cover_image()
        if cover is None or cover.media is None or not is_web_url(article.url):
            return None
        token = self._cache.token_of(cover)
        if not token:
            return None
        url = MEDIA_PREFIX + token
        return ShareLinks(card=url, card_width=CARD_SIZE[0], card_height=CARD_SIZE[1], images=(url,) * len(STRUCTURED_RATIOS),
                          alt=alt_of_cover(article))

    def is_first(self, block: ImageBlock) -> bool:
        return False


class _FixedImages:
    """The photos' sources read on the UI thread, for a rendering on a worker."""

    def __init__(self, sources: dict[str, ImageSource | None]) -> None:
        self._sources = sources

    def source(self, block: ImageBlock) -> ImageSource | None:
        return self._sources.get(block.id)

    def is_first(self, block: ImageBlock) -> bool:
        return False


class PreviewView(QWebEngineView):
    """Shows ``document`` as its exported page, kept up to date."""

    block_clicked = Signal(str)
    patched = Signal()  # a change was shown by patching the page in place
    reloaded = Signal()  # a change was shown by reloading the whole page
    first_frame_drawn = Signal()  # the page loaded last has drawn its first frame

    def __init__(self, document: Document, images: ImageCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._images = images
        self._image_sources = PreviewImages(images)
        self._profile = make_preview_profile(None)
        self._handler = PreviewSchemeHandler(self.page_html, images, self._profile)
        self._profile.installUrlSchemeHandler(SCHEME, self._handler)
        page = PreviewPage(self._profile, self)
        # The profile must outlive its page (Qt warns, then crashes, if not).
        # Children are destroyed in the order they were adopted: the page,
        # made first, goes first; the profile, adopted now, after it.
        self._profile.setParent(self)
        helper = QWebEngineScript()
        helper.setName("toasoan-helper")
        # Installed in Qt's isolated world: the page's own scripts cannot see or call it.
        helper.setSourceCode(scripts.call("block_clicks", SELECT_MESSAGE) + ";" + scripts.call("after_first_frame", PAINTED_MESSAGE) + ";")
        helper.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
        helper.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        page.scripts().insert(helper)
        self.setPage(page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        page.block_clicked.connect(self.block_clicked)
        page.loadFinished.connect(self._on_load_finished)
        page.first_frame_drawn.connect(self._on_first_frame_drawn)
        self._loading = False
        self._drawn = False  # the page loaded last has drawn its first frame
        self._has_page = False
        self._stale_after_load = False
        self._queued: list[str] = []
        self._restore_scroll: QPointF | None = None
        self._first_image_id: str | None = None
        self._note_marks: list[str] = []  # blocks with open notes, marked in the preview only

        document.block_changed.connect(self._on_document_block_changed)
        document.field_changed.connect(self._on_document_field_changed)
        document.blocks_replaced.connect(self._on_document_blocks_replaced)
        document.block_moved.connect(self._on_document_block_moved)
        document.reset.connect(self._show_another_article)
        document.site_changed.connect(self.reload_page)
        images.ready.connect(self._on_images_ready)
        # A photo shown from its draft's copy that proved wrong fails under a
        # new token: its <img> must ask for that one.
        images.failed.connect(lambda token, message: self._on_images_ready(token))

    # --- what the scheme handler serves ------------------------------------
    def page_html(self) -> Callable[[], str]:
        """On the UI thread: the page's rendering, to run on a worker. What
        the rendering reads of the window (the photos' sizes, their
        addresses) is read now; the article is a snapshot."""
        self._first_image_id = self._current_first_image()
        article = self._document.snapshot()
        site = self._document.site()
        images = _FixedImages({block.id: self._image_sources.source(block) for block in article.images()})
        share = self._image_sources.share(article)
        return lambda: render_article(article, site, images, share=share)

    def _current_first_image(self) -> str | None:
        images = self._document.article.images()
        return images[0].id if images else None

    def shutdown(self) -> None:
        """Stop serving before the window goes: a request arriving while the
        view is half-destroyed would reach freed Python objects."""
        self._document.blockSignals(True)
        self.page().triggerAction(QWebEnginePage.WebAction.Stop)
        self._profile.removeAllUrlSchemeHandlers()
        self._profile.setUrlRequestInterceptor(None)

    def has_page(self) -> bool:
        """True once a page has been asked for (the window loads the first
        one only when it knows which article to show)."""
        return self._has_page

    def is_loading(self) -> bool:
        """True while a full page load is under way."""
        return self._loading

    def has_drawn_page(self) -> bool:
        """True once the page loaded last has drawn its first frame (its
        photos may still be arriving)."""
        return self._drawn

    def _on_first_frame_drawn(self) -> None:
        self._drawn = True
        self.first_frame_drawn.emit()

    # --- showing changes -----------------------------------------------------
    def _show_another_article(self) -> None:
        """Another article (opened, imported, restored): from its top. The
        reader's place in the one before meant nothing in it; a Word
        document imported showed its middle."""
        self._restore_scroll = QPointF(0, 0)
        self.reload_page()

    def reload_page(self) -> None:
        """Reload the whole page, keeping the reader's place."""
        if self._restore_scroll is None:
            self._restore_scroll = self.page().scrollPosition()
        self._loading = True
        if not self._has_page:
            # The first page only: its request comes a tenth of a second
            # after the navigation while Chromium's processes start, and is
            # answered sooner from a rendering started now. On a later
            # reload (an article opened) the request comes at once, and a
            # rendering started earlier only took Python's GIL from the UI
            # thread building the form: opening the 36,000-word article
            # stalled 146 ms (median of 6) with it, 86 ms without.
            self._handler.prepare_page()
        self._has_page = True
        self._drawn = False
        self._stale_after_load = False
        self._queued = []
        self.page().load(PAGE_URL)
        self.reloaded.emit()

    def _on_load_finished(self, ok: bool) -> None:
        self._loading = False
        if self._stale_after_load:
            self.reload_page()
            return
        queued, self._queued = self._queued, []
        for script in queued:
            self._patch(script)
        if self._note_marks:
            self._run(self._note_marks_script())
        position, self._restore_scroll = self._restore_scroll, None
        # At the top already unless Chromium kept a place itself: no script on an opened article's first load.
        if ok and position is not None and (position.y() > 0 or self.page().scrollPosition().y() > 0):
            self._run(f"window.scrollTo({position.x():.0f}, {position.y():.0f}); true")

    def mark_notes(self, block_ids: list[str]) -> None:
        """Outline the blocks that have open notes. Only the preview does
        this, in the page's script world; the exported page never has it."""
        self._note_marks = list(block_ids)
        if not self._loading:
            self._run(self._note_marks_script())

    def _note_marks_script(self) -> str:
        return scripts.call("mark_notes", self._note_marks)

    def _run(self, script: str, on_result=None) -> None:  # type: ignore[no-untyped-def]
        page = self.page()
        if on_result is None:
            page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        else:
            page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, on_result)

    def _patch(self, script: str, *, repeatable: bool = True) -> None:
        """Run a patch; if it reports it could not be done, reload instead.

        While the page loads, a repeatable patch (replacing an element by its
        current HTML) waits for the load; any other marks the page stale.
        """
        if self._loading:
            if repeatable:
                self._queued.append(script)
            else:
                self._stale_after_load = True
            return

        def check(result: object) -> None:
            if not shiboken6.isValid(self):
                return  # the answer of a page that went with its window
            if result is True:
                self.patched.emit()
            else:
                self.reload_page()

        self._run(script, check)

    def patch_block(self, block_id: str) -> None:
        article = self._document.article
        html = render_block(article, self._document.block(block_id), self._image_sources)
        self._patch(scripts.call("patch_block", block_id, html))

    def patch_regions(self, names: tuple[str, ...]) -> None:
        context = page_context(self._document.article, self._document.site(), self._image_sources)
        calls = [
            scripts.call("patch_region", REGION_ELEMENT[name], render_region(name, context))
            for name in names
        ]
        self._patch("[" + ", ".join(calls) + "].every(function (ok) { return ok; })")

    def scroll_to_block(self, block_id: str) -> None:
        """Bring a block into view, only if it is not in view already: the
        reader's place does not move while the user types in a visible block."""
        self._run(scripts.call("scroll_to_block", block_id))

    # --- document signals ------------------------------------------------------
    def _on_document_block_changed(self, block_id: str) -> None:
        self.patch_block(block_id)
        if isinstance(self._document.block(block_id), ImageBlock):
            self.patch_head()  # the cover, or its edits, may have changed

    def _on_document_field_changed(self, name: str) -> None:
        regions = FIELD_REGIONS.get(name)
        if regions is None and name not in HEAD_FIELDS:
            self.reload_page()
            return
        if regions:
            self.patch_regions(regions)
        if name in HEAD_FIELDS:
            self.patch_head()

    def patch_head(self) -> None:
        """Bring the head's title and metadata up to date."""
        article = self._document.article
        context = page_context(article, self._document.site(), self._image_sources, share=self._image_sources.share(article))
        values = {
            'meta[name="description"]': context.lead_text or None,
            'link[rel="canonical"]': context.article_url or None,
            'meta[name="author"]': article.author or None,
            'meta[name="keywords"]': ", ".join(article.tags) or None,
        }
        title = article.title or context.labels["untitled"]
        self._patch(scripts.call("patch_head", title, values, render_sharing(context)))

    def _on_document_blocks_replaced(self, start: int, removed: int, added: int) -> None:
        article = self._document.article
        htmls = [render_block(article, block, self._image_sources) for block in article.blocks[start : start + added]]
        self._patch(scripts.call("replace_blocks", start, removed, htmls), repeatable=False)
        self._refresh_first_image()

    def _on_document_block_moved(self, from_index: int, to_index: int) -> None:
        article = self._document.article
        html = render_block(article, article.blocks[to_index], self._image_sources)
        remove = scripts.call("replace_blocks", from_index, 1, [])
        insert = scripts.call("replace_blocks", to_index, 0, [html])
        self._patch(f"[{remove}, {insert}].every(function (ok) {{ return ok; }})", repeatable=False)
        self._refresh_first_image()

    def _refresh_first_image(self) -> None:
        self.patch_head()  # the cover photo may have changed
        # Only the first photo loads eagerly; when another photo becomes the
        # first, both change.
        first = self._current_first_image()
        if first != self._first_image_id:
            for block_id in (self._first_image_id, first):
                if block_id is not None and any(b.id == block_id for b in self._document.article.blocks):
                    self.patch_block(block_id)
            self._first_image_id = first

    def _on_images_ready(self, token: str) -> None:
        # The photo's exported sizes are known now: give its <img> the same
        # width, height and srcset as the export has, in place (a copy made
        # again comes under a new address: the one shown stays until it is
        # decoded).
        for block in self._document.article.images():
            if self._images.token_of(block) == token:
                html = render_block(self._document.article, block, self._image_sources)
                self._patch(scripts.call("patch_photo", block.id, html))
