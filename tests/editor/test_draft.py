""".article drafts: one zip, images stored once and untouched, atomic saves,
and every broken file refused with one clear error."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from editor import atomic
from editor.article_format import load_article_json
from editor.draft import load_draft, save_draft
from editor.errors import DraftFileError, FormatError, SaveError, UnsupportedVersionError
from editor.media import FileMedia
from editor.model import Article, ImageBlock, ParagraphBlock
from tests.helpers import minimal_article, photo_bytes, write_article_dir


@pytest.fixture
def article(tmp_path: Path) -> Article:
    data = minimal_article()
    # The same photo twice: stored once.
    data["blocks"].append({"type": "image", "src": "photos/1.jpg", "caption": "Lần nữa", "alt": "Lại ảnh"})
    return load_article_json(write_article_dir(tmp_path / "src", data))


def test_each_photo_is_stored_once_uncompressed_with_its_original_bytes(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(article, path)
    original = (tmp_path / "src/photos/1.jpg").read_bytes()
    with zipfile.ZipFile(path) as archive:
        media = [info for info in archive.infolist() if info.filename.startswith("media/")]
        assert len(media) == 1
        assert media[0].compress_type == zipfile.ZIP_STORED
        assert archive.read(media[0]) == original
        import hashlib

        assert media[0].filename == f"media/{hashlib.sha256(original).hexdigest()}.jpg"
        data = json.loads(archive.read("article.json"))
    assert data["format"] == "article/1"
    assert [b.get("src") for b in data["blocks"] if b["type"] == "image"] == [media[0].filename] * 2


def test_members_the_app_does_not_know_are_kept(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(article, path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("revisions/2023-11-01T16-20.json", '{"format": "article/1", "title": "cũ"}')
        archive.writestr("notes/from-newer-app.txt", "giữ lại")
    reopened = load_draft(path)
    reopened.title = "Tiêu đề mới"
    save_draft(reopened, path)
    with zipfile.ZipFile(path) as archive:
        assert archive.read("notes/from-newer-app.txt").decode() == "giữ lại"
        assert "cũ" in archive.read("revisions/2023-11-01T16-20.json").decode()
    assert load_draft(path).title == "Tiêu đề mới"


def copies_in(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(name.rsplit("/", 1)[1] for name in archive.namelist() if name.startswith("previews/"))


def test_preview_copies_travel_with_their_photos_and_go_with_them(article: Article, tmp_path: Path) -> None:
    """A copy per photo and edit (the same photo twice, unedited: once),
    filed under the photo; kept by a save that has none of its own (the
    command line's, another screen's), at most four a photo, and gone with
    the photo."""
    import hashlib

    asked: list[tuple[str, int]] = []

    def copy_of(block: ImageBlock, length: int) -> tuple[str, bytes]:
        asked.append((block.src, length))
        return f"key-{block.rotate}", f"copy of {block.rotate}".encode()

    path = tmp_path / "bai.article"
    save_draft(article, path, preview_copy_of=copy_of)
    original = (tmp_path / "src/photos/1.jpg").read_bytes()
    assert [length for _, length in asked] == [len(original)] * 2
    with zipfile.ZipFile(path) as archive:
        member = f"previews/{hashlib.sha256(original).hexdigest()}/key-0.copy"
        assert [name for name in archive.namelist() if name.startswith("previews/")] == [member]
        assert archive.read(member) == b"copy of 0"
        assert archive.getinfo(member).compress_type == zipfile.ZIP_DEFLATED
    reopened = load_draft(path)
    reopened.images()[1].rotate = 90
    save_draft(reopened, path, preview_copy_of=copy_of)
    assert copies_in(path) == ["key-0.copy", "key-90.copy"]
    save_draft(load_draft(path), path)  # the command line's save keeps them
    assert copies_in(path) == ["key-0.copy", "key-90.copy"]
    for rotate in (180, 270, 0, 90, 180):
        reopened = load_draft(path)
        reopened.images()[1].rotate = rotate
        save_draft(reopened, path, preview_copy_of=copy_of)
    assert len(copies_in(path)) == 4
    reopened = load_draft(path)
    reopened.images()[1].rotate = 0
    reopened.images()[0].rotate = 90
    save_draft(reopened, path, preview_copy_of=lambda block, length: (f"new-{block.rotate}", b"new"))
    assert {"new-0.copy", "new-90.copy"} <= set(copies_in(path)) and len(copies_in(path)) == 4  # the saver's own first
    reopened = load_draft(path)
    reopened.blocks = [block for block in reopened.blocks if not isinstance(block, ImageBlock)]
    save_draft(reopened, path)
    assert copies_in(path) == []


def test_saving_twice_gives_the_same_bytes(article: Article, tmp_path: Path) -> None:
    save_draft(article, tmp_path / "a.article")
    save_draft(load_draft(tmp_path / "a.article"), tmp_path / "b.article")
    assert (tmp_path / "a.article").read_bytes() == (tmp_path / "b.article").read_bytes()


def test_after_saving_photos_live_in_the_draft_not_in_the_original_folder(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(article, path)
    (tmp_path / "src/photos/1.jpg").unlink()  # the user tidies up their photo folder
    save_draft(article, path)
    image = load_draft(path).blocks[1]
    assert isinstance(image, ImageBlock) and image.media is not None
    assert image.media.read_bytes() == photo_bytes()


def test_a_photo_that_vanished_before_the_first_save_fails_the_save_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(Article(title="Bản cũ"), path)
    before = path.read_bytes()
    article = Article(title="Bản mới", blocks=[ImageBlock(src="x.jpg", media=FileMedia(tmp_path / "gone.jpg"))])
    with pytest.raises(SaveError) as caught:
        save_draft(article, path)
    assert "gone.jpg" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bai.article"]


def test_the_save_is_flushed_and_synced_before_the_rename(article: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A kill cannot show a missing fsync, so the order is asserted instead:
    # write, flush, fsync the file, replace, fsync the folder.
    calls: list[str] = []
    real_fdopen, real_fsync, real_replace, real_open = os.fdopen, os.fsync, os.replace, os.open
    folders: set[int] = set()

    class Recording(io.BufferedWriter):
        def write(self, data: Any) -> int:
            if not calls or calls[-1] != "write":
                calls.append("write")
            return super().write(data)

        def flush(self) -> None:
            calls.append("flush")
            super().flush()

    def fdopen(fd: int, mode: str) -> Any:
        return Recording(real_fdopen(fd, mode, buffering=0))

    def open_(path: Any, flags: int, *args: Any) -> int:
        descriptor = real_open(path, flags, *args)
        if Path(path).is_dir():
            folders.add(descriptor)
        return descriptor

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    monkeypatch.setattr(atomic.os, "open", open_)
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (calls.append("fsync folder" if fd in folders else "fsync file"), real_fsync(fd))[1])
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    save_draft(article, tmp_path / "bai.article")
    # A flush with nothing written since the previous one does nothing.
    calls = [call for i, call in enumerate(calls) if call != "flush" or calls[i - 1] == "write"]
    expected = ["write", "flush", "fsync file", "replace"] + (["fsync folder"] if os.name == "posix" else [])
    assert calls == expected


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: p.write_bytes(b"PK\x03\x04 not really"), DraftFileError, "not an article draft (.article), or it is damaged or cut short"),
        (lambda p: p.write_text("hello", encoding="utf-8"), DraftFileError, "not an article draft (.article), or it is damaged or cut short"),
        (lambda p: _zip(p, {"readme.txt": b"x"}), DraftFileError, "not an article draft: it holds no article.json"),
        (lambda p: _zip(p, {"article.json": b"{not json"}), FormatError, "article.json: not valid JSON"),
        (lambda p: _zip(p, {"article.json": b'{"format": "article/3", "title": "x"}'}), UnsupportedVersionError, "written as article/3"),
        (lambda p: _zip(p, {"article.json": b"{}", "bomb.txt": b"0" * 20_000_000}), DraftFileError, "compressed"),
        (lambda p: _zip(p, {f"m/{n}": b"" for n in range(10_001)}), DraftFileError, "holds 10001 files; at most 10000"),
    ],
    ids=["truncated-header", "not-a-zip", "no-article-json", "bad-json", "newer-version", "zip-bomb", "too-many-members"],
)
def test_broken_drafts_are_refused_with_one_clear_error(tmp_path: Path, make, error: type, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hong.article"
    make(path)
    with pytest.raises(error) as caught:
        load_draft(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_a_truncated_draft_is_refused(article: Article, tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(article, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DraftFileError, match="damaged"):
        load_draft(path)


def test_a_missing_draft_is_named(tmp_path: Path) -> None:
    with pytest.raises(DraftFileError) as caught:
        load_draft(tmp_path / "khong-co.article")
    assert caught.value.lines() == [f"{tmp_path / 'khong-co.article'}: file not found"]


def test_paragraph_blocks_keep_their_ids_through_save(tmp_path: Path) -> None:
    article = Article(title="x", blocks=[ParagraphBlock(text="một"), ParagraphBlock(text="hai")])
    ids = [b.id for b in article.blocks]
    save_draft(article, tmp_path / "a.article")
    assert [b.id for b in load_draft(tmp_path / "a.article").blocks] == ids


def test_a_long_article_of_repetitive_text_is_no_zip_bomb(tmp_path: Path) -> None:
    # 50 kB of one repeated sentence compresses about 190:1.
    article = Article(title="Lặp lại", blocks=[ParagraphBlock(text="Đoạn mới. " * 5000)])
    save_draft(article, tmp_path / "bai.article")
    assert load_draft(tmp_path / "bai.article").blocks[0].text == article.blocks[0].text  # type: ignore[attr-defined]


def test_a_draft_carries_the_site_profile_its_page_shows(article: Article, tmp_path: Path) -> None:
    from editor.model import SiteProfile
    from editor.site import carried_site, same_profile

    office = tmp_path / "office"
    office.mkdir()
    (office / "logo.png").write_bytes(photo_bytes((64, 64)))
    saved = SiteProfile(name="Cổng thông tin quận Lê Chân", fanpage_url="https://facebook.com/lechan",
                        logo="logo.png", base_dir=office)
    article.site = None  # written with this computer's profile alone
    article.site = carried_site(article, saved)
    elsewhere = tmp_path / "share" / "bai.article"
    elsewhere.parent.mkdir()
    save_draft(article, elsewhere)
    carried = load_draft(elsewhere).site
    assert carried is not None and carried.name == "Cổng thông tin quận Lê Chân"
    assert carried.fanpage_url == "https://facebook.com/lechan"
    # The logo is a file on this computer: each computer's profile gives its own.
    assert carried.logo == "" and same_profile(saved.overridden_by(carried), saved)
    assert not same_profile(SiteProfile(name="Cổng khác").overridden_by(carried), SiteProfile(name="Cổng khác"))
    assert carried_site(Article(), SiteProfile()) is None  # nothing to carry


def test_an_articles_own_logo_travels_inside_the_draft(article: Article, tmp_path: Path) -> None:
    """A draft's logo is one of its members (issue 22 item 2), never a path
    on this computer: the article's own logo file goes into the draft."""
    from editor.logo import read_logo
    from editor.model import SiteProfile
    from editor.site import carried_site

    (tmp_path / "rieng.png").write_bytes(photo_bytes((64, 64)))
    article.site = SiteProfile(logo="rieng.png", base_dir=tmp_path)
    article.site = carried_site(article, SiteProfile(name="Cổng"))
    elsewhere = tmp_path / "share" / "bai.article"
    elsewhere.parent.mkdir()
    save_draft(article, elsewhere)
    (tmp_path / "rieng.png").unlink()
    opened = load_draft(elsewhere)
    carried = opened.site
    assert carried is not None and carried.name == "Cổng"
    assert carried.logo == "site/logo.png" and carried.logo_path() is None  # a member, not a file here
    logo = read_logo(carried)
    assert logo is not None and logo.extension == "jpg"  # the JPEG bytes, recognized by content
    save_draft(opened, tmp_path / "again.article")  # saved again, the member stays
    assert read_logo(load_draft(tmp_path / "again.article").site) is not None  # type: ignore[arg-type]
