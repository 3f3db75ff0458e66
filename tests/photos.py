"""Camera-like photos for the tests: 12 MP of sensor-like noise over a
colour, about 5 MB as a JPEG, sideways with EXIF orientation 6 as a phone
writes it. Gradients compress to almost nothing and decode in a blink;
noise costs what a real photo costs."""

from __future__ import annotations

import io

from PIL import Image

TWELVE_MEGAPIXELS = (4000, 3000)


def camera_jpeg(index: int = 0, size: tuple[int, int] = TWELVE_MEGAPIXELS, located: bool = False) -> bytes:
    """``located``: with GPS coordinates and the phone's make and model, as most phones write them."""
    base = Image.new("RGB", size, (60 + index * 8 % 180, 120, 180 - index * 5 % 160))
    noise = Image.effect_noise(size, 48).convert("RGB")
    picture = Image.blend(base, noise, 0.25).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    if located:
        exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0), 3: "E", 4: (106.0, 40.0, 50.0)}
        exif[0x010F], exif[0x0110] = "Samsung", "Galaxy A54"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()
