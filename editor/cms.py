""""Copy for CMS": the article body as clean HTML for a portal's web editor.

The same renderer makes it (the blocks as the page shows them), without
the preview's data attributes; photos are referred to by the file names an
export gives them, since the portal's editor uploads them separately.
"""

from __future__ import annotations

import re
from typing import Mapping

from editor.model import Article, ImageBlock
from editor.render import ImageSource, render_block
from editor.text import inline_to_plain, slug

_DATA_ATTRIBUTE = re.compile(r' data-block="[^"]*"')


class _NamedPhotos:
    def __init__(self, article: Article) -> None:
        base = slug(article.title, max_length=60)
        self._names = {block.id: f"{base}-{number}.jpg" for number, block in enumerate(article.images(), start=1)}

    def source(self, block: ImageBlock) -> ImageSource | None:
        return ImageSource(src=self._names[block.id])

    def is_first(self, block: ImageBlock) -> bool:
        return True  # no lazy loading inside a CMS editor


class _UploadedPhotos:
    def __init__(self, urls: Mapping[str, str]) -> None:
        self._urls = urls

    def source(self, block: ImageBlock) -> ImageSource | None:
        url = self._urls.get(block.id)
        return ImageSource(src=url) if url else None

    def is_first(self, block: ImageBlock) -> bool:
        return True


def body_html(article: Article, photo_urls: Mapping[str, str] | None = None) -> str:
    """The body for a CMS; ``photo_urls`` (block id → address) when the
    photos are already on the server, else the export's file names."""
    photos = _UploadedPhotos(photo_urls) if photo_urls is not None else _NamedPhotos(article)
    return "\n".join(_DATA_ATTRIBUTE.sub("", render_block(article, block, photos)) for block in article.blocks)


def plain_text(article: Article) -> str:
    """Title, lead and body as plain text, paragraphs separated by blank lines."""
    parts = [article.title, inline_to_plain(article.lead)]
    for block in article.blocks:
        for name in ("text", "caption", "cite"):
            value = getattr(block, name, "")
            if value:
                parts.append(inline_to_plain(value) if name != "cite" else f"— {value}")
    return "\n\n".join(part for part in parts if part.strip())
