"""Export: every output kind, byte-identical repeats, atomic and refused
targets, photos upright and stripped, and the command line's exit codes."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from editor.cli import main as cli_main
from tests.helpers import ROOT, minimal_article, parse_html, photo_bytes, read_image, tree_files, write_article_dir


def camera_photo(orientation: int = 6) -> bytes:
    """A photo that shows red on top and blue below once turned upright,
    stored sideways the way a phone held upright stores it, with GPS."""
    upright = Image.new("RGB", (1200, 800), "blue")
    upright.paste("red", (0, 0, 1200, 400))
    stored = upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0), 3: "E", 4: (106.0, 40.0, 50.0)}
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    return buffer.getvalue()


def export(*args: str | Path) -> int:
    return cli_main([str(a) for a in ("export", *args)])


# The cover's share card and structured-data crops (editor/share_images.py).
SHARED = re.compile(r"-(share|1x1|4x3|16x9)-[0-9a-f]{12}\.jpg$")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_article_dir(tmp_path / "src", photos={"photos/1.jpg": camera_photo()})


def test_folder_bundle_holds_the_page_and_its_photos(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert export(source, "-o", out) == 0
    files = tree_files(out)
    # The photo's two sizes, and the cover's share card and three crops, each named by its own bytes.
    shared = sorted(name for name in files if re.fullmatch(r"images/quan-le-chan-hop-ban-chi-dao-35-(share|1x1|4x3|16x9)-[0-9a-f]{12}\.jpg", name))
    assert [name.rsplit("-", 2)[-2] for name in shared] == ["16x9", "1x1", "4x3", "share"]
    assert sorted(set(files) - set(shared)) == [
        "images/quan-le-chan-hop-ban-chi-dao-35-1-800w.jpg", "images/quan-le-chan-hop-ban-chi-dao-35-1.jpg", "index.html",
    ]
    page = parse_html(files["index.html"].decode())
    image = page.find(".//figure[@class='photo']/img")
    assert image.get("src") == "images/quan-le-chan-hop-ban-chi-dao-35-1.jpg"
    assert (image.get("width"), image.get("height")) == ("1200", "800")
    # Two sizes, listed with their real widths.
    assert image.get("srcset") == (
        "images/quan-le-chan-hop-ban-chi-dao-35-1-800w.jpg 800w, images/quan-le-chan-hop-ban-chi-dao-35-1.jpg 1200w"
    )
    assert image.get("sizes") == "(max-width: 760px) 100vw, 728px"
    assert read_image(out / "images/quan-le-chan-hop-ban-chi-dao-35-1-800w.jpg").size == (800, 533)


def test_exported_photo_is_upright_and_has_no_metadata(source: Path, tmp_path: Path) -> None:
    export(source, "-o", tmp_path / "out")
    photo = read_image(tmp_path / "out/images/quan-le-chan-hop-ban-chi-dao-35-1.jpg")
    assert photo.size == (1200, 800)  # turned upright: wider than tall
    assert photo.getpixel((600, 100))[0] > 200 and photo.getpixel((600, 100))[2] < 60  # red on top
    assert photo.getpixel((600, 700))[2] > 200 and photo.getpixel((600, 700))[0] < 60  # blue below
    assert len(photo.getexif()) == 0
    assert "exif" not in photo.info and "icc_profile" not in photo.info
    for exported in (tmp_path / "out/images").iterdir():
        assert b"Exif" not in exported.read_bytes()[:4096] and len(read_image(exported).getexif()) == 0
    assert photo.info.get("progressive") == 1


def test_photos_are_fitted_but_never_upscaled(tmp_path: Path) -> None:
    source = write_article_dir(tmp_path / "src", photos={"photos/1.jpg": photo_bytes((4000, 3000))})
    export(source, "-o", tmp_path / "big", "--max-size", "800")
    sizes = sorted(read_image(p).size for p in (tmp_path / "big/images").iterdir() if not SHARED.search(p.name))
    assert sizes == [(400, 300), (800, 600)]
    small = write_article_dir(tmp_path / "small-src", photos={"photos/1.jpg": photo_bytes((300, 200))})
    export(small, "-o", tmp_path / "small")
    # One size, not upscaled (only the share card is made at the size the networks ask for).
    assert [read_image(p).size for p in (tmp_path / "small/images").iterdir() if not SHARED.search(p.name)] == [(300, 200)]


def test_zip_bundle_has_index_and_images_at_its_root(source: Path, tmp_path: Path) -> None:
    assert export(source, "-o", tmp_path / "bai.zip") == 0
    with zipfile.ZipFile(tmp_path / "bai.zip") as archive:
        assert len([name for name in archive.namelist() if SHARED.search(name)]) == 4
        assert [name for name in archive.namelist() if not SHARED.search(name)] == [
            "images/quan-le-chan-hop-ban-chi-dao-35-1-800w.jpg", "images/quan-le-chan-hop-ban-chi-dao-35-1.jpg", "index.html",
        ]


def test_single_html_file_carries_its_photos(source: Path, tmp_path: Path) -> None:
    assert export(source, "-o", tmp_path / "bai.html") == 0
    assert [p.name for p in tmp_path.iterdir() if p.name != "src"] == ["bai.html"]
    page = parse_html((tmp_path / "bai.html").read_text(encoding="utf-8"))
    src = page.find(".//figure[@class='photo']/img").get("src")
    assert src.startswith("data:image/jpeg;base64,")
    import base64

    assert Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).size == (1200, 800)


def test_interchange_export_loads_back(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "handover" / "article.json"
    assert export(source, "-o", target) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "article/1"
    assert data["blocks"][1]["src"] == "images/quan-le-chan-hop-ban-chi-dao-35-1.jpg"
    from editor.article_format import load_article_json

    assert load_article_json(target).title == "Quận Lê Chân họp Ban Chỉ đạo 35"


@pytest.mark.parametrize("name", ["out", "bai.zip", "bai.html", "handover/article.json", "bai.article"])
def test_exporting_twice_gives_identical_bytes_even_a_year_and_a_day_later(source: Path, tmp_path: Path, name: str) -> None:
    """The second export runs with the clock moved 400 days on
    (libfaketime: time(), clock_gettime() and so datetime.now() all move), so
    any time that leaks into the output (a zip member's date, a generated
    timestamp) shows as a difference."""
    if shutil.which("faketime") is None:
        pytest.fail("faketime is not installed: run `python3 tasks.py test`, which installs it")
    first, second = tmp_path / "1" / name, tmp_path / "2" / name

    def run(target: Path, clock: list[str]) -> str:
        if name.endswith(".article"):  # a draft saved twice: the same bytes too
            code = ("import sys; from pathlib import Path; from editor.draft import save_draft; from editor.inputs import load_article; "
                    "t = Path(sys.argv[2]); t.parent.mkdir(parents=True); save_draft(load_article(Path(sys.argv[1])), t); "
                    "import datetime; print(datetime.datetime.now().year)")
            command = [sys.executable, "-c", code, str(source), str(target)]
        else:
            code = "import sys, datetime; from editor.cli import main; code = main(sys.argv[1:]); print(datetime.datetime.now().year); sys.exit(code)"
            command = [sys.executable, "-c", code, "export", str(source), "-o", str(target)]
        result = subprocess.run([*clock, *command], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()[-1]

    now = run(first, [])
    later = run(second, ["faketime", "-f", "+400d"])
    assert int(later) > int(now)  # the clock really moved for the second one
    root_1, root_2 = (first, second) if first.is_dir() else (first.parent, second.parent)
    assert tree_files(root_1) == tree_files(root_2)


def test_an_existing_target_is_refused_unless_forced(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bai.html"
    out.write_text("bản cũ", encoding="utf-8")
    assert export(source, "-o", out) == 2
    assert capsys.readouterr().err == f"{out}: already exists; choose another name, or replace it with --force\n"
    assert out.read_text(encoding="utf-8") == "bản cũ"
    assert export(source, "-o", out, "--force") == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_forcing_over_a_previous_export_replaces_it_whole(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert export(source, "-o", out) == 0
    (out / "images" / "stale.jpg").write_bytes(b"old photo")
    assert export(source, "-o", out, "--force") == 0
    assert "images/stale.jpg" not in tree_files(out) and "index.html" in tree_files(out)
    assert [p.name for p in tmp_path.iterdir()] == ["src", "out"] or sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]


def test_every_file_of_a_folder_bundle_is_fsynced_before_it_is_moved_in(source: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The files are written on several threads at once; a kill cannot show a
    # missing fsync, so what was flushed by the time of the move is asserted.
    import editor.export as export_module

    synced: set[str] = set()
    real_fsync, real_replace_folder = export_module.os.fsync, export_module.replace_folder
    moved: list[set[str]] = []

    def fsync(fd: int) -> None:
        real_fsync(fd)
        synced.add(os.path.realpath(f"/proc/self/fd/{fd}") if os.path.isdir("/proc/self/fd") else str(fd))

    def replace_folder(built: Path, target: Path) -> None:
        written = {str(p.resolve()) for p in built.rglob("*") if p.is_file()}
        moved.append(written - synced)
        real_replace_folder(built, target)

    monkeypatch.setattr(export_module.os, "fsync", fsync)
    monkeypatch.setattr(export_module, "replace_folder", replace_folder)
    assert export(source, "-o", tmp_path / "out") == 0
    if os.path.isdir("/proc/self/fd"):
        assert moved == [set()]
    assert len(tree_files(tmp_path / "out")) == 7  # the page, two sizes, the card and three crops


def test_a_full_disk_while_writing_the_photos_keeps_the_previous_export(source: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    import editor.export as export_module

    out = tmp_path / "out"
    assert export(source, "-o", out) == 0
    before = {name: (out / name).read_bytes() for name in tree_files(out)}
    calls = iter(range(1000))

    def full_on_the_third(fd: int) -> None:
        if next(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module.os, "fsync", full_on_the_third)
    source.write_text(source.read_text(encoding="utf-8").replace("Quận", "Huyện"), encoding="utf-8")  # a new page
    assert export(source, "-o", out, "--force") == 2
    assert "No space left on device" in capsys.readouterr().err
    assert {name: (out / name).read_bytes() for name in tree_files(out)} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]  # no build folder left beside it


def test_a_broken_photo_stops_the_export_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_article_dir(tmp_path / "src", photos={"photos/1.jpg": camera_photo()[:2000]})
    assert export(source, "-o", tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "block 2 (photos/1.jpg)" in err and "truncated" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "nowhere.article", "-o", "x"], "nowhere.article: file or folder not found"),
        (["export", "in"], "the following arguments are required: -o/--output"),
        (["export", "in", "-o", "x", "--max-size", "huge"], "'huge' is not a whole number of pixels"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_unusable_arguments_exit_2_with_one_line(args: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as caught:
        code = cli_main(args)
        raise SystemExit(code)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err


def test_a_bad_article_lists_every_problem_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal_article(language="fr")
    data["blocks"].append({"type": "video"})
    source = write_article_dir(tmp_path / "src", data, photos={})
    assert export(source, "-o", tmp_path / "out") == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{source}: language: must be \"vi\" or \"en\", not \"fr\"",
        f"{source}: blocks[1].src: file not found (photos/1.jpg)",
        f"{source}: blocks[3].type: unknown block type \"video\" (known: paragraph, heading, quote, list, image)",
    ]


def test_input_may_be_a_draft_a_json_file_or_a_folder(source: Path, tmp_path: Path) -> None:
    from editor.article_format import load_article_json
    from editor.draft import save_draft

    save_draft(load_article_json(source), tmp_path / "bai.article")
    pages = []
    for index, given in enumerate([source, source.parent, tmp_path / "bai.article"]):
        assert export(given, "-o", tmp_path / f"page{index}.html") == 0
        pages.append((tmp_path / f"page{index}.html").read_bytes())
    assert pages[0] == pages[1] == pages[2]


def test_site_profile_precedence_is_command_line_then_article_then_saved(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = tmp_path / "config" / "site-profile.json"
    saved.parent.mkdir()
    saved.write_text(json.dumps({"name": "Hồ sơ đã lưu", "fanpage_label": "Nhãn đã lưu", "url": "https://saved.vn"}), encoding="utf-8")
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: saved)
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.png").write_bytes(photo_bytes((120, 48)))
    override = tmp_path / "brand" / "site.json"
    override.write_text(json.dumps({"name": "Cổng dòng lệnh", "logo": "logo.png"}), encoding="utf-8")
    assert export(source, "-o", tmp_path / "out", "--site", override) == 0
    page = parse_html((tmp_path / "out/index.html").read_text(encoding="utf-8"))
    assert "".join(page.find(".//span[@class='site-name']").itertext()) == "Cổng dòng lệnh"  # command line wins
    assert page.find(".//a[@class='site-home']").get("href") == "https://haiphong.gov.vn"  # the article's own
    assert page.find(".//img[@class='site-logo']").get("src") == "images/logo.jpg"
    assert read_image(tmp_path / "out/images/logo.jpg").size == (120, 48)  # the profile's logo, written anew
    label = "".join(page.find(".//figure[@class='qr-figure fanpage-qr']/figcaption").itertext())
    assert label == "Mã QR Code truy cập vào Fanpage"  # the article's label beats the saved one


def test_main_py_runs_the_command_line_without_qt(source: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "export", str(source), "-o", str(tmp_path / "o.html")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6" not in result.stderr  # importtime lists every module imported
    assert (tmp_path / "o.html").is_file()


def test_a_traceback_never_reaches_the_user(tmp_path: Path) -> None:
    (tmp_path / "bai.article").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(tmp_path / "bai.article"), "-o", str(tmp_path / "o")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.fixture
def umask_022() -> Any:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("name", ["bai.zip", "bai.html", "bai.article"])
def test_written_files_follow_the_umask_so_a_colleague_can_read_them(source: Path, tmp_path: Path, name: str, umask_022: Any) -> None:
    target = tmp_path / name
    if name.endswith(".article"):
        from editor.draft import save_draft
        from editor.inputs import load_article

        save_draft(load_article(source), target)
    else:
        assert export(source, "-o", target) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_folder_bundle_follows_the_umask_too(source: Path, tmp_path: Path, umask_022: Any) -> None:
    assert export(source, "-o", tmp_path / "out") == 0
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "out" / "index.html").stat().st_mode) == 0o644


def test_replacing_a_file_keeps_the_mode_its_owner_gave_it(source: Path, tmp_path: Path, umask_022: Any) -> None:
    target = tmp_path / "bai.html"
    target.write_text("old")
    target.chmod(0o664)
    assert export(source, "-o", target, "--force") == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_zip_members_carry_the_articles_own_time(source: Path, tmp_path: Path) -> None:
    from editor.draft import save_draft
    from editor.inputs import load_article

    assert export(source, "-o", tmp_path / "bai.zip") == 0
    save_draft(load_article(source), tmp_path / "bai.article")
    for archive in ("bai.zip", "bai.article"):
        with zipfile.ZipFile(tmp_path / archive) as opened:
            # published 2023-11-01T16:20:00+07:00, in the article's zone (Vietnam)
            assert {info.date_time for info in opened.infolist()} == {(2023, 11, 1, 16, 20, 0)}


def test_an_export_says_its_progress_and_a_cancelled_one_writes_nothing(tmp_path: Path) -> None:
    from editor.errors import ExportCancelled
    from editor.export import ExportOptions, export_article
    from editor.model import SiteProfile
    from tests.editor.test_find_replace_and_cms import several_photos

    article = several_photos(tmp_path)  # four photo blocks, three different photos
    told: list[tuple[int, int]] = []
    export_article(article, SiteProfile(), tmp_path / "xuat", ExportOptions(progress=lambda done, total: told.append((done, total))))
    assert sorted(told) == [(1, 3), (2, 3), (3, 3)] and (tmp_path / "xuat" / "index.html").is_file()

    asked: list[bool] = []

    def cancel_after_the_first_photo() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(ExportCancelled):
        export_article(article, SiteProfile(), tmp_path / "bai.zip", ExportOptions(cancelled=cancel_after_the_first_photo))
    assert not (tmp_path / "bai.zip").exists()
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []  # no partial file left


def test_photo_problems_are_listed_in_the_articles_order_whichever_conversion_ends_first() -> None:
    """A missing photo is known before any conversion, a damaged one only when its conversion
    ends: the list the user reads still goes from the top of the article down."""
    from editor.errors import ExportError
    from editor.export import exported_photos
    from editor.media import MemoryMedia
    from editor.model import Article, ImageBlock

    article = Article(title="Ba ảnh, hai hỏng")
    damaged = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # a JPEG's start, then nothing a decoder can read
    article.blocks = [
        ImageBlock(src="hong-1.jpg", media=MemoryMedia(damaged, "hong-1.jpg"), alt="Một"),
        ImageBlock(src="mat.jpg", media=None, alt="Hai"),
        ImageBlock(src="hong-3.jpg", media=MemoryMedia(damaged + b"\x01", "hong-3.jpg"), alt="Ba"),
    ]
    with pytest.raises(ExportError) as raised:
        exported_photos(article)
    assert [problem.split()[1].rstrip(":") for problem in raised.value.problems] == ["1", "2", "3"]
    assert "mat.jpg" in raised.value.problems[1] and "hong-3.jpg" in raised.value.problems[2]
