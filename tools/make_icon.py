"""Draws the app's icon, packaging/toa-soan.ico (the Windows executable, its
installer and the .article files) and packaging/toa-soan.png (the window).

    .venv/bin/python tools/make_icon.py

A folded newspaper page in the portal's dark red, with "TS"; drawn here so
that nothing of anyone else's artwork is shipped. Needs DejaVu Sans Bold
(Debian's fonts-dejavu-core, which tasks.py installs)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
RED = (156, 22, 26, 255)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin, fold = size // 10, size // 4
    page = [(margin, margin), (size - margin - fold, margin), (size - margin, margin + fold),
            (size - margin, size - margin), (margin, size - margin)]
    pen.polygon(page, fill=RED)
    pen.polygon([(size - margin - fold, margin), (size - margin - fold, margin + fold), (size - margin, margin + fold)],
                fill=(226, 160, 160, 255))
    font = ImageFont.truetype(str(FONT), int(size * 0.42))
    pen.text((size / 2, size * 0.60), "TS", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    icon = draw()
    icon.save(ROOT / "packaging" / "toa-soan.png")
    icon.save(ROOT / "packaging" / "toa-soan.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
