"""The page widths the preview shows, apart from the preview itself: the
menus are built before QtWebEngine is loaded."""

from __future__ import annotations

from enum import Enum


class PreviewWidth(Enum):
    PHONE = 360
    TABLET = 768
    DESKTOP = 1280
    PRINT = 794  # A4's 210 mm at 96 px per inch
