"""The photo processes' job (editor/photo_jobs.py): a photo on disk or in a
draft is sent to its process by name and read there, and comes back as
the same preview copy its bytes would have made."""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import pytest

from editor.errors import ImageError
from editor.images import prepare_preview
from editor.media import ArchiveMedia, FileMedia, MemoryMedia
from editor.photo_jobs import prepare_preview_of
from tests.photos import camera_jpeg

SMALL = (1200, 900)


def draft_with(tmp_path: Path, member: str, data: bytes) -> Path:
    draft = tmp_path / "bai.article"
    with zipfile.ZipFile(draft, "w") as archive:
        archive.writestr(member, data)
    return draft


def test_a_photo_read_by_its_process_is_the_copy_its_bytes_make(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    (tmp_path / "anh.jpg").write_bytes(original)
    member = "media/anh.jpg"
    for media in (FileMedia(tmp_path / "anh.jpg"), ArchiveMedia(draft_with(tmp_path, member, original), member), MemoryMedia(original)):
        sent = pickle.loads(pickle.dumps(media))  # as the pool sends it
        assert prepare_preview_of(sent, len(original), 728) == prepare_preview(original, media.describe(), 728)


def test_a_photo_on_disk_or_in_a_draft_crosses_the_pipe_as_its_name(tmp_path: Path) -> None:
    original = camera_jpeg(size=SMALL)
    (tmp_path / "anh.jpg").write_bytes(original)
    media = FileMedia(tmp_path / "anh.jpg")
    media.read_hashed()  # the window hashed it first
    for named in (media, ArchiveMedia(draft_with(tmp_path, "media/anh.jpg", original), "media/anh.jpg")):
        assert len(pickle.dumps(named)) < 1000 < len(original)


def test_a_photo_changed_since_the_window_read_it_is_refused_with_its_name(tmp_path: Path) -> None:
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(camera_jpeg(size=SMALL))
    read_by_the_window = len(photo.read_bytes())
    photo.write_bytes(camera_jpeg(size=(640, 480)))  # replaced by another program meanwhile
    with pytest.raises(ImageError) as refused:
        prepare_preview_of(FileMedia(photo), read_by_the_window, 728)
    assert "anh.jpg changed while it was being read" in str(refused.value)


def test_a_photo_gone_since_the_window_read_it_says_so(tmp_path: Path) -> None:
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(camera_jpeg(size=SMALL))
    size = photo.stat().st_size
    photo.unlink()
    with pytest.raises(ImageError) as refused:
        prepare_preview_of(FileMedia(photo), size, 728)
    assert "cannot read the image" in str(refused.value)
