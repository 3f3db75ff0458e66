"""The Office drawings (EMF, WMF) of one Word import: each converted to a PNG
photo (editor.vector_pictures), or left out, and one note for each outcome
that names the pictures by number and the words near them."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from editor import vector_pictures
from editor.capped_process import Caps

MOST_NAMED = 4
# All drawings of one document together may keep Inkscape this long; past it,
# the rest are left out (named), so a document of many hostile drawings ends.
TOTAL_SECONDS = 120.0


@dataclass(frozen=True)
class _Picture:
    number: int  # its place among the document's pictures, from 1
    near: str  # the first words of its paragraph or of the one before, "" at the start

    def en(self) -> str:
        return f"picture {self.number} (near “{self.near}”)" if self.near else f"picture {self.number} (at the start)"

    def vi(self) -> str:
        return f"ảnh thứ {self.number} (gần “{self.near}”)" if self.near else f"ảnh thứ {self.number} (ở đầu tài liệu)"


def _named(pictures: list[_Picture]) -> tuple[str, str]:
    shown, more = pictures[:MOST_NAMED], len(pictures) - MOST_NAMED
    en, vi = "; ".join(p.en() for p in shown), "; ".join(p.vi() for p in shown)
    if more > 0:
        en, vi = f"{en}; and {more} more", f"{vi}; và {more} ảnh khác"
    return en, vi


@dataclass
class Drawings:
    """Converts the drawings of one import, looking for Inkscape once."""

    converted: list[_Picture] = field(default_factory=list)
    no_converter: list[_Picture] = field(default_factory=list)
    failed: list[_Picture] = field(default_factory=list)
    seconds_left: float = TOTAL_SECONDS
    _inkscape: str | None = None
    _looked: bool = False

    def convert(self, data: bytes, number: int, near: str) -> bytes | None:
        """The drawing as PNG bytes, or None when it is left out (noted)."""
        picture = _Picture(number, near)
        if not self._looked:
            # Through the module, at call time: the tests hide Inkscape or put another program in its place.
            self._inkscape, self._looked = vector_pictures.find_inkscape(), True
        if self._inkscape is None:
            self.no_converter.append(picture)
            return None
        if self.seconds_left <= 0:
            self.failed.append(picture)
            return None
        caps = vector_pictures.CAPS
        started = time.monotonic()
        try:
            png = vector_pictures.to_png(data, f"picture {number}", self._inkscape,
                                         Caps(caps.memory, caps.cpu_seconds, min(caps.timeout, self.seconds_left))).png
        except vector_pictures.DrawingNotConverted:
            self.failed.append(picture)
            return None
        finally:
            self.seconds_left -= time.monotonic() - started
        self.converted.append(picture)
        return png

    def notes(self) -> list[tuple[str, str]]:
        """(English, Vietnamese) for each outcome that happened."""
        notes = []
        if self.converted:
            en, vi = _named(self.converted)
            notes.append((f"Office drawings (EMF, WMF) were converted to PNG photos: {en}. Check that each looks as in Word.",
                          f"Hình vẽ Office (EMF, WMF) đã được chuyển thành ảnh PNG: {vi}. Hãy kiểm tra xem từng ảnh có giống trong Word không."))
        if self.no_converter:
            en, vi = _named(self.no_converter)
            notes.append((f"Office drawings (EMF, WMF) were left out, as Inkscape, which converts them, is not installed: {en}. "
                          "Install Inkscape and import again, or insert each as a photo (JPEG, PNG).",
                          f"Hình vẽ Office (EMF, WMF) đã bị bỏ qua vì máy chưa cài Inkscape để chuyển đổi: {vi}. "
                          "Hãy cài Inkscape rồi nhập lại, hoặc chèn từng ảnh dưới dạng ảnh chụp (JPEG, PNG)."))
        if self.failed:
            en, vi = _named(self.failed)
            notes.append((f"Office drawings (EMF, WMF) could not be converted and were left out: {en}. Insert each as a photo (JPEG, PNG).",
                          f"Không chuyển đổi được hình vẽ Office (EMF, WMF) nên đã bỏ qua: {vi}. Hãy chèn từng ảnh dưới dạng ảnh chụp (JPEG, PNG)."))
        return notes
