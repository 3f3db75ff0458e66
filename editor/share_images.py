"""The pictures a shared link is shown with, cut from the cover photo
around its focus point: the social card (Facebook, Zalo: 1200×630, 1.91:1)
and the structured data's three crops (Google: 1:1, 4:3 and 16:9, each at
least 1200 px wide when the photo has the pixels).

Each file is named by a hash of its bytes, so a crawler that caches a card
by its address (Facebook does) fetches the new one when the pixels change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from PIL import Image

from editor.images import JPEG_QUALITY, edited_photo, encode_jpeg
from editor.model import Crop, Focus, ImageBlock
from editor.picture_sizes import CARD_SIZE as CARD_SIZE
from editor.picture_sizes import STRUCTURED_RATIOS as STRUCTURED_RATIOS
from editor.picture_sizes import STRUCTURED_WIDTH as STRUCTURED_WIDTH

# A card heavier than this is dropped or shown late by some apps' previews
# (issue 19 sets the bound).
MAX_CARD_BYTES = 300_000


@dataclass(frozen=True)
class SharePicture:
    name: str  # "images/<slug>-share-<hash>.jpg"
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class SharePictures:
    card: SharePicture
    crops: tuple[SharePicture, ...]  # 1:1, 4:3, 16:9


def focus_in_kept_part(focus: Focus | None, crop: Crop | None) -> tuple[float, float]:
    """The focus point as fractions of the photo after the user's crop
    (the point is stored in the uncropped photo's fractions, as the crop is);
    a point cropped away falls to the nearest edge of what is kept."""
    if focus is None:
        return 0.5, 0.5
    if crop is None:
        return focus.x, focus.y
    x = (focus.x - crop.left) / crop.width
    y = (focus.y - crop.top) / crop.height
    return min(1.0, max(0.0, x)), min(1.0, max(0.0, y))


def focus_box(size: tuple[int, int], ratio: tuple[int, int], focus: tuple[float, float]) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` (width, height) inside ``size``, centred
    on ``focus`` as far as the photo's edges allow."""
    width, height = size
    box_width = min(width, round(height * ratio[0] / ratio[1]))
    box_height = min(height, round(box_width * ratio[1] / ratio[0]))
    box_width = max(1, box_width)
    box_height = max(1, box_height)
    left = round(focus[0] * width - box_width / 2)
    top = round(focus[1] * height - box_height / 2)
    left = min(max(0, left), width - box_width)
    top = min(max(0, top), height - box_height)
    return left, top, left + box_width, top + box_height


def _card_bytes(card: Image.Image) -> bytes:
    """The card as JPEG, at the export's quality if it fits the bound, else
    at the highest quality that does."""
    for quality in (JPEG_QUALITY, 75, 68, 60, 50, 40):
        data = encode_jpeg(card, quality)
        if len(data) <= MAX_CARD_BYTES:
            return data
    return data  # a 1200×630 JPEG at quality 40 is far below the bound, whatever the picture


def _named(base: str, kind: str, data: bytes, size: tuple[int, int]) -> SharePicture:
    digest = hashlib.sha256(data).hexdigest()[:12]
    return SharePicture(f"{base}-{kind}-{digest}.jpg", data, *size)


def cut_card(photo: Image.Image, focus: tuple[float, float]) -> Image.Image:
    """The share card's pixels: the 1.91:1 box around ``focus`` (fractions of
    ``photo``, the photo with the user's edits), at exactly ``CARD_SIZE``."""
    card = photo.crop(focus_box(photo.size, CARD_SIZE, focus))
    # A photo smaller than the card is enlarged: the card is always the
    # size the networks ask for (the checklist warns of a narrow cover).
    return card.resize(CARD_SIZE, Image.Resampling.LANCZOS, reducing_gap=3.0)


@dataclass(frozen=True)
class CardPixels:
    """The card for the window's Share preview: RGB, 3 bytes a pixel."""

    rgb: bytes = field(repr=False)
    width: int
    height: int


def card_for_preview(data: bytes, label: str, rotate: int, crop: Crop | None, focus: Focus | None, width: int) -> CardPixels:
    """The export's card (``cut_card``, the same pixels before JPEG), made
    ``width`` px wide for the window, which never holds the full 1200 px.
    Module-level with plain arguments: it runs in a photo process."""
    with edited_photo(data, label, rotate=rotate, crop=crop, short_side=CARD_SIZE[0]) as photo:
        card = cut_card(photo, focus_in_kept_part(focus, crop))
    if card.mode != "RGB":
        card = card.convert("RGB")
    width = max(1, min(width, CARD_SIZE[0]))
    if width < card.width:
        card = card.resize((width, max(1, round(width * CARD_SIZE[1] / CARD_SIZE[0]))), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return CardPixels(card.tobytes(), card.width, card.height)


def prepare_share_pictures(block: ImageBlock, data: bytes, label: str, base: str) -> SharePictures:
    """The card and the three crops of the cover ``block`` (whose original
    bytes are ``data``); ``base`` is the folder and name they start with."""
    focus = focus_in_kept_part(block.focus, block.crop)
    # Every box cut (1.91:1, 1:1, 4:3, 16:9) is at least as wide as the photo's shorter side, and
    # none is made wider than 1200 px: a photo decoded with that side at 1200 px or more loses nothing.
    with edited_photo(data, label, rotate=block.rotate, crop=block.crop, short_side=max(CARD_SIZE[0], STRUCTURED_WIDTH)) as photo:
        card = cut_card(photo, focus)
        pictures = [_named(base, "share", _card_bytes(card), card.size)]
        for kind, *ratio in STRUCTURED_RATIOS:
            cut = photo.crop(focus_box(photo.size, (ratio[0], ratio[1]), focus))
            if cut.width > STRUCTURED_WIDTH:  # never enlarged: Google wants real pixels
                cut = cut.resize((STRUCTURED_WIDTH, max(1, round(cut.height * STRUCTURED_WIDTH / cut.width))),
                                 Image.Resampling.LANCZOS, reducing_gap=3.0)
            pictures.append(_named(base, kind, encode_jpeg(cut), cut.size))
    return SharePictures(pictures[0], tuple(pictures[1:]))
