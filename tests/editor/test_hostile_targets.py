"""Export targets that must not be destroyed: the folder holding the draft,
any folder that is not a previous export, a dangling symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.cli import main as cli_main
from editor.draft import save_draft
from editor.inputs import load_article
from tests.helpers import tree_files, write_article_dir


def export(*args: str | Path) -> int:
    return cli_main([str(a) for a in ("export", *args)])


@pytest.fixture
def draft_folder(tmp_path: Path) -> Path:
    """A user's folder: the draft, its source files, a note of their own."""
    folder = tmp_path / "bai-viet"
    source = write_article_dir(folder / "nguon")
    save_draft(load_article(source), folder / "bai.article")
    (folder / "ghi-chu.txt").write_text("ghi chú của tôi", encoding="utf-8")
    return folder


@pytest.mark.parametrize("output", ["{folder}", "{folder}/article.json"])
def test_exporting_onto_the_drafts_folder_is_refused_even_with_force(
    draft_folder: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_files(draft_folder)
    assert export(draft_folder / "bai.article", "-o", output.format(folder=draft_folder), "--force") == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "not an export of this app" in err and "choose an empty or new folder" in err
    assert tree_files(draft_folder) == before  # the draft, the sources and the note are all still there
    assert sorted(p.name for p in draft_folder.parent.iterdir()) == ["bai-viet"]


def test_a_folder_with_an_index_html_of_its_own_is_not_replaced(draft_folder: Path, tmp_path: Path) -> None:
    site = tmp_path / "website"
    (site / "images").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><title>Trang của tôi</title>", encoding="utf-8")
    (site / "images" / "a.jpg").write_bytes(b"mine")
    assert export(draft_folder / "bai.article", "-o", site, "--force") == 2
    assert tree_files(site) == {"index.html": b"<!DOCTYPE html><title>Trang c\xe1\xbb\xa7a t\xc3\xb4i</title>", "images/a.jpg": b"mine"}


def test_a_previous_export_with_a_file_added_is_not_replaced(draft_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert export(draft_folder / "bai.article", "-o", out) == 0
    (out / "bao-cao.docx").write_bytes(b"someone's report")
    assert export(draft_folder / "bai.article", "-o", out, "--force") == 2
    assert (out / "bao-cao.docx").read_bytes() == b"someone's report"


@pytest.mark.parametrize("name", ["out", "bai.zip", "bai.html", "handover/article.json"])
def test_a_previous_export_or_an_empty_folder_is_replaced_with_force(draft_folder: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    assert export(draft_folder / "bai.article", "-o", target) == 0
    assert export(draft_folder / "bai.article", "-o", target) == 2  # exists: --force needed
    assert export(draft_folder / "bai.article", "-o", target, "--force") == 0
    empty = tmp_path / "empty" / name
    (empty if name == "out" else empty.parent).mkdir(parents=True)
    assert export(draft_folder / "bai.article", "-o", empty, "--force") == 0


@pytest.mark.parametrize("name", ["out", "bai.html", "handover/article.json"])
def test_a_dangling_symbolic_link_at_the_output_is_not_replaced_without_force(
    draft_folder: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(tmp_path / "nowhere")
    assert export(draft_folder / "bai.article", "-o", target) == 2
    assert "already exists" in capsys.readouterr().err
    assert os.readlink(target) == str(tmp_path / "nowhere")
    if name.endswith("article.json"):  # a link inside DIR is not ours: DIR is not a previous export
        assert export(draft_folder / "bai.article", "-o", target, "--force") == 2
        assert os.readlink(target) == str(tmp_path / "nowhere")
        return
    assert export(draft_folder / "bai.article", "-o", target, "--force") == 0
    assert not target.is_symlink() and not (tmp_path / "nowhere").exists()  # the link is replaced, never followed


def test_a_dangling_symbolic_link_at_the_imports_output_is_not_replaced_without_force(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Quận Lê Chân họp Ban Chỉ đạo 35", style="Title")
    document.add_paragraph("Đồng chí Phạm Văn Tân chủ trì.")
    document.save(tmp_path / "bai.docx")
    target = tmp_path / "bai.article"
    target.symlink_to(tmp_path / "nowhere.article")
    assert cli_main(["import", str(tmp_path / "bai.docx"), "-o", str(target)]) == 2
    assert os.readlink(target) == str(tmp_path / "nowhere.article")
    assert cli_main(["import", str(tmp_path / "bai.docx"), "-o", str(target), "--force"]) == 0
    assert not target.is_symlink() and not (tmp_path / "nowhere.article").exists()


def test_a_previous_export_with_a_long_lead_is_still_recognized(tmp_path: Path) -> None:
    from tests.helpers import minimal_article

    source = write_article_dir(tmp_path / "src", minimal_article(lead="Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp. " * 400))
    assert export(source, "-o", tmp_path / "out") == 0
    assert export(source, "-o", tmp_path / "out", "--force") == 0
