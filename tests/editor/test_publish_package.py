"""The publish package: one zip a person uploads by hand into a CMS with no API."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import html5lib

from editor.inputs import load_article
from tests.helpers import EXAMPLE_DIR, ROOT


def run_export(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "export", *map(str, args)], capture_output=True,
                          text=True, timeout=180)


def test_the_package_holds_the_body_the_photos_it_names_the_cover_and_the_sheet(tmp_path: Path) -> None:
    target = tmp_path / "goi.zip"
    result = run_export(EXAMPLE_DIR, "-o", target, "--package")
    assert result.returncode == 0, result.stderr
    article = load_article(EXAMPLE_DIR)
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        body = archive.read("body.html").decode()
        sheet = json.loads(archive.read("sheet.json"))
        sheet_html = archive.read("sheet.html").decode()
        photos = {p["file"]: archive.read(p["file"]) for p in sheet["photos"]}
        cover = archive.read(sheet["cover"])
    tree = html5lib.parse(body, namespaceHTMLElements=False)
    sources = [img.get("src") for img in tree.iter("img")]
    assert len(sources) == 3 and set(sources) == set(photos) and set(sources) <= names  # every photo named as the body says
    assert all(name.isascii() and data[:3] == b"\xff\xd8\xff" and b"Exif" not in data[:200] for name, data in photos.items())
    cover_block = article.cover_image()
    assert cover_block is not None
    assert cover == photos[next(p["file"] for p in sheet["photos"] if p["alt"] == cover_block.alt)]
    assert sheet["title"] == article.title and sheet["author"] == article.author and sheet["tags"] == article.tags
    assert sheet["date"] == "2023-11-01T16:20:00+07:00" and sheet["source"] == article.source
    assert sheet["section"] == article.section == "Tin tức - Sự kiện"  # the category to file it under, by hand
    assert "<th>Chuyên mục / Section</th><td>Tin tức - Sự kiện</td>" in sheet_html
    assert [p["alt"] for p in sheet["photos"]] == [b.alt for b in article.images()]
    assert [p["credit"] for p in sheet["photos"]] == [b.credit for b in article.images()]
    assert article.title in sheet_html and all(b.alt in sheet_html for b in article.images())


def test_the_package_is_reproducible_and_never_replaces_a_file_unasked(tmp_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert run_export(EXAMPLE_DIR, "-o", first, "--package").returncode == 0
    assert run_export(EXAMPLE_DIR, "-o", second, "--package").returncode == 0
    assert first.read_bytes() == second.read_bytes()
    again = run_export(EXAMPLE_DIR, "-o", first, "--package")
    assert again.returncode == 2 and "already exists" in again.stderr
    not_zip = run_export(EXAMPLE_DIR, "-o", tmp_path / "goi", "--package")
    assert not_zip.returncode == 2 and "ending in .zip" in not_zip.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip", "b.zip"]  # no temporary file left
