"""EMF and WMF pictures in Word files (issue 13, item 5): converted to PNG
photos with Inkscape under caps, or left out with a note naming them. The
drawings are those of Apache POI's and pandoc's test documents, as they are."""

from __future__ import annotations

import ast
import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from editor import vector_pictures
from editor.capped_process import Caps
from editor.images import prepare_variants, verify_decodes
from editor.word_import import import_docx
from editor.word_numbering import parse_xml
from editor.word_objects import preview_parts
from tests.helpers import CORPUS

VARIOUS = CORPUS / "docx-poi" / "VariousPictures.docx"  # a WMF, two EMFs, a PNG and a JPEG
CAPTIONED = CORPUS / "docx-pandoc" / "image_with_textbox_caption.docx"  # one EMF line drawing
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _inkscape() -> str:
    found = vector_pictures.find_inkscape()
    assert found, "Inkscape is needed (python3 tasks.py installs it: DEBIAN_PACKAGES)"
    return found


def _drawings(path: Path) -> list[bytes]:
    """The EMF and WMF pictures of a document that are pictures, not an embedded object's preview."""
    with zipfile.ZipFile(path) as archive:
        previews = preview_parts(parse_xml(archive.read("word/document.xml")), parse_xml(archive.read("word/_rels/document.xml.rels")), W)
        return [archive.read(name) for name in archive.namelist()
                if name.startswith("word/media/") and name not in previews and vector_pictures.drawing_kind(archive.read(name))]


def _media(path: Path) -> set[bytes]:
    with zipfile.ZipFile(path) as archive:
        return {archive.read(name) for name in archive.namelist() if name.startswith("word/media/")}


@pytest.mark.parametrize("path", [VARIOUS, CAPTIONED], ids=lambda path: path.name)
def test_each_office_drawing_arrives_as_a_png_photo_of_its_shape_and_size(path: Path) -> None:
    _inkscape()
    drawings = _drawings(path)
    assert drawings, "the corpus document holds EMF or WMF pictures"
    result = import_docx(path)
    originals = _media(path)
    converted = [photo for photo in result.article.images() if photo.media.read_bytes() not in originals]  # type: ignore[union-attr]
    assert len(converted) == len(drawings)
    # Matched by their shape: each drawing's header gives its size in inches.
    sizes = sorted((vector_pictures.physical_size(data) or (0.0, 0.0) for data in drawings), key=lambda size: size[0] / size[1])
    photos = sorted(converted, key=lambda photo: Image.open(io.BytesIO(photo.media.read_bytes())).size[0]  # type: ignore[union-attr]
                    / Image.open(io.BytesIO(photo.media.read_bytes())).size[1])  # type: ignore[union-attr]
    for (inches_wide, inches_high), photo in zip(sizes, photos, strict=True):
        data = photo.media.read_bytes()  # type: ignore[union-attr]
        image = Image.open(io.BytesIO(data))
        assert image.format == "PNG" and photo.src.endswith(".png")
        width, height = image.size
        assert width / height == pytest.approx(inches_wide / inches_high, rel=0.03)
        assert 150 <= width / inches_wide <= 200 or max(width, height) == vector_pictures.MAX_SIZE  # its physical size at ~192 dpi
        # Drawn, not blank: a good share of the pixels is not the white page.
        grey = image.convert("L")
        inked = sum(count for level, count in enumerate(grey.histogram()) if level < 200)
        assert inked > 0.01 * width * height, photo.src
        # What `check` and the export ask of every photo.
        assert verify_decodes(data, photo.src) == (width, height)
        assert prepare_variants(data, photo.src)[0].width == width
    notes = [note for note in result.notes if "Office drawings" in note.en]
    assert len(notes) == 1 and notes[0].en.startswith("Office drawings (EMF, WMF) were converted to PNG photos: picture ")
    assert "Hình vẽ Office (EMF, WMF) đã được chuyển thành ảnh PNG" in notes[0].vi
    assert not any("image/x-emf" in note.en or "image/x-wmf" in note.en for note in result.notes)  # mammoth's own line is replaced


def test_without_inkscape_the_drawings_are_left_out_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert vector_pictures.find_inkscape() is None
    result = import_docx(VARIOUS)
    originals = _media(VARIOUS)
    photos = result.article.images()
    assert [photo.src.rsplit(".", 1)[1] for photo in photos] == ["png", "jpg"]  # the photo and the JPEG, never a drawing
    assert all(photo.media.read_bytes() in originals for photo in photos)  # type: ignore[union-attr]
    [note] = [note for note in result.notes if "Office drawings" in note.en]
    assert note.en == ("Office drawings (EMF, WMF) were left out, as Inkscape, which converts them, is not installed: "
                       "picture 1 (near “(jpeg, png, wmf, emf and pict)”); picture 3 (near “(jpeg, png, wmf, emf and pict)”); "
                       "picture 4 (near “(jpeg, png, wmf, emf and pict)”). Install Inkscape and import again, or insert each as a photo (JPEG, PNG).")
    assert note.vi.startswith("Hình vẽ Office (EMF, WMF) đã bị bỏ qua vì máy chưa cài Inkscape để chuyển đổi: ảnh thứ 1 (gần “")


def test_an_embedded_objects_preview_stays_out_and_the_object_is_named_once() -> None:
    _inkscape()
    result = import_docx(CORPUS / "docx-pandoc" / "image_vml_as_object.docx")
    assert result.article.images() == []
    assert [note.en for note in result.notes if "Visio" in note.en or "Office drawing" in note.en] == [
        "Not imported, as a web page cannot show them: an embedded Visio drawing (near “Test with object as image:”). "
        "Put a picture of each in its place if it is needed."]


def _docx_with_drawing(tmp_path: Path, drawing: bytes) -> Path:
    """image_with_textbox_caption.docx with its EMF replaced by ``drawing``."""
    target = tmp_path / "drawing.docx"
    with zipfile.ZipFile(CAPTIONED) as source, zipfile.ZipFile(target, "w") as copy:
        for member in source.infolist():
            copy.writestr(member, drawing if member.filename == "word/media/image1.emf" else source.read(member))
    return target


def _left_out_note(path: Path) -> str:
    result = import_docx(path)
    assert result.article.images() == []
    [note] = [note for note in result.notes if "Office drawings" in note.en]
    return note.en


def test_a_damaged_drawing_is_left_out_with_a_note_never_stored(tmp_path: Path) -> None:
    _inkscape()
    with zipfile.ZipFile(CAPTIONED) as archive:
        emf = archive.read("word/media/image1.emf")
    damaged = emf[:88] + bytes(len(emf) - 88)  # the header, then zeros: records Inkscape cannot draw
    assert _left_out_note(_docx_with_drawing(tmp_path, damaged)).startswith(
        "Office drawings (EMF, WMF) could not be converted and were left out: picture 1 (at the start). Insert each as a photo")


def _fake_inkscape(tmp_path: Path, body: str) -> Path:
    """A program in Inkscape's place that does ``body`` (Python)."""
    program = tmp_path / "fake-inkscape"
    program.write_text(f"#!{sys.executable}\nimport os, sys, time\nfrom pathlib import Path\nLOG = Path({str(tmp_path / 'log')!r})\n"
                       f"LOG.write_text(str(os.getpid()))\n{body}\n")
    program.chmod(0o755)
    return program


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_converter_that_hangs_is_stopped_and_the_picture_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = _fake_inkscape(tmp_path, "time.sleep(600)")
    monkeypatch.setattr(vector_pictures, "find_inkscape", lambda: str(program))
    monkeypatch.setattr(vector_pictures, "CAPS", Caps(memory=1024**3, cpu_seconds=30, timeout=2.0))
    assert _left_out_note(CAPTIONED).startswith("Office drawings (EMF, WMF) could not be converted and were left out: picture 1")
    assert _gone(int((tmp_path / "log").read_text()))  # stopped, not left running


@pytest.mark.parametrize("prlimit", [True, False], ids=["prlimit", "without-prlimit"])
def test_a_converter_that_balloons_is_stopped_by_the_memory_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prlimit: bool) -> None:
    if not prlimit:  # then the caps are set on the started process
        which = shutil.which
        monkeypatch.setattr(shutil, "which", lambda name: None if name == "prlimit" else which(name))
    cap = 400 * 1024**2
    # Address space only (never touched), 64 MB at a time; it says how far it got.
    program = _fake_inkscape(tmp_path, "import resource\nLOG.write_text(str(resource.getrlimit(resource.RLIMIT_AS)[0]))\n"
                                       "held = []\nfor step in range(32):\n    held.append(bytearray(64 * 1024**2))\n"
                                       "    LOG.write_text(f'{LOG.read_text().split()[0]} {step + 1}')\nLOG.write_text('survived')\n"
                                       "time.sleep(600)")
    monkeypatch.setattr(vector_pictures, "find_inkscape", lambda: str(program))
    monkeypatch.setattr(vector_pictures, "CAPS", Caps(memory=cap, cpu_seconds=30, timeout=60.0))
    assert _left_out_note(CAPTIONED).startswith("Office drawings (EMF, WMF) could not be converted and were left out: picture 1")
    log = (tmp_path / "log").read_text()
    assert log != "survived"
    limit, steps = (int(part) for part in log.split())
    assert limit == cap and steps * 64 * 1024**2 < cap  # the cap held, and stopped it long before the 2 GB it asked for


def test_a_converter_that_spins_is_stopped_by_the_cpu_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = _fake_inkscape(tmp_path, "import resource\nLOG.write_text(str(resource.getrlimit(resource.RLIMIT_CPU)[0]))\nwhile True:\n    pass")
    monkeypatch.setattr(vector_pictures, "find_inkscape", lambda: str(program))
    monkeypatch.setattr(vector_pictures, "CAPS", Caps(memory=1024**3, cpu_seconds=1, timeout=600.0))
    assert _left_out_note(CAPTIONED).startswith("Office drawings (EMF, WMF) could not be converted and were left out: picture 1")
    assert (tmp_path / "log").read_text() == "1"  # its CPU was capped: the 600 s timeout did not have to stop it


def test_the_converter_sees_no_display_and_writes_only_in_its_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = _fake_inkscape(tmp_path, "LOG.write_text(repr((os.environ.get('DISPLAY'), os.environ['HOME'], os.getcwd())))")
    monkeypatch.setattr(vector_pictures, "find_inkscape", lambda: str(program))
    monkeypatch.setenv("DISPLAY", ":0")
    _left_out_note(CAPTIONED)  # it wrote no picture
    display, home, folder = ast.literal_eval((tmp_path / "log").read_text())
    assert display is None and home == folder and Path(folder).name.startswith("toasoan-drawing-") and not Path(folder).exists()
