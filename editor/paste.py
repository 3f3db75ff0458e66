"""Pictures inside pasted HTML (Word, Google Docs, web pages).

Pictures carried in the clipboard as ``data:`` URIs become photos; pictures
that live on the web are not fetched (the app works offline) and are
listed, so the user knows what was left out.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field

from editor.html_tree import parse
from editor.media import MemoryMedia, sniff_extension
from editor.model import ImageBlock

_DATA_URI = re.compile(r"data:image/[\w.+-]+;base64,(?P<data>[A-Za-z0-9+/=\s]+)", re.IGNORECASE)


@dataclass
class PastedPictures:
    blocks: list[ImageBlock] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # web addresses not fetched


def pictures_in_html(html: str) -> PastedPictures:
    found = PastedPictures()
    for number, image in enumerate(parse(html).find_all("img"), start=1):
        source = image.attrs.get("src", "").strip()
        match = _DATA_URI.fullmatch(source)
        if match:
            try:
                data = base64.b64decode(re.sub(r"\s", "", match.group("data")), validate=True)
            except (binascii.Error, ValueError):
                continue
            name = f"pasted-{number}.{sniff_extension(data)}"
            found.blocks.append(ImageBlock(src=name, alt=image.attrs.get("alt", ""), media=MemoryMedia(data, name)))
        elif source.startswith(("http:", "https:")):
            found.left_out.append(source)
    return found
