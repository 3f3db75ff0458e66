"""Revisions inside the .article file: one per explicit save, with the
photos they show, and a readable diff against the current text."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor import revisions
from editor.draft import load_draft, save_draft
from editor.media import MemoryMedia
from editor.model import Article, ImageBlock, ParagraphBlock
from editor.revisions import list_revisions, load_revision, text_diff
from tests.helpers import photo_bytes

T0 = datetime(2026, 11, 27, 8, 30, tzinfo=UTC)


def _article() -> Article:
    return Article(
        title="Quận Lê Chân họp Ban Chỉ đạo 35",
        lead="Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.",
        blocks=[
            ParagraphBlock(id="p1", text="Đồng chí Phạm Văn Tân chủ trì cuộc họp."),
            ImageBlock(id="anh", src="anh.jpg", caption="Toàn cảnh cuộc họp.", alt="Phòng họp", media=MemoryMedia(photo_bytes())),
        ],
    )


def test_each_explicit_save_keeps_a_revision_and_plain_saves_do_not(tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    article = _article()
    save_draft(article, path, revision_at=T0)
    article.title = "Quận Lê Chân họp Ban Chỉ đạo 35 năm 2023"
    save_draft(article, path, revision_at=T0 + timedelta(minutes=5))
    save_draft(article, path, revision_at=T0 + timedelta(minutes=6))  # nothing changed: no new revision
    save_draft(article, path)  # not an explicit save (an export's copy, a test)
    reopened = load_draft(path)
    found = list_revisions(reopened.kept_files)
    assert [r.saved_at for r in found] == [T0 + timedelta(minutes=5), T0]
    assert [r.name for r in found] == ["revisions/20261127T083500.000Z.json", "revisions/20261127T083000.000Z.json"]
    assert load_revision(reopened, found[1]).title == "Quận Lê Chân họp Ban Chỉ đạo 35"
    assert load_revision(reopened, found[0]).title == "Quận Lê Chân họp Ban Chỉ đạo 35 năm 2023"


def test_a_revision_keeps_the_photo_the_current_text_no_longer_uses(tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    save_draft(_article(), path, revision_at=T0)
    reopened = load_draft(path)
    reopened.blocks = reopened.blocks[:1]  # the photo is removed
    save_draft(reopened, path, revision_at=T0 + timedelta(minutes=1))
    again = load_draft(path)
    save_draft(again, path, revision_at=T0 + timedelta(minutes=2))  # and saved once more
    old = load_revision(load_draft(path), list_revisions(load_draft(path).kept_files)[-1])
    photo = old.images()[0]
    assert photo.media is not None and photo.media.read_bytes() == photo_bytes()
    with zipfile.ZipFile(path) as archive:
        assert sum(name.startswith("media/") for name in archive.namelist()) == 1


def test_only_the_newest_revisions_are_kept_and_their_unused_photos_go(tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    article = _article()
    save_draft(article, path, revision_at=T0)
    article = load_draft(path)
    article.blocks = article.blocks[:1]
    for minute in range(1, revisions.MAX_REVISIONS + 1):
        article.lead = f"Bản {minute}"
        save_draft(article, path, revision_at=T0 + timedelta(minutes=minute))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert sum(name.startswith("revisions/") for name in names) == revisions.MAX_REVISIONS
    assert "revisions/20261127T083000.000Z.json" not in names  # the oldest, with the photo, went
    assert not any(name.startswith("media/") for name in names)  # and so did its photo


def test_two_saves_in_the_same_millisecond_both_keep_a_revision(tmp_path: Path) -> None:
    path = tmp_path / "bai.article"
    article = _article()
    save_draft(article, path, revision_at=T0)
    article.title = "Khác"
    save_draft(article, path, revision_at=T0)
    assert len(list_revisions(load_draft(path).kept_files)) == 2


def test_the_diff_marks_changed_words_removed_and_added_paragraphs() -> None:
    old = _article()
    new = _article()
    new.blocks[0] = ParagraphBlock(id="p1", text="Đồng chí Phạm Văn Tân, Bí thư Quận ủy, chủ trì cuộc họp.")
    new.blocks.append(ParagraphBlock(id="p2", text="Cuộc họp kết thúc lúc 17 giờ."))
    new.lead = ""
    diff = text_diff(old, new)
    kinds = {line.text: line.kind for line in diff}
    assert kinds["Quận Lê Chân họp Ban Chỉ đạo 35"] == "same"
    assert kinds["Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp."] == "removed"
    assert kinds["Cuộc họp kết thúc lúc 17 giờ."] == "added"
    changed = next(line for line in diff if line.kind == "changed")
    assert "".join(text for kind, text in changed.parts if kind != "added") == "Đồng chí Phạm Văn Tân chủ trì cuộc họp."
    assert "".join(text for kind, text in changed.parts if kind != "removed") == "Đồng chí Phạm Văn Tân, Bí thư Quận ủy, chủ trì cuộc họp."
    assert any(kind == "added" and "Bí thư Quận ủy," in text for kind, text in changed.parts)
    assert changed.parts[0] == ("same", "Đồng chí Phạm Văn ")


def test_the_diff_shows_a_photo_s_alt_text_and_credit_changing_not_just_its_caption() -> None:
    old = _article()
    new = _article()
    new.blocks[1] = ImageBlock(id="anh", src="anh.jpg", caption="Toàn cảnh cuộc họp.", alt="Phòng họp tầng 2", credit="Minh Thu")
    diff = text_diff(old, new)
    assert [(line.kind, line.text) for line in diff if line.kind != "same"] == [
        ("removed", "[Phòng họp]"), ("added", "[Phòng họp tầng 2]"), ("added", "[Minh Thu]")]
    assert [line.kind for line in text_diff(old, old)] == ["same"] * 5  # title, lead, paragraph, caption, alt


def test_the_diff_shows_a_changed_section() -> None:
    old = _article()
    new = _article()
    new.section = "Thời sự"
    kinds = {line.text: line.kind for line in text_diff(old, new)}
    assert kinds["§ Thời sự"] == "added"
