"""The office's site profile as the JSON file the command line reads
(editor/site.py: write_saved_profile, load_saved_profile): what the window
saves is what `main.py export` and `publish` use, and where to publish set
in the file by hand survives an edit in the window."""

from __future__ import annotations

import json
from pathlib import Path

from editor.model import SiteProfile
from editor.site import load_saved_profile, write_saved_profile


def test_editing_the_site_profile_in_the_window_keeps_where_to_publish(tmp_path: Path) -> None:
    path = tmp_path / "site-profile.json"
    cms = {"kind": "wordpress", "url": "https://portal.example.vn/", "user": "bientap"}
    path.write_text(json.dumps({"name": "Cổng cũ", "cms": cms}))
    write_saved_profile(SiteProfile(name="Cổng mới"), path)
    saved = json.loads(path.read_text())
    assert saved["name"] == "Cổng mới" and saved["cms"] == cms


def test_the_profile_dialog_sets_or_clears_where_to_publish(tmp_path: Path) -> None:
    path = tmp_path / "site-profile.json"
    path.write_text(json.dumps({"name": "Cổng cũ", "cms": {"kind": "wordpress", "url": "https://old.example.vn/"}}))
    cms = {"kind": "wordpress", "url": "https://portal.example.vn/", "user": "bientap"}
    write_saved_profile(SiteProfile(name="Cổng quận"), path, cms=cms)
    assert json.loads(path.read_text(encoding="utf-8"))["cms"] == cms
    write_saved_profile(SiteProfile(name="Cổng quận"), path, cms=None)
    assert "cms" not in json.loads(path.read_text(encoding="utf-8"))


def test_what_the_window_writes_the_command_line_reads_back(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    site = SiteProfile(name="Cổng thông tin điện tử quận Lê Chân", logo=str(logo), logo_anywhere=True)
    site.sections = ["Tin tức", "Thông báo"]
    site.dictionary = ["Lê Chân", "phường"]
    path = tmp_path / "config" / "site-profile.json"  # the folder is made when missing
    write_saved_profile(site, path)
    text = path.read_text(encoding="utf-8")
    assert "Lê Chân" in text  # Vietnamese written as letters, not \\u escapes
    read = load_saved_profile(path)
    assert read is not None
    assert (read.name, read.sections, read.dictionary) == (site.name, site.sections, site.dictionary)
    assert read.logo_path() == logo


def test_a_broken_profile_file_is_replaced_and_nothing_of_it_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "site-profile.json"
    path.write_text("{ not json", encoding="utf-8")
    write_saved_profile(SiteProfile(name="Cổng mới"), path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["name"] == "Cổng mới" and "cms" not in saved
