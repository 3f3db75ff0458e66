"""The command line as a user meets it: a mistyped command, a PDF, the
profile for check, a wrong import target, and errors in plain words."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main as cli_main
from tests.helpers import EXAMPLE_DIR, ROOT, minimal_article, write_article_dir


def run_main(*args: str | Path, timeout: float = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.fixture(autouse=True)
def no_saved_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: tmp_path / "no-saved-profile.json")


def test_a_mistyped_command_exits_2_with_the_usage_and_never_starts_the_window(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # a window would need a display: it would hang or abort
    result = run_main("exprot", EXAMPLE_DIR, "-o", tmp_path / "out", timeout=30, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: toa-soan")
    assert "“exprot” is not a command" in result.stderr and "did you mean “export”?" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def pdf_text_and_pages(path: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_export_to_a_pdf_prints_the_page_with_its_print_view(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        target = tmp_path / "bai.pdf"
        assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(target)]) == 0
    finally:
        os.umask(previous)
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    text, pages = pdf_text_and_pages(target)
    flat = " ".join(text.split())
    assert "Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng" in flat
    assert "Thứ Tư, 01/11/2023 16:20" in flat and "Hoàng Tùng" in flat and "TIN KHÁC" in flat  # the CSS capitals
    assert "Print" not in text  # the print view hides the page's Print button
    assert 2 <= pages <= 6, pages  # A4: the example is 4 pages; a screen layout or a blank page would differ
    assert [p.name for p in tmp_path.iterdir()] == ["bai.pdf"]  # no temporary file left beside it


def test_an_existing_pdf_is_refused_unless_forced_and_a_folder_is_never_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "bai.pdf"
    target.write_bytes(b"old")
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err and target.read_bytes() == b"old"
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(target), "--force"]) == 0
    assert target.is_file() and target.read_bytes().startswith(b"%PDF")  # a PDF, not a folder called bai.pdf


def test_where_qt_cannot_run_the_pdf_is_refused_in_plain_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "no-qt" / "PySide6"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('libEGL.so.1: cannot open shared object file')\n")
    # PYTHONPATH comes before site-packages: the printer child finds this PySide6, not the real one.
    monkeypatch.setenv("PYTHONPATH", str(broken.parent))
    target = tmp_path / "bai.pdf"
    assert cli_main(["export", str(EXAMPLE_DIR), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "a PDF needs Qt's web engine (PySide6), which cannot run here" in err
    assert "libEGL" in err and "Traceback" not in err
    assert not target.exists()


def test_check_takes_the_site_profile_like_export(tmp_path: Path) -> None:
    data = minimal_article()
    del data["site"]
    source = write_article_dir(tmp_path / "a", data)
    findings = json.loads(run_main("check", source, "--json").stdout)
    assert {"site-name-missing", "fanpage-missing"} <= {f["id"] for f in findings}
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"name": "Cổng tin tức Thành phố Hải Phòng", "fanpage_url": "https://www.facebook.com/congttdthaiphong"}))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = run_main("check", source, "--json", "--site", profile, env=env)
    assert result.returncode == 0, result.stderr
    assert not {"site-name-missing", "fanpage-missing"} & {f["id"] for f in json.loads(result.stdout)}


def test_import_refuses_a_target_that_is_not_a_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.editor.test_word_import import vietnamese_document

    document = vietnamese_document(tmp_path)
    assert cli_main(["import", str(document), "-o", str(tmp_path / "x.html")]) == 2
    assert "give a name ending in .article" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize(("name", "content", "jargon"), [
    ("bai.article", b"not a zip at all", "File is not a zip file"),
    ("article.json", b"\xff\xfe{", "byte 0"),
    ("article.json", b'{"format": "article/1", "title": "x",}', "Expecting property name"),
])
def test_error_lines_are_in_plain_words(tmp_path: Path, name: str, content: bytes, jargon: str) -> None:
    (tmp_path / name).write_bytes(content)
    result = run_main("check", tmp_path / name)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and jargon not in result.stderr and str(tmp_path / name) in result.stderr
