"""Credits inside the exported photos (issue 19, item 4), read back with
exiftool, which nobody here wrote: the creator, credit line, copyright
notice and caption are there; GPS and camera data are not; the site
profile can turn the credits off."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from editor.cli import main as cli_main
from tests.helpers import minimal_article, write_article_dir

COPYRIGHT = "© Cổng tin tức Thành phố Hải Phòng"


def exiftool(*paths: Path) -> list[dict[str, Any]]:
    tool = shutil.which("exiftool")
    if tool is None:
        pytest.fail("exiftool is not installed: run `python3 tasks.py test`, which installs libimage-exiftool-perl")
    done = subprocess.run([tool, "-json", "-G1", "-a", "-charset", "utf8", *map(str, paths)], capture_output=True, text=True, timeout=60, check=True)
    return list(json.loads(done.stdout))


def camera_jpeg() -> bytes:
    """A phone's photo: GPS coordinates, the camera's make and model, a date."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Canon", "Canon EOS 80D", "2023:11:01 16:20:00"
    exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0), 3: "E", 4: (106.0, 40.0, 50.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1600), "teal").save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def export_with(tmp_path: Path, **site: Any) -> Path:
    data = minimal_article()
    data["blocks"][1].update(credit="Hoàng Tùng", caption="Toàn cảnh <b>cuộc họp</b> &amp; đại biểu.")
    data["site"].update(copyright=COPYRIGHT, **site)
    source = write_article_dir(tmp_path / "src", data, photos={"photos/1.jpg": camera_jpeg()})
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 0
    return tmp_path / "out" / "images"


def test_every_exported_jpeg_carries_the_credits_and_nothing_from_the_camera(tmp_path: Path) -> None:
    images = export_with(tmp_path)
    files = sorted(images.iterdir())
    assert len(files) == 6  # the photo's two sizes, the share card and its three crops
    for tags in exiftool(*files):
        assert tags["XMP-dc:Creator"] == "Hoàng Tùng", tags["SourceFile"]
        assert tags["XMP-photoshop:Credit"] == "Ảnh: Hoàng Tùng"  # the credit line as the page prints it
        assert tags["XMP-dc:Rights"] == COPYRIGHT
        assert tags["XMP-dc:Description"] == "Toàn cảnh cuộc họp & đại biểu."  # the caption as text
        leaked = [key for key in tags if key.split(":")[0] in ("IFD0", "ExifIFD", "GPS", "IFD1", "ICC_Profile", "MakerNotes")
                  or "GPS" in key or key.endswith((":Make", ":Model"))]
        assert leaked == [], (tags["SourceFile"], leaked)


def test_a_credit_typed_with_its_prefix_names_the_creator_without_it(tmp_path: Path) -> None:
    data = minimal_article()
    data["blocks"][1]["credit"] = "Ảnh: Minh Thu"
    source = write_article_dir(tmp_path / "src", data, photos={"photos/1.jpg": camera_jpeg()})
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 0
    [tags] = exiftool(tmp_path / "out" / "images" / "quan-le-chan-hop-ban-chi-dao-35-1.jpg")
    assert (tags["XMP-dc:Creator"], tags["XMP-photoshop:Credit"]) == ("Minh Thu", "Ảnh: Minh Thu")
    assert "XMP-dc:Rights" not in tags  # no copyright in the profile: none claimed


def test_the_site_profile_can_turn_the_credits_off(tmp_path: Path) -> None:
    images = export_with(tmp_path, photo_metadata=False)
    for tags in exiftool(*sorted(images.iterdir())):
        assert not [key for key in tags if key.startswith(("XMP", "IPTC", "GPS", "IFD0", "ExifIFD"))], tags
