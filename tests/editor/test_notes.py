"""Notes on blocks: kept in the draft, never in an export, and the checklist
warns while one is open."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from editor.article_format import article_from_dict, load_article_json
from editor.checks import check_article
from editor.draft import load_draft, save_draft
from editor.errors import FormatError
from editor.export import ExportOptions, export_article
from editor.model import ParagraphBlock
from editor.notes import Note
from editor.site import effective_site
from tests.helpers import minimal_article, write_article_dir


@pytest.fixture
def noted(tmp_path: Path):  # type: ignore[no-untyped-def]
    article = load_article_json(write_article_dir(tmp_path / "src", minimal_article()))
    paragraph = next(block for block in article.blocks if isinstance(block, ParagraphBlock))
    note = Note.new("Nguyễn Lan", "Ghi rõ chức danh của đồng chí Tân", quote="Phạm Văn Tân")
    paragraph.notes = (note.replied("Hoàng Tùng", "Đã thêm: Bí thư Quận ủy"),)
    return article, paragraph


def test_notes_with_replies_are_kept_in_the_draft(noted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article, paragraph = noted
    path = tmp_path / "bai.article"
    save_draft(article, path)
    [note] = load_draft(path).block(paragraph.id).notes
    assert (note.author, note.text, note.quote, note.resolved) == ("Nguyễn Lan", "Ghi rõ chức danh của đồng chí Tân", "Phạm Văn Tân", False)
    assert [(reply.author, reply.text) for reply in note.replies] == [("Hoàng Tùng", "Đã thêm: Bí thư Quận ủy")]
    assert note == paragraph.notes[0]


def test_notes_never_reach_an_export(noted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article, _ = noted
    site = effective_site(article, None, None)
    export_article(article, site, tmp_path / "out" / "article.json", ExportOptions())
    exported = json.loads((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    assert all("notes" not in block for block in exported["blocks"])
    export_article(article, site, tmp_path / "page.zip", ExportOptions())
    page = zipfile.ZipFile(tmp_path / "page.zip").read("index.html").decode("utf-8")
    assert "chức danh" not in page and "Bí thư Quận ủy" not in page


def test_the_checklist_warns_while_a_note_is_open(noted) -> None:  # type: ignore[no-untyped-def]
    article, paragraph = noted
    [finding] = [f for f in check_article(article) if f.id == "note-open"]
    assert finding.severity == "warning" and finding.location.block_id == paragraph.id
    assert "Ghi rõ chức danh" in finding.message("vi")
    paragraph.notes = (paragraph.notes[0].with_resolved(True),)
    assert not [f for f in check_article(article) if f.id == "note-open"]


def test_a_broken_note_is_reported_at_its_path() -> None:
    data = {"format": "article/1", "title": "T", "blocks": [{"type": "paragraph", "text": "x", "notes": [{"id": "n1", "text": "?"}]}]}
    with pytest.raises(FormatError) as caught:
        article_from_dict(data, lambda src: None)
    assert any(line.startswith("blocks[0].notes[0]: ") for line in caught.value.problems)
