"""Make the example article's photos: camera-like JPEGs, generated.

The example must behave like photos straight from a phone: 4000×3000
pixels, a noisy texture so each file weighs 3–6 MB, stored sideways with an
EXIF orientation, and GPS coordinates that an export must strip. Run once;
the results are committed in resources/examples/le-chan/photos/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH, HEIGHT = 4000, 3000
OUT = Path(__file__).resolve().parent.parent / "resources" / "examples" / "le-chan" / "photos"
# (file, caption shown in the picture, EXIF orientation, sky colour)
PHOTOS = (
    ("1.jpg", "Ảnh 1 · Chủ trì cuộc họp", 6, (92, 140, 196)),
    ("2.jpg", "Ảnh 2 · Phát biểu", 1, (166, 120, 84)),
    ("3.jpg", "Ảnh 3 · Phát biểu", 3, (84, 150, 112)),
)
# Hải Phòng, Lê Chân district: 20°50'40" N, 106°40'50" E.
GPS = {1: "N", 2: (20.0, 50.0, 40.0), 3: "E", 4: (106.0, 40.0, 50.0)}


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "arialbd.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def scene(label: str, sky: tuple[int, int, int]) -> Image.Image:
    """An upright meeting-room-like picture with a label and an "up" arrow."""
    image = Image.new("RGB", (WIDTH, HEIGHT), sky)
    draw = ImageDraw.Draw(image)
    for y in range(0, HEIGHT, 8):  # a vertical gradient
        shade = tuple(max(0, min(255, c - y // 40)) for c in sky)
        draw.rectangle((0, y, WIDTH, y + 8), fill=shade)
    draw.rectangle((0, HEIGHT * 2 // 3, WIDTH, HEIGHT), fill=(120, 40, 36))  # the table
    draw.rectangle((600, 500, 3400, 1300), fill=(170, 20, 24))  # the banner
    draw.text((WIDTH // 2, 900), label, font=_font(170), fill=(255, 230, 120), anchor="mm")
    draw.polygon(((2000, 1500), (1800, 1800), (2200, 1800)), fill=(255, 255, 255))  # "up"
    draw.text((WIDTH // 2, 1900), "TRÊN", font=_font(110), fill=(255, 255, 255), anchor="mt")
    noise = Image.effect_noise((WIDTH, HEIGHT), 48).convert("RGB")
    return Image.blend(image, noise, 0.22)


def stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera stores so that ``orientation`` shows them upright."""
    inverse = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
    step = inverse[orientation]
    return upright if step is None else upright.transpose(step)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, label, orientation, sky in PHOTOS:
        upright = scene(label, sky)
        stored = stored_for(upright, orientation)
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[0x010F] = "Example Camera"
        exif[0x0110] = "Model 12MP"
        exif[0x8825] = GPS
        stored.save(OUT / name, "JPEG", quality=93, exif=exif.tobytes())
        check = ImageOps.exif_transpose(Image.open(OUT / name))
        assert check.size == (WIDTH, HEIGHT), check.size
        print(f"{name}: {(OUT / name).stat().st_size / 1e6:.1f} MB, orientation {orientation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
