"""Updates from a folder (a network share in an office; a local folder
here): the newest newer version for this platform is found with its notes,
copied only when its checksum matches, unpacked whole or not at all, and
handed over to on the next start."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from editor.updates import READY, UpdateError, changelog_notes, find_update, ready_executable, stage_update, version_key, write_manifest
from tests.helpers import ROOT

TAG = "linux-x86_64"


def publish(folder: Path, version: str, tag: str = TAG, notes: str = "- Sửa lỗi.", members: dict[str, bytes] | None = None) -> Path:
    """What `tasks.py build --zip` puts on the share: a bundle's zip and its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"toa-soan-{version}-{tag}.zip"
    members = members if members is not None else {"toa-soan/toa-soan": b"#!/bin/sh\necho " + version.encode() + b"\n",
                                                   "toa-soan/_internal/resources/x.txt": b"x"}
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o100755 if name.endswith("toa-soan") else 0o100644) << 16
            zipped.writestr(info, data)
    write_manifest(archive, version, tag, notes)
    return archive


def test_the_newest_newer_version_for_this_platform_is_offered_with_its_notes(tmp_path: Path) -> None:
    share = tmp_path / "share"
    publish(share, "0.1.0")
    publish(share, "0.9.0")
    publish(share, "0.10.0", notes="- Kiểm tra chính tả.")  # 10 > 9: versions compare as numbers, not text
    publish(share, "0.11.0", tag="windows-x64")  # another platform's bundle
    (share / "half-copied.json").write_text('{"format": "toa-soan-upd', encoding="utf-8")
    update = find_update(share, "0.1.0", TAG)
    assert update is not None and update.version == "0.10.0" and update.notes == "- Kiểm tra chính tả."
    assert find_update(share, "0.10.0", TAG) is None  # nothing newer than what runs
    assert find_update(share, "1.0", TAG) is None


def test_a_manifest_pointing_outside_the_folder_is_not_an_update(tmp_path: Path) -> None:
    share = tmp_path / "share"
    archive = publish(share, "0.2.0")
    manifest = archive.with_suffix(".json")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["archive"] = "../elsewhere.zip"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert find_update(share, "0.1.0", TAG) is None


def test_a_folder_that_is_not_there_says_so(tmp_path: Path) -> None:
    with pytest.raises(UpdateError, match="not there"):
        find_update(tmp_path / "unplugged-share", "0.1.0", TAG)


def test_an_accepted_update_is_unpacked_whole_and_started_next_time(tmp_path: Path) -> None:
    share, versions = tmp_path / "share", tmp_path / "versions"
    publish(share, "0.2.0")
    update = find_update(share, "0.1.0", TAG)
    assert update is not None
    assert ready_executable(versions, "0.1.0") is None  # nothing before it is accepted
    folder = stage_update(update, versions)
    assert folder == versions / "0.2.0" and (folder / READY).is_file()
    program = folder / "toa-soan" / "toa-soan"
    assert program.read_bytes() == b"#!/bin/sh\necho 0.2.0\n" and os.access(program, os.X_OK)
    assert ready_executable(versions, "0.1.0") == program
    assert ready_executable(versions, "0.2.0") is None  # the new version does not hand over to itself
    assert sorted(p.name for p in versions.iterdir()) == ["0.2.0"]  # no scratch left


def test_a_changed_or_short_copy_is_refused_and_nothing_is_installed(tmp_path: Path) -> None:
    share, versions = tmp_path / "share", tmp_path / "versions"
    archive = publish(share, "0.2.0")
    update = find_update(share, "0.1.0", TAG)
    assert update is not None
    archive.write_bytes(archive.read_bytes()[:-10])  # the share cut the file short
    with pytest.raises(UpdateError, match="checksum does not match"):
        stage_update(update, versions)
    assert list(versions.iterdir()) == [] and ready_executable(versions, "0.1.0") is None


def test_an_update_with_a_member_outside_its_folder_is_refused(tmp_path: Path) -> None:
    share, versions = tmp_path / "share", tmp_path / "versions"
    publish(share, "0.2.0", members={"toa-soan/toa-soan": b"x", "../../evil.sh": b"rm -rf"})
    update = find_update(share, "0.1.0", TAG)
    assert update is not None
    with pytest.raises(UpdateError, match="outside its folder"):
        stage_update(update, versions)
    assert not (tmp_path / "evil.sh").exists() and list(versions.iterdir()) == []


def test_versions_compare_as_numbers() -> None:
    assert version_key("0.10.0") > version_key("0.9.1") > version_key("0.9")
    with pytest.raises(ValueError):
        version_key("0.2.0-beta")


def test_the_notes_are_the_changelogs_section_of_that_version() -> None:
    changelog = "# Changelog\n\n## 0.2.0\n\n- Kiểm tra chính tả.\n\n## 0.1.0\n\n- Bản đầu tiên.\n"
    assert changelog_notes(changelog, "0.2.0") == "- Kiểm tra chính tả."
    assert changelog_notes(changelog, "0.1.0") == "- Bản đầu tiên."
    assert changelog_notes((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), "0.1.0").startswith("- The first installable build")


def test_the_builds_own_lzma_zip_is_unpacked_whole_links_and_modes_kept(tmp_path: Path) -> None:
    # tasks.py build --zip writes LZMA (method 14), which Windows 10's Explorer and Info-ZIP's unzip cannot
    # open: the updater, its one reader, must. The zip is made by the build's own function.
    import tasks

    bundle = tmp_path / "dist" / "toa-soan"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    program = bundle / "toa-soan"
    program.write_bytes(b"#!/bin/sh\necho 0.2.0\n")
    program.chmod(0o755)
    library = bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6"
    library.write_bytes(os.urandom(4096) + bytes(200_000))  # some noise, then what compresses
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")  # as Linux's Qt libraries are
    (bundle / "_internal" / "photo.jpg").write_bytes(os.urandom(1000))
    (bundle / "_internal" / "Ảnh ghi chú.txt").write_text("Tòa Soạn", encoding="utf-8")
    share = tmp_path / "share"
    share.mkdir()
    archive = share / f"toa-soan-0.2.0-{TAG}.zip"
    tasks._zip_tree(tmp_path / "dist", "toa-soan", archive)
    write_manifest(archive, "0.2.0", TAG, "- Nhẹ hơn.")
    with zipfile.ZipFile(archive) as zipped:
        methods = {info.filename: info.compress_type for info in zipped.infolist()}
    assert methods["toa-soan/_internal/PySide6/Qt/lib/libQt6Core.so.6"] == zipfile.ZIP_LZMA
    assert methods["toa-soan/_internal/photo.jpg"] == zipfile.ZIP_STORED  # compressed already
    update = find_update(share, "0.1.0", TAG)
    assert update is not None
    folder = stage_update(update, tmp_path / "versions")
    unpacked = folder / "toa-soan"
    assert (unpacked / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").read_bytes() == library.read_bytes()
    assert os.readlink(unpacked / "_internal" / "libQt6Core.so.6") == "PySide6/Qt/lib/libQt6Core.so.6"
    assert (unpacked / "_internal" / "Ảnh ghi chú.txt").read_text(encoding="utf-8") == "Tòa Soạn"
    assert os.access(unpacked / "toa-soan", os.X_OK) and ready_executable(tmp_path / "versions", "0.1.0") == unpacked / "toa-soan"


def test_the_build_says_what_is_over_its_size_budget() -> None:
    import tasks

    assert tasks.over_budget(399_900_000, 149_900_000) == []
    assert tasks.over_budget(399_900_000, None) == []  # a build without --zip
    assert tasks.over_budget(456_000_000, 191_000_000) == ["456.0 MB unpacked, over the budget of 400 MB",
                                                           "191.0 MB zipped, over the budget of 150 MB"]
