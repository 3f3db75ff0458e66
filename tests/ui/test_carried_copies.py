"""A draft saved by the window carries its photos' preview copies (issue
20, item 6): a colleague who opens it, with none of its copies kept, sees
its photos without waiting for 20 originals to be decoded. The copies are
the sender's, so each is made again from its original afterwards, and one
that differs (another version's conversion, a draft made by hand) gives
way to this app's own, in the form and in the preview."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image

from editor.draft import load_draft, save_draft
from editor.media import FileMedia
from editor.model import Article, ImageBlock
from editor.preview_copies import DRAFT_FOLDER, PreviewCopies, serialize
from tests.photos import camera_jpeg
from tests.ui.conftest import open_article, wait_until_dom

SMALL = (1600, 1200)


def mean_colour(data: bytes) -> tuple[int, ...]:
    return tuple(Image.open(io.BytesIO(data)).convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0)))


def close(one: tuple[int, ...], other: tuple[int, ...]) -> bool:
    return all(abs(a - b) < 8 for a, b in zip(one, other, strict=True))


def held_processes(monkeypatch: Any) -> list[tuple[Any, ...]]:
    """The photo-process jobs the cache asks for, held until the test runs them."""
    import ui.common.image_cache as image_cache

    held: list[tuple[Any, ...]] = []
    monkeypatch.setattr(image_cache, "run_in_process", lambda *args, **options: held.append((args, options)))
    return held


def run_held(held: list[tuple[Any, ...]]) -> None:
    from ui.common.workers import run_in_process

    for args, options in held:
        run_in_process(*args, **options)
    held.clear()


def made_copy(qtbot: Any, copies: PreviewCopies, block: ImageBlock) -> Any:
    """The photo's copy as the window makes it (and keeps it in ``copies``)."""
    from ui.common.image_cache import ImageCache
    from ui.common.workers import wait_for_background_work

    cache = ImageCache(None, copies)
    qtbot.waitUntil(lambda: cache.for_block(block) is not None, timeout=60_000)
    wait_for_background_work()  # the copy is written on a worker
    return cache.for_block(block)


def sent_photo(qtbot: Any, tmp_path: Path) -> tuple[Path, PreviewCopies, Any]:
    """A camera photo on the sender's computer, its copy made and kept there."""
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(camera_jpeg(size=SMALL))
    sender = PreviewCopies(tmp_path / "sender-copies")
    return photo, sender, made_copy(qtbot, sender, ImageBlock(src="anh.jpg", media=FileMedia(photo)))


def article_with(path: Path) -> Article:
    return Article(title="Hội nghị", blocks=[ImageBlock(src=path.name, media=FileMedia(path), alt="Hội nghị")])


def test_an_opened_draft_shows_the_copies_it_carries_before_any_photo_is_decoded(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.common.image_cache import ImageCache, draft_copies, shown_width

    photo, sender, sent = sent_photo(qtbot, tmp_path)
    draft = tmp_path / "bai.article"
    save_draft(article_with(photo), draft, preview_copy_of=draft_copies(sender, shown_width()))
    with zipfile.ZipFile(draft) as archive:
        carried = [name for name in archive.namelist() if name.startswith(DRAFT_FOLDER)]
        assert len(carried) == 1
        assert archive.getinfo(carried[0]).compress_type == zipfile.ZIP_DEFLATED

    held = held_processes(monkeypatch)
    receiver = PreviewCopies(tmp_path / "receiver-copies")  # a colleague's computer: none of its copies kept
    block = load_draft(draft).images()[0]
    cache = ImageCache(None, receiver)
    qtbot.waitUntil(lambda: cache.for_block(block) is not None, timeout=60_000)
    shown = cache.for_block(block)
    assert shown.shown == sent.shown and shown.sizes == sent.sizes and shown.thumbnail == sent.thumbnail
    assert not cache.is_busy()
    (check,) = held  # made again from the original only once every photo is shown, and not urgent
    assert check[1] == {"urgent": False}
    token = cache.token_of(block)
    with qtbot.assertNotEmitted(cache.ready, wait=0):
        run_held(held)
        qtbot.waitUntil(lambda: list(receiver.folder.glob("*.copy")) != [], timeout=60_000)
    assert cache.token_of(block) == token, "a copy that was right was shown again"


def test_a_carried_copy_unlike_its_photo_is_replaced_by_the_photo_s_own(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.common.image_cache import ImageCache, draft_copies, shown_width

    photo, other = tmp_path / "anh.jpg", tmp_path / "khac.jpg"
    photo.write_bytes(camera_jpeg(index=0, size=SMALL))
    other.write_bytes(camera_jpeg(index=20, size=SMALL))
    assert not close(mean_colour(photo.read_bytes()), mean_colour(other.read_bytes()))
    sender = PreviewCopies(tmp_path / "sender-copies")
    made_copy(qtbot, sender, ImageBlock(src="khac.jpg", media=FileMedia(other)))
    (other_copy,) = sender.folder.glob("*.copy")
    honest = draft_copies(sender, shown_width())

    def forged(block: ImageBlock, length: int) -> tuple[str, bytes] | None:
        """The right name for the photo, another photo's pixels in it."""
        key_of_photo = honest(block, length)
        assert key_of_photo is None  # nothing made of the photo itself
        from editor.preview_copies import draft_name
        from ui.common.image_cache import DEFAULT_MAX_SIZE, THUMBNAIL_SIZE

        key = draft_name(0, None, shown_width(), DEFAULT_MAX_SIZE, THUMBNAIL_SIZE)
        return key, other_copy.read_bytes()

    draft = tmp_path / "bai.article"
    save_draft(article_with(photo), draft, preview_copy_of=forged)
    block = load_draft(draft).images()[0]
    cache = ImageCache(None, PreviewCopies(tmp_path / "receiver-copies"))
    qtbot.waitUntil(lambda: cache.for_block(block) is not None, timeout=60_000)
    assert close(mean_colour(cache.for_block(block).shown.data), mean_colour(other.read_bytes()))
    first_token = cache.token_of(block)
    with qtbot.waitSignal(cache.ready, timeout=60_000) as replaced:
        pass
    assert replaced.args == [cache.token_of(block)] and cache.token_of(block) != first_token
    assert close(mean_colour(cache.for_block(block).shown.data), mean_colour(photo.read_bytes()))


def test_the_window_saves_its_copies_into_the_draft_and_a_colleague_opens_it_from_them(
        qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: Any) -> None:
    """The whole path: the example's three photos, saved by the window,
    opened in a window whose copies were all lost (a colleague's), shown
    in the preview before any photo process has been asked for one."""
    open_article(qtbot, window, example_copy)
    qtbot.waitUntil(lambda: not window.images.is_busy(), timeout=60_000)
    target = tmp_path / "bai.article"
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    saved: list[bool] = []
    window.files.save_as(then=lambda: saved.append(True))
    qtbot.waitUntil(lambda: saved == [True], timeout=30_000)
    with zipfile.ZipFile(target) as archive:
        assert len([name for name in archive.namelist() if name.startswith(DRAFT_FOLDER)]) == 3
    window.images._content.clear()  # as in another window: nothing prepared in memory
    shutil.rmtree(window.images._copies.folder)  # nor kept on disk
    held = held_processes(monkeypatch)
    open_article(qtbot, window, target)
    images = "Array.from(document.querySelectorAll('.article-body img'))"
    wait_until_dom(qtbot, window.preview, f"{images}.filter(i => i.complete && i.naturalWidth > 0).length", 3, timeout=30_000)
    assert all(args[1] == {"urgent": False} for args in held), "a photo waited for a photo process"
    assert len(held) == 3  # each made again afterwards


def test_a_damaged_or_oversized_carried_copy_is_ignored_and_the_photo_made_from_its_original(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from editor.preview_copies import MAX_CARRIED_BYTES, draft_name
    from ui.common.image_cache import DEFAULT_MAX_SIZE, THUMBNAIL_SIZE, ImageCache, shown_width
    from ui.common.workers import wait_for_background_work

    photo, sender, good = sent_photo(qtbot, tmp_path)
    (kept,) = sender.folder.glob("*.copy")
    damaged = bytearray(kept.read_bytes())
    damaged[len(damaged) // 3] ^= 0xFF
    # A damaged copy; and a whole one, past the size a copy can have (here
    # made smaller than the copy, which a photo process does not check).
    for member, cap in ((bytes(damaged), MAX_CARRIED_BYTES), (kept.read_bytes(), kept.stat().st_size - 1)):
        monkeypatch.setattr("editor.preview_copies.MAX_CARRIED_BYTES", cap)
        draft = tmp_path / "bai.article"
        save_draft(article_with(photo), draft, preview_copy_of=lambda block, length, member=member: (
            draft_name(0, None, shown_width(), DEFAULT_MAX_SIZE, THUMBNAIL_SIZE), member))
        block = load_draft(draft).images()[0]
        cache = ImageCache(None, PreviewCopies(tmp_path / "receiver-copies"))
        qtbot.waitUntil(lambda cache=cache, block=block: cache.for_block(block) is not None, timeout=60_000)
        assert cache.for_block(block).shown == good.shown  # the original's own copy
        wait_for_background_work()  # it is kept: gone again before the next draft is opened
        shutil.rmtree(tmp_path / "receiver-copies")


def test_a_carried_copy_of_a_photo_that_cannot_be_decoded_gives_way_to_the_error(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """Shown at first (nothing is decoded before), then the photo is found
    damaged: the preview and the form show the error, as for any damaged
    photo, and the checklist reads the photo again."""
    from editor import photo_facts
    from editor.preview_copies import draft_name
    from ui.common.image_cache import DEFAULT_MAX_SIZE, THUMBNAIL_SIZE, ImageCache, shown_width

    good, sender, _ = sent_photo(qtbot, tmp_path)
    (kept,) = sender.folder.glob("*.copy")
    damaged = tmp_path / "hong.jpg"
    damaged.write_bytes(good.read_bytes()[:2000])  # cut short: the header is there, the pixels are not
    draft = tmp_path / "bai.article"
    save_draft(article_with(damaged), draft, preview_copy_of=lambda block, length: (
        draft_name(0, None, shown_width(), DEFAULT_MAX_SIZE, THUMBNAIL_SIZE), kept.read_bytes()))
    block = load_draft(draft).images()[0]
    photo_facts.remember(block.media.sha256, parse_facts(kept))
    cache = ImageCache(None, PreviewCopies(tmp_path / "receiver-copies"))
    shown: list[str] = []
    cache.ready.connect(shown.append)
    with qtbot.waitSignal(cache.failed, timeout=60_000) as failed:
        cache.for_block(block)
    assert len(shown) == 1 and shown[0] != failed.args[0]  # the carried copy, under the name it had
    assert failed.args[0] == cache.token_of(block)
    assert cache.for_block(block) is None and cache.error(cache.token_of(block))
    assert photo_facts.known(block.media.sha256) is None  # the checklist reads it itself


def parse_facts(copy: Path) -> Any:
    from editor.preview_copies import parse

    photo = parse(copy.read_bytes())
    assert photo is not None and photo.facts is not None
    return photo.facts


def test_a_colleague_at_another_scale_sees_the_nearest_copy_at_once_then_this_screen_s(
        qtbot: Any, qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The writer's screen at 100 % (728 px copies), the reviewer's at 150 %
    (1092 px): the reviewer sees the 728 px copy at once, then this screen's,
    and saves the draft with both."""
    import ui.common.image_cache as image_cache
    from ui.common.image_cache import ImageCache, draft_copies

    monkeypatch.setattr(image_cache, "shown_width", lambda: 728)
    photo, writer, _ = sent_photo(qtbot, tmp_path)
    draft = tmp_path / "bai.article"
    save_draft(article_with(photo), draft, preview_copy_of=draft_copies(writer, 728))

    monkeypatch.setattr(image_cache, "shown_width", lambda: 1092)
    reviewer = PreviewCopies(tmp_path / "reviewer-copies")
    article = load_draft(draft)
    block = article.images()[0]
    cache = ImageCache(None, reviewer)
    qtbot.waitUntil(lambda: cache.for_block(block) is not None, timeout=60_000)
    assert cache.for_block(block).shown.width == 728  # the writer's, shown before anything is decoded
    first = cache.token_of(block)
    qtbot.waitUntil(lambda: cache.token_of(block) != first, timeout=60_000)
    assert cache.for_block(block).shown.width == 1092
    from ui.common.workers import wait_for_background_work

    wait_for_background_work()  # this screen's copy is kept
    save_draft(article, draft, preview_copy_of=cache.draft_copies())
    with zipfile.ZipFile(draft) as archive:
        widths = sorted(name.rsplit("-", 1)[1] for name in archive.namelist() if name.startswith(DRAFT_FOLDER))
    assert widths == ["1092.copy", "728.copy"]


def draft_with_copy(tmp_path: Path, photo: Path, copy: Any, width: int) -> Path:
    """A draft of ``photo`` carrying ``copy`` (a PreviewPhoto) as its copy at ``width``."""
    from editor.preview_copies import draft_name
    from ui.common.image_cache import DEFAULT_MAX_SIZE, THUMBNAIL_SIZE

    draft = tmp_path / "bai.article"
    save_draft(article_with(photo), draft, preview_copy_of=lambda block, length: (
        draft_name(0, None, width, DEFAULT_MAX_SIZE, THUMBNAIL_SIZE), serialize(copy)))
    return draft


def test_a_photo_made_again_for_this_screen_takes_the_place_of_the_one_shown_without_a_blank(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The reviewer's screen shows 728 px, the draft carries 1092 px (a
    colleague at 150 %): the wider copy is shown at once; when this screen's
    is made the same <img> takes it, so the picture never leaves the screen
    for a grey box while the new one loads."""
    from editor.images import prepare_preview
    from tests.ui.conftest import js

    photo = tmp_path / "anh.jpg"
    photo.write_bytes(camera_jpeg(size=SMALL))
    draft = draft_with_copy(tmp_path, photo, prepare_preview(photo.read_bytes(), "anh.jpg", 1092), 1092)
    shutil.rmtree(window.images._copies.folder, ignore_errors=True)
    held = held_processes(monkeypatch)
    open_article(qtbot, window, draft)
    image = "document.querySelector('.article-body img')"
    carried = window.images.token_of(window.document.article.images()[0])
    assert window.images.for_block(window.document.article.images()[0]).shown.width == 1092
    loaded = f"{image}.complete && {image}.naturalWidth > 0 && {image}.currentSrc.split('/').pop()"
    wait_until_dom(qtbot, window.preview, loaded, carried, timeout=30_000)
    assert js(qtbot, window.preview, f"{image}.marked = true") is True
    assert len(held) == 1
    run_held(held)
    qtbot.waitUntil(lambda: window.images.token_of(window.document.article.images()[0]) != carried, timeout=30_000)
    made = window.images.token_of(window.document.article.images()[0])
    assert window.images.for_block(window.document.article.images()[0]).shown.width == 728
    wait_until_dom(qtbot, window.preview, loaded, made, timeout=30_000)
    assert js(qtbot, window.preview, f"{image}.marked === true") is True, "the <img> was replaced: a blank box until it loaded"


def test_findings_from_a_carried_copy_that_proved_wrong_go_once_the_photo_is_made_again(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A copy that says its photo is 100 px wide and carries GPS data,
    carried for a 1600 px photo without any: the checklist first goes by
    it, then by the photo, without anyone typing."""
    import dataclasses

    from editor import photo_facts
    from editor.images import prepare_preview
    from ui.common.image_cache import shown_width
    from ui.window.checklist import PAUSE_MS

    photo = tmp_path / "anh.jpg"
    photo.write_bytes(camera_jpeg(size=SMALL))
    true_copy = prepare_preview(photo.read_bytes(), "anh.jpg", shown_width())
    assert true_copy.facts is not None and not true_copy.facts.has_gps
    false_facts = dataclasses.replace(true_copy.facts, width=100, height=75, has_gps=True)
    draft = draft_with_copy(tmp_path, photo, dataclasses.replace(true_copy, facts=false_facts), shown_width())
    shutil.rmtree(window.images._copies.folder, ignore_errors=True)
    photo_facts.forget_all()
    held = held_processes(monkeypatch)
    open_article(qtbot, window, draft)
    panel = window.checklist
    qtbot.waitUntil(lambda: {"photo-too-narrow", "photo-gps"} <= {f.id for f in panel.findings}, timeout=30_000)
    qtbot.wait(PAUSE_MS + 500)  # every check the open asked for is over: the findings stay as they are
    assert {"photo-too-narrow", "photo-gps"} <= {f.id for f in panel.findings} and not panel._running
    run_held(held)
    qtbot.waitUntil(lambda: not {"photo-too-narrow", "photo-gps"} & {f.id for f in panel.findings}
                    and not panel._running, timeout=30_000)
