"""Opening an article again (issue 20, item 6): the preview's copies of its
photos come from the workspace's folder, not from the photo processes; a
changed photo, or a damaged copy, is made again; and the checklist's check,
which reads every original, waits until the photos on screen are ready."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

from PIL import Image

from editor.media import FileMedia
from editor.model import ImageBlock
from editor.preview_copies import PreviewCopies
from tests.photos import camera_jpeg

SMALL = (1600, 1200)


def counting_processes(monkeypatch: Any) -> list[str]:
    """The photos a photo process was asked to prepare, by name."""
    import ui.common.image_cache as image_cache

    asked: list[str] = []
    real = image_cache.run_in_process

    def run_in_process(function: Any, args: tuple[Any, ...], *rest: Any, **options: Any) -> None:
        asked.append(args[0].describe())  # the photo, sent by name
        real(function, args, *rest, **options)

    monkeypatch.setattr(image_cache, "run_in_process", run_in_process)
    return asked


def prepared(qtbot: Any, copies: PreviewCopies, block: ImageBlock) -> Any:
    """The photo as a fresh window (another open of the article) gets it."""
    from ui.common.image_cache import ImageCache

    cache = ImageCache(None, copies)
    qtbot.waitUntil(lambda: cache.for_block(block) is not None or cache.error(cache.token_of(block) or "") is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not cache.is_busy())
    result = cache.for_block(block)
    assert result is not None, cache.error(cache.token_of(block) or "")
    return result


def mean_colour(data: bytes) -> tuple[float, ...]:
    return tuple(Image.open(io.BytesIO(data)).convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0)))


def test_a_reopened_article_shows_its_photos_from_the_kept_copies_without_a_photo_process(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.common.workers import wait_for_background_work

    asked = counting_processes(monkeypatch)
    path = tmp_path / "anh.jpg"
    path.write_bytes(camera_jpeg(size=SMALL))
    copies = PreviewCopies(tmp_path / "preview-copies")
    first = prepared(qtbot, copies, ImageBlock(src="anh.jpg", media=FileMedia(path)))
    assert asked == [str(path)]
    wait_for_background_work()  # the copy is written on a worker
    again = prepared(qtbot, copies, ImageBlock(src="anh.jpg", media=FileMedia(path)))
    assert asked == [str(path)], "the reopened article's photo was decoded again"
    assert again.shown == first.shown and again.sizes == first.sizes
    assert again.thumbnail.size() == first.thumbnail.size() and again.thumbnail == first.thumbnail


def test_a_photo_changed_on_disk_gets_a_new_copy(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.common.workers import wait_for_background_work

    asked = counting_processes(monkeypatch)
    path = tmp_path / "anh.jpg"
    path.write_bytes(camera_jpeg(index=0, size=SMALL))
    copies = PreviewCopies(tmp_path / "preview-copies")
    before = prepared(qtbot, copies, ImageBlock(src="anh.jpg", media=FileMedia(path)))
    wait_for_background_work()
    path.write_bytes(camera_jpeg(index=20, size=SMALL))  # another photo under the same name
    after = prepared(qtbot, copies, ImageBlock(src="anh.jpg", media=FileMedia(path)))
    assert asked == [str(path), str(path)]
    assert mean_colour(after.shown.data) != mean_colour(before.shown.data)
    expected = Image.open(io.BytesIO(path.read_bytes())).convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert all(abs(a - b) < 6 for a, b in zip(mean_colour(after.shown.data), expected, strict=True))


def test_a_damaged_kept_copy_is_made_again_not_shown(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.common.workers import wait_for_background_work

    asked = counting_processes(monkeypatch)
    path = tmp_path / "anh.jpg"
    path.write_bytes(camera_jpeg(size=SMALL))
    folder = tmp_path / "preview-copies"
    first = prepared(qtbot, PreviewCopies(folder), ImageBlock(src="anh.jpg", media=FileMedia(path)))
    wait_for_background_work()
    (kept,) = folder.glob("*.copy")
    damaged = bytearray(kept.read_bytes())
    damaged[len(damaged) // 3] ^= 0xFF  # inside the JPEG: shown, it would be a smeared band
    kept.write_bytes(bytes(damaged))
    again = prepared(qtbot, PreviewCopies(folder), ImageBlock(src="anh.jpg", media=FileMedia(path)))
    assert len(asked) == 2, "the damaged copy was shown instead of being made again"
    assert again.shown == first.shown
    wait_for_background_work()
    assert kept.read_bytes() != bytes(damaged)  # and the good copy is kept in its place


def test_the_checklist_waits_for_the_photos_being_prepared(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    import ui.common.image_cache as image_cache
    import ui.window.checklist as checklist_module
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.window.checklist import ChecklistPanel

    release = threading.Event()
    real_read = image_cache._read
    monkeypatch.setattr(image_cache, "_read", lambda *args: (release.wait(30), real_read(*args))[1])
    checks: list[bool] = []  # for each check: were the photos still being prepared?
    real_check = checklist_module.check_article
    cache = ImageCache(None, PreviewCopies(tmp_path / "preview-copies"))

    def check_article(*args: Any) -> Any:
        checks.append(cache.is_busy())
        return real_check(*args)

    monkeypatch.setattr(checklist_module, "check_article", check_article)
    path = tmp_path / "anh.jpg"
    path.write_bytes(camera_jpeg(size=SMALL))
    document = Document()
    block = ImageBlock(src="anh.jpg", media=FileMedia(path), alt="Hội nghị")
    document.replace_blocks(0, 0, [block], "Insert photo")
    cache.for_block(document.article.images()[0])
    panel = ChecklistPanel(document, None, photos=cache)
    qtbot.addWidget(panel)
    qtbot.wait(300)
    assert checks == [], "the check read the photos while the preview's were waiting"
    assert panel.summary.text() != "" and panel.findings == []
    release.set()
    qtbot.waitUntil(lambda: checks != [] and not panel._running, timeout=60_000)
    assert checks == [False]


def test_the_checklist_decodes_no_photo_the_preview_has_converted(qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """An opened article's photos are decoded once, for the preview: the
    checklist, which runs after them, has their width, GPS and camera data
    from that conversion (for 20 photos of 12 MP, 0.8 s of CPU less in the
    window). A photo nothing converted yet, it still reads itself."""
    import editor.checks as checks
    from editor import photo_facts
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.window.checklist import ChecklistPanel

    photo_facts.forget_all()  # as in a new window: no photo read yet
    decoded: list[str] = []
    real_read = checks.read_photo_facts
    monkeypatch.setattr(checks, "read_photo_facts", lambda data, label: (decoded.append(label), real_read(data, label))[1])
    for name, index in (("hop.jpg", 0), ("le-chan.jpg", 1)):
        (tmp_path / name).write_bytes(camera_jpeg(index, size=SMALL, located=True))
    document = Document()
    blocks = [ImageBlock(src=name, media=FileMedia(tmp_path / name), alt="Hội nghị", caption="Hội nghị") for name in ("hop.jpg", "le-chan.jpg")]
    document.replace_blocks(0, 0, blocks, "Insert photos")
    cache = ImageCache(None, PreviewCopies(tmp_path / "preview-copies"))
    cache.for_block(document.article.images()[0])  # the preview shows the first; the second is not prepared
    panel = ChecklistPanel(document, None, photos=cache)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: [f.id for f in panel.findings].count("photo-gps") == 2, timeout=60_000)
    assert decoded == ["le-chan.jpg"]


def test_the_photos_an_opened_article_shows_first_are_made_at_the_window_s_priority(qtbot: Any, qapp: Any) -> None:
    """Those the user waits for run un-niced; the first photo that is not
    urgent (a bulk drop, the rest of a long article) makes its process give
    way to the window from then on."""
    import os

    from ui.common.workers import _PHOTO_PROCESSES, run_in_process

    _PHOTO_PROCESSES._discard()  # a fresh process, as after the app has been idle
    niceness: list[int] = []
    run_in_process(os.nice, (0,), niceness.append, lambda error: niceness.append(-100), urgent=True)
    qtbot.waitUntil(lambda: len(niceness) == 1, timeout=60_000)
    run_in_process(os.nice, (0,), niceness.append, lambda error: niceness.append(-100))
    qtbot.waitUntil(lambda: len(niceness) == 2, timeout=60_000)
    run_in_process(os.nice, (0,), niceness.append, lambda error: niceness.append(-100), urgent=True)
    qtbot.waitUntil(lambda: len(niceness) == 3, timeout=60_000)
    own = os.nice(0)
    assert niceness == [own, min(19, own + 10), min(19, own + 10)]


def test_a_photo_nobody_waits_for_goes_to_the_spare_process_when_the_main_one_is_busy(qtbot: Any, qapp: Any) -> None:
    """The spare photo process makes an opened article's photos two at a
    time on a 2-core PC, at the lowest priority from its start, so that it
    only uses the core the window leaves idle; what the user waits for
    never goes to it."""
    import os
    import time

    from ui.common.workers import _PHOTO_PROCESSES, run_in_process

    _PHOTO_PROCESSES._discard()
    done: dict[str, object] = {}
    failed = lambda error: done.setdefault("error", error)  # noqa: E731
    run_in_process(time.sleep, (1.0,), lambda _: done.setdefault("sleep", True), failed, urgent=True)  # keeps the main process busy
    run_in_process(os.nice, (0,), lambda value: done.setdefault("spare nice", value), failed)
    run_in_process(os.getpid, (), lambda value: done.setdefault("next pid", value), failed)
    run_in_process(os.getpid, (), lambda value: done.setdefault("urgent pid", value), failed, urgent=True)
    qtbot.waitUntil(lambda: len(done) == 4, timeout=60_000)
    assert "error" not in done
    main_pids = set(_PHOTO_PROCESSES._main._processes)  # type: ignore[union-attr]
    spare_pids = set(_PHOTO_PROCESSES._spare._processes)  # type: ignore[union-attr]
    assert done["spare nice"] == min(19, os.nice(0) + 10)  # given way from its start
    assert len(spare_pids) == 1 and not spare_pids & main_pids
    assert done["next pid"] in main_pids  # the spare had one already
    assert done["urgent pid"] in main_pids
