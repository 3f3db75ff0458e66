"""Hostile drafts made by the tests themselves (issue 22, items 5 and 13):
whatever opens can be saved again, and whatever cannot be opened is refused
with the app's own error, one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from editor.article_format import load_article_json
from editor.draft import load_draft, save_draft
from editor.errors import DraftFileError, FormatError
from editor.model import Article
from editor.revisions import list_revisions
from editor.workspace import Workspace
from tests.helpers import ROOT, minimal_article

NOW = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def _text_only() -> dict[str, Any]:
    data = minimal_article()
    data["blocks"] = [block for block in data["blocks"] if block["type"] != "image"]
    return data


def _draft(path: Path, article_json: str | bytes, *members: tuple[str, str | bytes]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicated name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("article.json", article_json)
            for name, data in members:
                archive.writestr(name, data)
    return path


def _save_and_reopen(article: Article, path: Path) -> Article:
    save_draft(article, path, revision_at=NOW)
    return load_draft(path)


# --- item 5: whatever opens must save ----------------------------------------------

def test_a_lone_surrogate_in_an_unknown_field_opens_saves_and_autosaves(tmp_path: Path) -> None:
    data = _text_only()
    # json.dumps writes the lone surrogate as its escape, as another tool would.
    raw = json.dumps({**data, "x_other_tool": "a\ud800b", "title": "Tiêu đề \udc00"})
    article = load_draft(_draft(tmp_path / "hostile.article", raw))
    assert article.extra["x_other_tool"] == "a\ufffdb"
    assert article.title == "Tiêu đề \ufffd"
    assert any("surrogate" in note for note in article.load_notes)

    again = _save_and_reopen(article, tmp_path / "saved.article")
    assert again.extra["x_other_tool"] == "a\ufffdb"
    Workspace(tmp_path / "workspace.sqlite").save("k", article, None)  # autosave too


def test_a_lone_surrogate_that_slips_into_the_model_still_saves(tmp_path: Path) -> None:
    article = Article(title="Bài", extra={"x": "\ud800"})
    save_draft(article, tmp_path / "a.article")
    assert load_draft(tmp_path / "a.article").extra["x"] == "\ufffd"
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.save("k", article, None)
    assert workspace.restore("k").extra["x"] == "\ufffd"


def test_a_revision_named_with_an_impossible_date_is_kept_as_it_is(tmp_path: Path) -> None:
    impossible = "revisions/20231399T996099.000Z.json"
    path = _draft(tmp_path / "hostile.article", json.dumps(_text_only()), (impossible, json.dumps(_text_only())))
    article = load_draft(path)
    assert list_revisions(article.kept_files) == []

    again = _save_and_reopen(article, tmp_path / "saved.article")
    assert impossible in again.kept_files  # kept as opaque bytes
    assert len(list_revisions(again.kept_files)) == 1  # and the new save's own revision


def test_a_revision_nested_100000_deep_does_not_stop_the_save(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    name = "revisions/20231101T000000.000Z.json"
    article = load_draft(_draft(tmp_path / "hostile.article", json.dumps(_text_only()), (name, deep)))
    again = _save_and_reopen(article, tmp_path / "saved.article")
    assert again.kept_files[name].read_bytes() == deep.encode()


# --- item 13: one line, never a traceback ------------------------------------------

HOSTILE_JSON = {
    "nested": ('{"format": "article/1", "title": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 100 levels"),
    "nested-just-too-deep": ('{"format": "article/1", "title": "t", "x": ' + "[" * 120 + "]" * 120 + "}", "nested more than 100 levels"),
    "long-integer": ('{"format": "article/1", "title": "t", "x": ' + "9" * 5000 + "}", "more than 4,300 digits"),
    "nan": ('{"format": "article/1", "title": "t", "x": NaN}', "NaN"),
    "infinity": ('{"format": "article/1", "title": "t", "x": -Infinity}', "Infinity"),
    "overflowing-float": ('{"format": "article/1", "title": "t", "x": 1e400}', "1e400"),
    "year-9999": (json.dumps({**_text_only(), "published": "9999-12-31T23:59:59-12:00"}), "not a year between"),
    "year-1": (json.dumps({**_text_only(), "published": "0001-01-01T00:00:00+14:00"}), "not a year between"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_hostile_json_is_refused_in_one_line(tmp_path: Path, case: str) -> None:
    text, expected = HOSTILE_JSON[case]
    with pytest.raises(FormatError) as caught:
        load_draft(_draft(tmp_path / "hostile.article", text))
    assert len(caught.value.lines()) == 1 and expected in caught.value.lines()[0]
    (tmp_path / "article.json").write_text(text)
    with pytest.raises(FormatError):
        load_article_json(tmp_path / "article.json", require_media=False)


@pytest.mark.parametrize("case", ["nested", "long-integer", "nan"])
def test_the_command_line_says_one_line_for_hostile_json(tmp_path: Path, case: str) -> None:
    (tmp_path / "article.json").write_text(HOSTILE_JSON[case][0])
    for command in (["check"], ["export", "-o", str(tmp_path / "out.zip")]):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), command[0], str(tmp_path / "article.json"), *command[1:]],
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_nan_is_never_written_back(tmp_path: Path) -> None:
    article = Article(title="Bài", extra={"x": float("nan")})
    with pytest.raises(ValueError):
        save_draft(article, tmp_path / "a.article")
    assert not (tmp_path / "a.article").exists()


def test_a_draft_with_article_json_twice_is_refused(tmp_path: Path) -> None:
    decoy = json.dumps({**_text_only(), "title": "Bài khác"})
    path = _draft(tmp_path / "twice.article", json.dumps(_text_only()), ("article.json", decoy))
    with pytest.raises(DraftFileError, match="article.json twice"):
        load_draft(path)


def test_names_over_the_file_systems_limit_get_one_line(tmp_path: Path) -> None:
    save_draft(Article(title="Bài"), tmp_path / "ok.article")
    long_name = str(tmp_path / ("a" * 300 + ".article"))
    for command in (["check", long_name], ["export", str(tmp_path / "ok.article"), "-o", long_name + ".zip"],
                    ["import", str(tmp_path / "x.docx"), "-o", long_name]):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *command], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    with pytest.raises(DraftFileError):
        load_draft(Path(long_name))


# --- item 8: photos are known by their bytes, never by their member's name ----------

def _photo(color: str) -> bytes:
    from tests.helpers import photo_bytes

    return photo_bytes((32, 24), color)


def _draft_with_photo_under(tmp_path: Path, name_of: bytes, stored: bytes) -> Path:
    """A draft whose one photo holds ``stored`` under the hash of ``name_of``."""
    import hashlib

    member = f"media/{hashlib.sha256(name_of).hexdigest()}.jpg"
    data = _text_only()
    data["blocks"].append({"id": "p", "type": "image", "src": member, "caption": "c", "alt": "a"})
    return _draft(tmp_path / "hostile.article", json.dumps(data), (member, stored))


def test_a_photo_stored_under_another_photos_hash_cannot_replace_it_on_save(tmp_path: Path) -> None:
    from editor.media import FileMedia
    from editor.model import ImageBlock

    mine, theirs = _photo("navy"), _photo("red")
    (tmp_path / "mine.jpg").write_bytes(mine)
    article = load_draft(_draft_with_photo_under(tmp_path, mine, theirs))
    # The user inserts their own photo, whose hash the hostile member claims.
    article.blocks.append(ImageBlock(id="mine", src="mine.jpg", caption="c", alt="a", media=FileMedia(tmp_path / "mine.jpg")))

    again = _save_and_reopen(article, tmp_path / "saved.article")
    photos = {block.id: block.media.read_bytes() for block in again.images()}
    assert photos == {"p": theirs, "mine": mine}


def test_a_photo_stored_under_another_photos_hash_cannot_replace_it_in_the_workspace(tmp_path: Path) -> None:
    from editor.media import FileMedia
    from editor.model import ImageBlock

    mine, theirs = _photo("navy"), _photo("red")
    (tmp_path / "mine.jpg").write_bytes(mine)
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.save("hostile", load_draft(_draft_with_photo_under(tmp_path, mine, theirs)), None)
    own = Article(title="Bài của tôi", blocks=[ImageBlock(id="mine", src="mine.jpg", caption="c", alt="a", media=FileMedia(tmp_path / "mine.jpg"))])
    workspace.save("mine", own, None)
    (tmp_path / "mine.jpg").unlink()  # the restored photo must come from the workspace
    assert workspace.restore("mine").images()[0].media.read_bytes() == mine
    assert workspace.restore("hostile").images()[0].media.read_bytes() == theirs


def test_a_photo_stored_under_another_photos_hash_cannot_replace_it_in_an_export(tmp_path: Path) -> None:
    from PIL import Image

    from editor.export import ExportOptions, export_article
    from editor.media import FileMedia
    from editor.model import ImageBlock, SiteProfile

    mine, theirs = _photo("navy"), _photo("red")
    (tmp_path / "mine.jpg").write_bytes(mine)
    article = load_draft(_draft_with_photo_under(tmp_path, mine, theirs))
    article.blocks.append(ImageBlock(id="mine", src="mine.jpg", caption="c", alt="a", media=FileMedia(tmp_path / "mine.jpg")))
    export_article(article, SiteProfile(), tmp_path / "out", ExportOptions())
    colours = set()
    for exported in (tmp_path / "out" / "images").iterdir():
        with Image.open(exported) as image:
            red, _, blue = image.convert("RGB").getpixel((0, 0))
        colours.add("red" if red > 200 and blue < 80 else "navy" if blue > 80 and red < 60 else "?")
    assert colours == {"red", "navy"}  # each block its own photo


# --- item 11: a missing photo member does not stop the draft opening ----------------

def test_a_draft_missing_a_photo_member_opens_with_the_photo_missing_and_saves(tmp_path: Path) -> None:
    from editor.checks import check_article

    data = _text_only()
    data["blocks"].append({"id": "gone", "type": "image", "src": "media/" + "0" * 64 + ".jpg", "caption": "c", "alt": "a"})
    article = load_draft(_draft(tmp_path / "hostile.article", json.dumps(data)))
    block = article.block("gone")
    assert block.media is None and block.src.startswith("media/")
    assert any("missing" in note for note in article.load_notes)
    assert "image-missing" in {finding.id for finding in check_article(article)}

    again = _save_and_reopen(article, tmp_path / "saved.article")
    assert again.block("gone").media is None and again.block("gone").caption == "c"
    Workspace(tmp_path / "workspace.sqlite").save("k", again, None)


# --- item 12: no unbounded work ------------------------------------------------------

def test_saving_a_draft_of_9990_members_opens_it_once_not_once_a_member(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each opening reads the whole central directory: one per member made
    # the save quadratic (9,990 members: 717 s; now about 1.4 s).
    path = _draft(tmp_path / "many.article", json.dumps(_text_only()),
                  *((f"other/{index}.txt", b"x" * 100) for index in range(9_990)))
    article = load_draft(path)
    opened: list[str] = []
    real_init = zipfile.ZipFile.__init__

    def counting_init(self: zipfile.ZipFile, file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> None:
        if mode == "r":
            opened.append(str(file))
        real_init(self, file, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counting_init)
    save_draft(article, tmp_path / "saved.article", revision_at=NOW)
    monkeypatch.undo()
    assert opened.count(str(path)) <= 2
    assert len(load_draft(tmp_path / "saved.article").kept_files) == 9_990 + 1  # and the new revision


def test_comparing_a_10000_word_paragraph_is_quick_and_marks_every_change() -> None:
    import threading

    from editor.model import ParagraphBlock
    from editor.revisions import text_diff

    words = [f"từ{index % 700}" for index in range(10_000)]  # a text that repeats itself
    edited = [("SỬA" if index % 50 == 0 else word) for index, word in enumerate(words)]
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(text_diff(
        Article(title="t", blocks=[ParagraphBlock(text=" ".join(words))]),
        Article(title="t", blocks=[ParagraphBlock(text=" ".join(edited))]))), daemon=True)
    worker.start()
    worker.join(timeout=20)  # difflib alone took minutes
    assert result, "the comparison did not finish in 20 s"
    (line,) = [line for line in result[0] if line.kind != "same"]
    assert [text for kind, text in line.parts if kind == "added"] == ["SỬA"] * 200
