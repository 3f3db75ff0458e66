"""The window's export uses the core's rule: answering "Replace it?" with
Yes never deletes a folder that is not a previous export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from tests.helpers import tree_files


def test_replacing_the_drafts_folder_from_the_window_is_refused_and_deletes_nothing(
    window: Any, qtbot: Any, tmp_path: Path, message_boxes: Any, monkeypatch: Any
) -> None:
    folder = tmp_path / "bai-viet"
    folder.mkdir()
    (folder / "bai.article").write_bytes(b"PK the user's draft")
    (folder / "anh.jpg").write_bytes(b"the user's photo")
    before = tree_files(folder)
    message_boxes.answer = QMessageBox.StandardButton.Yes
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(folder), ""))
    with qtbot.waitSignal(window.files.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        window.files.export_dialog()
    assert ("question", "Export", "“bai-viet” already exists. Replace it?") in message_boxes.shown
    warnings = [text for kind, _, text in message_boxes.shown if kind == "warning"]
    assert len(warnings) == 1
    assert "That folder holds other files, so it was left as it was. Export into a new or empty folder." in warnings[0]
    assert tree_files(folder) == before


def test_inserting_a_fifo_or_a_photo_too_big_for_memory_refuses_each_in_plain_words(
    window: Any, qtbot: Any, tmp_path: Path, message_boxes: Any, monkeypatch: Any
) -> None:
    import os

    from PIL import Image

    from editor.images import PHOTO_MEMORY

    monkeypatch.setattr(PHOTO_MEMORY, "budget", 16 * 1_000_000)  # a computer that can spare 1 MP a photo
    big = tmp_path / "lon.png"
    Image.new("RGB", (2000, 1000), "navy").save(big)
    fifo = tmp_path / "ong.jpg"
    os.mkfifo(fifo)
    blocks_before = len(window.document.article.blocks)
    window.intake.import_images([big, fifo], None)
    qtbot.waitUntil(lambda: any(kind == "warning" for kind, _, _ in message_boxes.shown), timeout=20_000)
    (text,) = [text for kind, _, text in message_boxes.shown if kind == "warning"]
    assert "lon.png: The photo is too big for this computer's memory. Make it smaller in a photo editor, or choose another one." in text
    assert "ong.jpg: That is not an ordinary file (a device, a pipe or a folder). Choose a file." in text
    assert len(window.document.article.blocks) == blocks_before
