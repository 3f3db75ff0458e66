"""The sizes the page gives its photos and its share pictures, apart from
the code that makes them: the preview writes them into its page from the
start, and makes no picture (Pillow, a tenth of a second to import with
the HEIF decoder, is not needed to show the title)."""

from __future__ import annotations

# The article column is 728 px wide on a desktop and the whole width below 760 px.
SIZES = "(max-width: 760px) 100vw, 728px"
# Facebook's recommended size for link images (developers.facebook.com/docs/
# sharing/webmasters/images: "1200 × 630 pixels"); Zalo reads the same og:image.
CARD_SIZE = (1200, 630)
# Google's Article guidelines ask for images in these three aspect ratios,
# "at least 50K pixels", and recommend "high resolution ... 1200 pixels wide".
STRUCTURED_RATIOS = (("1x1", 1, 1), ("4x3", 4, 3), ("16x9", 16, 9))
STRUCTURED_WIDTH = 1200
