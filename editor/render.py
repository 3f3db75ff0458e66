"""The one renderer: article → HTML page. The live preview and every export
call it; they differ only in where image files are (``ImageSources``).

Jinja2 with autoescape on: plain fields are escaped, inline fields pass
through the inline sanitizer once more before they become markup.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

import jinja2
import jinja2.bccache
import jinja2.nodes
import platformdirs
from markupsafe import Markup

from editor.labels import labels_for
from editor.model import Article, Block, ImageBlock, SiteProfile
from editor.qr import qr_svg
from editor.site import APP_NAME
from editor.structured_data import ShareLinks, description_text, json_for_script, news_article, open_graph
from editor.text import clean_inline, date_line, is_link_url, is_web_url


@dataclass(frozen=True)
class ImageSource:
    """How the page refers to one photo."""

    src: str
    width: int | None = None
    height: int | None = None
    srcset: str | None = None
    sizes: str | None = None


class ImageSources(Protocol):
    def source(self, block: ImageBlock) -> ImageSource | None:
        """The photo's URL and size, or None when it cannot be shown."""

    def is_first(self, block: ImageBlock) -> bool:
        """True for a photo that must load at once, as the page's first one
        does (never lazy-loaded, whatever this says): a CMS editor, which
        lazy-loads nothing, says True for every photo."""


class NoImages:
    """For pages rendered without their photos (tests, word counts)."""

    def source(self, block: ImageBlock) -> ImageSource | None:
        return None

    def is_first(self, block: ImageBlock) -> bool:
        return False


def _resource_text(name: str) -> str:
    return resources.files("resources").joinpath("templates", name).read_text(encoding="utf-8")


# A credit typed with its own prefix ("Ảnh: Minh Thu", "Photo: …", "Nguồn ảnh: …").
_CREDIT_PREFIX = re.compile(r"(?i)^\s*(ảnh|hình|hình ảnh|nguồn ảnh|nguồn|photo|photos|image|credit)\s*[:：]")


def credit_line(credit: str, template: str) -> str:
    """The credit as the page prints it: ``Ảnh: Minh Thu`` from "Minh Thu",
    and from "Ảnh: Minh Thu" too, never "Ảnh: Ảnh: Minh Thu"."""
    if _CREDIT_PREFIX.match(credit):
        return credit.strip()
    return template.format(credit=credit)


@functools.cache
def _environment() -> jinja2.Environment:
    return make_environment(jinja2.PackageLoader("resources", "templates"), compiled_templates_folder())


def compiled_templates_folder() -> Path:
    """Where the templates are kept compiled, in the user's cache folder:
    named by Jinja's version, whose compiled code only its own runtime runs."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / f"templates-jinja{jinja2.__version__}"


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The templates compiled once for each version of their text, not at
    every start: compiling them took 33 ms of the first page's 54 ms of
    CPU (the preview's first, a start's title; every ``export``;
    benchmarks/bench_render.py). Only a
    cache: Jinja writes each file whole (a temporary file, renamed) and
    compiles a template again when its text changed; a file that is
    damaged, or a folder that cannot be read or written, is no error."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 — a damaged file (pickle, marshal) or an unreadable folder: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def make_environment(loader: jinja2.BaseLoader, compiled_folder: Path | None = None) -> jinja2.Environment:
    """The templates' environment, reading them through ``loader``, and
    keeping them compiled in ``compiled_folder`` when one is given."""
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        bytecode_cache=_CompiledTemplates(str(compiled_folder), "%s.jinja") if compiled_folder is not None else None,
    )
    env.filters["inline"] = lambda fragment: Markup(clean_inline(fragment))
    env.filters["credit_line"] = credit_line
    env.filters["json_ld"] = lambda data: Markup(json_for_script(data))
    env.tests["web_url"] = is_web_url
    return env


@functools.cache
def _page_assets() -> tuple[str, str, str]:
    """The CSS, the script, and a Content-Security-Policy that allows exactly
    those two (by hash) and images from the page's own folder or data URIs."""
    css = _resource_text("article.css")
    script = _resource_text("print.js").strip()

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    csp = (
        "default-src 'none'; img-src 'self' data:; "
        f"style-src {digest(css)}; script-src {digest(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return css, script, csp


class _FirstImage:
    def __init__(self, article: Article, images: ImageSources) -> None:
        self._images = images
        first = next(iter(article.images()), None)
        self._first_id = first.id if first else None

    def source(self, block: ImageBlock) -> ImageSource | None:
        return self._images.source(block)

    def is_first(self, block: ImageBlock) -> bool:
        return block.id == self._first_id or self._images.is_first(block)


class PageContext(dict):  # type: ignore[type-arg]
    """Everything the templates need, computed once per render.

    A dict whose keys read as attributes in the templates (``c.labels``).
    """

    __getattr__ = dict.__getitem__


def page_context(
    article: Article, site: SiteProfile, images: ImageSources, *, logo_src: str | None = None, share: ShareLinks | None = None,
) -> PageContext:
    labels = labels_for(article.language)
    css, script, csp = _page_assets()
    published = article.local_published()
    article_url = article.url if is_web_url(article.url) else ""
    fanpage_url = site.fanpage_url if is_web_url(site.fanpage_url) else ""
    title_for_labels = article.title or labels["untitled"]
    site_url = site.url if is_web_url(site.url) else ""
    lead_text = description_text(article)
    return PageContext(
        article=article,
        site=site,
        site_url=site_url,
        logo_src=logo_src,
        labels=labels,
        css=Markup(css),
        script=Markup(script),
        csp=csp,
        published=published,
        date_line=date_line(published, article.language) if published else "",
        original_url=article.original_url if is_link_url(article.original_url) else "",
        article_url=article_url,
        lead_text=lead_text,
        article_qr=qr_svg(article_url, labels["qr_caption"].format(title=title_for_labels)) if article_url else "",
        fanpage_qr=qr_svg(fanpage_url, labels["fanpage_qr"]) if fanpage_url else "",
        fanpage_label=site.fanpage_label
        or (labels["fanpage_default"].format(site=site.name) if site.name else labels["fanpage_qr"]),
        images=_FirstImage(article, images),
        share=share,
        open_graph=open_graph(article, site, article_url, lead_text, share),
        news_article=news_article(article, site, article_url, site_url, lead_text, share),
    )


def render_article(
    article: Article,
    site: SiteProfile,
    images: ImageSources,
    *,
    logo_src: str | None = None,
    share: ShareLinks | None = None,
) -> str:
    """The full HTML page of ``article`` as published on ``site``;
    ``share`` names the pictures a shared link shows (the export's are
    absolute addresses)."""
    context = page_context(article, site, images, logo_src=logo_src, share=share)
    return _environment().get_template("article.html.j2").render(c=context)


def render_sharing(context: PageContext) -> str:
    """The head's sharing metadata and structured data, exactly as
    ``render_article`` writes them (each element after a line break), for
    the preview to replace as a whole."""
    module = _environment().get_template("head.html.j2").module
    return str(module.sharing(context))  # type: ignore[attr-defined]


# The regions of the page the preview can patch, by the name of their macro.
REGIONS = ("site_header", "meta", "title", "lead", "body", "byline", "information")


# The values of the page context that are made from article fields
# (page_context above), and the fields each is made from.
_MADE_FROM: dict[str, tuple[str, ...]] = {
    "published": ("published", "timezone"), "date_line": ("published", "timezone"),
    "original_url": ("original_url",), "article_url": ("url",), "article_qr": ("url", "title"), "lead_text": ("lead",),
}


def field_regions(source: str | None = None) -> dict[str, tuple[str, ...]]:
    """The regions that show each article field, read from the regions
    template (``source``, else ``regions.html.j2``): a region shows a field
    when its macro names ``c.article.<field>`` or a value made from it. The
    preview patches those regions when the field changes, so a field the
    template shows needs no list of its own."""
    shown: dict[str, list[str]] = {}
    for macro in _region_macros(source):
        for node in macro.find_all(jinja2.nodes.Getattr):
            inner = node.node
            if isinstance(inner, jinja2.nodes.Getattr) and inner.attr == "article" and _is_context(inner.node):
                fields: tuple[str, ...] = (node.attr,)
            elif _is_context(inner):
                fields = _MADE_FROM.get(node.attr, ())
            else:
                continue
            for name in fields:
                regions = shown.setdefault(name, [])
                if macro.name not in regions:
                    regions.append(macro.name)
    return {name: tuple(sorted(regions, key=REGIONS.index)) for name, regions in shown.items()}


def region_elements(source: str | None = None) -> dict[str, str]:
    """Each region's ``data-field``, read from the regions template: the
    element the preview replaces with the region's new HTML."""
    elements = {}
    for macro in _region_macros(source):
        markup = "".join(node.data for node in macro.find_all(jinja2.nodes.TemplateData))
        found = re.search(r'data-field="([^"]+)"', markup)
        if found:
            elements[macro.name] = found.group(1)
    return elements


def _region_macros(source: str | None) -> list[jinja2.nodes.Macro]:
    tree = _environment().parse(source if source is not None else _resource_text("regions.html.j2"))
    return [macro for macro in tree.find_all(jinja2.nodes.Macro) if macro.name in REGIONS]


def _is_context(node: jinja2.nodes.Node) -> bool:
    return isinstance(node, jinja2.nodes.Name) and node.name == "c"


def render_region(name: str, context: PageContext) -> str:
    """One region of the page exactly as ``render_article`` writes it; empty
    when the region is absent (no lead, no author…)."""
    if name not in REGIONS:
        raise ValueError(name)
    module = _environment().get_template("regions.html.j2").module
    return str(getattr(module, name)(context)).strip()


def render_block(article: Article, block: Block, images: ImageSources) -> str:
    """The HTML of one block, exactly as ``render_article`` writes it, so the
    preview can replace that block in place."""
    module = _environment().get_template("blocks.html.j2").module
    return str(module.render(block, _FirstImage(article, images), labels_for(article.language))).strip()  # type: ignore[attr-defined]
