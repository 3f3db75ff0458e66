"""The facts the checklist knows of a photo (editor/photo_facts.py) are the
same whether the preview's conversion learnt them or the checklist read
the photo itself: the window's checklist trusts the conversion's, and a
wrong width, a GPS tag missed or a damaged photo called readable would be
a wrong finding in front of the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor import photo_facts
from editor.errors import ImageError
from editor.images import prepare_preview, read_photo_facts
from tests.helpers import CORPUS
from tests.photos import camera_jpeg

PILLOW = CORPUS / "images-pillow"
SHOWN_WIDTH = 728


def test_the_conversion_of_a_phone_photo_learns_what_the_checklist_would_read() -> None:
    data = camera_jpeg(located=True)  # 12 MP, stored sideways (EXIF orientation 6), GPS and camera data
    learnt = prepare_preview(data, "anh.jpg", SHOWN_WIDTH).facts
    assert learnt == read_photo_facts(data, "anh.jpg")
    assert learnt == photo_facts.PhotoFacts(4000, 3000, has_gps=True, has_camera=True)  # stored 3000 × 4000, upright 4000 wide


@pytest.mark.parametrize("path", sorted((PILLOW / "good").glob("*.jpg")) + sorted((PILLOW / "either").glob("*.jpg")),
                         ids=lambda path: path.name)
def test_what_a_conversion_learns_of_pillow_s_jpegs_is_what_the_checklist_reads(path: Path) -> None:
    """Orientations 2-8, GPS tags broken and whole, CMYK, junk before the header."""
    data = path.read_bytes()
    try:
        learnt = prepare_preview(data, path.name, SHOWN_WIDTH).facts
    except ImageError:
        assert read_photo_facts(data, path.name).unreadable, "the preview refused a photo the checklist calls readable"
        return
    if path.parent.name == "good":  # each of these a camera's or an editor's JPEG: the window needs no second decode
        assert learnt is not None
    if learnt is not None:  # None: a photo the conversion did not decode whole; the checklist reads it itself
        assert learnt == read_photo_facts(data, path.name)


def test_a_truncated_jpeg_gives_no_facts_and_the_checklist_finds_it_unreadable() -> None:
    data = (PILLOW / "bad" / "truncated_jpeg.jpg").read_bytes()
    with pytest.raises(ImageError):
        prepare_preview(data, "truncated_jpeg.jpg", SHOWN_WIDTH)
    assert read_photo_facts(data, "truncated_jpeg.jpg") == photo_facts.UNREADABLE
