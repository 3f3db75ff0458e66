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

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from editor.errors import ImageError

# Above Pillow's own bomb threshold (89 MP) there are real cameras (100 MP
# medium format, 200 MP phones); beyond this, a file is an attack or a scan.
MAX_PIXELS = 210_000_000
JPEG_QUALITY = 82
DEFAULT_MAX_SIZE = 1600


@dataclass(frozen=True)
class WebImage:
    data: bytes
    extension: str  # "jpg" or "png"
    width: int
    height: int


def open_image(data: bytes, label: str) -> Image.Image:
    """Open ``data`` as an image (header only), refusing what cannot be a photo."""
    if not data:
        raise ImageError(f"{label}: the file is empty (0 bytes)")
    try:
        with warnings.catch_warnings():
            # We apply our own, higher limit below; Pillow's warning would
            # otherwise turn into an error under strict warning filters.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise ImageError(f"{label}: the image declares too many pixels to open safely") from error
    except UnidentifiedImageError as error:
        raise ImageError(f"{label}: not an image, or a format the app does not read") from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageError(f"{label}: the image is damaged ({error})") from error
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"{label}: {width}×{height} pixels is more than {MAX_PIXELS // 1_000_000} megapixels; "
            "the file may be damaged or built to exhaust memory"
        )
    return image


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert to 8-bit RGB or RGBA in sRGB, honouring an embedded ICC profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits rather than clip to white.
        image = image.point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    )
    target_mode = "RGBA" if has_alpha else "RGB"
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


def _is_graphic(image: Image.Image, source_format: str | None) -> bool:
    """Palette images from PNG/GIF/BMP are drawings or logos: keep them lossless."""
    return source_format in ("PNG", "GIF", "BMP") and image.mode in ("P", "1", "PA")



def _stored_box(image: Image.Image, max_size: int) -> tuple[int, int]:
    """The final size, in the stored (not yet rotated) orientation."""
    width, height = image.size
    scale = min(1.0, max_size / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def prepare_for_web(data: bytes, label: str, max_size: int = DEFAULT_MAX_SIZE) -> WebImage:
    """The exported copy of one photo (see the module's documentation)."""
    image = open_image(data, label)
    source_format = image.format
    try:
        if source_format == "JPEG":
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
        image.thumbnail((max_size, max_size), Image.Resampling.LANCZOS, reducing_gap=3.0)
        output = io.BytesIO()
        transparent = image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255
        if transparent or graphic:
            image.save(output, "PNG", optimize=True)
            extension = "png"
        else:
            image.convert("RGB").save(output, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True)
            extension = "jpg"
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise ImageError(f"{label}: the image is damaged or truncated ({error})") from error
    except MemoryError as error:
        raise ImageError(f"{label}: the image is too large to convert") from error
    return WebImage(output.getvalue(), extension, image.width, image.height)
