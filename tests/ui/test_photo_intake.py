"""Photos coming into the window (issue 20): decoded in the photo
processes, never on the UI thread; their widgets built one at a time
between turns of the event loop; and the preview sent copies no wider than
it shows them, not the export's 1600 px."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QTimer

from editor.media import FileMedia
from editor.model import ImageBlock
from tests.photos import camera_jpeg
from tests.ui.conftest import js, wait_until_dom
from tests.ui.photo_spy import spy_file


def camera_photos(folder: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        path = folder / f"anh-{index + 1:02d}.jpg"
        path.write_bytes(camera_jpeg(index))
        paths.append(str(path))
    return paths


def all_prepared(window: Any, count: int) -> bool:
    images = window.document.article.images()
    return len(images) == count and all(window.images.for_block(b) is not None for b in images)


def test_photos_are_decoded_in_a_photo_process_not_on_the_ui_thread(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import tests.ui.photo_spy as spy

    notes = spy_file(os.getpid())
    notes.unlink(missing_ok=True)
    monkeypatch.setattr("ui.common.image_cache.prepare_preview_of", spy.prepare_preview_noting_where)
    paths = camera_photos(tmp_path, 2)
    window.composer.blocks.files_dropped.emit(paths, 0)
    qtbot.waitUntil(lambda: all_prepared(window, 2), timeout=120_000)
    where = [line.split() for line in notes.read_text(encoding="utf-8").splitlines()]
    notes.unlink()
    assert len(where) == 2
    assert all(int(pid) != os.getpid() for pid, _ in where), "a photo was decoded in the window's own process"
    assert threading.main_thread().ident not in {int(thread) for _, thread in where if int(_) == os.getpid()}
    # And what came back is whole: the thumbnail shows in the form.
    segment = window.composer.blocks.segment_of(window.document.article.images()[0].id)
    qtbot.waitUntil(lambda: segment.thumbnail.pixmap() is not None and not segment.thumbnail.pixmap().isNull())


def test_a_drop_of_photos_builds_their_widgets_one_per_turn_of_the_event_loop(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.form.block_widgets import ImageSegment

    paths = camera_photos(tmp_path, 6)
    blocks = window.composer.blocks
    built_per_turn: list[int] = []

    def count() -> int:
        return sum(isinstance(segment, ImageSegment) for segment in blocks.segments())

    last = [0]

    def turn() -> None:  # a timer of the event loop: it runs between batches or not at all
        now = count()
        built_per_turn.append(now - last[0])
        last[0] = now

    ticker = QTimer(window)
    ticker.setInterval(1)
    ticker.timeout.connect(turn)
    ticker.start()
    blocks.files_dropped.emit(paths, 0)
    qtbot.waitUntil(lambda: count() == 6 and blocks.is_complete(), timeout=60_000)
    ticker.stop()
    turn()
    assert sum(built_per_turn) == 6
    assert max(built_per_turn) == 1, f"segments built between two turns of the event loop: {built_per_turn}"


def test_the_preview_is_sent_a_copy_no_wider_than_it_shows_the_photo(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.common.image_cache import PREVIEW_PHOTO_WIDTH

    path = tmp_path / "anh.jpg"
    path.write_bytes(camera_jpeg())
    block = ImageBlock(src="anh.jpg", media=FileMedia(path), alt="Hội nghị")
    window.composer.blocks.insert_blocks([block], "Insert photo")
    qtbot.waitUntil(lambda: window.images.for_block(block) is not None, timeout=60_000)
    image = f"document.querySelector('[data-block=\"{block.id}\"] img')"
    wait_until_dom(qtbot, window.preview, f"{image}.complete && {image}.naturalWidth > 0", True, timeout=30_000)
    # The page keeps the export's sizes...
    assert js(qtbot, window.preview, f"{image}.getAttribute('width')") == "1600"
    # ...and lays the photo out no wider than the column the copy is made for.
    shown_css = js(qtbot, window.preview, f"{image}.getBoundingClientRect().width")
    assert shown_css <= PREVIEW_PHOTO_WIDTH + 0.5
    ratio = window.preview.devicePixelRatioF()
    sent = Image.open(io.BytesIO(window.images.for_block(block).shown.data))
    assert sent.width <= PREVIEW_PHOTO_WIDTH * ratio < 1600, f"the preview was sent {sent.size} for a photo shown {shown_css} px wide"
    assert abs(sent.width / sent.height - 4 / 3) < 0.01  # the whole photo, upright


def test_the_window_holds_only_a_few_originals_at_a_time_while_photos_are_prepared(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import ui.common.image_cache as image_cache

    paths = camera_photos(tmp_path, 6)
    real_read = image_cache._read
    held = [0, 0]  # originals read and not yet prepared; the most at once

    def read(*args: Any) -> Any:
        held[0] += 1  # on a worker thread; the UI thread lowers it
        held[1] = max(held[1], held[0])
        return real_read(*args)

    monkeypatch.setattr(image_cache, "_read", read)
    window.images.ready.connect(lambda token: held.__setitem__(0, held[0] - 1))
    window.composer.blocks.files_dropped.emit(paths, 0)
    qtbot.waitUntil(lambda: all_prepared(window, 6), timeout=120_000)
    # Each original is 5 MB: all six read at once would be 30 MB waiting in the window.
    assert held[1] <= image_cache.IN_FLIGHT < 6


def test_a_photo_process_that_dies_fails_its_photo_and_the_next_photo_gets_a_new_one(qtbot: Any, qapp: Any) -> None:
    import tests.ui.photo_spy as spy
    from ui.common.workers import run_in_process

    results: list[Any] = []
    run_in_process(spy.crash, (), results.append, lambda error: results.append(error.problems[0]))
    qtbot.waitUntil(lambda: len(results) == 1, timeout=60_000)
    assert "crashed" in results[0]
    run_in_process(spy.process_id, (), results.append, lambda error: results.append(error.problems[0]))
    qtbot.waitUntil(lambda: len(results) == 2, timeout=60_000)
    assert isinstance(results[1], int) and results[1] != os.getpid()
