"""EMF and WMF pictures (Office drawings) as PNG photos, through Inkscape.

No browser shows EMF or WMF, and Pillow only reads their headers on
Windows. Inkscape (GPL, in Debian and in an installer for Windows) reads
both with its built-in libUEMF and rasterizes them from the command line
at a dpi we choose, with no display, in about 0.6 s a picture; on Debian
it adds 121 MB with its libraries (LibreOffice headless would convert them
too, with a whole office suite to install for it). It runs as a
child process under caps (editor.capped_process), as the drawing comes from
a file nobody here made. The PNG is kept only if the app's own photo checks
read it (editor.images), and it is never blank.

A drawing is rasterized at its physical size (its header says it: an EMF's
frame in hundredths of a millimetre, a placeable WMF's box in its units per
inch) at 192 dpi, twice Word's 96, which is sharp on a phone's screen, and
within the export's largest photo size.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from editor.capped_process import CapReached, Caps, run_capped
from editor.errors import ImageError
from editor.images import DEFAULT_MAX_SIZE, open_image, verify_decodes

DPI = 192
MAX_SIZE = DEFAULT_MAX_SIZE  # pixels on the long side, as the export's largest photo
# Inkscape takes ~90 MB and 500 MB of address space for a 1600-pixel picture
# (measured, Inkscape 1.2): 1 GiB leaves room for a busy drawing and none
# for a hostile one. A drawing takes ~0.6 s; a minute is a drawing that never ends.
CAPS = Caps(memory=1024**3, cpu_seconds=30, timeout=60.0)
MAX_PNG_BYTES = 64 * 1024**2  # what Inkscape may write for one picture within MAX_SIZE, with room to spare
EMF_SIGNATURE = b" EMF"  # at offset 40 of an EMF's header record (MS-EMF 2.2.9)
WMF_PLACEABLE = b"\xd7\xcd\xc6\x9a"  # the Aldus header before a WMF's own (MS-WMF 2.3.2.3)
WMF_HEADERS = (b"\x01\x00\x09\x00", b"\x02\x00\x09\x00")  # a WMF without it: in memory, on disk


class DrawingNotConverted(Exception):
    """Why a drawing could not become a photo, in one line."""


@dataclass(frozen=True)
class ConvertedDrawing:
    png: bytes
    width: int
    height: int


def drawing_kind(data: bytes) -> str | None:
    """"emf" or "wmf" when ``data`` is such a drawing, by its bytes."""
    if len(data) >= 88 and data[:4] == b"\x01\x00\x00\x00" and data[40:44] == EMF_SIGNATURE:
        return "emf"
    if data[:4] == WMF_PLACEABLE or data[:4] in WMF_HEADERS:
        return "wmf"
    return None


def physical_size(data: bytes) -> tuple[float, float] | None:
    """Width and height in inches, from the drawing's header, when it gives them."""
    kind = drawing_kind(data)
    if kind == "emf":
        left, top, right, bottom = struct.unpack_from("<4i", data, 24)  # rclFrame, 0.01 mm
        width, height = (right - left) / 2540, (bottom - top) / 2540
    elif kind == "wmf" and data[:4] == WMF_PLACEABLE and len(data) >= 22:
        left, top, right, bottom, units = struct.unpack_from("<4hH", data, 6)
        if units == 0:
            return None
        width, height = abs(right - left) / units, abs(bottom - top) / units
    else:
        return None
    return (width, height) if width > 0 and height > 0 else None


def find_inkscape() -> str | None:
    """Inkscape's command: on the PATH, else (Windows) where its installer puts it."""
    found = shutil.which("inkscape")
    if found or os.name != "nt":
        return found
    for root in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)"), os.environ.get("LOCALAPPDATA")):
        if not root:
            continue
        for place in (Path(root) / "Inkscape" / "bin" / "inkscape.exe", Path(root) / "Programs" / "Inkscape" / "bin" / "inkscape.exe"):
            if place.is_file():
                return str(place)
    return None


def _dpi(data: bytes) -> float:
    """192 dpi, or less when that would make the picture wider or taller than MAX_SIZE."""
    size = physical_size(data)
    if size is None:
        return DPI
    return max(0.01, min(DPI, MAX_SIZE / max(size)))


def _checked_png(path: Path, label: str) -> ConvertedDrawing:
    """Inkscape's output as the photo to store: read by the app's own checks,
    on white (Word draws it on the page), within MAX_SIZE, and not blank."""
    try:
        if not path.is_file():
            raise DrawingNotConverted("Inkscape wrote no picture")
        if path.stat().st_size > MAX_PNG_BYTES:
            raise DrawingNotConverted(f"Inkscape wrote more than {MAX_PNG_BYTES // 1024**2} MB")
        data = path.read_bytes()
        verify_decodes(data, label)  # what `check` and the export ask of every photo
        with open_image(data, label) as image:
            if image.format != "PNG":
                raise DrawingNotConverted("Inkscape wrote something other than a PNG")
            rgba = image.convert("RGBA")
        picture = Image.new("RGB", rgba.size, (255, 255, 255))
        picture.paste(rgba, mask=rgba.getchannel("A"))
        picture.thumbnail((MAX_SIZE, MAX_SIZE), Image.Resampling.LANCZOS)
        low, high = zip(*picture.getextrema(), strict=True)
        if low == high:  # one colour: records Inkscape does not draw (EMF+ only), or nothing at all
            raise DrawingNotConverted("the picture came out blank")
        output = io.BytesIO()
        picture.save(output, format="PNG", optimize=True)
        return ConvertedDrawing(output.getvalue(), *picture.size)
    except ImageError as error:
        raise DrawingNotConverted(f"Inkscape wrote a picture the app cannot read ({error})") from error
    except (OSError, ValueError) as error:
        raise DrawingNotConverted(f"Inkscape's picture cannot be read ({error})") from error


def to_png(data: bytes, label: str, inkscape: str, caps: Caps = CAPS) -> ConvertedDrawing:
    """The EMF or WMF drawing ``data`` as a PNG photo; ``DrawingNotConverted``
    with the reason when Inkscape cannot make one within the caps."""
    kind = drawing_kind(data)
    if kind is None:
        raise DrawingNotConverted("not an EMF or WMF drawing")
    with tempfile.TemporaryDirectory(prefix="toasoan-drawing-") as scratch:
        # Named by what the bytes are, so Inkscape picks its EMF or WMF reader and no other.
        source, target = Path(scratch) / f"drawing.{kind}", Path(scratch) / "drawing.png"
        source.write_bytes(data)
        command = [inkscape, "--export-type=png", f"--export-dpi={_dpi(data):.3f}", "--export-background=white",
                   "--export-background-opacity=1", f"--export-filename={target}", str(source)]
        try:
            run_capped(command, caps, Path(scratch))
        except CapReached as error:
            raise DrawingNotConverted(f"Inkscape {error}") from error
        return _checked_png(target, label)
