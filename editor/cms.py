""""Copy for CMS": the article body as clean HTML for a portal's web editor.

The same renderer makes it (the blocks as the page shows them), without
the preview's data attributes. The portal's editor uploads photos
separately, so the HTML names each photo exactly as an export does (the
export converts and names them), and those files can be saved to a folder
under the same names to be uploaded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from editor.atomic import atomic_write
from editor.export import exported_photos
from editor.fields import field_texts
from editor.html_tree import Node
from editor.html_tree import parse as parse_html
from editor.model import Article, ImageBlock, SiteProfile
from editor.render import ImageSource, render_block

_DATA_ATTRIBUTE = re.compile(r' data-block="[^"]*"')


class _NamedPhotos:
    """ImageSources for the CMS copy: the export's file names, no folder."""

    def __init__(self, sources: Mapping[str, ImageSource]) -> None:
        self._sources = sources  # by block id

    def source(self, block: ImageBlock) -> ImageSource | None:
        return self._sources.get(block.id)

    def is_first(self, block: ImageBlock) -> bool:
        return True  # no lazy loading inside a CMS editor


@dataclass(frozen=True)
class CmsCopy:
    html: str
    text: str
    photos: dict[str, bytes] = field(default_factory=dict)  # file name as the HTML has it → bytes


def prepare_copy(article: Article, site: SiteProfile | None = None) -> CmsCopy:
    """The clipboard's HTML and text, and the photos it names. Converts the
    photos as an export on ``site`` does (their credits too): run it off the
    UI thread."""
    sources: dict[str, ImageSource] = {}
    photos: dict[str, bytes] = {}
    for block_id, exported in exported_photos(article, site=site).items():
        sources[block_id] = ImageSource(src=exported.file_name, width=exported.width, height=exported.height)
        photos[exported.file_name] = exported.data
    html = body_html(article, sources)
    return CmsCopy(html, plain_text(article, html), photos)


def photos_in_the_way(photos: dict[str, bytes], folder: Path) -> list[str]:
    """The names in ``folder`` that hold another file than the photo to be
    saved under them (a same-named photo of another article): replacing
    those needs the user's yes. A file with the same bytes is no loss."""
    in_the_way = []
    for name, data in sorted(photos.items()):
        existing = folder / name
        try:
            if existing.is_file() and existing.stat().st_size == len(data) and existing.read_bytes() == data:
                continue
        except OSError:
            pass  # unreadable: saving over it is asked, like any other
        if existing.exists():
            in_the_way.append(name)
    return in_the_way


def save_photos(photos: dict[str, bytes], folder: Path) -> None:
    """Write each photo into ``folder`` under the name the HTML uses (each
    one atomically; raises ``SaveError`` naming the file)."""
    for name, data in sorted(photos.items()):
        def write(stream: BinaryIO, data: bytes = data) -> None:  # data bound now, not at the loop's end
            stream.write(data)
        atomic_write(folder / name, write)


def body_html(article: Article, sources: Mapping[str, ImageSource] | None = None) -> str:
    """The body's HTML; ``sources`` gives each photo's name or address by
    block id (a photo without one is shown as missing)."""
    photos = _NamedPhotos(sources or {})
    return "\n".join(_DATA_ATTRIBUTE.sub("", render_block(article, block, photos)) for block in article.blocks)


def plain_text(article: Article, html: str | None = None) -> str:
    """Title, lead and body as plain text, paragraphs separated by blank
    lines: the article's counted fields (editor/fields.py), then the body as
    its HTML copy (``html``, made when not given) shows it, so each text the
    page shows is in it as shown."""
    parts = [text.plain for text in field_texts(article) if text.field.counted]
    parts += _shown_texts(parse_html(html if html is not None else body_html(article)))
    return "\n\n".join(part for part in parts if part.strip())


# The elements whose text is one paragraph of the plain text.
_TEXT_ELEMENTS = {"p", "h2", "h3", "h4", "figcaption", "li"}


def _shown_texts(node: Node) -> list[str]:
    texts = []
    for child in node.elements():
        if child.tag in _TEXT_ELEMENTS:
            texts.append(_text_of(child).strip())  # as a browser shows it
        else:
            texts += _shown_texts(child)
    return texts


def _text_of(node: Node) -> str:
    return "".join(child if isinstance(child, str) else "\n" if child.tag == "br" else _text_of(child) for child in node.children)
