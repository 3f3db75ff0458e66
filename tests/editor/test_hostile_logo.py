"""Hostile site logos and files that are not files: a logo never runs
script, never brings a local file into the bundle, and a FIFO or a device
given as logo, profile or input is refused at once, in one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from editor.checks import check_article
from editor.cli import main as cli_main
from editor.inputs import load_article
from editor.model import SiteProfile
from editor.regular_files import reference_problem
from tests.helpers import ROOT, chromium, minimal_article, photo_bytes, tree_files, write_article_dir

SVG_NS = "{http://www.w3.org/2000/svg}"

HOSTILE_SVG = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="48"
     onload="document.documentElement.setAttribute('data-ran', 'onload')">
  <script>document.documentElement.setAttribute('data-ran', 'script')</script>
  <style>@import url(https://evil.example/x.css); rect { fill: url(https://evil.example/track) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="#fc0"/></linearGradient></defs>
  <rect id="nen" width="120" height="48" fill="url(#g)" style="stroke:#000;stroke-width:2;fill:url(https://evil.example/t)"/>
  <path d="M10 10 H 60 V 40 Z" fill="#036" onclick="alert(1)"/>
  <text x="64" y="30" font-size="14">Hải Phòng</text>
  <foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><script>parent.x=1</script></body></foreignObject>
  <image href="file:///etc/passwd" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#a"/>
  <use href="#nen" x="1"/>
  <a href="javascript:document.documentElement.setAttribute('data-ran','link')"><circle r="5"/></a>
  <animate attributeName="href" to="javascript:alert(1)"/>
</svg>
""".encode()

XHTML = b"""<?xml version="1.0"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><script>document.title='ran'</script></body></html>
"""


def export(*args: str | Path) -> int:
    return cli_main([str(a) for a in ("export", *args)])


def profile(folder: Path, logo: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.json"
    path.write_text(json.dumps({"name": "Cổng thử", "logo": logo}), encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_article_dir(tmp_path / "src")


# --- 1. no script through the logo ------------------------------------------------------
def test_an_svg_logo_is_rebuilt_without_script_handlers_or_outside_references(source: Path, tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "logo.svg").write_bytes(HOSTILE_SVG)
    assert export(source, "-o", tmp_path / "out", "--site", profile(brand, "logo.svg")) == 0
    logo = (tmp_path / "out" / "images" / "logo.svg").read_bytes()
    root = ElementTree.fromstring(logo)
    names = [element.tag.replace(SVG_NS, "") for element in root.iter()]
    assert not {"script", "foreignObject", "image", "a", "animate"} & set(names)
    assert {"rect", "path", "text", "linearGradient", "use"} <= set(names)  # the drawing is kept
    for element in root.iter():
        for key, value in element.attrib.items():
            assert not key.lower().startswith("on"), key
            assert "evil.example" not in value and "javascript" not in value and "file:" not in value
            if key.endswith("href"):
                assert value.startswith("#")
    assert b"evil.example" not in logo and b"@import" not in logo


def test_the_exported_svg_logo_runs_nothing_when_opened_in_a_browser(source: Path, tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "logo.svg").write_bytes(HOSTILE_SVG)
    assert export(source, "-o", tmp_path / "out", "--site", profile(brand, "logo.svg")) == 0
    command = [chromium(), "--headless", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
               "--virtual-time-budget=3000", "--dump-dom", (tmp_path / "out" / "images" / "logo.svg").as_uri()]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    assert "<svg" in dom and "Hải Phòng" in dom  # the page did load
    assert 'data-ran="' not in dom  # no script, handler or link set it


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_a_logo_is_recognized_by_content_never_by_name(source: Path, tmp_path: Path, name: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / name).write_bytes(XHTML)  # an XHTML page that would run script, under an image's name
    assert export(source, "-o", tmp_path / "out", "--site", profile(brand, name)) == 2
    assert "not an image" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    (brand / name).write_bytes(photo_bytes((120, 48)))  # a JPEG, whatever it is called
    assert export(source, "-o", tmp_path / "out", "--site", profile(brand, name)) == 0
    assert [n for n in tree_files(tmp_path / "out") if "logo" in n] == ["images/logo.jpg"]


# --- 2. no local file through the logo ------------------------------------------------
def draft_with_logo(tmp_path: Path, logo: str, members: dict[str, bytes] | None = None) -> Path:
    data = minimal_article()
    data["site"]["logo"] = logo
    source = write_article_dir(tmp_path / "made", data)
    draft = tmp_path / "bai.article"
    from editor.draft import save_draft

    save_draft(load_article(source), draft)
    shutil.rmtree(tmp_path / "made")
    if members:
        with zipfile.ZipFile(draft, "a") as archive:
            for name, payload in members.items():
                archive.writestr(name, payload)
    return draft


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file that looks like an image and must never be published."""
    path = tmp_path / "private" / "cmnd.jpg"
    path.parent.mkdir()
    path.write_bytes(photo_bytes((300, 200), "red"))
    return path


def test_a_drafts_logo_is_a_member_of_the_draft(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "logo.jpg").write_bytes(secret.read_bytes())  # beside the draft, but not in it
    for logo in (str(secret), "../private/cmnd.jpg", "private/cmnd.jpg", "logo.jpg", "\\\\server\\share\\logo.jpg"):
        draft = draft_with_logo(tmp_path, logo)
        assert "site-logo-unusable" in [f.id for f in check_article(load_article(draft))], logo
        assert export(draft, "-o", tmp_path / "out") == 2, logo
        assert "site.logo" in capsys.readouterr().err
        assert not (tmp_path / "out").exists()
    draft = draft_with_logo(tmp_path, "site/logo.jpg", {"site/logo.jpg": photo_bytes((120, 48), "green")})
    assert "site-logo-unusable" not in [f.id for f in check_article(load_article(draft))]
    assert export(draft, "-o", tmp_path / "out") == 0
    assert "images/logo.jpg" in tree_files(tmp_path / "out")


def test_a_profile_files_logo_stays_inside_its_folder(source: Path, tmp_path: Path, secret: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "link.jpg").symlink_to(secret)
    for logo in (str(secret), "../private/cmnd.jpg", "link.jpg", "C:\\private\\cmnd.jpg"):
        assert export(source, "-o", tmp_path / "out", "--site", profile(brand, logo)) == 2, logo
        assert not (tmp_path / "out").exists()


def test_an_article_jsons_logo_stays_inside_its_folder(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_article()
    data["site"]["logo"] = str(secret)
    source = write_article_dir(tmp_path / "src", data)
    assert cli_main(["check", str(source)]) == 1
    assert "site-logo-unusable" in capsys.readouterr().out
    assert export(source, "-o", tmp_path / "out") == 2
    assert not (tmp_path / "out").exists()


def test_a_logo_that_is_not_an_image_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_article()
    data["site"]["logo"] = "notes.txt"
    source = write_article_dir(tmp_path / "src", data)
    (tmp_path / "src" / "notes.txt").write_text("mật khẩu: 1234", encoding="utf-8")
    assert cli_main(["check", str(source), "--json"]) == 1
    (finding,) = [f for f in json.loads(capsys.readouterr().out) if f["id"] == "site-logo-unusable"]
    assert finding["severity"] == "error" and finding["location"] == "site.logo"


@pytest.mark.parametrize("reference", [
    "\\\\server\\share\\logo.png", "//server/share/logo.png", "\\\\?\\C:\\logo.png", "\\\\.\\pipe\\x",
    "C:\\logo.png", "C:logo.png", "\\logo.png", "/etc/passwd", "..\\logo.png", "brand/../../logo.png", "logo.png:secret",
])
def test_references_that_leave_the_folder_are_refused_by_windows_and_posix_rules(reference: str) -> None:
    assert reference_problem(reference) is not None
    site = SiteProfile(logo=reference, base_dir=Path("/profiles"))
    assert site.logo_path() is None  # the profile dialog never shows, nor saves, such a path


@pytest.mark.parametrize("reference", ["logo.png", "brand/logo.png", "brand\\logo.png", "logo..png"])
def test_plain_relative_references_are_followed(reference: str) -> None:
    assert reference_problem(reference) is None


def test_unc_paths_are_named_as_network_paths() -> None:
    assert "network path" in (reference_problem("\\\\server\\share\\logo.png") or "")


# --- 13. not a file: /dev/zero, FIFOs ------------------------------------------------------
def run_cli(*args: str | Path, config: Path) -> subprocess.CompletedProcess[str]:
    """In a child with a memory cap and a timeout: a regression that reads a
    FIFO or /dev/zero fails instead of hanging or filling memory."""
    return subprocess.run(
        ["prlimit", "--as=2000000000", sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": str(config)},
    )


def saved_profile_with_logo(config: Path, logo: str) -> None:
    folder = config / "ToaSoan"
    folder.mkdir(parents=True)
    (folder / "site-profile.json").write_text(json.dumps({"name": "Cổng", "logo": logo}), encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.parametrize("case", ["logo /dev/zero", "logo fifo", "profile fifo", "export input fifo", "check input fifo",
                                  "import input fifo"])
def test_what_is_not_a_regular_file_is_refused_in_one_line(case: str, source: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    config = tmp_path / "config"
    config.mkdir()
    out = tmp_path / "out"
    if case == "logo /dev/zero":
        saved_profile_with_logo(config, "/dev/zero")
        result = run_cli("export", source, "-o", out, config=config)
    elif case == "logo fifo":
        saved_profile_with_logo(config, str(fifo))
        result = run_cli("export", source, "-o", out, config=config)
    elif case == "profile fifo":
        result = run_cli("export", source, "-o", out, "--site", fifo, config=config)
    elif case == "export input fifo":
        result = run_cli("export", fifo, "-o", out, config=config)
    elif case == "check input fifo":
        result = run_cli("check", fifo, config=config)
    else:
        result = run_cli("import", fifo, "-o", tmp_path / "bai.article", config=config)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "is a device or a pipe, not an ordinary" in line
    assert not out.exists() and not (tmp_path / "bai.article").exists()
