"""Photos for the web: upright, sRGB, no metadata, never upscaled.

A camera's JPEG arrives sideways with an EXIF orientation, a colour profile
and GPS coordinates. Exported copies are turned upright, converted to sRGB,
stripped of all metadata, fitted within the export size, and written as
progressive JPEG (or PNG for graphics and transparency). The original bytes
are never changed.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageCms, ImageMath, ImageOps, UnidentifiedImageError

from editor.errors import EMPTY_FILE, IMAGE_DAMAGED, IMAGE_TOO_BIG, NOT_AN_IMAGE, ImageError
from editor.model import Crop

# Above Pillow's own bomb threshold (89 MP) there are real cameras (100 MP
# medium format, 200 MP phones); beyond this, a file is an attack or a scan.
MAX_PIXELS = 210_000_000
JPEG_QUALITY = 82
DEFAULT_MAX_SIZE = 1600
SMALL_PICTURE = 640 * 480


@dataclass(frozen=True)
class WebImage:
    data: bytes
    extension: str  # "jpg" or "png"
    width: int
    height: int


def open_image(data: bytes, label: str) -> Image.Image:
    """Open ``data`` as an image (header only), refusing what cannot be a photo."""
    if not data:
        raise ImageError(f"{label}: the file is empty (0 bytes)", reason=EMPTY_FILE)
    try:
        with warnings.catch_warnings():
            # We apply our own, higher limit below; Pillow's warning would
            # otherwise turn into an error under strict warning filters.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise ImageError(f"{label}: the image declares too many pixels to open safely", reason=IMAGE_TOO_BIG) from error
    except UnidentifiedImageError as error:
        raise ImageError(f"{label}: not an image, or a format the app does not read", reason=NOT_AN_IMAGE) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageError(f"{label}: the image is damaged ({error})", reason=IMAGE_DAMAGED) from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"{label}: {width}×{height} pixels is more than {MAX_PIXELS // 1_000_000} megapixels; "
            "the file may be damaged or built to exhaust memory", reason=IMAGE_TOO_BIG,
        )
    return image


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
    width, height = image.size
    scale = min(1.0, max_size / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _register_heif() -> None:
    """HEIC photos from iPhones, when pillow-heif is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return
    register_heif_opener()


_register_heif()


def _apply_edits(image: Image.Image, rotate: int, crop: Crop | None) -> Image.Image:
    """The user's rotation (clockwise) and crop, on the upright photo."""
    if rotate:
        image = image.rotate(-rotate, expand=True)
    if crop is not None and crop != Crop():
        width, height = image.size
        box = (
            round(crop.left * width), round(crop.top * height),
            round((crop.left + crop.width) * width), round((crop.top + crop.height) * height),
        )
        if box[2] > box[0] and box[3] > box[1]:
            image = image.crop(box)
    return image


def _encode(image: Image.Image, lossless: bool, progressive: bool = True) -> WebImage:
    # Pillow's PNG writer copies ICC, EXIF and transparency from ``info``:
    # start from nothing, so no metadata (GPS above all) can leave with it.
    image.info = {}
    output = io.BytesIO()
    if lossless:
        image.save(output, "PNG", optimize=True)
        extension = "png"
    else:
        # Small pictures are seen closely: keep full colour resolution (4:4:4);
        # photos keep the usual 4:2:0, a third lighter at the same quality.
        subsampling = 0 if image.width * image.height <= SMALL_PICTURE else 2
        image.convert("RGB").save(output, "JPEG", quality=JPEG_QUALITY, progressive=progressive, optimize=True, subsampling=subsampling)
        extension = "jpg"
    return WebImage(output.getvalue(), extension, image.width, image.height)


def prepare_variants(
    data: bytes, label: str, max_size: int = DEFAULT_MAX_SIZE, *, rotate: int = 0, crop: Crop | None = None,
    progressive: bool = True,
) -> list[WebImage]:
    """The exported copies of one photo, largest first: fitted within
    ``max_size``, and within half of it when the photo is big enough for a
    second, lighter size (for ``srcset``). Decoded once.

    ``progressive=False`` gives the same pixels (progressive JPEG only
    orders the same coefficients differently) in a baseline file: the
    window uses it, because Pillow's progressive encoder holds Python's GIL
    for ~40 ms a photo and would stall the UI thread; baseline, ~18 ms."""
    image = open_image(data, label)
    source_format = image.format
    try:
        if source_format == "JPEG" and not rotate and crop is None:
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale while the result
            # still covers the final size: a 12 MP photo then decodes at
            # 3 MP, four times faster and with a quarter of the memory.
            image.draft(image.mode, _stored_box(image, max_size))
        image.seek(0)  # animated GIF/WebP: the first frame
        graphic = _is_graphic(image, source_format)
        try:
            image = ImageOps.exif_transpose(image)
        except (ValueError, TypeError, KeyError, SyntaxError):
            image.load()  # broken EXIF: keep the pixels as stored
        image = _to_srgb(image)
        image = _apply_edits(image, rotate, crop)
        image.thumbnail((max_size, max_size), Image.Resampling.LANCZOS, reducing_gap=3.0)
        transparent = image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255
        lossless = transparent or graphic
        if not transparent:
            image = image.convert("RGB")
        variants = [_encode(image, lossless, progressive)]
        small_size = max_size // 2
        if max(image.size) > small_size:
            small = image.copy()
            small.thumbnail((small_size, small_size), Image.Resampling.LANCZOS)
            variants.append(_encode(small, lossless, progressive))
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise ImageError(f"{label}: the image is damaged or truncated ({error})") from error
    except MemoryError as error:
        raise ImageError(f"{label}: the image is too large to convert") from error
    return variants
