"""Photos for the web: upright, sRGB, no metadata, never upscaled.

A camera's JPEG arrives sideways with an EXIF orientation, a colour profile
and GPS coordinates. Exported copies are turned upright, converted to sRGB,
stripped of all metadata, fitted within the export size, and written as
progressive JPEG (or PNG for graphics and transparency); the export then
adds only the photo's own credits (editor/photo_credits.py). The original
bytes are never changed.
"""

from __future__ import annotations

import ctypes
import io
import math
import os
import struct
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import TYPE_CHECKING, cast

from PIL import Image, ImageChops, ImageCms, ImageMath, ImageOps, UnidentifiedImageError

from editor.errors import EMPTY_FILE, IMAGE_DAMAGED, IMAGE_TOO_BIG, NOT_AN_IMAGE, TOO_BIG_FOR_MEMORY, ImageError
from editor.jpeg_bytes import jpeg_bytes
from editor.photo_facts import UNREADABLE, PhotoFacts
from editor.web_image import DEFAULT_MAX_SIZE as DEFAULT_MAX_SIZE
from editor.web_image import PreviewPhoto as PreviewPhoto
from editor.web_image import WebImage as WebImage

if TYPE_CHECKING:
    # Only named here: a photo process (ui/common/photo_process.py) imports
    # this module and not the model, 40 ms of its start before the first
    # photo of an opened article (a Crop it is given brings the model in).
    from editor.model import Crop

# Above Pillow's own bomb threshold (89 MP) there are real cameras (100 MP
# medium format, 200 MP phones); beyond this, a file is an attack or a scan.
MAX_PIXELS = 210_000_000
# The formats the README promises, as Pillow names them, and no other: every
# other plugin stays off, above all EPS, which would run Ghostscript on
# whatever PostScript a hostile draft carries. (pi-heif registers HEIF.)
FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "GIF", "TIFF", "BMP", "HEIF")
_NOT_HEIF = tuple(name for name in FORMATS if name != "HEIF")  # until pi-heif is registered
# Converting one photo holds up to ~16 bytes a pixel at its peak (measured:
# WebP 16.2, PNG RGBA 9.4, GIF 5.4, a JPEG decoded at reduced scale 2.1).
PEAK_BYTES_PER_PIXEL = 16
JPEG_QUALITY = 82
SMALL_PICTURE = 640 * 480
# EXIF tags: the orientation, the GPS block, the camera's make and model.
ORIENTATION, GPS_INFO, MAKE, MODEL = 0x0112, 0x8825, 0x010F, 0x0110


def open_image(data: bytes, label: str) -> Image.Image:
    """Open ``data`` as an image (header only), refusing what cannot be a photo."""
    if not data:
        raise ImageError(f"{label}: the file is empty (0 bytes)", reason=EMPTY_FILE)
    declared = webp_size(data)
    if declared is not None:
        _refuse_oversized(*declared, label)  # before Pillow allocates the canvas, which it does on opening
    try:
        with warnings.catch_warnings():
            # We apply our own, higher limit below; Pillow's warning would
            # otherwise turn into an error under strict warning filters.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            if data[4:8] == b"ftyp":  # an ISO media file: HEIF (or AVIF, which Pillow reads itself)
                _register_heif()
            # Pillow refuses (KeyError) a format named but not registered.
            image = Image.open(io.BytesIO(data), formats=FORMATS if "HEIF" in Image.OPEN else _NOT_HEIF)
    except Image.DecompressionBombError as error:
        raise ImageError(f"{label}: the image declares too many pixels to open safely", reason=IMAGE_TOO_BIG) from error
    except UnidentifiedImageError as error:
        raise ImageError(f"{label}: not an image, or a format the app does not read", reason=NOT_AN_IMAGE) from error
    except Exception as error:  # noqa: BLE001 — a plugin fails in its own way on hostile bytes
        raise ImageError(f"{label}: the image is damaged ({error})", reason=IMAGE_DAMAGED) from error
    try:
        _refuse_oversized(*image.size, label)
    except ImageError:
        image.close()
        raise
    return image


def _refuse_oversized(width: int, height: int, label: str) -> None:
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"{label}: {width}×{height} pixels is more than {MAX_PIXELS // 1_000_000} megapixels; "
            "the file may be damaged or built to exhaust memory", reason=IMAGE_TOO_BIG,
        )
    PHOTO_MEMORY.refuse_if_never_fits(width * height, label)


def webp_size(data: bytes) -> tuple[int, int] | None:
    """A WebP's declared size, read from its first chunk's header."""
    if len(data) < 30 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    chunk = data[12:16]
    if chunk == b"VP8X":
        return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    return None


def _memory_for_photos() -> int:
    """Bytes the app lets photos take at once: a quarter of the machine's
    memory, and at most three quarters of what a process limit (ulimit -v,
    prlimit --as) leaves, so a hostile photo is refused instead of swapping."""
    physical = 4 * 1024**3  # when the system will not say
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        physical = _windows_physical_memory() or physical
    budget = physical // 4
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit != resource.RLIM_INFINITY:
            budget = min(budget, max(0, limit - _address_space_in_use()) * 3 // 4)
            _return_big_blocks_on_free()
    except (ImportError, OSError, ValueError):
        pass
    return max(budget, 64 * 1024**2)


def _address_space_in_use() -> int:
    try:
        with open("/proc/self/statm") as stream:
            return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _windows_physical_memory() -> int | None:
    try:
        import ctypes

        class _Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong), ("total", ctypes.c_ulonglong),
                        ("available", ctypes.c_ulonglong), ("rest", ctypes.c_ulonglong * 5)]

        status = _Status(length=ctypes.sizeof(_Status))
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
            return int(status.total)
    except (AttributeError, OSError, ImportError):
        pass
    return None


class _PhotoMemory:
    """The memory every photo being converted holds, across all workers (the
    export's threads and the window's): a conversion waits until its share
    fits, and a photo that could never fit is refused before decoding."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._in_use = 0
        self._changed = threading.Condition()

    def max_pixels(self) -> int:
        return min(MAX_PIXELS, self.budget // PEAK_BYTES_PER_PIXEL)

    def refuse_if_never_fits(self, pixels: int, label: str) -> None:
        if pixels > self.max_pixels():
            raise ImageError(
                f"{label}: {pixels / 1e6:.0f} megapixels need more memory than this computer can spare "
                f"for one photo (at most {self.max_pixels() / 1e6:.0f} megapixels)",
                reason=TOO_BIG_FOR_MEMORY,
            )

    @contextmanager
    def held(self, pixels: int, label: str) -> Iterator[None]:
        self.refuse_if_never_fits(pixels, label)
        cost = pixels * PEAK_BYTES_PER_PIXEL
        with self._changed:
            # Alone, a photo always goes ahead: it was checked to fit above.
            while self._in_use and self._in_use + cost > self.budget:
                self._changed.wait()
            self._in_use += cost
        try:
            yield
        finally:
            with self._changed:
                self._in_use -= cost
                self._changed.notify_all()


def _return_big_blocks_on_free() -> None:
    """Under an address-space limit only: glibc raises its mmap threshold
    after the first big block is freed, so Pillow's 16 MB blocks then come
    from per-thread heaps whose address space is never given back, and a
    photo on another worker finds the last one's still counted (measured:
    600 MB of 800 MB). A fixed threshold keeps big blocks mapped, unmapped
    on free. Not by default: fresh mappings cost ~20% more CPU (measured)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    m_mmap_threshold = -3
    mallopt(m_mmap_threshold, 2 * 1024 * 1024)


# Measured when the app starts, before any photo takes its share.
PHOTO_MEMORY = _PhotoMemory(_memory_for_photos())


def clean_aperture(data: bytes) -> tuple[int, ...] | None:
    """The crop box an AVIF or HEIF file asks for (its primary item's
    ``clap`` property), or None. Pillow shows the whole coded picture."""
    meta = _child_box(data, 0, len(data), b"meta", full=True)
    if meta is None:
        return None
    iprp = _child_box(data, *meta, b"iprp")
    pitm = _child_box(data, *meta, b"pitm", full=True)
    if iprp is None or pitm is None:
        return None
    ipco = _child_box(data, *iprp, b"ipco")
    ipma = _child_box(data, *iprp, b"ipma", full=True)
    if ipco is None or ipma is None:
        return None
    version = data[pitm[0] - 4]
    primary = struct.unpack_from(">I" if version else ">H", data, pitm[0])[0]
    properties = [(kind, start, end) for kind, start, end in _boxes(data, *ipco)]
    for index in _item_properties(data, ipma, primary):
        if 0 < index <= len(properties) and properties[index - 1][0] == b"clap":
            _, start, end = properties[index - 1]
            if end - start < 32:
                raise ImageError("the photo's crop box (clap) is damaged", reason=IMAGE_DAMAGED)
            width_n, width_d, height_n, height_d = struct.unpack_from(">IIII", data, start)
            h_off_n, h_off_d, v_off_n, v_off_d = struct.unpack_from(">iIiI", data, start + 16)
            return width_n, width_d, height_n, height_d, h_off_n, h_off_d, v_off_n, v_off_d
    return None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """ISO base media boxes between ``start`` and ``end``: (type, payload start, payload end)."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1 and position + 16 <= end:
            size, header = struct.unpack_from(">Q", data, position + 8)[0], 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def _child_box(data: bytes, start: int, end: int, kind: bytes, *, full: bool = False) -> tuple[int, int] | None:
    for found, payload, stop in _boxes(data, start, end):
        if found == kind:
            return (payload + 4, stop) if full else (payload, stop)  # a FullBox: skip version and flags
    return None


def _item_properties(data: bytes, ipma: tuple[int, int], item: int) -> list[int]:
    start, end = ipma
    version, flags = data[start - 4], int.from_bytes(data[start - 3 : start], "big")
    position = start
    (count,) = struct.unpack_from(">I", data, position)
    position += 4
    for _ in range(count):
        if position + 3 > end:
            break
        if version < 1:
            (item_id,) = struct.unpack_from(">H", data, position)
            position += 2
        else:
            (item_id,) = struct.unpack_from(">I", data, position)
            position += 4
        associations = data[position]
        position += 1
        indices = []
        for _ in range(associations):
            if flags & 1:
                (value,) = struct.unpack_from(">H", data, position)
                position += 2
                indices.append(value & 0x7FFF)
            else:
                indices.append(data[position] & 0x7F)
                position += 1
        if item_id == item:
            return indices
    return []


def _apply_clean_aperture(image: Image.Image, data: bytes, label: str) -> Image.Image:
    """Show what the file shows: crop to its clean aperture (HEIF/AVIF
    ``clap``), computed as the standard says; refuse one that cannot be."""
    if image.format not in ("AVIF", "HEIF"):
        return image
    try:
        box = clean_aperture(data)
    except (struct.error, IndexError) as error:
        raise ImageError(f"{label}: the photo's crop box (clap) is damaged", reason=IMAGE_DAMAGED) from error
    if box is None:
        return image
    width_n, width_d, height_n, height_d, h_off_n, h_off_d, v_off_n, v_off_d = box
    width, height = image.size
    if not (width_d and height_d and h_off_d and v_off_d):
        raise ImageError(f"{label}: the photo's crop box (clap) is damaged", reason=IMAGE_DAMAGED)
    crop_width, crop_height = Fraction(width_n, width_d), Fraction(height_n, height_d)
    left = Fraction(h_off_n, h_off_d) + Fraction(width - crop_width, 2)
    top = Fraction(v_off_n, v_off_d) + Fraction(height - crop_height, 2)
    values = (left, top, crop_width, crop_height)
    if any(value.denominator != 1 for value in values) or left < 0 or top < 0 or crop_width < 1 or crop_height < 1 \
            or left + crop_width > width or top + crop_height > height:
        raise ImageError(f"{label}: the photo asks to be cropped (clap) to a box outside its picture; it cannot be shown as meant", reason=IMAGE_DAMAGED)
    if crop_width == width and crop_height == height:
        return image
    return image.crop((int(left), int(top), int(left + crop_width), int(top + crop_height)))


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert to 8-bit RGB or RGBA in sRGB, honouring an embedded ICC profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits rather than clip to white; a
        # transparent grey level (PNG tRNS) becomes an alpha channel.
        transparent = image.info.get("transparency")
        wide = image.convert("I")
        grey = ImageMath.lambda_eval(lambda args: args["a"] / 256, a=wide).convert("L")
        if isinstance(transparent, int):
            alpha = ImageMath.lambda_eval(lambda args: (args["a"] != transparent) * 255, a=wide).convert("L")
            image = Image.merge("LA", (grey, alpha))
        else:
            image = grey
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    )
    target_mode = "RGBA" if has_alpha else "RGB"
    if image.mode == "CMYK" and not icc:
        return _cmyk_to_rgb(image)
    if icc:
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            srgb = ImageCms.createProfile("sRGB")
            if image.mode not in ("RGB", "RGBA", "CMYK", "L", "LA"):
                image = image.convert(target_mode)
            return ImageCms.profileToProfile(image, source_profile, srgb, outputMode=target_mode)  # type: ignore[return-value]
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion
    return image.convert(target_mode)


def _cmyk_to_rgb(image: Image.Image) -> Image.Image:
    """CMYK without a profile: R = (1 − C)(1 − K), and so on, as print
    software and ImageMagick do (Pillow's own conversion subtracts instead,
    which turns dark inks too dark)."""
    cyan, magenta, yellow, black = (ImageOps.invert(channel) for channel in image.split())
    return Image.merge("RGB", [ImageChops.multiply(channel, black) for channel in (cyan, magenta, yellow)])


def _is_graphic(image: Image.Image, source_format: str | None) -> bool:
    """Palette images, and small pictures, from lossless formats are drawings,
    logos or screenshots: keep them lossless (JPEG would smear their edges)."""
    if source_format not in ("PNG", "GIF", "BMP", "TIFF"):
        return False
    return image.mode in ("P", "1", "PA") or image.width * image.height <= SMALL_PICTURE



def _stored_box(image: Image.Image, max_size: int) -> tuple[int, int]:
    """The final size, in the stored (not yet rotated) orientation."""
    return _stored_box_of(image.size, max_size)


_heif = threading.Lock()
_heif_registered = False


def _register_heif() -> None:
    """HEIC photos from iPhones, when pi-heif (pillow-heif's decoder alone)
    is installed. Registered with the first such file rather than on import:
    pi-heif's import is 13 ms of each photo process's start."""
    global _heif_registered
    with _heif:
        if _heif_registered:
            return
        _heif_registered = True
        try:
            from pi_heif import register_heif_opener
        except ImportError:
            return
        register_heif_opener()


def _apply_edits(image: Image.Image, rotate: int, crop: Crop | None) -> Image.Image:
    """The user's rotation (clockwise) and crop, on the upright photo."""
    if rotate:
        image = image.rotate(-rotate, expand=True)
    if crop is not None and crop != type(crop)():  # not the whole photo (Crop's default)
        width, height = image.size
        box = (
            round(crop.left * width), round(crop.top * height),
            round((crop.left + crop.width) * width), round((crop.top + crop.height) * height),
        )
        if box[2] > box[0] and box[3] > box[1]:
            image = image.crop(box)
    return image


def _encode(image: Image.Image, lossless: bool, progressive: bool = True, quality: int = JPEG_QUALITY) -> WebImage:
    # Pillow's PNG writer copies ICC, EXIF and transparency from ``info``:
    # start from nothing, so no metadata (GPS above all) can leave with it.
    image.info = {}
    if lossless:
        output = io.BytesIO()
        image.save(output, "PNG", optimize=True)
        return WebImage(output.getvalue(), "png", image.width, image.height)
    # Small pictures are seen closely: keep full colour resolution (4:4:4);
    # photos keep the usual 4:2:0, a third lighter at the same quality.
    subsampling = 0 if image.width * image.height <= SMALL_PICTURE else 2
    # Encoded with the GIL released, so the other conversion threads keep going (editor/jpeg_bytes.py).
    data = jpeg_bytes(image.convert("RGB"), quality=quality, progressive=progressive, optimize=True, subsampling=subsampling)
    return WebImage(data, "jpg", image.width, image.height)


def prepare_variants(
    data: bytes, label: str, max_size: int = DEFAULT_MAX_SIZE, *, rotate: int = 0, crop: Crop | None = None,
    progressive: bool = True, second_size: bool = True,
) -> list[WebImage]:
    """The exported copies of one photo, largest first: fitted within
    ``max_size``, and within half of it when the photo is big enough for a
    second, lighter size (for ``srcset``). Decoded once. ``second_size=False``
    makes only the first (publishing: the CMS makes its own smaller sizes).

    ``progressive=False`` gives the same pixels (progressive JPEG only
    orders the same coefficients differently) in a baseline file, quicker
    to write (~18 ms a photo against ~40 ms): the window uses it. Either is
    encoded with the GIL released (editor/jpeg_bytes.py); before that, the
    progressive encode held it and stalled the window's UI thread."""
    fitted = None if rotate or crop is not None else max_size
    with _converting(label):
        with PHOTO_MEMORY.held(_decoded_pixels(data, label, fitted), label):
            # Opened inside the memory share (WebP allocates its canvas on
            # opening) and passed on without a name here, so the full-size
            # decode is freed as soon as the conversion has moved past it.
            return _convert(_opened(data, label, fitted), data, label, max_size, rotate, crop, progressive, second_size)


# Larger than any photo the app opens (MAX_PIXELS): "never downscale".
_WHOLE = 1 << 20


@contextmanager
def edited_photo(data: bytes, label: str, *, rotate: int = 0, crop: Crop | None = None,
                 short_side: int | None = None) -> Iterator[Image.Image]:
    """The photo upright, in sRGB, with the user's edits, held within its
    memory share while in use: at its full size, or with ``short_side`` as
    small as a JPEG's reduced-scale decoding makes it while the edited
    photo's shorter side keeps at least ``short_side`` px (every pixel when
    it has fewer). The share card and the structured data's crops are at
    most 1200 px wide and never enlarged: from a 12 MP photo, a half-scale
    decode gives them the same pixels' worth at half the CPU."""
    with _converting(label):
        fitted = None if short_side is None else _covering_short_side(data, label, rotate, crop, short_side)
        with PHOTO_MEMORY.held(_decoded_pixels(data, label, fitted), label):
            image, _ = _fitted(_opened(data, label, fitted), data, label, _WHOLE, rotate, crop)
            if image.mode == "RGBA":  # a transparent cover is shared on the white a feed shows
                backdrop = Image.new("RGB", image.size, "white")
                backdrop.paste(image, mask=image.getchannel("A"))
                image = backdrop
            yield image


def _turned_by_exif(image: Image.Image) -> bool:
    """Whether the photo's EXIF orientation turns it a quarter (5–8); a
    broken EXIF turns nothing: the export keeps the pixels as stored."""
    try:
        return int(image.getexif().get(ORIENTATION, 1)) in (5, 6, 7, 8)
    except (ValueError, TypeError, KeyError, SyntaxError, OSError):
        return False


def _covering_short_side(data: bytes, label: str, rotate: int, crop: Crop | None, short_side: int) -> int:
    """The longest side, as stored, to decode so that the edited photo's
    shorter side keeps ``short_side`` px (read from the header alone)."""
    with open_image(data, label) as image:
        width, height = image.size
        turned = _turned_by_exif(image)
    if turned != (rotate in (90, 270)):
        width, height = height, width  # upright, as the crop's fractions are
    kept_width = width * (crop.width if crop is not None else 1.0)
    kept_height = height * (crop.height if crop is not None else 1.0)
    scale = min(1.0, short_side / max(1.0, min(kept_width, kept_height)))
    return max(1, math.ceil(max(width, height) * scale))


def encode_jpeg(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    """A progressive JPEG with no metadata, as every exported photo is."""
    return _encode(image, lossless=False, quality=quality).data


THUMBNAIL_BACKDROP = (238, 238, 238)  # the form's thumbnail frame, #eee


def prepare_preview(
    data: bytes, label: str, shown_width: int, max_size: int = DEFAULT_MAX_SIZE, rotate: int = 0,
    crop: Crop | None = None, thumbnail_box: int = 160,
) -> PreviewPhoto:
    """The export's conversion of one photo, kept only at the width the
    preview shows (``shown_width`` pixels at most, never upscaled), written
    once, small, as baseline JPEG (the same pixels as progressive, faster to
    write).

    A JPEG without a crop is decoded at the smallest scale that still covers
    the shown width (libjpeg's DCT scaling: a 12 MP photo at 1/4, 0.75 MP),
    and the export's sizes are worked out from its header: a quarter of the
    work of converting it as the export does (issue 20, item 6). Other
    photos go through the export's conversion, then are made smaller."""
    with _converting(label):
        if crop is None:
            with open_image(data, label) as image:
                reduced = _reduced_jpeg_preview(image, data, label, shown_width, max_size, rotate, thumbnail_box) \
                    if image.format == "JPEG" else None
            if reduced is not None:
                return reduced
        fitted = None if rotate or crop is not None else max_size
        with PHOTO_MEMORY.held(_decoded_pixels(data, label, fitted), label):
            image, lossless = _fitted(_opened(data, label, fitted), data, label, max_size, rotate, crop)
            exported = _sizes(image, max_size)
            # The smallest exported size that still covers the shown width,
            # so the preview's copy is the export's pixels, only smaller.
            source = next((size for size in reversed(exported) if size.width >= shown_width), exported[0])
            shown = source.copy()
            if len(exported) > 1:  # one size (800 px at most) is shown as exported: the page has no srcset to size it
                shown.thumbnail((shown_width, shown.height), Image.Resampling.LANCZOS)
            return _preview_photo(tuple(size.size for size in exported), shown, lossless, thumbnail_box)


def _preview_photo(sizes: tuple[tuple[int, int], ...], shown: Image.Image, lossless: bool, thumbnail_box: int,
                   facts: PhotoFacts | None = None) -> PreviewPhoto:
    thumbnail = shown.copy()
    thumbnail.thumbnail((thumbnail_box, thumbnail_box), Image.Resampling.BILINEAR)
    if thumbnail.mode == "RGBA":  # on the form's light grey, as the window showed it
        backdrop = Image.new("RGB", thumbnail.size, THUMBNAIL_BACKDROP)
        backdrop.paste(thumbnail, mask=thumbnail.getchannel("A"))
        thumbnail = backdrop
    thumbnail = thumbnail.convert("RGB")
    return PreviewPhoto(sizes, _encode(shown, lossless, progressive=False), thumbnail.tobytes(), thumbnail.size, facts)


def fitted_size(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The size ``Image.thumbnail(box)`` gives an image of ``size``
    (Pillow 10–13's own rounding: the nearer aspect of floor and ceil)."""
    width, height = size
    x, y = box
    if x >= width and y >= height:
        return size
    aspect = width / height
    if x / y >= aspect:
        x = max(min(math.floor(y * aspect), math.ceil(y * aspect), key=lambda n: abs(aspect - n / y)), 1)
    else:
        y = max(min(math.floor(x / aspect), math.ceil(x / aspect), key=lambda n: 0 if n == 0 else abs(aspect - x / n)), 1)
    return x, y


def _jpeg_draft_size(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """The size a JPEG of ``size`` decodes at after ``draft(mode, box)``
    (Pillow's JpegImageFile.draft: the largest of 1/8, 1/4, 1/2 that still
    covers ``box``, rounded up)."""
    scale = min(size[0] // box[0], size[1] // box[1])
    step = next(step for step in (8, 4, 2, 1) if scale >= step)
    return (size[0] + step - 1) // step, (size[1] + step - 1) // step


def _exported_sizes(stored: tuple[int, int], turned: bool, max_size: int, rotate: int) -> tuple[tuple[int, int], ...]:
    """The export's sizes (``prepare_variants``) of a JPEG stored at
    ``stored``, from its header alone: decoded at reduced scale unless
    rotated (as ``prepare_variants`` does), turned upright, rotated, fitted."""
    decoded = stored if rotate else _jpeg_draft_size(stored, _stored_box_of(stored, max_size))
    upright = (decoded[1], decoded[0]) if turned != (rotate in (90, 270)) else decoded
    fitted = fitted_size(upright, (max_size, max_size))
    small = max_size // 2
    return (fitted, fitted_size(fitted, (small, small))) if max(fitted) > small else (fitted,)


def _stored_box_of(size: tuple[int, int], max_size: int) -> tuple[int, int]:
    """``size`` fitted within ``max_size`` (the stored orientation)."""
    width, height = size
    scale = min(1.0, max_size / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _reduced_jpeg_preview(
    image: Image.Image, data: bytes, label: str, shown_width: int, max_size: int, rotate: int, thumbnail_box: int,
) -> PreviewPhoto | None:
    """None when the photo did not turn out as its header said (an
    orientation Pillow reads elsewhere, EXIF it cannot apply): it then
    takes the export's whole conversion."""
    turned = _turned_by_exif(image)
    sizes = _exported_sizes(image.size, turned, max_size, rotate)
    try:
        facts: PhotoFacts | None = _header_facts(image, image.size)  # the stored size, before draft() makes it smaller
    except (ValueError, TypeError, KeyError, SyntaxError, OSError):
        facts = None  # EXIF broken in a way the checklist's own reading reports
    # What the page is sent, as the slow path makes it: the smallest
    # exported size covering the shown width, made no wider than it.
    source = next((size for size in reversed(sizes) if size[0] >= shown_width), sizes[0])
    shown_size = fitted_size(source, (shown_width, source[1])) if len(sizes) > 1 else source
    sideways = turned != (rotate in (90, 270))
    wanted = (shown_size[1], shown_size[0]) if sideways else shown_size
    decoded = _jpeg_draft_size(image.size, wanted)
    with PHOTO_MEMORY.held(decoded[0] * decoded[1], label):
        image.draft(image.mode, wanted)
        picture, lossless = _fitted(image, data, label, _WHOLE, rotate, None)
        if picture.size != ((decoded[1], decoded[0]) if sideways else decoded) or lossless:
            return None
        if picture.size != shown_size:
            picture = picture.resize(shown_size, Image.Resampling.LANCZOS)
        # Decoded whole, so the checklist need not decode it again (editor/photo_facts.py).
        return _preview_photo(sizes, picture, False, thumbnail_box, facts)


@contextmanager
def _converting(label: str) -> Iterator[None]:
    """Any failure while converting a photo becomes the app's ImageError."""
    try:
        yield
    except ImageError:
        raise
    except MemoryError as error:
        raise ImageError(f"{label}: the image is too large to convert", reason=TOO_BIG_FOR_MEMORY) from error
    except Exception as error:  # noqa: BLE001 — any decoder failure (Pillow's AVIF raises RuntimeError) is a bad image
        raise ImageError(f"{label}: the image is damaged or truncated ({error})", reason=IMAGE_DAMAGED) from error


def _opened(data: bytes, label: str, fitted: int | None) -> Image.Image:
    """The image, header read. A JPEG will decode at reduced scale while the
    result still covers ``fitted`` px (a 12 MP photo at 3 MP: four times
    faster, a quarter of the memory)."""
    image = open_image(data, label)
    if image.format == "JPEG" and fitted is not None:
        image.draft(image.mode, _stored_box(image, fitted))
    return image


def _decoded_pixels(data: bytes, label: str, fitted: int | None) -> int:
    """How many pixels decoding ``data`` makes, from its header alone."""
    declared = webp_size(data)
    if declared is not None:  # never opened before its share is held: Pillow allocates WebP's canvas on opening
        _refuse_oversized(*declared, label)
        return declared[0] * declared[1]
    with _opened(data, label, fitted) as image:
        return image.width * image.height


def _convert(
    image: Image.Image, data: bytes, label: str, max_size: int, rotate: int, crop: Crop | None, progressive: bool,
    second_size: bool = True,
) -> list[WebImage]:
    fitted, lossless = _fitted(image, data, label, max_size, rotate, crop)
    return [_encode(picture, lossless, progressive) for picture in (_sizes(fitted, max_size) if second_size else [fitted])]


def _sizes(fitted: Image.Image, max_size: int) -> list[Image.Image]:
    """The exported sizes of a fitted photo, largest first: itself, and
    within half of ``max_size`` when it is big enough for a lighter second."""
    sizes = [fitted]
    small_size = max_size // 2
    if max(fitted.size) > small_size:
        small = fitted.copy()
        small.thumbnail((small_size, small_size), Image.Resampling.LANCZOS)
        sizes.append(small)
    return sizes


def _fitted(
    image: Image.Image, data: bytes, label: str, max_size: int, rotate: int, crop: Crop | None,
) -> tuple[Image.Image, bool]:
    """The photo upright, in sRGB, edited and fitted within ``max_size``;
    and whether it is to be kept lossless."""
    source_format = image.format
    image.seek(0)  # animated GIF/WebP: the first frame
    graphic = _is_graphic(image, source_format)
    image = _apply_clean_aperture(image, data, label)
    try:
        image = ImageOps.exif_transpose(image)
    except (ValueError, TypeError, KeyError, SyntaxError):
        image.load()  # broken EXIF: keep the pixels as stored
    image = _to_srgb(image)
    image = _apply_edits(image, rotate, crop)
    image.thumbnail((max_size, max_size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    # One band: its extrema are (lowest, highest).
    transparent = image.mode == "RGBA" and cast(tuple[int, int], image.getchannel("A").getextrema())[0] < 255
    lossless = transparent or graphic
    if not transparent:
        image = image.convert("RGB")
    return image, lossless


def read_photo_facts(data: bytes, label: str) -> PhotoFacts:
    """What the checklist must know of a photo (editor/photo_facts.py),
    decoded as the export will decode it (``verify_decodes``)."""
    try:
        size = verify_decodes(data, label)
    except ImageError:
        return UNREADABLE
    with open_image(data, label) as image:
        return _header_facts(image, size)


def _header_facts(image: Image.Image, stored_size: tuple[int, int]) -> PhotoFacts:
    """The facts of a photo that decodes, from its opened ``image`` (its
    EXIF) and the size its pixels are stored at (before orientation)."""
    exif = image.getexif()
    width, height = stored_size
    if exif.get(ORIENTATION, 1) in (5, 6, 7, 8):  # stored sideways
        width, height = height, width
    return PhotoFacts(width, height, has_gps=bool(exif.get_ifd(GPS_INFO)) if GPS_INFO in exif else False,
                      has_camera=any(tag in exif for tag in (MAKE, MODEL)))


def verify_decodes(data: bytes, label: str) -> tuple[int, int]:
    """Decode ``data`` once, as the export will, and give the size it shows
    (before EXIF orientation): for ``check``, which must report a photo the
    export would refuse. A JPEG decodes at 1/8 scale, checked all the same."""
    try:
        with PHOTO_MEMORY.held(_decoded_pixels(data, label, 1), label):
            with open_image(data, label) as whole:
                size = whole.size  # before a JPEG's reduced-scale decoding
            with _opened(data, label, 1) as image:
                image.load()
                if image.format in ("AVIF", "HEIF"):
                    size = _apply_clean_aperture(image, data, label).size
    except ImageError:
        raise
    except MemoryError as error:
        raise ImageError(f"{label}: the image is too large to convert", reason=TOO_BIG_FOR_MEMORY) from error
    except Exception as error:  # noqa: BLE001 — as in prepare_variants
        raise ImageError(f"{label}: the image is damaged or truncated ({error})", reason=IMAGE_DAMAGED) from error
    return size
