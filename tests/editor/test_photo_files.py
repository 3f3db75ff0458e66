"""Photo files coming in (editor/photo_files.py): readable photos become
image blocks in the order given; anything else is refused with the reason
the window shows, and no block is made for it."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from editor.errors import EMPTY_FILE, IMAGE_DAMAGED, NOT_A_FILE, NOT_AN_IMAGE
from editor.photo_files import check_photo_files
from tests.helpers import photo_bytes


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
