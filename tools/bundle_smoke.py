"""The bundle's smoke test: does dist/toa-soan/ start on a bare machine?

    python3 tasks.py bundle-smoke        (after python3 tasks.py build)

The bundle is copied to a fresh temporary folder and run there with a clean
environment (no .venv, no PYTHONPATH, no project folder on any path, a new
home folder), as on an office PC that never saw Python:

- ``--version`` names this version;
- ``self-check`` opens the example offscreen and reads the preview's DOM
  back (the title, and the first photo decoded in a photo process);
- ``export`` of the example, to a folder and to one HTML file, passes the
  suite's checks: the W3C Nu HTML Checker, and both QR codes read by
  zxing-cpp from Chromium's rendering (tests/helpers.py, as
  tests/editor/test_web_checks.py does);
- ``export`` of photos in HEIC and AVIF (pi-heif's and libavif's
  libraries in the bundle; the HEIC is written here with pillow-heif, which
  the bundle must not carry: its x265 encoder is GPL), ``export -o NAME.pdf`` (the printer child is
  the bundle itself, ``-m ui.preview.pdf_print``), ``check``, ``import`` of a Word
  document and ``library`` all exit 0.

This script runs in the project's .venv (it needs the test tools); only the
bundle runs in the clean environment. It prints one line per step and
"smoke: N passed, N failed"; it exits 1 when any step failed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pillow_heif  # noqa: E402  (the tests' HEIC writer; the bundle has only pi-heif's decoder)
import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from editor.components import COMPONENTS  # noqa: E402
from editor.version import VERSION  # noqa: E402
from tests.helpers import CORPUS, EXAMPLE_DIR, chromium_screenshot, minimal_article, vnu_errors, write_article_dir  # noqa: E402

BUNDLE = ROOT / "dist" / "toa-soan"
EXECUTABLE = "toa-soan-cli.exe" if os.name == "nt" else "toa-soan"  # Windows: the console one (see the spec)
EXAMPLE = json.loads((EXAMPLE_DIR / "article.json").read_text(encoding="utf-8"))
# What a Windows process cannot start without; nothing of Python's or the project's.
WINDOWS_ESSENTIALS = ("SYSTEMROOT", "WINDIR", "SYSTEMDRIVE", "COMSPEC", "PATHEXT", "TEMP", "TMP", "USERPROFILE",
                      "APPDATA", "LOCALAPPDATA", "PROGRAMDATA", "USERNAME", "COMPUTERNAME", "NUMBER_OF_PROCESSORS")


def clean_environment(home: Path) -> dict[str, str]:
    if os.name == "nt":
        env = {name: os.environ[name] for name in WINDOWS_ESSENTIALS if name in os.environ}
        env["PATH"] = os.pathsep.join([str(Path(env.get("SYSTEMROOT", r"C:\Windows")) / "System32"), env.get("SYSTEMROOT", "")])
        return env
    # A new home: the app's settings, workspace and site profile start empty, as on a new PC.
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(home)}


class Smoke:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.executable = folder / "toa-soan" / EXECUTABLE
        self.env = clean_environment(folder / "home")
        (folder / "home").mkdir()
        self.passed: list[str] = []
        self.failed: list[str] = []

    def bundle(self, *args: str | Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        """Run the copied bundle with the clean environment, from its own folder."""
        return subprocess.run([str(self.executable), *map(str, args)], env=self.env, cwd=self.folder, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)

    def step(self, name: str, check: Callable[[], None]) -> None:
        started = time.monotonic()
        try:
            check()
        except Exception as error:  # noqa: BLE001 (a failed step is reported, and the next one runs)
            self.failed.append(name)
            print(f"FAIL {name} ({time.monotonic() - started:.1f} s): {error}", flush=True)
        else:
            self.passed.append(name)
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)

    def expect_ok(self, result: subprocess.CompletedProcess[str], *, says: str = "") -> None:
        if result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
        if says and says not in result.stdout:
            raise AssertionError(f"“{says}” not in its output:\n{result.stdout}")


def leaves_out_what_is_never_loaded(bundle: Path) -> None:
    """What packaging/toa-soan.spec promises to leave out (README, "What is left out")."""
    files = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file() or path.is_symlink()]
    names = {PurePosixPath(name).name for name in files}
    unwanted = [name for name in files if "/qml/" in name or "/metatypes/" in name or name.endswith((".debug", ".pdb"))
                or (name.endswith(".qm") and "/Qt/translations/" in name) or "devtools_resources" in name
                or PurePosixPath(name).name.startswith(("libqgtk3", "libgtk-3", "libqwayland", "libqtvirtualkeyboard",
                                                         "Qt3D", "QtQuick", "QtQml", "QtMultimedia", "QtOpenGL.",
                                                         "libx265", "pillow_heif", "_pillow_heif", "pycparser"))]
    if unwanted:
        raise AssertionError(f"the bundle holds what the app never loads: {unwanted[:10]}")
    dangling = [name for name in files if (bundle / name).is_symlink() and not (bundle / name).exists()]
    if dangling:
        raise AssertionError(f"links to files left out: {dangling}")
    locales = sorted(PurePosixPath(name).name for name in files if "/qtwebengine_locales/" in name)
    if locales != ["en-US.pak", "vi.pak"]:
        raise AssertionError(f"Chromium's messages should be English and Vietnamese only, not {locales}")
    for needed in ("LGPL-3.0.txt", "GPL-3.0.txt", "CHANGELOG.md", "toasoan_vi.qm", "article.html.j2"):
        if needed not in names:
            raise AssertionError(f"the bundle lacks {needed}")
    # Help ▸ About reads each part's version from its metadata (editor/components.py).
    def normalized(name: str) -> str:  # a dist-info folder may spell jaraco.classes with a dot or an underscore
        return re.sub(r"[-_.]+", "_", name).lower()

    shipped = {normalized(path.name.split("-")[0]) for path in (bundle / "_internal").glob("*.dist-info")}
    missing = sorted({part.distribution for part in COMPONENTS if part.distribution
                      and normalized(part.distribution) not in shipped})
    if missing:
        raise AssertionError(f"no metadata in the bundle for {missing}: About would show their versions as “?”")
    size = sum(path.lstat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"     the bundle: {size / 1e6:.0f} MB unpacked, {len(files)} files", flush=True)


def run_smoke(folder: Path) -> Smoke:
    smoke = Smoke(folder)
    smoke.step("the bundle leaves out what the app never loads", lambda: leaves_out_what_is_never_loaded(folder / "toa-soan"))
    out = folder / "out"
    out.mkdir()
    example = folder / "le-chan"
    shutil.copytree(EXAMPLE_DIR, example)

    smoke.step("--version", lambda: smoke.expect_ok(smoke.bundle("--version"), says=f"toa-soan {VERSION}"))
    smoke.step("self-check: the example's preview, read back from its DOM",
               lambda: smoke.expect_ok(smoke.bundle("self-check"), says="self-check: ok"))

    def export_passes_vnu_and_qr() -> None:
        smoke.expect_ok(smoke.bundle("export", example, "-o", out / "bundle"))
        smoke.expect_ok(smoke.bundle("export", example, "-o", out / "single.html"))
        pages = (out / "bundle" / "index.html", out / "single.html")
        errors = vnu_errors(*pages)
        if any(errors.values()):
            raise AssertionError(f"vnu: {errors}")
        shot = chromium_screenshot(pages[0], folder / "page.png", 1280, 6000, folder / "chromium-profile")
        codes = sorted(code.text for code in zxingcpp.read_barcodes(shot, formats=zxingcpp.BarcodeFormat.QRCode))
        expected = sorted([EXAMPLE["url"], EXAMPLE["site"]["fanpage_url"]])
        if codes != expected:
            raise AssertionError(f"the QR codes read {codes}, expected {expected}")

    smoke.step("export: folder and one HTML file, vnu and both QR codes (zxing-cpp)", export_passes_vnu_and_qr)

    def heic_and_avif_export() -> None:
        heic = io.BytesIO()
        pillow_heif.from_pillow(Image.new("RGB", (640, 480), "darkred")).save(heic, format="HEIF", quality=80)
        data = minimal_article()
        data["blocks"].append({"type": "image", "src": "photos/2.avif", "caption": "Ảnh AVIF.", "alt": "Một bức ảnh AVIF"})
        data["blocks"][1]["src"] = "photos/1.heic"
        source = write_article_dir(folder / "formats", data, {
            "photos/1.heic": heic.getvalue(),
            "photos/2.avif": (CORPUS / "images-avif" / "kimono.crop.avif").read_bytes(),
        })
        smoke.expect_ok(smoke.bundle("export", source, "-o", out / "formats"))
        images = sorted((out / "formats" / "images").iterdir())
        if len(images) < 2:
            raise AssertionError(f"expected both photos exported, found {[p.name for p in images]}")
        colours = []
        for image in images:
            with Image.open(image) as decoded:
                colours.append(decoded.convert("RGB").resize((1, 1)).getpixel((0, 0)))
        # The HEIC was decoded, not just copied or replaced: its dark red (139, 0, 0) is in some output.
        if not any(abs(r - 139) < 20 and g < 20 and b < 20 for r, g, b in colours):
            raise AssertionError(f"no exported photo shows the HEIC's dark red: {colours}")

    smoke.step("export: HEIC and AVIF photos", heic_and_avif_export)

    def pdf_export() -> None:
        smoke.expect_ok(smoke.bundle("export", example, "-o", out / "page.pdf"))
        text = "".join(page.extract_text() for page in PdfReader(out / "page.pdf").pages)
        if "Lê Chân" not in text:
            raise AssertionError("the PDF does not hold the article's text")

    smoke.step("export -o NAME.pdf: the bundle prints in its own child", pdf_export)
    smoke.step("check", lambda: smoke.expect_ok(smoke.bundle("check", example)))
    smoke.step("import of a Word document", lambda: smoke.expect_ok(
        smoke.bundle("import", CORPUS / "docx-vietnamese-gov" / "vbai-05-CV-tra-loi-BXD.docx", "-o", out / "imported.article"),
        says="imported:"))
    smoke.step("library", lambda: smoke.expect_ok(smoke.bundle("library", out, "--json"), says="imported.article"))
    if os.name != "nt":  # a stand-in program needs a shell script; Windows would need an .exe
        smoke.step("an accepted update is started instead of this version", lambda: hands_over(smoke))
    return smoke


def hands_over(smoke: Smoke) -> None:
    """A newer version unpacked whole in the user's data folder (as Help ▸
    Check for updates leaves it) is what the bundle starts, arguments and all."""
    from editor.updates import READY

    newer = Path(smoke.env["HOME"]) / ".local" / "share" / "ToaSoan" / "versions" / "99.0.0"
    program = newer / "toa-soan" / "toa-soan"
    program.parent.mkdir(parents=True)
    program.write_text('#!/bin/sh\necho "version 99.0.0 started with: $*"\n', encoding="utf-8")
    program.chmod(0o755)
    try:  # the READY mark, which stage_update writes last
        (newer / READY).write_text("{}", encoding="utf-8")
        smoke.expect_ok(smoke.bundle("--version"), says="version 99.0.0 started with: --version")
    finally:
        shutil.rmtree(newer.parent)


def main() -> int:
    if not (BUNDLE / EXECUTABLE).is_file():
        print(f"no bundle at {BUNDLE}: run `python3 tasks.py build` first", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="toasoan-smoke-") as scratch:
        folder = Path(scratch)
        shutil.copytree(BUNDLE, folder / "toa-soan", symlinks=True)  # a fresh folder, as unzipped on a new PC
        smoke = run_smoke(folder)
    print(f"smoke: {len(smoke.passed)} passed, {len(smoke.failed)} failed ({time.monotonic() - started:.0f} s)", flush=True)
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
