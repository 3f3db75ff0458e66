"""Set up and run Tòa Soạn from a fresh clone, on Linux or Windows.

    python3 tasks.py app [FILE]     open the app (on the example article by default)
    python3 tasks.py lint           the import contracts, ruff and mypy --strict on editor/ (CI runs it first)
    python3 tasks.py test [ARGS]    run the whole test suite in three timed steps (main group on two
                                    processes, WordPress, soak run); with ARGS, just pytest ARGS
    python3 tasks.py bench          run the benchmarks and print their figures
    python3 tasks.py screenshots    rewrite the README's docs/screenshot*.png (and the user guide's copies)
    python3 tasks.py fuzz [ARGS]    the loading fuzz at full size: 10,000 inputs per test
    python3 tasks.py build [--zip]  the folder bundle dist/toa-soan/ that starts without Python (--zip: and its zip);
                                    fails when over the size budget (400 MB unpacked, 150 MB zipped)
    python3 tasks.py bundle-smoke   run the bundle from a fresh folder with a clean environment (after build)

Each command does its own set-up first: a virtual environment in .venv with
the project and its dependencies, and for the tests the external checkers
(Debian's chromium and a Java runtime through apt-get when run as root on
Debian/Ubuntu; npm's vnu-jar, axe-core and playwright-core in .tools/). Set-up is skipped when nothing
changed since the last run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
TOOLS = ROOT / ".tools"
# npm tools of the tests: the W3C Nu HTML Checker, and axe-core driven in
# Debian's Chromium by playwright-core (which downloads no browser itself).
NPM_TOOLS = ("vnu-jar@26.9.27", "playwright-core@1.65.1", "axe-core@4.14.1")
EXAMPLE = ROOT / "resources" / "examples" / "le-chan" / "article.json"

# Debian packages the tests use: a real browser and fonts with Vietnamese
# glyphs for the rendering checks, Java for the W3C checker, and the
# libraries Qt's xcb platform and QtWebEngine load.
DEBIAN_PACKAGES = [
    "chromium", "fonts-noto-core", "fonts-dejavu-core", "default-jre-headless",
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3", "libnss3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xkb1",
    "libxcb-render-util0", "libxcb-image0", "libxcomposite1", "libxdamage1", "libxrandr2", "libxtst6",
    "libasound2", "xvfb",
    # Independent decoders the image tests compare our exports with.
    "libvips-tools", "imagemagick",
    # /usr/bin/time, for the peak memory of the tools the benchmarks compare.
    "time",
    # libfaketime: the byte-identical export test moves the clock forward for the second export.
    "faketime",
    # The publish tests start a real WordPress on a loopback address (tests/editor/wordpress.py).
    "wordpress", "mariadb-server", "php-cli", "php-mysql",
    # ... and read the CMS password from a real Secret Service keyring in a private D-Bus session.
    "gnome-keyring", "dbus",
    # Reads back the credits written into exported photos (tests/editor/test_photo_credits.py).
    "libimage-exiftool-perl",
    # pdftoppm rasterizes the exported PDF at 300 dpi, to measure and scan the printed QR codes.
    "poppler-utils",
    # The spell check's syllables are compared with Debian's Vietnamese word list (GPL; read as data, never shipped).
    "hunspell-vi",
    # The Word import converts EMF and WMF pictures to PNG with it (editor/vector_pictures.py):
    # 29 packages, 121 MB installed, without its recommends.
    "inkscape",
    # The build makes Qt's ICU data library again, cut down, with as, ld and readelf (packaging/icu_data.py).
    "binutils",
    # ... and ICU's own package tool reads the cut data back in the tests (tests/test_icu_data.py).
    "icu-devtools",
]
# What `tasks.py build` needs of them: the ICU data cut (the commands, as binutils provides them).
BUILD_DEBIAN_PACKAGES = {"binutils": ("as", "ld", "readelf")}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*command: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[arg-type]


def ensure_venv(extras: str) -> Path:
    """Create .venv and install the project with ``extras`` when needed."""
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras.replace(',', '-')}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extras}]")
        stamp.write_text(digest)
    return python


# A package is not needed when the command it provides is already there
# (machines often carry a Java runtime from another package).
SATISFIED_BY_COMMAND = {"default-jre-headless": "java", "chromium": "chromium"}


def _missing_debian_packages(packages: list[str] = DEBIAN_PACKAGES) -> list[str]:
    missing = []
    for package in packages:
        command = SATISFIED_BY_COMMAND.get(package)
        if command and shutil.which(command):
            continue
        result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_build_tools() -> None:
    """binutils, for the build's ICU data cut on Linux (Windows' Qt ships no ICU data to cut)."""
    if not sys.platform.startswith("linux"):
        return
    missing = [package for package, commands in BUILD_DEBIAN_PACKAGES.items()
               if not all(shutil.which(command) for command in commands)]
    if missing and shutil.which("apt-get") is None:
        sys.exit(f"the build needs {' and '.join(missing)} ({', '.join(BUILD_DEBIAN_PACKAGES['binutils'])}): install it")
    if missing:
        ensure_system_tools(missing)


def ensure_system_tools(packages: list[str] = DEBIAN_PACKAGES) -> None:
    """Install the Debian packages the checks need, where that is possible."""
    if not sys.platform.startswith("linux") or shutil.which("apt-get") is None:
        print("note: install Chromium and a Java runtime yourself on this system", flush=True)
        return
    missing = _missing_debian_packages(packages)
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing Debian packages: {' '.join(missing)}; install them with sudo apt-get install")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def ensure_npm_tools() -> None:
    stamp = TOOLS / ".installed"
    if stamp.is_file() and stamp.read_text() == " ".join(NPM_TOOLS):
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to install the test tools: " + ", ".join(NPM_TOOLS))
    TOOLS.mkdir(exist_ok=True)
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    run(npm, "install", "--prefix", TOOLS, "--no-audit", "--no-fund", "--silent", *NPM_TOOLS, env=env)
    stamp.write_text(" ".join(NPM_TOOLS))


def command_app(args: list[str]) -> int:
    python = ensure_venv("gui")
    return subprocess.call([str(python), str(ROOT / "main.py"), *(args or [str(EXAMPLE)])])


# The habits CI enforces before the tests, each configured in pyproject.toml:
# the layers (import-linter contracts), the lint rules (ruff; `ruff check
# --fix` mends the safe ones) and the core's types (mypy --strict editor).
LINTERS = (
    ("import contracts", ["-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]),
    ("ruff", ["-m", "ruff", "check", "."]),
    ("mypy --strict editor", ["-m", "mypy"]),
)


def command_lint(args: list[str]) -> int:
    python = ensure_venv("gui,test")
    # The contracts read the code of this clone, not whatever copy is installed.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    failed = []
    for name, command in LINTERS:
        print(f"+ {name}", flush=True)
        if subprocess.call([str(python), *command], cwd=ROOT, env=env) != 0:
            failed.append(name)
    if failed:
        print("lint failed: " + ", ".join(failed), flush=True)
    return 1 if failed else 0


# `python3 tasks.py test` without arguments runs the whole suite in three
# steps, each timed on its own (README, "What the tests check"): the main
# group on two pytest-xdist workers (the CI machine has two cores; a third
# worker only adds contention), `--dist loadgroup` keeping the tests of one
# shared fixture on one worker (tests/conftest.py); then the tests of the real
# WordPress, which share one server; then the two-minute soak run. The markers
# are in pyproject.toml; every test is in exactly one step.
TEST_STEPS = (
    ("main group", ["-m", "not soak and not wordpress", "-n", "2", "--dist", "loadgroup"]),
    ("WordPress", ["-m", "wordpress"]),
    ("soak run", ["-m", "soak"]),
)


def _load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes and those they waited for:
    on a shared machine a fairer figure than the wall time, which the other work stretches."""
    times = os.times()
    return times.children_user + times.children_system


def command_test(args: list[str]) -> int:
    python = ensure_venv("gui,test")
    ensure_system_tools()
    ensure_npm_tools()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if args:  # a chosen part of the suite, as pytest is told
        return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)
    status, times, began = 0, [], time.monotonic()
    for name, step in TEST_STEPS:
        print(f"+ test step: {name} (load average before: {_load()})", flush=True)
        start, cpu = time.monotonic(), _children_cpu()
        code = subprocess.call([str(python), "-m", "pytest", *step], cwd=ROOT, env=env)
        times.append(f"{name} {time.monotonic() - start:.0f} s, CPU {_children_cpu() - cpu:.0f} s (load after: {_load()})"
                     + ("" if code == 0 else f", FAILED ({code})"))
        status = status or code  # the next steps still run, so that one run reports every failure
    print(f"test steps: {'; '.join(times)}; total {time.monotonic() - began:.0f} s", flush=True)
    return status


def command_bench(args: list[str]) -> int:
    python = ensure_venv("gui,test")
    status = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        status |= subprocess.call([str(python), str(script), *args], cwd=ROOT)
    return status


def command_screenshots(args: list[str]) -> int:
    # The screenshot test saves to a temporary folder unless told where.
    python = ensure_venv("gui,test")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TOASOAN_SCREENSHOTS": str(ROOT / "docs")}
    status = subprocess.call([str(python), "-m", "pytest", "-q", "tests/ui/test_screenshot.py", *args], cwd=ROOT, env=env)
    # The user guide the app ships shows the same screenshots.
    return status or subprocess.call([str(python), str(ROOT / "tools" / "build_guide.py")], cwd=ROOT)


def command_fuzz(args: list[str]) -> int:
    # The test suite draws 2,000 fresh inputs per fuzz test; this is the full run.
    python = ensure_venv("gui,test")
    env = {**os.environ, "FUZZ_EXAMPLES": os.environ.get("FUZZ_EXAMPLES", "10000"),
           "FUZZ_FEW_EXAMPLES": os.environ.get("FUZZ_FEW_EXAMPLES", "1500")}  # the slower fuzz tests, five times their CI budget
    return subprocess.call([str(python), "-m", "pytest", "-q", "tests/editor/test_load_fuzz.py", *args], cwd=ROOT, env=env)


def _tree_size(folder: Path) -> int:
    """Bytes on disk once unpacked; a symbolic link (Linux's Qt libraries) counts once."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


# The size budget of issue 21, in MB of 10^6 bytes: the folder as installed, and the zip an update folder holds.
BUDGET_UNPACKED_MB = 400
BUDGET_ZIP_MB = 150
# Files that are compressed already: stored as they are, LZMA would only spend time on them.
STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".zip", ".qm")


def _zip_tree(parent: Path, name: str, archive: Path) -> None:
    """Zip parent/name with LZMA, keeping symbolic links as links (shutil's zip
    would store each of Linux's linked Qt libraries twice).

    LZMA, not deflate: deflate at level 9 made 167.1 MB of the 392 MB Linux bundle, over the 150 MB
    budget; LZMA made 128.8 MB. The zip's one reader is the app's updater (editor/updates.py, Python's
    zipfile, which reads LZMA); users install with the Inno Setup installer, which packs the folder
    itself. Windows 10's Explorer and Info-ZIP's unzip cannot open it ("unsupported compression
    method 14"); 7-Zip and Python can: README, "Installing on an office PC"."""
    import stat
    import zipfile

    with zipfile.ZipFile(archive, "w", zipfile.ZIP_LZMA) as zipped:
        for path in sorted((parent / name).rglob("*")):
            member = path.relative_to(parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(member)
                info.create_system = 3  # Unix, so that the mode below is read
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zipped.writestr(info, os.readlink(path))
            elif path.is_file():
                stored = path.suffix.lower() in STORED_SUFFIXES
                zipped.write(path, member, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_LZMA)


def over_budget(unpacked: int, zipped: int | None) -> list[str]:
    """What is over the size budget, in words (nothing when within it)."""
    over = []
    if unpacked > BUDGET_UNPACKED_MB * 1e6:
        over.append(f"{unpacked / 1e6:.1f} MB unpacked, over the budget of {BUDGET_UNPACKED_MB} MB")
    if zipped is not None and zipped > BUDGET_ZIP_MB * 1e6:
        over.append(f"{zipped / 1e6:.1f} MB zipped, over the budget of {BUDGET_ZIP_MB} MB")
    return over


def command_build(args: list[str]) -> int:
    # PyInstaller, with the `build` extra; the spec says what goes in and what is left out.
    python = ensure_venv("gui,build")
    ensure_build_tools()
    run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", ROOT / "dist",
        "--workpath", ROOT / "build" / "pyinstaller", ROOT / "packaging" / "toa-soan.spec")
    bundle = ROOT / "dist" / "toa-soan"
    unpacked, zipped = _tree_size(bundle), None
    print(f"bundle: {bundle} ({unpacked / 1e6:.1f} MB unpacked; budget {BUDGET_UNPACKED_MB} MB)", flush=True)
    if "--zip" in args:
        # The zip and its manifest (version, checksum, the changelog's notes) are what an update folder holds.
        script = "from editor.updates import platform_tag; from editor.version import VERSION; print(VERSION); print(platform_tag())"
        version, platform_name = subprocess.run([str(python), "-c", script], cwd=ROOT, capture_output=True, text=True,
                                                check=True).stdout.split()
        archive = ROOT / "dist" / f"toa-soan-{version}-{platform_name}.zip"
        started = time.monotonic()
        _zip_tree(ROOT / "dist", "toa-soan", archive)
        zip_seconds = time.monotonic() - started
        manifest = ("import sys; from pathlib import Path; from editor.updates import changelog_notes, write_manifest; "
                    "notes = changelog_notes(Path('CHANGELOG.md').read_text(encoding='utf-8'), sys.argv[2]); "
                    "print(write_manifest(Path(sys.argv[1]), sys.argv[2], sys.argv[3], notes))")
        run(python, "-c", manifest, archive, version, platform_name, cwd=ROOT)
        zipped = archive.stat().st_size
        print(f"zip: {archive} ({zipped / 1e6:.1f} MB, LZMA, in {zip_seconds:.0f} s; budget {BUDGET_ZIP_MB} MB)", flush=True)
    over = over_budget(unpacked, zipped)
    for line in over:
        print(f"build: the bundle is too big: {line} (README, \"Installing on an office PC\")", file=sys.stderr, flush=True)
    return 1 if over else 0


def command_bundle_smoke(args: list[str]) -> int:
    # The smoke test itself runs in .venv (it reads the results with the test tools); the bundle runs bare.
    python = ensure_venv("gui,test")
    ensure_system_tools()
    ensure_npm_tools()
    return subprocess.call([str(python), str(ROOT / "tools" / "bundle_smoke.py"), *args], cwd=ROOT)


COMMANDS = {
    "build": command_build, "bundle-smoke": command_bundle_smoke,
    "app": command_app, "lint": command_lint, "test": command_test, "bench": command_bench,
    "screenshots": command_screenshots, "fuzz": command_fuzz,
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
