"""``main.py library``: the drafts of folders as JSON, best match first, exit 0
even when a damaged file is listed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.draft import save_draft
from editor.model import Article, ParagraphBlock
from tests.helpers import ROOT

FIELDS = ["path", "title", "state", "assignee", "author", "date", "modified", "open_by", "error"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "thang-12").mkdir(parents=True)
    save_draft(Article(title="Dương Kinh trồng cây", author="Nguyễn Lan"), folder / "duong-kinh.article")
    reviewed = Article(title="Chỉnh trang đường phố", blocks=[ParagraphBlock(text="Phố Lạch Tray.")])
    reviewed.review = reviewed.review.changed_to("review", "Hoàng Tùng")
    save_draft(reviewed, folder / "thang-12" / "duong-pho.article")
    (folder / "hong.article").write_bytes(b"not a zip at all")
    return folder


def test_json_lists_every_draft_with_the_fields_and_damaged_files_and_exits_0(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "main.py", "library", str(folder), "--json", "--index", str(tmp_path / "i.sqlite")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [list(entry) for entry in listed] == [FIELDS] * 3
    by_name = {Path(entry["path"]).name: entry for entry in listed}
    assert "damaged" in by_name["hong.article"]["error"]
    assert by_name["duong-pho.article"]["state"] == "review"
    assert by_name["duong-kinh.article"]["author"] == "Nguyễn Lan"
    assert not list(folder.rglob("*.sqlite*"))  # the index is never put in the shared folder


def test_search_puts_the_exact_marks_first_and_state_filters(tmp_path: Path, capsys: object) -> None:
    folder = _folder(tmp_path)
    index = str(tmp_path / "i.sqlite")
    assert main(["library", str(folder), "--search", "đường", "--json", "--index", index]) == 0
    titles = [entry["title"] for entry in json.loads(capsys.readouterr().out)]  # type: ignore[attr-defined]
    assert titles == ["Chỉnh trang đường phố", "Dương Kinh trồng cây"]
    assert main(["library", str(folder), "--state", "review", "--json", "--index", index]) == 0
    titles = [entry["title"] for entry in json.loads(capsys.readouterr().out)]  # type: ignore[attr-defined]
    assert titles == ["Chỉnh trang đường phố"]


def test_a_folder_that_is_not_there_is_refused_in_one_line(tmp_path: Path, capsys: object) -> None:
    assert main(["library", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i.sqlite")]) == 2
    assert "nowhere: not a folder" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_author_assignee_tag_and_date_filters_on_the_command_line(tmp_path: Path, capsys: object) -> None:
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    folder = tmp_path / "drafts"
    folder.mkdir()
    vn = timezone(timedelta(hours=7))
    one = Article(title="Tin một", author="Hoàng Tùng", tags=["Lê Chân"], published=datetime(2026, 11, 30, 9, tzinfo=vn))
    one.review = replace(one.review, assignee="Phạm Thu Hà")
    save_draft(one, folder / "mot.article")
    save_draft(Article(title="Tin hai", author="Nguyễn Lan", published=datetime(2026, 12, 3, 9, tzinfo=vn)), folder / "hai.article")
    index = str(tmp_path / "i.sqlite")

    def titles(*options: str) -> list[str]:
        assert main(["library", str(folder), "--json", "--index", index, *options]) == 0
        return [entry["title"] for entry in json.loads(capsys.readouterr().out)]  # type: ignore[attr-defined]

    assert titles("--author", "hoang tung") == ["Tin một"]
    assert titles("--assignee", "pham thu ha") == ["Tin một"]
    assert titles("--tag", "Lê Chân") == ["Tin một"]
    assert titles("--from", "2026-12-01") == ["Tin hai"]
    assert titles("--to", "2026-12-01") == ["Tin một"]
    with pytest.raises(SystemExit) as refused:  # argparse's refusal, in one line
        main(["library", str(folder), "--from", "1/12/2026", "--index", index])
    assert refused.value.code == 2
    assert "'1/12/2026' is not a date such as 2026-12-31" in capsys.readouterr().err  # type: ignore[attr-defined]
