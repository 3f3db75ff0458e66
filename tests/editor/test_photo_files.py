"""Photo files coming in (editor/photo_files.py): readable photos become
image blocks in the order given; anything else is refused with the reason
the window shows, and no block is made for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from editor.errors import EMPTY_FILE, IMAGE_DAMAGED, NOT_A_FILE, NOT_AN_IMAGE
from editor.photo_files import check_photo_files, jpeg_stops_early
from tests.helpers import CORPUS, photo_bytes
from tests.photos import camera_jpeg


def test_readable_photos_become_image_blocks_in_order_and_the_rest_are_refused_by_name(tmp_path: Path) -> None:
    first, second = tmp_path / "anh-1.jpg", tmp_path / "anh-2.png"
    first.write_bytes(photo_bytes((64, 48)))
    Image.new("RGB", (32, 32), "red").save(second, "PNG")
    text = tmp_path / "ghi-chu.jpg"
    text.write_text("Không phải ảnh", encoding="utf-8")
    empty = tmp_path / "rong.jpg"
    empty.write_bytes(b"")
    truncated = tmp_path / "hong.jpg"
    truncated.write_bytes(photo_bytes((640, 480))[:400])

    checked = check_photo_files([first, text, empty, second, truncated])

    assert [block.src for block in checked.blocks] == [str(first), str(second)]
    assert [block.media.read_bytes() for block in checked.blocks] == [first.read_bytes(), second.read_bytes()]
    refused = {refusal.name: refusal.reason for refusal in checked.refused}
    assert refused == {"ghi-chu.jpg": NOT_AN_IMAGE, "rong.jpg": EMPTY_FILE, "hong.jpg": IMAGE_DAMAGED}


def test_a_folder_or_a_pipe_is_refused_and_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.jpg"
    folder.mkdir()
    paths = [folder]
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "ong.jpg"
        os.mkfifo(pipe)  # reading it would wait for ever
        paths.append(pipe)
    checked = check_photo_files(paths)
    assert checked.blocks == []
    assert [(r.name, r.reason) for r in checked.refused] == [(path.name, NOT_A_FILE) for path in paths]


def test_a_missing_file_is_refused_with_the_cores_words(tmp_path: Path) -> None:
    checked = check_photo_files([tmp_path / "khong-co.jpg"])
    [refusal] = checked.refused
    assert refusal.name == "khong-co.jpg" and refusal.reason is not None and refusal.details


def test_a_truncated_photo_is_refused_whatever_its_format_and_nothing_is_made_for_it(tmp_path: Path) -> None:
    """Pillow's verify() reads no pixels of a JPEG, BMP, GIF or TIFF, and
    opening an AVIF reads its header only: a file cut short passed, was
    inserted, and showed only "cannot show this photo" (the corpus's bad/
    files must be refused)."""
    import io

    paths = [CORPUS / "images-pillow" / "bad" / name for name in ("truncated_jpeg.jpg", "bmp_b_shortfile.bmp")]
    whole = Image.effect_noise((300, 200), 60).convert("RGB")
    for kind in ("JPEG", "BMP", "GIF", "TIFF"):
        encoded = io.BytesIO()
        whole.save(encoded, kind)
        path = tmp_path / f"cat-ngang.{kind.lower()}"
        path.write_bytes(encoded.getvalue()[: len(encoded.getvalue()) * 2 // 3])
        paths.append(path)
    camera = camera_jpeg(1)
    (tmp_path / "may-anh.jpg").write_bytes(camera[: len(camera) - 2])  # only the end marker lost
    paths.append(tmp_path / "may-anh.jpg")
    # Junk between its segments (which libjpeg skips), then cut; an AVIF cut in its picture data (its header whole).
    for name, kept in (("images-pillow/good/junk_jpeg_header.jpg", 0.5), ("images-pillow/good/avif_transparency.avif", 0.9)):
        whole_file = (CORPUS / name).read_bytes()
        path = tmp_path / f"cat-{Path(name).name}"
        path.write_bytes(whole_file[: int(len(whole_file) * kept)])
        paths.append(path)

    checked = check_photo_files(paths)

    assert checked.blocks == []
    assert [(r.name, r.reason) for r in checked.refused] == [(path.name, IMAGE_DAMAGED) for path in paths]


def test_a_whole_jpeg_with_data_after_its_end_or_a_thumbnail_inside_is_inserted(tmp_path: Path) -> None:
    """A phone's motion photo carries a video after the JPEG's end; a
    camera's EXIF carries a thumbnail with an end marker of its own, before
    the photo's scan: neither is read as the photo's end. Nor does junk
    between a JPEG's segments, or an AVIF's boxes, stop a whole photo."""
    thumbnail = io_jpeg(Image.new("RGB", (160, 120), "blue"))
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif_bytes = exif.tobytes()
    photo = io_jpeg(Image.effect_noise((640, 480), 40).convert("RGB"), exif=exif_bytes + thumbnail)
    motion = photo + b"ftypmp42" + bytes(4096)
    assert not jpeg_stops_early(photo) and not jpeg_stops_early(motion)
    (tmp_path / "chuyen-dong.jpg").write_bytes(motion)
    (tmp_path / "may-anh.jpg").write_bytes(photo)
    junk = CORPUS / "images-pillow" / "good" / "junk_jpeg_header.jpg"
    avif = CORPUS / "images-pillow" / "good" / "avif_transparency.avif"
    checked = check_photo_files([tmp_path / "chuyen-dong.jpg", tmp_path / "may-anh.jpg", junk, avif])
    assert checked.refused == [] and len(checked.blocks) == 4
    # Cut inside its scan, the same photo is refused: the thumbnail's end marker does not count.
    assert b"\xff\xd9" in photo[: len(photo) // 2] and jpeg_stops_early(photo[: len(photo) // 2])


def io_jpeg(image: Image.Image, **options: object) -> bytes:
    import io

    encoded = io.BytesIO()
    image.save(encoded, "JPEG", **options)
    return encoded.getvalue()


def test_no_good_image_of_the_corpus_cut_short_is_inserted_that_its_conversion_refuses(tmp_path: Path) -> None:
    """Every good image of Pillow's corpus and the AVIF conformance files,
    cut at half, at nine tenths and by its last two bytes: one the insert
    lets in, the preview's conversion (the export's) must convert too."""
    from editor.errors import ImageError
    from editor.images import prepare_preview

    sources = [path for folder in ("images-pillow/good", "images-avif") for path in sorted((CORPUS / folder).iterdir())
               if path.suffix.lower() in (".jpg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".bmp")]
    assert len(sources) >= 30
    let_in_but_refused = []
    for source in sources:
        data = source.read_bytes()
        for cut in (data[: len(data) // 2], data[: len(data) * 9 // 10], data[:-2]):
            path = tmp_path / f"cut-{len(cut)}-{source.name}"
            path.write_bytes(cut)
            if check_photo_files([path]).blocks:
                try:
                    prepare_preview(cut, path.name, 728)
                except ImageError:
                    let_in_but_refused.append(path.name)
    assert let_in_but_refused == []


def test_a_tiff_or_bmp_too_large_to_decode_at_insert_is_refused_cut_short_by_its_header(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 20 MP TIFF cut in half was let in (too large to decode at insert),
    then could be neither shown nor exported: where its header stores the
    pixels is checked against the file's length instead."""
    import io

    import editor.photo_files as photo_files

    monkeypatch.setattr(photo_files, "MAX_PIXELS_DECODED_AT_INSERT", 0)  # as for a 20 MP scan: none decoded here
    whole = Image.effect_noise((600, 400), 50).convert("RGB")
    paths, cut_names = [], []
    for kind, options in (("BMP", {}), ("TIFF", {}), ("TIFF", {"compression": "tiff_lzw"}), ("TIFF", {"compression": "tiff_adobe_deflate"})):
        encoded = io.BytesIO()
        whole.save(encoded, kind, **options)
        data = encoded.getvalue()
        for kept in (1.0, 0.5):
            path = tmp_path / f"quet-{options.get('compression', 'raw')}-{kept}.{kind.lower()}"
            path.write_bytes(data[: int(len(data) * kept)])
            paths.append(path)
            if kept < 1:
                cut_names.append(path.name)
    checked = check_photo_files(paths)
    assert sorted(refusal.name for refusal in checked.refused) == sorted(cut_names)
    assert len(checked.blocks) == 4  # each whole one
