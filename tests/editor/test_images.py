"""Photos against Pillow's own tricky test images (tests/corpus), checked
with decoders nobody here wrote: libvips, and ImageMagick where a colour
profile or CMYK is involved (this libvips build does not convert those)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, ImageStat

from editor.errors import ImageError
from editor.images import prepare_variants
from editor.model import Crop
from tests.helpers import CORPUS

IMAGES = CORPUS / "images-pillow"
GOOD = sorted(p for p in (IMAGES / "good").iterdir() if p.name != "LICENSE")
BAD = sorted(p for p in (IMAGES / "bad").iterdir() if p.name != "LICENSE")
EITHER = sorted(p for p in (IMAGES / "either").iterdir() if p.name != "LICENSE")


def tool(*names: str) -> str:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(f"{names[0]} is not installed: run `python3 tasks.py test`, which installs it")


def on_white(image: Image.Image) -> Image.Image:
    image = image.convert("RGBA")
    background = Image.new("RGBA", image.size, "white")
    background.alpha_composite(image)
    return background.convert("RGB")


def mean_absolute_difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(on_white(a), on_white(b))).mean) / 3


def reference_decode(path: Path, size: tuple[int, int], tmp_path: Path) -> Image.Image:
    """The same file decoded, turned upright and resized by another tool."""
    with Image.open(path) as source:
        needs_colour_management = bool(source.info.get("icc_profile")) or source.mode == "CMYK"
    width, height = size
    if needs_colour_management:
        srgb = tmp_path / "srgb.icc"
        srgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
        # The Debian binary is convert-im6.q16; a plain "convert" may be a stand-in.
        command = [tool("convert-im6.q16", "magick"), f"{path}[0]", "-auto-orient"]
        with Image.open(path) as source:
            if source.info.get("icc_profile"):
                command += ["-profile", str(srgb)]
        command += ["-colorspace", "sRGB", "-resize", f"{width}x{height}!", "-depth", "8", "png:-"]
        result = subprocess.run(command, capture_output=True, check=True)
        return Image.open(io.BytesIO(result.stdout))
    out = tmp_path / "reference.png"
    subprocess.run([tool("vips"), "thumbnail", str(path), str(out), str(width), "--height", str(height), "--size", "force"],
                   capture_output=True, check=True)
    return Image.open(out)


@pytest.mark.parametrize("path", GOOD, ids=[p.name for p in GOOD])
def test_good_images_export_like_an_independent_decoder_sees_them(path: Path, tmp_path: Path) -> None:
    variants = prepare_variants(path.read_bytes(), path.name)
    for variant in variants:
        exported = Image.open(io.BytesIO(variant.data))
        exported.load()
        assert exported.format == {"jpg": "JPEG", "png": "PNG"}[variant.extension]
        assert len(exported.getexif()) == 0, "EXIF (and GPS) must not survive"
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(exported.info)
        assert exported.size == (variant.width, variant.height)
    large = Image.open(io.BytesIO(variants[0].data))
    reference = reference_decode(path, large.size, tmp_path)
    assert mean_absolute_difference(large, reference) <= 3


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_images_are_refused_with_a_clear_message(path: Path) -> None:
    with pytest.raises(ImageError) as caught:
        prepare_variants(path.read_bytes(), path.name)
    message = str(caught.value)
    assert message.startswith(path.name + ": ")
    assert any(word in message for word in ("damaged", "truncated", "too many pixels", "megapixels", "not an image"))


@pytest.mark.parametrize("path", EITHER, ids=[p.name for p in EITHER])
def test_doubtful_images_import_or_are_refused_never_crash(path: Path) -> None:
    try:
        variants = prepare_variants(path.read_bytes(), path.name)
    except ImageError as error:
        assert str(error).startswith(path.name + ": ")
    else:
        assert variants and Image.open(io.BytesIO(variants[0].data)).size[0] > 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty (0 bytes)"),
        (b"Tin tuc Hai Phong, not a photo", "not an image"),
        ((IMAGES / "good" / "hopper.jpg").read_bytes()[:1500], "truncated"),
    ],
    ids=["zero-bytes", "not-an-image", "truncated"],
)
def test_each_refusal_has_its_own_message(data: bytes, expected: str) -> None:
    with pytest.raises(ImageError, match=re.escape(expected)):
        prepare_variants(data, "anh.jpg")


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    with pytest.raises(ImageError, match="too many pixels"):
        prepare_variants((IMAGES / "bad" / "decompression_bomb.gif").read_bytes(), "bomb.gif")


@pytest.mark.parametrize("name", ["hopper.jpg", "hopper.png", "hopper.webp", "avif_exif.avif", "hopper.gif", "hopper.iccprofile.tif", "bmp_g_rgb24.bmp"])
def test_each_format_is_recognized_by_content_not_by_name(name: str) -> None:
    # The same bytes under a misleading name still export.
    variants = prepare_variants((IMAGES / "good" / name).read_bytes(), "ten-sai.txt")
    assert variants[0].width > 0


def test_rotation_and_crop_are_applied_on_export_and_the_original_is_untouched(tmp_path: Path) -> None:
    upright = Image.new("RGB", (400, 200), "blue")
    upright.paste("red", (0, 0, 200, 200))  # left half red
    buffer = io.BytesIO()
    upright.save(buffer, "PNG")
    original = buffer.getvalue()
    rotated = Image.open(io.BytesIO(prepare_variants(original, "a.png", rotate=90)[0].data))
    assert rotated.size == (200, 400)
    assert rotated.getpixel((100, 50))[0] > 200  # red is on top after a clockwise turn
    cropped = Image.open(io.BytesIO(prepare_variants(original, "a.png", crop=Crop(0.5, 0, 0.5, 1))[0].data))
    assert cropped.size == (200, 200) and cropped.getpixel((100, 100))[2] > 200  # only the blue half
    assert buffer.getvalue() == original


def test_a_transparent_png_stays_png_and_a_photo_becomes_progressive_jpeg() -> None:
    transparent = prepare_variants((IMAGES / "good" / "pil123rgba.png").read_bytes(), "logo.png")[0]
    assert transparent.extension == "png"
    photo = prepare_variants((IMAGES / "good" / "exif_gps.jpg").read_bytes(), "gps.jpg")[0]
    decoded = Image.open(io.BytesIO(photo.data))
    assert photo.extension == "jpg" and decoded.info.get("progressive") == 1


def test_two_sizes_for_a_big_photo_one_for_a_small_one() -> None:
    buffer = io.BytesIO()
    Image.effect_noise((4000, 3000), 40).convert("RGB").save(buffer, "JPEG", quality=90)
    sizes = [(v.width, v.height) for v in prepare_variants(buffer.getvalue(), "big.jpg")]
    assert sizes == [(1600, 1200), (800, 600)]
    small = prepare_variants((IMAGES / "good" / "hopper.jpg").read_bytes(), "small.jpg")
    assert [(v.width, v.height) for v in small] == [(128, 128)]


def test_the_preview_copy_is_the_export_only_as_wide_as_the_preview_shows_it() -> None:
    from editor.images import prepare_preview
    from tests.photos import camera_jpeg

    data = camera_jpeg()
    assert len(data) > 4_000_000  # a camera's file, not a gradient
    exported = prepare_variants(data, "anh.jpg")
    preview = prepare_preview(data, "anh.jpg", 728)
    # The page is given the export's own sizes (upright, as the export turns it)...
    assert preview.sizes == tuple((v.width, v.height) for v in exported) == ((1600, 1200), (800, 600))
    # ...but the pixels it is sent are only as wide as the preview shows them.
    shown = Image.open(io.BytesIO(preview.shown.data))
    assert shown.size == (preview.shown.width, preview.shown.height) == (728, 546)
    wide = prepare_preview(data, "anh.jpg", 1000)
    assert (wide.shown.width, wide.shown.height) == (1000, 750)
    # The same conversion as the export's (upright, sRGB): the same picture, only smaller.
    export_small = Image.open(io.BytesIO(exported[1].data)).resize(shown.size, Image.Resampling.LANCZOS)
    assert mean_absolute_difference(shown, export_small) < 3
    assert not shown.info.get("exif") and shown.getexif().get(0x0112) is None
    assert max(preview.thumbnail_size) == 160 and len(preview.thumbnail) == 3 * preview.thumbnail_size[0] * preview.thumbnail_size[1]


def _jpeg(size: tuple[int, int], orientation: int = 1) -> bytes:
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 140, 200)).save(buffer, "JPEG", quality=80, exif=exif.tobytes())
    return buffer.getvalue()


@pytest.mark.parametrize("size", [(4000, 3000), (4001, 2999), (3001, 4003), (1601, 1203), (1700, 30), (900, 1700), (801, 799), (640, 480)])
@pytest.mark.parametrize("orientation", [1, 6, 3, 8])
@pytest.mark.parametrize("rotate", [0, 90, 180])
def test_the_preview_gives_the_page_the_sizes_the_export_makes(size: tuple[int, int], orientation: int, rotate: int) -> None:
    """The preview decodes a JPEG at reduced scale and works the export's
    sizes out from the header: a page laid out from them must match the
    exported page to the pixel, whatever the shape, EXIF turn or rotation."""
    from editor.images import prepare_preview

    data = _jpeg(size, orientation)
    exported = tuple((v.width, v.height) for v in prepare_variants(data, "anh.jpg", rotate=rotate))
    preview = prepare_preview(data, "anh.jpg", 728, rotate=rotate)
    assert preview.sizes == exported
    shown = Image.open(io.BytesIO(preview.shown.data))
    assert shown.size == (preview.shown.width, preview.shown.height)
    # As the export's smallest size covering 728 px, made 728 px wide by Pillow.
    source = next((size for size in reversed(exported) if size[0] >= 728), exported[0])
    stand_in = Image.new("1", source)
    if len(exported) > 1:
        stand_in.thumbnail((728, source[1]), Image.Resampling.NEAREST)
    assert shown.size == stand_in.size


def test_fitted_size_is_what_pillow_s_thumbnail_gives() -> None:
    from editor.images import fitted_size

    for width in (1, 7, 799, 800, 801, 1599, 1601, 2999, 4000, 12001):
        for height in (1, 3, 599, 600, 1199, 1203, 3000, 9001):
            for box in ((1600, 1600), (800, 800), (728, height), (728, 10)):
                image = Image.new("1", (width, height))
                image.thumbnail(box, Image.Resampling.NEAREST, reducing_gap=None)
                assert fitted_size((width, height), box) == image.size, (width, height, box)


def test_a_rotated_camera_photo_s_preview_copy_is_the_export_s_picture() -> None:
    from editor.images import prepare_preview
    from tests.photos import camera_jpeg

    data = camera_jpeg(2)
    exported = prepare_variants(data, "anh.jpg", rotate=90)
    preview = prepare_preview(data, "anh.jpg", 728, rotate=90)
    shown = Image.open(io.BytesIO(preview.shown.data))
    export_small = Image.open(io.BytesIO(exported[1].data)).resize(shown.size, Image.Resampling.LANCZOS)
    assert mean_absolute_difference(shown, export_small) < 3


def test_a_photo_process_just_started_shows_a_heic_photo(tmp_path: Path) -> None:
    """A photo process imports this module alone (pi-heif is registered with
    the first HEIF file it meets): a text file named like a photo is still
    called "not an image" before it, and an iPhone photo is still shown."""
    import subprocess
    import sys

    import pillow_heif

    heic = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (640, 480), "red")).save(heic, format="HEIF", quality=90)
    (tmp_path / "IMG_0002.HEIC").write_bytes(heic.getvalue())
    script = ("import sys; from pathlib import Path; from editor.errors import ImageError; from editor.images import prepare_preview\n"
              "try:\n    prepare_preview(b'ghi chu, khong phai anh' * 40, 'ghi-chu.jpg', 728)\n"
              "except ImageError as error:\n    print(error.problems[0])\n"
              "p = prepare_preview(Path(sys.argv[1]).read_bytes(), 'IMG_0002.HEIC', 728)\n"
              "print(p.sizes[0], p.shown.width, 'editor.model' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "IMG_0002.HEIC")], capture_output=True, text=True, timeout=60)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ghi-chu.jpg: not an image"), result.stderr
    assert lines[1].split() == ["(640,", "480)", "640", "False"], result.stderr


def test_a_heic_photo_is_decoded_by_pi_heif_which_the_bundle_ships() -> None:
    # pillow-heif (the tests' extra) writes the photo; the app reads it with pi-heif, the decode-only
    # build without x265's GPL encoder: the one the bundle carries (packaging/toa-soan.spec).
    import pillow_heif

    heic = io.BytesIO()
    left_red = Image.new("RGB", (640, 480), "blue")
    left_red.paste("red", (0, 0, 320, 480))
    pillow_heif.from_pillow(left_red).save(heic, format="HEIF", quality=90)
    exported = Image.open(io.BytesIO(prepare_variants(heic.getvalue(), "IMG_0001.HEIC")[0].data)).convert("RGB")
    assert Image.OPEN["HEIF"][0].__module__.startswith("pi_heif.")
    assert exported.size == (640, 480)
    assert exported.getpixel((100, 240))[0] > 200 and exported.getpixel((540, 240))[2] > 200
