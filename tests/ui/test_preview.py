"""The live preview, read back from QtWebEngine's real DOM."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage

from editor.model import ImageBlock
from tests.helpers import photo_bytes, write_article_dir
from tests.ui.conftest import js, open_article, type_text, wait_until_dom


def text_segment(window: Any, index: int = 0) -> Any:
    from ui.form.block_widgets import TextSegment

    return [s for s in window.composer.blocks.segments() if isinstance(s, TextSegment)][index]


def test_a_typed_title_appears_in_the_preview(qtbot: Any, window: Any) -> None:
    title = window.composer.fields.title
    title.setFocus()
    type_text(title, "Quận Lê Chân họp")
    wait_until_dom(qtbot, window.preview, "document.querySelector('h1').textContent", "Quận Lê Chân họp")
    assert window.document.article.title == "Quận Lê Chân họp"
    assert js(qtbot, window.preview, "document.title") == "Quận Lê Chân họp"


def test_typing_in_a_paragraph_patches_the_page_without_reloading(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    loads: list[bool] = []
    window.preview.page().loadStarted.connect(lambda: loads.append(True))
    segment = text_segment(window)
    segment.focus_block(segment.block_ids()[0], at_end=True)
    type_text(segment.editor, " Thêm một câu.")
    block_id = segment.block_ids()[0]
    wait_until_dom(
        qtbot, window.preview,
        f"document.querySelector('[data-block=\"{block_id}\"]').textContent.endsWith('Thêm một câu.')", True,
    )
    assert loads == []


def test_the_scroll_position_survives_an_edit(qtbot: Any, window: Any, tmp_path: Path) -> None:
    data = {"format": "article/1", "title": "Bài dài",
            "blocks": [{"type": "paragraph", "text": f"Đoạn {n}. " + "Nội dung rất dài. " * 40} for n in range(40)]}
    open_article(qtbot, window, write_article_dir(tmp_path, data, photos={}))
    segment = text_segment(window)
    segment.focus_block(segment.block_ids()[20], at_end=True)  # the preview scrolls to it
    qtbot.waitUntil(lambda: js(qtbot, window.preview, "window.scrollY") > 1000)
    qtbot.wait(200)
    place = js(qtbot, window.preview, "window.scrollY")
    type_text(segment.editor, " sửa")
    wait_until_dom(qtbot, window.preview, "document.body.textContent.includes('Nội dung rất dài. sửa')", True)
    assert js(qtbot, window.preview, "window.scrollY") == place
    # A structural change (a new paragraph) must not move the reader either.
    qtbot.keyClick(segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "Mới")
    qtbot.waitUntil(lambda: len(window.document.article.blocks) == 41)
    wait_until_dom(qtbot, window.preview, "document.querySelectorAll('.article-body p').length", 41)
    assert js(qtbot, window.preview, "window.scrollY") == place


def test_another_article_is_shown_from_its_top(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """A Word document imported over a long article showed its middle: the
    place kept was the article's before."""
    data = {"format": "article/1", "title": "Bài dài",
            "blocks": [{"type": "paragraph", "text": f"Đoạn {n}. " + "Nội dung rất dài. " * 40} for n in range(40)]}
    open_article(qtbot, window, write_article_dir(tmp_path / "dai", data, photos={}))
    segment = text_segment(window)
    segment.focus_block(segment.block_ids()[20], at_end=True)  # the preview scrolls to it
    qtbot.waitUntil(lambda: js(qtbot, window.preview, "window.scrollY") > 1000)
    qtbot.waitUntil(lambda: window.preview.page().scrollPosition().y() > 1000)  # as the window knows it
    data["title"] = "Bài khác, cũng dài"
    open_article(qtbot, window, write_article_dir(tmp_path / "khac", data, photos={}))
    wait_until_dom(qtbot, window.preview, "document.querySelector('h1').textContent.includes('Bài khác')", True)
    qtbot.wait(200)
    assert js(qtbot, window.preview, "window.scrollY") == 0


def test_an_inserted_photo_shows_its_caption_as_figcaption(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from editor.media import FileMedia

    (tmp_path / "anh.jpg").write_bytes(photo_bytes((1200, 800)))
    block = ImageBlock(src="anh.jpg", media=FileMedia(tmp_path / "anh.jpg"), alt="Phòng họp")
    window.composer.blocks.insert_blocks([block], "Insert photo")
    segment = window.composer.blocks.segment_of(block.id)
    segment.caption.setFocus()
    type_text(segment.caption, "Toàn cảnh cuộc họp.")
    wait_until_dom(
        qtbot, window.preview,
        f"document.querySelector('[data-block=\"{block.id}\"] figcaption').textContent", "Toàn cảnh cuộc họp.",
    )
    # Once the photo is prepared, the preview gives it its exported size.
    wait_until_dom(qtbot, window.preview, f"document.querySelector('[data-block=\"{block.id}\"] img').getAttribute('width')", "1200")
    image = f"document.querySelector('[data-block=\"{block.id}\"] img')"
    wait_until_dom(qtbot, window.preview, f"{image}.complete && {image}.naturalWidth > 0", True)
    # One copy, no wider than the preview shows it, named with its own width
    # (so the browser sizes it as the export's srcset does, in print too).
    srcset = js(qtbot, window.preview, f"{image}.getAttribute('srcset')")
    assert srcset.endswith(f" {window.images.for_block(block).shown.width}w") and "," not in srcset


PAYLOAD_SCRIPT = "<script>document.body.dataset.pwned='script'</script>"
PAYLOAD_HANDLER = '<img src=x onerror="document.body.dataset.pwned=\'onerror\'">'


def test_scripts_and_javascript_links_typed_anywhere_never_run(qtbot: Any, window: Any) -> None:
    fields = window.composer.fields
    for widget in (fields.title, fields.author, fields.source):
        widget.setFocus()
        type_text(widget, PAYLOAD_SCRIPT + PAYLOAD_HANDLER)
    fields.lead.setFocus()
    type_text(fields.lead, PAYLOAD_SCRIPT + PAYLOAD_HANDLER)
    fields.original_url.line.setFocus()
    type_text(fields.original_url.line, "javascript:document.body.dataset.pwned='link'")
    window.document.set_field("related", [__import__("editor.model").model.RelatedLink(title="x", url="javascript:document.body.dataset.pwned='related'")])
    # Rich text pasted into the body, with a live-looking link.
    segment_blocks = window.composer.blocks
    segment_blocks.add_block("paragraph")
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setHtml('<p>a<a href="javascript:document.body.dataset.pwned=1">bấm</a>' + PAYLOAD_SCRIPT + PAYLOAD_HANDLER + "</p>")
    text_segment(window).editor.insertFromMimeData(mime)
    # A positive signal, not a pause: every typed field is on the page, and
    # every image there has finished loading or failing, so an onerror
    # handler or a script that was going to run has run.
    on_page = " && ".join(f"document.querySelector('{where}').textContent.includes('pwned')"
                          for where in ("h1", ".byline", ".source", ".lead"))
    wait_until_dom(qtbot, window.preview, on_page + " && document.querySelector('.article-body').textContent.includes('bấm')", True)
    wait_until_dom(qtbot, window.preview, "Array.from(document.images).every(function (i) { return i.complete; })", True)
    # Click every link the page has: none may run anything. A javascript: link
    # runs in a task queued by the click; two timer turns later it has run.
    js(qtbot, window.preview, "document.querySelectorAll('a').forEach(function (a) { a.click(); });"
                              " setTimeout(function () { setTimeout(function () { document.body.dataset.clicked = 'done'; }, 0); }, 0); true")
    wait_until_dom(qtbot, window.preview, "document.body.dataset.clicked", "done")
    assert js(qtbot, window.preview, "document.body.dataset.pwned === undefined") is True
    # The print button's script, and the structured data (a data block no browser runs), whole.
    assert js(qtbot, window.preview, "Array.from(document.scripts).map(function (s) { return s.type; }).join()") == "application/ld+json,"
    assert js(qtbot, window.preview, "JSON.parse(document.scripts[0].textContent)['@type']") == "NewsArticle"
    hrefs = js(qtbot, window.preview, "Array.from(document.querySelectorAll('[href]')).map(function (e) { return e.getAttribute('href'); })")
    assert not [href for href in hrefs if href.lower().startswith(("javascript", "data"))]
    handlers = js(qtbot, window.preview, "Array.from(document.querySelectorAll('*')).filter(function (e) {"
                                          " return Array.from(e.attributes).some(function (a) { return a.name.startsWith('on'); }); }).length")
    assert handlers == 0


def test_the_preview_dom_is_the_exported_dom_but_for_image_urls(qtbot: Any, window: Any, example_copy: Path, tmp_path: Path) -> None:
    open_article(qtbot, window, example_copy)
    # An author taken away takes an element out of the head, which a patch
    # does not do: the page reloads. Done first, and its reload waited for,
    # so that the page compared is a patched one (read before the reload,
    # the page still had the old author: CI's failure at ac785f9).
    window.document.set_field("author", "")
    wait_until_dom(qtbot, window.preview, "document.head.querySelector('meta[name=\"author\"]') === null && document.readyState", "complete")
    qtbot.waitUntil(lambda: not window.preview.is_loading())
    loads: list[bool] = []
    window.preview.page().loadStarted.connect(lambda: loads.append(True))
    # Edit through the form, so the page compared is a patched one.
    window.composer.fields.title.setFocus()
    type_text(window.composer.fields.title, " (sửa)")
    segment = text_segment(window)
    segment.focus_block(segment.block_ids()[0], at_end=True)
    type_text(segment.editor, " Câu mới.")
    qtbot.keyClick(segment.editor, Qt.Key.Key_Return)
    type_text(segment.editor, "Đoạn mới.")
    window.document.set_field("url", "https://haiphong.gov.vn/tin/moi.html")
    window.document.set_field("section", "Thời sự")  # the head's article:section and the structured data's articleSection
    cover = window.document.article.images()[-1]
    window.document.set_cover(cover.id)
    images = window.document.article.images()
    qtbot.waitUntil(lambda: all(window.images.for_block(b) is not None for b in images), timeout=30_000)
    wait_until_dom(qtbot, window.preview, "Array.from(document.images).every(function (i) { return i.hasAttribute('width'); })", True)
    wait_until_dom(qtbot, window.preview, "document.body.textContent.includes('Đoạn mới.')", True)
    # The last edit's patch of the head: the new cover's description.
    cover_alt = "document.head.querySelector('meta[property=\"og:image:alt\"]').content"
    wait_until_dom(qtbot, window.preview, cover_alt, cover.alt)
    assert loads == []  # patched, not reloaded
    preview_html = js(qtbot, window.preview, "document.documentElement.outerHTML")

    with qtbot.waitSignal(window.files.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        window.files.export_to(tmp_path / "out")
    exported_page = QWebEnginePage(window)
    with qtbot.waitSignal(exported_page.loadFinished, timeout=20_000):
        exported_page.load(QUrl.fromLocalFile(str(tmp_path / "out" / "index.html")))
    with qtbot.waitCallback() as callback:
        exported_page.runJavaScript("document.documentElement.outerHTML", 0, callback)
    exported_html = callback.args[0]

    def without_image_urls(html: str) -> str:
        html = re.sub(r'(src|srcset)="[^"]*"', r'\1="…"', html)
        # The share card and the structured data's crops: the preview's copy of the cover stands for each.
        return re.sub(r'(toasoan://[^"]*|https://haiphong\.gov\.vn/tin/images/[^"]*)', "…", html)

    assert without_image_urls(preview_html) == without_image_urls(exported_html)
    assert 'srcset="' in exported_html and 'og:image' in exported_html and '"image":["https://' in exported_html  # compared, not absent
    assert "(sửa)" in exported_html and "Đoạn mới." in exported_html and '"articleSection":"Thời sự"' in preview_html
    assert 'href="https://haiphong.gov.vn/tin/moi.html"' in preview_html and 'name="author"' not in preview_html


def test_clicking_a_block_in_the_preview_selects_it_in_the_form(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    target = window.document.article.blocks[-1].id  # the last paragraph
    js(qtbot, window.preview, f"document.querySelector('[data-block=\"{target}\"]').click(); true")
    qtbot.waitUntil(lambda: window.composer.blocks.current_block_id() == target)


def test_selecting_a_block_in_the_form_scrolls_the_preview_to_it(qtbot: Any, window: Any, example_copy: Path) -> None:
    open_article(qtbot, window, example_copy)
    target = window.document.article.blocks[-1].id
    window.composer.blocks.focus_block(target)
    script = (f"(function () {{ var r = document.querySelector('[data-block=\"{target}\"]').getBoundingClientRect();"
              f" return r.top < window.innerHeight && r.bottom > 0; }})()")
    wait_until_dom(qtbot, window.preview, script, True)
    assert js(qtbot, window.preview, "window.scrollY") > 0


def test_clicked_links_open_in_the_system_browser(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    opened: list[str] = []
    monkeypatch.setattr("ui.preview.preview_page.QDesktopServices.openUrl", lambda url: opened.append(url.toString()))
    window.document.set_field("original_url", "https://lechan.haiphong.gov.vn/tin/1.html")
    wait_until_dom(qtbot, window.preview, "document.querySelector('.original-link') !== null", True)
    js(qtbot, window.preview, "document.querySelector('.original-link').click(); true")
    qtbot.waitUntil(lambda: opened == ["https://lechan.haiphong.gov.vn/tin/1.html"])
    assert js(qtbot, window.preview, "location.href") == "toasoan://preview/index.html"


def test_the_preview_profile_loads_nothing_from_the_network(qtbot: Any, window: Any) -> None:
    profile = window.preview.page().profile()
    # A page on the preview's profile with no Content-Security-Policy at all:
    # only the request interceptor stands between it and the network.
    page = QWebEnginePage(profile, window)
    with qtbot.waitSignal(page.loadFinished, timeout=20_000):
        page.setHtml('<img src="https://example.invalid/tracker.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">')
    qtbot.waitUntil(lambda: "https://example.invalid/tracker.png" in profile.interceptor.blocked)
    assert "http://127.0.0.1:9/x.css" in profile.interceptor.blocked
    page.deleteLater()


def test_each_answered_preview_request_frees_its_copy_of_the_data(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Every page and photo the preview serves sits in a buffer until its
    request ends; the buffers belong to the scheme handler (a buffer owned
    by QtWebEngine's request made the window segfault in a soak run), so
    they must go when the requests do, or each reload would keep another
    copy of every photo."""
    from PySide6.QtCore import QBuffer

    from editor.media import FileMedia

    for name in ("a.jpg", "b.jpg"):
        (tmp_path / name).write_bytes(photo_bytes((1200, 800)))
    window.composer.blocks.insert_blocks(
        [ImageBlock(src=name, media=FileMedia(tmp_path / name), alt="Ảnh") for name in ("a.jpg", "b.jpg")], "Insert photos")
    images = "Array.from(document.querySelectorAll('.article-body img'))"
    wait_until_dom(qtbot, window.preview, f"{images}.filter(i => i.complete && i.naturalWidth > 0).length", 2)
    handler = window.preview._handler
    for _ in range(8):
        window.preview.reload_page()
        qtbot.waitUntil(lambda: not window.preview.is_loading(), timeout=20_000)
        wait_until_dom(qtbot, window.preview, f"{images}.filter(i => i.complete && i.naturalWidth > 0).length", 2)
    # 8 reloads served 24 answers (a page and two photos each); once the
    # requests are over, none of their buffers is left.
    qtbot.waitUntil(lambda: not handler.findChildren(QBuffer), timeout=10_000)


def test_a_reload_while_photos_are_being_made_answers_only_the_new_page(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """QtWebEngine deletes the requests of a page it reloads without telling
    their Python wrappers. Answering those later wrote into freed memory: the
    window segfaulted minutes into the soak run. Only the requests of the
    page shown are kept waiting, and its photos arrive."""
    import threading

    import ui.common.image_cache
    from editor.media import FileMedia

    release = threading.Event()
    read = ui.common.image_cache._read  # on a worker: the photos wait until the reloads are done
    monkeypatch.setattr(ui.common.image_cache, "_read", lambda *args: (release.wait(30), read(*args))[1])
    handler = window.preview._handler
    asked: list[str] = []
    wait = handler._wait
    monkeypatch.setattr(handler, "_wait", lambda token, job: (asked.append(token), wait(token, job)))
    for name, color in (("a.jpg", "navy"), ("b.jpg", "olive"), ("c.jpg", "teal")):
        (tmp_path / name).write_bytes(photo_bytes((1200, 800), color))
    window.composer.blocks.insert_blocks(
        [ImageBlock(src=name, media=FileMedia(tmp_path / name), alt="Ảnh") for name in ("a.jpg", "b.jpg", "c.jpg")], "Insert photos")
    try:
        qtbot.waitUntil(lambda: handler.waiting_requests() == 3, timeout=20_000)
        for reload in range(1, 5):
            window.preview.reload_page()
            qtbot.waitUntil(lambda reload=reload: len(asked) >= 3 * (reload + 1) and handler.waiting_requests() == 3, timeout=20_000)
    finally:
        release.set()
    images = "Array.from(document.querySelectorAll('.article-body img'))"
    wait_until_dom(qtbot, window.preview, f"{images}.filter(i => i.complete && i.naturalWidth > 0).length", 3, timeout=20_000)
    assert handler.waiting_requests() == 0


def test_a_change_made_while_the_page_is_on_its_way_is_shown(qtbot: Any, window: Any, example_copy: Path) -> None:
    """A title typed while a reload is on its way still reaches the page,
    and a page asked for twice in a row shows the later state."""
    open_article(qtbot, window, example_copy)
    qtbot.waitUntil(lambda: not window.preview.is_loading(), timeout=30_000)
    window.preview.reload_page()
    window.document.set_field("title", "Tiêu đề gõ lúc trang đang tải")
    wait_until_dom(qtbot, window.preview, "document.querySelector('h1').textContent", "Tiêu đề gõ lúc trang đang tải")
    window.preview.reload_page()
    window.preview.reload_page()  # the first of these two is never asked for
    window.document.set_field("title", "Tiêu đề sau cùng")
    wait_until_dom(qtbot, window.preview, "document.querySelector('h1').textContent", "Tiêu đề sau cùng")
    qtbot.waitUntil(lambda: not window.preview.is_loading(), timeout=30_000)
    assert js(qtbot, window.preview, "document.querySelector('h1').textContent") == "Tiêu đề sau cùng"


def test_only_the_first_page_is_rendered_before_chromium_asks_for_it(
        qtbot: Any, window: Any, example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's first page is rendered as its navigation starts (its
    request comes late while Chromium's processes start); a page reloaded
    for an opened article is rendered when asked for, so that no rendering
    competes with the UI thread building the form (the 36,000-word open
    stalled 146 ms with it, 86 ms without: README, Performance)."""
    from ui.preview.preview_page import PreviewSchemeHandler

    prepared: list[str] = []
    real = PreviewSchemeHandler.prepare_page
    monkeypatch.setattr(PreviewSchemeHandler, "prepare_page", lambda self: (prepared.append("page"), real(self))[1])
    assert window.preview.has_page()  # the fixture's window already has its first page
    open_article(qtbot, window, example_copy)
    qtbot.waitUntil(lambda: not window.preview.is_loading(), timeout=30_000)
    assert prepared == []
    assert js(qtbot, window.preview, "document.querySelector('h1').textContent").startswith("Quận Lê Chân")
