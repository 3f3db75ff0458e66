"""The preview's copies kept on disk (editor/preview_copies.py): what is
stored comes back whole, a copy is found only by what it was made from, and
a damaged file is never handed back."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from PIL import Image

from editor.images import prepare_preview
from editor.model import Crop
from editor.preview_copies import PreviewCopies, copy_key
from tests.photos import camera_jpeg

SMALL = (1200, 900)  # big enough for a reduced copy, quick to convert


def key_of(data: bytes, rotate: int = 0, crop: Crop | None = None, shown: int = 728) -> str:
    return copy_key(hashlib.sha256(data).hexdigest(), len(data), rotate, crop, shown, 1600, 160)


def test_a_stored_copy_comes_back_with_the_same_pixels_sizes_and_thumbnail(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    photo = prepare_preview(original, "anh.jpg", 728)
    copies = PreviewCopies(tmp_path / "copies")
    copies.store(key_of(original), photo)
    # Another run of the app, the same folder.
    kept = PreviewCopies(tmp_path / "copies").load(key_of(original))
    assert kept == photo
    assert kept.facts is not None  # and the checklist of an article opened again decodes no original
    assert Image.open(io.BytesIO(kept.shown.data)).size == (kept.shown.width, kept.shown.height)


def test_a_copy_is_found_only_for_the_same_bytes_and_the_same_edits(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    copies = PreviewCopies(tmp_path)
    copies.store(key_of(original), prepare_preview(original, "anh.jpg", 728))
    changed = camera_jpeg(index=3, size=SMALL)  # the photo replaced under the same name
    assert copies.load(key_of(changed)) is None
    assert copies.load(key_of(original, rotate=90)) is None
    assert copies.load(key_of(original, crop=Crop(0.1, 0.1, 0.5, 0.5))) is None
    assert copies.load(key_of(original, shown=1456)) is None  # a screen of pixel ratio 2 wants a wider copy
    assert copies.load(key_of(original)) is not None


def test_a_damaged_copy_is_removed_and_never_handed_back(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    copies = PreviewCopies(tmp_path)
    key = key_of(original)
    copies.store(key, prepare_preview(original, "anh.jpg", 728))
    (path,) = tmp_path.glob("*.copy")
    data = bytearray(path.read_bytes())
    data[-5000] ^= 0xFF  # one flipped byte in the photo's pixels
    path.write_bytes(bytes(data))
    assert copies.load(key) is None
    assert not path.exists()  # made again next time, not found damaged again
    for damaged in (b"", b"toasoan-preview-copy\n{", bytes(data[: len(data) // 2])):  # empty, torn header, torn by a power cut
        path.write_bytes(damaged)
        assert copies.load(key) is None


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    copies = PreviewCopies(blocked / "copies")
    copies.store(key_of(original), prepare_preview(original, "anh.jpg", 728))
    assert copies.load(key_of(original)) is None


def test_the_least_recently_used_copies_go_first_when_the_folder_is_full(tmp_path: Path) -> None:
    copies = PreviewCopies(tmp_path)
    photos = [camera_jpeg(index, size=(800, 600)) for index in range(3)]
    for age, original in enumerate(photos):
        copies.store(key_of(original), prepare_preview(original, "anh.jpg", 728))
        path = tmp_path / f"{key_of(original)}.copy"
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    assert copies.load(key_of(photos[0])) is not None  # used now: the newest
    size = sum(path.stat().st_size for path in tmp_path.glob("*.copy"))
    copies.prune(max_bytes=size - 1)
    assert copies.load(key_of(photos[1])) is None  # the oldest went
    assert copies.load(key_of(photos[0])) is not None
    assert copies.load(key_of(photos[2])) is not None


def test_a_draft_s_copy_at_another_width_is_found_nearest_above_first() -> None:
    """A screen at 125 % (910 px) takes the 1092 px copy over the 728 px one
    (shrunk, not blurred); at 200 % (1456 px) the widest there is; another
    crop's copies never stand in."""
    from editor.preview_copies import draft_member, draft_name, nearest_width

    sha = "ab" * 32
    uncropped = [draft_member(sha, draft_name(0, None, width, 1600, 160)) for width in (728, 1092)]
    cropped = draft_member(sha, draft_name(0, Crop(0.1, 0.1, 0.5, 0.5), 1456, 1600, 160))
    members = [*uncropped, cropped, draft_member("cd" * 32, draft_name(0, None, 910, 1600, 160))]
    assert nearest_width(members, sha, draft_name(0, None, 910, 1600, 160)) == uncropped[1]
    assert nearest_width(members, sha, draft_name(0, None, 1456, 1600, 160)) == uncropped[1]
    assert nearest_width(members, sha, draft_name(0, None, 600, 1600, 160)) == uncropped[0]
    assert nearest_width(members, sha, draft_name(90, None, 728, 1600, 160)) is None
    assert nearest_width(members, sha, draft_name(0, Crop(0.1, 0.1, 0.5, 0.5), 728, 1600, 160)) == cropped


def test_a_draft_s_copies_are_read_back_by_width_and_the_saver_s_first(tmp_path: Path) -> None:
    """What the window reads of a saved draft: the copy of its width, else
    the nearest; for the library, the first the saver wrote; nothing from a
    draft that carries none, and no member past the size a copy can have."""
    import pytest

    from editor import preview_copies
    from editor.draft import load_draft, save_draft
    from editor.media import FileMedia
    from editor.model import Article, ImageBlock
    from editor.preview_copies import carried_copy, draft_name, first_carried_copy, serialize

    original = camera_jpeg(size=SMALL)
    (tmp_path / "anh.jpg").write_bytes(original)
    made = {width: prepare_preview(original, "anh.jpg", width) for width in (728, 1092)}
    draft = tmp_path / "bai.article"
    article = Article(title="Ảnh", blocks=[ImageBlock(src="anh.jpg", alt="Ảnh", media=FileMedia(tmp_path / "anh.jpg"))])
    save_draft(article, draft, preview_copy_of=lambda block, length: (draft_name(0, None, 1092, 1600, 160), serialize(made[1092])))
    reopened = load_draft(draft)
    save_draft(reopened, draft, preview_copy_of=lambda block, length: (draft_name(0, None, 728, 1600, 160), serialize(made[728])))
    media = load_draft(draft).images()[0].media
    assert isinstance(media, preview_copies.ArchiveMedia)
    sha = hashlib.sha256(original).hexdigest()
    assert carried_copy(media, sha, draft_name(0, None, 728, 1600, 160)) == made[728]
    assert carried_copy(media, sha, draft_name(0, None, 910, 1600, 160)) == made[1092]  # nearest above
    assert carried_copy(media, sha, draft_name(90, None, 728, 1600, 160)) is None  # no copy of the photo turned
    assert first_carried_copy(draft, sha) == made[728]  # the last save's own
    assert first_carried_copy(draft, "00" * 32) is None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(preview_copies, "MAX_CARRIED_BYTES", len(serialize(made[728])) - 1)
        assert carried_copy(media, sha, draft_name(0, None, 728, 1600, 160)) is None
