"""The export's JPEGs are encoded through a file descriptor (so Pillow lets
go of the GIL): the bytes must be the very ones an in-memory encode gives,
or a re-export after this change would differ from the one before."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from editor import jpeg_bytes as module
from editor.images import JPEG_QUALITY, encode_jpeg, prepare_variants
from editor.jpeg_bytes import jpeg_bytes


def _photo(size: tuple[int, int] = (900, 700)) -> Image.Image:
    base = Image.new("RGB", size, (70, 120, 170))
    return Image.blend(base, Image.effect_noise(size, 40).convert("RGB"), 0.3)


def _in_memory(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


@pytest.mark.parametrize("progressive", [True, False])
@pytest.mark.parametrize("subsampling", [0, 2])
def test_the_bytes_are_those_of_an_in_memory_encode(progressive: bool, subsampling: int) -> None:
    photo = _photo()
    options = {"quality": JPEG_QUALITY, "progressive": progressive, "optimize": True, "subsampling": subsampling}
    data = jpeg_bytes(photo, **options)
    assert data == _in_memory(photo, **options)
    assert data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"


def test_without_a_scratch_file_it_encodes_in_memory_all_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    photo = _photo()
    expected = encode_jpeg(photo)

    def no_descriptors() -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(module, "_scratch_file", no_descriptors)
    assert encode_jpeg(photo) == expected


def test_where_there_is_no_memfd_it_encodes_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    photo = _photo()
    expected = encode_jpeg(photo)
    monkeypatch.delattr(module.os, "memfd_create", raising=False)  # Windows, macOS
    assert module._scratch_file() is None
    assert encode_jpeg(photo) == expected


def test_a_failing_encode_leaves_no_descriptor_open() -> None:
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    for _ in range(20):
        with pytest.raises((OSError, ValueError)):
            jpeg_bytes(Image.new("RGBA", (8, 8)), quality=JPEG_QUALITY)  # JPEG has no alpha: Pillow refuses
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before


def test_an_exported_photo_is_a_progressive_jpeg_without_metadata() -> None:
    photo = _photo((2400, 1800))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0)}
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    large, small = prepare_variants(buffer.getvalue(), "photo")
    for variant in (large, small):
        with Image.open(io.BytesIO(variant.data)) as exported:
            assert exported.info.get("progressive") == 1
            assert not exported.getexif() and "icc_profile" not in exported.info
    assert (large.width, small.width) == (1600, 800)
