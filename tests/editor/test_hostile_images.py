"""Hostile and odd photos: only the formats the README names are decoded
(never EPS through Ghostscript), any decoder failure is a plain refusal
that ``check`` reports before export, and AVIF clean-aperture crops are
shown as the file asks."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from editor.checks import check_article
from editor.cli import main as cli_main
from editor.errors import ImageError
from editor.images import open_image, prepare_variants, verify_decodes
from editor.inputs import load_article
from tests.helpers import CORPUS, ROOT, minimal_article, write_article_dir

AVIF = CORPUS / "images-avif"
CLAP = AVIF / "kimono.crop.avif"
HDR = AVIF / "Chimera_10bit_cropped_to_1920x1008_with_HDR_metadata.avif"

EPS = b"""%!PS-Adobe-3.0 EPSF-3.0
%%BoundingBox: 0 0 16 16
%%EndComments
newpath 0 0 moveto 16 16 lineto stroke
showpage
%%EOF
"""


def encoded(format_name: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(buffer, format_name)
    return buffer.getvalue()


class _NoProcess:
    """Stands in for subprocess.Popen: records any attempt to start a process."""

    started: list[object] = []

    def __init__(self, args: object, *_: object, **__: object) -> None:
        _NoProcess.started.append(args)
        raise OSError("no process may be started while reading a photo")


@pytest.fixture
def no_process(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    _NoProcess.started = []
    monkeypatch.setattr(subprocess, "Popen", _NoProcess)
    # As if Ghostscript were installed: Pillow's EPS reader would then run it.
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: f"/usr/bin/{name}")
    return _NoProcess.started


def article_with_photo(tmp_path: Path, data: bytes, name: str = "photos/1.jpg") -> Path:
    article = minimal_article()
    article["blocks"][1]["src"] = name
    return write_article_dir(tmp_path / "src", article, {name: data})


def test_an_eps_photo_is_refused_everywhere_without_starting_any_process(tmp_path: Path, no_process: list[object],
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ImageError, match="not an image, or a format the app does not read"):
        open_image(EPS, "logo.eps")
    with pytest.raises(ImageError, match="format the app does not read"):
        prepare_variants(EPS, "logo.eps")
    with pytest.raises(ImageError, match="format the app does not read"):
        verify_decodes(EPS, "logo.eps")
    # A draft, a Word document or a paste carries it as bytes: check and export refuse it.
    source = article_with_photo(tmp_path, EPS, "photos/1.eps")
    findings = check_article(load_article(source))
    assert "photo-unreadable" in [finding.id for finding in findings]
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 2
    assert "format the app does not read" in capsys.readouterr().err
    assert no_process == []
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("format_name", ["TGA", "PCX", "QOI", "PPM", "ICO"])
def test_formats_the_readme_does_not_name_are_refused(format_name: str) -> None:
    data = encoded(format_name)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == format_name  # Pillow itself would read it
    with pytest.raises(ImageError, match="format the app does not read"):
        prepare_variants(data, f"photo.{format_name.lower()}")


def test_every_image_open_in_the_app_goes_through_the_one_helper() -> None:
    """The formats are restricted in editor.images.open_image; a second
    Image.open anywhere would open every Pillow plugin again."""
    offenders = []
    for folder in ("editor", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == ROOT / "editor" / "images.py":
                continue
            if re.search(r"\bImage\.open\(|PIL\.Image import open\b", path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_a_decoder_failure_is_a_plain_refusal_and_check_reports_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = HDR.read_bytes()
    with pytest.raises(ImageError, match="damaged"):  # Pillow raises RuntimeError ("Conversion from YUV failed")
        prepare_variants(data, HDR.name)
    source = article_with_photo(tmp_path, data, "photos/hdr.avif")
    assert cli_main(["check", str(source), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert {"id": "photo-unreadable", "severity": "error", "location": "block 2: src", "block": 2, "field": "src"}.items() <= next(
        f for f in findings if f["id"] == "photo-unreadable").items()
    assert cli_main(["export", str(source), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.splitlines()) == 1 and "damaged" in err
    assert not (tmp_path / "out").exists()


def test_an_avif_clean_aperture_crop_is_shown_as_the_file_asks(tmp_path: Path) -> None:
    with Image.open(CLAP) as raw:
        assert raw.size == (722, 1024)  # the coded picture; the file asks to show 385×330 of it
    (exported,) = prepare_variants(CLAP.read_bytes(), CLAP.name)
    assert (exported.width, exported.height) == (385, 330)
    reference = tmp_path / "vips.png"  # libheif (through libvips) honours clap
    subprocess.run(["vips", "copy", str(CLAP), str(reference)], capture_output=True, check=True)
    ours = Image.open(io.BytesIO(exported.data)).convert("RGB")
    theirs = Image.open(reference).convert("RGB")
    assert theirs.size == ours.size
    assert sum(ImageStat.Stat(ImageChops.difference(ours, theirs)).mean) / 3 <= 3
    assert verify_decodes(CLAP.read_bytes(), CLAP.name) == (385, 330)  # what check measures


def test_a_clean_aperture_outside_the_picture_is_refused_clearly() -> None:
    data = bytearray(CLAP.read_bytes())
    at = data.index(b"clap") + 4
    data[at : at + 4] = (5000).to_bytes(4, "big")  # a crop wider than the picture
    with pytest.raises(ImageError, match=r"cropped \(clap\) to a box outside its picture"):
        prepare_variants(bytes(data), "wide.avif")


# Address space the exporting child may use: a WebP of 7000×7000 px needs
# ~800 MB to convert, so one fits and two at once do not.
MEMORY_LIMIT = 1_600_000_000


def webp(size: int, color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), color).save(buffer, "WEBP", lossless=True)  # a few KB whatever the size
    return buffer.getvalue()


def export_under_memory_limit(source: Path, target: Path) -> subprocess.CompletedProcess[str]:
    prlimit = shutil.which("prlimit")
    assert prlimit, "prlimit (util-linux) is needed to cap the child's memory"
    return subprocess.run(
        [prlimit, f"--as={MEMORY_LIMIT}", sys.executable, str(ROOT / "main.py"), "export", str(source), "-o", str(target)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_photos_that_fit_memory_one_at_a_time_export_however_many_workers(tmp_path: Path) -> None:
    """Each photo is small on disk and large decoded: the workers must not
    decode more at once than memory holds."""
    article = minimal_article()
    names = [f"photos/{color}.webp" for color in ("red", "green", "blue")]
    article["blocks"] = [{"type": "image", "src": name, "caption": "Ảnh.", "alt": "Một màu"} for name in names]
    source = write_article_dir(tmp_path / "src", article, {name: webp(7000, name[7:-5]) for name in names})
    result = export_under_memory_limit(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out" / "images").glob("*-[123].jpg"))) == 3


def test_a_photo_too_big_for_memory_is_refused_in_one_line_before_decoding(tmp_path: Path) -> None:
    article = minimal_article()
    article["blocks"][1]["src"] = "photos/huge.webp"
    source = write_article_dir(tmp_path / "src", article, {"photos/huge.webp": webp(14000, "red")})  # 196 MP, 8 KB
    result = export_under_memory_limit(source, tmp_path / "out")
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "196 megapixels need more memory than this computer can spare for one photo" in line
    assert not (tmp_path / "out").exists()
